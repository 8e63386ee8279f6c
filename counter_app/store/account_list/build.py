"""Writing a new account list file while the hall works on: nothing reads it until it is made live.

The builder owns two new files in the hall's account folder and no lock of the hall database:

* ``accounts-<uuid>.sqlite3.scratch``: the rows as read, appended without indexes;
* ``accounts-<uuid>.sqlite3.part``: the list as the counters will read it, built from the scratch
  rows plus the accounts of the current list that the import does not mention (upsert by 户号),
  numbered in search-rank order, then indexed and given its full-text search tables.

Both are written with ``journal_mode=OFF, synchronous=OFF``: a crash or an error leaves only files
that are deleted (:meth:`AccountListBuilder.discard`, or swept later). :meth:`finish` syncs the
finished file to disk and renames it; the caller then makes it live in the hall database.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from counter_app.domain.errors import StoreUnavailable
from counter_app.domain.payments.accounts import AccountValues
from counter_app.domain.payments.guidance import BuiltList
from counter_app.domain.payments.search import search_key
from counter_app.safe_files import WorkLock, is_abandoned
from counter_app.store.sqlite import schema_accounts as schema
from counter_app.store.sqlite.connection import (
    PRIVATE_FILE,
    PRIVATE_FOLDER,
    make_private,
    store_errors,
    unavailable,
)

log = logging.getLogger("counter_app.sql")

BUILD_CACHE_KIB = 128 * 1024
_STAGED_COLUMNS = f"{schema.ACCOUNT_VALUE_COLUMNS}, name_key, name_len, address_key"
"""The fields of :data:`AccountValues` in their order, then the search keys added by the builder."""
_STAGED_INSERT = f"INSERT INTO scratch.staged ({_STAGED_COLUMNS}) VALUES ({', '.join('?' * 13)})"
_LAST4 = "CASE WHEN length(phone) >= 4 THEN substr(phone, -4) ELSE '' END"

Phase = Callable[[str], None]


def os_unavailable(exc: OSError) -> StoreUnavailable:
    """A failing file operation of the store as the environment failure it is."""
    if exc.errno == errno.ENOSPC:
        return unavailable("disk_full", str(exc))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return unavailable("read_only", str(exc))
    return unavailable("io", str(exc))


def list_file_damage(path: Path) -> str:
    """What ``PRAGMA quick_check`` finds wrong with a finished list file ('' when it is sound)."""
    try:
        conn = sqlite3.connect(list_file_uri(path, read_only=True), uri=True)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        found = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
        return "" if found == ["ok"] else "; ".join(found[:3])
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        conn.close()


def list_file_uri(path: Path, *, read_only: bool) -> str:
    mode = "?mode=ro&immutable=1" if read_only else ""
    return path.resolve().as_uri() + mode


class AccountListBuilder:
    """Append rows with :meth:`add`, then :meth:`finish`; on any failure call :meth:`discard`."""

    def __init__(self, folder: Path, list_uuid: str) -> None:
        self.path = folder / f"accounts-{list_uuid}.sqlite3"
        self.part = self.path.with_name(self.path.name + ".part")
        self.scratch = self.path.with_name(self.path.name + ".scratch")
        self.rows = 0
        self.lock = WorkLock(self.path.with_name(self.path.name + ".lock"))
        try:
            folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
            make_private(folder, PRIVATE_FOLDER)
            self.lock.acquire()  # held while .part and .scratch exist: a sweep knows they are in use
            for new in (self.part, self.scratch):  # private from the first byte (SQLite would use 0644)
                os.close(os.open(new, os.O_CREAT | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0), PRIVATE_FILE))
                make_private(new)
        except OSError as exc:
            with contextlib.suppress(OSError):
                self.part.unlink()
            self.lock.release()
            raise os_unavailable(exc) from exc
        with store_errors():
            self.conn = sqlite3.connect(str(self.part), isolation_level=None, check_same_thread=True)
            try:
                for pragma in ("journal_mode=OFF", "synchronous=OFF", f"cache_size=-{BUILD_CACHE_KIB}"):
                    self.conn.execute(f"PRAGMA {pragma}")
                self.conn.execute("ATTACH DATABASE ? AS scratch", [str(self.scratch)])
                self.conn.execute("PRAGMA scratch.journal_mode=OFF")
                self.conn.execute("PRAGMA scratch.synchronous=OFF")
                for statement in (*schema.LIST_FILE_STATEMENTS, *schema.SCRATCH_STATEMENTS):
                    self.conn.execute(statement)
                self.conn.execute("BEGIN")
            except BaseException:
                self.discard()  # no empty .part or .scratch file left for the sweep
                raise

    def add(self, rows: Sequence[AccountValues]) -> None:
        """Append accepted rows; their numbers are unique (the reader rejected repeats). The search keys
        are the only per-row work done here; everything else derived is computed by SQL in :meth:`finish`."""
        key = search_key
        staged = [(*row, name_key := key(row[1]), len(name_key), key(row[2])) for row in rows]
        with store_errors():
            self.conn.executemany(_STAGED_INSERT, staged)
        self.rows += len(rows)

    def finish(
        self, base: Path | None, data_as_of: date | None, meta: dict[str, str], phase: Phase
    ) -> BuiltList:
        """Merge with the live list ``base`` (its accounts not in the import are kept as they were),
        index, sync and rename. ``data_as_of`` fills the date of rows that gave none."""
        with store_errors():
            conn = self.conn
            conn.execute("COMMIT")
            phase("merging")
            updated, kept, base_missing = self._merge(base)
            phase("sorting")
            conn.execute("BEGIN")
            # Rows go in rank order into an empty table, so their ids (max + 1 each) are the ranks 1, 2, …
            # without a window function (which costs as much as the sort itself).
            conn.execute(
                f"""INSERT INTO accounts ({_STAGED_COLUMNS}, phone_last4)
                    SELECT number, name, address, phone, tariff_class, balance_fen, due_date,
                           COALESCE(as_of, ?), withholding, source_line, name_key, name_len, address_key,
                           {_LAST4}
                    FROM scratch.staged ORDER BY name_len, name_key, number""",
                [data_as_of.isoformat() if data_as_of else None],
            )
            conn.execute("COMMIT")
            conn.execute("DETACH DATABASE scratch")
            self.scratch.unlink(missing_ok=True)
            phase("indexing")
            for statement in schema.LIST_FILE_INDEXES:
                conn.execute(statement)
            phase("search")
            self._build_search()
            total = int(conn.execute("SELECT COUNT(*) FROM accounts").fetchone()[0])
            lengths = [str(r[0]) for r in conn.execute("SELECT DISTINCT name_len FROM accounts ORDER BY 1")]
            values = {
                **meta,
                "format": str(schema.ACCOUNT_FILE_VERSION),
                "data_as_of": data_as_of.isoformat() if data_as_of else "",
                "accounts": str(total),
                "name_lengths": ",".join(lengths),
            }
            conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", list(values.items()))
            conn.execute("PRAGMA analysis_limit=1000")
            conn.execute("ANALYZE")
            conn.execute(f"PRAGMA user_version={schema.ACCOUNT_FILE_VERSION}")
            conn.close()
        self._sync_and_rename()
        inserted = self.rows - updated
        return BuiltList(self.path, total, inserted, updated, kept, data_as_of, base_missing)

    def _merge(self, base: Path | None) -> tuple[int, int, bool]:
        """``(updated, kept, base_missing)``: rows of the import already in ``base``, and ``base`` rows
        copied over because the import does not mention them."""
        if base is None:
            return 0, 0, False
        if not base.exists():
            log.warning("the live account list file %s is missing; the import replaces it", base.name)
            return 0, 0, True
        damage = list_file_damage(base)
        if damage:
            log.error(
                "the live account list file %s is damaged (%s); the import replaces it", base.name, damage
            )
            return 0, 0, True
        conn = self.conn
        conn.execute(schema.STAGED_INDEX)  # for the lookups by number below
        conn.execute("ATTACH DATABASE ? AS base", [list_file_uri(base, read_only=True)])
        try:
            updated = int(
                conn.execute(
                    "SELECT COUNT(*) FROM scratch.staged s JOIN base.accounts b ON b.number = s.number"
                ).fetchone()[0]
            )
            conn.execute("BEGIN")
            kept = conn.execute(
                f"""INSERT INTO scratch.staged ({_STAGED_COLUMNS})
                    SELECT {_STAGED_COLUMNS} FROM base.accounts b
                    WHERE NOT EXISTS (SELECT 1 FROM scratch.staged s WHERE s.number = b.number)"""
            ).rowcount
            conn.execute("COMMIT")
        finally:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("DETACH DATABASE base")
        return updated, kept, False

    def _build_search(self) -> None:
        conn = self.conn
        for statement in schema.SEARCH_STATEMENTS:
            conn.execute(statement)
        pad = schema.PAD * 2
        conn.execute("BEGIN")
        for table, key in (("name", "name_key"), ("address", "address_key")):
            conn.execute(
                f"INSERT INTO {table}_grams (rowid, text) SELECT id, {key} || ? FROM accounts", [pad]
            )
            conn.execute(f"INSERT INTO {table}_grams ({table}_grams) VALUES ('optimize')")
            conn.execute(
                f"CREATE VIRTUAL TABLE temp.{table}_vocab USING fts5vocab(main, {table}_grams, 'row')"
            )
            conn.execute(f"INSERT INTO {table}_terms (term) SELECT term FROM temp.{table}_vocab")
            conn.execute(f"DROP TABLE temp.{table}_vocab")
        conn.execute("COMMIT")

    def _sync_and_rename(self) -> None:
        try:
            fd = os.open(self.part, os.O_RDWR | getattr(os, "O_BINARY", 0))
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(self.part, self.path)
            self.lock.release()  # the finished file is protected by its age until it is made live
            if os.name == "posix":
                dir_fd = os.open(self.path.parent, os.O_RDONLY)
                try:
                    os.fsync(dir_fd)
                finally:
                    os.close(dir_fd)
        except OSError as exc:
            raise os_unavailable(exc) from exc

    def discard(self) -> None:
        """Close and delete whatever was written; safe to call at any point, also twice."""
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()
        for path in (self.part, self.scratch, self.path):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        self.lock.release()


BUILD_SUFFIXES = (".part", ".scratch", ".lock")
"""The files of a build in progress: ``accounts-<uuid>.sqlite3`` plus one of these."""


def sweep(folder: Path, live: str | None, superseded: set[str], grace_s: float = 6 * 3600.0) -> list[str]:
    """Delete superseded list files (one still open elsewhere on Windows stays until the next sweep),
    at once the files of a build whose process has ended (its lock is free: killed, crashed), and,
    after ``grace_s``, other files a crashed import left behind. A running build (its lock held) and
    recent unknown files are kept: another process may be building or just making one live."""
    removed: list[str] = []
    if not folder.is_dir():
        return removed
    now = time.time()
    verdicts: dict[str, bool | None] = {}
    for path in sorted(folder.glob("accounts-*")):
        if path.name == live:
            continue
        stem, suffix = _build_parts(path.name)
        abandoned = None
        if suffix:
            if stem not in verdicts:
                verdicts[stem] = is_abandoned(folder / (stem + ".lock"))
            abandoned = verdicts[stem]
            if abandoned is False:
                continue  # a build in progress
        try:
            young = now - path.stat(follow_symlinks=False).st_mtime < grace_s
            if not abandoned and path.name not in superseded and young:
                continue
            path.unlink()
            removed.append(path.name)
        except OSError:
            continue
    return removed


def _build_parts(name: str) -> tuple[str, str]:
    for suffix in BUILD_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)], suffix
    return name, ""
