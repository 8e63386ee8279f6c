"""A report as a plain value: what the CSV, XLSX and PDF writers lay out, whatever made it.

:class:`ReportData` holds text already in the report's language and numbers as numbers (minutes as
minutes, shares as fractions 0–1, counts as ints; ``None`` where a figure has no value, e.g. the
average wait of nobody). It holds no personal data of customers: it is built from summaries that
have none; clerks appear as "name (staff code)". Builders: :mod:`~.report_build` (daily, monthly and
range reports of the figures) and :mod:`~.report_forecast` (the forecast a supervisor prints the week
before).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

CellValue = str | int | float | None


class ValueKind(StrEnum):
    TEXT = "text"
    COUNT = "count"  # a whole number
    MINUTES = "minutes"  # a duration in minutes, shown to one decimal
    PERCENT = "percent"  # a fraction 0–1, shown as a percentage to one decimal
    ESTIMATE = "estimate"  # an expectation (forecast arrivals), shown to one decimal
    NUMBER = "number"  # any other number, shown to two decimals (an average score)


@dataclass(frozen=True)
class Column:
    title: str
    kind: ValueKind
    key: str = ""  # the figure's definition key (:mod:`~.definitions`), "" for a label column


@dataclass(frozen=True)
class Table:
    """A table of figures: one row per service, counter, clerk, hour, day …; ``rows`` hold one value
    per column, of the column's kind (text for ``TEXT``, else a number or ``None``)."""

    key: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[CellValue, ...], ...]

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.columns):
                raise ValueError(
                    f"table {self.key}: a row has {len(row)} values for {len(self.columns)} columns"
                )
            for value, column in zip(row, self.columns, strict=True):
                numeric = isinstance(value, int | float) and not isinstance(value, bool)
                if column.kind is ValueKind.TEXT and not isinstance(value, str):
                    raise ValueError(f"table {self.key}: {column.title} holds text, not {value!r}")
                if column.kind is not ValueKind.TEXT and value is not None and not numeric:
                    raise ValueError(f"table {self.key}: {column.title} holds numbers, not {value!r}")


@dataclass(frozen=True)
class Series:
    """One series of a chart: a value per category (``None`` where there is none: no bar, a gap in
    the line); bars or a line, on the left or right axis."""

    name: str
    values: tuple[float | None, ...]
    style: str = "bar"  # "bar" or "line"
    axis: str = "left"  # "left" or "right"

    def __post_init__(self) -> None:
        if self.style not in ("bar", "line") or self.axis not in ("left", "right"):
            raise ValueError(f"series {self.name}: style is bar or line, axis left or right")


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    left_title: str = ""
    right_title: str = ""

    def __post_init__(self) -> None:
        if any(len(s.values) != len(self.categories) for s in self.series):
            raise ValueError(f"chart {self.key}: every series needs one value per category")


@dataclass(frozen=True)
class Highlight:
    """A headline figure at the top of the report."""

    key: str
    label: str
    value: CellValue
    kind: ValueKind


@dataclass(frozen=True)
class Definition:
    term: str
    text: str


@dataclass(frozen=True)
class ReportData:
    title: str
    hall: str
    period: str  # in words: "2025-03-03（周一）", "2025年3月", "2025-03-01 至 2025-03-15"
    first_day: date
    last_day: date
    generated_at: datetime
    language: str
    highlights: tuple[Highlight, ...]
    tables: tuple[Table, ...]
    charts: tuple[Chart, ...]
    definitions: tuple[Definition, ...]  # the footer: every figure shown, in words
    notes: tuple[str, ...] = ()  # targets in force, provisional calendar years, …

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)


_NONE = {"zh_CN": "—", "zh_TW": "—", "en": "—"}


def format_value(value: CellValue, kind: ValueKind, language: str = "zh_CN") -> str:
    """How a value reads on paper or in a CSV cell: minutes to one decimal, shares as percentages."""
    if value is None:
        return _NONE.get(language, "—")
    if isinstance(value, str):
        return value
    if kind is ValueKind.COUNT:
        return f"{round(value):d}"
    if kind in (ValueKind.MINUTES, ValueKind.ESTIMATE):
        return f"{value:.1f}"
    if kind is ValueKind.PERCENT:
        return f"{value * 100:.1f}%"
    return f"{value:.2f}"
