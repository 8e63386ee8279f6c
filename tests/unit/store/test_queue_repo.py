"""The queue's rows and the constraints that back every invariant, checked on real rows."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import sqlite_utils

from counter_app import paths
from counter_app.domain.queue import CounterState, Ticket, TicketState
from counter_app.services.hall import sync_profile
from counter_app.store.queue import QueueRepository
from counter_app.store.sqlite.connection import SqliteSql, write
from counter_app.store.sqlite.hall_file import open_sqlite_store

DAY = date(2025, 3, 3)
AT = datetime(2025, 3, 3, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sqlite_utils.Database]:
    store = open_sqlite_store(tmp_path / "hall.sqlite3", create=True)
    sync_profile(store, paths.DEFAULT_PROFILE, lambda: AT)  # services and counters rows
    yield store.db
    store.close()


@pytest.fixture
def repo(db: sqlite_utils.Database) -> QueueRepository:
    return QueueRepository(SqliteSql(db))


def add(repo: QueueRepository, service: str = "A", *, green: bool = False, day: date = DAY) -> Ticket:
    prefix = "V" if green else service
    seq = repo.next_seq(day.isoformat(), prefix)
    return repo.insert_ticket(
        day=day,
        prefix=prefix,
        seq=seq,
        number=f"{prefix}{seq:03d}",
        service_code=service,
        green=green,
        green_reason="",
        queue_order=repo.next_queue_order(),
        at=AT,
        source="test",
    )


def test_next_seq_counts_per_day_and_prefix(repo: QueueRepository) -> None:
    assert [repo.next_seq("2025-03-03", "A") for _ in range(3)] == [1, 2, 3]
    assert repo.next_seq("2025-03-03", "B") == 1
    assert repo.next_seq("2025-03-04", "A") == 1
    assert [repo.next_queue_order() for _ in range(2)] == [1, 2]  # one counter for the whole line


def test_insert_and_read_back_a_ticket(repo: QueueRepository) -> None:
    ticket = add(repo, "C")
    assert repo.get(ticket.id) == ticket
    assert repo.by_number(DAY, "c001") == ticket
    assert (ticket.state, ticket.issued_at, ticket.business_day) == (TicketState.WAITING, AT, DAY)
    assert repo.get(999) is None and repo.by_number(DAY, "C002") is None


def test_rare_characters_round_trip(repo: QueueRepository) -> None:
    add(repo)
    with write(repo.sql.db):
        repo.set_counter(2, CounterState.OPEN, "𠀀明", AT)
    assert repo.counter_row(2) == (CounterState.OPEN, "𠀀明", True)


def test_numbers_are_unique_per_day_and_prefix(repo: QueueRepository) -> None:
    add(repo)
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        repo.insert_ticket(
            day=DAY,
            prefix="A",
            seq=1,
            number="A001x",
            service_code="A",
            green=False,
            green_reason="",
            queue_order=99,
            at=AT,
            source="test",
        )
    # the same number on another day is fine
    add(repo, day=date(2025, 3, 4))


def test_one_active_ticket_per_counter(repo: QueueRepository) -> None:
    first, second = add(repo), add(repo)
    called = repo.update_ticket(first.id, (TicketState.WAITING,), state="called", counter=2)
    assert called is not None and called.counter == 2
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        repo.update_ticket(second.id, (TicketState.WAITING,), state="serving", counter=2)
    # done tickets do not count
    repo.update_ticket(first.id, (TicketState.CALLED,), state="done")
    assert repo.update_ticket(second.id, (TicketState.WAITING,), state="called", counter=2) is not None


def test_an_active_ticket_must_have_a_counter(repo: QueueRepository) -> None:
    ticket = add(repo)
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        repo.update_ticket(ticket.id, (TicketState.WAITING,), state="called")


def test_unknown_state_is_refused_by_the_schema(repo: QueueRepository) -> None:
    ticket = add(repo)
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        repo.update_ticket(ticket.id, (TicketState.WAITING,), state="lost")


def test_guarded_update_changes_nothing_in_an_unexpected_state(repo: QueueRepository) -> None:
    ticket = add(repo)
    assert repo.update_ticket(ticket.id, (TicketState.CALLED,), state="done") is None
    assert repo.get(ticket.id).state is TicketState.WAITING


def test_queue_events_are_append_only(repo: QueueRepository) -> None:
    ticket = add(repo)
    repo.add_event("issued", AT, ticket=ticket)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        repo.sql.db.execute("UPDATE queue_events SET kind = 'called'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        repo.sql.db.execute("DELETE FROM queue_events")
    assert repo.sql.db.execute("SELECT kind FROM queue_events").fetchall() == [("issued",)]


def test_add_event_writes_the_audit_row_and_its_outbox_row(repo: QueueRepository) -> None:
    import json

    ticket = add(repo, "B")
    repo.add_event("issued", AT, ticket=ticket, counter=None, clerk="k", detail={"source": "kiosk"})
    event = repo.sql.db.execute("SELECT uuid, ticket_id, kind, clerk, detail FROM queue_events").fetchone()
    assert event[1:] == (ticket.id, "issued", "k", '{"source":"kiosk"}')
    (payload,) = repo.sql.db.execute("SELECT payload FROM outbox").fetchone()
    assert json.loads(payload) == {
        "event": "issued",
        "uuid": event[0],
        "at": "2025-03-03T09:00:00.000+08:00",
        "counter": None,
        "clerk": "k",
        "source": "kiosk",
        "ticket": ticket.uuid,
        "number": "B001",
        "service": "B",
        "business_day": "2025-03-03",
        "state": "waiting",
    }


def test_line_heads_are_the_oldest_of_each_service_and_green_line(repo: QueueRepository) -> None:
    a1, _a2, c1 = add(repo, "A"), add(repo, "A"), add(repo, "C")
    g1, _g2 = add(repo, "A", green=True), add(repo, "A", green=True)
    add(repo, "B")
    add(repo, "A", day=date(2025, 3, 2))  # another day is not in today's line
    heads = {(c.service_code, c.green): c.ticket_id for c in repo.line_heads(DAY, ("A", "C"))}
    assert heads == {("A", False): a1.id, ("C", False): c1.id, ("A", True): g1.id}
    repo.update_ticket(a1.id, (TicketState.WAITING,), state="cancelled")
    heads = {(c.service_code, c.green): c.ticket_id for c in repo.line_heads(DAY, ("A",))}
    assert heads[("A", False)] == _a2.id


def test_waiting_is_in_calling_order_and_ahead_of_counts_it(repo: QueueRepository) -> None:
    a1, c1, a2 = add(repo, "A"), add(repo, "C"), add(repo, "A")
    g1 = add(repo, "A", green=True)
    assert [t.number for t in repo.waiting(DAY)] == ["V001", "A001", "C001", "A002"]
    assert [t.number for t in repo.waiting(DAY, "A")] == ["V001", "A001", "A002"]
    assert [repo.ahead_of(t) for t in (g1, a1, a2, c1)] == [0, 1, 2, 0]
    assert repo.waiting_counts(DAY) == {"A": 3, "C": 1}


def test_counters_rows_follow_the_profile(repo: QueueRepository) -> None:
    setups = {1: ("A", "C")}
    counters = repo.counters(setups)
    assert [c.number for c in counters] == [1, 2, 3, 4, 5, 6]
    assert counters[0].services == ("A", "C") and counters[1].services == ()
    assert all(c.state is CounterState.OPEN for c in counters)
    assert repo.counter_row(42) is None


def test_latest_business_day_and_stale_tickets(repo: QueueRepository) -> None:
    assert repo.latest_business_day() is None
    old = add(repo, day=date(2025, 3, 2))
    add(repo)
    assert repo.latest_business_day() == DAY
    assert [t.id for t in repo.stale_open_days(DAY)] == [old.id]
    repo.update_ticket(old.id, (TicketState.WAITING,), state="cancelled")
    assert repo.stale_open_days(DAY) == []
