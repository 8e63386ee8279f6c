"""The applications panel of a counter (业扩报装 / 变更用电): take an application, work the list, print.

Two tabs: the intake form (with the customer's queue ticket) and the worklist with the detail of the
chosen application. Every action is one service call through :class:`HallClient`; buttons are off
while it runs, refusals and an unavailable database are shown in the banner (and, for the form, next
to each field) and nothing typed is lost. Papers are printed only after the service has committed:
the job is recorded on the worker, drawn and sent here, then marked printed or failed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.applications.detail import ApplicationDetail, stage_names, type_names
from counter_app.domain.applications.setup import ApplicationSetup
from counter_app.domain.applications.worklist import WorklistPage
from counter_app.domain.errors import HallError, StoreUnavailable
from counter_app.domain.queue import Ticket
from counter_app.printing.backends import PrinterBackend, SystemPrinterBackend
from counter_app.qt_i18n import current_language
from counter_app.services.printing.applications import (
    PAPERS,
    PaperKind,
    PaperOutcome,
    PaperRequest,
    prepare_paper_print,
)
from counter_app.services.printing.recorded import finish, send
from counter_app.ui import style
from counter_app.ui.applications.detail import ApplicationDetailView
from counter_app.ui.applications.form import ApplicationForm
from counter_app.ui.applications.messages import describe, problems_of, status_name
from counter_app.ui.applications.worklist import WorklistPane
from counter_app.ui.hall_client import HallClient
from counter_app.ui.messages import describe_print_failure
from counter_app.ui.widgets import Banner, make_button, make_label

if TYPE_CHECKING:
    from counter_app.services.hall import Hall

log = logging.getLogger("counter_app.ui")


def _log_bug(exc: BaseException) -> None:
    """A refusal or an unavailable store is for the clerk; anything else is a bug, logged in full."""
    if not isinstance(exc, HallError | StoreUnavailable):
        log.error("applications panel: unexpected error", exc_info=exc)


class ApplicationsPanel(QWidget):
    loaded = Signal()
    accepted = Signal(str)

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
        self.printer: PrinterBackend = printer or SystemPrinterBackend()
        self.setup: ApplicationSetup | None = None
        self.last_accepted: ApplicationDetail | None = None
        self._loaded_once = False
        self._opening: str | None = None
        self.setObjectName("applicationsPanel")
        self._build()
        self.retranslate()
        client.changed.connect(self._changed)
        client.busy_changed.connect(self._busy)
        client.submit(lambda h: h.applications.setup, self._on_setup, self._on_error)

    # layout ------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.setStyleSheet(style.ROOT + style.BUTTON)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.banner = self._shared_banner or Banner()
        if self._shared_banner is None:
            outer.addWidget(self.banner)
        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)

        intake = QWidget()
        il = QVBoxLayout(intake)
        il.setContentsMargins(12, 8, 12, 8)
        top = QHBoxLayout()
        self.ticket_label = make_label(font=style.font(12, bold=True))
        top.addWidget(self.ticket_label, 1)
        self.result = QFrame()
        self.result.setObjectName("result")
        self.result.setStyleSheet(f"#result {{ background: {style.TEAL_LIGHT}; border-radius: 8px; }}")
        rl = QHBoxLayout(self.result)
        rl.setContentsMargins(10, 4, 10, 4)
        self.result_label = make_label(font=style.font(12, bold=True))
        self.result_paper = QComboBox()
        for key in ("a4", "a5", "80mm"):
            self.result_paper.addItem(key, key)
        self.result_receipt = make_button(clicked=lambda: self._print_last("receipt"))
        self.result_receipt.setProperty("primary", True)
        self.result_notice = make_button(clicked=lambda: self._print_last("notice"))
        for widget in (self.result_label, self.result_paper, self.result_receipt, self.result_notice):
            rl.addWidget(widget)
        self.result.hide()
        top.addWidget(self.result)
        il.addLayout(top)
        self.form = ApplicationForm()
        self.form.submitted.connect(self.accept)
        self.form.cleared.connect(self.banner.clear)
        il.addWidget(self.form, 1)
        self.tabs.addTab(intake, "")

        self.detail_view = ApplicationDetailView(self.stage_name)
        self.detail_view.action.connect(self.run_action)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.detail_view)
        side = QWidget()  # what may be long scrolls; the actions stay pinned below it
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.setSpacing(0)
        sl.addWidget(self.detail_view.header)
        sl.addWidget(scroll, 1)
        sl.addWidget(self.detail_view.action_bar)
        self.worklist = WorklistPane(self.type_name, self.stage_name, self.clerk, side)
        self.worklist.filters_changed.connect(self.refresh)
        self.worklist.chosen.connect(self.open_detail)
        self.tabs.addTab(self.worklist, "")
        self.tabs.currentChanged.connect(lambda _: self.banner.clear())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("New application"))
        self.tabs.setTabText(1, self.tr("Worklist"))
        for i, text in enumerate((self.tr("A4"), self.tr("A5"), self.tr("80 mm roll"))):
            self.result_paper.setItemText(i, text)
        self.result_receipt.setText(self.tr("Print receipt"))
        self.result_notice.setText(self.tr("Print one-time notice"))
        self._show_ticket()

    # names ---------------------------------------------------------------------------------------
    def type_name(self, code: str) -> str:
        return type_names(self.setup, code).get(current_language()) if self.setup else code

    def stage_name(self, type_code: str, stage: str) -> str:
        return stage_names(self.setup, type_code, stage).get(current_language()) if self.setup else stage

    def _stage_of_shown(self, code: str) -> str:
        detail = self.detail_view.detail
        return self.stage_name(detail.business_type, code) if detail else code

    def customer_changed(self) -> None:
        """The counter called, finished or transferred someone: show whom an application links to."""
        self._show_ticket()

    def _show_ticket(self) -> None:
        ticket = self.current_ticket()
        if ticket is None:
            self.ticket_label.setText(
                self.tr("No customer called at this counter: the application is not linked")
            )
        else:
            self.ticket_label.setText(self.tr("Customer with ticket %1").replace("%1", ticket.number))

    # data ----------------------------------------------------------------------------------------
    def _on_setup(self, setup: ApplicationSetup) -> None:
        self.setup = setup
        self.form.set_types(setup.types, setup.policy)
        self.worklist.set_types(setup.types)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        query = self.worklist.query()
        self.client.submit(
            lambda h: (h.application_views.worklist(query), h.application_views.owners()),
            self._on_page,
            self._on_error,
        )

    def _changed(self) -> None:
        self._show_ticket()
        if self.setup is None:
            return
        self.refresh()
        shown = self.detail_view.detail
        if shown is not None:
            who = self.clerk()
            self.client.submit(
                lambda h: h.application_views.summary(shown.number, viewer=who),
                self._merge_detail,
                lambda _: None,
            )

    def _on_page(self, result: tuple[WorklistPage, list[str]]) -> None:
        page, owners = result
        self.worklist.set_owners(owners)
        shown = self.detail_view.detail
        self.worklist.show_page(page, shown.number if shown else None)
        if not self._loaded_once:
            self._loaded_once = True
            self.loaded.emit()

    @property
    def page(self) -> WorklistPage | None:
        return self.worklist.page

    def open_detail(self, number: str) -> None:
        """Show an application in full (owner or supervisor) or masked; each opening is recorded."""
        shown = self.detail_view.detail
        if self._opening == number or (shown is not None and shown.number == number):
            return
        self._opening = number
        who = self.clerk()

        def done(detail: ApplicationDetail) -> None:
            self._opening = None
            self.detail_view.show_detail(detail)

        def failed(exc: BaseException) -> None:
            self._opening = None
            self._on_error(exc)

        self.client.submit(lambda h: h.applications.detail(number, clerk=who), done, failed)

    def _merge_detail(self, detail: ApplicationDetail) -> None:
        """Show a fresh state, keeping the full personal data already on screen (no new access)."""
        shown = self.detail_view.detail
        if shown is None or shown.number != detail.number:
            return
        if shown.applicant.unmasked:
            detail = replace(detail, applicant=shown.applicant, agent=shown.agent)
        self.detail_view.show_detail(detail)

    # accepting -----------------------------------------------------------------------------------
    @Slot()
    def accept(self) -> None:
        ticket = self.current_ticket()
        request = self.form.request(ticket.id if ticket else None, self.counter)
        who = self.clerk()
        self.form.clear_problems()
        self.client.submit(lambda h: h.applications.accept(request, clerk=who), self._accepted, self._refused)

    def _accepted(self, detail: ApplicationDetail) -> None:
        self.last_accepted = detail
        self.form.reset()
        self.result_label.setText(
            self.tr("Accepted %1 · %2")
            .replace("%1", detail.number)
            .replace("%2", self.type_name(detail.business_type))
        )
        self.result.show()
        self.banner.info(
            self.tr("Application %1 accepted. Print the receipt for the customer.").replace(
                "%1", detail.number
            )
        )
        self.accepted.emit(detail.number)
        self.refresh()

    def _refused(self, exc: BaseException) -> None:
        _log_bug(exc)
        problems = problems_of(exc)
        if problems:
            named = self.form.show_problems(problems)
            text = self.tr("Nothing was saved. Please check: %1").replace(
                "%1", self.tr(", ").join(named) or describe(exc)
            )
            self.banner.error(text)
        else:
            self.banner.error(describe(exc))

    # the workflow ----------------------------------------------------------------------------------
    @Slot(str)
    def run_action(self, key: str) -> None:
        detail = self.detail_view.detail
        if detail is None:
            return
        if key in ("print_receipt", "print_notice"):
            kind: PaperKind = "receipt" if key == "print_receipt" else "notice"
            self.print_paper(detail.number, kind, self.detail_view.paper_key())
            return
        number, stage, who = detail.number, detail.stage, self.clerk()
        note = self.detail_view.note.text()
        target = str(self.detail_view.return_stage.currentData() or "")
        to_owner = self.detail_view.hand_over_to.text()
        document = self.detail_view.selected_document()
        calls: dict[str, Callable[[Hall], ApplicationDetail]] = {
            "advance": lambda h: h.applications.advance(number, expected_stage=stage, clerk=who, note=note),
            "complete": lambda h: h.applications.complete(number, expected_stage=stage, clerk=who, note=note),
            "return": lambda h: h.applications.return_to(
                number, expected_stage=stage, to_stage=target, reason=note, clerk=who
            ),
            "suspend": lambda h: h.applications.suspend(number, reason=note, clerk=who),
            "resume": lambda h: h.applications.resume(number, clerk=who, note=note),
            "withdraw": lambda h: h.applications.withdraw(number, reason=note, clerk=who),
            "hand_over": lambda h: h.applications.hand_over(number, to_owner=to_owner, clerk=who, note=note),
            "collect": lambda h: h.applications.collect_document(number, document=document, clerk=who),
        }

        def done(updated: ApplicationDetail) -> None:
            self.detail_view.note.clear()
            if key == "hand_over":
                self.detail_view.hand_over_to.clear()
            self._merge_detail(updated)
            self.banner.info(
                self.tr("%1: %2, now at %3.")
                .replace("%1", updated.number)
                .replace("%2", status_name(updated.status.value))
                .replace("%3", self.stage_name(updated.business_type, updated.stage))
            )

        self.client.submit(calls[key], done, self._on_error)

    # printing ------------------------------------------------------------------------------------
    def _print_last(self, kind: PaperKind) -> None:
        if self.last_accepted is not None:
            self.print_paper(self.last_accepted.number, kind, str(self.result_paper.currentData()))

    def print_paper(self, number: str, kind: PaperKind, paper: str) -> None:
        """Record the job (worker), draw and send it (here), mark it printed or failed (worker)."""
        if paper not in PAPERS[kind]:
            paper = PAPERS[kind][0]  # the notice is a sheet (everything on one page), never a roll
        device, who = self.printer.device, self.clerk()
        self.client.submit(
            lambda h: prepare_paper_print(h, number, kind, device, paper=paper, clerk=who),
            self._send,
            self._on_error,
        )

    def _send(self, request: PaperRequest) -> None:
        failure = send(request, self.printer)
        self.client.submit(lambda h: finish(h, request, failure), self._printed, self._on_error)

    def _printed(self, outcome: PaperOutcome) -> None:
        what = self.tr("Receipt") if outcome.kind == "receipt" else self.tr("One-time notice")
        if outcome.printed:
            text = (
                self.tr("%1 of %2 printed.") if not outcome.reprint else self.tr("%1 of %2 reprinted (补打).")
            )
            self.banner.info(text.replace("%1", what).replace("%2", outcome.number))
        else:
            self.banner.error(
                self.tr("%1 of %2 was not printed: %3 The application itself is saved; print again.")
                .replace("%1", what)
                .replace("%2", outcome.number)
                .replace("%3", describe_print_failure(outcome.failure))
            )

    # state ---------------------------------------------------------------------------------------
    def _busy(self, busy: bool) -> None:
        self.form.accept_button.setEnabled(not busy)
        for button in (self.result_receipt, self.result_notice):
            button.setEnabled(not busy)
        self.detail_view.set_busy(busy)

    def _on_error(self, exc: BaseException) -> None:
        _log_bug(exc)
        self.banner.error(describe(exc, self._stage_of_shown))
