"""How fast one queue action is, against the physical floor of a durable SQLite commit on this disk.

    /work/venv/bin/python bench/bench_queue.py [--n 500] [--warmup 50] [--dir DIR] [--profile]

The floor is the cheapest durable write possible on the same disk with the same settings: raw
``sqlite3``, one single-row ``INSERT`` + ``COMMIT`` in WAL mode with ``synchronous=FULL``. Then the
real code paths, durable commit included: ``QueueService.issue`` (the kiosk) and
``QueueService.call_next`` (the counter's "next" key: finish the current customer, call the next).
Each figure is printed with its ratio to the floor measured in the same run (goal: ≤ 1.5×).

The same three are also run with ``synchronous=OFF`` ("cpu" rows): what is left is Python and
SQLite work without waiting for the disk, which shows where a ratio above the goal comes from.
Not a test: nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from counter_app import paths
from counter_app.app import open_hall
from counter_app.services.hall import Hall

GOAL = 1.5


def timed(
    op: Callable[[], object], n: int, warmup: int, untimed_after: Callable[[], object] | None = None
) -> list[float]:
    """Milliseconds per call of ``op``, after ``warmup`` untimed calls; ``untimed_after`` runs after
    each call, outside the measurement."""
    samples = []
    for i in range(warmup + n):
        start = time.perf_counter()
        op()
        if i >= warmup:
            samples.append((time.perf_counter() - start) * 1000)
        if untimed_after is not None:
            untimed_after()
    return samples


def summary(samples: list[float]) -> tuple[float, float]:
    return statistics.median(samples), statistics.quantiles(samples, n=100)[98]


def floor(folder: Path, n: int, warmup: int, synchronous: str) -> list[float]:
    conn = sqlite3.connect(folder / f"floor-{synchronous}.sqlite3", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(f"PRAGMA synchronous={synchronous}")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL) STRICT")

    def insert() -> None:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (v) VALUES (?)", ["A001"])
        conn.execute("COMMIT")

    try:
        return timed(insert, n, warmup)
    finally:
        conn.close()


def open_bench_hall(folder: Path, name: str, synchronous: str) -> Hall:
    hall = open_hall(folder / name, profile_file=paths.DEFAULT_PROFILE, create=True)
    hall.store.db.execute(f"PRAGMA synchronous={synchronous}")
    return hall


def busy_day(hall: Hall, history: int, waiting: int) -> None:
    """A busy morning so far: ``history`` customers served today and ``waiting`` in line."""
    for i in range(history):
        hall.queue.issue("ABCD"[i % 4])
    counters = [c.number for c in hall.profile.counters]
    for i in range(history + len(counters)):
        hall.queue.call_next(counters[i % len(counters)])  # every counter ends up idle
    for i in range(waiting):
        hall.queue.issue("ABCD"[i % 4])


def queue_ops(
    folder: Path, n: int, warmup: int, synchronous: str, history: int, waiting: int
) -> tuple[list[float], list[float], Hall]:
    """Time ``issue`` and ``call_next`` in a steady state: after each timed call an untimed call of
    the other kind keeps the line at ``waiting`` people (a real line, not one growing without end)."""
    hall = open_bench_hall(folder, f"hall-{synchronous}.sqlite3", synchronous)
    busy_day(hall, history, waiting)
    counters = iter([1, 2, 4, 6] * 2 * (n + warmup))  # they all serve A
    services = iter("ABCA" * 2 * (n + warmup))
    nobody = 0

    def call() -> None:
        nonlocal nobody
        if hall.queue.call_next(next(counters)).called is None:
            nobody += 1

    def issue() -> None:
        hall.queue.issue(next(services))

    issue_ms = timed(issue, n, warmup, untimed_after=call)
    call_ms = timed(call, n, warmup, untimed_after=issue)
    if nobody:
        print(f"warning: {nobody} calls found nobody waiting", file=sys.stderr)
    return issue_ms, call_ms, hall


class TimedConnection:
    """Stands in for the hall's ``sqlite3.Connection`` and adds up the time spent per statement."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self.spent: dict[str, list[float]] = {}

    def execute(self, sql: str, parameters: object = ()) -> sqlite3.Cursor:
        start = time.perf_counter()
        cursor = self._conn.execute(sql, parameters)  # type: ignore[arg-type]
        key = " ".join(sql.split())
        key = key if len(key) <= 90 else key[:87] + "..."
        self.spent.setdefault(key, []).append(time.perf_counter() - start)
        return cursor

    def __getattr__(self, name: str) -> object:
        return getattr(self._conn, name)


def profile_ops(folder: Path, n: int, history: int, waiting: int) -> str:
    """Where the time of ``issue`` and ``call_next`` (durable) goes: per SQL statement, then the rest
    (Python: sqlite-utils, row conversion, uuid, JSON) by cProfile's own time."""
    report = io.StringIO()
    for op_name in ("issue", "call_next"):
        hall = open_bench_hall(folder, f"hall-profile-{op_name}.sqlite3", "FULL")
        busy_day(hall, history, waiting)
        timed_conn = TimedConnection(hall.store.db.conn)
        profiler = cProfile.Profile()
        spent = 0.0
        for i in range(n):
            hall.store.db.conn = timed_conn  # type: ignore[assignment]
            start = time.perf_counter()
            profiler.enable()
            if op_name == "issue":
                hall.queue.issue("ABCA"[i % 4])
            else:
                hall.queue.call_next([1, 2, 4, 6][i % 4])
            profiler.disable()
            spent += time.perf_counter() - start
            hall.store.db.conn = timed_conn._conn  # type: ignore[assignment]
            if op_name == "issue":  # untimed: keep the line steady
                hall.queue.call_next([1, 2, 4, 6][i % 4])
            else:
                hall.queue.issue("ABCA"[i % 4])
        hall.close()
        rows = sorted(timed_conn.spent.items(), key=lambda kv: -sum(kv[1]))
        in_sql = sum(sum(v) for _, v in rows) / n * 1000
        report.write(
            f"\n{op_name}: {spent / n * 1000:.3f} ms per call (under cProfile), {in_sql:.3f} ms in SQLite\n"
        )
        report.write(f"{'ms/call':>8} {'calls':>6}  statement\n")
        for sql, times in rows:
            report.write(f"{sum(times) / n * 1000:8.3f} {len(times) / n:6.1f}  {sql}\n")
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(8)
        report.write("\n".join(line for line in text.getvalue().splitlines() if line.strip()[:1].isdigit()))
        report.write("\n")
    return report.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=500, help="timed calls per operation")
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--history", type=int, default=500, help="customers already served today")
    parser.add_argument("--waiting", type=int, default=40, help="people in line, kept steady")
    parser.add_argument("--dir", help="folder for the temp files (default: the system temp folder)")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of the queue ops")
    args = parser.parse_args(argv)

    folder = Path(tempfile.mkdtemp(prefix="counter-bench-", dir=args.dir))
    try:
        stat = os.statvfs(folder)
        print(
            f"temp folder {folder} (device {os.stat(folder).st_dev}, "
            f"{stat.f_bavail * stat.f_frsize // 2**30} GiB"
            f" free), SQLite {sqlite3.sqlite_version}, Python {sys.version.split()[0]}"
        )
        print(
            f"{args.n} timed calls per operation after {args.warmup} warm-up calls; a day with "
            f"{args.history} customers served and {args.waiting} waiting (kept steady)\n"
        )
        results: dict[str, dict[str, float]] = {}
        for synchronous, label in (("FULL", ""), ("OFF", " (cpu)")):
            base = floor(folder, args.n, args.warmup, synchronous)
            issue, call_next, hall = queue_ops(
                folder, args.n, args.warmup, synchronous, args.history, args.waiting
            )
            hall.close()
            base_median, base_p99 = summary(base)
            for name, samples in (
                ("floor: raw INSERT+COMMIT", base),
                ("QueueService.issue", issue),
                ("QueueService.call_next", call_next),
            ):
                median, p99 = summary(samples)
                results[name + label] = {
                    "median_ms": round(median, 3),
                    "p99_ms": round(p99, 3),
                    "ratio_median": round(median / base_median, 2),
                    "ratio_p99": round(p99 / base_p99, 2),
                }

        header = f"{'operation':<36}{'median ms':>11}{'p99 ms':>10}{'× floor med':>13}{'× floor p99':>13}"
        print(header)
        print("-" * len(header))
        for name, r in results.items():
            flag = (
                "" if name.startswith("floor") or "(cpu)" in name or r["ratio_median"] <= GOAL else "  > goal"
            )
            print(
                f"{name:<36}{r['median_ms']:>11.3f}{r['p99_ms']:>10.3f}{r['ratio_median']:>13.2f}"
                f"{r['ratio_p99']:>13.2f}{flag}"
            )
        print(f"\ngoal: durable queue actions ≤ {GOAL}× the durable floor (median and p99)")
        if args.profile:
            print("\n" + profile_ops(folder, args.n, args.history, args.waiting))
        print(
            json.dumps(
                {
                    "bench": "queue",
                    "n": args.n,
                    "history": args.history,
                    "waiting": args.waiting,
                    "goal_ratio": GOAL,
                    "results": results,
                }
            )
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
