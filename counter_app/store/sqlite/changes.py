"""What changed in the hall file, noticed: ``PRAGMA data_version`` polled on a connection of its own.

``data_version`` is a number SQLite changes on a connection whenever *another* connection has
committed to the file; reading it is a read of shared memory, not of the disk. The feed's thread
opens its own read-only connection, so it sees every commit: other processes' (a kiosk, another
counter) and this process's own (the window's worker), a few times a second. SQLite cannot tell what
changed, so each change is reported as every area.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from counter_app.store.hall_store import ALL_AREAS

log = logging.getLogger("counter_app.sql")

POLL_SECONDS = 0.25


class SqliteChangeFeed:
    """Polls ``PRAGMA data_version`` every :data:`POLL_SECONDS` on its own thread once started."""

    def __init__(self, path: Path, poll_s: float = POLL_SECONDS) -> None:
        self._path = path
        self._poll_s = poll_s
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            memory = str(self._path) == ":memory:"
            target = ":memory:" if memory else f"{self._path.resolve().as_uri()}?mode=ro"
            self._conn = sqlite3.connect(target, uri=True, timeout=1.0, check_same_thread=False)
        return self._conn

    def version(self) -> int:
        """The file's data version as this feed's connection sees it; ``-1`` while it cannot be read
        (locked for a moment, the disk gone: the next poll tries again)."""
        with self._lock:
            try:
                return int(self._connection().execute("PRAGMA data_version").fetchone()[0])
            except sqlite3.Error:
                return -1

    def start(self, on_change: Callable[[frozenset[str]], None]) -> None:
        """Call ``on_change(areas)`` on the feed's thread after each commit to the file (quickly: hand
        it on, e.g. emit a Qt signal). Starting a started feed does nothing."""
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, args=(on_change,), name="hall-changes", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the thread (no call after this returns) and close the connection."""
        thread, self._thread = self._thread, None
        self._stop.set()
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.close()
                self._conn = None

    def _run(self, on_change: Callable[[frozenset[str]], None]) -> None:
        seen = self.version()
        while not self._stop.wait(self._poll_s):
            current = self.version()
            if current != seen and current != -1:
                seen = current
                try:
                    on_change(ALL_AREAS)
                except Exception:  # a bug in a listener must not stop the feed
                    log.exception("change listener failed")
