"""The ordered list of schema migrations. Each runs in its own transaction and is recorded in
``_sqlite_migrations``; a file written by an older version is upgraded in place on open."""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.migrations import Migrations

from counter_app.store import calendar_repo, schema_accounts, schema_applications, schema_queue

migrations = Migrations("counter_app")
migrations(name="0001_queue")(schema_queue.create_queue_tables)
migrations(name="0001_1_profile_parts")(schema_queue.add_profile_parts)
migrations(name="0002_applications")(schema_applications.create_application_tables)
migrations(name="0003_accounts")(schema_accounts.create_account_tables)
migrations(name="0004_lean_ticket_indexes")(schema_queue.lean_ticket_indexes)
migrations(name="0005_work_calendar")(calendar_repo.create_calendar_tables)


def apply_migrations(db: sqlite_utils.Database) -> None:
    """Apply what is pending under the write lock, so two processes opening a new file at once
    cannot both create the tables (the second sees the work of the first and does nothing)."""
    if not migrations.pending(db):
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        migrations.apply(db)  # nested: each migration is a savepoint inside this transaction
    except BaseException:
        db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


def applied_names(db: sqlite_utils.Database) -> list[str]:
    return [m.name for m in migrations.applied(db)]
