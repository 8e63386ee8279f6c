"""A connection to the hall's PostgreSQL server (psycopg 3), as :class:`counter_app.store.sql.Sql`.

* **Credentials** never come from our command line or our logs: the DSN names the server and the
  database (``host=hall-server dbname=hall user=counter`` or ``service=hall``); a password comes
  from libpq's password file (``~/.pgpass``, mode 0600) or service file, and ``sslmode`` in the
  DSN or the service is honoured by libpq itself. :func:`safe_dsn` is what may be shown or logged.
* **A lost server is noticed within seconds**: a short connect timeout, TCP keepalives and
  ``tcp_user_timeout`` (a write the server never acknowledges fails after 3 s instead of the
  kernel's 15 minutes), so a pulled cable is an error the window can show, not a frozen click.
* **Units of work**: autocommit off at the protocol level is not used; each user action sends
  ``BEGIN`` … ``COMMIT`` itself, at READ COMMITTED; statements that need a row lock take it where
  they are written (``UPDATE … RETURNING``, ``FOR UPDATE SKIP LOCKED``). Reads that must agree
  with each other run in one ``REPEATABLE READ READ ONLY`` snapshot.
* **Push, not polling**: a write that changed something sends ``NOTIFY counter_app, '<areas>'``
  inside its transaction; PostgreSQL delivers it to every listening PC when (and only if) the
  transaction commits.
"""

from __future__ import annotations

import contextlib
import logging
import re
import socket
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg import errors as pg_errors

from counter_app.domain.errors import InvalidInput, StoreUnavailable
from counter_app.store.sql import POSTGRESQL, Cursor, Dialect, bind_all, to_format_style

log = logging.getLogger("counter_app.sql")

CHANNEL = "counter_app"
CONNECT_TIMEOUT_S = 3
LOCK_TIMEOUT_MS = 15_000
"""As long as the SQLite store waits for its file lock before saying "busy"."""

_DEFAULTS = {
    "connect_timeout": str(CONNECT_TIMEOUT_S),
    "keepalives": "1",
    "keepalives_idle": "2",
    "keepalives_interval": "1",
    "keepalives_count": "2",
    "tcp_user_timeout": "3000",
}

_MESSAGES = {
    "server_down": "The hall server cannot be reached (network or server down).",
    "locked": "The hall server is busy (a record stayed locked for too long). Try again.",
    "disk_full": "The hall server's disk is full: the action was not saved.",
    "read_only": "The hall server does not accept changes from this PC (read-only server or no right).",
    "io": "The hall server reported a disk error.",
}

_SECRET = re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)", re.IGNORECASE)
_URI_SECRET = re.compile(r"(://[^:/@]+:)[^@]*@")


def safe_dsn(dsn: str) -> str:
    """The DSN with any password blanked: what a log line or a status screen may show."""
    return _URI_SECRET.sub(r"\1***@", _SECRET.sub(r"\1***", dsn))


def unavailable(reason: str, detail: str = "") -> StoreUnavailable:
    return StoreUnavailable(_MESSAGES[reason] + (f" ({detail})" if detail else ""), reason=reason)


def classify(exc: BaseException) -> StoreUnavailable | None:
    """The :class:`StoreUnavailable` a psycopg error stands for, or ``None`` when it is a bug."""
    if isinstance(exc, pg_errors.DiskFull):
        return unavailable("disk_full", str(exc).strip())
    if isinstance(exc, pg_errors.LockNotAvailable | pg_errors.QueryCanceled):
        return unavailable("locked", str(exc).strip())
    if isinstance(exc, pg_errors.ReadOnlySqlTransaction | pg_errors.InsufficientPrivilege):
        return unavailable("read_only", str(exc).strip())
    if isinstance(exc, pg_errors.IoError | pg_errors.DataCorrupted):
        return unavailable("io", str(exc).strip())
    if isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError):
        # no SQLSTATE: the connection itself failed; class 08 and 57P0x: the server went away
        state = getattr(exc, "sqlstate", None) or ""
        if not state or state.startswith("08") or state.startswith("57P"):
            return unavailable("server_down", _first_line(exc))
    return None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return safe_dsn(text[0]) if text else type(exc).__name__


@contextlib.contextmanager
def server_errors() -> Iterator[None]:
    try:
        yield
    except StoreUnavailable:
        raise
    except psycopg.Error as exc:
        mapped = classify(exc)
        if mapped is None:
            raise
        log.warning("hall server unavailable: %s", mapped.reason)
        raise mapped from exc


def conninfo(dsn: str, application_name: str) -> str:
    """The DSN with our timeouts and name added where it does not set them itself (a hall's IT
    person may tune any of them in the DSN or the service file). A DSN libpq cannot read is
    refused plainly (:class:`InvalidInput`), not passed on."""
    try:
        given = psycopg.conninfo.conninfo_to_dict(dsn)
    except psycopg.ProgrammingError as exc:
        raise InvalidInput(
            "The hall server's address (--hall / COUNTER_APP_HALL / [hall] server) cannot be read: "
            f"{exc}. Write it as 'host=… dbname=… user=…' or 'service=…'.",
            field="hall",
            code="bad_hall_address",
        ) from None
    extra = {key: value for key, value in _DEFAULTS.items() if key not in given}
    if "application_name" not in given:
        extra["application_name"] = application_name
    return psycopg.conninfo.make_conninfo(dsn, **extra)


class _NumberLoader(psycopg.adapt.Loader):
    """``numeric`` as a Python number the way SQLite gives it: ``SUM`` of integers as ``int``,
    ``AVG`` and the like as ``float`` (never ``Decimal``, which the services do not expect)."""

    def load(self, data: Any) -> int | float:
        text = bytes(data).decode("ascii")
        if "." in text or "e" in text or "E" in text or text in ("NaN", "Infinity", "-Infinity"):
            return float(text)
        return int(text)


def connect(dsn: str, *, timezone: str, application_name: str = "counter-app") -> psycopg.Connection[Any]:
    """A new connection in the hall's time zone, with the timeouts above."""
    with server_errors():
        conn = psycopg.connect(conninfo(dsn, application_name), autocommit=True)
    conn.adapters.register_loader("numeric", _NumberLoader)
    try:
        with server_errors():
            conn.execute("SELECT set_config('TimeZone', %s, false)", [timezone])
            conn.execute("SELECT set_config('lock_timeout', %s, false)", [f"{LOCK_TIMEOUT_MS}ms"])
    except BaseException:
        conn.close()
        raise
    return conn


class PostgresSql:
    """:class:`counter_app.store.sql.Sql` on one psycopg connection, reconnecting after an outage.

    Belongs to one thread, like an SQLite connection. ``touch(area)`` during a write names what the
    action changed; the commit notifies the listeners with those names.
    """

    dialect: Dialect = POSTGRESQL

    def __init__(self, dsn: str, *, timezone: str, application_name: str = "counter-app") -> None:
        self.dsn = dsn
        self.timezone = timezone
        self.application_name = application_name
        self._conn: psycopg.Connection[Any] | None = None
        self._touched: set[str] = set()
        self._in_tx = False
        self._closing = threading.Lock()  # sever() from another thread never meets a freed connection

    # connection ----------------------------------------------------------------------------------
    @property
    def conn(self) -> psycopg.Connection[Any]:
        if self._conn is None or self._conn.closed or self._conn.broken:
            if self._conn is not None:
                self._close()
            self._conn = connect(self.dsn, timezone=self.timezone, application_name=self.application_name)
        return self._conn

    def _close(self) -> None:
        with self._closing:
            conn, self._conn = self._conn, None
            if conn is not None:
                with contextlib.suppress(psycopg.Error):
                    conn.close()

    def set_timezone(self, timezone: str) -> None:
        """Times read back in the hall's zone (known once its profile is read)."""
        self.timezone = timezone
        if self._conn is not None and not self._conn.closed and not self._conn.broken:
            with server_errors():
                self._conn.execute("SELECT set_config('TimeZone', %s, false)", [timezone])

    def sever(self) -> None:
        """From another thread: shut this connection's socket down, so a statement waiting on a
        server that takes the bytes but never answers (a hung server, a link that swallows them)
        fails now as ``server_down``; the next action reconnects. Closing is the owner's job."""
        with self._closing:
            conn = self._conn
            if conn is None or conn.closed:
                return
            with contextlib.suppress(OSError, psycopg.Error):
                cut = socket.socket(fileno=conn.pgconn.socket)  # libpq's own socket (a handle on Windows)
                try:
                    cut.shutdown(socket.SHUT_RDWR)
                finally:
                    cut.detach()  # libpq still owns it and closes it

    def close(self) -> None:
        self._close()

    @property
    def in_transaction(self) -> bool:
        return self._in_tx

    # statements ----------------------------------------------------------------------------------
    def execute(self, statement: str, params: Sequence[Any] = ()) -> Cursor:
        with server_errors():
            return self.conn.execute(to_format_style(statement), bind_all(params))

    def executemany(self, statement: str, rows: Iterable[Sequence[Any]]) -> None:
        with server_errors(), self.conn.cursor() as cur:
            cur.executemany(to_format_style(statement), [bind_all(r) for r in rows])

    def touch(self, *areas: str) -> None:
        """Name what this write changed (``queue``, ``applications``, …) for the listeners."""
        self._touched.update(areas)

    # units of work -------------------------------------------------------------------------------
    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        if self._in_tx:
            raise RuntimeError("write() inside an open transaction: one user action is one transaction")
        conn = self.conn
        with server_errors():
            conn.execute("BEGIN")
        self._in_tx, self._touched = True, set()
        try:
            yield
            with server_errors():
                if self._touched:
                    conn.execute(
                        "SELECT pg_notify(%s, %s), nextval('hall_changes')",
                        [CHANNEL, ",".join(sorted(self._touched))],
                    )
                conn.execute("COMMIT")
        except BaseException:
            self._rollback(conn)
            raise
        finally:
            self._in_tx = False

    @contextlib.contextmanager
    def read(self) -> Iterator[None]:
        if self._in_tx:  # a read inside a write sees the write's own snapshot
            yield
            return
        conn = self.conn
        with server_errors():
            conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        self._in_tx = True
        try:
            yield
        finally:
            self._in_tx = False
            self._rollback(conn)

    @staticmethod
    def _rollback(conn: psycopg.Connection[Any]) -> None:
        if not conn.closed and not conn.broken:
            with contextlib.suppress(psycopg.Error):
                conn.execute("ROLLBACK")


if TYPE_CHECKING:  # the hall server's connection is an Sql of the store seam (mypy checks it)
    from counter_app.store.sql import Sql

    _sql: Sql = PostgresSql("", timezone="")
