"""Writing a report file safely: it appears complete at its path or not at all."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from counter_app.domain.errors import HallError


class ReportError(HallError):
    """The report file could not be written (a missing or read-only folder, a full disk …); nothing
    was left at its path."""

    code = "report_failed"

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message, **params)


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """Yield a ``.part`` file beside ``path`` to write; on success it replaces ``path``, on any
    failure it is removed and an :class:`OSError` becomes a :class:`ReportError`."""
    part = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        part.write_bytes(b"")  # fail here, clearly, on a folder we cannot write to
        yield part
        os.replace(part, path)
    except OSError as exc:
        raise ReportError(f"Cannot write the report {path}: {exc.strerror or exc}", path=str(path)) from None
    finally:
        with contextlib.suppress(OSError):  # nothing to remove where nothing could be made
            part.unlink(missing_ok=True)
