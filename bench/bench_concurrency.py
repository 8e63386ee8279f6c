"""Eight processes on one hall database file: 4 kiosks issuing, 4 counters pressing "next".

    /work/venv/bin/python bench/bench_concurrency.py [--seconds 10] [--kiosks 4] [--counters 4] [--dir DIR]

Each process opens the hall itself (as a kiosk or counter PC would), waits at a start barrier, then
works flat out for the given time: every action is one durable ``BEGIN IMMEDIATE`` … ``COMMIT``
(a "next" that finds nobody waiting writes nothing: it is counted as idle, not as an action).
Printed: actions per second in total and per role, latency per action under contention (median,
p99, max), how many actions hit the 15 s lock timeout, and the two numbers that must be 0:
duplicate ticket numbers and tickets called twice. Same-run baseline: one process alone doing the
same actions for the same time. Not a test: nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter as Tally
from datetime import datetime, timedelta
from pathlib import Path

START = "2025-03-03T09:00:00+08:00"
COUNTER_NUMBERS = (1, 2, 4, 6, 3, 5)  # the first four all serve A, the kiosks' commonest service


# the worker side --------------------------------------------------------------------------------
def worker(role: str, db: str, barrier: str, seconds: float, counter: int, seed: int) -> None:
    import random

    from counter_app import paths
    from counter_app.app import open_hall
    from counter_app.domain.errors import StoreUnavailable

    origin, began = datetime.fromisoformat(START), time.monotonic()
    hall = open_hall(
        db,
        profile_file=paths.DEFAULT_PROFILE,
        clock=lambda: origin + timedelta(seconds=time.monotonic() - began),
    )
    rng = random.Random(seed)
    print(json.dumps({"ready": role}), flush=True)
    while not Path(barrier).exists():
        time.sleep(0.001)
    latencies: list[float] = []
    idle = unavailable = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        start = time.perf_counter()
        try:
            if role == "kiosk":
                green = rng.random() < 0.05
                hall.queue.issue(rng.choice("AAABCCD"), green=green, green_reason="elderly" if green else "")
            elif hall.queue.call_next(counter).called is None:
                idle += 1  # nobody waiting: nothing written, not counted as an action
                time.sleep(0.001)
                continue
        except StoreUnavailable:
            unavailable += 1
            continue
        latencies.append((time.perf_counter() - start) * 1000)
    hall.close()
    print(
        json.dumps(
            {
                "role": role,
                "ops": len(latencies),
                "idle": idle,
                "unavailable": unavailable,
                "latencies": latencies,
            }
        ),
        flush=True,
    )


# the parent side --------------------------------------------------------------------------------
def run(db: Path, kiosks: int, counters: int, seconds: float) -> list[dict[str, object]]:
    barrier = db.with_suffix(".go")
    barrier.unlink(missing_ok=True)
    roles = [("kiosk", 0)] * kiosks + [("counter", COUNTER_NUMBERS[i % 6]) for i in range(counters)]
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--worker",
                role,
                "--db",
                str(db),
                "--barrier",
                str(barrier),
                "--seconds",
                str(seconds),
                "--counter",
                str(number),
                "--seed",
                str(i),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        for i, (role, number) in enumerate(roles)
    ]
    for proc in procs:
        assert proc.stdout is not None
        proc.stdout.readline()  # ready
    barrier.touch()
    results = []
    for proc in procs:
        out, _ = proc.communicate(timeout=seconds + 120)
        if proc.returncode != 0:
            raise SystemExit(f"a worker failed with exit code {proc.returncode}")
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def check(db: Path) -> dict[str, int]:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        duplicates = conn.execute(
            "SELECT COUNT(*) FROM (SELECT 1 FROM tickets GROUP BY business_day, number HAVING COUNT(*) > 1)"
        ).fetchone()[0]
        kinds: dict[int, Tally[str]] = {}
        for ticket_id, kind in conn.execute(
            "SELECT ticket_id, kind FROM queue_events WHERE ticket_id IS NOT NULL"
        ):
            kinds.setdefault(ticket_id, Tally())[kind] += 1
        called_twice = sum(1 for k in kinds.values() if k["called"] > 1 + k["requeued"] + k["transferred"])
        gaps = 0
        for count, top in conn.execute(
            "SELECT COUNT(*), MAX(seq) FROM tickets GROUP BY business_day, prefix"
        ):
            gaps += top - count
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        tickets = conn.execute("SELECT COUNT(*) FROM tickets").fetchone()[0]
    finally:
        conn.close()
    return {
        "tickets": tickets,
        "duplicate_numbers": duplicates,
        "called_twice": called_twice,
        "number_gaps": gaps,
        "integrity_ok": int(integrity == "ok"),
    }


def fresh_hall(folder: Path, name: str) -> Path:
    from counter_app import paths
    from counter_app.app import open_hall

    db = folder / name
    open_hall(db, profile_file=paths.DEFAULT_PROFILE, create=True).close()
    return db


def role_summary(results: list[dict[str, object]], role: str, seconds: float) -> dict[str, float]:
    mine = [r for r in results if r["role"] == role]
    latencies = [x for r in mine for x in r["latencies"]]  # type: ignore[attr-defined]
    if not latencies:
        return {"ops": 0, "ops_per_s": 0.0}
    return {
        "ops": len(latencies),
        "ops_per_s": round(len(latencies) / seconds, 1),
        "median_ms": round(statistics.median(latencies), 3),
        "p99_ms": round(statistics.quantiles(latencies, n=100)[98], 3)
        if len(latencies) > 1
        else latencies[0],
        "max_ms": round(max(latencies), 3),
        "idle": sum(int(r["idle"]) for r in mine),  # type: ignore[call-overload]
        "unavailable": sum(int(r["unavailable"]) for r in mine),  # type: ignore[call-overload]
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--kiosks", type=int, default=4)
    parser.add_argument("--counters", type=int, default=4)
    parser.add_argument("--dir", help="folder for the temp files (default: the system temp folder)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--barrier", help=argparse.SUPPRESS)
    parser.add_argument("--counter", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker, args.db, args.barrier, args.seconds, args.counter, args.seed)
        return 0

    folder = Path(tempfile.mkdtemp(prefix="counter-bench-", dir=args.dir))
    try:
        print(
            f"temp folder {folder}; {args.kiosks} kiosks + {args.counters} counters for {args.seconds:g} s, "
            "then one process alone (kiosk, then counter) as the baseline\n"
        )
        shared = fresh_hall(folder, "shared.sqlite3")
        results = run(shared, args.kiosks, args.counters, args.seconds)
        invariants = check(shared)
        alone_kiosk = run(fresh_hall(folder, "alone-kiosk.sqlite3"), 1, 0, args.seconds / 2)
        alone_db = fresh_hall(folder, "alone-counter.sqlite3")
        run(alone_db, 1, 0, args.seconds / 4)  # someone to call
        alone_counter = run(alone_db, 0, 1, args.seconds / 4)

        rows = {
            f"{args.kiosks} kiosks (issue)": role_summary(results, "kiosk", args.seconds),
            f"{args.counters} counters (call_next)": role_summary(results, "counter", args.seconds),
            "1 kiosk alone": role_summary(alone_kiosk, "kiosk", args.seconds / 2),
            "1 counter alone": role_summary(alone_counter, "counter", args.seconds / 4),
        }
        total_ops = (
            rows[f"{args.kiosks} kiosks (issue)"]["ops"]
            + rows[f"{args.counters} counters (call_next)"]["ops"]
        )
        columns = (
            ("ops", 8),
            ("ops/s", 9),
            ("median ms", 11),
            ("p99 ms", 9),
            ("max ms", 9),
            ("idle", 6),
            ("locked", 8),
        )
        header = " " * 26 + "".join(f"{title:>{width}}" for title, width in columns)
        print(header)
        print("-" * len(header))
        for name, r in rows.items():
            print(
                f"{name:26}{r['ops']:>8}{r['ops_per_s']:>9.1f}{r.get('median_ms', 0):>11.3f}"
                f"{r.get('p99_ms', 0):>9.3f}{r.get('max_ms', 0):>9.3f}{r.get('idle', 0):>6}"
                f"{r.get('unavailable', 0):>8}"
            )
        total_rate = total_ops / args.seconds
        alone_rate = rows["1 kiosk alone"]["ops_per_s"]
        print(
            f"\nall 8 together: {total_rate:.1f} actions/s ({total_rate / alone_rate:.2f}× one kiosk alone); "
            f"{invariants['tickets']} tickets"
        )
        print(
            f"duplicate numbers: {invariants['duplicate_numbers']}   tickets called twice: "
            f"{invariants['called_twice']}   number gaps: {invariants['number_gaps']}   "
            f"integrity_check: {'ok' if invariants['integrity_ok'] else 'FAILED'}   (all must be 0 / ok)"
        )
        print(
            json.dumps(
                {
                    "bench": "concurrency",
                    "seconds": args.seconds,
                    "kiosks": args.kiosks,
                    "counters": args.counters,
                    "total_ops": total_ops,
                    "ops_per_s": round(total_rate, 1),
                    "roles": rows,
                    **invariants,
                }
            )
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
