"""What the hall records about a visit besides the queue: the customer's rating (服务评价), the
hand-over of a visit to another service or counter (首问负责制) and the note and outcome of an
inquiry or complaint visit. Values the store returns and the rules checked before one is written.

* A rating belongs to one ticket, once: five levels or "not rated" (the screen timed out); reason
  chips only with a rating below 满意 (一般, 不满意, 非常不满意), and only the hall's own reasons.
* The first clerk who serves a ticket owns the visit (首问负责人) until it is done; a transfer with a
  reason is a hand-over (who, to which service and counter, why, when); one without is a customer
  passed on, counted as such in the figures.
* A note is short and holds no personal data (no phone or ID numbers): it is the hall's record of
  what was done, not a customer file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from counter_app.domain.errors import InvalidInput
from counter_app.domain.quality.facts import Rating

NOTE_MAX = 200
REASON_MAX = 100
#: Levels below 满意: the screen asks for reasons only with these.
LOW_LEVELS = (Rating.NEUTRAL, Rating.DISSATISFIED, Rating.VERY_DISSATISFIED)

_PERSONAL = re.compile(r"(?<!\d)(?:1[3-9]\d{9}|\d{17}[\dXx]|\d{15})(?!\d)")


class VisitOutcome(StrEnum):
    """How an inquiry or complaint visit ended."""

    ANSWERED = "answered"  # 当场答复
    REFERRED_95598 = "referred_95598"  # 转 95598 工单
    COMPLAINT_RECORDED = "complaint_recorded"  # 已登记投诉


class RatingSource(StrEnum):
    SCREEN = "screen"  # the customer's screen at the counter
    DIALOG = "dialog"  # the counter PC turned towards the customer
    CLI = "cli"  # a script or the hall's IT


@dataclass(frozen=True)
class RatingRecord:
    ticket_id: int
    number: str
    business_day: date
    level: Rating
    reasons: tuple[str, ...]
    service_code: str
    counter: int
    clerk: str
    source: RatingSource
    at: datetime


@dataclass(frozen=True)
class RatingPrompt:
    """A customer just finished at a counter and not yet asked: what the rating screen shows."""

    ticket_id: int
    number: str
    service_code: str
    counter: int
    clerk: str
    finished_at: datetime


@dataclass(frozen=True)
class Handover:
    """One recorded hand-over (转办交接) and, for the windows, where the visit is now."""

    id: int
    ticket_id: int
    number: str
    business_day: date
    owner: str  # the first clerk who served the ticket: owns the visit until it is done
    from_counter: int
    from_clerk: str
    from_service: str
    to_service: str
    to_counter: int | None  # a counter named by the clerk, or None (whoever serves the line)
    to_clerk: str  # who was signed in at that counter then ("" when none was named)
    reason: str
    at: datetime
    ticket_state: str = ""  # the ticket now: waiting, called, serving, done, no_show, cancelled
    ticket_counter: int | None = None  # the counter that has the ticket now, if any

    @property
    def open(self) -> bool:
        """Not yet done: the owner still sees it."""
        return self.ticket_state not in ("done", "cancelled")


@dataclass(frozen=True)
class VisitNote:
    ticket_id: int
    number: str
    service_code: str
    counter: int
    clerk: str
    outcome: VisitOutcome | None
    note: str
    at: datetime


@dataclass(frozen=True)
class FinishedTicket:
    """A ticket as a rating or a note needs it."""

    id: int
    number: str
    business_day: date
    state: str
    service_code: str
    counter: int | None
    clerk: str
    finished_at: datetime | None


@dataclass(frozen=True)
class WaitingLine:
    """People waiting for one service now, and since when the first of them."""

    service_code: str
    waiting: int
    green: int
    oldest_issued_at: datetime | None


@dataclass(frozen=True)
class DayRecord:
    """A day's headline figures as stored with its summary (for trends over many days)."""

    day: date
    arrivals: int
    served: int
    waits: int
    wait_total_us: int
    rated: int
    satisfied: int


@dataclass(frozen=True)
class CounterNow:
    """A counter as the supervisor sees it now: its state, clerk and customer (if any)."""

    number: int
    state: str  # open, paused, closed
    clerk: str
    current_number: str | None = None
    current_service: str | None = None
    current_state: str | None = None  # called or serving
    called_at: datetime | None = None
    serving_at: datetime | None = None


def check_rating(level: Rating, reasons: Iterable[str], known: Iterable[str]) -> tuple[str, ...]:
    """The reasons to store with ``level`` (sorted, no repeats), or :class:`InvalidInput`."""
    chosen = tuple(sorted(set(reasons)))
    if chosen and level not in LOW_LEVELS:
        raise InvalidInput(
            "Reasons are given only with a rating below 'satisfied'.",
            field="reasons",
            code="reasons_not_asked",
        )
    unknown = sorted(set(chosen) - set(known))
    if unknown:
        raise InvalidInput(
            f"Unknown rating reason(s): {', '.join(unknown)}",
            field="reasons",
            code="unknown_rating_reason",
            reasons=", ".join(unknown),
        )
    return chosen


def _no_personal_data(text: str, field: str) -> None:
    if _PERSONAL.search(text.replace(" ", "")):
        raise InvalidInput(
            "A note holds no phone or ID numbers; the customer's details stay in their file.",
            field=field,
            code="note_personal_data",
        )


def clean_note(text: str) -> str:
    """A visit note: one line of at most :data:`NOTE_MAX` characters, no personal data."""
    note = " ".join(text.split())
    if len(note) > NOTE_MAX:
        raise InvalidInput(
            f"A note is at most {NOTE_MAX} characters.", field="note", code="note_too_long", limit=NOTE_MAX
        )
    _no_personal_data(note, "note")
    return note


def clean_reason(text: str) -> str:
    """Why a visit is handed over: required, one line of at most :data:`REASON_MAX` characters."""
    reason = " ".join(text.split())
    if not reason:
        raise InvalidInput(
            "Say why the customer is handed over.", field="reason", code="handover_reason_required"
        )
    if len(reason) > REASON_MAX:
        raise InvalidInput(
            f"A hand-over reason is at most {REASON_MAX} characters.",
            field="reason",
            code="handover_reason_too_long",
            limit=REASON_MAX,
        )
    _no_personal_data(reason, "reason")
    return reason
