"""Draw the service-quality windows from a demo hall on a fixed morning (Monday 2026-11-30 11:20, a
month-end day), in Simplified Chinese: the supervisor's dashboard (each tab), the customer's rating
screen (idle, asking, reasons), and the counter with a handed-over customer.

    python scripts/screenshots_quality.py [OUT_DIR] [--size 1366x768] [--size 1920x1080]

Off screen by default; under ``xvfb-run -a`` set QT_QPA_PLATFORM=xcb to draw on a real X server.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget
from screen_grab import grab, spin, wait_for

from counter_app.app import open_hall
from counter_app.domain.quality.facts import Rating
from counter_app.qt_i18n import install_language
from counter_app.services.hall import Hall
from counter_app.ui import style
from counter_app.ui.hall_client import HallClient, HallWorker

MORNING = datetime(2026, 11, 30, 11, 20, tzinfo=ZoneInfo("Asia/Shanghai"))


class RunningClock:
    """The hall's clock from ``start``, running at the real pace."""

    def __init__(self, start: datetime) -> None:
        self.start = start
        self.t0 = time.monotonic()

    def __call__(self) -> datetime:
        return self.start + timedelta(seconds=time.monotonic() - self.t0)


def dispose(app: QApplication, widget: QWidget) -> None:
    """Close and delete a window here, on the GUI thread: left to Python's garbage collector it
    could be destroyed on the worker thread, which Qt does not allow."""
    widget.close()
    widget.deleteLater()
    spin(app, 0.1)
    gc.collect()


def demo_hall(db: Path, clock: RunningClock) -> None:
    from counter_app.services.demo import load_demo

    hall = open_hall(db, clock=clock, create=True)
    try:
        load_demo(hall)
    finally:
        hall.close()


def finish_a_customer(hall: Hall) -> object:
    """Counter 2 finishes its customer (calling one first if it has none): its screen asks."""
    if hall.queue.repo.active_at(2) is None:
        hall.queue.call_next(2)
    return hall.queue.finish(2)


def hand_over_to_five(hall: Hall) -> object:
    """Counter 1 hands its customer to counter 5 (an inquiry), which then calls them."""
    if hall.queue.repo.active_at(1) is None:
        hall.queue.call_next(1)
    handed = hall.queue.transfer(1, "C", reason="需专人处理", to_counter=5)
    if hall.queue.repo.active_at(5) is not None:
        hall.queue.finish(5)
    return hall.queue.call_number(5, handed.number)


def shoot(
    app: QApplication,
    client: HallClient,
    act: Callable[[Callable[[Hall], object]], object],
    out: Path,
    width: int,
    height: int,
) -> None:
    """Every window of the quality work at one screen size."""
    from counter_app.ui.counter.handover import HandoverDialog
    from counter_app.ui.counter.handover_panel import CustomerHandoverStrip, HandoversPanel
    from counter_app.ui.counter.window import CounterWindow
    from counter_app.ui.rating import RatingWindow
    from counter_app.ui.supervisor.window import SupervisorWindow

    suffix = f"-{width}x{height}"
    supervisor = SupervisorWindow(client, "zh_CN")
    supervisor.resize(width, height)
    supervisor.show()
    loaded: list[bool] = []
    supervisor.loaded.connect(lambda: loaded.append(True))
    wait_for(app, lambda: bool(loaded))
    shown: list[bool] = []
    supervisor.forecast_shown.connect(lambda: shown.append(True))
    for tab in ("now", "today", "clerks", "forecast"):
        supervisor.show_tab(tab)
        if tab == "forecast":
            wait_for(app, lambda: bool(shown))
        grab(app, supervisor, out / f"supervisor-{tab}{suffix}.png")
    dispose(app, supervisor)

    rating = RatingWindow(client, 2, "zh_CN")
    rating.resize(width, height)
    rating.show()
    wait_for(app, lambda: rating.view is not None)
    grab(app, rating, out / f"rating-idle{suffix}.png")
    act(finish_a_customer)
    wait_for(app, lambda: rating.panel.asking)
    grab(app, rating, out / f"rating-ask{suffix}.png")
    rating.panel.choose(Rating.DISSATISFIED)
    rating.panel.chips["long_wait"].setChecked(True)
    grab(app, rating, out / f"rating-reasons{suffix}.png")
    rating.panel.submit()
    grab(app, rating, out / f"rating-thanks{suffix}.png")
    dispose(app, rating)

    act(hand_over_to_five)
    window = CounterWindow(client, 5, None, "zh_CN")
    window.add_beside_customer(CustomerHandoverStrip(client, 5, window.current_clerk, keys_on=window))
    window.add_panel(
        "handovers", lambda: HandoversPanel(client, 5, window.current_clerk, window.call_specific)
    )
    window.resize(width, height)
    window.show()
    counter_loaded: list[bool] = []
    window.loaded.connect(lambda: counter_loaded.append(True))
    wait_for(app, lambda: bool(counter_loaded))
    grab(app, window, out / f"counter-handover{suffix}.png")
    window.show_tab("handovers")
    grab(app, window, out / f"counter-handovers-tab{suffix}.png")
    current = window.current_ticket()
    if current is not None:
        dialog = HandoverDialog(client.profile, 5, current.number, "D", window)
        dialog.show()
        grab(app, dialog, out / f"handover-dialog{suffix}.png")
        dispose(app, dialog)
    dispose(app, window)


def main(out: Path, sizes: list[tuple[int, int]]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    install_language("zh_CN")
    style.apply_app_style(app, "zh_CN")
    for width, height in sizes:  # a fresh demo hall for each size: every picture shows the same
        db = Path(tempfile.mkdtemp(prefix="counter-quality-")) / "hall.sqlite3"
        # the demo morning ends 25 minutes before the pictures: the people it left waiting have
        # waited past the 20-minute target, so the dashboard shows its alerts
        demo_hall(db, RunningClock(MORNING - timedelta(minutes=25)))
        clock = RunningClock(MORNING)
        worker = HallWorker(lambda db=db, clock=clock: open_hall(db, clock=clock))
        worker.start()
        worker.ready.wait()
        client = HallClient(worker)

        def act(fn: Callable[[Hall], object], client: HallClient = client) -> object:
            """One action through the worker (its thread owns the connection), waited for."""
            replies: list[object] = []
            client.submit(fn, replies.append, replies.append)
            wait_for(app, lambda: bool(replies))
            if isinstance(replies[0], BaseException):
                raise replies[0]
            return replies[0]

        shoot(app, client, act, out, width, height)
        worker.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="docs/screenshots")
    parser.add_argument("--size", action="append", help="WIDTHxHEIGHT (repeat); default 1366x768")
    args = parser.parse_args()
    sizes = [tuple(int(v) for v in s.split("x")) for s in (args.size or ["1366x768"])]
    main(Path(args.out), sizes)  # type: ignore[arg-type]
