"""``services/queue_views.py`` (``TicketLookup``): what a reprint reads, today's ticket by number and
its place in line now."""

from __future__ import annotations

import pytest

from counter_app.domain.errors import NotFound
from counter_app.services.hall import Hall
from counter_app.services.queue_views import TicketLookup


def lookup(hall: Hall) -> TicketLookup:
    return TicketLookup(hall.store, hall.profile, hall.clock)


def test_position_of_a_waiting_ticket_matches_what_issue_said(hall: Hall) -> None:
    hall.queue.issue("A")
    issued = hall.queue.issue("A")
    position = lookup(hall).position("a002")
    assert position.ticket == issued.ticket
    expected = (1, 1)  # 4 minutes ÷ the 4 counters serving A
    assert (position.ahead, position.estimate_minutes) == (issued.ahead, issued.estimate_minutes) == expected


def test_position_moves_up_as_the_line_moves(hall: Hall) -> None:
    hall.queue.issue("A")
    issued = hall.queue.issue("A")
    hall.queue.call_next(1)
    assert lookup(hall).position(issued.ticket.id).ahead == 0


def test_a_called_ticket_has_no_place_in_line(hall: Hall) -> None:
    issued = hall.queue.issue("A")
    hall.queue.call_next(1)
    position = lookup(hall).position(issued.ticket)
    assert (position.ahead, position.estimate_minutes) == (None, None)
    assert position.ticket.number == "A001" and position.ticket.counter == 1


def test_unknown_numbers_are_not_found(hall: Hall) -> None:
    with pytest.raises(NotFound) as caught:
        lookup(hall).by_number("B999")
    assert caught.value.code == "unknown_ticket"
    with pytest.raises(NotFound):
        lookup(hall).position("B999")
    with pytest.raises(NotFound):
        lookup(hall).by_id(12345)
