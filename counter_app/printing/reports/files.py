"""Writing a report file safely: it appears whole at its path or not at all (through
:mod:`counter_app.safe_files`: no link or device followed, synced, owner and group only)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from counter_app.domain.errors import FileRefused, HallError
from counter_app.safe_files import write_file


class ReportError(HallError):
    """The report file could not be written (a missing or read-only folder, a path that is not a
    regular file …); nothing was left at its path. A full disk is a
    :class:`~counter_app.domain.errors.FileUnavailable` (the environment, exit 4)."""

    code = "report_failed"

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message, **params)


def write_report_file(path: Path, produce: Callable[[], bytes]) -> Path:
    """Make the report's bytes in memory with ``produce``, then put them at ``path`` in one go."""
    try:
        write_file(path, produce())
    except FileRefused as exc:
        raise ReportError(f"Cannot write the report {path}: {exc.explanation}", path=str(path)) from None
    except OSError as exc:
        raise ReportError(f"Cannot write the report {path}: {exc.strerror or exc}", path=str(path)) from None
    return path
