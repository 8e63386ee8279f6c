"""Pieces of the payment panel: the hall's channels with their steps (ticked ones go on the slip) and
the bank withholding (代扣) sign-up guide. Wording is the hall profile's, in the UI language."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from counter_app.domain.payment_channels import PaymentChannel, WithholdingGuide
from counter_app.ui import style

T = TypeVar("T")

CARD = "background: white; border: 1px solid #d5dede; border-radius: 10px;"


class ChannelRow(QFrame):
    """One channel: a check box with its name (and whether the slip gets a QR code), then its steps."""

    toggled = Signal()

    def __init__(self, channel: PaymentChannel) -> None:
        super().__init__(objectName="channelRow")
        self.channel = channel
        self.setStyleSheet("#channelRow { border-bottom: 1px solid #e3e9e9; }")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        self.check = QCheckBox(font=style.font(12, bold=True))
        self.check.toggled.connect(self.toggled)
        self.steps = QLabel(wordWrap=True, font=style.font(10.5))
        self.steps.setStyleSheet(f"color: {style.MUTED}; margin-left: 24px;")
        self.steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.check)
        layout.addWidget(self.steps)

    def show_in(self, language: str, company: str, qr_label: str, offline_label: str) -> None:
        tags = [qr_label] if self.channel.qr_url else []
        if not self.channel.online:
            tags.append(offline_label)
        suffix = f"   [{' · '.join(tags)}]" if tags else ""
        self.check.setText(self.channel.name_for(language) + suffix)
        steps = self.channel.steps_for(language, company)
        self.steps.setText("\n".join(f"{n}. {step}" for n, step in enumerate(steps, start=1)))


class ChannelList(QWidget):
    """The channels in profile order; :meth:`checked` lists the ticked codes in that order."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self.rows: list[ChannelRow] = []

    def set_channels(self, channels: Sequence[PaymentChannel]) -> None:
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        for channel in channels:
            row = ChannelRow(channel)
            row.toggled.connect(self.changed)
            self._layout.addWidget(row)
            self.rows.append(row)
        self._layout.addStretch(1)

    def show_in(self, language: str, company: str, qr_label: str, offline_label: str) -> None:
        for row in self.rows:
            row.show_in(language, company, qr_label, offline_label)

    def set_checked(self, codes: Sequence[str]) -> None:
        for row in self.rows:
            row.check.setChecked(row.channel.code in codes)

    def checked(self) -> list[str]:
        return [row.channel.code for row in self.rows if row.check.isChecked()]

    def row(self, code: str) -> ChannelRow | None:
        return next((r for r in self.rows if r.channel.code == code), None)


class WithholdingBox(QFrame):
    """代扣 sign-up: what to bring, the steps and the closing note (shown when the account has none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="withholding")
        self.setStyleSheet(f"#withholding {{ background: {style.TEAL_LIGHT}; border-radius: 10px; }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        self.title = QLabel(font=style.font(12, bold=True), wordWrap=True)
        self.body = QLabel(font=style.font(10.5), wordWrap=True)
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
