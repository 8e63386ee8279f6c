"""Backups of the hall's files, checks of every file and restore (``counter-app backup`` / ``check``
/ ``restore``; the windows' backups at start, every N minutes while the hall is written, at close).

The copies themselves are the store's business (``HallFiles``: SQLite's online backup API, each copy
checked before it replaces an older one); this service decides where (the profile's ``[backup]``), when,
and what goes with a copy (the live account list, the audit anchor). A hall on its PostgreSQL server
has no files here: the server is backed up with ``pg_dump`` / ``pg_basebackup`` (README "Backups").
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from counter_app.domain.backups import BackupCopy, BackupSettings, FileCheck, Restored
from counter_app.domain.errors import HallError
from counter_app.services.clock import Clock, system_clock
from counter_app.services.ports import HallFiles

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
    """``live_lists``: the live account list file names (from the hall's register); ``anchor``: the
    audit trail's head to keep in each backup (wired by the audit work; ``None`` until then)."""

    def __init__(
        self,
        files: HallFiles,
        settings: BackupSettings,
        clock: Clock = system_clock,
        live_lists: LiveLists | None = None,
        anchor: AnchorSource | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.files = files
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
        """A checked backup set now, in ``folder`` or the profile's backup folder."""
        return self.prepare(folder).run()

    def prepare(self, folder: Path | None = None) -> BackupPlan:
        """What a backup now takes, read on the hall's thread (the live list, the anchor); the
        copying itself (:meth:`BackupPlan.run`) needs no connection of the hall's and may run on a
        thread of its own, so the windows' worker is not held up by a long copy."""
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
        return self.backup() if self.due() else None

    def backup_if_written(self) -> BackupCopy | None:
        """At close: a last copy when the hall was written since the last one."""
        if self._last_mark is not None and self.files.written_mark() == self._last_mark:
            return None
        return self.backup()

    def check(self, full: bool = False) -> CheckReport:
        """``quick_check`` (or ``integrity_check``) of the hall file and every account list file."""
        report = CheckReport(full, tuple(self.files.check(full)))
        if not report.ok:
            log.error("check found damage: %s", [f.path for f in report.files if not f.ok])
        return report

    def restore(self, backup: Path) -> Restored:
        """Put a backup set in place of the hall file (the current one is kept aside); refused when
        the backup is damaged. Every window of the hall must be closed first."""
        return self.files.restore(backup, self.clock())

    def newest_good(self) -> Path | None:
        """The newest backup set in the profile's folder whose copy still passes its check."""
        return self.files.newest_good(self.folder)

    def restore_newest(self) -> Restored:
        newest = self.newest_good()
        if newest is None:
            raise HallError(
                f"There is no good backup in {self.folder}", code="no_backup", folder=str(self.folder)
            )
        return self.restore(newest)
