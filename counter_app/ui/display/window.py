"""The hall display (叫号屏): who is called to which counter, recent calls, waiting, a notice, voice.

It follows the store by itself: the worker notices other processes' commits (``data_version``)
within a quarter second and the display fetches one snapshot plus the calls it has not announced.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMainWindow,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.queue import CounterState
from counter_app.qt_i18n import HallTexts, LocalTexts
from counter_app.services.clock import hall_clock
from counter_app.ui import style
from counter_app.ui.display.announcer import Call, CallAnnouncer
from counter_app.ui.display.ticker import Ticker
from counter_app.ui.hall_client import HallClient, Reload
from counter_app.ui.widgets import fit_to_screen, make_label, make_timer

if TYPE_CHECKING:  # the hall and its values are annotations here; importing them loads the store
    from counter_app.services.hall import Hall
    from counter_app.services.queue_views import Announcement, DisplayView

BACKGROUND = "#06302e"
PANEL = "#0b4541"
HIGHLIGHT = "#ffd84d"
HIGHLIGHT_MS = 12_000
STALE_CALL_S = 60
"""A call older than this (hall time) when the display first learns of it is shown, never spoken:
after an outage the calls made meanwhile (or handed over by a PC that worked alone) are history,
and a voice calling them now would send a customer to a counter that has long moved on."""


class DisplayWindow(QMainWindow):
    loaded = Signal()

    def __init__(
        self, client: HallClient[Hall], language: str, announcer: CallAnnouncer | None = None
    ) -> None:
        super().__init__()
        self.client = client
        self.profile = client.profile
        self.language = language  # its own: a clerk switching a counter of this PC changes no TV
        self.texts = LocalTexts(language, "DisplayWindow")
        self.setObjectName("display")
        fit_to_screen(self, 1920, 1080)
        self.view: DisplayView | None = None
        self.last_event_id: int | None = None
        self.offline = False
        self.unspoken: list[str] = []  # calls shown but not spoken: older than STALE_CALL_S
        self.highlight: tuple[str, int] | None = None
        self.now = hall_clock(self.profile.hall.timezone)
        settings = self.profile.display
        self.announcer = announcer or CallAnnouncer(
            HallTexts(self.profile.hall.language),
            repeat=settings.voice_repeat,
            chime=settings.chime,
            engine=settings.speech_engine,
            parent=self,
        )
        self.announcer.announcing.connect(self._highlight)
        self._build()
        self.retranslate()
        self._reload = Reload(client, self._fetch, self._on_view, self._on_error)
        client.changed.connect(self.refresh)
        self._clock = make_timer(self, 1000, self._tick)
        self._clock.start()
        self._unhighlight = make_timer(self, HIGHLIGHT_MS, self._clear_highlight, single_shot=True)
        self._tick()
        self.refresh()

    def _build(self) -> None:
        root = QWidget()
        root.setObjectName("root")
        root.setStyleSheet(
            f"#root {{ background: {BACKGROUND}; }} QLabel {{ color: white; background: transparent; }}"
        )
        outer = QVBoxLayout(root)
        outer.setContentsMargins(40, 28, 40, 20)
        outer.setSpacing(18)

        header = QHBoxLayout()
        self.hall_name = make_label(font=style.font(34, bold=True))
        self.clock = make_label(font=style.font(26))
        header.addWidget(self.hall_name, 1)
        header.addWidget(self.clock)
        outer.addLayout(header)

        body = QHBoxLayout()
        body.setSpacing(28)
        outer.addLayout(body, 1)
        body.addWidget(self._counters_panel(), 3)
        body.addWidget(self._recent_panel(), 2)

        self.waiting = make_label(font=style.font(24))
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.waiting)
        strip = _panel("strip", f"background: {style.TEAL}; border-radius: 10px;")
        sl = QHBoxLayout(strip)
        sl.setContentsMargins(0, 0, 0, 0)
        self.ticker = Ticker(style.font(24))
        sl.addWidget(self.ticker)
        outer.addWidget(strip)
        # drawn for a 1920×1080 TV; a smaller screen gets everything smaller, never cut off
        self._design_sizes: dict[QWidget, float] = {
            label: label.font().pointSizeF() for label in [*root.findChildren(QLabel), self.ticker]
        }
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        root.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setCentralWidget(root)

    def _counters_panel(self) -> QFrame:
        """Each counter's row: the number it called, the counter, the service (or its state)."""
        panel = _panel("panel", f"background: {PANEL}; border-radius: 18px;")
        self.counter_grid = QGridLayout(panel)
        self.counter_grid.setContentsMargins(30, 20, 30, 20)
        self.counter_grid.setHorizontalSpacing(30)
        self.counter_grid.setVerticalSpacing(6)
        self.head_number = make_label(font=style.font(22), colour="#9fd3cd")
        self.head_counter = make_label(font=style.font(22), colour="#9fd3cd")
        self.head_service = make_label(font=style.font(22), colour="#9fd3cd")
        self.counter_grid.addWidget(self.head_number, 0, 0)
        self.counter_grid.addWidget(self.head_counter, 0, 1)
        self.counter_grid.addWidget(self.head_service, 0, 2)
        self.counter_rows: dict[int, tuple[QLabel, QLabel, QLabel]] = {}
        for row, setup in enumerate(self.profile.counters, start=1):
            labels = (
                make_label(font=style.font(48, bold=True)),
                make_label(font=style.font(40, bold=True)),
                make_label(font=style.font(26)),
            )
            for col, label in enumerate(labels):
                self.counter_grid.addWidget(label, row, col)
            self.counter_rows[setup.number] = labels
        self.counter_grid.setColumnStretch(2, 1)
        return panel

    def _recent_panel(self) -> QFrame:
        panel = _panel("recent", f"background: {PANEL}; border-radius: 18px;")
        rl = QVBoxLayout(panel)
        rl.setContentsMargins(30, 20, 30, 20)
        self.recent_title = make_label(font=style.font(22), colour="#9fd3cd")
        rl.addWidget(self.recent_title)
        self.recent_labels = [
            make_label(font=style.font(28)) for _ in range(self.profile.display.recent_calls)
        ]
        for label in self.recent_labels:
            rl.addWidget(label)
        rl.addStretch(1)
        return panel

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Scale the text to the screen (designed for 1920×1080; a 1366×768 TV gets 0.71 of it)."""
        scale = max(0.45, min(1.5, self.width() / 1920, self.height() / 1080))
        for widget, size in self._design_sizes.items():
            font = widget.font()
            if abs(font.pointSizeF() - size * scale) > 0.05:
                font.setPointSizeF(size * scale)
                widget.setFont(font)
        super().resizeEvent(event)

    def tr(self, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        """The display's language (the hall's), not the process's."""
        return self.texts.tr(source)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()  # the process's language changed: the hall TV keeps its own
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Hall display"))
        self.hall_name.setText(self.profile.hall.name.get(self.language))
        self.head_number.setText(self.tr("Number"))
        self.head_counter.setText(self.tr("Counter"))
        self.head_service.setText(self.tr("Service"))
        self.recent_title.setText(self.tr("Recent calls"))
        self.ticker.set_text(self.profile.notice.get(self.language))
        self._show()

    @Slot()
    def _tick(self) -> None:
        self.clock.setText(self.now().strftime("%Y-%m-%d  %H:%M:%S"))

    @Slot()
    def refresh(self) -> None:
        self._reload()

    def _fetch(self) -> Callable[[Hall], Reading | None]:
        """The snapshot, plus the calls after the last one announced (none on the first read: what
        was called before the display started is history, not a call to speak). Reads never
        overlap (:class:`Reload`), so each call is spoken once however fast changes arrive.

        ``None`` while this PC cannot reach its hall server: the display keeps the last calls it
        showed (its own store knows no other counter's calls) and reads the server again once
        it is back, from the last call it announced there."""
        since, recent = self.last_event_id, self.profile.display.recent_calls

        def fetch(hall: Hall) -> Reading | None:
            link = hall.link_status()
            if link is not None and not link.server_up:
                return None
            view = hall.views.display_view(recent)  # first: a call committed meanwhile is in `calls`
            calls = [] if since is None else hall.views.announcements_after(since)
            return Reading(view, calls, hall.clock())

        return fetch

    def _on_view(self, result: Reading | None) -> None:
        if result is None:
            self.offline = True
            if self.view is None:
                self.waiting.setText(self.tr("Offline: the hall server cannot be reached."))
            return
        self.offline = False
        view = result.view
        first = self.view is None
        self.view = view
        for call in result.calls:
            if fresh(call, result.now):
                self.announcer.announce(Call(call.number, call.counter, call.recall))
            else:
                self.unspoken.append(call.number)
        self.last_event_id = max(
            [self.last_event_id or 0, view.last_event_id, *(c.event_id for c in result.calls)]
        )
        self._show()
        if first:
            self.loaded.emit()

    def _on_error(self, exc: BaseException) -> None:
        from counter_app.ui.messages import describe

        self.waiting.setText(describe(exc, self.texts))

    def _service_name(self, code: str) -> str:
        service = self.profile.service(code)
        return service.names.get(self.language) if service else code

    def _show(self) -> None:
        view = self.view
        if view is None:
            return
        statuses = {s.counter.number: s for s in view.counters}
        for number, (num_label, counter_label, service_label) in self.counter_rows.items():
            status = statuses.get(number)
            counter_label.setText(self.tr("Counter %1").replace("%1", str(number)))
            current = status.current if status else None
            lit = current is not None and self.highlight == (current.number, number)
            colour = HIGHLIGHT if lit else "white"
            num_label.setStyleSheet(f"color: {colour};")
            counter_label.setStyleSheet(f"color: {colour};")
            if status is None or status.counter.state is CounterState.CLOSED:
                num_label.setText("—")
                service_label.setText(self.tr("Closed"))
            elif current is not None:
                num_label.setText(current.number)
                service_label.setText(self._service_name(current.service_code))
            elif status.counter.state is CounterState.PAUSED:
                num_label.setText("—")
                service_label.setText(self.tr("Paused"))
            else:
                num_label.setText("—")
                service_label.setText(self.tr("Waiting for the next customer"))
        for label, event in zip(
            self.recent_labels, [*view.recent_calls, *[None] * len(self.recent_labels)], strict=False
        ):
            if event is None:
                label.setText("")
                continue
            label.setText(
                f"{event.number}  →  "
                + self.tr("Counter %1").replace("%1", str(event.counter))
                + f"   {event.at.strftime('%H:%M')}"
            )
        self.waiting.setText(
            self.tr("Waiting: %1").replace(
                "%1",
                "    ".join(
                    f"{self._service_name(s.code)} {view.waiting.get(s.code, 0)}"
                    for s in self.profile.services
                ),
            )
        )

    @Slot(str, int)
    def _highlight(self, number: str, counter: int) -> None:
        self.highlight = (number, counter)
        self._unhighlight.start()
        self._show()

    @Slot()
    def _clear_highlight(self) -> None:
        self.highlight = None
        self._show()


@dataclass(frozen=True)
class Reading:
    """One read of the hall for the display: what it shows, the calls not yet announced, and the
    hall's time of the read (which decides whether a call is still worth speaking)."""

    view: DisplayView
    calls: list[Announcement]
    now: datetime


def fresh(call: Announcement, now: datetime) -> bool:
    """Whether a call is recent enough to speak (:data:`STALE_CALL_S`); one of unknown time is."""
    if call.at is None:
        return True
    at, ref = call.at, now
    if (at.tzinfo is None) != (ref.tzinfo is None):  # a store's naive hall time against an aware clock
        at, ref = at.replace(tzinfo=None), ref.replace(tzinfo=None)
    return (ref - at).total_seconds() <= STALE_CALL_S


def _panel(name: str, look: str) -> QFrame:
    """A dark rounded panel of the display, styled by its object name."""
    frame = QFrame()
    frame.setObjectName(name)
    frame.setStyleSheet(f"#{name} {{ {look} }}")
    return frame
