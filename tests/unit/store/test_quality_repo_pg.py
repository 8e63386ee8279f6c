"""The quality repository on the hall server's engine: the same code and SQL as on SQLite, on a
fresh hall database of the test PostgreSQL server (``pg_dsn``: every migration of
``store/postgres/migrations/`` applied, 0002_quality among them).

Skipped without PostgreSQL binaries, unless COUNTER_APP_REQUIRE_PG=1.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import psycopg
import pytest
from quality_data import SHANGHAI, TARGETS, day_of_visits
from quality_rows import to_millis, write_visits

from counter_app.domain.quality.facts import Rating
from counter_app.domain.quality.records import RatingSource
from counter_app.domain.quality.summary import QualitySummary, by_clerk, by_service
from counter_app.store.postgres.connection import PostgresSql
from counter_app.store.quality import QualityRepository

DAY = date(2025, 3, 3)


@pytest.fixture
def sql(pg_dsn: str) -> Iterator[PostgresSql]:
    """The hall's services and counters 1–6 (open, a clerk each), as the queue's own rows."""
    engine = PostgresSql(pg_dsn, timezone="Asia/Shanghai")
    with engine.write():
        for position, code in enumerate("ABCD", start=1):
            engine.execute("INSERT INTO services (code, position) VALUES (?, ?)", [code, position])
        for number in range(1, 7):
            engine.execute(
                "INSERT INTO counters (number, state, clerk, updated_at) VALUES (?, 'open', ?, ?)",
                [number, f"S00{number}", datetime(2025, 3, 3, 8, tzinfo=SHANGHAI)],
            )
    yield engine
    engine.close()


def test_visits_read_back_on_postgresql(sql: PostgresSql) -> None:
    visits = to_millis(day_of_visits(DAY, 300, seed=4))
    write_visits(sql, visits)
    repo = QualityRepository(sql)
    with sql.read():
        assert repo.visits(DAY, DAY) == visits
        assert repo.ticket_days(DAY, DAY) == [DAY]
        assert repo.day_counts(DAY)[0] > 300
        marks = repo.watermarks()
        changed, added = repo.changed_since((0, 0, 0), DAY)
    assert len(changed) == 300 and added == repo.day_counts(DAY)
    assert marks[0] > 0


def test_summaries_ratings_and_hand_overs_on_postgresql(sql: PostgresSql) -> None:
    visits = to_millis(day_of_visits(DAY, 200, seed=5))
    write_visits(sql, visits)
    repo = QualityRepository(sql)
    summary = QualitySummary.of_visits(visits, TARGETS)
    with sql.write():
        repo.save_day(DAY, summary, {9: 60.0}, {"wait": 20}, datetime(2025, 3, 4, 5, tzinfo=SHANGHAI))
    with sql.read():
        stored = repo.stored_summary(DAY, DAY)
        assert stored.group(by_service) == summary.group(by_service)
        assert stored.group(by_clerk) == summary.group(by_clerk)
        assert repo.summarised_days(DAY, DAY) == {DAY}
        assert repo.stored_counter_minutes(DAY, DAY) == {DAY: {9: 60.0}}
        record = repo.day_records(DAY, DAY)[0]
        history = repo.arrivals_history(DAY, DAY)
    assert record.arrivals == 200 and sum(history.values()) == 200
    with sql.read():
        tickets = [repo.ticket(t) for t in range(1, 201)]
        unrated = next(
            t for t in tickets if t is not None and t.state == "done" and repo.rating(t.id) is None
        )
    at = datetime(2025, 3, 3, 18, tzinfo=SHANGHAI)
    with sql.write():
        assert repo.add_rating(unrated, Rating.NEUTRAL, ["long_wait"], RatingSource.CLI, at)
        assert not repo.add_rating(unrated, Rating.SATISFIED, [], RatingSource.CLI, at)  # ON CONFLICT
        repo.forget_days([DAY])
    with sql.read():
        rating = repo.rating(unrated.id)
        assert rating is not None and (rating.level, rating.reasons) == (Rating.NEUTRAL, ("long_wait",))
        assert repo.summarised_days(DAY, DAY) == set()
        handed = [h for h in repo.handovers_of_day(DAY) if h.from_service]
        assert handed and all(h.reason == "需专人处理" for h in handed)
        assert repo.waiting_lines(DAY) is not None and repo.counters_now()[0].clerk == "S001"
        prompt = repo.rating_prompt(1, datetime(2025, 3, 3, 8, tzinfo=SHANGHAI))
        assert prompt is None or prompt.counter == 1
        assert repo.staff_member("S001") is None


def test_the_quality_tables_guard_their_rows_on_the_server(sql: PostgresSql) -> None:
    """0002_quality holds the same invariants as SQLite's 0007_quality: ratings and hand-overs are
    append-only, reasons only below satisfied, a hand-over always says why."""
    visits = to_millis(day_of_visits(DAY, 60, seed=6))
    write_visits(sql, visits)
    conn = psycopg.connect(sql.dsn, autocommit=True)
    try:
        rated = conn.execute("SELECT ticket_id FROM ratings LIMIT 1").fetchone()
        assert rated is not None
        with pytest.raises(psycopg.errors.RestrictViolation, match="append-only"):
            conn.execute("UPDATE ratings SET level = 'satisfied'")
        with pytest.raises(psycopg.errors.RestrictViolation, match="append-only"):
            conn.execute("DELETE FROM visit_handovers")
        done = conn.execute(
            "SELECT t.id FROM tickets t WHERE t.state = 'done' AND NOT EXISTS "
            "(SELECT 1 FROM ratings r WHERE r.ticket_id = t.id) LIMIT 1"
        ).fetchone()
        assert done is not None
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute(
                """INSERT INTO ratings (uuid, ticket_id, business_day, level, reasons, service_code,
                       counter, clerk, source, at)
                   VALUES ('x1', %s, '2025-03-03', 'satisfied', '["long_wait"]', 'A', 1, 'S001', 'cli',
                           now())""",
                [done[0]],
            )
        with pytest.raises(psycopg.errors.UniqueViolation):
            conn.execute(
                """INSERT INTO ratings (uuid, ticket_id, business_day, level, service_code, counter,
                       clerk, source, at)
                   VALUES ('x2', %s, '2025-03-03', 'satisfied', 'A', 1, 'S001', 'cli', now())""",
                [rated[0]],
            )
        event = conn.execute(
            "SELECT id, ticket_id FROM queue_events WHERE kind = 'called' LIMIT 1"
        ).fetchone()
        assert event is not None
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute(
                """INSERT INTO visit_handovers (uuid, ticket_id, event_id, business_day, owner,
                       from_counter, from_clerk, from_service, to_service, reason, at)
                   VALUES ('h1', %s, %s, '2025-03-03', 'S001', 1, 'S001', 'A', 'C', '  ', now())""",
                [event[1], event[0]],
            )
    finally:
        conn.close()
