"""The hall's files kept safe: backups (checked, rotated, online), checks, restore, private modes,
read-only recovery and a damaged account list (SQLite: the hall server has PostgreSQL's own tools)."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from payment_data import accounts_file

from counter_app.app import hall_files
from counter_app.domain.errors import HallError, StoreUnavailable
from counter_app.services.clock import system_clock
from counter_app.services.hall import Hall
from counter_app.store.account_list import accounts_folder
from counter_app.store.sqlite.backup import backup_sets, check_file

ROOT = Path(__file__).resolve().parents[3]


def damage(path: Path, first_page: int = 2, pages: int = 4, page: int = 4096) -> None:
    """Overwrite whole pages in the middle of an SQLite file with garbage."""
    with open(path, "r+b") as f:
        f.seek(first_page * page)
        f.write(bytes((i * 7 + 13) % 256 for i in range(pages * page)))


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def listed(hall: Hall, tmp_path: Path) -> Hall:
    hall.account_import.run(accounts_file(tmp_path / "accounts.csv", 50))
    for _ in range(3):
        hall.queue.issue("A")
    return hall


def test_backup_is_checked_private_and_carries_the_account_list(listed: Hall, tmp_path: Path) -> None:
    assert listed.backups is not None
    copy = listed.backups.backup(tmp_path / "bk")
    assert copy.ok and [f.kind for f in copy.files] == ["hall", "account_list"]
    folder = Path(copy.folder)
    assert mode(tmp_path / "bk") == 0o750 and mode(folder) == 0o750
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["manifest.json", "hall.sqlite3", listed.accounts.live_list().file]  # type: ignore[union-attr]
    )
    assert all(mode(p) == 0o640 for p in folder.iterdir())
    assert all(check_file(Path(f.path), f.kind, full=True).ok for f in copy.files)


def test_rotation_keeps_the_newest_and_a_failed_copy_replaces_nothing(
    listed: Hall, tmp_path: Path, clock: Callable[..., object]
) -> None:
    assert listed.backups is not None
    service = listed.backups
    object.__setattr__(service.settings, "keep", 2)
    made = []
    for _ in range(3):
        made.append(Path(service.backup(tmp_path / "bk").folder).name)
        clock.advance(minutes=1)  # type: ignore[attr-defined]
    assert [p.name for p in backup_sets(tmp_path / "bk")] == made[:0:-1]
    live = accounts_folder(listed.path) / listed.accounts.live_list().file  # type: ignore[union-attr]
    listed.accounts.close()
    damage(live, pages=2)
    with pytest.raises(StoreUnavailable):
        service.backup(tmp_path / "bk")
    assert [p.name for p in backup_sets(tmp_path / "bk")] == made[:0:-1]
    assert not [p for p in (tmp_path / "bk").iterdir() if p.name.startswith(".part")]


def test_check_finds_a_damaged_hall_file_and_a_damaged_list(listed: Hall, tmp_path: Path) -> None:
    files = hall_files(listed.path)
    assert files.check(full=False).ok and files.check(full=True).ok
    live = accounts_folder(listed.path) / listed.accounts.live_list().file  # type: ignore[union-attr]
    listed.close()
    damage(live, pages=2)
    report = files.check(full=True)
    assert not report.ok
    assert [f.kind for f in report.files if not f.ok] == ["account_list"]
    damage(listed.path)
    assert [f.kind for f in files.check(full=False).files if not f.ok] == ["hall", "account_list"]


def test_restore_round_trip_keeps_the_damaged_file_aside(
    listed: Hall, tmp_path: Path, make_hall: Callable[..., Hall]
) -> None:
    assert listed.backups is not None
    copy = listed.backups.backup(tmp_path / "bk")
    live_name = listed.accounts.live_list().file  # type: ignore[union-attr]
    listed.close()
    damage(listed.path)
    (accounts_folder(listed.path) / live_name).unlink()
    with pytest.raises(StoreUnavailable):
        make_hall(listed.path)
    restored = hall_files(listed.path).restore(Path(copy.folder))
    assert restored.kept_aside and all(Path(p).exists() for p in restored.kept_aside)
    assert restored.account_lists == (str(accounts_folder(listed.path) / live_name),)
    hall = make_hall(listed.path)
    assert hall.queue.issue("A").ticket.number == "A004"
    assert hall.accounts.find("0500000001").hits


def test_restore_refuses_a_damaged_backup_and_changes_nothing(listed: Hall, tmp_path: Path) -> None:
    assert listed.backups is not None
    copy = listed.backups.backup(tmp_path / "bk")
    listed.close()
    damage(Path(copy.folder) / "hall.sqlite3")
    before = listed.path.read_bytes()
    with pytest.raises(HallError) as refused:
        hall_files(listed.path).restore(Path(copy.folder) / "manifest.json")
    assert refused.value.code == "backup_damaged"
    assert listed.path.read_bytes() == before
    assert not list(listed.path.parent.glob("*.before-restore-*"))
    with pytest.raises(HallError):
        hall_files(listed.path).restore(tmp_path)  # not a backup at all


def test_periodic_backup_only_when_due_and_written(listed: Hall, tmp_path: Path) -> None:
    assert listed.backups is not None
    service = listed.backups
    now = [0.0]
    service.monotonic = lambda: now[0]
    assert service.due()  # never backed up
    service.backup(tmp_path / "bk")
    assert not service.due()
    now[0] += service.settings.every_minutes * 60 + 1
    assert not service.due()  # nothing written since
    listed.queue.issue("A")
    assert service.due()


WRITER = textwrap.dedent(
    """
    import sys, time
    from counter_app.app import open_hall
    hall = open_hall(sys.argv[1], timeout=30)
    end = time.monotonic() + float(sys.argv[2])
    while time.monotonic() < end:
        hall.queue.issue("A")
    hall.close()
    """
)


def test_backup_while_four_processes_write(make_hall: Callable[..., Hall], tmp_path: Path) -> None:
    busy = make_hall(tmp_path / "busy.sqlite3", hall_clock=system_clock)  # the writers' clock
    busy.queue.issue("A")
    assert busy.backups is not None
    service = busy.backups
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(busy.path), "3"], cwd=ROOT) for _ in range(4)
    ]
    try:
        copies = [service.backup(tmp_path / "bk")]
        while any(w.poll() is None for w in writers):
            copies.append(service.backup(tmp_path / "bk"))
    finally:
        for w in writers:
            w.wait(timeout=60)
    assert all(w.returncode == 0 for w in writers)
    assert all(c.ok for c in copies)
    for copy in backup_sets(tmp_path / "bk"):
        assert check_file(copy / "busy.sqlite3", "hall", full=True).ok


# private files -------------------------------------------------------------------------------------
def test_hall_files_are_private_and_loose_ones_tightened(
    make_hall: Callable[..., Hall], tmp_path: Path
) -> None:
    hall = make_hall(tmp_path / "new" / "hall.sqlite3")
    hall.queue.issue("A")
    hall.account_import.run(accounts_file(tmp_path / "accounts.csv", 5))
    path = hall.path
    assert mode(path) == 0o640 and mode(path.parent) == 0o750
    assert mode(Path(f"{path}-wal")) == 0o640 and mode(Path(f"{path}-shm")) == 0o640
    folder = accounts_folder(path)
    assert mode(folder) == 0o750
    assert all(mode(p) == 0o640 for p in folder.iterdir())
    hall.close()
    os.chmod(path, 0o644)  # as an older version left it
    again = make_hall(path)
    again.queue.issue("A")
    assert mode(path) == 0o640 and mode(Path(f"{path}-shm")) == 0o640


def test_the_windows_log_is_private(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import logging, sys
        from pathlib import Path
        from counter_app.logs import setup_logging
        setup_logging(gui=True, db_path=Path(sys.argv[1]))
        logging.getLogger("counter_app.init").warning("hello")
        """
    )
    subprocess.run([sys.executable, "-c", script, str(tmp_path / "hall.sqlite3")], cwd=ROOT, check=True)
    assert mode(tmp_path / "logs") == 0o750
    assert mode(tmp_path / "logs" / "counter-app.log") == 0o640


# read-only and back ---------------------------------------------------------------------------------
@pytest.fixture
def as_other_user() -> Iterator[Callable[[], None]]:
    """Permissions bind root only through another user: as root, run the test as ``nobody`` (the
    effective user) in a folder that user owns; otherwise as ourselves."""
    folder = Path(tempfile.mkdtemp(prefix="ro-"))
    switched = False

    def become() -> None:
        nonlocal switched
        if os.geteuid() == 0:
            for item in (folder, *folder.iterdir()):
                os.chown(item, 65534, 65534)
            os.seteuid(65534)
            switched = True

    become.folder = folder  # type: ignore[attr-defined]
    try:
        yield become
    finally:
        if switched:
            os.seteuid(0)
        subprocess.run(["rm", "-rf", str(folder)], check=False)


def test_writes_recover_by_themselves_once_the_file_is_writable(
    as_other_user: Callable[[], None], make_hall: Callable[..., Hall]
) -> None:
    folder: Path = as_other_user.folder  # type: ignore[attr-defined]
    path = folder / "hall.sqlite3"
    make_hall(tmp := path).close()  # modules loaded and the file made while we may still read them
    as_other_user()
    os.chmod(tmp, 0o440)
    hall = make_hall(path)  # opened read-only: its -shm is made read-only too
    with pytest.raises(StoreUnavailable) as failed:
        hall.queue.issue("A")
    assert failed.value.reason == "read_only"
    os.chmod(path, 0o640)
    assert hall.queue.issue("A").ticket.number == "A001"  # the same hall, no restart, no hand repair
    other = make_hall(path)
    assert other.queue.issue("A").ticket.number == "A002"


# the account list ------------------------------------------------------------------------------------
def test_a_damaged_account_list_is_refused_plainly_and_an_import_rebuilds_it(
    listed: Hall, tmp_path: Path
) -> None:
    live = accounts_folder(listed.path) / listed.accounts.live_list().file  # type: ignore[union-attr]
    listed.accounts.close()
    damage(live, pages=3)
    with pytest.raises(HallError) as refused:
        listed.accounts.find("0500000001")
    assert refused.value.code == "account_list_damaged"
    listed.account_import.run(accounts_file(tmp_path / "again.csv", 10))
    assert listed.accounts.find("0500000001").hits


def test_sqlite_module_is_the_one_checked() -> None:
    assert sqlite3.sqlite_version_info >= (3, 35)
