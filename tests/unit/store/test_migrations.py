"""Schema migrations: an old file upgrades in place with its rows intact, whatever migrations exist.

Written against the list of registered migrations, not a fixed number of them: when a release adds
migrations (applications, accounts), these tests check every older state still upgrades.
"""

from __future__ import annotations

import shutil
import sqlite3
import threading
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from counter_app import paths
from counter_app.app import open_hall
from counter_app.domain.queue import TicketState
from counter_app.store.sqlite.connection import connect, open_hall_db, quick_check
from counter_app.store.sqlite.migrations import applied_names, migrations

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
OLD_FILES = {"0001_queue": FIXTURES / "hall_v0001.sqlite3"}
#: When ``make_old_db.py`` made the 0001 file (the hall's clock), to continue the same business day.
OLD_MADE_AT = datetime(2025, 3, 3, 11, 30, tzinfo=ZoneInfo("Asia/Shanghai"))

ALL = [m.name for m in migrations._migrations]


def schema(path: Path) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
        ).fetchall()
    finally:
        conn.close()


def rows(path: Path) -> dict[str, list[dict[str, Any]]]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: [dict(r) for r in conn.execute(f'SELECT * FROM "{t}"')] for t in tables}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def fresh_schema(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str, str]]:
    path = tmp_path_factory.mktemp("fresh") / "hall.sqlite3"
    open_hall_db(path, create=True).close()
    return schema(path)


def test_a_new_file_gets_every_migration(tmp_path: Path) -> None:
    db = open_hall_db(tmp_path / "hall.sqlite3", create=True)
    assert applied_names(db) == ALL
    tables = set(db.table_names())
    assert {"tickets", "queue_events", "outbox", "counters", "number_sequences", "hall_profile"} <= tables
    assert all(db[t].strict for t in tables if not t.startswith("_"))  # strict tables, never implicit
    db.close()


def test_opening_again_applies_nothing(tmp_path: Path) -> None:
    path = tmp_path / "hall.sqlite3"
    open_hall_db(path, create=True).close()
    before = rows(path)["_sqlite_migrations"]
    open_hall_db(path).close()
    assert rows(path)["_sqlite_migrations"] == before


@pytest.mark.parametrize("stop_before", ALL)
def test_a_file_stopped_before_any_migration_upgrades_to_the_fresh_schema(
    tmp_path: Path, stop_before: str, fresh_schema: list[tuple[str, str, str]]
) -> None:
    path = tmp_path / "old.sqlite3"
    db = connect(path, create=True)
    migrations.apply(db, stop_before=stop_before)
    assert stop_before not in applied_names(db)
    db.close()
    db = open_hall_db(path, create=stop_before == ALL[0])  # stopped before 0001: nothing in it yet
    assert applied_names(db) == ALL
    db.close()
    assert schema(path) == fresh_schema


@pytest.mark.parametrize("version", sorted(OLD_FILES))
def test_an_old_release_file_upgrades_in_place_keeping_every_row(
    tmp_path: Path, version: str, fresh_schema: list[tuple[str, str, str]]
) -> None:
    path = tmp_path / "hall.sqlite3"
    shutil.copy(OLD_FILES[version], path)
    old = rows(path)
    assert [m["name"] for m in old["_sqlite_migrations"]] == ALL[: ALL.index(version) + 1]
    assert len(old["tickets"]) > 100 and len(old["queue_events"]) > 300  # a real morning, not a stub

    db = open_hall_db(path)
    assert applied_names(db) == ALL
    quick_check(db)
    db.close()

    assert schema(path) == fresh_schema
    new = rows(path)
    for table, old_rows in old.items():
        assert table in new, f"table {table} was dropped"
        columns = list(old_rows[0]) if old_rows else []
        kept = {tuple(r[c] for c in columns) for r in new[table]}
        lost = [r for r in old_rows if tuple(r[c] for c in columns) not in kept]
        assert not lost, f"{table}: {len(lost)} rows lost or changed, e.g. {lost[0]}"


def test_the_upgraded_hall_carries_on_where_it_stopped(tmp_path: Path) -> None:
    path = tmp_path / "hall.sqlite3"
    shutil.copy(OLD_FILES["0001_queue"], path)
    old = rows(path)
    last_a = max(t["seq"] for t in old["tickets"] if t["prefix"] == "A")
    waiting = sum(1 for t in old["tickets"] if t["state"] == "waiting")
    hall = open_hall(path, profile_file=paths.DEFAULT_PROFILE, clock=lambda: OLD_MADE_AT)
    try:
        assert sum(hall.views.status().waiting.values()) == waiting
        called = {c.counter.number: c.current for c in hall.views.status().counters if c.current}
        assert called[3].state is TicketState.CALLED and called[3].green
        assert hall.queue.issue("A").ticket.number == f"A{last_a + 1:03d}"
        assert hall.queue.call_next(3).finished.id == called[3].id
    finally:
        hall.close()


@pytest.mark.parametrize("attempt", range(25))
def test_several_roles_opening_a_new_file_at_once_all_succeed_and_migrate_it_once(
    tmp_path: Path, attempt: int
) -> None:
    """Kiosk, counter and display started together on a first install (a race: tried 25 times)."""
    path = tmp_path / "hall.sqlite3"
    start = threading.Barrier(4)
    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            start.wait()
            open_hall_db(path, create=True).close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert [m["name"] for m in rows(path)["_sqlite_migrations"]] == ALL


def test_profile_parts_migration_leaves_a_file_that_already_has_the_column(tmp_path: Path) -> None:
    """Files made while migration 0001 itself briefly created ``hall_profile.parts``."""
    path = tmp_path / "hall.sqlite3"
    db = connect(path, create=True)
    migrations.apply(db, stop_before="0001_1_profile_parts")
    db.execute("ALTER TABLE hall_profile ADD COLUMN parts TEXT NOT NULL DEFAULT '{}'")
    db.close()
    db = open_hall_db(path)
    assert applied_names(db) == ALL
    assert [c.name for c in db["hall_profile"].columns].count("parts") == 1
    db.close()
