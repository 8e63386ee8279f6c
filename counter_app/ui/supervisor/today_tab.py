"""The dashboard's "today" and "clerks": the day's headline figures (those of the daily report),
the figures per service and per clerk, and three charts: numbers taken by hour against the counters
open, how long customers waited, and the last 30 days."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.profile import HallProfile
from counter_app.domain.quality.definitions import definition
from counter_app.domain.quality.figures import QualityFigures
from counter_app.domain.quality.report import format_value
from counter_app.domain.quality.report_build import CLERK_FIGURES, GROUP_FIGURES, HIGHLIGHTS
from counter_app.qt_i18n import current_language
from counter_app.ui import style
from counter_app.ui.messages import QT_TRANSLATE_NOOP
from counter_app.ui.quality_messages import outcome_name
from counter_app.ui.supervisor.charts import BarLineChart
from counter_app.ui.supervisor.models import FiguresModel
from counter_app.ui.widgets import make_label

if TYPE_CHECKING:
    from counter_app.services.quality.dashboard import DashboardView, TrendDay

TILES_PER_ROW = 9


def figures_table(model: FiguresModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setFont(style.font(10))
    return view


class Tile(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figure")
        self.setStyleSheet("#figure { background: white; border: 1px solid #d5dede; border-radius: 10px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        self.label = make_label(font=style.font(9), wrap=True, colour=style.MUTED)
        self.value = make_label(font=style.font(17, bold=True))
        layout.addWidget(self.label)
        layout.addWidget(self.value)

    def set(self, label: str, value: str, tooltip: str = "") -> None:
        self.label.setText(label)
        self.value.setText(value)
        self.setToolTip(tooltip)


class TodayTab(QWidget):
    def __init__(self, profile: HallProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.view: DashboardView | None = None
        self.trend: tuple[TrendDay, ...] = ()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(8)
        grid = QGridLayout()
        grid.setSpacing(8)
        extra = 3  # applications due or late, hand-overs open, inquiry outcomes
        self.tiles = [Tile() for _ in range(len(HIGHLIGHTS) + extra)]
        for i, tile in enumerate(self.tiles):
            grid.addWidget(tile, i // TILES_PER_ROW, i % TILES_PER_ROW)
        layout.addLayout(grid)
        self.services = FiguresModel(QT_TRANSLATE_NOOP("Supervisor", "Service"), GROUP_FIGURES)
        self.services_view = figures_table(self.services)
        self.services_view.setMinimumHeight(130)
        layout.addWidget(self.services_view, 2)
        charts = QHBoxLayout()
        self.by_hour = BarLineChart()
        self.waits = BarLineChart()
        self.month = BarLineChart()
        for chart in (self.by_hour, self.waits, self.month):
            charts.addWidget(chart, 1)
        layout.addLayout(charts, 3)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.services.retranslate()
        if self.view is not None:
            self.show_view(self.view)
        self.show_trend(self.trend)

    def _service(self, code: str) -> str:
        service = self.profile.service(code)
        return f"{code} {service.names.get(current_language())}" if service else code

    def show_view(self, view: DashboardView) -> None:
        self.view = view
        lang = current_language()
        f = view.today
        for tile, (key, kind, get) in zip(self.tiles, HIGHLIGHTS, strict=False):
            tile.set(
                definition(key).label_in(lang),
                format_value(get(f), kind, lang),
                definition(key).text_in(lang),
            )
        rest = self.tiles[len(HIGHLIGHTS) :]
        rest[0].set(
            self.tr("Applications late / due soon"),
            f"{view.applications_overdue} / {view.applications_due_soon}",
        )
        rest[1].set(self.tr("Hand-overs not yet done"), str(view.handovers_open))
        outcomes = " · ".join(f"{outcome_name(k)} {n}" for k, n in sorted(view.outcomes.items()) if k)
        rest[2].set(self.tr("Inquiry and complaint outcomes"), str(sum(view.outcomes.values())), outcomes)
        self.services.set_rows([(self._service(code), figures) for code, figures in view.by_service.items()])
        self._charts(view)

    def _charts(self, view: DashboardView) -> None:
        hours = sorted(view.by_hour)
        span = list(range(hours[0], hours[-1] + 1)) if hours else []
        empty = QualityFigures()
        self.by_hour.set_data(
            self.tr("Numbers taken by hour, and counters open"),
            [f"{h:02d}" for h in span],
            definition("arrivals").label_in(current_language()),
            [float(view.by_hour.get(h, empty).arrivals) for h in span],
            self.tr("Counters open"),
            [view.counters_open.get(h, 0.0) for h in span],
        )
        bins = view.today.wait.histogram(5, 60)
        self.waits.set_data(
            self.tr("How long customers waited (min)"),
            [str(start) if start < 60 else f"≥{start}" for start, _ in bins],
            self.tr("Customers"),
            [float(n) for _, n in bins],
            rotated=True,
        )

    def show_trend(self, trend: Sequence[TrendDay]) -> None:
        self.trend = tuple(trend)
        self.month.set_data(
            self.tr("The last 30 days: numbers taken and average wait"),
            [d.day.strftime("%m-%d") for d in self.trend],
            definition("arrivals").label_in(current_language()),
            [float(d.arrivals) for d in self.trend],
            definition("wait_mean").label_in(current_language()),
            [d.mean_wait_minutes for d in self.trend],
            every=3,
            rotated=True,
        )


class ClerksTab(QWidget):
    """Each clerk's day: customers served, service time, ratings, hand-overs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        self.title = make_label(font=style.font(13, bold=True))
        self.model = FiguresModel(QT_TRANSLATE_NOOP("Supervisor", "Clerk"), CLERK_FIGURES)
        self.table = figures_table(self.model)
        self.chart = BarLineChart()
        self.note = make_label(font=style.font(10), wrap=True, colour=style.MUTED)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.note)
        self.view: DashboardView | None = None
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Each clerk today"))
        self.note.setText(
            self.tr(
                "A clerk counts the customers they finished and the stretches they served; a hand-over "
                "counts for the clerk who handed over. Hover a column title for its definition."
            )
        )
        self.model.retranslate()

    def show_view(self, view: DashboardView, clerk_label: Callable[[str], str]) -> None:
        self.view = view
        rows = [(clerk_label(code), figures) for code, figures in view.by_clerk.items()]
        self.model.set_rows(rows)
        lang = current_language()
        self.chart.set_data(
            self.tr("Customers served, and the satisfaction rate (%)"),
            [name for name, _ in rows],
            definition("served").label_in(lang),
            [float(f.served) for _, f in rows],
            definition("satisfaction_rate").label_in(lang),
            [f.satisfaction_rate * 100 if f.satisfaction_rate is not None else None for _, f in rows],
        )
