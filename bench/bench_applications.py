"""The application worklist on a county's few years: 50,000 applications, open / filter / search.

Set-up (not measured): the applications are written through the real repository
(``ApplicationsRepository.insert`` / ``add_event`` / ``update_projection`` / ``insert_documents``, so
every trigger and constraint of the schema holds) in ONE transaction with ``synchronous=NORMAL``,
instead of one service call and one fsync per application; each application's projection is folded
from its whole history once and written with it (no outbox rows: nothing here is news to send).
Their histories are real domain events (acceptance, advances, suspensions, completion, withdrawal)
folded by ``application_workflow``, with due dates on the official calendar; most older ones are
closed, recent ones open, some overdue.

Measured, each through the service the panel calls (``hall.application_views.worklist``: first page
of 50, the total, the hall's counts, masking): opening the worklist, five filters and six searches.
Each figure is set against a plain indexed ``sqlite3`` query returning the same 50 rows (checked),
measured in the same run. Goal: every median and p95 ≤ 50 ms.

    python bench/bench_applications.py [--applications 50000] [--runs 40] [--keep DB]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from counter_app import paths
from counter_app.app import open_hall
from counter_app.domain.applications.events import (
    Accepted,
    Advanced,
    Completed,
    Event,
    Resumed,
    StagePlan,
    Suspended,
    Withdrawn,
)
from counter_app.domain.applications.records import (
    ApplicationData,
    DocumentRecord,
    event_detail,
    event_note,
    projection,
)
from counter_app.domain.applications.workflow import Status, apply
from counter_app.domain.applications.worklist import DueFilter, WorklistQuery
from counter_app.domain.identity import resident_id_check_digit
from counter_app.services.hall import Hall
from counter_app.store.sqlite.connection import set_durable, write

SHANGHAI = ZoneInfo("Asia/Shanghai")
TODAY = datetime(2026, 11, 27, 10, 0, tzinfo=SHANGHAI)
GOAL_MS = 50.0
COLUMNS = (
    "id, number, business_type, status, stage, owner, accepted_day, name, mobile, id_number, address, "
    "account_number, stage_due, whole_due, due_key, due_provisional"
)
ORDER = "ORDER BY due_key, id DESC LIMIT 50"

SURNAMES = (
    "张王李赵刘陈杨黄吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰凤建国志红春梅海燕文斌宇浩鹏晨雪琳"
RARE = ("𠮷", "䶮", "𡒄", "𪚥", "堃", "喆")
AREAS = ("150502", "150521", "150522", "150523", "150524", "150525", "150526", "150581")
PLACES = ("科尔沁区", "科左中旗", "科左后旗", "开鲁县", "库伦旗", "奈曼旗", "扎鲁特旗", "霍林郭勒市")
STREETS = (
    "建国路",
    "和平路",
    "民主路",
    "永清大街",
    "霍林河大街",
    "西拉木伦大街",
    "胜利路",
    "新工二路",
    "红星路",
    "交通路",
    "光明村",
    "团结村",
    "幸福小区",
    "明仁大街",
    "东顺街",
    "清河路",
)
TYPES = (  # business type, share
    ("lv_residential_new", 36),
    ("ev_charger", 10),
    ("lv_non_residential_new", 12),
    ("lv_residential_increase", 8),
    ("pv_single_point", 8),
    ("transfer", 5),
    ("rename", 3),
    ("tariff_change", 3),
    ("closure", 3),
    ("pause", 3),
    ("hv_new_single", 3),
    ("hv_new_dual", 1),
    ("hv_increase", 2),
    ("capacity_reduction", 1),
    ("pv_multi_point", 2),
)
CLERKS = tuple(f"01{n:02d}" for n in range(1, 21))


def _name(rng: random.Random) -> str:
    given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
    if rng.random() < 0.01:
        given = rng.choice(RARE) + given[1:]
    return rng.choice(SURNAMES) + given


def _id_number(rng: random.Random, i: int) -> str:
    birth = date(1950, 1, 1) + timedelta(days=rng.randrange(20_000))
    first17 = f"{rng.choice(AREAS)}{birth:%Y%m%d}{i % 1000:03d}"
    return first17 + resident_id_check_digit(first17)


def _history(rng: random.Random, accepted: Accepted, age_days: int) -> list[Event]:
    """A plausible life: closed when old (mostly completed), at some stage when recent."""
    events: list[Event] = [accepted]
    at = accepted.at
    state = apply(None, accepted)
    last = len(accepted.stages) - 1
    closing = age_days > 40 and rng.random() < 0.985
    steps = last if closing else rng.randrange(0, last + 1)
    for i in range(steps):
        if rng.random() < 0.05 and age_days > 3:
            at += timedelta(hours=rng.randrange(2, 30))
            events.append(Suspended(at, state.owner, "等待客户补充资料"))
            at += timedelta(days=rng.randrange(1, 4))
            events.append(Resumed(at, state.owner))
        at += timedelta(hours=rng.randrange(3, 48))
        events.append(Advanced(at, state.owner, accepted.stages[i].code, accepted.stages[i + 1].code))
    if closing:
        at += timedelta(hours=rng.randrange(3, 48))
        if rng.random() < 0.04:
            events.append(Withdrawn(at, state.owner, "客户撤回申请"))
        else:
            events.append(Completed(at, state.owner, accepted.stages[last].code))
    elif age_days > 2 and rng.random() < 0.08:
        at += timedelta(hours=rng.randrange(1, 20))
        events.append(Suspended(at, state.owner, "等待客户提供资料"))
    return [e for e in events if e.at <= TODAY]


def load(hall: Hall, count: int, seed: int = 7) -> dict[str, Any]:
    """Write ``count`` applications in one transaction through the repository; returns samples."""
    rng = random.Random(seed)
    setup = hall.applications.setup
    repo = hall.store.applications
    types = [(setup.business_type(code), share) for code, share in TYPES]
    population = [t for t, share in types for _ in range(share)]
    first_day = TODAY - timedelta(days=3 * 365)
    per_day: dict[date, int] = {}
    samples: dict[str, Any] = {}
    set_durable(hall.store.db, False)
    with write(hall.store.db):
        for i in range(count):
            btype = rng.choice(population)
            at = first_day + timedelta(seconds=int((TODAY - first_day).total_seconds() * i / count))
            at = at.replace(hour=8 + (i % 9), minute=rng.randrange(60))
            day = at.date()
            per_day[day] = seq = per_day.get(day, 0) + 1
            clerk = rng.choice(CLERKS)
            limit = btype.whole_process_limit
            plans = tuple(
                StagePlan(st.code, st.limit.working_days if st.limit else None) for st in btype.stages
            )
            accepted = Accepted(at, clerk, btype.code, plans, limit.working_days if limit else None)
            events = _history(rng, accepted, (TODAY - at).days)
            organisation = btype.customer_class.value == "high_voltage"
            data = ApplicationData(
                uuid=f"bench-{i}",
                number=f"YK{day:%Y%m%d}-{seq:04d}",
                accepted_day=day,
                prefix="YK",
                seq=seq,
                tracking_ref=f"YK-{i:04d}-{rng.randrange(10**4):04d}-{rng.randrange(10**4):04d}",
                business_type=btype.code,
                ticket_id=None,
                counter=3,
                accepted_by=clerk,
                accepted_at=at,
                applicant_kind="organisation" if organisation else "person",
                name=f"通辽市{_name(rng)}商贸有限公司" if organisation else _name(rng),
                id_type="uscc" if organisation else "resident_id",
                id_number=f"9115050{i:011d}" if organisation else _id_number(rng, i),
                mobile=f"1{rng.choice('3456789')}{i:09d}",
                address=f"通辽市{rng.choice(PLACES)}{rng.choice(STREETS)}{rng.randrange(1, 400)}号",
                agent_name=None,
                agent_id_type=None,
                agent_id_number=None,
                agent_mobile=None,
                account_number=f"{5_000_000_000 + i}" if btype.needs_account else None,
                capacity="8" if btype.needs_capacity else None,
                capacity_unit="kW" if btype.needs_capacity else None,
                voltage=None,
                tariff_class=None,
                external_works=False,
                period_start=None,
                period_end=None,
                commitment_signed=False,
                notices=(),
            )
            state = apply(None, accepted)
            for event in events[1:]:
                state = apply(state, event)
            final = projection(state, setup.calendar, TODAY.date())  # what the service would have stored
            app_id = repo.insert(data, final, at)
            repo.add_event(app_id, "accepted", at, clerk, "", event_detail(accepted))
            for version, event in enumerate(events[1:], start=1):
                repo.add_event(app_id, event.kind, event.at, event.by, event_note(event), event_detail(event))
                repo.update_projection(app_id, version, final, event.at)
            owed = [d for d in btype.documents if d.kind.value == "property"] if rng.random() < 0.3 else []
            repo.insert_documents(
                app_id,
                [
                    DocumentRecord(
                        d.code,
                        n,
                        d.kind.value,
                        {"zh_CN": d.names.zh_CN, "zh_TW": d.names.zh_TW, "en": d.names.en},
                        "owed" if d in owed else "presented",
                        setup.calendar.add_workdays(day, 5).day if d in owed else None,
                        None,
                        None,
                    )
                    for n, d in enumerate(btype.documents)
                    if d.required
                ],
            )
            if i == count // 2:
                samples.update(number=data.number, mobile=data.mobile)
            if i == count // 3:
                samples.update(id_number=data.id_number)
            if i == count - 7:
                samples.update(name=data.name, address=data.address[-7:], owner=clerk)
            if data.account_number and i >= count // 4 and "account" not in samples:
                samples["account"] = data.account_number
    set_durable(hall.store.db, True)
    hall.store.db.execute("ANALYZE")
    return samples


def timed(fn: Callable[[], Any], runs: int) -> tuple[list[float], Any]:
    result = fn()
    for _ in range(2):
        fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return times, result


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[18]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--keep", help="write the database here and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.keep) if args.keep else Path(tmp) / "bench.sqlite3"
        path.unlink(missing_ok=True)
        hall = open_hall(path, profile_file=paths.DEFAULT_PROFILE, clock=lambda: TODAY, create=True)
        started = time.perf_counter()
        s = load(hall, args.applications)
        load_s = time.perf_counter() - started
        total = hall.store.db.execute("SELECT COUNT(*), SUM(due_key < '~') FROM applications").fetchone()
        print(f"set-up: {total[0]:,} applications ({total[1]:,} open) written in {load_s:.1f} s\n")

        today = TODAY.date()
        soon = hall.applications.setup.calendar.add_workdays(today, 1).day
        raw = sqlite3.connect(path)
        fts = "id IN (SELECT rowid FROM _applications_fts WHERE _applications_fts MATCH ?)"
        kinds: list[tuple[str, WorklistQuery, str, list[Any]]] = [
            ("open", WorklistQuery(), "due_key < '~'", []),
            (
                "filter state=completed",
                WorklistQuery(statuses=(Status.COMPLETED,)),
                "status = ?",
                ["completed"],
            ),
            (
                "filter type",
                WorklistQuery(statuses=(), business_type="ev_charger"),
                "business_type = ?",
                ["ev_charger"],
            ),
            ("filter owner", WorklistQuery(statuses=(), owner=s["owner"]), "owner = ?", [s["owner"]]),
            (
                "filter due soon",
                WorklistQuery(due=DueFilter.SOON),
                "due_key >= ? AND due_key <= ?",
                [today.isoformat(), soon.isoformat()],
            ),
            ("filter overdue", WorklistQuery(due=DueFilter.OVERDUE), "due_key < ?", [today.isoformat()]),
            ("search number", WorklistQuery(statuses=(), search=s["number"]), "number = ?", [s["number"]]),
            (
                "search name",
                WorklistQuery(statuses=(), search=s["name"]),
                fts if len(s["name"]) >= 3 else "name >= ? AND name < ?",
                [f'"{s["name"]}"'] if len(s["name"]) >= 3 else [s["name"], s["name"] + "\U0010ffff"],
            ),
            ("search phone", WorklistQuery(statuses=(), search=s["mobile"]), "mobile = ?", [s["mobile"]]),
            (
                "search ID",
                WorklistQuery(statuses=(), search=s["id_number"]),
                "id_number = ?",
                [s["id_number"]],
            ),
            (
                "search account",
                WorklistQuery(statuses=(), search=s["account"]),
                "account_number = ?",
                [s["account"]],
            ),
            ("search address", WorklistQuery(statuses=(), search=s["address"]), fts, [f'"{s["address"]}"']),
            (
                "search surname (1 char)",
                WorklistQuery(statuses=(), search="张"),
                "name >= ? AND name < ?",
                ["张", "张\U0010ffff"],
            ),
            ("search street (common)", WorklistQuery(statuses=(), search="和平路"), fts, ['"和平路"']),
        ]
        results = []
        print(f"{'kind':<24}{'rows':>7}{'median ms':>11}{'p95 ms':>9}{'sqlite3 ms':>12}{'ratio':>8}  goal")
        for name, query, where, params in kinds:
            ours, page = timed(lambda q=query: hall.application_views.worklist(q), args.runs)
            sql = f"SELECT {COLUMNS} FROM applications WHERE {where} {ORDER}"
            base, rows = timed(lambda q=sql, p=params: raw.execute(q, p).fetchall(), args.runs)
            if [r.number for r in page.rows] != [r[1] for r in rows]:
                raise SystemExit(f"{name}: the service and the plain query disagree")
            median, base_median = statistics.median(ours), statistics.median(base)
            ok = median <= GOAL_MS and p95(ours) <= GOAL_MS
            results.append(
                {
                    "kind": name,
                    "total": page.total,
                    "median_ms": round(median, 2),
                    "p95_ms": round(p95(ours), 2),
                    "baseline_median_ms": round(base_median, 3),
                    "baseline_p95_ms": round(p95(base), 3),
                    "ratio": round(median / base_median, 1),
                    "ok": ok,
                }
            )
            print(
                f"{name:<24}{page.total:>7}{median:>11.2f}{p95(ours):>9.2f}{base_median:>12.3f}"
                f"{median / base_median:>8.1f}  {'ok' if ok else 'MISSED'}"
            )
        raw.close()
        hall.close()
        print(
            json.dumps(
                {
                    "bench": "applications_worklist",
                    "applications": args.applications,
                    "open": int(total[1]),
                    "load_s": round(load_s, 1),
                    "goal_ms": GOAL_MS,
                    "all_ok": all(r["ok"] for r in results),
                    "results": results,
                },
                ensure_ascii=False,
            )
        )


if __name__ == "__main__":
    main()
