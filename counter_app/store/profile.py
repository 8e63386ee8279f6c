"""What the hall database says about the hall: the profile copy every process of the hall reads, and
``hall_meta`` (what the file says about itself, e.g. that the demo was loaded) with whether it holds
any hall records yet."""

from __future__ import annotations

import hashlib
from datetime import datetime

from counter_app.domain.profile import HallProfile
from counter_app.domain.queue import CounterState
from counter_app.store.rows import from_json, parse_time, to_json
from counter_app.store.sql import Sql, placeholders

RECORD_TABLES = ("tickets", "applications", "account_lists", "payment_guidance")
"""Tables whose rows are the hall's own work (a fresh ``init`` leaves them empty)."""


class ProfileRepository:
    def __init__(self, sql: Sql) -> None:
        self.sql = sql

    def stored(self) -> tuple[str, dict[str, str], str] | None:
        """``(toml, parts, sha256)`` of the profile in use, or ``None`` before the first ``init``."""
        row = self.sql.execute("SELECT toml, parts, sha256 FROM hall_profile WHERE id = 1").fetchone()
        return (row[0], from_json(row[1]), row[2]) if row else None

    @staticmethod
    def digest(text: str, parts: dict[str, str]) -> str:
        h = hashlib.sha256(text.encode("utf-8"))
        for name in sorted(parts):
            h.update(b"\0" + name.encode("utf-8") + b"\0" + parts[name].encode("utf-8"))
        return h.hexdigest()

    def save(
        self, text: str, parts: dict[str, str], profile: HallProfile, source: str, now: datetime
    ) -> None:
        """Store the profile and bring the service and counter rows in line with it.

        Counters that left the profile are kept (old tickets point at them) but closed and marked
        not configured; a counter already open keeps its state and clerk.
        """
        self.sql.execute(
            """INSERT INTO hall_profile (id, toml, parts, sha256, source, loaded_at) VALUES (1, ?, ?, ?, ?, ?)
               ON CONFLICT (id) DO UPDATE SET toml = excluded.toml, parts = excluded.parts,
               sha256 = excluded.sha256, source = excluded.source, loaded_at = excluded.loaded_at""",
            [text, to_json(parts), self.digest(text, parts), source, now],
        )
        self.sql.execute("UPDATE services SET active = 0")
        for position, service in enumerate(profile.services):
            self.sql.execute(
                """INSERT INTO services (code, position, active) VALUES (?, ?, 1)
                   ON CONFLICT (code) DO UPDATE SET position = excluded.position, active = 1""",
                [service.code, position],
            )
        numbers = [c.number for c in profile.counters]
        marks = placeholders(len(numbers))
        self.sql.execute(
            f"UPDATE counters SET configured = 0, state = ? WHERE number NOT IN ({marks})",
            [CounterState.CLOSED.value, *numbers],
        )
        for counter in profile.counters:
            self.sql.execute(
                """INSERT INTO counters (number, state, clerk, configured, updated_at)
                   VALUES (?, ?, '', 1, ?)
                   ON CONFLICT (number) DO UPDATE SET configured = 1""",
                [counter.number, CounterState.OPEN.value, now],
            )


class HallMetaRepository:
    def __init__(self, sql: Sql) -> None:
        self.sql = sql

    def get(self, key: str) -> str | None:
        row = self.sql.execute("SELECT value FROM hall_meta WHERE key = ?", [key]).fetchone()
        return str(row[0]) if row else None

    def put(self, key: str, value: str, at: datetime) -> None:
        """Inside the caller's write transaction."""
        self.sql.execute(
            """INSERT INTO hall_meta (key, value, updated_at) VALUES (?, ?, ?)
               ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at""",
            [key, value, at],
        )

    def record_counts(self) -> dict[str, int]:
        """Rows of each record table (an index count, however large the hall's history)."""
        return {
            table: int(self.sql.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
            for table in RECORD_TABLES
        }

    def last_queue_event_at(self) -> datetime | None:
        """When the latest queue event was written (the newest row, whatever the clock did since)."""
        row = self.sql.execute("SELECT at FROM queue_events ORDER BY id DESC LIMIT 1").fetchone()
        return parse_time(row[0]) if row else None
