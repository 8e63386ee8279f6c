"""The pen every slip and paper layout draws with: it moves down a rect drawing blocks sized in
millimetres on the device, and :meth:`Pen.fit_and_draw` scales a layout to its paper.

With ``dry=True`` a pen only measures, so a layout can be fitted to a sheet (shrunk) before anything
is drawn; every text is drawn through :class:`~counter_app.printing.text.TextBlock` so PDFs keep an
exact text layer (rare characters too). The payment QR slip and the boundary leaflet draw with
:class:`Pen` itself; the ticket slip and the application papers add their own pieces in their modules.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, Self

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from counter_app.printing.paper import MM_PER_INCH
from counter_app.printing.qr import draw_qr
from counter_app.printing.text import TextBlock, fit_font, layout_block, natural_width, slip_font


class TextSource(Protocol):
    """What a layout needs of :class:`~counter_app.qt_i18n.HallTexts`."""

    def t(self, context: str, source: str, *args: object) -> str: ...


class Pen:
    """Draws top to bottom inside ``rect``; sizes are millimetres times ``scale``.

    A subclass sets its own text style through the defaults of :meth:`block` (the methods here that
    leave a style argument out, such as :meth:`banner`, take the pen's).
    """

    def __init__(self, painter: QPainter, rect: QRectF, language: str, scale: float, *, dry: bool) -> None:
        self.painter = painter
        self.device = painter.device()
        self.rect = rect
        self.language = language
        self.px = self.device.logicalDpiY() / MM_PER_INCH if self.device is not None else 96 / MM_PER_INCH
        self.scale = scale
        self.dry = dry
        self.y = rect.top()

    @classmethod
    def fit_and_draw(
        cls,
        painter: QPainter,
        rect: QRectF,
        language: str,
        design_width_mm: float,
        lay_out: Callable[[Self], float],
        *,
        largest: float = 1.2,
        smallest: float = 0.45,
        tries: int = 5,
        slack: bool = True,
    ) -> float:
        """Draw ``lay_out`` scaled to the paper (0.8× to ``largest``× of ``design_width_mm``), shrunk
        further (not below ``smallest``) until it fits the rect's height: a sheet; a roll's rect is as
        tall as needed. ``slack`` lets it run half a percent and a millimetre over. Returns the height
        used."""
        device = painter.device()
        px = device.logicalDpiX() / MM_PER_INCH if device is not None else 96 / MM_PER_INCH
        scale = min(largest, max(0.8, rect.width() / px / design_width_mm))
        limit = rect.height() * 1.005 + px if slack else rect.height()
        for _ in range(tries):
            used = lay_out(cls(painter, rect, language, scale, dry=True))
            if used <= limit or scale <= smallest:
                break
            scale = max(smallest, scale * rect.height() / used * 0.98)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setPen(QColor(Qt.GlobalColor.black))
        used = lay_out(cls(painter, rect, language, scale, dry=False))
        painter.restore()
        return used

    def mm(self, value: float) -> float:
        return value * self.scale * self.px

    def used(self) -> float:
        """The height drawn (or measured) so far."""
        return self.y - self.rect.top()

    def space(self, mm: float) -> None:
        self.y += self.mm(mm)

    def sub(self, rect: QRectF) -> Self:
        """A pen for a column of this one, starting at ``rect``'s top."""
        return type(self)(self.painter, rect, self.language, self.scale, dry=self.dry)

    def block(
        self,
        text: str,
        size_mm: float,
        *,
        bold: bool = False,
        min_mm: float | None = 2.4,
        center: bool = True,
        spacing: float = 1.0,
        width: float | None = None,
    ) -> TextBlock:
        """Shrink to fit one line down to ``min_mm``; if even that is too wide (or ``min_mm`` is
        ``None``), wrap at full size."""
        width = width or self.rect.width()
        font = slip_font(self.language, self.mm(size_mm), bold=bold)
        fitted = font
        if min_mm is not None:
            fitted = fit_font(text, font, width, self.device, round(min_mm * self.scale * self.px))
            if natural_width(text, fitted, self.device) > width:
                fitted = font
        return layout_block(text, fitted, width, self.device, center=center, line_spacing=spacing)

    def draw(self, block: TextBlock, left: float, top: float) -> None:
        if not self.dry:
            block.draw(self.painter, left, top)

    def text(
        self,
        text: str,
        size_mm: float,
        *,
        bold: bool = False,
        min_mm: float | None = 2.4,
        gap_mm: float = 1.0,
        center: bool = True,
        indent_mm: float = 0.0,
        spacing: float = 1.0,
    ) -> None:
        if not text:
            return
        indent = self.mm(indent_mm)
        block = self.block(
            text,
            size_mm,
            bold=bold,
            min_mm=min_mm,
            center=center,
            spacing=spacing,
            width=self.rect.width() - indent,
        )
        self.draw(block, self.rect.left() + indent, self.y)
        self.y += block.height + self.mm(gap_mm)

    def line(self, width_mm: float = 0.25, *, dashed: bool = True) -> None:
        """A line across the pen's width at the current height."""
        if self.dry:
            return
        style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
        self.painter.save()
        self.painter.setPen(QPen(QColor(Qt.GlobalColor.black), max(1.0, self.mm(width_mm)), style))
        self.painter.drawLine(QPointF(self.rect.left(), self.y), QPointF(self.rect.right(), self.y))
        self.painter.restore()

    def rule(self, gap_mm: float = 2.0, *, dashed: bool = True, width_mm: float = 0.25) -> None:
        self.y += self.mm(gap_mm) / 2
        self.line(width_mm, dashed=dashed)
        self.y += self.mm(gap_mm)

    def banner(self, text: str, size_mm: float = 4.4) -> None:
        """White bold text on a black band (a reprint must not pass for the original)."""
        pad = self.mm(1.2)
        block = self.block(text, size_mm, bold=True, center=True, width=self.rect.width() - 2 * pad)
        band = QRectF(self.rect.left(), self.y, self.rect.width(), block.height + 2 * pad)
        if not self.dry:
            self.painter.save()
            self.painter.fillRect(band, Qt.GlobalColor.black)
            self.painter.setPen(QColor(Qt.GlobalColor.white))
            block.draw(self.painter, self.rect.left() + pad, self.y + pad)
            self.painter.restore()
        self.y = band.bottom() + self.mm(1.5)

    def boxed(self, text: str, size_mm: float, *, bold: bool = True) -> None:
        """A framed paragraph (a warning the customer must not miss)."""
        pad = self.mm(1.0)
        block = self.block(text, size_mm, bold=bold, width=self.rect.width() - 2 * pad, spacing=1.05)
        box = QRectF(self.rect.left(), self.y, self.rect.width(), block.height + 2 * pad)
        if not self.dry:
            self.painter.save()
            self.painter.setPen(QPen(QColor(Qt.GlobalColor.black), max(1.0, self.mm(0.35))))
            self.painter.drawRect(box)
            self.painter.restore()
            block.draw(self.painter, self.rect.left() + pad, self.y + pad)
        self.y = box.bottom() + self.mm(1.5)

    def qr(self, data: str, side_mm: float, *, gap_mm: float = 0.6) -> None:
        """A QR code centred across the width."""
        side = min(self.mm(side_mm), self.rect.width())
        if not self.dry:
            draw_qr(self.painter, QRectF(self.rect.left(), self.y, self.rect.width(), side), data)
        self.y += side + self.mm(gap_mm)
