"""A damaged hall file opened read-only (issue #12: "at start a damaged file opens read-only and the
window offers the newest good backup").

When ``PRAGMA quick_check`` fails at open, the hall is not refused outright: the file is opened again
with SQLite's ``mode=ro`` (the connection cannot write the file, whatever the code above it does;
not even a checkpoint at close touches it), so what is still readable can be looked at: the queue of
the day, an application, the figures. Every write is refused before it begins with the plain
damaged-file refusal (:func:`damaged_refusal`), which changes nothing, and the windows offer the newest
good backup (``ui/restore_offer.py``).

A file that cannot even be read this far (its schema page damaged, not a hall database, a schema
older than this version: its pending migrations cannot run on a read-only file) is refused as
before, with the quick check's verdict.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from counter_app.domain.errors import StoreUnavailable
from counter_app.store.sqlite.connection import identify, store_errors, unavailable

log = logging.getLogger("counter_app.sql")


@dataclass(frozen=True)
class DamagedFile:
    """What the open found: the quick check's verdict, and which file it was (device and inode:
    once a restore has put a good copy in its place, the path names another file)."""

    path: Path
    detail: str
    device: int
    inode: int

    def replaced(self) -> bool:
        """Whether the path now names another file than the damaged one that was opened (restored
        by this process or another one, or moved away)."""
        try:
            info = os.stat(self.path)
        except OSError:
            return True
        return (info.st_dev, info.st_ino) != (self.device, self.inode)


def damaged_refusal(damaged: DamagedFile) -> StoreUnavailable:
    """The refusal of every write to a hall opened read-only: nothing was saved (the quick check's
    verdict is in the log, and ``counter-app check`` says it again)."""
    return unavailable("damaged", str(damaged.path))


def open_damaged(
    path: Path, timeout: float, found: StoreUnavailable
) -> tuple[sqlite_utils.Database, DamagedFile]:
    """Open the hall file at ``path``, whose quick check failed with ``found``, read-only.

    Raises ``found`` again (the hall is refused as before) when the file cannot be read as a hall of
    this version. Nothing is written to the file."""
    from counter_app.store.sqlite.migrations import migrations

    try:
        info = os.stat(path)
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout, isolation_level=None
        )
    except (OSError, sqlite3.Error) as exc:
        log.error("the damaged hall file %s cannot be opened read-only: %s", path, exc)
        raise found from exc
    try:
        identify(conn, path, create=False)
        db = sqlite_utils.Database(conn, execute_plugins=False, strict=True)
        with store_errors():
            conn.execute("PRAGMA foreign_keys=ON")
            pending = migrations.pending(db)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if pending:
            log.error("the damaged hall file %s needs migrations: it cannot be opened read-only", path)
            raise found
    except BaseException as exc:
        with contextlib.suppress(sqlite3.Error):
            conn.close()
        if isinstance(exc, StoreUnavailable | sqlite3.Error):
            raise found from exc
        raise
    damaged = DamagedFile(path, str(found), info.st_dev, info.st_ino)
    log.error("the hall database %s is damaged: opened read-only, nothing can be written (%s)", path, found)
    return db, damaged
