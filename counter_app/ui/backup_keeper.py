"""The windows' backups of the hall file: at start, every ``[backup] every_minutes`` while the hall is
written, and at close (``services/backups.py``). What to copy is read on the hall's worker; the copy
runs on a thread of its own so a long copy never holds up a clerk's key press. A failed backup is
logged (the next one tries again); ``counter-app check`` / ``backup`` are the hall IT's tools."""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from counter_app.ui.hall_client import HallClient
from counter_app.ui.widgets import make_timer

if TYPE_CHECKING:
    from counter_app.services.backups import BackupPlan
    from counter_app.services.hall import Hall

log = logging.getLogger("counter_app.backup")

CHECK_MS = 60_000


class BackupKeeper(QObject):
    """One per hall PC: of the processes working on one hall file (a kiosk, counters, the display),
    the one holding the keeper's lock (``.keeper.lock`` beside the hall file) makes the backups."""

    def __init__(self, client: HallClient[Hall], hall_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self._thread: threading.Thread | None = None
        self._lock = _take_lock(hall_path.with_name(hall_path.name + ".keeper.lock"))
        self._timer = make_timer(self, CHECK_MS, self.backup_if_due)
        if self._lock is None:
            return  # another process of this hall keeps the backups
        self._timer.start()
        self.client.submit(_plan_now, self._copy, self._failed)  # at start

    @property
    def keeping(self) -> bool:
        return self._lock is not None

    def backup_if_due(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self.client.submit(_plan_if_due, self._copy, self._failed)

    def _copy(self, plan: BackupPlan | None) -> None:
        if plan is None or (self._thread is not None and self._thread.is_alive()):
            return
        self._thread = threading.Thread(target=_run, args=(plan,), name="backup", daemon=True)
        self._thread.start()

    def _failed(self, exc: BaseException) -> None:
        log.error("backup not made: %s", exc)

    def finish(self, hall: Hall) -> None:
        """At close (on the thread that owns ``hall``): wait for a copy under way, then a last one
        when the hall was written since."""
        self._timer.stop()
        if self._lock is None:
            return
        if self._thread is not None:
            self._thread.join()
        if hall.backups is None:
            return
        try:
            hall.backups.backup_if_written()
        except Exception as exc:  # a backup at close must not stop the close
            log.error("backup at close not made: %s", exc)


def _take_lock(path: Path) -> int | None:
    """An exclusive lock held for the process's life (released by the system when it ends)."""
    try:
        import fcntl
    except ImportError:  # Windows: every process keeps backups (the sets get distinct names)
        return -1
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o640)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def _plan_now(hall: Hall) -> BackupPlan | None:
    return hall.backups.plan_automatic() if hall.backups is not None else None


def _plan_if_due(hall: Hall) -> BackupPlan | None:
    return hall.backups.plan_automatic() if hall.backups is not None and hall.backups.due() else None


def _run(plan: BackupPlan) -> None:
    try:
        copy = plan.run()
        log.info("backup made: %s", copy.folder)
    except Exception as exc:  # logged; the next period tries again
        log.error("backup failed: %s", exc)
