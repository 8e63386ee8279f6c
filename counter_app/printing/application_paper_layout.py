"""Drawing a form-like paper (receipt, notice) down a page: headings, label/value lines, lists, tables,
a QR code with its caption, signature lines.

Sizes are millimetres on the device times ``scale``; a dry pen only measures, so a sheet can be shrunk
until it fits one page before anything is drawn. Below 90 mm of width (a receipt roll) label/value
lines stack and the QR code is centred.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from counter_app.printing.paper import MM_PER_INCH
from counter_app.printing.qr import draw_qr
from counter_app.printing.text import TextBlock, fit_font, layout_block, natural_width, slip_font

NARROW_MM = 90.0


class PaperPen:
    def __init__(self, painter: QPainter, rect: QRectF, language: str, scale: float, *, dry: bool) -> None:
        self.painter = painter
        self.device = painter.device()
        self.rect = rect
        self.language = language
        self.px = self.device.logicalDpiY() / MM_PER_INCH if self.device is not None else 96 / MM_PER_INCH
        self.scale = scale
        self.dry = dry
        self.y = rect.top()

    @property
    def narrow(self) -> bool:
        return self.rect.width() / self.px < NARROW_MM

    def mm(self, value: float) -> float:
        return value * self.scale * self.px

    def used(self) -> float:
        return self.y - self.rect.top()

    def block(
        self, text: str, size_mm: float, *, width: float, bold: bool = False, center: bool = False
    ) -> TextBlock:
        font = slip_font(self.language, self.mm(size_mm), bold=bold)
        return layout_block(text, font, width, self.device, center=center, line_spacing=1.05)

    def _draw(self, block: TextBlock, left: float, top: float) -> None:
        if not self.dry:
            block.draw(self.painter, left, top)

    def space(self, mm: float) -> None:
        self.y += self.mm(mm)

    def title(self, text: str, size_mm: float, *, bold: bool = True, gap_mm: float = 1.0) -> None:
        """A centred line, shrunk to fit one line (down to 70 %), wrapped if still too long."""
        if not text:
            return
        width = self.rect.width()
        font = slip_font(self.language, self.mm(size_mm), bold=bold)
        fitted = fit_font(text, font, width, self.device, round(self.mm(size_mm * 0.7)))
        if natural_width(text, fitted, self.device) > width:
            fitted = font
        block = layout_block(text, fitted, width, self.device, center=True)
        self._draw(block, self.rect.left(), self.y)
        self.y += block.height + self.mm(gap_mm)

    def text(
        self,
        text: str,
        size_mm: float = 3.4,
        *,
        bold: bool = False,
        indent_mm: float = 0.0,
        gap_mm: float = 0.8,
        center: bool = False,
    ) -> None:
        if not text:
            return
        indent = self.mm(indent_mm)
        block = self.block(text, size_mm, width=self.rect.width() - indent, bold=bold, center=center)
        self._draw(block, self.rect.left() + indent, self.y)
        self.y += block.height + self.mm(gap_mm)

    def heading(self, text: str, size_mm: float = 3.8) -> None:
        self.space(1.2)
        self.text(text, size_mm, bold=True, gap_mm=0.8)

    def field(
        self,
        label: str,
        value: str,
        size_mm: float = 3.4,
        *,
        label_mm: float = 34.0,
        bold_value: bool = False,
        gap_mm: float = 0.6,
    ) -> None:
        """``label  value`` in two columns (the label at body size whatever the value's); one wrapped
        line ``label: value`` on narrow paper."""
        if not value:
            return
        if self.narrow:
            self.text(f"{label}: {value}", min(size_mm, 3.6), bold=bold_value, gap_mm=gap_mm)
            return
        label_w = self.mm(label_mm)
        left = self.block(label, min(size_mm, 3.4), width=label_w - self.mm(2.0))
        right = self.block(value, size_mm, width=self.rect.width() - label_w, bold=bold_value)
        self._draw(
            left, self.rect.left(), self.y + max(0.0, right.lines[0].ascent() - left.lines[0].ascent())
        )
        self._draw(right, self.rect.left() + label_w, self.y)
        self.y += max(left.height, right.height) + self.mm(gap_mm)

    def items(self, lines: Sequence[str], size_mm: float = 3.4, *, numbered: bool = False) -> None:
        """A list, each entry wrapped under its own text (hanging indent)."""
        for i, line in enumerate(lines, start=1):
            mark = f"{i}." if numbered else "•"
            marker = self.block(mark, size_mm, width=self.mm(6.0))
            body = self.block(line, size_mm, width=self.rect.width() - self.mm(6.0))
            self._draw(marker, self.rect.left(), self.y)
            self._draw(body, self.rect.left() + self.mm(6.0), self.y)
            self.y += max(marker.height, body.height) + self.mm(0.6)

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        fractions: Sequence[float],
        size_mm: float = 3.2,
    ) -> None:
        """Columns at ``fractions`` of the width; the header bold and underlined, rows ruled lightly."""
        widths = [self.rect.width() * f for f in fractions]
        pad = self.mm(1.5)
        for index, cells in enumerate([list(header), *[list(r) for r in rows]]):
            blocks = [
                self.block(c, size_mm, width=w - pad, bold=index == 0)
                for c, w in zip(cells, widths, strict=True)
            ]
            x = self.rect.left()
            for block, w in zip(blocks, widths, strict=True):
                self._draw(block, x, self.y)
                x += w
            self.y += max(b.height for b in blocks) + self.mm(0.8)
            self._line(0.35 if index == 0 else 0.15, Qt.PenStyle.SolidLine)
            self.y += self.mm(0.8)

    def _line(self, width_mm: float, style: Qt.PenStyle) -> None:
        if self.dry:
            return
        pen = QPen(QColor(Qt.GlobalColor.black), max(1.0, self.mm(width_mm)), style)
        self.painter.save()
        self.painter.setPen(pen)
        self.painter.drawLine(QPointF(self.rect.left(), self.y), QPointF(self.rect.right(), self.y))
        self.painter.restore()

    def rule(self, gap_mm: float = 1.6) -> None:
        self.y += self.mm(gap_mm) / 2
        self._line(0.3, Qt.PenStyle.DashLine)
        self.y += self.mm(gap_mm)

    def banner(self, text: str) -> None:
        """White bold text on black: a reprint must not pass for the original."""
        pad = self.mm(1.2)
        block = self.block(text, 4.2, width=self.rect.width() - 2 * pad, bold=True, center=True)
        band = QRectF(self.rect.left(), self.y, self.rect.width(), block.height + 2 * pad)
        if not self.dry:
            self.painter.save()
            self.painter.fillRect(band, Qt.GlobalColor.black)
            self.painter.setPen(QColor(Qt.GlobalColor.white))
            block.draw(self.painter, self.rect.left() + pad, self.y + pad)
            self.painter.restore()
        self.y = band.bottom() + self.mm(1.5)

    def qr_with_caption(
        self, data: str, caption: Sequence[str], side_mm: float, size_mm: float = 3.2
    ) -> None:
        """The code beside its caption on a sheet (caption left), under it on a roll."""
        side = min(self.mm(side_mm), self.rect.width())
        if self.narrow:
            if not self.dry:
                draw_qr(self.painter, QRectF(self.rect.left(), self.y, self.rect.width(), side), data)
            self.y += side + self.mm(0.8)
            for line in caption:
                self.text(line, size_mm, center=True, gap_mm=0.4)
            return
        top = self.y
        text_width = self.rect.width() - side - self.mm(4.0)
        y = top + self.mm(2.0)
        for line in caption:
            block = self.block(line, size_mm, width=text_width)
            self._draw(block, self.rect.left(), y)
            y += block.height + self.mm(0.6)
        if not self.dry:
            draw_qr(self.painter, QRectF(self.rect.right() - side, top, side, side), data)
        self.y = max(y, top + side) + self.mm(1.0)

    def signatures(self, labels: Sequence[str], size_mm: float = 3.4) -> None:
        """Lines to sign on, side by side on a sheet, one under the other on a roll."""
        self.space(4.0)
        if self.narrow:
            for label in labels:
                self.text(f"{label} ____________", size_mm, gap_mm=3.0)
            return
        width = self.rect.width() / max(1, len(labels))
        height = 0.0
        for i, label in enumerate(labels):
            block = self.block(f"{label} ____________________", size_mm, width=width - self.mm(3.0))
            self._draw(block, self.rect.left() + i * width, self.y)
            height = max(height, block.height)
        self.y += height + self.mm(1.0)
