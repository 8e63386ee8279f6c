"""The customer's rating (服务评价): what the rating screen shows, and recording one answer per ticket.

The screen at a counter asks about the customer last finished there, for ``timeout_seconds`` after
the finish; no answer in that time is recorded as "not rated" (the screen calls :meth:`Ratings.rate`
with :attr:`Rating.NOT_RATED`). Between customers it shows the hall and the clerk (name and staff
number: customers expect to see who serves them). A ticket is rated once: a second answer (another
screen, a double tap, a script) is refused and changes nothing.

On a PC working without its hall server, each answer is journaled (``journal``, in the answer's own
transaction) and handed over once, at the time it was given (``services/hand_over.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from counter_app.domain.errors import NotFound, RuleViolation
from counter_app.domain.profile import HallProfile
from counter_app.domain.quality.facts import Rating
from counter_app.domain.quality.records import RatingPrompt, RatingRecord, RatingSource, check_rating
from counter_app.domain.quality.settings import RatingSettings
from counter_app.services.ports import QualityRecords, UnitOfWork
from counter_app.services.quality.summaries import DaySummaries


@dataclass(frozen=True)
class RatingScreenView:
    """The rating screen of one counter: who serves there, and the customer to ask (if any)."""

    counter: int
    clerk: str  # as signed in at the counter ("" when nobody is)
    clerk_name: str  # the staff list's name, or the sign-in itself
    staff_code: str  # "" when the clerk is not on the staff list
    prompt: RatingPrompt | None
    now: datetime


class Ratings:
    def __init__(
        self,
        uow: UnitOfWork,
        records: QualityRecords,
        profile: HallProfile,
        settings: RatingSettings,
        days: DaySummaries,
        clock: Callable[[], datetime],
        journal: Callable[..., Any] | None = None,
    ) -> None:
        """``journal(kind, at, **payload)``: journals the answer while the PC works alone (the
        offline desk's, bound to the store); ``None`` on the server and on a hall with none."""
        self.journal = journal
        self.uow = uow
        self.records = records
        self.profile = profile
        self.settings = settings
        self.days = days
        self.clock = clock

    def _counter(self, counter: int) -> None:
        if self.profile.counter(counter) is None:
            raise NotFound(
                f"There is no counter {counter} in this hall", code="unknown_counter", counter=counter
            )

    def screen(self, counter: int) -> RatingScreenView:
        """What the rating screen of ``counter`` shows now (one consistent read)."""
        self._counter(counter)
        now = self.clock()
        with self.uow.read():
            clerk = self.records.counter_clerk(counter)
            member = self.records.staff_member(clerk) if clerk else None
            prompt = self.records.rating_prompt(
                counter, now - timedelta(seconds=self.settings.timeout_seconds)
            )
        code, name = member if member is not None else ("", clerk)
        return RatingScreenView(counter, clerk, name, code, prompt, now)

    def rate(
        self,
        level: Rating | str,
        *,
        ticket_id: int | None = None,
        number: str | None = None,
        day: date | None = None,
        reasons: Iterable[str] = (),
        source: RatingSource = RatingSource.SCREEN,
    ) -> RatingRecord:
        """Record the customer's answer for a finished ticket (by id, or by number on ``day``, today
        by default); refused when the ticket has one already."""
        try:
            level = Rating(level)
        except ValueError:
            raise RuleViolation(
                f"Unknown rating {level!r}", code="unknown_rating", level=str(level)
            ) from None
        chosen = check_rating(level, reasons, (r.code for r in self.settings.reasons))
        with self.uow.write():
            now = self.clock()
            ticket = (
                self.records.ticket(ticket_id)
                if ticket_id is not None
                else self.records.ticket_by_number(
                    day or self.days.today(now), (number or "").strip().upper()
                )
            )
            if ticket is None:
                wanted = number or str(ticket_id)
                raise NotFound(f"No ticket {wanted}", code="unknown_ticket", number=wanted)
            if ticket.state != "done" or ticket.counter is None:
                raise RuleViolation(
                    f"{ticket.number} has not been finished at a counter; it cannot be rated yet",
                    code="not_finished",
                    number=ticket.number,
                )
            if not self.records.add_rating(ticket, level, chosen, source, now):
                raise RuleViolation(
                    f"{ticket.number} has been rated already", code="already_rated", number=ticket.number
                )
            if ticket.business_day < self.days.today(now):
                self.records.forget_days([ticket.business_day])  # its stored summary is out of date
            if self.journal is not None:
                self.journal(
                    "quality.rate",
                    now,
                    day=ticket.business_day.isoformat(),
                    number=ticket.number,
                    level=level.value,
                    reasons=list(chosen),
                    source=RatingSource(source).value,
                )
            stored = self.records.rating(ticket.id)
        assert stored is not None
        return stored

    def of_ticket(
        self, ticket_id: int | None = None, *, number: str | None = None, day: date | None = None
    ) -> RatingRecord | None:
        """A ticket's rating (by id, or by number on ``day``, today by default); ``None`` if none."""
        with self.uow.read():
            if ticket_id is None:
                wanted = (number or "").strip().upper()
                ticket = self.records.ticket_by_number(day or self.days.today(), wanted)
                if ticket is None:
                    raise NotFound(f"No ticket {wanted}", code="unknown_ticket", number=wanted)
                ticket_id = ticket.id
            return self.records.rating(ticket_id)
