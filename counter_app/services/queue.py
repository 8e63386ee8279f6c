"""Queue use cases (叫号): issue a number, call next, recall, no-show, transfer, finish, pause.

Each public method is one user action and one ``BEGIN IMMEDIATE`` transaction, including its audit
and outbox rows; it returns values (never rows) or raises a :class:`HallError` having changed nothing.
Printing and announcing happen in the caller, after the method has returned (after the commit).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime

from counter_app.domain import queue as rules
from counter_app.domain.clock_jump import CONFIRMED_DAY_KEY, clock_settings, implausible_jump
from counter_app.domain.entries import hall_counter, sign_in_name
from counter_app.domain.errors import InvalidInput, NotFound, RuleViolation
from counter_app.domain.offline import fallback_number, parse_fallback
from counter_app.domain.profile import HallProfile
from counter_app.domain.queue import CounterAction, CounterState, IssuedTicket, Ticket, TicketState
from counter_app.domain.roles import Action
from counter_app.services.clock import Clock, system_clock
from counter_app.services.offline import AdoptedTicket, OfflineDesk
from counter_app.services.ports import HallRecords, QueueRecords
from counter_app.services.quality.handover import Handovers
from counter_app.services.session import Gate, gate_for
from counter_app.services.staff import clean_clerk

log = logging.getLogger("counter_app.queue")


@dataclass(frozen=True)
class CallResult:
    """What a "next" key press did: the customer it finished (if any) and the one it called."""

    finished: Ticket | None
    called: Ticket | None


@dataclass(frozen=True)
class RecallResult:
    ticket: Ticket
    became_no_show: bool


def estimate_wait(repo: QueueRecords, profile: HallProfile, service_code: str, ahead: int) -> int | None:
    """Minutes a newcomer with ``ahead`` people before them will wait: the rolling average service
    time of the service (the profile's default before any is finished) over the counters serving it
    that are not closed (all counters configured for it when none is staffed yet)."""
    service = profile.service(service_code)
    if service is None:
        return None
    average = repo.average_service_minutes(service_code, profile.queue.estimate_window)
    serving = profile.counters_serving(service_code)
    counters = repo.counters({c.number: c.services for c in profile.counters})
    staffed = sum(1 for c in counters if c.number in serving and c.state is not CounterState.CLOSED)
    return rules.estimate_minutes(ahead, average or service.default_service_minutes, staffed or len(serving))


class QueueService:
    """``desk``: set on a PC working without its hall server (``services/offline.py``): tickets get
    fallback numbers, "next" needs the server (a clerk calls by number), and every action is
    journaled for the hand-over."""

    def __init__(
        self,
        store: HallRecords,
        profile: HallProfile,
        clock: Clock = system_clock,
        handovers: Handovers | None = None,
        desk: OfflineDesk | None = None,
        gate: Gate | None = None,
    ) -> None:
        """``handovers`` records a transfer's hand-over (首问负责制); without it a transfer with a
        reason is refused (a queue built for a tool that records none)."""
        self.store = store
        self.profile = profile
        self.clock = clock
        self.desk = desk
        self.repo = store.queue
        self.handovers = handovers
        self.gate = gate_for(store, gate)
        self._closed_day: date | None = None

    def _note(self, kind: str, at: datetime, **payload: object) -> None:
        """Journal this action for the hand-over when working without the server."""
        if self.desk is not None:
            self.desk.note(self.store, kind, at, **payload)

    # the business day ------------------------------------------------------------------------------
    def _today(self, now: datetime) -> date:
        """Today's business day, never earlier than one already used (a clock set back keeps
        numbers unique), closing yesterday's open tickets the first time a new day is seen."""
        day = rules.business_day(now, self.profile.hall.day_start)
        latest = self.repo.latest_business_day()
        if latest is not None and latest > day:
            log.warning("clock is behind the last business day %s; staying on it", latest)
            day = latest
        if self._closed_day != day and latest is not None and day > latest:
            self._refuse_implausible_day(latest, day, now)
        if self._closed_day != day:
            stale = self.repo.stale_open_days(day)
            for ticket in stale:
                closed = self.repo.update_ticket(
                    ticket.id, rules.OPEN_STATES, state=TicketState.CANCELLED.value, finished_at=now
                )
                if closed:
                    self.repo.add_event("expired", now, ticket=closed, detail={"reason": "day_closed"})
            # Remember the day only once nothing was left to close: closing happens inside this
            # action's transaction, which a refusal rolls back, so the next action looks again.
            if not stale:
                self._closed_day = day
        return day

    def _refuse_implausible_day(self, latest: date, day: date, now: datetime) -> None:
        """A new business day too far from the last one is a wrong clock until a supervisor says
        otherwise (``domain/clock_jump.py``): refuse the action before it closes the real day."""
        settings = clock_settings(self.profile.raw)
        if not implausible_jump(latest, day, settings):
            return
        if self.store.meta.get(CONFIRMED_DAY_KEY) == day.isoformat():
            return
        log.warning(
            "clock jump refused: the PC's clock says %s (business day %s), the hall's last business day "
            "is %s",
            now.isoformat(timespec="seconds"),
            day,
            latest,
        )
        raise RuleViolation(
            f"The PC's clock says {now:%Y-%m-%d %H:%M}, {(day - latest).days} days after the hall's last "
            f"business day {latest}. Nothing was done: check the PC's date and time, or ask the "
            f"supervisor to confirm the new business day (counter-app day confirm {day}).",
            code="clock_jump",
            clock=now.isoformat(timespec="minutes"),
            day=day.isoformat(),
            last_day=latest.isoformat(),
        )

    def business_day(self) -> date:
        with self.store.write():
            return self._today(self.clock())

    # issuing ---------------------------------------------------------------------------------------
    def issue(
        self,
        service_code: str,
        *,
        green: bool = False,
        green_reason: str = "",
        source: str = "kiosk",
        adopt: AdoptedTicket | None = None,
    ) -> IssuedTicket:
        """Take a number (取号). Green-channel numbers use the green prefix and keep their service;
        they need one of the profile's reasons (绿色通道 is for those groups), and a reason without
        the green channel is refused rather than dropped."""
        service_code = service_code.strip().upper()
        if self.profile.service(service_code) is None:
            raise InvalidInput(
                f"Unknown service {service_code!r}; the hall offers "
                + ", ".join(s.code for s in self.profile.services),
                field="service",
                code="unknown_service",
                service=service_code,
            )
        if green and green_reason and self.profile.green_reason(green_reason) is None:
            raise InvalidInput(
                f"Unknown green-channel reason {green_reason!r}",
                field="green_reason",
                code="unknown_green_reason",
                reason=green_reason,
            )
        if green and not green_reason and self.profile.green_reasons:
            raise InvalidInput(
                "A green-channel number needs its reason, one of "
                + ", ".join(r.code for r in self.profile.green_reasons),
                field="green_reason",
                code="green_reason_required",
            )
        if green_reason and not green:
            raise InvalidInput(
                f"The green-channel reason {green_reason!r} goes only with a green-channel number",
                field="green_reason",
                code="green_reason_without_green",
                reason=green_reason,
            )
        prefix = self.profile.green_prefix if green else service_code
        with self.store.write():
            now = self.clock()
            day = self._today(now)
            series, seq, number = self._number(day, prefix, adopt)
            ticket = self.repo.insert_ticket(
                day=day,
                prefix=series,
                seq=seq,
                number=number,
                service_code=service_code,
                green=green,
                green_reason=green_reason if green else "",
                queue_order=self.repo.next_queue_order(),
                at=now,
                source=source,
                uuid=adopt.uuid if adopt else None,
            )
            self.repo.add_event("issued", now, ticket=ticket, detail={"source": source})
            self._note(
                "queue.issue",
                now,
                ticket=ticket.uuid,
                number=ticket.number,
                service=service_code,
                green=green,
                green_reason=ticket.green_reason,
                source=source,
            )
            ahead = self.repo.ahead_of(ticket)
            estimate = self._estimate(service_code, ahead)
        return IssuedTicket(ticket=ticket, ahead=ahead, estimate_minutes=estimate)

    def _number(self, day: date, prefix: str, adopt: AdoptedTicket | None) -> tuple[str, int, str]:
        """(series, sequence, number) of a new ticket: the day's next of its prefix; offline, the
        next of this PC's fallback series (``AP1-007``); handed over, the number it already has."""
        if adopt is not None:
            fallback = parse_fallback(adopt.number)
            if fallback is None:
                raise InvalidInput(
                    f"{adopt.number} is not a fallback number", field="number", code="not_a_fallback_number"
                )
            return fallback.prefix + fallback.tag, fallback.seq, adopt.number
        if self.desk is not None:
            series = prefix + self.desk.tag
            seq = self.repo.next_seq(day.isoformat(), series)
            return series, seq, fallback_number(prefix, self.desk.tag, seq)
        seq = self.repo.next_seq(day.isoformat(), prefix)
        return prefix, seq, rules.format_number(prefix, seq)

    def _estimate(self, service_code: str, ahead: int) -> int | None:
        return estimate_wait(self.repo, self.profile, service_code, ahead)

    # calling ---------------------------------------------------------------------------------------
    def _counter_ready(self, counter: int, clerk: str | None, now: datetime) -> str:
        """Check a counter may call; a paused counter calling again is back at work. Its clerk."""
        setup = self.profile.counter(counter)
        row = self.repo.counter_row(counter)
        if setup is None or row is None or not row[2]:
            raise NotFound(
                f"There is no counter {counter} in this hall", code="unknown_counter", counter=counter
            )
        state, current_clerk, _ = row
        if state is CounterState.CLOSED:
            raise RuleViolation(
                f"Counter {counter} is closed; open it first", code="counter_closed", counter=counter
            )
        who = clerk if clerk is not None else current_clerk
        if state is CounterState.PAUSED or (clerk is not None and clerk != current_clerk):
            self.repo.set_counter(counter, CounterState.OPEN, who, now)
            if state is CounterState.PAUSED:
                self.repo.add_event("counter_open", now, counter=counter, clerk=who)
        return who

    def _finish_current(self, counter: int, clerk: str, now: datetime) -> Ticket | None:
        current = self.repo.active_at(counter)
        if current is None:
            return None
        done = self.repo.update_ticket(
            current.id,
            rules.ACTIVE_STATES,
            state=TicketState.DONE.value,
            finished_at=now,
            serving_at=current.serving_at or current.called_at,
        )
        assert done is not None
        self.repo.add_event("finished", now, ticket=done, counter=counter, clerk=clerk)
        return done

    def _call(self, ticket: Ticket, counter: int, clerk: str, now: datetime, kind: str) -> Ticket:
        called = self.repo.update_ticket(
            ticket.id,
            (TicketState.WAITING,),
            state=TicketState.CALLED.value,
            called_at=now,
            counter=counter,
            clerk=clerk,
            recalls=0,
        )
        if called is None:  # cannot happen under the write lock; a guard, not a rule
            raise RuleViolation(
                f"{ticket.number} was just called elsewhere", code="already_called", number=ticket.number
            )
        self.repo.add_event(kind, now, ticket=called, counter=counter, clerk=clerk)
        return called

    def call_next(self, counter: int, clerk: str | None = None) -> CallResult:
        """The "next" key: finish this counter's customer if any, then call the next in line."""
        self.gate.require(Action.SERVE_QUEUE)
        counter, clerk = self._counter(counter), self._clerk(clerk)
        if self.desk is not None:
            raise RuleViolation(
                "The hall server cannot be reached: who is next is known only there. Call the "
                "customer's number (F7); the line goes on when the server is back.",
                code="offline_call_by_number",
                counter=counter,
            )
        with self.store.write():
            now = self.clock()
            day = self._today(now)
            who = self._counter_ready(counter, clerk, now)
            finished = self._finish_current(counter, who, now)
            setup = self.profile.counter(counter)
            assert setup is not None
            # today's calls per service matter only to a counter that shares by weights
            calls = self.repo.calls_today(day, counter) if setup.weights else {}
            choice = rules.choose_next(setup, self.repo.line_heads(day, setup.services), calls)
            if choice is None:
                return CallResult(finished=finished, called=None)
            ticket = self.repo.get(choice.ticket_id)
            assert ticket is not None
            return CallResult(finished=finished, called=self._call(ticket, counter, who, now, "called"))

    def call_number(self, counter: int, number: str, clerk: str | None = None) -> CallResult:
        """Call a particular waiting number out of order (e.g. a customer the clerk sees in the hall)."""
        self.gate.require(Action.SERVE_QUEUE)
        counter, clerk = self._counter(counter), self._clerk(clerk)
        with self.store.write():
            now = self.clock()
            day = self._today(now)
            who = self._counter_ready(counter, clerk, now)
            ticket = self._find_or_take(day, number, counter, now)
            rules.require_state(ticket, (TicketState.WAITING,), "called")
            finished = self._finish_current(counter, who, now)
            called = self._call(ticket, counter, who, now, "called")
            self._note("queue.call_number", now, counter=counter, number=called.number, clerk=who)
            return CallResult(finished=finished, called=called)

    def recall(self, counter: int) -> RecallResult:
        """Call the current number again; past the configured recalls it becomes a no-show."""
        self.gate.require(Action.SERVE_QUEUE)
        counter = self._counter(counter)
        with self.store.write():
            now = self.clock()
            ticket = self._current(counter)
            rules.require_state(ticket, rules.states_for(CounterAction.RECALL), "recalled")
            if ticket.recalls >= self.profile.queue.max_recalls:
                gone = self._mark_no_show(ticket, counter, now, automatic=True)
                return RecallResult(ticket=gone, became_no_show=True)
            again = self.repo.update_ticket(ticket.id, (TicketState.CALLED,), recalls=ticket.recalls + 1)
            assert again is not None
            self.repo.add_event(
                "recalled",
                now,
                ticket=again,
                counter=counter,
                clerk=ticket.clerk,
                detail={"recall": again.recalls},
            )
            self._note("queue.recall", now, counter=counter, number=again.number)
            return RecallResult(ticket=again, became_no_show=False)

    def start_serving(self, counter: int) -> Ticket:
        """The called customer has arrived at the counter (到柜)."""
        self.gate.require(Action.SERVE_QUEUE)
        counter = self._counter(counter)
        with self.store.write():
            now = self.clock()
            ticket = self._current(counter)
            rules.require_state(ticket, rules.states_for(CounterAction.START), "started")
            serving = self.repo.update_ticket(
                ticket.id, (TicketState.CALLED,), state=TicketState.SERVING.value, serving_at=now
            )
            assert serving is not None
            self.repo.add_event("serving", now, ticket=serving, counter=counter, clerk=ticket.clerk)
            self._note("queue.start", now, counter=counter, number=serving.number)
            return serving

    def no_show(self, counter: int) -> Ticket:
        self.gate.require(Action.SERVE_QUEUE)
        counter = self._counter(counter)
        with self.store.write():
            now = self.clock()
            ticket = self._current(counter)
            rules.require_state(ticket, rules.states_for(CounterAction.NO_SHOW), "marked no-show")
            gone = self._mark_no_show(ticket, counter, now, automatic=False)
            self._note("queue.no_show", now, counter=counter, number=gone.number)
            return gone

    def _mark_no_show(self, ticket: Ticket, counter: int, now: datetime, *, automatic: bool) -> Ticket:
        gone = self.repo.update_ticket(
            ticket.id, (TicketState.CALLED,), state=TicketState.NO_SHOW.value, finished_at=now
        )
        assert gone is not None
        self.repo.add_event(
            "no_show",
            now,
            ticket=gone,
            counter=counter,
            clerk=ticket.clerk,
            detail={"automatic": automatic, "recalls": ticket.recalls},
        )
        return gone

    def finish(self, counter: int, ticket_id: int | None = None, *, number: str | None = None) -> Ticket:
        """Finish the customer at this counter. With ``ticket_id`` (what the window shows) or
        ``number`` (what the clerk typed), refuse if that is not the counter's current customer, so
        a stale window or a typo cannot finish someone else."""
        self.gate.require(Action.SERVE_QUEUE)
        counter = self._counter(counter)
        with self.store.write():
            now = self.clock()
            ticket = self._current(counter)
            wrong_id = ticket_id is not None and ticket.id != ticket_id
            if wrong_id or (number is not None and ticket.number != number.strip().upper()):
                other = self.repo.get(ticket_id) if ticket_id is not None else None
                number = other.number if other else (number or str(ticket_id))
                raise RuleViolation(
                    f"{number} is not being served at counter {counter}",
                    code="not_your_ticket",
                    number=number,
                    counter=counter,
                )
            done = self._finish_current(counter, ticket.clerk, now)
            assert done is not None
            self._note("queue.finish", now, counter=counter, number=done.number)
            return done

    def transfer(
        self, counter: int, to_service: str, *, reason: str | None = None, to_counter: int | None = None
    ) -> Ticket:
        """Send the current customer to another service's line, keeping their place (转办).

        With a ``reason`` the transfer is a recorded hand-over (who, to which service and counter,
        why, when), written in the same transaction; ``to_counter`` names the counter that should
        take the customer (it must serve ``to_service``; it may be the same service). Without one
        the customer is passed on, and the quality figures count it as such.
        """
        self.gate.require(Action.SERVE_QUEUE)
        counter = self._counter(counter)
        to_service = to_service.strip().upper()
        if self.profile.service(to_service) is None:
            raise InvalidInput(
                f"Unknown service {to_service!r}", field="service", code="unknown_service", service=to_service
            )
        handover = None
        if reason is not None or to_counter is not None:
            if self.handovers is None:
                raise RuntimeError("this queue records no hand-overs")
            handover = self.handovers.check(counter, to_service, reason, to_counter)
        with self.store.write():
            now = self.clock()
            ticket = self._current(counter)
            if ticket.service_code == to_service and (handover is None or handover.to_counter is None):
                raise RuleViolation(
                    f"{ticket.number} is already in the {to_service} line",
                    code="same_service",
                    number=ticket.number,
                    service=to_service,
                )
            moved = self.repo.update_ticket(
                ticket.id,
                rules.ACTIVE_STATES,
                state=TicketState.WAITING.value,
                service_code=to_service,
                counter=None,
                called_at=None,
                serving_at=None,
                clerk="",
                recalls=0,
                transfers=ticket.transfers + 1,
            )
            assert moved is not None
            detail: dict[str, object] = {"from": ticket.service_code, "to": to_service}
            if handover is not None and handover.to_counter is not None:
                detail["to_counter"] = handover.to_counter
            self.repo.add_event(
                "transferred", now, ticket=moved, counter=counter, clerk=ticket.clerk, detail=detail
            )
            if handover is not None and self.handovers is not None:
                self.handovers.record(handover, ticket, moved, counter, now)
            self._note(
                "queue.transfer",
                now,
                counter=counter,
                number=moved.number,
                to_service=to_service,
                reason=reason,
                to_counter=to_counter,
            )
            return moved

    def requeue(self, number: str, clerk: str = "") -> Ticket:
        """Put a no-show back in line (at the back) within the configured minutes (过号重排)."""
        self.gate.require(Action.SERVE_QUEUE)
        clerk = sign_in_name(clerk)
        with self.store.write():
            now = self.clock()
            ticket = self._find(self._today(now), number)
            rules.require_state(ticket, (TicketState.NO_SHOW,), "put back in line")
            if not rules.can_requeue(ticket, now, self.profile.queue.requeue_minutes):
                raise RuleViolation(
                    f"{ticket.number} missed its call more than {self.profile.queue.requeue_minutes} minutes "
                    "ago; please take a new number",
                    code="requeue_too_late",
                    number=ticket.number,
                    minutes=self.profile.queue.requeue_minutes,
                )
            back = self.repo.update_ticket(
                ticket.id,
                (TicketState.NO_SHOW,),
                state=TicketState.WAITING.value,
                counter=None,
                called_at=None,
                finished_at=None,
                clerk="",
                recalls=0,
                queue_order=self.repo.next_queue_order(),
            )
            assert back is not None
            self.repo.add_event("requeued", now, ticket=back, clerk=clerk)
            self._note("queue.requeue", now, number=back.number, clerk=clerk)
            return back

    def cancel(self, number: str, clerk: str = "") -> Ticket:
        """Withdraw a waiting number (the customer left, or a mistaken ticket) — by a named clerk."""
        self.gate.require(Action.CANCEL_TICKET)
        clerk = clean_clerk(clerk)
        with self.store.write():
            now = self.clock()
            ticket = self._find(self._today(now), number)
            rules.require_state(ticket, (TicketState.WAITING,), "cancelled")
            gone = self.repo.update_ticket(
                ticket.id, (TicketState.WAITING,), state=TicketState.CANCELLED.value, finished_at=now
            )
            assert gone is not None
            self.repo.add_event("cancelled", now, ticket=gone, clerk=clerk)
            self._note("queue.cancel", now, number=gone.number, clerk=clerk)
            return gone

    # counters --------------------------------------------------------------------------------------
    def set_counter_state(self, counter: int, state: CounterState, clerk: str | None = None) -> None:
        """Open (sign in), pause (暂停服务) or close a counter. Pausing or closing needs no customer."""
        counter, clerk = self._counter(counter), self._clerk(clerk)
        with self.store.write():
            now = self.clock()
            row = self.repo.counter_row(counter)
            if row is None or not row[2] or self.profile.counter(counter) is None:
                raise NotFound(
                    f"There is no counter {counter} in this hall", code="unknown_counter", counter=counter
                )
            if state is not CounterState.OPEN and self.repo.active_at(counter) is not None:
                raise RuleViolation(
                    f"Counter {counter} still has a customer; finish or transfer first",
                    code="counter_busy",
                    counter=counter,
                )
            self.repo.set_counter(counter, state, clerk, now)
            self.repo.add_event(f"counter_{state.value}", now, counter=counter, clerk=clerk or row[1])
            self._note("queue.counter", now, counter=counter, state=state.value, clerk=clerk)

    # helpers ---------------------------------------------------------------------------------------
    def _counter(self, counter: int) -> int:
        """One of the hall's counters, checked before the store is asked (no −1, 99 or 2⁶³)."""
        return hall_counter(counter, (c.number for c in self.profile.counters))

    @staticmethod
    def _clerk(clerk: str | None) -> str | None:
        return None if clerk is None else sign_in_name(clerk)

    def _current(self, counter: int) -> Ticket:
        if self.profile.counter(counter) is None:
            raise NotFound(
                f"There is no counter {counter} in this hall", code="unknown_counter", counter=counter
            )
        ticket = self.repo.active_at(counter)
        if ticket is None:
            raise RuleViolation(
                f"Counter {counter} has no customer at the moment",
                code="no_current_customer",
                counter=counter,
            )
        return ticket

    def _find_or_take(self, day: date, number: str, counter: int, now: datetime) -> Ticket:
        """The ticket to call by number; offline, a number this PC does not know (another PC's
        fallback ticket, or one issued before its last copy of the line) is taken as waiting here,
        so the clerk can serve the customer in front of them; the hand-over settles it."""
        found = self.repo.by_number(day, number.strip())
        if found is not None or self.desk is None:
            return found or self._find(day, number)
        typed = number.strip().upper()
        fallback = parse_fallback(typed)
        if fallback is not None:
            series, seq, prefix = fallback.prefix + fallback.tag, fallback.seq, fallback.prefix
        else:
            parsed = rules.parse_number(typed)
            if parsed is None:
                raise NotFound(f"No ticket {number} today", code="unknown_ticket", number=number)
            prefix, seq = parsed
            series = prefix
        green = prefix == self.profile.green_prefix
        service = prefix if self.profile.service(prefix) is not None else None
        setup = self.profile.counter(counter)
        if service is None:
            if not green or setup is None or not setup.services:
                raise NotFound(f"No ticket {number} today", code="unknown_ticket", number=number)
            service = setup.services[0]
        return self.repo.insert_ticket(
            day=day,
            prefix=series,
            seq=seq,
            number=typed,
            service_code=service,
            green=green,
            green_reason="",
            queue_order=self.repo.next_queue_order(),
            at=now,
            source="typed_offline",
        )

    def _find(self, day: date, number: str) -> Ticket:
        ticket = self.repo.by_number(day, number.strip())
        if ticket is None:
            raise NotFound(f"No ticket {number} today", code="unknown_ticket", number=number)
        return ticket
