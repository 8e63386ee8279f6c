"""Sign-in rules for the hall's staff: what a password or PIN must be, how it is kept (Argon2id),
when repeated failures lock an account, and when an idle counter locks.

Pure: no clock of its own (every time is handed in), no storage, no logging. A secret never leaves
this module except as its hash: no message, ``params`` or ``repr`` holds it.

Sources for the numbers (design choices within them are said so):

* NIST SP 800-63B (2017) §5.1.1.2, memorized secret verifiers: at least 8 characters for a secret
  the user chooses; permit at least 64; count each Unicode code point as one character; normalise
  with NFKC before hashing; never truncate; refuse context-specific words (the user name) and
  repetitive or sequential characters; no composition rules. §5.2.2: limit consecutive failed
  attempts (at most 100). PIN length (6 digits) follows §5.1.1.1's floor for numeric secrets; a PIN
  here only resumes a counter its clerk already signed in to (idle lock), behind the same lockout.
* GB/T 22239-2019 (网络安全等级保护基本要求) §8.1.4.1 身份鉴别: 应具有登录失败处理功能, 应配置并启用
  结束会话、限制非法登录次数和当登录连接超时自动退出等相关措施. The numbers (5 failures in 15
  minutes, a lock that only a supervisor lifts; 10 idle minutes) are this tool's choice.
* RFC 9106 §4, Argon2id's "second recommended option" (t=3, 64 MiB, p=4, 128-bit salt, 256-bit
  tag) for machines without 2 GiB to spare; argon2-cffi calls it ``RFC_9106_LOW_MEMORY``.
"""

from __future__ import annotations

import contextlib
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from itertools import pairwise
from typing import Any, ClassVar

import argon2
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from counter_app.domain.errors import InvalidInput, NotPermitted


class SecretKind(StrEnum):
    PASSWORD = "password"  # 密码: signs a clerk in
    PIN = "pin"  # 数字口令: digits only; resumes a counter locked while idle


# --- what a new secret must be ---------------------------------------------------------------------


@dataclass(frozen=True)
class SecretPolicy:
    password_min_length: int = 8  # SP 800-63B §5.1.1.2
    password_max_length: int = 128  # ≥ 64 as §5.1.1.2 asks; a bound on what reaches the hasher
    pin_min_digits: int = 6
    pin_max_digits: int = 12
    simple_run: int = 4
    """Ascending or descending runs (1234, dcba) or repeats (1111) longer than this are too simple."""


DEFAULT_SECRET_POLICY = SecretPolicy()

_KEYBOARD_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx3edc4rfv5tgb")
CONTEXT_WORDS = (
    "password", "passw0rd", "admin", "administrator", "supervisor", "clerk", "counter", "counterapp",
    "sgcc", "95598", "国家电网", "国网", "供电", "营业厅", "密码",
)  # fmt: skip
"""SP 800-63B's context-specific words: the service's own names and the roles' names. A secret made
of one of them (what is left without it is too short) is refused, like one made of the user's name."""


def normalise_secret(secret: str) -> str:
    """The form that is hashed and compared (NFKC, SP 800-63B): a full-width ４ is a 4."""
    return unicodedata.normalize("NFKC", secret)


def _refused(message: str, kind: SecretKind, code: str, **params: Any) -> InvalidInput:
    return InvalidInput(message, field=kind.value, code=code, **params)


def _is_simple(text: str, run: int) -> bool:
    """Made of one character repeated, or of a run that steps by ±1 (digits, letters) or follows a
    keyboard row (qwerty…), with no part longer than ``run`` that is anything else."""
    folded = text.casefold()
    if len(set(folded)) <= max(1, len(folded) // run):
        return True
    size = len(folded)
    if any(size % p == 0 and folded == folded[:p] * (size // p) for p in range(1, size // 2 + 1)):
        return True  # a short part repeated: 121212, abcdabcd
    steps = {ord(b) - ord(a) for a, b in pairwise(folded)}
    if steps in ({1}, {-1}):
        return True
    return any(folded in row or folded in row[::-1] for row in _KEYBOARD_ROWS)


def _carried_by(text: str, words: Collection[str], minimum: int) -> str | None:
    """The context word (staff number, name) the secret is made of: equal to it, or what is left
    once it is taken out is shorter than the minimum length. ``None`` when none is."""
    folded = "".join(text.split()).casefold()
    for word in words:
        key = "".join(word.split()).casefold()
        if not key:
            continue
        if folded == key or (len(key) >= 2 and key in folded and len(folded.replace(key, "")) < minimum):
            return word
    return None


def check_new_secret(
    secret: str,
    kind: SecretKind,
    *,
    staff_code: str,
    name: str,
    policy: SecretPolicy = DEFAULT_SECRET_POLICY,
    context_words: Collection[str] = (),
    blocklist: Collection[str] = (),
) -> str:
    """The secret as it will be hashed (normalised), or :class:`InvalidInput` (``field`` is the
    kind) saying what is wrong. ``context_words``: more words of this hall (its name, its hotline)
    to treat like :data:`CONTEXT_WORDS`. ``blocklist``: the hall's own list of refused secrets
    (casefolded comparison), e.g. known breached passwords. Codes: ``secret_too_short``, ``secret_too_long``,
    ``pin_not_digits``, ``secret_control_character``, ``secret_is_name``, ``secret_is_context``,
    ``secret_too_simple``, ``secret_blocklisted``."""
    text = normalise_secret(secret)
    what = "The PIN" if kind is SecretKind.PIN else "The password"
    if kind is SecretKind.PIN:
        low, high = policy.pin_min_digits, policy.pin_max_digits
        if not (text.isascii() and text.isdigit()):
            raise _refused(f"{what} must be digits only.", kind, "pin_not_digits")
    else:
        low, high = policy.password_min_length, policy.password_max_length
        if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in text):
            raise _refused(f"{what} holds a control character.", kind, "secret_control_character")
    if len(text) < low:
        unit = "digits" if kind is SecretKind.PIN else "characters"
        raise _refused(f"{what} needs at least {low} {unit}.", kind, "secret_too_short", minimum=low)
    if len(text) > high:
        unit = "digits" if kind is SecretKind.PIN else "characters"
        raise _refused(f"{what} may have at most {high} {unit}.", kind, "secret_too_long", maximum=high)
    if _carried_by(text, (staff_code, name), low) is not None:
        raise _refused(f"{what} must not be the staff number or name.", kind, "secret_is_name")
    if _carried_by(text, (*CONTEXT_WORDS, *context_words), low) is not None:
        raise _refused(f"{what} must not be a word of this hall or this tool.", kind, "secret_is_context")
    if _is_simple(text, policy.simple_run):
        raise _refused(f"{what} is too easy to guess (repeated or in sequence).", kind, "secret_too_simple")
    folded = text.casefold()
    if any(folded == normalise_secret(word).casefold() for word in blocklist):
        raise _refused(f"{what} is on the hall's list of refused passwords.", kind, "secret_blocklisted")
    return text


# --- hashing --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HashParameters:
    """Argon2id cost; changing :data:`HALL_HASH_PARAMETERS` makes every older hash due for a rehash
    at its owner's next successful sign-in."""

    time_cost: int
    memory_kib: int
    parallelism: int
    hash_len: int = 32
    salt_len: int = 16


HALL_HASH_PARAMETERS = HashParameters(time_cost=3, memory_kib=65536, parallelism=4)  # RFC 9106 §4


@dataclass(frozen=True)
class Verification:
    """What checking a secret found. ``new_hash``: store it (same secret, current parameters) when
    set. ``damaged``: the stored hash could not be read at all (say so; a supervisor resets it)."""

    ok: bool
    new_hash: str | None = None
    damaged: bool = False


class SecretHasher:
    """Argon2id through argon2-cffi. Comparison happens inside libargon2, in constant time."""

    def __init__(self, parameters: HashParameters = HALL_HASH_PARAMETERS) -> None:
        self.parameters = parameters
        self._hasher = argon2.PasswordHasher(
            time_cost=parameters.time_cost,
            memory_cost=parameters.memory_kib,
            parallelism=parameters.parallelism,
            hash_len=parameters.hash_len,
            salt_len=parameters.salt_len,
            type=argon2.Type.ID,
        )
        self._absent: str | None = None

    def __repr__(self) -> str:
        return f"SecretHasher({self.parameters!r})"

    def hash(self, secret: str) -> str:
        """The PHC string to store (``$argon2id$v=19$m=…,t=…,p=…$salt$hash``), salted afresh."""
        return self._hasher.hash(normalise_secret(secret))

    def needs_rehash(self, stored: str) -> bool:
        """True when ``stored`` was made with other parameters (or another Argon2 type)."""
        try:
            return self._hasher.check_needs_rehash(stored)
        except (InvalidHashError, ValueError):
            return True

    def verify(self, stored: str | None, secret: str) -> Verification:
        """Check ``secret`` against ``stored``. ``stored=None`` (no such member of staff, or no
        secret set) costs the same time as a real check and fails, so timing does not tell which
        staff numbers exist."""
        text = normalise_secret(secret)
        if stored is None:
            if self._absent is None:
                self._absent = self._hasher.hash("\x00absent")
            self._quietly_verify(self._absent, text)
            return Verification(ok=False)
        try:
            self._hasher.verify(stored, text)
        except VerifyMismatchError:
            return Verification(ok=False)
        except (InvalidHashError, VerificationError, ValueError):
            return Verification(ok=False, damaged=True)
        if self.needs_rehash(stored):
            return Verification(ok=True, new_hash=self._hasher.hash(text))
        return Verification(ok=True)

    def _quietly_verify(self, stored: str, text: str) -> None:
        with contextlib.suppress(VerificationError):
            self._hasher.verify(stored, text)


# --- lockout after failures -----------------------------------------------------------------------


@dataclass(frozen=True)
class LockoutPolicy:
    max_failures: int = 5
    window: timedelta = timedelta(minutes=15)

    def __post_init__(self) -> None:
        if self.max_failures < 1 or self.window <= timedelta(0):
            raise ValueError("a lockout needs at least one failure and a positive window")


DEFAULT_LOCKOUT_POLICY = LockoutPolicy()


@dataclass(frozen=True)
class LockoutState:
    """One member of staff's failed sign-ins, as the store keeps it: the times of the recent
    failures (at most ``max_failures``, oldest first) and when the account locked (``None``: not
    locked). A locked account stays locked until :func:`unlock`, whatever the clock does."""

    failures: tuple[datetime, ...] = ()
    locked_at: datetime | None = None

    @property
    def locked(self) -> bool:
        return self.locked_at is not None

    def as_record(self) -> dict[str, Any]:
        """Plain values for a row: ``failures`` as space-separated ISO times, ``locked_at`` ISO or None."""
        return {
            "failures": " ".join(t.isoformat() for t in self.failures),
            "locked_at": self.locked_at.isoformat() if self.locked_at else None,
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> LockoutState:
        """The inverse of :meth:`as_record`; a damaged record reads as locked (fail safe)."""
        try:
            failures = tuple(datetime.fromisoformat(t) for t in str(record.get("failures") or "").split())
            locked = record.get("locked_at")
            return cls(failures, datetime.fromisoformat(str(locked)) if locked else None)
        except ValueError:
            return cls((), datetime.min)


def _recent(state: LockoutState, now: datetime, policy: LockoutPolicy) -> tuple[datetime, ...]:
    """Failures still inside the window. One from the future (the clock went back) still counts."""
    return tuple(t for t in state.failures if now - t < policy.window)


def record_failure(
    state: LockoutState, now: datetime, policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY
) -> LockoutState:
    """One more wrong secret: locks the account at the ``max_failures``-th inside the window."""
    if state.locked:
        return state
    failures = (*_recent(state, now, policy), now)[-policy.max_failures :]
    locked_at = now if len(failures) >= policy.max_failures else None
    return LockoutState(failures, locked_at)


def record_success(state: LockoutState) -> LockoutState:
    """A right secret on an unlocked account forgets the failures (a locked one never gets here:
    :func:`ensure_not_locked` is asked first)."""
    return state if state.locked else LockoutState()


def failures_left(state: LockoutState, now: datetime, policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY) -> int:
    """Wrong tries left before the account locks (0 when locked)."""
    return 0 if state.locked else max(0, policy.max_failures - len(_recent(state, now, policy)))


def ensure_not_locked(state: LockoutState, staff_code: str) -> None:
    """Ask before checking the secret: a locked account is refused without looking at it, so a
    locked account cannot be used to keep guessing."""
    if state.locked:
        raise NotPermitted(
            f"Staff {staff_code} is locked after repeated wrong passwords; a supervisor must unlock it.",
            code="sign_in_locked",
            staff=staff_code,
        )


def unlock(state: LockoutState) -> LockoutState:
    """A supervisor's unlock (``roles.Action.UNLOCK_STAFF``, checked by the caller): failures forgotten."""
    return replace(state, failures=(), locked_at=None)


# --- idle lock ------------------------------------------------------------------------------------


class IdleState(StrEnum):
    ACTIVE = "active"
    WARNING = "warning"  # the counter says it will lock soon
    LOCKED = "locked"


@dataclass(frozen=True)
class IdlePolicy:
    """How long a counter may sit untouched. Times are monotonic seconds (``time.monotonic()``,
    ``QElapsedTimer``), so a wall-clock jump neither locks nor unlocks a counter."""

    lock_after_s: float = 600.0
    warn_before_s: float = 30.0
    MIN_S: ClassVar[float] = 60.0
    MAX_S: ClassVar[float] = 3600.0

    def __post_init__(self) -> None:
        if not self.MIN_S <= self.lock_after_s <= self.MAX_S:
            raise InvalidInput(
                f"The idle lock must come after 1 to 60 minutes, not {self.lock_after_s / 60:g}.",
                field="idle_lock_minutes",
                code="idle_lock_out_of_range",
            )
        if not 0 <= self.warn_before_s < self.lock_after_s:
            raise InvalidInput(
                "The idle warning must come before the lock.", field="idle_warning", code="idle_warning"
            )

    @classmethod
    def minutes(cls, minutes: float, warn_before_s: float = 30.0) -> IdlePolicy:
        return cls(lock_after_s=minutes * 60.0, warn_before_s=warn_before_s)


DEFAULT_IDLE_POLICY = IdlePolicy()


@dataclass(frozen=True)
class IdleStatus:
    state: IdleState
    seconds_left: float
    """Until the lock (0 when locked): what a countdown shows, and when to look again."""


def idle_status(last_activity_s: float, now_s: float, policy: IdlePolicy = DEFAULT_IDLE_POLICY) -> IdleStatus:
    """Where a counter stands ``now_s - last_activity_s`` seconds after the clerk last touched it."""
    left = policy.lock_after_s - max(0.0, now_s - last_activity_s)
    if left <= 0:
        return IdleStatus(IdleState.LOCKED, 0.0)
    if left <= policy.warn_before_s:
        return IdleStatus(IdleState.WARNING, left)
    return IdleStatus(IdleState.ACTIVE, left)


def may_resume(locked_by: str, signing_in: str) -> bool:
    """Only the clerk whose counter locked resumes it where it was; anyone else signs in afresh
    (the locked clerk's session ends, their work already saved)."""
    return bool(locked_by) and locked_by == signing_in
