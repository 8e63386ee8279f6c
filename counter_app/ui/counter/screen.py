"""What the clerk sees at a counter: the header, the current customer, the call keys, today's figures,
the waiting line and the desk tabs beside it, and how a :class:`CounterView` is shown in them.

:class:`CounterScreen` reads nothing and does nothing: :class:`~counter_app.ui.counter.window.CounterWindow`
reads the hall, connects the keys to what they do, and hands each view it reads to :meth:`show_view`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QVBoxLayout, QWidget

from counter_app.domain.queue import CounterAction, CounterState, Ticket, TicketState, allowed_actions
from counter_app.qt_i18n import current_language
from counter_app.ui import style
from counter_app.ui.counter.models import WaitingModel
from counter_app.ui.counter.parts import KEYS, CurrentCard, FiguresBox, LinePage, call_keys, counter_header
from counter_app.ui.counter.tabs import DeskTabs
from counter_app.ui.text_breaks import tidy
from counter_app.ui.widgets import Banner, fit_to_screen, window_root

if TYPE_CHECKING:  # the views are annotations here; importing them loads the store
    from counter_app.domain.profile import HallProfile
    from counter_app.services.queue_views import CounterView


class CounterScreen(QMainWindow):
    def __init__(self, profile: HallProfile, counter: int, language: str, *, can_reprint: bool) -> None:
        """``can_reprint``: the line page offers to print a ticket again (a printer is set up)."""
        super().__init__()
        self.profile = profile
        self.counter = counter
        self.language = language
        self.view: CounterView | None = None
        self.setObjectName(f"counter{counter}")
        self.setMinimumSize(1024, 620)
        fit_to_screen(self, 1280, 800)
        self._build(can_reprint)

    # layout ----------------------------------------------------------------------------------------
    def _build(self, can_reprint: bool) -> None:
        root, outer = window_root(style.ROOT + style.BUTTON)
        header = counter_header(self.language)
        self.title, self.subtitle = header.title, header.subtitle
        self.state_chip, self.clerk_button = header.state_chip, header.clerk_button
        self.language_box = header.language_box
        outer.addWidget(header.frame)

        self.banner = Banner()  # its height is kept when empty: nothing below it ever moves
        outer.addWidget(self.banner)

        body = QHBoxLayout()
        body.setContentsMargins(16, 8, 16, 12)
        body.setSpacing(16)
        outer.addLayout(body, 1)
        body.addWidget(self._left_column())

        self.tabs = DeskTabs(self._panel_title)
        self.tabs.setFont(style.font(12))
        self.tabs.setStyleSheet(style.TABS)
        beside = QVBoxLayout()  # add_beside_customer(): above the tabs, whichever tab is open
        beside.setSpacing(10)
        beside.addWidget(self.tabs, 1)
        body.addLayout(beside, 1)
        self._beside_customer = beside
        self.model = WaitingModel(self.profile, self.language, self.profile.queue.alert_wait_minutes)
        self.line_page = LinePage(self.model)
        self.line_title = self.line_page.title
        self.line_counts = self.line_page.counts
        self.alert = self.line_page.alert
        self.table = self.line_page.table
        self.requeue_button = self.line_page.requeue_button
        self.reprint_button = self.line_page.reprint_button
        self.reprint_button.setVisible(can_reprint)
        self.tabs.addTab(self.line_page, "")
        for n in range(1, 5):  # Ctrl+1/2/3/4: the line, applications, payment guidance, hand-overs
            shortcut = QShortcut(QKeySequence(f"Ctrl+{n}"), self)
            shortcut.activated.connect(lambda i=n - 1: self.tabs.open_index(i))

        self.setCentralWidget(root)

    def _left_column(self) -> QWidget:
        """The current customer, the call keys and today's figures: always beside the tabs."""
        left_box = QWidget()
        left_box.setFixedWidth(420)
        left = QVBoxLayout(left_box)
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(12)
        self.card = CurrentCard()
        self.current_caption = self.card.caption
        self.current_number = self.card.number
        self.current_service = self.card.service
        self.current_detail = self.card.detail
        self.green_badge = self.card.badge
        left.addWidget(self.card)
        grid, self.buttons = call_keys(self)
        left.addLayout(grid)
        self.figures = FiguresBox()
        left.addWidget(self.figures)
        left.addStretch(1)
        return left_box

    # the desk tabs ---------------------------------------------------------------------------------
    def add_beside_customer(self, widget: QWidget) -> None:
        """A widget about the current customer (the hand-over strip, 首问负责制), above the tabs,
        whichever tab is open."""
        self._beside_customer.insertWidget(0, widget)

    def add_panel(self, name: str, factory: Callable[[], QWidget]) -> None:
        """Another desk task in a tab beside the line (``applications``, ``payment``, ``handovers``);
        the call keys stay on the left so the clerk never leaves the queue to take an application.

        The panel is built when its tab is first opened, or once the line has loaded: its forms and
        printing code are not needed for the first paint of a counter.
        """
        self.tabs.add_panel(name, factory)

    def panel(self, name: str) -> QWidget:
        """The desk panel of a tab, built now if it was not yet."""
        return self.tabs.panel(name)

    def show_tab(self, name: str) -> None:
        """Bring a tab forward by name: ``line``, ``applications``, ``payment`` or ``handovers``."""
        self.tabs.show_tab(name)

    def _panel_title(self, name: str) -> str:
        titles = {
            "applications": self.tr("Applications"),
            "payment": self.tr("Payment guidance"),
            "handovers": self.tr("Hand-overs"),
        }
        return titles.get(name, name)

    # language --------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.language = current_language()
        self.model.set_language(self.language)
        self.setWindowTitle(self.tr("Counter %1").replace("%1", str(self.counter)))
        labels = {
            CounterAction.NEXT: self.tr("Call next"),
            CounterAction.RECALL: self.tr("Recall"),
            CounterAction.START: self.tr("Customer arrived"),
            CounterAction.NO_SHOW: self.tr("No-show"),
            CounterAction.TRANSFER: self.tr("Transfer…"),
            CounterAction.FINISH: self.tr("Finish"),
            CounterAction.CALL_NUMBER: self.tr("Call a number…"),
            CounterAction.PAUSE: self.tr("Pause"),
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
        self.tabs.retitle(self.tr("Waiting line"))
        self.requeue_button.setText(self.tr("Put a no-show back in line…"))
        self.reprint_button.setText(self.tr("Reprint a ticket (补打)…"))
        self.show_view(self.view)

    # the view --------------------------------------------------------------------------------------
    def current_ticket(self) -> Ticket | None:
        """The customer at the counter now, whose ticket an application or a guidance is linked to."""
        return self.view.status.current if self.view else None

    def _service_name(self, code: str) -> str:
        service = self.profile.service(code)
        return service.names.get(self.language) if service else code

    def show_view(self, view: CounterView | None) -> None:
        """The counter as read from the hall (``None``: not read yet, only the profile is shown)."""
        self.view = view
        setup = self.profile.counter(self.counter)
        services = "、".join(self._service_name(c) for c in (setup.services if setup else ()))
        hall = self.profile.hall.name.get(self.language)
        self.title.setText(self.tr("Counter %1").replace("%1", str(self.counter)) + f"  ·  {hall}")
        self.subtitle.setText(self.tr("Serves: %1").replace("%1", services))
        if view is None:
            self._update_buttons()
            return
        self._show_counter_state(view)
        self._show_current(view.status.current, view.now)
        self._show_figures(view)
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

    def _show_counter_state(self, view: CounterView) -> None:
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

    def _show_figures(self, view: CounterView) -> None:
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

    # the keys --------------------------------------------------------------------------------------
    def _keys_held(self) -> bool:
        """Whether the keys wait for the answer to an action (a screen that runs none never does)."""
        return False

    def _update_buttons(self) -> None:
        """Each key on when the queue allows its action for the customer at the counter (the
        domain's rule), and nothing is waiting for an answer."""
        busy = self._keys_held()
        current = self.view.status.current if self.view else None
        allowed = allowed_actions(current.state if current else None)
        paused = self.view is not None and self.view.status.counter.state is CounterState.PAUSED
        for key, button in self.buttons.items():
            button.setEnabled(not busy and self.view is not None and key in allowed)
        self.buttons[CounterAction.PAUSE].setText(
            (self.tr("Resume") if paused else self.tr("Pause")) + f"  [{KEYS[CounterAction.PAUSE]}]"
        )
