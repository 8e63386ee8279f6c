"""Accounts and signing in on both stores: the first account is the administrator with a password
of its own, lockout after repeated failures (fake clock) lifted only by a supervisor, the idle lock
resumed by its own clerk's PIN, rehashing on new parameters."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sign_in_data import PASSWORDS, cheap_hashing, set_up_accounts, sign_in_as

from counter_app.domain import sign_in
from counter_app.domain.errors import InvalidInput, NotFound, NotPermitted
from counter_app.domain.roles import Role
from counter_app.services.hall import Hall

__all__ = ["cheap_hashing"]

pytestmark = pytest.mark.usefixtures("cheap_hashing")


def events(hall: Hall, code: str) -> list[str]:
    with hall.store.read():
        return [e.kind for e in reversed(hall.store.users.events(code))]


def test_a_new_hall_needs_its_administrator_first_and_has_no_default_password(hall: Hall) -> None:
    assert hall.users.setup_needed()
    with pytest.raises(NotPermitted) as refused:
        hall.users.add("c01", "王丽", Role.CLERK, PASSWORDS["c01"])
    assert refused.value.code == "first_account_admin"
    for weak, code in (
        ("password", "secret_is_context"),
        ("admin123", "secret_is_context"),
        ("12345678", "secret_too_simple"),
        ("short", "secret_too_short"),
        ("root-root", "secret_is_name"),
    ):
        with pytest.raises(InvalidInput) as bad:
            hall.users.add("root", "Root", Role.ADMINISTRATOR, weak)
        assert bad.value.code == code
    with hall.store.read():
        assert not hall.store.users.any_user()  # every refusal left nothing behind
    added = hall.users.add("root", "Root", Role.ADMINISTRATOR, PASSWORDS["admin"])
    assert added.password_hash.startswith("$argon2id$") and PASSWORDS["admin"] not in added.password_hash
    assert PASSWORDS["admin"] not in repr(added)
    assert not hall.users.setup_needed()


def test_once_accounts_exist_managing_them_needs_the_right_role(hall: Hall) -> None:
    set_up_accounts(hall)
    with pytest.raises(NotPermitted) as nobody:
        hall.users.add("c03", "赵敏", Role.CLERK, "Violet-Canyon61")
    assert nobody.value.code == "sign_in_required"
    sign_in_as(hall, "c01")
    with pytest.raises(NotPermitted) as clerk:
        hall.users.add("c03", "赵敏", Role.CLERK, "Violet-Canyon61")
    assert clerk.value.code == "not_permitted"
    sign_in_as(hall, "s01")
    assert hall.users.add("c03", "赵敏", Role.CLERK, "Violet-Canyon61").role is Role.CLERK
    with pytest.raises(NotPermitted):
        hall.users.add("s02", "钱进", Role.SUPERVISOR, "Violet-Canyon62")
    assert hall.staff.member("c03") is not None  # the roster follows the account
    sign_in_as(hall, "admin")
    assert hall.users.add("s02", "钱进", Role.SUPERVISOR, "Violet-Canyon62").role is Role.SUPERVISOR
    assert events(hall, "c03") == ["added"]


def test_unknown_deactivated_and_wrong_are_one_refusal(hall: Hall) -> None:
    set_up_accounts(hall)
    sign_in_as(hall, "admin")
    hall.users.deactivate("c02")
    for code, secret in (("nobody", "Whatever-Thing1"), ("c02", PASSWORDS["c02"]), ("c01", "Wrong-Guess77")):
        with pytest.raises(NotPermitted) as refused:
            hall.users.sign_in(code, secret)
        assert (refused.value.code, str(refused.value)) == ("sign_in_failed", "Wrong staff code or password.")


def test_five_wrong_passwords_lock_until_a_supervisor_unlocks(hall: Hall, clock: Any) -> None:
    set_up_accounts(hall)
    for _ in range(4):
        with pytest.raises(NotPermitted):
            hall.users.sign_in("c01", "Wrong-Guess77")
        clock.advance(minutes=1)
    assert sign_in_as(hall, "c01").staff == "c01"  # a right one forgets the failures
    for _ in range(5):
        with pytest.raises(NotPermitted):
            hall.users.sign_in("c01", "Wrong-Guess77")
    with pytest.raises(NotPermitted) as locked:
        sign_in_as(hall, "c01")
    assert locked.value.code == "sign_in_locked"
    clock.advance(days=3)
    with pytest.raises(NotPermitted):
        sign_in_as(hall, "c01")  # time does not lift it
    assert events(hall, "c01")[-3:] == ["sign_in_failed", "sign_in_failed", "locked"]
    sign_in_as(hall, "c02")
    with pytest.raises(NotPermitted):
        hall.users.unlock("c01")  # not a clerk's to lift
    sign_in_as(hall, "s01")
    assert not hall.users.unlock("c01").lockout.locked
    assert sign_in_as(hall, "c01").staff == "c01"


def test_failures_spread_beyond_the_window_do_not_lock(hall: Hall, clock: Any) -> None:
    set_up_accounts(hall)
    for _ in range(4):
        with pytest.raises(NotPermitted):
            hall.users.sign_in("c01", "Wrong-Guess77")
    clock.advance(minutes=16)
    with pytest.raises(NotPermitted) as wrong:
        hall.users.sign_in("c01", "Wrong-Guess77")
    assert wrong.value.code == "sign_in_failed"
    assert sign_in_as(hall, "c01").staff == "c01"


def test_the_idle_lock_resumes_only_for_its_clerk_with_the_pin(hall: Hall) -> None:
    set_up_accounts(hall)
    sign_in_as(hall, "c01")
    with pytest.raises(NotPermitted):
        hall.users.set_pin("c01", "480263", current="Wrong-Guess77")
    hall.users.set_pin("c01", "480263", current=PASSWORDS["c01"])
    hall.users.lock_idle()
    with pytest.raises(NotPermitted) as other:
        hall.users.resume("c02", PASSWORDS["c02"])
    assert other.value.code == "resume_other_clerk"
    with pytest.raises(NotPermitted) as wrong:
        hall.users.resume("c01", "111111")
    assert wrong.value.code == "resume_failed"
    session = hall.users.resume("c01", "480263")
    assert session.staff == "c01" and hall.gate is not None and hall.gate.session == session
    assert events(hall, "c01")[-4:] == ["pin_set", "idle_locked", "sign_in_failed", "resumed"]


def test_a_pin_must_be_digits_and_not_simple(hall: Hall) -> None:
    set_up_accounts(hall)
    sign_in_as(hall, "s01")
    for pin in ("12345a", "123456", "000000", "12345"):
        with pytest.raises(InvalidInput):
            hall.users.set_pin("c01", pin)
    with pytest.raises(NotFound):
        hall.users.set_pin("c99", "480263")


def test_the_last_administrator_cannot_be_deactivated(hall: Hall) -> None:
    set_up_accounts(hall)
    sign_in_as(hall, "admin")
    with pytest.raises(NotPermitted) as refused:
        hall.users.deactivate("admin")
    assert refused.value.code == "last_administrator"


def test_a_password_hashed_with_older_parameters_is_rehashed_at_sign_in(
    hall: Hall, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_up_accounts(hall)
    stronger = sign_in.HashParameters(time_cost=2, memory_kib=16, parallelism=1)
    hall.users.hasher = sign_in.SecretHasher(stronger)
    sign_in_as(hall, "c01")
    with hall.store.read():
        account = hall.store.users.user("c01")
    assert account is not None and "m=16,t=2,p=1" in account.password_hash
    assert sign_in_as(hall, "c01").staff == "c01"


@pytest.mark.parametrize(
    "own_change",
    [
        lambda h: h.users.set_password("c01", "Fresh-Meadow55", current=PASSWORDS["c01"]),
        lambda h: h.users.set_pin("c01", "480263", current=PASSWORDS["c01"]),
    ],
)
def test_a_clerk_changes_only_their_own_secrets(hall: Hall, own_change: Callable[[Hall], None]) -> None:
    set_up_accounts(hall)
    sign_in_as(hall, "c01")
    own_change(hall)
    with pytest.raises(NotPermitted):
        hall.users.set_password("c02", "Fresh-Meadow55")
