"""Opening the hall database, one-transaction writes, and how SQLite failures reach the caller."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.domain.errors import StoreUnavailable
from counter_app.services.hall import Hall
from counter_app.store.sqlite import connection as database
from counter_app.store.sqlite.connection import classify, connect, open_hall_db, quick_check, read, write


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, read through a separate plain connection."""
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: sorted(conn.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# pragmas and start-up check ----------------------------------------------------------------------
def test_every_connection_gets_the_halls_pragmas(tmp_path: Path) -> None:
    db = open_hall_db(tmp_path / "hall.sqlite3", create=True)
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] == database.BUSY_TIMEOUT_S * 1000
    finally:
        db.close()
    # WAL is a property of the file: a plain connection sees it too
    conn = sqlite3.connect(tmp_path / "hall.sqlite3")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    db = open_hall_db(tmp_path / "hall.sqlite3", create=True)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"), write(db):
            db.execute(
                "INSERT INTO tickets (uuid, business_day, prefix, seq, number, service_code, state, "
                "queue_order, issued_at) VALUES ('u', '2025-03-03', 'Z', 1, 'Z001', 'Z', 'waiting', 1, 'x')"
            )
    finally:
        db.close()


def test_connect_creates_the_folder(tmp_path: Path) -> None:
    db = connect(tmp_path / "new" / "deeper" / "hall.sqlite3", create=True)
    db.close()
    assert (tmp_path / "new" / "deeper" / "hall.sqlite3").exists()


def saved_hall(hall: Hall) -> Path:
    """The fixture hall with some tickets, closed (WAL checkpointed into the main file)."""
    for code in "ABCD" * 40:
        hall.queue.issue(code)
    hall.close()
    assert not Path(f"{hall.path}-wal").exists()
    return hall.path


def damage(path: Path, page: int) -> None:
    page_size = 4096
    with path.open("r+b") as f:
        f.seek((page - 1) * page_size)
        f.write(os.urandom(page_size))


def root_page(path: Path, name: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [name]).fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize("target", ["header", "tickets", "tickets_line", "queue_events"])
def test_a_damaged_file_is_refused_and_left_untouched(hall: Hall, tmp_path: Path, target: str) -> None:
    good = saved_hall(hall)
    copy = tmp_path / "damaged.sqlite3"
    shutil.copy(good, copy)
    damage(copy, 1 if target == "header" else root_page(copy, target))
    before = digest(copy)
    with pytest.raises(StoreUnavailable) as err:
        open_hall_db(copy)
    assert err.value.reason == "corrupt"
    assert "Restore the newest good backup (counter-app restore)" in str(err.value)
    assert digest(copy) == before  # nothing was written to the damaged file
    db = open_hall_db(good)  # the undamaged original still opens
    assert db.execute("SELECT COUNT(*) FROM tickets").fetchone()[0] == 160
    db.close()


def test_quick_check_passes_on_a_good_file(tmp_path: Path) -> None:
    db = open_hall_db(tmp_path / "hall.sqlite3", create=True)
    quick_check(db)
    db.close()


# write(): one action, all or nothing -------------------------------------------------------------
def count(db: object, table: str) -> int:
    return int(db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])  # type: ignore[attr-defined]


def insert_event(db: object, uuid: str) -> None:
    db.execute(  # type: ignore[attr-defined]
        "INSERT INTO queue_events (uuid, kind, at) VALUES (?, 'test', '2025-03-03T09:00')", [uuid]
    )


def test_write_commits_on_success(tmp_path: Path) -> None:
    db = open_hall_db(tmp_path / "hall.sqlite3", create=True)
    with write(db):
        insert_event(db, "a")
        insert_event(db, "b")
    assert not db.conn.in_transaction
    db.close()
    assert len(dump(tmp_path / "hall.sqlite3")["queue_events"]) == 2


@pytest.mark.parametrize("failure", [RuntimeError("bug"), KeyboardInterrupt(), sqlite3.IntegrityError("x")])
def test_write_rolls_back_everything_on_any_exception(tmp_path: Path, failure: BaseException) -> None:
    db = open_hall_db(tmp_path / "hall.sqlite3", create=True)
    with pytest.raises(type(failure)), write(db):
        insert_event(db, "a")
        db.execute("INSERT INTO outbox (uuid, topic, payload, created_at) VALUES ('o', 't', '{}', 'x')")
        raise failure
    assert not db.conn.in_transaction
    assert count(db, "queue_events") == 0 and count(db, "outbox") == 0
    with write(db):  # and the connection is usable again
        insert_event(db, "b")
    assert count(db, "queue_events") == 1
    db.close()


def test_write_rolls_back_when_a_constraint_fails_half_way(tmp_path: Path) -> None:
    db = open_hall_db(tmp_path / "hall.sqlite3", create=True)
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"), write(db):
        insert_event(db, "same")
        insert_event(db, "other")
        insert_event(db, "same")
    assert count(db, "queue_events") == 0
    db.close()


def test_nested_write_is_refused(tmp_path: Path) -> None:
    db = open_hall_db(tmp_path / "hall.sqlite3", create=True)
    with pytest.raises(RuntimeError, match="one user action is one transaction"), write(db):
        insert_event(db, "a")
        with write(db):
            insert_event(db, "b")
    assert count(db, "queue_events") == 0
    db.close()


def test_read_sees_one_snapshot_and_leaves_no_transaction(tmp_path: Path) -> None:
    path = tmp_path / "hall.sqlite3"
    db = open_hall_db(path, create=True)
    other = open_hall_db(path)
    with read(db):
        assert count(db, "queue_events") == 0
        with write(other):
            insert_event(other, "a")
        assert count(db, "queue_events") == 0  # still the snapshot taken at the first read
    assert not db.conn.in_transaction
    assert count(db, "queue_events") == 1
    db.close()
    other.close()


# the environment failing -------------------------------------------------------------------------
@contextlib.contextmanager
def write_lock_held_elsewhere(path: Path) -> Iterator[sqlite3.Connection]:
    """Another program holding the write lock (``BEGIN IMMEDIATE``) until the block ends."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield other
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_locked_past_the_timeout_is_store_unavailable_and_nothing_is_half_done(
    make_hall, tmp_path: Path
) -> None:
    path = tmp_path / "hall.sqlite3"
    impatient = make_hall(path, timeout=0.2)
    impatient.queue.issue("A")
    before = dump(path)
    with write_lock_held_elsewhere(path):
        with pytest.raises(StoreUnavailable) as err:
            impatient.queue.issue("A")
        assert err.value.reason == "locked"
        with pytest.raises(StoreUnavailable) as err:
            impatient.queue.call_next(2)
        assert err.value.reason == "locked"
        assert not impatient.store.db.conn.in_transaction
    assert dump(path) == before
    # usable again once the lock is gone, and the refused action burned no number
    assert impatient.queue.issue("A").ticket.number == "A002"
    assert impatient.queue.call_next(2).called.number == "A001"


def make_read_only(path: Path) -> contextlib.AbstractContextManager[None]:
    """Make the file unwritable for this process: chmod for a normal user, ``chattr +i`` for root."""

    @contextlib.contextmanager
    def chmod() -> Iterator[None]:
        path.chmod(0o444)
        try:
            yield
        finally:
            path.chmod(0o644)

    @contextlib.contextmanager
    def immutable() -> Iterator[None]:
        done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
        if done.returncode != 0:
            pytest.skip(f"running as root and chattr +i is not available: {done.stderr!r}")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=True)

    return immutable() if os.geteuid() == 0 else chmod()


def test_read_only_file_is_store_unavailable(make_hall, tmp_path: Path) -> None:
    path = tmp_path / "hall.sqlite3"
    writer = make_hall(path)
    writer.queue.issue("A")
    writer.close()
    before = dump(path)
    with make_read_only(path):
        ro_hall = make_hall(path)  # reading still works: the queue can be shown
        assert ro_hall.views.status().waiting == {"A": 1}
        with pytest.raises(StoreUnavailable) as err:
            ro_hall.queue.issue("B")
        assert err.value.reason == "read_only"
        assert "cannot be written" in str(err.value)
        ro_hall.close()
    assert dump(path) == before


def test_query_only_connection_maps_to_read_only(hall: Hall) -> None:
    hall.store.db.execute("PRAGMA query_only = ON")
    with pytest.raises(StoreUnavailable) as err:
        hall.queue.issue("A")
    assert err.value.reason == "read_only"
    hall.store.db.execute("PRAGMA query_only = OFF")
    assert hall.queue.issue("A").ticket.number == "A001"


def test_disk_full_writes_nothing_and_recovers(hall: Hall) -> None:
    hall.queue.issue("A")
    pages = hall.store.db.execute("PRAGMA page_count").fetchone()[0]
    hall.store.db.execute(f"PRAGMA max_page_count = {pages}")
    issued = 0
    with pytest.raises(StoreUnavailable) as err:
        for _ in range(1000):
            before = dump(hall.path)
            hall.queue.issue("A")
            issued += 1
    assert err.value.reason == "disk_full"
    assert "disk is full" in str(err.value)
    assert dump(hall.path) == before  # the failed issue left nothing behind
    assert not hall.store.db.conn.in_transaction
    hall.store.db.execute("PRAGMA max_page_count = 1073741823")
    # the next number follows the last one committed: the failed attempt burned none
    assert hall.queue.issue("A").ticket.number == f"A{issued + 2:03d}"


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (sqlite3.OperationalError("database is locked"), "locked"),
        (sqlite3.OperationalError("database or disk is full"), "disk_full"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "read_only"),
        (sqlite3.OperationalError("disk I/O error"), "io"),
        (sqlite3.DatabaseError("database disk image is malformed"), "corrupt"),
        (sqlite3.DatabaseError("file is not a database"), "corrupt"),
        (sqlite3.OperationalError("unable to open database file"), "missing"),
    ],
)
def test_classify_by_message_when_no_error_code(error: sqlite3.Error, reason: str) -> None:
    mapped = classify(error)
    assert mapped is not None and mapped.reason == reason


@pytest.mark.parametrize(
    "error",
    [
        sqlite3.OperationalError("no such table: tickets"),
        sqlite3.IntegrityError("UNIQUE constraint failed"),
        sqlite3.ProgrammingError("Incorrect number of bindings"),
    ],
)
def test_bugs_are_not_classified_as_the_environment(error: sqlite3.Error) -> None:
    assert classify(error) is None


def test_a_sql_bug_inside_write_is_raised_as_is(tmp_path: Path) -> None:
    db = open_hall_db(tmp_path / "hall.sqlite3", create=True)
    with pytest.raises(sqlite3.OperationalError, match="no such table"), write(db):
        insert_event(db, "a")
        db.execute("SELECT * FROM no_such_table")
    assert count(db, "queue_events") == 0
    db.close()


def test_missing_folder_that_cannot_be_created_is_store_unavailable(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreUnavailable) as err:
        open_hall_db(blocker / "hall.sqlite3", create=True)
    assert err.value.reason == "missing"
