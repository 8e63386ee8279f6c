"""A report as an A4 PDF (landscape): title, headline figures, charts, tables, notes and the
definitions of every figure shown, with a header and "page n of N" on every page.

Drawn with QPainter on a :class:`~.canvas.Canvas` (a dry pass counts the pages first); text goes
through the slips' text pipeline, so the PDF's text layer is repaired to read back exactly what was
drawn (``pdf_text``), Chinese included.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPaintDevice, QPdfWriter

from counter_app.domain.quality.report import Column, ReportData, Table, ValueKind, format_value
from counter_app.domain.quality.report_texts import text
from counter_app.printing.pdf_text import repair_text_layer
from counter_app.printing.reports.canvas import (
    GREY,
    Canvas,
    ImageSink,
    PageFrame,
    PageSink,
    PdfSink,
    page_layout,
)
from counter_app.printing.reports.charts import draw_chart
from counter_app.printing.reports.files import ReportError, write_report_file
from counter_app.printing.text import TextBlock, recording_glyphs

PDF_DPI = 300
BODY_MM = 2.6
HEAD_MM = 2.4
ZEBRA = QColor(0xF3, 0xF5, 0xF8)
HEADER_FILL = QColor(0xE2, 0xE8, 0xF0)
CHART_MM = 72.0


def _frame(data: ReportData) -> PageFrame:
    lang = data.language
    stamp = data.generated_at.strftime("%Y-%m-%d %H:%M")
    return PageFrame(
        header=f"{data.hall} · {data.title} · {data.period}",
        footer_left=f"{text('generated', lang, stamp)}  {text('see_definitions', lang)}",
        page_words=lambda page, pages: text("page_of", lang, page, pages),
    )


def _title(canvas: Canvas, data: ReportData) -> None:
    canvas.paragraph(data.title, 6.0, bold=True, gap_mm=1.2)
    lang = data.language
    colon = ": " if lang == "en" else "："
    line = f"{text('hall_label', lang)}{colon}{data.hall}    {text('period_label', lang)}{colon}{data.period}"
    canvas.paragraph(line, 3.4, gap_mm=3)


def _highlights(canvas: Canvas, data: ReportData) -> None:
    if not data.highlights:
        return
    per_row = 7
    width = canvas.width / per_row
    for start in range(0, len(data.highlights), per_row):
        row = data.highlights[start : start + per_row]
        labels = [canvas.block(h.label, 2.4, width - canvas.mm(3)) for h in row]
        values = [
            canvas.block(format_value(h.value, h.kind, data.language), 5.0, width - canvas.mm(3), bold=True)
            for h in row
        ]
        label_h = max(b.height for b in labels)  # values on one line even under a wrapped label
        height = label_h + max(b.height for b in values) + canvas.mm(3)
        canvas.keep(height)
        for i, (label, value) in enumerate(zip(labels, values, strict=True)):
            x = canvas.left + width * i
            canvas.fill(QRectF(x + canvas.mm(0.5), canvas.y, width - canvas.mm(1), height), ZEBRA)
            canvas.draw(label, x + canvas.mm(1.5), canvas.y + canvas.mm(1), color=GREY)
            canvas.draw(value, x + canvas.mm(1.5), canvas.y + canvas.mm(1.5) + label_h)
        canvas.y += height + canvas.mm(1.5)
    canvas.y += canvas.mm(2)


def _charts(canvas: Canvas, data: ReportData) -> None:
    charts = list(data.charts)
    height = canvas.mm(CHART_MM)
    while charts:
        pair = (
            charts[:2]
            if len(charts) >= 2 and charts[0].key != "trend" and charts[1].key != "trend"
            else charts[:1]
        )
        charts = charts[len(pair) :]
        canvas.keep(height)
        gap = canvas.mm(8)
        width = (canvas.width - gap * (len(pair) - 1)) / len(pair)
        for i, chart in enumerate(pair):
            draw_chart(canvas, QRectF(canvas.left + (width + gap) * i, canvas.y, width, height), chart)
        canvas.y += height + canvas.mm(5)


def _widths(canvas: Canvas, table: Table) -> list[float]:
    labels = [str(row[0]) for row in table.rows] + [table.columns[0].title]
    first = min(
        canvas.mm(60), max(canvas.mm(24), max(canvas.text_width(t, BODY_MM) for t in labels) + canvas.mm(3))
    )
    rest = len(table.columns) - 1
    value = min(canvas.mm(30), (canvas.width - first) / rest) if rest else 0.0
    return [first, *([value] * rest)]


def _cell_text(value: object, column: Column, language: str) -> str:
    return format_value(value if isinstance(value, str | int | float) else None, column.kind, language)


def _header_blocks(canvas: Canvas, table: Table, widths: list[float]) -> list[TextBlock]:
    """Column titles; one too wide for its column puts its unit, "（分钟）", on a line of its own."""
    blocks = []
    for i, (column, width) in enumerate(zip(table.columns, widths, strict=True)):
        title = column.title
        if "（" in title and canvas.text_width(title, HEAD_MM, bold=True) > width - canvas.mm(2):
            title = title.replace("（", "\u2028（", 1)
        blocks.append(canvas.block(title, HEAD_MM, width - canvas.mm(2), bold=True, center=i > 0))
    return blocks


def _table_header(canvas: Canvas, table: Table, widths: list[float]) -> None:
    blocks = _header_blocks(canvas, table, widths)
    height = max(b.height for b in blocks) + canvas.mm(2)
    canvas.fill(QRectF(canvas.left, canvas.y, sum(widths), height), HEADER_FILL)
    x = canvas.left
    for block, width in zip(blocks, widths, strict=True):
        canvas.draw(block, x + canvas.mm(1), canvas.y + canvas.mm(1))
        x += width
    canvas.y += height


def _table(canvas: Canvas, table: Table, language: str) -> None:
    widths = _widths(canvas, table)
    title = canvas.block(table.title, 3.6, canvas.width, bold=True)
    row_h = canvas.block("0", BODY_MM, canvas.width).height + canvas.mm(1.4)
    head_h = max(b.height for b in _header_blocks(canvas, table, widths)) + canvas.mm(2)
    canvas.keep(title.height + canvas.mm(1.5) + head_h + row_h * min(3, max(1, len(table.rows))))
    canvas.draw(title, canvas.left, canvas.y)
    canvas.y += title.height + canvas.mm(1.5)
    _table_header(canvas, table, widths)
    for n, row in enumerate(table.rows):
        label = canvas.block(str(row[0]), BODY_MM, widths[0] - canvas.mm(2))
        height = max(row_h, label.height + canvas.mm(1.4))
        if height > canvas.room():
            canvas.new_page()
            _table_header(canvas, table, widths)
        if n % 2:
            canvas.fill(QRectF(canvas.left, canvas.y, sum(widths), height), ZEBRA)
        canvas.draw(label, canvas.left + canvas.mm(1), canvas.y + canvas.mm(0.7))
        right = canvas.left + widths[0]
        for value, column, width in zip(row[1:], table.columns[1:], widths[1:], strict=True):
            right += width
            words = _cell_text(value, column, language)
            if column.kind is ValueKind.TEXT:
                canvas.draw(
                    canvas.block(words, BODY_MM, width - canvas.mm(2)),
                    right - width + canvas.mm(1),
                    canvas.y + canvas.mm(0.7),
                )
            else:
                canvas.draw_right(words, BODY_MM, right - canvas.mm(1.5), canvas.y + canvas.mm(0.7))
        canvas.y += height
    canvas.line(QPointF(canvas.left, canvas.y), QPointF(canvas.left + sum(widths), canvas.y))
    canvas.y += canvas.mm(6)


def _definitions(canvas: Canvas, data: ReportData) -> None:
    """The footer of the report: what every figure shown means, then the notes (targets …)."""
    lang = data.language
    canvas.keep(canvas.mm(15))
    canvas.paragraph(text("definitions_title", lang), 3.6, bold=True, gap_mm=1.5)
    term_w = canvas.mm(48)
    for d in data.definitions:
        term = canvas.block(d.term, BODY_MM, term_w - canvas.mm(2), bold=True)
        words = canvas.block(d.text, BODY_MM, canvas.width - term_w)
        height = max(term.height, words.height) + canvas.mm(1.5)
        canvas.keep(height)
        canvas.draw(term, canvas.left, canvas.y)
        canvas.draw(words, canvas.left + term_w, canvas.y)
        canvas.y += height
    if data.notes:
        canvas.y += canvas.mm(4)
        canvas.keep(canvas.mm(15))
        canvas.paragraph(text("notes_title", lang), 3.6, bold=True, gap_mm=1.5)
        for note in data.notes:
            canvas.paragraph(note, BODY_MM, gap_mm=1.0)


def lay_out(data: ReportData, device: QPaintDevice, sink: PageSink | None, pages: int = 0) -> int:
    """Lay the report out on ``device`` (drawing into ``sink``'s pages, or only measuring without one);
    returns the number of pages."""
    canvas = Canvas(device, sink, data.language, _frame(data), pages)
    _title(canvas, data)
    _highlights(canvas, data)
    _charts(canvas, data)
    for table in data.tables:
        if table.rows:
            _table(canvas, table, data.language)
    _definitions(canvas, data)
    if not canvas.close():
        raise ReportError("the page device reported a failure while finishing the report")
    return canvas.page


def write_report_pdf(data: ReportData, path: Path | str, dpi: int = PDF_DPI) -> Path:
    """Write the report as a PDF at ``path``; the file appears complete or not at all."""

    def produce() -> bytes:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setResolution(dpi)
        writer.setPageLayout(page_layout())
        writer.setTitle(f"{data.title} {data.period}")
        writer.setCreator("counter-app")
        pages = lay_out(data, writer, None)
        with recording_glyphs() as glyphs:
            lay_out(data, writer, PdfSink(writer), pages)
        del writer  # finishes the document
        return repair_text_layer(bytes(buffer.data().data()), glyphs)

    return write_report_file(Path(path), produce)


def render_report_images(data: ReportData, dpi: int = 100) -> list[QImage]:
    """Every page as an image (a preview window, tests)."""
    sink = ImageSink(dpi)
    metrics = sink.blank_page()
    pages = lay_out(data, metrics, None)
    lay_out(data, metrics, sink, pages)
    return sink.images


__all__ = ["lay_out", "render_report_images", "write_report_pdf"]
