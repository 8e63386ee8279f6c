"""A PC killed hard (SIGKILL) in the middle of handing over what it did alone, then synced again.

A desk works alone (its server does not answer): it issues fallback numbers, prints their slips
(now and then again: 补打), calls them, finishes, and its customers rate the visit. Then
``hall sync`` runs in a process of its own, which the test kills while the server has taken part
of the journal, twice; a last sync completes. Nothing the desk did is lost and nothing is applied
twice: each journal entry is on the server once, under its UUID.
"""

from __future__ import annotations

import os
import signal
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hall_cluster import START, HallCluster, connect, hall_cluster, start_pc, wait_until
from pc_driver import make_clock
from server_invariants import (
    handed_over_once,
    issued_once,
    journal,
    nobody_called_twice,
    numbers_unique_and_gapless,
    offline_calls_once,
    papers_once,
    ratings_once,
    transitions_follow_the_log,
)

from counter_app.app import open_pc

pytestmark = [pytest.mark.system, pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")]

ACTIONS = 400
KILLS = 2


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HallCluster]:
    with hall_cluster(tmp_path_factory.mktemp("hall-sync-crash")) as made:
        yield made


def unanswered_port() -> int:
    """A port nobody listens on: a server that does not answer."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def applied(dsn: str, pc: str) -> int:
    with connect(dsn) as conn:
        row = conn.execute("SELECT COUNT(*) FROM applied_actions WHERE pc = %s", [pc]).fetchone()
    return int(row[0]) if row else 0


def sessions(dsn: str) -> int:
    """Client sessions on the hall database other than this one (a PC's, alive or being ended)."""
    with connect(dsn) as conn:
        row = conn.execute(
            """SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()
               AND pid <> pg_backend_pid() AND backend_type = 'client backend'"""
        ).fetchone()
    return int(row[0]) if row else 0


def test_sync_killed_mid_hand_over_then_again_loses_and_doubles_nothing(
    cluster: HallCluster, tmp_path: Path
) -> None:
    dsn = cluster.make_hall()
    db = tmp_path / "desk1.sqlite3"
    open_pc(dsn, db, pc="desk1", clock=make_clock(START)).close()  # joined the hall once: it has a tag
    away = dsn.replace(f"port={cluster.server.port}", f"port={unanswered_port()}")

    desk = start_pc("offline", "desk1", away, tmp_path, "--ops", str(ACTIONS), "--seed", "7")
    lines = desk.finish(timeout=300)
    assert lines[0]["online"] is False
    entries = journal(db)
    assert len(entries) == ACTIONS

    kills = 0
    for _ in range(KILLS):
        before = applied(dsn, "desk1")
        sync = start_pc("sync", "desk1", dsn, tmp_path)
        try:
            # kill it once the server has taken a few more actions, well before the last
            target = before + 15
            deadline = time.monotonic() + 120
            while applied(dsn, "desk1") < target and sync.proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.005)
            sync.proc.send_signal(signal.SIGKILL)
            sync.proc.wait(30)
        finally:
            if sync.proc.poll() is None:
                sync.proc.kill()
        assert sync.proc.returncode == -signal.SIGKILL, "the hand-over ended before it could be killed"
        # the killed PC's server session may still be committing the action in flight (its COMMIT
        # sat in the socket when the process died): count once the server has ended it
        wait_until(lambda: sessions(dsn) == 0, 60, "the killed sync's server session to end")
        now = applied(dsn, "desk1")
        assert before < now < ACTIONS, (before, now)
        kills += 1
        left = [e for e in journal(db) if e[4] == "pending"]
        # what the server took but the desk had not yet noted is at most the action in flight
        assert len(left) >= ACTIONS - now
        assert len(left) <= ACTIONS - now + 1

    final = start_pc("sync", "desk1", dsn, tmp_path)
    report = final.finish(timeout=300)[-1]["done"]
    assert report["parked"] == 0 and report["conflicts"] == 0
    # what the server did not have is applied now; the action in flight at the last kill (on the
    # server, not yet noted by the desk) is found there already, not applied twice
    assert report["applied"] == ACTIONS - now
    assert report["applied"] + report["already"] == len(left)
    assert kills == KILLS

    issued = desk.acknowledged("issued")
    with connect(dsn) as conn:
        assert issued_once(conn, issued) == 0
        series = numbers_unique_and_gapless(conn)
        assert sum(series.values()) == len(issued)
        outcomes = handed_over_once(conn, "desk1", db)
        assert outcomes["conflict"] == 0, outcomes
        assert sum(outcomes.values()) == ACTIONS
        # the action in flight at a kill was applied by the killed sync: its note says so too
        assert outcomes["applied"] == ACTIONS, outcomes
        calls = offline_calls_once(conn, "desk1", db)
        assert calls == len(desk.acknowledged("called"))
        papers_once(conn, desk.acknowledged("printed"))
        ratings_once(conn, desk.acknowledged("rated"))
        assert desk.acknowledged("printed") and desk.acknowledged("rated")
        nobody_called_twice(conn)
        transitions_follow_the_log(conn)
    print(f"{ACTIONS} actions handed over through {KILLS} killed syncs; last sync: {report}")
