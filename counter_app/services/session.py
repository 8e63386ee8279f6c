"""Who is signed in (:class:`Session`) and the check every guarded service operation makes first
(:class:`Gate`).

A hall's services share one :class:`Gate` (built by :class:`~counter_app.services.hall.Hall`); the
windows and the command line put the signed-in member of staff on it (``sign_in`` / ``sign_out``),
and a guarded operation starts with ``self.gate.require(Action.…)`` — one line — so the command line
and a second window are held to the same rules as the counter's buttons.

The rule for a hall that has not set sign-in up yet: until its first account exists (the
administrator, made by ``counter-app user add NAME --role admin`` or the windows' set-up dialog),
nothing is enforced and the hall works as it did; from the moment an account exists, every guarded
operation needs a signed-in member of staff whose role may do it (``domain/roles.py``). Accounts are
never deleted, only deactivated, so a hall cannot fall back to the open state through the tool.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from counter_app.domain.errors import NotPermitted
from counter_app.domain.roles import Action, Role, require
from counter_app.services.ports import HallRecords


@dataclass(frozen=True)
class Session:
    """The member of staff signed in: staff code (工号), name and role."""

    staff: str
    name: str
    role: Role


class SignedIn:
    """Who is signed in on this PC's process, shared by the halls it opens (the windows' worker
    threads each open their own connection: a print worker must know the clerk too)."""

    def __init__(self) -> None:
        self.session: Session | None = None


class Gate:
    """The signed-in session of one hall's services and the check of the role × action matrix."""

    def __init__(self, accounts_exist: Callable[[], bool], signed_in: SignedIn | None = None) -> None:
        self._accounts_exist = accounts_exist
        self._enforcing = False
        self._replaying = False
        self.signed_in = signed_in or SignedIn()

    @property
    def session(self) -> Session | None:
        return self.signed_in.session

    @property
    def enforcing(self) -> bool:
        """Whether the hall has set sign-in up (then stays so: accounts are never deleted)."""
        if not self._enforcing:
            self._enforcing = self._accounts_exist()
        return self._enforcing

    def sign_in(self, session: Session) -> None:
        self.signed_in.session = session
        self._enforcing = True

    def sign_out(self) -> None:
        self.signed_in.session = None

    @property
    def role(self) -> Role | None:
        return self.session.role if self.session is not None else None

    def require(self, action: Action) -> None:
        """Refuse with :class:`~counter_app.domain.errors.NotPermitted` unless the signed-in role may
        do ``action`` (nothing is refused while the hall has no account yet)."""
        if self.enforcing and not self._replaying:
            require(self.role, action)

    def acting_as(self, clerk: str) -> str:
        """``clerk`` — the name a step is recorded under — once it is the signed-in member of staff's
        own code (nobody may record a step under another's name once the hall has sign-in)."""
        if self.enforcing and not self._replaying:
            if self.session is None:
                require(None, Action.APPLICATION_WORK)
            elif clerk != self.session.staff:
                raise NotPermitted(
                    f"Signed in as {self.session.staff}: steps are recorded under your own staff code.",
                    code="not_signed_in_clerk",
                    staff=self.session.staff,
                )
        return clerk

    @contextlib.contextmanager
    def handing_over(self) -> Iterator[None]:
        """While a PC hands over what it did without the server: those actions were checked when
        they were done (each carries its clerk), so the replay on the server is not checked again."""
        before = self._replaying
        self._replaying = True
        try:
            yield
        finally:
            self._replaying = before

    def allows(self, action: Action) -> bool:
        """What a window asks before offering a button (a courtesy: the service checks again)."""
        from counter_app.domain.roles import allowed

        return not self.enforcing or self._replaying or allowed(self.role, action)


def gate_for(store: HallRecords, gate: Gate | None) -> Gate:
    """The hall's shared gate, or for a service built on its own one with the same rule and nobody
    signed in (so a service made outside :class:`~counter_app.services.hall.Hall` is never open on a
    hall that has accounts)."""
    return gate if gate is not None else Gate(store.users.any_user)
