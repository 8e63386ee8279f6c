"""The outbox: records waiting to be handed to the utility's central systems.

Every area writes its row here inside the same transaction as the change it reports (one user
action, one transaction); delivery reads the rows in id order after the last id handed over.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlite_utils

from counter_app.store.rows import iso, new_uuid, to_json


def add_outbox(db: sqlite_utils.Database, topic: str, payload: dict[str, Any], at: datetime | str) -> None:
    """Append one record for ``topic`` (``queue``, ``applications``, ``payments``, …)."""
    db.execute(
        "INSERT INTO outbox (uuid, topic, payload, created_at) VALUES (?, ?, ?, ?)",
        [new_uuid(), topic, to_json(payload), at if isinstance(at, str) else iso(at)],
    )
