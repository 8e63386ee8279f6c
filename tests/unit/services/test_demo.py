"""The demo morning: made by the real services, deterministic, and a consistent queue afterwards."""

from __future__ import annotations

from collections import Counter as Tally
from datetime import date, datetime

from store_peek import peek

from counter_app.domain.queue import CounterState
from counter_app.services.demo import load_demo_history
from counter_app.services.hall import Hall


def numbers(hall: Hall) -> list[tuple[str, str, str]]:
    return peek(hall).execute("SELECT number, service_code, state FROM tickets ORDER BY id").fetchall()


def test_demo_morning_is_made_through_the_services(hall: Hall, clock) -> None:
    clock.set(datetime(2025, 3, 3, 11, 30))
    counts = load_demo_history(hall)
    tickets = peek(hall).execute("SELECT id, state, business_day FROM tickets").fetchall()
    assert len(tickets) == counts["issued"] > 50
    assert {t[2] for t in tickets} == {"2025-03-03"}
    kinds = Tally(k for (k,) in peek(hall).execute("SELECT kind FROM queue_events"))
    # every ticket was issued by the service, and every change left its event
    assert kinds["issued"] == counts["issued"]
    assert (
        counts["served"] <= kinds["finished"] <= counts["served"] + 1
    )  # + counter 6 finished before pausing
    assert kinds["no_show"] == counts["no_show"] and kinds["transferred"] == counts["transferred"]
    # every queue event, rating, hand-over and inquiry outcome left its outbox row for the centre
    quality = sum(
        peek(hall).execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        for table in ("ratings", "visit_handovers", "visit_notes")
    )
    assert peek(hall).execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == sum(kinds.values()) + quality
    assert quality >= counts["served"]  # every customer finished was asked for a rating
    status = hall.views.status()
    assert sum(status.waiting.values()) >= 10  # the people left waiting, green one included
    assert hall.views.counter_view(1).waiting[0].green
    states = {c.counter.number: c.counter for c in status.counters}
    assert states[6].state is CounterState.PAUSED
    assert states[1].clerk == "王丽"
    # the bulk load's relaxed durability does not outlive it
    if hall.store.sql.dialect.name == "sqlite":
        assert peek(hall).execute("PRAGMA synchronous").fetchone()[0] == 2
    else:
        assert peek(hall).execute("SHOW synchronous_commit").fetchone()[0] == "on"


def test_demo_is_deterministic(make_hall, tmp_path, clock) -> None:
    clock.set(datetime(2025, 3, 3, 11, 30))
    first = make_hall(tmp_path / "one.sqlite3")
    second = make_hall(tmp_path / "two.sqlite3")
    assert load_demo_history(first, seed=3) == load_demo_history(second, seed=3)
    assert numbers(first) == numbers(second)


def test_demo_right_after_the_day_start_stays_on_today(hall: Hall, clock) -> None:
    clock.set(datetime(2025, 3, 3, 4, 0, 30))
    load_demo_history(hall)
    days = peek(hall).execute("SELECT DISTINCT business_day FROM tickets").fetchall()
    assert days == [("2025-03-03",)]
    assert hall.queue.business_day() == date(2025, 3, 3)
