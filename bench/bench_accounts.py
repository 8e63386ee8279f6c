"""Benchmark: importing and searching a city's account list (default 2,000,000 accounts).

Measured in one run, each figure next to a baseline measured in the same run:

* **Import**: rows per second through the hall's import (``AccountImport.run`` with a Cancel flag, as the
  import dialog calls it: parse and validate every row, build the list file with its indexes and search
  tables, make it live), with the time per phase, against two baselines (ratio = baseline seconds /
  import seconds):

  - **A, raw**: ``csv.reader`` + one ``executemany`` of the same CSV rows, as text, into a table with the
    file's nine columns and no index, in one transaction, in a new file with the builder's pragmas
    (``journal_mode=OFF``, ``synchronous=OFF``, the same cache) and one fsync at the end, as the builder.
  - **B, raw + the same indexes and search tables**: A, then by SQL the list file's four indexes, the two
    FTS5 trigram tables (padded, optimized) and the two term tables, on the raw name and address.

  A is the literal "raw executemany of the same rows"; B produces what the import produces (a list the
  counters can search), minus validation, search keys and rank order.
* **Queue blocking**: a second *process* issues a ticket every 50 ms (the kiosk, busy timeout 15 s)
  during the import and records each issue's latency; the longest is how long the queue's write lock
  was unavailable. The same probe runs during the raw one-transaction load *into the hall database*,
  to show what a naive import would do to the queue.
* **XLSX reader**: the first 100,000 rows as an XLSX through the hall's bounded reader against the same
  rows and rules with openpyxl's read-only reader underneath (the reader the hall used before), ratio =
  ours / openpyxl in rows per second.
* **Lookup**: median and p95 per query kind through ``AccountService.find`` (limit 20) against a plain
  ``LIKE '%…%'`` scan of the same table (limit 20).

    python bench/bench_accounts.py                 # 2,000,000 accounts (several minutes)
    python bench/bench_accounts.py --rows 50000    # CI smoke run

The last line printed is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import csv
import json
import multiprocessing as mp
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from counter_app import paths  # noqa: E402
from counter_app.app import open_hall  # noqa: E402
from counter_app.services.payments.account_import import ImportProgress  # noqa: E402
from counter_app.store.account_list.build import BUILD_CACHE_KIB  # noqa: E402
from counter_app.store.sqlite import schema_accounts as schema  # noqa: E402

HEADER = [
    "户号",
    "户名",
    "用电地址",
    "联系电话",
    "用电类别",
    "欠费金额（元）",
    "缴费截止日期",
    "数据日期",
    "代扣",
]
SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余"
    "潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文包"
    "宝那吉敖乌孛额"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华霞平刚桂兰玉梅建国志红文辉力鹏宇浩然子涵欣怡俊嘉乐晨阳巴特尔"
    "乌其格苏日那仁图雅达布花春秋海山林峰云飞宏亮金银凤霞琴丹振兴德福"
)
DISTRICTS = ("科尔沁区", "开鲁县", "科左中旗", "科左后旗", "库伦旗", "奈曼旗", "扎鲁特旗", "霍林郭勒市")
STREET_WORDS = "建国民主和平胜利人民解放新华团结永安光明幸福长青友谊向阳红星文化朝阳东升西拉木伦霍林明仁"
STREET_KINDS = ("路", "大街", "街", "胡同", "大道")
COMMUNITY_WORDS = "金色家园阳光花园绿洲城锦绣华府明珠新城御景东方丽都凯旋盛世"
KINDS = (
    "exact account",
    "account prefix",
    "account last-4",
    "phone full",
    "phone last-4",
    "phone first 7",
    "name",
    "address fragment",
)
KIND_COLUMN = {
    "exact account": "number",
    "account prefix": "number",
    "account last-4": "number",
    "phone full": "phone",
    "phone last-4": "phone",
    "phone first 7": "phone",
    "name": "name",
    "address fragment": "address",
}


# -- a generated city ----------------------------------------------------------------------------------
def city_rows(count: int, seed: int = 20261101) -> Any:
    rnd = random.Random(seed)
    streets = sorted(
        {rnd.choice(STREET_WORDS) + rnd.choice(STREET_WORDS) + rnd.choice(STREET_KINDS) for _ in range(600)}
    )
    communities = sorted({"".join(rnd.sample(COMMUNITY_WORDS, 4)) + "小区" for _ in range(400)})
    villages = sorted({rnd.choice(STREET_WORDS) + rnd.choice(STREET_WORDS) + "村" for _ in range(500)})
    phones = rnd.sample(range(10**9), count)
    for i in range(count):
        name = rnd.choice(SURNAMES) + "".join(rnd.choice(GIVEN) for _ in range(rnd.choice((1, 2, 2, 2))))
        district = rnd.choice(DISTRICTS)
        shape = rnd.random()
        if shape < 0.45:
            address = f"{district}{rnd.choice(streets)}{rnd.randint(1, 400)}号"
        elif shape < 0.8:
            address = (
                f"{district}{rnd.choice(communities)}{rnd.randint(1, 40)}号楼{rnd.randint(1, 6)}单元"
                f"{rnd.randint(1, 18)}{rnd.randint(1, 4):02d}室"
            )
        else:
            address = f"{district}{rnd.choice(villages)}{rnd.randint(1, 12)}组{rnd.randint(1, 200)}号"
        phone = "" if rnd.random() < 0.05 else f"1{rnd.choice('35789')}{phones[i]:09d}"
        owes = rnd.random() < 0.6
        amount = f"{rnd.randint(0, 80000) / 100:.2f}" if owes else "0"
        yield [
            f"{1_000_000_000 + i * 7919 % 8_999_999_999:010d}",
            name,
            address,
            phone,
            "居民生活用电",
            amount,
            "2026-11-25",
            "2026-10-31",
            "是" if rnd.random() < 0.3 else "否",
        ]


def write_city(path: Path, count: int) -> None:
    with open(path, "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADER)
        writer.writerows(city_rows(count))


# -- the kiosk in another process ----------------------------------------------------------------------
def kiosk_probe(db: str, stop: Any, results: Any, interval: float) -> None:
    """Issue a ticket every ``interval`` seconds until ``stop``; send back each issue's latency."""
    hall = open_hall(db)
    latencies: list[float] = []
    failures = 0
    try:
        next_at = time.monotonic()
        while not stop.is_set():
            started = time.monotonic()
            try:
                hall.queue.issue("A", source="bench")
            except Exception:  # locked past the 15 s busy timeout: the queue was blocked
                failures += 1
            latencies.append(time.monotonic() - started)
            next_at += interval
            time.sleep(max(0.0, next_at - time.monotonic()))
    finally:
        hall.close()
        results.put((latencies, failures))


class Probe:
    def __init__(self, db: Path, interval: float = 0.05) -> None:
        ctx = mp.get_context("spawn")
        self.stop, self.results = ctx.Event(), ctx.Queue()
        self.process = ctx.Process(target=kiosk_probe, args=(str(db), self.stop, self.results, interval))

    def __enter__(self) -> Probe:
        self.process.start()
        time.sleep(1.5)  # let it open the hall and settle
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        self.latencies, self.failures = self.results.get(timeout=60)
        self.process.join(30)

    def summary(self) -> dict[str, Any]:
        ordered = sorted(self.latencies)
        return {
            "tickets": len(ordered),
            "failed": self.failures,
            "max_ms": round(ordered[-1] * 1000, 1) if ordered else None,
            "p99_ms": round(ordered[int(len(ordered) * 0.99) - 1] * 1000, 1) if len(ordered) > 100 else None,
            "median_ms": round(statistics.median(ordered) * 1000, 1) if ordered else None,
        }


# -- baselines ------------------------------------------------------------------------------------------
RAW_TABLE = """CREATE TABLE raw_accounts (number TEXT NOT NULL, name TEXT NOT NULL, address TEXT NOT NULL,
    phone TEXT NOT NULL, tariff_class TEXT NOT NULL, arrears TEXT NOT NULL, due_date TEXT, as_of TEXT,
    withholding TEXT NOT NULL) STRICT"""
RAW_INDEXES = (  # the list file's five indexes (schema_accounts.LIST_FILE_INDEXES), on the raw columns
    "CREATE UNIQUE INDEX raw_number ON raw_accounts (number)",
    "CREATE INDEX raw_phone ON raw_accounts (phone, number)",
    "CREATE INDEX raw_last4 ON raw_accounts (substr(phone, -4), number)",
    "CREATE INDEX raw_number_last4 ON raw_accounts (substr(number, -4), number)",
    "CREATE INDEX raw_name ON raw_accounts (length(name), name)",
)


def raw_load(csv_path: Path, db_path: Path, *, same_indexes: bool = False) -> float:
    """The baseline: ``csv.reader`` + one ``executemany`` of the file's rows, as text, into a table with
    the file's nine columns, in a new file with the pragmas the hall's builder uses (no journal, no sync,
    the same cache), then one fsync, as the builder does. No validation, no search keys, no ordering.

    ``same_indexes``: then the list file's four indexes and the same search tables (the two FTS5 trigram
    tables with their padding and 'optimize', and the two term tables), built by SQL from the raw name
    and address columns. Seconds taken."""
    started = time.perf_counter()
    conn = sqlite3.connect(db_path, isolation_level=None)
    for pragma in ("journal_mode=OFF", "synchronous=OFF", f"cache_size=-{BUILD_CACHE_KIB}"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute(RAW_TABLE)
    with open(csv_path, encoding="utf-8", newline="") as stream:
        rows = csv.reader(stream)
        next(rows)
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO raw_accounts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.execute("COMMIT")
    if same_indexes:
        for statement in (*RAW_INDEXES, *schema.SEARCH_STATEMENTS):
            conn.execute(statement)
        conn.execute("BEGIN")
        for table in ("name", "address"):
            conn.execute(
                f"INSERT INTO {table}_grams (rowid, text) SELECT rowid, {table} || ? FROM raw_accounts",
                [schema.PAD * 2],
            )
            conn.execute(f"INSERT INTO {table}_grams ({table}_grams) VALUES ('optimize')")
            conn.execute(
                f"CREATE VIRTUAL TABLE temp.{table}_vocab USING fts5vocab(main, {table}_grams, 'row')"
            )
            conn.execute(f"INSERT INTO {table}_terms (term) SELECT term FROM temp.{table}_vocab")
            conn.execute(f"DROP TABLE temp.{table}_vocab")
        conn.execute("COMMIT")
    conn.close()
    fd = os.open(db_path, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return time.perf_counter() - started


def naive_hall_load(csv_path: Path, db_path: Path) -> float:
    """What a naive import would do: the raw rows in one transaction in the hall database itself."""
    started = time.perf_counter()
    conn = sqlite3.connect(db_path, isolation_level=None, timeout=60)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(RAW_TABLE)
    with open(csv_path, encoding="utf-8", newline="") as stream:
        rows = csv.reader(stream)
        next(rows)
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO raw_accounts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - started


def parse_only(csv_path: Path, limit: int, *, as_values: bool) -> float:
    """Rows per second of the domain's reader alone (every cell validated), on the first rows: as
    ``AccountValues`` (what the import uses) or as ``AccountRow`` objects (the general API)."""
    from counter_app.domain.payments.account_file.reader import open_account_file

    started = time.perf_counter()
    count = 0
    with open_account_file(csv_path) as accounts:
        for _ in accounts.values() if as_values else accounts:
            count += 1
            if count >= limit:
                break
    return count / (time.perf_counter() - started)


class _OpenpyxlSheet:
    """The reader the hall used before its own (openpyxl's read-only mode, rows padded by it), as the
    XLSX baseline: the same rows through the same rules, only openpyxl underneath."""

    encoding = None

    def __init__(self, path: Path) -> None:
        import openpyxl

        from counter_app.domain.payments.account_file.streams import Progress

        self._progress = Progress
        self._book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        self._sheet = self._book.worksheets[0]
        self._done = 0

    def progress(self) -> Any:
        return self._progress(self._done, self._sheet.max_row, "rows")

    def __iter__(self) -> Any:
        from counter_app.domain.payments.account_file.streams import cell_text

        for number, row in enumerate(self._sheet.iter_rows(values_only=True), 1):
            self._done = number
            yield number, [cell_text(v) for v in row]

    def close(self) -> None:
        self._book.close()


def xlsx_parse(csv_path: Path, work: Path, limit: int) -> dict[str, Any]:
    """Rows per second reading the first ``limit`` rows as an XLSX (amounts as numbers, the rest as
    text) through the hall's bounded reader, against openpyxl's read-only reader in the same run."""
    import openpyxl

    from counter_app.domain.payments.account_file.reader import AccountFile, open_account_file

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    with csv_path.open(encoding="utf-8-sig", newline="") as stream:
        for index, row in enumerate(csv.reader(stream)):
            if index > limit:
                break
            sheet.append([float(c) if index and i == 5 else c for i, c in enumerate(row)])
    path = work / "accounts.xlsx"
    book.save(path)

    def rate(open_file: Callable[[], AccountFile]) -> float:
        started = time.perf_counter()
        with open_file() as accounts:
            count = sum(1 for _ in accounts.values())
        assert count == limit, count
        return count / (time.perf_counter() - started)

    def baseline() -> AccountFile:
        source = _OpenpyxlSheet(path)
        return AccountFile(source, file_format="xlsx", close=source.close)

    ours = rate(lambda: open_account_file(path, cancelled=threading.Event().is_set))
    theirs = rate(baseline)
    return {
        "rows": limit,
        "rows_per_s": round(ours),
        "openpyxl_rows_per_s": round(theirs),
        "ratio": round(ours / theirs, 2),
    }


# -- lookups --------------------------------------------------------------------------------------------
def sample_queries(list_file: Path, per_kind: int, seed: int = 7) -> dict[str, list[str]]:
    rnd = random.Random(seed)
    conn = sqlite3.connect(f"file:{list_file}?mode=ro", uri=True)
    total = conn.execute("SELECT MAX(id) FROM accounts").fetchone()[0]
    ids = [rnd.randint(1, total) for _ in range(per_kind * 3)]
    rows = conn.execute(
        f"SELECT number, name, address, phone FROM accounts WHERE id IN ({','.join('?' * len(ids))})", ids
    ).fetchall()
    conn.close()
    rnd.shuffle(rows)
    phones = [r[3] for r in rows if r[3]]

    def fragment(address: str) -> str:
        size = rnd.randint(4, 7)
        start = rnd.randint(0, max(0, len(address) - size))
        return address[start : start + size]

    return {
        "exact account": [r[0] for r in rows[:per_kind]],
        "account prefix": [r[0][: rnd.randint(5, 8)] for r in rows[:per_kind]],
        "account last-4": [r[0][-4:] for r in rows[:per_kind]],
        "phone full": phones[:per_kind],
        "phone last-4": [p[-4:] for p in phones[:per_kind]],
        "phone first 7": [p[:7] for p in phones[:per_kind]],
        "name": [r[1] for r in rows[:per_kind]],
        "address fragment": [fragment(r[2]) for r in rows[:per_kind]],
    }


def timed(run: Callable[[str], Any], queries: Sequence[str]) -> tuple[float, float]:
    times = []
    for query in queries:
        started = time.perf_counter()
        run(query)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)]


def like_scan(list_file: Path) -> Callable[[str, str], Any]:
    conn = sqlite3.connect(f"file:{list_file}?mode=ro", uri=True)

    def run(column: str, query: str) -> Any:
        return conn.execute(
            f"SELECT number, name, address, phone FROM accounts WHERE {column} LIKE ? LIMIT 20",
            [f"%{query}%"],
        ).fetchall()

    return run


# -- main -----------------------------------------------------------------------------------------------
def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--queries", type=int, default=300, help="queries per kind through the service")
    parser.add_argument("--like-queries", type=int, default=20, help="queries per kind for the LIKE baseline")
    parser.add_argument("--dir", help="work in this folder and keep its files (default: a temporary folder)")
    args = parser.parse_args(argv)

    work = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="bench-accounts-"))
    work.mkdir(parents=True, exist_ok=True)
    source = work / f"city-{args.rows}.csv"
    if not source.exists():
        print(f"generating {args.rows:,} accounts …", flush=True)
        write_city(source, args.rows)
    print(f"{source.name}: {source.stat().st_size / 1e6:,.0f} MB", flush=True)

    db = work / "hall.sqlite3"
    for leftover in work.glob("hall.sqlite3*"):
        shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
    open_hall(db, profile_file=paths.DEFAULT_PROFILE, create=True).close()

    print("importing through the hall's import, with the kiosk probe running …", flush=True)
    hall = open_hall(db)
    phases: dict[str, float] = {}

    def progress(step: ImportProgress) -> None:
        phases.setdefault(step.phase, time.perf_counter())

    cancel = threading.Event()  # the import dialog's Cancel: asked for every row and every chunk read
    with Probe(db) as probe:
        started = time.perf_counter()
        summary = hall.account_import.run(source, progress=progress, cancelled=cancel.is_set)
        import_s = time.perf_counter() - started
    queue_during_import = probe.summary()
    marks = sorted(phases.items(), key=lambda kv: kv[1])
    phase_s = {
        name: round(end - begin, 2)
        for (name, begin), (_, end) in zip(marks, [*marks[1:], ("end", started + import_s)], strict=True)
        if name not in ("switching", "done")
    }

    print("raw executemany baselines …", flush=True)
    raw_s = raw_load(source, work / "raw.sqlite3")
    (work / "raw.sqlite3").unlink()
    raw_search_s = raw_load(source, work / "raw-search.sqlite3", same_indexes=True)
    (work / "raw-search.sqlite3").unlink()
    with Probe(db) as naive_probe:
        naive_s = naive_hall_load(source, db)
    queue_during_naive = naive_probe.summary()
    parse_rate = parse_only(source, min(args.rows, 200_000), as_values=True)
    parse_objects_rate = parse_only(source, min(args.rows, 200_000), as_values=False)
    print("XLSX reader against openpyxl …", flush=True)
    xlsx = xlsx_parse(source, work, min(args.rows, 100_000))

    live = hall.accounts.live_list()
    assert live is not None
    list_file = hall.accounts.folder / live.file
    queries = sample_queries(list_file, args.queries)
    hall.accounts.find("预热")  # open the list file before timing
    scan = like_scan(list_file)
    lookups: dict[str, dict[str, float]] = {}
    for kind in KINDS:
        ours = timed(lambda q: hall.accounts.find(q, limit=20), queries[kind])
        column = KIND_COLUMN[kind]
        like = timed(lambda q, c=column: scan(c, q), queries[kind][: args.like_queries])
        lookups[kind] = {
            "median_ms": ours[0],
            "p95_ms": ours[1],
            "like_median_ms": like[0],
            "like_p95_ms": like[1],
            "speedup_median": like[0] / ours[0] if ours[0] else 0.0,
        }
    typed = {
        "surname only": [q[:1] for q in queries["name"]],
        "name, 2 characters": [q[:2] for q in queries["name"]],
    }
    as_typed = {k: timed(lambda q: hall.accounts.find(q, limit=20), v) for k, v in typed.items()}
    hall.close()

    rows = args.rows
    result = {
        "rows": rows,
        "csv_mb": round(source.stat().st_size / 1e6, 1),
        "import_s": round(import_s, 1),
        "import_rows_per_s": round(rows / import_s),
        "raw_executemany_s": round(raw_s, 1),
        "raw_rows_per_s": round(rows / raw_s),
        "ratio_vs_raw": round(raw_s / import_s, 3),
        "raw_with_same_indexes_s": round(raw_search_s, 1),
        "raw_with_same_indexes_rows_per_s": round(rows / raw_search_s),
        "ratio_vs_raw_with_indexes": round(raw_search_s / import_s, 3),
        "import_phases_s": phase_s,
        "parse_only_rows_per_s": round(parse_rate),
        "parse_only_objects_rows_per_s": round(parse_objects_rate),
        "xlsx_parse": xlsx,
        "import_summary": {
            k: v for k, v in summary.as_json().items() if k in ("inserted", "rejected", "accounts")
        },
        "list_file_mb": round(list_file.stat().st_size / 1e6, 1),
        "queue_during_import": queue_during_import,
        "queue_during_naive_one_transaction_load": {**queue_during_naive, "load_s": round(naive_s, 1)},
        "lookup": {k: {m: round(v, 3) for m, v in d.items()} for k, d in lookups.items()},
        "lookup_as_typed": {
            k: {"median_ms": round(v[0], 3), "p95_ms": round(v[1], 3)} for k, v in as_typed.items()
        },
    }
    report(result)
    print(json.dumps(result, ensure_ascii=False))
    if not args.dir:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def report(r: dict[str, Any]) -> None:
    rate = "{:>9,} rows/s"
    print()
    print(f"Import of {r['rows']:,} accounts ({r['csv_mb']} MB CSV); ratio = raw seconds / hall seconds")
    print(
        f"  hall import (validate, build, index, make live)  {r['import_s']:>8} s  "
        + rate.format(r["import_rows_per_s"])
    )
    print("    phases: " + ", ".join(f"{k} {v} s" for k, v in r["import_phases_s"].items()))
    print(
        f"  baseline A: raw csv.reader + executemany          {r['raw_executemany_s']:>8} s  "
        + rate.format(r["raw_rows_per_s"])
        + f"   ratio {r['ratio_vs_raw']:.3f}x"
    )
    print(
        f"  baseline B: A + the same indexes and search tables {r['raw_with_same_indexes_s']:>7} s  "
        + rate.format(r["raw_with_same_indexes_rows_per_s"])
        + f"   ratio {r['ratio_vs_raw_with_indexes']:.3f}x"
    )
    print(
        "    A: the CSV's rows as text into a 9-column table, no index, one transaction, builder pragmas\n"
        "    B: A, then the list file's 5 indexes, 2 FTS5 trigram tables (+ optimize) and 2 term tables"
    )
    reader = rate.format(r["parse_only_rows_per_s"])
    objects = rate.format(r["parse_only_objects_rows_per_s"])
    print(f"  the domain's reader alone, as AccountValues (the import's path)    {reader}")
    print(f"  the domain's reader alone, as AccountRow objects                   {objects}")
    x = r["xlsx_parse"]
    print(
        f"  the same {x['rows']:,} rows as XLSX, bounded reader {rate.format(x['rows_per_s'])}, "
        f"openpyxl read-only {rate.format(x['openpyxl_rows_per_s'])}   ratio {x['ratio']:.2f}x"
    )
    q, n = r["queue_during_import"], r["queue_during_naive_one_transaction_load"]
    print("Queue: a ticket every 50 ms from another process (busy timeout 15 s)")
    print(
        f"  during the hall import: {q['tickets']} tickets, longest {q['max_ms']} ms, "
        f"p99 {q['p99_ms']} ms, median {q['median_ms']} ms, failed {q['failed']}"
    )
    print(
        f"  during a naive one-transaction load into the hall db ({n['load_s']} s): "
        f"longest {n['max_ms']} ms, failed {n['failed']}"
    )
    print(f"Lookup: AccountService.find (limit 20) vs LIKE '%…%' (list file {r['list_file_mb']} MB)")
    print(f"  {'kind':<20}{'median ms':>10}{'p95 ms':>10}{'LIKE median':>13}{'LIKE p95':>10}{'speed-up':>10}")
    for kind, d in r["lookup"].items():
        print(
            f"  {kind:<20}{d['median_ms']:>10.2f}{d['p95_ms']:>10.2f}{d['like_median_ms']:>13.1f}"
            f"{d['like_p95_ms']:>10.1f}{d['speedup_median']:>9.0f}x"
        )
    for kind, d in r["lookup_as_typed"].items():
        print(f"  {kind:<20}{d['median_ms']:>10.2f}{d['p95_ms']:>10.2f}   (as typed: the first keystrokes)")


if __name__ == "__main__":
    raise SystemExit(main())
