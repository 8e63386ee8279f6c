"""A kiosk process killed hard (SIGKILL) in the middle of issuing: nothing it acknowledged is lost.

The child prints each number only after ``issue`` returned (after COMMIT). The test kills it at a
random moment after some acknowledgements, several times on the same file, and checks the file.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from hall_invariants import connect, integrity, numbers_gapless, transitions_follow_the_log

from counter_app import paths
from counter_app.app import open_hall

DRIVER = Path(__file__).with_name("driver.py")
START = "2025-03-03T09:00:00+08:00"
ROUNDS = 6

pytestmark = [pytest.mark.system, pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")]


def run_until_killed(db: Path, acks_wanted: int, rng: random.Random) -> list[dict[str, object]]:
    """Start an issuing kiosk, let it acknowledge ``acks_wanted`` numbers, kill it at a random moment
    soon after; every line it managed to print counts as acknowledged."""
    proc = subprocess.Popen(
        [sys.executable, str(DRIVER), "issuer", "--db", str(db), "--start", START],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    acked: list[dict[str, object]] = []
    try:
        assert proc.stdout is not None
        ready = proc.stdout.readline()
        assert ready, proc.stderr.read() if proc.stderr else ""
        while len(acked) < acks_wanted:
            line = proc.stdout.readline()
            assert line, f"the issuer stopped by itself: {proc.stderr.read() if proc.stderr else ''}"
            acked.append(json.loads(line))
        time.sleep(rng.uniform(0, 0.02))  # somewhere inside a later transaction, most likely
        proc.send_signal(signal.SIGKILL)
        # read through the same buffered stream as readline() above: communicate(timeout=…) reads
        # the raw pipe and would miss lines already sitting in this stream's buffer
        out = proc.stdout.read()
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    acked += [json.loads(line) for line in out.splitlines() if line.endswith("}")]
    return acked


def test_killed_kiosk_loses_nothing_it_acknowledged(tmp_path: Path) -> None:
    db = tmp_path / "hall.sqlite3"
    open_hall(db, profile_file=paths.DEFAULT_PROFILE, create=True).close()
    rng = random.Random(os.getpid())
    all_acked: list[dict[str, object]] = []
    top = 0  # the highest ticket id before this round
    for round_ in range(ROUNDS):
        acked = run_until_killed(db, rng.randint(5, 60), rng)
        all_acked += acked
        conn = connect(db)
        try:
            integrity(conn)
            last = numbers_gapless(conn)
            transitions_follow_the_log(conn)
            stored = dict(conn.execute("SELECT id, number FROM tickets"))
            lost = [a for a in all_acked if stored.get(a["id"]) != a["issued"]]
            assert lost == [], f"round {round_}: acknowledged but not in the file: {lost[:5]}"
            # only the very last commit may have landed without the kiosk having printed it
            new = {i for i in stored if i > top}
            unacked = new - {a["id"] for a in acked}
            assert unacked <= {max(new)}, (round_, sorted(unacked))
            top = max(stored)
        finally:
            conn.close()

        # the hall opens again and carries on with the next number
        clock_time = datetime.fromisoformat(START)
        hall = open_hall(db, clock=lambda t=clock_time: t)
        try:
            issued = hall.queue.issue("A").ticket  # the killed kiosk was issuing A numbers
            assert issued.number == f"A{last[('2025-03-03', 'A')] + 1:03d}"
            all_acked.append({"id": issued.id, "issued": issued.number})
            top = issued.id
        finally:
            hall.close()
