"""A clock that jumps ahead must not close the real day (both engines)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from counter_app.domain.errors import InvalidInput, RuleViolation
from counter_app.domain.queue import TicketState
from counter_app.services.hall import Hall
from counter_app.services.queue_views import TicketLookup
from tests.conftest import FakeClock


def _open_numbers(hall: Hall, last: int) -> list[str]:
    numbers = [f"A{n:03d}" for n in range(1, last + 1)]
    lookup = TicketLookup(hall.store, hall.profile, hall.clock)
    return [n for n in numbers if lookup.by_number(n).state is TicketState.WAITING]


def test_a_jump_of_400_days_is_refused_and_closes_nothing(hall: Hall, clock: FakeClock) -> None:
    for _ in range(3):
        hall.queue.issue("A")
    today = hall.queue.business_day()
    clock.advance(days=400)
    with pytest.raises(RuleViolation) as refused:
        hall.queue.issue("A")
    assert refused.value.code == "clock_jump"
    assert refused.value.params["last_day"] == today.isoformat()
    clock.advance(days=-400)
    assert hall.queue.issue("A").ticket.number == "A004"  # the real day goes on
    assert _open_numbers(hall, 4) == ["A001", "A002", "A003", "A004"]


def test_a_normal_next_day_and_a_weekend_are_taken(hall: Hall, clock: FakeClock) -> None:
    hall.queue.issue("A")
    clock.advance(days=3)
    assert hall.queue.issue("A").ticket.number == "A001"


def test_the_supervisor_confirms_a_long_closure(hall: Hall, clock: FakeClock) -> None:
    hall.queue.issue("A")
    clock.advance(days=30)
    with pytest.raises(RuleViolation):
        hall.queue.issue("A")
    day = clock().date()
    with pytest.raises(InvalidInput):
        hall.day_repair.confirm(day + timedelta(days=1), "值班长")  # only the day the clock says
    hall.day_repair.confirm(day, "值班长")
    assert hall.queue.issue("A").ticket.number == "A001"
    assert hall.queue.business_day() == day


def test_repair_brings_back_a_day_already_moved(hall: Hall, clock: FakeClock) -> None:
    for _ in range(3):
        hall.queue.issue("A")
    hall.queue.call_next(1)
    real = hall.queue.business_day()
    clock.advance(days=400)
    hall.day_repair.confirm(clock().date(), "误操作")  # the jump taken (as an older version did)
    future = hall.queue.issue("A").ticket
    assert future.number == "A001" and future.business_day > real
    clock.advance(days=-400)
    assert hall.queue.business_day() > real  # frozen in the future: the harm being repaired
    repaired = hall.day_repair.repair(clerk="值班长")
    assert repaired.day == real
    assert sorted(repaired.reopened) == ["A001", "A002", "A003"]
    assert [(m[1], m[2]) for m in repaired.moved] == [("A001", "A004")]
    assert hall.queue.business_day() == real
    assert hall.queue.issue("A").ticket.number == "A005"
    assert _open_numbers(hall, 5) == ["A001", "A002", "A003", "A004", "A005"]
    with pytest.raises(RuleViolation) as again:
        hall.day_repair.repair()
    assert again.value.code == "nothing_to_repair"


def test_repair_drops_the_stored_figures_of_the_days_it_changes(hall: Hall, clock: FakeClock) -> None:
    """A supervisor who looked at the figures while the day was moved stored a summary of the real
    day (then closed, its numbers cancelled). The repair changes that day: its figures are made again."""
    for _ in range(3):
        hall.queue.issue("A")
    real = hall.queue.business_day()
    clock.advance(days=400)
    hall.day_repair.confirm(clock().date(), "误操作")
    hall.queue.issue("A")
    before = hall.quality.summaries.period(real, real).summary.figures()
    assert (before.arrivals, before.cancelled) == (3, 3)  # the jump's harm, stored for a closed day
    clock.advance(days=-400)
    hall.day_repair.repair(clerk="值班长")
    clock.advance(days=1)  # the real day closed again, the right way
    after = hall.quality.summaries.period(real, real).summary.figures()
    assert after.arrivals == 4  # the number brought back counted: the stale summary said 3
