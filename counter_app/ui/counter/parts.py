"""Parts of the counter window: the header, the call keys, the current customer's card, today's
figures and the waiting-line page. They only show what the window gives them; they never call the
hall."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.queue import CounterAction
from counter_app.ui import style
from counter_app.ui.counter.models import WaitingModel
from counter_app.ui.text_breaks import plain, tidy
from counter_app.ui.widgets import LanguageBox, make_button, make_label, teal_header

CARD = "background: white; border: 1px solid #d5dede; border-radius: 12px;"

#: The call keys (named by the action they run) in the order of their F-keys; the grid reads them in
#: rows of two.
KEYS: dict[CounterAction, str] = {
    CounterAction.NEXT: "F1",
    CounterAction.RECALL: "F2",
    CounterAction.START: "F3",
    CounterAction.NO_SHOW: "F4",
    CounterAction.TRANSFER: "F5",
    CounterAction.FINISH: "F6",
    CounterAction.CALL_NUMBER: "F7",
    CounterAction.PAUSE: "F8",
}


@dataclass
class Header:
    """The teal band: counter and hall, the services it serves, its state, the clerk, the language."""

    frame: QFrame
    title: QLabel
    subtitle: QLabel
    state_chip: QLabel
    clerk_button: QPushButton
    language_box: LanguageBox


def counter_header(language: str) -> Header:
    frame, row = teal_header(20, 8, 16, 8)
    title = make_label(font=style.font(17, bold=True))
    subtitle = make_label(font=style.font(11))
    subtitle.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    row.addWidget(title)
    row.addSpacing(14)
    row.addWidget(subtitle, 1)
    state_chip = make_label(font=style.font(12, bold=True))
    state_chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
    row.addWidget(state_chip, 0, Qt.AlignmentFlag.AlignVCenter)
    clerk_button = make_button()
    clerk_button.setStyleSheet(
        "QPushButton { background: transparent; color: white; border: 1px solid "
        "rgba(255,255,255,0.6); border-radius: 6px; padding: 4px 10px; }"
    )
    row.addWidget(clerk_button)
    language_box = LanguageBox(language)
    row.addWidget(language_box)
    return Header(frame, title, subtitle, state_chip, clerk_button, language_box)


def call_keys(window: QWidget) -> tuple[QGridLayout, dict[CounterAction, QPushButton]]:
    """The call keys in a grid of two columns, in :data:`KEYS` order; each F-key, anywhere in
    ``window``, presses its key while the key is enabled. The window connects what they do."""
    grid = QGridLayout()
    grid.setSpacing(10)
    buttons: dict[CounterAction, QPushButton] = {}
    for i, key in enumerate(KEYS):
        button = make_button(font=style.font(13, bold=key is CounterAction.NEXT))
        button.setMinimumHeight(52)
        # not button.setShortcut: setText() replaces a button's shortcut with its mnemonic
        shortcut = QShortcut(QKeySequence(KEYS[key]), window)
        shortcut.activated.connect(lambda b=button: b.isEnabled() and b.click())
        if key is CounterAction.NEXT:
            button.setProperty("primary", True)
        if key is CounterAction.NO_SHOW:
            button.setProperty("warn", True)
        grid.addWidget(button, i // 2, i % 2)
        buttons[key] = button
    return grid, buttons


class CurrentCard(QFrame):
    """The customer at the counter: the number large, the service, the green-channel badge and how
    long they waited and have been served. Fixed in size, whatever it says."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setStyleSheet(f"#card {{ {CARD} }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 14, 22, 14)
        layout.setSpacing(4)
        self.caption = make_label(font=style.font(12), colour=style.MUTED)
        self.number = make_label("—", font=style.font(52, bold=True), colour=style.TEAL)
        self.service = make_label(font=style.font(17), wrap=True)
        self.service.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.badge = make_label(font=style.font(12, bold=True))
        self.badge.setStyleSheet(
            f"background: {style.GREEN}; color: white; border-radius: 6px; padding: 3px 10px;"
        )
        self.badge.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.detail = make_label(font=style.font(12), colour=style.MUTED)
        self.detail.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row = QHBoxLayout()
        row.addWidget(self.number)
        row.addSpacing(14)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(self.service)
        column.addWidget(self.badge)
        column.addStretch(1)
        row.addLayout(column, 1)
        layout.addWidget(self.caption)
        layout.addLayout(row)
        layout.addWidget(self.detail)
        # the badge's place is kept when it is hidden: the card does not jump when a green customer comes
        policy = self.badge.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.badge.setSizePolicy(policy)


class FiguresBox(QFrame):
    """Today's figures at this counter in a fixed grid (no sentence to wrap in a narrow box)."""

    KEYS = ("served", "no_shows", "service", "wait")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figures")
        self.setStyleSheet("#figures { background: white; border: 1px solid #d5dede; border-radius: 10px; }")
        grid = QGridLayout(self)
        grid.setContentsMargins(14, 8, 14, 8)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        self.title = make_label(font=style.font(11), colour=style.MUTED)
        grid.addWidget(self.title, 0, 0, 1, 4)
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for i, key in enumerate(self.KEYS):
            caption = make_label(font=style.font(11), colour=style.MUTED)
            value = make_label(font=style.font(12, bold=True))
            grid.addWidget(caption, 1 + i // 2, (i % 2) * 2)
            grid.addWidget(value, 1 + i // 2, (i % 2) * 2 + 1)
            self.captions[key], self.values[key] = caption, value
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

    def set_captions(self, title: str, captions: dict[str, str]) -> None:
        self.title.setText(title)
        for key, text in captions.items():
            self.captions[key].setText(text)

    def set_values(self, values: dict[str, str]) -> None:
        for key, text in values.items():
            self.values[key].setText(tidy(text))

    def text(self) -> str:
        """All figures as one line (what a screen reader or a test reads)."""
        parts = [f"{self.captions[k].text()} {plain(self.values[k].text())}" for k in self.KEYS]
        return f"{self.title.text()} " + " · ".join(parts)


class LinePage(QWidget):
    """The waiting line of the counter's services, in the order its "next" key calls them."""

    def __init__(self, model: WaitingModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        self.title = make_label(font=style.font(14, bold=True))
        layout.addWidget(self.title)
        row = QHBoxLayout()  # counts and the long-wait alert share one line: the table never moves
        self.counts = make_label(font=style.font(12))
        self.counts.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.alert = make_label(font=style.font(12, bold=True), colour=style.RED)
        self.alert.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.alert.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(self.counts, 1)
        row.addWidget(self.alert, 1)
        layout.addLayout(row)
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setFont(style.font(12))
        self.table.setStyleSheet("QTableView { background: white; border: 1px solid #e3e8e8; }")
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        layout.addWidget(self.table, 1)
        tools = QHBoxLayout()
        self.requeue_button = QPushButton()
        self.reprint_button = QPushButton()
        tools.addWidget(self.requeue_button, 1)
        tools.addWidget(self.reprint_button, 1)
        layout.addLayout(tools)
