"""Damaging a hall file the way a failing disk does, for the tests of the read-only open: one page
of a table overwritten (past the header and the schema, so what is not on that page can still be
read), or the schema's own page (then nothing can be read)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

PAGE = 4096


def damage_table(path: Path, table: str = "ratings") -> int:
    """Overwrite the first page of ``table`` (a closed hall file, its WAL checkpointed) with junk;
    the page number damaged."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (page,) = conn.execute("SELECT min(pageno) FROM dbstat WHERE name = ?", [table]).fetchone()
        size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    finally:
        conn.close()
    assert page is not None and page > 1 and size == PAGE
    with open(path, "r+b") as f:
        f.seek((page - 1) * PAGE)
        f.write(bytes(b ^ 0xA5 for b in f.read(PAGE)))  # every byte of the page flipped
    return int(page)


def damage_schema(path: Path) -> None:
    """Overwrite the schema's page past the 100-byte file header: no table can be found."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    with open(path, "r+b") as f:
        f.seek(100)
        f.write(b"\xa5" * (PAGE - 100))


def digest(path: Path) -> str:
    """The hall file's bytes, with its -wal, as one digest (what "nothing was written" compares)."""
    h = hashlib.sha256(path.read_bytes())
    wal = Path(f"{path}-wal")
    if wal.exists():
        h.update(wal.read_bytes())
    return h.hexdigest()
