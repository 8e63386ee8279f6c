"""Named loggers (``counter_app.sql``, ``.init``, ``.queue``, ``.print``, ``.ui``) with personal data
masked before anything is written: phone, ID and account numbers never reach a log file whole."""

from __future__ import annotations

import logging
import logging.handlers
import sys

from counter_app import paths
from counter_app.domain.masking import mask_digits_in_text


class MaskingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_digits_in_text(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


def setup_logging(*, gui: bool) -> None:
    """CLI: warnings to stderr. GUI: also a rotating boot/run log in the user data folder."""
    root = logging.getLogger("counter_app")
    if root.handlers:
        return
    root.setLevel(logging.INFO)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.WARNING)
    console.setFormatter(fmt)
    console.addFilter(MaskingFilter())
    root.addHandler(console)
    if gui:
        try:
            folder = paths.data_dir() / "logs"
            folder.mkdir(parents=True, exist_ok=True)
            handler = logging.handlers.RotatingFileHandler(folder / "counter-app.log", maxBytes=2_000_000,
                                                           backupCount=5, encoding="utf-8")
        except OSError as exc:
            root.warning("no log file: %s", exc)
        else:
            handler.setFormatter(fmt)
            handler.addFilter(MaskingFilter())
            root.addHandler(handler)
