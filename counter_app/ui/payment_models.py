"""Table model over account search hits (values, never rows); personal data masked in every cell."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from counter_app.domain.account_search import SearchHit
from counter_app.domain.masking import mask_address, mask_name, mask_phone
from counter_app.ui import style
from counter_app.ui.payment_messages import match_label
from counter_app.ui.table_model import Index, ValueTableModel

NUMBER_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("PaymentModels", text)


class AccountHitsModel(ValueTableModel[SearchHit]):
    """Search hits best first: account number, masked name, masked address, masked phone, amount due,
    what the query matched."""

    CONTEXT = "PaymentModels"
    COLUMNS = (
        QT_TRANSLATE_NOOP("PaymentModels", "Account number"),
        QT_TRANSLATE_NOOP("PaymentModels", "Name"),
        QT_TRANSLATE_NOOP("PaymentModels", "Address"),
        QT_TRANSLATE_NOOP("PaymentModels", "Phone"),
        QT_TRANSLATE_NOOP("PaymentModels", "Amount due"),
        QT_TRANSLATE_NOOP("PaymentModels", "Matched"),
    )

    # the base's set_rows / row_at in the hall's words
    set_hits = ValueTableModel.set_rows
    hit_at = ValueTableModel.row_at

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self.row_at(index.row())
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
