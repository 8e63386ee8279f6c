"""The dashboard's forecast: the coming week's expected numbers per day and the counters each hour
needs (Erlang C), learned from the hall's own history, with its error on the weeks before."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.ui import style
from counter_app.ui.supervisor.charts import BarLineChart
from counter_app.ui.table_model import CellValue, Index
from counter_app.ui.widgets import make_button, make_label

if TYPE_CHECKING:
    from counter_app.services.quality.reports import ForecastResult


class CountersNeededModel(QAbstractTableModel):
    """Hours down, days across: the counters each forecast hour needs (expected numbers in the tooltip)."""

    def __init__(self) -> None:
        super().__init__()
        self.days: list[str] = []
        self.hours: list[int] = []
        self.cells: dict[tuple[int, int], tuple[int, float]] = {}

    def set_result(self, result: ForecastResult) -> None:
        self.beginResetModel()
        days = [d.day for d in result.days]
        self.days = [d.strftime("%m-%d") for d in days]
        self.hours = sorted({p.hour for p in result.plan})
        self.cells = {
            (self.hours.index(p.hour), days.index(p.day)): (p.counters, p.total_expected) for p in result.plan
        }
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hours)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.days)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> CellValue:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.days):
            return self.days[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.hours):
            return f"{self.hours[section]:02d}:00"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> CellValue:
        if not index.isValid():
            return None
        cell = self.cells.get((index.row(), index.column()))
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return cell[0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{cell[1]:.1f}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class ForecastTab(QWidget):
    recompute = Signal()
    print_report = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: ForecastResult | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        top = QHBoxLayout()
        self.summary = make_label(font=style.font(11), wrap=True)
        top.addWidget(self.summary, 1)
        self.again = make_button(clicked=self.recompute.emit)
        self.printed = make_button(clicked=self.print_report.emit)
        top.addWidget(self.again)
        top.addWidget(self.printed)
        layout.addLayout(top)
        body = QHBoxLayout()
        self.chart = BarLineChart()
        body.addWidget(self.chart, 3)
        right = QVBoxLayout()
        self.table_title = make_label(font=style.font(12, bold=True))
        self.model = CountersNeededModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setFont(style.font(10))
        right.addWidget(self.table_title)
        right.addWidget(self.table, 1)
        body.addLayout(right, 2)
        layout.addLayout(body, 1)
        self.method = make_label(font=style.font(10), wrap=True, colour=style.MUTED)
        layout.addWidget(self.method)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.again.setText(self.tr("Forecast again"))
        self.printed.setText(self.tr("Forecast report…"))
        self.table_title.setText(self.tr("Counters needed each hour (hover: numbers expected)"))
        self.method.setText(
            self.tr(
                "Expected numbers per day and hour are learned from this hall's own weeks (weekday, "
                "month-end and, where set, the days after the payment deadline). Counters needed: the "
                "fewest with which the target share of customers is called within the service's target "
                "wait, by the Erlang C queueing formula (steady arrivals within the hour, no one leaving "
                "the line), summed over services: a planning figure, not a promise."
            )
        )
        if self.result is not None:
            self.show_result(self.result)
        else:
            self.summary.setText(self.tr("Computing the forecast…"))

    def show_failure(self, text: str) -> None:
        self.summary.setText(text)

    def show_result(self, result: ForecastResult) -> None:
        self.result = result
        self.model.set_result(result)
        peak = {
            d.day: max((p.counters for p in result.plan if p.day == d.day), default=0) for d in result.days
        }
        self.chart.set_data(
            self.tr("Numbers expected per day, and the counters needed at the peak hour"),
            [d.day.strftime("%m-%d") for d in result.days],
            self.tr("Numbers expected"),
            [d.total for d in result.days],
            self.tr("Counters at the peak"),
            [float(peak[d.day]) for d in result.days],
        )
        text = self.tr("Forecast from %1 to %2: %3 numbers expected; at most %4 counters at once.")
        text = (
            text.replace("%1", result.days[0].day.isoformat())
            .replace("%2", result.days[-1].day.isoformat())
            .replace("%3", f"{sum(d.total for d in result.days):.0f}")
            .replace("%4", str(max(peak.values(), default=0)))
        )
        check = result.backtest
        if check is not None and check.wape_day is not None:
            error = self.tr("Its error on the last %1 weeks: %2 per day, %3 per hour (WAPE).")
            error = (
                error.replace("%1", str(len(check.weeks)))
                .replace("%2", f"{check.wape_day * 100:.1f}%")
                .replace("%3", f"{(check.wape_hour or 0) * 100:.1f}%")
            )
            text += "  " + error
        else:
            text += "  " + self.tr("Too little history yet to measure its error.")
        self.summary.setText(text)
