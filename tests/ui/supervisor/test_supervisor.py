"""The supervisor's dashboard on the hand-worked day, played by another process on a test clock: the
figures on every tab, live refresh on the hall's changes, alerts, the forecast and report export."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from quality_data import DAY, at
from quality_scenario import PROFILE_TEXT, play_day

from counter_app import paths
from counter_app.app import open_hall
from counter_app.domain.profile import include_names
from counter_app.qt_i18n import install_language
from counter_app.services.hall import Hall
from counter_app.ui.hall_client import HallClient, HallWorker
from counter_app.ui.supervisor.export import ExportRequest
from counter_app.ui.supervisor.forecast_tab import CountersNeededModel
from counter_app.ui.supervisor.models import CountersModel
from counter_app.ui.supervisor.window import SupervisorWindow


@pytest.fixture
def day_file(tmp_path: Path, clock: Any) -> Iterator[tuple[Path, Hall]]:
    profile = tmp_path / "profile.toml"
    profile.write_text(PROFILE_TEXT, encoding="utf-8")
    for name in include_names(PROFILE_TEXT):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(paths.DEFAULT_PROFILE.parent / name, tmp_path / name)
    path = tmp_path / "hall.sqlite3"
    hall = open_hall(path, profile_file=profile, clock=clock, create=True)
    play_day(hall, clock.set)
    clock.set(at("11:05"))
    yield path, hall
    hall.close()


@pytest.fixture
def board(qtbot: Any, qapp: Any, day_file: tuple[Path, Hall], clock: Any) -> Iterator[SupervisorWindow]:
    install_language("en")
    path, _ = day_file
    worker = HallWorker(lambda: open_hall(path, clock=clock))
    worker.start()
    worker.ready.wait(10)
    window = SupervisorWindow(HallClient(worker), "en")
    qtbot.addWidget(window)
    window.show()
    loaded: list[bool] = []
    window.loaded.connect(lambda: loaded.append(True))
    qtbot.waitUntil(lambda: bool(loaded), timeout=10_000)
    yield window
    worker.stop()


def tile(window: SupervisorWindow, label: str) -> str:
    found = [t.value.text() for t in window.today_tab.tiles if t.label.text() == label]
    assert found, label
    return found[0]


def test_today_shows_the_hand_counted_figures(board: SupervisorWindow) -> None:
    assert (tile(board, "Numbers taken"), tile(board, "Customers served")) == ("6", "5")
    assert tile(board, "Average wait (min)") == "11.4"
    assert tile(board, "Satisfaction rate") == "50.0%"
    assert tile(board, "Passed on without hand-over") == "1"
    services = board.today_tab.services
    assert [services.row_at(i)[0] for i in range(services.rowCount())] == [
        "A Payment",
        "B Installation and changes",
        "C Inquiry",
        "D Repair and complaints",
    ]
    assert services.index(0, 1).data() == "3" and services.index(0, 7).data() == "66.7%"
    assert board.today_tab.by_hour.categories == ("09", "10")
    assert board.today_tab.by_hour.bars == (5.0, 1.0)
    assert board.today_tab.by_hour.line == (6.0, 6.0)  # six counters open all morning
    assert sum(board.today_tab.waits.bars) == 5  # every first call in the wait chart
    assert board.today_tab.month.bars[-1] == 6.0  # today ends the 30-day trend


def test_clerks_and_their_names(board: SupervisorWindow) -> None:
    model = board.clerks_tab.model
    rows = {model.row_at(i)[0]: model.row_at(i)[1] for i in range(model.rowCount())}
    assert rows["S002"].served == 2 and rows["S006"].handovers == 1
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Customers served"


def test_now_follows_the_hall_live_and_alerts(
    board: SupervisorWindow, day_file: tuple[Path, Hall], clock: Any, qtbot: Any
) -> None:
    _, other = day_file
    assert board.now_tab.tiles["A"].waiting.text() == "0 waiting"
    clock.set(at("10:40"))
    other.queue.issue("A")  # another process: the dashboard notices by itself
    clock.set(at("11:05"))
    qtbot.waitUntil(lambda: board.now_tab.tiles["A"].waiting.text() == "1 waiting", timeout=10_000)
    assert board.now_tab.tiles["A"].over  # 25 minutes against A's own target of 10
    texts = [board.now_tab.alerts.item(i).text() for i in range(board.now_tab.alerts.count())]
    assert any("past the target of 10 min" in t for t in texts)
    assert tile(board, "Numbers taken") == "7"


def test_the_forecast_tab_says_when_there_is_no_history_yet(board: SupervisorWindow, qtbot: Any) -> None:
    shown: list[bool] = []
    board.forecast_shown.connect(lambda: shown.append(True))
    board.show_tab("forecast")  # today is the hall's only day: nothing over yet to learn from
    qtbot.waitUntil(lambda: bool(shown), timeout=15_000)
    assert board.forecast is None
    assert "nothing to learn from" in board.forecast_tab.summary.text()


def test_the_forecast_tab_with_history(
    board: SupervisorWindow, day_file: tuple[Path, Hall], clock: Any, qtbot: Any
) -> None:
    _, other = day_file
    clock.set(at("09:00") + timedelta(days=1))
    other.queue.issue("A")  # the next day: the played day is history now
    shown: list[bool] = []
    board.forecast_shown.connect(lambda: shown.append(True))
    board.show_tab("forecast")
    qtbot.waitUntil(lambda: bool(shown), timeout=15_000)
    assert board.forecast is not None
    assert board.forecast.days[0].day == DAY + timedelta(days=2)  # from tomorrow, a week
    assert "numbers expected" in board.forecast_tab.summary.text()
    assert board.forecast_tab.model.columnCount() == 7 and board.forecast_tab.chart.bars


def test_a_report_is_exported(board: SupervisorWindow, tmp_path: Path, qtbot: Any) -> None:
    written: list[object] = []
    board.exported.connect(written.append)
    board.export(ExportRequest("daily", DAY, DAY, "xlsx", tmp_path / "day.xlsx"))
    qtbot.waitUntil(lambda: bool(written), timeout=15_000)
    glance = {
        r[0].value: r[1].value for r in load_workbook(tmp_path / "day.xlsx")["概况"].iter_rows(min_row=7)
    }
    assert glance["取号数"] == 6  # the hall's language (zh_CN), whatever the screen's
    assert "Report written" in board.banner.text()


def test_dashboard_models(qtmodeltester: Any, board: SupervisorWindow) -> None:
    qtmodeltester.check(board.today_tab.services)
    qtmodeltester.check(board.clerks_tab.model)
    counters = CountersModel()
    assert board.view is not None
    counters.set_counters(board.view.counters, board.view.at)
    qtmodeltester.check(counters)
    qtmodeltester.check(CountersNeededModel())
