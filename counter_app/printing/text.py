"""Text on slips: the CJK font, lines that fit the paper width, and a log of the glyphs drawn.

Fonts are chosen by family availability (Noto Sans CJK, WenQuanYi, Microsoft YaHei, SimHei …) so
Chinese never falls back to boxes. Text is drawn glyph run by glyph run, and each run is written to
the current :class:`GlyphLog` (if any): Qt's PDF writer maps glyphs back to text only inside the
BMP and keeps the first code point a glyph has, so ``pdf_text`` repairs the PDF's text layer from
this log (e.g. 𠮷 in a hall name, 网 read back as the Kangxi radical ⽹, digits lost).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache

from PySide6.QtCore import QPointF
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGlyphRun,
    QPaintDevice,
    QPainter,
    QTextLayout,
    QTextLine,
    QTextOption,
)

log = logging.getLogger("counter_app.print")

_SIMPLIFIED = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "SimHei",
    "PingFang SC",
    "Hiragino Sans GB",
)
_TRADITIONAL = (
    "Noto Sans CJK TC",
    "Source Han Sans TC",
    "Microsoft JhengHei",
    "PingFang TC",
    "Noto Sans CJK HK",
)
_CANDIDATES = {"zh_TW": _TRADITIONAL + _SIMPLIFIED, "zh_CN": _SIMPLIFIED + _TRADITIONAL}

_RUN_FLAGS = (
    QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes
    | QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphPositions
    | QTextLayout.GlyphRunRetrievalFlag.RetrieveStringIndexes
    | QTextLayout.GlyphRunRetrievalFlag.RetrieveString
)


@lru_cache(maxsize=4)
def slip_family(language: str) -> str:
    """The first installed CJK family for the slip language (Simplified first for zh_CN and en)."""
    installed = set(QFontDatabase.families())
    for family in _CANDIDATES.get(language, _CANDIDATES["zh_CN"]):
        if family in installed:
            return family
    fallback = QFont().family()
    log.warning("no CJK font installed (looked for %s); slips use %s", ", ".join(_SIMPLIFIED[:4]), fallback)
    return fallback


def slip_font(language: str, pixel_size: float, *, bold: bool = False) -> QFont:
    font = QFont(slip_family(language))
    font.setPixelSize(max(1, round(pixel_size)))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)  # same metrics on PDF and paper
    font.setStyleStrategy(QFont.StyleStrategy.PreferOutline)
    return font


# the glyph log ------------------------------------------------------------------------------------
@dataclass
class GlyphLog:
    """``(face, glyph index, text)`` of every glyph drawn, in drawing order."""

    glyphs: list[tuple[str, int, str]] = field(default_factory=list)


_CURRENT_LOG: ContextVar[GlyphLog | None] = ContextVar("glyph_log", default=None)


@contextlib.contextmanager
def recording_glyphs() -> Iterator[GlyphLog]:
    """Log the glyphs drawn by :func:`draw_block` in this thread/context until the block ends."""
    glyph_log = GlyphLog()
    token = _CURRENT_LOG.set(glyph_log)
    try:
        yield glyph_log
    finally:
        _CURRENT_LOG.reset(token)


def _face_key(run: QGlyphRun) -> str:
    raw = run.rawFont()
    return f"{raw.familyName()}|{raw.styleName()}"


def _record(runs: list[QGlyphRun], line_end: int) -> None:
    glyph_log = _CURRENT_LOG.get()
    if glyph_log is None:
        return
    starts = sorted({i for run in runs for i in run.stringIndexes()})
    for run in runs:
        source = run.sourceString().encode("utf-16-le")
        key = _face_key(run)
        previous = -1
        for glyph, start in zip(run.glyphIndexes(), run.stringIndexes(), strict=False):
            if start == previous:
                text = ""  # a second glyph of one cluster: the first one carries the text
            else:
                end = next((s for s in starts if s > start), line_end)
                chunk = source[2 * start : 2 * end].decode("utf-16-le", "replace")
                text = chunk.rstrip() or chunk
            previous = start
            glyph_log.glyphs.append((key, glyph, text))


# laying out and drawing ---------------------------------------------------------------------------
@dataclass
class TextBlock:
    """A paragraph laid out for one width; ``height`` is what it takes on the page."""

    layout: QTextLayout
    lines: list[QTextLine]
    height: float
    width: float

    def draw(self, painter: QPainter, left: float, top: float) -> float:
        """Draw with the block's top-left at ``(left, top)``; returns the bottom."""
        origin = QPointF(left, top)
        for line in self.lines:
            runs = line.glyphRuns(-1, -1, _RUN_FLAGS)
            for run in runs:
                painter.drawGlyphRun(origin, run)
            _record(runs, line.textStart() + line.textLength())
        return top + self.height


def natural_width(text: str, font: QFont, device: QPaintDevice | None) -> float:
    layout = QTextLayout(text, font, device)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1e7)
    layout.endLayout()
    return line.naturalTextWidth()


def fit_font(text: str, font: QFont, width: float, device: QPaintDevice | None, min_pixel_size: int) -> QFont:
    """``font``, shrunk until ``text`` fits ``width`` on one line, but not below ``min_pixel_size``."""
    fitted = QFont(font)
    for _ in range(8):
        used = natural_width(text, fitted, device)
        size = fitted.pixelSize()
        if used <= width or size <= min_pixel_size:
            break
        fitted.setPixelSize(max(min_pixel_size, min(size - 1, int(size * width / used))))
    return fitted


def layout_block(
    text: str,
    font: QFont,
    width: float,
    device: QPaintDevice | None,
    *,
    center: bool = True,
    line_spacing: float = 1.0,
) -> TextBlock:
    """Wrap ``text`` to ``width`` (CJK breaks between characters, Latin between words)."""
    layout = QTextLayout(text, font, device)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    lines: list[QTextLine] = []
    y = 0.0
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        x = (width - line.naturalTextWidth()) / 2 if center else 0.0
        line.setPosition(QPointF(max(0.0, x), y))
        y += line.height() * line_spacing
        lines.append(line)
    layout.endLayout()
    if lines and line_spacing != 1.0:
        y -= lines[-1].height() * (line_spacing - 1.0)  # no extra gap after the last line
    return TextBlock(layout=layout, lines=lines, height=y, width=width)
