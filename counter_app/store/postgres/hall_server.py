"""The hall's PostgreSQL server opened as a :class:`~counter_app.store.hall_store.HallStore`.

The same repositories as on the embedded file run on a :class:`PostgresSql`; the change feed is the
server's push (:class:`ServerWatch`: ``LISTEN`` + heartbeat, which also tells when the server is
unreachable). The account-list files a PC searches stay on that PC, in the folder of its local file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from counter_app.store.account_list import AccountListFolder, accounts_folder
from counter_app.store.account_list.shelf import AccountListShelf
from counter_app.store.hall_store import HallStore
from counter_app.store.postgres.changes import ServerWatch
from counter_app.store.postgres.connection import PostgresSql
from counter_app.store.postgres.migrations import applied_names, apply_migrations


class PostgresHallStore(HallStore):
    """A hall store on the hall server; ``watch`` is its change feed and outage detector."""

    sql: PostgresSql
    changes: ServerWatch

    def __init__(
        self, sql: PostgresSql, watch: ServerWatch, local_path: Path, migrations: tuple[str, ...]
    ) -> None:
        super().__init__(sql, watch, AccountListFolder(accounts_folder(local_path)), migrations)
        self.local_path = local_path
        self.account_shelf = AccountListShelf(sql)

    def set_timezone(self, timezone: str) -> None:
        self.sql.set_timezone(timezone)
        self.changes.timezone = timezone


def open_server_store(
    dsn: str,
    *,
    local_path: Path,
    now: Callable[[], datetime],
    timezone: str = "UTC",
    create: bool = False,
    application_name: str = "counter-app",
) -> PostgresHallStore:
    """The hall on the server at ``dsn``, its schema brought up to this version (made only with
    ``create``: ``hall init``). ``local_path``: this PC's local hall file, beside which its account
    lists live."""
    sql = PostgresSql(dsn, timezone=timezone, application_name=application_name)
    try:
        apply_migrations(sql.conn, dsn, create=create)
        applied = tuple(applied_names(sql.conn))
    except BaseException:
        sql.close()
        raise
    return PostgresHallStore(sql, ServerWatch(dsn, timezone=timezone, now=now), local_path, applied)
