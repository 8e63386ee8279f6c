"""The hall's staff list (工号, name, role) and its history: who may act as a supervisor."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlite_utils

from counter_app.store.rows import iso, new_uuid, parse_time, to_json


@dataclass(frozen=True)
class StaffRecord:
    code: str
    name: str
    role: str
    active: bool
    updated_at: datetime


class StaffRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def staff(self, code: str) -> StaffRecord | None:
        row = self.db.execute(
            "SELECT code, name, role, active, updated_at FROM staff WHERE code = ?", [code]
        ).fetchone()
        return _staff(row) if row else None

    def all_staff(self) -> list[StaffRecord]:
        rows = self.db.execute(
            "SELECT code, name, role, active, updated_at FROM staff ORDER BY active DESC, code"
        ).fetchall()
        return [_staff(r) for r in rows]

    def save_staff(self, code: str, name: str, role: str, active: bool, at: datetime, kind: str) -> None:
        self.db.execute(
            """INSERT INTO staff (code, name, role, active, updated_at) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (code) DO UPDATE SET name = excluded.name, role = excluded.role,
                   active = excluded.active, updated_at = excluded.updated_at""",
            [code, name, role, int(active), iso(at)],
        )
        self.db.execute(
            "INSERT INTO staff_events (uuid, code, kind, at, detail) VALUES (?, ?, ?, ?, ?)",
            [new_uuid(), code, kind, iso(at), to_json({"name": name, "role": role, "active": active})],
        )


def _staff(row: Sequence[Any]) -> StaffRecord:
    updated = parse_time(row[4])
    assert updated is not None
    return StaffRecord(row[0], row[1], row[2], bool(row[3]), updated)
