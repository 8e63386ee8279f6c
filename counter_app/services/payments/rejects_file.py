"""The rejected rows of an account import, as a CSV the clerk opens in Excel; bounded and tidied.

* Written as the rows come, to ``NAME.csv.part`` (published as ``NAME.csv`` when the import is over),
  with a :class:`~counter_app.safe_files.WorkLock` ``NAME.csv.lock`` held meanwhile: a part file
  whose lock is free belongs to an import that was killed, and the next import removes it at once.
* Bounded: the first :data:`MAX_LISTED` rejected rows are listed, then one closing line says how many
  more were rejected and why (counts by reason); the summary has every count. A file of two million
  bad lines no longer makes a rejects file many times its size.
* Tidied: the hall's own ``imports`` folder keeps the newest :data:`KEEP_FILES` rejects files (they
  hold account numbers); older ones, and part files of ended imports, are removed by the next import.
"""

from __future__ import annotations

import contextlib
import csv
import logging
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from counter_app.domain.errors import StoreUnavailable
from counter_app.domain.payments.account_file.reader import RowRejection
from counter_app.safe_files import ABANDONED_AFTER_S, FILE_MODE, WorkLock, is_abandoned, make_folder

log = logging.getLogger("counter_app.accounts")

REJECTS_HEADER = ("行号 line", "户号 account number", "原因代码 code", "字段 field", "说明 reason")
MAX_LISTED = 10_000
"""Rejected rows listed one by one; a clerk fixes the first thousands, not a whole broken export."""
KEEP_FILES = 20
"""Rejects files the hall's ``imports`` folder keeps (the newest)."""
NOT_LISTED_CODE = "not_listed"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    """A cell Excel shows as typed: digits keep their leading zeros, nothing runs as a formula."""
    if value.isascii() and value.isdigit():
        return f'="{value}"'
    return "'" + value if value.startswith(_FORMULA_START) else value


class RejectsFile:
    """The rejected rows, written as they come (``.part`` until the import is over); ``unavailable``
    says what a failing write is (the disk full, read-only: the environment)."""

    def __init__(
        self,
        path: Path,
        unavailable: Callable[[OSError], StoreUnavailable],
        *,
        limit: int | None = None,
    ) -> None:
        self.path = path
        self.unavailable = unavailable
        self.limit = MAX_LISTED if limit is None else limit
        self.part = path.with_name(path.name + ".part")
        self.lock = WorkLock(path.with_name(path.name + ".lock"))
        self.listed = 0
        self.unlisted = 0
        self._stream: Any = None
        self._writer: Any = None

    def add(self, row: RowRejection) -> None:
        if self.listed >= self.limit:
            self.unlisted += 1
            return
        try:
            if self._writer is None:
                make_folder(self.part.parent)
                self.lock.acquire()
                self._stream = open(  # noqa: SIM115 (closed by keep or discard)
                    self.part, "w", encoding="utf-8-sig", newline="", opener=_private
                )
                self._writer = csv.writer(self._stream)
                self._writer.writerow(REJECTS_HEADER)
            self._writer.writerow(
                [str(row.line), _cell(row.account_number), row.code, row.field, _cell(row.reason)]
            )
        except OSError as exc:
            raise self.unavailable(exc) from exc
        self.listed += 1

    def keep(self, by_reason: Mapping[str, int] | None = None) -> str | None:
        """Close and publish the file; its path, or ``None`` when no row was rejected. Past the
        limit a last line says how many more rows were rejected (``by_reason``: all counts)."""
        if self._stream is None:
            return None
        try:
            if self.unlisted:
                counts = ", ".join(f"{code} {n}" for code, n in sorted((by_reason or {}).items()))
                self._writer.writerow(
                    [
                        "",
                        "",
                        NOT_LISTED_CODE,
                        "",
                        f"{self.unlisted} more rejected rows are not listed (the first {self.limit} are); "
                        f"all rejected rows by reason: {counts}",
                    ]
                )
            self._stream.close()
            self.part.replace(self.path)
        except OSError as exc:
            raise self.unavailable(exc) from exc
        finally:
            self.lock.release()
        return str(self.path)

    def discard(self) -> None:
        if self._stream is not None:
            self._stream.close()
            self.part.unlink(missing_ok=True)
        self.lock.release()


def _private(path: str, flags: int) -> int:
    import os

    return os.open(path, flags, FILE_MODE)


def tidy_imports(folder: Path, *, keep: int = KEEP_FILES, now: float | None = None) -> list[str]:
    """Remove from the hall's ``imports`` folder what no running import needs: part files of imports
    that ended without publishing (their lock free; without a lock file, once they are older than
    :data:`~counter_app.safe_files.ABANDONED_AFTER_S`), lock files left with them, and published
    rejects files beyond the newest ``keep``. The names removed."""
    moment = time.time() if now is None else now
    removed: list[str] = []
    try:
        entries = [p for p in folder.iterdir() if "-rejected-" in p.name and not p.is_symlink()]
    except OSError:
        return removed
    published: list[tuple[float, Path]] = []
    # part files before lock files: a lock removed first would leave its part file looking lockless
    entries.sort(key=lambda p: p.name.endswith(".lock"))
    for path in entries:
        try:
            info = path.stat(follow_symlinks=False)
        except OSError:
            continue
        if path.name.endswith(".csv"):
            published.append((info.st_mtime, path))
            continue
        if not path.name.endswith((".csv.part", ".csv.lock")):
            continue
        lock = path.with_name(path.name.rsplit(".", 1)[0] + ".lock")
        abandoned = is_abandoned(lock)
        if abandoned is False:
            continue  # an import still writing it
        if abandoned is None and moment - info.st_mtime < ABANDONED_AFTER_S:
            continue
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path.name)
    published.sort(reverse=True)
    for _, path in published[keep:]:
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path.name)
    if removed:
        log.info("removed %d old rejects files from %s", len(removed), folder)
    return sorted(removed)
