"""Named loggers (``counter_app.sql``, ``.init``, ``.queue``, ``.print``, ``.ui``, ``.qt``) with
personal data masked before anything is written: phone, ID and account numbers never reach a log file
whole.

The windows' log is ``logs/counter-app.log`` beside the hall database (README "Configuration"), with
times in the hall's time zone (the profile's ``timezone``, the time the windows show) and their UTC
offset, so a line can be matched with what a clerk saw on screen. A clerk's terminal shows errors
only; everything else, Qt's and the sound system's chatter included, is in the file.
"""

from __future__ import annotations

import logging
import os
import sys
from datetime import datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from counter_app.domain.masking import mask_digits_in_text

LOG_FILE = "counter-app.log"
LOG_FILE_MODE = 0o640
LOG_FOLDER_MODE = 0o750
_zone: dict[str, tzinfo | None] = {"tz": None}


def use_hall_timezone(name: str) -> None:
    """Write times in the hall's zone from now on (until then: the PC's, with its offset)."""
    try:
        _zone["tz"] = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        logging.getLogger("counter_app.init").warning("unknown time zone %r for the log", name)


class HallTimeFormatter(logging.Formatter):
    """``2026-11-27 09:12:03.123+08:00 WARNING counter_app.print: …``"""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        moment = datetime.fromtimestamp(record.created, _zone["tz"]).astimezone(_zone["tz"])
        return moment.isoformat(sep=" ", timespec="milliseconds")


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


def log_folder(db_path: Path) -> Path:
    """Where the windows' log lives: ``logs`` beside the hall database."""
    return db_path.parent / "logs"


def setup_logging(*, gui: bool, db_path: Path | None = None) -> None:
    """CLI: warnings to stderr. GUI: errors to stderr (a clerk's terminal stays quiet) and a
    rotating boot/run log in ``logs`` beside the hall database ``db_path``.

    The folder is made only where the database's folder exists: a mistyped path creates nothing.
    """
    root = logging.getLogger("counter_app")
    if root.handlers:
        return
    root.setLevel(logging.INFO)
    # Our records go to our (masking) handlers only: python-escpos calls logging.basicConfig() on
    # import, and a root handler would print them a second time, unmasked.
    root.propagate = False
    fmt = HallTimeFormatter()
    console = logging.StreamHandler(sys.stderr)
    quiet = logging.ERROR if gui else logging.WARNING
    console.setLevel(logging.INFO if os.environ.get("COUNTER_APP_BOOT_LOG") else quiet)
    console.setFormatter(fmt)
    console.addFilter(MaskingFilter())
    root.addHandler(console)
    if gui and db_path is not None:
        try:
            folder = log_folder(db_path)
            folder.mkdir(mode=LOG_FOLDER_MODE, exist_ok=True)
            target = _rotated(folder / LOG_FILE)
            _private(folder, LOG_FOLDER_MODE)
            # the log may quote masked personal data still: readable by the app's user and group only
            os.close(os.open(target, os.O_CREAT | os.O_APPEND | os.O_WRONLY, LOG_FILE_MODE))
            _private(target, LOG_FILE_MODE)
            handler = logging.FileHandler(target, encoding="utf-8")
        except OSError as exc:
            root.error("no log file beside %s: %s", db_path, exc)
        else:
            handler.setFormatter(fmt)
            handler.addFilter(MaskingFilter())
            root.addHandler(handler)


def _private(path: Path, mode: int) -> None:
    """Take away what ``mode`` does not allow (a log made 0644 by an older version is tightened)."""
    current = path.stat().st_mode & 0o777
    if current & ~mode:
        path.chmod(current & mode)


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
