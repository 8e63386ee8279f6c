"""A PC whose cable to the hall server goes silent (``tcp_proxy`` "blackhole": the far end still
takes the bytes, nothing comes back, so TCP's own timeouts never fire).

The server watch's ping goes unanswered and is cut: the PC's status says it works alone, and an
action that was waiting on the server at that moment is not left hanging: it fails over and runs
again on the PC's own store, once. When the cable is back, the PC works with its server again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

import pytest
from hall_cluster import START, hall_profile
from pc_driver import make_clock
from pg_server import PgServer
from tcp_proxy import TcpProxy

from counter_app.app import open_pc, open_server_hall
from counter_app.services.hall import Hall
from counter_app.services.hall_link import LinkedHall, LinkStatus
from counter_app.store.postgres.changes import ServerWatch

pytestmark = pytest.mark.system
T = TypeVar("T")

WAIT_S = 20.0  # a bound for "eventually", far above the ~3 s the watch needs: not a timing assert


@pytest.fixture
def cut_pc(pg_server: PgServer, pg_dsn: str, tmp_path: Path) -> Iterator[tuple[Worker, TcpProxy]]:
    """A PC reaching its server through a proxy the test can cut; its hall lives on one worker
    thread (as in the windows), which ``worker.submit(job)`` runs jobs on."""
    open_server_hall(pg_dsn, tmp_path / "init.sqlite3", profile_file=hall_profile(tmp_path)).close()
    proxy = TcpProxy(pg_server.host, pg_server.port)
    dsn = pg_dsn.replace(f"port={pg_server.port}", f"port={proxy.port}")
    worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hall-worker")
    hall = worker.submit(
        open_pc, dsn, tmp_path / "pc.sqlite3", pc="counter-cut", clock=make_clock(START)
    ).result()
    hall.changes.start(lambda areas: None)
    try:
        yield Worker(worker, hall), proxy
    finally:
        worker.submit(hall.close).result()
        worker.shutdown()
        proxy.close()


class Worker:
    """The PC's hall and the one thread that may use it."""

    def __init__(self, pool: ThreadPoolExecutor, hall: LinkedHall) -> None:
        self.pool = pool
        self.hall = hall

    def run(self, job: Callable[[Hall], T]) -> T:
        return self.pool.submit(self.hall.run, job).result(WAIT_S)

    def status(self) -> LinkStatus:
        return self.pool.submit(self.hall.link_status).result(WAIT_S)


def eventually(predicate: object, what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not predicate():  # type: ignore[operator]
        assert time.monotonic() < deadline, f"never: {what}"
        time.sleep(0.05)


def test_silent_cable_the_watch_says_so(pg_server: PgServer, pg_dsn: str) -> None:
    proxy = TcpProxy(pg_server.host, pg_server.port)
    said: list[bool] = []
    watch = ServerWatch(
        pg_dsn.replace(f"port={pg_server.port}", f"port={proxy.port}"),
        timezone="Asia/Shanghai",
        now=make_clock(START),
    )
    watch.start(lambda areas: None, lambda up, since: said.append(up))
    try:
        eventually(lambda: said == [True], "the watch reached the server")
        proxy.cut("blackhole")
        eventually(lambda: said == [True, False], "the watch noticed the silent cable")
        proxy.restore()
        eventually(lambda: said == [True, False, True], "the watch saw the server again")
    finally:
        watch.stop()
        proxy.close()


def test_an_action_waiting_on_a_silent_server_runs_again_alone(cut_pc: tuple[Worker, TcpProxy]) -> None:
    pc, proxy = cut_pc
    pc.run(lambda h: h.queue.issue("A"))  # joined the hall: it has its tag and a copy of the line
    assert pc.status().server_up
    ran: list[str] = []

    def slow_job(h: Hall) -> str:
        """A server statement the cable cut leaves without an answer; on the own store, quick."""
        where = "own store" if h.store is pc.hall.link.local else "server"
        ran.append(where)
        if where == "server":
            h.store.sql.execute("SELECT pg_sleep(60)")
        return where

    waiting = pc.pool.submit(pc.hall.run, slow_job)
    eventually(lambda: ran == ["server"], "the job reached the server")
    proxy.cut("blackhole")
    assert waiting.result(WAIT_S) == "own store", "the action hangs on a server that no longer answers"
    assert ran == ["server", "own store"]
    assert not pc.status().server_up

    issued = pc.run(lambda h: h.queue.issue("A")).ticket
    assert issued.number.startswith("AP"), issued.number  # a fallback number: working alone
    proxy.restore()

    def back() -> bool:
        pc.run(lambda h: None)  # the clerk's next action reconnects once the watch says so
        return pc.status().server_up

    eventually(back, "the PC works with its server again")
    status = pc.status()
    assert status.pending == 0 and status.last_hand_over is not None
    assert status.last_hand_over.applied == 1  # the ticket issued alone
