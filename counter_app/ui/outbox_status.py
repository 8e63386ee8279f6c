"""The status bar's note of the hand-over to the central systems: how many outbox events wait for an
acknowledgement and since when (``services/outbox.py``). Read every minute on the hall's worker, not
on every change: counting the waiting events is a range read, but a busy hall changes every second."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Signal, Slot
from PySide6.QtWidgets import QLabel, QMainWindow

from counter_app.ui.hall_client import HallClient
from counter_app.ui.widgets import make_timer

if TYPE_CHECKING:
    from counter_app.services.hall import Hall
    from counter_app.services.outbox import Waiting

log = logging.getLogger("counter_app.ui")

REFRESH_MS = 60_000


def waiting_text(waiting: Waiting | None) -> str:
    if waiting is None:
        return ""
    if waiting.events == 0:
        return QCoreApplication.translate("OutboxStatus", "Hand-over to the central systems: nothing waiting")
    since = waiting.since.strftime("%m-%d %H:%M") if waiting.since else ""
    return (
        QCoreApplication.translate(
            "OutboxStatus", "Hand-over to the central systems: %1 records waiting since %2"
        )
        .replace("%1", str(waiting.events))
        .replace("%2", since)
    )


class OutboxStatus(QLabel):
    """A permanent widget of ``window``'s status bar; ``answered`` once the first reading came back
    (or failed): the windows count it in their ``loaded`` (screenshots wait for it)."""

    answered = Signal()

    def __init__(self, window: QMainWindow, client: HallClient[Hall]) -> None:
        super().__init__(window)
        self.setObjectName("outboxStatus")
        self.client = client
        self.waiting: Waiting | None = None
        self.has_answered = False
        window.statusBar().addPermanentWidget(self)
        window.statusBar().setSizeGripEnabled(False)
        self._timer = make_timer(self, REFRESH_MS, self.refresh)
        self._timer.start()
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        self.client.submit(lambda hall: hall.outbox.waiting(), self._show, self._failed)

    def _show(self, waiting: Waiting) -> None:
        self.waiting = waiting
        self.retranslate()
        self._answer()

    def _failed(self, exc: BaseException) -> None:
        log.warning("records waiting for the central systems not read: %s", exc)
        self.setText("")  # the window's banner says what is wrong with the hall
        self._answer()

    def _answer(self) -> None:
        if not self.has_answered:
            self.has_answered = True
            self.answered.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setText(waiting_text(self.waiting))
