"""A report as one CSV file in sections, UTF-8 with a byte-order mark so Excel opens Chinese
correctly (without it Excel on a Chinese Windows reads the file as GBK and shows mojibake).

Layout: the title lines, then each section (headline figures, each table, each chart's data, notes,
definitions) as a title line, a header line and its rows, sections separated by an empty line.
Numbers are plain numbers (minutes to one decimal, counts whole); shares are written as ``87.5%``,
which Excel reads as the number 0.875. A text cell starting with ``=``, ``+``, ``-`` or ``@`` gets a
leading apostrophe so a spreadsheet never runs it as a formula (CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from counter_app.domain.quality.report import CellValue, ReportData, ValueKind, format_value
from counter_app.domain.quality.report_texts import text
from counter_app.printing.reports.files import write_report_file

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: str) -> str:
    """Text that a spreadsheet shows as text (never as a formula)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def csv_cell(value: CellValue, kind: ValueKind) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return safe_text(value)
    return format_value(value, kind)


def report_rows(data: ReportData) -> Iterable[Sequence[str]]:
    """The CSV's rows, in order."""
    lang = data.language
    yield [safe_text(data.title)]
    yield [text("hall_label", lang), safe_text(data.hall)]
    yield [text("period_label", lang), safe_text(data.period)]
    yield [text("generated", lang, data.generated_at.strftime("%Y-%m-%d %H:%M"))]
    if data.highlights:
        yield []
        yield [text("highlights_title", lang)]
        yield [text("term", lang), text("value", lang)]
        for h in data.highlights:
            yield [safe_text(h.label), csv_cell(h.value, h.kind)]
    for table in data.tables:
        yield []
        yield [safe_text(table.title)]
        yield [safe_text(c.title) for c in table.columns]
        for row in table.rows:
            yield [csv_cell(v, c.kind) for v, c in zip(row, table.columns, strict=True)]
    for chart in data.charts:
        yield []
        yield [safe_text(chart.title)]
        yield ["", *(safe_text(s.name) for s in chart.series)]
        for i, category in enumerate(chart.categories):
            yield [safe_text(category), *(csv_cell(s.values[i], ValueKind.NUMBER) for s in chart.series)]
    if data.notes:
        yield []
        yield [text("notes_title", lang)]
        for note in data.notes:
            yield [safe_text(note)]
    yield []
    yield [text("definitions_title", lang)]
    yield [text("term", lang), text("meaning", lang)]
    for d in data.definitions:
        yield [safe_text(d.term), safe_text(d.text)]


def write_report_csv(data: ReportData, path: Path | str) -> Path:
    """Write the report as one CSV (``utf-8-sig``, CRLF line ends as Excel writes them)."""

    def produce() -> bytes:
        stream = io.StringIO(newline="")
        csv.writer(stream, lineterminator="\r\n").writerows(report_rows(data))
        return stream.getvalue().encode("utf-8-sig")

    return write_report_file(Path(path), produce)
