"""The hall profile copy in the database, so every process of the hall reads the same profile."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

import sqlite_utils

from counter_app.domain.profile import HallProfile
from counter_app.domain.queue import CounterState
from counter_app.store.rows import iso, to_json


class ProfileRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def stored(self) -> tuple[str, dict[str, str], str] | None:
        """``(toml, parts, sha256)`` of the profile in use, or ``None`` before the first ``init``."""
        row = self.db.execute("SELECT toml, parts, sha256 FROM hall_profile WHERE id = 1").fetchone()
        return (row[0], json.loads(row[1]), row[2]) if row else None

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
        self.db.execute(
            """INSERT INTO hall_profile (id, toml, parts, sha256, source, loaded_at) VALUES (1, ?, ?, ?, ?, ?)
               ON CONFLICT (id) DO UPDATE SET toml = excluded.toml, parts = excluded.parts,
               sha256 = excluded.sha256, source = excluded.source, loaded_at = excluded.loaded_at""",
            [text, to_json(parts), self.digest(text, parts), source, iso(now)],
        )
        self.db.execute("UPDATE services SET active = 0")
        for position, service in enumerate(profile.services):
            self.db.execute(
                """INSERT INTO services (code, position, active) VALUES (?, ?, 1)
                   ON CONFLICT (code) DO UPDATE SET position = excluded.position, active = 1""",
                [service.code, position],
            )
        numbers = [c.number for c in profile.counters]
        marks = ",".join("?" * len(numbers))
        self.db.execute(
            f"UPDATE counters SET configured = 0, state = ? WHERE number NOT IN ({marks})",
            [CounterState.CLOSED.value, *numbers],
        )
        for counter in profile.counters:
            self.db.execute(
                """INSERT INTO counters (number, state, clerk, configured, updated_at)
                   VALUES (?, ?, '', 1, ?)
                   ON CONFLICT (number) DO UPDATE SET configured = 1""",
                [counter.number, CounterState.OPEN.value, iso(now)],
            )
