"""A ticket's audit trail folded into a :class:`~.facts.Visit`: the store reads the rows, this decides
what they mean, so both engines build the same visits.

The queue writes one event per change (``counter_app.services.queue``): ``called`` starts a stretch
at a counter (a call out of order too), ``serving`` is the customer's arrival at it (到柜),
``finished`` / ``no_show`` / ``transferred`` end it; ``recalled`` changes nothing here;
``requeued`` puts a no-show back in line (the next ``called`` starts a new stretch); ``cancelled``
withdraws a waiting number; ``expired`` is the day closing on a ticket still open (waiting: counted
as withdrawn; at a counter: its stretch stays open, it never ended).

A transfer's event names the services it moved between (``{"from": "B", "to": "C"}``), so the
service a number was taken for is the ``from`` of its first transfer, or the ticket's service.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from counter_app.domain.quality.facts import LegEnd, Rating, ServiceLeg, Visit


@dataclass(frozen=True)
class TicketRow:
    id: int
    business_day: date
    service_code: str  # the service now (after any transfer)
    green: bool
    issued_at: datetime


class EventRow(NamedTuple):
    """One queue event (a named tuple: a day holds thousands, made in one pass)."""

    id: int
    kind: str
    at: datetime
    counter: int | None
    clerk: str
    detail: str  # JSON text; read only for transfers


_ENDS = {"finished": LegEnd.DONE, "no_show": LegEnd.NO_SHOW, "transferred": LegEnd.TRANSFERRED}


class _Leg:
    __slots__ = (
        "called_at",
        "clerk",
        "counter",
        "end",
        "ended_at",
        "guided",
        "handover",
        "service",
        "serving_at",
    )

    def __init__(self, service: str, counter: int, clerk: str, called_at: datetime) -> None:
        self.service = service
        self.counter = counter
        self.clerk = clerk
        self.called_at = called_at
        self.serving_at: datetime | None = None
        self.end = LegEnd.OPEN
        self.ended_at: datetime | None = None
        self.handover = False
        self.guided = False


def _moves(detail: str) -> tuple[str, str]:
    data = json.loads(detail) if detail else {}
    return str(data.get("from", "")), str(data.get("to", ""))


def first_service(ticket: TicketRow, events: Sequence[EventRow]) -> str:
    """The service the number was taken for."""
    for event in events:
        if event.kind == "transferred":
            taken, _ = _moves(event.detail)
            return taken or ticket.service_code
    return ticket.service_code


def assemble_visit(
    ticket: TicketRow,
    events: Sequence[EventRow],
    rating: tuple[Rating, tuple[str, ...]] | None = None,
    handover_events: Collection[int] = (),
    guidance: Sequence[tuple[int | None, datetime]] = (),
) -> Visit:
    """The visit of one ticket. ``events`` in the order written; ``handover_events``: ids of the
    transfer events recorded as hand-overs; ``guidance``: (counter, time) of each online payment
    guidance given for the ticket (counted once on the stretch it was given in)."""
    service = first_service(ticket, events)
    taken = service
    legs: list[_Leg] = []
    current: _Leg | None = None
    cancelled = False
    for event in events:
        kind = event.kind
        if kind == "called":
            current = _Leg(service, event.counter or 0, event.clerk, event.at)
            legs.append(current)
        elif current is not None and kind == "serving":
            current.serving_at = event.at
        elif current is not None and kind in _ENDS:
            current.end = _ENDS[kind]
            current.ended_at = event.at
            if kind == "transferred":
                current.handover = event.id in handover_events
                service = _moves(event.detail)[1] or service
            current = None
        elif kind == "transferred":  # moved while waiting (not written today; harmless)
            service = _moves(event.detail)[1] or service
        elif kind == "cancelled" or (kind == "expired" and current is None):
            cancelled = True
    for counter, at in guidance:
        at_counter = [leg for leg in legs if leg.counter == counter]
        during = (leg for leg in at_counter if leg.called_at <= at and (leg.ended_at or at) >= at)
        match = next(during, at_counter[-1] if at_counter else None)
        if match is not None:
            match.guided = True
    built = []
    for i, leg in enumerate(legs):
        last_done = i == len(legs) - 1 and leg.end is LegEnd.DONE
        level, reasons = rating if rating is not None and last_done else (None, ())
        built.append(
            ServiceLeg(
                service_code=leg.service,
                counter=leg.counter,
                clerk=leg.clerk,
                called_at=leg.called_at,
                end=leg.end,
                ended_at=leg.ended_at,
                serving_at=leg.serving_at if leg.end is not LegEnd.NO_SHOW else None,
                handover=leg.handover,
                rating=level,
                reasons=reasons if level is not None and level.rated else (),
                guided_online=leg.guided,
            )
        )
    return Visit(
        business_day=ticket.business_day,
        service_code=taken,
        issued_at=ticket.issued_at,
        green=ticket.green,
        legs=tuple(built),
        cancelled=cancelled and (not built or built[-1].end in (LegEnd.NO_SHOW, LegEnd.TRANSFERRED)),
    )
