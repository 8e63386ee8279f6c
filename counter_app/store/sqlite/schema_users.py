"""Schema of sign-in and of the audit chain (migration 0010).

* ``users``: who may sign in (登录账号) — staff code, name, role, the Argon2id hashes of the password
  and of the counter PIN, and the lockout state (recent failures, when it locked). It sits beside
  ``staff`` rather than in it: ``staff`` is the applications' roster (clerk / supervisor, with its
  own history), an administrator is not desk staff, and the lockout columns change on every wrong
  password, which must not read as a change of the roster. A clerk or supervisor account keeps its
  ``staff`` row in step (same code, name and role), written in the same transaction.
* ``user_events``: append-only history of accounts and sign-ins (added, secret set, signed in,
  failed, locked, unlocked, idle lock, resumed, signed out), chained like every audit row.
* ``audit_chain``: one row per audit row of the hall, in the order written: ``seq``, the table and
  row it covers, and ``hash`` = ``domain.audit_trail.link(previous hash, seq, fields)`` over the
  row's columns (``store/audit_chain.py`` says which). Append-only.
* ``staff_events`` becomes append-only too (it had no triggers).

The migration also chains every audit row already in the file, in table order then id order, so an
upgraded hall starts with a whole trail.
"""

from __future__ import annotations

import sqlite_utils

STATEMENTS = (
    """CREATE TABLE users (
        code TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 40 AND code = trim(code)),
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 60),
        role TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'administrator')),
        password_hash TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
        pin_hash TEXT CHECK (pin_hash IS NULL OR pin_hash LIKE '$argon2id$%'),
        failures TEXT NOT NULL DEFAULT '',
        locked_at TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT""",
    """CREATE TABLE user_events (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        code TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('added', 'changed', 'deactivated', 'password_set', 'pin_set',
            'unlocked', 'signed_in', 'sign_in_failed', 'locked', 'signed_out', 'idle_locked',
            'resumed')),
        at TEXT NOT NULL,
        actor TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
    ) STRICT""",
    "CREATE INDEX user_events_code ON user_events (code, id)",
    """CREATE TRIGGER user_events_no_update BEFORE UPDATE ON user_events
        BEGIN SELECT RAISE(ABORT, 'user_events is append-only'); END""",
    """CREATE TRIGGER user_events_no_delete BEFORE DELETE ON user_events
        BEGIN SELECT RAISE(ABORT, 'user_events is append-only'); END""",
    """CREATE TABLE audit_chain (
        seq INTEGER PRIMARY KEY CHECK (seq >= 1),
        source TEXT NOT NULL,
        row_id INTEGER NOT NULL,
        hash TEXT NOT NULL CHECK (length(hash) = 64),
        UNIQUE (source, row_id)
    ) STRICT""",
    """CREATE TRIGGER audit_chain_no_update BEFORE UPDATE ON audit_chain
        BEGIN SELECT RAISE(ABORT, 'audit_chain is append-only'); END""",
    """CREATE TRIGGER audit_chain_no_delete BEFORE DELETE ON audit_chain
        BEGIN SELECT RAISE(ABORT, 'audit_chain is append-only'); END""",
    """CREATE TRIGGER staff_events_no_update BEFORE UPDATE ON staff_events
        BEGIN SELECT RAISE(ABORT, 'staff_events is append-only'); END""",
    """CREATE TRIGGER staff_events_no_delete BEFORE DELETE ON staff_events
        BEGIN SELECT RAISE(ABORT, 'staff_events is append-only'); END""",
)


def create_sign_in_tables(db: sqlite_utils.Database) -> None:
    from counter_app.store.audit_chain import seal_existing
    from counter_app.store.sqlite.connection import SqliteSql

    for statement in STATEMENTS:
        db.execute(statement)
    seal_existing(SqliteSql(db))
