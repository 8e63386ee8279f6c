"""Dialogs of the counter for 首问负责制: why a customer is handed over (and to which counter), and
the note and outcome of an inquiry or complaint visit. Made for the keyboard: F5 and the service
letter open the hand-over; a digit picks a reason and hands over, Enter takes the one selected,
Esc keeps the customer here. In the note dialog a digit picks the outcome and Enter saves.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.profile import HallProfile
from counter_app.domain.quality.records import NOTE_MAX, REASON_MAX, VisitOutcome
from counter_app.domain.quality.settings import quality_settings
from counter_app.qt_i18n import current_language
from counter_app.ui import style
from counter_app.ui.quality_messages import outcome_name
from counter_app.ui.widgets import make_label


@dataclass(frozen=True)
class HandoverChoice:
    reason: str
    to_counter: int | None


class HandoverDialog(QDialog):
    """Why ``number`` goes to ``service_code`` (a quick choice or the clerk's words), and to which
    counter (any counter of that service by default)."""

    def __init__(
        self,
        profile: HallProfile,
        counter: int,
        number: str,
        service_code: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        language = current_language()
        service = profile.service(service_code)
        service_name = service.names.get(language) if service else service_code
        self.setWindowTitle(self.tr("Hand over %1").replace("%1", number))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        title = make_label(
            self.tr("Hand %1 over to %2 %3. Why?")
            .replace("%1", number)
            .replace("%2", service_code)
            .replace("%3", service_name),
            font=style.font(13, bold=True),
            wrap=True,
        )
        layout.addWidget(title)
        self.reasons = QListWidget()
        self.reasons.setFont(style.font(12))
        for i, names in enumerate(quality_settings(profile).handover_reasons[:9], start=1):
            item = QListWidgetItem(f"{i}  {names.get(language)}")
            # recorded in the hall's language, whatever this clerk's screen shows
            item.setData(Qt.ItemDataRole.UserRole, names.get(profile.hall.language))
            self.reasons.addItem(item)
        if self.reasons.count():
            self.reasons.setCurrentRow(0)
        self.reasons.setMaximumHeight(36 * max(1, self.reasons.count()) + 8)
        self.reasons.itemActivated.connect(lambda _item: self.accept())
        self.reasons.installEventFilter(self)  # a digit picks a reason (the list would search by it)
        layout.addWidget(self.reasons)
        self.own = QLineEdit(placeholderText=self.tr("Or type the reason (Enter hands over)"))
        self.own.setMaxLength(REASON_MAX)
        self.own.returnPressed.connect(self.accept)
        layout.addWidget(self.own)
        layout.addWidget(QLabel(self.tr("To counter:")))
        self.to_counter = QComboBox()
        self.to_counter.addItem(self.tr("Any counter serving %1").replace("%1", service_code), None)
        for setup in profile.counters:
            if service_code in setup.services and setup.number != counter:
                self.to_counter.addItem(self.tr("Counter %1").replace("%1", str(setup.number)), setup.number)
        layout.addWidget(self.to_counter)
        hint = QLabel(
            self.tr(
                "1–9 picks a reason and hands over · Enter: the selected reason · Esc: keep the customer"
            ),
            wordWrap=True,
        )
        hint.setStyleSheet(f"color: {style.MUTED};")
        layout.addWidget(hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Hand over"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Keep the customer"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reasons.setFocus()

    def choice(self) -> HandoverChoice:
        typed = self.own.text().strip()
        item = self.reasons.currentItem()
        reason = typed or (str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else "")
        data = self.to_counter.currentData()
        return HandoverChoice(reason, int(data) if data is not None else None)

    def accept(self) -> None:
        if self.choice().reason:
            super().accept()

    def _digit(self, event: QKeyEvent) -> bool:
        text = event.text()
        if self.own.hasFocus() or not text.isdigit() or not 1 <= int(text) <= self.reasons.count():
            return False
        self.reasons.setCurrentRow(int(text) - 1)
        self.accept()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and self._digit(event):
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._digit(event):
            super().keyPressEvent(event)


class VisitNoteDialog(QDialog):
    """The outcome of an inquiry or complaint visit and a short note (no personal data)."""

    def __init__(
        self,
        number: str,
        outcome: VisitOutcome | None = None,
        note: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Outcome of %1").replace("%1", number))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.addWidget(make_label(self.tr("How did the visit end?"), font=style.font(13, bold=True)))
        self.group = QButtonGroup(self)
        self.options: dict[VisitOutcome, QRadioButton] = {}
        for i, choice in enumerate(VisitOutcome, start=1):
            button = QRadioButton(f"{i}  {outcome_name(choice.value)}")
            button.setFont(style.font(12))
            self.group.addButton(button)
            layout.addWidget(button)
            self.options[choice] = button
        if outcome is not None:
            self.options[outcome].setChecked(True)
        self.note = QLineEdit(note, placeholderText=self.tr("Short note (no phone or ID numbers)"))
        self.note.setMaxLength(NOTE_MAX)
        self.note.returnPressed.connect(self.accept)
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def outcome(self) -> VisitOutcome | None:
        return next((choice for choice, button in self.options.items() if button.isChecked()), None)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if not self.note.hasFocus() and text.isdigit() and 1 <= int(text) <= len(self.options):
            list(self.options.values())[int(text) - 1].setChecked(True)
            self.note.setFocus()
            return
        super().keyPressEvent(event)
