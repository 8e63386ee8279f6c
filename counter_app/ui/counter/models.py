"""Table models over queue values (never over rows): the waiting line of a counter."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from counter_app.domain.profile import HallProfile
from counter_app.domain.queue import Ticket
from counter_app.ui.messages import QT_TRANSLATE_NOOP
from counter_app.ui.table_model import CellValue, Index, ValueTableModel

GREEN = QT_TRANSLATE_NOOP("QueueModels", "Green channel")
TRANSFERRED = QT_TRANSLATE_NOOP("QueueModels", "Transferred")
NEXT = QT_TRANSLATE_NOOP("QueueModels", "Next [F1]")


def _tr(text: object) -> str:  # marked with QT_TRANSLATE_NOOP: lupdate does not see _tr("...")
    return QCoreApplication.translate("QueueModels", str(text))


class WaitingModel(ValueTableModel[Ticket]):
    """Waiting tickets in the order the counter's "next" key calls them: number, service, minutes
    waited, note (next, green, transferred). The first row, the one F1 calls, is bold."""

    CONTEXT = "QueueModels"
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
        self._now: datetime | None = None

    def set_tickets(self, tickets: Sequence[Ticket], now: datetime) -> None:
        self._now = now
        self.set_rows(tickets)

    def set_language(self, language: str) -> None:
        self._language = language
        self.retranslate()

    # the base's set_rows / row_at in the hall's words
    ticket_at = ValueTableModel.row_at

    def _minutes(self, ticket: Ticket) -> int:
        return int(ticket.waited(self._now).total_seconds() // 60) if self._now else 0

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> CellValue:
        if not index.isValid():
            return None
        ticket = self.row_at(index.row())
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
            notes = [_tr(NEXT)] if index.row() == 0 else []
            if ticket.green:
                reason = self._profile.green_reason(ticket.green_reason)
                notes.append(_tr(GREEN) + (f" · {reason.names.get(self._language)}" if reason else ""))
            if ticket.transfers:
                notes.append(_tr(TRANSFERRED))
            return "  ".join(notes)
        if role == Qt.ItemDataRole.FontRole and index.row() == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if ticket.green and col in (0, 3):
                return QBrush(QColor("#2e9d47"))
            if col == 2 and self._minutes(ticket) >= self._alert:
                return QBrush(QColor("#c0392b"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
