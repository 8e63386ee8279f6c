"""Four kiosks and four counters hammering one hall database file at the same moment."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hall_invariants import (
    connect,
    integrity,
    nobody_called_twice,
    numbers_gapless,
    transitions_follow_the_log,
)

from counter_app import paths
from counter_app.app import open_hall

DRIVER = Path(__file__).with_name("driver.py")
KIOSKS, COUNTERS, OPS = 4, 4, 150

pytestmark = pytest.mark.system


def start(role: str, db: Path, barrier: Path, seed: int, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            str(DRIVER),
            role,
            "--db",
            str(db),
            "--barrier",
            str(barrier),
            "--ops",
            str(OPS),
            "--seed",
            str(seed),
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_kiosks_and_counters_at_once_keep_the_queue_whole(tmp_path: Path) -> None:
    db = tmp_path / "hall.sqlite3"
    # the hall exists before the doors open
    open_hall(db, profile_file=paths.DEFAULT_PROFILE, create=True).close()
    barrier = tmp_path / "go"
    procs = [start("kiosk", db, barrier, seed) for seed in range(KIOSKS)]
    procs += [start("counter", db, barrier, 100 + n, "--counter", str(n)) for n in range(1, COUNTERS + 1)]
    try:
        for proc in procs:  # everyone has opened the hall: now all start together
            assert proc.stdout is not None
            ready = proc.stdout.readline()
            assert json.loads(ready) == {"ready": proc.args[2]}, proc.stderr.read() if proc.stderr else ""
        barrier.touch()
        outputs = []
        for proc in procs:
            out, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
            outputs.append([json.loads(line) for line in out.splitlines()])
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()

    kiosk_lines = [line for lines in outputs[:KIOSKS] for line in lines]
    counter_lines = [line for lines in outputs[KIOSKS:] for line in lines]
    done = [lines[-1]["done"] for lines in outputs]
    assert sum(d["unavailable"] for d in done) == 0, "a process gave up on a locked database"
    assert sum(d["issued"] for d in done[:KIOSKS]) == KIOSKS * OPS

    conn = connect(db)
    try:
        integrity(conn)
        numbers_gapless(conn)
        calls = nobody_called_twice(conn)
        transitions_follow_the_log(conn)
        # every acknowledged number is in the file, under the id the kiosk was told
        stored = dict(conn.execute("SELECT id, number FROM tickets"))
        issued = [(line["id"], line["issued"]) for line in kiosk_lines if "issued" in line]
        assert len(issued) == KIOSKS * OPS
        assert all(stored[i] == n for i, n in issued)
        assert len({n for _, n in issued}) == len(issued)
        # every call a counter was told about is in the log, at that counter
        logged = set(conn.execute("SELECT ticket_id, counter FROM queue_events WHERE kind = 'called'"))
        told = [(line["id"], line["counter"]) for line in counter_lines if "called" in line]
        assert told and set(told) <= logged
        assert calls >= len(told)
    finally:
        conn.close()
