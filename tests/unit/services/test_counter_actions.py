"""The counter's keys follow the domain's ``allowed_actions``; the queue service enforces the same rule.

For each state the counter's customer can be in (nobody, called, being served) every key's action
is run against a real hall: an action the rule allows goes through, one it refuses is refused by
the service with a rule violation and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from counter_app.domain.errors import RuleViolation
from counter_app.domain.queue import CounterAction, CounterState, TicketState, allowed_actions
from counter_app.services.hall import Hall

COUNTER = 1

ACTIONS: dict[CounterAction, Callable[[Hall], object]] = {
    CounterAction.CALL_NEXT: lambda h: h.queue.call_next(COUNTER, clerk="王丽"),
    CounterAction.RECALL: lambda h: h.queue.recall(COUNTER),
    CounterAction.START: lambda h: h.queue.start_serving(COUNTER),
    CounterAction.NO_SHOW: lambda h: h.queue.no_show(COUNTER),
    CounterAction.TRANSFER: lambda h: h.queue.transfer(COUNTER, "C"),
    CounterAction.FINISH: lambda h: h.queue.finish(COUNTER),
    CounterAction.CALL_NUMBER: lambda h: h.queue.call_number(COUNTER, "A003", clerk="王丽"),
    CounterAction.PAUSE: lambda h: h.queue.set_counter_state(COUNTER, CounterState.PAUSED),
}


def counter_with(hall: Hall, state: TicketState | None) -> None:
    """Three people waiting for A; then the first called to the counter, and perhaps arrived."""
    for _ in range(3):
        hall.queue.issue("A")
    if state is not None:
        hall.queue.call_next(COUNTER, clerk="王丽")
    if state is TicketState.SERVING:
        hall.queue.start_serving(COUNTER)


@pytest.mark.parametrize("state", [None, TicketState.CALLED, TicketState.SERVING])
@pytest.mark.parametrize("action", list(CounterAction))
def test_the_service_allows_what_the_keys_allow(
    make_hall: Callable[..., Hall], state: TicketState | None, action: CounterAction
) -> None:
    hall = make_hall()
    counter_with(hall, state)
    before = hall.views.counter_view(COUNTER)
    if action in allowed_actions(state):
        ACTIONS[action](hall)
    else:
        with pytest.raises(RuleViolation):
            ACTIONS[action](hall)
        assert hall.views.counter_view(COUNTER) == before


def test_the_rule_in_words() -> None:
    assert allowed_actions(None) == {CounterAction.CALL_NEXT, CounterAction.CALL_NUMBER, CounterAction.PAUSE}
    called = allowed_actions(TicketState.CALLED)
    assert {CounterAction.RECALL, CounterAction.START, CounterAction.NO_SHOW} <= called
    assert CounterAction.PAUSE not in called
    assert allowed_actions(TicketState.SERVING) == called - {
        CounterAction.RECALL,
        CounterAction.START,
        CounterAction.NO_SHOW,
    }


@pytest.mark.parametrize("state", [TicketState.WAITING, TicketState.DONE, TicketState.NO_SHOW])
def test_a_ticket_not_at_a_counter_has_no_keys(state: TicketState) -> None:
    with pytest.raises(ValueError, match="not at a counter"):
        allowed_actions(state)
