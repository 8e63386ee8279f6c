"""The outbox: records waiting to be handed to the utility's central systems.

Every area writes its row here inside the same transaction as the change it reports (one user
action, one transaction); delivery reads the rows in id order after the last id handed over.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from counter_app.domain.outbox import OutboxEvent
from counter_app.store.rows import from_json, iso, new_uuid, parse_time, to_json
from counter_app.store.sql import Sql

ACKED_THROUGH = "outbox.acked_through"


def add_outbox(sql: Sql, topic: str, payload: dict[str, Any], at: datetime | str) -> None:
    """Append one record for ``topic`` (``queue``, ``applications``, ``payments``, …). Every action
    that changes what a window shows writes one, so its topic is also the area the change feeds of
    the other PCs are told about (``Sql.touch``)."""
    sql.touch(topic)
    sql.execute(
        "INSERT INTO outbox (uuid, topic, payload, created_at) VALUES (?, ?, ?, ?)",
        [new_uuid(), topic, to_json(payload), at],
    )


class OutboxRepository:
    """The outbox as the services see it: append inside an action's transaction, read a topic."""

    def __init__(self, sql: Sql) -> None:
        self.sql = sql

    def add(self, topic: str, payload: dict[str, Any], at: datetime) -> None:
        add_outbox(self.sql, topic, payload, at)

    def topic(self, topic: str) -> list[dict[str, Any]]:
        """Every record of ``topic``, oldest first (the payloads as written)."""
        rows = self.sql.execute("SELECT payload FROM outbox WHERE topic = ? ORDER BY id", [topic]).fetchall()
        return [json.loads(r[0]) if isinstance(r[0], str) else r[0] for r in rows]

    # the hand-over to the central systems ----------------------------------------------------------
    def _acked_through(self) -> int:
        """Every event up to this id is acknowledged (a watermark in ``hall_meta``, so the waiting
        events are a range read from there, without an index of unsent rows)."""
        row = self.sql.execute("SELECT value FROM hall_meta WHERE key = ?", [ACKED_THROUGH]).fetchone()
        return int(row[0]) if row else 0

    def pending(self, limit: int, after: int = 0) -> list[OutboxEvent]:
        rows = self.sql.execute(
            "SELECT id, uuid, topic, payload, created_at FROM outbox WHERE id > ? AND sent_at IS NULL "
            "ORDER BY id LIMIT ?",
            [max(after, self._acked_through()), limit],
        ).fetchall()
        return [
            OutboxEvent(
                id=int(r[0]),
                uuid=str(r[1]),
                topic=str(r[2]),
                payload=from_json(r[3]),
                created_at=iso(r[4]) if isinstance(r[4], datetime) else str(r[4]),
            )
            for r in rows
        ]

    def acknowledge(self, uuids: Sequence[str], at: datetime) -> int:
        """Inside the caller's write: mark the events sent and move the watermark past every event
        acknowledged in a row; an event acknowledged before is left as it is."""
        done = 0
        for start in range(0, len(uuids), 500):
            chunk = list(uuids[start : start + 500])
            marks = ", ".join("?" * len(chunk))
            cursor = self.sql.execute(
                f"UPDATE outbox SET sent_at = ? WHERE sent_at IS NULL AND uuid IN ({marks})", [at, *chunk]
            )
            done += max(cursor.rowcount, 0)
        if done:
            row = self.sql.execute(
                "SELECT MIN(id) FROM outbox WHERE id > ? AND sent_at IS NULL", [self._acked_through()]
            ).fetchone()
            if row and row[0] is not None:
                through = int(row[0]) - 1
            else:
                top = self.sql.execute("SELECT MAX(id) FROM outbox").fetchone()
                through = int(top[0]) if top and top[0] is not None else 0
            self.sql.execute(
                """INSERT INTO hall_meta (key, value, updated_at) VALUES (?, ?, ?)
                   ON CONFLICT (key) DO UPDATE
                   SET value = excluded.value, updated_at = excluded.updated_at""",
                [ACKED_THROUGH, str(through), at],
            )
        return done

    def waiting(self) -> tuple[int, datetime | None]:
        after = self._acked_through()
        row = self.sql.execute(
            "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE id > ? AND sent_at IS NULL", [after]
        ).fetchone()
        return int(row[0]), parse_time(row[1])
