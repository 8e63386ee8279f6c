"""Read the stored hall profile with the standard library only, read-only.

Windows use it to draw themselves at start-up while the worker thread is still importing sqlite-utils
and opening the hall properly (checks, migrations): a counter PC shows its window in the time a bare
Qt window takes, and the data follows a moment later.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path


def peek_profile(path: Path) -> tuple[str, dict[str, str]] | None:
    """``(toml, parts)`` of the profile stored in the hall file, or ``None`` if there is none yet
    (no file, no table, locked, damaged: the caller then waits for the full open)."""
    if not path.exists():
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1.0)
        try:
            row = conn.execute("SELECT toml, parts FROM hall_profile WHERE id = 1").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return (row[0], json.loads(row[1])) if row else None


def peek_accounts_exist(path: Path) -> bool:
    """Whether the hall file has set sign-in up (an account exists), read-only with the standard
    library, for the hall's files handled without opening the hall (``app.hall_files``). ``False``
    only when that is known: a file that cannot be read (damaged, locked, another program's) counts
    as one with accounts, so a guarded operation on it is refused rather than let through."""
    if not path.exists():
        return False
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1.0)
        try:
            row = conn.execute("SELECT EXISTS (SELECT 1 FROM users)").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return True
    return bool(row and row[0])
