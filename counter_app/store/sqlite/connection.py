"""The SQLite side of the store seam: opening the hall file and running one user action as one
transaction (ARCHITECTURE.md §3); :class:`SqliteSql` is :class:`counter_app.store.sql.Sql` on it.

* ``open_hall_db`` first makes sure the file is a hall database (``PRAGMA application_id``, or the
  migrations table of a file from the first release) that this version understands, without writing
  anything; only ``create=True`` (``counter-app init``) makes a new one. Then it sets the
  per-connection pragmas (WAL, ``synchronous=FULL``, foreign keys), runs ``PRAGMA quick_check`` and
  applies pending migrations. A damaged file is refused for writing.
* ``write`` is the only way services change data: ``BEGIN IMMEDIATE`` … ``COMMIT``; any exception
  rolls everything back. SQLite failures of the environment become :class:`StoreUnavailable`.

``SqliteSql.db`` (the sqlite-utils ``Database``) stays reachable for what only SQLite has (migrations,
inspection, backups); nothing above ``store/`` sees it.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlite_utils

from counter_app.domain.errors import NotAHallDatabase, StoreUnavailable
from counter_app.store.sql import SQLITE, Dialect, bind_all

if TYPE_CHECKING:
    from counter_app.store.sqlite.read_only import DamagedFile

log = logging.getLogger("counter_app.sql")

BUSY_TIMEOUT_S = 15.0
HALL_APPLICATION_ID = 0x48414C4C
"""``PRAGMA application_id`` of a hall database ("HALL"): set by the migrations, checked on open."""
MIGRATIONS_TABLE = "_sqlite_migrations"
MIGRATION_SET = "counter_app"

_REASONS = {
    sqlite3.SQLITE_BUSY: "locked",
    sqlite3.SQLITE_LOCKED: "locked",
    sqlite3.SQLITE_FULL: "disk_full",
    sqlite3.SQLITE_READONLY: "read_only",
    sqlite3.SQLITE_IOERR: "io",
    sqlite3.SQLITE_CORRUPT: "corrupt",
    sqlite3.SQLITE_NOTADB: "corrupt",
    sqlite3.SQLITE_CANTOPEN: "missing",
    sqlite3.SQLITE_PERM: "read_only",
    sqlite3.SQLITE_AUTH: "read_only",
}

_MESSAGES = {
    "locked": "The hall database is busy (locked by another program for too long). Try again.",
    "disk_full": "The disk is full: the action was not saved. Free some space and try again.",
    "read_only": "The hall database cannot be written (read-only file or folder).",
    "io": "The disk reported an error while reading or writing the hall database.",
    "corrupt": "The hall database file is damaged. Restore the newest good backup (counter-app restore) "
    "or ask the hall's IT support.",
    "missing": "The hall database file cannot be opened (missing folder or no permission).",
    "damaged": "The hall database file is damaged and open read-only: nothing was saved. Restore the "
    "newest good backup (counter-app restore) or ask the hall's IT support.",
}


def unavailable(reason: str, detail: str = "") -> StoreUnavailable:
    message = _MESSAGES[reason] + (f" ({detail})" if detail else "")
    return StoreUnavailable(message, reason=reason)


def classify(exc: sqlite3.Error) -> StoreUnavailable | None:
    """The :class:`StoreUnavailable` an SQLite error stands for, or ``None`` when it is a bug."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        reason = _REASONS.get(code & 0xFF)
        if reason:
            return unavailable(reason, str(exc))
    text = str(exc).lower()
    for needle, reason in (
        ("database is locked", "locked"),
        ("disk is full", "disk_full"),
        ("database or disk is full", "disk_full"),
        ("readonly", "read_only"),
        ("disk i/o", "io"),
        ("malformed", "corrupt"),
        ("not a database", "corrupt"),
        ("unable to open", "missing"),
    ):
        if needle in text:
            return unavailable(reason, str(exc))
    return None


@contextlib.contextmanager
def store_errors() -> Iterator[None]:
    """Turn environment failures of SQLite into :class:`StoreUnavailable`; let bugs through."""
    try:
        yield
    except sqlite3.Error as exc:
        mapped = classify(exc)
        if mapped is None:
            raise
        log.warning("store unavailable: %s", mapped.reason)
        raise mapped from exc


def _use_wal(conn: sqlite3.Connection, timeout: float) -> None:
    """Switch a new file to WAL (a persistent setting). The switch needs the file to itself and SQLite
    does not wait for that, so when several processes open a new file at once, retry until the
    timeout; a file already in WAL (every later open) needs no switch."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            mapped = classify(exc)
            if mapped is None or mapped.reason != "locked" or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


PRIVATE_FILE = 0o640
PRIVATE_FOLDER = 0o750


def make_private(path: Path, mode: int = PRIVATE_FILE) -> None:
    """Take away what ``mode`` does not allow from an existing file (or folder): the hall's files are
    readable by the app's user and its group only (a file made 0644 by an older version is tightened
    at open). Links and missing paths are left alone; a file owned by someone else stays as it is."""
    import os
    import stat

    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            return
        current = stat.S_IMODE(info.st_mode)
        if current & ~mode:
            os.chmod(path, current & mode)
            log.info("tightened the permissions of %s to %o", path, current & mode)
    except OSError:
        return


def make_hall_files_private(path: Path) -> None:
    """The hall file and its -wal / -shm private, and the side files as writable as the main file:
    SQLite gives a new -shm the main file's mode, so one made while the file was read-only stays
    read-only after the file is made writable again, and every write would fail."""
    import os
    import stat

    make_private(path)
    try:
        main = stat.S_IMODE(os.lstat(path).st_mode)
    except OSError:
        return
    for suffix in ("-wal", "-shm", "-journal"):
        side = Path(f"{path}{suffix}")
        make_private(side)
        try:
            info = os.lstat(side)
            if stat.S_ISREG(info.st_mode) and stat.S_IMODE(info.st_mode) != main:
                os.chmod(side, main)
                log.info("gave %s the hall file's permissions %o", side, main)
        except OSError:
            continue


def _precreate(path: Path) -> None:
    """A new hall file is created private (SQLite would make it 0644 less the umask); its -wal and
    -shm take the main file's permissions."""
    import os

    try:
        os.close(
            os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0), PRIVATE_FILE)
        )
    except FileExistsError:
        return
    except OSError as exc:
        raise unavailable("missing", str(exc)) from exc


def _open(path: Path, timeout: float, create: bool) -> sqlite3.Connection:
    """A plain connection; never creates a file or a folder unless ``create``."""
    if not create and not path.exists():
        raise NotAHallDatabase(
            f"There is no hall database at {path}. Check --db / COUNTER_APP_DB, or create one with "
            f"`counter-app init --db {path}`.",
            code="hall_db_missing",
            path=str(path),
        )
    if create and str(path) != ":memory:":
        try:
            path.parent.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
        except OSError as exc:  # a file in the way, no permission: the environment, not a bug
            raise unavailable("missing", str(exc)) from exc
        _precreate(path)
    mode = "rwc" if create else "rw"
    target = ":memory:" if str(path) == ":memory:" else f"{path.resolve().as_uri()}?mode={mode}"
    with store_errors():
        return sqlite3.connect(
            target,
            uri=True,
            timeout=timeout,
            isolation_level=None,
            check_same_thread=True,
        )


def identify(conn: sqlite3.Connection, path: Path, *, create: bool) -> None:
    """Refuse a file that is not a hall database this version can use, reading only.

    A hall database carries :data:`HALL_APPLICATION_ID`; one made by the first release has no
    application id yet but has this tool's migrations table (it gets the id with its next
    migration). An empty file (0 bytes, or no tables) is a hall only when ``create`` says so.
    A file whose ``user_version`` or migrations are newer than this code is refused.
    """
    from counter_app.store.sqlite.migrations import SCHEMA_VERSION, known_names

    with store_errors():
        application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        user_version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        applied: list[str] = []
        if MIGRATIONS_TABLE in tables:
            applied = [
                str(r[0])
                for r in conn.execute(
                    f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", [MIGRATION_SET]
                )
            ]
    if application_id != HALL_APPLICATION_ID:
        if application_id == 0 and not applied and tables <= {MIGRATIONS_TABLE}:  # nothing in it yet
            if create:
                return
            raise NotAHallDatabase(
                f"{path} is an empty file, not a hall database. Check --db / COUNTER_APP_DB, or make "
                f"it a hall with `counter-app init --db {path}`.",
                code="hall_db_missing",
                path=str(path),
            )
        if application_id != 0 or not applied:
            raise NotAHallDatabase(
                f"{path} is not a hall database (it holds another program's data); nothing was "
                "changed. Check --db / COUNTER_APP_DB.",
                code="not_a_hall_db",
                path=str(path),
            )
    unknown = [name for name in applied if name not in known_names()]
    if user_version > SCHEMA_VERSION or unknown:
        raise NotAHallDatabase(
            f"{path} was written by a newer version of the counter tool (schema {user_version}, "
            f"{', '.join(unknown) or 'no new migration names'}; this version knows {SCHEMA_VERSION}). "
            "Update the tool on this PC; nothing was changed.",
            code="hall_db_newer",
            path=str(path),
            version=user_version,
        )


def connect(
    path: Path | str, *, timeout: float = BUSY_TIMEOUT_S, create: bool = False
) -> sqlite_utils.Database:
    """A connection with the hall's pragmas to a hall database (a new one only with ``create``);
    no migration, no check of the content (see :func:`open_hall_db`)."""
    path = Path(path)
    create = create or str(path) == ":memory:"  # a database in memory is always a new one
    conn = _open(path, timeout, create)
    try:
        identify(conn, path, create=create)
        if str(path) != ":memory:":
            make_hall_files_private(path)
        with store_errors():
            _use_wal(conn, timeout)
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
    except BaseException:
        conn.close()  # a damaged or foreign file must not stay open (Windows would keep it locked)
        raise
    return sqlite_utils.Database(conn, execute_plugins=False, strict=True)


def quick_check(db: sqlite_utils.Database) -> None:
    with store_errors():
        rows = db.execute("PRAGMA quick_check").fetchall()
    if [r[0] for r in rows] != ["ok"]:
        detail = "; ".join(str(r[0]) for r in rows[:3]).replace("\n", "; ")[:300]
        log.error("quick_check failed: %s", detail)
        raise unavailable("corrupt", detail)


def open_hall_db(
    path: Path | str, *, timeout: float = BUSY_TIMEOUT_S, migrate: bool = True, create: bool = False
) -> sqlite_utils.Database:
    """Open, check and upgrade the hall database; a new one is made only with ``create``
    (``counter-app init``). Anything else at ``path`` raises :class:`NotAHallDatabase`."""
    from counter_app.store.sqlite.migrations import apply_migrations

    db = connect(path, timeout=timeout, create=create)
    try:
        quick_check(db)
        if migrate:
            with store_errors():
                apply_migrations(db)
    except BaseException:
        db.close()
        raise
    return db


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


@contextlib.contextmanager
def write(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One user action: ``BEGIN IMMEDIATE`` … ``COMMIT``, all or nothing.

    Nested use is refused: a service method is the unit of work, and it opens exactly one.
    """
    conn = db.conn
    if conn.in_transaction:
        raise RuntimeError("write() inside an open transaction: one user action is one transaction")
    with store_errors():
        conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except sqlite3.Error as exc:
        _rollback(conn)
        mapped = classify(exc)
        if mapped is None:
            raise
        raise mapped from exc
    except BaseException:
        _rollback(conn)
        raise
    try:
        with store_errors():
            conn.execute("COMMIT")
    except BaseException:
        _rollback(conn)
        raise


@contextlib.contextmanager
def read(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """A consistent read of several queries (one snapshot), with errors mapped."""
    conn = db.conn
    with store_errors():
        conn.execute("BEGIN")
        try:
            yield db
        finally:
            _rollback(conn)


def set_durable(db: sqlite_utils.Database, durable: bool) -> None:
    """``synchronous=FULL`` (the hall's setting: a committed action survives a power cut) or ``NORMAL``
    for a one-off bulk load such as the demo morning, where losing the last rows on a crash is fine."""
    with store_errors():
        db.execute(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")


def data_version(db: sqlite_utils.Database) -> int:
    """A number that changes whenever another connection has committed: a cheap "anything new?"
    poll for the display and the counter windows (a read of shared memory, not of the disk)."""
    with store_errors():
        return int(db.execute("PRAGMA data_version").fetchone()[0])


class SqliteSql:
    """One SQLite connection as :class:`~counter_app.store.sql.Sql`; belongs to one thread."""

    dialect: Dialect = SQLITE

    def __init__(
        self, db: sqlite_utils.Database, path: Path | None = None, timeout: float = BUSY_TIMEOUT_S
    ) -> None:
        self.db = db
        self.path = path
        self.timeout = timeout
        self._read_only = False
        """A write failed because the file or folder was read-only: before the next one, reopen."""
        self.damaged: DamagedFile | None = None
        """Set when the file failed its quick check at open and was opened read-only
        (``read_only.py``): every write is refused before it begins."""

    @property
    def in_transaction(self) -> bool:
        return bool(self.db.conn.in_transaction)

    def execute(self, statement: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.db.execute(statement, bind_all(params))

    def executemany(self, statement: str, rows: Iterable[Sequence[Any]]) -> None:
        self.db.conn.executemany(statement, (bind_all(r) for r in rows))

    def touch(self, *areas: str) -> None:
        """Nothing to do: other processes see any commit through ``PRAGMA data_version``."""

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite_utils.Database]:
        if self.damaged is not None:
            from counter_app.store.sqlite.read_only import damaged_refusal

            raise damaged_refusal(self.damaged)
        if self._read_only:
            self._recover()
        try:
            with write(self.db) as db:
                yield db
        except StoreUnavailable as exc:
            if exc.reason == "read_only":
                self._read_only = True
            raise

    def write(self) -> contextlib.AbstractContextManager[Any]:
        return self._write()

    def _recover(self) -> None:
        """After a read-only failure: once the file and its folder are writable again, a fresh
        connection (SQLite keeps a file opened read-only so for the connection's life) with the
        -wal / -shm given the file's permissions; until then, the next write fails as before."""
        import os

        path = self.path
        effective = os.access in os.supports_effective_ids
        if path is None or not (
            os.access(path, os.W_OK, effective_ids=effective)
            and os.access(path.parent, os.W_OK, effective_ids=effective)
        ):
            return
        make_hall_files_private(path)
        fresh = connect(path, timeout=self.timeout)
        old, self.db = self.db, fresh
        self._read_only = False
        with contextlib.suppress(sqlite3.Error):
            old.close()
        log.warning("the hall database %s is writable again: reconnected", path)

    def read(self) -> contextlib.AbstractContextManager[Any]:
        return read(self.db)

    def data_version(self) -> int:
        return data_version(self.db)

    def sever(self) -> None:
        """A local file waits on no server."""

    def close(self) -> None:
        self.db.close()
