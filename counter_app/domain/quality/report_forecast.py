"""The forecast report a supervisor prints the week before: expected arrivals per day and hour, the
counters each hour needs (Erlang C), and how wrong the forecast has been on past weeks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta

from counter_app.domain.quality.definitions import DEFINITIONS
from counter_app.domain.quality.forecast import ForecastDay, ForecastModel
from counter_app.domain.quality.planning import Backtest, HourPlan
from counter_app.domain.quality.report import (
    CellValue,
    Chart,
    Column,
    Definition,
    ReportData,
    Series,
    Table,
    ValueKind,
)
from counter_app.domain.quality.report_build import ReportSetup
from counter_app.domain.quality.report_texts import CLASSES, KINDS, day_label, hour_label, text

C, P, N, TEXT = ValueKind.COUNT, ValueKind.PERCENT, ValueKind.ESTIMATE, ValueKind.TEXT


def _day_table(
    days: Sequence[ForecastDay], plan: Sequence[HourPlan], services: list[str], setup: ReportSetup
) -> Table:
    lang = setup.language
    peaks: dict[date, HourPlan] = {}
    for hour in plan:
        best = peaks.get(hour.day)
        if best is None or hour.counters > best.counters:
            peaks[hour.day] = hour
    columns = (
        Column(text("day", lang), TEXT),
        Column(text("day_kind", lang), TEXT),
        Column(text("day_class", lang), TEXT),
        Column(text("expected", lang), N, "forecast"),
        *(Column(setup.service(s), N, "forecast") for s in services),
        Column(text("peak_hour", lang), TEXT),
        Column(text("peak_counters", lang), C, "counters_needed"),
    )
    rows: list[tuple[CellValue, ...]] = []
    for d in days:
        per_service = d.by_service()
        peak = peaks.get(d.day)
        rows.append(
            (
                day_label(d.day, lang),
                KINDS[d.kind].get(lang) + (" *" if d.provisional else ""),
                CLASSES[d.day_class].get(lang),
                d.total,
                *(per_service.get(s, 0.0) for s in services),
                hour_label(peak.hour) if peak else "",
                peak.counters if peak else 0,
            )
        )
    return Table("forecast_days", text("forecast_days", lang), columns, tuple(rows))


def _hour_matrix(
    key: str,
    title: str,
    days: Sequence[ForecastDay],
    values: Mapping[tuple[date, int], float],
    kind: ValueKind,
    setup: ReportSetup,
) -> Table:
    """Hours down, days across: a week fits one page."""
    lang = setup.language
    hours = sorted({h for (_, h) in values})
    columns = (Column(text("hour", lang), TEXT), *(Column(d.day.strftime("%m-%d"), kind, key) for d in days))
    rows: list[tuple[CellValue, ...]] = [
        (hour_label(h), *(values.get((d.day, h), 0.0) for d in days)) for h in hours
    ]
    return Table(key, title, columns, tuple(rows))


def _backtest_table(result: Backtest, setup: ReportSetup) -> Table:
    lang = setup.language
    columns = (
        Column(text("week_from", lang), TEXT),
        Column(text("actual", lang), C, "forecast_error"),
        Column(text("expected", lang), N, "forecast"),
        Column(text("wape_day", lang), P, "forecast_error"),
        Column(text("wape_hour", lang), P, "forecast_error"),
        Column(text("mape_day", lang), P, "forecast_error"),
    )
    rows: list[tuple[CellValue, ...]] = [
        (day_label(w.origin, lang), w.actual, w.forecast, w.wape_day, w.wape_hour, w.mape_day)
        for w in result.weeks
    ]
    rows.append(
        (
            "Σ",
            sum(w.actual for w in result.weeks),
            sum(w.forecast for w in result.weeks),
            result.wape_day,
            result.wape_hour,
            result.mape_day,
        )
    )
    return Table("backtest", text("backtest", lang), columns, tuple(rows))


def build_forecast_report(
    model: ForecastModel,
    days: Sequence[ForecastDay],
    plan: Sequence[HourPlan],
    setup: ReportSetup,
    generated_at: datetime,
    service_minutes: Mapping[str, float],
    target_share: float,
    backtest: Backtest | None = None,
) -> ReportData:
    """The coming days' forecast (``days``, with ``plan`` from :func:`~.planning.staffing_plan`)."""
    if not days:
        raise ValueError("a forecast report needs at least one day")
    lang = setup.language
    services = sorted(model.services)
    arrivals = {(d.day, h): v for d in days for h, v in d.by_hour().items()}
    counters = {(p.day, p.hour): float(p.counters) for p in plan}
    tables = [
        _day_table(days, plan, services, setup),
        _hour_matrix("forecast_counters", text("forecast_counters", lang), days, counters, C, setup),
        _hour_matrix("forecast_arrivals", text("forecast_arrivals", lang), days, arrivals, N, setup),
    ]
    if backtest is not None:
        tables.append(_backtest_table(backtest, setup))
    peak = {d.day: max((p.counters for p in plan if p.day == d.day), default=0) for d in days}
    chart = Chart(
        "forecast",
        text("chart_forecast", lang),
        tuple(d.day.strftime("%m-%d") for d in days),
        (
            Series(text("expected", lang), tuple(d.total for d in days)),
            Series(text("peak_counters", lang), tuple(float(peak[d.day]) for d in days), "line", "right"),
        ),
        text("people_axis", lang),
        text("counters_axis", lang),
    )
    sep = ", " if lang == "en" else "，"
    minutes = sep.join(
        f"{setup.service(s)} {text('minutes_n', lang, f'{service_minutes[s]:.1f}')}"
        for s in services
        if s in service_minutes
    )
    notes = [
        text("fit_basis", lang, model.first_day.isoformat(), (model.as_of - timedelta(days=1)).isoformat()),
        text("plan_basis", lang, target_share, minutes),
    ]
    waits = sep.join(
        f"{setup.service(s)} {text('minutes_n', lang, setup.targets.wait_for(s))}" for s in services
    )
    notes.append(text("targets_wait", lang, waits))
    provisional = sorted({d.day.year for d in days if d.provisional})
    if provisional:
        notes.append(
            text(
                "provisional",
                lang,
                "、".join(map(str, provisional)) if lang != "en" else ", ".join(map(str, provisional)),
            )
        )
    keys = {"forecast", "counters_needed", "privacy"} | (
        {"forecast_error"} if backtest is not None else set()
    )
    return ReportData(
        title=text("forecast_title", lang),
        hall=setup.hall_name,
        period=text("range_period", lang, days[0].day.isoformat(), days[-1].day.isoformat()),
        first_day=days[0].day,
        last_day=days[-1].day,
        generated_at=generated_at,
        language=lang,
        highlights=(),
        tables=tuple(tables),
        charts=(chart,),
        definitions=tuple(
            Definition(d.label_in(lang), d.text_in(lang)) for d in DEFINITIONS if d.key in keys
        ),
        notes=tuple(notes),
    )
