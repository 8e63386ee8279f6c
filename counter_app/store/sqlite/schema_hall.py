"""Schema of what the hall database says about itself (migration 0005): ``hall_meta``, a few named
facts such as when the demo data was loaded (so ``counter-app init --demo`` never loads it twice)."""

from __future__ import annotations

import sqlite_utils

STATEMENTS = (
    """CREATE TABLE hall_meta (
        key TEXT PRIMARY KEY CHECK (key <> ''),
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT, WITHOUT ROWID""",
)


def create_hall_meta(db: sqlite_utils.Database) -> None:
    for statement in STATEMENTS:
        db.execute(statement)
