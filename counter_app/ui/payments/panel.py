"""The payment panel (缴费引导) of the counter window: find the account as the clerk types, explain the
hall's channels, print the QR payment slip; import the account list; the property boundary helper.

Every action is one service call through :class:`HallClient`. Printing the slip records the guidance
first (one transaction, with its outbox row) and then prints on a worker of its own, so a slow printer
never holds up the counter; a failed print keeps the record and can be printed again (补打).
Personal data is masked in the list and on the card; every figure shows its "data as of" date.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.queue import Ticket
from counter_app.printing.backends import (
    PdfFileBackend,
    PrinterBackend,
)
from counter_app.qt_i18n import current_language
from counter_app.ui import style
from counter_app.ui.hall_client import HallClient, while_alive
from counter_app.ui.messages import describe_print_failure
from counter_app.ui.payments.card import AccountCardView
from counter_app.ui.payments.channels import CARD, ChannelList, WithholdingBox
from counter_app.ui.payments.messages import PAPERS, describe, text
from counter_app.ui.payments.search import AccountSearchView
from counter_app.ui.payments.slips import SlipPrinter, default_printer
from counter_app.ui.widgets import Banner, make_button, make_label

if TYPE_CHECKING:  # the hall and its values are annotations only here
    from counter_app.domain.payments.guidance import AccountListRecord
    from counter_app.services.hall import Hall
    from counter_app.services.payments.guidance import Guidance, PaymentSetup
    from counter_app.services.printing.payments import PaymentPrintOutcome


class PaymentPanel(QWidget):
    loaded = Signal()
    searched = Signal()
    guidance_shown = Signal()
    printed = Signal(object)

    def __init__(
        self,
        client: HallClient[Hall],
        counter: int,
        clerk: Callable[[], str],
        current_ticket: Callable[[], Ticket | None],
        *,
        printer: PrinterBackend | None = None,
        banner: Banner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``banner``: the counter window's status line, shared by its tabs (a panel on its own
        keeps one of its own)."""
        super().__init__(parent)
        self._shared_banner = banner
        self.client = client
        self.counter = counter
        self.clerk = clerk
        self.current_ticket = current_ticket
        self.printer = printer
        self.setup: PaymentSetup | None = None
        self.guidance: Guidance | None = None
        self.slips = SlipPrinter(client, self)
        self.slips.printed.connect(self._on_printed)
        self.slips.failed.connect(self._on_print_failed)
        self._busy = False
        self._print_when_shown: str | None = None  # Enter on an account not shown yet: print it once shown
        self.setObjectName("paymentPanel")
        self._build()
        self.retranslate()
        client.changed.connect(self.search.refresh_list)
        client.submit(
            lambda h: (h.payments.setup(), h.accounts.live_list()),
            while_alive(self, self._on_setup),
            while_alive(self, self._on_error),
        )

    # layout ----------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.setStyleSheet(style.BUTTON)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.banner = self._shared_banner or Banner()
        if self._shared_banner is None:
            outer.addWidget(self.banner)
        body = QHBoxLayout()
        body.setContentsMargins(14, 8, 14, 8)
        body.setSpacing(14)
        outer.addLayout(body, 1)

        body.addLayout(self._search_column(), 1)
        body.addLayout(self._account_column(), 1)
        self._update_buttons()

    def _search_column(self) -> QVBoxLayout:
        """The search as the clerk types, and the tools beside it (import, who repairs it)."""
        left = QVBoxLayout()
        self.search = AccountSearchView(self.client)
        self.search.chosen.connect(self.show_account)
        self.search.walk_in.connect(self.show_account)
        self.search.entered.connect(self._entered)
        self.search.searched.connect(self.searched)
        self.search.failed.connect(self._on_error)
        self.search.list_changed.connect(self._refresh_account)
        left.addWidget(self.search, 1)
        tools = QHBoxLayout()
        self.import_button = make_button(clicked=self.open_import)
        self.boundary_button = make_button(clicked=self.open_boundary)
        tools.addWidget(self.import_button)
        tools.addWidget(self.boundary_button)
        tools.addStretch(1)
        left.addLayout(tools)
        return left

    def _account_column(self) -> QVBoxLayout:
        """The account's card, the channels for the slip, and printing."""
        right = QVBoxLayout()
        right.setSpacing(6)
        self.card = AccountCardView()
        right.addWidget(self.card)
        self.channels_caption = make_label(font=style.font(12, bold=True))
        right.addWidget(self.channels_caption)
        # every channel's check box in a grid that never scrolls; the steps (of the channel in
        # focus) and the withholding guide scroll below it: reading, not acting
        self.channel_list = ChannelList()
        right.addWidget(self.channel_list)
        guide = QWidget()
        inner = QVBoxLayout(guide)
        inner.setContentsMargins(8, 4, 8, 4)
        self.withholding = WithholdingBox()
        self.withholding.hide()
        inner.addWidget(self.channel_list.steps)
        inner.addWidget(self.withholding)
        inner.addStretch(1)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(guide)
        scroll.setMinimumHeight(48)
        scroll.setStyleSheet(
            "QScrollArea { " + CARD + " } QScrollArea > QWidget > QWidget { background: white; }"
        )
        right.addWidget(scroll, 1)
        actions = QHBoxLayout()
        self.paper = QComboBox()
        for key, _label in PAPERS:
            self.paper.addItem("", key)
        saved = QSettings().value("payments/paper", "80mm")
        self.paper.setCurrentIndex(max(0, self.paper.findData(saved)))
        self.paper.currentIndexChanged.connect(
            lambda _: QSettings().setValue("payments/paper", self.paper_key())
        )
        self.pdf_button = make_button(clicked=self.save_pdf)
        self.reprint_button = make_button(clicked=self.reprint)
        self.print_button = make_button(font=style.font(13, bold=True), clicked=self.print_slip)
        self.print_button.setProperty("primary", True)
        self.print_button.setMinimumHeight(44)
        actions.addWidget(self.paper)
        actions.addWidget(self.pdf_button)
        actions.addWidget(self.reprint_button)
        right.addLayout(actions)
        right.addWidget(self.print_button)  # its own row: the panel fits beside the call keys
        return right

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.import_button.setText(self.tr("Import account list…"))
        self.boundary_button.setText(self.tr("Who repairs it? (产权分界)…"))
        self.channels_caption.setText(self.tr("Payment channels: tick the ones for the slip"))
        self.pdf_button.setText(self.tr("Save slip as PDF…"))
        self.reprint_button.setText(self.tr("Print again"))
        self.print_button.setText(self.tr("Print payment slip"))
        for i, (_key, label) in enumerate(PAPERS):
            self.paper.setItemText(i, text(str(label)))
        self.card.retranslate()
        self._show_channels()
        if self.guidance is not None:
            self._show_guidance(self.guidance)

    # data ------------------------------------------------------------------------------------------
    def _on_setup(self, result: tuple[PaymentSetup, AccountListRecord | None]) -> None:
        self.setup, account_list = result
        self.channel_list.set_channels(self.setup.channels.channels)
        self.channel_list.set_checked([c.code for c in self.setup.channels.online])
        self._show_channels()
        self.search.set_ready(True)
        self.search.show_list(account_list)
        self._update_buttons()
        self.loaded.emit()

    def _show_channels(self) -> None:
        if self.setup is not None:
            self.channel_list.show_in(
                current_language(), self.setup.company, self.tr("QR code"), self.tr("in person")
            )

    # the account -----------------------------------------------------------------------------------
    @Slot(str)
    def show_account(self, number: str) -> None:
        self.client.submit(
            lambda h: h.payments.guidance_for(number),
            while_alive(self, self._show_guidance),
            while_alive(self, self._on_error),
        )

    def focus_start(self) -> None:
        """The tab was opened: the cursor waits in the search box."""
        self.search.focus_search()

    def customer_changed(self) -> None:
        """The counter finished or called someone: the previous customer's account leaves the card
        (a slip for the wrong account, and their data left on screen, are what this prevents)."""
        self.guidance = None
        self._print_when_shown = None
        self.card.show_guidance(None)
        self.withholding.show_guide(None, current_language(), "", "", "")
        if self.setup is not None:
            self.channel_list.set_checked([c.code for c in self.setup.channels.online])
        self.search.clear()
        self.slips.forget()
        self._update_buttons()

    @Slot(str, bool)
    def _entered(self, number: str, on_record: bool) -> None:
        """Enter in the search: the account on the card gets its slip; another account is shown
        first, and printed at once when it is on the hall's list (a number with no record is only
        shown: the clerk checks it and presses Enter again)."""
        if self.guidance is not None and self.guidance.account_number == number:
            if self.print_button.isEnabled():
                self.print_slip()
            return
        self._print_when_shown = number if on_record else None
        self.show_account(number)

    @Slot()
    def _refresh_account(self) -> None:
        """The card shows the new list's figures (and their date) once another list is live."""
        if self.guidance is not None:
            self.show_account(self.guidance.account_number)

    def _show_guidance(self, guidance: Guidance) -> None:
        new = self.guidance is None or self.guidance.account_number != guidance.account_number
        self.guidance = guidance
        self.card.show_guidance(guidance)
        if new:
            self.channel_list.set_checked(guidance.suggested)
        # The guide shows for an account not signed up, or whose status the list does not give.
        known = guidance.card is not None and guidance.card.account.withholding.value != "unknown"
        reason = self.tr("not signed yet") if known else self.tr("status not known here")
        company = self.setup.company if self.setup else ""
        self.withholding.show_guide(
            guidance.withholding, current_language(), company, reason, self.tr("Bring:")
        )
        if new:  # a refresh of the same account must not wipe a print error the clerk has not read
            self.banner.clear()
        self._update_buttons()
        self.guidance_shown.emit()
        if self._print_when_shown == guidance.account_number:
            self._print_when_shown = None
            if self.print_button.isEnabled():
                self.print_slip()

    # printing --------------------------------------------------------------------------------------
    def paper_key(self) -> str:
        return str(self.paper.currentData())

    @Slot()
    def print_slip(self) -> None:
        self._record_and_print(self.printer or default_printer())

    @Slot()
    def save_pdf(self) -> None:
        if self.guidance is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save payment slip"), f"payment-{self.guidance.account_number}.pdf", "PDF (*.pdf)"
        )
        if path:
            self._record_and_print(PdfFileBackend(path))

    def _record_and_print(self, backend: PrinterBackend) -> None:
        if self.guidance is None:
            return
        self._set_busy(True)
        self.banner.info(self.tr("Printing the payment slip…"))
        self.slips.record_and_print(
            self.guidance.account_number,
            self.channel_list.checked(),
            clerk=self.clerk(),
            counter=self.counter,
            ticket=self.current_ticket(),
            backend=backend,
            paper=self.paper_key(),
        )

    def _can_reprint(self) -> bool:
        """Print again only the slip of the account on the card, never the previous customer's."""
        shown = self.guidance.account_number if self.guidance else None
        return self.slips.last_record_id is not None and self.slips.last_account == shown

    @Slot()
    def reprint(self) -> None:
        if not self._can_reprint():
            return
        self._set_busy(True)
        self.banner.info(self.tr("Printing the payment slip…"))
        self.slips.reprint(self.printer or default_printer(), self.paper_key(), self.clerk())

    def _on_printed(self, outcome: PaymentPrintOutcome) -> None:
        self._set_busy(False)
        if outcome.printed:
            label = (
                self.tr("Reprint (补打) printed.") if outcome.reprint else self.tr("Payment slip printed.")
            )
            self.banner.info(label)
        else:
            text = self.tr("The slip was not printed: %1 The guidance is recorded; use Print again.")
            self.banner.error(text.replace("%1", describe_print_failure(outcome.failure)))
        self.printed.emit(outcome)

    def _on_print_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._on_error(exc)
        self.printed.emit(None)

    # dialogs ---------------------------------------------------------------------------------------
    @Slot()
    def open_import(self) -> None:
        from counter_app.ui.payments.import_dialog import AccountImportDialog

        if self.setup is not None:
            dialog = AccountImportDialog(self.client, self.clerk(), self)
            dialog.imported.connect(lambda _: self.search.refresh_list())
            dialog.open()

    @Slot()
    def open_boundary(self) -> None:
        from counter_app.ui.payments.boundary_dialog import BoundaryDialog

        if self.setup is not None:
            dialog = BoundaryDialog(
                self.client, self.slips.print_client, self.printer or default_printer(), self
            )
            dialog.open()

    # state -----------------------------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.setup is not None and not self._busy
        has_account = ready and self.guidance is not None
        self.print_button.setEnabled(has_account)
        self.pdf_button.setEnabled(has_account)
        self.reprint_button.setEnabled(ready and self._can_reprint())
        self.search.set_ready(self.setup is not None)
        self.import_button.setEnabled(ready)
        self.boundary_button.setEnabled(ready)

    def _on_error(self, exc: BaseException) -> None:
        self.banner.error(describe(exc))
        self._update_buttons()

    def shutdown(self) -> None:
        """Stop the panel's own printing worker (the window's worker belongs to the window)."""
        self.slips.shutdown()
