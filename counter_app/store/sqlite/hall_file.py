"""A hall's SQLite file opened as a :class:`~counter_app.store.hall_store.HallStore`."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from counter_app.store.account_list import AccountListFolder, accounts_folder
from counter_app.store.hall_store import HallStore
from counter_app.store.sqlite.changes import SqliteChangeFeed
from counter_app.store.sqlite.connection import BUSY_TIMEOUT_S, SqliteSql, open_hall_db, store_errors
from counter_app.store.sqlite.migrations import applied_names


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


def open_sqlite_store(
    path: Path, *, timeout: float = BUSY_TIMEOUT_S, create: bool = False, migrate: bool = True
) -> SqliteHallStore:
    """The hall file at ``path``, checked and upgraded (see :func:`open_hall_db`); a new one only with
    ``create`` (``counter-app init``)."""
    db = open_hall_db(path, timeout=timeout, create=create, migrate=migrate)
    try:
        with store_errors():
            applied = tuple(applied_names(db))
    except BaseException:
        db.close()
        raise
    return SqliteHallStore(SqliteSql(db, path, timeout), path, applied)
