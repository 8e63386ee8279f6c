"""Lookups in one account list file (SQLite only, by design: each PC searches its own copy).

:class:`AccountListFile` answers each :class:`~counter_app.domain.payments.search.SearchClause` kind with
one index or full-text range read in rank order that stops after ``limit`` hits (the table of kinds is
in ``domain/payments/search.py``); every hit is checked against the domain's own rule
(:func:`~counter_app.domain.payments.search.clause_matches`), so the SQL can only be faster, never
different. Ranking and tier order stay in the service.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from counter_app.domain.errors import HallError, StoreUnavailable
from counter_app.domain.payments.accounts import Account, values_account
from counter_app.domain.payments.search import ClauseKind, SearchClause, clause_matches, prefix_bounds
from counter_app.store.account_list.build import list_file_damage, list_file_uri
from counter_app.store.sqlite import schema_accounts as schema
from counter_app.store.sqlite.connection import store_errors

log = logging.getLogger("counter_app.accounts")

MAX_SHORT_TERMS = 300
"""A one- or two-character fragment that starts more distinct trigrams than this is common: it is
served by a scan in rank order instead, which then finds its first hits within a few thousand rows."""

_ACCOUNT_COLUMNS = schema.ACCOUNT_VALUE_COLUMNS  # read as AccountValues, made accounts by the domain
_BY_NUMBER = {
    ClauseKind.ACCOUNT_PREFIX: ("number >= ? AND number < ?", "number"),
    ClauseKind.PHONE_EXACT: ("phone = ?", "number"),
    ClauseKind.PHONE_LAST4: ("phone_last4 = ?", "number"),
    ClauseKind.PHONE_PREFIX: ("phone >= ? AND phone < ?", "phone, number"),
    # an expression index in lists of format 2; a list imported before reads it in 户号 order
    ClauseKind.ACCOUNT_LAST4: ("substr(number, -4) = ?", "number"),
}
_RANGES = {ClauseKind.ACCOUNT_PREFIX, ClauseKind.PHONE_PREFIX}


def readable_account(row: Sequence[Any]) -> Account | None:
    """The :class:`Account` of a list row, or ``None`` when the file's damage made the row unreadable
    (a wrong type or value in a column: a flipped byte gets past the STRICT table, which checks writes
    only)."""
    texts = (0, 1, 2, 3, 4, 8)
    if len(row) != len(schema.ACCOUNT_VALUE_COLUMNS.split(",")):
        return None
    if not all(isinstance(row[i], str) for i in texts) or type(row[5]) is not int:
        return None
    if not all(row[i] is None or isinstance(row[i], str) for i in (6, 7)):
        return None
    if not (row[0].isascii() and row[0].isdigit()) or not (
        row[3] == "" or (row[3].isascii() and row[3].isdigit())
    ):
        return None
    try:
        return values_account(tuple(row))
    except (ValueError, ArithmeticError):  # a bad date, status or amount
        return None


def _number_of(row: Sequence[Any]) -> str:
    number = row[0] if row else None
    return number[:32] if isinstance(number, str) else "?"


def damaged(path: Path) -> HallError:
    """The plain refusal for a damaged list: the import of a new account list replaces it."""
    return HallError(
        f"The account list file {path.name} is damaged; import the account list again (the import "
        "builds a new file without it)",
        code="account_list_damaged",
        file=path.name,
    )


def _phrase(text: str) -> str:
    """An FTS5 string literal: the text as one phrase, whatever quotes or operators it holds."""
    return '"' + text.replace('"', '""') + '"'


class AccountListFile:
    """Read-only lookups in one live account list file (opened immutable: it is never written again)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        damage = list_file_damage(path)
        if damage:
            log.error("account list file %s is damaged: %s", path.name, damage)
            raise damaged(path)
        with store_errors():
            # Read-only and immutable; used by one thread at a time, but may be closed by the collector.
            uri = list_file_uri(path, read_only=True)
            self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            try:
                self.meta = dict(self.conn.execute("SELECT key, value FROM meta").fetchall())
            except BaseException:
                self.conn.close()
                raise
        self._name_lengths = tuple(int(n) for n in self.meta.get("name_lengths", "").split(",") if n)

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        """A page or a row damaged since the check at open: the list is damaged, not a traceback."""
        try:
            with store_errors():
                yield
        except StoreUnavailable as exc:
            if exc.reason != "corrupt" or exc.params.get("row_damage"):
                raise  # a damaged row of an account asked for by number: refused as such (see get)
            log.error("account list file %s is damaged: %s", self.path.name, exc)
            raise damaged(self.path) from exc
        except (ValueError, TypeError, IndexError, UnicodeError) as exc:
            log.error("account list file %s holds a damaged row: %s", self.path.name, exc)
            raise damaged(self.path) from exc

    def get(self, number: str) -> Account | None:
        """The account, ``None`` when the list has no such number; :class:`StoreUnavailable`
        (``corrupt``) when its row is damaged: never a walk-in by mistake, never a traceback."""
        with store_errors():
            row = self.conn.execute(
                f"SELECT {_ACCOUNT_COLUMNS} FROM accounts WHERE number = ?", [number]
            ).fetchone()
        if row is None:
            return None
        account = readable_account(row)
        if account is None:
            self._damaged(row)
            damaged_row = StoreUnavailable(
                "The account list file is damaged (the row of this account cannot be read); "
                "import the list again.",
                reason="corrupt",
            )
            damaged_row.params["row_damage"] = True
            raise damaged_row
        return account

    def _matching(self, clause: SearchClause, rows: Sequence[Sequence[Any]]) -> list[Account]:
        """The rows' accounts that match ``clause``; a damaged row is left out of the hits (logged)
        rather than breaking the search for every other account."""
        found: list[Account] = []
        for row in rows:
            account = readable_account(row)
            if account is None:
                self._damaged(row)
            elif clause_matches(clause, account):
                found.append(account)
        return found

    def _damaged(self, row: Sequence[Any]) -> None:
        log.error("damaged row in the account list %s (account %s)", self.path.name, _number_of(row))

    def count(self) -> int:
        with self._reading():
            return int(self.conn.execute("SELECT COUNT(*) FROM accounts").fetchone()[0])

    def search(self, clause: SearchClause, limit: int) -> list[Account]:
        """Up to ``limit`` accounts matching ``clause``, in the domain's order within its tier."""
        if limit <= 0:
            return []
        with self._reading():
            if clause.kind is ClauseKind.ACCOUNT_EXACT:
                found = self.get(clause.value)
                return [found] if found else []
            if clause.kind in _BY_NUMBER:
                params: list[Any] = list(prefix_bounds(clause.value))
                if clause.kind not in _RANGES:
                    params = [clause.value]
                where, order = _BY_NUMBER[clause.kind]
                rows = self.conn.execute(
                    f"SELECT {_ACCOUNT_COLUMNS} FROM accounts WHERE {where} ORDER BY {order} LIMIT ?",
                    [*params, limit],
                ).fetchall()
                return self._matching(clause, rows)
            if clause.kind is ClauseKind.NAME_EXACT:
                rows = self.conn.execute(
                    f"SELECT {_ACCOUNT_COLUMNS} FROM accounts WHERE name_len = ? AND name_key = ? "
                    "ORDER BY id LIMIT ?",
                    [len(clause.value), clause.value, limit],
                ).fetchall()
                return self._matching(clause, rows)
            if clause.kind is ClauseKind.NAME_PREFIX:
                return self._name_prefix(clause, limit)
            table = "name" if clause.kind is ClauseKind.NAME_FRAGMENT else "address"
            return self._fragment(clause, table, limit)

    def _name_prefix(self, clause: SearchClause, limit: int) -> list[Account]:
        """Length by length (rank order is length first), a range of the name index in key order."""
        low, high = prefix_bounds(clause.value)
        bound = "AND name_key < ?" if high is not None else ""
        found: list[Account] = []
        for length in self._name_lengths:
            if length < len(clause.value):
                continue
            rows = self.conn.execute(
                f"SELECT {_ACCOUNT_COLUMNS} FROM accounts WHERE name_len = ? AND name_key >= ? {bound} "
                "ORDER BY name_key, id LIMIT ?",
                [length, low, *([high] if high is not None else []), limit - len(found)],
            ).fetchall()
            found += self._matching(clause, rows)
            if len(found) >= limit:
                break
        return found

    def _fragment_ids(self, table: str, value: str, after: int, limit: int) -> list[int]:
        grams = f"{table}_grams"
        if len(value) >= 3:
            query = _phrase(value)
        else:
            low, high = prefix_bounds(value)
            bound = "AND term < ?" if high else ""
            terms = [
                r[0]
                for r in self.conn.execute(
                    f"SELECT term FROM {table}_terms WHERE term >= ? {bound} LIMIT ?",
                    [low, *([high] if high else []), MAX_SHORT_TERMS + 1],
                )
            ]
            if not terms:
                return []
            if len(terms) > MAX_SHORT_TERMS:
                rows = self.conn.execute(
                    f"SELECT id FROM accounts WHERE id > ? AND instr({table}_key, ?) > 0 ORDER BY id LIMIT ?",
                    [after, value, limit],
                ).fetchall()
                return [r[0] for r in rows]
            query = " OR ".join(_phrase(term) for term in terms)
        rows = self.conn.execute(
            f"SELECT rowid FROM {grams} WHERE {grams} MATCH ? AND rowid > ? ORDER BY rowid LIMIT ?",
            [query, after, limit],
        ).fetchall()
        return [r[0] for r in rows]

    def _fragment(self, clause: SearchClause, table: str, limit: int) -> list[Account]:
        found: list[Account] = []
        after = 0
        while len(found) < limit:
            ids = self._fragment_ids(table, clause.value, after, limit - len(found))
            if not ids:
                break
            marks = ",".join("?" * len(ids))
            rows = self.conn.execute(
                f"SELECT {_ACCOUNT_COLUMNS} FROM accounts WHERE id IN ({marks}) ORDER BY id", ids
            ).fetchall()
            found += self._matching(clause, rows)
            after = ids[-1]
        return found
