"""Sign-in accounts and signing in (登录): add, set a password or PIN, unlock, deactivate, sign in,
lock an idle counter and resume it.

Each user action is one transaction; a refusal changes nothing — except a wrong secret, whose
failure is the record (it counts toward the lockout: ``domain/sign_in.py``, 5 failures in 15
minutes, lifted only by a supervisor). Hashing (Argon2id, deliberately slow) happens outside the
transaction so it never holds the hall's write lock.

The first account of a hall is its administrator, made with a password typed by whoever sets the hall
up: there is no default password. Until that account exists nothing is enforced (``session.py``).
Clerk and supervisor accounts keep their row of the applications' staff roster in step.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime

from counter_app.domain import sign_in
from counter_app.domain.accounts import UserAccount
from counter_app.domain.applications.workflow import Role as StaffRole
from counter_app.domain.errors import InvalidInput, NotFound, NotPermitted, RuleViolation
from counter_app.domain.roles import Action, Role, grant_action
from counter_app.domain.sign_in import SecretHasher, SecretKind
from counter_app.services.clock import Clock, system_clock
from counter_app.services.offline import OfflineDesk
from counter_app.services.ports import HallRecords
from counter_app.services.session import Gate, Session, gate_for

MAX_CODE_LENGTH = 40
MAX_NAME_LENGTH = 60


def _code(text: str) -> str:
    code = text.strip()
    if (
        not code
        or len(code) > MAX_CODE_LENGTH
        or any(ch.isspace() or unicodedata.category(ch)[0] == "C" for ch in code)
    ):
        raise InvalidInput(
            f"A staff code is 1 to {MAX_CODE_LENGTH} characters without spaces.",
            field="code",
            code="staff_code_invalid",
        )
    return code


def _name(text: str) -> str:
    name = " ".join(text.split())
    if not name or len(name) > MAX_NAME_LENGTH or any(unicodedata.category(ch)[0] == "C" for ch in name):
        raise InvalidInput(
            f"A name is 1 to {MAX_NAME_LENGTH} printable characters.", field="name", code="staff_name_invalid"
        )
    return name


def _wrong() -> NotPermitted:
    """The same refusal for an unknown code, a deactivated account and a wrong secret."""
    return NotPermitted("Wrong staff code or password.", code="sign_in_failed")


class UserService:
    def __init__(
        self,
        store: HallRecords,
        clock: Clock = system_clock,
        gate: Gate | None = None,
        hasher: SecretHasher | None = None,
        desk: OfflineDesk | None = None,
    ) -> None:
        """``desk``: set while the PC works without its hall server, on its copy of the hall's
        accounts (``services/hall_link.py``): sign-ins and wrong secrets are journaled and handed
        over (they count toward the lockout on the server too); accounts are managed on the server only."""
        self.store = store
        self.desk = desk
        self.clock = clock
        self.repo = store.users
        self.gate = gate_for(store, gate)
        self.hasher = hasher or SecretHasher(sign_in.HALL_HASH_PARAMETERS)

    # --- accounts --------------------------------------------------------------------------------
    def setup_needed(self) -> bool:
        """True while the hall has no active administrator (the first start's set-up)."""
        with self.store.read():
            return not self.repo.any_active_administrator()

    def add(self, code: str, name: str, role: Role, password: str) -> UserAccount:
        """A new account. The first account of a hall must be its administrator; after that, clerks
        are added by a supervisor or administrator, supervisors and administrators by an administrator."""
        self._needs_server()
        code, name = _code(code), _name(name)
        secret = sign_in.check_new_secret(password, SecretKind.PASSWORD, staff_code=code, name=name)
        with self.store.read():
            first = not self.repo.any_user()
        if first and role is not Role.ADMINISTRATOR:
            raise NotPermitted(
                "The first account of a hall is its administrator: add it with the role admin.",
                code="first_account_admin",
            )
        if not first:
            self.gate.require(grant_action(role))
        digest = self.hasher.hash(secret)
        with self.store.write():
            if self.repo.user(code) is not None:
                raise InvalidInput(
                    f"Staff code {code} already has an account.", field="code", code="user_exists"
                )
            if first and self.repo.any_user():
                raise NotPermitted(
                    "Another administrator was just set up; sign in with it.", code="first_account_admin"
                )
            now = self.clock()
            self.repo.add_user(code, name, role, digest, now)
            self.repo.add_event(code, "added", now, self._actor(), role=role.value)
            self._keep_roster(code, name, role, True, now)
            added = self.repo.user(code)
        assert added is not None
        return added

    def set_password(self, code: str, new_password: str, *, current: str | None = None) -> None:
        """Set ``code``'s password: your own (with the ``current`` one), or another's as their manager."""
        self._needs_server()
        account = self._account(code)
        self._may_change(account, current)
        secret = sign_in.check_new_secret(
            new_password, SecretKind.PASSWORD, staff_code=account.code, name=account.name
        )
        digest = self.hasher.hash(secret)
        with self.store.write():
            now = self.clock()
            self.repo.set_password(account.code, digest, now)
            self.repo.add_event(account.code, "password_set", now, self._actor())

    def set_pin(self, code: str, pin: str, *, current: str | None = None) -> None:
        """The PIN that resumes ``code``'s idle-locked counter (6–12 digits)."""
        self._needs_server()
        account = self._account(code)
        self._may_change(account, current)
        secret = sign_in.check_new_secret(pin, SecretKind.PIN, staff_code=account.code, name=account.name)
        digest = self.hasher.hash(secret)
        with self.store.write():
            now = self.clock()
            self.repo.set_pin(account.code, digest, now)
            self.repo.add_event(account.code, "pin_set", now, self._actor())

    def unlock(self, code: str) -> UserAccount:
        """Lift a lockout after repeated wrong secrets (a supervisor's or administrator's)."""
        self._needs_server()
        self.gate.require(Action.UNLOCK_STAFF)
        with self.store.write():
            account = self._account_in(code)
            self.repo.set_lockout(account.code, sign_in.unlock(account.lockout))
            self.repo.add_event(account.code, "unlocked", self.clock(), self._actor())
            unlocked = self.repo.user(account.code)
        assert unlocked is not None
        return unlocked

    def deactivate(self, code: str) -> UserAccount:
        """Someone left: they can no longer sign in; their history stays. The last active
        administrator cannot be deactivated (the hall would have nobody to manage it)."""
        self._needs_server()
        with self.store.read():
            account = self._account_in(code)
        self.gate.require(grant_action(account.role))
        with self.store.write():
            account = self._account_in(code)
            if account.role is Role.ADMINISTRATOR and account.active:
                others = [
                    u for u in self.repo.all_users()
                    if u.role is Role.ADMINISTRATOR and u.active and u.code != account.code
                ]  # fmt: skip
                if not others:
                    raise NotPermitted(
                        "This is the hall's last administrator; add another before deactivating it.",
                        code="last_administrator",
                    )
            now = self.clock()
            self.repo.change_user(account.code, account.name, account.role, False, now)
            self.repo.add_event(account.code, "deactivated", now, self._actor())
            self._keep_roster(account.code, account.name, account.role, False, now)
            saved = self.repo.user(account.code)
        assert saved is not None
        return saved

    def list(self) -> list[UserAccount]:
        self.gate.require(Action.MANAGE_CLERKS)
        with self.store.read():
            return self.repo.all_users()

    # --- signing in --------------------------------------------------------------------------------
    def sign_in(self, code: str, password: str) -> Session:
        """Check the password and put the member of staff on the hall's gate. A locked account is
        refused without looking at the password; a wrong one counts toward the lockout."""
        account = self._lookup(code)
        if account is not None:
            sign_in.ensure_not_locked(account.lockout, account.code)
        stored = account.password_hash if account is not None and account.active else None
        verdict = self.hasher.verify(stored, password)
        if account is None or not account.active or not verdict.ok:
            self._failed(code.strip()[:MAX_CODE_LENGTH], account)
            raise _wrong()
        with self.store.write():
            now = self.clock()
            fresh = self._account_in(account.code)
            sign_in.ensure_not_locked(fresh.lockout, fresh.code)
            self.repo.set_lockout(fresh.code, sign_in.record_success(fresh.lockout))
            if verdict.new_hash is not None:
                self.repo.set_password(fresh.code, verdict.new_hash, now)
            self.repo.add_event(fresh.code, "signed_in", now, fresh.code)
            if self.desk is not None:
                self.desk.note(self.store, "users.signed_in", now, code=fresh.code, event="signed_in")
        session = Session(fresh.code, fresh.name, fresh.role)
        self.gate.sign_in(session)
        return session

    def sign_out(self) -> None:
        session = self.gate.session
        if session is None:
            return
        with self.store.write():
            self.repo.add_event(session.staff, "signed_out", self.clock(), session.staff)
        self.gate.sign_out()

    def lock_idle(self) -> None:
        """The counter locked after the idle minutes: recorded; the session stays for its clerk."""
        session = self.gate.session
        if session is None:
            return
        with self.store.write():
            self.repo.add_event(session.staff, "idle_locked", self.clock(), session.staff)

    def resume(self, code: str, secret: str) -> Session:
        """Unlock an idle-locked counter: only its own clerk, with their PIN (or their password when
        they have set no PIN). Wrong secrets count toward the same lockout as signing in."""
        session = self.gate.session
        if session is None or not sign_in.may_resume(session.staff, code.strip()):
            raise NotPermitted(
                "Only the clerk whose counter locked can resume it; sign in afresh instead.",
                code="resume_other_clerk",
            )
        account = self._lookup(session.staff)
        if account is None:
            raise _wrong()
        sign_in.ensure_not_locked(account.lockout, account.code)
        stored = account.pin_hash or account.password_hash
        verdict = self.hasher.verify(stored if account.active else None, secret)
        if not account.active or not verdict.ok:
            self._failed(account.code, account)
            raise NotPermitted("Wrong PIN.", code="resume_failed")
        with self.store.write():
            fresh = self._account_in(account.code)
            sign_in.ensure_not_locked(fresh.lockout, fresh.code)
            self.repo.set_lockout(fresh.code, sign_in.record_success(fresh.lockout))
            now = self.clock()
            self.repo.add_event(fresh.code, "resumed", now, fresh.code)
            if self.desk is not None:
                self.desk.note(self.store, "users.signed_in", now, code=fresh.code, event="resumed")
        return session

    # --- helpers ------------------------------------------------------------------------------------
    def _failed(self, code: str, account: UserAccount | None) -> None:
        with self.store.write():
            now = self.clock()
            if account is not None:
                fresh = self._account_in(account.code)
                state = sign_in.record_failure(fresh.lockout, now)
                self.repo.set_lockout(fresh.code, state)
                self.repo.add_event(fresh.code, "sign_in_failed", now, "")
                if state.locked and not fresh.lockout.locked:
                    self.repo.add_event(fresh.code, "locked", now, "")
            elif code:
                self.repo.add_event(code, "sign_in_failed", now, "", account="none")
            if self.desk is not None and code:
                self.desk.note(self.store, "users.sign_in_failed", now, code=code)

    # --- a PC's sign-ins made without the server, handed over (``services/hand_over.py``) ---------
    def hand_over_sign_in(self, code: str, event: str) -> None:
        """A right secret given on a PC while it worked alone, at the (pinned) time it was given:
        the failures before it are forgotten, as on the PC, unless the account is locked here
        meanwhile (a lock stands until a supervisor lifts it); the event is recorded either way."""
        if event not in ("signed_in", "resumed"):
            raise InvalidInput(f"Not a sign-in event: {event!r}", field="event", code="bad_event")
        with self.store.write():
            fresh = self._account_in(code)
            self.repo.set_lockout(fresh.code, sign_in.record_success(fresh.lockout))
            self.repo.add_event(fresh.code, event, self.clock(), fresh.code, offline=True)

    def hand_over_failure(self, code: str) -> None:
        """A wrong secret given on a PC while it worked alone, at the (pinned) time it was given:
        it counts toward the lockout here as it did there (five on PCs cut off lock the account
        on the server too)."""
        self._failed(code, self._lookup(code))

    def _needs_server(self) -> None:
        if self.desk is not None:
            raise RuleViolation(
                "The hall server cannot be reached: accounts are added, changed and unlocked on the "
                "server, for every PC at once. Do it when the server is back; signing in works meanwhile.",
                code="offline_accounts_need_server",
            )

    def _actor(self) -> str:
        return self.gate.session.staff if self.gate.session is not None else ""

    def _keep_roster(self, code: str, name: str, role: Role, active: bool, at: datetime) -> None:
        if role is Role.ADMINISTRATOR:
            return  # not desk staff: no roster row (an administrator serves no customer)
        kind = "added" if self.store.staff.staff(code) is None else ("changed" if active else "deactivated")
        self.store.staff.save_staff(code, name, StaffRole(role.value).value, active, at, kind)

    def _lookup(self, code: str) -> UserAccount | None:
        with self.store.read():
            return self.repo.user(code.strip())

    def _account(self, code: str) -> UserAccount:
        with self.store.read():
            return self._account_in(code)

    def _account_in(self, code: str) -> UserAccount:
        account = self.repo.user(code.strip())
        if account is None:
            raise NotFound(
                f"Staff code {code.strip()!r} has no account.", code="unknown_user", staff=code.strip()
            )
        return account

    def _may_change(self, account: UserAccount, current: str | None) -> None:
        session = self.gate.session
        if session is not None and session.staff == account.code:
            if current is None or not self.hasher.verify(account.password_hash, current).ok:
                raise NotPermitted("Your current password is wrong.", code="current_password_wrong")
            return
        self.gate.require(grant_action(account.role))
