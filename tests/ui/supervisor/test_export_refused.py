"""The dashboard's "Reports…" on a hall with accounts: the service decides who may export, and a
refusal reaches the banner plainly, with no file written; a supervisor's export is written."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sign_in_data import ACCOUNTS, cheap_hashing, set_up_accounts

from counter_app.app import open_hall
from counter_app.qt_i18n import install_language
from counter_app.services.session import Session, SignedIn
from counter_app.ui.hall_client import HallClient, HallWorker
from counter_app.ui.supervisor.export import ExportRequest
from counter_app.ui.supervisor.window import SupervisorWindow

__all__ = ["cheap_hashing"]

pytestmark = pytest.mark.usefixtures("cheap_hashing")


@pytest.fixture
def board_of(
    qtbot: Any, qapp: Any, tmp_path: Path, clock: Any
) -> Iterator[Callable[[str], SupervisorWindow]]:
    """The dashboard with the member of staff ``code`` signed in on its PC."""
    install_language("en")
    path = tmp_path / "hall.sqlite3"
    with open_hall(path, clock=clock, create=True) as hall:
        set_up_accounts(hall)
    workers: list[HallWorker[Any]] = []

    def make(code: str) -> SupervisorWindow:
        signed_in = SignedIn()
        name, role = ACCOUNTS[code]
        signed_in.session = Session(code, name, role)
        worker = HallWorker(lambda: open_hall(path, clock=clock, signed_in=signed_in))
        worker.start()
        worker.ready.wait(10)
        workers.append(worker)
        window = SupervisorWindow(HallClient(worker), "en")
        qtbot.addWidget(window)
        window.show()
        loaded: list[bool] = []
        window.loaded.connect(lambda: loaded.append(True))
        # a clerk's dashboard is refused by the service itself (the hall's figures): its banner says so
        qtbot.waitUntil(lambda: bool(loaded) or window.banner.is_error, timeout=10_000)
        return window

    yield make
    for worker in workers:
        worker.stop()
    gc.collect()  # now, with no worker thread left, not in the middle of the next test's window


@pytest.mark.parametrize("code", ["c01", "admin"])
def test_an_export_by_a_role_that_may_not_is_refused_on_the_banner(
    board_of: Callable[[str], SupervisorWindow],
    code: str,
    tmp_path: Path,
    qtbot: Any,
    clock: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    board = board_of(code)
    shown: list[str] = []
    banner_error = board.banner.error
    # undone at teardown: a wrapper left on the banner keeps it in a reference cycle, which the
    # garbage collector once broke while the next test's worker thread ran (a segfault)
    monkeypatch.setattr(board.banner, "error", lambda text: (shown.append(text), banner_error(text)))
    written: list[object] = []
    board.exported.connect(written.append)
    target = tmp_path / "day.csv"
    day = clock().date()
    board.export(ExportRequest("daily", day, day, "csv", target))
    qtbot.waitUntil(lambda: bool(shown), timeout=15_000)  # (a later refresh may clear the banner)
    assert "may not" in shown[0] and not written
    assert not target.exists()


def test_a_supervisors_export_is_written(
    board_of: Callable[[str], SupervisorWindow], tmp_path: Path, qtbot: Any, clock: Any
) -> None:
    board = board_of("s01")
    written: list[object] = []
    board.exported.connect(written.append)
    day = clock().date()
    board.export(ExportRequest("daily", day, day, "csv", tmp_path / "day.csv"))
    qtbot.waitUntil(lambda: bool(written), timeout=15_000)
    assert (tmp_path / "day.csv").stat().st_size > 0
