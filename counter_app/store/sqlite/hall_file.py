"""A hall's SQLite file opened as a :class:`~counter_app.store.hall_store.HallStore`."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from counter_app.domain.errors import StoreUnavailable
from counter_app.store.account_list import AccountListFolder, accounts_folder
from counter_app.store.hall_store import HallStore
from counter_app.store.sqlite.changes import SqliteChangeFeed
from counter_app.store.sqlite.connection import BUSY_TIMEOUT_S, SqliteSql, open_hall_db, store_errors
from counter_app.store.sqlite.migrations import applied_names
from counter_app.store.sqlite.read_only import DamagedFile, open_damaged


class SqliteHallStore(HallStore):
    """A hall store on an SQLite file; ``db`` is the file as sqlite-utils sees it (for maintenance,
    inspection and tests that look at rows; the services never use it)."""

    sql: SqliteSql

    def __init__(self, sql: SqliteSql, path: Path, migrations: tuple[str, ...]) -> None:
        super().__init__(sql, SqliteChangeFeed(path), AccountListFolder(accounts_folder(path)), migrations)
        self.path = path

    @property
    def db(self) -> sqlite_utils.Database:
        return self.sql.db

    @property
    def damaged(self) -> DamagedFile | None:
        """The damaged file this store has open read-only, or ``None`` (a sound file, writable)."""
        return self.sql.damaged


def open_sqlite_store(
    path: Path,
    *,
    timeout: float = BUSY_TIMEOUT_S,
    create: bool = False,
    migrate: bool = True,
    read_only_if_damaged: bool = False,
) -> SqliteHallStore:
    """The hall file at ``path``, checked and upgraded (see :func:`open_hall_db`); a new one only with
    ``create`` (``counter-app init``). With ``read_only_if_damaged`` a file that fails its quick
    check is opened read-only (``read_only.py``: ``store.sql.damaged`` says so, every write is
    refused) instead of refused, when it can still be read."""
    damaged: DamagedFile | None = None
    try:
        db = open_hall_db(path, timeout=timeout, create=create, migrate=migrate)
    except StoreUnavailable as exc:
        if not read_only_if_damaged or create or exc.reason != "corrupt" or str(path) == ":memory:":
            raise
        db, damaged = open_damaged(Path(path), timeout, exc)
    try:
        with store_errors():
            applied = tuple(applied_names(db))
    except BaseException:
        db.close()
        raise
    sql = SqliteSql(db, path, timeout)
    sql.damaged = damaged
    return SqliteHallStore(sql, path, applied)
