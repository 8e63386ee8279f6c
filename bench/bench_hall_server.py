"""The hall on its PostgreSQL server: one action, twelve PCs flat out, the push, an outage, a hand-over.

    python bench/bench_hall_server.py [--n 300] [--seconds 10] [--replay 1000]

Starts its own throwaway PostgreSQL cluster (``tests/pg_server.py``: the newest server binaries of
this machine, fsync off as in the tests: compare ratios, not milliseconds) and measures, in one run:

1. **floor**: raw psycopg, one single-row ``INSERT`` + ``COMMIT`` on the same server: the cheapest
   write a PC can make there. ``issue`` and ``call_next`` as a PC makes them (``app.open_pc``,
   ``LinkedHall.run``), median and p99, each as a ratio to the floor's. Goal ≤ 1.5×.
2. **flat out**: 2 kiosks + 10 counters, each a process of its own, for ``--seconds``: actions/s,
   median and p99 (ratio to the floor), and duplicates, tickets called twice, gaps (must be 0).
3. **push**: a counter's call → a display's ``ServerWatch`` (``LISTEN``, another thread with its own
   connection) learns of it: p50 / p95 from the key press. Goal ≤ 300 ms.
4. **outage**: the server stopped hard, and the cable cut silently (a TCP proxy that swallows
   bytes): seconds until the PC's status says it works alone. Goal ≤ 3 s. And back.
5. **hand-over**: ``--replay`` actions done alone (issue, call by number, finish) replayed on the
   server: seconds, and per action as a ratio to the floor.

Not a test: nothing here asserts on time. The last line is one JSON object for scripts.
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter as Tally
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "system")]  # the throwaway server, the proxy

START = "2025-03-03T09:00:00+08:00"
EXTRA_COUNTERS = "".join(
    f'\n[[counters]]\nnumber = {n}\nservices = ["{a}", "{b}"]\n'
    for n, a, b in ((7, "A", "B"), (8, "C", "A"), (9, "A", "D"), (10, "B", "C"))
)


def clock() -> Callable[[], datetime]:
    origin, began = datetime.fromisoformat(START), time.monotonic()
    return lambda: origin + timedelta(seconds=time.monotonic() - began)


def ms(samples: list[float]) -> dict[str, float]:
    samples = sorted(samples)
    return {
        "n": len(samples),
        "median_ms": round(statistics.median(samples), 3),
        "p95_ms": round(samples[max(0, int(len(samples) * 0.95) - 1)], 3),
        "p99_ms": round(samples[max(0, int(len(samples) * 0.99) - 1)], 3),
        "max_ms": round(samples[-1], 3),
    }


# the cluster and its halls ------------------------------------------------------------------------
class Cluster:
    def __init__(self, server: Any, folder: Path) -> None:
        self.server = server
        self.folder = folder
        self.profile = folder / "hall_profile.toml"
        from counter_app import paths

        shutil.copytree(paths.DEFAULT_PROFILE.parent / "profile", folder / "profile")
        self.profile.write_text(paths.DEFAULT_PROFILE.read_text(encoding="utf-8") + EXTRA_COUNTERS, "utf-8")
        self.halls = 0

    def make_hall(self) -> str:
        import psycopg

        from counter_app.app import open_server_hall

        self.halls += 1
        name = f"bench{self.halls}"
        with psycopg.connect(self.server.conninfo(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        dsn = str(self.server.conninfo(name))
        open_server_hall(
            dsn, self.folder / f"init{self.halls}.sqlite3", profile_file=self.profile, create=True
        ).close()
        return dsn

    def stop_hard(self) -> None:
        self.server.ctl("-m", "immediate", "-w", "stop")

    def start(self, *, fsync: bool = False) -> None:
        """Start again; ``fsync``: each commit flushed to the disk, as on a hall's server (the tests'
        server, as started, does not flush; its command line wins over ``ALTER SYSTEM``)."""
        base = self.server.datadir.parent
        flush = "on" if fsync else "off"
        options = (
            f"-p {self.server.port} -k {base} -c listen_addresses=127.0.0.1 -c fsync={flush} "
            f"-c full_page_writes={flush} -c max_connections=200 -c shared_buffers=64MB"
        )
        self.server.ctl("-l", str(base / "restart.log"), "-o", options, "-w", "start")

    def restart(self, *, fsync: bool) -> None:
        self.server.ctl("-m", "fast", "-w", "stop")
        self.start(fsync=fsync)


# 1. one action against the floor --------------------------------------------------------------------
def floor(dsn: str, n: int) -> list[float]:
    import psycopg

    conn = psycopg.connect(dsn)
    conn.execute("CREATE TABLE IF NOT EXISTS bench_floor (id bigserial PRIMARY KEY, v text NOT NULL)")
    conn.commit()
    samples = []
    for i in range(n + 50):
        start = time.perf_counter()
        conn.execute("INSERT INTO bench_floor (v) VALUES (%s)", [f"row {i}"])
        conn.commit()
        if i >= 50:
            samples.append((time.perf_counter() - start) * 1000)
    conn.close()
    return samples


def one_pc_actions(dsn: str, folder: Path, n: int) -> dict[str, list[float]]:
    """``issue`` and ``call_next`` as a PC makes them, the line kept at ~40 people."""
    from counter_app.app import open_pc

    folder.mkdir(exist_ok=True)
    hall = open_pc(dsn, folder / "one.sqlite3", pc="bench-one", clock=clock())
    try:
        for _ in range(40):
            hall.run(lambda h: h.queue.issue("A"))
        issue, call = [], []
        for i in range(n + 30):
            start = time.perf_counter()
            hall.run(lambda h: h.queue.issue("A"))
            took = (time.perf_counter() - start) * 1000
            start = time.perf_counter()
            result = hall.run(lambda h: h.queue.call_next(2))
            took2 = (time.perf_counter() - start) * 1000
            assert result.called is not None
            if i >= 30:
                issue.append(took)
                call.append(took2)
    finally:
        hall.close()
    return {"issue": issue, "call_next": call}


# 2. twelve PCs flat out ------------------------------------------------------------------------------
def worker(args: argparse.Namespace) -> None:
    import random

    from counter_app.app import open_pc
    from counter_app.domain.errors import HallError, StoreUnavailable

    hall = open_pc(args.dsn, args.db, pc=args.pc, clock=clock())
    rng = random.Random(args.seed)
    print(json.dumps({"ready": args.worker}), flush=True)
    while not Path(args.barrier).exists():
        time.sleep(0.001)
    latencies: list[float] = []
    idle = failed = 0
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        start = time.perf_counter()
        try:
            if args.worker == "kiosk":
                green = rng.random() < 0.05
                hall.run(
                    lambda h, g=green: h.queue.issue(
                        rng.choice("AAABCCD"), green=g, green_reason="elderly" if g else ""
                    )
                )
            elif hall.run(lambda h: h.queue.call_next(args.counter)).called is None:
                idle += 1  # nobody waiting: not an action; the clerk presses again a moment later
                time.sleep(0.02)
                continue
        except (HallError, StoreUnavailable):
            failed += 1
            continue
        latencies.append((time.perf_counter() - start) * 1000)
    online = hall.link.server is not None
    hall.close()
    print(
        json.dumps(
            {"role": args.worker, "latencies": latencies, "idle": idle, "failed": failed, "online": online}
        ),
        flush=True,
    )


def flat_out(dsn: str, folder: Path, kiosks: int, counters: int, seconds: float) -> list[dict[str, Any]]:
    barrier = folder / "go"
    roles = [("kiosk", 0)] * kiosks + [("counter", n) for n in range(1, counters + 1)]
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--worker",
                role,
                "--dsn",
                dsn,
                "--db",
                str(folder / f"pc{i}.sqlite3"),
                "--pc",
                f"pc{i}",
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
            env=child_env(),
        )
        for i, (role, number) in enumerate(roles)
    ]
    for proc in procs:
        assert proc.stdout is not None
        proc.stdout.readline()
    barrier.touch()
    results = []
    for proc in procs:
        out, _ = proc.communicate(timeout=seconds + 120)
        if proc.returncode != 0:
            raise SystemExit(f"a PC process failed with exit code {proc.returncode}")
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def child_env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def invariants(dsn: str) -> dict[str, int]:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        duplicates = conn.execute(
            "SELECT COUNT(*) FROM (SELECT 1 FROM tickets GROUP BY business_day, number HAVING COUNT(*) > 1) d"
        ).fetchone()
        kinds: dict[int, Tally[str]] = {}
        for ticket_id, kind in conn.execute(
            "SELECT ticket_id, kind FROM queue_events WHERE ticket_id IS NOT NULL"
        ):
            kinds.setdefault(ticket_id, Tally())[kind] += 1
        gaps = sum(
            top - count
            for count, top in conn.execute(
                "SELECT COUNT(*), MAX(seq) FROM tickets GROUP BY business_day, prefix"
            )
        )
        tickets = conn.execute("SELECT COUNT(*) FROM tickets").fetchone()
    return {
        "tickets": int(tickets[0]) if tickets else 0,
        "duplicate_numbers": int(duplicates[0]) if duplicates else 0,
        "called_twice": sum(1 for k in kinds.values() if k["called"] > 1 + k["requeued"] + k["transferred"]),
        "number_gaps": int(gaps),
    }


# 3. the push ------------------------------------------------------------------------------------------
def push(dsn: str, folder: Path, n: int) -> list[float]:
    """From the counter's key press to the display's watch hearing of the call."""
    from counter_app.app import open_pc
    from counter_app.store.postgres.changes import ServerWatch

    heard: list[float] = []
    news = threading.Event()

    def changed(areas: frozenset[str]) -> None:
        if "queue" in areas or "*" in areas:
            heard.append(time.perf_counter())
            news.set()

    watch = ServerWatch(dsn, timezone="Asia/Shanghai", now=clock())
    watch.start(changed)
    hall = open_pc(dsn, folder / "push.sqlite3", pc="bench-push", clock=clock())
    samples = []
    try:
        time.sleep(0.5)  # the watch is listening
        for _ in range(n):
            hall.run(lambda h: h.queue.issue("A"))
            time.sleep(0.03)  # the kiosk's own notification has arrived and is out of the way
            news.clear()
            pressed = time.perf_counter()
            hall.run(lambda h: h.queue.call_next(1))
            if not news.wait(5.0):
                raise SystemExit("the display never heard of a call")
            samples.append((heard[-1] - pressed) * 1000)
    finally:
        hall.close()
        watch.stop()
    return samples


# 4. the outage -----------------------------------------------------------------------------------------
def time_to_alone(hall: Any, pull: Callable[[], None], timeout: float = 30.0) -> float:
    """Seconds from pulling the plug until the PC's status says it works alone."""
    assert hall.link_status().server_up
    pulled = time.perf_counter()
    pull()
    while hall.link_status().server_up:
        if time.perf_counter() - pulled > timeout:
            return float("inf")
        time.sleep(0.01)
    return time.perf_counter() - pulled


def time_to_back(hall: Any, plug: Callable[[], None], timeout: float = 60.0) -> float:
    """Seconds from the plug back until the PC works with its server again (a job runs there)."""
    plugged = time.perf_counter()
    plug()
    while True:
        hall.run(lambda h: None)  # the clerk's next action: it reconnects when the watch says so
        if hall.link_status().server_up:
            return time.perf_counter() - plugged
        if time.perf_counter() - plugged > timeout:
            return float("inf")
        time.sleep(0.01)


def outage(cluster: Cluster, dsn: str, folder: Path) -> dict[str, float]:
    from tcp_proxy import TcpProxy

    from counter_app.app import open_pc

    figures = {}
    hall = open_pc(dsn, folder / "stop.sqlite3", pc="bench-stop", clock=clock())
    hall.changes.start(lambda areas: None)
    try:
        time.sleep(1.5)
        figures["hard_stop_s"] = time_to_alone(hall, cluster.stop_hard)
        figures["hard_stop_back_s"] = time_to_back(hall, cluster.start)
    finally:
        hall.close()

    proxy = TcpProxy(cluster.server.host, cluster.server.port)
    try:
        cut_dsn = dsn.replace(f"port={cluster.server.port}", f"port={proxy.port}")
        hall = open_pc(cut_dsn, folder / "cut.sqlite3", pc="bench-cut", clock=clock())
        hall.changes.start(lambda areas: None)
        try:
            time.sleep(1.5)
            figures["cable_cut_s"] = time_to_alone(hall, lambda: proxy.cut("blackhole"))
            figures["cable_back_s"] = time_to_back(hall, proxy.restore)
        finally:
            hall.close()
    finally:
        proxy.close()
    return figures


# 5. the hand-over ----------------------------------------------------------------------------------------
def replay(cluster: Cluster, dsn: str, folder: Path, actions: int) -> dict[str, float]:
    import random

    from counter_app.app import open_pc
    from counter_app.domain.errors import HallError

    db = folder / "desk.sqlite3"
    open_pc(dsn, db, pc="bench-desk", clock=clock()).close()  # joined once: it has its tag
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        away = dsn.replace(f"port={cluster.server.port}", f"port={s.getsockname()[1]}")  # nobody answers
    hall = open_pc(away, db, pc="bench-desk", clock=clock())
    rng, waiting, done = random.Random(5), [], 0
    while done < actions:
        try:
            if not waiting or rng.random() < 0.45:
                waiting.append(hall.run(lambda h: h.queue.issue(rng.choice("AABC"))).ticket.number)
            elif rng.random() < 0.6:
                number = waiting.pop(0)
                hall.run(lambda h, n=number: h.queue.call_number(1, n))
            else:
                hall.run(lambda h: h.queue.finish(1))
            done += 1
        except HallError:
            pass
    assert hall.link_status().pending == actions
    hall.close()
    opened = time.perf_counter()
    hall = open_pc(dsn, db, pc="bench-desk", clock=clock())  # opening hands over what waits
    took = time.perf_counter() - opened
    report, status = hall.link.last_hand_over, hall.link_status()
    hall.close()
    opened = time.perf_counter()
    open_pc(dsn, db, pc="bench-desk", clock=clock()).close()  # the same with nothing waiting
    empty = time.perf_counter() - opened
    assert report is not None and status.pending == 0 and status.parked == 0
    return {
        "actions": actions,
        "seconds": round(took - empty, 3),
        "per_action_ms": round((took - empty) * 1000 / actions, 3),
        "applied": report.applied,
        "conflicts": report.conflicts,
    }


# the run --------------------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--n", type=int, default=300, help="timed actions per kind (one PC)")
    parser.add_argument("--seconds", type=float, default=10.0, help="flat out for this long")
    parser.add_argument("--kiosks", type=int, default=2)
    parser.add_argument("--counters", type=int, default=10)
    parser.add_argument("--calls", type=int, default=100, help="calls timed to the display")
    parser.add_argument("--replay", type=int, default=1000, help="actions done alone, then handed over")
    parser.add_argument("--dir", help="folder for the PCs' own files (default: the system temp folder)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--dsn", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--pc", help=argparse.SUPPRESS)
    parser.add_argument("--barrier", help=argparse.SUPPRESS)
    parser.add_argument("--counter", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args)
        return 0

    import logging

    logging.basicConfig(level=logging.ERROR)  # the outage's warnings are expected here
    from pg_server import test_server

    folder = Path(tempfile.mkdtemp(prefix="counter-bench-pg-", dir=args.dir))
    try:
        with test_server() as server:
            if server.bindir is None:
                raise SystemExit("needs a server of its own: unset COUNTER_APP_TEST_PG")
            cluster = Cluster(server, folder)
            print(f"throwaway cluster on port {server.port}; PCs' own files in {folder}\n")
            results = run(cluster, folder, args)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps({"bench": "hall_server", **results}))
    return 0


def fsync_setting(dsn: str) -> str:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        row = conn.execute("SHOW fsync").fetchone()
    return str(row[0]) if row else "?"


def one_action(
    cluster: Cluster, dsn: str, folder: Path, n: int, durable: bool
) -> tuple[dict[str, float], dict[str, Any]]:
    if durable:
        cluster.restart(fsync=True)
    try:
        assert fsync_setting(dsn) == ("on" if durable else "off")
        base = ms(floor(dsn, n))
        one: dict[str, Any] = {
            kind: ms(s) for kind, s in one_pc_actions(dsn, folder / str(durable), n).items()
        }
    finally:
        if durable:
            cluster.restart(fsync=False)
    title = (
        "fsync on: every commit flushed to the server's disk" if durable else "fsync off (the tests' server)"
    )
    print(f"{'':34}{'median ms':>10}{'p99 ms':>9}{'× floor':>9}{'p99 ×':>8}   {title}")
    print(
        f"{'floor: INSERT + COMMIT (psycopg)':34}{base['median_ms']:>10.3f}{base['p99_ms']:>9.3f}"
        f"{1:>9.2f}{1:>8.2f}"
    )
    for kind, r in one.items():
        r["ratio"] = round(r["median_ms"] / base["median_ms"], 2)
        r["p99_ratio"] = round(r["p99_ms"] / base["p99_ms"], 2)
        print(
            f"{kind + ' (open_pc, LinkedHall.run)':34}{r['median_ms']:>10.3f}{r['p99_ms']:>9.3f}"
            f"{r['ratio']:>9.2f}{r['p99_ratio']:>8.2f}"
        )
    return base, one


def run(cluster: Cluster, folder: Path, args: argparse.Namespace) -> dict[str, Any]:
    dsn = cluster.make_hall()
    print(f"1. one action, N = {args.n} each (goal ≤ 1.5× the floor)")
    durable_base, durable = one_action(cluster, dsn, folder, args.n, durable=True)
    base, one = one_action(cluster, cluster.make_hall(), folder, args.n, durable=False)

    busy = cluster.make_hall()
    results = flat_out(busy, folder, args.kiosks, args.counters, args.seconds)
    latencies = [x for r in results for x in r["latencies"]]
    together = ms(latencies)
    rates = {
        role: sum(len(r["latencies"]) for r in results if r["role"] == role) / args.seconds
        for role in ("kiosk", "counter")
    }
    checks = invariants(busy)
    flat = {
        "actions_per_s": round(len(latencies) / args.seconds, 1),
        "issues_per_s": round(rates["kiosk"], 1),
        "calls_per_s": round(rates["counter"], 1),
        "idle_next": sum(r["idle"] for r in results),
        "failed": sum(r["failed"] for r in results),
        "all_online": all(r["online"] for r in results),
        **together,
        "p99_ratio": round(together["p99_ms"] / base["p99_ms"], 2),
        **checks,
    }
    print(f"\n2. {args.kiosks} kiosks + {args.counters} counters flat out for {args.seconds:g} s (processes)")
    print(
        f"   {flat['actions_per_s']} actions/s ({flat['issues_per_s']} issues/s, "
        f"{flat['calls_per_s']} calls/s; {flat['idle_next']} 'next' found nobody); "
        f"median {together['median_ms']} ms, p99 {together['p99_ms']} ms "
        f"({flat['p99_ratio']}× the floor's p99); failed {flat['failed']}"
    )
    print(
        f"   duplicate numbers {checks['duplicate_numbers']}, called twice {checks['called_twice']}, "
        f"number gaps {checks['number_gaps']} (all must be 0); {checks['tickets']} tickets"
    )

    heard = ms(push(cluster.make_hall(), folder, args.calls))
    print(f"\n3. a call → the display's LISTEN hears of it, N = {args.calls} (goal ≤ 300 ms)")
    print(
        f"   p50 {heard['median_ms']} ms, p95 {heard['p95_ms']} ms, max {heard['max_ms']} ms "
        f"({heard['median_ms'] / base['median_ms']:.1f}× one floor commit)"
    )

    gone = outage(cluster, cluster.make_hall(), folder)
    print("\n4. outage → the PC's status says it works alone (goal ≤ 3 s)")
    print(
        f"   server stopped hard: {gone['hard_stop_s']:.2f} s "
        f"(back with the server {gone['hard_stop_back_s']:.2f} s after it started)"
    )
    print(
        f"   cable cut silently:  {gone['cable_cut_s']:.2f} s "
        f"(back {gone['cable_back_s']:.2f} s after restored)"
    )

    handed = replay(cluster, cluster.make_hall(), folder, args.replay)
    per = handed["per_action_ms"] / base["median_ms"]
    print(
        f"\n5. hand-over of {handed['actions']} actions done alone: {handed['seconds']:.2f} s "
        f"({handed['per_action_ms']} ms an action, {per:.1f}× the floor); applied {handed['applied']}, "
        f"conflicts {handed['conflicts']}"
    )
    return {
        "floor": base,
        "one_pc": one,
        "floor_fsync": durable_base,
        "one_pc_fsync": durable,
        "flat_out": flat,
        "push": heard,
        "outage": gone,
        "hand_over": handed,
    }


if __name__ == "__main__":
    raise SystemExit(main())
