"""The forecast on a generated history with a known weekly and monthly pattern, and its back-test.

The history is Poisson counts around a known expectation: level × weekday × day of month × hour,
on China's 2025 calendar (Qingming, May Day with its make-up Sunday, Dragon Boat). The model must
recover the factors, forecast the coming weeks close to the true expectation, and its back-test error
must sit close to the floor Poisson noise alone sets.
"""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

import pytest
from quality_data import poisson

from counter_app.domain.quality.facts import Targets
from counter_app.domain.quality.figures import Distribution, QualityFigures
from counter_app.domain.quality.forecast import (
    AFTER_DEADLINE,
    MONTH_END,
    NORMAL,
    DayClasses,
    ForecastDay,
    ForecastSettings,
    day_kind,
    fit,
    forecast,
)
from counter_app.domain.quality.planning import backtest, mean_service_minutes, staffing_plan
from counter_app.domain.workdays import WorkCalendar

CAL = WorkCalendar()
CLASSES = DayClasses(month_end_days=3, payment_deadline_day=15, after_deadline_days=3)
SETTINGS = ForecastSettings(fit_weeks=12, classes=CLASSES)
LEVEL = {"A": 220.0, "B": 40.0, "C": 80.0, "D": 25.0}  # a normal Wednesday
WEEKDAY = {"mon": 1.3, "tue": 1.1, "wed": 1.0, "thu": 1.0, "fri": 1.15, "sat": 0.7, "sun": 0.5}
WEEKDAY |= {"holiday": 0.4, "makeup": 1.1}
MONTH = {NORMAL: 1.0, MONTH_END: 1.8, AFTER_DEADLINE: 1.4}
WORK_HOURS = {8: 0.05, 9: 0.15, 10: 0.17, 11: 0.13, 12: 0.05, 13: 0.08, 14: 0.12, 15: 0.12, 16: 0.1, 17: 0.03}
OFF_HOURS = {9: 0.2, 10: 0.25, 11: 0.2, 14: 0.15, 15: 0.2}
FIRST, AS_OF = date(2025, 1, 6), date(2025, 5, 26)  # AS_OF: a Monday; history ends the day before
OUTAGE = date(2025, 4, 23)  # the payment system was down: almost nobody came for A


def true_mean(day: date, hour: int, service: str) -> float:
    kind = day_kind(day, CAL)
    hours = WORK_HOURS if kind in ("mon", "tue", "wed", "thu", "fri", "makeup") else OFF_HOURS
    return LEVEL[service] * WEEKDAY[kind] * MONTH[CLASSES.of(day)] * hours.get(hour, 0.0)


def history(first: date, last: date, seed: int = 11) -> dict[tuple[date, int, str], int]:
    rng = random.Random(seed)
    counts: dict[tuple[date, int, str], int] = {}
    day = first
    while day <= last:
        for service in LEVEL:
            for hour in range(8, 18):
                mean = true_mean(day, hour, service) * (0.1 if day == OUTAGE and service == "A" else 1.0)
                n = poisson(rng, mean)
                if n:
                    counts[(day, hour, service)] = n
        day += timedelta(days=1)
    return counts


HISTORY = history(FIRST, AS_OF - timedelta(days=1))


def test_day_classes_and_kinds_by_hand() -> None:
    assert [CLASSES.of(date(2025, 3, d)) for d in (15, 16, 18, 19, 28, 29, 31)] == [
        NORMAL, AFTER_DEADLINE, AFTER_DEADLINE, NORMAL, NORMAL, MONTH_END, MONTH_END,
    ]  # fmt: skip
    assert CLASSES.of(date(2025, 2, 26)) == MONTH_END  # February has 28 days in 2025
    late = DayClasses(payment_deadline_day=30)
    assert [late.of(date(2025, 2, 28)), late.of(date(2025, 3, 3)), late.of(date(2025, 3, 4))] == [
        MONTH_END, AFTER_DEADLINE, NORMAL,
    ]  # fmt: skip  # February's deadline is its last day, the 28th: 1–3 March come after it
    assert late.of(date(2025, 2, 1)) == AFTER_DEADLINE  # two days after 30 January
    assert [day_kind(date(2025, 4, d), CAL) for d in (3, 4, 27, 28)] == ["thu", "holiday", "makeup", "mon"]
    with pytest.raises(ValueError):
        DayClasses(payment_deadline_day=32)


def test_the_model_recovers_the_weekly_and_monthly_pattern() -> None:
    model = fit(HISTORY, AS_OF, CAL, SETTINGS)
    a = model.services["A"]
    assert a.month[MONTH_END] == pytest.approx(1.8, rel=0.05)
    assert a.month[AFTER_DEADLINE] == pytest.approx(1.4, rel=0.05)
    assert a.weekday["mon"] / a.weekday["wed"] == pytest.approx(1.3, rel=0.05)
    assert a.weekday["sun"] / a.weekday["wed"] == pytest.approx(0.5, rel=0.08)
    assert a.weekday["wed"] == pytest.approx(220, rel=0.05)
    assert OUTAGE in a.outlier_days  # left out rather than dragging Wednesdays down
    assert a.hours["work"][10] == pytest.approx(0.17, abs=0.01)


def test_the_forecast_is_close_to_the_truth_for_five_weeks() -> None:
    """Stated error: hall totals per day within 8 % of the true expectation (WAPE ≤ 4 %), per hour
    WAPE ≤ 6 %, per service and day WAPE ≤ 10 %, over five weeks with month end, Dragon Boat Day
    (a Monday off) and the days after the deadline."""
    model = fit(HISTORY, AS_OF, CAL, SETTINGS)
    days = forecast(model, AS_OF, 35)
    assert {d.day_class for d in days} == {NORMAL, MONTH_END, AFTER_DEADLINE}
    assert "holiday" in {d.kind for d in days}
    day_err = day_true = hour_err = 0.0
    for d in days:
        truth = sum(true_mean(d.day, h, s) for h in range(8, 18) for s in LEVEL)
        assert d.total == pytest.approx(truth, rel=0.08), d.day
        day_err += abs(d.total - truth)
        day_true += truth
        for hour, value in d.by_hour().items():
            hour_err += abs(value - sum(true_mean(d.day, hour, s) for s in LEVEL))
    assert day_err / day_true <= 0.04
    assert hour_err / day_true <= 0.06
    for service in LEVEL:
        err = sum(
            abs(d.by_service()[service] - sum(true_mean(d.day, h, service) for h in range(8, 18)))
            for d in days
        )
        assert err / sum(true_mean(d.day, h, service) for d in days for h in range(8, 18)) <= 0.10, service


def poisson_floor(first: date, days: int, per_hour: bool) -> float:
    """WAPE a perfect forecast still has: Σ E|N − λ| ÷ Σ λ, E|N − λ| ≈ √(2λ/π) for Poisson N."""
    noise = total = 0.0
    for i in range(days):
        day = first + timedelta(days=i)
        means = [sum(true_mean(day, h, s) for s in LEVEL) for h in range(8, 18)]
        parts = means if per_hour else [sum(means)]
        noise += sum(math.sqrt(2 * m / math.pi) for m in parts)
        total += sum(means)
    return noise / total


def test_the_backtest_error_is_close_to_the_noise_floor() -> None:
    result = backtest(HISTORY, AS_OF - timedelta(days=1), weeks=4, work_calendar=CAL, settings=SETTINGS)
    assert [w.origin for w in result.weeks] == [AS_OF - timedelta(weeks=4 - i) for i in range(4)]
    first = result.weeks[0].origin
    assert result.wape_day is not None and result.wape_hour is not None and result.mape_day is not None
    # the outage day (A at a tenth) is in the back-tested weeks: it costs about 200 of ~10,000
    assert result.wape_day <= poisson_floor(first, 28, per_hour=False) + 0.02
    assert result.wape_hour <= poisson_floor(first, 28, per_hour=True) + 0.02
    assert sum(w.actual for w in result.weeks) == sum(
        n for (day, _, _), n in HISTORY.items() if first <= day < AS_OF
    )


def test_a_naive_forecast_is_worse_than_the_model() -> None:
    """Same weekday last week, a common rule of thumb, misses the month end the model expects."""
    model = fit(HISTORY, date(2025, 4, 28), CAL, SETTINGS)
    for d in forecast(model, date(2025, 4, 28), 3):
        actual = sum(n for (day, _, _), n in HISTORY.items() if day == d.day)
        naive = sum(n for (day, _, _), n in HISTORY.items() if day == d.day - timedelta(weeks=1))
        assert abs(d.total - actual) < abs(naive - actual), d.day


def test_a_weekday_the_hall_never_opened_is_forecast_closed() -> None:
    no_sundays = {k: n for k, n in HISTORY.items() if k[0].weekday() != 6}
    model = fit(no_sundays, AS_OF, CAL, SETTINGS)
    sunday = next(d for d in forecast(model, AS_OF, 7) if d.day.weekday() == 6)
    assert sunday.total == 0.0
    holiday = forecast(model, date(2025, 6, 2), 1)[0]  # Dragon Boat Monday: like a Saturday then
    assert holiday.kind == "holiday" and holiday.total > 0


def test_years_without_a_published_schedule_are_provisional() -> None:
    model = fit(HISTORY, AS_OF, CAL, SETTINGS)
    assert not forecast(model, AS_OF, 1)[0].provisional
    assert forecast(model, date(2031, 1, 6), 1)[0].provisional


def test_fit_needs_some_history() -> None:
    with pytest.raises(ValueError, match="no numbers"):
        fit({}, AS_OF)


def test_counters_per_hour_by_hand() -> None:
    day = ForecastDay(AS_OF, "mon", NORMAL, {(10, "A"): 40.0, (10, "C"): 0.0, (11, "A"): 20.0}, False)
    plan = staffing_plan([day], {"A": 3.0, "C": 6.0}, Targets({"A": 1}, 20), 0.8)
    # 10:00, A = 2 Erlangs: 4 counters (test_staffing). 11:00, A = 1: c = 2 gives B = 0.2, C = 1/3,
    # P(W ≤ 1) = 1 − e^(−1/3)/3 = 76 % < 80 %; c = 3 gives B = 1/16, C = 1/11, 95 %: 3 counters
    assert [(p.hour, p.counters) for p in plan] == [(10, 4), (11, 3)]
    assert plan[0].needs["C"].counters == 0 and plan[0].total_expected == 40.0
    with pytest.raises(ValueError, match="service time"):
        staffing_plan([day], {"A": 3.0}, Targets({}, 20))


def test_service_minutes_measured_where_enough_were_timed() -> None:
    timed = QualityFigures(service_time=Distribution(count=40, total_us=40 * 300_000_000))  # 5 min each
    few = QualityFigures(service_time=Distribution(count=3, total_us=3 * 600_000_000))
    minutes = mean_service_minutes({"A": timed, "B": few}, {"A": 4.0, "B": 15.0, "C": 6.0})
    assert minutes == {"A": 5.0, "B": 15.0, "C": 6.0}  # B: 3 timed are too few to trust
