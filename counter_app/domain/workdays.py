"""Working days on China's official calendar, for the time limits the hall promises (办电时限).

The official schedule (holidays and the make-up working weekends, 调休) comes from ``chinese_calendar``.
It is published year by year. For a year the library does not cover yet, the calendar still skips the
public holidays fixed by law (``statutory_holidays``: 元旦, 春节 除夕–初三, 清明, 劳动节, 端午, 中秋,
国庆) and counts Monday–Friday otherwise; every answer touching such a year says it is *provisional*,
because the bridged weekdays and make-up working days are not known until the State Council publishes
them. The hall enters that schedule the day it is published (:class:`HolidaySchedule`, loaded with
``counter-app workdays load FILE`` or written in the profile); from then on the year is official. The
hall's own exceptions (a local holiday) are overrides that win over everything.

Counting rule, used everywhere here (时限从受理次日起算): the day work starts on does not count; a limit
of N working days ends at the end of the N-th working day after it. A day the clock is stopped
(暂停计时, a wait caused by the customer) does not count either.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

import chinese_calendar

from counter_app.domain.errors import InvalidInput
from counter_app.domain.statutory_holidays import FIRST_YEAR, statutory_holidays

_ONE_DAY = timedelta(days=1)
MAX_SPAN_DAYS = 100 * 365
"""The longest stretch counted day by day (a century): past any time limit, bounded in time."""


@lru_cache(maxsize=1)
def official_years() -> range:
    """The years the installed ``chinese_calendar`` has the State Council schedule for."""
    years = [day.year for day in chinese_calendar.holidays]
    return range(min(years), max(years) + 1)


@lru_cache(maxsize=1)
def _official_days() -> tuple[frozenset[date], frozenset[date]]:
    """The library's make-up working days and holidays, read once.

    ``chinese_calendar.is_workday`` finds the range of years it covers by scanning its whole table on
    every call (about 40 µs); counting working days calls it once per day, so the worklist and the
    due-date refresh read the same two tables here instead and apply the library's own rule.
    """
    return frozenset(chinese_calendar.workdays), frozenset(chinese_calendar.holidays)


@dataclass(frozen=True)
class Suspension:
    """The clock stopped (暂停计时): working days after ``start`` up to and including ``end`` do not count.

    The day the clock stops still counts (work was done that day); the day it restarts does not, the same
    rule as for the day of acceptance. ``end`` is None while the clock is still stopped.
    """

    start: date
    end: date | None = None

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise InvalidInput(
                f"A suspension cannot end ({self.end}) before it starts ({self.start}).",
                field="suspension",
                code="suspension_order",
            )

    def covers(self, day: date, as_of: date) -> bool:
        """Whether ``day`` is a stopped day, an open suspension running up to ``as_of``."""
        end = self.end if self.end is not None else as_of
        return self.start < day <= end


@dataclass(frozen=True)
class DueDate:
    """A computed date and whether it rests on a year whose official schedule is not yet known."""

    day: date
    provisional_years: tuple[int, ...] = ()
    suspended_workdays: int = 0

    @property
    def provisional(self) -> bool:
        return bool(self.provisional_years)


@dataclass(frozen=True)
class HolidaySchedule:
    """One year's official schedule as the State Council published it: the days off (holidays and the
    weekdays bridged into a break) and the make-up working days (调休上班), with the notice it came from.
    Dates may fall just outside ``year`` (a break starting on 31 December)."""

    year: int
    holidays: frozenset[date]
    workdays: frozenset[date]
    source: str


@dataclass(frozen=True)
class WorkCalendar:
    """The official calendar, the schedules the hall entered and its own overrides; immutable, so it
    can be shared freely. Of two schedules for one year the later in ``schedules`` counts."""

    forced_workdays: frozenset[date] = field(default_factory=frozenset)
    forced_holidays: frozenset[date] = field(default_factory=frozenset)
    confirmed_years: frozenset[int] = field(default_factory=frozenset)
    schedules: tuple[HolidaySchedule, ...] = ()
    _scheduled: dict[date, bool] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        clash = self.forced_workdays & self.forced_holidays
        if clash:
            days = ", ".join(sorted(day.isoformat() for day in clash))
            raise InvalidInput(
                f"These days are set both as working days and as holidays: {days}.",
                field="calendar_overrides",
                code="calendar_override_clash",
            )
        by_year = {schedule.year: schedule for schedule in self.schedules}
        scheduled: dict[date, bool] = {}
        for schedule in sorted(by_year.values(), key=lambda s: s.year):
            scheduled.update(dict.fromkeys(schedule.holidays, False))
            scheduled.update(dict.fromkeys(schedule.workdays, True))
        object.__setattr__(self, "_scheduled", scheduled)

    @classmethod
    def from_overrides(
        cls,
        workdays: Iterable[date] = (),
        holidays: Iterable[date] = (),
        confirmed_years: Iterable[int] = (),
        schedules: Iterable[HolidaySchedule] = (),
    ) -> WorkCalendar:
        return cls(
            frozenset(_as_date(d) for d in workdays),
            frozenset(_as_date(d) for d in holidays),
            frozenset(confirmed_years),
            tuple(schedules),
        )

    def with_schedules(self, schedules: Iterable[HolidaySchedule]) -> WorkCalendar:
        """The same calendar with ``schedules`` entered after its own (they count for their years)."""
        return WorkCalendar(
            self.forced_workdays,
            self.forced_holidays,
            self.confirmed_years,
            (*self.schedules, *schedules),
        )

    @property
    def scheduled_years(self) -> frozenset[int]:
        return frozenset(schedule.year for schedule in self.schedules)

    def is_official(self, year: int) -> bool:
        """Whether working days in ``year`` follow a published schedule (the library's, one the hall
        entered, or a year the hall confirmed through its overrides)."""
        return year in official_years() or year in self.confirmed_years or year in self.scheduled_years

    def is_workday(self, day: date) -> bool:
        """Hall overrides, then an entered schedule, then the library; past the library the statutory
        holidays and Monday–Friday (provisional)."""
        day = _as_date(day)
        if day in self.forced_workdays:
            return True
        if day in self.forced_holidays:
            return False
        scheduled = self._scheduled.get(day)
        if scheduled is not None:
            return scheduled
        if day.year in official_years():
            workdays, holidays = _official_days()
            return day in workdays or (day.weekday() < 5 and day not in holidays)
        if day.year >= FIRST_YEAR and day in statutory_holidays(day.year):
            return False
        return day.weekday() < 5

    def add_workdays(self, start: date, n: int) -> DueDate:
        """The end of the ``n``-th working day after ``start`` (``start`` itself never counts; 0 → start)."""
        return self.due_date(start, n, ())

    def workdays_between(self, a: date, b: date) -> int:
        """Working days ``d`` with ``a < d <= b`` (negative when ``b`` is before ``a``).

        The inverse of :meth:`add_workdays`: ``workdays_between(a, add_workdays(a, n).day) == n``.
        """
        a, b = _as_date(a), _as_date(b)
        if abs((b - a).days) > MAX_SPAN_DAYS:
            raise InvalidInput(
                f"{a.isoformat()} to {b.isoformat()} is more than {MAX_SPAN_DAYS // 365} years; "
                "count a shorter stretch.",
                field="days",
                code="date_span_too_long",
                start=a.isoformat(),
                end=b.isoformat(),
            )
        if b < a:
            return -self.workdays_between(b, a)
        return sum(1 for day in _days_after(a, b) if self.is_workday(day))

    def due_date(
        self, start: date, n: int, suspensions: Iterable[Suspension], as_of: date | None = None
    ) -> DueDate:
        """The end of the ``n``-th counted working day after ``start``, skipping stopped days.

        An open suspension is taken to run up to ``as_of`` (required then): while the clock is stopped the
        due date moves one working day later every working day.
        """
        if n < 0:
            raise ValueError(f"a time limit cannot be negative: {n}")
        start = _as_date(start)
        stops = tuple(suspensions)
        horizon = _horizon(stops, as_of)
        day = start
        counted = stopped = 0
        while counted < n:
            if day == date.max:
                raise InvalidInput(
                    f"{n} working days after {start.isoformat()} is past the end of the calendar.",
                    field="days",
                    code="date_out_of_range",
                    start=start.isoformat(),
                    days=n,
                )
            day += _ONE_DAY
            if not self.is_workday(day):
                continue
            if any(stop.covers(day, horizon) for stop in stops):
                stopped += 1
            else:
                counted += 1
        return DueDate(day, self._provisional(start, day), stopped)

    def workdays_used(self, start: date, as_of: date, suspensions: Iterable[Suspension] = ()) -> int:
        """Counted working days from ``start`` to ``as_of`` (stopped days left out): the clock's reading."""
        start, as_of = _as_date(start), _as_date(as_of)
        stops = tuple(suspensions)
        return sum(
            1
            for day in _days_after(start, as_of)
            if self.is_workday(day) and not any(stop.covers(day, as_of) for stop in stops)
        )

    def provisional_years(self, a: date, b: date) -> tuple[int, ...]:
        """The years between ``a`` and ``b`` whose schedule is not known yet (for a warning line)."""
        return self._provisional(_as_date(a), _as_date(b))

    def _provisional(self, a: date, b: date) -> tuple[int, ...]:
        low, high = min(a, b), max(a, b)
        return tuple(year for year in range(low.year, high.year + 1) if not self.is_official(year))


def _days_after(a: date, b: date) -> Iterator[date]:
    """The days after ``a`` up to ``b``; never steps past ``b`` (so never past 9999-12-31)."""
    day = a
    while day < b:
        day += _ONE_DAY
        yield day


def _horizon(stops: tuple[Suspension, ...], as_of: date | None) -> date:
    if any(stop.end is None for stop in stops):
        if as_of is None:
            raise ValueError("as_of is needed while a suspension is still open")
        return _as_date(as_of)
    return as_of if as_of is not None else date.max


def _as_date(day: date) -> date:
    """A ``datetime`` is a ``date`` to the type checker but never equal to one: drop the time."""
    return day.date() if isinstance(day, datetime) else day
