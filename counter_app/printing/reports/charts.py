"""Bar and line charts of a report drawn with QPainter on the report's own canvas.

QtCharts (PySide6-Addons) does render off screen, but only inside a QApplication (under the
QGuiApplication the CLI's printing starts, building a QChart crashes the process), and its text
bypasses the glyph log, so the PDF's text layer would read back wrongly (小 as the radical ⼩) and
the repair of that layer (``pdf_text``) gives up for the whole file. Drawn here instead: a few
rectangles, lines and labels, every label through the same text pipeline as the rest of the page.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath

from counter_app.domain.quality.report import Chart, Series
from counter_app.printing.reports.canvas import GREY, Canvas

BAR_COLORS = (QColor(0x2F, 0x6F, 0xAD), QColor(0x8F, 0xB3, 0xD9), QColor(0x4A, 0x9A, 0x6A))
LINE_COLORS = (QColor(0xD9, 0x82, 0x2B), QColor(0xB0, 0x3A, 0x2E))
GRID = QColor(0xDD, 0xDD, 0xDD)
LABEL_MM = 2.4


def nice_scale(top: float, ticks: int = 5) -> tuple[float, float]:
    """An axis maximum ≥ ``top`` and a step of 1, 2 or 5 × 10ⁿ giving about ``ticks`` steps."""
    if top <= 0 or not math.isfinite(top):
        return 1.0, 0.2 if top <= 0 else 1.0
    raw = top / ticks
    magnitude = 10.0 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude * ticks >= top)
    return step * math.ceil(top / step - 1e-9), step


def step_for(top: float, steps: int) -> float:
    """The smallest step of 1, 2 or 5 × 10ⁿ with ``steps`` steps reaching ``top`` (a second axis
    sharing the first axis's grid lines)."""
    if top <= 0 or not math.isfinite(top):
        return 1.0
    magnitude = 10.0 ** math.floor(math.log10(top / steps))
    return next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude * steps >= top * (1 - 1e-9))


def _tick_text(value: float, step: float) -> str:
    """As many decimals as the step needs (5, 0.5, 0.05)."""
    decimals = max(0, -math.floor(math.log10(step) + 1e-9)) if step > 0 else 0
    return f"{value:.{decimals}f}"


def _colors(series: tuple[Series, ...]) -> list[QColor]:
    bars = lines = 0
    colors = []
    for s in series:
        if s.style == "bar":
            colors.append(BAR_COLORS[bars % len(BAR_COLORS)])
            bars += 1
        else:
            colors.append(LINE_COLORS[lines % len(LINE_COLORS)])
            lines += 1
    return colors


def _legend(
    canvas: Canvas, chart: Chart, colors: list[QColor], left: float, top: float, width: float
) -> float:
    """Swatches and names in one row (wrapping when needed); returns the height used."""
    x, y, row = left, top, 0.0
    swatch = canvas.mm(3)
    for series, color in zip(chart.series, colors, strict=True):
        block = canvas.block(series.name, LABEL_MM, width / 2)
        need = swatch + canvas.mm(1.5) + block.width + canvas.mm(4)
        if x + need > left + width and x > left:
            x, y = left, y + row + canvas.mm(1)
        mid = y + block.height / 2
        if series.style == "bar":
            canvas.fill(QRectF(x, mid - swatch / 3, swatch, swatch * 2 / 3), color)
        else:
            canvas.line(QPointF(x, mid), QPointF(x + swatch, mid), color, 0.6)
        used = canvas.text_width(series.name, LABEL_MM)
        canvas.draw(canvas.block(series.name, LABEL_MM, used + canvas.mm(1)), x + swatch + canvas.mm(1.5), y)
        x += swatch + canvas.mm(1.5) + used + canvas.mm(4)
        row = max(row, block.height)
    return y + row - top


def draw_chart(canvas: Canvas, rect: QRectF, chart: Chart) -> None:
    """Draw ``chart`` inside ``rect`` (device pixels): title, legend, axes, bars and lines."""
    title = canvas.block(chart.title, 3.2, rect.width(), bold=True)
    canvas.draw(title, rect.left(), rect.top())
    colors = _colors(chart.series)
    legend_top = rect.top() + title.height + canvas.mm(1)
    legend = _legend(canvas, chart, colors, rect.left(), legend_top, rect.width())
    left_series = [s for s in chart.series if s.axis == "left"]
    right_series = [s for s in chart.series if s.axis == "right"]
    left_top, left_step = nice_scale(
        max((v for s in left_series for v in s.values if v is not None), default=0.0)
    )
    steps = round(left_top / left_step)
    right_step = step_for(
        max((v for s in right_series for v in s.values if v is not None), default=0.0), steps
    )
    right_top = right_step * steps
    label_h = canvas.block("0", LABEL_MM, rect.width()).height
    axis_w = max(canvas.text_width(_tick_text(left_top, left_step), LABEL_MM), canvas.mm(4)) + canvas.mm(1.5)
    right_w = (
        (canvas.text_width(_tick_text(right_top, right_step), LABEL_MM) + canvas.mm(1.5))
        if right_series
        else 0.0
    )
    plot = QRectF(
        rect.left() + axis_w,
        legend_top + legend + canvas.mm(3) + label_h,  # room for the axis titles above the plot
        rect.width() - axis_w - right_w - canvas.mm(1),
        0.0,
    )
    plot.setBottom(rect.bottom() - label_h - canvas.mm(1.5))
    if plot.height() <= 0 or plot.width() <= 0 or not chart.categories:
        return
    for title_text, x, align_right in (
        (chart.left_title, rect.left(), False),
        (chart.right_title, plot.right(), True),
    ):
        if title_text and (not align_right or right_series):
            width = canvas.text_width(title_text, LABEL_MM)
            block = canvas.block(title_text, LABEL_MM, width + canvas.mm(1))
            canvas.draw(
                block, x + (right_w - width if align_right else 0.0), plot.top() - label_h - canvas.mm(1.5)
            )
    # grid and the axes
    for i in range(steps + 1):
        y = plot.bottom() - plot.height() * i / steps
        canvas.line(QPointF(plot.left(), y), QPointF(plot.right(), y), GRID if i else GREY, 0.15)
        canvas.draw_right(
            _tick_text(left_step * i, left_step), LABEL_MM, plot.left() - canvas.mm(1), y - label_h / 2
        )
        if right_series:
            block = canvas.block(_tick_text(right_step * i, right_step), LABEL_MM, right_w)
            canvas.draw(block, plot.right() + canvas.mm(1), y - label_h / 2)
    n = len(chart.categories)
    slot = plot.width() / n
    bars = [s for s in chart.series if s.style == "bar"]
    group = slot * 0.72
    for b, series in enumerate(bars):
        color = colors[chart.series.index(series)]
        top = left_top if series.axis == "left" else right_top
        width = group / len(bars)
        for i, value in enumerate(series.values):
            if value is None:
                continue
            h = plot.height() * max(0.0, value) / top
            x = plot.left() + slot * i + (slot - group) / 2 + width * b
            canvas.fill(QRectF(x, plot.bottom() - h, width * 0.92, h), color)
    for series in (s for s in chart.series if s.style == "line"):
        color = colors[chart.series.index(series)]
        top = left_top if series.axis == "left" else right_top
        points = [
            QPointF(plot.left() + slot * (i + 0.5), plot.bottom() - plot.height() * max(0.0, v) / top)
            if v is not None
            else None
            for i, v in enumerate(series.values)
        ]
        if canvas.painter is not None and points:
            canvas.painter.save()
            canvas.painter.setRenderHint(canvas.painter.RenderHint.Antialiasing, True)
            canvas.painter.setPen(canvas.pen_color(color))
            path = QPainterPath()
            after_gap = True  # a missing value (a closed day) breaks the line
            for point in points:
                if point is None:
                    after_gap = True
                elif after_gap:
                    path.moveTo(point)
                    after_gap = False
                else:
                    path.lineTo(point)
            canvas.painter.setBrush(Qt.BrushStyle.NoBrush)
            canvas.painter.drawPath(path)
            canvas.painter.setBrush(color)
            radius = canvas.mm(0.7)
            for point in points:
                if point is not None:
                    canvas.painter.drawEllipse(point, radius, radius)
            canvas.painter.restore()
    # category labels, thinned out to fit
    widest = max(canvas.text_width(c, LABEL_MM) for c in chart.categories) + canvas.mm(1.5)
    every = max(1, math.ceil(widest / slot))
    for i, category in enumerate(chart.categories):
        if i % every:
            continue
        width = canvas.text_width(category, LABEL_MM)
        block = canvas.block(category, LABEL_MM, width + canvas.mm(1))
        canvas.draw(block, plot.left() + slot * (i + 0.5) - width / 2, plot.bottom() + canvas.mm(1))
