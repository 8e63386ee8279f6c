"""Reports built from summaries: the hand-worked day's figures in the right cells, the footer
defining every figure shown, the words in the hall's language, and no customer data anywhere."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest
from quality_data import DAY, TARGETS, TZ, VISITS

from counter_app.domain.profile import Names
from counter_app.domain.quality.definitions import DEFINITIONS, RATING_NAMES, definition
from counter_app.domain.quality.facts import ServiceLeg, Visit
from counter_app.domain.quality.figures import BUCKET_SECONDS, HISTOGRAM_BUCKETS
from counter_app.domain.quality.report import Column, ReportData, Series, Table, ValueKind, format_value
from counter_app.domain.quality.report_build import (
    ReportKind,
    ReportSetup,
    build_quality_report,
    period_words,
)
from counter_app.domain.quality.summary import QualitySummary

SERVICES = {"A": Names("缴费", "繳費", "Payment"), "B": Names("业扩报装", "業擴報裝", "Installation")}
CLERKS = {"S001": "王芳", "S002": "李强"}
NOW = datetime(2025, 3, 4, 8, 30, tzinfo=TZ)


def report(language: str = "zh_CN", kind: ReportKind = ReportKind.DAILY, last: date = DAY) -> ReportData:
    setup = ReportSetup("通辽供电营业厅", language, TARGETS, SERVICES, CLERKS)
    summary = QualitySummary.of_visits(VISITS, TARGETS)
    return build_quality_report(summary, kind, DAY, last, setup, NOW, counters_open={9: 3.0, 10: 2.5})


def row(data: ReportData, table: str, label: str) -> dict[str, object]:
    t = data.table(table)
    found = next(r for r in t.rows if r[0] == label)
    return {c.key or "label": v for c, v in zip(t.columns, found, strict=True)}


def test_the_service_table_holds_the_hand_worked_figures() -> None:
    a = row(report(), "services", "A 缴费")
    assert a["arrivals"] == 3 and a["served"] == 4 and a["no_shows"] == 1
    assert a["wait_mean"] == pytest.approx((4 + 12 + 10) / 3)
    assert a["wait_p90"] == pytest.approx(12.0)  # rank 3 of 3; the bucket's edge capped at the longest
    assert a["wait_within"] == pytest.approx(2 / 3)  # 4 and 10 (inclusive) within A's 10 minutes
    assert a["service_mean"] == pytest.approx((4 + 6 + 3 + 4) / 4)
    assert a["service_p90"] == pytest.approx(6.0)
    assert a["service_within"] == pytest.approx(3 / 4)
    assert a["ratings"] == 3 and a["satisfaction_rate"] == pytest.approx(1 / 3)
    assert a["guided_online"] == 1


def test_headline_figures_and_other_tables() -> None:
    data = report()
    values = {h.key: h.value for h in data.highlights}
    assert values["arrivals"] == 6 and values["served"] == 5
    assert values["wait_mean"] == pytest.approx(11.4) and values["wait_p90"] == pytest.approx(30.0)
    assert values["wait_within"] == pytest.approx(0.6) and values["satisfaction_rate"] == pytest.approx(0.5)
    assert values["passed_without_handover"] == 1 and values["green_wait"] == pytest.approx(1.0)
    clerk = row(data, "clerks", "李强（S002）")
    assert clerk["served"] == 2 and clerk["service_mean"] == pytest.approx(5.0)
    assert row(data, "clerks", "S006")["handovers"] == 1  # a code without a known name stays a code
    assert row(data, "counters", "1号窗口")["served"] == 2
    assert [r[0] for r in data.table("hours").rows] == ["09:00–10:00", "10:00–11:00"]
    ratings = {r[0]: r[1:] for r in data.table("ratings").rows}
    assert ratings["非常满意"] == (1, 0.25) and ratings["未评价"] == (1, None)
    assert dict((r[0], r[1]) for r in data.table("reasons").rows) == {
        "long_wait": 1,
        "attitude": 1,
        "paperwork": 1,
    }
    assert [r[0] for r in data.table("green").rows] == ["B 业扩报装"]
    assert "days" not in {t.key for t in data.tables}  # one day: no table per day


def test_charts_draw_arrivals_against_counters_and_the_wait_spread() -> None:
    charts = {c.key: c for c in report().charts}
    hours = charts["arrivals_by_hour"]
    assert hours.categories == ("09", "10")
    assert hours.series[0].values == (5.0, 1.0) and hours.series[1].values == (3.0, 2.5)
    assert hours.series[1].style == "line" and hours.series[1].axis == "right"
    spread = dict(
        zip(charts["wait_distribution"].categories, charts["wait_distribution"].series[0].values, strict=True)
    )
    assert spread["0–5分钟"] == 2 and spread["10–15分钟"] == 2 and spread["30–35分钟"] == 1
    assert "trend" not in charts


def test_a_range_adds_days_and_a_trend() -> None:
    data = report(kind=ReportKind.RANGE, last=date(2025, 3, 9))
    assert data.period == "2025-03-03 至 2025-03-09"
    assert [r[0] for r in data.table("days").rows] == ["2025-03-03（周一）"]
    trend = next(c for c in data.charts if c.key == "trend")
    assert trend.categories[0] == "03-03" and len(trend.categories) == 7  # every day of the period
    assert trend.series[0].values == (6.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    assert trend.series[1].values[0] == pytest.approx(11.4)
    assert trend.series[1].values[1:] == (None,) * 6  # no wait on a day nobody came: a gap, not 0


def test_the_footer_defines_every_figure_shown() -> None:
    data = report()
    terms = {d.term for d in data.definitions}
    shown = {c.key for t in data.tables for c in t.columns if c.key} | {h.key for h in data.highlights}
    assert {definition(k).label_in("zh_CN") for k in shown} <= terms
    assert definition("privacy").label_in("zh_CN") in terms
    assert any("A 缴费 10 分钟" in note and "B 业扩报装 20 分钟" in note for note in data.notes)
    for key in ("services", "counters", "clerks", "hours"):  # a figure's title is its definition's label
        assert all(c.title == definition(c.key).label_in("zh_CN") for c in data.table(key).columns if c.key)


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW", "en"])
def test_every_definition_is_written_in_every_language(language: str) -> None:
    for d in DEFINITIONS:
        assert d.label.get(language) and d.text.get(language)
        if language != "zh_CN":
            assert getattr(d.text, language), f"{d.key} has no {language} text of its own"
    p90 = definition("wait_p90").text_in(language)
    assert str(HISTOGRAM_BUCKETS) in p90 and ("1 分" in p90 or "1 minute" in p90)
    assert BUCKET_SECONDS == 60
    satisfaction = definition("satisfaction_rate").text_in(language)
    assert RATING_NAMES["very_satisfied"].get(language).lower() in satisfaction.lower()


def test_english_and_traditional_reports() -> None:
    en = report("en", ReportKind.MONTHLY, date(2025, 3, 31))
    assert en.title == "Service quality: monthly report" and en.period == "3/2025"
    assert row(en, "services", "A Payment")["arrivals"] == 3
    assert row(en, "clerks", "王芳 (S001)")["served"] == 2
    tw = report("zh_TW")
    assert tw.title == "服務質量日報" and row(tw, "services", "A 繳費")["arrivals"] == 3


def test_period_words() -> None:
    assert period_words(ReportKind.DAILY, DAY, DAY, "zh_CN") == "2025-03-03（周一）"
    assert period_words(ReportKind.MONTHLY, date(2025, 3, 1), date(2025, 3, 31), "zh_CN") == "2025年3月"
    assert period_words(ReportKind.RANGE, DAY, date(2025, 3, 5), "en") == "2025-03-03 to 2025-03-05"
    with pytest.raises(ValueError):
        report(last=date(2025, 3, 1))


def test_visits_have_no_place_for_customer_data() -> None:
    """What a report is built from cannot hold a name, phone, ID, account or ticket number: a field
    added for one must be a deliberate change to this list."""
    assert {f.name for f in dataclasses.fields(Visit)} == {
        "business_day", "service_code", "issued_at", "green", "legs", "cancelled",
    }  # fmt: skip
    assert {f.name for f in dataclasses.fields(ServiceLeg)} == {
        "service_code", "counter", "clerk", "called_at", "end", "ended_at", "serving_at", "handover",
        "rating", "reasons", "guided_online",
    }  # fmt: skip


def test_tables_and_charts_refuse_misshapen_values() -> None:
    columns = (Column("x", ValueKind.TEXT), Column("n", ValueKind.COUNT, "arrivals"))
    with pytest.raises(ValueError, match="row"):
        Table("t", "t", columns, (("a",),))
    with pytest.raises(ValueError, match="numbers"):
        Table("t", "t", columns, (("a", "3"),))
    with pytest.raises(ValueError, match="text"):
        Table("t", "t", columns, ((3, 3),))
    with pytest.raises(ValueError):
        Series("s", (1.0,), style="pie")


@pytest.mark.parametrize(
    ("value", "kind", "shown"),
    [
        (None, ValueKind.MINUTES, "—"),
        (3, ValueKind.COUNT, "3"),
        (8.6666, ValueKind.MINUTES, "8.7"),
        (2 / 3, ValueKind.PERCENT, "66.7%"),
        (4.125, ValueKind.NUMBER, "4.12"),
        (476.97, ValueKind.ESTIMATE, "477.0"),
        ("王芳", ValueKind.TEXT, "王芳"),
    ],
)
def test_format_value(value: object, kind: ValueKind, shown: str) -> None:
    assert format_value(value, kind) == shown  # type: ignore[arg-type]
