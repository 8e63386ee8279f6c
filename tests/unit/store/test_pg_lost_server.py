"""A hall server that takes the bytes and never answers (a hung server, a link that swallows them:
``tests/system/tcp_proxy.py``'s blackhole) is seen gone: the watch's heartbeat has a deadline, and
a statement waiting on it fails as ``server_down`` once the connection is severed from another
thread, instead of holding the PC's worker for ever."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import psycopg
import pytest

from counter_app.domain.errors import StoreUnavailable
from counter_app.store.postgres.changes import ping
from counter_app.store.postgres.connection import PostgresSql, connect

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "system"))
from tcp_proxy import TcpProxy

ZONE = "Asia/Shanghai"


@pytest.fixture
def through(pg_dsn: str) -> Iterator[tuple[str, TcpProxy]]:
    """The hall database's DSN through a proxy the test can cut."""
    fields = dict(part.split("=", 1) for part in pg_dsn.split())
    proxy = TcpProxy(fields["host"], int(fields["port"]))
    fields.update(host="127.0.0.1", port=str(proxy.port))
    yield " ".join(f"{k}={v}" for k, v in fields.items()), proxy
    proxy.close()


def test_a_heartbeat_not_answered_in_time_is_an_error(through: tuple[str, TcpProxy]) -> None:
    dsn, proxy = through
    conn = connect(dsn, timezone=ZONE)
    try:
        ping(conn, 5.0)  # answered
        proxy.cut("blackhole")
        with pytest.raises(psycopg.OperationalError, match=r"did not answer within 0\.3 s"):
            ping(conn, 0.3)
    finally:
        conn.close()


def test_a_statement_waiting_on_a_silent_server_fails_once_severed(through: tuple[str, TcpProxy]) -> None:
    dsn, proxy = through
    sql = PostgresSql(dsn, timezone=ZONE)
    try:
        with sql.read():
            sql.execute("SELECT 1")
        proxy.cut("blackhole")
        outcome: list[BaseException | None] = []

        def wait_on_server() -> None:
            try:
                with sql.read():
                    sql.execute("SELECT now()")
            except BaseException as exc:  # the test reads what the worker would have met
                outcome.append(exc)
            else:
                outcome.append(None)

        worker = threading.Thread(target=wait_on_server, daemon=True)
        worker.start()
        worker.join(1.0)
        assert worker.is_alive() and not outcome  # still waiting: the peer takes the bytes
        sql.sever()
        worker.join(30)
        assert not worker.is_alive()
        assert len(outcome) == 1 and isinstance(outcome[0], StoreUnavailable)
        assert outcome[0].reason == "server_down"
    finally:
        sql.close()


def test_severing_a_closed_or_unopened_connection_does_nothing(pg_dsn: str) -> None:
    sql = PostgresSql(pg_dsn, timezone=ZONE)
    sql.sever()  # never opened
    with sql.read():
        row = sql.execute("SELECT now()").fetchone()
    assert row is not None and isinstance(row[0], datetime)
    sql.close()
    sql.sever()  # closed
