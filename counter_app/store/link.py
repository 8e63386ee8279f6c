"""The rows of a hall with a server: PCs and the actions they replayed (on the server), and a PC's
own identity and journal (in its local file). Shared SQL; see ``store/sqlite/schema_link.py`` and
the server's migration 0001 for the tables."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from counter_app.domain.offline import JournalCounts, JournalEntry, PcIdentity
from counter_app.store.rows import parse_time, to_json
from counter_app.store.sql import Sql


class JournalRepository:
    """A PC's journal of actions done while the server could not be reached (its local file)."""

    def __init__(self, sql: Sql) -> None:
        self.sql = sql

    def append(self, uuid: str, kind: str, payload: dict[str, Any], at: datetime) -> None:
        self.sql.execute(
            "INSERT INTO pc_journal (uuid, kind, payload, at) VALUES (?, ?, ?, ?)",
            [uuid, kind, to_json(payload), at],
        )

    def open_entries(self, limit: int = 500) -> list[JournalEntry]:
        """Entries not yet handed over (pending or parked), oldest first."""
        rows = self.sql.execute(
            """SELECT seq, uuid, kind, payload, at, state, outcome FROM pc_journal
               WHERE state IN ('pending', 'parked') ORDER BY seq LIMIT ?""",
            [limit],
        ).fetchall()
        return [_entry(r) for r in rows]

    def settle(self, uuid: str, state: str, outcome: str, at: datetime) -> None:
        self.sql.execute(
            "UPDATE pc_journal SET state = ?, outcome = ?, settled_at = ? WHERE uuid = ?",
            [state, outcome, at, uuid],
        )

    def counts(self) -> JournalCounts:
        row = self.sql.execute(
            """SELECT COUNT(*) FILTER (WHERE state = 'pending'), COUNT(*) FILTER (WHERE state = 'parked'),
                      MIN(at) FROM pc_journal WHERE state IN ('pending', 'parked')"""
        ).fetchone()
        return JournalCounts(int(row[0] or 0), int(row[1] or 0), parse_time(row[2]))

    def settled(self) -> dict[str, int]:
        rows = self.sql.execute("SELECT state, COUNT(*) FROM pc_journal GROUP BY state").fetchall()
        return {str(r[0]): int(r[1]) for r in rows}

    def last_settled(self) -> datetime | None:
        """When the last action of this PC was handed over (applied, already there or a conflict)."""
        row = self.sql.execute(
            "SELECT MAX(settled_at) FROM pc_journal WHERE state IN ('handed_over', 'conflict')"
        ).fetchone()
        return parse_time(row[0]) if row else None

    def identity(self) -> PcIdentity | None:
        row = self.sql.execute("SELECT name, tag, server, joined_at FROM pc_identity WHERE id = 1").fetchone()
        if row is None:
            return None
        joined = parse_time(row[3])
        assert joined is not None
        return PcIdentity(row[0], row[1], row[2], joined)

    def set_identity(self, name: str, tag: str, server: str, at: datetime) -> None:
        self.sql.execute(
            """INSERT INTO pc_identity (id, name, tag, server, joined_at) VALUES (1, ?, ?, ?, ?)
               ON CONFLICT (id) DO UPDATE SET name = excluded.name, tag = excluded.tag,
                   server = excluded.server, joined_at = excluded.joined_at""",
            [name, tag, server, at],
        )


class ActionsRepository:
    """On the server: the PCs of the hall and every action one of them handed over."""

    def __init__(self, sql: Sql) -> None:
        self.sql = sql

    def claim(self, uuid: str, pc: str, kind: str, at: datetime, now: datetime) -> bool:
        """Record that the action ``uuid`` is applied in this transaction; ``False`` when it already
        was (a replay after a crash between the server's commit and the PC's note of it)."""
        row = self.sql.execute(
            """INSERT INTO applied_actions (uuid, pc, kind, at, applied_at) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (uuid) DO NOTHING RETURNING uuid""",
            [uuid, pc, kind, at, now],
        ).fetchone()
        return row is not None

    def record_conflict(self, uuid: str, pc: str, kind: str, at: datetime, now: datetime) -> bool:
        """The action ``uuid`` was settled by keeping the server's record (it stays counted once)."""
        row = self.sql.execute(
            """INSERT INTO applied_actions (uuid, pc, kind, at, applied_at, outcome)
               VALUES (?, ?, ?, ?, ?, 'conflict') ON CONFLICT (uuid) DO NOTHING RETURNING uuid""",
            [uuid, pc, kind, at, now],
        ).fetchone()
        return row is not None

    def outcome(self, uuid: str) -> str | None:
        row = self.sql.execute("SELECT outcome FROM applied_actions WHERE uuid = ?", [uuid]).fetchone()
        return str(row[0]) if row else None

    def outcomes(self, uuids: list[str]) -> dict[str, str]:
        """Of these actions, those recorded already (by an earlier hand-over), with their outcome."""
        found: dict[str, str] = {}
        for start in range(0, len(uuids), 500):
            chunk = uuids[start : start + 500]
            rows = self.sql.execute(
                f"SELECT uuid, outcome FROM applied_actions WHERE uuid IN ({', '.join('?' for _ in chunk)})",
                chunk,
            ).fetchall()
            found.update({str(r[0]): str(r[1]) for r in rows})
        return found

    def pc_tag(self, name: str) -> str | None:
        row = self.sql.execute("SELECT tag FROM pcs WHERE name = ?", [name]).fetchone()
        return str(row[0]) if row else None

    def tags(self) -> list[str]:
        return [str(r[0]) for r in self.sql.execute("SELECT tag FROM pcs").fetchall()]

    def add_pc(self, name: str, tag: str, role: str, now: datetime) -> bool:
        """Register a PC with ``tag``; ``False`` when another PC took that tag meanwhile."""
        row = self.sql.execute(
            """INSERT INTO pcs (name, tag, role, registered_at, last_seen_at) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT DO NOTHING RETURNING tag""",
            [name, tag, role, now, now],
        ).fetchone()
        return row is not None

    def seen(self, name: str, now: datetime) -> None:
        self.sql.execute("UPDATE pcs SET last_seen_at = ? WHERE name = ?", [now, name])

    def counts(self) -> dict[str, int]:
        rows = self.sql.execute("SELECT outcome, COUNT(*) FROM applied_actions GROUP BY outcome").fetchall()
        return {str(r[0]): int(r[1]) for r in rows}


def _entry(r: Any) -> JournalEntry:
    at = parse_time(r[4])
    assert at is not None
    payload = json.loads(r[3]) if isinstance(r[3], str) else r[3]
    return JournalEntry(int(r[0]), str(r[1]), str(r[2]), payload, at, str(r[5]), str(r[6]))
