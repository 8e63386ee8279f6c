"""What interrupted imports leave behind is removed, and a rejects file is bounded (issue #12).

A killed import (SIGKILL in the middle of reading) used to leave its ``.part`` and ``.scratch`` list
files and its rejects ``.csv.part`` for six hours or for ever; now each build holds a lock for as long
as its process lives, and the next import removes what a dead process left, at once. A build still
running in another process is never touched."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from payment_data import account_line, accounts_file, write_list

from counter_app.services.hall import Hall
from counter_app.services.payments import rejects_file
from counter_app.services.payments.rejects_file import NOT_LISTED_CODE, tidy_imports
from counter_app.store.account_list import accounts_folder

pytestmark = pytest.mark.usefixtures("sqlite_only")  # a killed process on the PC's own files

KILLED_IMPORT = textwrap.dedent(
    """
    import os, signal, sys
    from counter_app.app import open_hall
    from counter_app.services.payments import account_import

    account_import.BATCH_ROWS = 50
    hall = open_hall(sys.argv[1])
    seen = []

    def progress(step):
        seen.append(step)
        if len(seen) == 3:  # mid-read: list files and the rejects part are on disk
            os.kill(os.getpid(), signal.SIGKILL)

    hall.account_import.run(sys.argv[2], progress=progress)
    """
)

HOLDING_BUILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from counter_app.store.account_list.build import AccountListBuilder

    builder = AccountListBuilder(Path(sys.argv[1]), "0000feed-0000-0000-0000-000000000000")
    print("building", flush=True)
    time.sleep(120)
    """
)


def mixed_file(path: Path, good: int, bad: int) -> Path:
    lines = [account_line(i) for i in range(good)]
    for i in range(bad):  # spread through the file: rejected, not an amount
        lines.insert(i * 2, account_line(good + i, arrears="lots"))
    return write_list(path, lines)


def leftovers(folder: Path) -> list[str]:
    if not folder.exists():
        return []
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".part", ".scratch", ".lock")))


def test_a_killed_import_leaves_files_the_next_import_removes_at_once(hall: Hall, tmp_path: Path) -> None:
    hall.account_import.run(accounts_file(tmp_path / "first.csv", 3))
    source = mixed_file(tmp_path / "big.csv", 400, 200)
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_IMPORT, str(hall.path), str(source)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    lists, imports = accounts_folder(hall.path), hall.account_import.imports_folder
    assert any(n.endswith(".scratch") for n in leftovers(lists))  # the reproducer: files left behind
    assert any(n.endswith(".csv.part") for n in leftovers(imports))

    hall.account_import.run(accounts_file(tmp_path / "next.csv", 5))  # minutes later, not hours
    assert leftovers(lists) == [] and leftovers(imports) == []
    assert hall.accounts.live_list().accounts == 5  # type: ignore[union-attr]


def test_a_build_running_in_another_process_is_left_alone(hall: Hall, tmp_path: Path) -> None:
    lists = accounts_folder(hall.path)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDING_BUILD, str(lists)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "building"
        theirs = leftovers(lists)
        assert theirs  # its .part, .scratch and .lock
        old = time.time() - 7 * 24 * 3600  # even when they look a week old
        for name in theirs:
            os.utime(lists / name, (old, old))
        hall.account_import.run(accounts_file(tmp_path / "mine.csv", 2))
        assert leftovers(lists) == theirs
    finally:
        holder.kill()
        holder.wait(timeout=30)
    hall.account_import.run(accounts_file(tmp_path / "again.csv", 2))  # its process is gone now
    assert leftovers(lists) == []


def test_a_rejects_file_lists_the_first_rows_and_counts_the_rest(
    hall: Hall, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rejects_file, "MAX_LISTED", 25)
    source = mixed_file(tmp_path / "list.csv", 10, 1000)
    out = tmp_path / "rejects.csv"
    summary = hall.account_import.run(source, rejects_path=out)
    assert summary.rejected == 1000 and summary.inserted == 10  # the summary counts every row
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == 1 + 25 + 1  # header, the first 25, the closing line
    closing = rows[-1]
    assert closing[2] == NOT_LISTED_CODE and "975 more rejected rows" in closing[4]
    assert out.stat().st_size < 8 * 1024  # bounded, whatever the input's size


def test_the_imports_folder_keeps_the_newest_rejects_files(tmp_path: Path) -> None:
    folder = tmp_path / "imports"
    folder.mkdir()
    now = time.time()
    for i in range(25):
        path = folder / f"list-rejected-202611{i:02d}-120000.csv"
        path.write_text("x", encoding="utf-8")
        os.utime(path, (now - 3600 * (25 - i), now - 3600 * (25 - i)))
    (folder / "list-rejected-20261201-120000.csv.part").write_text("half", encoding="utf-8")
    (folder / "notes.txt").write_text("the hall's own", encoding="utf-8")
    removed = tidy_imports(folder, keep=20, now=now)
    kept = sorted(p.name for p in folder.iterdir())
    assert len([n for n in kept if n.endswith(".csv")]) == 20 and "notes.txt" in kept
    assert removed == [f"list-rejected-202611{i:02d}-120000.csv" for i in range(5)]
    assert "list-rejected-20261201-120000.csv.part" in kept  # young and no lock: could be running
    assert "list-rejected-20261201-120000.csv.part" in tidy_imports(
        folder, now=now + rejects_file.ABANDONED_AFTER_S + 1
    )


def test_a_dead_imports_part_file_goes_whichever_the_folder_lists_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folder's order is the file system's: with the lock listed first, removing it made the part
    file look lockless (kept for hours). CI met that order once."""
    folder = tmp_path / "imports"
    folder.mkdir()
    part = folder / "big-rejected-20261203-154105.csv.part"
    part.write_text("half", encoding="utf-8")
    lock = rejects_file.WorkLock(folder / "big-rejected-20261203-154105.csv.lock").acquire()
    lock.release(remove=False)  # its process ended: the lock file stays, nobody holds it
    listed = sorted(folder.iterdir())  # .csv.lock before .csv.part
    assert listed[0].name.endswith(".lock")
    monkeypatch.setattr(Path, "iterdir", lambda self: iter(listed) if self == folder else iter(()))
    assert tidy_imports(folder) == sorted(p.name for p in listed)
