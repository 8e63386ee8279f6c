"""Pieces of the payment panel: the hall's channels with their steps (ticked ones go on the slip) and
the bank withholding (代扣) sign-up guide. Wording is the hall profile's, in the UI language."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QGridLayout, QSizePolicy, QVBoxLayout, QWidget

from counter_app.domain.payments.channels import PaymentChannel, WithholdingGuide
from counter_app.ui import style
from counter_app.ui.widgets import make_label

T = TypeVar("T")

CARD = "background: white; border: 1px solid #d5dede; border-radius: 10px;"


class ChannelRow(QWidget):
    """One channel: a check box with its name and whether the slip gets a QR code for it. Its steps
    are shown below the grid of channels when it is the one in focus (:class:`ChannelList`)."""

    toggled = Signal()
    focused = Signal(object)

    def __init__(self, channel: PaymentChannel) -> None:
        super().__init__()
        self.channel = channel
        self.steps_text = ""
        self.name = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox()
        self.check.setFont(style.font(11, bold=True))
        self.check.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.check.toggled.connect(self.toggled)
        self.check.toggled.connect(lambda _: self.focused.emit(self))
        self.check.installEventFilter(self)
        layout.addWidget(self.check)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.Enter):
            self.focused.emit(self)
        return False

    def show_in(self, language: str, company: str, qr_label: str, offline_label: str) -> None:
        tags = [qr_label] if self.channel.qr_url else []
        if not self.channel.online:
            tags.append(offline_label)
        suffix = f" [{' · '.join(tags)}]" if tags else ""
        self.name = self.channel.name_for(language)
        self.check.setText(self.name + suffix)
        self.check.setToolTip(self.check.text())
        steps = self.channel.steps_for(language, company)
        self.steps_text = "\n".join(f"{n}. {step}" for n, step in enumerate(steps, start=1))


class ChannelList(QWidget):
    """The channels in profile order as a grid of check boxes (every one reachable without
    scrolling), and the steps of the one in focus; :meth:`checked` lists the ticked codes in order."""

    changed = Signal()
    COLUMNS = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(10)
        self._grid.setVerticalSpacing(0)
        layout.addLayout(self._grid)
        self.steps = make_label(font=style.font(10.5), wrap=True)
        self.steps.setStyleSheet(f"color: {style.MUTED};")
        self.steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.steps.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.steps.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.rows: list[ChannelRow] = []
        self.current: ChannelRow | None = None

    def set_channels(self, channels: Sequence[PaymentChannel]) -> None:
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        for i, channel in enumerate(channels):
            row = ChannelRow(channel)
            row.toggled.connect(self.changed)
            row.focused.connect(self._show_steps)
            self._grid.addWidget(row, i // self.COLUMNS, i % self.COLUMNS)
            self.rows.append(row)
        for column in range(self.COLUMNS):
            self._grid.setColumnStretch(column, 1)
        self.current = self.rows[0] if self.rows else None

    def show_in(self, language: str, company: str, qr_label: str, offline_label: str) -> None:
        for row in self.rows:
            row.show_in(language, company, qr_label, offline_label)
        self._show_steps(self.current)

    def _show_steps(self, row: object) -> None:
        if isinstance(row, ChannelRow):
            self.current = row
            self.steps.setText(f"{row.name}：\n{row.steps_text}" if row.steps_text else "")

    def set_checked(self, codes: Sequence[str]) -> None:
        """Tick these channels (the steps shown stay those of the channel the clerk looked at)."""
        current = self.current
        for row in self.rows:
            row.check.setChecked(row.channel.code in codes)
        self._show_steps(current)

    def checked(self) -> list[str]:
        return [row.channel.code for row in self.rows if row.check.isChecked()]

    def row(self, code: str) -> ChannelRow | None:
        return next((r for r in self.rows if r.channel.code == code), None)


class WithholdingBox(QFrame):
    """代扣 sign-up: what to bring, the steps and the closing note (shown when the account has none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("withholding")
        self.setStyleSheet(f"#withholding {{ background: {style.TEAL_LIGHT}; border-radius: 10px; }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        self.title = make_label(font=style.font(12, bold=True), wrap=True)
        self.body = make_label(font=style.font(10.5), wrap=True)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        self.guide: WithholdingGuide | None = None

    def show_guide(
        self, guide: WithholdingGuide | None, language: str, company: str, reason: str, bring_label: str
    ) -> None:
        self.guide = guide
        self.setVisible(guide is not None)
        if guide is None:
            return
        self.title.setText(f"{guide.title.get(language)} — {reason}")
        bring = "\n".join(f"· {item}" for item in guide.what_to_bring.get(language))
        steps = "\n".join(
            f"{n}. {step}" for n, step in enumerate(guide.steps_for(language, company), start=1)
        )
        note = guide.note.get(language) if guide.note else ""
        self.body.setText("\n".join(part for part in (bring_label, bring, steps, note) if part))
