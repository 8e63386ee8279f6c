"""Reading one ticket for a reprint or a lookup: find it by number, and where it stands in line now.

Read-only (one snapshot, no transaction that writes). The estimate follows the rule used when a
ticket is issued (:func:`~counter_app.services.queue.estimate_wait`), with the line as it is now.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.domain.errors import NotFound
from counter_app.domain.queue import Ticket, TicketState
from counter_app.services.queue import estimate_wait
from counter_app.services.queue_views import QueueReader
from counter_app.store.sqlite.connection import read


@dataclass(frozen=True)
class TicketPosition:
    """A ticket and, while it is waiting, how many are ahead and the expected wait in minutes."""

    ticket: Ticket
    ahead: int | None
    estimate_minutes: int | None


class TicketLookup(QueueReader):
    def by_number(self, number: str) -> Ticket:
        """Today's ticket with this number (e.g. ``A012``); :class:`NotFound` if there is none."""
        with read(self.db):
            ticket = self.repo.by_number(self._day(self.clock()), number.strip())
        if ticket is None:
            raise NotFound(f"No ticket {number} today", code="unknown_ticket", number=number)
        return ticket

    def by_id(self, ticket_id: int) -> Ticket:
        with read(self.db):
            ticket = self.repo.get(ticket_id)
        if ticket is None:
            raise NotFound(f"No ticket with id {ticket_id}", code="unknown_ticket", ticket_id=ticket_id)
        return ticket

    def position(self, ticket: Ticket | int | str) -> TicketPosition:
        """The ticket as stored now (by id, number or value) and its place in line if it waits."""
        with read(self.db):
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
