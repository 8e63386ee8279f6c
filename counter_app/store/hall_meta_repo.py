"""What the hall database says about itself (``hall_meta``), and whether it holds any hall records."""

from __future__ import annotations

from datetime import datetime

import sqlite_utils

from counter_app.store.rows import iso

RECORD_TABLES = ("tickets", "applications", "account_lists", "payment_guidance")
"""Tables whose rows are the hall's own work (a fresh ``init`` leaves them empty)."""


class HallMetaRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def get(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM hall_meta WHERE key = ?", [key]).fetchone()
        return str(row[0]) if row else None

    def put(self, key: str, value: str, at: datetime) -> None:
        """Inside the caller's write transaction."""
        self.db.execute(
            """INSERT INTO hall_meta (key, value, updated_at) VALUES (?, ?, ?)
               ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at""",
            [key, value, iso(at)],
        )

    def record_counts(self) -> dict[str, int]:
        """Rows of each record table (an index count, however large the hall's history)."""
        return {
            table: int(self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
            for table in RECORD_TABLES
        }

    def last_queue_event_at(self) -> datetime | None:
        """When the latest queue event was written (the newest row, whatever the clock did since)."""
        row = self.db.execute("SELECT at FROM queue_events ORDER BY id DESC LIMIT 1").fetchone()
        return datetime.fromisoformat(row[0]) if row else None
