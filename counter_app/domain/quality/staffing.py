"""How many counters keep waits under target: the Erlang C formula (M/M/c queue).

Model and assumptions (name them wherever the figure is shown, :mod:`~.definitions`):

* customers arrive as a Poisson stream at a steady rate λ within the period (an hour);
* service times are exponentially distributed with mean s, independent of everything else;
* c identical counters take customers first come, first served from one line; nobody gives up
  (no abandonment) and the hall has room for everyone (infinite queue);
* the period is long enough for the queue to settle (steady state), which needs the offered load
  A = λ·s (in Erlangs) to be below c.

Then the probability of waiting is Erlang C,
``C(c, A) = c·B(c, A) / (c − A·(1 − B(c, A)))``, from the Erlang B blocking probability computed by
its recursion ``B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1))`` (all terms in [0, 1]: no factorials, no
powers, stable for any load); the mean wait is ``C·s / (c − A)`` and the share called within t is
``P(W ≤ t) = 1 − C·exp(−(c − A)·t / s)``.

Real halls break the assumptions mildly (service times are not exponential, some customers leave),
so the result is a planning figure, not a promise. Rates are per hour and times in minutes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MAX_COUNTERS = 100_000


def _check(servers: int, load: float) -> None:
    if servers < 0:
        raise ValueError(f"the number of counters cannot be negative: {servers}")
    if not load >= 0 or math.isinf(load):
        raise ValueError(f"the offered load must be a finite number ≥ 0: {load}")


def offered_load(arrivals_per_hour: float, service_minutes: float) -> float:
    """A = λ·s in Erlangs: how many counters the hour's work keeps busy on average."""
    if arrivals_per_hour < 0 or service_minutes < 0:
        raise ValueError("arrivals and service time cannot be negative")
    return arrivals_per_hour * service_minutes / 60.0


def erlang_b(servers: int, load: float) -> float:
    """Erlang B: the share of customers that would find all ``servers`` busy (loss system)."""
    _check(servers, load)
    b = 1.0
    for k in range(1, servers + 1):
        b = load * b / (k + load * b)
    return b


def _c_from_b(servers: int, load: float, b: float) -> float:
    if servers <= load:
        return 1.0
    return servers * b / (servers - load * (1.0 - b))


def erlang_c(servers: int, load: float) -> float:
    """Erlang C: the probability that a customer has to wait (1.0 when ``servers ≤ load``: the line
    grows without end)."""
    _check(servers, load)
    if load == 0:
        return 0.0
    return _c_from_b(servers, load, erlang_b(servers, load))


def _wait(servers: int, load: float, service_minutes: float, c: float) -> float:
    if servers <= load:
        return math.inf
    return c * service_minutes / (servers - load)


def _level(servers: int, load: float, service_minutes: float, target: float, c: float) -> float:
    if servers <= load:
        return 0.0
    if service_minutes == 0:
        return 1.0
    return 1.0 - c * math.exp(-(servers - load) * target / service_minutes)


def mean_wait_minutes(arrivals_per_hour: float, service_minutes: float, servers: int) -> float:
    """Expected wait in minutes (all customers, those served at once included); ``inf`` if unstable."""
    load = offered_load(arrivals_per_hour, service_minutes)
    return _wait(servers, load, service_minutes, erlang_c(servers, load))


def service_level(
    arrivals_per_hour: float, service_minutes: float, servers: int, target_minutes: float
) -> float:
    """P(wait ≤ target): the share of customers called within ``target_minutes`` (0 if unstable)."""
    if target_minutes < 0:
        raise ValueError("the target wait cannot be negative")
    load = offered_load(arrivals_per_hour, service_minutes)
    return _level(servers, load, service_minutes, target_minutes, erlang_c(servers, load))


@dataclass(frozen=True)
class StaffingNeed:
    """The fewest counters meeting the target, and what the queue looks like with them."""

    counters: int
    load: float  # Erlangs
    probability_wait: float
    mean_wait_minutes: float
    service_level: float  # share called within the target wait
    target_minutes: float
    target_share: float

    @property
    def occupancy(self) -> float:
        """Share of the counters' time spent serving (A ÷ c); 0 with no counters."""
        return self.load / self.counters if self.counters else 0.0


def counters_needed(
    arrivals_per_hour: float,
    service_minutes: float,
    target_minutes: float,
    target_share: float = 0.8,
    *,
    max_mean_wait_minutes: float | None = None,
) -> StaffingNeed:
    """The smallest c with P(wait ≤ ``target_minutes``) ≥ ``target_share`` (e.g. 80 % within the
    target wait) and, if given, a mean wait ≤ ``max_mean_wait_minutes``. No arrivals need no
    counter. Erlang B is carried from c to c + 1, so the search costs one step per counter."""
    if not 0.0 < target_share < 1.0:
        raise ValueError("the target share must be between 0 and 1 (exclusive)")
    if target_minutes < 0 or (max_mean_wait_minutes is not None and max_mean_wait_minutes < 0):
        raise ValueError("target waits cannot be negative")
    load = offered_load(arrivals_per_hour, service_minutes)
    if load == 0:
        return StaffingNeed(0, 0.0, 0.0, 0.0, 1.0, target_minutes, target_share)
    servers = math.floor(load) + 1  # the fewest counters that keep the line from growing
    if servers > MAX_COUNTERS:
        raise ValueError(f"a load of {load:.0f} Erlangs is beyond any hall")
    b = erlang_b(servers, load)
    while True:
        c = _c_from_b(servers, load, b)
        wait = _wait(servers, load, service_minutes, c)
        level = _level(servers, load, service_minutes, target_minutes, c)
        if level >= target_share and (max_mean_wait_minutes is None or wait <= max_mean_wait_minutes):
            return StaffingNeed(servers, load, c, wait, level, target_minutes, target_share)
        servers += 1
        if servers > MAX_COUNTERS:
            raise ValueError("no number of counters meets this target")
        b = load * b / (servers + load * b)
