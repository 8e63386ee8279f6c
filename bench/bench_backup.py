"""Benchmark: an online backup of a big hall while the queue runs.

A hall file is padded to ``--mb`` megabytes (acknowledged outbox history: rows the backup must copy and
the queue never reads), then a second *process* works the queue (issue a number, call the next, in
turn) and records each action's latency, twice:

* **baseline**: for ``--seconds`` with no backup running;
* **during the backup**: while this process makes a backup set (``store/sqlite/backup.make_backup``:
  SQLite's backup API from one read snapshot, ``PAGES_PER_STEP`` pages per step with ``PAUSE_S``
  between steps, then ``integrity_check`` of the copy), as ``counter-app backup`` does.

The figure is the p99 (and median) latency of issue and call-next during the backup as a ratio of the
same run's baseline (goal ≤ 2×), and the backup's speed in MB/s.

    python bench/bench_backup.py               # 1 GB hall
    python bench/bench_backup.py --mb 100      # smoke run

The last line printed is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORKER = """
import json, sys, time
from pathlib import Path
from counter_app.app import open_hall
hall = open_hall(sys.argv[1], timeout=30)
stop, until = Path(sys.argv[2]), time.monotonic() + float(sys.argv[3])
hall.queue.issue("A"); hall.queue.call_next(1)  # warm, then tell the bench we are at work
Path(sys.argv[4]).touch()
issue, call = [], []
while time.monotonic() < until and not stop.exists():
    t = time.perf_counter(); hall.queue.issue("A"); issue.append(time.perf_counter() - t)
    t = time.perf_counter(); hall.queue.call_next(1); call.append(time.perf_counter() - t)
    time.sleep(0.01)
hall.close()
print(json.dumps({"issue": issue, "call": call}))
"""


def pad(path: Path, megabytes: int) -> None:
    """Acknowledged outbox rows of 4 KB until the file holds ``megabytes``."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    payload = "x" * 4000
    rows = megabytes * 1024 * 1024 // 4200
    conn.executemany(
        "INSERT INTO outbox (uuid, topic, payload, created_at, sent_at) VALUES (?, 'history', ?, ?, ?)",
        (
            (f"pad-{i}", payload, "2026-01-01T00:00:00+08:00", "2026-01-01T00:00:00+08:00")
            for i in range(rows)
        ),
    )
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def work(path: Path, stop: Path, seconds: float) -> subprocess.Popen[str]:
    ready = stop.with_name("ready")
    ready.unlink(missing_ok=True)
    proc = subprocess.Popen(
        [sys.executable, "-c", WORKER, str(path), str(stop), str(seconds), str(ready)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    while not ready.exists() and proc.poll() is None:
        time.sleep(0.05)
    return proc


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def figures(latencies: dict[str, list[float]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for kind, values in latencies.items():
        out[f"{kind}_median_ms"] = round(statistics.median(values) * 1000, 2)
        out[f"{kind}_p99_ms"] = round(quantile(values, 0.99) * 1000, 2)
        out[f"{kind}_n"] = len(values)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=1024)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    from counter_app.app import open_hall
    from counter_app.store.sqlite.backup import PAGES_PER_STEP, PAUSE_S, make_backup

    folder = Path(tempfile.mkdtemp(prefix="bench-backup-"))
    path = folder / "hall.sqlite3"
    open_hall(path, create=True).close()
    t0 = time.perf_counter()
    pad(path, args.mb)
    size_mb = path.stat().st_size / 1e6
    print(f"hall padded to {size_mb:.0f} MB in {time.perf_counter() - t0:.1f} s", flush=True)

    stop = folder / "stop"
    baseline_proc = work(path, stop, args.seconds)
    baseline = json.loads(baseline_proc.communicate()[0])

    during_proc = work(path, stop, 3600)
    time.sleep(1.0)  # a second of queue work before the backup starts
    t0 = time.perf_counter()
    copy = make_backup(
        path, folder / "backups", lists=[], anchor=None, keep=2, now=datetime.now().astimezone()
    )
    backup_s = time.perf_counter() - t0
    stop.touch()
    during = json.loads(during_proc.communicate()[0])
    base_f, during_f = figures(baseline), figures(during)
    result = {
        "hall_mb": round(size_mb),
        "backup_s": round(backup_s, 1),
        "backup_mb_per_s": round(size_mb / backup_s, 1),
        "backup_ok": copy.ok,
        "pages_per_step": PAGES_PER_STEP,
        "pause_s": PAUSE_S,
        "baseline": base_f,
        "during_backup": during_f,
        "p99_ratio_issue": round(during_f["issue_p99_ms"] / base_f["issue_p99_ms"], 2),
        "p99_ratio_call": round(during_f["call_p99_ms"] / base_f["call_p99_ms"], 2),
        "median_ratio_issue": round(during_f["issue_median_ms"] / base_f["issue_median_ms"], 2),
        "median_ratio_call": round(during_f["call_median_ms"] / base_f["call_median_ms"], 2),
    }
    print(
        f"backup of {size_mb:.0f} MB: {backup_s:.1f} s; p99 issue {result['p99_ratio_issue']}x, "
        f"call-next {result['p99_ratio_call']}x the baseline (goal <= 2x)"
    )
    print(json.dumps(result))
    for p in sorted(folder.rglob("*"), reverse=True):
        p.unlink() if p.is_file() else p.rmdir()
    os.rmdir(folder)


if __name__ == "__main__":
    main()
