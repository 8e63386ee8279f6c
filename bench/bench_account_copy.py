"""The account list on every PC of a hall with a server: what shelving the list on the server adds to
an import, what a PC's copy costs, and whether lookups on the copy are as fast as on the original.

A throwaway PostgreSQL (the tests' ``tests/pg_server.py``: Debian's binaries, or
``COUNTER_APP_TEST_PG``) holds the hall. Baselines, measured in the same run on the same disk:

* **import**: the same CSV imported into a one-PC hall (the embedded file, no shelf) against the
  import on the server hall by PC-1 (builds the same file, then shelves it with its SHA-256);
* **copy**: PC-2 reaching the server after the import (its link fetches the chunks, writes and
  fsyncs the file, checks the digest: the time of that open less the time of an open with nothing to
  copy) against a raw local ``shutil.copyfile`` + SHA-256 of the same file + fsync;
* **lookups**: the counter's search (``AccountService.find``) on PC-2's copy while the server is down,
  against the same queries on PC-1, online, on the original file.

    python bench/bench_account_copy.py [--rows 200000] [--queries 100] [--dir DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from bench_accounts import sample_queries, timed, write_city  # noqa: E402
from pg_server import test_server  # noqa: E402
from pytest_postgresql.janitor import DatabaseJanitor  # noqa: E402

from counter_app.app import open_hall, open_pc  # noqa: E402


def raw_copy(source: Path, target: Path) -> float:
    started = time.perf_counter()
    shutil.copyfile(source, target)
    digest = hashlib.sha256()
    with target.open("rb") as stream:
        while block := stream.read(4 * 1024 * 1024):
            digest.update(block)
        os.fsync(stream.fileno())
    return time.perf_counter() - started


def down(dsn: str) -> str:
    parts = dict(item.split("=", 1) for item in dsn.split())
    parts["port"] = "1"  # nothing listens there
    return " ".join(f"{k}={v}" for k, v in parts.items())


def run(work: Path, rows: int, queries: int) -> dict[str, Any]:
    source = work / "city.csv"
    write_city(source, rows)
    result: dict[str, Any] = {"rows": rows}

    with open_hall(work / "alone.sqlite3", create=True) as alone:
        started = time.perf_counter()
        alone.account_import.run(source)
        result["import_one_pc_s"] = time.perf_counter() - started

    with test_server() as server:
        janitor = DatabaseJanitor(user=server.user, host=server.host, port=server.port, dbname="bench_hall")
        janitor.init()
        dsn = server.conninfo("bench_hall")
        try:
            with open_hall(work / "it.sqlite3", create=True, hall=dsn):
                pass
            open_pc(dsn, work / "pc2.sqlite3", pc="pc-2").close()  # joins before any list exists
            one = open_pc(dsn, work / "pc1.sqlite3", pc="pc-1")
            try:
                started = time.perf_counter()
                summary = one.run(lambda h: h.account_import.run(source))
                result["import_server_s"] = time.perf_counter() - started
                original = work / "pc1.sqlite3.accounts" / f"accounts-{summary.list_uuid}.sqlite3"
                result["file_mb"] = original.stat().st_size / 1e6
                result["raw_copy_s"] = raw_copy(original, work / "raw-copy.sqlite3")

                started = time.perf_counter()
                open_pc(dsn, work / "pc2.sqlite3", pc="pc-2").close()  # reaches the server: copies
                with_copy = time.perf_counter() - started
                started = time.perf_counter()
                open_pc(dsn, work / "pc2.sqlite3", pc="pc-2").close()  # up to date: nothing to copy
                result["open_s"] = time.perf_counter() - started
                result["copy_s"] = with_copy - result["open_s"]
                copied = work / "pc2.sqlite3.accounts" / original.name
                assert copied.read_bytes() == original.read_bytes()

                sample = sample_queries(original, queries)
                cut = open_pc(down(dsn), work / "pc2.sqlite3", pc="pc-2")
                lookups: dict[str, Any] = {}
                try:
                    assert cut.alone
                    for kind, texts in sample.items():
                        copy_p95 = timed(lambda q: cut.accounts.find(q), texts)[1]
                        orig_p95 = timed(lambda q: one.accounts.find(q), texts)[1]
                        lookups[kind] = {
                            "copy_p95_ms": round(copy_p95, 2),
                            "original_p95_ms": round(orig_p95, 2),
                            "ratio": round(copy_p95 / orig_p95, 2) if orig_p95 else None,
                        }
                finally:
                    cut.close()
                result["lookups"] = lookups
            finally:
                one.close()
        finally:
            janitor.drop()
    return result


def report(r: dict[str, Any]) -> None:
    print(f"account list of {r['rows']:,} accounts, file {r['file_mb']:.1f} MB")
    print(
        f"import on the server hall (built + shelved)  {r['import_server_s']:7.2f} s   "
        f"one-PC hall {r['import_one_pc_s']:7.2f} s   ratio {r['import_server_s'] / r['import_one_pc_s']:.2f}"
    )
    print(
        f"PC-2's copy (fetch, fsync, SHA-256)        {r['copy_s']:7.2f} s   "
        f"raw copy+SHA-256+fsync {r['raw_copy_s']:7.2f} s   ratio {r['copy_s'] / r['raw_copy_s']:.2f}   "
        f"{r['file_mb'] / r['copy_s']:.0f} MB/s"
    )
    print("lookups on PC-2's copy, server down, p95 ms (PC-1's original file):")
    for kind, figures in r["lookups"].items():
        print(
            f"  {kind:18s} {figures['copy_p95_ms']:7.2f}   ({figures['original_p95_ms']:7.2f})   "
            f"ratio {figures['ratio']}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--queries", type=int, default=100, help="queries per kind")
    parser.add_argument("--dir", help="work in this folder and keep its files (default: a temporary folder)")
    args = parser.parse_args(argv)
    if args.dir:
        work = Path(args.dir)
        work.mkdir(parents=True, exist_ok=True)
        result = run(work, args.rows, args.queries)
    else:
        with tempfile.TemporaryDirectory(prefix="bench-account-copy-") as folder:
            result = run(Path(folder), args.rows, args.queries)
    report(result)
    print(json.dumps(result, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
