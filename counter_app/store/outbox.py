"""The outbox: records waiting to be handed to the utility's central systems.

Every area writes its row here inside the same transaction as the change it reports (one user
action, one transaction); delivery reads the rows in id order after the last id handed over.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from counter_app.store.rows import new_uuid, to_json
from counter_app.store.sql import Sql


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
