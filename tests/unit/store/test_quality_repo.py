"""The quality tables' constraints, and the store's visit reads on a generated history: what is
written as the queue writes it reads back as the same visits, so every figure is the same."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from quality_data import TARGETS, day_of_visits
from quality_rows import to_millis, write_visits

from counter_app.domain.quality.figures import exact_groups, figures_from_visits
from counter_app.domain.quality.summary import QualitySummary, by_clerk, by_hour, by_service
from counter_app.services.hall import Hall
from counter_app.store.quality import QualityRepository

DAY = date(2025, 3, 3)


@pytest.fixture
def repo(hall: Hall) -> QualityRepository:
    return hall.store.quality


def test_generated_days_read_back_as_the_same_visits(hall: Hall, repo: QualityRepository) -> None:
    days = [DAY + timedelta(days=i) for i in range(3)]
    visits = {day: to_millis(day_of_visits(day, 400, seed=i)) for i, day in enumerate(days)}
    for day in days:
        write_visits(hall.store.db.conn, visits[day])
    for day in days:
        assert repo.visits(day, day) == visits[day]
    both = repo.visits(days[0], days[1])
    assert both == visits[days[0]] + visits[days[1]]
    # so every figure agrees with the figures of the visits themselves
    assert figures_from_visits(both, TARGETS) == figures_from_visits(
        visits[days[0]] + visits[days[1]], TARGETS
    )
    for by in (by_service, by_clerk, by_hour):
        assert exact_groups(both, TARGETS, by) == exact_groups(visits[days[0]] + visits[days[1]], TARGETS, by)


def test_a_stored_day_summary_reads_back_whole(hall: Hall, repo: QualityRepository) -> None:
    visits = to_millis(day_of_visits(DAY, 300, seed=5))
    write_visits(hall.store.db.conn, visits)
    summary = QualitySummary.of_visits(visits, TARGETS)
    at = datetime(2025, 3, 4, 5, 0).astimezone()
    sql = hall.store.sql
    with sql.write():
        repo.save_day(DAY, summary, {9: 120.0, 10: 60.0}, {"wait": 20}, at)
    assert repo.summarised_days(DAY, DAY) == {DAY}
    stored = repo.stored_summary(DAY, DAY)
    assert stored.figures() == summary.figures()
    assert stored.group(by_service) == summary.group(by_service)
    assert repo.stored_counter_minutes(DAY, DAY) == {DAY: {9: 120.0, 10: 60.0}}
    record = repo.day_records(DAY, DAY)[0]
    assert (record.arrivals, record.waits, record.wait_total_us) == (
        summary.figures().arrivals,
        summary.figures().wait.count,
        summary.figures().wait.total_us,
    )
    with sql.write():
        repo.forget_days([DAY])
    assert repo.summarised_days(DAY, DAY) == set()
    assert hall.store.db.execute("SELECT COUNT(*) FROM quality_day_cells").fetchone()[0] == 0  # cascaded


def rating_row(
    ticket_id: int, level: str = "satisfied", reasons: str = "[]", counter: int = 1
) -> list[object]:
    return [
        f"u{ticket_id}{level}{reasons}",
        ticket_id,
        "2025-03-03",
        level,
        reasons,
        "A",
        counter,
        "S001",
        "screen",
        "x",
    ]


def _twice(db: sqlite3.Connection, then: str | None = None) -> None:
    db.execute(INSERT_RATING, rating_row(1))
    if then is None:
        db.execute(INSERT_RATING, rating_row(1, "neutral"))
    else:
        db.execute(then)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (lambda db: db.execute(INSERT_RATING, rating_row(1, "satisfied", '["long_wait"]')), "CHECK"),
        (lambda db: db.execute(INSERT_RATING, rating_row(1, "superb")), "CHECK"),
        (lambda db: db.execute(INSERT_RATING, rating_row(1, "neutral", "{}")), "CHECK"),
        (lambda db: db.execute(INSERT_RATING, rating_row(1, "neutral", "[]", counter=0)), "CHECK"),
        (lambda db: _twice(db), "UNIQUE"),
        (lambda db: _twice(db, "UPDATE ratings SET level = 'neutral'"), "never changed"),
        (lambda db: _twice(db, "DELETE FROM ratings"), "never deleted"),
    ],
)
def test_ratings_constraints(hall: Hall, bad: Callable[[sqlite3.Connection], object], message: str) -> None:
    hall.queue.issue("A")
    with pytest.raises(sqlite3.IntegrityError, match=message):
        bad(hall.store.db.conn)


INSERT_RATING = """INSERT INTO ratings (uuid, ticket_id, business_day, level, reasons, service_code, counter,
    clerk, source, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""


def test_hand_overs_and_notes_constraints(hall: Hall) -> None:
    hall.queue.issue("A")
    conn = hall.store.db.conn
    conn.execute("INSERT INTO queue_events (uuid, ticket_id, kind, at) VALUES ('e', 1, 'transferred', 'x')")
    insert = """INSERT INTO visit_handovers (uuid, ticket_id, event_id, business_day, owner, from_counter,
        from_clerk, from_service, to_service, to_counter, reason, at) VALUES (?, 1, 1, '2025-03-03', 'a', 1,
        'a', ?, ?, ?, ?, 'x')"""
    for values in (("h1", "A", "A", None, "r"), ("h2", "A", "C", 1, "r"), ("h3", "A", "C", None, " ")):
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            conn.execute(insert, values)
    conn.execute(insert, ("h4", "A", "A", 2, "r"))  # the same service, to another counter
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        conn.execute(insert, ("h5", "A", "C", None, "r"))  # one hand-over per transfer
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE visit_handovers SET reason = 'y'")
    note = """INSERT INTO visit_notes (uuid, ticket_id, business_day, service_code, counter, clerk, outcome,
        note, at) VALUES (?, 1, '2025-03-03', 'C', 1, 'a', ?, ?, 'x')"""
    for values in (("n1", None, ""), ("n2", "solved", "x"), ("n3", "answered", "长" * 201)):
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            conn.execute(note, values)
