"""The command line: JSON out, exit codes, and where it finds the database."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import CliRun
from sqlite_utils import Database

from counter_app.app import main
from counter_app.cli import EXIT_NOBODY_WAITING, EXIT_REFUSED, EXIT_STORE_UNAVAILABLE
from counter_app.store.sqlite.migrations import migrations

TICKET_KEYS = {
    "id",
    "number",
    "service",
    "green",
    "green_reason",
    "state",
    "counter",
    "clerk",
    "business_day",
    "issued_at",
    "called_at",
    "finished_at",
    "recalls",
    "transfers",
}


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "hall.sqlite3")
    assert main(["--db", path, "init"]) == 0
    return path


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], db: str) -> CliRun:
    return CliRun(capsys, "--db", db)


def test_init_creates_the_hall(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "new" / "hall.sqlite3"
    assert main(["init", "--db", str(path)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == {
        "db": str(path),
        "migrations": [m.name for m in migrations.pending(Database(memory=True))],
        "services": ["A", "B", "C", "D"],
        "counters": [1, 2, 3, 4, 5, 6],
    }
    assert path.exists()


def test_init_with_demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "hall.sqlite3"
    assert main(["init", "--demo", "--demo-weeks", "1", "--db", str(path)]) == 0
    demo = json.loads(capsys.readouterr().out)["demo"]
    assert set(demo) == {"issued", "served", "no_show", "transferred", "history", "accounts", "applications"}
    assert demo["issued"] >= 10 and demo["accounts"] == 600 and len(demo["applications"]) == 4
    assert demo["history"]["days"] == 7 and demo["history"]["issued"] > 500
    days = sqlite3.connect(path).execute("SELECT COUNT(DISTINCT business_day) FROM tickets").fetchone()[0]
    assert days == 8  # a week of history, and today
    assert main(["queue", "status", "--db", str(path)]) == 0
    status = json.loads(capsys.readouterr().out)
    assert sum(status["waiting"].values()) >= 10
    assert {c["number"]: c["state"] for c in status["counters"]}[6] == "paused"
    assert main(["accounts", "find", "9900000001", "--db", str(path)]) == 0  # the demo list is live
    assert "9900000001" in capsys.readouterr().out


def test_init_demo_twice_is_harmless(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Loading the demo again adds nothing: the second run would have replayed the morning on a
    clock that went back before the first run's tickets (calls before issues, negative waits)."""
    path = str(tmp_path / "hall.sqlite3")
    assert main(["init", "--demo", "--demo-weeks", "1", "--db", path]) == 0
    first = json.loads(capsys.readouterr().out)["demo"]
    tickets = Database(path).execute("SELECT COUNT(*) FROM tickets").fetchone()[0]
    assert main(["init", "--demo", "--db", path]) == 0
    again = json.loads(capsys.readouterr().out)["demo"]
    assert again["already_loaded"]["issued"] == first["issued"]
    db = Database(path)
    assert db.execute("SELECT COUNT(*) FROM tickets").fetchone()[0] == tickets
    assert db.execute("SELECT COUNT(*) FROM account_lists").fetchone()[0] == 1
    negative = db.execute(
        "SELECT COUNT(*) FROM tickets WHERE julianday(called_at) < julianday(issued_at)"
    ).fetchone()[0]
    assert negative == 0


def test_init_demo_refuses_a_hall_with_its_own_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "hall.sqlite3")
    assert main(["init", "--db", path]) == 0
    assert main(["ticket", "issue", "A", "--db", path]) == 0
    capsys.readouterr()
    assert main(["init", "--demo", "--db", path]) == EXIT_REFUSED
    err = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    assert err["error"] == "demo_refused" and err["tickets"] == 1 and "--force-demo" in err["message"]
    db = Database(path)
    assert db.execute("SELECT COUNT(*) FROM tickets").fetchone()[0] == 1  # nothing added
    assert db.execute("SELECT COUNT(*) FROM account_lists").fetchone()[0] == 0
    assert main(["init", "--force-demo", "--db", path]) == 0  # asked explicitly
    demo = json.loads(capsys.readouterr().out)["demo"]
    assert demo["accounts"] == 600
    assert db.execute("SELECT COUNT(*) FROM tickets").fetchone()[0] == 1 + demo["issued"]


@pytest.mark.parametrize(
    "argv",
    [
        ("ticket", "issue", "A"),
        ("ticket", "call", "--counter", "1"),
        ("queue", "status"),
        ("counter", "open", "1"),
        ("accounts", "find", "1234"),
        ("accounts", "status"),
        ("application", "list"),
        ("application", "types"),
        ("staff", "list"),
        ("boundary", "after_meter"),
    ],
)
def test_every_command_but_init_refuses_a_path_without_a_hall(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    path = tmp_path / "mistyped" / "hal.sqlite3"
    assert main([*argv, "--db", str(path)]) == EXIT_REFUSED
    err = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    assert err["error"] == "hall_db_missing" and err["path"] == str(path)
    assert not path.parent.exists()  # nothing created, not even the folder
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    assert main([*argv, "--db", str(empty)]) == EXIT_REFUSED
    assert empty.stat().st_size == 0


def test_init_refuses_another_programs_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "other.store.db"
    Database(path)["things"].insert({"id": 1})
    assert main(["init", "--db", str(path)]) == EXIT_REFUSED
    assert json.loads(capsys.readouterr().err.strip().splitlines()[-1])["error"] == "not_a_hall_db"
    assert Database(path).table_names() == ["things"]


def test_messages_name_only_commands_that_exist() -> None:
    """A message telling the IT person to run a command names one the tool has."""
    import re

    from counter_app.cli import build_parser
    from counter_app.store.sqlite import connection as database

    words = {
        name
        for action in build_parser()._subparsers._group_actions  # type: ignore[union-attr]
        for name in getattr(action, "choices", {}) or {}
    }
    texts = [*database._MESSAGES.values()]
    for text in texts:
        for command in re.findall(r"counter-app ([a-z-]+)", text):
            assert command in words, f"{command!r} in {text!r}"
    assert "backup restore" not in database._MESSAGES["corrupt"]


def test_issue_call_recall_finish_round(run: CliRun) -> None:
    issued = run("ticket", "issue", "A")
    assert set(issued) == TICKET_KEYS | {"ahead", "estimate_min"}
    assert (issued["number"], issued["state"], issued["ahead"], issued["estimate_min"]) == (
        "A001",
        "waiting",
        0,
        0,
    )
    green = run("ticket", "issue", "c", "--green", "--reason", "elderly")
    assert (green["number"], green["service"], green["green"], green["green_reason"]) == (
        "V001",
        "C",
        True,
        "elderly",
    )

    called = run("ticket", "call", "--counter", "2", "--clerk", "李强")
    assert set(called) == TICKET_KEYS | {"finished"}
    assert (called["number"], called["state"], called["counter"], called["clerk"]) == (
        "V001",
        "called",
        2,
        "李强",
    )
    assert called["finished"] is None
    recalled = run("ticket", "recall", "--counter", "2")
    assert (recalled["recalls"], recalled["became_no_show"]) == (1, False)
    assert run("ticket", "start", "--counter", "2")["state"] == "serving"
    done = run("ticket", "finish", "--counter", "2", "--number", "V001")
    assert (done["number"], done["state"]) == ("V001", "done")

    called = run("ticket", "call", "--counter", "2")
    assert called["number"] == "A001"
    no_show = run("ticket", "no-show", "--counter", "2")
    assert no_show["state"] == "no_show"
    assert run("ticket", "requeue", "A001")["state"] == "waiting"
    assert run("ticket", "call", "--counter", "2", "--number", "A001")["number"] == "A001"
    moved = run("ticket", "transfer", "--counter", "2", "--to", "B")
    assert (moved["state"], moved["service"], moved["transfers"]) == ("waiting", "B", 1)
    run("ticket", "issue", "D")
    assert run("ticket", "cancel", "D001", "--clerk", "王丽")["state"] == "cancelled"


def test_next_key_reports_the_finished_customer(run: CliRun) -> None:
    run("ticket", "issue", "A")
    run("ticket", "issue", "A")
    run("ticket", "call", "--counter", "1")
    called = run("ticket", "call", "--counter", "1")
    assert called["number"] == "A002"
    assert called["finished"]["number"] == "A001" and called["finished"]["state"] == "done"


def test_nobody_waiting_exits_3(run: CliRun) -> None:
    out = run("ticket", "call", "--counter", "3", code=EXIT_NOBODY_WAITING)
    assert out == {"called": None, "finished": None}
    assert run.err == {"error": "nobody_waiting", "message": "Nobody is waiting for counter 3", "counter": 3}


def test_unknown_service_exits_2_with_json_error(run: CliRun, db: str) -> None:
    assert run("ticket", "issue", "Z", code=EXIT_REFUSED) is None
    assert run.err["error"] == "unknown_service" and run.err["service"] == "Z"
    assert "A, B, C, D" in run.err["message"]
    assert run("queue", "status")["waiting"] == {"A": 0, "B": 0, "C": 0, "D": 0}


def test_closed_counter_exits_2(run: CliRun) -> None:
    run("ticket", "issue", "A")
    assert run("counter", "closed", "2") == {"counter": 2, "state": "closed"}
    assert run("ticket", "call", "--counter", "2", code=EXIT_REFUSED) is None
    assert run.err == {
        "error": "counter_closed",
        "message": "Counter 2 is closed; open it first",
        "counter": 2,
    }
    run("counter", "open", "2", "--clerk", "王丽")
    assert run("ticket", "call", "--counter", "2")["clerk"] == "王丽"


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (("ticket", "finish", "--counter", "2"), "no_current_customer"),
        (("ticket", "recall", "--counter", "9"), "unknown_counter"),
        (("ticket", "cancel", "A404", "--clerk", "王丽"), "unknown_ticket"),
        (("ticket", "cancel", "A404"), "clerk_required"),
        (("ticket", "transfer", "--counter", "2", "--to", "Q"), "unknown_service"),
        (("counter", "paused", "8"), "unknown_counter"),
    ],
)
def test_refusals_exit_2(run: CliRun, argv: tuple[str, ...], error: str) -> None:
    run(*argv, code=EXIT_REFUSED)
    assert run.err["error"] == error and run.err["message"]


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (("ticket", "issue", "A", "--green"), "green_reason_required"),
        (("ticket", "issue", "A", "--reason", "elderly"), "green_reason_without_green"),
        (("ticket", "issue", "A", "--green", "--reason", "tall"), "unknown_green_reason"),
    ],
)
def test_green_channel_needs_its_reason_and_a_reason_needs_green(
    run: CliRun, argv: tuple[str, ...], error: str
) -> None:
    run(*argv, code=EXIT_REFUSED)
    assert run.err["error"] == error
    assert run("queue", "status")["waiting"] == {"A": 0, "B": 0, "C": 0, "D": 0}  # nothing issued


def test_gui_help_says_the_printer_is_the_counters_too(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["gui", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    printer = text[text.rindex("--printer PRINTER") :]  # the options list, not the usage line
    printer = printer[: printer.index(" --", 5)]  # its own help, up to the next option
    assert "kiosk" in printer and "counters" in printer


def test_finish_with_someone_elses_number_is_refused(run: CliRun) -> None:
    run("ticket", "issue", "A")
    run("ticket", "issue", "A")
    run("ticket", "call", "--counter", "1")
    run("ticket", "call", "--counter", "2")
    run("ticket", "finish", "--counter", "1", "--number", "A002", code=EXIT_REFUSED)
    assert run.err["error"] == "not_your_ticket"
    counters = {c["number"]: c["current_state"] for c in run("queue", "status")["counters"]}
    assert counters[1] == counters[2] == "called"


def test_status_json_shape(run: CliRun) -> None:
    run("ticket", "issue", "B")
    run("ticket", "issue", "B")
    run("ticket", "call", "--counter", "3", "--clerk", "张敏")
    status = run("queue", "status")
    assert set(status) == {"business_day", "waiting", "counters"}
    assert status["waiting"] == {"A": 0, "B": 1, "C": 0, "D": 0}
    assert len(status["counters"]) == 6
    three = status["counters"][2]
    assert three == {
        "number": 3,
        "state": "open",
        "clerk": "张敏",
        "services": ["B", "C"],
        "current": "B001",
        "current_state": "called",
    }


def test_db_option_before_or_after_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(tmp_path / "hall.sqlite3")
    assert main(["init", "--db", path]) == 0
    assert main(["--db", path, "ticket", "issue", "A"]) == 0
    assert main(["ticket", "issue", "A", "--db", path]) == 0
    capsys.readouterr()
    assert main(["queue", "status", "--db", path]) == 0
    assert json.loads(capsys.readouterr().out)["waiting"]["A"] == 2


def test_counter_app_db_environment_variable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    env_db = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("COUNTER_APP_DB", str(env_db))
    assert main(["init"]) == 0
    assert env_db.exists()
    assert main(["ticket", "issue", "D"]) == 0
    other = tmp_path / "explicit.sqlite3"
    assert main(["init", "--db", str(other)]) == 0
    assert main(["ticket", "issue", "D", "--db", str(other)]) == 0  # --db wins over the variable
    capsys.readouterr()
    assert main(["queue", "status"]) == 0
    assert json.loads(capsys.readouterr().out)["waiting"]["D"] == 1


def test_damaged_database_exits_4(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "hall.sqlite3"
    path.write_bytes(b"this is not a database file at all" * 200)
    assert main(["queue", "status", "--db", str(path)]) == EXIT_STORE_UNAVAILABLE
    assert json.loads(capsys.readouterr().err.strip().splitlines()[-1])["error"] == "store_corrupt"


def test_installed_entry_point_and_env_in_a_real_process(tmp_path: Path) -> None:
    """The console script, as the hall's IT runs it: exit codes and JSON survive the process boundary."""
    script = Path(sys.executable).with_name("counter-app")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "counter_app"]
    env = {**os.environ, "COUNTER_APP_DB": str(tmp_path / "hall.sqlite3")}
    env.pop("COUNTER_APP_PROFILE", None)
    made = subprocess.run(
        [*command, "init"], env=env, capture_output=True, text=True, check=False, timeout=60
    )
    assert made.returncode == 0, made.stderr
    issued = subprocess.run(
        [*command, "ticket", "issue", "B"], env=env, capture_output=True, text=True, check=False, timeout=60
    )
    assert issued.returncode == 0, issued.stderr
    assert json.loads(issued.stdout)["number"] == "B001"
    refused = subprocess.run(
        [*command, "ticket", "issue", "Z"], env=env, capture_output=True, text=True, check=False, timeout=60
    )
    assert refused.returncode == EXIT_REFUSED
    assert json.loads(refused.stderr.strip().splitlines()[-1])["error"] == "unknown_service"
    nobody = subprocess.run(
        [*command, "ticket", "call", "--counter", "5"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert nobody.returncode == EXIT_NOBODY_WAITING
