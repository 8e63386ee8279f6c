"""Table model over account search hits (values, never rows); personal data masked in every cell."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from counter_app.domain.payments.search import SearchHit
from counter_app.ui import style
from counter_app.ui.messages import QT_TRANSLATE_NOOP
from counter_app.ui.payments.messages import match_label
from counter_app.ui.table_model import CellValue, Index, ValueTableModel

if TYPE_CHECKING:  # service values are annotations only here
    from counter_app.domain.payments.guidance import Freshness
    from counter_app.services.payments.accounts import AccountSearch


class AccountHitsModel(ValueTableModel[SearchHit]):
    """Search hits best first: account number, masked name, masked address, masked phone, amount due,
    what the query matched. An amount whose figures are not current is amber, its date in the tip."""

    CONTEXT = "PaymentModels"
    COLUMNS = (
        QT_TRANSLATE_NOOP("PaymentModels", "Account number"),
        QT_TRANSLATE_NOOP("PaymentModels", "Name"),
        QT_TRANSLATE_NOOP("PaymentModels", "Address"),
        QT_TRANSLATE_NOOP("PaymentModels", "Phone"),
        QT_TRANSLATE_NOOP("PaymentModels", "Amount due"),
        QT_TRANSLATE_NOOP("PaymentModels", "Matched"),
    )

    hit_at = ValueTableModel.row_at  # the base's row_at in the hall's words

    def __init__(self) -> None:
        super().__init__()
        self._freshness: Mapping[str, Freshness] = {}

    def show(self, found: AccountSearch) -> None:
        """The hits of a search, with the date of each one's figures."""
        self._freshness = found.freshness
        self.set_rows(found.hits)

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        """Hits without dates: none is marked as not current."""
        self._freshness = {}
        self.set_rows(hits)

    def _stale(self, number: str) -> Freshness | None:
        fresh = self._freshness.get(number)
        return fresh if fresh is not None and fresh.stale else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> CellValue:
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
                return account.masked().name
            if column == 2:
                return account.masked().address
            if column == 3:
                return account.masked().phone
            if column == 4:
                return f"{account.arrears:,.2f}" if account.owes else "—"
            return match_label(hit.clause.kind.value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 4 and self._stale(account.number):
                return QBrush(QColor(style.AMBER))
            if column == 4 and account.owes:
                return QBrush(QColor(style.RED))
            if column == 5:
                return QBrush(QColor(style.MUTED))
        if role == Qt.ItemDataRole.ToolTipRole and column == 4 and (stale := self._stale(account.number)):
            if stale.as_of is None:
                return QCoreApplication.translate(
                    "PaymentModels", "The date of these figures is unknown: check before quoting"
                )
            return QCoreApplication.translate(
                "PaymentModels", "Figures as of %1, not current: check before quoting"
            ).replace("%1", stale.as_of.isoformat())
        return None
