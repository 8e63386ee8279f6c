"""Entering a year's official holiday schedule (``counter-app workdays load``) and looking at a year
(``workdays year``): the year turns official, due dates of open applications move with it, and a
wrong file changes nothing."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from application_data import home
from cli_runner import CliRun

from counter_app import paths
from counter_app.app import main, open_hall
from counter_app.cli import EXIT_REFUSED
from counter_app.domain.applications.detail import ApplicationRequest

TZ = ZoneInfo("Asia/Shanghai")
# The file format with made-up dates (this is not the real 2027 schedule).
SCHEDULE = """\
# test schedule
year = 2027
source = "test notice for 2027"
holidays = [
    { name = "元旦", from = 2027-01-01, to = 2027-01-03 },
    { name = "春节", from = 2027-02-05, to = 2027-02-11 },
]
workdays = [2027-02-20]
"""


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "hall.sqlite3")
    assert main(["--db", path, "init"]) == 0
    return path


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], db: str) -> CliRun:
    return CliRun(capsys, "--db", db)


def _file(tmp_path: Path, text: str, name: str = "2027.toml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_year_without_a_schedule_is_counted_on_the_statutory_holidays(run: CliRun) -> None:
    out = run("workdays", "year", "2027")
    assert out["basis"] == "statutory" and out["provisional"] is True
    off = {d["date"]: d["statutory"] for d in out["days_off_on_weekdays"]}
    assert off["2027-01-01"] == "元旦" and off["2027-02-05"] == "春节" and off["2027-02-08"] == "春节"
    assert out["weekend_workdays"] == []
    library = run("workdays", "year", "2026")
    assert library["basis"] == "library" and library["provisional"] is False
    assert "2026-02-14" in library["weekend_workdays"]


def test_loading_the_schedule_makes_the_year_official(run: CliRun, tmp_path: Path) -> None:
    out = run("workdays", "load", _file(tmp_path, SCHEDULE))
    assert out["year"] == 2027 and out["holidays"] == 10 and out["workdays"] == 1
    assert out["replaced"] is False and out["unchanged"] is False
    assert "2027-04-05" in out["statutory_holidays_not_listed"]
    add = run("workdays", "add", "2027-02-03", "5")
    assert add["date"] == "2027-02-17" and add["provisional"] is False
    year = run("workdays", "year", "2027")
    assert year["basis"] == "schedule" and year["source"] == "test notice for 2027"
    assert year["weekend_workdays"] == ["2027-02-20"]
    again = run("workdays", "load", _file(tmp_path, SCHEDULE))
    assert again["replaced"] is True and again["unchanged"] is True


@pytest.mark.parametrize(
    ("text", "field"),
    [
        (SCHEDULE.replace("workdays = [2027-02-20]", "workdays = [2027-10-02]"), "2027.toml.workdays"),
        (SCHEDULE.replace('source = "test notice for 2027"', 'source = ""'), "2027.toml.source"),
        ("year = 2027\nsource = [", "2027.toml"),
    ],
)
def test_a_wrong_file_is_refused_and_nothing_is_stored(
    run: CliRun, tmp_path: Path, text: str, field: str
) -> None:
    run("workdays", "load", _file(tmp_path, text), code=EXIT_REFUSED)
    assert run.err["error"] == "bad_schedule" and f"schedule: {field} " in run.err["message"]
    assert run("workdays", "year", "2027")["basis"] == "statutory"


def test_a_missing_file_is_refused(run: CliRun, tmp_path: Path) -> None:
    run("workdays", "load", str(tmp_path / "nope.toml"), code=EXIT_REFUSED)
    assert run.err["error"] == "schedule_unreadable"


def test_open_applications_move_to_the_loaded_calendar_in_every_process(db: str, tmp_path: Path) -> None:
    """A residential application accepted on Wed 3 Feb 2027 is due after 5 working days: provisionally
    4, 9, 10, 11, 12 Feb; on the loaded schedule (5–11 Feb off) 4, 12, 15, 16, 17 Feb."""
    moment = datetime(2027, 2, 3, 9, 0, tzinfo=TZ)
    counter = open_hall(db, profile_file=paths.DEFAULT_PROFILE, clock=lambda: moment)
    try:
        number = counter.applications.accept(ApplicationRequest(form=home()), clerk="0107").number
        before = counter.application_views.summary(number)
        assert before.whole_due is not None and before.whole_due.day == date(2027, 2, 12)
        assert before.whole_due.provisional
        office = open_hall(db, clock=lambda: moment)  # the IT PC loads the schedule
        try:
            loaded = office.calendar.load(Path(_file(tmp_path, SCHEDULE)))
            assert loaded.due_dates_recomputed == 1
        finally:
            office.close()
        row = counter.application_views.worklist().rows[0]  # the counter's process picks it up
        assert row.whole_due == date(2027, 2, 17) and not row.due_provisional
        after = counter.application_views.summary(number)
        assert after.whole_due is not None and after.whole_due.day == date(2027, 2, 17)
        assert not after.whole_due.provisional
    finally:
        counter.close()
