"""Visits for the service-quality tests and benchmarks: a small day worked out by hand
(:data:`VISITS`), and generated days (:func:`day_of_visits`), seeded.

The generator is not a queue simulation (the queue's own tests do that): each visit gets a wait, a
counter and clerk serving its service, a service time, and sometimes a no-show, a transfer (with or
without a hand-over), a rating with reasons, a green-channel flag or a cancellation, so every figure
has data.
"""

from __future__ import annotations

import math
import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from counter_app.domain.quality.facts import RATING_LEVELS, LegEnd, Rating, ServiceLeg, Targets, Visit

SHANGHAI = TZ = ZoneInfo("Asia/Shanghai")
SERVICES = ("A", "B", "C", "D")
MIX = (0.55, 0.15, 0.2, 0.1)
#: Counters serving each service and the clerk (staff code) at each counter.
COUNTERS = {"A": (1, 2, 4, 6), "B": (3, 4), "C": (1, 2, 3, 5, 6), "D": (5, 6)}
CLERKS = {1: "S001", 2: "S002", 3: "S003", 4: "S004", 5: "S005", 6: "S006"}
REASONS = ("long_wait", "attitude", "unfamiliar", "paperwork")


def poisson(rng: random.Random, mean: float) -> int:
    """A Poisson variate (inversion by sequential search; fine for the means used here)."""
    if mean <= 0:
        return 0
    if mean > 500:
        return max(0, round(rng.gauss(mean, mean**0.5)))
    n = 0
    p = cumulative = math.exp(-mean)
    u = rng.random()
    while u > cumulative:
        n += 1
        p *= mean / n
        cumulative += p
    return n


def _leg(rng: random.Random, service: str, at: datetime, end: LegEnd) -> ServiceLeg:
    counter = rng.choice(COUNTERS[service])
    serving = at + timedelta(seconds=rng.randint(5, 90)) if rng.random() < 0.8 else None
    spent = timedelta(seconds=rng.expovariate(1 / (240 if service == "A" else 600)))
    ended = (serving or at) + spent if end is not LegEnd.OPEN else None
    rating: Rating | None = None
    reasons: tuple[str, ...] = ()
    if end is LegEnd.DONE and rng.random() < 0.85:
        rating = rng.choices((*RATING_LEVELS, Rating.NOT_RATED), (40, 35, 10, 4, 2, 9))[0]
        if rating in (Rating.NEUTRAL, Rating.DISSATISFIED, Rating.VERY_DISSATISFIED) and rng.random() < 0.7:
            reasons = tuple(sorted(rng.sample(REASONS, rng.randint(1, 2))))
    return ServiceLeg(
        service_code=service,
        counter=counter,
        clerk=CLERKS[counter],
        called_at=at,
        end=end,
        ended_at=ended,
        serving_at=serving if end is not LegEnd.NO_SHOW else None,
        handover=end is LegEnd.TRANSFERRED and rng.random() < 0.6,
        rating=rating,
        reasons=reasons,
        guided_online=service == "A" and end is LegEnd.DONE and rng.random() < 0.3,
    )


def visit(rng: random.Random, day: date, issued: datetime, service: str, *, open_last: bool = False) -> Visit:
    """One visit taken at ``issued``: its legs, all within the day."""
    green = rng.random() < 0.05
    if rng.random() < 0.04:
        return Visit(day, service, issued, green=green, cancelled=True)
    if rng.random() < 0.03:
        return Visit(day, service, issued, green=green)  # still waiting
    wait = timedelta(seconds=rng.choice((rng.uniform(0, 600), rng.expovariate(1 / 900))))
    at = issued + wait
    legs: list[ServiceLeg] = []
    current = service
    while True:
        roll = rng.random()
        end = LegEnd.DONE
        if roll < 0.05:
            end = LegEnd.NO_SHOW
        elif roll < 0.12 and len(legs) < 2:
            end = LegEnd.TRANSFERRED
        if open_last and rng.random() < 0.1:
            end = LegEnd.OPEN
        leg = _leg(rng, current, at, end)
        legs.append(leg)
        if end is LegEnd.NO_SHOW:
            if rng.random() < 0.5:  # put back in line and called again later
                at = (leg.ended_at or at) + timedelta(seconds=rng.uniform(60, 900))
                continue
            break
        if end is LegEnd.TRANSFERRED:
            current = rng.choice([s for s in SERVICES if s != current])
            at = (leg.ended_at or at) + timedelta(seconds=rng.uniform(0, 1200))
            continue
        break
    return Visit(day, service, issued, green=green, legs=tuple(legs))


def day_of_visits(day: date, count: int, seed: int = 1) -> list[Visit]:
    """``count`` visits spread over 08:30–17:30 of ``day``, services in the usual mix."""
    rng = random.Random(seed)
    opening = datetime.combine(day, time(8, 30), tzinfo=SHANGHAI)
    visits = []
    for _ in range(count):
        issued = opening + timedelta(seconds=rng.uniform(0, 9 * 3600))
        service = rng.choices(SERVICES, MIX)[0]
        visits.append(visit(rng, day, issued, service))
    return visits


# a small day worked out by hand ------------------------------------------------------------------
DAY = date(2025, 3, 3)
MIN = 60_000_000  # a minute in microseconds
TARGETS = Targets(
    wait_minutes={"A": 10}, default_wait_minutes=20, service_minutes={"A": 5, "B": 20, "C": 10, "D": 15}
)


def at(clock: str) -> datetime:
    """``"09:04"`` or ``"09:04:30"`` on the test day."""
    return datetime.combine(DAY, time.fromisoformat(clock), tzinfo=TZ)


def leg(
    service: str, counter: int, called: str, end: LegEnd, ended: str | None, **more: object
) -> ServiceLeg:
    return ServiceLeg(
        service,
        counter,
        f"S00{counter}",
        at(called),
        end,
        ended_at=at(ended) if ended else None,
        **more,  # type: ignore[arg-type]
    )


DONE, MOVED, GONE = LegEnd.DONE, LegEnd.TRANSFERRED, LegEnd.NO_SHOW

#: Six visits; the waits, service times and ratings the tests expect are worked out beside each.
VISITS = [
    # wait 4 (A target 10: within); service 09:04:30 → 09:08:30 = 4 (A: 5, within); 非常满意
    Visit(DAY, "A", at("09:00"), legs=(
        leg("A", 1, "09:04", DONE, "09:08:30", serving_at=at("09:04:30"), rating=Rating.VERY_SATISFIED),
    )),
    # wait 12 (not within 10); no arrival recorded: service 09:17 → 09:23 = 6 (not within 5); 一般
    Visit(DAY, "A", at("09:05"), legs=(
        leg("A", 2, "09:17", DONE, "09:23", rating=Rating.NEUTRAL, reasons=("long_wait",)),
    )),
    # green, wait 1 (B: default 20); 8 at counter 3, passed on without hand-over; then C 09:30 → 09:40
    # = 10 (C target 10: within, inclusive); 满意
    Visit(DAY, "B", at("09:10"), green=True, legs=(
        leg("B", 3, "09:11", MOVED, "09:20", serving_at=at("09:12")),
        leg("C", 5, "09:30", DONE, "09:40", rating=Rating.SATISFIED),
    )),
    # wait 10 (within, inclusive); no-show; back in line, 09:51 → 09:54 = 3, guided online, not rated
    Visit(DAY, "A", at("09:20"), legs=(
        leg("A", 1, "09:30", GONE, "09:32"),
        leg("A", 1, "09:50", DONE, "09:54", serving_at=at("09:51"), guided_online=True,
            rating=Rating.NOT_RATED),
    )),
    Visit(DAY, "C", at("09:40"), cancelled=True),
    # 10:15, wait 30 (D: 20, not within); 5 at counter 6, handed over; A at counter 2 for 4; 非常不满意
    Visit(DAY, "D", at("10:15"), legs=(
        leg("D", 6, "10:45", MOVED, "10:50", handover=True),
        leg("A", 2, "11:00", DONE, "11:04", rating=Rating.VERY_DISSATISFIED,
            reasons=("attitude", "paperwork")),
    )),
]  # fmt: skip
