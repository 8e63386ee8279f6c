"""Queue actions over time: the rows each one writes, restarts, clocks set back, day rollover and
the waiting estimate."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime

import pytest
from queue_checks import dump, events, issue, last_event_id, refused_without_change, row
from store_peek import peek

from counter_app import paths
from counter_app.domain.errors import RuleViolation
from counter_app.domain.queue import CounterState, TicketState
from counter_app.services.hall import Hall


# one action = its rows, in one transaction -------------------------------------------------------
def prepared(hall: Hall) -> None:
    """Counter 2 serving A001, counter 1 has A002 called, A003 waiting, A004 a no-show, C001 waiting."""
    issue(hall, "AAAAC")
    hall.queue.call_number(3, "A004")
    hall.queue.no_show(3)
    hall.queue.call_next(2)
    hall.queue.start_serving(2)
    hall.queue.call_next(1)


ACTIONS: list[tuple[str, Callable[[Hall], object], list[tuple[str, str, int | None]]]] = [
    ("issue", lambda h: h.queue.issue("B"), [("B001", "issued", None)]),
    ("call_next", lambda h: h.queue.call_next(2), [("A001", "finished", 2), ("A003", "called", 2)]),
    ("call_next idle", lambda h: h.queue.call_next(5), [("C001", "called", 5)]),
    (
        "call_number",
        lambda h: h.queue.call_number(1, "C001"),
        [("A002", "finished", 1), ("C001", "called", 1)],
    ),
    ("recall", lambda h: h.queue.recall(1), [("A002", "recalled", 1)]),
    ("no_show", lambda h: h.queue.no_show(1), [("A002", "no_show", 1)]),
    ("start", lambda h: h.queue.start_serving(1), [("A002", "serving", 1)]),
    ("finish", lambda h: h.queue.finish(2), [("A001", "finished", 2)]),
    ("transfer", lambda h: h.queue.transfer(2, "D"), [("A001", "transferred", 2)]),
    ("requeue", lambda h: h.queue.requeue("A004"), [("A004", "requeued", None)]),
    ("cancel", lambda h: h.queue.cancel("A003", clerk="c1"), [("A003", "cancelled", None)]),
    ("pause", lambda h: h.queue.set_counter_state(4, CounterState.PAUSED), [("", "counter_paused", 4)]),
]


@pytest.mark.parametrize(("name", "action", "expected"), ACTIONS, ids=[a[0] for a in ACTIONS])
def test_each_action_writes_exactly_its_events_and_outbox_rows(
    hall: Hall, name: str, action: Callable[[Hall], object], expected: list[tuple[str, str, int | None]]
) -> None:
    prepared(hall)
    since = last_event_id(hall)
    outbox_before = peek(hall).execute("SELECT COUNT(*) FROM outbox").fetchone()[0]
    action(hall)
    assert events(hall, since) == expected
    payloads = {json.loads(p)["uuid"]: p for (p,) in peek(hall).execute("SELECT payload FROM outbox")}
    new = [
        (uuid, kind, payloads[uuid])
        for uuid, kind in peek(hall)
        .execute("SELECT uuid, kind FROM queue_events WHERE id > ? ORDER BY id", [since])
        .fetchall()
        if uuid in payloads
    ]
    assert [k for _, k, _ in new] == [k for _, k, _ in expected]  # one outbox row per event
    assert peek(hall).execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == outbox_before + len(expected)
    for _, kind, payload in new:
        assert json.loads(payload)["event"] == kind


def test_a_failure_after_the_change_leaves_no_ticket_event_or_number(hall: Hall) -> None:
    issue(hall, "A")
    before = dump(hall)
    sqlite = hall.store.sql.dialect.name == "sqlite"
    peek(hall).execute(
        "CREATE TEMP TRIGGER outbox_fails BEFORE INSERT ON main.outbox "
        "BEGIN SELECT RAISE(ABORT, 'outbox refused'); END"
        if sqlite
        else "CREATE FUNCTION outbox_fails() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'outbox refused'; END $$; "
        "CREATE TRIGGER outbox_fails BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION outbox_fails()"
    )
    with pytest.raises(Exception, match="outbox refused"):
        hall.queue.issue("A")
    with pytest.raises(Exception, match="outbox refused"):
        hall.queue.call_next(2)
    assert dump(hall) == before
    peek(hall).execute("DROP TRIGGER temp.outbox_fails" if sqlite else "DROP TRIGGER outbox_fails ON outbox")
    assert hall.queue.issue("A").ticket.number == "A002"


# restart, clocks and days ------------------------------------------------------------------------
def snapshot(hall: Hall) -> tuple[object, ...]:
    status = hall.views.status()
    return (
        dump(hall),
        status.waiting,
        [
            (
                c.counter.number,
                c.counter.state,
                c.counter.clerk,
                c.current.number if c.current else None,
                c.current.state if c.current else None,
            )
            for c in status.counters
        ],
    )


def test_restart_resumes_exactly(make_hall, hall: Hall) -> None:
    issue(hall, "AAACCBBD")
    hall.queue.issue("A", green=True, green_reason="elderly")
    hall.queue.call_next(1, clerk="王丽")
    hall.queue.start_serving(1)
    hall.queue.call_next(3, clerk="张敏")
    hall.queue.call_next(2)
    hall.queue.recall(2)
    hall.queue.set_counter_state(6, CounterState.PAUSED)
    hall.queue.set_counter_state(5, CounterState.CLOSED)
    before = snapshot(hall)
    hall.close()
    again = make_hall(hall.path)
    assert snapshot(again) == before
    currents = {c.counter.number: c.current for c in again.views.status().counters if c.current}
    assert {n: (t.number, t.state) for n, t in currents.items()} == {
        1: ("V001", TicketState.SERVING),
        2: ("A001", TicketState.CALLED),
        3: ("B001", TicketState.CALLED),
    }
    assert again.queue.recall(2).ticket.recalls == 2  # the recall count survived
    assert again.queue.call_next(1).finished.number == "V001"
    assert again.queue.issue("A").ticket.number == "A004"


def test_clock_set_back_within_a_day_keeps_numbers_and_line_order(hall: Hall, clock) -> None:
    issue(hall, "AC")
    clock.advance(hours=-2)
    issue(hall, "AC")
    assert [row(hall, n)["seq"] for n in ("A001", "A002", "C001", "C002")] == [1, 2, 1, 2]
    # counter 6 serves C, D, A: within C the earlier number first although its time is later
    assert [hall.queue.call_next(6).called.number for _ in range(4)] == ["C001", "C002", "A001", "A002"]


def test_clock_set_back_across_midnight_stays_on_the_business_day(hall: Hall, clock) -> None:
    clock.set(datetime(2025, 3, 4, 4, 30))
    issue(hall, "AA")
    clock.set(datetime(2025, 3, 3, 23, 50))  # yesterday, before today's 04:00 start
    issue(hall, "A")
    clock.set(datetime(2025, 3, 4, 3, 0))  # after midnight but before day start
    issue(hall, "A")
    days = peek(hall).execute("SELECT DISTINCT business_day FROM tickets").fetchall()
    assert days == [("2025-03-04",)]
    assert [hall.queue.call_next(2).called.number for _ in range(4)] == ["A001", "A002", "A003", "A004"]
    assert hall.views.status().business_day == date(2025, 3, 4)


def test_day_rollover_expires_yesterdays_open_tickets(hall: Hall, clock) -> None:
    issue(hall, "AAB")
    hall.queue.call_next(2)
    hall.queue.call_next(3)
    hall.queue.start_serving(3)
    clock.set(datetime(2025, 3, 4, 3, 59))  # still the same business day
    assert hall.queue.issue("A").ticket.number == "A003"
    clock.set(datetime(2025, 3, 4, 8, 0))
    since = last_event_id(hall)
    fresh = hall.queue.issue("A").ticket
    assert (fresh.number, fresh.business_day) == ("A001", date(2025, 3, 4))
    yesterday = date(2025, 3, 3)
    for number in ("A001", "A002", "A003", "B001"):
        assert row(hall, number, yesterday)["state"] == "cancelled"
    assert sorted(e for e in events(hall, since) if e[1] == "expired") == [
        ("A001", "expired", None),
        ("A002", "expired", None),
        ("A003", "expired", None),
        ("B001", "expired", None),
    ]
    assert hall.queue.repo.active_at(2) is None and hall.queue.repo.active_at(3) is None
    assert hall.queue.call_next(2).called.business_day == date(2025, 3, 4)


def test_day_rollover_in_a_refused_action_is_not_forgotten(hall: Hall, clock) -> None:
    """The first action of a new day is refused (rolled back, expiry included): the next must expire."""
    issue(hall, "AA")
    hall.queue.set_counter_state(2, CounterState.CLOSED)
    clock.set(datetime(2025, 3, 4, 8, 0))
    refused_without_change(hall, lambda: hall.queue.call_next(2), RuleViolation, "counter_closed")
    hall.queue.issue("C")
    yesterday = date(2025, 3, 3)
    assert [row(hall, n, yesterday)["state"] for n in ("A001", "A002")] == ["cancelled", "cancelled"]


def test_waiting_estimate_uses_rolling_average_and_open_counters(make_hall, clock) -> None:
    hall = make_hall()
    issue(hall, "BBBB")  # B: counters 3 and 4, default 15 minutes
    assert hall.queue.issue("B").estimate_minutes == 30  # 4 ahead × 15 / 2
    hall.queue.set_counter_state(4, CounterState.CLOSED)
    assert hall.queue.issue("B").estimate_minutes == 75  # 5 × 15 / 1
    for minutes in (5, 7):  # two finished B services: average 6 minutes
        hall.queue.call_next(3)
        hall.queue.start_serving(3)
        clock.advance(minutes=minutes)
        hall.queue.finish(3)
    # 4 ahead × 6 / 1
    assert hall.queue.issue("B").estimate_minutes == 24
    hall.queue.set_counter_state(4, CounterState.OPEN)
    assert hall.queue.issue("B").estimate_minutes == 15  # 5 × 6 / 2
    hall.queue.set_counter_state(3, CounterState.CLOSED)
    hall.queue.set_counter_state(4, CounterState.CLOSED)
    # nobody staffed: estimate over every counter configured for B rather than none
    assert hall.queue.issue("B").estimate_minutes == 18  # 6 × 6 / 2


def test_rolling_average_uses_only_the_last_window(make_hall, clock) -> None:
    text = paths.DEFAULT_PROFILE.read_text(encoding="utf-8").replace(
        "estimate_window = 20", "estimate_window = 2"
    )
    hall = make_hall(profile_text=text)
    for minutes in (30, 4, 8):  # the 30-minute service falls out of a window of 2
        issue(hall, "D")
        hall.queue.call_next(5)
        clock.advance(minutes=minutes)
        hall.queue.finish(5)
        clock.advance(seconds=1)
    issue(hall, "DD")
    # D is served by counters 5 and 6: 2 ahead × 6-minute average (not 14 over all three) / 2
    assert hall.queue.issue("D").estimate_minutes == 6
    assert hall.queue.repo.average_service_minutes("D", 2) == pytest.approx(6.0, abs=0.01)


def test_business_day_action(hall: Hall, clock) -> None:
    assert hall.queue.business_day() == date(2025, 3, 3)
    clock.set(datetime(2025, 3, 4, 1, 0))
    assert hall.queue.business_day() == date(2025, 3, 3)
