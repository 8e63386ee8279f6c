"""Backup copies of the hall's files and the checks of those files: settings and verdicts.

The hall profile's ``[backup]`` table says where the copies go and how often (``folder``,
``every_minutes``, ``keep``); the store makes the copies with SQLite's online backup API
(``store/sqlite/backup.py``) and the services decide when (``services/backups.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from counter_app.domain.errors import InvalidInput

DEFAULT_EVERY_MINUTES = 30
DEFAULT_KEEP = 10
MAX_KEEP = 1000
MAX_EVERY_MINUTES = 24 * 60


@dataclass(frozen=True)
class BackupSettings:
    """``folder``: where the copies go (``None``: ``backups`` beside the hall file); a copy is made at
    start, every ``every_minutes`` while the hall is written (0: only at start and close), and at
    close; the newest ``keep`` good copies are kept."""

    folder: Path | None = None
    every_minutes: int = DEFAULT_EVERY_MINUTES
    keep: int = DEFAULT_KEEP

    def folder_for(self, hall_path: Path) -> Path:
        """Where the copies of the hall file at ``hall_path`` go (a relative folder is beside it)."""
        if self.folder is None:
            return hall_path.parent / "backups"
        return self.folder if self.folder.is_absolute() else hall_path.parent / self.folder


def _bad(key: str, value: object, rule: str) -> InvalidInput:
    return InvalidInput(
        f"backup.{key} must be {rule}, not {value!r}", field=f"backup.{key}", code="bad_profile"
    )


def backup_settings(raw: Mapping[str, Any]) -> BackupSettings:
    """The ``[backup]`` table of a profile (``profile.raw``); :class:`InvalidInput` naming a bad value."""
    table = raw.get("backup", {})
    if not isinstance(table, Mapping):
        raise _bad("", table, "a table")
    folder = table.get("folder", "")
    if not isinstance(folder, str) or "\x00" in folder or len(folder) > 1000:
        raise _bad("folder", folder, "a folder path")
    values: dict[str, int] = {}
    for key, default, top in (
        ("every_minutes", DEFAULT_EVERY_MINUTES, MAX_EVERY_MINUTES),
        ("keep", DEFAULT_KEEP, MAX_KEEP),
    ):
        value = table.get(key, default)
        low = 1 if key == "keep" else 0
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= top:
            raise _bad(key, value, f"a whole number {low}..{top}")
        values[key] = value
    return BackupSettings(
        folder=Path(folder) if folder.strip() else None,
        every_minutes=values["every_minutes"],
        keep=values["keep"],
    )


@dataclass(frozen=True)
class FileCheck:
    """The verdict on one file: ``kind`` is ``hall`` or ``account_list``; ``check`` is ``quick``
    (``PRAGMA quick_check``) or ``full`` (``PRAGMA integrity_check``)."""

    kind: str
    path: str
    check: str
    ok: bool
    detail: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "path": self.path,
            "check": self.check,
            "ok": self.ok,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class BackupCopy:
    """One backup set: a folder holding the hall file, its live account list and ``manifest.json``."""

    folder: str
    created_at: str
    files: tuple[FileCheck, ...]
    anchor: str | None = None

    @property
    def ok(self) -> bool:
        return bool(self.files) and all(f.ok for f in self.files)

    def as_json(self) -> dict[str, Any]:
        return {
            "folder": self.folder,
            "created_at": self.created_at,
            "ok": self.ok,
            "anchor": self.anchor,
            "files": [f.as_json() for f in self.files],
        }


@dataclass(frozen=True)
class Restored:
    """What ``restore`` did: the backup it put in place and where the replaced files were kept."""

    backup: str
    hall_file: str
    kept_aside: tuple[str, ...]
    account_lists: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "backup": self.backup,
            "hall_file": self.hall_file,
            "kept_aside": list(self.kept_aside),
            "account_lists": list(self.account_lists),
        }
