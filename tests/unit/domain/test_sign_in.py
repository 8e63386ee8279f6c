"""Sign-in rules: secret policy, Argon2id hashes with rehash, lockout and idle lock on a fake clock."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.domain.errors import InvalidInput, NotPermitted
from counter_app.domain.sign_in import (
    DEFAULT_LOCKOUT_POLICY,
    HALL_HASH_PARAMETERS,
    HashParameters,
    IdlePolicy,
    IdleState,
    LockoutPolicy,
    LockoutState,
    SecretHasher,
    SecretKind,
    check_new_secret,
    ensure_not_locked,
    failures_left,
    idle_status,
    may_resume,
    record_failure,
    record_success,
    unlock,
)

CHEAP = HashParameters(time_cost=1, memory_kib=64, parallelism=1)
"""Tests hash with this (milliseconds); one test checks the hall's real parameters."""
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
PASSWORD = SecretKind.PASSWORD
PIN = SecretKind.PIN


def check(secret: str, kind: SecretKind = PASSWORD, **extra: object) -> str:
    return check_new_secret(secret, kind, staff_code="0107", name="张敏", **extra)  # type: ignore[arg-type]


# --- policy ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "secret", ["river-lamp-9", "Tr0ub4dor&3", "张敏的柜台今天开门了吧", "  spaced out  ", "𠮷野家 tonkatsu"]
)
def test_good_passwords_pass(secret: str) -> None:
    assert check(secret) == secret


@pytest.mark.parametrize(
    ("secret", "code"),
    [
        ("short7x", "secret_too_short"),  # 7 characters
        ("x" * 129, "secret_too_long"),
        ("0107", "secret_too_short"),
        ("0107abcd"[:4] + "0107", "secret_is_name"),  # 01070107: the staff number carries it
        ("张敏", "secret_too_short"),
        ("张敏张敏张敏张敏1", "secret_is_name"),  # what is left without the name is too short
        ("zhangmin\x00x", "secret_control_character"),
        ("abc\u202edef12", "secret_control_character"),  # right-to-left override
        ("aaaaaaaa", "secret_too_simple"),
        ("12345678", "secret_too_simple"),
        ("87654321", "secret_too_simple"),
        ("abcdefgh", "secret_too_simple"),
        ("qwertyui", "secret_too_simple"),
        ("1qaz2wsx", "secret_too_simple"),
        ("abcdabcd", "secret_too_simple"),
        ("password1", "secret_is_context"),
        ("Admin2026", "secret_is_context"),
        ("国家电网95598", "secret_is_context"),
    ],
)
def test_bad_passwords_are_refused_with_a_reason(secret: str, code: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        check(secret)
    assert caught.value.code == code and caught.value.field == "password"
    assert secret not in str(caught.value) and secret not in repr(caught.value.params)


def test_a_long_password_containing_the_name_is_fine() -> None:
    assert check("张敏 likes long river walks") == "张敏 likes long river walks"


def test_the_name_equal_to_the_password_is_refused_whatever_the_case_and_spaces() -> None:
    with pytest.raises(InvalidInput) as caught:
        check_new_secret("Li Wenjing", PASSWORD, staff_code="9001", name="li wenjing")
    assert caught.value.code == "secret_is_name"


def test_hall_words_and_blocklist() -> None:
    with pytest.raises(InvalidInput) as caught:
        check("tongliao2026", context_words=["Tongliao"])
    assert caught.value.code == "secret_is_context"
    with pytest.raises(InvalidInput) as caught:
        check("Letmein-2024", blocklist=["letmein-2024"])
    assert caught.value.code == "secret_blocklisted"


def test_secrets_are_normalised_nfkc() -> None:
    assert check("８２９１０４", PIN) == "829104"  # full-width digits typed on a Chinese IME


@pytest.mark.parametrize(
    ("pin", "code"),
    [
        ("82910", "secret_too_short"),
        ("8291045566123", "secret_too_long"),
        ("82a104", "pin_not_digits"),
        ("٨٢٩١٠٤", "pin_not_digits"),  # Arabic-Indic digits are digits to str.isdigit, not to us
        ("111111", "secret_too_simple"),
        ("123456", "secret_too_simple"),
        ("654321", "secret_too_simple"),
        ("121212", "secret_too_simple"),
        ("010701", "secret_is_name"),
        ("95598123", "secret_is_context"),
    ],
)
def test_bad_pins(pin: str, code: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        check(pin, PIN)
    assert caught.value.code == code and caught.value.field == "pin"


def test_good_pin() -> None:
    assert check("829104", PIN) == "829104"


# --- hashing --------------------------------------------------------------------------------------


def test_hall_parameters_make_an_argon2id_hash_that_verifies() -> None:
    hasher = SecretHasher()
    stored = hasher.hash("river-lamp-9")
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert hasher.verify(stored, "river-lamp-9").ok
    assert not hasher.needs_rehash(stored)
    assert HashParameters(time_cost=3, memory_kib=65536, parallelism=4) == HALL_HASH_PARAMETERS


def test_verify_right_wrong_and_salted() -> None:
    hasher = SecretHasher(CHEAP)
    first, second = hasher.hash("river-lamp-9"), hasher.hash("river-lamp-9")
    assert first != second  # a fresh salt each time
    assert hasher.verify(first, "river-lamp-9") == hasher.verify(second, "river-lamp-9")
    assert hasher.verify(first, "river-lamp-9").ok and hasher.verify(first, "river-lamp-9").new_hash is None
    assert not hasher.verify(first, "river-lamp-8").ok
    assert not hasher.verify(first, "").ok


def test_a_normalised_twin_verifies() -> None:
    hasher = SecretHasher(CHEAP)
    assert hasher.verify(hasher.hash("829104"), "８２９１０４").ok


def test_new_parameters_ask_for_a_rehash_on_success_only() -> None:
    old = SecretHasher(CHEAP)
    stored = old.hash("river-lamp-9")
    new = SecretHasher(HashParameters(time_cost=2, memory_kib=64, parallelism=1))
    assert new.needs_rehash(stored) and not old.needs_rehash(stored)
    result = new.verify(stored, "river-lamp-9")
    assert result.ok and result.new_hash is not None and "t=2" in result.new_hash
    assert new.verify(result.new_hash, "river-lamp-9") == new.verify(new.hash("x"), "x")
    assert new.verify(stored, "wrong-lamp-9").new_hash is None


def test_a_damaged_hash_fails_and_says_so() -> None:
    hasher = SecretHasher(CHEAP)
    for stored in ("", "plaintext-password", "$argon2id$v=19$m=64,t=1,p=1$broken"):
        result = hasher.verify(stored, "plaintext-password")
        assert not result.ok and result.damaged
        assert hasher.needs_rehash(stored)


def test_an_absent_staff_member_fails_like_a_wrong_secret() -> None:
    hasher = SecretHasher(CHEAP)
    result = hasher.verify(None, "river-lamp-9")
    assert not result.ok and not result.damaged and result.new_hash is None


def test_nothing_about_a_secret_is_logged_or_shown(caplog: pytest.LogCaptureFixture) -> None:
    secret = "Quiet-Secret-42"
    caplog.set_level(logging.DEBUG)
    hasher = SecretHasher(CHEAP)
    stored = hasher.hash(secret)
    hasher.verify(stored, secret)
    hasher.verify(stored, secret + "x")
    hasher.verify(None, secret)
    assert secret not in caplog.text and secret not in repr(hasher) and secret not in stored


# --- lockout --------------------------------------------------------------------------------------


def fail(state: LockoutState, minutes: float, policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY) -> LockoutState:
    return record_failure(state, T0 + timedelta(minutes=minutes), policy)


def test_five_failures_inside_fifteen_minutes_lock() -> None:
    state = LockoutState()
    for minute in range(4):
        state = fail(state, minute)
        ensure_not_locked(state, "0107")
    assert failures_left(state, T0 + timedelta(minutes=4)) == 1
    state = fail(state, 4)
    assert state.locked and state.locked_at == T0 + timedelta(minutes=4)
    with pytest.raises(NotPermitted) as caught:
        ensure_not_locked(state, "0107")
    assert caught.value.code == "sign_in_locked" and "supervisor" in str(caught.value)
    assert failures_left(state, T0) == 0


def test_failures_spread_out_never_lock() -> None:
    state = LockoutState()
    for n in range(20):
        state = fail(state, n * 4)  # one every 4 minutes: never 5 inside 15
        assert not state.locked
    assert len(state.failures) <= DEFAULT_LOCKOUT_POLICY.max_failures


def test_the_lock_stays_until_a_supervisor_unlocks_whatever_the_clock() -> None:
    state = LockoutState()
    for minute in range(5):
        state = fail(state, minute)
    assert record_failure(state, T0 + timedelta(days=400)) == state
    assert record_success(state) == state
    assert failures_left(state, T0 + timedelta(days=400)) == 0
    freed = unlock(state)
    assert not freed.locked and freed.failures == ()
    ensure_not_locked(freed, "0107")


def test_success_forgets_failures() -> None:
    state = fail(fail(LockoutState(), 0), 1)
    assert record_success(state) == LockoutState()


def test_a_clock_set_back_does_not_forgive_failures() -> None:
    state = LockoutState()
    for minute in range(4):
        state = fail(state, minute)
    state = record_failure(state, T0 - timedelta(hours=3))  # the PC clock jumped back
    assert state.locked


def test_state_round_trips_through_a_record() -> None:
    state = fail(fail(LockoutState(), 0), 1)
    assert LockoutState.from_record(state.as_record()) == state
    locked = LockoutState(locked_at=T0)
    assert LockoutState.from_record(locked.as_record()) == locked
    assert LockoutState.from_record({"failures": "", "locked_at": None}) == LockoutState()


def test_a_damaged_record_reads_as_locked() -> None:
    assert LockoutState.from_record({"failures": "yesterday", "locked_at": None}).locked
    assert LockoutState.from_record({"failures": "", "locked_at": "soon"}).locked


@settings(max_examples=200)
@given(
    st.lists(st.integers(min_value=0, max_value=120), max_size=40),
    st.integers(min_value=1, max_value=8),
    st.integers(min_value=1, max_value=30),
)
def test_locked_exactly_when_max_failures_fall_inside_one_window(
    minutes: list[int], max_failures: int, window: int
) -> None:
    policy = LockoutPolicy(max_failures, timedelta(minutes=window))
    state = LockoutState()
    times = sorted(minutes)
    for minute in times:
        state = fail(state, minute, policy)
    expected = any(
        sum(1 for t in times[: i + 1] if times[i] - t < window) >= max_failures for i in range(len(times))
    )
    assert state.locked is expected


def test_policy_bounds() -> None:
    with pytest.raises(ValueError):
        LockoutPolicy(0)
    with pytest.raises(ValueError):
        LockoutPolicy(5, timedelta(0))


# --- idle lock ------------------------------------------------------------------------------------


def test_idle_lock_warns_then_locks() -> None:
    policy = IdlePolicy.minutes(10)
    assert idle_status(100.0, 100.0, policy).state is IdleState.ACTIVE
    assert idle_status(100.0, 100.0, policy).seconds_left == 600.0
    assert idle_status(100.0, 669.0, policy).state is IdleState.ACTIVE
    warning = idle_status(100.0, 671.0, policy)
    assert warning.state is IdleState.WARNING and warning.seconds_left == 29.0
    assert idle_status(100.0, 700.0, policy) == idle_status(100.0, 10_000.0, policy)
    assert idle_status(100.0, 700.0, policy).state is IdleState.LOCKED


def test_activity_in_the_future_counts_as_now() -> None:
    """A monotonic reading never goes back, but a caller mixing clocks must not get a longer lease."""
    assert idle_status(500.0, 100.0).seconds_left == IdlePolicy().lock_after_s


@pytest.mark.parametrize("minutes", [0, 0.5, 61, -1])
def test_idle_lock_minutes_are_bounded(minutes: float) -> None:
    with pytest.raises(InvalidInput) as caught:
        IdlePolicy.minutes(minutes)
    assert caught.value.code == "idle_lock_out_of_range"


def test_idle_warning_before_the_lock() -> None:
    with pytest.raises(InvalidInput):
        IdlePolicy(lock_after_s=60.0, warn_before_s=60.0)


def test_only_the_same_clerk_resumes() -> None:
    assert may_resume("0107", "0107")
    assert not may_resume("0107", "0108") and not may_resume("", "")
