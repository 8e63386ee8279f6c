"""The hall server's schema: numbered SQL files in ``migrations/``, applied in order.

The pending files run in one transaction, each recorded in ``schema_migrations`` with its SHA-256, so:

* two PCs starting at once cannot both apply it (a transaction-level advisory lock serialises them;
  the second finds the work done);
* a server whose schema is newer than this code (a migration this version does not know) is refused
  plainly instead of being written to, and so is a released migration edited after it was applied;
* only ``hall init`` makes a database a hall: any other command on a database without our
  ``schema_migrations`` says so and changes nothing.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from importlib import resources
from typing import Any

import psycopg

from counter_app.domain.errors import NotAHallDatabase
from counter_app.store.postgres.connection import safe_dsn, server_errors

log = logging.getLogger("counter_app.sql")

_LOCK_KEY = 0x48414C4C  # "HALL": the advisory lock held while migrating


@dataclass(frozen=True)
class Migration:
    name: str
    sql: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.sql.encode("utf-8")).hexdigest()


def known() -> tuple[Migration, ...]:
    """This version's migrations, in order of their number."""
    folder = resources.files("counter_app.store.postgres") / "migrations"
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".sql")), key=lambda f: f.name)
    return tuple(Migration(f.name.removesuffix(".sql"), f.read_text(encoding="utf-8")) for f in files)


def _applied(conn: psycopg.Connection[Any]) -> dict[str, str] | None:
    """Applied migrations and their checksums; ``None`` when this is not a hall database yet."""
    if conn.execute("SELECT to_regclass('schema_migrations')").fetchone() == (None,):
        return None
    rows = conn.execute("SELECT name, sha256 FROM schema_migrations").fetchall()
    return {str(name): str(digest) for name, digest in rows}


def _refuse_unknown(applied: dict[str, str], migrations: tuple[Migration, ...], dsn: str) -> None:
    mine = {m.name: m.sha256 for m in migrations}
    newer = sorted(set(applied) - set(mine))
    if newer:
        raise NotAHallDatabase(
            f"The hall server ({safe_dsn(dsn)}) was set up by a newer version of the counter tool "
            f"({', '.join(newer)}). Update the tool on this PC; nothing was changed.",
            code="hall_db_newer",
            path=safe_dsn(dsn),
        )
    edited = sorted(name for name, digest in applied.items() if mine[name] != digest)
    if edited:
        raise NotAHallDatabase(
            f"The hall server's schema differs from this version's migrations ({', '.join(edited)}); "
            "nothing was changed. Ask the hall's IT support.",
            code="hall_db_newer",
            path=safe_dsn(dsn),
        )


def apply_migrations(conn: psycopg.Connection[Any], dsn: str, *, create: bool = False) -> list[str]:
    """Bring the hall server's schema up to this version; the names applied now.

    ``conn`` is in autocommit mode (each migration sends its own BEGIN … COMMIT).
    """
    migrations = known()
    with server_errors():
        applied = _applied(conn)
        if applied is None and not create:
            raise NotAHallDatabase(
                f"{safe_dsn(dsn)} is not a hall database yet. Set it up with "
                "`counter-app --hall DSN hall init`; nothing was changed.",
                code="hall_db_missing",
                path=safe_dsn(dsn),
            )
        if applied is not None:
            _refuse_unknown(applied, migrations, dsn)
            if all(m.name in applied for m in migrations):
                return []
        done: list[str] = []
        conn.execute("BEGIN")
        try:
            conn.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])
            conn.execute(
                """CREATE TABLE IF NOT EXISTS schema_migrations (
                       name text PRIMARY KEY, sha256 text NOT NULL, applied_at timestamptz NOT NULL)"""
            )
            applied = _applied(conn) or {}
            _refuse_unknown(applied, migrations, dsn)
            for migration in migrations:
                if migration.name in applied:
                    continue
                conn.execute(migration.sql.encode("utf-8"))
                conn.execute(
                    "INSERT INTO schema_migrations (name, sha256, applied_at) VALUES (%s, %s, now())",
                    [migration.name, migration.sha256],
                )
                done.append(migration.name)
            conn.execute("COMMIT")
        except BaseException:
            if not conn.closed and not conn.broken:
                conn.execute("ROLLBACK")
            raise
    for name in done:
        log.info("hall server migration %s applied", name)
    return done


def applied_names(conn: psycopg.Connection[Any]) -> list[str]:
    with server_errors():
        return sorted(_applied(conn) or {})
