"""A report as an Excel workbook (openpyxl): an overview sheet, a sheet per table, a sheet per chart
(its data and a native Excel chart) and a sheet of definitions and notes.

Numbers are stored as numbers with a display format (minutes ``0.0``, shares ``0.0%`` of a 0–1
fraction, counts ``0``), so the hall can sum and chart them; text is always stored as text, never
as a formula.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from counter_app.domain.quality.report import CellValue, Chart, ReportData, Table, ValueKind
from counter_app.domain.quality.report_texts import text
from counter_app.printing.reports.files import write_report_file

FORMATS = {
    ValueKind.COUNT: "0",
    ValueKind.MINUTES: "0.0",
    ValueKind.PERCENT: "0.0%",
    ValueKind.ESTIMATE: "0.0",
    ValueKind.NUMBER: "0.00",
    ValueKind.TEXT: "@",
}
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="E2E8F0")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def _put(ws: Worksheet, row: int, col: int, value: CellValue, kind: ValueKind = ValueKind.TEXT) -> Cell:
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # "=..." stays text: openpyxl would store it as a formula
    elif value is not None:
        cell.number_format = FORMATS[kind]
    return cell


def _sheet_name(title: str, taken: set[str]) -> str:
    base = _BAD_SHEET_CHARS.sub(" ", title).strip()[:28] or "Sheet"
    name, n = base, 2
    while name.lower() in taken:
        name = f"{base[:26]} {n}"
        n += 1
    taken.add(name.lower())
    return name


def _widths(ws: Worksheet, minimum: int = 8, maximum: int = 60) -> None:
    """Column widths from the longest text (a CJK character counts twice)."""
    for index, column in enumerate(ws.columns, start=1):
        longest = 0
        for cell in column:
            if cell.value is not None:
                shown = str(cell.value) if not isinstance(cell.value, float) else f"{cell.value:.2f}"
                longest = max(longest, sum(2 if ord(ch) > 0x2E80 else 1 for ch in shown))
        ws.column_dimensions[get_column_letter(index)].width = max(minimum, min(maximum, longest + 2))


def _header(ws: Worksheet, row: int, titles: list[str]) -> None:
    for col, title in enumerate(titles, start=1):
        cell = _put(ws, row, col, title)
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def _overview(ws: Worksheet, data: ReportData) -> None:
    lang = data.language
    _put(ws, 1, 1, data.title).font = Font(bold=True, size=14)
    _put(ws, 2, 1, text("hall_label", lang))
    _put(ws, 2, 2, data.hall)
    _put(ws, 3, 1, text("period_label", lang))
    _put(ws, 3, 2, data.period)
    _put(ws, 4, 1, text("generated", lang, data.generated_at.strftime("%Y-%m-%d %H:%M")))
    if data.highlights:
        _header(ws, 6, [text("term", lang), text("value", lang)])
        for i, h in enumerate(data.highlights, start=7):
            _put(ws, i, 1, h.label)
            _put(ws, i, 2, h.value, h.kind)
    _widths(ws)


def _table(ws: Worksheet, table: Table) -> None:
    _put(ws, 1, 1, table.title).font = Font(bold=True, size=12)
    _header(ws, 2, [c.title for c in table.columns])
    for r, row in enumerate(table.rows, start=3):
        for c, (value, column) in enumerate(zip(row, table.columns, strict=True), start=1):
            _put(ws, r, c, value, column.kind)
    ws.freeze_panes = "B3"
    _widths(ws, maximum=28)


def _chart(ws: Worksheet, chart: Chart) -> None:
    _header(ws, 1, ["", *(s.name for s in chart.series)])
    for r, category in enumerate(chart.categories, start=2):
        _put(ws, r, 1, category)
        for c, series in enumerate(chart.series, start=2):
            _put(ws, r, c, series.values[r - 2], ValueKind.NUMBER)
    _widths(ws, maximum=24)
    last = len(chart.categories) + 1
    categories = Reference(ws, min_col=1, min_row=2, max_row=last)
    left: BarChart | LineChart | None = None
    right: LineChart | None = None
    for c, series in enumerate(chart.series, start=2):
        data = Reference(ws, min_col=c, max_col=c, min_row=1, max_row=last)
        if series.axis == "right":
            right = right or LineChart()
            right.add_data(data, titles_from_data=True)
            continue
        if left is None:
            left = BarChart() if series.style == "bar" else LineChart()
        left.add_data(data, titles_from_data=True)
    main = left or right
    if main is None:
        return
    main.set_categories(categories)
    main.title = chart.title
    main.y_axis.title = chart.left_title or None
    main.height, main.width = 9, 18
    if left is not None and right is not None:
        right.y_axis.axId = 200
        right.y_axis.title = chart.right_title or None
        right.y_axis.crosses = "max"
        right.set_categories(categories)
        left += right
    ws.add_chart(main, f"{get_column_letter(len(chart.series) + 3)}2")


def _definitions(ws: Worksheet, data: ReportData) -> None:
    lang = data.language
    _header(ws, 1, [text("term", lang), text("meaning", lang)])
    row = 2
    for d in data.definitions:
        _put(ws, row, 1, d.term).font = BOLD
        _put(ws, row, 2, d.text).alignment = Alignment(wrap_text=True, vertical="top")
        row += 1
    if data.notes:
        row += 1
        _put(ws, row, 1, text("notes_title", lang)).font = BOLD
        for note in data.notes:
            _put(ws, row, 2, note).alignment = Alignment(wrap_text=True)
            row += 1
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 110


def write_report_xlsx(data: ReportData, path: Path | str) -> Path:
    target = Path(path)
    book = Workbook()
    taken: set[str] = set()
    overview = book.active
    assert overview is not None  # a new workbook always has its first sheet
    overview.title = _sheet_name(text("highlights_title", data.language), taken)
    _overview(overview, data)
    for table in data.tables:
        _table(book.create_sheet(_sheet_name(table.title, taken)), table)
    for chart in data.charts:
        _chart(book.create_sheet(_sheet_name(chart.title, taken)), chart)
    _definitions(book.create_sheet(_sheet_name(text("definitions_title", data.language), taken)), data)
    book.properties.title = f"{data.title} {data.period}"
    book.properties.creator = "counter-app"

    def produce() -> bytes:
        stream = io.BytesIO()
        book.save(stream)
        return stream.getvalue()

    return write_report_file(target, produce)
