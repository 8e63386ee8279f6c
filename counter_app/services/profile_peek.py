"""The hall profile as stored, read without opening the hall (see ``store/profile_peek.py``)."""

from __future__ import annotations

import logging
from pathlib import Path

from counter_app.domain.errors import HallError
from counter_app.domain.profile import HallProfile, parse_hall_tables
from counter_app.store.profile_peek import peek_profile

log = logging.getLogger("counter_app.init")


def stored_profile(db_path: Path) -> HallProfile | None:
    """The stored profile's own tables, or ``None`` (no profile yet, unreadable: open fully)."""
    stored = peek_profile(db_path)
    if stored is None:
        return None
    try:
        return parse_hall_tables(stored[0])  # windows need no parts; the worker reads them all
    except HallError as exc:  # the full open will report it properly
        log.warning("stored profile unreadable: %s", exc)
        return None
