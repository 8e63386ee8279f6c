"""Named loggers (``counter_app.sql``, ``.init``, ``.queue``, ``.print``, ``.ui``) with personal data
masked before anything is written: phone, ID and account numbers never reach a log file whole."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from counter_app import paths
from counter_app.domain.masking import mask_digits_in_text


class MaskingFilter(logging.Filter):
    """Masks the message and the traceback of a record (an exception's text may quote a phone,
    ID or account number) before a handler formats it."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_digits_in_text(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            # the handler's Formatter uses exc_text as it is once it is set
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_digits_in_text(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_digits_in_text(record.stack_info)
        return True


def setup_logging(*, gui: bool) -> None:
    """CLI: warnings to stderr. GUI: also a rotating boot/run log in the user data folder."""
    root = logging.getLogger("counter_app")
    if root.handlers:
        return
    root.setLevel(logging.INFO)
    # Our records go to our (masking) handlers only: python-escpos calls logging.basicConfig() on
    # import, and a root handler would print them a second time, unmasked.
    root.propagate = False
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.INFO if os.environ.get("COUNTER_APP_BOOT_LOG") else logging.WARNING)
    console.setFormatter(fmt)
    console.addFilter(MaskingFilter())
    root.addHandler(console)
    if gui:
        try:
            folder = paths.data_dir() / "logs"
            folder.mkdir(parents=True, exist_ok=True)
            handler = logging.FileHandler(_rotated(folder / "counter-app.log"), encoding="utf-8")
        except OSError as exc:
            root.warning("no log file: %s", exc)
        else:
            handler.setFormatter(fmt)
            handler.addFilter(MaskingFilter())
            root.addHandler(handler)


def _rotated(path: Path, keep: int = 5, max_bytes: int = 2_000_000) -> Path:
    """Rotate at start-up (counter-app.log → .1 → … → .5) once the log passes ``max_bytes``: a hall
    PC restarts daily, and the plain handler keeps start-up free of the logging.handlers import."""
    if path.exists() and path.stat().st_size > max_bytes:
        for i in range(keep - 1, 0, -1):
            older = path.with_name(f"{path.name}.{i}")
            if older.exists():
                older.replace(path.with_name(f"{path.name}.{i + 1}"))
        path.replace(path.with_name(f"{path.name}.1"))
    return path
