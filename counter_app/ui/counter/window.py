"""The counter window (营业员窗口): the current customer, the call keys, the line, today's figures.

Every key press is one service call through :class:`HallClient`; keys are disabled from the press
until the line shows what it did, so a double press never calls two customers (reads of the line
alone, on changes elsewhere in the hall, leave the keys alone). Errors are shown in the banner in the
clerk's language and nothing typed is lost.

What the window looks like and how it shows the counter is :class:`CounterScreen`'s; this class reads
the hall and runs what the keys ask for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QModelIndex, QPoint, QTimer, Signal, Slot
from PySide6.QtWidgets import QInputDialog, QMenu

from counter_app.domain.queue import CounterAction, CounterState, Ticket
from counter_app.ui.counter.screen import CounterScreen
from counter_app.ui.counter.tabs import FollowsCustomer
from counter_app.ui.hall_client import HallClient, Reload
from counter_app.ui.messages import describe, describe_print_failure
from counter_app.ui.outbox_status import OutboxStatus
from counter_app.ui.widgets import make_timer

if TYPE_CHECKING:  # the hall and its values are annotations here; importing them loads the store
    from counter_app.services.hall import Hall
    from counter_app.services.printing.tickets import PrintOutcome
    from counter_app.services.queue import CallResult, RecallResult
    from counter_app.services.queue_views import CounterView
    from counter_app.ui.sign_in import CounterSignIn

    #: ``reprint(hall, number, clerk)``: a ticket printed again (补打) on the counter's printer
    Reprint = Callable[[Hall, str, str], PrintOutcome]

T = TypeVar("T")


class CounterWindow(CounterScreen):
    loaded = Signal()
    customer_finished = Signal(object)  # the Ticket just finished here (the rating dialog asks about it)

    def __init__(
        self,
        client: HallClient[Hall],
        counter: int,
        clerk: str | None,
        language: str,
        reprint: Reprint | None = None,
    ) -> None:
        """``reprint(hall, number, clerk)`` prints a ticket again (补打) on this counter's printer;
        without it the window offers no reprint (the CLI ``ticket print`` still can)."""
        super().__init__(client.profile, counter, language, can_reprint=reprint is not None)
        self.client = client
        self.reprint_ticket = reprint
        self.clerk = clerk
        self.sign_in: CounterSignIn | None = None  # set by the launcher: sign-in and the idle lock
        self._loaded_once = False
        self._unanswered = 0  # actions sent whose reply has not come back
        self._unshown = False  # an action replied; the line read after it has not arrived yet
        self._connect_keys()
        self.retranslate()
        self._reload = Reload(client, self._view_job, self._on_view, self._on_view_error)
        client.changed.connect(self.refresh)
        self._tick = make_timer(self, 30_000, self.refresh)
        self._tick.start()
        self.outbox_status = OutboxStatus(self, client)
        self.outbox_status.answered.connect(self._maybe_loaded)
        if clerk:
            self._act(lambda h: h.queue.set_counter_state(counter, CounterState.OPEN, clerk), None)
        self.refresh()

    def _connect_keys(self) -> None:
        handlers: dict[CounterAction, Callable[[], None]] = {
            CounterAction.NEXT: self.call_next,
            CounterAction.RECALL: self.recall,
            CounterAction.START: self.start_serving,
            CounterAction.NO_SHOW: self.no_show,
            CounterAction.TRANSFER: self.transfer,
            CounterAction.FINISH: self.finish,
            CounterAction.CALL_NUMBER: self.call_number,
            CounterAction.PAUSE: self.toggle_pause,
        }
        for key, handler in handlers.items():
            self.buttons[key].clicked.connect(handler)
        self.clerk_button.clicked.connect(self._change_clerk)
        self.table.customContextMenuRequested.connect(self._line_menu)
        self.table.doubleClicked.connect(self._call_row)
        self.requeue_button.clicked.connect(self.requeue)
        self.reprint_button.clicked.connect(self.ask_reprint)
        self.tabs.panel_loaded.connect(self._maybe_loaded)

    # data ------------------------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        self._reload()

    def _view_job(self) -> Callable[[Hall], CounterView]:
        counter = self.counter
        return lambda hall: hall.views.counter_view(counter)

    def _on_view_error(self, exc: BaseException) -> None:
        self._unshown = False
        self._on_error(exc)

    def _on_view(self, view: CounterView) -> None:
        before = self.view.status.current if self.view else None
        self._unshown = False
        self.show_view(view)
        after = view.status.current
        # another customer (or none): not the same customer recalled or arrived at the counter
        if (before.id if before else None) != (after.id if after else None):
            for built in self.tabs.panels():
                if isinstance(built, FollowsCustomer):
                    built.customer_changed()
        if not self._loaded_once:
            self._loaded_once = True
            QTimer.singleShot(1500, self.tabs.build_all)  # ready before the clerk reaches for them
            self._maybe_loaded()

    @Slot()
    def _maybe_loaded(self) -> None:
        """``loaded`` once the line and every desk panel have their first data (screenshots wait)."""
        if self._loaded_once and self.tabs.all_loaded and self.outbox_status.has_answered:
            self.loaded.emit()

    def current_clerk(self) -> str:
        """Who is signed in at this counter: the first-inquiry owner of what they accept."""
        if self.clerk:
            return self.clerk
        return self.view.status.counter.clerk if self.view else ""

    # actions ---------------------------------------------------------------------------------------
    def _keys_held(self) -> bool:
        return self._unanswered > 0 or self._unshown

    def _act(self, fn: Callable[[Hall], T], done_message: Callable[[T], str] | None) -> None:
        """Run one key's service call; the banner says what it did (``done_message`` of its result,
        cleared without one), the keys stay off until the line read after it has arrived."""

        def on_done(result: T) -> None:
            self._unanswered -= 1
            self._unshown = True  # any read sent from now on sees the action (the worker is serial)
            if done_message is not None:
                message = done_message(result)
                if message:
                    self.banner.info(message)
            else:
                self.banner.clear()
            self.refresh()

        def on_error(exc: BaseException) -> None:
            self._unanswered -= 1
            self._on_error(exc)

        self._unanswered += 1
        self._update_buttons()
        self.client.submit(fn, on_done, on_error)

    def _on_error(self, exc: BaseException) -> None:
        self.banner.error(describe(exc))
        self._update_buttons()

    def _said_called(self, result: CallResult) -> str:
        if result.finished is not None:  # the next call finished the customer before
            self.customer_finished.emit(result.finished)
        if result.called is None:
            return self.tr("Nobody is waiting for this counter.")
        return self.tr("Called %1").replace("%1", result.called.number)

    @Slot()
    def call_next(self) -> None:
        self._act(lambda h: h.queue.call_next(self.counter, clerk=self.clerk), self._said_called)

    @Slot()
    def recall(self) -> None:
        def said(result: RecallResult) -> str:
            if result.became_no_show:
                return self.tr("%1 did not come after the recalls and is marked no-show.").replace(
                    "%1", result.ticket.number
                )
            return self.tr("Recalled %1").replace("%1", result.ticket.number)

        self._act(lambda h: h.queue.recall(self.counter), said)

    @Slot()
    def start_serving(self) -> None:
        self._act(lambda h: h.queue.start_serving(self.counter), None)

    @Slot()
    def no_show(self) -> None:
        self._act(
            lambda h: h.queue.no_show(self.counter),
            lambda t: self.tr("%1 marked no-show.").replace("%1", t.number),
        )

    @Slot()
    def finish(self) -> None:
        current = self.view.status.current if self.view else None
        ticket_id = current.id if current else None

        def said(ticket: Ticket) -> str:
            self.customer_finished.emit(ticket)
            return self.tr("%1 finished.").replace("%1", ticket.number)

        self._act(lambda h: h.queue.finish(self.counter, ticket_id), said)

    @Slot()
    def transfer(self) -> None:
        current = self.view.status.current if self.view else None
        if current is None:
            return
        menu = QMenu(self)
        for service in self.profile.services:
            if service.code != current.service_code:
                # "&C": the letter on the kiosk takes the clerk there (F5, then C)
                action = menu.addAction(f"&{service.code}  {service.names.get(self.language)}")
                action.setData(service.code)
        key = self.buttons[CounterAction.TRANSFER]
        chosen = menu.exec(key.mapToGlobal(key.rect().bottomLeft()))
        if chosen is not None:
            self.hand_over(current.number, str(chosen.data()))

    def hand_over(self, number: str, service_code: str) -> None:
        """Ask why (首问负责制: a transfer is a recorded hand-over), then transfer."""
        from counter_app.ui.counter.handover import HandoverDialog

        dialog = HandoverDialog(self.profile, self.counter, number, service_code, self)
        accepted, choice = dialog.exec(), dialog.choice()
        dialog.deleteLater()
        if accepted:
            self.transfer_to(service_code, choice.reason, choice.to_counter)

    def transfer_to(
        self, service_code: str, reason: str | None = None, to_counter: int | None = None
    ) -> None:
        """Send the customer to ``service_code``'s line; with a ``reason`` as a recorded hand-over
        (to ``to_counter`` when one is named)."""
        self._act(
            lambda h: h.queue.transfer(self.counter, service_code, reason=reason, to_counter=to_counter),
            lambda t: (
                self.tr("%1 sent to %2, keeping its place.")
                .replace("%1", t.number)
                .replace("%2", self._service_name(service_code))
            ),
        )

    @Slot()
    def call_number(self) -> None:
        number, ok = QInputDialog.getText(
            self, self.tr("Call a number"), self.tr("Ticket number (e.g. A012):")
        )
        if ok and number.strip():
            self.call_specific(number.strip().upper())

    def call_specific(self, number: str) -> None:
        self._act(lambda h: h.queue.call_number(self.counter, number, clerk=self.clerk), self._said_called)

    @Slot(QModelIndex)
    def _call_row(self, index: QModelIndex) -> None:
        ticket = self.model.ticket_at(index.row())
        if ticket is not None:
            self.call_specific(ticket.number)

    @Slot(QPoint)
    def _line_menu(self, pos: QPoint) -> None:
        ticket = self.model.ticket_at(self.table.indexAt(pos).row())
        if ticket is None:
            return
        menu = QMenu(self)
        call = menu.addAction(self.tr("Call %1 now").replace("%1", ticket.number))
        cancel = menu.addAction(self.tr("Cancel %1 (customer left)").replace("%1", ticket.number))
        reprint = None
        if self.reprint_ticket is not None:
            reprint = menu.addAction(self.tr("Reprint ticket %1 (补打)").replace("%1", ticket.number))
        chosen = menu.exec(self.table.viewport().mapToGlobal(pos))
        if chosen is call:
            self.call_specific(ticket.number)
        elif chosen is not None and chosen is reprint:
            self.reprint(ticket.number)
        elif chosen is cancel:
            self._act(
                lambda h: h.queue.cancel(ticket.number, clerk=self.clerk or ""),
                lambda t: self.tr("%1 cancelled.").replace("%1", t.number),
            )

    @Slot()
    def ask_reprint(self) -> None:
        number, ok = QInputDialog.getText(
            self, self.tr("Reprint a ticket"), self.tr("Ticket number to print again:")
        )
        if ok and number.strip():
            self.reprint(number.strip().upper())

    def reprint(self, number: str) -> None:
        """Print today's ticket ``number`` again, labelled 补打 and recorded as a reprint: for a
        customer whose kiosk slip did not come out or was lost."""
        if self.reprint_ticket is None:
            return
        printer, who = self.reprint_ticket, self.current_clerk()

        def shown(outcome: PrintOutcome) -> None:
            if outcome.printed:
                self.banner.info(self.tr("%1 printed again (补打).").replace("%1", outcome.number))
            else:
                text = self.tr("%1 was not printed: %2").replace("%1", outcome.number)
                self.banner.error(text.replace("%2", describe_print_failure(outcome.failure)))

        self.client.submit(lambda h: printer(h, number, who), shown, self._on_error)

    @Slot()
    def requeue(self) -> None:
        number, ok = QInputDialog.getText(
            self, self.tr("Put back in line"), self.tr("No-show ticket number:")
        )
        if ok and number.strip():
            self._act(
                lambda h: h.queue.requeue(number.strip().upper(), clerk=self.clerk or ""),
                lambda t: self.tr("%1 is back in line.").replace("%1", t.number),
            )

    @Slot()
    def toggle_pause(self) -> None:
        paused = self.view is not None and self.view.status.counter.state is CounterState.PAUSED
        state = CounterState.OPEN if paused else CounterState.PAUSED
        self._act(lambda h: h.queue.set_counter_state(self.counter, state, self.clerk), None)

    @Slot()
    def seat_clerk(self, clerk: str) -> None:
        """A clerk signed in here (``ui/sign_in.py``): the counter opens under their staff code."""
        self.clerk = clerk
        self._act(lambda h: h.queue.set_counter_state(self.counter, CounterState.OPEN, clerk), None)

    def _change_clerk(self) -> None:
        if self.sign_in is not None and self.sign_in.offers_sign_in:
            self.sign_in.ask_sign_in()  # a password, not a typed name (or the first start's set-up)
            return
        self.ask_clerk_name()

    def ask_clerk_name(self) -> None:
        """A hall without sign-in: the clerk types their name or staff number."""
        current = self.view.status.counter.clerk if self.view else ""
        name, ok = QInputDialog.getText(
            self, self.tr("Sign in"), self.tr("Clerk name or staff number:"), text=current
        )
        if ok and name.strip():
            self.clerk = name.strip()
            self._act(lambda h: h.queue.set_counter_state(self.counter, CounterState.OPEN, self.clerk), None)
