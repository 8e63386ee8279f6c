"""``counter-app user …``, ``--as`` and ``audit verify`` on the command line (passwords from
standard input, never from an argument)."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from cli_runner import CliRun
from sign_in_data import PASSWORDS, cheap_hashing

from counter_app.app import main

__all__ = ["cheap_hashing"]

pytestmark = pytest.mark.usefixtures("cheap_hashing")


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "hall.sqlite3")
    assert main(["--db", path, "init"]) == 0
    return path


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], db: str) -> CliRun:
    return CliRun(capsys, "--db", db)


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch) -> object:
    def feed(*lines: str) -> None:
        monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{line}\n" for line in lines)))

    return feed


@pytest.fixture
def set_up(run: CliRun, stdin) -> CliRun:  # type: ignore[no-untyped-def]
    stdin(PASSWORDS["admin"])
    assert (
        run("user", "add", "admin", "管理员", "--role", "admin", "--password-stdin")["role"]
        == "administrator"
    )
    stdin(PASSWORDS["admin"], PASSWORDS["s01"])
    run("--as", "admin", "--password-stdin", "user", "add", "s01", "值班长张", "--role", "supervisor")
    stdin(PASSWORDS["admin"], PASSWORDS["c01"])
    run("--as", "admin", "--password-stdin", "user", "add", "c01", "王丽", "--role", "clerk")
    return run


def test_the_first_account_is_the_administrator(run: CliRun, stdin) -> None:  # type: ignore[no-untyped-def]
    stdin(PASSWORDS["c01"])
    run("user", "add", "c01", "王丽", "--role", "clerk", "--password-stdin", code=2)
    assert run.err["error"] == "first_account_admin"
    stdin("password")
    run("user", "add", "root", "Root", "--role", "admin", "--password-stdin", code=2)
    assert run.err["error"] == "secret_is_context"


def test_a_password_is_never_an_argument(run: CliRun) -> None:
    with pytest.raises(SystemExit):
        main(["user", "add", "root", "Root", "--role", "admin", "--password", "Sunshine-Meadow7"])


def test_with_accounts_nobody_names_themselves_supervisor(set_up: CliRun, stdin) -> None:  # type: ignore[no-untyped-def]
    run = set_up
    run("staff", "add", "9999", "x", "--role", "supervisor", code=2)  # the reproducer
    assert run.err["error"] == "sign_in_required"
    stdin(PASSWORDS["c01"])
    run("--as", "c01", "--password-stdin", "staff", "add", "9999", "x", "--role", "supervisor", code=2)
    assert run.err["error"] == "not_permitted"
    stdin(PASSWORDS["s01"])
    listed = run("--as", "s01", "--password-stdin", "user", "list")
    assert [(a["code"], a["role"]) for a in listed] == [
        ("admin", "administrator"), ("c01", "clerk"), ("s01", "supervisor")
    ]  # fmt: skip
    assert "hash" not in str(listed)


def test_wrong_passwords_lock_the_account_until_a_supervisor_unlocks(set_up: CliRun, stdin) -> None:  # type: ignore[no-untyped-def]
    run = set_up
    for _ in range(5):
        stdin("Wrong-Guess77")
        run("--as", "c01", "--password-stdin", "user", "list", code=2)
        assert run.err["error"] == "sign_in_failed"
    stdin(PASSWORDS["c01"])
    run("--as", "c01", "--password-stdin", "ticket", "issue", "A", code=2)
    assert run.err["error"] == "sign_in_locked"
    stdin(PASSWORDS["s01"])
    assert run("--as", "s01", "--password-stdin", "user", "unlock", "c01")["locked"] is False
    stdin(PASSWORDS["c01"], "Fresh-Meadow55", "Fresh-Meadow55")
    assert run("--as", "c01", "--password-stdin", "user", "passwd", "c01") == {
        "code": "c01",
        "password": "set",
    }


def test_a_cancel_names_who_did_it(set_up: CliRun, stdin, db: str) -> None:  # type: ignore[no-untyped-def]
    run = set_up
    run("ticket", "issue", "A")
    run("ticket", "cancel", "A001", code=2)
    assert run.err["error"] == "sign_in_required"
    stdin(PASSWORDS["c01"])
    assert run("--as", "c01", "--password-stdin", "ticket", "cancel", "A001")["state"] == "cancelled"
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT clerk FROM queue_events WHERE kind = 'cancelled'").fetchone() == ("c01",)


def test_audit_verify_finds_a_forged_history_row(set_up: CliRun, stdin, db: str) -> None:  # type: ignore[no-untyped-def]
    run = set_up
    run("ticket", "issue", "A")
    stdin(PASSWORDS["s01"])
    whole = run("--as", "s01", "--password-stdin", "audit", "verify")
    assert whole["ok"] is True
    head = run("audit", "head")["anchor"]
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TRIGGER user_events_no_update")
        conn.execute("UPDATE user_events SET actor = 'c01' WHERE kind = 'added' AND code = 's01'")
        conn.execute(
            """CREATE TRIGGER user_events_no_update BEFORE UPDATE ON user_events
               BEGIN SELECT RAISE(ABORT, 'user_events is append-only'); END"""
        )
        row = conn.execute("SELECT id FROM user_events WHERE kind = 'added' AND code = 's01'").fetchone()[0]
    stdin(PASSWORDS["s01"])
    broken = run("--as", "s01", "--password-stdin", "audit", "verify", "--anchor", head, code=5)
    assert (broken["ok"], broken["problem"], broken["table"], broken["row"]) == (
        False,
        "edited",
        "user_events",
        row,
    )
    assert f"user_events row {row}" in broken["message"] and run.err["error"] == "audit_trail_broken"
    stdin(PASSWORDS["s01"])
    run("--as", "s01", "--password-stdin", "audit", "verify", "--anchor", "12:abc", code=2)
    assert run.err["error"] == "bad_anchor"
