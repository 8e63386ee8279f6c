"""Schema of the walk-in queue (migration 0001). Every invariant of the queue has a constraint here:
numbers unique per day and prefix, one active ticket per counter, append-only events."""

from __future__ import annotations

import sqlite_utils

STATEMENTS = (
    """CREATE TABLE hall_profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        toml TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        source TEXT NOT NULL,
        loaded_at TEXT NOT NULL
    ) STRICT""",
    """CREATE TABLE services (
        code TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
    ) STRICT""",
    """CREATE TABLE counters (
        number INTEGER PRIMARY KEY CHECK (number >= 1),
        state TEXT NOT NULL CHECK (state IN ('open', 'paused', 'closed')),
        clerk TEXT NOT NULL DEFAULT '',
        configured INTEGER NOT NULL DEFAULT 1 CHECK (configured IN (0, 1)),
        updated_at TEXT NOT NULL
    ) STRICT""",
    """CREATE TABLE number_sequences (
        business_day TEXT NOT NULL,
        prefix TEXT NOT NULL,
        last_seq INTEGER NOT NULL CHECK (last_seq >= 1),
        PRIMARY KEY (business_day, prefix)
    ) STRICT, WITHOUT ROWID""",
    """CREATE TABLE tickets (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        business_day TEXT NOT NULL,
        prefix TEXT NOT NULL,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        number TEXT NOT NULL,
        service_code TEXT NOT NULL REFERENCES services(code),
        green INTEGER NOT NULL DEFAULT 0 CHECK (green IN (0, 1)),
        green_reason TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL
            CHECK (state IN ('waiting', 'called', 'serving', 'done', 'no_show', 'cancelled')),
        queue_order INTEGER NOT NULL,
        issued_at TEXT NOT NULL,
        called_at TEXT,
        serving_at TEXT,
        finished_at TEXT,
        counter INTEGER REFERENCES counters(number),
        clerk TEXT NOT NULL DEFAULT '',
        recalls INTEGER NOT NULL DEFAULT 0,
        transfers INTEGER NOT NULL DEFAULT 0,
        source TEXT NOT NULL DEFAULT 'kiosk',
        UNIQUE (business_day, prefix, seq),
        UNIQUE (business_day, number),
        CHECK (state NOT IN ('called', 'serving') OR counter IS NOT NULL)
    ) STRICT""",
    """CREATE UNIQUE INDEX tickets_one_active_per_counter
        ON tickets (counter) WHERE state IN ('called', 'serving')""",
    """CREATE INDEX tickets_line
        ON tickets (business_day, state, service_code, green, queue_order)""",
    "CREATE INDEX tickets_finished ON tickets (service_code, state, finished_at)",
    "CREATE INDEX tickets_open_state ON tickets (state, business_day)",
    "CREATE INDEX tickets_counter_day ON tickets (counter, business_day)",
    """CREATE TABLE queue_events (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        ticket_id INTEGER REFERENCES tickets(id),
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        counter INTEGER,
        clerk TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT '{}'
    ) STRICT""",
    "CREATE INDEX queue_events_ticket ON queue_events (ticket_id)",
    """CREATE TRIGGER queue_events_no_update BEFORE UPDATE ON queue_events
        BEGIN SELECT RAISE(ABORT, 'queue_events is append-only'); END""",
    """CREATE TRIGGER queue_events_no_delete BEFORE DELETE ON queue_events
        BEGIN SELECT RAISE(ABORT, 'queue_events is append-only'); END""",
    """CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        topic TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL,
        sent_at TEXT
    ) STRICT""",
    "CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL",
    """CREATE TABLE print_jobs (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        document TEXT NOT NULL,
        ref_id INTEGER NOT NULL,
        copy TEXT NOT NULL CHECK (copy IN ('original', 'reprint')),
        status TEXT NOT NULL CHECK (status IN ('pending', 'printed', 'failed')),
        device TEXT NOT NULL DEFAULT '',
        error TEXT NOT NULL DEFAULT '',
        clerk TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        finished_at TEXT
    ) STRICT""",
    "CREATE INDEX print_jobs_ref ON print_jobs (document, ref_id)",
)


def create_queue_tables(db: sqlite_utils.Database) -> None:
    for statement in STATEMENTS:
        db.execute(statement)


def add_profile_parts(db: sqlite_utils.Database) -> None:
    """Migration 0001_1: the part files a profile includes are stored with it (``parts``, JSON).

    A released migration is never edited: files made by 0001 have no such column and get it here.
    Files made while 0001 itself briefly created the column already have it and are left alone.
    """
    if "parts" not in db["hall_profile"].columns_dict:
        db.execute("ALTER TABLE hall_profile ADD COLUMN parts TEXT NOT NULL DEFAULT '{}'")


def lean_ticket_indexes(db: sqlite_utils.Database) -> None:
    """Migration 0004: fewer index pages written per queue action (each commit flushes them all).

    The open-state index goes (the day close looks at one day through ``tickets_line``); the
    finished-service index only holds finished services, and the per-counter index only tickets a
    counter has called, so issuing a number and most state changes leave both untouched; the
    outbox keeps no index of unsent rows.
    """
    for statement in (
        "DROP INDEX IF EXISTS tickets_open_state",
        "DROP INDEX IF EXISTS tickets_finished",
        "CREATE INDEX tickets_done ON tickets (service_code, finished_at) WHERE state = 'done'",
        "DROP INDEX IF EXISTS tickets_counter_day",
        """CREATE INDEX tickets_counter_day ON tickets (counter, business_day, service_code)
            WHERE counter IS NOT NULL""",
        # Delivery to the central systems reads the outbox in id order after the last id handed
        # over; an index of unsent rows would be one more page in every action's commit.
        "DROP INDEX IF EXISTS outbox_unsent",
    ):
        db.execute(statement)
