"""``counter-app backup / check / restore / day / outbox`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import CliRun

from counter_app.app import main
from counter_app.cli import EXIT_REFUSED, EXIT_STORE_UNAVAILABLE


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> CliRun:
    run = CliRun(capsys, "--db", str(tmp_path / "hall.sqlite3"))
    run("init")
    return run


def _damage(path: Path) -> None:
    with open(path, "r+b") as f:
        f.seek(2 * 4096)
        f.write(b"\xa5" * 4 * 4096)


def test_backup_check_restore_round_trip(
    cli: CliRun, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli("ticket", "issue", "A")
    made = cli("backup", str(tmp_path / "bk"))
    assert made["ok"] and made["files"][0]["kind"] == "hall"
    assert cli("check")["verdict"] == "ok"
    assert cli("check", "--full")["verdict"] == "ok"
    _damage(tmp_path / "hall.sqlite3")
    capsys.readouterr()
    assert main(["check", "--db", str(tmp_path / "hall.sqlite3")]) == EXIT_STORE_UNAVAILABLE
    assert json.loads(capsys.readouterr().out)["verdict"] == "damaged"
    cli("ticket", "issue", "A", code=EXIT_STORE_UNAVAILABLE)  # a damaged hall is not written
    restored = cli("restore", made["folder"])
    assert restored["kept_aside"]
    assert cli("check", "--full")["verdict"] == "ok"
    assert cli("ticket", "issue", "A")["number"] == "A002"


def test_restore_of_a_damaged_backup_is_refused(cli: CliRun, tmp_path: Path) -> None:
    made = cli("backup", str(tmp_path / "bk"))
    _damage(Path(made["folder"]) / "hall.sqlite3")
    cli("restore", made["folder"], code=EXIT_REFUSED)
    assert cli.err["error"] == "backup_damaged"


def test_outbox_export_and_ack(cli: CliRun, tmp_path: Path) -> None:
    cli("ticket", "issue", "A")
    cli("ticket", "issue", "B")
    out = cli("outbox", "export", str(tmp_path / "out"))
    assert out["events"] == 2
    batch = out["batches"][0]["batch"]
    manifest = tmp_path / "out" / batch.replace(".jsonl", ".manifest.json")
    assert cli("outbox", "ack", str(manifest))["acknowledged"] == 2
    assert cli("outbox", "ack", str(manifest))["acknowledged"] == 0
    assert cli("outbox", "status")["events"] == 0
    assert cli("outbox", "export", str(tmp_path / "out2"))["events"] == 0


def test_day_repair_with_nothing_to_repair_is_refused(cli: CliRun) -> None:
    cli("ticket", "issue", "A")
    cli("day", "repair", code=EXIT_REFUSED)
    assert cli.err["error"] == "nothing_to_repair"
