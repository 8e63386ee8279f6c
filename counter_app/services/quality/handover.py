"""A transfer recorded as a hand-over (首问负责制): who passed the customer on, to which service and
counter, why, and when; written by :meth:`QueueService.transfer` inside its own transaction, so the
transfer and its hand-over are one user action.

The visit's owner is the clerk of its first call: they own it until it is done, however often it is
passed on. A named counter must serve the target service and be another counter; the customer then
waits in that service's line (keeping their place) and the named counter sees the hand-over and can
call them directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from counter_app.domain.errors import InvalidInput
from counter_app.domain.profile import HallProfile
from counter_app.domain.quality.records import clean_reason
from counter_app.domain.queue import Ticket
from counter_app.services.ports import QualityRecords


@dataclass(frozen=True)
class HandoverRequest:
    """A hand-over checked before the transaction: why, and the counter named (if any)."""

    reason: str
    to_counter: int | None


class Handovers:
    def __init__(self, records: QualityRecords, profile: HallProfile) -> None:
        self.records = records
        self.profile = profile

    def check(
        self, counter: int, to_service: str, reason: str | None, to_counter: int | None
    ) -> HandoverRequest | None:
        """The hand-over a transfer asks for (``None``: a plain transfer), or :class:`InvalidInput`."""
        if reason is None and to_counter is None:
            return None
        cleaned = clean_reason(reason or "")
        if to_counter is not None:
            setup = self.profile.counter(to_counter)
            if setup is None:
                raise InvalidInput(
                    f"There is no counter {to_counter} in this hall",
                    field="to_counter",
                    code="unknown_counter",
                    counter=to_counter,
                )
            if to_counter == counter:
                raise InvalidInput(
                    "Hand the customer over to another counter, not this one.",
                    field="to_counter",
                    code="handover_same_counter",
                    counter=to_counter,
                )
            if to_service not in setup.services:
                raise InvalidInput(
                    f"Counter {to_counter} does not serve {to_service}",
                    field="to_counter",
                    code="counter_not_serving",
                    counter=to_counter,
                    service=to_service,
                )
        return HandoverRequest(cleaned, to_counter)

    def record(
        self, request: HandoverRequest, before: Ticket, moved: Ticket, counter: int, at: datetime
    ) -> None:
        """Write the hand-over of the transfer just written (inside the caller's transaction)."""
        event_id = self.records.last_event_id(moved.id, "transferred")
        ticket = self.records.ticket(moved.id)
        if event_id is None or ticket is None:  # the caller wrote both in this transaction
            raise RuntimeError("record() follows the transfer it records")
        owner = self.records.owner_of(moved.id) or before.clerk
        to_clerk = self.records.counter_clerk(request.to_counter) if request.to_counter is not None else ""
        self.records.add_handover(
            ticket=ticket,
            event_id=event_id,
            owner=owner,
            from_counter=counter,
            from_clerk=before.clerk,
            from_service=before.service_code,
            to_service=moved.service_code,
            to_counter=request.to_counter,
            to_clerk=to_clerk,
            reason=request.reason,
            at=at,
        )
