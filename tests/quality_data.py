"""Generated visits for the service-quality tests and benchmarks: a plausible hall day, seeded.

Not a queue simulation (the queue's own tests do that): each visit gets a wait, a counter and clerk
serving its service, a service time, and sometimes a no-show, a transfer (with or without a
hand-over), a rating with reasons, a green-channel flag or a cancellation, so every figure has data.
"""

from __future__ import annotations

import math
import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from counter_app.domain.quality.facts import RATING_LEVELS, LegEnd, Rating, ServiceLeg, Visit

SHANGHAI = ZoneInfo("Asia/Shanghai")
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
