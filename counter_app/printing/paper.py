"""Paper the slips are printed on: receipt rolls (80 mm, 58 mm) and sheets (A6, A5, A4).

A roll has no fixed height: the page is as long as the slip drawn on it, so the printer cuts right
after the content. Every size is in millimetres; :func:`layout_rect` turns the printable area into
device pixels for whatever is painted on (PDF writer, printer, image for a preview).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPaintDevice

from counter_app.domain.errors import InvalidInput

MM_PER_INCH = 25.4


@dataclass(frozen=True)
class Paper:
    """One paper size; ``height_mm`` is ``None`` for a roll."""

    key: str
    label: str
    width_mm: float
    height_mm: float | None
    margin_x_mm: float  # left and right: a roll printer's unprintable edges
    margin_top_mm: float
    margin_bottom_mm: float
    text_columns: int  # characters per line in an ESC/POS printer's normal font (font A)

    @property
    def is_roll(self) -> bool:
        return self.height_mm is None

    @property
    def printable_width_mm(self) -> float:
        return self.width_mm - 2 * self.margin_x_mm

    def page_height_mm(self, content_height_mm: float | None = None) -> float:
        """The page height: fixed for a sheet; for a roll the content plus margins."""
        if self.height_mm is not None:
            return self.height_mm
        if content_height_mm is None:
            raise ValueError(f"{self.label} is a roll: its page height needs the content height")
        return self.margin_top_mm + content_height_mm + self.margin_bottom_mm

    def page_size(self, content_height_mm: float | None = None) -> QPageSize:
        size = QSizeF(self.width_mm, self.page_height_mm(content_height_mm))
        return QPageSize(size, QPageSize.Unit.Millimeter, self.label, QPageSize.SizeMatchPolicy.ExactMatch)

    def page_layout(self, content_height_mm: float | None = None) -> QPageLayout:
        """A full-page layout (no device margins): :func:`layout_rect` places the content itself,
        so a PDF, a printer and a preview image put it at the same spot."""
        return QPageLayout(
            self.page_size(content_height_mm),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )


ROLL_80 = Paper("80mm", "80 mm roll", 80.0, None, 4.0, 3.0, 6.0, 48)
ROLL_58 = Paper("58mm", "58 mm roll", 58.0, None, 5.0, 3.0, 6.0, 32)
A6 = Paper("a6", "A6", 105.0, 148.0, 8.0, 8.0, 8.0, 48)
A5 = Paper("a5", "A5", 148.0, 210.0, 12.0, 12.0, 12.0, 48)
A4 = Paper("a4", "A4", 210.0, 297.0, 15.0, 15.0, 15.0, 48)

PAPERS: dict[str, Paper] = {p.key: p for p in (ROLL_80, ROLL_58, A6, A5, A4)}


def paper_named(key: str | Paper) -> Paper:
    """``"80mm"``, ``"58mm"``, ``"a6"``, ``"a5"``, ``"a4"`` (any case) → :class:`Paper`."""
    if isinstance(key, Paper):
        return key
    paper = PAPERS.get(key.strip().lower())
    if paper is None:
        raise ValueError(f"Unknown paper {key!r}; use one of {', '.join(PAPERS)}")
    return paper


def paper_for(paper: Paper | str) -> Paper:
    """The paper of that name; :class:`InvalidInput` (``unknown_paper``) when there is none."""
    try:
        return paper_named(paper)
    except ValueError as exc:
        raise InvalidInput(str(exc), field="paper", code="unknown_paper", paper=str(paper)) from None


def px_per_mm(device: QPaintDevice) -> tuple[float, float]:
    """Device pixels per millimetre across and down (QPdfWriter: its resolution; QImage: its
    dots per metre; QPrinter: the printer resolution)."""
    return device.logicalDpiX() / MM_PER_INCH, device.logicalDpiY() / MM_PER_INCH


def layout_rect(paper: Paper, device: QPaintDevice) -> QRectF:
    """The printable area of ``paper`` on ``device``, in device pixels, for a full-page device
    whose top-left corner is the paper's corner. For a roll the height is what the device has."""
    sx, sy = px_per_mm(device)
    left, top = paper.margin_x_mm * sx, paper.margin_top_mm * sy
    width = device.width() - 2 * left
    height = device.height() - top - paper.margin_bottom_mm * sy
    return QRectF(left, top, max(0.0, width), max(0.0, height))
