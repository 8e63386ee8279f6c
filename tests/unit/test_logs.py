"""The windows' log: beside the hall database (as the README says), in the hall's time."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from counter_app import logs


@pytest.fixture
def hall_zone() -> Iterator[None]:
    before = logs._zone["tz"]
    yield
    logs._zone["tz"] = before


def record_at(moment: datetime) -> logging.LogRecord:
    record = logging.LogRecord("counter_app.print", logging.WARNING, __file__, 1, "paper out", None, None)
    record.created = moment.timestamp()
    return record


def test_times_are_written_in_the_halls_zone_with_the_offset(hall_zone: None) -> None:
    """A PC left on UTC: the log says 09:12 like the counter's screen did, not 01:12."""
    moment = datetime(2026, 11, 27, 1, 12, 3, 250000, tzinfo=ZoneInfo("UTC"))
    logs.use_hall_timezone("Asia/Shanghai")
    line = logs.HallTimeFormatter().format(record_at(moment))
    assert line.startswith("2026-11-27 09:12:03.250+08:00 WARNING counter_app.print: paper out")


def test_an_unknown_zone_keeps_the_pcs_time_with_its_offset(hall_zone: None) -> None:
    logs._zone["tz"] = None
    logs.use_hall_timezone("Mars/Olympus_Mons")
    assert logs._zone["tz"] is None
    stamp = logs.HallTimeFormatter().format(record_at(datetime.now().astimezone())).split(" ")[1]
    assert stamp[-6] in "+-"  # an offset is always written


def test_the_log_folder_is_beside_the_database(tmp_path: Path) -> None:
    assert logs.log_folder(tmp_path / "hall" / "hall.sqlite3") == tmp_path / "hall" / "logs"
