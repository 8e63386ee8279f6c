"""The hall server is backed up with PostgreSQL's own tools (README "Backups"): a ``pg_dump`` of a
hall database restored with ``pg_restore`` into a new database is the same hall, numbers going on."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import psycopg
import pytest
from pg_server import PgServer

from counter_app.app import open_hall
from tests.conftest import FakeClock


def _tool(server: PgServer, name: str) -> str:
    found = str(server.bindir / name) if server.bindir else shutil.which(name)
    if not found:
        pytest.fail(f"{name} not found")
    return found


def test_pg_dump_and_pg_restore_round_trip(
    pg_server: PgServer, pg_dsn: str, tmp_path: Path, clock: FakeClock
) -> None:
    hall = open_hall(tmp_path / "pc.sqlite3", hall=pg_dsn, clock=clock, create=True)
    try:
        for _ in range(3):
            hall.queue.issue("A")
        hall.queue.call_next(1)
        waiting_before = hall.outbox.waiting().events
    finally:
        hall.close()
    dump = tmp_path / "hall.dump"
    subprocess.run([_tool(pg_server, "pg_dump"), "-Fc", "-f", str(dump), "-d", pg_dsn], check=True)
    target = "hall_restored_round_trip"
    with psycopg.connect(pg_server.conninfo(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {target}")
        conn.execute(f"CREATE DATABASE {target}")
    try:
        restored_dsn = pg_server.conninfo(target)
        subprocess.run(
            [_tool(pg_server, "pg_restore"), "--exit-on-error", "-d", restored_dsn, str(dump)], check=True
        )
        again = open_hall(tmp_path / "pc2.sqlite3", hall=restored_dsn, clock=clock)
        try:
            assert again.queue.issue("A").ticket.number == "A004"
            assert again.outbox.waiting().events == waiting_before + 1
        finally:
            again.close()
    finally:
        with psycopg.connect(pg_server.conninfo(), autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {target} WITH (FORCE)")
