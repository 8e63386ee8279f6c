"""The demo hall: a morning of queue history made by the real services on a simulated clock.

Nothing is written around the services: each arrival is ``issue``, each call ``call_next``, so the
demo database is exactly what a morning of clerks would leave behind. Deterministic (seeded).

:func:`load_demo` is ``counter-app init --demo``: it loads the demo once per hall (a second run
changes nothing) and refuses a hall that already holds its own records unless forced. The simulated
clock never starts before the hall's latest queue event: a history that went back in time would
call tickets before they were issued (negative waits).
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from typing import Any

from counter_app.domain.errors import RuleViolation
from counter_app.domain.queue import CounterState, business_day
from counter_app.services.hall import Hall
from counter_app.services.queue import QueueService

DEMO_KEY = "demo_loaded"

DEMO_CLERKS = {1: "王丽", 2: "李强", 3: "张敏", 4: "刘洋", 5: "陈静", 6: "杨帆"}
_ARRIVAL_WEIGHTS = {"A": 0.5, "B": 0.15, "C": 0.25, "D": 0.1}


class _SimClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def load_demo(hall: Hall, *, force: bool = False) -> dict[str, Any]:
    """The demo morning, account list and applications, once per hall.

    Returns what was loaded, or ``{"already_loaded": …}`` when the demo is in this hall already.
    Raises :class:`RuleViolation` (``demo_refused``) when the hall holds records of its own and
    ``force`` is not given: demo accounts would become the live account list.
    """
    from counter_app.services.demo_desk import load_demo_accounts, load_demo_applications

    meta = hall.store.meta
    with hall.store.read():
        loaded = meta.get(DEMO_KEY)
        records = meta.record_counts()
    if loaded is not None:
        return {"already_loaded": json.loads(loaded)}
    if any(records.values()) and not force:
        held = ", ".join(f"{n} {table}" for table, n in records.items() if n)
        raise RuleViolation(
            f"This hall already holds its own records ({held}): demo data is not added. "
            "Use --force-demo to add it anyway.",
            code="demo_refused",
            **records,
        )
    result: dict[str, Any] = dict(load_demo_history(hall))
    result["accounts"] = load_demo_accounts(hall)["accounts"]
    result["applications"] = load_demo_applications(hall)
    with hall.store.write():
        now = hall.clock()
        meta.put(DEMO_KEY, json.dumps({"at": now.isoformat(timespec="seconds"), **result}), now)
    return result


def load_demo_history(
    hall: Hall, *, seed: int = 7, hours: float = 3.5, leave_waiting: int = 9
) -> dict[str, int]:
    """Fill the current business day with ``hours`` of traffic ending now; leave people waiting."""
    hall.store.set_durable(False)  # a one-off bulk load; the hall's own writes stay durable
    try:
        return _simulate(hall, random.Random(seed), hours, leave_waiting)
    finally:
        hall.store.set_durable(True)


def _simulate(hall: Hall, rng: random.Random, hours: float, leave_waiting: int) -> dict[str, int]:
    end = hall.clock().replace(microsecond=0)
    day = business_day(end, hall.profile.hall.day_start)
    day_open = datetime.combine(day, hall.profile.hall.day_start, tzinfo=end.tzinfo)
    start = max(end - timedelta(hours=hours), day_open + timedelta(minutes=1))
    with hall.store.read():
        latest = hall.store.meta.last_queue_event_at()
    if latest is not None:  # never before what the hall already did: no call before its issue
        start = max(start, latest.astimezone(end.tzinfo).replace(microsecond=0) + timedelta(seconds=1))
        end = max(end, start)
    clock = _SimClock(start)
    queue = QueueService(hall.store, hall.profile, clock)
    counts = {"issued": 0, "served": 0, "no_show": 0, "transferred": 0}
    counters = [c.number for c in hall.profile.counters]
    for number in counters:
        queue.set_counter_state(number, CounterState.OPEN, DEMO_CLERKS.get(number, f"{number}号窗口"))
    busy_until = dict.fromkeys(counters, start)
    codes = [s.code for s in hall.profile.services if s.code in _ARRIVAL_WEIGHTS] or [
        hall.profile.services[0].code
    ]
    weights = [_ARRIVAL_WEIGHTS.get(c, 0.1) for c in codes]
    t = start
    while t < end - timedelta(minutes=2):
        clock.now = t
        for _ in range(rng.choices([0, 1, 2], [0.35, 0.45, 0.2])[0]):
            green = rng.random() < 0.05
            reason = (
                rng.choice([r.code for r in hall.profile.green_reasons])
                if green and hall.profile.green_reasons
                else ""
            )
            queue.issue(rng.choices(codes, weights)[0], green=green, green_reason=reason)
            counts["issued"] += 1
        for number in counters:
            if busy_until[number] > t:
                continue
            result = queue.call_next(number)
            counts["served"] += result.finished is not None
            if result.called is None:
                continue
            service = hall.profile.service(result.called.service_code)
            roll = rng.random()
            if roll < 0.04:
                queue.no_show(number)
                counts["no_show"] += 1
                busy_until[number] = t + timedelta(minutes=1)
                continue
            if roll < 0.07 and result.called.service_code != "C":
                queue.start_serving(number)
                queue.transfer(number, "C")
                counts["transferred"] += 1
                busy_until[number] = t + timedelta(minutes=1)
                continue
            queue.start_serving(number)
            minutes = max(1.0, rng.gauss(service.default_service_minutes if service else 5, 2))
            busy_until[number] = t + timedelta(minutes=minutes)
        t += timedelta(minutes=1)
    clock.now = max(end - timedelta(minutes=1), day_open, start)  # just after the day start: still today
    for _ in range(leave_waiting):
        queue.issue(rng.choices(codes, weights)[0])
        counts["issued"] += 1
    queue.issue(
        codes[0],
        green=True,
        green_reason=hall.profile.green_reasons[0].code if hall.profile.green_reasons else "",
    )
    counts["issued"] += 1
    if 6 in counters:  # one counter on a break
        if queue.repo.active_at(6) is not None:
            queue.finish(6)
        queue.set_counter_state(6, CounterState.PAUSED)
    return counts
