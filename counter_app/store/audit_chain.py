"""The hall's audit rows chained by hash (``domain/audit_trail.py``), in the store's own transaction.

Every audit row — queue events (calls, cancels), application history and access to full personal
data, staff and account changes, sign-ins, payment guidance, visit hand-overs, calendar loads — gets
one ``audit_chain`` row: ``seq`` (1, 2, 3 … in the order written), the table and id it covers, and
``hash`` linking it to the row before. The chain is sealed by :meth:`AuditChain.seal` at the end of
each unit of work (``HallStore.write``), inside its transaction, so a row and its link commit
together. SQLite serialises writers (``BEGIN IMMEDIATE``), so reading the head there is safe.

Which rows are new: on SQLite, temporary triggers of *this connection* note every audit row it
inserts (``temp.audit_pending``). A row another program inserts into the file fires no such trigger,
is never chained, and :meth:`AuditChain.verify` names it as inserted outside the tool. On the hall
server (PostgreSQL) a trigger of the schema notes every inserted row in ``audit_pending`` with its
transaction id; a unit of work chains the rows of its own transaction (and those noted under txid 0
when the server was upgraded) while holding the one-row ``audit_head`` lock, so links follow commit
order; rows of another program's transaction stay unchained and are named the same way.

What is hashed: the columns named in :data:`AUDITED` (fixed lists, so a later migration that adds a
column to an audited table does not change old hashes; a test compares them with the schema), plus
``@source`` and ``@row``. A row that no longer exists is hashed as ``{"@source", "@row",
"@missing": 1}`` — which never matches — so a deletion shows as a broken link naming the row.

Values are hashed as the engine returns them, made plain: text and integers as they are; the
server's times as UTC ISO text, its days as ISO text and its JSON as compact sorted JSON, so a
session's time zone never changes a hash.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime
from types import MappingProxyType
from typing import Any

from counter_app.domain.audit_trail import (
    GENESIS,
    AuditValue,
    ChainedRow,
    ChainVerdict,
    Link,
    Unchained,
    next_link,
    verify,
)
from counter_app.store.sql import Sql

AUDITED: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "queue_events": ("id", "uuid", "ticket_id", "kind", "at", "counter", "clerk", "detail"),
        "application_events": (
            "id", "uuid", "application_id", "seq", "kind", "at", "clerk", "note", "detail",
        ),
        "application_access": ("id", "uuid", "application_id", "at", "clerk", "role", "unmasked", "purpose"),
        "staff_events": ("id", "uuid", "code", "kind", "at", "detail"),
        "user_events": ("id", "uuid", "code", "kind", "at", "actor", "detail"),
        "payment_guidance": (
            "id", "uuid", "account_number", "on_record", "list_id", "online_channels",
            "withholding_guidance", "clerk", "counter", "ticket_id", "ticket_number", "business_day", "at",
        ),
        "visit_handovers": (
            "id", "uuid", "ticket_id", "event_id", "business_day", "owner", "from_counter", "from_clerk",
            "from_service", "to_service", "to_counter", "to_clerk", "reason", "at",
        ),
        "work_calendar_events": ("id", "uuid", "year", "kind", "at", "detail"),
    }
)  # fmt: skip
"""The audited tables and the columns of theirs that are hashed. A new append-only table joins here
(and its migration seals the rows it already has)."""


def keeps_chain(sql: Sql) -> bool:
    """Whether this engine keeps the chain (both do)."""
    return sql.dialect.name in ("sqlite", "postgresql")


def _plain(value: object) -> AuditValue:
    if value is None or isinstance(value, str | int):
        return value
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return str(value)


def _fields(source: str, row_id: int, row: Mapping[str, Any] | None) -> dict[str, AuditValue]:
    fields: dict[str, AuditValue] = {"@source": source, "@row": row_id}
    if row is None:
        fields["@missing"] = 1
        return fields
    for key, value in row.items():
        fields[key] = _plain(value)
    return fields


def _row(sql: Sql, source: str, row_id: int) -> dict[str, Any] | None:
    columns = AUDITED.get(source)
    if columns is None:
        return None
    found = sql.execute(f"SELECT {', '.join(columns)} FROM {source} WHERE id = ?", [row_id]).fetchone()
    return dict(zip(columns, found, strict=True)) if found is not None else None


def head(sql: Sql) -> Link:
    """The last link written (:data:`~counter_app.domain.audit_trail.GENESIS` for an empty trail):
    the anchor a backup or an export carries. Call inside the caller's read or write."""
    found = sql.execute("SELECT seq, hash FROM audit_chain ORDER BY seq DESC LIMIT 1").fetchone()
    return Link(int(found[0]), str(found[1])) if found is not None else GENESIS


def _append(sql: Sql, at: Link, source: str, row_id: int, row: Mapping[str, Any]) -> Link:
    link = next_link(at, _fields(source, row_id, row))
    sql.execute(
        "INSERT INTO audit_chain (seq, source, row_id, hash) VALUES (?, ?, ?, ?)",
        [link.seq, source, row_id, link.hash],
    )
    return link


def seal_existing(sql: Sql) -> int:
    """Chain every audit row not chained yet, table by table in id order (the migration's upgrade
    of an older file). Returns how many were chained."""
    at, count = head(sql), 0
    for source, columns in AUDITED.items():
        rows = sql.execute(
            f"""SELECT {", ".join(columns)} FROM {source}
                WHERE id NOT IN (SELECT row_id FROM audit_chain WHERE source = ?) ORDER BY id""",
            [source],
        ).fetchall()
        for found in rows:
            row = dict(zip(columns, found, strict=True))
            at = _append(sql, at, source, int(row["id"]), row)
            count += 1
    return count


class AuditChain:
    """The chain on one SQLite connection: notes new audit rows, seals them, reads and verifies."""

    def __init__(self, sql: Sql) -> None:
        self.sql = sql
        self.enabled = keeps_chain(sql)
        self.server = sql.dialect.name == "postgresql"
        self._watching = False
        self._watched: object | None = None  # the connection the temporary triggers live on

    def watch(self) -> None:
        """Create this connection's temporary triggers (once per connection: a store that reconnects,
        e.g. after a read-only file became writable again, gets them again; the server's are in its
        schema)."""
        connection = getattr(self.sql, "db", self.sql)
        if not self.enabled or (self._watching and self._watched is connection):
            return
        if self.server:
            self._watching, self._watched = True, connection
            return
        self.sql.execute(
            "CREATE TEMP TABLE IF NOT EXISTS audit_pending"
            " (n INTEGER PRIMARY KEY, source TEXT NOT NULL, row_id INTEGER NOT NULL)"
        )
        for source in AUDITED:
            self.sql.execute(
                f"""CREATE TEMP TRIGGER IF NOT EXISTS audit_note_{source} AFTER INSERT ON main.{source}
                    BEGIN INSERT INTO audit_pending (source, row_id) VALUES ('{source}', NEW.id); END"""
            )
        self._watching, self._watched = True, connection

    def seal(self) -> int:
        """Chain the rows this connection inserted in the open transaction; call just before commit."""
        if not self._watching:
            return 0
        if self.server:
            return self._seal_on_server()
        pending = self.sql.execute("SELECT source, row_id FROM audit_pending ORDER BY n").fetchall()
        if not pending:
            return 0
        at = head(self.sql)
        for source, row_id in pending:
            at = _append(
                self.sql, at, str(source), int(row_id), _row(self.sql, str(source), int(row_id)) or {}
            )
        self.sql.execute("DELETE FROM audit_pending")
        return len(pending)

    def _seal_on_server(self) -> int:
        """The rows of this transaction (and an upgrade's, txid 0), read again once the head is
        locked: READ COMMITTED shows what a transaction that held the lock before has chained."""
        mine = "txid IN (txid_current(), 0)"
        if not self.sql.execute(f"SELECT EXISTS (SELECT 1 FROM audit_pending WHERE {mine})").fetchone()[0]:
            return 0
        self.sql.execute("SELECT id FROM audit_head WHERE id = 1 FOR UPDATE")  # links in commit order
        pending = self.sql.execute(
            f"SELECT source, row_id FROM audit_pending WHERE {mine} ORDER BY n"
        ).fetchall()
        at = head(self.sql)
        for source, row_id in pending:
            row = _row(self.sql, str(source), int(row_id)) or {}
            at = _append(self.sql, at, str(source), int(row_id), row)
        self.sql.execute(f"DELETE FROM audit_pending WHERE {mine}")
        return len(pending)

    def head(self) -> Link:
        return head(self.sql)

    def links(self) -> Iterator[ChainedRow]:
        """Every link with the fields of the row it covers, in ``seq`` order (a stream)."""
        after = 0
        while batch := self.sql.execute(
            "SELECT seq, source, row_id, hash FROM audit_chain WHERE seq > ? ORDER BY seq LIMIT 500", [after]
        ).fetchall():
            for seq, source, row_id, stored in batch:
                row = _row(self.sql, str(source), int(row_id))
                yield ChainedRow(int(seq), _fields(str(source), int(row_id), row), str(stored))
            after = int(batch[-1][0])

    def unchained(self) -> tuple[Unchained, ...]:
        found: list[Unchained] = []
        for source in AUDITED:
            rows = self.sql.execute(
                f"""SELECT id FROM {source} WHERE id NOT IN
                    (SELECT row_id FROM audit_chain WHERE source = ?) ORDER BY id LIMIT 100""",
                [source],
            ).fetchall()
            found.extend(Unchained(source, int(r[0])) for r in rows)
        return tuple(found)

    def verify(self, anchor: Link | None = None) -> ChainVerdict:
        """Check the whole chain (and that every audit row is on it); call inside a read."""
        verdict = verify(self.links(), anchor=anchor)
        where = None
        if verdict.seq is not None:
            found = self.sql.execute(
                "SELECT source, row_id FROM audit_chain WHERE seq = ?", [verdict.seq]
            ).fetchone()
            where = (str(found[0]), int(found[1])) if found is not None else None
        return ChainVerdict(verdict, self.unchained(), where)
