"""One way to run SQL on either engine: the embedded SQLite file or the hall's PostgreSQL server.

Repositories are written once, in the SQL both engines share (``?`` placeholders, ``RETURNING``,
``ON CONFLICT``, ``COUNT(*) FILTER (WHERE …)``, ``LIMIT``), against :class:`Sql`. What differs is
behind :class:`Sql` and its :class:`Dialect`:

* placeholders: ``?`` is turned into psycopg's ``%s`` (and a literal ``%`` doubled) once per
  statement text, cached;
* values: a time is bound as ISO-8601 text with its offset and a day as ``YYYY-MM-DD`` on both
  engines (PostgreSQL casts such literals to ``timestamptz`` / ``date`` by the column they meet),
  booleans as 0/1; reading back, SQLite gives text and PostgreSQL gives ``datetime`` / ``date``, and
  :func:`counter_app.store.rows.parse_time` / ``parse_day`` take both;
* the few expressions the standard leaves to each engine: minutes between two times, the hour of a
  time, the ids whose text contains a fragment (SQLite: an FTS5 trigram table; PostgreSQL: a
  ``pg_trgm`` index).

A unit of work is :meth:`Sql.write` (SQLite ``BEGIN IMMEDIATE``: the whole file; PostgreSQL
``BEGIN`` at READ COMMITTED, with row locks taken by the statements that need them, written next to
them) or :meth:`Sql.read` (one consistent snapshot). Failures of the environment (disk full, locked,
server gone) become :class:`~counter_app.domain.errors.StoreUnavailable`; anything else is a bug.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from counter_app.domain.errors import StoreUnavailable

Row = tuple[Any, ...]


class Cursor(Protocol):
    """The part of a DB-API cursor the repositories use."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


@dataclass(frozen=True)
class Dialect:
    """The expressions the two engines write differently, as SQL fragments."""

    name: str
    minutes_between: Callable[[str, str], str]
    """``minutes_between(start, end)``: the minutes from one time column/expression to another."""
    hour_of: Callable[[str], str]
    """``hour_of(time)``: the hour (0–23) of a stored time, in the hall's time zone."""
    fragment_ids: Callable[[str], str]
    """``fragment_ids(index)``: a ``SELECT`` of the ids whose indexed text contains the one bound
    parameter (made by :attr:`fragment_param`) as one phrase. SQLite: ``index`` is an FTS5 table with
    the trigram tokenizer whose rowid is the id; PostgreSQL: a table or view of ``(id, search_text)``
    with a ``pg_trgm`` GIN index on ``search_text`` (made by the server's migrations)."""
    fragment_param: Callable[[str], str]
    """The parameter :attr:`fragment_ids` is bound to for a fragment as typed."""
    row_locks: bool
    """The engine locks rows (PostgreSQL: READ COMMITTED and ``SELECT … FOR UPDATE SKIP LOCKED``), so
    concurrent writers need them; SQLite's write transaction holds the whole file and needs none."""
    durability: Callable[[bool], str]
    """``durability(on)``: the statement that makes this connection's commits wait for the disk (the
    hall's setting: an action a clerk was told is done survives a power cut) or, off, not wait (a
    one-off bulk load such as the demo morning, where losing the last rows on a crash is fine)."""


def _sqlite_minutes(start: str, end: str) -> str:
    return f"((julianday({end}) - julianday({start})) * 1440.0)"


def _pg_minutes(start: str, end: str) -> str:
    return f"(EXTRACT(EPOCH FROM ({end} - {start})) / 60.0)"


def fts_phrase(text: str) -> str:
    """An FTS5 query matching ``text`` as one phrase (quotes doubled), whatever operators it holds."""
    return '"' + text.replace('"', '""') + '"'


def like_contains(text: str) -> str:
    """A ``LIKE … ESCAPE '\\'`` pattern matching ``text`` anywhere, its wildcards taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


SQLITE = Dialect(
    name="sqlite",
    minutes_between=_sqlite_minutes,
    # stored text keeps the hall's offset: the hour is the two digits after the 'T'
    hour_of=lambda column: f"CAST(substr({column}, 12, 2) AS INTEGER)",
    fragment_ids=lambda index: f"SELECT rowid FROM {index} WHERE {index} MATCH ?",
    fragment_param=fts_phrase,
    row_locks=False,
    durability=lambda on: f"PRAGMA synchronous={'FULL' if on else 'NORMAL'}",
)
POSTGRESQL = Dialect(
    name="postgresql",
    minutes_between=_pg_minutes,
    # the session's TimeZone is the hall's (set when the connection opens)
    hour_of=lambda column: f"CAST(EXTRACT(HOUR FROM {column}) AS INTEGER)",
    fragment_ids=lambda index: f"SELECT id FROM {index} WHERE search_text LIKE ? ESCAPE '\\'",
    fragment_param=like_contains,
    row_locks=True,
    durability=lambda on: f"SET synchronous_commit = {'on' if on else 'off'}",
)


def bind(value: Any) -> Any:
    """A Python value as both engines store it (see the module docstring)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return value.isoformat(timespec="milliseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def bind_all(params: Iterable[Any]) -> list[Any]:
    return [bind(v) for v in params]


@functools.lru_cache(maxsize=1024)
def to_format_style(statement: str) -> str:
    """``?`` placeholders to psycopg's ``%s`` (and ``%`` to ``%%``), outside quoted text."""
    out: list[str] = []
    quote: str | None = None
    for char in statement:
        if quote is not None:
            if char == quote:
                quote = None
            out.append("%%" if char == "%" else char)
        elif char in ("'", '"'):
            quote = char
            out.append(char)
        elif char == "?":
            out.append("%s")
        elif char == "%":
            out.append("%%")
        else:
            out.append(char)
    return "".join(out)


class Sql(Protocol):
    """A connection of one engine, as the repositories see it."""

    dialect: Dialect

    def execute(self, statement: str, params: Sequence[Any] = ()) -> Cursor: ...

    def executemany(self, statement: str, rows: Iterable[Sequence[Any]]) -> None: ...

    def touch(self, *areas: str) -> None:
        """Name what the current write changed (``queue``, ``applications`` …) for the change feeds of
        other processes: a server tells its listeners when the write commits. SQLite needs no names
        (``PRAGMA data_version`` sees any commit)."""

    def write(self) -> contextlib.AbstractContextManager[None]: ...

    def read(self) -> contextlib.AbstractContextManager[None]: ...

    @property
    def in_transaction(self) -> bool: ...

    def sever(self) -> None:
        """From another thread: cut the connection so a statement waiting on a server that stopped
        answering fails now (a local file has nothing to cut)."""

    def close(self) -> None: ...


def one(sql: Sql, statement: str, params: Sequence[Any] = ()) -> Row | None:
    row = sql.execute(statement, params).fetchone()
    return tuple(row) if row is not None else None


def rows(sql: Sql, statement: str, params: Sequence[Any] = ()) -> list[Row]:
    return [tuple(r) for r in sql.execute(statement, params).fetchall()]


def scalar(sql: Sql, statement: str, params: Sequence[Any] = ()) -> Any:
    row = sql.execute(statement, params).fetchone()
    return row[0] if row is not None else None


def placeholders(count: int) -> str:
    """``?, ?, ?`` for an ``IN (…)`` list of ``count`` values (at least one)."""
    if count < 1:
        raise ValueError("an IN list needs at least one value")
    return ", ".join("?" * count)


@contextlib.contextmanager
def unavailable_as(mapper: Callable[[BaseException], StoreUnavailable | None]) -> Iterator[None]:
    """Turn an engine's environment failures into :class:`StoreUnavailable`; let bugs through."""
    try:
        yield
    except StoreUnavailable:
        raise
    except Exception as exc:
        mapped = mapper(exc)
        if mapped is None:
            raise
        raise mapped from exc
