"""Mergeable summaries of the quality figures, so a month or a year costs what its cells cost.

A :class:`QualitySummary` holds one :class:`SummaryCell` per :class:`~.facts.CellKey` (business day,
hour the number was taken, service, counter, clerk). A cell keeps counts, and for waits, green-channel
waits and service times a :class:`Tally`: count, sum and maximum in exact microseconds and a
histogram of one-minute buckets up to :data:`~.figures.HISTOGRAM_BUCKETS` minutes plus an overflow
bucket. Cells merge by adding, so the store can keep per-day summaries and a report merges the days
it covers. From a cell (or a merge of cells) :meth:`SummaryCell.figures` gives the same figures as
:func:`~.figures.figures_from_visits` on the same visits, except the 90th percentile, which is the
upper edge of its one-minute bucket (capped at the maximum): at most 60 s above the exact value,
or the maximum when it lies past the histogram's last minute (then an upper bound only).

"Within target" is decided when a visit is added, against the targets in force then; a later change
of targets does not rewrite the past.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Any, TypeVar

from counter_app.domain.quality.facts import CellKey, LegEnd, Rating, Targets, Visit, leg_key, visit_key
from counter_app.domain.quality.figures import (
    BUCKET_US,
    HISTOGRAM_BUCKETS,
    US,
    Distribution,
    QualityFigures,
    bucket_of,
    microseconds,
    p90_rank,
)

K = TypeVar("K", bound=Hashable)

COUNTS = (
    "arrivals",
    "called",
    "cancelled",
    "served",
    "no_shows",
    "transfers",
    "handovers",
    "guided_online",
    "green_arrivals",
)


class Tally:
    """Durations added one by one or merged: count, sum, maximum, within target, histogram."""

    __slots__ = ("buckets", "count", "max_us", "total_us", "within")

    def __init__(self) -> None:
        self.count = 0
        self.total_us = 0
        self.max_us = 0
        self.within = 0
        self.buckets: dict[int, int] = {}

    def add(self, us: int, within: bool) -> None:
        self.count += 1
        self.total_us += us
        if us > self.max_us:
            self.max_us = us
        self.within += within
        b = bucket_of(us)
        self.buckets[b] = self.buckets.get(b, 0) + 1

    def merge(self, other: Tally) -> None:
        self.count += other.count
        self.total_us += other.total_us
        if other.max_us > self.max_us:
            self.max_us = other.max_us
        self.within += other.within
        mine = self.buckets
        for b, n in other.buckets.items():
            mine[b] = mine.get(b, 0) + n

    def distribution(self) -> Distribution:
        if not self.count:
            return Distribution(resolution_us=BUCKET_US)
        rank = p90_rank(self.count)
        seen = 0
        p90 = self.max_us
        for b in sorted(self.buckets):
            seen += self.buckets[b]
            if seen >= rank:
                if b < HISTOGRAM_BUCKETS:
                    p90 = min((b + 1) * BUCKET_US, self.max_us)
                break
        return Distribution(
            count=self.count,
            total_us=self.total_us,
            max_us=self.max_us,
            p90_us=p90,
            within_target=self.within,
            resolution_us=BUCKET_US,
            buckets=MappingProxyType(dict(self.buckets)),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "total_us": self.total_us,
            "max_us": self.max_us,
            "within": self.within,
            "buckets": {str(b): n for b, n in sorted(self.buckets.items())},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Tally:
        tally = cls()
        tally.count = int(data["count"])
        tally.total_us = int(data["total_us"])
        tally.max_us = int(data["max_us"])
        tally.within = int(data["within"])
        tally.buckets = {int(b): int(n) for b, n in data["buckets"].items()}
        if sum(tally.buckets.values()) != tally.count or any(
            not 0 <= b <= HISTOGRAM_BUCKETS for b in tally.buckets
        ):
            raise ValueError("a stored tally's histogram does not add up to its count")
        return tally


class SummaryCell:
    """The figures of one (day, hour, service, counter, clerk), in mergeable form."""

    __slots__ = (*COUNTS, "green_wait", "ratings", "reasons", "service_time", "wait")

    def __init__(self) -> None:
        self.arrivals = 0
        self.called = 0
        self.cancelled = 0
        self.served = 0
        self.no_shows = 0
        self.transfers = 0
        self.handovers = 0
        self.guided_online = 0
        self.green_arrivals = 0
        self.wait = Tally()
        self.green_wait = Tally()
        self.service_time = Tally()
        self.ratings: dict[Rating, int] = {}
        self.reasons: dict[str, int] = {}

    def merge(self, other: SummaryCell) -> None:
        self.arrivals += other.arrivals
        self.called += other.called
        self.cancelled += other.cancelled
        self.served += other.served
        self.no_shows += other.no_shows
        self.transfers += other.transfers
        self.handovers += other.handovers
        self.guided_online += other.guided_online
        self.green_arrivals += other.green_arrivals
        self.wait.merge(other.wait)
        self.green_wait.merge(other.green_wait)
        self.service_time.merge(other.service_time)
        for rating, n in other.ratings.items():
            self.ratings[rating] = self.ratings.get(rating, 0) + n
        for reason, n in other.reasons.items():
            self.reasons[reason] = self.reasons.get(reason, 0) + n

    def figures(self) -> QualityFigures:
        counts: dict[str, int] = {name: getattr(self, name) for name in COUNTS}
        return QualityFigures(
            **counts,
            wait=self.wait.distribution(),
            green_wait=self.green_wait.distribution(),
            service_time=self.service_time.distribution(),
            ratings=MappingProxyType(dict(self.ratings)),
            reasons=MappingProxyType(dict(self.reasons)),
        )

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {name: getattr(self, name) for name in COUNTS}
        data["wait"] = self.wait.to_dict()
        data["green_wait"] = self.green_wait.to_dict()
        data["service_time"] = self.service_time.to_dict()
        data["ratings"] = {r.value: n for r, n in sorted(self.ratings.items())}
        data["reasons"] = dict(sorted(self.reasons.items()))
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SummaryCell:
        cell = cls()
        for name in COUNTS:
            setattr(cell, name, int(data[name]))
        cell.wait = Tally.from_dict(data["wait"])
        cell.green_wait = Tally.from_dict(data["green_wait"])
        cell.service_time = Tally.from_dict(data["service_time"])
        cell.ratings = {Rating(r): int(n) for r, n in data["ratings"].items()}
        cell.reasons = {str(r): int(n) for r, n in data["reasons"].items()}
        return cell


class QualitySummary:
    """Cells by key; built from visits, merged from stored days, grouped for a report."""

    def __init__(self, cells: Mapping[CellKey, SummaryCell] | None = None) -> None:
        self.cells: dict[CellKey, SummaryCell] = dict(cells or {})

    def _cell(self, key: CellKey) -> SummaryCell:
        cell = self.cells.get(key)
        if cell is None:
            cell = self.cells[key] = SummaryCell()
        return cell

    @classmethod
    def of_visits(cls, visits: Iterable[Visit], targets: Targets) -> QualitySummary:
        summary = cls()
        for visit in visits:
            summary.add_visit(visit, targets)
        return summary

    def add_visit(self, visit: Visit, targets: Targets) -> None:
        """Count one visit (under the attribution rules of :class:`~.facts.CellKey`)."""
        cell = self._cell(visit_key(visit))
        cell.arrivals += 1
        cell.green_arrivals += visit.green
        cell.cancelled += visit.cancelled
        wait = visit.wait
        if wait is not None:
            us = microseconds(wait)
            within = us <= targets.wait_for(visit.service_code) * 60 * US
            cell.called += 1
            cell.wait.add(us, within)
            if visit.green:
                cell.green_wait.add(us, within)
        for leg in visit.legs:
            cell = self._cell(leg_key(visit, leg))
            if leg.end is LegEnd.DONE:
                cell.served += 1
            elif leg.end is LegEnd.NO_SHOW:
                cell.no_shows += 1
            elif leg.end is LegEnd.TRANSFERRED:
                cell.transfers += 1
                cell.handovers += leg.handover
            cell.guided_online += leg.guided_online
            spent = leg.service_time
            if spent is not None:
                us = microseconds(spent)
                target = targets.service_for(leg.service_code)
                cell.service_time.add(us, target is not None and us <= target * 60 * US)
            if leg.rating is not None:
                cell.ratings[leg.rating] = cell.ratings.get(leg.rating, 0) + 1
                for reason in leg.reasons:
                    cell.reasons[reason] = cell.reasons.get(reason, 0) + 1

    def merge(self, other: QualitySummary) -> None:
        """Add ``other``'s cells to these (``other`` is left as it was)."""
        for key, theirs in other.cells.items():
            self._cell(key).merge(theirs)

    @classmethod
    def merged(cls, summaries: Iterable[QualitySummary]) -> QualitySummary:
        total = cls()
        for summary in summaries:
            total.merge(summary)
        return total

    def figures(self, keep: Callable[[CellKey], bool] | None = None) -> QualityFigures:
        """The figures of all cells (or those ``keep`` selects) together."""
        total = SummaryCell()
        for key, cell in self.cells.items():
            if keep is None or keep(key):
                total.merge(cell)
        return total.figures()

    def group(self, by: Callable[[CellKey], K | None]) -> dict[K, QualityFigures]:
        """Figures per group, ``by`` naming each cell's group (``None`` leaves the cell out)."""
        return {name: cell.figures() for name, cell in self.rollup(by).items()}

    def rollup(self, by: Callable[[CellKey], K | None]) -> dict[K, SummaryCell]:
        """The cells merged per group (new cells: these stay as they were)."""
        groups: dict[K, SummaryCell] = {}
        for key, cell in self.cells.items():
            name = by(key)
            if name is None:
                continue
            total = groups.get(name)
            if total is None:
                total = groups[name] = SummaryCell()
            total.merge(cell)
        return groups

    def days(self) -> tuple[date, ...]:
        return tuple(sorted({key.day for key in self.cells}))

    def between(self, first: date, last: date) -> QualitySummary:
        """The cells of business days ``first`` … ``last`` (both included); cells are shared."""
        return QualitySummary({k: c for k, c in self.cells.items() if first <= k.day <= last})

    # storage: one row per cell, for the store's summary table --------------------------------------
    def to_rows(self) -> list[dict[str, Any]]:
        """One JSON-safe row per cell: the key's parts and ``figures`` (a JSON text)."""
        return [
            {
                "day": key.day.isoformat(),
                "hour": key.hour,
                "service": key.service,
                "counter": key.counter,
                "clerk": key.clerk,
                "figures": json.dumps(cell.to_dict(), ensure_ascii=False, separators=(",", ":")),
            }
            for key, cell in sorted(self.cells.items())
        ]

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, Any]]) -> QualitySummary:
        summary = cls()
        for row in rows:
            key = CellKey(
                date.fromisoformat(str(row["day"])),
                int(row["hour"]),
                str(row["service"]),
                int(row["counter"]),
                str(row["clerk"]),
            )
            cell = SummaryCell.from_dict(json.loads(str(row["figures"])))
            mine = summary.cells.get(key)
            if mine is None:
                summary.cells[key] = cell
            else:
                mine.merge(cell)
        return summary


# groupings a report uses ---------------------------------------------------------------------------
def by_service(key: CellKey) -> str:
    return key.service


def by_counter(key: CellKey) -> int | None:
    """Counters; facts of numbers never called (counter 0) are left out."""
    return key.counter or None


def by_clerk(key: CellKey) -> str | None:
    return key.clerk or None


def by_hour(key: CellKey) -> int:
    return key.hour


def by_day(key: CellKey) -> date:
    return key.day


def by_month(key: CellKey) -> date:
    return key.day.replace(day=1)


def arrivals_by_day_hour_service(summary: QualitySummary) -> dict[tuple[date, int, str], int]:
    """Numbers taken per (business day, hour, service): the history the forecast learns from."""
    counts: dict[tuple[date, int, str], int] = {}
    for key, cell in summary.cells.items():
        if cell.arrivals:
            slot = (key.day, key.hour, key.service)
            counts[slot] = counts.get(slot, 0) + cell.arrivals
    return counts
