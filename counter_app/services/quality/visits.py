"""Visits as a counter sees them (首问负责制): the hand-over of the customer now at the counter, the
visits this clerk owns that are handed over and not yet done, the customers handed to this counter
and still waiting, and the note and outcome of an inquiry or complaint visit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from counter_app.domain.entries import sign_in_name
from counter_app.domain.errors import InvalidInput, NotFound, RuleViolation
from counter_app.domain.profile import HallProfile
from counter_app.domain.quality.records import (
    FinishedTicket,
    Handover,
    VisitNote,
    VisitOutcome,
    clean_note,
)
from counter_app.services.ports import QualityRecords, UnitOfWork
from counter_app.services.quality.summaries import DaySummaries


@dataclass(frozen=True)
class CounterDesk:
    """What the hand-over panel of a counter shows."""

    counter: int
    clerk: str
    current: FinishedTicket | None  # the customer at the counter now
    received: tuple[Handover, ...]  # the current customer's hand-overs, oldest first
    owner: str  # who owns the current customer's visit ("" without one)
    note: VisitNote | None  # the current customer's note
    takes_outcome: bool  # the current customer's service records an outcome (inquiry, complaint)
    mine: tuple[Handover, ...]  # visits this clerk owns, handed over, not done
    to_me: tuple[Handover, ...]  # customers handed to this counter, waiting for it
    now: datetime


class VisitDesk:
    def __init__(
        self,
        uow: UnitOfWork,
        records: QualityRecords,
        profile: HallProfile,
        days: DaySummaries,
        clock: Callable[[], datetime],
        journal: Callable[..., Any] | None = None,
    ) -> None:
        """``journal(kind, at, **payload)``: journals each note saved while the PC works without its
        hall server (handed over once: ``services/hand_over.py``); ``None`` otherwise."""
        self.journal = journal
        self.uow = uow
        self.records = records
        self.profile = profile
        self.days = days
        self.clock = clock

    def _takes_outcome(self, service_code: str) -> bool:
        service = self.profile.service(service_code)
        return service is not None and service.visit_outcomes

    def desk(self, counter: int, clerk: str = "") -> CounterDesk:
        if self.profile.counter(counter) is None:
            raise NotFound(
                f"There is no counter {counter} in this hall", code="unknown_counter", counter=counter
            )
        now = self.clock()
        with self.uow.read():
            day = self.days.today(now)
            clerk = clerk or self.records.counter_clerk(counter)
            current = self.records.active_ticket(counter)
            received = tuple(self.records.handovers_of_ticket(current.id)) if current else ()
            owner = (self.records.owner_of(current.id) or "") if current else ""
            note = self.records.note(current.id) if current else None
            mine = (
                tuple(h for h in self.records.handovers_of_day(day, owner=clerk) if h.open) if clerk else ()
            )
            to_me = tuple(
                h
                for h in self.records.handovers_of_day(day, to_counter=counter)
                if h.ticket_state in ("waiting", "no_show")
            )
        return CounterDesk(
            counter=counter,
            clerk=clerk,
            current=current,
            received=received,
            owner=owner,
            note=note,
            takes_outcome=current is not None and self._takes_outcome(current.service_code),
            mine=mine,
            to_me=to_me,
            now=now,
        )

    def save_note(
        self,
        counter: int,
        *,
        outcome: VisitOutcome | str | None,
        note: str = "",
        clerk: str = "",
        ticket_id: int | None = None,
        number: str | None = None,
    ) -> VisitNote:
        """The note and outcome of the customer at ``counter`` (or one finished there today, by id
        or number); only for services that record an outcome."""
        clerk = sign_in_name(clerk)
        try:
            chosen = VisitOutcome(outcome) if outcome else None
        except ValueError:
            raise InvalidInput(
                f"Unknown outcome {outcome!r}", field="outcome", code="unknown_outcome", outcome=str(outcome)
            ) from None
        text = clean_note(note)
        if chosen is None and not text:
            raise InvalidInput("Choose an outcome or write a note.", field="note", code="note_empty")
        with self.uow.write():
            now = self.clock()
            ticket = self._ticket_here(counter, ticket_id, number, now)
            if not self._takes_outcome(ticket.service_code):
                raise RuleViolation(
                    f"{ticket.number} is not an inquiry or complaint visit; it takes no outcome",
                    code="no_outcome_for_service",
                    number=ticket.number,
                    service=ticket.service_code,
                )
            who = clerk or ticket.clerk or self.records.counter_clerk(counter)
            self.records.save_note(ticket, counter, who, chosen, text, now)
            if self.journal is not None:
                self.journal(
                    "quality.visit_note",
                    now,
                    day=ticket.business_day.isoformat(),
                    number=ticket.number,
                    counter=counter,
                    clerk=who,
                    outcome=chosen.value if chosen else None,
                    note=text,
                )
            saved = self.records.note(ticket.id)
        assert saved is not None
        return saved

    def _ticket_here(
        self, counter: int, ticket_id: int | None, number: str | None, now: datetime
    ) -> FinishedTicket:
        if ticket_id is None and not number:
            ticket = self.records.active_ticket(counter)
            if ticket is None:
                raise RuleViolation(
                    f"Counter {counter} has no customer at the moment",
                    code="no_current_customer",
                    counter=counter,
                )
            return ticket
        found = (
            self.records.ticket(ticket_id)
            if ticket_id is not None
            else self.records.ticket_by_number(self.days.today(now), (number or "").strip().upper())
        )
        if found is None or found.counter != counter or found.state not in ("called", "serving", "done"):
            wanted = number or str(ticket_id)
            raise NotFound(
                f"No ticket {wanted} served at counter {counter} today",
                code="unknown_ticket",
                number=wanted,
                counter=counter,
            )
        return found
