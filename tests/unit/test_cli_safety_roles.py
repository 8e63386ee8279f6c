"""``backup``, ``check``, ``restore``, ``day``, ``outbox`` and ``report`` on a hall with accounts:
done for the roles that may (``--as``), refused with exit 2 otherwise; a damaged hall file still
checked and recovered by whoever is at the PC; the audit anchor a backup or an export carries is the
one ``audit verify --anchor`` checks, and it finds the trail cut short behind the tool's back."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from cli_runner import CliRun
from sign_in_data import PASSWORDS, cheap_hashing

from counter_app.app import main
from counter_app.cli import EXIT_REFUSED, EXIT_STORE_UNAVAILABLE
from counter_app.cli.users import EXIT_TRAIL_BROKEN

__all__ = ["cheap_hashing"]

pytestmark = pytest.mark.usefixtures("cheap_hashing")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "hall.sqlite3"
    assert main(["--db", str(path), "init"]) == 0
    return path


class Staffed:
    """The command line on a hall with an administrator, a supervisor and a clerk."""

    def __init__(self, run: CliRun, monkeypatch: pytest.MonkeyPatch) -> None:
        self.run = run
        self.monkeypatch = monkeypatch

    def feed(self, *lines: str) -> None:
        self.monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{line}\n" for line in lines)))

    def as_(self, code: str, *argv: str, status: int = 0) -> Any:
        """``--as CODE`` with the password on standard input."""
        self.feed(PASSWORDS[code])
        return self.run("--as", code, "--password-stdin", *argv, code=status)

    @property
    def err(self) -> Any:
        return self.run.err


@pytest.fixture
def hall(db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Staffed:
    staffed = Staffed(CliRun(capsys, "--db", str(db)), monkeypatch)
    staffed.feed(PASSWORDS["admin"])
    staffed.run("user", "add", "admin", "管理员", "--role", "admin", "--password-stdin")
    staffed.feed(PASSWORDS["admin"], PASSWORDS["s01"])
    staffed.run("--as", "admin", "--password-stdin", "user", "add", "s01", "值班长张", "--role", "supervisor")
    staffed.feed(PASSWORDS["admin"], PASSWORDS["c01"])
    staffed.run("--as", "admin", "--password-stdin", "user", "add", "c01", "王丽", "--role", "clerk")
    staffed.as_("c01", "ticket", "issue", "A")
    return staffed


def _damage(path: Path) -> None:
    with open(path, "r+b") as f:
        f.seek(2 * 4096)
        f.write(b"\xa5" * 4 * 4096)


@pytest.mark.parametrize(
    "argv",
    [
        ("backup", "{tmp}/bk"),
        ("check",),
        ("day", "repair"),
        ("day", "confirm"),
        ("outbox", "export", "{tmp}/out"),
        ("report", "daily", "--csv", "{tmp}/daily.csv"),
    ],
    ids=["backup", "check", "day_repair", "day_confirm", "outbox_export", "report"],
)
def test_nobody_and_a_clerk_are_refused_plainly(hall: Staffed, tmp_path: Path, argv: tuple[str, ...]) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    hall.run(*args, code=EXIT_REFUSED)
    assert hall.err["error"] == "sign_in_required"
    hall.as_("c01", *args, status=EXIT_REFUSED)
    assert hall.err["error"] == "not_permitted" and hall.err["role"] == "clerk"
    assert not [p for p in tmp_path.iterdir() if p.name in ("bk", "out", "daily.csv")]  # nothing written


def test_a_supervisor_backs_up_checks_exports_the_administrator_restores_and_acknowledges(
    hall: Staffed, tmp_path: Path
) -> None:
    made = hall.as_("s01", "backup", str(tmp_path / "bk"))
    assert made["ok"]
    assert hall.as_("s01", "check", "--full")["verdict"] == "ok"
    hall.as_("s01", "day", "repair", status=EXIT_REFUSED)
    assert hall.err["error"] == "nothing_to_repair"  # past the gate, met the repair's own rule
    assert hall.as_("admin", "day", "confirm")["confirmed"]  # recorded under admin (--as)
    hall.as_("s01", "day", "confirm", "--clerk", "c01", status=EXIT_REFUSED)
    assert hall.err["error"] == "not_signed_in_clerk"  # nobody confirms under another's code
    out = hall.as_("s01", "outbox", "export", str(tmp_path / "out"))
    manifest = str(tmp_path / "out" / out["batches"][0]["batch"])
    hall.as_("s01", "outbox", "ack", manifest, status=EXIT_REFUSED)
    assert hall.err["error"] == "not_permitted"
    assert hall.as_("admin", "outbox", "ack", manifest)["acknowledged"] == out["events"]
    assert hall.as_("s01", "report", "daily", "--csv", str(tmp_path / "daily.csv"))["files"]["csv"]
    hall.as_("admin", "report", "daily", "--csv", str(tmp_path / "admin.csv"), status=EXIT_REFUSED)
    assert hall.err["error"] == "not_permitted"  # an administrator sees the figures, exports none
    assert not (tmp_path / "admin.csv").exists()
    hall.as_("s01", "restore", made["folder"], status=EXIT_REFUSED)
    assert hall.err["error"] == "not_permitted"
    assert hall.as_("admin", "restore", made["folder"])["kept_aside"]


def test_a_damaged_hall_is_checked_and_recovered_by_whoever_is_there(
    hall: Staffed, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made = hall.as_("s01", "backup")  # into the profile's folder, where the recovery looks
    hall.run("restore", code=EXIT_REFUSED)  # a sound file: restoring over it is the administrator's
    assert hall.err["error"] == "sign_in_required"
    _damage(db)
    capsys.readouterr()
    assert main(["check", "--db", str(db)]) == EXIT_STORE_UNAVAILABLE
    assert json.loads(capsys.readouterr().out)["verdict"] == "damaged"
    hall.run("restore", made["folder"], code=EXIT_REFUSED)  # nobody can sign in to choose one
    assert hall.err["error"] == "restore_newest_only"
    assert hall.run("restore")["backup"].endswith(Path(made["folder"]).name)
    assert hall.as_("s01", "check", "--full")["verdict"] == "ok"


def _cut_trail_from(db: Path, seq: int) -> None:
    """Delete the audit rows from link ``seq`` on, and their links, behind disabled guards (what
    someone with the file does to make the last actions disappear)."""
    with sqlite3.connect(db) as conn:
        links = conn.execute("SELECT seq, source, row_id FROM audit_chain WHERE seq >= ?", [seq]).fetchall()
        tables = {"audit_chain"} | {str(source) for _, source, _ in links}
        guards = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN "
            f"({','.join('?' * len(tables))}) AND name LIKE '%no_delete'",
            sorted(tables),
        ).fetchall()
        for name, _sql in guards:
            conn.execute(f"DROP TRIGGER {name}")
        for _, source, row_id in links:
            conn.execute(f"DELETE FROM {source} WHERE id = ?", [row_id])
        conn.execute("DELETE FROM audit_chain WHERE seq >= ?", [seq])
        for _name, sql in guards:
            conn.execute(sql)


def test_the_anchor_of_a_backup_and_of_an_export_finds_a_trail_cut_short(
    hall: Staffed, db: Path, tmp_path: Path
) -> None:
    made = hall.as_("s01", "backup", str(tmp_path / "bk"))
    written = json.loads((Path(made["folder"]) / "manifest.json").read_text())
    assert made["anchor"] == written["anchor"] and written["anchor"]
    out = hall.as_("s01", "outbox", "export", str(tmp_path / "out"))
    batch = out["batches"][0]["batch"].removesuffix(".jsonl")
    exported = json.loads((tmp_path / "out" / f"{batch}.manifest.json").read_text())
    assert out["audit_head"] == exported["audit_head"]
    assert int(exported["audit_head"].split(":")[0]) > int(written["anchor"].split(":")[0])
    for anchor in (written["anchor"], exported["audit_head"]):
        assert hall.as_("s01", "audit", "verify", "--anchor", anchor)["ok"] is True
    _cut_trail_from(db, int(written["anchor"].split(":")[0]))
    assert hall.as_("s01", "audit", "verify")["ok"] is True  # the cut trail is whole in itself
    for anchor in (written["anchor"], exported["audit_head"]):
        broken = hall.as_("s01", "audit", "verify", "--anchor", anchor, status=EXIT_TRAIL_BROKEN)
        # the sign-ins since have filled the cut seqs again: the chain no longer reaches the anchor
        assert broken["ok"] is False and broken["problem"] in ("truncated", "rewritten")
