"""Drawing a form-like paper (receipt, notice) down a page: headings, label/value lines, lists, tables,
a QR code with its caption, signature lines.

Sizes are millimetres on the device times ``scale``; a dry pen only measures, so a sheet can be shrunk
until it fits one page before anything is drawn. Below 90 mm of width (a receipt roll) label/value
lines stack and the QR code is centred.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPen

from counter_app.printing.qr import draw_qr
from counter_app.printing.slip_layout import Pen
from counter_app.printing.text import TextBlock

NARROW_MM = 90.0


class PaperPen(Pen):
    """The shared pen, setting text as a form does: left-aligned, wrapped at full size, lines 1.05
    apart, body size 3.4 mm; with the paper's own pieces (fields, lists, tables, signatures)."""

    @property
    def narrow(self) -> bool:
        return self.rect.width() / self.px < NARROW_MM

    def block(
        self,
        text: str,
        size_mm: float,
        *,
        bold: bool = False,
        min_mm: float | None = None,
        center: bool = False,
        spacing: float = 1.05,
        width: float | None = None,
    ) -> TextBlock:
        return super().block(
            text, size_mm, bold=bold, min_mm=min_mm, center=center, spacing=spacing, width=width
        )

    def text(
        self,
        text: str,
        size_mm: float = 3.4,
        *,
        bold: bool = False,
        min_mm: float | None = None,
        gap_mm: float = 0.8,
        center: bool = False,
        indent_mm: float = 0.0,
        spacing: float = 1.05,
    ) -> None:
        super().text(
            text,
            size_mm,
            bold=bold,
            min_mm=min_mm,
            gap_mm=gap_mm,
            center=center,
            indent_mm=indent_mm,
            spacing=spacing,
        )

    def rule(self, gap_mm: float = 1.6, *, dashed: bool = True, width_mm: float = 0.3) -> None:
        super().rule(gap_mm, dashed=dashed, width_mm=width_mm)

    def title(self, text: str, size_mm: float, *, bold: bool = True, gap_mm: float = 1.0) -> None:
        """A centred line, shrunk to fit one line (down to 70 %), wrapped if still too long."""
        self.text(text, size_mm, bold=bold, min_mm=size_mm * 0.7, gap_mm=gap_mm, center=True, spacing=1.0)

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
        self.draw(left, self.rect.left(), self.y + max(0.0, right.lines[0].ascent() - left.lines[0].ascent()))
        self.draw(right, self.rect.left() + label_w, self.y)
        self.y += max(left.height, right.height) + self.mm(gap_mm)

    def items(self, lines: Sequence[str], size_mm: float = 3.4, *, numbered: bool = False) -> None:
        """A list, each entry wrapped under its own text (hanging indent)."""
        for i, line in enumerate(lines, start=1):
            mark = f"{i}." if numbered else "•"
            marker = self.block(mark, size_mm, width=self.mm(6.0))
            body = self.block(line, size_mm, width=self.rect.width() - self.mm(6.0))
            self.draw(marker, self.rect.left(), self.y)
            self.draw(body, self.rect.left() + self.mm(6.0), self.y)
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
                self.draw(block, x, self.y)
                x += w
            self.y += max(b.height for b in blocks) + self.mm(0.8)
            self.line(0.35 if index == 0 else 0.15, dashed=False)
            self.y += self.mm(0.8)

    def qr_with_caption(
        self, data: str, caption: Sequence[str], side_mm: float, size_mm: float = 3.2
    ) -> None:
        """The code beside its caption on a sheet (caption left), under it on a roll."""
        if self.narrow:
            self.qr(data, side_mm, gap_mm=0.8)
            for line in caption:
                self.text(line, size_mm, center=True, gap_mm=0.4)
            return
        side = min(self.mm(side_mm), self.rect.width())
        top = self.y
        text_width = self.rect.width() - side - self.mm(4.0)
        y = top + self.mm(2.0)
        for line in caption:
            block = self.block(line, size_mm, width=text_width)
            self.draw(block, self.rect.left(), y)
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
            self.draw(block, self.rect.left() + i * width, self.y)
            height = max(height, block.height)
        self.y += height + self.mm(1.0)

    def name_and_seal(
        self, lines: Sequence[str], seal: str, side_mm: float = 30.0, size_mm: float = 3.4
    ) -> None:
        """The clerk's name (or a line to write it on) beside a dashed square kept free for the hall's
        seal (盖章); on a roll the square follows under the lines."""
        self.space(2.0)
        side = self.mm(side_mm)
        if self.narrow:
            for line in lines:
                self.text(line, size_mm, gap_mm=1.2)
            self._seal_box(QRectF(self.rect.center().x() - side / 2, self.y, side, side), seal, size_mm)
            self.y += side + self.mm(1.5)
            return
        top = self.y
        y = top + self.mm(4.0)
        for line in lines:
            block = self.block(line, size_mm, width=self.rect.width() - side - self.mm(6.0))
            self.draw(block, self.rect.left(), y)
            y += block.height + self.mm(3.0)
        self._seal_box(QRectF(self.rect.right() - side, top, side, side), seal, size_mm)
        self.y = max(y, top + side) + self.mm(1.5)

    def _seal_box(self, box: QRectF, label: str, size_mm: float) -> None:
        caption = self.block(label, size_mm * 0.8, center=True, width=box.width() - self.mm(2.0))
        if self.dry:
            return
        self.painter.save()
        self.painter.setPen(QPen(QColor(Qt.GlobalColor.gray), max(1.0, self.mm(0.3)), Qt.PenStyle.DashLine))
        self.painter.drawRect(box)
        self.painter.restore()
        caption.draw(self.painter, box.left() + self.mm(1.0), box.center().y() - caption.height / 2)
