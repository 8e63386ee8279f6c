"""From the forecast to the counters each hour needs, and how good the forecast has been.

:func:`staffing_plan` puts each forecast hour through Erlang C (:mod:`~.staffing`) per service, with
the service's own mean service time and target wait, and adds the services up: counters are set up
per service in the profile, so the hall needs the sum (pooling all services on every counter would
need fewer; the sum is the safe side).

:func:`backtest` measures the forecast on the hall's past with a rolling origin: for each of the last
weeks it fits the model only on the weeks before that week, forecasts the week and compares with what
happened. The error is WAPE, the weighted absolute percentage error Σ|actual − forecast| ÷ Σ actual,
per day and per hour (hall totals over services); MAPE per day (the mean of |actual − forecast| ÷
actual over days with numbers taken) is given too. WAPE is the headline: it stays defined for hours
with no arrivals, where MAPE divides by zero.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from counter_app.domain.quality.facts import Targets
from counter_app.domain.quality.figures import QualityFigures
from counter_app.domain.quality.forecast import ForecastDay, ForecastSettings, History, fit, forecast
from counter_app.domain.quality.staffing import StaffingNeed, counters_needed
from counter_app.domain.workdays import WorkCalendar


@dataclass(frozen=True)
class HourPlan:
    """One forecast hour: expected numbers and the counters needed, per service."""

    day: date
    hour: int
    expected: Mapping[str, float]
    needs: Mapping[str, StaffingNeed]

    @property
    def total_expected(self) -> float:
        return sum(self.expected.values())

    @property
    def counters(self) -> int:
        return sum(need.counters for need in self.needs.values())


def mean_service_minutes(
    by_service: Mapping[str, QualityFigures], defaults: Mapping[str, float], minimum_count: int = 30
) -> dict[str, float]:
    """Each service's measured mean service time (minutes) where at least ``minimum_count``
    stretches were timed, else its default (the profile's ``default_service_minutes``)."""
    minutes = dict(defaults)
    for code, figures in by_service.items():
        mean = figures.service_time.mean_minutes
        if mean is not None and figures.service_time.count >= minimum_count:
            minutes[code] = mean
    return minutes


def staffing_plan(
    days: Iterable[ForecastDay],
    service_minutes: Mapping[str, float],
    targets: Targets,
    target_share: float = 0.8,
) -> tuple[HourPlan, ...]:
    """Counters needed per forecast hour so that ``target_share`` of each service's customers are
    called within its target wait (Erlang C, one hour at a time)."""
    plans: list[HourPlan] = []
    for day in days:
        hours: dict[int, dict[str, float]] = defaultdict(dict)
        for (hour, code), value in day.expected.items():
            hours[hour][code] = value
        for hour, expected in sorted(hours.items()):
            needs = {}
            for code, rate in sorted(expected.items()):
                if code not in service_minutes:
                    raise ValueError(f"no service time known for service {code}")
                needs[code] = counters_needed(
                    rate, service_minutes[code], targets.wait_for(code), target_share
                )
            plans.append(HourPlan(day.day, hour, expected, needs))
    return tuple(plans)


@dataclass(frozen=True)
class BacktestWeek:
    origin: date  # the first forecast day; the model saw only the days before it
    actual: int
    forecast: float
    wape_day: float | None
    wape_hour: float | None
    mape_day: float | None


@dataclass(frozen=True)
class Backtest:
    weeks: tuple[BacktestWeek, ...]
    wape_day: float | None  # over all weeks together
    wape_hour: float | None
    mape_day: float | None


def _wape(pairs: Iterable[tuple[float, float]]) -> float | None:
    errors = actuals = 0.0
    for actual, predicted in pairs:
        errors += abs(actual - predicted)
        actuals += actual
    return errors / actuals if actuals else None


def _mape(pairs: Iterable[tuple[float, float]]) -> float | None:
    ratios = [abs(a - f) / a for a, f in pairs if a > 0]
    return sum(ratios) / len(ratios) if ratios else None


def backtest(
    history: History,
    last_day: date,
    weeks: int = 4,
    work_calendar: WorkCalendar | None = None,
    settings: ForecastSettings | None = None,
) -> Backtest:
    """The forecast's error on the ``weeks`` weeks ending with ``last_day`` (rolling origin)."""
    if weeks < 1:
        raise ValueError("back-test at least one week")
    actual_day: dict[date, int] = defaultdict(int)
    actual_hour: dict[date, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for (day, hour, _), n in history.items():
        actual_day[day] += n
        actual_hour[day][hour] += n
    results: list[BacktestWeek] = []
    all_days: list[tuple[float, float]] = []
    all_hours: list[tuple[float, float]] = []
    for i in range(weeks):
        origin = last_day + timedelta(days=1) - timedelta(weeks=weeks - i)
        model = fit(history, origin, work_calendar, settings)
        predicted = forecast(model, origin, 7)
        day_pairs = [(float(actual_day.get(d.day, 0)), d.total) for d in predicted]
        hour_pairs: list[tuple[float, float]] = []
        for d in predicted:
            expected = d.by_hour()
            actual = actual_hour.get(d.day, {})
            for hour in sorted(set(actual) | set(expected)):
                hour_pairs.append((float(actual.get(hour, 0)), expected.get(hour, 0.0)))
        results.append(
            BacktestWeek(
                origin=origin,
                actual=int(sum(a for a, _ in day_pairs)),
                forecast=sum(f for _, f in day_pairs),
                wape_day=_wape(day_pairs),
                wape_hour=_wape(hour_pairs),
                mape_day=_mape(day_pairs),
            )
        )
        all_days += day_pairs
        all_hours += hour_pairs
    return Backtest(tuple(results), _wape(all_days), _wape(all_hours), _mape(all_days))
