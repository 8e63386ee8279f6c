"""Walk-in queue rules (叫号规则): numbering, ticket states, who is called next, waiting estimates.

Pure functions over values; the store keeps the rows and the services apply these rules inside one
transaction. Invariants the rest of the code relies on:

* numbers are ``prefix + seq`` per business day, 3 digits up to 999 and 4 digits past it;
* order in line is ``queue_order`` (a database counter), never a clock reading, so a clock moved
  backwards cannot reorder the line; a transfer keeps its ``queue_order`` (its place), a re-queued
  no-show gets a new one (the back of the line);
* green-channel (绿色通道) tickets are called before every other ticket of the services a counter serves.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as dtime
from enum import StrEnum

from counter_app.domain.errors import RuleViolation
from counter_app.domain.profile import CounterSetup


class TicketState(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    DONE = "done"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


ACTIVE_STATES = (TicketState.CALLED, TicketState.SERVING)
OPEN_STATES = (TicketState.WAITING, TicketState.CALLED, TicketState.SERVING)


class CounterAction(StrEnum):
    """What a clerk does at the counter (the counter window's keys, the CLI's ``ticket`` commands)."""

    NEXT = "next"  # finish the current customer, if any, and call the next (F1)
    RECALL = "recall"  # call the current number again (F2)
    START = "start"  # the called customer has arrived (F3)
    NO_SHOW = "no_show"  # the called customer did not come (F4)
    TRANSFER = "transfer"  # send the current customer to another service's line (F5)
    FINISH = "finish"  # the current customer is served (F6)
    CALL_NUMBER = "call_number"  # call a particular waiting number (F7)
    PAUSE = "pause"  # pause or resume the counter (F8)


ACTION_STATES: dict[CounterAction, tuple[TicketState, ...] | None] = {
    CounterAction.NEXT: None,
    CounterAction.RECALL: (TicketState.CALLED,),
    CounterAction.START: (TicketState.CALLED,),
    CounterAction.NO_SHOW: (TicketState.CALLED,),
    CounterAction.TRANSFER: ACTIVE_STATES,
    CounterAction.FINISH: ACTIVE_STATES,
    CounterAction.CALL_NUMBER: None,
    CounterAction.PAUSE: (),
}
"""The state the counter's current customer must be in for each action: ``None`` for any (or nobody),
``()`` for nobody at the counter. ``services.queue`` refuses an action in any other state; windows
offer exactly these (:func:`allowed_actions`)."""


def states_for(action: CounterAction) -> tuple[TicketState, ...]:
    """The states the current customer's ticket must be in for ``action``, one that acts on them."""
    states = ACTION_STATES[action]
    if not states:
        raise ValueError(f"{action.value} does not act on the counter's current customer")
    return states


def allowed_actions(current: TicketState | None) -> frozenset[CounterAction]:
    """The actions a counter can take when its current customer's ticket is in state ``current``
    (``None``: nobody at the counter). A window enables its keys from this, so it never offers what
    the service would refuse."""

    def allowed(states: tuple[TicketState, ...] | None) -> bool:
        if states is None:
            return True
        return current is None if not states else current in states

    return frozenset(action for action, states in ACTION_STATES.items() if allowed(states))


class CounterState(StrEnum):
    OPEN = "open"
    PAUSED = "paused"
    CLOSED = "closed"


@dataclass(frozen=True)
class Ticket:
    id: int
    uuid: str
    business_day: date
    number: str
    service_code: str
    green: bool
    green_reason: str
    state: TicketState
    queue_order: int
    issued_at: datetime
    called_at: datetime | None = None
    serving_at: datetime | None = None
    finished_at: datetime | None = None
    counter: int | None = None
    clerk: str = ""
    recalls: int = 0
    transfers: int = 0

    @property
    def is_active(self) -> bool:
        return self.state in ACTIVE_STATES

    def waited(self, now: datetime) -> timedelta:
        """Time from taking the number to being called (or until now while waiting)."""
        end = self.called_at or now
        return max(timedelta(0), end - self.issued_at)


@dataclass(frozen=True)
class IssuedTicket:
    """A number just taken: the ticket, the people ahead of it in its line and the expected wait."""

    ticket: Ticket
    ahead: int
    estimate_minutes: int | None


@dataclass(frozen=True)
class QueueEvent:
    """One row of the queue's history (a call, a recall, …) with its ticket's number and service."""

    id: int
    kind: str
    at: datetime
    ticket_id: int | None
    number: str
    service_code: str
    counter: int | None
    clerk: str


@dataclass(frozen=True)
class Counter:
    number: int
    state: CounterState
    clerk: str
    services: tuple[str, ...]


@dataclass(frozen=True)
class Candidate:
    """The head of one line a counter could call from: the oldest waiting ticket of a service."""

    ticket_id: int
    service_code: str
    green: bool
    queue_order: int


def business_day(now: datetime, day_start: dtime) -> date:
    """The business day a moment belongs to: before ``day_start`` it is still the previous day."""
    start = datetime.combine(now.date(), day_start, tzinfo=now.tzinfo)
    return now.date() if now >= start else now.date() - timedelta(days=1)


def format_number(prefix: str, seq: int) -> str:
    """``A`` + 12 → ``A012``; past 999 the number simply grows to 4 digits (``A1000``)."""
    if seq < 1:
        raise ValueError("ticket sequence starts at 1")
    return f"{prefix}{seq:03d}"


_NUMBER = re.compile(r"^([A-Z])([0-9]{3,})$")


def parse_number(number: str) -> tuple[str, int] | None:
    """``A012`` → ``("A", 12)``; ``None`` for anything that is not a number as :func:`format_number`
    writes them."""
    found = _NUMBER.match(number.strip().upper())
    if found is None or int(found[2]) < 1:
        return None
    return found[1], int(found[2])


def spoken_number(number: str, language: str) -> str:
    """How the voice call reads a number: digit by digit, as halls announce them (A012 → A零一二)."""
    if language == "en":
        return " ".join(number)
    digits = "零一二三四五六七八九"
    return "".join(digits[int(ch)] if ch.isdigit() else ch for ch in number)


def choose_next(
    counter: CounterSetup,
    candidates: Sequence[Candidate],
    calls_today: Mapping[str, int],
) -> Candidate | None:
    """Pick the ticket a counter calls next.

    Green channel first (oldest first); then the counter's policy among the services that have
    someone waiting: strict order of its list, or with weights the service whose share of this
    counter's calls today is furthest below its weight; within a service first come, first served.
    """
    served = [c for c in candidates if c.service_code in counter.services]
    green = [c for c in served if c.green]
    if green:
        return min(green, key=lambda c: c.queue_order)
    heads: dict[str, Candidate] = {}
    for cand in served:
        best = heads.get(cand.service_code)
        if best is None or cand.queue_order < best.queue_order:
            heads[cand.service_code] = cand
    if not heads:
        return None
    position = {code: i for i, code in enumerate(counter.services)}
    if not counter.weights:
        return min(heads.values(), key=lambda c: position[c.service_code])

    def deficit(c: Candidate) -> tuple[float, int]:
        weight = counter.weights.get(c.service_code, 1)
        return ((calls_today.get(c.service_code, 0) + 1) / weight, position[c.service_code])

    return min(heads.values(), key=deficit)


def calling_order(
    counter: CounterSetup, waiting: Sequence[Ticket], calls_today: Mapping[str, int]
) -> list[Ticket]:
    """``waiting`` in the order this counter's "next" key would call them if nobody else called and
    nobody new arrived: :func:`choose_next` applied again and again (what the clerk's list shows,
    so the first row is the one F1 calls). Tickets of services the counter does not serve are left out.
    """
    lines: dict[tuple[str, bool], list[Ticket]] = {}
    for ticket in sorted(waiting, key=lambda t: t.queue_order):
        if ticket.service_code in counter.services:
            lines.setdefault((ticket.service_code, ticket.green), []).append(ticket)
    heads = {key: 0 for key in lines}
    calls = dict(calls_today)
    order: list[Ticket] = []
    while True:
        candidates = [
            Candidate(t.id, t.service_code, t.green, t.queue_order)
            for key, i in heads.items()
            if i < len(lines[key])
            for t in (lines[key][i],)
        ]
        chosen = choose_next(counter, candidates, calls)
        if chosen is None:
            return order
        key = (chosen.service_code, chosen.green)
        order.append(lines[key][heads[key]])
        heads[key] += 1
        calls[chosen.service_code] = calls.get(chosen.service_code, 0) + 1  # as calls_today counts them


def estimate_minutes(ahead: int, average_service_minutes: float, counters_serving: int) -> int | None:
    """Expected wait: people ahead × average service time ÷ counters serving the line.

    ``None`` when no counter serves the service at all (the kiosk then says "no estimate").
    """
    if counters_serving <= 0:
        return None
    if ahead <= 0:
        return 0
    return math.ceil(ahead * average_service_minutes / counters_serving)


def require_state(ticket: Ticket, allowed: Sequence[TicketState], action: str) -> None:
    if ticket.state not in allowed:
        raise RuleViolation(
            f"{ticket.number} is {ticket.state.value}; it cannot be {action}",
            code="wrong_state",
            number=ticket.number,
            state=ticket.state.value,
            action=action,
        )


def require_at_counter(ticket: Ticket, counter: int) -> None:
    if ticket.counter != counter or not ticket.is_active:
        raise RuleViolation(
            f"{ticket.number} is not being served at counter {counter}",
            code="not_your_ticket",
            number=ticket.number,
            counter=counter,
        )


def can_requeue(ticket: Ticket, now: datetime, requeue_minutes: int) -> bool:
    """A no-show may go back in line only within the configured minutes of being marked."""
    if ticket.state is not TicketState.NO_SHOW or ticket.finished_at is None:
        return False
    return now - ticket.finished_at <= timedelta(minutes=requeue_minutes)
