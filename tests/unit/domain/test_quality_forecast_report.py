"""The forecast report as a value: a day table, hour-by-day matrices, the back-test, the basis."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest
from quality_data import TARGETS, TZ, poisson

from counter_app.domain.profile import Names
from counter_app.domain.quality.forecast import ForecastSettings, fit, forecast
from counter_app.domain.quality.planning import backtest, staffing_plan
from counter_app.domain.quality.report_build import ReportSetup
from counter_app.domain.quality.report_forecast import build_forecast_report

SETUP = ReportSetup("通辽供电营业厅", "zh_CN", TARGETS, {"A": Names("缴费", "繳費", "Payment")})
MINUTES = {"A": 4.0}


def history(first: date, days: int) -> dict[tuple[date, int, str], int]:
    rng = random.Random(5)
    counts = {}
    for i in range(days):
        day = first + timedelta(days=i)
        for hour in range(9, 17):
            counts[(day, hour, "A")] = poisson(rng, 30 if day.weekday() < 5 else 12)
    return counts


def test_the_forecast_report_lays_out_days_hours_and_errors() -> None:
    data_in = history(date(2030, 10, 7), 12 * 7)
    as_of = date(2030, 12, 30)  # a Monday; the week runs into 2031, whose schedule is not published
    settings = ForecastSettings(fit_weeks=8)
    model = fit(data_in, as_of, settings=settings)
    days = forecast(model, as_of, 7)
    plan = staffing_plan(days, MINUTES, TARGETS)
    result = backtest(data_in, as_of - timedelta(days=1), 2, settings=settings)
    data = build_forecast_report(
        model, days, plan, SETUP, datetime(2030, 12, 29, 18, tzinfo=TZ), MINUTES, 0.8, result
    )
    assert data.title == "到达预测与窗口安排" and data.period == "2030-12-30 至 2031-01-05"
    per_day = data.table("forecast_days")
    assert len(per_day.rows) == 7
    monday = dict(zip([c.title for c in per_day.columns], per_day.rows[0], strict=True))
    assert monday["预测到达"] == pytest.approx(8 * 30, rel=0.1) and monday["A 缴费"] == monday["预测到达"]
    assert monday["高峰所需窗口"] == max(p.counters for p in plan if p.day == as_of)
    # no schedule is published for 2030 or 2031 yet: every day's kind is provisional; 1 January 2031
    # is 元旦 by law (a statutory holiday even before the schedule is published)
    assert per_day.rows[2][1] == "节假日 *" and per_day.rows[0][1] == "周一 *"
    counters = data.table("forecast_counters")
    assert [r[0] for r in counters.rows] == [f"{h:02d}:00–{h + 1:02d}:00" for h in range(9, 17)]
    assert [c.title for c in counters.columns][1:3] == ["12-30", "12-31"]
    backtest_rows = data.table("backtest").rows
    assert len(backtest_rows) == 3 and backtest_rows[-1][0] == "Σ"
    assert backtest_rows[-1][3] == pytest.approx(result.wape_day)
    assert any("2030、2031" in note and "*" in note for note in data.notes)
    assert any("A 缴费 4.0 分钟" in note and "80%" in note for note in data.notes)
    assert {d.term for d in data.definitions} == {"预测到达", "所需窗口", "预测误差（WAPE）", "个人信息"}
    assert data.charts[0].series[1].values == tuple(float(r[-1]) for r in per_day.rows)


def test_a_forecast_report_needs_days() -> None:
    model = fit(history(date(2025, 1, 6), 28), date(2025, 2, 3))
    with pytest.raises(ValueError):
        build_forecast_report(model, (), (), SETUP, datetime(2025, 2, 2, tzinfo=TZ), MINUTES, 0.8)
