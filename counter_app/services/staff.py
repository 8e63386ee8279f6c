"""Who may do what with applications: the hall's staff list (工号, name, role).

The counter window's clerk is whatever was typed at sign-in (a name or a staff number). A clerk whose
sign-in matches the ``code`` of an active staff row has that row's role; anyone else is a plain clerk
(营业员). So supervisor rights (值班长: act on any application, see its full personal data) need
signing in with the staff code, and a hall that never fills the list still works: every clerk owns
what they accepted (首问负责制) and nothing more.
"""

from __future__ import annotations

from counter_app.domain.applications.detail import StaffMember
from counter_app.domain.applications.workflow import Actor, Role
from counter_app.domain.entries import sign_in_name, staff_name, unreadable_characters
from counter_app.domain.errors import InvalidInput, NotFound
from counter_app.domain.roles import Action, grant_action
from counter_app.domain.roles import Role as RoleOfStaff
from counter_app.services.clock import Clock, system_clock
from counter_app.services.ports import HallRecords, StaffRecords
from counter_app.services.session import Gate, gate_for

MAX_CODE_LENGTH = 40


def actor_for(repo: StaffRecords, clerk: str) -> Actor:
    """The clerk as the workflow sees them; call inside a read or write of ``repo``'s database."""
    record = repo.staff(clerk)
    if record is not None and record.active:
        return Actor(clerk, Role(record.role))
    return Actor(clerk, Role.CLERK)


def clean_clerk(clerk: str) -> str:
    """The signed-in clerk, trimmed; refused when nobody is signed in."""
    text = sign_in_name(clerk)
    if not text:
        raise InvalidInput(
            "Sign in at the counter first: every step records which clerk did it.",
            field="clerk",
            code="clerk_required",
        )
    return text


class StaffService:
    def __init__(self, store: HallRecords, clock: Clock = system_clock, gate: Gate | None = None) -> None:
        self.store = store
        self.gate = gate_for(store, gate)
        self.clock = clock
        self.repo = store.staff

    def add(self, code: str, name: str, role: Role = Role.CLERK) -> StaffMember:
        """Add a member of staff, or update the name and role of an existing code (and reactivate it)."""
        self.gate.require(grant_action(RoleOfStaff(role.value)))
        code = code.strip()
        name = staff_name(name)
        if (
            not code
            or len(code) > MAX_CODE_LENGTH
            or any(ch.isspace() for ch in code)
            or unreadable_characters(code)
        ):
            raise InvalidInput(
                f"A staff code is 1 to {MAX_CODE_LENGTH} characters without spaces, not {code[:40]!r}.",
                field="code",
                code="staff_code_invalid",
                value=code[:40],
            )
        with self.store.write():
            existing = self.repo.staff(code)
            kind = "added" if existing is None else "changed"
            self.repo.save_staff(code, name, role.value, True, self.clock(), kind)
            saved = self.repo.staff(code)
        assert saved is not None
        return saved

    def deactivate(self, code: str) -> StaffMember:
        """Someone left or moved: they act as a plain clerk from now on; their history stays."""
        self.gate.require(Action.MANAGE_CLERKS)
        with self.store.write():
            existing = self.repo.staff(code.strip())
            if existing is None:
                raise NotFound(f"There is no staff code {code!r}.", code="unknown_staff", staff=code)
            self.repo.save_staff(
                existing.code, existing.name, existing.role.value, False, self.clock(), "deactivated"
            )
            saved = self.repo.staff(existing.code)
        assert saved is not None
        return saved

    def member(self, code: str) -> StaffMember | None:
        """The staff row of ``code`` (active or not), ``None`` for a sign-in that is not a staff code."""
        with self.store.read():
            return self.repo.staff(code.strip())

    def list(self) -> list[StaffMember]:
        with self.store.read():
            return self.repo.all_staff()

    def role_of(self, clerk: str) -> Role:
        with self.store.read():
            return actor_for(self.repo, clerk.strip()).role
