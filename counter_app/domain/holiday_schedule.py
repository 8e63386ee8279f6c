"""The official holiday schedule of a year as the hall enters it (国务院办公厅 部分节假日安排的通知).

The State Council publishes next year's schedule in October–December; until ``chinese_calendar`` ships
it, the hall types it in, either as a file loaded with ``counter-app workdays load FILE`` or as a
``[[work_calendar.schedules]]`` table in its profile. Both use this format (TOML)::

    year = 2027
    source = "国务院办公厅关于2027年部分节假日安排的通知"     # the notice, with its number if known
    holidays = [                                              # every day off, weekends inside a break too
        { name = "元旦", from = 2027-01-01, to = 2027-01-03 },
        2027-04-05,                                           # a single day may be written alone
    ]
    workdays = [2027-02-20]                                   # make-up working days (调休上班), weekends only

(The dates above show the format; they are not the 2027 schedule.) A file is checked as a whole before
anything is stored: a make-up working day on a statutory holiday, or a day listed both ways, is refused.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

from counter_app.domain.errors import InvalidInput
from counter_app.domain.statutory_holidays import FIRST_YEAR, statutory_holidays
from counter_app.domain.workdays import HolidaySchedule

MAX_BREAK_DAYS = 31
_KEYS = frozenset({"year", "source", "holidays", "workdays"})


def parse_schedule_text(text: str, where: str = "schedule") -> HolidaySchedule:
    """A schedule file's text (TOML); :class:`InvalidInput` saying what and where is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _bad(where, f"is not valid TOML ({exc})") from None
    return parse_schedule(data, where)


def parse_schedule(data: Mapping[str, Any], where: str = "schedule") -> HolidaySchedule:
    """A schedule from its parsed table (a file, or one ``[[work_calendar.schedules]]`` entry)."""
    if not isinstance(data, Mapping):
        raise _bad(where, "must be a table")
    unknown = sorted(str(key) for key in data if key not in _KEYS)
    if unknown:
        raise _bad(where, f"has unknown key(s) {', '.join(unknown)} (a typo?)")
    year = data.get("year")
    if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100:
        raise _bad(f"{where}.year", f"must be a year like 2027, not {year!r}")
    source = data.get("source")
    if not isinstance(source, str) or not source.strip():
        raise _bad(f"{where}.source", "must name the notice the schedule comes from")
    holidays = _holidays(data.get("holidays", []), year, f"{where}.holidays")
    workdays = _workdays(data.get("workdays", []), year, f"{where}.workdays")
    both = sorted(holidays & workdays)
    if both:
        raise _bad(where, f"lists {_days(both)} both as a holiday and as a working day")
    if year >= FIRST_YEAR:
        lawful = statutory_holidays(year)
        wrong = sorted(day for day in workdays if day in lawful)
        if wrong:
            names = ", ".join(f"{day.isoformat()} ({lawful[day]})" for day in wrong)
            raise _bad(f"{where}.workdays", f"makes statutory holidays working days: {names}")
    return HolidaySchedule(year, frozenset(holidays), frozenset(workdays), " ".join(source.split()))


def statutory_not_listed(schedule: HolidaySchedule) -> tuple[date, ...]:
    """Statutory holidays of the year the schedule leaves out (they stay holidays all the same; a
    schedule that omits one was probably typed incompletely)."""
    if schedule.year < FIRST_YEAR:
        return ()
    return tuple(day for day in statutory_holidays(schedule.year) if day not in schedule.holidays)


def _holidays(raw: Any, year: int, where: str) -> set[date]:
    if not isinstance(raw, list):
        raise _bad(where, "must be a list of dates or { from, to } ranges")
    days: set[date] = set()
    for i, item in enumerate(raw):
        here = f"{where}[{i}]"
        if isinstance(item, Mapping):
            unknown = sorted(str(key) for key in item if key not in ("name", "from", "to"))
            if unknown:
                raise _bad(here, f"has unknown key(s) {', '.join(unknown)} (a typo?)")
            first = _date(item.get("from"), year, f"{here}.from")
            last = _date(item.get("to", item.get("from")), year, f"{here}.to")
            if last < first:
                raise _bad(here, f"ends ({last}) before it starts ({first})")
            if (last - first).days >= MAX_BREAK_DAYS:
                raise _bad(here, f"is longer than {MAX_BREAK_DAYS} days (a typo?)")
            days.update(first + timedelta(days=n) for n in range((last - first).days + 1))
        else:
            days.add(_date(item, year, here))
    return days


def _workdays(raw: Any, year: int, where: str) -> set[date]:
    if not isinstance(raw, list):
        raise _bad(where, "must be a list of dates")
    days = {_date(item, year, f"{where}[{i}]") for i, item in enumerate(raw)}
    weekdays = sorted(day for day in days if day.weekday() < 5)
    if weekdays:
        raise _bad(where, f"{_days(weekdays)} is a weekday already: a make-up working day is a weekend day")
    return days


def _date(value: Any, year: int, where: str) -> date:
    """A date near ``year``: from 1 December before it to 31 January after it."""
    day: date | None = None
    if isinstance(value, date) and not isinstance(value, datetime):
        day = value
    elif isinstance(value, str):
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            day = None
    if day is None:
        raise _bad(where, f"must be a date like {year}-10-01, not {value!r}")
    if not date(year - 1, 12, 1) <= day <= date(year + 1, 1, 31):
        raise _bad(where, f"{day} is not in or next to {year} (a typo?)")
    return day


def _days(days: list[date]) -> str:
    return ", ".join(day.isoformat() for day in days)


def _bad(where: str, problem: str) -> InvalidInput:
    return InvalidInput(f"Holiday schedule: {where} {problem}.", field=where, code="bad_schedule")


def schedule_digest(schedule: HolidaySchedule) -> str:
    """What identifies a schedule's content (its days and source)."""
    text = "|".join(
        [
            str(schedule.year),
            schedule.source,
            ",".join(sorted(d.isoformat() for d in schedule.holidays)),
            ",".join(sorted(d.isoformat() for d in schedule.workdays)),
        ]
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
