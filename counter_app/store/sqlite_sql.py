"""The SQLite side of the store seam: :class:`counter_app.store.sql.Sql` on the hall file.

``db`` stays reachable for what only SQLite has (migrations, the account-list build, backups);
nothing above ``store/`` sees it.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

import sqlite_utils

from counter_app.store.sql import SQLITE, Dialect, bind_all
from counter_app.store.sqlite.connection import data_version, read, write


class SqliteSql:
    """One SQLite connection as :class:`~counter_app.store.sql.Sql`; belongs to one thread."""

    dialect: Dialect = SQLITE

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    @property
    def in_transaction(self) -> bool:
        return bool(self.db.conn.in_transaction)

    def execute(self, statement: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.db.conn.execute(statement, bind_all(params))

    def executemany(self, statement: str, rows: Iterable[Sequence[Any]]) -> None:
        self.db.conn.executemany(statement, (bind_all(r) for r in rows))

    def touch(self, *areas: str) -> None:
        """Nothing to do: other processes see any commit through ``PRAGMA data_version``."""

    def write(self) -> contextlib.AbstractContextManager[Any]:
        return write(self.db)

    def read(self) -> contextlib.AbstractContextManager[Any]:
        return read(self.db)

    def data_version(self) -> int:
        return data_version(self.db)

    def close(self) -> None:
        self.db.close()
