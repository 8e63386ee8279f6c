"""PCs of one hall on a real PostgreSQL server, for the link and hand-over tests: each PC has its own
local file; a PC "cut off" opens the same hall at an address where nothing listens, so only its own
store answers (the same local file, the same name)."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from counter_app.app import open_pc, open_server_hall
from counter_app.services.hall_link import LinkedHall


def closed_port_dsn(dsn: str) -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    parts = dict(item.split("=", 1) for item in dsn.split())
    parts["port"] = str(port)
    return " ".join(f"{k}={v}" for k, v in parts.items())


class Pcs:
    """``up(name)``: the PC with its server; ``cut(name)``: the same PC, the server out of reach."""

    def __init__(self, dsn: str, folder: Path, clock: Any, stack: contextlib.ExitStack) -> None:
        self.dsn = dsn
        self.down_dsn = closed_port_dsn(dsn)
        self.folder = folder
        self.clock = clock
        self.stack = stack

    def path(self, name: str) -> Path:
        return self.folder / f"{name}.sqlite3"

    def up(self, name: str) -> LinkedHall:
        return self._open(self.dsn, name)

    def cut(self, name: str) -> LinkedHall:
        return self._open(self.down_dsn, name)

    def _open(self, dsn: str, name: str) -> LinkedHall:
        linked = open_pc(dsn, self.path(name), pc=name, clock=self.clock)
        self.stack.callback(linked.close)
        return linked

    def rows(self, query: str, *params: object) -> list[tuple[Any, ...]]:
        """Rows straight from the server (what the hall has, whatever a PC believes)."""
        with psycopg.connect(self.dsn) as conn:
            return list(conn.execute(query, params).fetchall())

    def ticket(self, number: str) -> tuple[Any, ...]:
        [row] = self.rows(
            "SELECT state, counter, issued_at, called_at, finished_at FROM tickets WHERE number = %s", number
        )
        return row


@pytest.fixture
def pcs(pg_dsn: str, tmp_path: Path, clock: Any) -> Iterator[Pcs]:
    with open_server_hall(pg_dsn, tmp_path / "setup.sqlite3", clock=clock):
        pass  # the hall's profile on the server
    with contextlib.ExitStack() as stack:
        yield Pcs(pg_dsn, tmp_path, clock, stack)


@contextlib.contextmanager
def outage(dsn: str) -> Iterator[None]:
    """The hall's database stops answering: every connection to it cut, none accepted, until the
    block ends (the cluster itself keeps running for the other tests)."""
    parts = dict(item.split("=", 1) for item in dsn.split())
    name = parts["dbname"]
    admin = " ".join(f"{k}={v}" for k, v in {**parts, "dbname": "postgres"}.items())
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        )
    try:
        yield
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
