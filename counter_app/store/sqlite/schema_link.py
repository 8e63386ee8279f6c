"""Schema of a PC's link to the hall server (migration 0008): who this PC is, and its journal.

On a PC of a hall with a server, the local file is the PC's own store: ``pc_identity`` says which PC
it is (its name and the tag the server gave it for fallback numbers), and ``pc_journal`` holds every
action it did while the server could not be reached, in order, each with the UUID it was given when
it was done, until the server has taken it (``handed_over``), kept its own record instead
(``conflict``) or cannot place it yet (``parked``). ``applied_actions`` mirrors the server's table of
the same name, so both engines have the same schema (the embedded store leaves it empty).
"""

from __future__ import annotations

import sqlite_utils

STATEMENTS = (
    """CREATE TABLE pc_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
        tag TEXT NOT NULL CHECK (tag GLOB 'P[0-9]*'),
        server TEXT NOT NULL,
        joined_at TEXT NOT NULL
    ) STRICT""",
    """CREATE TABLE pc_journal (
        seq INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (length(kind) > 0),
        payload TEXT NOT NULL CHECK (json_valid(payload)),
        at TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending'
            CHECK (state IN ('pending', 'parked', 'handed_over', 'conflict')),
        outcome TEXT NOT NULL DEFAULT '',
        settled_at TEXT
    ) STRICT""",
    "CREATE INDEX pc_journal_open ON pc_journal (seq) WHERE state IN ('pending', 'parked')",
    """CREATE TABLE applied_actions (
        uuid TEXT PRIMARY KEY,
        pc TEXT NOT NULL,
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        applied_at TEXT NOT NULL,
        outcome TEXT NOT NULL DEFAULT 'applied' CHECK (outcome IN ('applied', 'conflict'))
    ) STRICT, WITHOUT ROWID""",
    """CREATE TABLE pcs (
        name TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),
        tag TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL DEFAULT '',
        registered_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL
    ) STRICT, WITHOUT ROWID""",
)


def create_link_tables(db: sqlite_utils.Database) -> None:
    for statement in STATEMENTS:
        db.execute(statement)
