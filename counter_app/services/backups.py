"""Backups of the hall's files, checks of every file and restore (``counter-app backup`` / ``check``
/ ``restore``; the windows' backups at start, every N minutes while the hall is written, at close).

The copies themselves are the store's business (``HallFiles``: SQLite's online backup API, each copy
checked before it replaces an older one); this service decides where (the profile's ``[backup]``), when,
and what goes with a copy (the live account list, the audit anchor). A hall on its PostgreSQL server
has no files here: the server is backed up with ``pg_dump`` / ``pg_basebackup`` (README "Backups").

Who may: a backup someone asks for (:meth:`BackupService.backup`), a check and a restore are guarded
by the hall's :class:`~counter_app.services.session.Gate` (``domain/roles.py``: backup and check a
supervisor or administrator, restore the administrator alone). The hall's own copies — at start,
every N minutes, at close (:meth:`~BackupService.plan_automatic`, :meth:`~BackupService.backup_if_due`,
:meth:`~BackupService.backup_if_written`) — are nobody's action and run with nobody signed in. So does
:meth:`~BackupService.recover_damaged`: a hall file that no longer opens has no accounts anyone could
sign in against; it puts back only the newest good copy, and only while the hall file fails its check.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from counter_app.domain.backups import BackupCopy, BackupSettings, FileCheck, Restored
from counter_app.domain.errors import HallError, RuleViolation
from counter_app.domain.roles import Action
from counter_app.services.clock import Clock, system_clock
from counter_app.services.ports import HallFiles
from counter_app.services.session import Gate

log = logging.getLogger("counter_app.backup")

AnchorSource = Callable[[], str | None]
LiveLists = Callable[[], list[str]]


@dataclass(frozen=True)
class CheckReport:
    """The verdict on every file of the hall (``ok`` only when each one passed)."""

    full: bool
    files: tuple[FileCheck, ...]

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.files)

    def as_json(self) -> dict[str, Any]:
        return {
            "verdict": "ok" if self.ok else "damaged",
            "check": "full" if self.full else "quick",
            "files": [f.as_json() for f in self.files],
        }


@dataclass(frozen=True)
class BackupPlan:
    service: BackupService
    folder: Path
    lists: list[str]
    anchor: str | None
    mark: tuple[int, ...]

    def run(self) -> BackupCopy:
        service = self.service
        keep, now = service.settings.keep, service.clock()
        copy = service.files.backup(self.folder, self.lists, self.anchor, keep, now)
        service._made(self.mark)
        return copy


class BackupService:
    """``gate``: the hall's gate (``services/session.py``); ``live_lists``: the live account list file
    names (from the hall's register); ``anchor``: the audit trail's head to keep in each backup
    (``services/audit.audit_head`` as ``Link.text``; ``None`` where the store keeps no chain)."""

    def __init__(
        self,
        files: HallFiles,
        settings: BackupSettings,
        gate: Gate,
        clock: Clock = system_clock,
        live_lists: LiveLists | None = None,
        anchor: AnchorSource | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.files = files
        self.gate = gate
        self.settings = settings
        self.clock = clock
        self.live_lists = live_lists
        self.anchor = anchor
        self.monotonic = monotonic
        self._last_at: float | None = None
        self._last_mark: tuple[int, ...] | None = None

    @property
    def folder(self) -> Path:
        return self.settings.folder_for(self.files.path)

    def backup(self, folder: Path | None = None) -> BackupCopy:
        """A checked backup set now, in ``folder`` or the profile's backup folder, asked for by the
        signed-in member of staff (``counter-app backup``)."""
        self.gate.require(Action.BACKUP)
        return self._plan(folder).run()

    def plan_automatic(self) -> BackupPlan:
        """The hall's own backup (at start, when due, at close: nobody's action, not guarded), read
        on the hall's thread (the live list, the anchor); the copying itself (:meth:`BackupPlan.run`)
        needs no connection of the hall's and may run on a thread of its own, so the windows' worker
        is not held up by a long copy. Always into the profile's folder."""
        return self._plan(None)

    def _plan(self, folder: Path | None) -> BackupPlan:
        return BackupPlan(
            self,
            folder or self.folder,
            self.live_lists() if self.live_lists else [],
            self.anchor() if self.anchor else None,
            self.files.written_mark(),
        )

    def _made(self, mark: tuple[int, ...]) -> None:
        self._last_at, self._last_mark = self.monotonic(), mark

    def due(self) -> bool:
        """A periodic backup is due: ``every_minutes`` have passed since the last one and the hall
        file has been written since (an idle hall is not copied again and again)."""
        if self.settings.every_minutes <= 0:
            return False
        if self._last_at is not None and self.monotonic() - self._last_at < self.settings.every_minutes * 60:
            return False
        return self._last_mark is None or self.files.written_mark() != self._last_mark

    def backup_if_due(self) -> BackupCopy | None:
        """The hall's own periodic copy (not guarded: see :meth:`plan_automatic`)."""
        return self.plan_automatic().run() if self.due() else None

    def backup_if_written(self) -> BackupCopy | None:
        """The hall's own copy at close, when the hall was written since the last one (not guarded)."""
        if self._last_mark is not None and self.files.written_mark() == self._last_mark:
            return None
        return self.plan_automatic().run()

    def check(self, full: bool = False) -> CheckReport:
        """``quick_check`` (or ``integrity_check``) of the hall file and every account list file."""
        self.gate.require(Action.CHECK_FILES)
        return self._check(full)

    def check_unopened(self, full: bool = False) -> CheckReport:
        """The check of a hall whose file could not be opened (damaged, gone): nobody can sign in
        against it, and the windows tell whoever starts them as much, so a report that finds the
        hall file damaged is anyone's. One that finds it sound is the guarded :meth:`check`'s."""
        report = self._check(full)
        if all(f.ok for f in report.files if f.kind == "hall"):
            self.gate.require(Action.CHECK_FILES)
        return report

    def _check(self, full: bool) -> CheckReport:
        report = CheckReport(full, tuple(self.files.check(full)))
        if not report.ok:
            log.error("check found damage: %s", [f.path for f in report.files if not f.ok])
        return report

    def restore(self, backup: Path) -> Restored:
        """Put a backup set in place of the hall file (the current one is kept aside); refused when
        the backup is damaged. Every window of the hall must be closed first. The administrator's."""
        self.gate.require(Action.RESTORE)
        return self._restore(backup)

    def _restore(self, backup: Path) -> Restored:
        return self.files.restore(backup, self.clock())

    def newest_good(self) -> Path | None:
        """The newest backup set in the profile's folder whose copy still passes its check."""
        return self.files.newest_good(self.folder)

    def restore_newest(self) -> Restored:
        """:meth:`restore` of the newest good backup set (the administrator's)."""
        self.gate.require(Action.RESTORE)
        return self._restore(self._newest())

    def recover_damaged(self) -> Restored:
        """The hall's own recovery of a damaged file (the windows' offer at start, ``counter-app
        restore`` on a file that no longer opens): the newest good backup set in place of a hall
        file that fails its quick check. Not guarded — nobody can sign in against a damaged file —
        so it is refused (``hall_not_damaged``, nothing changed) while the hall file passes its
        check: choosing a backup to go back to stays the administrator's (:meth:`restore`)."""
        hall = next((f for f in self.files.check(False) if f.kind == "hall"), None)
        if hall is not None and hall.ok:
            raise RuleViolation(
                "The hall file is not damaged: only an administrator may restore a backup over it.",
                code="hall_not_damaged",
                path=hall.path,
            )
        newest = self._newest()
        log.warning("recovering the damaged hall file %s from %s", self.files.path, newest)
        return self._restore(newest)

    def _newest(self) -> Path:
        newest = self.newest_good()
        if newest is None:
            raise HallError(
                f"There is no good backup in {self.folder}", code="no_backup", folder=str(self.folder)
            )
        return newest
