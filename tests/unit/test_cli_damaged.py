"""The command line on a damaged hall file (issue #12): read commands still answer, every write
command exits 4 with the damaged-file refusal and changes nothing; restore puts a good copy back."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import CliRun
from damaged_files import damage_table, digest
from sign_in_data import cheap_hashing

from counter_app.app import main
from counter_app.cli import EXIT_STORE_UNAVAILABLE

__all__ = ["cheap_hashing"]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> CliRun:
    run = CliRun(capsys, "--db", str(tmp_path / "hall.sqlite3"))
    run("init")
    return run


@pytest.mark.parametrize(
    "write",
    [
        ("ticket", "issue", "A"),
        ("ticket", "call", "--counter", "1"),
        ("counter", "paused", "2"),
        ("staff", "add", "9001", "王芳"),
    ],
)
def test_reads_answer_and_writes_are_refused(cli: CliRun, tmp_path: Path, write: tuple[str, ...]) -> None:
    hall = tmp_path / "hall.sqlite3"
    cli("ticket", "issue", "A")
    made = cli("backup", str(tmp_path / "bk"))
    cli("ticket", "issue", "A")
    damage_table(hall, "ratings")
    before = digest(hall)
    status = cli("queue", "status")  # read: the queue as it was
    assert status["waiting"]["A"] == 2
    cli(*write, code=EXIT_STORE_UNAVAILABLE)
    assert cli.err["error"] == "store_damaged"
    assert "damaged and open read-only: nothing was saved" in cli.err["message"]
    assert digest(hall) == before
    assert main(["check", "--db", str(hall)]) == EXIT_STORE_UNAVAILABLE  # its verdict on stdout
    cli("restore", made["folder"])  # the damaged file kept aside, the backup in its place
    assert list(tmp_path.glob("hall.sqlite3.before-restore-*"))
    assert cli("ticket", "issue", "A")["number"] == "A002"


def test_check_and_restore_of_a_damaged_hall_with_accounts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cheap_hashing: object
) -> None:
    """The file opens read-only, but nobody can sign in against it (a sign-in is a write): as for a
    file that does not open, its check is anyone's and ``restore`` puts back the newest good backup."""
    import json

    from sign_in_data import PASSWORDS, set_up_accounts

    from counter_app import paths
    from counter_app.app import open_hall

    hall_file = tmp_path / "hall.sqlite3"
    with open_hall(hall_file, profile_file=paths.DEFAULT_PROFILE, create=True) as hall:
        set_up_accounts(hall)
        hall.users.sign_in("admin", PASSWORDS["admin"])
        assert hall.backups is not None
        hall.backups.backup()
    damage_table(hall_file, "visit_notes")
    db = ["--db", str(hall_file)]
    capsys.readouterr()
    assert main(["check", *db]) == EXIT_STORE_UNAVAILABLE
    assert json.loads(capsys.readouterr().out)["verdict"] == "damaged"
    capsys.readouterr()
    assert main(["restore", *db]) == 0
    assert json.loads(capsys.readouterr().out)["kept_aside"]
    assert main(["check", *db]) == 2  # sound again: its check is a supervisor's once more
