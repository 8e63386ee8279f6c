"""The supervisor's staff accounts (账号): who may sign in, who is locked after repeated wrong
passwords, and the unlock (the supervisor's job: ``domain/roles.py`` ``UNLOCK_STAFF``).

The list and the unlock run in ``UserService`` through the hall's worker (the service checks the
role again: a button is only a courtesy). Adding accounts and setting passwords stay on the command
line (``counter-app user …``), where a password is typed at the terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.roles import Role
from counter_app.ui import style
from counter_app.ui.messages import QT_TRANSLATE_NOOP
from counter_app.ui.table_model import CellValue, Index, ValueTableModel
from counter_app.ui.widgets import make_button, make_label

if TYPE_CHECKING:
    from counter_app.domain.accounts import UserAccount

CONTEXT = "SupervisorAccounts"
ROLE_NAMES = {
    Role.CLERK: QT_TRANSLATE_NOOP("SupervisorAccounts", "Clerk"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("SupervisorAccounts", "Supervisor"),
    Role.ADMINISTRATOR: QT_TRANSLATE_NOOP("SupervisorAccounts", "Administrator"),
}
LOCKED = QT_TRANSLATE_NOOP("SupervisorAccounts", "Locked since %1")
FAILURES = QT_TRANSLATE_NOOP("SupervisorAccounts", "%1 wrong passwords lately")
CAN_SIGN_IN = QT_TRANSLATE_NOOP("SupervisorAccounts", "Can sign in")
ACTIVE = QT_TRANSLATE_NOOP("SupervisorAccounts", "Active")
DEACTIVATED = QT_TRANSLATE_NOOP("SupervisorAccounts", "Deactivated")


class AccountsModel(ValueTableModel["UserAccount"]):
    """One account a row: staff code, name, role, active or not, and its sign-in state."""

    CONTEXT = CONTEXT
    COLUMNS: ClassVar[tuple[object, ...]] = (
        QT_TRANSLATE_NOOP("SupervisorAccounts", "Staff code"),
        QT_TRANSLATE_NOOP("SupervisorAccounts", "Name"),
        QT_TRANSLATE_NOOP("SupervisorAccounts", "Role"),
        QT_TRANSLATE_NOOP("SupervisorAccounts", "Account"),
        QT_TRANSLATE_NOOP("SupervisorAccounts", "Sign-in"),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> CellValue:
        account = self.row_at(index.row()) if index.isValid() else None
        if account is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(account, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == 4 and account.lockout.locked:
            return QBrush(QColor(style.RED))
        return None

    def _text(self, account: UserAccount, column: int) -> str | None:
        tr = _t
        if column == 0:
            return account.code
        if column == 1:
            return account.name
        if column == 2:
            return tr(ROLE_NAMES[account.role])
        if column == 3:
            return tr(ACTIVE if account.active else DEACTIVATED)
        if column == 4:
            return sign_in_state(account)
        return None


def _t(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def sign_in_state(account: UserAccount) -> str:
    """Locked since when (hall time), the recent wrong passwords, or "can sign in"."""
    lockout = account.lockout
    if lockout.locked_at is not None:
        return _t(LOCKED).replace("%1", lockout.locked_at.strftime("%Y-%m-%d %H:%M"))
    if lockout.failures:
        return _t(FAILURES).replace("%1", str(len(lockout.failures)))
    return _t(CAN_SIGN_IN)


class AccountsTab(QWidget):
    """The list, and Unlock for the chosen locked account."""

    reload_asked = Signal()
    unlock_asked = Signal(str)  # the staff code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        self.title = make_label(font=style.font(13, bold=True))
        self.note = make_label(font=style.font(10), wrap=True, colour=style.MUTED)
        self.model = AccountsModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setFont(style.font(11))
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        self.unlock_button = make_button(font=style.font(12, bold=True), clicked=self._unlock)
        self.unlock_button.setProperty("primary", True)
        self.reload_button = make_button(font=style.font(12), clicked=self.reload_asked.emit)
        self.problem = make_label(font=style.font(11), wrap=True, colour=style.RED)
        buttons = QHBoxLayout()
        buttons.addWidget(self.problem, 1)
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.unlock_button)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        self.retranslate()
        self._chosen()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Staff accounts"))
        self.note.setText(
            self.tr(
                "An account locks after repeated wrong passwords; choose it and press Unlock once you "
                "know it was its owner. Accounts and passwords are added on the command line "
                "(counter-app user)."
            )
        )
        self.unlock_button.setText(self.tr("Unlock"))
        self.reload_button.setText(self.tr("Refresh"))
        self.model.retranslate()

    def show_accounts(self, accounts: Sequence[UserAccount]) -> None:
        chosen = self.chosen()
        self.model.set_rows(list(accounts))
        self.problem.clear()
        if chosen is not None:
            for row in range(self.model.rowCount()):
                account = self.model.row_at(row)
                if account is not None and account.code == chosen.code:
                    self.table.selectRow(row)
        self._chosen()

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)

    def chosen(self) -> UserAccount | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def choose(self, code: str) -> None:
        for row in range(self.model.rowCount()):
            account = self.model.row_at(row)
            if account is not None and account.code == code:
                self.table.selectRow(row)
                return

    @Slot()
    def _chosen(self, *_args: object) -> None:
        account = self.chosen()
        self.unlock_button.setEnabled(account is not None and account.lockout.locked)

    @Slot()
    def _unlock(self) -> None:
        account = self.chosen()
        if account is not None and account.lockout.locked:
            self.unlock_button.setEnabled(False)
            self.unlock_asked.emit(account.code)
