"""Benchmark: what the audit chain and sign-in cost (issue #12).

Measured in one run, each figure next to a baseline measured in the same run:

* **Chained actions**: median and p99 of one queue action (issue, then call-next at a counter) on a
  hall file whose audit rows are chained in the action's transaction, against the same actions on a
  second hall file of the same run whose connection does not chain (``store.audit`` not watching):
  ratio = chained / unchained.
* **Verify**: rows per second through ``audit verify`` of the whole trail, against reading the same
  rows with a plain ``SELECT *`` per audited table (ratio = verify / plain, in rows per second).
* **Sign-in**: the median time of one sign-in (an Argon2id check at the hall's parameters, RFC 9106
  low-memory: t=3, 64 MiB, p=4) against one SHA-256 of the same password (ratio = sign-in / SHA-256):
  what makes guessing slow.

    python bench/bench_audit_chain.py              # 2,000 actions
    python bench/bench_audit_chain.py --ops 300    # a quick run

The last line printed is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import tempfile
import time
from pathlib import Path

from counter_app.app import open_hall
from counter_app.domain.roles import Role
from counter_app.services.hall import Hall
from counter_app.store.audit_chain import AUDITED

PASSWORD = "Sunshine-Meadow7"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def actions(hall: Hall, ops: int) -> list[float]:
    times: list[float] = []
    for i in range(ops):
        t0 = time.perf_counter()
        hall.queue.issue("A")
        if i % 2:
            hall.queue.call_next(1 + i % 4, clerk="王丽")
        times.append(time.perf_counter() - t0)
    return times


def main(ops: int) -> dict[str, object]:
    folder = Path(tempfile.mkdtemp(prefix="counter-audit-bench-"))
    with (
        open_hall(folder / "chained.sqlite3", create=True) as chained,
        open_hall(folder / "plain.sqlite3", create=True) as plain,
    ):
        plain.store.audit._watching = False  # type: ignore[attr-defined]  # the baseline: no links
        for hall in (chained, plain):
            actions(hall, 20)  # warm up
        with_chain, without = [], []
        for _ in range(5):  # interleaved rounds, so both see the same machine
            with_chain += actions(chained, ops // 5)
            without += actions(plain, ops // 5)

        t0 = time.perf_counter()
        verdict = chained.audit.verify()
        verify_s = time.perf_counter() - t0
        assert verdict.ok
        t0 = time.perf_counter()
        with chained.store.read():
            read = sum(
                len(chained.store.sql.execute(f"SELECT * FROM {table}").fetchall())  # type: ignore[attr-defined]
                for table in AUDITED
            )
        plain_s = time.perf_counter() - t0

        chained.users.add("admin", "管理员", Role.ADMINISTRATOR, PASSWORD)
        sign_ins = []
        for _ in range(5):
            t0 = time.perf_counter()
            chained.users.sign_in("admin", PASSWORD)
            sign_ins.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    for _ in range(1000):
        hashlib.sha256(PASSWORD.encode()).hexdigest()
    sha_s = (time.perf_counter() - t0) / 1000

    figures: dict[str, object] = {
        "actions": len(with_chain),
        "chained_median_ms": round(statistics.median(with_chain) * 1000, 3),
        "unchained_median_ms": round(statistics.median(without) * 1000, 3),
        "median_ratio": round(statistics.median(with_chain) / statistics.median(without), 3),
        "chained_p99_ms": round(percentile(with_chain, 99) * 1000, 3),
        "unchained_p99_ms": round(percentile(without, 99) * 1000, 3),
        "p99_ratio": round(percentile(with_chain, 99) / percentile(without, 99), 3),
        "verify_rows": verdict.trail.checked,
        "verify_rows_per_s": round(verdict.trail.checked / verify_s),
        "plain_read_rows_per_s": round(read / plain_s),
        "verify_ratio": round((verdict.trail.checked / verify_s) / (read / plain_s), 4),
        "sign_in_median_ms": round(statistics.median(sign_ins) * 1000, 1),
        "sha256_us": round(sha_s * 1e6, 2),
        "sign_in_ratio": round(statistics.median(sign_ins) / sha_s),
    }
    for key, value in figures.items():
        print(f"{key:>24}: {value}")
    print(json.dumps(figures))
    return figures


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ops", type=int, default=2000)
    main(parser.parse_args().ops)
