"""Accounts for the sign-in and role tests: cheap hashing (the hall's Argon2id cost is for real
halls, not for a test suite) and a hall with one account of each role."""

from __future__ import annotations

import pytest

from counter_app.domain import sign_in
from counter_app.domain.roles import Role
from counter_app.services.hall import Hall
from counter_app.services.session import Session

CHEAP = sign_in.HashParameters(time_cost=1, memory_kib=8, parallelism=1)

PASSWORDS = {
    "admin": "Sunshine-Meadow7",
    "s01": "Orchid-Harbour58",
    "c01": "River-Lantern42",
    "c02": "Copper-Willow93",
}
ACCOUNTS = {  # code: (name, role)
    "admin": ("管理员", Role.ADMINISTRATOR),
    "s01": ("值班长张", Role.SUPERVISOR),
    "c01": ("营业员王丽", Role.CLERK),
    "c02": ("营业员李强", Role.CLERK),
}
OF_ROLE = {Role.ADMINISTRATOR: "admin", Role.SUPERVISOR: "s01", Role.CLERK: "c01"}


@pytest.fixture
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> sign_in.HashParameters:
    """Every hasher made from now on uses a tiny Argon2id cost."""
    monkeypatch.setattr(sign_in, "HALL_HASH_PARAMETERS", CHEAP)
    return CHEAP


def set_up_accounts(hall: Hall) -> None:
    """The administrator first (the hall's first start), then a supervisor and two clerks; nobody
    signed in afterwards."""
    hall.users.add("admin", ACCOUNTS["admin"][0], Role.ADMINISTRATOR, PASSWORDS["admin"])
    sign_in_as(hall, "admin")
    for code in ("s01", "c01", "c02"):
        name, role = ACCOUNTS[code]
        hall.users.add(code, name, role, PASSWORDS[code])
    hall.users.sign_out()


def sign_in_as(hall: Hall, code: str) -> Session:
    return hall.users.sign_in(code, PASSWORDS[code])
