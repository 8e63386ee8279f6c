"""Sign-in accounts (``users``) and their history (``user_events``): who may sign in, the Argon2id
hashes of their secrets, and the lockout state. Hashes never leave this repository but to the
service that checks them; nothing here logs them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from counter_app.domain.accounts import UserAccount, UserEvent
from counter_app.domain.roles import Role
from counter_app.domain.sign_in import LockoutState
from counter_app.store.rows import new_uuid, parse_time, to_json
from counter_app.store.sql import Sql

_COLUMNS = "code, name, role, password_hash, pin_hash, failures, locked_at, active"


class UserRepository:
    def __init__(self, sql: Sql) -> None:
        self.sql = sql

    def any_user(self) -> bool:
        """Whether the hall has set up sign-in (an account exists, active or not)."""
        return self.sql.execute("SELECT EXISTS (SELECT 1 FROM users)").fetchone()[0] in (1, True)

    def any_active_administrator(self) -> bool:
        found = self.sql.execute(
            "SELECT EXISTS (SELECT 1 FROM users WHERE role = 'administrator' AND active = ?)", [True]
        ).fetchone()
        return found[0] in (1, True)

    def user(self, code: str) -> UserAccount | None:
        row = self.sql.execute(f"SELECT {_COLUMNS} FROM users WHERE code = ?", [code]).fetchone()
        return _account(row) if row else None

    def all_users(self) -> list[UserAccount]:
        rows = self.sql.execute(f"SELECT {_COLUMNS} FROM users ORDER BY active DESC, code").fetchall()
        return [_account(r) for r in rows]

    def add_user(self, code: str, name: str, role: Role, password_hash: str, at: datetime) -> None:
        self.sql.execute(
            """INSERT INTO users (code, name, role, password_hash, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?)""",
            [code, name, role.value, password_hash, at, at],
        )

    def change_user(self, code: str, name: str, role: Role, active: bool, at: datetime) -> None:
        self.sql.execute(
            "UPDATE users SET name = ?, role = ?, active = ?, updated_at = ? WHERE code = ?",
            [name, role.value, active, at, code],
        )

    def set_password(self, code: str, password_hash: str, at: datetime) -> None:
        self.sql.execute(
            "UPDATE users SET password_hash = ?, updated_at = ? WHERE code = ?", [password_hash, at, code]
        )

    def set_pin(self, code: str, pin_hash: str, at: datetime) -> None:
        self.sql.execute("UPDATE users SET pin_hash = ?, updated_at = ? WHERE code = ?", [pin_hash, at, code])

    def set_lockout(self, code: str, state: LockoutState) -> None:
        record = state.as_record()
        self.sql.execute(
            "UPDATE users SET failures = ?, locked_at = ? WHERE code = ?",
            [record["failures"], record["locked_at"], code],
        )

    def copy_from_hall(self, accounts: Sequence[UserAccount], at: datetime) -> int:
        """A PC's copy of the hall server's accounts (``services/hall_link.py``): each row as the
        server has it — role, active, lockout and the Argon2id hashes (never a secret itself) — so
        sign-in and the role checks work the same while the server cannot be reached. An account
        this file has that the hall does not is deactivated (it cannot sign in on a PC of the hall).
        Only rows that differ are written; how many were."""
        theirs = {a.code: a for a in accounts}
        mine = {a.code: a for a in self.all_users()}
        written = 0
        for code, account in theirs.items():
            if mine.get(code) == account:
                continue
            record = account.lockout.as_record()
            self.sql.execute(
                """INSERT INTO users (code, name, role, password_hash, pin_hash, failures, locked_at, active,
                                      created_at, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT (code) DO UPDATE SET name = excluded.name, role = excluded.role,
                       password_hash = excluded.password_hash, pin_hash = excluded.pin_hash,
                       failures = excluded.failures, locked_at = excluded.locked_at,
                       active = excluded.active, updated_at = excluded.updated_at""",
                [
                    code,
                    account.name,
                    account.role.value,
                    account.password_hash,
                    account.pin_hash,
                    record["failures"],
                    record["locked_at"],
                    account.active,
                    at,
                    at,
                ],
            )
            written += 1
        for code, account in mine.items():
            if code not in theirs and account.active:
                self.sql.execute(
                    "UPDATE users SET active = ?, updated_at = ? WHERE code = ?", [False, at, code]
                )
                written += 1
        return written

    def add_event(self, code: str, kind: str, at: datetime, actor: str = "", **detail: Any) -> None:
        self.sql.execute(
            "INSERT INTO user_events (uuid, code, kind, at, actor, detail) VALUES (?, ?, ?, ?, ?, ?)",
            [new_uuid(), code, kind, at, actor, to_json(detail)],
        )

    def events(self, code: str | None = None, limit: int = 100) -> list[UserEvent]:
        """Recent account and sign-in events (code, kind, at, actor), newest first."""
        where, params = ("WHERE code = ?", [code]) if code else ("", [])
        rows = self.sql.execute(
            f"SELECT code, kind, at, actor FROM user_events {where} ORDER BY id DESC LIMIT ?",
            [*params, limit],
        ).fetchall()
        return [UserEvent(str(r[0]), str(r[1]), parse_time(r[2]), str(r[3])) for r in rows]


def _account(row: Sequence[Any]) -> UserAccount:
    record: Mapping[str, Any] = {
        "failures": row[5],
        "locked_at": row[6].isoformat() if isinstance(row[6], datetime) else row[6],
    }
    return UserAccount(
        code=str(row[0]),
        name=str(row[1]),
        role=Role(row[2]),
        password_hash=str(row[3]),
        pin_hash=str(row[4]) if row[4] is not None else None,
        lockout=LockoutState.from_record(record),
        active=bool(row[7]),
    )
