"""Charts of the dashboard (QtCharts): bars per category with an optional line on a right axis, the
same shapes the PDF reports draw, so a picture reads the same on screen and on paper."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from counter_app.ui import style

BAR = QColor(style.TEAL)
LINE = QColor(style.AMBER)


def thinned(labels: Sequence[str], every: int) -> list[str]:
    """Every ``every``-th label shown, the others blank (distinct blanks: a category axis needs
    distinct names), so thirty days fit under a narrow chart."""
    return [label if i % every == 0 else "\u200b" * (i + 1) for i, label in enumerate(labels)]


def _axis_max(values: Sequence[float | None]) -> float:
    top = max((v for v in values if v is not None), default=0.0)
    return max(1.0, top * 1.15)


class BarLineChart(QChartView):
    """One bar series (left axis) and at most one line (right axis) over named categories; a
    missing value is no bar, or a gap in the line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.title = ""
        self.categories: tuple[str, ...] = ()
        self.bars: tuple[float | None, ...] = ()
        self.line: tuple[float | None, ...] | None = None
        self.rotated = False
        self._draw()

    def set_data(
        self,
        title: str,
        categories: Sequence[str],
        bar_name: str,
        bars: Sequence[float | None],
        line_name: str = "",
        line: Sequence[float | None] | None = None,
        every: int = 1,
        rotated: bool = False,
    ) -> None:
        self.title = title
        self.rotated = rotated
        self.categories = tuple(thinned(categories, every) if every > 1 else categories)
        self.bars = tuple(bars)
        self.line = tuple(line) if line is not None else None
        self._draw(bar_name, line_name)

    def _draw(self, bar_name: str = "", line_name: str = "") -> None:
        chart = QChart()
        chart.setTitle(self.title)
        chart.setTitleFont(style.font(11, bold=True))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.legend().setFont(style.font(9))
        axis_x = QBarCategoryAxis()
        axis_x.append(list(self.categories))
        axis_x.setLabelsFont(style.font(8))
        if self.rotated:
            axis_x.setLabelsAngle(-90)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        bar_set = QBarSet(bar_name)
        bar_set.setColor(BAR)
        bar_set.append([v if v is not None else 0.0 for v in self.bars])
        series = QBarSeries()
        series.append(bar_set)
        chart.addSeries(series)
        axis_y = QValueAxis()
        axis_y.setRange(0, _axis_max(self.bars))
        axis_y.setLabelFormat("%.0f")
        axis_y.setLabelsFont(style.font(8))
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        if self.line is not None:
            axis_r = QValueAxis()
            axis_r.setRange(0, _axis_max(self.line))
            axis_r.setLabelFormat("%.1f")
            axis_r.setLabelsFont(style.font(8))
            chart.addAxis(axis_r, Qt.AlignmentFlag.AlignRight)
            segment: QLineSeries | None = None
            for i, value in enumerate(self.line):
                if value is None:
                    segment = None
                    continue
                if segment is None:
                    segment = QLineSeries()
                    segment.setName(line_name)
                    segment.setPen(QPen(LINE, 2.5))
                    segment.setPointsVisible(True)
                    chart.addSeries(segment)
                    segment.attachAxis(axis_x)
                    segment.attachAxis(axis_r)
                    if chart.series().index(segment) > 1:  # one legend entry for the whole line
                        chart.legend().markers(segment)[0].setVisible(False)
                segment.append(QPointF(i, value))
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()
