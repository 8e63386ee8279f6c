"""The counter's view of 首问负责制: a strip beside the current customer (who handed them over and
why, who owns the visit; the outcome of an inquiry or complaint, F9 to record it), and a tab with the
visits this clerk owns that are handed over and not yet done, and the customers handed to this
counter who are still waiting (F7 or a double-click calls one).

Both follow the hall through the client's change notifications, each with its own read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.profile import HallProfile
from counter_app.domain.quality.records import Handover
from counter_app.qt_i18n import current_language
from counter_app.ui import style
from counter_app.ui.counter.handover import VisitNoteDialog
from counter_app.ui.hall_client import HallClient, Reload, while_alive
from counter_app.ui.messages import QT_TRANSLATE_NOOP, describe
from counter_app.ui.quality_messages import outcome_name, state_name
from counter_app.ui.table_model import CellValue, Index, ValueTableModel
from counter_app.ui.widgets import make_button, make_label

if TYPE_CHECKING:  # the hall and its values are annotations here; importing them loads the store
    from counter_app.services.hall import Hall
    from counter_app.services.quality.visits import CounterDesk

NOTE_KEY = "F9"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Handovers", text)


class _DeskReader:
    """One coalesced read of the counter's desk, on every change in the hall."""

    def __init__(
        self,
        client: HallClient[Hall],
        counter: int,
        clerk: Callable[[], str],
        show: Callable[[CounterDesk], None],
    ) -> None:
        self.counter = counter
        self.clerk = clerk
        self.reload = Reload(client, self._job, show, lambda exc: None)
        client.changed.connect(self.reload)

    def _job(self) -> Callable[[Hall], CounterDesk]:
        counter, clerk = self.counter, self.clerk()
        return lambda hall: hall.quality.desk.desk(counter, clerk)


class CustomerHandoverStrip(QFrame):
    """Under the current customer: the hand-over they came with, the visit's owner, the outcome."""

    changed = Signal()

    def __init__(
        self,
        client: HallClient[Hall],
        counter: int,
        clerk: Callable[[], str],
        keys_on: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.client = client
        self.profile: HallProfile = client.profile
        self.counter = counter
        self.desk: CounterDesk | None = None
        self.setObjectName("handoverStrip")
        self.setStyleSheet(
            "#handoverStrip { background: #fff8e6; border: 1px solid #f0d9a0; border-radius: 10px; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 10, 6)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.received = make_label(font=style.font(11), wrap=True)
        self.outcome = make_label(font=style.font(11), wrap=True)
        self.error = make_label(font=style.font(11), colour=style.RED, wrap=True)
        for label in (self.received, self.outcome, self.error):
            texts.addWidget(label)
        layout.addLayout(texts, 1)
        self.note_button = make_button(clicked=self.edit_note)
        layout.addWidget(self.note_button, 0, Qt.AlignmentFlag.AlignVCenter)
        shortcut = QShortcut(QKeySequence(NOTE_KEY), keys_on or self)
        shortcut.activated.connect(self.edit_note)
        self._reader = _DeskReader(client, counter, clerk, while_alive(self, self._show))
        self.retranslate()
        self.error.hide()
        self.hide()
        self._reader.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.note_button.setText(self.tr("Outcome / note…") + f"  [{NOTE_KEY}]")
        if self.desk is not None:
            self._show(self.desk)

    def _service(self, code: str) -> str:
        service = self.profile.service(code)
        return f"{code} {service.names.get(current_language())}" if service else code

    def _show(self, desk: CounterDesk) -> None:
        self.desk = desk
        lines = [
            self.tr("Handed over by %1 at counter %2 (%3 → %4): %5")
            .replace("%1", h.from_clerk or "—")
            .replace("%2", str(h.from_counter))
            .replace("%3", self._service(h.from_service))
            .replace("%4", self._service(h.to_service))
            .replace("%5", h.reason)
            for h in desk.received
        ]
        if desk.received and desk.owner:
            lines.append(
                self.tr("First served by %1, who owns this visit until it is done.").replace("%1", desk.owner)
            )
        self.received.setText("\n".join(lines))
        self.received.setVisible(bool(lines))
        note = desk.note
        if note is not None:
            parts = [outcome_name(note.outcome.value)] if note.outcome else []
            parts += [note.note] if note.note else []
            self.outcome.setText(self.tr("Outcome: %1").replace("%1", " · ".join(parts)))
        else:
            self.outcome.setText(self.tr("Inquiry or complaint: record how it ended."))
        self.outcome.setVisible(desk.takes_outcome)
        self.note_button.setVisible(desk.takes_outcome)
        self.setVisible(bool(lines) or desk.takes_outcome)
        self.changed.emit()

    @Slot()
    def edit_note(self) -> None:
        desk = self.desk
        if desk is None or desk.current is None or not desk.takes_outcome:
            return
        note = desk.note
        dialog = VisitNoteDialog(
            desk.current.number, note.outcome if note else None, note.note if note else "", self.window()
        )
        if not dialog.exec():
            return
        ticket_id, outcome, text, counter = (
            desk.current.id,
            dialog.outcome(),
            dialog.note.text(),
            self.counter,
        )

        def failed(exc: BaseException) -> None:
            self.error.setText(describe(exc))
            self.error.show()
            self.show()

        self.error.hide()
        self.client.submit(
            lambda h: h.quality.desk.save_note(counter, outcome=outcome, note=text, ticket_id=ticket_id),
            lambda _note: self._reader.reload(),
            failed,
        )


class HandoverModel(ValueTableModel[Handover]):
    """Hand-overs: number, from or to where, why, since when, and where the customer is now."""

    CONTEXT = "Handovers"
    COLUMNS = (
        QT_TRANSLATE_NOOP("Handovers", "Number"),
        QT_TRANSLATE_NOOP("Handovers", "Handed"),
        QT_TRANSLATE_NOOP("Handovers", "Reason"),
        QT_TRANSLATE_NOOP("Handovers", "At"),
        QT_TRANSLATE_NOOP("Handovers", "Now"),
    )

    def __init__(self, incoming: bool) -> None:
        super().__init__()
        self.incoming = incoming

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> CellValue:
        h = self.row_at(index.row()) if index.isValid() else None
        if h is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        col = index.column()
        if col == 0:
            return h.number
        if col == 1:
            if self.incoming:
                return (
                    _tr(QT_TRANSLATE_NOOP("Handovers", "from counter %1 (%2)"))
                    .replace("%1", str(h.from_counter))
                    .replace("%2", h.from_clerk)
                )
            where = (
                _tr(QT_TRANSLATE_NOOP("Handovers", "counter %1")).replace("%1", str(h.to_counter))
                if h.to_counter
                else ""
            )
            return f"→ {h.to_service} {where}".rstrip()
        if col == 2:
            return h.reason
        if col == 3:
            return h.at.strftime("%H:%M")
        where = state_name(h.ticket_state)
        if h.ticket_counter:
            where += " · " + _tr(QT_TRANSLATE_NOOP("Handovers", "counter %1")).replace(
                "%1", str(h.ticket_counter)
            )
        return where


class HandoversPanel(QWidget):
    """The tab: visits this clerk owns, handed over, not done; customers handed to this counter."""

    loaded = Signal()

    def __init__(
        self,
        client: HallClient[Hall],
        counter: int,
        clerk: Callable[[], str],
        call: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.call = call
        self.desk: CounterDesk | None = None
        self._loaded_once = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        self.mine_title = make_label(font=style.font(13, bold=True))
        self.mine = HandoverModel(incoming=False)
        self.to_me_title = make_label(font=style.font(13, bold=True))
        self.to_me = HandoverModel(incoming=True)
        self.mine_view = self._table(self.mine)
        self.to_me_view = self._table(self.to_me)
        self.to_me_view.doubleClicked.connect(lambda index: self._call(index.row()))
        self.call_button = make_button(clicked=lambda: self._call(self.to_me_view.currentIndex().row()))
        layout.addWidget(self.to_me_title)
        layout.addWidget(self.to_me_view, 1)
        layout.addWidget(self.call_button)
        layout.addSpacing(8)
        layout.addWidget(self.mine_title)
        layout.addWidget(self.mine_view, 1)
        self.retranslate()
        self._reader = _DeskReader(client, counter, clerk, while_alive(self, self._show))
        self._reader.reload()

    @staticmethod
    def _table(model: HandoverModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        view.setFont(style.font(11))
        return view

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.mine.retranslate()
        self.to_me.retranslate()
        self.call_button.setText(self.tr("Call the selected customer now"))
        self._titles()

    def _titles(self) -> None:
        mine = len(self.desk.mine) if self.desk else 0
        to_me = len(self.desk.to_me) if self.desk else 0
        self.mine_title.setText(self.tr("Your visits handed over, not yet done: %1").replace("%1", str(mine)))
        self.to_me_title.setText(self.tr("Handed to this counter, waiting: %1").replace("%1", str(to_me)))

    def _show(self, desk: CounterDesk) -> None:
        self.desk = desk
        self.mine.set_rows(desk.mine)
        self.to_me.set_rows(desk.to_me)
        self.call_button.setEnabled(bool(desk.to_me))
        self._titles()
        if not self._loaded_once:
            self._loaded_once = True
            self.loaded.emit()

    def _call(self, row: int) -> None:
        handover = self.to_me.row_at(row if row >= 0 else 0)
        if handover is not None:
            self.call(handover.number)
