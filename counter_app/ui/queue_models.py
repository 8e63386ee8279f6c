"""Table models over queue values (never over rows): the waiting line and the recent calls."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from counter_app.domain.profile import HallProfile
from counter_app.domain.queue import Ticket

Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("QueueModels", text)


class WaitingModel(QAbstractTableModel):
    """Waiting tickets in calling order: number, service, minutes waited, note (green, transferred)."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("QueueModels", "Number"),
        QT_TRANSLATE_NOOP("QueueModels", "Service"),
        QT_TRANSLATE_NOOP("QueueModels", "Waited (min)"),
        QT_TRANSLATE_NOOP("QueueModels", "Note"),
    )

    def __init__(self, profile: HallProfile, language: str, alert_minutes: int) -> None:
        super().__init__()
        self._profile = profile
        self._language = language
        self._alert = alert_minutes
        self._tickets: list[Ticket] = []
        self._now: datetime | None = None

    def set_tickets(self, tickets: Sequence[Ticket], now: datetime) -> None:
        self.beginResetModel()
        self._tickets = list(tickets)
        self._now = now
        self.endResetModel()

    def set_language(self, language: str) -> None:
        self._language = language
        if self._tickets:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._tickets) - 1, len(self.COLUMNS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)

    def ticket_at(self, row: int) -> Ticket | None:
        return self._tickets[row] if 0 <= row < len(self._tickets) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._tickets)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        if horizontal and 0 <= section < len(self.COLUMNS):
            return _tr(self.COLUMNS[section])
        return None

    def _minutes(self, ticket: Ticket) -> int:
        return int(ticket.waited(self._now).total_seconds() // 60) if self._now else 0

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        ticket = self.ticket_at(index.row())
        if ticket is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return ticket.number
            if col == 1:
                service = self._profile.service(ticket.service_code)
                return service.names.get(self._language) if service else ticket.service_code
            if col == 2:
                return self._minutes(ticket)
            notes = []
            if ticket.green:
                reason = self._profile.green_reason(ticket.green_reason)
                notes.append(
                    _tr("Green channel") + (f" · {reason.names.get(self._language)}" if reason else "")
                )
            if ticket.transfers:
                notes.append(_tr("Transferred"))
            return "  ".join(notes)
        if role == Qt.ItemDataRole.ForegroundRole:
            if ticket.green and col in (0, 3):
                return QBrush(QColor("#2e9d47"))
            if col == 2 and self._minutes(ticket) >= self._alert:
                return QBrush(QColor("#c0392b"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
