"""A business day moved by a wrong clock, confirmed or repaired by the supervisor.

``QueueService`` refuses a new business day beyond the profile's bound (``domain/clock_jump.py``).
:meth:`DayRepair.confirm` lets the supervisor accept that day (the PC's date is right: the hall was
closed that long). :meth:`DayRepair.repair` undoes a day already moved (by a version without the
bound, or a confirmation given in error): the tickets of the later days come back to the real day
(keeping their numbers where that day has them free, else the next free ones), the tickets the jump
cancelled are waiting again, every change is a queue event (audit and outbox), and the stored quality
figures of the days changed are dropped (made again from the tickets when next asked). One transaction.
Both are a supervisor's or an administrator's (``Action.DAY_REPAIR``), recorded under the signed-in
staff code when no other is given.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from counter_app.domain import queue as rules
from counter_app.domain.clock_jump import CONFIRMED_DAY_KEY
from counter_app.domain.errors import InvalidInput, RuleViolation
from counter_app.domain.profile import HallProfile
from counter_app.domain.queue import TicketState
from counter_app.domain.roles import Action
from counter_app.services.clock import Clock, system_clock
from counter_app.services.ports import HallRecords
from counter_app.services.session import Gate, gate_for

log = logging.getLogger("counter_app.queue")


@dataclass(frozen=True)
class Repaired:
    day: date
    moved: tuple[tuple[str, str, str], ...] = field(default=())
    """(old day, old number, new number) of each ticket brought back to ``day``."""
    reopened: tuple[str, ...] = field(default=())

    def as_json(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "moved": [{"from_day": d, "from": old, "to": new} for d, old, new in self.moved],
            "reopened": list(self.reopened),
        }


class DayRepair:
    def __init__(
        self, store: HallRecords, profile: HallProfile, clock: Clock = system_clock, gate: Gate | None = None
    ) -> None:
        self.store = store
        self.profile = profile
        self.clock = clock
        self.gate = gate_for(store, gate)

    def _who(self, clerk: str) -> str:
        """The check of :attr:`Action.DAY_REPAIR` and the name the change is recorded under: the
        one given, else the signed-in staff code (a hall with sign-in records nobody else's)."""
        self.gate.require(Action.DAY_REPAIR)
        session = self.gate.session
        if not clerk and session is not None:
            clerk = session.staff
        return self.gate.acting_as(clerk) if clerk else clerk

    def confirm(self, day: date | None = None, clerk: str = "") -> date:
        """Accept ``day`` (default: the day the PC's clock says) as the new business day although it
        is far from the last one; only the day the PC's clock says now can be confirmed."""
        clerk = self._who(clerk)
        now = self.clock()
        today = rules.business_day(now, self.profile.hall.day_start)
        day = day or today
        if day != today:
            raise InvalidInput(
                f"The PC's clock says the business day is {today}, not {day}: fix the clock first",
                field="day",
                code="confirm_other_day",
                day=day.isoformat(),
                today=today.isoformat(),
            )
        with self.store.write():
            self.store.meta.put(CONFIRMED_DAY_KEY, day.isoformat(), now)
            self.store.queue.add_event("day_confirmed", now, clerk=clerk, detail={"day": day.isoformat()})
        log.warning("new business day %s confirmed by the supervisor %s", day, clerk or "(unnamed)")
        return day

    def repair(self, day: date | None = None, clerk: str = "") -> Repaired:
        """Bring the hall back to business day ``day`` (default: the day the PC's clock says now)."""
        clerk = self._who(clerk)
        now = self.clock()
        target = day or rules.business_day(now, self.profile.hall.day_start)
        repo = self.store.queue
        with self.store.write():
            later = repo.tickets_after(target)
            cancelled = repo.closed_by_day_change(target)
            if not later and not cancelled:
                raise RuleViolation(
                    f"Business day {target} needs no repair: no ticket of a later day, none cancelled by "
                    "a day change",
                    code="nothing_to_repair",
                    day=target.isoformat(),
                )
            moved: list[tuple[str, str, str]] = []
            for ticket, series in later:
                seq = repo.next_seq(target.isoformat(), series)
                number = ticket.number if ticket.number == rules.format_number(series, seq) else ""
                number = number or _number_like(ticket.number, series, seq)
                back = repo.move_ticket(ticket.id, target, series, seq, number)
                repo.add_event(
                    "day_repaired",
                    now,
                    ticket=back,
                    clerk=clerk,
                    detail={"from_day": ticket.business_day.isoformat(), "from_number": ticket.number},
                )
                moved.append((ticket.business_day.isoformat(), ticket.number, back.number))
            repo.forget_days_after(target)
            # the stored figures of every day changed here are made again from its tickets
            self.store.quality.forget_days({target, *(ticket.business_day for ticket, _ in later)})
            reopened: list[str] = []
            for ticket in cancelled:
                again = repo.update_ticket(
                    ticket.id, (TicketState.CANCELLED,), state=TicketState.WAITING.value, finished_at=None
                )
                if again is not None:
                    repo.add_event(
                        "reopened", now, ticket=again, clerk=clerk, detail={"reason": "clock_repair"}
                    )
                    reopened.append(again.number)
            self.store.meta.put(CONFIRMED_DAY_KEY, "", now)
        log.warning(
            "business day repaired to %s by %s: %d tickets brought back, %d reopened",
            target,
            clerk or "(unnamed)",
            len(moved),
            len(reopened),
        )
        return Repaired(target, tuple(moved), tuple(reopened))


def _number_like(old: str, series: str, seq: int) -> str:
    """The new number of a ticket in ``series``: ``A`` 22 → ``A022``; a fallback series keeps its
    form (``AP1-007``) where the old number had one."""
    if "-" in old:
        return f"{old.rsplit('-', 1)[0]}-{seq:03d}"
    return rules.format_number(series, seq)
