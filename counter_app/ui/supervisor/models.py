"""Table models of the dashboard over values: figures per service, hour or clerk (the same figures,
column titles and definitions as the reports, from :mod:`counter_app.domain.quality`), and the
counters now."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from counter_app.domain.quality.definitions import definition
from counter_app.domain.quality.figures import QualityFigures
from counter_app.domain.quality.records import CounterNow
from counter_app.domain.quality.report import CellValue, ValueKind, format_value
from counter_app.qt_i18n import current_language
from counter_app.ui import style
from counter_app.ui.messages import QT_TRANSLATE_NOOP
from counter_app.ui.quality_messages import state_name
from counter_app.ui.table_model import CellValue as QtCell
from counter_app.ui.table_model import Index, ValueTableModel

Figure = tuple[str, ValueKind, Callable[[QualityFigures], CellValue]]


class FiguresModel(ValueTableModel[tuple[str, QualityFigures]]):
    """One row per group (a service, an hour, a clerk): its name, then one column per figure. Titles
    and tooltips are the figures' own definitions, in the UI language."""

    CONTEXT = "Supervisor"
    COLUMNS: ClassVar[tuple[object, ...]] = ()  # one per figure: see columnCount and headerData

    def __init__(self, label: str, figures: Sequence[Figure]) -> None:
        super().__init__()
        self.label = label  # QT_TRANSLATE_NOOP("Supervisor", …) of the first column
        self.figures = tuple(figures)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self.figures)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> QtCell:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section <= len(self.figures):
            return None
        if section == 0:
            return (
                QCoreApplication.translate(self.CONTEXT, self.label)
                if role == Qt.ItemDataRole.DisplayRole
                else None
            )
        key = self.figures[section - 1][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return definition(key).label_in(current_language())
        if role == Qt.ItemDataRole.ToolTipRole:
            return definition(key).text_in(current_language())
        return None

    def retranslate(self) -> None:
        self._all_cells_changed()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.figures))

    def _all_cells_changed(self) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(self.figures)))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> QtCell:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        name, figures = row
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return name
            _, kind, get = self.figures[col - 1]
            return format_value(get(figures), kind, current_language())
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class CountersModel(ValueTableModel[CounterNow]):
    """Each counter now: state, clerk, customer, minutes with them."""

    CONTEXT = "Supervisor"
    COLUMNS = (
        QT_TRANSLATE_NOOP("Supervisor", "Counter"),
        QT_TRANSLATE_NOOP("Supervisor", "State"),
        QT_TRANSLATE_NOOP("Supervisor", "Clerk"),
        QT_TRANSLATE_NOOP("Supervisor", "Customer"),
        QT_TRANSLATE_NOOP("Supervisor", "Minutes"),
    )
    STATES: ClassVar[dict[str, str]] = {
        "open": QT_TRANSLATE_NOOP("Supervisor", "Open"),
        "paused": QT_TRANSLATE_NOOP("Supervisor", "Paused"),
        "closed": QT_TRANSLATE_NOOP("Supervisor", "Closed"),
    }

    def __init__(self) -> None:
        super().__init__()
        self.now: datetime | None = None

    def set_counters(self, counters: Sequence[CounterNow], now: datetime) -> None:
        self.now = now
        self.set_rows(counters)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> QtCell:
        c = self.row_at(index.row()) if index.isValid() else None
        if c is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return c.number
            if col == 1:
                return QCoreApplication.translate(self.CONTEXT, self.STATES.get(c.state, c.state))
            if col == 2:
                return c.clerk or "—"
            if col == 3:
                if c.current_number is None:
                    return "—"
                return f"{c.current_number}  {state_name(c.current_state or '')}"
            since = c.serving_at or c.called_at
            if since is None or self.now is None:
                return ""
            return int(max(0.0, (self.now - since).total_seconds()) // 60)
        if role == Qt.ItemDataRole.ForegroundRole and col == 1:
            colour = {"open": style.GREEN, "paused": style.AMBER, "closed": style.RED}.get(c.state, style.INK)
            return QBrush(QColor(colour))
        return None
