"""A multi-page A4 canvas for reports: pages of a PDF or of images, text through the slips' own
text pipeline (CJK fonts, logged glyphs so the PDF's text layer reads back exactly), sizes in mm.

A report is laid out twice: a dry pass only measures (to count the pages for "page 2 of 5"), the
second draws. Every page gets the report's header line and a footer with the page number.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPaintDevice, QPainter, QPdfWriter, QPen

from counter_app.printing.paper import MM_PER_INCH
from counter_app.printing.text import TextBlock, layout_block, natural_width, slip_font

PAGE_MM = QSizeF(297.0, 210.0)  # A4 landscape: the tables are wide
MARGIN_MM = 12.0
HEADER_MM = 9.0
FOOTER_MM = 8.0
INK = QColor(0x22, 0x22, 0x22)
GREY = QColor(0x88, 0x88, 0x88)


def page_layout() -> QPageLayout:
    size = QPageSize(QPageSize.PageSizeId.A4)
    return QPageLayout(
        size, QPageLayout.Orientation.Landscape, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter
    )


class PageSink(Protocol):
    """Where pages go: ``begin`` the first, ``next_page`` each further one, ``finish`` at the end."""

    def begin(self) -> QPainter: ...

    def next_page(self, painter: QPainter) -> QPainter: ...

    def finish(self, painter: QPainter) -> bool: ...


class PdfSink:
    def __init__(self, writer: QPdfWriter) -> None:
        self.writer = writer

    def begin(self) -> QPainter:
        painter = QPainter()
        if not painter.begin(self.writer):
            raise OSError("cannot start the PDF")
        return painter

    def next_page(self, painter: QPainter) -> QPainter:
        self.writer.newPage()
        return painter

    def finish(self, painter: QPainter) -> bool:
        return painter.end()


class ImageSink:
    """Each page as a white image at ``dpi`` (previews, tests)."""

    def __init__(self, dpi: int) -> None:
        self.dpi = dpi
        self.images: list[QImage] = []

    def blank_page(self) -> QImage:
        """A white A4 page at the sink's resolution (also the device to measure text on)."""
        size = page_layout().fullRectPixels(self.dpi).size()
        image = QImage(size.width(), size.height(), QImage.Format.Format_RGB32)
        dots = round(self.dpi / MM_PER_INCH * 1000)
        image.setDotsPerMeterX(dots)
        image.setDotsPerMeterY(dots)
        image.fill(0xFFFFFF)
        return image

    def _page(self) -> QPainter:
        image = self.blank_page()
        self.images.append(image)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        return painter

    def begin(self) -> QPainter:
        return self._page()

    def next_page(self, painter: QPainter) -> QPainter:
        painter.end()
        return self._page()

    def finish(self, painter: QPainter) -> bool:
        return painter.end()


@dataclass
class PageFrame:
    """What every page shows around its content: a header line and the footer's parts."""

    header: str
    footer_left: str
    page_words: Callable[[int, int], str]  # (page, pages) → "第 1 / 3 页"


class Canvas:
    """Draws (or, dry, only measures) down A4 pages; ``y`` is the next free height in device pixels."""

    def __init__(
        self, device: QPaintDevice, sink: PageSink | None, language: str, frame: PageFrame, pages: int = 0
    ) -> None:
        self.device = device  # for text metrics: the PDF writer, or an image at the same resolution
        self.sink = sink
        self.painter = sink.begin() if sink is not None else None
        self.language = language
        self.frame = frame
        self.pages = pages  # known after the dry pass
        self.px = device.logicalDpiY() / MM_PER_INCH
        width, height = PAGE_MM.width() * self.px, PAGE_MM.height() * self.px
        m = self.mm(MARGIN_MM)
        self.area = QRectF(
            m, m + self.mm(HEADER_MM), width - 2 * m, height - 2 * m - self.mm(HEADER_MM + FOOTER_MM)
        )
        self.page = 1
        self.y = self.area.top()
        self.start_page()

    def mm(self, value: float) -> float:
        return value * self.px

    @property
    def left(self) -> float:
        return self.area.left()

    @property
    def width(self) -> float:
        return self.area.width()

    def room(self) -> float:
        return self.area.bottom() - self.y

    # text -------------------------------------------------------------------------------------------
    def block(
        self, text: str, size_mm: float, width: float, *, bold: bool = False, center: bool = False
    ) -> TextBlock:
        font = slip_font(self.language, self.mm(size_mm), bold=bold)
        return layout_block(text, font, width, self.device, center=center)

    def text_width(self, text: str, size_mm: float, *, bold: bool = False) -> float:
        return natural_width(text, slip_font(self.language, self.mm(size_mm), bold=bold), self.device)

    def draw(self, block: TextBlock, left: float, top: float, *, color: QColor = INK) -> None:
        if self.painter is None:
            return
        self.painter.save()
        self.painter.setPen(color)
        block.draw(self.painter, left, top)
        self.painter.restore()

    def draw_right(self, text: str, size_mm: float, right: float, top: float, *, bold: bool = False) -> None:
        """One line ending at ``right`` (numbers in a column)."""
        width = self.text_width(text, size_mm, bold=bold)
        block = self.block(text, size_mm, width + self.mm(1), bold=bold)
        self.draw(block, right - width, top)

    def paragraph(
        self, text: str, size_mm: float, *, bold: bool = False, gap_mm: float = 1.0, indent_mm: float = 0
    ) -> None:
        block = self.block(text, size_mm, self.width - self.mm(indent_mm), bold=bold)
        self.keep(block.height)
        self.draw(block, self.left + self.mm(indent_mm), self.y)
        self.y += block.height + self.mm(gap_mm)

    # shapes -----------------------------------------------------------------------------------------
    def fill(self, rect: QRectF, color: QColor) -> None:
        if self.painter is not None:
            self.painter.fillRect(rect, color)

    def line(self, a: QPointF, b: QPointF, color: QColor = GREY, width_mm: float = 0.2) -> None:
        if self.painter is None:
            return
        self.painter.save()
        self.painter.setPen(QPen(color, max(1.0, self.mm(width_mm))))
        self.painter.drawLine(a, b)
        self.painter.restore()

    # pages ------------------------------------------------------------------------------------------
    def keep(self, height: float) -> None:
        """Start a new page unless ``height`` still fits on this one (a page never stays empty)."""
        if height > self.room() and self.y > self.area.top():
            self.new_page()

    def new_page(self) -> None:
        self.finish_page()
        self.page += 1
        self.y = self.area.top()
        if self.sink is not None and self.painter is not None:
            self.painter = self.sink.next_page(self.painter)
        self.start_page()

    def close(self) -> bool:
        """Finish the last page and the document; ``False`` if the device reported a failure."""
        self.finish_page()
        if self.sink is None or self.painter is None:
            return True
        return self.sink.finish(self.painter)

    def start_page(self) -> None:
        top = self.mm(MARGIN_MM)
        block = self.block(self.frame.header, 3.0, self.width, bold=True)
        self.draw(block, self.left, top, color=GREY)
        self.line(
            QPointF(self.left, top + block.height + self.mm(1)),
            QPointF(self.area.right(), top + block.height + self.mm(1)),
        )

    def finish_page(self) -> None:
        bottom = PAGE_MM.height() * self.px - self.mm(MARGIN_MM)
        top = bottom - self.mm(4.0)
        self.line(QPointF(self.left, top - self.mm(1)), QPointF(self.area.right(), top - self.mm(1)))
        self.draw(self.block(self.frame.footer_left, 2.6, self.width * 0.75), self.left, top, color=GREY)
        words = self.frame.page_words(self.page, self.pages or self.page)
        width = self.text_width(words, 2.6)
        self.draw(self.block(words, 2.6, width + self.mm(1)), self.area.right() - width, top, color=GREY)

    def pen_color(self, color: QColor) -> QPen:
        pen = QPen(color, max(1.0, self.mm(0.5)))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        return pen
