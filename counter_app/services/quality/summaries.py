"""The figures of any period: closed days from their stored summaries, today from its tickets.

A closed business day (before today's) is summarised once and stored (``quality_days``), so a month
or a year costs what its stored cells cost. A stored summary is a cache: recording a late fact of a
closed day (a rating from a script) drops it in the same transaction, and it is made again when next
needed. A summary is made from one consistent read of its day and stored only if the day has not
changed since that read (its fingerprint), in a short write of its own: the queue never waits for a
day being summarised.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from counter_app.domain.errors import StoreUnavailable
from counter_app.domain.profile import HallProfile
from counter_app.domain.quality.facts import Targets
from counter_app.domain.quality.staffed import average_counters_open, counter_minutes_by_hour
from counter_app.domain.quality.summary import QualitySummary
from counter_app.domain.queue import business_day
from counter_app.services.ports import QualityRecords, UnitOfWork
from counter_app.services.quality.live import LiveDay

log = logging.getLogger("counter_app.quality")


@dataclass(frozen=True)
class PeriodFigures:
    """A period's summary, the average counters open per hour, and the days with numbers taken."""

    first: date
    last: date
    summary: QualitySummary
    counters_open: dict[int, float]
    days_open: int


def targets_json(targets: Targets) -> dict[str, object]:
    return {
        "wait_minutes": dict(targets.wait_minutes),
        "default_wait_minutes": targets.default_wait_minutes,
        "service_minutes": dict(targets.service_minutes),
    }


class DaySummaries:
    def __init__(
        self, uow: UnitOfWork, records: QualityRecords, profile: HallProfile, clock: Callable[[], datetime]
    ) -> None:
        self.uow = uow
        self.records = records
        self.profile = profile
        self.clock = clock
        self.targets = Targets.from_profile(profile)
        self._live: LiveDay | None = None

    # days -----------------------------------------------------------------------------------------
    def today(self, now: datetime | None = None) -> date:
        """Today's business day, never before the last one numbers were taken on (a clock set back)."""
        day = business_day(now or self.clock(), self.profile.hall.day_start)
        latest = self.records.latest_ticket_day()
        return latest if latest is not None and latest > day else day

    def day_bounds(self, day: date, now: datetime | None = None) -> tuple[datetime, datetime]:
        """From the day start of ``day`` to that of the next day (or ``now``, if earlier)."""
        zone = (now or self.clock()).tzinfo
        start = datetime.combine(day, self.profile.hall.day_start, tzinfo=zone)
        end = start + timedelta(days=1)
        return start, min(end, now) if now is not None else end

    # one day --------------------------------------------------------------------------------------
    def live_day(self, day: date, now: datetime) -> tuple[QualitySummary, dict[int, float]]:
        """A day computed from its tickets (call inside a read): its summary and counter-minutes.
        The day last asked for is kept and brought up to date with what changed since
        (:class:`~.live.LiveDay`); the summary returned is shared: read it, do not change it."""
        if self._live is None or self._live.day != day:
            self._live = LiveDay(day, self.targets)
        summary = self._live.refresh(self.records)
        start, end = self.day_bounds(day, now)
        before, events = self.records.counter_states(start, end)
        minutes = counter_minutes_by_hour(self.records.counter_numbers(), before, events, start, end)
        return summary, minutes

    def _summarise(self, day: date) -> bool:
        now = self.clock()
        with self.uow.read():
            seen = self.records.day_fingerprint(day)
            summary = QualitySummary.of_visits(self.records.visits(day, day), self.targets)
            start, end = self.day_bounds(day, now)
            before, events = self.records.counter_states(start, end)
            minutes = counter_minutes_by_hour(self.records.counter_numbers(), before, events, start, end)
        try:
            with self.uow.write():
                if self.records.day_fingerprint(day) != seen:
                    log.info("day %s changed while it was summarised; it is summarised next time", day)
                    return False
                self.records.save_day(day, summary, minutes, targets_json(self.targets), now)
        except StoreUnavailable as exc:
            if exc.reason != "damaged":
                raise
            log.warning("day %s not summarised: the hall file is damaged and open read-only", day)
            return False  # the figures of the days already stored are still shown
        return True

    def ensure(self, first: date, last: date) -> int:
        """Summarise and store every closed day from ``first`` to ``last`` that has numbers taken and
        no stored summary; the number of days stored."""
        today = self.today()
        last = min(last, today - timedelta(days=1))
        if last < first:
            return 0
        with self.uow.read():
            missing = sorted(
                set(self.records.ticket_days(first, last)) - self.records.summarised_days(first, last)
            )
        made = sum(self._summarise(day) for day in missing)
        if made:
            log.info("stored the summaries of %d closed day(s) from %s to %s", made, first, last)
        return made

    # a period -------------------------------------------------------------------------------------
    def period(self, first: date, last: date) -> PeriodFigures:
        """The figures from ``first`` to ``last``: stored summaries of closed days (made first where
        missing) and today's from its tickets."""
        if last < first:
            raise ValueError("a period's last day cannot come before its first")
        self.ensure(first, last)
        now = self.clock()
        today = self.today(now)
        with self.uow.read():
            summary = self.records.stored_summary(first, min(last, today - timedelta(days=1)))
            minutes = self.records.stored_counter_minutes(first, min(last, today - timedelta(days=1)))
            if first <= today <= last:
                live, live_minutes = self.live_day(today, now)
                if live.cells:
                    summary.merge(live)
                    minutes[today] = live_minutes
        days = summary.days()
        counters = average_counters_open((minutes.get(d, {}) for d in days), len(days))
        return PeriodFigures(first, last, summary, counters, len(days))
