"""Table model over account search hits (values, never rows); personal data masked in every cell."""

from __future__ import annotations

from collections.abc import Sequence
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

from counter_app.domain.account_search import SearchHit
from counter_app.domain.masking import mask_address, mask_name, mask_phone
from counter_app.ui import style
from counter_app.ui.payment_messages import match_label

Index = QModelIndex | QPersistentModelIndex

NUMBER_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("PaymentModels", text)


class AccountHitsModel(QAbstractTableModel):
    """Search hits best first: account number, masked name, masked address, masked phone, amount due,
    what the query matched."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("PaymentModels", "Account number"),
        QT_TRANSLATE_NOOP("PaymentModels", "Name"),
        QT_TRANSLATE_NOOP("PaymentModels", "Address"),
        QT_TRANSLATE_NOOP("PaymentModels", "Phone"),
        QT_TRANSLATE_NOOP("PaymentModels", "Amount due"),
        QT_TRANSLATE_NOOP("PaymentModels", "Matched"),
    )

    def __init__(self) -> None:
        super().__init__()
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def retranslate(self) -> None:
        if self._hits:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._hits) - 1, len(self.COLUMNS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)

    def hit_at(self, row: int) -> SearchHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        if horizontal and 0 <= section < len(self.COLUMNS):
            return _tr(str(self.COLUMNS[section]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self.hit_at(index.row())
        if hit is None:
            return None
        account, column = hit.account, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return account.number
            if column == 1:
                return mask_name(account.name)
            if column == 2:
                return mask_address(account.address)
            if column == 3:
                return mask_phone(account.phone)
            if column == 4:
                return f"{account.arrears:,.2f}" if account.owes else "—"
            return match_label(hit.clause.kind.value)
        if role == NUMBER_ROLE:
            return account.number
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 4 and account.owes:
                return QBrush(QColor(style.RED))
            if column == 5:
                return QBrush(QColor(style.MUTED))
        return None
