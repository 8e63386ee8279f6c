"""What the sign-in and audit services need of the store (the ``users`` and ``audit`` repositories of
:class:`~counter_app.services.ports.HallRecords`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol

from counter_app.domain.accounts import UserAccount, UserEvent
from counter_app.domain.audit_trail import ChainVerdict, Link
from counter_app.domain.roles import Role
from counter_app.domain.sign_in import LockoutState


class UserRecords(Protocol):
    def any_user(self) -> bool: ...

    def any_active_administrator(self) -> bool: ...

    def user(self, code: str) -> UserAccount | None: ...

    def all_users(self) -> list[UserAccount]: ...

    def add_user(self, code: str, name: str, role: Role, password_hash: str, at: datetime) -> None: ...

    def change_user(self, code: str, name: str, role: Role, active: bool, at: datetime) -> None: ...

    def set_password(self, code: str, password_hash: str, at: datetime) -> None: ...

    def set_pin(self, code: str, pin_hash: str, at: datetime) -> None: ...

    def set_lockout(self, code: str, state: LockoutState) -> None: ...

    def add_event(self, code: str, kind: str, at: datetime, actor: str = "", **detail: Any) -> None: ...

    def events(self, code: str | None = None, limit: int = 100) -> list[UserEvent]: ...

    def copy_from_hall(self, accounts: Sequence[UserAccount], at: datetime) -> int:
        """A PC's copy of the hall server's accounts (hashes, role, active, lockout); rows written."""
        ...


class AuditRecords(Protocol):
    enabled: bool
    """Whether this engine keeps the chain (the hall server does not yet)."""

    def head(self) -> Link: ...

    def verify(self, anchor: Link | None = None) -> ChainVerdict: ...
