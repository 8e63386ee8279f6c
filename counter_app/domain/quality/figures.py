"""The hall's service-quality figures (服务质量指标) as values, and their exact computation from visits.

Every figure is defined in words in :mod:`counter_app.domain.quality.definitions` (one place for the
dashboard, the reports and their footers); the rules in short:

* **wait** (等候时长) = first call − number taken; **service time** (办理时长) = end − (到柜 or call),
  for each stretch that was finished or passed on; differences below 0 (a clock set back) count as 0;
* **within target**: wait ≤ the service's target wait (:class:`~.facts.Targets`), service time ≤ its
  counter-time target; both inclusive, to the microsecond;
* **average** = sum ÷ count; **90th percentile** by the nearest-rank method: the smallest value with
  at least 90 % of the values at or below it (the ⌈0.9·n⌉-th smallest);
* **satisfaction rate** (满意率) = (非常满意 + 满意) ÷ rated answers, "not rated" left out: the
  top-two-box convention; the **response rate** = rated ÷ (rated + not rated).

:func:`figures_from_visits` computes them exactly (sorted values); the mergeable summaries of
:mod:`~.summary` give the same counts, sums, maxima and histograms and a 90th percentile to within
one bucket (:data:`BUCKET_SECONDS`) above the exact one (below the histogram's cap of
:data:`HISTOGRAM_BUCKETS` minutes; past it the summaries give the longest, an upper bound).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from types import MappingProxyType
from typing import TypeVar

from counter_app.domain.quality.facts import (
    RATING_LEVELS,
    CellKey,
    LegEnd,
    Rating,
    ServiceLeg,
    Targets,
    Visit,
    leg_key,
    visit_key,
)

K = TypeVar("K", bound=Hashable)
US = 1_000_000
#: Histogram bucket width: one minute. Waits and service times of ``HISTOGRAM_BUCKETS`` minutes or
#: more share one overflow bucket (index ``HISTOGRAM_BUCKETS``).
BUCKET_SECONDS = 60
HISTOGRAM_BUCKETS = 240
BUCKET_US = BUCKET_SECONDS * US
_ONE_US = timedelta(microseconds=1)


def bucket_of(microseconds: int) -> int:
    """The histogram bucket of a duration: whole minutes, capped at the overflow bucket."""
    return min(microseconds // BUCKET_US, HISTOGRAM_BUCKETS)


def p90_rank(count: int) -> int:
    """The nearest rank of the 90th percentile among ``count`` values: ⌈0.9·count⌉ (1-based)."""
    return -(-9 * count // 10)


@dataclass(frozen=True)
class Distribution:
    """Waits or service times of one group: durations in microseconds (exact integers).

    ``p90_us`` is exact when ``resolution_us`` is 0; from a histogram it is the upper edge of the
    bucket holding the ⌈0.9·n⌉-th value (or the maximum, if smaller), so
    ``exact ≤ p90_us ≤ exact + resolution_us`` while the exact value is under the histogram's cap;
    past the cap (more than 10 % waited ``HISTOGRAM_BUCKETS`` minutes or longer) it is the maximum,
    still an upper bound (:attr:`p90_beyond_cap`). ``buckets``: count per whole minute, the last
    bucket (``HISTOGRAM_BUCKETS``) holding everything longer.
    """

    count: int = 0
    total_us: int = 0
    max_us: int = 0
    p90_us: int = 0
    within_target: int = 0
    resolution_us: int = 0
    buckets: Mapping[int, int] = field(default_factory=dict)

    @property
    def mean_minutes(self) -> float | None:
        return self.total_us / self.count / 60 / US if self.count else None

    @property
    def p90_minutes(self) -> float | None:
        return self.p90_us / 60 / US if self.count else None

    @property
    def max_minutes(self) -> float | None:
        return self.max_us / 60 / US if self.count else None

    @property
    def p90_beyond_cap(self) -> bool:
        """The 90th percentile lies past the histogram (over ``HISTOGRAM_BUCKETS`` minutes): from a
        summary it is then the longest value, an upper bound rather than a value to the minute."""
        return self.p90_us > HISTOGRAM_BUCKETS * BUCKET_US

    @property
    def share_within_target(self) -> float | None:
        """Within target ÷ count; ``None`` for an empty group (not 0 %, not 100 %)."""
        return self.within_target / self.count if self.count else None

    def histogram(self, width_minutes: int = 5, last_minute: int = 60) -> tuple[tuple[int, int], ...]:
        """Counts per ``width_minutes`` bin from 0 up to ``last_minute``, then one bin for the rest:
        ``((start_minute, count), ...)``; the last bin's start is ``last_minute`` and it is open-ended."""
        if width_minutes < 1 or last_minute < width_minutes or last_minute > HISTOGRAM_BUCKETS:
            raise ValueError("bins must be ≥ 1 minute wide and end within the histogram")
        bins = dict.fromkeys(range(0, last_minute + 1, width_minutes), 0)
        for minute, n in self.buckets.items():
            start = last_minute if minute >= last_minute else minute - minute % width_minutes
            bins[start] += n
        return tuple(sorted(bins.items()))


@dataclass(frozen=True)
class QualityFigures:
    """The figures of one group of visits (a hall, a service, a counter, a clerk, an hour, a day)."""

    arrivals: int = 0  # numbers taken
    called: int = 0  # numbers called at least once
    cancelled: int = 0  # withdrawn while waiting
    served: int = 0  # customers finished (stretches that ended done)
    no_shows: int = 0  # calls that ended as no-show (过号)
    transfers: int = 0  # stretches that passed the customer on (转办)
    handovers: int = 0  # transfers recorded as a hand-over (首问负责制)
    guided_online: int = 0  # customers guided to pay online
    green_arrivals: int = 0  # green-channel numbers taken (绿色通道)
    wait: Distribution = field(default_factory=Distribution)
    green_wait: Distribution = field(default_factory=Distribution)
    service_time: Distribution = field(default_factory=Distribution)
    ratings: Mapping[Rating, int] = field(default_factory=dict)  # the five levels and NOT_RATED
    reasons: Mapping[str, int] = field(default_factory=dict)  # reason chips with low ratings

    @property
    def passed_without_handover(self) -> int:
        """Transfers with no hand-over recorded: customers passed on, the thing 首问负责制 forbids."""
        return self.transfers - self.handovers

    @property
    def rated(self) -> int:
        return sum(self.ratings.get(level, 0) for level in RATING_LEVELS)

    @property
    def not_rated(self) -> int:
        return self.ratings.get(Rating.NOT_RATED, 0)

    @property
    def satisfaction_rate(self) -> float | None:
        """(非常满意 + 满意) ÷ rated (top-two-box); ``None`` when nobody rated."""
        rated = self.rated
        if not rated:
            return None
        return (self.ratings.get(Rating.VERY_SATISFIED, 0) + self.ratings.get(Rating.SATISFIED, 0)) / rated

    @property
    def response_rate(self) -> float | None:
        """Rated ÷ asked (rated + not rated); ``None`` when nobody was asked."""
        asked = self.rated + self.not_rated
        return self.rated / asked if asked else None

    @property
    def mean_score(self) -> float | None:
        """Average of the rated answers on the 5 (非常满意) … 1 (非常不满意) scale."""
        rated = self.rated
        if not rated:
            return None
        return sum(self.ratings.get(level, 0) * (level.score or 0) for level in RATING_LEVELS) / rated


def exact_distribution(values_us: Iterable[int], within_target: int) -> Distribution:
    """The distribution of a list of durations with its exact nearest-rank 90th percentile."""
    ordered = sorted(values_us)
    if not ordered:
        return Distribution()
    buckets = Counter(bucket_of(v) for v in ordered)
    return Distribution(
        count=len(ordered),
        total_us=sum(ordered),
        max_us=ordered[-1],
        p90_us=ordered[p90_rank(len(ordered)) - 1],
        within_target=within_target,
        resolution_us=0,
        buckets=MappingProxyType(dict(buckets)),
    )


def microseconds(duration: timedelta) -> int:
    """A duration as whole microseconds (exact; no float rounding)."""
    return duration // _ONE_US


class _Exact:
    """The raw values of one group, kept whole for exact figures."""

    def __init__(self, targets: Targets) -> None:
        self.targets = targets
        self.n: Counter[str] = Counter()
        self.waits: list[int] = []
        self.green_waits: list[int] = []
        self.services: list[int] = []
        self.ratings: Counter[Rating] = Counter()
        self.reasons: Counter[str] = Counter()

    def add_visit(self, visit: Visit) -> None:
        """The facts about the visit itself (under :func:`~.facts.visit_key`)."""
        n = self.n
        n["arrivals"] += 1
        n["green_arrivals"] += visit.green
        n["cancelled"] += visit.cancelled
        wait = visit.wait
        if wait is not None:
            us = microseconds(wait)
            within = us <= self.targets.wait_for(visit.service_code) * 60 * US
            n["called"] += 1
            self.waits.append(us)
            n["wait_within"] += within
            if visit.green:
                self.green_waits.append(us)
                n["green_within"] += within

    def add_leg(self, leg: ServiceLeg) -> None:
        """The facts about one stretch at a counter (under :func:`~.facts.leg_key`)."""
        n = self.n
        n["served"] += leg.end is LegEnd.DONE
        n["no_shows"] += leg.end is LegEnd.NO_SHOW
        n["transfers"] += leg.end is LegEnd.TRANSFERRED
        n["handovers"] += leg.handover
        n["guided_online"] += leg.guided_online
        spent = leg.service_time
        if spent is not None:
            us = microseconds(spent)
            self.services.append(us)
            target = self.targets.service_for(leg.service_code)
            n["service_within"] += target is not None and us <= target * 60 * US
        if leg.rating is not None:
            self.ratings[leg.rating] += 1
            self.reasons.update(leg.reasons)

    def figures(self) -> QualityFigures:
        n = self.n
        return QualityFigures(
            arrivals=n["arrivals"],
            called=n["called"],
            cancelled=n["cancelled"],
            served=n["served"],
            no_shows=n["no_shows"],
            transfers=n["transfers"],
            handovers=n["handovers"],
            guided_online=n["guided_online"],
            green_arrivals=n["green_arrivals"],
            wait=exact_distribution(self.waits, n["wait_within"]),
            green_wait=exact_distribution(self.green_waits, n["green_within"]),
            service_time=exact_distribution(self.services, n["service_within"]),
            ratings=MappingProxyType(dict(self.ratings)),
            reasons=MappingProxyType(dict(self.reasons)),
        )


def figures_from_visits(
    visits: Iterable[Visit], targets: Targets, keep: Callable[[CellKey], bool] | None = None
) -> QualityFigures:
    """The figures computed exactly from raw visits (small days, tests, the check on summaries).

    ``keep`` selects the facts counted, by the :class:`~.facts.CellKey` each is counted under (a
    service, a counter, a clerk, an hour …); without it everything counts.
    """
    group = _Exact(targets)
    for visit in visits:
        if keep is None or keep(visit_key(visit)):
            group.add_visit(visit)
        for leg in visit.legs:
            if keep is None or keep(leg_key(visit, leg)):
                group.add_leg(leg)
    return group.figures()


def exact_groups(
    visits: Iterable[Visit], targets: Targets, by: Callable[[CellKey], K | None]
) -> dict[K, QualityFigures]:
    """Exact figures per group in one pass (``by`` names a fact's group, ``None`` leaves it out):
    the same groups as :meth:`~.summary.QualitySummary.group`, with exact 90th percentiles."""
    groups: dict[K, _Exact] = {}

    def group(key: CellKey) -> _Exact | None:
        name = by(key)
        if name is None:
            return None
        found = groups.get(name)
        if found is None:
            found = groups[name] = _Exact(targets)
        return found

    for visit in visits:
        if (mine := group(visit_key(visit))) is not None:
            mine.add_visit(visit)
        for leg in visit.legs:
            if (theirs := group(leg_key(visit, leg))) is not None:
                theirs.add_leg(leg)
    return {name: g.figures() for name, g in groups.items()}
