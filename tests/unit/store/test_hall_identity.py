"""Only a hall database is opened, and only ``create`` (``counter-app init``) makes a new one.

A mistyped path must not start an empty hall, another program's SQLite file must not be turned into
one, and a file written by a newer version must not be half-understood: each is refused having
written nothing.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from counter_app.domain.errors import NotAHallDatabase
from counter_app.store.sqlite.connection import HALL_APPLICATION_ID, open_hall_db
from counter_app.store.sqlite.migrations import SCHEMA_VERSION

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def header(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(path)
    try:
        return (
            conn.execute("PRAGMA application_id").fetchone()[0],
            conn.execute("PRAGMA user_version").fetchone()[0],
        )
    finally:
        conn.close()


def test_a_new_hall_is_marked_with_its_id_and_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "hall.sqlite3"
    open_hall_db(path, create=True).close()
    assert header(path) == (HALL_APPLICATION_ID, SCHEMA_VERSION)
    open_hall_db(path).close()  # and opens without create from then on


def test_a_missing_path_is_refused_and_nothing_is_created(tmp_path: Path) -> None:
    path = tmp_path / "typo" / "hal.sqlite3"
    with pytest.raises(NotAHallDatabase) as err:
        open_hall_db(path)
    assert err.value.code == "hall_db_missing"
    assert "counter-app init" in str(err.value)
    assert not path.exists() and not path.parent.exists()


def test_an_empty_file_is_not_a_hall_unless_init_makes_it_one(tmp_path: Path) -> None:
    path = tmp_path / "hall.sqlite3"
    path.touch()
    with pytest.raises(NotAHallDatabase) as err:
        open_hall_db(path)
    assert err.value.code == "hall_db_missing"
    assert path.stat().st_size == 0
    open_hall_db(path, create=True).close()
    assert header(path)[0] == HALL_APPLICATION_ID


@pytest.mark.parametrize("create", [False, True])
def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path, create: bool) -> None:
    path = tmp_path / "accounts.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers (name) VALUES ('张三')")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotAHallDatabase) as err:
        open_hall_db(path, create=create)
    assert err.value.code == "not_a_hall_db"
    assert digest(path) == before
    assert not Path(f"{path}-wal").exists()  # not even switched to WAL


def test_a_file_of_the_first_release_is_recognised_by_its_migrations(tmp_path: Path) -> None:
    path = tmp_path / "hall.sqlite3"
    shutil.copy(FIXTURES / "hall_v0001.sqlite3", path)
    assert header(path) == (0, 0)  # the first release set neither
    open_hall_db(path).close()
    assert header(path) == (HALL_APPLICATION_ID, SCHEMA_VERSION)


def test_a_hall_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "hall.sqlite3"
    open_hall_db(path, create=True).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = digest(path)
    with pytest.raises(NotAHallDatabase) as err:
        open_hall_db(path)
    assert err.value.code == "hall_db_newer"
    assert "newer version" in str(err.value)
    assert digest(path) == before


def test_a_migration_this_version_does_not_know_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "hall.sqlite3"
    open_hall_db(path, create=True).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('counter_app', '0099_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(NotAHallDatabase) as err:
        open_hall_db(path)
    assert err.value.code == "hall_db_newer"
