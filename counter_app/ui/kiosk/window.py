"""The kiosk (取号机): big touch buttons per service and the green channel; the number, the people
ahead and the estimate on screen; the ticket slip printed after the number is committed.

If the printer fails the number stays on screen, large, until the customer touches "Done", and
the failed job is recorded so staff can reprint it (labelled 补打). Printing runs on its own worker
(its own database connection), so a slow network printer never delays a counter in the same process.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from counter_app.domain.offline import parse_fallback
from counter_app.domain.profile import GreenReason, Service
from counter_app.qt_i18n import LANGUAGE_NAMES, LocalTexts
from counter_app.services.clock import hall_clock
from counter_app.ui import style
from counter_app.ui.hall_client import HallClient, Reload
from counter_app.ui.kiosk.pages import GREEN_BUTTON, SERVICE_BUTTON, ServiceButton, page, touch_grid
from counter_app.ui.messages import describe
from counter_app.ui.text_breaks import tidy
from counter_app.ui.widgets import (
    fit_to_screen,
    make_button,
    make_label,
    make_timer,
    teal_header,
    window_root,
)

if TYPE_CHECKING:  # the hall and its values are annotations here; importing them loads the store
    from counter_app.domain.queue import IssuedTicket, Ticket
    from counter_app.services.hall import Hall
    from counter_app.services.printing.tickets import PrintOutcome
    from counter_app.services.queue_views import ServiceLine

    #: ``print_fn(hall, ticket)``: the ticket slip, recorded and printed (on the print worker)
    PrintFn = Callable[[Hall, Ticket], PrintOutcome]

RESULT_MS = 15_000
FAILED_RESULT_MS = 90_000
CHOOSING_MS = 45_000  # a green-channel page left untouched goes back to the services
LANGUAGE_IDLE_MS = 45_000  # another language left untouched goes back to the hall's


def _service_lines(hall: Hall) -> tuple[ServiceLine, ...]:
    return hall.views.service_lines()


class KioskWindow(QMainWindow):
    loaded = Signal()
    ticket_shown = Signal(str)
    print_finished = Signal(bool)

    def __init__(
        self,
        client: HallClient[Hall],
        language: str,
        *,
        print_client: HallClient[Hall] | None = None,
        print_fn: PrintFn | None = None,
    ) -> None:
        super().__init__()
        self.client = client
        self.print_client = print_client
        self.print_fn = print_fn
        self.profile = client.profile
        self.home_language = language  # the hall's (or this PC's): where every customer starts
        self.language = language
        self.texts = LocalTexts(language, "KioskWindow")
        self.lines: dict[str, ServiceLine] = {}
        self.issued: IssuedTicket | None = None
        self._green_reason = ""
        self._issuing = False
        self._loaded_once = False
        self.now = hall_clock(self.profile.hall.timezone)
        self.setObjectName("kiosk")
        fit_to_screen(self, 1280, 800)
        self._back_home = make_timer(self, 0, self.go_home, single_shot=True)  # started with its time
        self._note_back = make_timer(self, RESULT_MS, self._show_note, single_shot=True)
        self._language_idle = make_timer(self, LANGUAGE_IDLE_MS, self.go_home, single_shot=True)
        self._build()
        self.retranslate()
        self._reload = Reload(client, lambda: _service_lines, self._on_lines, self._on_error)
        client.changed.connect(self.refresh)
        self._clock = make_timer(self, 1000, self._tick)
        self._clock.start()
        self._tick()
        self.refresh()

    # layout ----------------------------------------------------------------------------------------
    def _build(self) -> None:
        root, outer = window_root(style.ROOT)
        header, hl = teal_header(32, 14, 24, 14)
        self.hall_name = make_label(font=style.font(24, bold=True))
        self.clock = make_label(font=style.font(18))
        hl.addWidget(self.hall_name, 1)
        hl.addWidget(self.clock)
        self.language_buttons: dict[str, QPushButton] = {}
        for code, name in LANGUAGE_NAMES.items():
            button = make_button(name, font=style.font(12))
            button.setStyleSheet(
                "QPushButton { background: transparent; color: white; border: 1px solid "
                "rgba(255,255,255,0.5); border-radius: 6px; padding: 6px 10px; margin-left: 6px; }"
            )
            button.clicked.connect(lambda _=False, c=code: self.set_language(c))
            hl.addWidget(button)
            self.language_buttons[code] = button
        outer.addWidget(header)

        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)
        self.pages.addWidget(self._home_page())
        self.pages.addWidget(self._reason_page())
        self.pages.addWidget(self._green_service_page())
        self.pages.addWidget(self._result_page())
        self.setCentralWidget(root)

    def _home_page(self) -> QWidget:
        made, layout, self.home_title = page()
        services = self.profile.services

        def service_button() -> ServiceButton:
            button = ServiceButton(SERVICE_BUTTON, title_size=30, detail_size=17)
            button.setMinimumHeight(150)
            return button

        columns = 2 if len(services) <= 4 else 3
        grid, buttons = touch_grid(services, columns, service_button, lambda s: self.take(s, green=False))
        self.service_buttons = {s.code: b for s, b in zip(services, buttons, strict=True)}
        layout.addLayout(grid, 1)
        self.green_button = ServiceButton(GREEN_BUTTON, title_size=26, detail_size=16)
        self.green_button.setMinimumHeight(110)
        self.green_button.clicked.connect(lambda: self._choosing(1))
        layout.addWidget(self.green_button)
        self.home_note = make_label(font=style.font(14), colour=style.MUTED, wrap=True)
        self.home_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.home_note)
        return made

    def _reason_page(self) -> QWidget:
        made, layout, self.reason_title = page()
        reasons = self.profile.green_reasons

        def reason_button() -> QPushButton:
            button = make_button(font=style.font(24, bold=True))
            button.setStyleSheet(GREEN_BUTTON)
            button.setMinimumHeight(120)
            return button

        grid, buttons = touch_grid(reasons, 3, reason_button, self._choose_reason)
        self.reason_buttons = {r.code: b for r, b in zip(reasons, buttons, strict=True)}
        layout.addLayout(grid, 1)
        self.reason_back = make_button(font=style.font(18), clicked=self.back)
        self.reason_back.setStyleSheet(SERVICE_BUTTON)
        layout.addWidget(self.reason_back)
        return made

    def _green_service_page(self) -> QWidget:
        made, layout, self.green_service_title = page()
        services = self.profile.services

        def green_service_button() -> QPushButton:
            button = make_button(font=style.font(24, bold=True))
            button.setStyleSheet(SERVICE_BUTTON.replace("#c9d8d6", style.GREEN))
            button.setMinimumHeight(130)
            return button

        grid, buttons = touch_grid(services, 2, green_service_button, lambda s: self.take(s, green=True))
        self.green_service_buttons = {s.code: b for s, b in zip(services, buttons, strict=True)}
        layout.addLayout(grid, 1)
        self.green_back = make_button(font=style.font(18), clicked=self.back)
        self.green_back.setStyleSheet(SERVICE_BUTTON)
        layout.addWidget(self.green_back)
        return made

    def _result_page(self) -> QWidget:
        made, layout, self.result_title = page()
        self.result_number = make_label(font=style.font(120, bold=True), colour=style.TEAL)
        self.result_service = make_label(font=style.font(26))
        self.result_wait = make_label(font=style.font(22))
        self.result_offline = make_label(font=style.font(18, bold=True), colour="#b3261e", wrap=True)
        self.print_status = make_label(font=style.font(18), wrap=True)
        self.done_button = make_button(font=style.font(20, bold=True), clicked=self.go_home)
        self.done_button.setStyleSheet(SERVICE_BUTTON)
        self.done_button.setMinimumHeight(80)
        widgets = (
            self.result_number,
            self.result_service,
            self.result_wait,
            self.result_offline,
            self.print_status,
        )
        for widget in widgets:
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.done_button)
        return made

    # text ------------------------------------------------------------------------------------------
    def tr(self, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        """This kiosk's language, not the process's (a counter on the same PC keeps its own)."""
        return self.texts.tr(source)

    def set_language(self, language: str) -> None:
        """A customer's choice: this kiosk's screens only, until its start page shows again."""
        if language != self.language:
            self.language = language
            self.texts = LocalTexts(language, "KioskWindow")
            self.retranslate()
        if language != self.home_language:
            self._language_idle.start()
        else:
            self._language_idle.stop()

    def _still_here(self) -> None:
        """A touch: the customer who chose another language has not walked away yet."""
        if self._language_idle.isActive():
            self._language_idle.start()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()  # the process's language changed: this kiosk keeps its own
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Take a number"))
        self.hall_name.setText(self.profile.hall.name.get(self.language))
        self.home_title.setText(self.tr("Please choose your service"))
        reasons = " · ".join(r.names.get(self.language) for r in self.profile.green_reasons)
        self.green_button.set_texts(self.tr("Green channel"), reasons, "white")
        self._show_note()
        self.reason_title.setText(self.tr("Green channel: which applies to you?"))
        for code, button in self.reason_buttons.items():
            reason = self.profile.green_reason(code)
            button.setText(reason.names.get(self.language) if reason else code)
        self.reason_back.setText(self.tr("Back"))
        self.green_back.setText(self.tr("Back"))
        self.green_service_title.setText(self.tr("Green channel: choose your service"))
        for code, button in self.green_service_buttons.items():
            button.setText(self._service_name(code))
        self.result_title.setText(self.tr("Your number"))
        self.done_button.setText(self.tr("Done"))
        self._show_lines()
        if self.issued is not None:
            self._show_issued(self.issued)

    def _service_name(self, code: str) -> str:
        service = self.profile.service(code)
        return service.names.get(self.language) if service else code

    def _wait_text(self, waiting: int, estimate: int | None) -> str:
        text = self.tr("%1 waiting").replace("%1", str(waiting))
        if estimate is None or waiting == 0:
            return text
        return text + " · " + self.tr("about %1 min").replace("%1", str(estimate))

    def _show_lines(self) -> None:
        for code, button in self.service_buttons.items():
            line = self.lines.get(code)
            wait = self._wait_text(line.waiting, line.estimate_minutes) if line else ""
            button.set_texts(self._service_name(code), wait)

    @Slot()
    def _tick(self) -> None:
        self.clock.setText(self.now().strftime("%H:%M"))

    # data ------------------------------------------------------------------------------------------
    @Slot()
    def _show_note(self, error: str = "") -> None:
        """The note under the services: the online-payment hint, or for a while what went wrong."""
        if error:
            self.home_note.setText(tidy(error))
            self.home_note.setStyleSheet(f"color: {style.RED};")
            self._note_back.start()
            return
        self._note_back.stop()
        self.home_note.setText(
            tidy(
                self.tr(
                    "Pay your electricity bill online next time: no queue. Ask any clerk, or call %1."
                ).replace("%1", self.profile.hall.hotline)
            )
        )
        self.home_note.setStyleSheet(f"color: {style.MUTED};")

    @Slot()
    def refresh(self) -> None:
        self._reload()

    def _on_lines(self, lines: tuple[ServiceLine, ...]) -> None:
        self.lines = {line.service_code: line for line in lines}
        self._show_lines()
        if not self._loaded_once:
            self._loaded_once = True
            self.loaded.emit()

    def _set_issuing(self, issuing: bool) -> None:
        """While a number is being issued the service buttons take no second touch (reads of the
        lines in the background leave them alone)."""
        self._issuing = issuing
        for button in [*self.service_buttons.values(), *self.green_service_buttons.values()]:
            button.setEnabled(not issuing)

    def _choose_reason(self, reason: GreenReason) -> None:
        self._green_reason = reason.code
        self._choosing(2)

    def _choosing(self, page: int) -> None:
        """A green-channel page: back to the services by itself if the customer walks away."""
        self._still_here()
        self.pages.setCurrentIndex(page)
        self._back_home.start(CHOOSING_MS)

    def take(self, service: Service, *, green: bool) -> None:
        """A customer touched a service: issue the number (one transaction), then print."""
        if self._issuing:
            return  # a second touch while the first is being issued takes nothing
        self._still_here()
        reason = self._green_reason if green else ""
        self._set_issuing(True)
        self.client.submit(
            lambda h: h.queue.issue(service.code, green=green, green_reason=reason, source="kiosk"),
            self._on_issued,
            self._on_issue_error,
        )

    def _on_issue_error(self, exc: BaseException) -> None:
        """No number was issued: back to the services (the customer may be on a green-channel
        page) with the reason under them."""
        self._set_issuing(False)
        self.back()
        self._on_error(exc)

    def _on_issued(self, issued: IssuedTicket) -> None:
        self._set_issuing(False)
        self.issued = issued
        self._green_reason = ""
        self._show_issued(issued)
        self.pages.setCurrentIndex(3)
        self.ticket_shown.emit(issued.ticket.number)
        self._back_home.start(RESULT_MS)
        self._print(issued)

    def _show_issued(self, issued: IssuedTicket) -> None:
        ticket = issued.ticket
        self.result_number.setText(ticket.number)
        service = self._service_name(ticket.service_code)
        self.result_service.setText(service + (f" · {self.tr('Green channel')}" if ticket.green else ""))
        if issued.ahead == 0:
            wait = self.tr("You are next")
        else:
            # plain strings, not %n plurals: pyside6-lupdate does not extract those from Python
            if issued.ahead == 1:
                wait = self.tr("1 person ahead of you")
            else:
                wait = self.tr("%1 people ahead of you").replace("%1", str(issued.ahead))
            if issued.estimate_minutes is not None:
                wait += " · " + self.tr("about %1 min").replace("%1", str(issued.estimate_minutes))
        self.result_wait.setText(tidy(wait))
        offline = parse_fallback(ticket.number) is not None  # issued by this PC alone (离线备用号)
        self.result_offline.setVisible(offline)
        self.result_offline.setText(
            tidy(
                self.tr(
                    "The hall server cannot be reached: this is a backup number from this PC. "
                    "It is called as usual."
                )
            )
            if offline
            else ""
        )

    def _print(self, issued: IssuedTicket) -> None:
        if self.print_client is None or self.print_fn is None:
            self.print_status.setText(
                self.tr("Please remember your number; it will be called on the display.")
            )
            self.print_status.setStyleSheet(f"color: {style.MUTED};")
            return
        self.print_status.setText(self.tr("Printing your ticket…"))
        self.print_status.setStyleSheet(f"color: {style.MUTED};")
        print_fn = self.print_fn
        ticket = issued.ticket
        self.print_client.submit(lambda h: print_fn(h, ticket), self._on_printed, self._on_print_error)

    def _on_printed(self, outcome: PrintOutcome) -> None:
        ok = outcome.ok
        if ok:
            self.print_status.setText(self.tr("Please take your ticket."))
            self.print_status.setStyleSheet(f"color: {style.TEAL};")
        else:
            self._print_failed()
        self.print_finished.emit(ok)

    def _on_print_error(self, exc: BaseException) -> None:
        self._print_failed()
        self.print_finished.emit(False)

    def _print_failed(self) -> None:
        self.print_status.setText(
            self.tr(
                "The printer cannot print right now. Your number is kept: please remember it, "
                "or ask a clerk to reprint your ticket."
            )
        )
        self.print_status.setStyleSheet(f"color: {style.RED}; font-weight: bold;")
        self._back_home.start(FAILED_RESULT_MS)

    def _on_error(self, exc: BaseException) -> None:
        self._show_note(describe(exc, self.texts))

    @Slot()
    def go_home(self) -> None:
        """The customer is done (or walked away): the start page, in the hall's language."""
        self.back()
        self.set_language(self.home_language)

    @Slot()
    def back(self) -> None:
        """The start page, for the same customer (a Back button, or a number that was not issued)."""
        self._still_here()
        self._back_home.stop()
        self._green_reason = ""
        self.pages.setCurrentIndex(0)
        self.refresh()
