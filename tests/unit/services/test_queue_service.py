"""Queue use cases on a real database file: each action and its refusals (nothing changed)."""

from __future__ import annotations

import json

from queue_checks import counter_state, events, issue, last_event_id, refused_without_change, row
from store_peek import peek

from counter_app.domain.errors import InvalidInput, NotFound, RuleViolation
from counter_app.domain.queue import CounterState, TicketState
from counter_app.services.hall import Hall


# issuing -----------------------------------------------------------------------------------------
def test_issue_numbers_per_prefix_from_one(hall: Hall) -> None:
    assert issue(hall, "AABAC") == ["A001", "A002", "B001", "A003", "C001"]
    green = hall.queue.issue("b", green=True, green_reason="elderly").ticket
    assert (green.number, green.service_code, green.green, green.green_reason) == (
        "V001",
        "B",
        True,
        "elderly",
    )
    stored = row(hall, "A003")
    assert (stored["prefix"], stored["seq"], stored["state"], stored["source"]) == (
        "A",
        3,
        "waiting",
        "kiosk",
    )


def test_issue_reports_people_ahead_and_estimate(hall: Hall) -> None:
    first = hall.queue.issue("B")
    assert (first.ahead, first.estimate_minutes) == (0, 0)
    second = hall.queue.issue("B")
    # B: default 15 min, served by counters 3 and 4 → ceil(1 × 15 / 2)
    assert (second.ahead, second.estimate_minutes) == (1, 8)
    green = hall.queue.issue("B", green=True, green_reason="elderly")
    assert green.ahead == 0  # green goes before everyone
    assert hall.queue.issue("B").ahead == 3


def test_issue_past_999_grows_to_four_digits(hall: Hall) -> None:
    peek(hall).execute("INSERT INTO number_sequences VALUES (?, 'D', 998)", ["2025-03-03"])
    assert issue(hall, "DD") == ["D999", "D1000"]


def test_unknown_service_is_refused_and_nothing_changes(hall: Hall) -> None:
    issue(hall, "A")
    error = refused_without_change(hall, lambda: hall.queue.issue("Z"), InvalidInput, "unknown_service")
    assert error.params == {"service": "Z"} and "A, B, C, D" in str(error)
    refused_without_change(
        hall,
        lambda: hall.queue.issue("A", green=True, green_reason="vip"),
        InvalidInput,
        "unknown_green_reason",
    )


def test_green_channel_without_its_reason_or_a_reason_without_green_is_refused(hall: Hall) -> None:
    refused_without_change(
        hall, lambda: hall.queue.issue("A", green=True), InvalidInput, "green_reason_required"
    )
    only_reason = lambda: hall.queue.issue("A", green_reason="elderly")  # noqa: E731
    refused_without_change(hall, only_reason, InvalidInput, "green_reason_without_green")


# calling and serving -----------------------------------------------------------------------------
def test_call_next_calls_in_line_and_records_the_counter(hall: Hall, clock) -> None:
    issue(hall, "AA")
    clock.advance(minutes=3)
    result = hall.queue.call_next(2, clerk="王丽")
    assert result.finished is None
    called = result.called
    assert (called.number, called.state, called.counter, called.clerk) == (
        "A001",
        TicketState.CALLED,
        2,
        "王丽",
    )
    assert called.called_at == clock.now
    assert row(hall, "A001")["state"] == "called"
    assert peek(hall).execute("SELECT clerk FROM counters WHERE number = 2").fetchone()[0] == "王丽"


def test_next_key_finishes_the_current_customer_then_calls(hall: Hall, clock) -> None:
    issue(hall, "AA")
    hall.queue.call_next(2)
    hall.queue.start_serving(2)
    clock.advance(minutes=4)
    result = hall.queue.call_next(2)
    assert result.finished.number == "A001" and result.finished.state is TicketState.DONE
    assert result.called.number == "A002"
    assert row(hall, "A001")["finished_at"] == clock.now.isoformat(timespec="milliseconds")
    # nobody left: the key still finishes A002 and reports nobody called
    result = hall.queue.call_next(2)
    assert result.finished.number == "A002" and result.called is None
    assert hall.queue.repo.active_at(2) is None


def test_finishing_a_called_customer_counts_service_from_the_call(hall: Hall, clock) -> None:
    issue(hall, "A")
    hall.queue.call_next(2)
    clock.advance(minutes=2)
    done = hall.queue.finish(2)
    assert done.state is TicketState.DONE and done.serving_at == done.called_at


def test_green_channel_is_called_before_earlier_tickets(hall: Hall) -> None:
    issue(hall, "AC")
    hall.queue.issue("C", green=True, green_reason="elderly")
    assert hall.queue.call_next(2).called.number == "V001"  # counter 2 serves A, C
    assert hall.queue.call_next(2).called.number == "A001"


def test_green_ticket_waits_for_a_counter_serving_its_service(hall: Hall) -> None:
    issue(hall, "B")
    hall.queue.issue("D", green=True, green_reason="elderly")
    assert hall.queue.call_next(3).called.number == "B001"  # counter 3 serves B, C: not D
    assert hall.queue.call_next(5).called.number == "V001"


def test_strict_order_counter_prefers_its_first_service(hall: Hall) -> None:
    issue(hall, "AAB")
    assert hall.queue.call_next(4).called.number == "B001"  # counter 4: B before A
    assert hall.queue.call_next(4).called.number == "A001"


def test_weighted_counter_shares_three_to_one(hall: Hall) -> None:
    issue(hall, "A" * 12 + "C" * 12)
    called = [hall.queue.call_next(1).called.service_code for _ in range(16)]  # counter 1: A=3, C=1
    assert called.count("A") == 12 and called.count("C") == 4
    assert called[:4] == ["A", "A", "A", "C"]


def test_call_number_calls_out_of_order(hall: Hall) -> None:
    issue(hall, "AAA")
    assert hall.queue.call_number(2, "a003").called.number == "A003"
    assert hall.queue.call_next(2).called.number == "A001"
    refused_without_change(hall, lambda: hall.queue.call_number(1, "A003"), RuleViolation, "wrong_state")
    refused_without_change(hall, lambda: hall.queue.call_number(1, "A999"), NotFound, "unknown_ticket")


def test_recall_counts_then_becomes_no_show_after_max_recalls(hall: Hall) -> None:
    issue(hall, "A")
    hall.queue.call_next(2)
    first, second = hall.queue.recall(2), hall.queue.recall(2)
    assert (first.ticket.recalls, first.became_no_show) == (1, False)
    assert (second.ticket.recalls, second.became_no_show) == (2, False)
    third = hall.queue.recall(2)  # max_recalls = 2
    assert third.became_no_show and third.ticket.state is TicketState.NO_SHOW
    detail = peek(hall).execute("SELECT detail FROM queue_events WHERE kind = 'no_show'").fetchone()[0]
    assert json.loads(detail) == {"automatic": True, "recalls": 2}
    assert hall.queue.repo.active_at(2) is None
    assert [k for _, k, _ in events(hall)] == ["issued", "called", "recalled", "recalled", "no_show"]


def test_recall_and_no_show_need_a_called_customer(hall: Hall) -> None:
    issue(hall, "A")
    refused_without_change(hall, lambda: hall.queue.recall(2), RuleViolation, "no_current_customer")
    hall.queue.call_next(2)
    hall.queue.start_serving(2)
    refused_without_change(hall, lambda: hall.queue.recall(2), RuleViolation, "wrong_state")
    refused_without_change(hall, lambda: hall.queue.no_show(2), RuleViolation, "wrong_state")
    refused_without_change(hall, lambda: hall.queue.start_serving(2), RuleViolation, "wrong_state")


def test_manual_no_show(hall: Hall) -> None:
    issue(hall, "AA")
    hall.queue.call_next(2)
    gone = hall.queue.no_show(2)
    assert gone.state is TicketState.NO_SHOW and gone.finished_at is not None
    detail = peek(hall).execute("SELECT detail FROM queue_events WHERE kind = 'no_show'").fetchone()[0]
    assert json.loads(detail)["automatic"] is False
    assert hall.queue.call_next(2).called.number == "A002"


def test_transfer_keeps_the_place_in_line(hall: Hall) -> None:
    issue(hall, "CACC")  # C001, A001, C002, C003
    assert hall.queue.call_next(2).called.number == "A001"
    hall.queue.start_serving(2)
    moved = hall.queue.transfer(2, "c")
    assert (moved.state, moved.service_code, moved.counter, moved.transfers) == (
        TicketState.WAITING,
        "C",
        None,
        1,
    )
    assert moved.number == "A001"  # the customer keeps the number on their slip
    assert hall.queue.repo.active_at(2) is None
    # counter 3 serves B, C: A001 comes after C001 (earlier) but before C002 and C003
    assert [hall.queue.call_next(3).called.number for _ in range(4)] == ["C001", "A001", "C002", "C003"]
    detail = peek(hall).execute("SELECT detail FROM queue_events WHERE kind = 'transferred'").fetchone()[0]
    assert json.loads(detail) == {"from": "A", "to": "C"}


def test_transfer_refusals_change_nothing(hall: Hall) -> None:
    issue(hall, "A")
    refused_without_change(hall, lambda: hall.queue.transfer(2, "C"), RuleViolation, "no_current_customer")
    hall.queue.call_next(2)
    refused_without_change(hall, lambda: hall.queue.transfer(2, "Z"), InvalidInput, "unknown_service")
    refused_without_change(hall, lambda: hall.queue.transfer(2, "A"), RuleViolation, "same_service")


def test_requeue_within_the_window_goes_to_the_back(hall: Hall, clock) -> None:
    issue(hall, "AAA")
    hall.queue.call_next(2)
    hall.queue.no_show(2)
    clock.advance(minutes=30)
    back = hall.queue.requeue("A001", clerk="王丽")
    assert back.state is TicketState.WAITING and back.counter is None and back.finished_at is None
    assert back.queue_order > row(hall, "A003")["queue_order"]
    assert [hall.queue.call_next(2).called.number for _ in range(3)] == ["A002", "A003", "A001"]


def test_requeue_after_the_window_is_refused(hall: Hall, clock) -> None:
    issue(hall, "A")
    hall.queue.call_next(2)
    hall.queue.no_show(2)
    clock.advance(minutes=30, seconds=1)
    error = refused_without_change(
        hall, lambda: hall.queue.requeue("A001"), RuleViolation, "requeue_too_late"
    )
    assert error.params["minutes"] == 30
    refused_without_change(hall, lambda: hall.queue.requeue("A009"), NotFound, "unknown_ticket")


def test_only_a_no_show_can_be_requeued(hall: Hall) -> None:
    issue(hall, "A")
    refused_without_change(hall, lambda: hall.queue.requeue("A001"), RuleViolation, "wrong_state")


def test_cancel_a_waiting_number_only(hall: Hall) -> None:
    issue(hall, "AA")
    gone = hall.queue.cancel("A002", clerk="kiosk")
    assert gone.state is TicketState.CANCELLED
    hall.queue.call_next(2)
    refused_without_change(
        hall, lambda: hall.queue.cancel("A001", clerk="kiosk"), RuleViolation, "wrong_state"
    )
    refused_without_change(
        hall, lambda: hall.queue.cancel("A002", clerk="kiosk"), RuleViolation, "wrong_state"
    )
    assert hall.queue.call_next(2).called is None  # A002 is not called


def test_a_cancel_names_its_clerk(hall: Hall) -> None:
    issue(hall, "A")
    refused_without_change(hall, lambda: hall.queue.cancel("A001"), InvalidInput, "clerk_required")
    refused_without_change(
        hall, lambda: hall.queue.cancel("A001", clerk="  "), InvalidInput, "clerk_required"
    )


# refusals: nothing changed -----------------------------------------------------------------------
def test_unknown_counter_is_refused(hall: Hall) -> None:
    issue(hall, "A")
    for action in (
        lambda: hall.queue.call_next(9),
        lambda: hall.queue.finish(9),
        lambda: hall.queue.recall(0),
        lambda: hall.queue.set_counter_state(7, CounterState.OPEN),
    ):
        refused_without_change(hall, action, NotFound, "unknown_counter")


def test_closed_counter_cannot_call(hall: Hall) -> None:
    issue(hall, "A")
    hall.queue.set_counter_state(2, CounterState.CLOSED)
    refused_without_change(hall, lambda: hall.queue.call_next(2), RuleViolation, "counter_closed")
    refused_without_change(hall, lambda: hall.queue.call_number(2, "A001"), RuleViolation, "counter_closed")
    hall.queue.set_counter_state(2, CounterState.OPEN, clerk="李强")
    assert hall.queue.call_next(2).called.clerk == "李强"


def test_finishing_a_ticket_that_is_not_yours(hall: Hall) -> None:
    issue(hall, "AA")
    mine = hall.queue.call_next(1).called
    theirs = hall.queue.call_next(2).called
    error = refused_without_change(
        hall, lambda: hall.queue.finish(1, theirs.id), RuleViolation, "not_your_ticket"
    )
    assert error.params == {"number": "A002", "counter": 1}
    assert hall.queue.finish(1, mine.id).number == "A001"


def test_a_second_finish_is_refused(hall: Hall) -> None:
    issue(hall, "A")
    ticket = hall.queue.call_next(2).called
    hall.queue.finish(2, ticket.id)
    refused_without_change(
        hall, lambda: hall.queue.finish(2, ticket.id), RuleViolation, "no_current_customer"
    )
    refused_without_change(hall, lambda: hall.queue.finish(2), RuleViolation, "no_current_customer")


def test_pausing_or_closing_a_busy_counter_is_refused(hall: Hall) -> None:
    issue(hall, "A")
    hall.queue.call_next(2)
    for state in (CounterState.PAUSED, CounterState.CLOSED):
        refused_without_change(
            hall, lambda s=state: hall.queue.set_counter_state(2, s), RuleViolation, "counter_busy"
        )


def test_call_next_on_a_paused_counter_resumes_it(hall: Hall) -> None:
    issue(hall, "A")
    hall.queue.set_counter_state(2, CounterState.PAUSED)
    assert counter_state(hall, 2) == "paused"
    since = last_event_id(hall)
    assert hall.queue.call_next(2).called.number == "A001"
    assert counter_state(hall, 2) == "open"
    assert events(hall, since) == [("", "counter_open", 2), ("A001", "called", 2)]


def test_paused_counter_with_nobody_waiting_is_open_again(hall: Hall) -> None:
    hall.queue.set_counter_state(3, CounterState.PAUSED)
    assert hall.queue.call_next(3).called is None
    assert counter_state(hall, 3) == "open"
