"""Draw the windows of a damaged hall file (open read-only) and the supervisor's sign-in, in Simplified
Chinese by default.

    python scripts/screenshots_damaged.py [OUT_DIR] [--size 1366x768] [--size 1920x1080] [--language en]

* ``damaged-counter``: a counter on a hall file one page of which was overwritten: the strip says it
  is open read-only and offers the newest good backup; a call was tried and refused plainly.
* ``damaged-kiosk``: the kiosk on the same file, in the customer's words.
* ``supervisor-sign-in``: the dashboard of a hall with accounts, asking for a supervisor's sign-in.
* ``supervisor-accounts``: signed in, the staff accounts with a clerk locked after wrong passwords.

Off screen by default.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QMainWindow
from screen_grab import grab, wait_for

from counter_app.app import damage_of, open_hall
from counter_app.domain.errors import NotPermitted
from counter_app.domain.roles import Role
from counter_app.qt_i18n import install_language
from counter_app.services.hall import Hall
from counter_app.ui import style
from counter_app.ui.counter.window import CounterWindow
from counter_app.ui.hall_client import HallClient, HallWorker
from counter_app.ui.kiosk.window import KioskWindow
from counter_app.ui.restore_offer import add_damaged_bar
from counter_app.ui.sign_in import LEAD_ROLES, CounterSignIn
from counter_app.ui.supervisor.window import SupervisorWindow

ADMIN_PASSWORD = "Sunshine-Meadow7"
SUPERVISOR_PASSWORD = "Orchid-Harbour58"
CLERK_PASSWORD = "River-Lantern42"


def damaged_hall() -> Path:
    """A morning's queue with a clerk at counter 1, backed up, then one page of a table overwritten."""
    db = Path(tempfile.mkdtemp(prefix="counter-damaged-")) / "hall.sqlite3"
    with open_hall(db, create=True) as hall:
        for service in "AABACABA":
            hall.queue.issue(service)
        hall.queue.call_next(1, clerk="0107")
        assert hall.backups is not None
        hall.backups.backup()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    (page,) = conn.execute("SELECT min(pageno) FROM dbstat WHERE name = 'visit_notes'").fetchone()
    conn.close()
    with open(db, "r+b") as f:
        f.seek((page - 1) * 4096)
        f.write(bytes(b ^ 0xA5 for b in f.read(4096)))
    return db


def accounts_hall() -> Path:
    """A hall with an administrator, a supervisor and two clerks; clerk 0108 locked."""
    db = Path(tempfile.mkdtemp(prefix="counter-accounts-")) / "hall.sqlite3"
    with open_hall(db, create=True) as hall:
        hall.users.add("admin", "管理员", Role.ADMINISTRATOR, ADMIN_PASSWORD)
        hall.users.sign_in("admin", ADMIN_PASSWORD)
        hall.users.add("s01", "张敏", Role.SUPERVISOR, SUPERVISOR_PASSWORD)
        hall.users.add("0107", "王丽", Role.CLERK, CLERK_PASSWORD)
        hall.users.add("0108", "李强", Role.CLERK, CLERK_PASSWORD)
        hall.users.sign_out()
        for _ in range(5):
            with contextlib.suppress(NotPermitted):  # a wrong password: the refusal is the point
                hall.users.sign_in("0108", "Wrong-Guess77")
        for service in "AABAC":
            hall.queue.issue(service)
    return db


def client_on(db: Path) -> HallClient[Hall]:
    worker: HallWorker[Hall] = HallWorker(lambda: open_hall(db))
    worker.start()
    worker.ready.wait()
    return HallClient(worker)


CLOSED: list[QMainWindow] = []
"""Closed windows are kept until the end: their event filters outlive a garbage-collected wrapper."""


def close(window: QMainWindow, client: HallClient[Hall]) -> None:
    window.close()
    client.worker.stop()
    CLOSED.append(window)


def shoot(app: QApplication, out: Path, width: int, height: int, language: str) -> None:
    size = f"{width}x{height}"
    db = damaged_hall()
    client = client_on(db)
    assert damage_of(client.worker.hall) is not None
    counter = CounterWindow(client, 1, "0107", language)
    add_damaged_bar(counter, "counter")
    counter.resize(width, height)
    counter.show()
    wait_for(app, lambda: counter.model.rowCount() > 0)
    counter.call_next()  # refused: nothing can be saved
    wait_for(app, lambda: counter.banner.is_error)
    grab(app, counter, out / f"damaged-counter-{size}.png")
    close(counter, client)
    client = client_on(db)
    kiosk = KioskWindow(client, language)
    add_damaged_bar(kiosk, "kiosk", language=lambda: kiosk.language, scale=1.3)
    kiosk.resize(width, height)
    kiosk.show()
    grab(app, kiosk, out / f"damaged-kiosk-{size}.png")
    close(kiosk, client)

    client = client_on(accounts_hall())
    board = SupervisorWindow(client, language, wait_for_sign_in=True)
    control = CounterSignIn(board, client, None, lambda _code: None, roles=LEAD_ROLES)
    board.sign_in = control
    control.admitted.connect(board.admit)
    board.resize(width, height)
    board.show()
    wait_for(app, lambda: control.covered and control.cover.primary.isVisible())
    control.cover.code.setText("s01")
    grab(app, board, out / f"supervisor-sign-in-{size}.png")
    control.cover.secret.setText(SUPERVISOR_PASSWORD)
    control.cover.primary.click()
    wait_for(app, lambda: not control.covered and board.view is not None)
    board.show_tab("accounts")
    wait_for(app, lambda: board.accounts_tab.model.rowCount() == 4)
    board.accounts_tab.choose("0108")
    grab(app, board, out / f"supervisor-accounts-{size}.png")
    close(board, client)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", nargs="?", default="docs/screenshots")
    parser.add_argument("--size", action="append", help="WIDTHxHEIGHT (default: 1366x768 and 1920x1080)")
    parser.add_argument("--language", default="zh_CN")
    args = parser.parse_args()
    sizes = [tuple(int(n) for n in s.split("x")) for s in (args.size or ["1366x768", "1920x1080"])]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    install_language(args.language)
    style.apply_app_style(app, args.language)
    for width, height in sizes:
        shoot(app, out, width, height, args.language)


if __name__ == "__main__":
    main()
