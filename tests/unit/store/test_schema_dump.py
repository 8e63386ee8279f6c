"""``db/schema.sql`` is what the migrations make of a new hall database: regenerate it with
``python scripts/dump_schema.py`` after adding a migration."""

from __future__ import annotations

from pathlib import Path

from counter_app.store.sqlite.hall_file import open_sqlite_store
from counter_app.store.sqlite.migrations import schema_text

COMMITTED = Path(__file__).resolve().parents[3] / "db" / "schema.sql"


def fresh(tmp_path: Path, *extra: str) -> str:
    store = open_sqlite_store(tmp_path / "hall.sqlite3", create=True)
    try:
        for statement in extra:
            store.db.execute(statement)
        return schema_text(store.db)
    finally:
        store.close()


def test_the_committed_schema_is_what_the_migrations_make(tmp_path: Path) -> None:
    assert fresh(tmp_path) == COMMITTED.read_text(encoding="utf-8"), (
        "db/schema.sql is stale: run `python scripts/dump_schema.py` and commit it with the migration"
    )


def test_a_table_the_file_does_not_list_makes_it_stale(tmp_path: Path) -> None:
    changed = fresh(tmp_path, "CREATE TABLE later (id INTEGER PRIMARY KEY) STRICT")
    assert changed != COMMITTED.read_text(encoding="utf-8") and "CREATE TABLE later" in changed
