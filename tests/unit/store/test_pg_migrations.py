"""The hall server's schema: made only by init, idempotent, refused when newer or edited."""

from __future__ import annotations

import psycopg
import pytest

from counter_app.domain.errors import NotAHallDatabase
from counter_app.store.postgres import migrations
from counter_app.store.postgres.migrations import Migration, applied_names, apply_migrations


def test_a_fresh_hall_has_every_migration_and_a_second_run_does_nothing(pg_dsn: str) -> None:
    with psycopg.connect(pg_dsn, autocommit=True) as conn:
        assert applied_names(conn) == [m.name for m in migrations.known()]
        assert apply_migrations(conn, pg_dsn) == []


def test_only_init_makes_a_database_a_hall(pg_server, pg_dsn: str) -> None:  # type: ignore[no-untyped-def]
    with psycopg.connect(pg_server.conninfo(), autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS not_a_hall")
        conn.execute("CREATE DATABASE not_a_hall")
    dsn = pg_server.conninfo("not_a_hall")
    try:
        with psycopg.connect(dsn, autocommit=True) as conn:
            with pytest.raises(NotAHallDatabase, match="not a hall database yet") as refused:
                apply_migrations(conn, dsn)
            assert refused.value.code == "hall_db_missing"
            assert conn.execute("SELECT to_regclass('tickets')").fetchone() == (None,)
            assert apply_migrations(conn, dsn, create=True) == [m.name for m in migrations.known()]
    finally:
        with psycopg.connect(pg_server.conninfo(), autocommit=True) as conn:
            conn.execute("DROP DATABASE not_a_hall WITH (FORCE)")


def test_a_server_set_up_by_a_newer_version_is_refused(pg_dsn: str) -> None:
    with psycopg.connect(pg_dsn, autocommit=True) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES ('9999_future', 'x', now())")
        with pytest.raises(NotAHallDatabase, match="newer version") as refused:
            apply_migrations(conn, pg_dsn)
        assert refused.value.code == "hall_db_newer"


def test_an_edited_released_migration_is_refused(pg_dsn: str, monkeypatch: pytest.MonkeyPatch) -> None:
    changed = tuple(Migration(m.name, m.sql + "\n-- edited") for m in migrations.known())
    monkeypatch.setattr(migrations, "known", lambda: changed)
    with psycopg.connect(pg_dsn, autocommit=True) as conn, pytest.raises(NotAHallDatabase, match="differs"):
        apply_migrations(conn, pg_dsn)


def test_the_schema_guards_hold_on_the_server(pg_dsn: str) -> None:
    with psycopg.connect(pg_dsn, autocommit=True) as conn:
        conn.execute("INSERT INTO services (code, position) VALUES ('A', 1)")
        conn.execute("INSERT INTO counters (number, state, updated_at) VALUES (1, 'open', now())")
        conn.execute(
            """INSERT INTO tickets (uuid, business_day, prefix, seq, number, service_code, state,
                   queue_order, issued_at)
               VALUES ('u1', '2026-12-02', 'A', 1, 'A001', 'A', 'waiting', 1, now())"""
        )
        conn.execute("INSERT INTO queue_events (uuid, ticket_id, kind, at) VALUES ('e1', 1, 'issued', now())")
        with pytest.raises(psycopg.errors.RestrictViolation, match="append-only"):
            conn.execute("UPDATE queue_events SET kind = 'x'")
        with pytest.raises(psycopg.errors.UniqueViolation):
            conn.execute(
                """INSERT INTO tickets (uuid, business_day, prefix, seq, number, service_code, state,
                       queue_order, issued_at)
                   VALUES ('u2', '2026-12-02', 'A', 1, 'A001', 'A', 'waiting', 2, now())"""
            )


def test_sign_in_history_and_staff_history_are_append_only_on_the_server(pg_dsn: str) -> None:
    with psycopg.connect(pg_dsn, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO user_events (uuid, code, kind, at) VALUES ('u1', 'c01', 'signed_in', now())"
        )
        with pytest.raises(psycopg.errors.RestrictViolation, match="append-only"):
            conn.execute("UPDATE user_events SET kind = 'locked'")
        conn.execute("INSERT INTO staff (code, name, role, updated_at) VALUES ('c01', 'x', 'clerk', now())")
        conn.execute("INSERT INTO staff_events (uuid, code, kind, at) VALUES ('s1', 'c01', 'added', now())")
        with pytest.raises(psycopg.errors.RestrictViolation, match="append-only"):
            conn.execute("DELETE FROM staff_events")
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute(
                """INSERT INTO users (code, name, role, password_hash, created_at, updated_at)
                   VALUES ('c02', 'y', 'clerk', 'plain-text', now(), now())"""
            )


def test_the_server_has_every_hashed_column_of_each_audited_table(pg_dsn: str) -> None:
    from counter_app.store.audit_chain import AUDITED

    with psycopg.connect(pg_dsn, autocommit=True) as conn:
        for table, columns in AUDITED.items():
            found = conn.execute(
                """SELECT column_name FROM information_schema.columns
                   WHERE table_name = %s ORDER BY ordinal_position""",
                [table],
            ).fetchall()
            assert tuple(r[0] for r in found) == columns, table
