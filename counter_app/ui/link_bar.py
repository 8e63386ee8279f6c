"""The hall server's line on every window of a PC of a hall with a server (离线提示).

:class:`LinkWatch` (one per process) asks the hall how this PC reaches its server
(``hall.link_status()``: ``None`` on a hall with no server) whenever the hall reports a change (the
link reports its own area, ``"link"``, when the server goes or comes back) and at least every
:data:`STATUS_EVERY_MS` ms, so a server lost silently is on screen as soon as the link knows it.
:class:`LinkBar` is the strip at the top of a window that says it: the server cannot be reached
since when (hall time), what still works at this window, that the PC keeps retrying; then that it
is back and how many actions this PC handed over.

The strip's height is reserved from the start on a PC of a hall with a server (nothing under the
clerk's pointer moves when the server goes or comes back, as the counter's message line since
issue #7); a hall with no server never shows it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QLabel, QLayout, QMainWindow, QSizePolicy, QVBoxLayout, QWidget

from counter_app.domain.offline import fallback_number
from counter_app.qt_i18n import LocalTexts, current_language
from counter_app.ui import style
from counter_app.ui.hall_client import HallClient, Reload
from counter_app.ui.messages import QT_TRANSLATE_NOOP
from counter_app.ui.widgets import make_timer

if TYPE_CHECKING:
    from counter_app.services.hall import Hall
    from counter_app.services.hall_link import LinkStatus
    from counter_app.services.hand_over import HandOverReport

log = logging.getLogger("counter_app.ui")

CONTEXT = "LinkBar"
STATUS_EVERY_MS = 1000
"""How often the windows ask the link, besides its own word: well inside the 3 s a hall allows."""
BACK_SHOWN_S = 60
"""How long "the server is back, N actions handed over" stays before the calm line."""

DOWN = QT_TRANSLATE_NOOP(
    "LinkBar", "The hall server cannot be reached since %1. This PC works alone and keeps retrying."
)
CONNECTING = QT_TRANSLATE_NOOP("LinkBar", "Connecting to the hall server…")
UP = QT_TRANSLATE_NOOP("LinkBar", "Connected to the hall server (this PC: %1).")
BACK = QT_TRANSLATE_NOOP("LinkBar", "The hall server is back since %1: %2 actions of this PC handed over.")
BACK_NOTHING = QT_TRANSLATE_NOOP(
    "LinkBar", "The hall server is back since %1. This PC had nothing to hand over."
)
PENDING = QT_TRANSLATE_NOOP("LinkBar", "%1 actions of this PC wait to be handed over.")
PARKED = QT_TRANSLATE_NOOP("LinkBar", "%1 actions wait for another PC to hand over its work first.")
CONFLICTS = QT_TRANSLATE_NOOP("LinkBar", "%1 of them were settled as conflicts (the server's record stands).")
WORKS = {
    "counter": QT_TRANSLATE_NOOP(
        "LinkBar",
        "Still works: finish the current customer, call a number by typing it (F7), applications, "
        "account look-up, payment slips.",
    ),
    "kiosk": QT_TRANSLATE_NOOP(
        "LinkBar", "Numbers now come from this PC's own series (such as %1) and are called as usual."
    ),
    "display": QT_TRANSLATE_NOOP(
        "LinkBar", "Offline: the last calls stay on screen; new calls show again when the server is back."
    ),
    "supervisor": QT_TRANSLATE_NOOP(
        "LinkBar", "Figures shown are this PC's own copy; the hall's figures return when the server is back."
    ),
    "rating": QT_TRANSLATE_NOOP("LinkBar", "Ratings given now are kept on this PC."),
}

_DOWN_LOOK = "#linkbar { background: #b3261e; } QLabel { color: white; }"
_BACK_LOOK = f"#linkbar {{ background: {style.TEAL_LIGHT}; }} QLabel {{ color: {style.TEAL_DARK}; }}"
_CALM_LOOK = f"#linkbar {{ background: #eef3f2; }} QLabel {{ color: {style.MUTED}; }}"


def _link_status(hall: Hall) -> LinkStatus | None:
    return hall.link_status()


def hall_time(at: datetime | None, now: datetime | None = None) -> str:
    """``10:02:41``, with the date when it is not today's."""
    if at is None:
        return "—"
    if now is not None and at.date() != now.date():
        return at.strftime("%Y-%m-%d %H:%M:%S")
    return at.strftime("%H:%M:%S")


class LinkWatch(QObject):
    """What the link says, asked through the hall's worker (between jobs, like every read).

    ``status`` is ``None`` until the first answer and on a hall with no server (then the watch
    stops asking). ``back_since`` and ``handed_over`` say when the server came back and how many
    actions the hand-over on that reconnect placed on it."""

    changed = Signal()
    looked = Signal()  # every answer, changed or not

    def __init__(self, client: HallClient[Hall], parent: QObject | None = None) -> None:
        super().__init__(parent or client)
        self.client = client
        self.status: LinkStatus | None = None
        self.answered = False
        self.back_since: datetime | None = None
        self.back_at = 0.0  # monotonic seconds, for how long the "back" line stays
        self.handed_over: HandOverReport | None = None
        self._reload = Reload(client, lambda: _link_status, self._on_status, self._on_error)
        self._timer = make_timer(self, STATUS_EVERY_MS, self.check)
        self._timer.start()
        client.changed.connect(self.check)
        self.check()

    @Slot()
    def check(self) -> None:
        self._reload()

    @property
    def down(self) -> bool:
        return self.status is not None and not self.status.server_up

    def _on_status(self, status: LinkStatus | None) -> None:
        self.looked.emit()
        before = self.status
        self.answered = True
        if status is None:  # a hall with no server: nothing to watch
            self._timer.stop()
            self.client.changed.disconnect(self.check)
            self.status = None
            self.changed.emit()
            return
        if status.server_up and before is not None and (not before.server_up or status.since != before.since):
            # back (an outage shorter than one look is seen by its new "since"); the count is that
            # of a hand-over made since the last look, never an older one's
            self.back_since, self.back_at = status.since, time.monotonic()
            report = status.last_hand_over
            self.handed_over = report if report is not before.last_hand_over else None
        elif not status.server_up:
            self.back_since = None
        if status != before:
            self.status = status
            self.changed.emit()

    def _on_error(self, exc: BaseException) -> None:
        log.debug("link status not read: %s", exc)

    def showing_back(self) -> bool:
        return self.back_since is not None and time.monotonic() - self.back_at < BACK_SHOWN_S


@dataclass(frozen=True)
class LinkLines:
    """What the strip shows: ``look`` is ``down``, ``back`` or ``calm``."""

    look: str
    first: str
    second: str


def link_lines(watch: LinkWatch, role: str, texts: LocalTexts, first_letter: str = "A") -> LinkLines:
    """The strip's two lines for ``role`` in ``texts``' language."""

    def t(source: object, *args: object) -> str:
        return texts.t(CONTEXT, str(source), *args)

    status = watch.status
    if status is None:
        return LinkLines("calm", t(CONNECTING), "")
    if not status.server_up:
        works = WORKS.get(role, WORKS["counter"])
        example = fallback_number(first_letter, status.tag, 1) if status.tag else ""
        return LinkLines(
            "down",
            t(DOWN, hall_time(status.since)),
            t(works, example) if "%1" in str(works) else t(works),
        )
    waiting = [t(PENDING, status.pending)] if status.pending else []
    if status.parked:
        waiting.append(t(PARKED, status.parked))
    if watch.showing_back():
        report = watch.handed_over
        if report is not None and report.replayed:
            first = t(BACK, hall_time(watch.back_since), report.replayed)
            if report.conflicts:
                waiting.insert(0, t(CONFLICTS, report.conflicts))
        else:
            first = t(BACK_NOTHING, hall_time(watch.back_since))
        return LinkLines("back", first, " ".join(waiting))
    pc = f"{status.pc} · {status.tag}" if status.tag else status.pc
    return LinkLines("calm", t(UP, pc), " ".join(waiting))


class LinkBar(QFrame):
    """The strip: its height kept whatever it says. ``language``: the window's own (the display's),
    or how to read it (the kiosk's, which a customer may switch); ``None`` follows the clerks'
    language of the process. It is looked at again on every answer of the watch, so a switched
    kiosk language shows within a second."""

    HEIGHT = 52

    def __init__(
        self,
        watch: LinkWatch,
        role: str,
        *,
        language: str | Callable[[], str] | None = None,
        scale: float = 1.0,
        first_letter: str = "A",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.watch = watch
        self.role = role
        self._language = language
        self.first_letter = first_letter
        self.setObjectName("linkbar")
        self.setFixedHeight(round(self.HEIGHT * scale))
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # never widens a window
        layout = QVBoxLayout(self)
        layout.setContentsMargins(round(20 * scale), round(3 * scale), round(20 * scale), round(3 * scale))
        layout.setSpacing(0)
        self.first = QLabel(self)
        self.second = QLabel(self)
        for label, size, bold in ((self.first, 12.5, True), (self.second, 11.0, False)):
            label.setFont(style.font(size * scale, bold=bold))
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            layout.addWidget(label)
        self.lines = LinkLines("calm", "", "")
        self._fade = make_timer(self, BACK_SHOWN_S * 1000 + 200, self.show_status, single_shot=True)
        watch.changed.connect(self.show_status)
        watch.looked.connect(self._follow_language)
        self._shown_in = ""
        self.show_status()

    def texts(self) -> LocalTexts:
        language = self._language() if callable(self._language) else self._language
        return LocalTexts(language or current_language(), CONTEXT)

    @property
    def shown_language(self) -> str:
        """The language of what the strip shows now."""
        return self._shown_in

    @Slot()
    def _follow_language(self) -> None:
        if self.texts().language != self._shown_in:
            self.show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self._language is None:
            self.show_status()
        super().changeEvent(event)

    @Slot()
    def show_status(self) -> None:
        watch = self.watch
        if watch.answered and watch.status is None:
            self.hide()  # a hall with no server
            return
        texts = self.texts()
        self._shown_in = texts.language
        self.lines = link_lines(watch, self.role, texts, self.first_letter)
        self.first.setText(self.lines.first)
        self.second.setText(self.lines.second)
        self.first.setToolTip(self.lines.first)
        self.second.setToolTip(self.lines.second)
        look = {"down": _DOWN_LOOK, "back": _BACK_LOOK}.get(self.lines.look, _CALM_LOOK)
        self.setStyleSheet(look)
        if self.lines.look == "back" and not self._fade.isActive():
            self._fade.start()


def add_link_bar(
    window: QMainWindow,
    watch: LinkWatch,
    role: str,
    *,
    language: str | Callable[[], str] | None = None,
    scale: float = 1.0,
) -> LinkBar:
    """Put the strip at the top of ``window``, above what it shows (its central widget)."""
    content = window.takeCentralWidget()
    holder = QWidget()
    holder.setObjectName("linkholder")
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    holder.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
    services = window_profile_letter(window)
    bar = LinkBar(watch, role, language=language, scale=scale, first_letter=services, parent=holder)
    column.addWidget(bar)
    if content is not None:
        column.addWidget(content, 1)
    window.setCentralWidget(holder)
    return bar


def window_profile_letter(window: QWidget) -> str:
    """The first service's letter of the window's hall (the kiosk's example number), else ``A``."""
    profile = getattr(window, "profile", None)
    services = getattr(profile, "services", ())
    code = str(services[0].code) if services else "A"
    return code if len(code) == 1 and code.isascii() and code.isupper() else "A"
