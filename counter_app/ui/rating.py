"""The customer's rating (服务评价): a touch screen facing the customer at a counter
(``gui --role rating --counter N``), or the same panel as a dialog on the counter PC turned towards
the customer (``[rating] mode = "dialog"``).

Between customers the screen shows the hall, the counter and who serves there (name and staff
number). When the counter finishes a customer the screen follows it through the hall client's change
notification and asks: five big levels, and reason chips only below 满意. No answer within the hall's
``timeout_seconds`` records "not rated" and the idle picture returns. A ticket is asked once: its
answer is one write, and a second answer (another screen, a double tap) is refused by the store and
simply ends the question here.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import HallError
from counter_app.domain.quality.facts import RATING_LEVELS, Rating
from counter_app.domain.quality.records import LOW_LEVELS, RatingSource
from counter_app.domain.quality.settings import RatingReason, quality_settings
from counter_app.qt_i18n import current_language
from counter_app.ui import style
from counter_app.ui.hall_client import HallClient, Reload, while_alive
from counter_app.ui.quality_messages import level_name
from counter_app.ui.widgets import make_button, make_label, make_timer

if TYPE_CHECKING:  # the hall and its values are annotations here; importing them loads the store
    from counter_app.domain.quality.records import RatingRecord
    from counter_app.services.hall import Hall
    from counter_app.services.quality.ratings import RatingScreenView

log = logging.getLogger("counter_app.ui")

THANKS_MS = 3000
#: Level colours, best first: green to red.
COLOURS = ("#2e9d47", "#6aa84f", "#c7a000", "#d9822b", "#c0392b")


def _centred(size: int, *, bold: bool = False, colour: str = "") -> QLabel:
    """A label of the rating screen: large, centred."""
    label = make_label(font=style.font(size, bold=bold), colour=colour)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class RatingPanel(QWidget):
    """The faces of the rating screen: idle, the question, the reasons, thanks."""

    answered = Signal(str, list)  # level, reason codes
    timed_out = Signal()

    def __init__(self, reasons: tuple[RatingReason, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reasons = reasons
        self.level: Rating | None = None
        self.seconds = 30.0
        self._deadline = 0.0
        self._timeout = make_timer(self, 1000, self._time_up, single_shot=True)
        self._tick = make_timer(self, 1000, self._show_countdown)
        self._build()
        self.retranslate()

    # layout ----------------------------------------------------------------------------------------
    def _build(self) -> None:
        chip = f"background: white; color: {style.INK}; border: 2px solid #c9d3d3;"
        checked = f"background: {style.TEAL_LIGHT}; border-color: {style.TEAL}; color: {style.TEAL_DARK};"
        self.setStyleSheet(
            style.ROOT
            + "QPushButton { border-radius: 16px; color: white; font-weight: bold; border: none; }"
            + f"QPushButton[chip='true'] {{ {chip} }} QPushButton[chip='true']:checked {{ {checked} }}"
        )
        self.pages = QStackedWidget(self)
        QVBoxLayout(self).addWidget(self.pages)

        idle = QWidget()
        il = QVBoxLayout(idle)
        il.addStretch(2)
        self.hall_label = _centred(34, bold=True, colour=style.TEAL)
        self.hall_label.setWordWrap(True)
        self.counter_label = _centred(30)
        self.clerk_label = _centred(44, bold=True)
        self.staff_label = _centred(26, colour=style.MUTED)
        self.welcome = _centred(24)
        for label in (self.hall_label, self.counter_label, self.clerk_label, self.staff_label):
            il.addWidget(label)
            il.addSpacing(12)
        il.addStretch(1)
        il.addWidget(self.welcome)
        il.addStretch(1)
        self.pages.addWidget(idle)

        ask = QWidget()
        al = QVBoxLayout(ask)
        al.setContentsMargins(40, 30, 40, 30)
        self.question = _centred(34, bold=True)
        self.question.setWordWrap(True)
        self.ticket_label = _centred(20, colour=style.MUTED)
        al.addStretch(1)
        al.addWidget(self.question)
        al.addWidget(self.ticket_label)
        al.addSpacing(30)
        row = QHBoxLayout()
        row.setSpacing(20)
        self.level_buttons: dict[Rating, QPushButton] = {}
        for i, level in enumerate(RATING_LEVELS):
            button = make_button(font=style.font(24, bold=True), clicked=partial(self.choose, level))
            button.setMinimumSize(190, 220)
            button.setStyleSheet(f"background: {COLOURS[i]};")
            row.addWidget(button)
            self.level_buttons[level] = button
        al.addLayout(row, 3)
        al.addSpacing(20)
        self.countdown = _centred(18, colour=style.MUTED)
        al.addWidget(self.countdown)
        al.addStretch(1)
        self.pages.addWidget(ask)

        why = QWidget()
        wl = QVBoxLayout(why)
        wl.setContentsMargins(40, 30, 40, 30)
        self.why_title = _centred(32, bold=True)
        self.why_title.setWordWrap(True)
        wl.addStretch(1)
        wl.addWidget(self.why_title)
        wl.addSpacing(24)
        grid = QGridLayout()
        grid.setSpacing(18)
        self.chips: dict[str, QPushButton] = {}
        for i, reason in enumerate(self.reasons):
            toggle = make_button(font=style.font(24))
            toggle.setCheckable(True)
            toggle.setProperty("chip", True)
            toggle.setMinimumHeight(96)
            grid.addWidget(toggle, i // 3, i % 3)
            self.chips[reason.code] = toggle
        wl.addLayout(grid)
        wl.addSpacing(24)
        self.submit_button = make_button(font=style.font(26, bold=True), clicked=self.submit)
        self.submit_button.setMinimumHeight(96)
        self.submit_button.setStyleSheet(f"background: {style.TEAL};")
        wl.addWidget(self.submit_button)
        self.why_countdown = _centred(18, colour=style.MUTED)
        wl.addWidget(self.why_countdown)
        wl.addStretch(1)
        self.pages.addWidget(why)

        thanks = QWidget()
        tl = QVBoxLayout(thanks)
        self.thanks_label = _centred(44, bold=True, colour=style.TEAL)
        tl.addWidget(self.thanks_label)
        self.pages.addWidget(thanks)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        language = current_language()
        stars = ("★★★★★", "★★★★", "★★★", "★★", "★")
        for i, (level, button) in enumerate(self.level_buttons.items()):
            button.setText(f"{stars[i]}\n\n{level_name(level.value)}")
        for reason in self.reasons:
            self.chips[reason.code].setText(reason.names.get(language))
        self.question.setText(self.tr("How was our service today?"))
        self.why_title.setText(self.tr("What should we do better? (choose any)"))
        self.submit_button.setText(self.tr("Submit"))
        self.thanks_label.setText(self.tr("Thank you for your rating!"))
        self.welcome.setText(self.tr("Welcome. We are glad to serve you."))

    # faces -----------------------------------------------------------------------------------------
    @property
    def asking(self) -> bool:
        return self.pages.currentIndex() in (1, 2)

    def show_idle(self, hall: str, counter: int, clerk_name: str, staff_code: str) -> None:
        self.hall_label.setText(hall)
        self.counter_label.setText(self.tr("Counter %1").replace("%1", str(counter)))
        self.clerk_label.setText(clerk_name or self.tr("No clerk at this counter"))
        self.staff_label.setText(self.tr("Staff number %1").replace("%1", staff_code) if staff_code else "")
        if not self.asking and self.pages.currentIndex() != 3:
            self.pages.setCurrentIndex(0)

    def go_idle(self) -> None:
        self._stop()
        self.level = None
        self.pages.setCurrentIndex(0)

    def ask(self, number: str, seconds: float) -> None:
        """Ask about ticket ``number``; ``timed_out`` after ``seconds`` without an answer."""
        self.level = None
        for chip in self.chips.values():
            chip.setChecked(False)
        self.ticket_label.setText(self.tr("Ticket %1").replace("%1", number))
        self.pages.setCurrentIndex(1)
        self._start(seconds)

    def show_thanks(self) -> None:
        self._stop()
        self.pages.setCurrentIndex(3)

    # answers ---------------------------------------------------------------------------------------
    def choose(self, level: Rating) -> None:
        if self.pages.currentIndex() != 1:
            return
        self.level = level
        if level in LOW_LEVELS and self.reasons:
            self.pages.setCurrentIndex(2)
            self._start(self.seconds)  # the customer is answering: a fresh span for the reasons
        else:
            self._stop()
            self.answered.emit(level.value, [])

    def chosen_reasons(self) -> list[str]:
        return [code for code, chip in self.chips.items() if chip.isChecked()]

    @Slot()
    def submit(self) -> None:
        if self.pages.currentIndex() == 2 and self.level is not None:
            self._stop()
            self.answered.emit(self.level.value, self.chosen_reasons())

    def _start(self, seconds: float) -> None:
        self.seconds = max(seconds, 0.1)
        self._deadline = time.monotonic() + self.seconds
        self._timeout.start(int(self.seconds * 1000))
        self._tick.start()
        self._show_countdown()

    def _stop(self) -> None:
        self._timeout.stop()
        self._tick.stop()

    def _show_countdown(self) -> None:
        left = max(0, round(self._deadline - time.monotonic()))
        text = self.tr("%1 s").replace("%1", str(left))
        self.countdown.setText(text)
        self.why_countdown.setText(text)

    @Slot()
    def _time_up(self) -> None:
        self._tick.stop()
        if self.pages.currentIndex() == 2 and self.level is not None:
            self.answered.emit(self.level.value, self.chosen_reasons())  # a level was given
        elif self.pages.currentIndex() == 1:
            self.timed_out.emit()


class _Asker:
    """Records what a :class:`RatingPanel` was told about one ticket, through the hall client."""

    def __init__(self, client: HallClient[Hall], panel: RatingPanel, source: RatingSource) -> None:
        self.client = client
        self.panel = panel
        self.source = source
        self.ticket_id: int | None = None
        self.handled: set[int] = set()  # tickets this screen asked (never asked twice)
        panel.answered.connect(self._answered)
        panel.timed_out.connect(self._timed_out)

    def ask(self, ticket_id: int, number: str, seconds: float) -> None:
        self.ticket_id = ticket_id
        self.handled.add(ticket_id)
        self.panel.ask(number, seconds)

    def record(self, level: str, reasons: list[str], on_done: Callable[[RatingRecord | None], None]) -> None:
        ticket_id, source = self.ticket_id, self.source
        if ticket_id is None:
            return

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, HallError):  # already rated elsewhere: nothing to tell the customer
                log.error("rating of ticket %s not recorded: %s", ticket_id, exc)
            on_done(None)

        self.client.submit(
            lambda h: h.quality.ratings.rate(level, ticket_id=ticket_id, reasons=reasons, source=source),
            on_done,
            failed,
        )

    def _answered(self, level: str, reasons: list[str]) -> None:
        self.panel.show_thanks()
        self.record(level, reasons, self._after_thanks)
        self.ticket_id = None

    def _timed_out(self) -> None:
        self.record(Rating.NOT_RATED.value, [], lambda _: None)
        self.ticket_id = None
        self.panel.go_idle()

    def _after_thanks(self, _: RatingRecord | None) -> None:
        back = while_alive(self.panel, lambda _: self._back())
        QTimer.singleShot(THANKS_MS, lambda: back(None))

    def _back(self) -> None:
        if self.ticket_id is None and self.panel.pages.currentIndex() == 3:
            self.panel.go_idle()


class RatingWindow(QMainWindow):
    """The customer's screen at one counter (second screen facing the customer)."""

    loaded = Signal()

    def __init__(
        self, client: HallClient[Hall], counter: int, language: str, timeout_seconds: float | None = None
    ) -> None:
        super().__init__()
        self.client = client
        self.profile = client.profile
        self.counter = counter
        self.language = language
        self.settings = quality_settings(self.profile).rating
        self.timeout_seconds = timeout_seconds or self.settings.timeout_seconds
        self.view: RatingScreenView | None = None
        self._loaded_once = False
        self.setObjectName(f"rating{counter}")
        self.resize(1366, 768)
        self.panel = RatingPanel(self.settings.reasons)
        root = QFrame()
        root.setObjectName("root")
        root.setStyleSheet(f"#root {{ background: {style.PAPER}; }}")
        QVBoxLayout(root).addWidget(self.panel)
        self.setCentralWidget(root)
        self.asker = _Asker(client, self.panel, RatingSource.SCREEN)
        self._reload = Reload(client, self._job, self._on_view, self._on_error)
        client.changed.connect(self.refresh)
        self._tick = make_timer(self, 15_000, self.refresh)  # the clerk may change
        self._tick.start()
        self.setWindowTitle(self.tr("Rate our service · counter %1").replace("%1", str(counter)))
        self.panel.show_idle(self.profile.hall.name.get(language), counter, "", "")
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        self._reload()

    def _job(self) -> Callable[[Hall], RatingScreenView]:
        counter = self.counter
        return lambda hall: hall.quality.ratings.screen(counter)

    def _on_error(self, exc: BaseException) -> None:
        log.warning("rating screen %s: %s", self.counter, exc)

    def _on_view(self, view: RatingScreenView) -> None:
        self.view = view
        hall = self.profile.hall.name.get(current_language())
        self.panel.show_idle(hall, self.counter, view.clerk_name, view.staff_code)
        prompt = view.prompt
        if prompt is not None and prompt.ticket_id not in self.asker.handled:
            if self.asker.ticket_id is not None:  # a newer customer: the last one gave no answer
                self.asker.record(Rating.NOT_RATED.value, [], lambda _: None)
            elapsed = (view.now - prompt.finished_at).total_seconds()
            self.asker.ask(prompt.ticket_id, prompt.number, self.timeout_seconds - max(0.0, elapsed))
        if not self._loaded_once:
            self._loaded_once = True
            self.loaded.emit()


class RatingDialog(QDialog):
    """The rating panel on the counter PC, turned towards the customer, for one finished ticket."""

    def __init__(
        self,
        client: HallClient[Hall],
        ticket_id: int,
        number: str,
        parent: QWidget | None = None,
        timeout_seconds: float | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rate our service"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one per customer: gone once answered
        settings = quality_settings(client.profile).rating
        self.panel = RatingPanel(settings.reasons, self)
        QVBoxLayout(self).addWidget(self.panel)
        self.setStyleSheet(f"QDialog {{ background: {style.PAPER}; }}")
        self.asker = _Asker(client, self.panel, RatingSource.DIALOG)
        self.panel.timed_out.connect(self.accept)
        self.panel.answered.connect(lambda *_: QTimer.singleShot(THANKS_MS // 2, self.accept))
        self.resize(1280, 720)
        self.asker.ask(ticket_id, number, timeout_seconds or settings.timeout_seconds)
