"""Daily, monthly and any-range service-quality reports built from summaries (:class:`ReportData`).

The store hands a :class:`~.summary.QualitySummary` of the period (per-day summaries merged); this
module turns it into tables per service, counter, clerk, hour and day, the ratings, the green channel,
three charts and the footer that defines every figure shown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from counter_app.domain.profile import Names
from counter_app.domain.quality.definitions import DEFINITIONS, RATING_NAMES, definition
from counter_app.domain.quality.facts import RATING_LEVELS, Rating, Targets
from counter_app.domain.quality.figures import QualityFigures
from counter_app.domain.quality.report import (
    CellValue,
    Chart,
    Column,
    Definition,
    Highlight,
    ReportData,
    Series,
    Table,
    ValueKind,
)
from counter_app.domain.quality.report_texts import day_label, hour_label, text
from counter_app.domain.quality.summary import (
    QualitySummary,
    SummaryCell,
    by_clerk,
    by_counter,
    by_day,
    by_hour,
    by_service,
)

C, M, P, N = ValueKind.COUNT, ValueKind.MINUTES, ValueKind.PERCENT, ValueKind.NUMBER
Getter = Callable[[QualityFigures], CellValue]

#: The figures of the service, counter, hour and day tables: (definition key, kind, value).
GROUP_FIGURES: tuple[tuple[str, ValueKind, Getter], ...] = (
    ("arrivals", C, lambda f: f.arrivals),
    ("served", C, lambda f: f.served),
    ("no_shows", C, lambda f: f.no_shows),
    ("wait_mean", M, lambda f: f.wait.mean_minutes),
    ("wait_p90", M, lambda f: f.wait.p90_minutes),
    ("wait_max", M, lambda f: f.wait.max_minutes),
    ("wait_within", P, lambda f: f.wait.share_within_target),
    ("service_mean", M, lambda f: f.service_time.mean_minutes),
    ("service_p90", M, lambda f: f.service_time.p90_minutes),
    ("service_within", P, lambda f: f.service_time.share_within_target),
    ("transfers", C, lambda f: f.transfers),
    ("passed_without_handover", C, lambda f: f.passed_without_handover),
    ("ratings", C, lambda f: f.rated),
    ("satisfaction_rate", P, lambda f: f.satisfaction_rate),
    ("guided_online", C, lambda f: f.guided_online),
)

#: A clerk's own work: what they served, how, and how they handed customers on.
CLERK_FIGURES: tuple[tuple[str, ValueKind, Getter], ...] = (
    ("served", C, lambda f: f.served),
    ("service_mean", M, lambda f: f.service_time.mean_minutes),
    ("service_p90", M, lambda f: f.service_time.p90_minutes),
    ("service_within", P, lambda f: f.service_time.share_within_target),
    ("no_shows", C, lambda f: f.no_shows),
    ("transfers", C, lambda f: f.transfers),
    ("handovers", C, lambda f: f.handovers),
    ("passed_without_handover", C, lambda f: f.passed_without_handover),
    ("ratings", C, lambda f: f.rated),
    ("satisfaction_rate", P, lambda f: f.satisfaction_rate),
    ("mean_score", N, lambda f: f.mean_score),
    ("guided_online", C, lambda f: f.guided_online),
)

HIGHLIGHTS: tuple[tuple[str, ValueKind, Getter], ...] = (
    ("arrivals", C, lambda f: f.arrivals),
    ("served", C, lambda f: f.served),
    ("wait_mean", M, lambda f: f.wait.mean_minutes),
    ("wait_p90", M, lambda f: f.wait.p90_minutes),
    ("wait_within", P, lambda f: f.wait.share_within_target),
    ("service_mean", M, lambda f: f.service_time.mean_minutes),
    ("satisfaction_rate", P, lambda f: f.satisfaction_rate),
    ("response_rate", P, lambda f: f.response_rate),
    ("no_shows", C, lambda f: f.no_shows),
    ("transfers", C, lambda f: f.transfers),
    ("handovers", C, lambda f: f.handovers),
    ("passed_without_handover", C, lambda f: f.passed_without_handover),
    ("green_wait", M, lambda f: f.green_wait.mean_minutes),
    ("guided_online", C, lambda f: f.guided_online),
)


class ReportKind(StrEnum):
    DAILY = "daily"
    MONTHLY = "monthly"
    RANGE = "range"


@dataclass(frozen=True)
class ReportSetup:
    """What a report needs besides the figures: the hall's name and language, its targets, and the
    names of its services, clerks (staff code → name) and rating reasons (code → words)."""

    hall_name: str
    language: str
    targets: Targets
    service_names: Mapping[str, Names]
    clerk_names: Mapping[str, str] = field(default_factory=dict)
    reason_names: Mapping[str, Names] = field(default_factory=dict)

    def service(self, code: str) -> str:
        names = self.service_names.get(code)
        return f"{code} {names.get(self.language)}" if names else code

    def clerk(self, code: str) -> str:
        name = self.clerk_names.get(code, "")
        return text("clerk_label", self.language, name, code) if name else code


def period_words(kind: ReportKind, first: date, last: date, language: str) -> str:
    if kind is ReportKind.DAILY and first == last:
        return day_label(first, language)
    if kind is ReportKind.MONTHLY:
        return text("month_period", language, first.year, first.month)
    return text("range_period", language, first.isoformat(), last.isoformat())


def _figure_table(
    key: str,
    title: str,
    label: str,
    groups: Mapping[str, QualityFigures],
    figures: tuple[tuple[str, ValueKind, Getter], ...],
    language: str,
) -> Table:
    columns = (
        Column(label, ValueKind.TEXT),
        *(Column(definition(k).label_in(language), kind, k) for k, kind, _ in figures),
    )
    rows = tuple((name, *(get(f) for _, _, get in figures)) for name, f in groups.items())
    return Table(key, title, columns, rows)


def _ratings_tables(figures: QualityFigures, setup: ReportSetup) -> tuple[Table, Table]:
    lang = setup.language
    rated = figures.rated
    rows: list[tuple[CellValue, ...]] = [
        (
            RATING_NAMES[level.value].get(lang),
            figures.ratings.get(level, 0),
            figures.ratings.get(level, 0) / rated if rated else None,
        )
        for level in RATING_LEVELS
    ]
    rows.append((RATING_NAMES[Rating.NOT_RATED.value].get(lang), figures.not_rated, None))
    ratings = Table(
        "ratings",
        text("ratings", lang),
        (
            Column(text("level", lang), ValueKind.TEXT),
            Column(text("count", lang), C, "ratings"),
            Column(text("share", lang), P, "satisfaction_rate"),
        ),
        tuple(rows),
    )
    reasons = Table(
        "reasons",
        text("reasons", lang),
        (Column(text("reason", lang), ValueKind.TEXT), Column(text("count", lang), C, "ratings")),
        tuple(
            ((setup.reason_names[code].get(lang) if code in setup.reason_names else code), n)
            for code, n in sorted(figures.reasons.items(), key=lambda item: (-item[1], item[0]))
        ),
    )
    return ratings, reasons


def _green_table(by_svc: Mapping[str, QualityFigures], setup: ReportSetup) -> Table:
    lang = setup.language
    wait = definition("green_wait").label_in(lang)
    columns = (
        Column(text("service", lang), ValueKind.TEXT),
        Column(text("green_count", lang), C, "green_wait"),
        Column(wait, M, "green_wait"),
        Column(definition("wait_p90").label_in(lang), M, "wait_p90"),
        Column(definition("wait_max").label_in(lang), M, "wait_max"),
        Column(definition("wait_within").label_in(lang), P, "wait_within"),
    )
    rows = tuple(
        (
            name,
            f.green_wait.count,
            f.green_wait.mean_minutes,
            f.green_wait.p90_minutes,
            f.green_wait.max_minutes,
            f.green_wait.share_within_target,
        )
        for name, f in by_svc.items()
        if f.green_arrivals
    )
    return Table("green", text("green", lang), columns, rows)


def _charts(
    hours: Mapping[int, QualityFigures],
    per_day: Mapping[date, QualityFigures],
    hall: QualityFigures,
    setup: ReportSetup,
    counters_open: Mapping[int, float] | None,
    period: tuple[date, date],
) -> tuple[Chart, ...]:
    """Arrivals by hour (a daily average over the days with numbers taken) against counters open,
    the wait distribution, and for more than one day the trend over every day of the period."""
    lang = setup.language
    days = max(1, len(per_day))
    span = range(min(hours), max(hours) + 1) if hours else range(0)
    arrivals = Series(
        definition("arrivals").label_in(lang) if days == 1 else text("arrivals_per_day", lang),
        tuple(hours[h].arrivals / days if h in hours else 0.0 for h in span),
    )
    series = [arrivals]
    if counters_open is not None:
        series.append(
            Series(
                text("counters_open", lang),
                tuple(float(counters_open.get(h, 0.0)) for h in span),
                "line",
                "right",
            )
        )
    charts = [
        Chart(
            "arrivals_by_hour",
            text("chart_arrivals", lang),
            tuple(f"{h:02d}" for h in span),
            tuple(series),
            text("people_axis", lang),
            text("counters_axis", lang) if counters_open is not None else "",
        )
    ]
    bins = hall.wait.histogram(5, 60)
    labels = tuple(
        text("bin", lang, start, start + 5) if start < 60 else text("bin_last", lang, start)
        for start, _ in bins
    )
    charts.append(
        Chart(
            "wait_distribution",
            text("chart_waits", lang),
            labels,
            (Series(text("people_axis", lang), tuple(float(n) for _, n in bins)),),
            text("people_axis", lang),
        )
    )
    if period[0] != period[1]:
        ordered = [period[0] + timedelta(days=i) for i in range((period[1] - period[0]).days + 1)]
        empty = QualityFigures()
        charts.append(
            Chart(
                "trend",
                text("chart_trend", lang),
                tuple(d.strftime("%m-%d") for d in ordered),
                (
                    Series(
                        definition("arrivals").label_in(lang),
                        tuple(float(per_day.get(d, empty).arrivals) for d in ordered),
                    ),
                    Series(
                        definition("wait_mean").label_in(lang),
                        tuple(per_day.get(d, empty).wait.mean_minutes for d in ordered),
                        "line",
                        "right",
                    ),
                ),
                text("people_axis", lang),
                text("minutes_axis", lang),
            )
        )
    return tuple(charts)


def _target_notes(setup: ReportSetup, services: list[str]) -> tuple[str, ...]:
    lang = setup.language
    sep = ", " if lang == "en" else "，"
    waits = sep.join(
        f"{setup.service(s)} {text('minutes_n', lang, setup.targets.wait_for(s))}" for s in services
    )
    counter_times = sep.join(
        f"{setup.service(s)} {text('minutes_n', lang, minutes)}"
        for s in services
        if (minutes := setup.targets.service_for(s)) is not None
    )
    notes = [text("targets_wait", lang, waits)]
    if counter_times:
        notes.append(text("targets_service", lang, counter_times))
    notes.append(text("source", lang))
    return tuple(notes)


def build_quality_report(
    summary: QualitySummary,
    kind: ReportKind,
    first_day: date,
    last_day: date,
    setup: ReportSetup,
    generated_at: datetime,
    counters_open: Mapping[int, float] | None = None,
) -> ReportData:
    """The report of ``summary``'s cells from ``first_day`` to ``last_day``. ``counters_open``: the
    average number of counters open in each hour of the day over the period, when the store knows it
    (drawn against the arrivals)."""
    if last_day < first_day:
        raise ValueError("a report's last day cannot come before its first")
    lang = setup.language
    summary = summary.between(first_day, last_day)
    service_cells = summary.rollup(by_service)
    total = SummaryCell()
    for cell in service_cells.values():  # every cell has a service: the hall is their sum
        total.merge(cell)
    hall = total.figures()
    services = sorted((code, cell.figures()) for code, cell in service_cells.items())
    by_svc = {setup.service(code): f for code, f in services}
    per_hour = summary.group(by_hour)
    per_day = summary.group(by_day)
    counters = {text("counter_n", lang, n): f for n, f in sorted(summary.group(by_counter).items())}
    clerks = {setup.clerk(code): f for code, f in sorted(summary.group(by_clerk).items())}
    hours = {hour_label(h): f for h, f in sorted(per_hour.items())}
    tables = [
        _figure_table(
            "services", text("by_service", lang), text("service", lang), by_svc, GROUP_FIGURES, lang
        ),
        _figure_table(
            "counters", text("by_counter", lang), text("counter", lang), counters, GROUP_FIGURES, lang
        ),
        _figure_table("clerks", text("by_clerk", lang), text("clerk", lang), clerks, CLERK_FIGURES, lang),
        _figure_table("hours", text("by_hour", lang), text("hour", lang), hours, GROUP_FIGURES, lang),
    ]
    if first_day != last_day:
        days = {day_label(d, lang): f for d, f in sorted(per_day.items())}
        tables.append(
            _figure_table("days", text("by_day", lang), text("day", lang), days, GROUP_FIGURES, lang)
        )
    tables.extend(_ratings_tables(hall, setup))
    tables.append(_green_table(by_svc, setup))
    highlights = tuple(
        Highlight(k, definition(k).label_in(lang), get(hall), kind_) for k, kind_, get in HIGHLIGHTS
    )
    shown = {h.key for h in highlights} | {c.key for t in tables for c in t.columns} | {"hour", "privacy"}
    return ReportData(
        title=text(kind.value, lang),
        hall=setup.hall_name,
        period=period_words(kind, first_day, last_day, lang),
        first_day=first_day,
        last_day=last_day,
        generated_at=generated_at,
        language=lang,
        highlights=highlights,
        tables=tuple(tables),
        charts=_charts(per_hour, per_day, hall, setup, counters_open, (first_day, last_day)),
        definitions=tuple(
            Definition(d.label_in(lang), d.text_in(lang)) for d in DEFINITIONS if d.key in shown
        ),
        notes=_target_notes(setup, [code for code, _ in services]),
    )
