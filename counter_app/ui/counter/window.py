"""The counter window (营业员窗口): the current customer, the call keys, the line, today's figures.

Every key press is one service call through :class:`HallClient`; keys are disabled from the press
until the line shows what it did, so a double press never calls two customers (reads of the line
alone, on changes elsewhere in the hall, leave the keys alone). Errors are shown in the banner in the
clerk's language and nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.queue import CounterState, Ticket, TicketState
from counter_app.qt_i18n import current_language
from counter_app.ui import style
from counter_app.ui.counter.models import WaitingModel
from counter_app.ui.counter.parts import CurrentCard, FiguresBox, LinePage
from counter_app.ui.hall_client import HallClient, Job, Reload
from counter_app.ui.messages import describe, describe_print_failure
from counter_app.ui.text_breaks import tidy
from counter_app.ui.widgets import Banner, LanguageBox, fit_to_screen, teal_header, window_root

if TYPE_CHECKING:  # service values are only annotations here; importing them loads the store
    from counter_app.services.queue_views import CounterView

KEYS = {
    "next": "F1",
    "recall": "F2",
    "start": "F3",
    "no_show": "F4",
    "transfer": "F5",
    "finish": "F6",
    "call_number": "F7",
    "pause": "F8",
}


class CounterWindow(QMainWindow):
    loaded = Signal()

    def __init__(
        self,
        client: HallClient,
        counter: int,
        clerk: str | None,
        language: str,
        reprint: Callable[[Any, str, str], Any] | None = None,
    ) -> None:
        """``reprint(hall, number, clerk)`` prints a ticket again (补打) on this counter's printer;
        without it the window offers no reprint (the CLI ``ticket print`` still can)."""
        super().__init__()
        self.client = client
        self.reprint_ticket = reprint
        self.profile = client.profile
        self.counter = counter
        self.clerk = clerk
        self.language = language
        self.view: CounterView | None = None
        self._loaded_once = False
        self._unanswered = 0  # actions sent whose reply has not come back
        self._unshown = False  # an action replied; the line read after it has not arrived yet
        self._panels_pending: set[int] = set()
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self.setObjectName(f"counter{counter}")
        self.setMinimumSize(1024, 620)
        fit_to_screen(self, 1280, 800)
        self._build()
        self.retranslate()
        self._reload = Reload(client, self._view_job, self._on_view, self._on_view_error)
        client.changed.connect(self.refresh)
        self._tick = QTimer(self, interval=30_000, timeout=self.refresh)
        self._tick.start()
        if clerk:
            self._act(lambda h: h.queue.set_counter_state(counter, CounterState.OPEN, clerk), None)
        self.refresh()

    # layout ----------------------------------------------------------------------------------------
    def _build(self) -> None:
        root, outer = window_root(style.ROOT + style.BUTTON)
        header, hl = teal_header(20, 8, 16, 8)
        self.title = QLabel(font=style.font(17, bold=True))
        self.subtitle = QLabel(font=style.font(11))
        self.subtitle.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        hl.addWidget(self.title)
        hl.addSpacing(14)
        hl.addWidget(self.subtitle, 1)
        self.state_chip = QLabel(font=style.font(12, bold=True))
        self.state_chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hl.addWidget(self.state_chip, 0, Qt.AlignmentFlag.AlignVCenter)
        self.clerk_button = QPushButton(clicked=self._change_clerk)
        self.clerk_button.setStyleSheet(
            "QPushButton { background: transparent; color: white; border: 1px solid "
            "rgba(255,255,255,0.6); border-radius: 6px; padding: 4px 10px; }"
        )
        hl.addWidget(self.clerk_button)
        self.language_box = LanguageBox(self.language)
        hl.addWidget(self.language_box)
        outer.addWidget(header)

        self.banner = Banner()  # its height is kept when empty: nothing below it ever moves
        outer.addWidget(self.banner)

        body = QHBoxLayout()
        body.setContentsMargins(16, 8, 16, 12)
        body.setSpacing(16)
        outer.addLayout(body, 1)

        left_box = QWidget()
        left_box.setFixedWidth(420)
        left = QVBoxLayout(left_box)
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(12)
        body.addWidget(left_box)
        self.card = CurrentCard()
        self.current_caption = self.card.caption
        self.current_number = self.card.number
        self.current_service = self.card.service
        self.current_detail = self.card.detail
        self.green_badge = self.card.badge
        left.addWidget(self.card)

        grid = QGridLayout()
        grid.setSpacing(10)
        self.buttons: dict[str, QPushButton] = {}
        handlers = {
            "next": self.call_next,
            "recall": self.recall,
            "start": self.start_serving,
            "no_show": self.no_show,
            "transfer": self.transfer,
            "finish": self.finish,
            "call_number": self.call_number,
            "pause": self.toggle_pause,
        }
        for i, (key, handler) in enumerate(handlers.items()):
            button = QPushButton(font=style.font(13, bold=key == "next"))
            button.setMinimumHeight(52)
            button.clicked.connect(handler)
            # not button.setShortcut: setText() replaces a button's shortcut with its mnemonic
            QShortcut(QKeySequence(KEYS[key]), self, activated=lambda b=button: b.isEnabled() and b.click())
            if key == "next":
                button.setProperty("primary", True)
            if key == "no_show":
                button.setProperty("warn", True)
            grid.addWidget(button, i // 2, i % 2)
            self.buttons[key] = button
        left.addLayout(grid)

        self.figures = FiguresBox()
        left.addWidget(self.figures)
        left.addStretch(1)

        self.tabs = QTabWidget()
        self.tabs.setFont(style.font(12))
        self.tabs.setStyleSheet(style.TABS)
        self.tabs.currentChanged.connect(self._tab_opened)
        body.addWidget(self.tabs, 1)
        self.model = WaitingModel(self.profile, self.language, self.profile.queue.alert_wait_minutes)
        self.line_page = LinePage(self.model)
        self.line_title = self.line_page.title
        self.line_counts = self.line_page.counts
        self.alert = self.line_page.alert
        self.table = self.line_page.table
        self.table.customContextMenuRequested.connect(self._line_menu)
        self.table.doubleClicked.connect(lambda index: self._call_row(index.row()))
        self.requeue_button = self.line_page.requeue_button
        self.requeue_button.clicked.connect(self.requeue)
        self.reprint_button = self.line_page.reprint_button
        self.reprint_button.clicked.connect(self.ask_reprint)
        self.reprint_button.setVisible(self.reprint_ticket is not None)
        self.tabs.addTab(self.line_page, "")
        for n in range(1, 4):  # Ctrl+1/2/3: the line, applications, payment guidance
            QShortcut(QKeySequence(f"Ctrl+{n}"), self, activated=lambda i=n - 1: self._open_tab(i))

        self.setCentralWidget(root)

    def _open_tab(self, index: int) -> None:
        if index < self.tabs.count():
            self.tabs.setCurrentIndex(index)

    def add_panel(self, name: str, factory: Callable[[], QWidget]) -> None:
        """Another desk task in a tab beside the line (``applications``, ``payment``); the call keys
        stay on the left so the clerk never leaves the queue to take an application.

        The panel is built when its tab is first opened, or once the line has loaded: its forms and
        printing code are not needed for the first paint of a counter.
        """
        holder = QWidget(objectName=f"{name}Tab")
        QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
        self._factories[name] = factory
        self.tabs.addTab(holder, self._panel_title(name))

    def panel(self, name: str) -> QWidget:
        """The desk panel of a tab, built now if it was not yet."""
        holder = self._holder(name)
        layout = holder.layout()
        if layout.count() == 0:
            built = self._factories[name]()
            layout.addWidget(built)
            loaded = getattr(built, "loaded", None)
            if loaded is not None:
                self._panels_pending.add(id(built))
                loaded.connect(lambda p=built: self._panel_loaded(p))
        return layout.itemAt(0).widget()

    def _holder(self, name: str) -> QWidget:
        for i in range(self.tabs.count()):
            if self.tabs.widget(i).objectName() == f"{name}Tab":
                return self.tabs.widget(i)
        raise KeyError(name)

    def _panels(self) -> list[QWidget]:
        holders = (self._holder(name) for name in self._factories)
        return [h.layout().itemAt(0).widget() for h in holders if h.layout().count()]

    def _build_panels(self) -> None:
        for name in self._factories:
            self.panel(name)

    @Slot(int)
    def _tab_opened(self, index: int) -> None:
        name = self.tabs.widget(index).objectName().removesuffix("Tab")
        if name in self._factories:
            start = getattr(self.panel(name), "focus_start", None)
            if start is not None:  # e.g. the payment search: the clerk types the account at once
                start()

    def _panel_loaded(self, panel: QWidget) -> None:
        if id(panel) in self._panels_pending:
            self._panels_pending.discard(id(panel))
            self._maybe_loaded()

    def show_tab(self, name: str) -> None:
        """Bring a tab forward by name: ``line``, ``applications`` or ``payment``."""
        if name in self._factories:
            self.panel(name)
            self.tabs.setCurrentWidget(self._holder(name))
        else:
            self.tabs.setCurrentIndex(0)

    def _panel_title(self, name: str) -> str:
        titles = {"applications": self.tr("Applications"), "payment": self.tr("Payment guidance")}
        return titles.get(name, name)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.language = current_language()
        self.model.set_language(self.language)
        self.setWindowTitle(self.tr("Counter %1").replace("%1", str(self.counter)))
        labels = {
            "next": self.tr("Call next"),
            "recall": self.tr("Recall"),
            "start": self.tr("Customer arrived"),
            "no_show": self.tr("No-show"),
            "transfer": self.tr("Transfer…"),
            "finish": self.tr("Finish"),
            "call_number": self.tr("Call a number…"),
            "pause": self.tr("Pause"),
        }
        for key, button in self.buttons.items():
            button.setText(f"{labels[key]}  [{KEYS[key]}]")
        self.current_caption.setText(self.tr("Current customer"))
        self.line_title.setText(self.tr("Waiting for this counter, in the order F1 calls them"))
        self.figures.set_captions(
            self.tr("Today at this counter"),
            {
                "served": self.tr("Served"),
                "no_shows": self.tr("No-shows"),
                "service": self.tr("Average service"),
                "wait": self.tr("Average wait"),
            },
        )
        self.tabs.setTabText(0, self.tr("Waiting line"))
        for i in range(1, self.tabs.count()):
            self.tabs.setTabText(i, self._panel_title(self.tabs.widget(i).objectName().removesuffix("Tab")))
        for i in range(self.tabs.count()):
            self.tabs.setTabToolTip(i, f"Ctrl+{i + 1}")
        self.requeue_button.setText(self.tr("Put a no-show back in line…"))
        self.reprint_button.setText(self.tr("Reprint a ticket (补打)…"))
        self._show_view()

    # data ------------------------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        self._reload()

    def _view_job(self) -> Job:
        counter = self.counter
        return lambda hall: hall.views.counter_view(counter)

    def _on_view_error(self, exc: BaseException) -> None:
        self._unshown = False
        self._on_error(exc)

    def _on_view(self, view: CounterView) -> None:
        before = self.view.status.current if self.view else None
        self.view = view
        self._unshown = False
        self._show_view()
        after = view.status.current
        # another customer (or none): not the same customer recalled or arrived at the counter
        if (before.id if before else None) != (after.id if after else None):
            for built in self._panels():
                notify = getattr(built, "customer_changed", None)
                if notify is not None:
                    notify()
        if not self._loaded_once:
            self._loaded_once = True
            QTimer.singleShot(1500, self._build_panels)  # ready before the clerk reaches for them
            self._maybe_loaded()

    def _maybe_loaded(self) -> None:
        """``loaded`` once the line and every desk panel have their first data (screenshots wait)."""
        if self._loaded_once and not self._panels_pending:
            self.loaded.emit()

    def current_clerk(self) -> str:
        """Who is signed in at this counter: the first-inquiry owner of what they accept."""
        if self.clerk:
            return self.clerk
        return self.view.status.counter.clerk if self.view else ""

    def current_ticket(self) -> Ticket | None:
        """The customer at the counter now, whose ticket an application or a guidance is linked to."""
        return self.view.status.current if self.view else None

    def _service_name(self, code: str) -> str:
        service = self.profile.service(code)
        return service.names.get(self.language) if service else code

    def _show_view(self) -> None:
        setup = self.profile.counter(self.counter)
        services = "、".join(self._service_name(c) for c in (setup.services if setup else ()))
        hall = self.profile.hall.name.get(self.language)
        self.title.setText(self.tr("Counter %1").replace("%1", str(self.counter)) + f"  ·  {hall}")
        self.subtitle.setText(self.tr("Serves: %1").replace("%1", services))
        view = self.view
        if view is None:
            self._update_buttons()
            return
        counter = view.status.counter
        self.clerk_button.setText(
            self.tr("Clerk: %1").replace("%1", counter.clerk or self.tr("(not signed in)"))
        )
        chips = {
            CounterState.OPEN: (self.tr("Open"), style.GREEN),
            CounterState.PAUSED: (self.tr("Paused"), style.AMBER),
            CounterState.CLOSED: (self.tr("Closed"), style.RED),
        }
        text, colour = chips[counter.state]
        self.state_chip.setText(text)
        self.state_chip.setStyleSheet(
            f"background: {colour}; color: white; border-radius: 6px; padding: 4px 10px;"
        )
        self._show_current(view.status.current, view.now)
        f = view.figures

        def minutes(value: float | None) -> str:
            return self.tr("%1 min").replace("%1", f"{value:.1f}") if value is not None else "—"

        def people(n: int) -> str:  # plain strings: lupdate does not extract %n plurals from Python
            return self.tr("1 person") if n == 1 else self.tr("%1 people").replace("%1", str(n))

        self.figures.set_values(
            {
                "served": people(f.served),
                "no_shows": people(f.no_shows),
                "service": minutes(f.average_service_minutes),
                "wait": minutes(f.average_wait_minutes),
            }
        )
        self.line_counts.setText(
            tidy("   ".join(f"{self._service_name(code)} {n}" for code, n in view.waiting_counts.items()))
        )
        alert = self.profile.queue.alert_wait_minutes
        longest = (
            self.tr("Longest wait %1 min (target %2 min)")
            .replace("%1", str(int(view.longest_wait_minutes)))
            .replace("%2", str(alert))
        )
        self.alert.setText(tidy(longest) if view.longest_wait_minutes >= alert else "")
        self.model.set_tickets(view.waiting, view.now)
        self._update_buttons()

    def _show_current(self, ticket: Ticket | None, now: datetime) -> None:
        if ticket is None:
            self.current_number.setText("—")
            self.current_service.setText(tidy(self.tr("No customer. Press Call next.")))
            self.current_detail.setText("")
            self.green_badge.hide()
            return
        self.current_number.setText(ticket.number)
        self.current_service.setText(self._service_name(ticket.service_code))
        if ticket.green:
            reason = self.profile.green_reason(ticket.green_reason)
            self.green_badge.setText(
                self.tr("Green channel") + (f" · {reason.names.get(self.language)}" if reason else "")
            )
            self.green_badge.show()
        else:
            self.green_badge.hide()
        waited = int(ticket.waited(now).total_seconds() // 60)
        if ticket.state is TicketState.CALLED:
            called = ticket.called_at.strftime("%H:%M") if ticket.called_at else ""
            detail = self.tr("Called at %1 · recalled %2 times · waited %3 min").replace("%1", called)
            detail = detail.replace("%2", str(ticket.recalls)).replace("%3", str(waited))
        else:
            start = ticket.serving_at or ticket.called_at or now
            minutes = int(max(0, (now - start).total_seconds()) // 60)
            detail = self.tr("Being served for %1 min · waited %2 min").replace("%1", str(minutes))
            detail = detail.replace("%2", str(waited))
        self.current_detail.setText(tidy(detail))

    def _update_buttons(self) -> None:
        busy = self._unanswered > 0 or self._unshown
        current = self.view.status.current if self.view else None
        state = current.state if current else None
        paused = self.view is not None and self.view.status.counter.state is CounterState.PAUSED
        enabled = {
            "next": True,
            "recall": state is TicketState.CALLED,
            "start": state is TicketState.CALLED,
            "no_show": state is TicketState.CALLED,
            "transfer": current is not None,
            "finish": current is not None,
            "call_number": True,
            "pause": current is None,
        }
        for key, button in self.buttons.items():
            button.setEnabled(not busy and self.view is not None and enabled[key])
        self.buttons["pause"].setText(
            (self.tr("Resume") if paused else self.tr("Pause")) + f"  [{KEYS['pause']}]"
        )

    # actions ---------------------------------------------------------------------------------------
    def _act(self, fn: Any, done_message: Any) -> None:
        def on_done(result: Any) -> None:
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

    @Slot()
    def call_next(self) -> None:
        def said(result: Any) -> str:
            if result.called is None:
                return self.tr("Nobody is waiting for this counter.")
            return self.tr("Called %1").replace("%1", result.called.number)

        self._act(lambda h: h.queue.call_next(self.counter, clerk=self.clerk), said)

    @Slot()
    def recall(self) -> None:
        def said(result: Any) -> str:
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
        self._act(
            lambda h: h.queue.finish(self.counter, ticket_id),
            lambda t: self.tr("%1 finished.").replace("%1", t.number),
        )

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
        chosen = menu.exec(self.buttons["transfer"].mapToGlobal(self.buttons["transfer"].rect().bottomLeft()))
        if chosen is not None:
            self.transfer_to(str(chosen.data()))

    def transfer_to(self, service_code: str) -> None:
        self._act(
            lambda h: h.queue.transfer(self.counter, service_code),
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
        self._act(
            lambda h: h.queue.call_number(self.counter, number, clerk=self.clerk),
            lambda r: self.tr("Called %1").replace("%1", r.called.number),
        )

    def _call_row(self, row: int) -> None:
        ticket = self.model.ticket_at(row)
        if ticket is not None:
            self.call_specific(ticket.number)

    def _line_menu(self, pos: Any) -> None:
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

        def shown(outcome: Any) -> None:
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
    def _change_clerk(self) -> None:
        current = self.view.status.counter.clerk if self.view else ""
        name, ok = QInputDialog.getText(
            self, self.tr("Sign in"), self.tr("Clerk name or staff number:"), text=current
        )
        if ok and name.strip():
            self.clerk = name.strip()
            self._act(lambda h: h.queue.set_counter_state(self.counter, CounterState.OPEN, self.clerk), None)
