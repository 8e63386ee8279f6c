"""The history of an application as the store keeps it (one immutable event per action, never edited),
and the clocks of an application (办电时限) read from it.

Each event records when (``at``, the hall clock), who (``by``, a clerk id) and what; ``kind`` is a
stable name for the stored row. ``workflow.py`` decides which event may come next and folds them into
the current state.

The clocks: one per company step, and one for the company's steps together. DOMAIN.md "How the limits
count" [C]: the 22 / 32 (高压) and 6 (低压非居民) working days are "各环节合计", the power company's own
steps added together. So:

* each company step (``Party.UTILITY``) has its own limit where a rule sets one, counted from the day
  after the step started (the day of acceptance, or the day the customer handed their work over);
* a step of the customer's own work (design, building the works, signing) stops every clock, and so
  does a suspension (暂停计时, waiting for the customer);
* the company's clock (the whole-process limit) counts only working days spent in company steps;
* a step's due date is never later than the day the company's limit runs out (both rules bind), so the
  dates on one paper agree; and no single "finished by" date is given while a customer step lies
  ahead, because it would include the customer's work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import ClassVar

from counter_app.domain.applications.business_types import Party
from counter_app.domain.workdays import DueDate, Suspension, WorkCalendar


@dataclass(frozen=True)
class StagePlan:
    """A stage, its limit and who acts in it (``"utility"`` or ``"customer"``) as they stood at
    acceptance: later rule changes do not move due dates. Histories written before steps had a party
    read as ``"utility"``."""

    code: str
    limit_days: int | None
    party: str = "utility"


@dataclass(frozen=True)
class _Step:
    """What every event records; the event's own fields follow ``at`` and ``by``."""

    kind: ClassVar[str]
    at: datetime
    by: str


@dataclass(frozen=True)
class Accepted(_Step):
    kind: ClassVar[str] = "accepted"
    business_type: str
    stages: tuple[StagePlan, ...]
    whole_limit_days: int | None


@dataclass(frozen=True)
class Advanced(_Step):
    kind: ClassVar[str] = "advanced"
    from_stage: str
    to_stage: str


@dataclass(frozen=True)
class Returned(_Step):
    kind: ClassVar[str] = "returned"
    from_stage: str
    to_stage: str
    reason: str


@dataclass(frozen=True)
class Suspended(_Step):
    kind: ClassVar[str] = "suspended"
    reason: str


@dataclass(frozen=True)
class Resumed(_Step):
    kind: ClassVar[str] = "resumed"


@dataclass(frozen=True)
class Completed(_Step):
    kind: ClassVar[str] = "completed"
    stage: str


@dataclass(frozen=True)
class Withdrawn(_Step):
    kind: ClassVar[str] = "withdrawn"
    reason: str


@dataclass(frozen=True)
class HandedOver(_Step):
    kind: ClassVar[str] = "handed_over"
    to_owner: str


Event = Accepted | Advanced | Returned | Suspended | Resumed | Completed | Withdrawn | HandedOver


@dataclass(frozen=True)
class StageVisit:
    """A stretch of time the application spent in one stage: from ``entered_on`` (not counted) up to
    and including ``left_on`` (None while it is still there)."""

    index: int
    entered_on: date
    left_on: date | None = None


@dataclass(frozen=True)
class ClockState:
    """What the clocks need of an application (a projection of ``ApplicationState``)."""

    stages: tuple[StagePlan, ...]
    stage_index: int
    whole_limit_days: int | None
    accepted_on: date
    stage_entered_on: date
    visits: tuple[StageVisit, ...]
    suspensions: tuple[Suspension, ...]
    is_open: bool
    suspended: bool
    closed_on: date | None


@dataclass(frozen=True)
class Deadlines:
    """The due dates as of a day.

    ``whole``: the day the company's steps together must be done by, given only while no customer step
    lies ahead (else it would include the customer's work). ``whole_runout``: the day the company's limit
    runs out if its clock kept running from today (the cap of every company step's date). ``stage``: the
    current company step's due date, its own limit capped by ``whole_runout`` (``stage_capped`` says the
    cap binds). ``workdays_used``: the company's working days counted so far.
    """

    whole: DueDate | None
    stage: DueDate | None
    workdays_used: int
    overdue: bool
    whole_runout: DueDate | None = None
    stage_capped: bool = False
    clock_running: bool = False
    customer_step: bool = False
    customer_step_ahead: bool = False


def is_company_step(plan: StagePlan) -> bool:
    return plan.party != Party.CUSTOMER.value


def counted_days(state: ClockState, calendar: WorkCalendar, end: date) -> tuple[list[date], list[date]]:
    """The working days the company's clock has counted up to ``end`` (days in company steps, after the
    day each step began, not stopped by a suspension), and the company-step working days a suspension
    stopped."""
    days: list[date] = []
    stopped: list[date] = []
    for visit in state.visits:
        if not is_company_step(state.stages[visit.index]):
            continue
        last = min(visit.left_on or end, end)
        day = visit.entered_on + timedelta(days=1)
        while day <= last:
            if calendar.is_workday(day):
                covered = any(stop.covers(day, end) for stop in state.suspensions)
                (stopped if covered else days).append(day)
            day += timedelta(days=1)
    return days, stopped


def deadlines(state: ClockState, calendar: WorkCalendar, *, as_of: date) -> Deadlines:
    """Due dates as of ``as_of``; a closed application is judged on the day it closed."""
    end = state.closed_on or as_of
    current = state.stages[state.stage_index]
    company_step = is_company_step(current)
    running = state.is_open and not state.suspended and company_step
    counted, stopped = counted_days(state, calendar, end)
    used = len(counted)
    limit = state.whole_limit_days
    runout: DueDate | None = None
    if limit is not None:
        day = counted[limit - 1] if used >= limit else calendar.add_workdays(end, limit - used).day
        runout = DueDate(
            day,
            calendar.provisional_years(state.accepted_on, day),
            sum(1 for stop in stopped if stop <= day),
        )
    customer_ahead = state.is_open and any(
        not is_company_step(plan) for plan in state.stages[state.stage_index :]
    )
    stage: DueDate | None = None
    capped = False
    own_late = False
    if state.is_open and company_step:
        own = (
            calendar.due_date(state.stage_entered_on, current.limit_days, state.suspensions, as_of=end)
            if current.limit_days is not None
            else None
        )
        own_late = own is not None and running and end > own.day
        stage = own
        if own is not None and runout is not None and runout.day < own.day:
            stage, capped = runout, True
    whole_late = limit is not None and (
        used > limit or (used == limit and running and runout is not None and end > runout.day)
    )
    return Deadlines(
        whole=None if customer_ahead else runout,
        stage=stage,
        workdays_used=used,
        overdue=whole_late or own_late,
        whole_runout=runout,
        stage_capped=capped,
        clock_running=running,
        customer_step=state.is_open and not company_step,
        customer_step_ahead=customer_ahead,
    )


def visits_after(visits: Sequence[StageVisit], day: date, new_index: int) -> tuple[StageVisit, ...]:
    """The visits with the current one left on ``day`` and a new one in ``new_index`` entered that day."""
    closed = tuple(visits[:-1]) + (
        (StageVisit(visits[-1].index, visits[-1].entered_on, day),) if visits else ()
    )
    return (*closed, StageVisit(new_index, day))
