"""Signing in on a PC cut off from its hall server: the PC keeps a copy of the hall's accounts
(Argon2id hashes, role, active, lockout; never a secret), so the password, the deactivation and
the role checks hold the same while it works alone; sign-ins and wrong secrets made alone are
handed over (each once) and count toward the lockout on the server."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from link_fixtures import Pcs, outage
from sign_in_data import PASSWORDS, cheap_hashing, set_up_accounts, sign_in_as

from counter_app.domain.errors import NotPermitted, RuleViolation
from counter_app.domain.roles import Role
from counter_app.domain.sign_in import HashParameters
from counter_app.services.hall import Hall

__all__ = ["cheap_hashing"]

WRONG = "Wrong-Guess-0001"


def accounts_on_the_server(pcs: Pcs) -> None:
    """The hall's accounts made on the server; c02 deactivated there before any outage."""
    hall = pcs.up("counter-1")  # joins the hall; its copy of the accounts is made here

    def set_up(h: Hall) -> None:
        set_up_accounts(h)
        sign_in_as(h, "admin")
        h.users.deactivate("c02")
        h.users.sign_out()

    hall.run(set_up)
    hall.run(lambda h: h.queue.issue("A"))
    pcs.up("counter-1")  # the PC connects again (as at its next start): the copy is made then


def files_of(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*") if p.is_file())


def test_alone_the_password_the_deactivation_and_the_roles_hold(
    pcs: Pcs, cheap_hashing: HashParameters
) -> None:
    accounts_on_the_server(pcs)
    cut = pcs.cut("counter-1")
    assert cut.alone

    with pytest.raises(NotPermitted, match="Wrong staff code or password"):
        cut.run(lambda h: h.users.sign_in("c01", WRONG))
    with pytest.raises(NotPermitted, match="Wrong staff code or password"):  # deactivated on the server
        cut.run(lambda h: h.users.sign_in("c02", PASSWORDS["c02"]))
    with pytest.raises(NotPermitted):  # nobody signed in: the counter's keys are refused
        cut.run(lambda h: h.queue.call_number(1, "A001"))

    session = cut.run(lambda h: sign_in_as(h, "c01"))
    assert session.role is Role.CLERK and cut.alone
    assert cut.run(lambda h: h.queue.call_number(1, "A001")).called is not None
    with pytest.raises(NotPermitted):  # a supervisor's action
        cut.run(lambda h: h.users.list())
    with pytest.raises(RuleViolation, match="server cannot be reached"):  # accounts: on the server only
        cut.run(lambda h: h.users.set_password("c01", "Another-Secret-77", current=PASSWORDS["c01"]))
    cut.run(lambda h: h.users.sign_out())

    cut.run(lambda h: sign_in_as(h, "s01"))
    assert {u.code for u in cut.run(lambda h: h.users.list())} == {"admin", "s01", "c01", "c02"}

    # the copy holds hashes only, in this PC's private file
    local = pcs.path("counter-1")
    assert stat.S_IMODE(os.stat(local).st_mode) & 0o027 == 0
    data = files_of(local)
    assert all(secret.encode() not in data for secret in PASSWORDS.values())
    [(server_hash,)] = pcs.rows("SELECT password_hash FROM users WHERE code = 'c01'")
    with cut.link.local.read():
        mine = cut.link.local.users.user("c01")
    assert mine is not None and mine.password_hash == server_hash and server_hash.startswith("$argon2id$")


def test_wrong_secrets_alone_lock_the_account_on_the_server_too_once(
    pcs: Pcs, cheap_hashing: HashParameters
) -> None:
    accounts_on_the_server(pcs)
    cut = pcs.cut("counter-1")
    cut.run(lambda h: sign_in_as(h, "c01"))  # a good sign-in alone
    cut.run(lambda h: h.users.sign_out())
    for _ in range(5):
        pcs.clock.advance(seconds=30)
        with pytest.raises(NotPermitted):
            cut.run(lambda h: h.users.sign_in("c01", WRONG))
    with pytest.raises(NotPermitted, match="locked"):  # locked on this PC at once
        cut.run(lambda h: sign_in_as(h, "c01"))
    # one sign-in and five wrong passwords (the refusal of a locked account looks at no secret)
    assert cut.link_status().pending == 6

    back = pcs.up("counter-1")
    report = back.link.last_hand_over
    assert report is not None and report.conflicts == 0 and report.parked == 0
    [(locked_at,)] = pcs.rows("SELECT locked_at FROM users WHERE code = 'c01'")
    assert locked_at is not None  # locked on the server as on the PC
    with pytest.raises(NotPermitted, match="locked"):
        back.run(lambda h: sign_in_as(h, "c01"))
    events = pcs.rows("SELECT kind, count(*) FROM user_events WHERE code = 'c01' GROUP BY kind ORDER BY kind")
    again = back.link.hand_over()  # ``hall sync`` run twice
    assert again.replayed == 0
    assert (
        pcs.rows("SELECT kind, count(*) FROM user_events WHERE code = 'c01' GROUP BY kind ORDER BY kind")
        == events
    )
    assert dict(events)["sign_in_failed"] == 5 and dict(events)["locked"] == 1
    assert dict(events)["signed_in"] == 1  # the one made alone, at its time


def test_signing_out_alone_signs_out_of_the_server_hall_too(pcs: Pcs, cheap_hashing: HashParameters) -> None:
    """One member of staff is signed in on the PC, whichever store its jobs run on: a clerk who
    signs out while the server is away is not left signed in on the server's hall."""
    accounts_on_the_server(pcs)
    hall = pcs.up("counter-1")
    hall.run(lambda h: sign_in_as(h, "c01"))
    assert not hall.alone
    with outage(pcs.dsn):
        hall.run(lambda h: h.users.sign_out())  # cut mid-job: runs again on the PC's own store
        assert hall.alone
    hall.link.on_watch_status(True, pcs.clock())  # the watch sees the server back
    with pytest.raises(NotPermitted):
        hall.run(lambda h: h.queue.call_number(1, "A001"))
    assert not hall.alone and hall.gate is not None and hall.gate.session is None
