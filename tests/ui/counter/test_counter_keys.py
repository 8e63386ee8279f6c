"""The counter's keys offer exactly what ``domain.queue.allowed_actions`` allows for the customer at
the counter (nobody, called, being served): the window keeps no state machine of its own."""

from __future__ import annotations

from typing import Any

import pytest

from counter_app.domain.queue import CounterAction, TicketState, allowed_actions
from counter_app.services.hall import Hall
from counter_app.ui.counter.window import CounterWindow
from counter_app.ui.hall_client import HallClient


@pytest.mark.parametrize("state", [None, TicketState.CALLED, TicketState.SERVING], ids=str)
def test_the_keys_follow_the_queue_rule(
    qtbot: Any, client: HallClient, other: Hall, state: TicketState | None
) -> None:
    other.queue.issue("A")
    other.queue.issue("A")
    if state is not None:
        other.queue.call_next(1, clerk="王丽")
    if state is TicketState.SERVING:
        other.queue.start_serving(1)
    window = CounterWindow(client, 1, None, "en")
    qtbot.addWidget(window)
    window.show()

    def current_state() -> TicketState | None:
        current = window.view.status.current if window.view else None
        return current.state if current else None

    qtbot.waitUntil(lambda: window.view is not None and current_state() is state, timeout=10_000)
    qtbot.waitUntil(lambda: window.buttons[CounterAction.NEXT].isEnabled(), timeout=10_000)
    enabled = {key for key, button in window.buttons.items() if button.isEnabled()}
    assert enabled == allowed_actions(state)
    assert set(window.buttons) == set(CounterAction)
