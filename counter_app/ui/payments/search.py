"""The search column of the payment panel: results as the clerk types (debounced, newest query wins),
the live list's size and "data as of" date, and the way out for a number with no record."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.payments.search import ClauseKind
from counter_app.ui import style
from counter_app.ui.hall_client import HallClient, while_alive
from counter_app.ui.payments.channels import CARD
from counter_app.ui.payments.models import AccountHitsModel
from counter_app.ui.text_breaks import tidy
from counter_app.ui.widgets import make_button, make_label, make_timer

if TYPE_CHECKING:
    from counter_app.domain.payments.guidance import AccountListRecord
    from counter_app.services.hall import Hall
    from counter_app.services.payments.accounts import AccountSearch

SEARCH_DELAY_MS = 250
RESULTS = 30


class AccountSearchView(QWidget):
    """Keyboard first: the clerk types the number the customer says and presses Enter
    (:attr:`entered`: the panel shows the account and prints its slip); Up/Down move through the
    results, Esc clears the search."""

    chosen = Signal(str)
    walk_in = Signal(str)
    entered = Signal(str, bool)  # the account Enter settles on, and whether it is on record
    searched = Signal()
    failed = Signal(object)
    list_changed = Signal()  # another list went live: figures shown from the old one are outdated

    def __init__(self, client: HallClient[Hall], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.account_list: AccountListRecord | None = None
        self.ready = False
        self._seq = 0
        self._searched_text: str | None = None  # what the results on screen were found for
        self._enter_waiting = False  # Enter pressed before the results for the typed text came
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.caption = make_label(font=style.font(12, bold=True))
        self.search_box = QLineEdit(clearButtonEnabled=True)
        self.search_box.setFont(style.font(15))
        self.search_box.setMinimumHeight(44)
        self.search_box.textChanged.connect(self._typed)
        self.search_box.returnPressed.connect(self._enter)
        self.search_box.installEventFilter(self)
        self._timer = make_timer(self, SEARCH_DELAY_MS, self.search, single_shot=True)
        layout.addWidget(self.caption)
        layout.addWidget(self.search_box)
        self.model = AccountHitsModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setStyleSheet(f"QTableView {{ {CARD} }}")
        self.table.activated.connect(lambda index: self.choose_row(index.row()))
        self.table.clicked.connect(lambda index: self.choose_row(index.row()))
        layout.addWidget(self.table, 1)
        self.note = make_label(font=style.font(10.5), colour=style.MUTED, wrap=True)
        self.walk_in_button = make_button(clicked=lambda: self.walk_in.emit(self.search_box.text()))
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.walk_in_button)
        layout.addLayout(row)
        self.list_status = make_label(font=style.font(10.5), wrap=True)
        layout.addWidget(self.list_status)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Find the account"))
        self.search_box.setPlaceholderText(
            self.tr("Account number, phone (or its last 4 digits), name or part of the address")
        )
        self.walk_in_button.setText(self.tr("Use the typed number (no record)"))
        self.model.retranslate()
        self.show_list(self.account_list)

    def set_ready(self, ready: bool) -> None:
        self.ready = ready
        typed = self.search_box.text().strip().replace(" ", "").replace("-", "")
        self.walk_in_button.setEnabled(ready and typed.isdigit())

    def show_list(self, record: AccountListRecord | None) -> bool:
        """Show the live list's size and date; whether it is another list than the one shown before
        (then :attr:`list_changed` is emitted, whichever read noticed it first)."""
        changed = (record.id if record else None) != (self.account_list.id if self.account_list else None)
        self.account_list = record
        if changed:
            self.list_changed.emit()
        if not self.ready:
            self.list_status.setText(self.tr("Loading…"))
        elif record is None:
            self.list_status.setText(
                self.tr("No account list imported yet: only typed account numbers work.")
            )
            self.list_status.setStyleSheet(f"color: {style.AMBER};")
        else:
            as_of = record.data_as_of.isoformat() if record.data_as_of else self.tr("unknown")
            self.list_status.setText(
                tidy(
                    self.tr("Account list: %1 accounts, data as of %2 (imported %3)")
                    .replace("%1", f"{record.accounts:,}")
                    .replace("%2", as_of)
                    .replace("%3", record.imported_at.strftime("%Y-%m-%d %H:%M"))
                )
            )
            self.list_status.setStyleSheet(f"color: {style.MUTED};")
        return changed

    @Slot()
    def refresh_list(self) -> None:
        """Another process may have imported a list: show it, and search again in the new one."""

        def done(record: AccountListRecord | None) -> None:
            if self.show_list(record) and self.search_box.text().strip():
                self.search()

        self.client.submit(lambda h: h.accounts.live_list(), while_alive(self, done), lambda _: None)

    @Slot(str)
    def _typed(self, _text: str) -> None:
        self._timer.start()
        self.set_ready(self.ready)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and watched == self.search_box
        ):
            key = event.key()
            if key == Qt.Key.Key_Escape and self.search_box.text():
                self.clear()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.model.rowCount():
                current = self.table.currentIndex().row() if self.table.currentIndex().isValid() else -1
                step = 1 if key == Qt.Key.Key_Down else -1
                row = min(max(current + step, 0), self.model.rowCount() - 1)
                self.choose_row(row)
                return True
        return super().eventFilter(watched, event)

    def focus_search(self) -> None:
        """The cursor in the search box, its text selected: the clerk just types over it."""
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    @Slot()
    def clear(self) -> None:
        self._enter_waiting = False
        self.search_box.clear()
        self.table.clearSelection()
        self.note.setText("")

    @Slot()
    def _enter(self) -> None:
        """Enter: settle on an account. Wait for the results of what is typed first (the clerk is
        faster than the debounce), then: the row the clerk moved to, the only hit, or the typed
        number itself when it is a valid number with no record."""
        self._timer.stop()
        if self._searched_text != self.search_box.text():
            self._enter_waiting = True
            self.search()
            return
        self._settle()

    def _settle(self) -> None:
        self._enter_waiting = False
        current = self.table.currentIndex()
        row = current.row() if current.isValid() else (0 if self.model.rowCount() == 1 else -1)
        hit = self.model.hit_at(row)
        if hit is not None:
            self.table.selectRow(row)
            self.entered.emit(hit.account.number, True)
            return
        typed = self.search_box.text().strip().replace(" ", "").replace("-", "")
        if self.model.rowCount() == 0 and typed.isdigit():
            self.entered.emit(typed, False)
        elif self.model.rowCount():
            self.choose_row(0)  # several matches: the first one on the card; Enter again prints it

    @Slot()
    def search(self) -> None:
        text = self.search_box.text()
        self._seq += 1
        seq = self._seq
        self.client.submit(
            lambda h: h.accounts.find(text, limit=RESULTS),
            while_alive(self, lambda r: self._on_results(seq, text, r)),
            while_alive(self, self.failed.emit),
        )

    def _on_results(self, seq: int, text: str, found: AccountSearch) -> None:
        if seq != self._seq:
            return  # the clerk typed on meanwhile: a newer search is on its way
        self._searched_text = text
        self.model.show(found)
        if found.account_list is not None:
            self.show_list(found.account_list)
        typed = bool(self.search_box.text().strip())
        if typed and not found.query.clauses:
            note = self.tr("Type more: at least 4 digits, or a name or address.")
        elif found.more:
            note = self.tr("More than %1 matches: type more to narrow them.").replace(
                "%1", str(len(found.hits))
            )
        elif typed and not found.hits:
            note = self.tr("No account found in the hall's list.")
        else:
            note = ""
        self.note.setText(note)
        if self._enter_waiting:
            self._settle()
        elif len(found.hits) == 1 and found.hits[0].clause.kind is ClauseKind.ACCOUNT_EXACT:
            self.choose_row(0)
        self.searched.emit()

    def choose_row(self, row: int) -> None:
        hit = self.model.hit_at(row)
        if hit is not None:
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.chosen.emit(hit.account.number)
