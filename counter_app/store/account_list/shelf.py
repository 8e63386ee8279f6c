"""The hall server's shelf of account list files (``account_list_chunks``), from which every PC of a
hall with a server takes its own copy of the live list.

An import on any PC builds the list file there (``build.py``) and makes it live on the server; in
that same transaction the file goes onto the shelf in chunks, with its SHA-256 and size on the
list's row, and the chunks of lists no longer live are taken off (a PC that never fetched an old list
will never need it). Each PC then fetches the live list into its own folder, checks it against that
digest and searches it locally, also while the server is down (``services/payments/account_copy``).
The embedded hall file has no shelf (:class:`NoShelf`): its only PC already holds the list.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from counter_app.domain.errors import StoreUnavailable
from counter_app.domain.payments.shelved import ShelvedList
from counter_app.store.account_list.build import os_unavailable
from counter_app.store.sql import Sql

CHUNK_BYTES = 4 * 1024 * 1024
"""One row of ``account_list_chunks``: big enough for few round trips, small enough for any server."""


class AccountListShelf:
    """The shelf on the hall server (inside the caller's unit of work, like every repository)."""

    def __init__(self, sql: Sql) -> None:
        self.sql = sql

    def put(self, list_id: int, path: Path) -> ShelvedList:
        """Shelve the file of list ``list_id`` (in the transaction that makes it live) and take the
        chunks of every other list off the shelf."""
        digest = hashlib.sha256()
        size = position = 0
        self.sql.execute("DELETE FROM account_list_chunks WHERE list_id <> ?", [list_id])
        try:
            with path.open("rb") as stream:
                while block := stream.read(CHUNK_BYTES):
                    digest.update(block)
                    size += len(block)
                    self.sql.execute(
                        "INSERT INTO account_list_chunks (list_id, position, data) VALUES (?, ?, ?)",
                        [list_id, position, block],
                    )
                    position += 1
        except OSError as exc:
            raise StoreUnavailable(
                f"The account list file {path.name} could not be read to send it to the hall server "
                f"({exc.strerror or exc}); nothing was imported.",
                reason="io",
            ) from exc
        self.sql.execute(
            "UPDATE account_lists SET file_sha256 = ?, file_bytes = ? WHERE id = ?",
            [digest.hexdigest(), size, list_id],
        )
        return ShelvedList(list_id, digest.hexdigest(), size, position)

    def shelved(self, list_id: int) -> ShelvedList | None:
        """The list's file as shelved; ``None`` when it is not on the shelf (never was, or taken off)."""
        row = self.sql.execute(
            """SELECT l.file_sha256, l.file_bytes, COUNT(c.position) FROM account_lists l
               LEFT JOIN account_list_chunks c ON c.list_id = l.id
               WHERE l.id = ? GROUP BY l.file_sha256, l.file_bytes""",
            [list_id],
        ).fetchone()
        if row is None or not row[0] or not row[2]:
            return None
        return ShelvedList(list_id, str(row[0]), int(row[1]), int(row[2]))

    def chunk(self, list_id: int, position: int) -> bytes | None:
        """One chunk of the list's file; ``None`` when the list was taken off the shelf meanwhile."""
        row = self.sql.execute(
            "SELECT data FROM account_list_chunks WHERE list_id = ? AND position = ?", [list_id, position]
        ).fetchone()
        return bytes(row[0]) if row is not None else None


class NoShelf:
    """The embedded hall file: the list already sits on the hall's only PC."""

    def put(self, list_id: int, path: Path) -> ShelvedList | None:
        return None

    def shelved(self, list_id: int) -> ShelvedList | None:
        return None

    def chunk(self, list_id: int, position: int) -> bytes | None:
        return None


# the PC's side: its copy of the shelved file --------------------------------------------------------
def file_digest(path: Path) -> str | None:
    """The SHA-256 of a list file on this PC; ``None`` when it is not there."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            while block := stream.read(CHUNK_BYTES):
                digest.update(block)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise os_unavailable(exc) from exc
    return digest.hexdigest()


class DamagedCopy(StoreUnavailable):
    """The copy of a list file did not match the digest the hall server holds (nothing kept)."""


def receive_file(path: Path, expected: ShelvedList, chunks: Iterable[bytes]) -> Path:
    """Write the shelved file to ``path`` (``.part`` first), check its size and SHA-256, make it
    durable, and only then give it its name: a half-copied or damaged list is never searched."""
    part = path.with_name(path.name + ".part")
    digest = hashlib.sha256()
    size = 0
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with part.open("wb") as stream:
            for block in chunks:
                digest.update(block)
                size += len(block)
                stream.write(block)
            stream.flush()
            os.fsync(stream.fileno())
        if size != expected.size or digest.hexdigest() != expected.sha256:
            part.unlink(missing_ok=True)
            raise DamagedCopy(
                f"The copy of the account list {path.name} from the hall server is damaged ({size} bytes, "
                f"SHA-256 {digest.hexdigest()[:12]}…, expected {expected.size} bytes, "
                f"{expected.sha256[:12]}…); the previous list stays in use.",
                reason="io",
            )
        os.replace(part, path)
        if os.name == "posix":
            folder = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise os_unavailable(exc) from exc
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return path
