"""What the windows show of the queue: read-only snapshots, each taken in one consistent read; and one
ticket found by its number for a reprint or a lookup, with where it stands in line now (the estimate
follows the rule used when a ticket is issued, :func:`~counter_app.services.queue.estimate_wait`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from counter_app.domain import queue as rules
from counter_app.domain.errors import NotFound
from counter_app.domain.profile import HallProfile
from counter_app.domain.queue import Counter, QueueEvent, Ticket, TicketState
from counter_app.services.clock import Clock, system_clock
from counter_app.services.ports import HallRecords
from counter_app.services.queue import estimate_wait

CALL_KINDS = ("called", "recalled")


@dataclass(frozen=True)
class CounterStatus:
    counter: Counter
    current: Ticket | None


@dataclass(frozen=True)
class QueueStatus:
    business_day: date
    waiting: dict[str, int]
    counters: tuple[CounterStatus, ...]


@dataclass(frozen=True)
class CounterFigures:
    served: int
    no_shows: int
    average_service_minutes: float | None
    average_wait_minutes: float | None


@dataclass(frozen=True)
class CounterView:
    status: CounterStatus
    waiting: tuple[Ticket, ...]  # the lines this counter serves, in the order its "next" key calls them
    waiting_counts: dict[str, int]
    figures: CounterFigures
    longest_wait_minutes: float
    now: datetime


@dataclass(frozen=True)
class ServiceLine:
    """What the kiosk shows on a service button: people waiting and the wait a newcomer can expect."""

    service_code: str
    waiting: int
    estimate_minutes: int | None


@dataclass(frozen=True)
class Announcement:
    event_id: int
    number: str
    counter: int
    recall: bool
    at: datetime | None = None
    """When the call was made (a call handed over after an outage keeps the time it was made)."""


@dataclass(frozen=True)
class DisplayView:
    counters: tuple[CounterStatus, ...]
    recent_calls: tuple[QueueEvent, ...]
    waiting: dict[str, int]
    last_event_id: int


class QueueReader:
    """Reads the queue without writing: the business day as the writers see it."""

    def __init__(self, store: HallRecords, profile: HallProfile, clock: Clock = system_clock) -> None:
        self.store = store
        self.profile = profile
        self.clock = clock
        self.repo = store.queue

    def _day(self, now: datetime) -> date:
        """The business day of ``now``, never earlier than one tickets were already issued on."""
        day = rules.business_day(now, self.profile.hall.day_start)
        latest = self.repo.latest_business_day()
        return latest if latest is not None and latest > day else day


class QueueViews(QueueReader):
    def _counters(self, day: date) -> tuple[CounterStatus, ...]:
        active = {t.counter: t for t in self.repo.all_active() if t.business_day == day}
        setups = {c.number: c.services for c in self.profile.counters}
        return tuple(CounterStatus(c, active.get(c.number)) for c in self.repo.counters(setups))

    def status(self) -> QueueStatus:
        with self.store.read():
            day = self._day(self.clock())
            return QueueStatus(day, self.repo.waiting_counts(day), self._counters(day))

    def counter_view(self, counter: int, waiting_limit: int = 200) -> CounterView:
        setup = self.profile.counter(counter)
        services = setup.services if setup else ()
        with self.store.read():
            now = self.clock()
            day = self._day(now)
            statuses = {s.counter.number: s for s in self._counters(day)}
            status = statuses.get(counter)
            if status is None:
                raise NotFound(
                    f"There is no counter {counter} in this hall", code="unknown_counter", counter=counter
                )
            # each line's first ``waiting_limit`` (one index range each), then the counter's own order
            lines = [t for code in services for t in self.repo.waiting(day, code, limit=waiting_limit)]
            calls = self.repo.calls_today(day, counter) if setup and setup.weights else {}
            waiting = rules.calling_order(setup, lines, calls)[:waiting_limit] if setup else []
            counts = self.repo.waiting_counts(day)
            figures = CounterFigures(*self.repo.counter_figures(day, counter))
        longest = max((t.waited(now) for t in waiting), default=timedelta(0))
        return CounterView(
            status=status,
            waiting=tuple(waiting),
            waiting_counts={s: counts.get(s, 0) for s in services},
            figures=figures,
            longest_wait_minutes=longest.total_seconds() / 60,
            now=now,
        )

    def display_view(self, recent: int = 8) -> DisplayView:
        with self.store.read():
            now = self.clock()
            day = self._day(now)
            start = datetime.combine(day, self.profile.hall.day_start, tzinfo=now.tzinfo)
            return DisplayView(
                counters=self._counters(day),
                recent_calls=tuple(self.repo.recent_events(CALL_KINDS, start, recent)),
                waiting=self.repo.waiting_counts(day),
                last_event_id=self.repo.last_event_id(),
            )

    def service_lines(self) -> tuple[ServiceLine, ...]:
        with self.store.read():
            day = self._day(self.clock())
            counts = self.repo.waiting_counts(day)
            return tuple(
                ServiceLine(
                    s.code,
                    counts.get(s.code, 0),
                    estimate_wait(self.repo, self.profile, s.code, counts.get(s.code, 0)),
                )
                for s in self.profile.services
            )

    def announcements_after(self, last_event_id: int) -> list[Announcement]:
        """Calls and recalls newer than the last one announced, oldest first."""
        with self.store.read():
            events = self.repo.events_after(last_event_id, CALL_KINDS)
        return [
            Announcement(
                event_id=e.id, number=e.number, counter=e.counter or 0, recall=e.kind == "recalled", at=e.at
            )
            for e in events
            if e.counter is not None
        ]

    def last_event_id(self) -> int:
        with self.store.read():
            return self.repo.last_event_id()

    def data_version(self) -> int:
        """Changes whenever another connection (process or window) has committed something."""
        return self.store.changes.version()


# --- one ticket, for a reprint or a lookup ----------------------------------------------------------


@dataclass(frozen=True)
class TicketPosition:
    """A ticket and, while it is waiting, how many are ahead and the expected wait in minutes."""

    ticket: Ticket
    ahead: int | None
    estimate_minutes: int | None


class TicketLookup(QueueReader):
    def by_number(self, number: str) -> Ticket:
        """Today's ticket with this number (e.g. ``A012``); :class:`NotFound` if there is none."""
        with self.store.read():
            ticket = self.repo.by_number(self._day(self.clock()), number.strip())
        if ticket is None:
            raise NotFound(f"No ticket {number} today", code="unknown_ticket", number=number)
        return ticket

    def by_id(self, ticket_id: int) -> Ticket:
        with self.store.read():
            ticket = self.repo.get(ticket_id)
        if ticket is None:
            raise NotFound(f"No ticket with id {ticket_id}", code="unknown_ticket", ticket_id=ticket_id)
        return ticket

    def position(self, ticket: Ticket | int | str) -> TicketPosition:
        """The ticket as stored now (by id, number or value) and its place in line if it waits."""
        with self.store.read():
            if isinstance(ticket, Ticket):
                current = self.repo.get(ticket.id)
            elif isinstance(ticket, int):
                current = self.repo.get(ticket)
            else:
                current = self.repo.by_number(self._day(self.clock()), ticket.strip())
            if current is None:
                label = ticket if isinstance(ticket, str) else f"id {getattr(ticket, 'id', ticket)}"
                raise NotFound(f"No ticket {label} today", code="unknown_ticket", number=label)
            if current.state is not TicketState.WAITING:
                return TicketPosition(current, None, None)
            ahead = self.repo.ahead_of(current)
            estimate = estimate_wait(self.repo, self.profile, current.service_code, ahead)
            return TicketPosition(current, ahead, estimate)
