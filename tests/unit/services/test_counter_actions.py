"""The counter's keys and the queue service agree: ``domain.queue.allowed_actions`` offers exactly
what ``QueueService`` accepts, for the counter's current customer in each state (and for nobody)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from counter_app.domain.errors import HallError
from counter_app.domain.queue import CounterAction, CounterState, TicketState, allowed_actions
from counter_app.services.hall import Hall

COUNTER = 1

ACTIONS: dict[CounterAction, Callable[[Hall, str], object]] = {
    CounterAction.NEXT: lambda h, _: h.queue.call_next(COUNTER),
    CounterAction.RECALL: lambda h, _: h.queue.recall(COUNTER),
    CounterAction.START: lambda h, _: h.queue.start_serving(COUNTER),
    CounterAction.NO_SHOW: lambda h, _: h.queue.no_show(COUNTER),
    CounterAction.TRANSFER: lambda h, _: h.queue.transfer(COUNTER, "C"),
    CounterAction.FINISH: lambda h, _: h.queue.finish(COUNTER),
    CounterAction.CALL_NUMBER: lambda h, waiting: h.queue.call_number(COUNTER, waiting),
    CounterAction.PAUSE: lambda h, _: h.queue.set_counter_state(COUNTER, CounterState.PAUSED),
}


def at_state(hall: Hall, state: TicketState | None) -> str:
    """Counter 1 with its current customer in ``state`` (``None``: nobody) and one more waiting; the
    waiting number."""
    hall.queue.issue("A")
    waiting = hall.queue.issue("A").ticket.number
    if state is None:
        return waiting
    hall.queue.call_next(COUNTER)
    if state is TicketState.SERVING:
        hall.queue.start_serving(COUNTER)
    return waiting


def accepted(hall: Hall, action: CounterAction, waiting: str) -> bool:
    try:
        ACTIONS[action](hall, waiting)
    except HallError:
        return False
    return True


@pytest.mark.parametrize("state", [None, TicketState.CALLED, TicketState.SERVING], ids=str)
@pytest.mark.parametrize("action", list(CounterAction), ids=str)
def test_the_keys_offer_what_the_service_accepts(
    hall: Hall, state: TicketState | None, action: CounterAction
) -> None:
    waiting = at_state(hall, state)
    assert accepted(hall, action, waiting) is (action in allowed_actions(state))


def test_every_action_has_its_rule() -> None:
    assert allowed_actions(None) == {CounterAction.NEXT, CounterAction.CALL_NUMBER, CounterAction.PAUSE}
    assert allowed_actions(TicketState.CALLED) == set(CounterAction) - {CounterAction.PAUSE}
    assert allowed_actions(TicketState.SERVING) == {
        CounterAction.NEXT,
        CounterAction.CALL_NUMBER,
        CounterAction.TRANSFER,
        CounterAction.FINISH,
    }
