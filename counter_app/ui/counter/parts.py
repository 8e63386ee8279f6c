"""Parts of the counter window that only show values: the current customer's card, today's figures,
and the waiting-line page. The window fills them; they never call the hall."""

from __future__ import annotations

from PySide6.QtCore import Qt
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

from counter_app.ui import style
from counter_app.ui.counter.models import WaitingModel
from counter_app.ui.text_breaks import plain, tidy

CARD = "background: white; border: 1px solid #d5dede; border-radius: 12px;"


class CurrentCard(QFrame):
    """The customer at the counter: the number large, the service, the green-channel badge and how
    long they waited and have been served. Fixed in size, whatever it says."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="card")
        self.setStyleSheet(f"#card {{ {CARD} }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 14, 22, 14)
        layout.setSpacing(4)
        self.caption = QLabel(font=style.font(12), styleSheet=f"color: {style.MUTED};")
        self.number = QLabel("—", font=style.font(52, bold=True), styleSheet=f"color: {style.TEAL};")
        self.service = QLabel(font=style.font(17), wordWrap=True)
        self.service.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.badge = QLabel(font=style.font(12, bold=True))
        self.badge.setStyleSheet(
            f"background: {style.GREEN}; color: white; border-radius: 6px; padding: 3px 10px;"
        )
        self.badge.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.detail = QLabel(font=style.font(12), styleSheet=f"color: {style.MUTED};")
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
        super().__init__(parent, objectName="figures")
        self.setStyleSheet("#figures { background: white; border: 1px solid #d5dede; border-radius: 10px; }")
        grid = QGridLayout(self)
        grid.setContentsMargins(14, 8, 14, 8)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        self.title = QLabel(font=style.font(11), styleSheet=f"color: {style.MUTED};")
        grid.addWidget(self.title, 0, 0, 1, 4)
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for i, key in enumerate(self.KEYS):
            caption = QLabel(font=style.font(11), styleSheet=f"color: {style.MUTED};")
            value = QLabel(font=style.font(12, bold=True))
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
        self.title = QLabel(font=style.font(14, bold=True))
        layout.addWidget(self.title)
        row = QHBoxLayout()  # counts and the long-wait alert share one line: the table never moves
        self.counts = QLabel(font=style.font(12))
        self.counts.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.alert = QLabel(font=style.font(12, bold=True), styleSheet=f"color: {style.RED};")
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
