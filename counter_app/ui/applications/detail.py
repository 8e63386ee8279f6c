"""One application on screen: who applied, where it stands, when it is due, what is still missing, its
history, and the workflow actions with the two papers to print.

The view only shows values and says which action the clerk asked for (:attr:`action`); the panel runs
it through the hall worker. Full ID and phone appear only when the service sent them (owner or
supervisor, access recorded); everyone else sees them masked, and actions they may not take are off.

What may be long (the card, the stages, the history) scrolls in the view; every action (the owed
document received, the workflow keys, the papers) is in :attr:`ApplicationDetailView.action_bar`, a bar
the panel pins below it, so no action is ever below the fold, at 1366×768 as at 1920×1080.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.applications.business_types import Party
from counter_app.domain.applications.detail import (
    ApplicationDetail,
    DocumentState,
    HistoryEntry,
    StagePosition,
)
from counter_app.domain.applications.workflow import Status
from counter_app.qt_i18n import current_language
from counter_app.ui import style
from counter_app.ui.applications.card import ApplicationCard
from counter_app.ui.applications.messages import (
    event_name,
    notice_text,
    status_title,
)
from counter_app.ui.applications.models import HistoryModel
from counter_app.ui.widgets import make_button, make_label

ACTIVE = (Status.ACCEPTED, Status.IN_PROGRESS, Status.RETURNED)
STATUS_COLOURS = {
    Status.ACCEPTED: style.TEAL,
    Status.IN_PROGRESS: style.TEAL,
    Status.RETURNED: style.AMBER,
    Status.SUSPENDED: style.AMBER,
    Status.COMPLETED: style.GREEN,
    Status.WITHDRAWN: style.MUTED,
}


class ApplicationDetailView(QWidget):
    """Emits :attr:`action` with ``advance``, ``complete``, ``return``, ``suspend``, ``resume``,
    ``withdraw``, ``hand_over``, ``collect``, ``print_receipt`` or ``print_notice``."""

    action = Signal(str)

    def __init__(self, stage_name: Callable[[str, str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: ApplicationDetail | None = None
        self._stage_name = stage_name
        self._busy = False
        self._build()
        self.retranslate()
        self.show_detail(None)

    def _build(self) -> None:
        self.setStyleSheet("QPushButton { padding: 4px 10px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.header = self._header()
        self.body = QWidget()  # everything but the title: hidden until an application is chosen
        layout.addWidget(self.body, 1)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)

        self.card = ApplicationCard()
        layout.addWidget(self.card)
        self.privacy = make_label(colour=style.MUTED, wrap=True)
        self.alert = QLabel(wordWrap=True)
        self.alert.setStyleSheet(f"color: {style.RED}; font-weight: bold;")
        self.stages = QLabel(wordWrap=True)
        for label in (self.privacy, self.alert, self.stages):
            layout.addWidget(label)

        self.documents = QLabel(wordWrap=True)
        layout.addWidget(self.documents)

        self.history_model = HistoryModel(self._describe_event)
        self.history = QTableView()
        self.history.setModel(self.history_model)
        self.history.verticalHeader().setVisible(False)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.setMinimumHeight(120)
        self.history.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.history, 1)
        self.action_bar = self._action_bar()

    def _header(self) -> QWidget:
        """Number, status and business, with the two papers: pinned above what scrolls."""
        header = QWidget()
        header.setObjectName("detailHeader")
        header.setStyleSheet("QPushButton { padding: 4px 10px; }")
        head = QHBoxLayout(header)
        head.setContentsMargins(0, 4, 0, 4)
        self.number = make_label(font=style.font(16, bold=True), colour=style.TEAL_DARK)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = make_label(font=style.font(11, bold=True))
        self.type = make_label(font=style.font(12.5, bold=True))
        self.type.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens
        head.addWidget(self.number)
        head.addWidget(self.status)
        head.addWidget(self.type, 1)
        self.paper = QComboBox()
        for key in ("a4", "a5", "80mm"):
            self.paper.addItem(key, key)
        self.paper_label = QLabel()
        self.buttons: dict[str, QPushButton] = {}
        self.buttons["print_receipt"] = make_button(clicked=lambda: self.action.emit("print_receipt"))
        self.buttons["print_notice"] = make_button(clicked=lambda: self.action.emit("print_notice"))
        head.addWidget(self.paper_label)
        head.addWidget(self.paper)
        head.addWidget(self.buttons["print_receipt"])
        head.addWidget(self.buttons["print_notice"])
        return header

    def _action_bar(self) -> QWidget:
        """Every action on one application, in rows of fixed height (nothing moves between them)."""
        bar = QWidget()
        bar.setObjectName("detailActions")
        bar.setStyleSheet("QPushButton { padding: 4px 10px; }")
        layout = QVBoxLayout(bar)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(6)

        docs = QHBoxLayout()  # a document the customer brings now, and the note for the next action
        self.owed = QComboBox()
        self.owed.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.owed.currentIndexChanged.connect(lambda _: self._update_buttons())
        self.collect_button = make_button(clicked=lambda: self.action.emit("collect"))
        self.buttons["collect"] = self.collect_button
        self.note = QLineEdit()
        self.note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        docs.addWidget(self.owed, 2)
        docs.addWidget(self.collect_button)
        docs.addWidget(self.note, 3)
        layout.addLayout(docs)
        actions = QGridLayout()
        actions.setSpacing(6)
        for column, key in enumerate(("advance", "complete", "suspend", "resume", "withdraw")):
            button = make_button()
            button.clicked.connect(lambda _=False, k=key: self.action.emit(k))
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            if key in ("advance", "complete"):
                button.setProperty("primary", True)
            if key == "withdraw":
                button.setProperty("warn", True)
            self.buttons[key] = button
            actions.addWidget(button, 0, column)
        self.buttons["return"] = make_button(clicked=lambda: self.action.emit("return"))
        self.return_stage = QComboBox()
        self.return_stage.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.buttons["hand_over"] = make_button(clicked=lambda: self.action.emit("hand_over"))
        self.hand_over_to = QLineEdit()
        self.hand_over_to.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        actions.addWidget(self.buttons["return"], 1, 0)
        actions.addWidget(self.return_stage, 1, 1)
        actions.addWidget(self.buttons["hand_over"], 1, 2)
        actions.addWidget(self.hand_over_to, 1, 3, 1, 2)
        for column in range(5):
            actions.setColumnStretch(column, 1)
        layout.addLayout(actions)
        return bar

    # language ----------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        texts = {
            "advance": self.tr("Advance"),
            "complete": self.tr("Complete"),
            "return": self.tr("Return to"),
            "suspend": self.tr("Suspend"),
            "resume": self.tr("Resume"),
            "withdraw": self.tr("Withdraw"),
            "hand_over": self.tr("Hand over to"),
            "collect": self.tr("Document received"),
            "print_receipt": self.tr("Print receipt"),
            "print_notice": self.tr("Print one-time notice"),
        }
        for key, button in self.buttons.items():
            button.setText(texts[key])
        self.note.setPlaceholderText(self.tr("Note or reason (required to return, suspend or withdraw)"))
        self.owed.setPlaceholderText(self.tr("No document owed"))
        self.hand_over_to.setPlaceholderText(self.tr("clerk's staff code"))
        self.paper_label.setText(self.tr("Paper"))
        for i, text in enumerate((self.tr("A4"), self.tr("A5"), self.tr("80 mm roll (receipt)"))):
            self.paper.setItemText(i, text)
        self.show_detail(self.detail)

    # showing -----------------------------------------------------------------------------------
    def _describe_event(self, entry: HistoryEntry) -> str:
        text = event_name(entry.kind)
        d = entry.detail
        btype = self.detail.business_type if self.detail else ""
        if entry.kind in ("advanced", "returned"):
            target = self._stage_name(btype, str(d.get("to_stage", "")))
            return f"{text} → {target}"
        if entry.kind == "handed_over":
            return f"{text} → {d.get('to_owner', '')}"
        if entry.kind == "document_collected" and self.detail:
            doc = next((x for x in self.detail.documents if x.code == d.get("document")), None)
            return f"{text}: {doc.names.get(current_language()) if doc else d.get('document', '')}"
        return text

    def show_detail(self, detail: ApplicationDetail | None) -> None:
        self.detail = detail
        self.body.setVisible(detail is not None)
        if detail is None:
            self._show_none()
            return
        self.action_bar.setEnabled(True)
        self.paper.setEnabled(True)
        lang = current_language()
        self.number.setText(detail.number)
        colour = STATUS_COLOURS.get(detail.status, style.TEAL)
        self.status.setText(status_title(detail.status.value))
        self.status.setStyleSheet(
            f"background: {colour}; color: white; border-radius: 5px; padding: 2px 8px;"
        )
        self.type.setText(detail.type_names.get(lang))
        self.card.show_detail(detail)
        if detail.applicant.unmasked:
            self.privacy.setText(
                self.tr("Full ID and phone shown to you as owner or supervisor; this view is recorded.")
            )
        else:
            self.privacy.setText(
                self.tr("ID and phone masked: only the owner or a supervisor sees them in full.")
            )
        alerts = self._alerts(detail)
        self.alert.setText("  ".join(alerts))
        self.alert.setVisible(bool(alerts))
        self._show_stages(detail, lang)
        self._show_documents(detail, lang)
        self.history_model.set_entries(detail.history)
        self.return_stage.clear()
        for s in detail.schedule:
            if s.position is StagePosition.DONE and detail.is_open:
                self.return_stage.addItem(s.names.get(lang), s.code)
        self._update_buttons()

    def _show_none(self) -> None:
        self.number.setText(self.tr("Choose an application in the list"))
        self.status.clear()
        self.type.clear()
        self.card.show_detail(None)
        for label in (self.privacy, self.alert, self.stages, self.documents):
            label.clear()
        self.owed.clear()
        self.history_model.set_entries(())
        self.return_stage.clear()
        for part in (
            self.action_bar,
            self.paper,
            self.buttons["print_receipt"],
            self.buttons["print_notice"],
        ):
            part.setEnabled(False)

    def _alerts(self, detail: ApplicationDetail) -> list[str]:
        """What the clerk must notice: overdue, a stopped clock, provisional dates, the rules'
        notices, and who may act."""
        alerts = []
        if detail.overdue:
            alerts.append(self.tr("Overdue."))
        if detail.suspended_since:
            alerts.append(
                self.tr("Clock stopped since %1.").replace("%1", detail.suspended_since.isoformat())
            )
        elif detail.customer_step:
            alerts.append(self.tr("The customer's part: no clock runs until they hand it over."))
        if detail.stage_capped:
            alerts.append(
                self.tr("This step is due when the company's limit for all steps runs out, before its own.")
            )
        if detail.provisional_years:
            years = ", ".join(str(y) for y in detail.provisional_years)
            alerts.append(
                self.tr(
                    "Due dates in %1 are provisional: the official holiday schedule is not published yet."
                ).replace("%1", years)
            )
        alerts += [notice_text(n.code, n.message) for n in detail.notices]
        if not detail.may_act and detail.is_open:
            alerts.append(
                self.tr("Only %1 or a supervisor may act on this application.").replace("%1", detail.owner)
            )
        return alerts

    def _show_stages(self, detail: ApplicationDetail, lang: str) -> None:
        marks = {StagePosition.DONE: "✓", StagePosition.CURRENT: "▶", StagePosition.NEXT: "○"}
        parts = []
        for s in detail.schedule:
            text = f"{marks[s.position]} {s.names.get(lang)}"
            if s.party is Party.CUSTOMER and s.position is not StagePosition.DONE:
                text += " " + self.tr("(customer)")
            if s.due and s.position is not StagePosition.DONE:
                text += f" ({self.card.due_text(s.due)})"
            parts.append(text)
        self.stages.setText("  →  ".join(parts))

    def _show_documents(self, detail: ApplicationDetail, lang: str) -> None:
        """Each document and where it stands; the owed ones (red) are offered in the bar."""
        lines = []
        with QSignalBlocker(self.owed):
            self.owed.clear()
            for doc in detail.documents:
                state = {
                    DocumentState.PRESENTED: self.tr("shown"),
                    DocumentState.OWED: self.tr("missing, due %1").replace("%1", str(doc.due_day)),
                    DocumentState.COLLECTED: self.tr("received %1").replace(
                        "%1", doc.collected_at.strftime("%Y-%m-%d") if doc.collected_at else ""
                    ),
                }[doc.state]
                line = html.escape(f"{doc.names.get(lang)} — {state}")
                if doc.state is DocumentState.OWED:
                    line = f'<span style="color: {style.RED};">{line}</span>'
                    if detail.is_open:
                        self.owed.addItem(f"{doc.names.get(lang)} — {state}", doc.code)
                lines.append(line)
        self.documents.setText("<br>".join(lines))

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        d = self.detail
        if d is None:
            return
        acting = d.may_act and not self._busy
        active = d.status in ACTIVE
        owed = self.selected_document() != ""
        enabled = {
            "advance": acting and active and not d.at_last_stage,
            "complete": acting and active and d.at_last_stage,
            "return": acting and active and self.return_stage.count() > 0,
            "suspend": acting and active,
            "resume": acting and d.status is Status.SUSPENDED,
            "withdraw": acting and d.is_open,
            "hand_over": acting and d.is_open,
            "collect": not self._busy and d.is_open and owed,
            "print_receipt": not self._busy,
            "print_notice": not self._busy,
        }
        for key, button in self.buttons.items():
            button.setEnabled(enabled[key])
        self.owed.setEnabled(self.owed.count() > 0 and not self._busy)
        self.return_stage.setEnabled(enabled["return"])
        self.hand_over_to.setEnabled(enabled["hand_over"])
        tip = (
            ""
            if d.may_act
            else self.tr("Only %1 or a supervisor may act on this application.").replace("%1", d.owner)
        )
        tips = {
            "advance": self.tr("Finish the current stage and move to the next one"),
            "suspend": self.tr("Stop the clock while waiting for the customer (say why in the note)"),
            "return": self.tr("Send back to an earlier stage (say why in the note)"),
        }
        for key in ("advance", "complete", "return", "suspend", "resume", "withdraw", "hand_over"):
            self.buttons[key].setToolTip(tip or tips.get(key, ""))

    # what the clerk chose ----------------------------------------------------------------------
    def selected_document(self) -> str:
        """The owed document chosen in the bar (the first one unless the clerk chose another)."""
        code = self.owed.currentData()
        if code is None or self.detail is None:
            return ""
        doc = next((d for d in self.detail.documents if d.code == code), None)
        return str(code) if doc is not None and doc.state is DocumentState.OWED else ""

    def paper_key(self) -> str:
        return str(self.paper.currentData())
