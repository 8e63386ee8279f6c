"""The demo hall: a morning of queue history made by the real services on a simulated clock.

Nothing is written around the services: each arrival is ``issue``, each call ``call_next``, each
answer on the rating screen ``rate``, each hand-over a transfer with its reason, so the demo database
is exactly what a morning of clerks and customers would leave behind. Deterministic (seeded).

:func:`load_demo` is ``counter-app init --demo``: it loads the demo once per hall (a second run
changes nothing) and refuses a hall that already holds its own records unless forced. Before the
morning come weeks of past opening days (:mod:`.demo_weeks`), in a hall that has no tickets yet.
The simulated clock never starts before the hall's latest queue event: a history that went back in
time would call tickets before they were issued (negative waits).
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from typing import Any

from counter_app.domain.errors import RuleViolation
from counter_app.domain.quality.facts import RATING_LEVELS, Rating
from counter_app.domain.quality.records import LOW_LEVELS, VisitOutcome
from counter_app.domain.queue import CounterState, Ticket, business_day
from counter_app.services.hall import Hall
from counter_app.services.payments.guidance import PaymentGuidanceService
from counter_app.services.quality.hall_quality import HallQuality
from counter_app.services.queue import QueueService

DEMO_KEY = "demo_loaded"

DEMO_CLERKS = {1: "王丽", 2: "李强", 3: "张敏", 4: "刘洋", 5: "陈静", 6: "杨帆"}
_ARRIVAL_WEIGHTS = {"A": 0.5, "B": 0.15, "C": 0.25, "D": 0.1}
_RATING_WEIGHTS = (45, 33, 9, 3, 1, 9)  # the five levels best first, then not rated
DEMO_ACCOUNTS = 600  # the demo account list (services.demo_desk)


class _SimClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def rate_demo_customer(quality: HallQuality, rng: random.Random, ticket: Ticket) -> None:
    """What a customer answers on the screen after ``ticket`` was finished; an inquiry or complaint
    also gets its outcome."""
    level = rng.choices((*RATING_LEVELS, Rating.NOT_RATED), _RATING_WEIGHTS)[0]
    reasons: list[str] = []
    if level in LOW_LEVELS and rng.random() < 0.7:
        codes = [r.code for r in quality.settings.rating.reasons]
        reasons = rng.sample(codes, rng.randint(1, 2))
    quality.ratings.rate(level, ticket_id=ticket.id, reasons=reasons)
    service = quality.summaries.profile.service(ticket.service_code)
    if service is not None and service.visit_outcomes and ticket.counter is not None and rng.random() < 0.6:
        outcome = rng.choices(list(VisitOutcome), (70, 20, 10 if ticket.service_code == "D" else 2))[0]
        quality.desk.save_note(ticket.counter, outcome=outcome, ticket_id=ticket.id)


def load_demo(hall: Hall, *, force: bool = False, weeks: int = 5) -> dict[str, Any]:
    """The demo hall once: its staff and account list, ``weeks`` weeks of past opening days (when
    the hall has no tickets of its own yet: the queue never goes back to an earlier day), this
    morning and a few applications.

    Returns what was loaded, or ``{"already_loaded": …}`` when the demo is in this hall already.
    Raises :class:`RuleViolation` (``demo_refused``) when the hall holds records of its own and
    ``force`` is not given: demo accounts would become the live account list.
    """
    from counter_app.services.demo_desk import load_demo_accounts, load_demo_applications
    from counter_app.services.demo_weeks import DEMO_STAFF, load_demo_weeks

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
    for name, code in DEMO_STAFF.items():
        hall.staff.add(code, name)
    accounts = load_demo_accounts(hall, count=DEMO_ACCOUNTS)["accounts"]  # payers are guided from it
    history = load_demo_weeks(hall, weeks=weeks) if not records.get("tickets") else {"days": 0}
    result: dict[str, Any] = dict(load_demo_history(hall))
    result["history"] = history
    result["accounts"] = accounts
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
    quality = hall.quality.on_clock(clock)
    queue = QueueService(hall.store, hall.profile, clock, handovers=quality.handovers)
    counts = {"issued": 0, "served": 0, "no_show": 0, "transferred": 0}
    reasons = [names.get(hall.profile.hall.language) for names in quality.settings.handover_reasons]
    # payers are guided to the online channels when the hall has an account list to find them in
    guide = (
        PaymentGuidanceService(hall.store, hall.profile, hall.accounts, clock)
        if hall.accounts.live_list()
        else None
    )
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
            if result.finished is not None:
                rate_demo_customer(quality, rng, result.finished)
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
                # most with a hand-over (首问负责制); the rest passed on, as the figures will show
                why = rng.choice(reasons) if reasons and rng.random() < 0.75 else None
                queue.transfer(number, "C", reason=why)
                counts["transferred"] += 1
                busy_until[number] = t + timedelta(minutes=1)
                continue
            serving = queue.start_serving(number)
            if guide is not None and serving.service_code == "A" and rng.random() < 0.3:
                account = f"99{rng.randrange(DEMO_ACCOUNTS):08d}"
                guide.record(account, ["wsgw", "wechat"], clerk=serving.clerk, counter=number, ticket=serving)
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
