"""Schema of what the hall database says about itself: ``hall_meta`` (migration 0006), a few named
facts such as when the demo data was loaded (so ``counter-app init --demo`` never loads it twice), and
the official holiday schedules the hall entered with their load record (migration 0005)."""

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


CALENDAR_STATEMENTS = (
    """CREATE TABLE work_calendar_schedules (
        year INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        source TEXT NOT NULL CHECK (length(trim(source)) > 0),
        holidays TEXT NOT NULL CHECK (json_valid(holidays)),
        workdays TEXT NOT NULL CHECK (json_valid(workdays)),
        sha256 TEXT NOT NULL,
        loaded_at TEXT NOT NULL,
        loaded_from TEXT NOT NULL
    ) STRICT""",
    """CREATE TABLE work_calendar_events (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        year INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('loaded')),
        at TEXT NOT NULL,
        detail TEXT NOT NULL CHECK (json_valid(detail))
    ) STRICT""",
    """CREATE TRIGGER work_calendar_events_no_update BEFORE UPDATE ON work_calendar_events
        BEGIN SELECT RAISE(ABORT, 'work_calendar_events is append-only'); END""",
    """CREATE TRIGGER work_calendar_events_no_delete BEFORE DELETE ON work_calendar_events
        BEGIN SELECT RAISE(ABORT, 'work_calendar_events is append-only'); END""",
)


def create_calendar_tables(db: sqlite_utils.Database) -> None:
    for statement in CALENDAR_STATEMENTS:
        db.execute(statement)
