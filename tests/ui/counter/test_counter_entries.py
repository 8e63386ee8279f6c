"""The counter window refuses what the services refuse (issue #12): a clerk's name with an ANSI escape
or a bidi override calls nobody, and the banner says why in the clerk's words."""

from __future__ import annotations

from typing import Any

import pytest

from counter_app.domain.queue import TicketState
from counter_app.services.hall import Hall
from counter_app.ui.counter.window import CounterWindow
from counter_app.ui.hall_client import HallClient


@pytest.mark.parametrize(("clerk", "shown"), [("王\u202e丽", "U+202E"), ("\x1b[31m王丽", "U+001B")])
def test_an_unreadable_clerk_calls_nobody(
    qtbot: Any, client: HallClient, other: Hall, clerk: str, shown: str
) -> None:
    window = CounterWindow(client, 1, clerk, "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
    other.queue.issue("A")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
    window.call_next()
    qtbot.waitUntil(lambda: window.banner.is_error and shown in window.banner.text(), timeout=10_000)
    assert "cannot be shown or printed" in window.banner.text()
    ticket = other.views.repo.by_number(other.queue.business_day(), "A001")
    assert ticket is not None and ticket.state is TicketState.WAITING
