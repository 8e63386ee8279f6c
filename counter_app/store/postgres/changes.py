"""What changed on the hall server, pushed: ``LISTEN counter_app`` on a connection of its own.

One thread per process waits for notifications (a commit anywhere in the hall that changed the queue,
the applications …) and hands the changed areas to ``on_change`` at once: the hall display shows a
call as soon as the calling counter's transaction commits, without ten PCs polling the server.

The same thread watches the server: while nothing arrives it sends a ``SELECT 1`` every second, so a
server stopped hard or a pulled cable is noticed within ~3 s (a ping unanswered for 2 s is cut;
keepalives and ``tcp_user_timeout`` bound the rest). ``on_status(False, since)`` then tells the
PC's link, which severs its own connection to the server (``HallLink.on_watch_status`` →
``PostgresSql.sever``: the one guard against a hung connection), so no clerk's action waits on a
server that is gone, and the windows say so. The thread keeps reconnecting every second and
reports ``on_status(True, since)`` when the server is back, followed by a change of every area
(notifications sent while it was away are lost; the windows reload).
"""

from __future__ import annotations

import contextlib
import logging
import select
import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg import pq

from counter_app.domain.errors import StoreUnavailable
from counter_app.store.postgres.connection import CHANNEL, connect

log = logging.getLogger("counter_app.sql")

ALL_AREAS = frozenset({"*"})
PING_S = 1.0
PING_DEADLINE_S = 2.0
"""A ping unanswered this long means the server is gone: noticed within PING_S + PING_DEADLINE_S."""


class ServerWatch:
    """LISTEN + heartbeat on its own thread; the callbacks run on that thread."""

    def __init__(
        self,
        dsn: str,
        *,
        timezone: str,
        now: Callable[[], datetime],
        ping_s: float = PING_S,
    ) -> None:
        self._dsn = dsn
        self.timezone = timezone
        self._now = now
        self._ping_s = ping_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._conn: psycopg.Connection[Any] | None = None
        self.up: bool | None = None
        self.since: datetime | None = None
        self._probe: psycopg.Connection[Any] | None = None

    def start(
        self,
        on_change: Callable[[frozenset[str]], None],
        on_status: Callable[[bool, datetime], None] | None = None,
    ) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(
            target=self._run, args=(on_change, on_status), name="hall-server-watch", daemon=True
        )
        self._thread.start()

    def version(self) -> int:
        """A number that changes when anyone commits a change to the hall (the ``hall_changes``
        sequence every changing write draws from), read on a connection of the caller's thread's own;
        ``-1`` while the server cannot be reached."""
        try:
            if self._probe is None or self._probe.closed or self._probe.broken:
                self._probe = connect(self._dsn, timezone=self.timezone, application_name="counter-app-probe")
            row = self._probe.execute("SELECT last_value, is_called FROM hall_changes").fetchone()
        except (StoreUnavailable, psycopg.Error):
            return -1
        return int(row[0]) if row and row[1] else 0

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._probe is not None:
            with contextlib.suppress(Exception):
                self._probe.close()
            self._probe = None
        conn = self._conn
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.cancel_safe(timeout=1.0)
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    # the thread ----------------------------------------------------------------------------------
    def _status(self, up: bool, on_status: Callable[[bool, datetime], None] | None) -> None:
        if self.up is up:
            return
        self.up, self.since = up, self._now()
        log.warning("hall server %s since %s", "reachable" if up else "UNREACHABLE", self.since)
        if on_status is not None:
            on_status(up, self.since)

    def _connect(self) -> psycopg.Connection[Any] | None:
        try:
            conn = connect(self._dsn, timezone=self.timezone, application_name="counter-app-watch")
            conn.execute(f"LISTEN {CHANNEL}")
        except StoreUnavailable:
            return None
        return conn

    def _run(
        self,
        on_change: Callable[[frozenset[str]], None],
        on_status: Callable[[bool, datetime], None] | None,
    ) -> None:
        while not self._stop.is_set():
            conn = self._connect()
            if conn is None:
                self._status(False, on_status)
                self._stop.wait(self._ping_s)
                continue
            self._conn = conn
            was_down = self.up is False
            self._status(True, on_status)
            if was_down:
                on_change(ALL_AREAS)
            try:
                self._listen(conn, on_change)
            except psycopg.Error as exc:
                if self._stop.is_set():  # stopping cancels the wait: that is no outage
                    break
                log.info("hall server watch lost its connection: %s", type(exc).__name__)
                self._status(False, on_status)  # the link severs its own connections (HallLink)
            finally:
                self._conn = None
                with contextlib.suppress(Exception):
                    conn.close()

    def _listen(self, conn: psycopg.Connection[Any], on_change: Callable[[frozenset[str]], None]) -> None:
        last_ping = time.monotonic()
        while not self._stop.is_set():
            areas: set[str] = set()
            for note in conn.notifies(timeout=self._ping_s, stop_after=1):
                areas.update(note.payload.split(",") if note.payload else ALL_AREAS)
            # take whatever else arrived with it, without waiting, so a burst is one reload
            for note in conn.notifies(timeout=0.0):
                areas.update(note.payload.split(",") if note.payload else ALL_AREAS)
            if areas:
                on_change(frozenset(areas))
            if time.monotonic() - last_ping >= self._ping_s:
                ping(conn, PING_DEADLINE_S)
                last_ping = time.monotonic()


def ping(conn: psycopg.Connection[Any], deadline_s: float) -> None:
    """``SELECT 1`` answered within ``deadline_s``, else :class:`psycopg.OperationalError`.

    A pulled cable is bounded by ``tcp_user_timeout``, but a peer that still takes the bytes and
    never answers (a hung server, a link that swallows packets: ``tests/system/tcp_proxy.py``'s
    blackhole) would hold a plain ``execute`` for ever: the watch would never say the server went."""
    pgconn = conn.pgconn
    pgconn.send_query(b"SELECT 1")  # raises OperationalError when it cannot be sent
    end = time.monotonic() + deadline_s
    while True:
        pgconn.consume_input()
        if not pgconn.is_busy():
            break
        left = end - time.monotonic()
        if left <= 0 or not select.select([pgconn.socket], [], [], left)[0]:
            raise psycopg.OperationalError(f"the hall server did not answer within {deadline_s} s")
    failed = False
    while (result := pgconn.get_result()) is not None:
        failed = failed or result.status != pq.ExecStatus.TUPLES_OK
    if failed:
        raise psycopg.OperationalError(pgconn.error_message.decode(errors="replace"))


if TYPE_CHECKING:  # the hall server's watch is a change feed of the store seam (mypy checks it)
    from counter_app.store.hall_store import ChangeFeed

    _feed: ChangeFeed = ServerWatch("", timezone="", now=datetime.now)
