"""The demo hall's past weeks: opening days made by the real services on a simulated clock, so the
dashboard's trend, the reports and the forecast have a history to show.

Each day: three to six counters (more on busy days) open at 08:30 with their demo clerks (on the
staff list, so the rating screen shows a name and a staff number), two of them break for lunch,
numbers are taken all day with a weekly pattern (Mondays busiest, Sundays quietest) and a month-end
peak, customers are called,
served, sometimes missed or handed over (most hand-overs with a reason, a few passed on without),
rated on the customer's screen (or not, in time), inquiries and complaints get an outcome; the
counters close at 17:30. Deterministic (seeded); :func:`counter_app.services.demo.load_demo` loads
them once, into a hall that has no tickets yet.
"""

from __future__ import annotations

import calendar as month_calendar
import math
import random
from datetime import date, datetime, time, timedelta

from counter_app.domain.queue import CounterState, Ticket, business_day
from counter_app.services.demo import DEMO_ACCOUNTS, DEMO_CLERKS, rate_demo_customer
from counter_app.services.hall import Hall
from counter_app.services.payments.guidance import PaymentGuidanceService
from counter_app.services.quality.hall_quality import HallQuality
from counter_app.services.queue import QueueService

DEMO_STAFF = {name: f"01{number:02d}" for number, name in DEMO_CLERKS.items()}
WEEKDAY_VOLUME = (170, 140, 130, 130, 150, 95, 75)  # Monday … Sunday, numbers taken on a normal day
MONTH_END_FACTOR = 1.6
_MIX = {"A": 0.5, "B": 0.15, "C": 0.25, "D": 0.1}
_HOURS = {8: 0.04, 9: 0.15, 10: 0.16, 11: 0.12, 12: 0.06, 13: 0.08, 14: 0.14, 15: 0.14, 16: 0.11}
GUIDED_ONLINE = 0.3  # payers shown the online channels with a printed slip
_LUNCH = {2: (time(12, 0), time(13, 0)), 5: (time(12, 30), time(13, 30))}


class _SimClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def demo_volume(day: date) -> float:
    """Numbers expected on ``day`` in the demo hall: its weekday's, more in the last days of a month."""
    volume = float(WEEKDAY_VOLUME[day.weekday()])
    if month_calendar.monthrange(day.year, day.month)[1] - day.day < 3:
        volume *= MONTH_END_FACTOR
    return volume


def _poisson(rng: random.Random, mean: float) -> int:
    n, p = 0, math.exp(-mean)
    cumulative, u = p, rng.random()
    while u > cumulative:
        n += 1
        p *= mean / n
        cumulative += p
    return n


class _Day:
    """One simulated opening day of the hall."""

    def __init__(self, hall: Hall, rng: random.Random, day: date) -> None:
        zone = hall.clock().tzinfo
        self.hall = hall
        self.rng = rng
        self.day = day
        self.clock = _SimClock(datetime.combine(day, time(8, 25), tzinfo=zone))
        self.quality: HallQuality = hall.quality.on_clock(self.clock)
        self.queue = QueueService(hall.store, hall.profile, self.clock, handovers=self.quality.handovers)
        self.payments = PaymentGuidanceService(hall.store, hall.profile, hall.accounts, self.clock)
        self.volume = demo_volume(day) * rng.uniform(0.9, 1.1)
        # a quiet day opens three counters, a busy one more: waits show on the busy days
        wanted = [1, 3, 5] + ([2] if self.volume >= 120 else []) + ([4, 6] if self.volume >= 165 else [])
        self.counters = [c.number for c in hall.profile.counters if c.number in wanted]
        self.busy_until: dict[int, datetime] = dict.fromkeys(self.counters, self.clock.now)
        self.codes = [s.code for s in hall.profile.services if s.code in _MIX]
        self.paused: set[int] = set()
        self.counts = {"issued": 0, "served": 0, "no_show": 0, "handovers": 0, "passed_on": 0, "rated": 0}

    def at(self, clock: time) -> datetime:
        return datetime.combine(self.day, clock, tzinfo=self.clock.now.tzinfo)

    def run(self) -> dict[str, int]:
        for number in self.counters:
            self.queue.set_counter_state(number, CounterState.OPEN, DEMO_CLERKS.get(number, ""))
        volume = self.volume
        minute = self.at(time(8, 30))
        while minute < self.at(time(17, 0)):
            self.clock.now = minute
            for _ in range(_poisson(self.rng, volume * _HOURS.get(minute.hour, 0.0) / 60)):
                self.queue.issue(self.rng.choices(self.codes, [_MIX[c] for c in self.codes])[0])
                self.counts["issued"] += 1
            for number in self.counters:
                self._counter(number, minute)
            minute += timedelta(minutes=1)
        self.clock.now = self.at(time(17, 30))
        for number in self.counters:
            if self.queue.repo.active_at(number) is not None:
                self._finished(self.queue.finish(number))
            self.queue.set_counter_state(number, CounterState.CLOSED)
        return self.counts

    def _counter(self, number: int, minute: datetime) -> None:
        lunch = _LUNCH.get(number)
        if lunch is not None and self.at(lunch[0]) <= minute < self.at(lunch[1]):
            if number not in self.paused and self.busy_until[number] <= minute:
                if self.queue.repo.active_at(number) is not None:
                    self._finished(self.queue.finish(number))
                self.queue.set_counter_state(number, CounterState.PAUSED)
                self.paused.add(number)
            return
        if self.busy_until[number] > minute:
            return
        self.paused.discard(number)  # calling again is back from the break
        result = self.queue.call_next(number, DEMO_CLERKS.get(number))
        if result.finished is not None:
            self._finished(result.finished)
        called = result.called
        if called is None:
            return
        roll = self.rng.random()
        if roll < 0.04:
            self.queue.no_show(number)
            self.counts["no_show"] += 1
            self.busy_until[number] = minute + timedelta(minutes=1)
            return
        serving = self.queue.start_serving(number)
        if called.service_code == "A" and self.rng.random() < GUIDED_ONLINE:
            account = f"99{self.rng.randrange(DEMO_ACCOUNTS):08d}"  # one of the demo list's accounts
            self.payments.record(
                account, ["wsgw", "wechat"], clerk=serving.clerk, counter=number, ticket=serving
            )
        if roll < 0.10 and called.service_code != "C":
            if self.rng.random() < 0.8:
                reasons = self.quality.settings.handover_reasons
                reason = self.rng.choice(reasons).get(self.hall.profile.hall.language) if reasons else "转办"
                self.queue.transfer(number, "C", reason=reason)
                self.counts["handovers"] += 1
            else:
                self.queue.transfer(number, "C")
                self.counts["passed_on"] += 1
            self.busy_until[number] = minute + timedelta(minutes=2)
            return
        service = self.hall.profile.service(called.service_code)
        minutes = max(1.0, self.rng.gauss(service.default_service_minutes if service else 5, 2))
        self.busy_until[number] = minute + timedelta(minutes=minutes)

    def _finished(self, ticket: Ticket) -> None:
        self.counts["served"] += 1
        rate_demo_customer(self.quality, self.rng, ticket)
        self.counts["rated"] += 1


def load_demo_weeks(hall: Hall, *, weeks: int = 5, seed: int = 17) -> dict[str, int]:
    """``weeks`` weeks of opening days before today's business day, made through the services."""
    today = business_day(hall.clock(), hall.profile.hall.day_start)
    rng = random.Random(seed)
    totals: dict[str, int] = {"days": 0}
    hall.store.set_durable(False)  # a one-off bulk load; the hall's own writes stay durable
    try:
        for i in range(weeks * 7, 0, -1):
            counts = _Day(hall, rng, today - timedelta(days=i)).run()
            totals["days"] += 1
            for key, value in counts.items():
                totals[key] = totals.get(key, 0) + value
    finally:
        hall.store.set_durable(True)
    return totals
