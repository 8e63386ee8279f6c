"""The pure queue rules of ``domain.queue``: numbering, business day, who is called next, estimates."""

from __future__ import annotations

from collections import Counter as Tally
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from counter_app.domain import queue as rules
from counter_app.domain.errors import RuleViolation
from counter_app.domain.profile import CounterSetup
from counter_app.domain.queue import Candidate, Ticket, TicketState

SH = ZoneInfo("Asia/Shanghai")


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2025, 3, day, hour, minute, second, tzinfo=SH)


def ticket(state: TicketState = TicketState.WAITING, **fields: object) -> Ticket:
    values: dict[str, object] = dict(
        id=1,
        uuid="u",
        business_day=date(2025, 3, 3),
        number="A001",
        service_code="A",
        green=False,
        green_reason="",
        state=state,
        queue_order=1,
        issued_at=at(3, 9),
    )
    values.update(fields)
    return Ticket(**values)  # type: ignore[arg-type]


# business day ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(3, 3, 59, 59), date(2025, 3, 2)),  # before the day start: still yesterday
        (at(3, 4, 0, 0), date(2025, 3, 3)),
        (at(3, 4, 0, 1), date(2025, 3, 3)),
        (at(3, 23, 59, 59), date(2025, 3, 3)),
        (at(4, 0, 0, 0), date(2025, 3, 3)),  # after midnight, before 04:00
        (at(4, 3, 59), date(2025, 3, 3)),
        (at(4, 4, 0), date(2025, 3, 4)),
    ],
)
def test_business_day_turns_at_day_start(moment: datetime, expected: date) -> None:
    assert rules.business_day(moment, time(4, 0)) == expected


def test_business_day_with_midnight_start_is_the_calendar_day() -> None:
    assert rules.business_day(at(4, 0, 0), time(0, 0)) == date(2025, 3, 4)
    assert rules.business_day(at(3, 23, 59), time(0, 0)) == date(2025, 3, 3)


# numbering ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("prefix", "seq", "number"),
    [
        ("A", 1, "A001"),
        ("A", 12, "A012"),
        ("V", 99, "V099"),
        ("B", 999, "B999"),
        ("B", 1000, "B1000"),
        ("C", 1234, "C1234"),
    ],
)
def test_format_number_pads_to_three_digits_and_grows_past_999(prefix: str, seq: int, number: str) -> None:
    assert rules.format_number(prefix, seq) == number


@pytest.mark.parametrize("seq", [0, -1])
def test_format_number_refuses_sequences_below_one(seq: int) -> None:
    with pytest.raises(ValueError, match="starts at 1"):
        rules.format_number("A", seq)


def test_spoken_number_reads_digit_by_digit() -> None:
    assert rules.spoken_number("A012", "zh_CN") == "A零一二"
    assert rules.spoken_number("V100", "en") == "V 1 0 0"


# choose_next -------------------------------------------------------------------------------------
def cand(ticket_id: int, service: str, order: int, green: bool = False) -> Candidate:
    return Candidate(ticket_id=ticket_id, service_code=service, green=green, queue_order=order)


def test_green_channel_is_called_first_oldest_first() -> None:
    counter = CounterSetup(number=1, services=("A", "C"))
    candidates = [cand(1, "A", 1), cand(2, "C", 2), cand(3, "C", 9, green=True), cand(4, "A", 5, green=True)]
    assert rules.choose_next(counter, candidates, {}).ticket_id == 4


def test_green_ticket_of_a_service_the_counter_does_not_serve_is_not_called() -> None:
    counter = CounterSetup(number=3, services=("B",))
    candidates = [cand(1, "A", 1, green=True), cand(2, "B", 7)]
    assert rules.choose_next(counter, candidates, {}).ticket_id == 2


def test_strict_order_follows_the_counters_list_not_arrival() -> None:
    counter = CounterSetup(number=4, services=("B", "A"))
    candidates = [cand(1, "A", 1), cand(2, "B", 50)]
    assert rules.choose_next(counter, candidates, {}).ticket_id == 2
    assert rules.choose_next(counter, [cand(1, "A", 1)], {}).ticket_id == 1


def test_first_come_first_served_within_a_service() -> None:
    counter = CounterSetup(number=2, services=("A",))
    candidates = [cand(7, "A", 30), cand(5, "A", 10), cand(6, "A", 20)]
    assert rules.choose_next(counter, candidates, {}).ticket_id == 5


def test_nobody_for_this_counter_gives_none() -> None:
    counter = CounterSetup(number=3, services=("B",))
    assert rules.choose_next(counter, [], {}) is None
    assert rules.choose_next(counter, [cand(1, "A", 1), cand(2, "C", 2)], {}) is None


def simulate_calls(counter: CounterSetup, calls: int) -> list[str]:
    """Call ``calls`` times from lines that never run dry; what service each call took."""
    taken: list[str] = []
    tally: Tally[str] = Tally()
    order = 0
    for _ in range(calls):
        heads = []
        for code in counter.services:
            order += 1
            heads.append(cand(order, code, order))
        choice = rules.choose_next(counter, heads, dict(tally))
        assert choice is not None
        taken.append(choice.service_code)
        tally[choice.service_code] += 1
    return taken


def test_weights_share_calls_three_to_one_over_a_run() -> None:
    counter = CounterSetup(number=1, services=("A", "C"), weights={"A": 3, "C": 1})
    taken = simulate_calls(counter, 40)
    assert Tally(taken) == {"A": 30, "C": 10}
    # never starved: every window of four calls holds one C
    assert all(taken[i : i + 4].count("C") == 1 for i in range(0, 40, 4))


def test_weights_with_three_services() -> None:
    counter = CounterSetup(number=6, services=("C", "D", "A"), weights={"C": 2, "D": 1, "A": 1})
    assert Tally(simulate_calls(counter, 40)) == {"C": 20, "D": 10, "A": 10}


def test_without_weights_the_first_service_takes_every_call() -> None:
    counter = CounterSetup(number=2, services=("A", "C"))
    assert set(simulate_calls(counter, 10)) == {"A"}


def test_weighted_counter_takes_the_other_line_when_one_is_empty() -> None:
    counter = CounterSetup(number=1, services=("A", "C"), weights={"A": 3, "C": 1})
    # C is far ahead of its share, but nobody waits for A
    assert rules.choose_next(counter, [cand(1, "C", 1)], {"C": 50}).service_code == "C"


def test_weighted_counter_still_calls_green_first() -> None:
    counter = CounterSetup(number=1, services=("A", "C"), weights={"A": 3, "C": 1})
    candidates = [cand(1, "A", 1), cand(2, "C", 3, green=True)]
    assert rules.choose_next(counter, candidates, {"C": 100}).ticket_id == 2


# estimates ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("ahead", "average", "counters", "expected"),
    [
        (0, 5.0, 2, 0),
        (-1, 5.0, 2, 0),
        (1, 4.0, 1, 4),
        (3, 4.0, 2, 6),
        (5, 3.0, 2, 8),  # 7.5 rounds up
        (1, 0.5, 4, 1),  # any wait is at least a minute
        (10, 6.0, 3, 20),
        (3, 4.0, 0, None),
        (3, 4.0, -1, None),
    ],
)
def test_estimate_minutes(ahead: int, average: float, counters: int, expected: int | None) -> None:
    assert rules.estimate_minutes(ahead, average, counters) == expected


# re-queue window and state checks ----------------------------------------------------------------
def test_can_requeue_within_the_window_inclusive() -> None:
    gone = ticket(TicketState.NO_SHOW, finished_at=at(3, 10))
    assert rules.can_requeue(gone, at(3, 10), 30)
    assert rules.can_requeue(gone, at(3, 10, 30), 30)
    assert not rules.can_requeue(gone, at(3, 10, 30, 1), 30)
    assert not rules.can_requeue(gone, at(3, 12), 30)


@pytest.mark.parametrize("state", [s for s in TicketState if s is not TicketState.NO_SHOW])
def test_only_a_no_show_can_be_requeued(state: TicketState) -> None:
    assert not rules.can_requeue(ticket(state, finished_at=at(3, 10)), at(3, 10, 1), 30)


def test_no_show_without_finish_time_cannot_be_requeued() -> None:
    assert not rules.can_requeue(ticket(TicketState.NO_SHOW), at(3, 10), 30)


def test_require_state_names_the_number_state_and_action() -> None:
    with pytest.raises(RuleViolation) as err:
        rules.require_state(ticket(TicketState.DONE), (TicketState.WAITING,), "called")
    assert err.value.code == "wrong_state"
    assert err.value.params == {"number": "A001", "state": "done", "action": "called"}
    assert "A001 is done" in str(err.value)
    rules.require_state(ticket(TicketState.WAITING), (TicketState.WAITING,), "called")


def test_require_at_counter() -> None:
    called = ticket(TicketState.CALLED, counter=2)
    rules.require_at_counter(called, 2)
    with pytest.raises(RuleViolation) as err:
        rules.require_at_counter(called, 3)
    assert err.value.code == "not_your_ticket"
    with pytest.raises(RuleViolation):
        rules.require_at_counter(ticket(TicketState.DONE, counter=2), 2)


def test_waited_is_time_to_the_call_and_never_negative() -> None:
    waiting = ticket(issued_at=at(3, 9))
    assert waiting.waited(at(3, 9, 12)) == timedelta(minutes=12)
    assert waiting.waited(at(3, 8)) == timedelta(0)  # clock set back
    called = ticket(TicketState.CALLED, issued_at=at(3, 9), called_at=at(3, 9, 5), counter=1)
    assert called.waited(at(3, 11)) == timedelta(minutes=5)
