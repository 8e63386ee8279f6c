"""The hall's staff list (工号, name, role) and its history: who may act as a supervisor."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from counter_app.domain.applications.detail import StaffMember
from counter_app.domain.applications.workflow import Role
from counter_app.store.rows import new_uuid, to_json
from counter_app.store.sql import Sql

_COLUMNS = "code, name, role, active"


class StaffRepository:
    def __init__(self, sql: Sql) -> None:
        self.sql = sql

    def staff(self, code: str) -> StaffMember | None:
        row = self.sql.execute(f"SELECT {_COLUMNS} FROM staff WHERE code = ?", [code]).fetchone()
        return _member(row) if row else None

    def all_staff(self) -> list[StaffMember]:
        rows = self.sql.execute(f"SELECT {_COLUMNS} FROM staff ORDER BY active DESC, code").fetchall()
        return [_member(r) for r in rows]

    def save_staff(self, code: str, name: str, role: str, active: bool, at: datetime, kind: str) -> None:
        self.sql.execute(
            """INSERT INTO staff (code, name, role, active, updated_at) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (code) DO UPDATE SET name = excluded.name, role = excluded.role,
                   active = excluded.active, updated_at = excluded.updated_at""",
            [code, name, role, active, at],
        )
        self.sql.execute(
            "INSERT INTO staff_events (uuid, code, kind, at, detail) VALUES (?, ?, ?, ?, ?)",
            [new_uuid(), code, kind, at, to_json({"name": name, "role": role, "active": active})],
        )


def _member(row: Sequence[Any]) -> StaffMember:
    return StaffMember(row[0], row[1], Role(row[2]), bool(row[3]))
