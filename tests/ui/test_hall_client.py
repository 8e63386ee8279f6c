"""Replies from the worker reach the window that asked, and nobody once that window is gone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject

from counter_app.ui.hall_client import HallClient


class Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[object] = []

    def take(self, value: object) -> None:
        self.seen.append((self.objectName(), value))  # a deleted object raises here


def test_a_reply_to_a_deleted_window_is_dropped(qtbot: Any, client: HallClient, hall_file: Path) -> None:
    alive, gone = Receiver(), Receiver()
    client.submit(lambda h: h.queue.business_day(), alive.take)
    client.submit(lambda h: h.queue.business_day(), gone.take)
    shiboken6.delete(gone)  # the dialog was closed while the worker ran
    qtbot.waitUntil(lambda: not client.busy, timeout=10_000)
    assert len(alive.seen) == 1
