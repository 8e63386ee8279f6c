"""Redraw the windows of a hall's PCs while their hall server is unreachable.

    python scripts/screenshots_offline.py [OUT_DIR] [--size 1366x768] [--size 1920x1080]

A throwaway PostgreSQL (``tests/pg_server.py``: Debian's server binaries) holds a hall with a
morning's line; a counter PC, the kiosk PC and the display PC join it and draw their windows; then
the server is stopped hard (``pg_ctl stop -m immediate``) and each window is drawn once its strip
says so: the counter with its customer, the kiosk with a backup number it issued alone, the display
with the last calls it keeps. Off screen by default.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # this checkout, and the tests' server

import psycopg  # noqa: E402
import screen_grab  # noqa: E402
from pg_server import test_server  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402
from screen_grab import spin  # noqa: E402

from counter_app import paths  # noqa: E402
from counter_app.app import open_pc, open_server_hall  # noqa: E402
from counter_app.qt_i18n import install_language  # noqa: E402
from counter_app.services.hall import Hall  # noqa: E402
from counter_app.ui import style  # noqa: E402
from counter_app.ui.counter.window import CounterWindow  # noqa: E402
from counter_app.ui.display.window import DisplayWindow  # noqa: E402
from counter_app.ui.hall_client import HallClient, HallWorker  # noqa: E402
from counter_app.ui.kiosk.window import KioskWindow  # noqa: E402
from counter_app.ui.link_bar import LinkBar, LinkWatch, add_link_bar  # noqa: E402


def wait_for(app: QApplication, condition: Callable[[], bool], timeout: float = 30.0) -> None:
    if not screen_grab.wait_for(app, condition, timeout):
        raise SystemExit("the windows did not reach the state to draw")


def morning(dsn: str, folder: Path) -> None:
    """The hall on its server and a morning's line: some served, some waiting."""
    open_server_hall(dsn, folder / "init.sqlite3", profile_file=paths.DEFAULT_PROFILE, create=True).close()
    hall = open_server_hall(dsn, folder / "other.sqlite3")
    try:
        for code in "AABACABDAB":
            hall.queue.issue(code)
        for counter in (2, 4, 5):
            hall.queue.call_next(counter)
    finally:
        hall.close()


def client_for(dsn: str, local: Path, pc: str) -> HallClient[Hall]:
    worker: HallWorker[Hall] = HallWorker(lambda: open_pc(dsn, local, pc=pc))
    worker.start()
    worker.ready.wait(30)
    if worker.open_error is not None:
        raise SystemExit(f"{pc} could not open: {worker.open_error}")
    return HallClient(worker)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--size", action="append", default=[])
    args = parser.parse_args()
    sizes = [tuple(int(n) for n in s.split("x")) for s in args.size] or [(1366, 768), (1920, 1080)]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_language("zh_CN")
    style.apply_app_style(app, "zh_CN")
    with tempfile.TemporaryDirectory() as tmp, test_server() as server:
        folder = Path(tmp)
        with psycopg.connect(server.conninfo(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE hall_offline")
        dsn = server.conninfo("hall_offline")
        morning(dsn, folder)
        pcs = ("counter-1", "kiosk", "display")
        clients = {pc: client_for(dsn, folder / f"{pc}.sqlite3", pc) for pc in pcs}
        counter = CounterWindow(clients["counter-1"], 1, "王芳", "zh_CN")
        kiosk = KioskWindow(clients["kiosk"], "zh_CN")
        display = DisplayWindow(clients["display"], "zh_CN")
        windows: dict[str, tuple[QMainWindow, LinkBar]] = {}
        for name, window, role, language in (
            ("counter", counter, "counter", None),
            ("kiosk", kiosk, "kiosk", "zh_CN"),
            ("display", display, "display", "zh_CN"),
        ):
            client = clients["counter-1" if name == "counter" else name]
            watch = LinkWatch(client, parent=window)
            scale = 1.6 if role == "display" else 1.0
            bar = add_link_bar(window, watch, role, language=language, scale=scale)
            windows[name] = (window, bar)
            window.resize(*sizes[0])
            window.show()
        wait_for(app, lambda: display.view is not None and counter.view is not None)
        counter.call_next()
        wait_for(app, lambda: counter.current_ticket() is not None)
        spin(app, 1.5)  # the counter PC copies the day's open tickets from the server

        server.ctl("-m", "immediate", "-w", "stop")
        wait_for(app, lambda: all(bar.lines.look == "down" for _, bar in windows.values()))
        kiosk.take(kiosk.profile.services[0], green=False)
        wait_for(app, lambda: kiosk.issued is not None)
        for width, height in sizes:
            for name, (window, _) in windows.items():
                window.resize(width, height)
                spin(app, 0.6)
                path = out / f"offline-{name}-{width}x{height}.png"
                window.grab().save(str(path))
                print(path)
        for window, _ in windows.values():
            window.close()
            window.deleteLater()
        spin(app, 0.2)
        for client in clients.values():
            client.worker.stop()
        gc.collect()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
