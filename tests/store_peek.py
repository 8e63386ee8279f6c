"""Looking at a hall's rows from a test, on either store, as SQLite gives them.

The services' tests check what an action wrote (rows, events, "refused: nothing changed"). On the
hall server the same SQL runs through the store's own connection, and values come back the way the
embedded file gives them (times as ISO text with the hall's offset, days as ``YYYY-MM-DD``, JSON as
text), so one assertion serves both engines.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from counter_app.store.sql import bind_all, to_format_style

_INTERNAL = {"schema_migrations"}


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="milliseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value


class _Rows:
    def __init__(self, rows: list[tuple[Any, ...]], description: Sequence[Any] | None) -> None:
        self._rows = rows
        self.description = description

    def fetchone(self) -> tuple[Any, ...] | None:
        return self._rows[0] if self._rows else None

    def fetchall(self) -> list[tuple[Any, ...]]:
        return list(self._rows)

    def __iter__(self) -> Any:
        return iter(self._rows)


class Peek:
    """``execute(sql, params)`` with ``?`` placeholders on the hall's own connection."""

    def __init__(self, hall: Any) -> None:
        self.store = hall.store
        self.engine = self.store.sql.dialect.name

    def execute(self, statement: str, params: Sequence[Any] = ()) -> _Rows:
        if self.engine == "sqlite":
            cursor = self.store.db.execute(statement, list(params))
            return _Rows(cursor.fetchall(), cursor.description)
        conn = self.store.sql.conn
        if params:
            cursor = conn.execute(to_format_style(statement), bind_all(params))
        else:  # no parameters: the simple protocol, which takes several statements
            cursor = conn.execute(statement.encode("utf-8"))
        rows = [tuple(_plain(v) for v in row) for row in cursor.fetchall()] if cursor.description else []
        return _Rows(rows, cursor.description)

    def tables(self) -> list[str]:
        if self.engine == "sqlite":
            return [r[0] for r in self.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        found = self.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
        )
        return [r[0] for r in found if r[0] not in _INTERNAL]

    @property
    def in_transaction(self) -> bool:
        return bool(self.store.in_transaction)


def peek(hall: Any) -> Peek:
    return Peek(hall)
