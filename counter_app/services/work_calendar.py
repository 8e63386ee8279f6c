"""The hall's working-day calendar: entering a year's official holiday schedule the day it is
published, and showing how any year is counted (official, entered, or provisional on the statutory
holidays alone).

:meth:`WorkCalendarService.load` is one user action: the schedule row, its load record and an outbox
row (topic ``calendar``) in one transaction, then the stored due dates of open applications are
recomputed on the new calendar (``ApplicationsService.refresh_due_dates``, its own transaction).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from counter_app.domain.errors import FileRefused, FileUnavailable, InvalidInput
from counter_app.domain.holiday_schedule import parse_schedule_text, schedule_digest, statutory_not_listed
from counter_app.domain.roles import Action
from counter_app.domain.statutory_holidays import FIRST_YEAR, LAW, statutory_holidays
from counter_app.domain.workdays import official_years
from counter_app.safe_files import read_input_text
from counter_app.services.applications.service import ApplicationsService
from counter_app.services.clock import Clock, system_clock
from counter_app.services.ports import HallRecords
from counter_app.services.session import Gate, gate_for

SCHEDULE_MAX_BYTES = 1024 * 1024
"""A year's holiday schedule is a page of TOML."""

log = logging.getLogger("counter_app.calendar")

TOPIC = "calendar"


@dataclass(frozen=True)
class ScheduleLoaded:
    year: int
    source: str
    holidays: int
    workdays: int
    replaced: bool
    unchanged: bool
    statutory_not_listed: tuple[date, ...]
    due_dates_recomputed: int


@dataclass(frozen=True)
class YearView:
    """How the hall counts one year: ``basis`` is ``library`` (chinese_calendar), ``schedule`` (one the
    hall entered), ``confirmed`` (the hall's overrides, marked complete) or ``statutory`` (provisional:
    the statutory holidays and Monday–Friday)."""

    year: int
    basis: str
    provisional: bool
    source: str
    days_off_on_weekdays: tuple[tuple[date, str], ...]
    weekend_workdays: tuple[date, ...]
    workdays: int


class WorkCalendarService:
    def __init__(
        self,
        store: HallRecords,
        applications: ApplicationsService,
        clock: Clock = system_clock,
        gate: Gate | None = None,
    ) -> None:
        self.store = store
        self.gate = gate_for(store, gate)
        self.applications = applications
        self.clock = clock
        self.repo = store.calendar

    def load(self, path: Path) -> ScheduleLoaded:
        """Read, check and store a schedule file; refused as a whole, nothing stored, when wrong."""
        self.gate.require(Action.SETTINGS)
        try:
            text = read_input_text(path, max_bytes=SCHEDULE_MAX_BYTES, encoding="utf-8-sig")
        except (FileRefused, FileUnavailable) as exc:
            detail = exc.explanation if isinstance(exc, FileRefused) else str(exc)
            raise InvalidInput(
                f"Cannot read the schedule file {path}: {detail}",
                field="file",
                code="schedule_unreadable",
                path=str(path),
            ) from None
        schedule = parse_schedule_text(text, where=path.name)
        with self.store.write():
            now = self.clock()
            replaced = self.repo.save(schedule, str(path), now)
            unchanged = replaced == schedule_digest(schedule)
            self.store.outbox.add(
                TOPIC,
                {"kind": "schedule_loaded", "year": schedule.year, "replaced": replaced is not None},
                now,
            )
        log.info("holiday schedule %d loaded from %s (%s)", schedule.year, path, schedule.source)
        recomputed = self.applications.refresh_due_dates()
        return ScheduleLoaded(
            year=schedule.year,
            source=schedule.source,
            holidays=len(schedule.holidays),
            workdays=len(schedule.workdays),
            replaced=replaced is not None,
            unchanged=unchanged,
            statutory_not_listed=statutory_not_listed(schedule),
            due_dates_recomputed=recomputed,
        )

    def year(self, year: int) -> YearView:
        """The days off that fall on weekdays and the weekend working days of ``year``, as counted."""
        if not 2000 <= year <= 2100:
            raise InvalidInput(f"{year} is not a year the calendar counts.", field="year", code="bad_year")
        self.applications.reload_calendar_if_changed()
        calendar = self.applications.setup.calendar
        schedule = next((s for s in reversed(calendar.schedules) if s.year == year), None)
        lawful = statutory_holidays(year) if year >= FIRST_YEAR else {}
        if schedule is not None:
            basis, source = "schedule", schedule.source
        elif year in official_years():
            basis, source = "library", "chinese_calendar"
        elif year in calendar.confirmed_years:
            basis, source = "confirmed", "hall profile [work_calendar]"
        else:
            basis, source = "statutory", LAW
        off: list[tuple[date, str]] = []
        weekend_work: list[date] = []
        count = 0
        day = date(year, 1, 1)
        while day.year == year:
            working = calendar.is_workday(day)
            count += working
            if day.weekday() < 5 and not working:
                off.append((day, lawful.get(day, "")))
            elif day.weekday() >= 5 and working:
                weekend_work.append(day)
            day += timedelta(days=1)
        return YearView(
            year=year,
            basis=basis,
            provisional=not calendar.is_official(year),
            source=source,
            days_off_on_weekdays=tuple(off),
            weekend_workdays=tuple(weekend_work),
            workdays=count,
        )

    def loaded_years(self) -> tuple[int, ...]:
        with self.store.read():
            return tuple(s.year for s in self.repo.schedules())
