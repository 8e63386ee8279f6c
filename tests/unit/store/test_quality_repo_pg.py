"""The quality repository on the hall server's engine: the same code and SQL as on SQLite, on a
throwaway PostgreSQL (tests/pg_server.py), with the quality tables of ``store/postgres`` over a
stand-in of the queue's tables (the hall server's own queue schema comes with issue #10).

Skipped without PostgreSQL binaries, unless COUNTER_APP_REQUIRE_PG=1.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, datetime

import pytest
from pg_server import NoServer, PgServer, required
from pg_server import test_server as throwaway_server
from quality_data import SHANGHAI, TARGETS, day_of_visits
from quality_rows import to_millis, write_visits

from counter_app.domain.quality.facts import Rating
from counter_app.domain.quality.records import RatingSource
from counter_app.domain.quality.summary import QualitySummary, by_clerk, by_service
from counter_app.store.postgres import schema_quality
from counter_app.store.quality import QualityRepository

psycopg = pytest.importorskip("psycopg")
from counter_app.store.postgres.connection import PostgresSql  # noqa: E402

DAY = date(2025, 3, 3)

#: The queue's tables as the quality code reads them; a stand-in until the server's schema (#10).
QUEUE = (
    """CREATE TABLE counters (number INTEGER PRIMARY KEY, state TEXT NOT NULL,
        clerk TEXT NOT NULL DEFAULT '', configured INTEGER NOT NULL DEFAULT 1,
        updated_at TIMESTAMPTZ NOT NULL)""",
    """CREATE TABLE number_sequences (business_day TEXT NOT NULL, prefix TEXT NOT NULL,
        last_seq INTEGER NOT NULL, PRIMARY KEY (business_day, prefix))""",
    """CREATE TABLE tickets (id BIGSERIAL PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, business_day DATE NOT NULL,
        prefix TEXT NOT NULL, seq INTEGER NOT NULL, number TEXT NOT NULL, service_code TEXT NOT NULL,
        green INTEGER NOT NULL DEFAULT 0, green_reason TEXT NOT NULL DEFAULT '', state TEXT NOT NULL,
        queue_order INTEGER NOT NULL, issued_at TIMESTAMPTZ NOT NULL, called_at TIMESTAMPTZ,
        serving_at TIMESTAMPTZ, finished_at TIMESTAMPTZ, counter INTEGER REFERENCES counters(number),
        clerk TEXT NOT NULL DEFAULT '', recalls INTEGER NOT NULL DEFAULT 0,
        transfers INTEGER NOT NULL DEFAULT 0, source TEXT NOT NULL DEFAULT 'kiosk',
        UNIQUE (business_day, number))""",
    "CREATE INDEX tickets_line ON tickets (business_day, state, service_code, green, queue_order)",
    """CREATE TABLE queue_events (id BIGSERIAL PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
        ticket_id BIGINT REFERENCES tickets(id), kind TEXT NOT NULL, at TIMESTAMPTZ NOT NULL,
        counter INTEGER, clerk TEXT NOT NULL DEFAULT '', detail TEXT NOT NULL DEFAULT '{}')""",
    "CREATE INDEX queue_events_ticket ON queue_events (ticket_id)",
    """CREATE TABLE payment_guidance (id BIGSERIAL PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
        account_number TEXT NOT NULL, on_record INTEGER NOT NULL, list_id BIGINT,
        online_channels INTEGER NOT NULL, withholding_guidance INTEGER NOT NULL, clerk TEXT NOT NULL,
        counter INTEGER, ticket_id BIGINT, ticket_number TEXT NOT NULL DEFAULT '',
        business_day DATE NOT NULL, at TIMESTAMPTZ NOT NULL)""",
    """CREATE TABLE staff (code TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL,
        active INTEGER NOT NULL)""",
    """CREATE TABLE outbox (id BIGSERIAL PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, topic TEXT NOT NULL,
        payload TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL, sent_at TIMESTAMPTZ)""",
)


@pytest.fixture(scope="module")
def server() -> Iterator[PgServer]:
    try:
        with throwaway_server() as found:
            yield found
    except NoServer as exc:
        if required():
            raise
        pytest.skip(str(exc))


@pytest.fixture
def sql(server: PgServer) -> Iterator[PostgresSql]:
    name = f"quality_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server.conninfo(), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    engine = PostgresSql(server.conninfo(name), timezone="Asia/Shanghai")
    with engine.write():
        for statement in (*QUEUE, *schema_quality.STATEMENTS):
            engine.execute(statement)
        for number in range(1, 7):
            engine.execute(
                "INSERT INTO counters (number, state, clerk, updated_at) VALUES (?, 'open', ?, ?)",
                [number, f"S00{number}", datetime(2025, 3, 3, 8, tzinfo=SHANGHAI)],
            )
    yield engine
    engine.close()
    with psycopg.connect(server.conninfo(), autocommit=True) as admin:
        admin.execute(f"DROP DATABASE {name} WITH (FORCE)")


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
