"""The ordered list of schema migrations. Each runs in its own transaction and is recorded in
``_sqlite_migrations``; a file written by an older version is upgraded in place on open.

The file is marked as a hall database (``PRAGMA application_id``) and its schema version
(``PRAGMA user_version``: the number of migrations applied) in the same transaction, so a newer
file is recognised and refused by an older version (``database.identify``)."""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.migrations import Migrations

from counter_app.store.sqlite import schema_accounts, schema_applications, schema_hall, schema_queue
from counter_app.store.sqlite.connection import HALL_APPLICATION_ID, MIGRATION_SET

migrations = Migrations(MIGRATION_SET)
migrations(name="0001_queue")(schema_queue.create_queue_tables)
migrations(name="0001_1_profile_parts")(schema_queue.add_profile_parts)
migrations(name="0002_applications")(schema_applications.create_application_tables)
migrations(name="0003_accounts")(schema_accounts.create_account_tables)
migrations(name="0004_lean_ticket_indexes")(schema_queue.lean_ticket_indexes)
migrations(name="0005_work_calendar")(schema_hall.create_calendar_tables)
migrations(name="0006_hall_meta")(schema_hall.create_hall_meta)

SCHEMA_VERSION = len(migrations._migrations)
"""``PRAGMA user_version`` of a file with every migration of this version applied."""


def known_names() -> frozenset[str]:
    return frozenset(m.name for m in migrations._migrations)


def _mark(db: sqlite_utils.Database) -> None:
    """Stamp the hall's application id and schema version (inside the migrating transaction)."""
    db.execute(f"PRAGMA application_id = {HALL_APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {len(migrations.applied(db))}")


def apply_migrations(db: sqlite_utils.Database) -> None:
    """Apply what is pending under the write lock, so two processes opening a new file at once
    cannot both create the tables (the second sees the work of the first and does nothing)."""
    marked = db.execute("PRAGMA application_id").fetchone()[0] == HALL_APPLICATION_ID
    if marked and not migrations.pending(db):
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        migrations.apply(db)  # nested: each migration is a savepoint inside this transaction
        _mark(db)
    except BaseException:
        db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


def applied_names(db: sqlite_utils.Database) -> list[str]:
    return [m.name for m in migrations.applied(db)]
