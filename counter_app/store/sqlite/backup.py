"""Backup sets of the hall file, checks of every file, and restore (SQLite only: the hall server is
backed up with ``pg_dump`` / ``pg_basebackup``, README "Backups").

A backup set is a folder ``hall-YYYYMMDD-HHMMSS`` in the backup folder holding a copy of the hall file,
a copy of its live account list and ``manifest.json`` (when, what, each copy's check, the audit anchor).

* **Online and gentle.** The copy is made with SQLite's backup API from a connection of its own that
  holds one read snapshot for the whole copy (WAL: writers go on; the copy never restarts), a few
  pages per step with a pause between steps, so the counters' writes are not starved of the disk.
* **Checked before it counts.** The set is built in a ``.part-…`` folder; each copy must pass
  ``PRAGMA integrity_check`` before the folder is renamed into place, and only then are older sets
  beyond ``keep`` removed. A copy that fails leaves the older sets as they were.
* **Private.** Folders ``0o750``, files ``0o640`` (``safe_files``).
* **Restore** refuses a damaged or foreign backup, keeps the current file (with its ``-wal`` and
  ``-shm``) aside as ``<name>.before-restore-<time>``, and puts the copy and its account list in place.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from counter_app import safe_files
from counter_app.domain.backups import BackupCopy, FileCheck, Restored
from counter_app.domain.errors import HallError
from counter_app.store.account_list import accounts_folder
from counter_app.store.sqlite.connection import HALL_APPLICATION_ID, classify, unavailable

log = logging.getLogger("counter_app.backup")

SET_PREFIX = "hall-"
PART_PREFIX = ".part-"
MANIFEST = "manifest.json"
PAGES_PER_STEP = 256
"""Pages copied per step of the backup API (1 MiB at the default 4 KiB page)."""
PAUSE_S = 0.002
"""Pause between steps: the disk is free for the counters' commits meanwhile."""
SIDE_FILES = ("-wal", "-shm", "-journal")
_LIST_GLOB = "accounts-*.sqlite3"

Progress = Callable[[int, int], None]


def _ro_uri(path: Path, *, immutable: bool) -> str:
    return path.resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")


def check_file(path: Path, kind: str, *, full: bool, immutable: bool = False) -> FileCheck:
    """``quick_check`` (or, ``full``, ``integrity_check``) of one SQLite file, read-only: never a
    traceback, a plain verdict. A hall file must also carry the hall's application id."""
    check = "full" if full else "quick"
    if not path.is_file():
        return FileCheck(kind, str(path), check, False, "missing")
    try:
        conn = sqlite3.connect(_ro_uri(path, immutable=immutable), uri=True, timeout=15)
    except sqlite3.Error as exc:
        return FileCheck(kind, str(path), check, False, str(exc))
    try:
        rows = conn.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check").fetchall()
        found = [str(r[0]) for r in rows]
        if found != ["ok"]:
            return FileCheck(kind, str(path), check, False, "; ".join(found[:5]).replace("\n", "; ")[:500])
        if kind == "hall":
            app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
            if app_id != HALL_APPLICATION_ID:
                return FileCheck(kind, str(path), check, False, "not a hall database")
        return FileCheck(kind, str(path), check, True)
    except sqlite3.Error as exc:
        mapped = classify(exc)
        if mapped is not None and mapped.reason == "locked":
            raise mapped from exc
        return FileCheck(kind, str(path), check, False, str(exc))
    finally:
        conn.close()


def list_files(hall_path: Path) -> list[Path]:
    """The finished account list files of a hall (not the ``.part`` / ``.scratch`` of an import)."""
    folder = accounts_folder(hall_path)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(_LIST_GLOB) if p.is_file())


def check_hall(hall_path: Path, *, full: bool) -> list[FileCheck]:
    """The verdict on every file of the hall: the hall file and each account list file."""
    found = [check_file(hall_path, "hall", full=full)]
    found += [check_file(p, "account_list", full=full, immutable=True) for p in list_files(hall_path)]
    return found


def _create_private(path: Path) -> None:
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        os.close(os.open(path, flags, safe_files.FILE_MODE))
    except OSError as exc:
        raise safe_files.failure(exc, path) from None


def copy_database(
    source: Path,
    target: Path,
    *,
    immutable: bool = False,
    pages: int = PAGES_PER_STEP,
    pause_s: float = PAUSE_S,
    progress: Progress | None = None,
) -> None:
    """Copy the SQLite file ``source`` to the new file ``target`` with the backup API, ``pages`` per
    step and ``pause_s`` between steps, from one read snapshot (see the module doc)."""
    _create_private(target)
    try:
        src = sqlite3.connect(
            _ro_uri(source, immutable=immutable), uri=True, timeout=15, isolation_level=None
        )
    except sqlite3.Error as exc:
        raise classify(exc) or unavailable("io", str(exc)) from exc
    dst = sqlite3.connect(str(target), isolation_level=None)
    try:
        src.execute("BEGIN")
        src.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()  # the snapshot starts here

        def step(_status: int, remaining: int, total: int) -> None:
            if progress is not None:
                progress(total - remaining, total)
            if pause_s > 0 and remaining:
                time.sleep(pause_s)

        src.backup(dst, pages=max(1, pages), progress=step)
        dst.execute("PRAGMA journal_mode=DELETE")  # a copy is one file: checking it makes no -wal/-shm
    except sqlite3.Error as exc:
        raise classify(exc) or unavailable("io", str(exc)) from exc
    finally:
        with contextlib.suppress(sqlite3.Error):
            src.execute("ROLLBACK")
        src.close()
        dst.close()
    fd = os.open(target, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    for suffix in SIDE_FILES:  # nothing of the copy outside the one file
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{target}{suffix}")


def _set_name(folder: Path, now: datetime) -> str:
    base = SET_PREFIX + now.strftime("%Y%m%d-%H%M%S")
    name, n = base, 1
    while (folder / name).exists():
        n += 1
        name = f"{base}-{n:03d}"
    return name


def make_backup(
    hall_path: Path,
    folder: Path,
    *,
    lists: Sequence[str],
    anchor: str | None,
    keep: int,
    now: datetime,
    pages: int = PAGES_PER_STEP,
    pause_s: float = PAUSE_S,
) -> BackupCopy:
    """A checked backup set of the hall file and the account list files ``lists`` (names in the
    hall's account folder) in ``folder``; older sets beyond ``keep`` are removed once it is in place.
    A copy that fails its check raises :class:`StoreUnavailable` and changes nothing in ``folder``."""
    safe_files.make_folder(folder)
    sweep_parts(folder)
    name = _set_name(folder, now)
    part = folder / f"{PART_PREFIX}{name}"
    try:
        os.mkdir(part, safe_files.FOLDER_MODE)
    except OSError as exc:
        raise safe_files.failure(exc, part) from None
    try:
        checks: list[FileCheck] = []
        hall_copy = part / hall_path.name
        copy_database(hall_path, hall_copy, pages=pages, pause_s=pause_s)
        checks.append(check_file(hall_copy, "hall", full=True))
        account_folder = accounts_folder(hall_path)
        for list_name in lists:
            target = part / Path(list_name).name
            copy_database(account_folder / list_name, target, immutable=True, pages=pages, pause_s=pause_s)
            checks.append(check_file(target, "account_list", full=True, immutable=True))
        bad = [c for c in checks if not c.ok]
        if bad:
            log.error("backup copy failed its check: %s", bad[0].detail)
            raise unavailable("corrupt", f"the backup copy of {Path(bad[0].path).name} failed its check")
        final = folder / name
        files = tuple(
            FileCheck(c.kind, str(final / Path(c.path).name), c.check, c.ok, c.detail) for c in checks
        )
        copy = BackupCopy(str(final), now.isoformat(timespec="seconds"), files, anchor)
        manifest = copy.as_json() | {
            "hall_file": hall_path.name,
            "sizes": {Path(c.path).name: (part / Path(c.path).name).stat().st_size for c in checks},
        }
        safe_files.write_file(part / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode())
        os.rename(part, final)
        _sync_folder(folder)
    except BaseException:
        shutil.rmtree(part, ignore_errors=True)
        raise
    log.info("backup %s made (%d files)", final, len(files))
    rotate(folder, keep)
    return copy


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def sweep_parts(folder: Path, older_than_s: float = safe_files.ABANDONED_AFTER_S) -> None:
    """Remove set folders a crashed backup left half made."""
    cutoff = time.time() - older_than_s
    for part in folder.glob(f"{PART_PREFIX}*"):
        with contextlib.suppress(OSError):
            if part.is_dir() and not part.is_symlink() and part.stat().st_mtime < cutoff:
                shutil.rmtree(part, ignore_errors=True)


def backup_sets(folder: Path) -> list[Path]:
    """The complete backup sets in ``folder`` (those with a manifest), newest first."""
    if not folder.is_dir():
        return []
    sets = [p for p in folder.glob(f"{SET_PREFIX}*") if p.is_dir() and (p / MANIFEST).is_file()]
    return sorted(sets, key=lambda p: p.name, reverse=True)


def rotate(folder: Path, keep: int) -> list[str]:
    """Remove the sets beyond the newest ``keep``; the names removed."""
    removed = []
    for old in backup_sets(folder)[max(1, keep) :]:
        shutil.rmtree(old, ignore_errors=True)
        removed.append(old.name)
    return removed


def read_manifest(set_folder: Path) -> dict[str, Any]:
    try:
        with safe_files.open_input(set_folder / MANIFEST, max_bytes=1_000_000) as f:
            value = json.loads(f.read().decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        value = None
    if not isinstance(value, dict):
        raise HallError(
            f"{set_folder} is not a backup of the counter tool (its manifest is unreadable)",
            code="not_a_backup",
            path=str(set_folder),
        )
    return value


def _backup_folder_of(backup: Path) -> Path:
    """The set folder of what the supervisor named: the set, its manifest or its hall file."""
    if backup.is_dir():
        return backup
    return backup.parent


def newest_good(folder: Path) -> Path | None:
    """The newest set whose hall copy passes ``quick_check`` now (a copy damaged since is skipped)."""
    for candidate in backup_sets(folder):
        try:
            hall_name = str(read_manifest(candidate).get("hall_file", ""))
        except HallError:
            continue
        if hall_name and check_file(candidate / Path(hall_name).name, "hall", full=False).ok:
            return candidate
    return None


def restore(backup: Path, hall_path: Path, now: datetime) -> Restored:
    """Put the backup set ``backup`` in place of the hall file at ``hall_path`` (see the module doc).
    Refused (:class:`HallError`, nothing changed) when the backup is damaged or not a hall's."""
    folder = _backup_folder_of(backup)
    manifest = read_manifest(folder)
    hall_name = Path(str(manifest.get("hall_file", ""))).name
    if not hall_name:
        raise HallError(f"{folder} names no hall file", code="not_a_backup", path=str(folder))
    source = folder / hall_name
    lists = [
        Path(str(f.get("path", ""))).name
        for f in manifest.get("files", [])
        if f.get("kind") == "account_list"
    ]
    checks = [check_file(source, "hall", full=True)]
    checks += [check_file(folder / n, "account_list", full=True, immutable=True) for n in lists]
    bad = [c for c in checks if not c.ok]
    if bad:
        raise HallError(
            f"The backup {folder.name} is damaged ({Path(bad[0].path).name}: {bad[0].detail}); "
            "nothing was changed. Choose an older backup.",
            code="backup_damaged",
            path=str(folder),
            file=Path(bad[0].path).name,
        )
    stamp = now.strftime("%Y%m%d-%H%M%S")
    temp = hall_path.with_name(safe_files.temp_name(hall_path.name))
    try:
        copy_database(source, temp, pause_s=0.0)  # the copy first: a full disk changes nothing
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    moved: list[tuple[Path, Path]] = []
    try:
        for suffix in ("", *SIDE_FILES):
            current = Path(f"{hall_path}{suffix}")
            if current.exists():
                aside = current.with_name(f"{hall_path.name}.before-restore-{stamp}{suffix}")
                try:
                    os.replace(current, aside)
                except OSError as exc:
                    raise safe_files.failure(exc, current) from None
                moved.append((current, aside))
        os.replace(temp, hall_path)
    except BaseException:
        for current, aside in reversed(moved):  # the hall as it was
            with contextlib.suppress(OSError):
                os.replace(aside, current)
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    kept = [str(aside) for _current, aside in moved]
    _sync_folder(hall_path.parent)
    placed: list[str] = []
    account_folder = accounts_folder(hall_path)
    for name in lists:
        target = account_folder / name
        if target.exists() and check_file(target, "account_list", full=False, immutable=True).ok:
            continue
        safe_files.make_folder(account_folder)
        temp = target.with_name(safe_files.temp_name(name))
        try:
            copy_database(folder / name, temp, immutable=True, pause_s=0.0)
            os.replace(temp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
        placed.append(str(target))
    log.warning("hall file %s restored from %s; the old file kept as %s", hall_path, folder, kept[:1])
    return Restored(str(folder), str(hall_path), tuple(kept), tuple(placed))


class SqliteHallFiles:
    """The hall file at ``path`` as the backup service sees it (``services/ports.HallFiles``)."""

    def __init__(self, path: Path, *, pages: int = PAGES_PER_STEP, pause_s: float = PAUSE_S) -> None:
        self.path = path
        self.pages = pages
        self.pause_s = pause_s

    def backup(
        self, folder: Path, lists: Sequence[str], anchor: str | None, keep: int, now: datetime
    ) -> BackupCopy:
        return make_backup(
            self.path,
            folder,
            lists=lists,
            anchor=anchor,
            keep=keep,
            now=now,
            pages=self.pages,
            pause_s=self.pause_s,
        )

    def check(self, full: bool) -> list[FileCheck]:
        return check_hall(self.path, full=full)

    def restore(self, backup: Path, now: datetime) -> Restored:
        return restore(backup, self.path, now)

    def newest_good(self, folder: Path) -> Path | None:
        return newest_good(folder)

    def written_mark(self) -> tuple[int, ...]:
        mark: list[int] = []
        for suffix in ("", "-wal"):
            try:
                info = os.stat(f"{self.path}{suffix}")
            except OSError:
                mark += [0, 0]
            else:
                mark += [info.st_mtime_ns, info.st_size]
        return tuple(mark)
