"""What the hall profile says about applications, parsed once: business types, the intake policy, the
working-day calendar with the hall's overrides, the number prefix and what "due soon" means.

Profile tables read here (all optional except ``[[business_types]]``)::

    [applications]
    number_prefix = "YK"          # application numbers YK20261127-0001 (1 to 4 capital letters)
    due_soon_workdays = 1         # the worklist's "due soon": due within this many working days

    [work_calendar]               # the hall's own exceptions to the State Council schedule
    workdays = [2027-02-20]       # days the hall counts as working days
    holidays = [2026-07-15]       # local holidays
    confirmed_years = [2027]      # years whose schedule is fully entered above: not provisional

    [[work_calendar.schedules]]   # a year's official schedule, as ``counter-app workdays load`` takes it
    year = 2027                   # (format: ``domain.holiday_schedule``); the year is then official
    source = "国务院办公厅关于2027年部分节假日安排的通知"
    holidays = [{ name = "春节", from = 2027-02-05, to = 2027-02-11 }]
    workdays = [2027-02-20]

Schedules loaded into the database with ``counter-app workdays load`` come after the profile's (for the
same year the loaded one counts); :meth:`ApplicationSetup.with_schedules` adds them.

The ``[application_policy]`` table is read by ``domain.applications.parse_application_policy``; account
numbers follow the hall's one rule, ``[accounts] number_lengths`` (``services.accounts``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cached_property
from typing import Any

from counter_app.domain.applications.business_types import (
    BusinessType,
    find_business_type,
    parse_business_types,
)
from counter_app.domain.applications.values import ApplicationPolicy, parse_application_policy
from counter_app.domain.errors import InvalidInput
from counter_app.domain.holiday_schedule import parse_schedule
from counter_app.domain.payments.guidance import account_settings
from counter_app.domain.profile import HallProfile
from counter_app.domain.rule_sources import parse_rule_sources
from counter_app.domain.statutory_holidays import LAW
from counter_app.domain.workdays import HolidaySchedule, WorkCalendar, official_years

DEFAULT_PREFIX = "YK"  # 业扩
DEFAULT_DUE_SOON_WORKDAYS = 1
_PREFIX = re.compile(r"[A-Z]{1,4}")


@dataclass(frozen=True)
class ApplicationSetup:
    types: tuple[BusinessType, ...]
    policy: ApplicationPolicy
    calendar: WorkCalendar
    number_prefix: str = DEFAULT_PREFIX
    due_soon_workdays: int = DEFAULT_DUE_SOON_WORKDAYS

    def business_type(self, code: str) -> BusinessType:
        return find_business_type(self.types, code)

    def type_or_none(self, code: str) -> BusinessType | None:
        return next((t for t in self.types if t.code == code), None)

    def with_schedules(self, schedules: tuple[HolidaySchedule, ...]) -> ApplicationSetup:
        """The same setup counting the schedules the hall loaded into its database too."""
        if not schedules:
            return self
        return replace(self, calendar=self.calendar.with_schedules(schedules))

    @cached_property
    def calendar_key(self) -> str:
        """Changes when anything that moves a due date changes: the hall's overrides and entered
        schedules, the years the installed ``chinese_calendar`` knows (a newer release turns a
        provisional year official), or the law the fallback years follow. Worked out once: the
        worklist asks for it on every refresh."""
        years = official_years()
        calendar = self.calendar
        parts = [
            "w:" + ",".join(sorted(d.isoformat() for d in calendar.forced_workdays)),
            "h:" + ",".join(sorted(d.isoformat() for d in calendar.forced_holidays)),
            "c:" + ",".join(str(y) for y in sorted(calendar.confirmed_years)),
            f"o:{years.start}-{years.stop}",
            f"law:{LAW}",
        ]
        for schedule in calendar.schedules:
            parts.append(
                f"s{schedule.year}:"
                + ",".join(sorted(d.isoformat() for d in schedule.holidays))
                + "/"
                + ",".join(sorted(d.isoformat() for d in schedule.workdays))
            )
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def application_setup(profile: HallProfile) -> ApplicationSetup:
    """Parse the application parts of the profile; :class:`InvalidInput` names the bad entry."""
    raw = profile.raw
    types = parse_business_types(raw.get("business_types", []), raw.get("rule_sources"))
    if not types:
        raise _bad("business_types", "the hall profile defines no business types")
    policy = parse_application_policy(
        _table(raw, "application_policy"),
        account_number_rule=account_settings(profile).number_rule,
        rule_sources=parse_rule_sources(raw.get("rule_sources")),
    )
    options = _table(raw, "applications")
    prefix = options.get("number_prefix", DEFAULT_PREFIX)
    if not isinstance(prefix, str) or not _PREFIX.fullmatch(prefix):
        raise _bad("applications.number_prefix", f"must be 1 to 4 capital letters, not {prefix!r}")
    soon = options.get("due_soon_workdays", DEFAULT_DUE_SOON_WORKDAYS)
    if isinstance(soon, bool) or not isinstance(soon, int) or not 0 <= soon <= 60:
        raise _bad("applications.due_soon_workdays", f"must be a whole number 0 to 60, not {soon!r}")
    return ApplicationSetup(types, policy, parse_work_calendar(_table(raw, "work_calendar")), prefix, soon)


def parse_work_calendar(table: Mapping[str, Any]) -> WorkCalendar:
    unknown = sorted(set(table) - {"workdays", "holidays", "confirmed_years", "schedules"})
    if unknown:
        raise _bad("work_calendar", f"unknown key(s) {', '.join(unknown)} (a typo?)")
    years = table.get("confirmed_years", [])
    if not isinstance(years, list) or not all(
        isinstance(y, int) and not isinstance(y, bool) and 2000 <= y <= 2100 for y in years
    ):
        raise _bad("work_calendar.confirmed_years", "must be a list of years like [2027]")
    raw_schedules = table.get("schedules", [])
    if not isinstance(raw_schedules, list):
        raise _bad("work_calendar.schedules", "must be an array of tables ([[work_calendar.schedules]])")
    schedules = [parse_schedule(raw, f"work_calendar.schedules[{i}]") for i, raw in enumerate(raw_schedules)]
    return WorkCalendar.from_overrides(
        _dates(table, "workdays"), _dates(table, "holidays"), confirmed_years=years, schedules=schedules
    )


def _dates(table: Mapping[str, Any], key: str) -> list[date]:
    values = table.get(key, [])
    if not isinstance(values, list):
        raise _bad(f"work_calendar.{key}", "must be a list of dates like [2027-02-20]")
    days: list[date] = []
    for value in values:
        if isinstance(value, date) and not isinstance(value, datetime):
            days.append(value)
        elif isinstance(value, str):
            try:
                days.append(date.fromisoformat(value))
            except ValueError:
                raise _bad(f"work_calendar.{key}", f"{value!r} is not a date like 2027-02-20") from None
        else:
            raise _bad(f"work_calendar.{key}", f"{value!r} is not a date like 2027-02-20")
    return days


def _table(raw: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = raw.get(key, {})
    if not isinstance(value, Mapping):
        raise _bad(key, "must be a table")
    return value


def _bad(where: str, problem: str) -> InvalidInput:
    return InvalidInput(f"Hall profile: {where} {problem}.", field=where, code="bad_profile", detail=problem)
