"""A sign-in account as the store keeps it (``users``): pure values, no storage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from counter_app.domain.roles import Role
from counter_app.domain.sign_in import LockoutState


@dataclass(frozen=True)
class UserAccount:
    """One account. ``repr`` leaves the hashes out (they never reach a log)."""

    code: str
    name: str
    role: Role
    password_hash: str
    pin_hash: str | None
    lockout: LockoutState
    active: bool

    def __repr__(self) -> str:
        return (
            f"UserAccount({self.code!r}, {self.role.value}, active={self.active}, "
            f"locked={self.lockout.locked})"
        )


@dataclass(frozen=True)
class UserEvent:
    """One row of the account and sign-in history."""

    code: str
    kind: str
    at: datetime | None
    actor: str
