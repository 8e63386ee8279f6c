"""The command line of a hall with a server: ``--hall``/``--pc``, ``hall init|status|sync``, and what each
PC still does from the command line when the server cannot be reached (a real PostgreSQL; "down" is
the same hall's address on a port where nothing listens, so the PC's own store is all it has)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from cli_runner import CliRun

from counter_app.app import main
from counter_app.cli import EXIT_REFUSED, EXIT_STORE_UNAVAILABLE


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def down_dsn(pg_dsn: str) -> str:
    """The hall's DSN with its server unreachable (connection refused at once)."""
    parts = dict(item.split("=", 1) for item in pg_dsn.split())
    parts["port"] = str(_closed_port())
    return " ".join(f"{k}={v}" for k, v in parts.items())


@pytest.fixture
def hall(pg_dsn: str, capsys: pytest.CaptureFixture[str]) -> str:
    """A hall on its server, set up with ``hall init``."""
    assert main(["--hall", pg_dsn, "hall", "init"]) == 0
    capsys.readouterr()
    return pg_dsn


def pc(capsys: pytest.CaptureFixture[str], dsn: str, name: str, tmp_path: Path) -> CliRun:
    return CliRun(capsys, "--hall", dsn, "--pc", name, "--db", str(tmp_path / f"{name}.sqlite3"))


@pytest.mark.parametrize(
    "dsn",
    [
        "host=hall-server dbname=hall user=counter password=s3cret",
        "host=hall-server dbname=hall user=counter PASSWORD = 's3 cret'",
        "postgresql://counter:s3cret@hall-server/hall",
        "postgres://hall-server/hall?user=counter&password=s3cret",
    ],
)
def test_a_dsn_with_a_password_is_refused_before_anything_connects(
    dsn: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "pc.sqlite3"
    assert main(["--hall", dsn, "--db", str(db), "ticket", "issue", "A"]) == EXIT_REFUSED
    out, err = capsys.readouterr()
    assert out == ""
    assert '"dsn_with_password"' in err and ".pgpass" in err and "PGSERVICEFILE" in err
    assert "s3cret" not in err and "s3 cret" not in err
    assert not db.exists()  # nothing opened, nothing made


def test_the_password_refusal_also_covers_the_environment_and_the_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COUNTER_APP_HALL", "host=h dbname=hall password=x")
    assert main(["--db", str(tmp_path / "a.sqlite3"), "queue", "status"]) == EXIT_REFUSED
    assert "COUNTER_APP_HALL" in capsys.readouterr().err
    monkeypatch.delenv("COUNTER_APP_HALL")
    profile = tmp_path / "hall.toml"
    shipped = Path(__file__).parents[2] / "resources" / "hall_profile.toml"
    profile.write_text(
        shipped.read_text(encoding="utf-8").replace(
            "[hall]\n", '[hall]\nserver = "postgresql://u:pw@h/hall"\n', 1
        ),
        encoding="utf-8",
    )
    assert main(["--profile", str(profile), "--db", str(tmp_path / "b.sqlite3"), "queue", "status"]) == 2
    assert "[hall] server" in capsys.readouterr().err


def test_hall_commands_need_a_server(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = CliRun(capsys, "--db", str(tmp_path / "pc.sqlite3"))
    run("hall", "status", code=EXIT_REFUSED)
    assert run.err["error"] == "no_hall_server"


def test_hall_init_makes_the_schema_and_loads_the_profile(
    pg_new_hall: object, pg_server: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pg_server import PgServer
    from pytest_postgresql.janitor import DatabaseJanitor

    assert isinstance(pg_server, PgServer)
    janitor = DatabaseJanitor(
        user=pg_server.user, host=pg_server.host, port=pg_server.port, dbname="hall_cli_init"
    )
    janitor.drop()
    janitor.init()  # an empty database, as the hall's IT made it
    try:
        dsn = pg_server.conninfo("hall_cli_init")
        run = CliRun(capsys, "--hall", dsn, "--db", str(tmp_path / "it.sqlite3"))
        first = run("hall", "init")
        assert first["server"] == "up"
        assert first["migrations"][:2] == ["0001_hall", "0002_quality"]
        assert first["services"] == ["A", "B", "C", "D"]
        assert run("hall", "init")["migrations"] == first["migrations"]  # an upgrade finds it current
        issued = pc(capsys, dsn, "kiosk-1", tmp_path)("ticket", "issue", "B")
        assert (issued["number"], issued["offline"]) == ("B001", False)
    finally:
        janitor.drop()


def test_a_pc_works_on_the_server_and_says_so(
    hall: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kiosk = pc(capsys, hall, "kiosk-1", tmp_path)
    counter = pc(capsys, hall, "counter-3", tmp_path)
    assert [kiosk("ticket", "issue", "A")["number"] for _ in range(2)] == ["A001", "A002"]
    called = counter("ticket", "call", "--counter", "1")
    assert (called["number"], called["state"], called["offline"]) == ("A001", "called", False)
    status = kiosk("hall", "status")
    assert status["server"] == "up" and status["pc"] == "kiosk-1"
    assert status["tag"] in ("P1", "P2") and status["tag"] != counter("hall", "status")["tag"]
    assert (status["pending"], status["parked"], status["oldest_pending"]) == (0, 0, None)
    # every PC sees the same queue on the server
    assert counter("queue", "status")["waiting"]["A"] == 1


def test_with_the_server_down_a_pc_issues_and_calls_alone_and_hands_over_once(
    hall: str, down_dsn: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    up = pc(capsys, hall, "counter-1", tmp_path)
    assert up("hall", "status")["server"] == "up"  # joined the hall: it has its tag, P1
    up("ticket", "issue", "A")  # A001 on the server, copied to the PC while it is up
    down = pc(capsys, down_dsn, "counter-1", tmp_path)

    issued = down("ticket", "issue", "A")
    assert (issued["number"], issued["offline"], issued["state"]) == ("AP1-001", True, "waiting")
    called = down("ticket", "call", "--counter", "1", "--number", "AP1-001")
    assert (called["number"], called["state"], called["offline"]) == ("AP1-001", "called", True)

    # the next in line is known only on the server: a plain reason, exit 4, nothing changed
    down("ticket", "call", "--counter", "2", code=EXIT_STORE_UNAVAILABLE)
    assert down.err["error"] == "store_server_down" and "--number" in down.err["message"]
    status = down("hall", "status")
    assert status["server"] == "down" and status["since"] is not None
    assert (status["pending"], status["parked"], status["tag"]) == (2, 0, "P1")
    assert status["oldest_pending"] is not None

    # what needs the whole hall (or could not be handed over) stops with a plain reason
    for argv in (
        ("hall", "sync"),
        ("staff", "add", "0107", "张敏"),
        ("report", "daily", "--csv", str(tmp_path / "day.csv")),
        ("quality", "now"),
        ("application", "list"),
        ("accounts", "figures"),
    ):
        down(*argv, code=EXIT_STORE_UNAVAILABLE)
        assert down.err["error"] == "store_server_down", argv
        assert "cannot be reached" in down.err["message"], argv
    assert down("hall", "status")["pending"] == 2  # the refusals journaled nothing

    # the customer served alone rates the visit alone: handed over like the rest
    down("ticket", "finish", "--counter", "1")
    rated = down("rating", "give", "--number", "AP1-001", "--level", "satisfied")
    assert rated["level"] == "satisfied"
    assert down("hall", "status")["pending"] == 4

    # the server is back: the first command hands the journal over, before its own action
    synced = up("hall", "sync")
    assert (synced["replayed"], synced["conflicts"], synced["parked"], synced["pending"]) == (4, 0, 0, 0)
    assert up("hall", "sync")["replayed"] == 0  # run again: nothing doubled
    status = up("hall", "status")
    assert (status["handed_over"], status["conflicts"], status["pending"]) == (4, 0, 0)
    assert up("rating", "show", "AP1-001")["level"] == "satisfied"  # on the server, once
    assert status["last_hand_over_at"] is not None
    line = up("queue", "status")
    assert line["offline"] is False
    assert {c["number"]: c["current"] for c in line["counters"]}[1] is None  # AP1-001 finished alone
    assert line["waiting"]["A"] == 1  # A001 still waits; AP1-001 was called and finished once
    assert up("ticket", "issue", "A")["number"] == "A002"  # the server's own series goes on


def test_a_pc_that_never_joined_cannot_work_alone(
    hall: str, down_dsn: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = pc(capsys, down_dsn, "new-pc", tmp_path)
    new("ticket", "issue", "A", code=EXIT_STORE_UNAVAILABLE)
    assert new.err["error"] == "store_server_down" and "never joined" in new.err["message"]


def test_a_conflict_is_settled_by_the_rules_and_reported(
    hall: str, down_dsn: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Counter 1 calls A001 while cut off; meanwhile counter 2 called it on the server: the server's
    record stands, the offline call is reported as a conflict, counted once."""
    one = pc(capsys, hall, "counter-1", tmp_path)
    two = pc(capsys, hall, "counter-2", tmp_path)
    two("ticket", "issue", "A")
    one("hall", "status")  # joined, and has the day's line copied
    one_down = pc(capsys, down_dsn, "counter-1", tmp_path)
    assert one_down("ticket", "call", "--counter", "1", "--number", "A001")["offline"] is True
    assert two("ticket", "call", "--counter", "2")["number"] == "A001"
    synced = one("hall", "sync")
    assert (synced["replayed"], synced["conflicts"]) == (1, 1)
    assert "A001" in synced["details"][0]
    counters = {c["number"]: c["current"] for c in one("queue", "status")["counters"]}
    assert (counters[1], counters[2]) == (None, "A001")


def test_the_account_list_imported_on_one_pc_is_searched_on_another_with_the_server_down(
    hall: str, down_dsn: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from payment_data import account_line, account_number, accounts_file, write_list

    one = pc(capsys, hall, "counter-1", tmp_path)
    two = pc(capsys, hall, "counter-2", tmp_path)
    two("hall", "status")  # joined before any list exists
    listed = write_list(tmp_path / "list.csv", [account_line(1, name="张三明", phone="13812345678")])
    assert one("accounts", "import", str(listed))["accounts"] == 1
    two("hall", "status")  # reaching the server, counter-2 takes its copy of the live list
    two_down = pc(capsys, down_dsn, "counter-2", tmp_path)
    [hit] = two_down("accounts", "find", "张三明")["hits"]
    assert (hit["account_number"], hit["name"]) == (account_number(1), "张*明")
    assert two_down("accounts", "status")["live"]["accounts"] == 1
    # a new list reaches counter-2 too, and replaces its old copy there
    one("accounts", "import", str(accounts_file(tmp_path / "bigger.csv", 50)))
    assert two("accounts", "find", "5678")["account_list"]["accounts"] == 50
    [hit] = two_down("accounts", "find", account_number(42))["hits"]
    assert hit["account_number"] == account_number(42)
    folder = tmp_path / "counter-2.sqlite3.accounts"
    assert len(list(folder.glob("accounts-*.sqlite3"))) == 1 and not list(folder.glob("*.part"))
    # importing needs the server: the hall's list is one for every PC
    two_down("accounts", "import", str(listed), code=EXIT_STORE_UNAVAILABLE)


def test_sslmode_in_the_dsn_reaches_libpq(
    hall: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The test server speaks no TLS: ``sslmode=require`` must fail to connect, ``disable`` works."""
    plain = pc(capsys, hall + " sslmode=disable", "counter-1", tmp_path)
    assert plain("ticket", "issue", "A")["offline"] is False
    strict = pc(capsys, hall + " sslmode=require", "new-pc", tmp_path)
    strict("ticket", "issue", "A", code=EXIT_STORE_UNAVAILABLE)
    assert strict.err["error"] == "store_server_down"


def test_the_global_options_may_come_before_the_command(tmp_path: Path) -> None:
    from counter_app.cli import _command

    assert _command(["--hall", "service=hall", "--pc", "counter-3", "gui", "--role", "counter"]) == "gui"
    assert _command(["--pc", "kiosk", "--db", "x.sqlite3", "hall", "status"]) == "hall"


@pytest.mark.parametrize(
    "dsn",
    [
        "service=hall",
        "host=hall-server dbname=password_log user=counter sslmode=verify-full",
        "postgresql://counter@hall-server:5432/hall?sslmode=require",
        "postgres://hall-server/hall",
    ],
)
def test_a_dsn_without_a_password_is_taken_as_written(dsn: str) -> None:
    from counter_app.cli.hall import check_dsn

    assert check_dsn(f"  {dsn} ", "--hall") == dsn


def test_the_hall_comes_from_the_option_then_the_environment_then_the_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argparse

    from counter_app.cli.hall import resolve_hall

    profile = tmp_path / "hall.toml"
    shipped = Path(__file__).parents[2] / "resources" / "hall_profile.toml"
    text = shipped.read_text(encoding="utf-8").replace(
        "[hall]\n", '[hall]\nserver = "service=from-profile"\n', 1
    )
    profile.write_text(text, encoding="utf-8")

    def resolved(**given: str) -> tuple[str | None, str | None]:
        args = argparse.Namespace(profile=str(profile), open_pc=object(), **given)
        resolve_hall(args)
        return args.hall, args.pc

    monkeypatch.delenv("COUNTER_APP_HALL", raising=False)
    assert resolved() == ("service=from-profile", None)
    monkeypatch.setenv("COUNTER_APP_HALL", "service=from-env")
    assert resolved(pc=" counter-3 ") == ("service=from-env", "counter-3")
    assert resolved(hall="service=from-option") == ("service=from-option", None)
    assert resolved(hall="") == (None, None)  # --hall "" : this PC's file alone, whatever else says


def test_the_server_stopped_hard_and_started_again(
    hall: str, pg_server: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The server PC loses power (``pg_ctl stop -m immediate``): the kiosk goes on with its fallback
    series; started again, the first command hands the tickets over and the server's series goes on."""
    import shlex

    from pg_server import PgServer

    assert isinstance(pg_server, PgServer)
    if pg_server.datadir is None:
        pytest.skip("the tests did not start this server: they cannot stop it")
    # started as it was (``pg_ctl start`` alone would take the default port)
    words = shlex.split((pg_server.datadir / "postmaster.opts").read_text(encoding="utf-8"))
    options = shlex.join(words[3:])  # after the binary, -D and the data folder
    kiosk = pc(capsys, hall, "kiosk-1", tmp_path)
    assert kiosk("ticket", "issue", "A")["number"] == "A001"
    pg_server.ctl("-m", "immediate", "-w", "stop")
    try:
        issued = kiosk("ticket", "issue", "A")
        assert (issued["number"], issued["offline"]) == ("AP1-001", True)
        status = kiosk("hall", "status")
        assert (status["server"], status["pending"]) == ("down", 1)
        kiosk("hall", "sync", code=EXIT_STORE_UNAVAILABLE)
    finally:
        log = pg_server.datadir.parent / "server.log"
        pg_server.ctl("-l", str(log), "-o", options, "-w", "start")
    assert kiosk("ticket", "issue", "A")["number"] == "A002"  # the hand-over first, then its own action
    status = kiosk("hall", "status")
    assert (status["server"], status["pending"], status["handed_over"]) == ("up", 0, 1)
    numbers = [c["current"] for c in kiosk("queue", "status")["counters"]]
    assert numbers == [None] * len(numbers)
    assert kiosk("queue", "status")["waiting"]["A"] == 3
