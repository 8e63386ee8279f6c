"""The account card of the payment panel: the 户号 large, masked name/address/phone, the amount due and
due date, and the date of those figures — marked in amber when not current, never shown without it."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from counter_app.ui import style
from counter_app.ui.payments.channels import CARD
from counter_app.ui.payments.messages import withholding_label
from counter_app.ui.text_breaks import tidy
from counter_app.ui.widgets import make_label

if TYPE_CHECKING:
    from counter_app.services.payments.guidance import Guidance


class AccountCardView(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountCard")
        self.setStyleSheet(f"#accountCard {{ {CARD} }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(2)
        top = QHBoxLayout()
        self.caption = make_label(font=style.font(11), colour=style.MUTED)
        self.record_chip = make_label(font=style.font(10.5, bold=True))
        top.addWidget(self.caption)
        top.addStretch(1)
        top.addWidget(self.record_chip)
        layout.addLayout(top)
        self.number = make_label("—", font=style.font(26, bold=True), colour=style.TEAL)
        layout.addWidget(self.number)
        self.person = make_label(font=style.font(12.5), wrap=True)
        self.details = make_label(font=style.font(10.5), colour=style.MUTED, wrap=True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        for label in (self.number, self.person):
            label.setTextFormat(Qt.TextFormat.PlainText)  # names are data: never read as markup
        layout.addWidget(self.person)
        layout.addWidget(self.details)
        figures = QHBoxLayout()
        self.amount = make_label(font=style.font(16, bold=True))
        self.due = make_label(font=style.font(12))
        figures.addWidget(self.amount)
        figures.addSpacing(16)
        figures.addWidget(self.due)
        figures.addStretch(1)
        layout.addLayout(figures)
        dates = QHBoxLayout()
        self.as_of = make_label(font=style.font(11))
        self.stale_chip = make_label(font=style.font(10.5, bold=True))
        dates.addWidget(self.as_of)
        dates.addWidget(self.stale_chip)
        dates.addStretch(1)
        layout.addLayout(dates)
        self.guidance: Guidance | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Account number (户号)"))
        self._show()

    def show_guidance(self, guidance: Guidance | None) -> None:
        self.guidance = guidance
        self._show()

    def _figures_shown(self, shown: bool) -> None:
        """Only an account on record has figures; a walk-in card shows none (not even empty lines)."""
        for label in (self.details, self.amount, self.due, self.as_of):
            label.setVisible(shown)
            if not shown:
                label.setText("")

    @staticmethod
    def _chip(label: QLabel, text: str, colour: str) -> None:
        label.setText(text)
        label.setStyleSheet(f"background: {colour}; color: white; border-radius: 6px; padding: 3px 8px;")
        label.setVisible(bool(text))

    def _show(self) -> None:
        guidance = self.guidance
        if guidance is None:
            self.number.setText("—")
            self.person.setText(self.tr("Find an account on the left, or type a number that has no record."))
            self._figures_shown(False)
            self.record_chip.hide()
            self.stale_chip.hide()
            return
        self.number.setText(guidance.account_number)
        card = guidance.card
        if card is None:
            self._chip(self.record_chip, self.tr("No record in the hall's list"), style.AMBER)
            self.person.setText(
                self.tr("Walk-in: the slip tells the customer to check the amount in the app.")
            )
            self._figures_shown(False)
            self.stale_chip.hide()
            return
        account = card.account
        self._figures_shown(True)
        self._chip(self.record_chip, self.tr("On record"), style.GREEN)
        shown = account.masked()
        self.person.setText(f"{shown.name}   ·   {shown.address}")
        details = [html.escape(d) for d in (shown.phone, account.tariff_class) if d]
        withholding = html.escape(withholding_label(account.withholding.value))
        if account.withholding.value != "signed":  # the sign-up guide is below the channels
            withholding = f'<span style="color: {style.AMBER}; font-weight: bold;">{withholding}</span>'
        self.details.setText("   ·   ".join([*details, withholding]))
        if account.owes:
            self.amount.setText(tidy(self.tr("Amount due %1 yuan").replace("%1", f"{account.arrears:,.2f}")))
            self.amount.setStyleSheet(f"color: {style.RED};")
        else:
            self.amount.setText(
                tidy(self.tr("Nothing due · prepaid %1 yuan").replace("%1", f"{account.credit:,.2f}"))
            )
            self.amount.setStyleSheet(f"color: {style.GREEN};")
        due = account.due_date.isoformat() if account.due_date else ""
        self.due.setText(tidy(self.tr("Pay by %1").replace("%1", due)) if due and account.owes else "")
        fresh = card.freshness
        if fresh.as_of is None:
            self.as_of.setText(self.tr("Data date unknown"))
            self._chip(self.stale_chip, self.tr("Not current: check before quoting"), style.AMBER)
        else:
            self.as_of.setText(tidy(self.tr("Data as of %1").replace("%1", fresh.as_of.isoformat())))
            if fresh.stale:
                text = self.tr("Not current: %1 days old, check before quoting").replace(
                    "%1", str(fresh.age_days)
                )
                self._chip(self.stale_chip, text, style.AMBER)
            else:
                self.stale_chip.hide()
