"""The month-end forecast: expected numbers taken per service and hour for coming days.

Learned from the hall's own history (numbers taken per business day, hour and service, e.g.
:func:`~.summary.arrivals_by_day_hour_service`), per service, as a multiplicative seasonal model::

    expected(day, hour, service) = weekday[kind(day)] × month[class(day)] × share[group(day)][hour]

* ``kind``: Monday … Sunday as the official calendar has them (:mod:`counter_app.domain.workdays`),
  plus ``holiday`` (a Monday–Friday day off) and ``makeup`` (a weekend working day, 调休);
* ``class``: ``month_end`` (the last days of the month), ``after_deadline`` (the days after the
  payment deadline, when the hall sets one) or ``normal`` (factor 1);
* ``share``: the hour profile, separately for working days and days off.

``weekday`` × ``month`` is the maximum-likelihood fit of a Poisson log-linear model with those two
main effects, found by iterative proportional fitting (the fitted totals per kind and per class
equal the observed ones); days far off the fit (beyond 4 robust standard deviations of the
square-root residuals, e.g. a system outage) are then left out and the model fitted again. Days in
the history with no number taken at all are closed days and are not learned from.
"""

from __future__ import annotations

import calendar as month_calendar
import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from counter_app.domain.workdays import WorkCalendar

WEEKDAY_KINDS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WORKING_KINDS = WEEKDAY_KINDS[:5]
NORMAL = "normal"
MONTH_END = "month_end"
AFTER_DEADLINE = "after_deadline"
_OUTLIER_Z = 4.0
_MAD_TO_SD = 1.4826

History = Mapping[tuple[date, int, str], int]
"""Numbers taken per (business day, hour, service)."""


@dataclass(frozen=True)
class DayClasses:
    """Which days of a month get a factor of their own. ``payment_deadline_day``: the day of the
    month the hall's bills fall due (None: no such class); the ``after_deadline_days`` days after it
    form one class, the last ``month_end_days`` days of each month another (after-deadline wins
    where both apply)."""

    month_end_days: int = 3
    payment_deadline_day: int | None = None
    after_deadline_days: int = 3

    def __post_init__(self) -> None:
        if not 0 <= self.month_end_days <= 10 or not 0 <= self.after_deadline_days <= 10:
            raise ValueError("a class of days spans 0 to 10 days")
        if self.payment_deadline_day is not None and not 1 <= self.payment_deadline_day <= 31:
            raise ValueError("the payment deadline is a day of the month, 1 to 31")

    def of(self, day: date) -> str:
        if self.payment_deadline_day is not None:
            last = month_calendar.monthrange(day.year, day.month)[1]
            deadline = date(day.year, day.month, min(self.payment_deadline_day, last))
            if 0 < (day - deadline).days <= self.after_deadline_days:
                return AFTER_DEADLINE
            previous = (day.replace(day=1) - timedelta(days=1)).replace(day=1)
            last_prev = month_calendar.monthrange(previous.year, previous.month)[1]
            deadline_prev = previous.replace(day=min(self.payment_deadline_day, last_prev))
            if 0 < (day - deadline_prev).days <= self.after_deadline_days:
                return AFTER_DEADLINE
        last_day = month_calendar.monthrange(day.year, day.month)[1]
        if last_day - day.day < self.month_end_days:
            return MONTH_END
        return NORMAL


def day_kind(day: date, work_calendar: WorkCalendar) -> str:
    """``mon`` … ``sun`` on an ordinary day, ``holiday`` for a weekday off, ``makeup`` for a weekend
    working day (调休)."""
    weekday = day.weekday()
    working = work_calendar.is_workday(day)
    if weekday < 5 and not working:
        return "holiday"
    if weekday >= 5 and working:
        return "makeup"
    return WEEKDAY_KINDS[weekday]


def day_group(kind: str) -> str:
    """Which hour profile a day uses: ``work`` or ``off``."""
    return "work" if kind in (*WORKING_KINDS, "makeup") else "off"


@dataclass(frozen=True)
class ServiceModel:
    """The fitted model of one service: expected numbers per day kind (on a normal day), the
    factor of each class of day, and the share of a day's numbers in each hour per day group."""

    service: str
    weekday: Mapping[str, float]
    month: Mapping[str, float]
    hours: Mapping[str, Mapping[int, float]]
    days_used: int
    outlier_days: tuple[date, ...] = ()

    def day_total(self, kind: str, day_class: str) -> float:
        """Expected numbers taken on a day; 0 on a kind never open in the history (closed)."""
        factor = self.weekday.get(kind)
        if factor is None:
            factor = _fallback(self.weekday, kind)
        return factor * self.month.get(day_class, 1.0)

    def hour_shares(self, kind: str) -> Mapping[int, float]:
        group = day_group(kind)
        return self.hours.get(group) or self.hours.get("work" if group == "off" else "off") or {}


def _fallback(weekday: Mapping[str, float], kind: str) -> float:
    if kind == "holiday":  # a day off on a weekday: like Sunday (else Saturday), if the hall opened
        return weekday.get("sun", weekday.get("sat", 0.0))
    if kind == "makeup":  # a working weekend day: an average working day
        working = [weekday[k] for k in WORKING_KINDS if k in weekday]
        return sum(working) / len(working) if working else 0.0
    return 0.0  # a weekday the hall never opened on in the history


@dataclass(frozen=True)
class ForecastSettings:
    fit_weeks: int = 12
    classes: DayClasses = field(default_factory=DayClasses)
    iterations: int = 50


def _fit_factors(
    totals: Mapping[date, int], kinds: Mapping[date, str], classes: Mapping[date, str], iterations: int
) -> tuple[dict[str, float], dict[str, float]]:
    """Iterative proportional fitting of total ≈ weekday[kind] × month[class], month[normal] = 1."""
    weekday: dict[str, float] = {kinds[d]: 1.0 for d in totals}
    month: dict[str, float] = {classes[d]: 1.0 for d in totals}
    by_kind: dict[str, list[date]] = defaultdict(list)
    by_class: dict[str, list[date]] = defaultdict(list)
    for d in totals:
        by_kind[kinds[d]].append(d)
        by_class[classes[d]].append(d)
    for _ in range(iterations):
        for kind, days in by_kind.items():
            expected = sum(month[classes[d]] for d in days)
            weekday[kind] = sum(totals[d] for d in days) / expected if expected else 0.0
        for cls, days in by_class.items():
            expected = sum(weekday[kinds[d]] for d in days)
            month[cls] = sum(totals[d] for d in days) / expected if expected else 1.0
        scale = month.get(NORMAL, 1.0) or 1.0
        month = {c: f / scale for c, f in month.items()}
        weekday = {k: f * scale for k, f in weekday.items()}
    month.setdefault(NORMAL, 1.0)
    return weekday, month


def _outliers(totals: Mapping[date, int], fitted: Mapping[date, float]) -> set[date]:
    """Days whose square-root residual lies beyond 4 robust (MAD) standard deviations."""
    residuals = {d: 2 * (math.sqrt(totals[d]) - math.sqrt(fitted[d])) for d in totals}
    if len(residuals) < 8:
        return set()
    centre = statistics.median(residuals.values())
    spread = _MAD_TO_SD * statistics.median(abs(r - centre) for r in residuals.values())
    limit = _OUTLIER_Z * max(spread, 1.0)  # never tighter than Poisson noise itself
    return {d for d, r in residuals.items() if abs(r - centre) > limit}


def fit_service(
    service: str,
    history: History,
    days: Iterable[date],
    work_calendar: WorkCalendar,
    settings: ForecastSettings,
) -> ServiceModel:
    """Fit one service's model on ``days`` (the open days of the fitting window)."""
    window = sorted(days)
    totals: dict[date, int] = dict.fromkeys(window, 0)
    by_hour: dict[date, dict[int, int]] = {d: {} for d in window}
    for (day, hour, code), n in history.items():
        if code == service and day in totals:
            totals[day] += n
            by_hour[day][hour] = by_hour[day].get(hour, 0) + n
    kinds = {d: day_kind(d, work_calendar) for d in window}
    classes = {d: settings.classes.of(d) for d in window}
    weekday, month = _fit_factors(totals, kinds, classes, settings.iterations)
    fitted = {d: weekday[kinds[d]] * month[classes[d]] for d in window}
    dropped = _outliers(totals, fitted)
    if dropped:
        kept = {d: n for d, n in totals.items() if d not in dropped}
        weekday, month = _fit_factors(kept, kinds, classes, settings.iterations)
    hour_counts: dict[str, dict[int, int]] = {"work": {}, "off": {}}
    for day in window:
        if day in dropped:
            continue
        profile = hour_counts[day_group(kinds[day])]
        for hour, n in by_hour[day].items():
            profile[hour] = profile.get(hour, 0) + n
    hours = {
        group: {h: n / sum(counts.values()) for h, n in sorted(counts.items())}
        for group, counts in hour_counts.items()
        if counts
    }
    return ServiceModel(service, weekday, month, hours, len(window) - len(dropped), tuple(sorted(dropped)))


@dataclass(frozen=True)
class ForecastModel:
    """Every service's model, fitted on the weeks before ``as_of``."""

    as_of: date
    first_day: date
    services: Mapping[str, ServiceModel]
    work_calendar: WorkCalendar
    classes: DayClasses


def fit(
    history: History,
    as_of: date,
    work_calendar: WorkCalendar | None = None,
    settings: ForecastSettings | None = None,
    services: Iterable[str] | None = None,
) -> ForecastModel:
    """Fit on the ``settings.fit_weeks`` weeks before ``as_of`` (``as_of`` itself not included)."""
    settings = settings or ForecastSettings()
    work_calendar = work_calendar or WorkCalendar()
    first = as_of - timedelta(weeks=settings.fit_weeks)
    open_days = {day for (day, _, _), n in history.items() if first <= day < as_of and n > 0}
    codes = sorted(set(services) if services is not None else {s for (_, _, s) in history})
    if not open_days:
        raise ValueError(f"no numbers were taken in the {settings.fit_weeks} weeks before {as_of}")
    models = {code: fit_service(code, history, open_days, work_calendar, settings) for code in codes}
    return ForecastModel(as_of, first, models, work_calendar, settings.classes)


@dataclass(frozen=True)
class ForecastDay:
    """Expected numbers taken on one day: per (hour, service); ``provisional`` when the day's year has
    no published holiday schedule yet (its kind may change)."""

    day: date
    kind: str
    day_class: str
    expected: Mapping[tuple[int, str], float]
    provisional: bool

    @property
    def total(self) -> float:
        return sum(self.expected.values())

    def by_hour(self) -> dict[int, float]:
        hours: dict[int, float] = defaultdict(float)
        for (hour, _), value in self.expected.items():
            hours[hour] += value
        return dict(sorted(hours.items()))

    def by_service(self) -> dict[str, float]:
        services: dict[str, float] = defaultdict(float)
        for (_, service), value in self.expected.items():
            services[service] += value
        return dict(sorted(services.items()))


def forecast_day(model: ForecastModel, day: date) -> ForecastDay:
    kind = day_kind(day, model.work_calendar)
    day_class = model.classes.of(day)
    expected: dict[tuple[int, str], float] = {}
    for code, service in model.services.items():
        total = service.day_total(kind, day_class)
        for hour, share in service.hour_shares(kind).items():
            expected[(hour, code)] = total * share
    return ForecastDay(day, kind, day_class, expected, not model.work_calendar.is_official(day.year))


def forecast(model: ForecastModel, first: date, days: int) -> tuple[ForecastDay, ...]:
    """``days`` consecutive days from ``first``."""
    return tuple(forecast_day(model, first + timedelta(days=i)) for i in range(days))
