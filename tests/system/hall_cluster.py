"""A hall server of its own for a system test module, which the test may stop hard and start again,
and the PCs working on it as real processes (``pc_driver.py``).

The session's server (``tests/pg_fixtures.py``) is shared by every test; a test that pulls the
plug on its server gets a cluster of its own (``tests/pg_server.test_server``), with one hall
database made the way ``hall init`` makes it.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from pg_server import PgServer, test_server

from counter_app import paths
from counter_app.app import open_server_hall

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
PC_DRIVER = HERE / "pc_driver.py"
START = "2025-03-03T09:00:00+08:00"

EXTRA_COUNTERS = """
[[counters]]
number = 7
services = ["A", "B"]

[[counters]]
number = 8
services = ["C", "A"]
"""


def hall_profile(folder: Path) -> Path:
    """The shipped profile with counters 7 and 8 added: eight counters for the system tests."""
    path = folder / "hall_profile.toml"
    shutil.copytree(paths.DEFAULT_PROFILE.parent / "profile", folder / "profile")  # its included parts
    path.write_text(paths.DEFAULT_PROFILE.read_text(encoding="utf-8") + EXTRA_COUNTERS, encoding="utf-8")
    return path


@dataclass
class HallCluster:
    """A throwaway PostgreSQL cluster of a test module's own; ``make_hall`` adds a hall database."""

    server: PgServer
    folder: Path
    profile: Path
    starts: int = 0
    halls: int = 0

    def make_hall(self) -> str:
        """A new hall database, made the way ``hall init`` makes it; its DSN."""
        self.halls += 1
        name = f"hall{self.halls}"
        with psycopg.connect(self.server.conninfo(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        dsn = self.server.conninfo(name)
        open_server_hall(
            dsn, self.folder / f"init-{name}.sqlite3", profile_file=self.profile, create=True
        ).close()
        return dsn

    def options(self) -> str:
        assert self.server.datadir is not None
        return (
            f"-p {self.server.port} -k {self.server.datadir.parent} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=64MB"
        )

    def stop_hard(self) -> None:
        """The server machine switched off: no shutdown checkpoint, every connection dropped."""
        self.server.ctl("-m", "immediate", "-w", "stop")

    def start(self) -> None:
        """The server back (crash recovery replays its WAL: committed work stays)."""
        self.starts += 1
        assert self.server.datadir is not None  # its folder belongs to the server's user
        log = self.server.datadir.parent / f"server.{self.starts}.log"
        self.server.ctl("-l", str(log), "-o", self.options(), "-w", "start")


def connect(dsn: str) -> psycopg.Connection[Any]:
    return psycopg.connect(dsn, autocommit=True)


@contextlib.contextmanager
def hall_cluster(folder: Path) -> Iterator[HallCluster]:
    """A cluster of this module's own, its halls made with eight counters (``hall_profile``)."""
    with test_server() as server:
        if server.bindir is None:  # COUNTER_APP_TEST_PG: a server the tests cannot stop
            import pytest

            pytest.skip("these tests need a server of their own (COUNTER_APP_TEST_PG is set)")
        yield HallCluster(server, folder, hall_profile(folder))


@dataclass
class Pc:
    """One PC process: its name, own file and what it printed."""

    name: str
    role: str
    db: Path
    proc: subprocess.Popen[str]
    lines: list[dict[str, Any]] = field(default_factory=list)

    def ready(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        assert line, f"{self.name} did not start: {self.proc.stderr.read() if self.proc.stderr else ''}"
        return dict(json.loads(line))

    def finish(self, timeout: float = 180.0) -> list[dict[str, Any]]:
        """Wait for the process; every line it printed (each an acknowledged action)."""
        out, err = self.proc.communicate(timeout=timeout)
        assert self.proc.returncode == 0, f"{self.name} failed:\n{err[-4000:]}"
        self.lines += [json.loads(line) for line in out.splitlines() if line.strip()]
        return self.lines

    @property
    def done(self) -> dict[str, Any]:
        return dict(self.lines[-1])

    def acknowledged(self, key: str) -> list[dict[str, Any]]:
        return [line for line in self.lines if key in line]


def driver_env() -> dict[str, str]:
    """The child runs this checkout's code (not whatever the venv has installed editable)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def start_pc(role: str, name: str, dsn: str, folder: Path, *extra: str) -> Pc:
    db = folder / f"{name}.sqlite3"
    proc = subprocess.Popen(
        [
            sys.executable,
            str(PC_DRIVER),
            role,
            "--dsn",
            dsn,
            "--db",
            str(db),
            "--pc",
            name,
            "--start",
            START,
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=driver_env(),
    )
    return Pc(name, role, db, proc)


def start_all(pcs: list[Pc], barrier: Path) -> None:
    """Everyone has opened the hall: now all start together."""
    for pc in pcs:
        pc.ready()
    barrier.touch()


def finish_all(pcs: list[Pc], timeout: float = 180.0) -> None:
    """Wait for every PC to end by itself; kill what is left when one fails."""
    try:
        for pc in pcs:
            pc.finish(timeout)
    finally:
        kill_all(pcs)


def kill_all(pcs: list[Pc]) -> None:
    for pc in pcs:
        if pc.proc.poll() is None:
            pc.proc.kill()
            pc.proc.wait(30)


def stop_all(pcs: list[Pc], stop: Path, timeout: float = 180.0) -> None:
    """Tell every PC to stop (each hands over what it did alone), and wait for them."""
    stop.touch()
    finish_all(pcs, timeout)


def wait_until(predicate: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)
