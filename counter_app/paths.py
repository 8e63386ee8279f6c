"""Where the hall's files live: shipped resources, the default database, the profile in use."""

from __future__ import annotations

import os
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
DEFAULT_PROFILE = RESOURCES / "hall_profile.toml"
TRANSLATIONS = RESOURCES / "translations"
SOUNDS = RESOURCES / "sounds"


def data_dir() -> Path:
    """The user data folder (``~/.local/share/counter-app`` on Linux, ``%LOCALAPPDATA%`` on Windows)."""
    import platformdirs  # only when no --db / COUNTER_APP_DB says where the hall lives

    return Path(platformdirs.user_data_dir("counter-app", appauthor=False))


def database_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--db`` wins, then ``COUNTER_APP_DB``, then ``hall.sqlite3`` in the user data folder."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("COUNTER_APP_DB")
    if env:
        return Path(env)
    return data_dir() / "hall.sqlite3"


def profile_path(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """A hall's own profile: ``--profile`` or ``COUNTER_APP_PROFILE``; ``None`` keeps the stored one."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("COUNTER_APP_PROFILE")
    return Path(env) if env else None
