"""Draw the counter's sign-in, its idle lock and the first start's set-up, in Simplified Chinese.

    python scripts/screenshots_sign_in.py [OUT_DIR] [--size 1366x768] [--size 1920x1080]

A hall with an administrator and clerk c01 (王丽, with a PIN); the counter asks for a password, then
c01 signs in and the counter is locked as after its idle minutes: the cover hides the desk, which
stays as it was underneath. Off screen by default.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication
from screen_grab import grab, spin, wait_for

from counter_app.app import open_hall
from counter_app.domain.roles import Role
from counter_app.qt_i18n import install_language
from counter_app.services.hall import Hall
from counter_app.services.session import SignedIn
from counter_app.ui import style
from counter_app.ui.counter.window import CounterWindow
from counter_app.ui.hall_client import HallClient, HallWorker
from counter_app.ui.sign_in import CounterSignIn

ADMIN_PASSWORD = "Sunshine-Meadow7"
CLERK_PASSWORD = "River-Lantern42"


def hall_file(accounts: bool) -> Path:
    db = Path(tempfile.mkdtemp(prefix="counter-sign-in-")) / "hall.sqlite3"
    with open_hall(db, create=True) as hall:
        if accounts:
            hall.users.add("admin", "管理员", Role.ADMINISTRATOR, ADMIN_PASSWORD)
            hall.users.sign_in("admin", ADMIN_PASSWORD)
            hall.users.add("c01", "王丽", Role.CLERK, CLERK_PASSWORD)
            hall.users.set_pin("c01", "480263")
            for service in "AABAC":
                hall.queue.issue(service)
    return db


def counter(db: Path, width: int, height: int) -> tuple[CounterWindow, CounterSignIn, HallWorker[Hall]]:
    signed_in = SignedIn()
    worker: HallWorker[Hall] = HallWorker(lambda: open_hall(db, signed_in=signed_in))
    worker.start()
    worker.ready.wait()
    client = HallClient(worker)
    window = CounterWindow(client, 1, None, "zh_CN")
    control = CounterSignIn(window, client, 1, window.seat_clerk)
    window.sign_in = control
    window.resize(width, height)
    window.show()
    return window, control, worker


def close(window: CounterWindow, worker: HallWorker[Hall]) -> None:
    window.close()
    worker.stop()
    gc.collect()


def shoot(app: QApplication, out: Path, width: int, height: int) -> None:
    window, control, worker = counter(hall_file(accounts=True), width, height)
    wait_for(app, lambda: control.covered)
    control.cover.code.setText("c01")
    grab(app, window, out / f"sign-in-{width}x{height}.png")
    control.cover.secret.setText(CLERK_PASSWORD)
    control.cover.primary.click()
    wait_for(app, lambda: not control.covered)
    spin(app, 1.5)
    control.lock()
    grab(app, window, out / f"idle-lock-{width}x{height}.png")
    close(window, worker)
    window, control, worker = counter(hall_file(accounts=False), width, height)
    wait_for(app, lambda: control.setup_needed)
    window.clerk_button.click()
    grab(app, window, out / f"set-up-{width}x{height}.png")
    close(window, worker)


def main(out: Path, sizes: list[tuple[int, int]]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    install_language("zh_CN")
    style.apply_app_style(app, "zh_CN")
    for width, height in sizes:
        shoot(app, out, width, height)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="docs/screenshots")
    parser.add_argument("--size", action="append", help="WIDTHxHEIGHT (repeat); default 1366x768")
    args = parser.parse_args()
    sizes = [tuple(int(v) for v in s.split("x")) for s in (args.size or ["1366x768"])]
    main(Path(args.out), sizes)  # type: ignore[arg-type]
