"""A throwaway PostgreSQL server for the tests, started once per test session.

``COUNTER_APP_TEST_PG`` (a libpq conninfo of a server the tests may create databases on) wins; else
the newest Debian server binaries (``/usr/lib/postgresql/*/bin``) start a fresh cluster in a
temporary folder, on a free port, listening on 127.0.0.1 only. PostgreSQL refuses to run as root,
so as root the cluster belongs to the ``postgres`` user and its commands run through ``runuser``.

Without a server, engine-parametrised tests are skipped, unless ``COUNTER_APP_REQUIRE_PG=1`` (CI)
makes that a failure: CI must never pass by silently testing one engine.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PgServer:
    host: str
    port: int
    user: str
    bindir: Path | None = None
    datadir: Path | None = None

    def conninfo(self, dbname: str = "postgres") -> str:
        return f"host={self.host} port={self.port} user={self.user} dbname={dbname}"

    def ctl(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run ``pg_ctl`` on this cluster (stop it hard, start it again: the outage tests)."""
        if self.bindir is None or self.datadir is None:
            raise RuntimeError("this server was not started by the tests; cannot control it")
        return _run([str(self.bindir / "pg_ctl"), "-D", str(self.datadir), *args])


class NoServer(Exception):
    """No PostgreSQL server binaries on this machine and no COUNTER_APP_TEST_PG."""


def _bindir() -> Path | None:
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if found:
        return found[-1].parent
    on_path = shutil.which("pg_ctl")
    return Path(on_path).parent if on_path else None


def _as_server_user() -> list[str]:
    if os.geteuid() != 0:
        return []
    return ["runuser", "-u", "postgres", "--"]


def _run(cmd: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*_as_server_user(), *cmd], check=True, capture_output=True, text=True, timeout=120)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _from_env() -> PgServer | None:
    conninfo = os.environ.get("COUNTER_APP_TEST_PG")
    if not conninfo:
        return None
    parts = dict(item.split("=", 1) for item in conninfo.split())
    return PgServer(
        host=parts.get("host", "127.0.0.1"),
        port=int(parts.get("port", "5432")),
        user=parts.get("user", "postgres"),
    )


@contextlib.contextmanager
def test_server() -> Iterator[PgServer]:
    """The server the session uses; stopped and removed at the end when the tests started it."""
    given = _from_env()
    if given is not None:
        yield given
        return
    bindir = _bindir()
    if bindir is None:
        raise NoServer("no PostgreSQL server binaries (apt-get install postgresql)")
    base = Path(tempfile.mkdtemp(prefix="counter-app-pg-"))
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        os.chown(base, owner.pw_uid, owner.pw_gid)
    datadir = base / "data"
    _run([str(bindir / "initdb"), "-D", str(datadir), "-A", "trust", "-U", "postgres", "-E", "UTF8",
          "--no-locale"])  # fmt: skip
    port = _free_port()
    # fsync off: a test server's data may go with the machine; a hard stop of the server (the
    # outage tests) still keeps every committed transaction, as the WAL is in the OS cache.
    options = (
        f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off "
        "-c max_connections=200 -c shared_buffers=64MB"
    )
    server = PgServer("127.0.0.1", port, "postgres", bindir, datadir)
    server.ctl("-l", str(base / "server.log"), "-o", options, "-w", "start")
    try:
        yield server
    finally:
        with contextlib.suppress(subprocess.SubprocessError):
            server.ctl("-m", "immediate", "-w", "stop")
        shutil.rmtree(base, ignore_errors=True)


def required() -> bool:
    return os.environ.get("COUNTER_APP_REQUIRE_PG") == "1"
