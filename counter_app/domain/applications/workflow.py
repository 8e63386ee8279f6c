"""The life of an application after acceptance: stages, returns, stopped clock, completion.

History is append-only. Each action (:func:`advance`, :func:`return_to`, :func:`suspend`, :func:`resume`,
:func:`complete`, :func:`withdraw`, :func:`hand_over`) checks the current state and returns one event
value; the state is a fold over the events (:func:`replay`), so the store persists events and rebuilds.
Only the owner (首问负责人, the clerk who accepted it, until it is formally handed over) or a supervisor
may act on an application (:func:`may_act`). Actions name the stage they expect to act on, so a second
click or a second PC working from a stale screen is refused instead of skipping a stage.

Times are the hall clock's (aware, Asia/Shanghai): an event's ``at.date()`` is the hall's calendar day,
which is what the working-day limits count.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from typing import TypeVar, assert_never

from counter_app.domain.applications.business_types import BusinessType
from counter_app.domain.applications.events import (
    Accepted,
    Advanced,
    ClockState,
    Completed,
    Deadlines,
    Event,
    HandedOver,
    Resumed,
    Returned,
    StagePlan,
    StageVisit,
    Suspended,
    Withdrawn,
    visits_after,
)
from counter_app.domain.applications.events import deadlines as clock_deadlines
from counter_app.domain.applications.intake import AcceptedIntake
from counter_app.domain.errors import RuleViolation
from counter_app.domain.workdays import Suspension, WorkCalendar


class Role(StrEnum):
    CLERK = "clerk"  # 营业员
    SUPERVISOR = "supervisor"  # 值班长


@dataclass(frozen=True)
class Actor:
    clerk_id: str
    role: Role = Role.CLERK


def may_act(actor: Actor, owner: str) -> bool:
    """首问负责制: the owner handles the application; a supervisor may step in."""
    return actor.role is Role.SUPERVISOR or actor.clerk_id == owner


class Status(StrEnum):
    ACCEPTED = "accepted"  # at the first stage, nothing done yet
    IN_PROGRESS = "in_progress"
    RETURNED = "returned"  # sent back to an earlier stage, until it moves on again
    SUSPENDED = "suspended"  # clock stopped, waiting for the customer
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"


_ACTIVE = frozenset({Status.ACCEPTED, Status.IN_PROGRESS, Status.RETURNED})
_CLOSED = frozenset({Status.COMPLETED, Status.WITHDRAWN})
_E = TypeVar("_E", Advanced, Returned, Suspended, Resumed, Completed, Withdrawn, HandedOver)


# --- state ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ApplicationState:
    """Where an application stands; ``version`` counts the events folded in (for optimistic locking)."""

    business_type: str
    stages: tuple[StagePlan, ...]
    whole_limit_days: int | None
    owner: str
    status: Status
    stage_index: int
    accepted_on: date
    stage_entered_on: date
    last_at: datetime
    suspensions: tuple[Suspension, ...] = ()
    status_before_suspension: Status | None = None
    closed_on: date | None = None
    version: int = 1
    visits: tuple[StageVisit, ...] = ()

    @property
    def stage(self) -> StagePlan:
        return self.stages[self.stage_index]

    @property
    def is_open(self) -> bool:
        return self.status not in _CLOSED

    def clock(self) -> ClockState:
        return ClockState(
            stages=self.stages,
            stage_index=self.stage_index,
            whole_limit_days=self.whole_limit_days,
            accepted_on=self.accepted_on,
            stage_entered_on=self.stage_entered_on,
            visits=self.visits or (StageVisit(0, self.accepted_on),),
            suspensions=self.suspensions,
            is_open=self.is_open,
            suspended=self.status is Status.SUSPENDED,
            closed_on=self.closed_on,
        )


def accept(intake: AcceptedIntake, business_type: BusinessType, *, actor: Actor, at: datetime) -> Accepted:
    """The first event: the accepting clerk becomes the owner; the limits in force that day (the
    strictest rule of each) and who acts in each step are copied from the type now."""
    day = at.date()
    limit = business_type.limit_for(external_works=intake.external_works)
    stages = tuple(
        StagePlan(s.code, s.limit.binding(day).working_days if s.limit else None, s.party.value)
        for s in business_type.stages
    )
    whole = limit.binding(day).working_days if limit else None
    return Accepted(at, actor.clerk_id, business_type.code, stages, whole)


def replay(events: Iterable[Event]) -> ApplicationState:
    """Rebuild the state from the stored history (which must start with :class:`Accepted`)."""
    state: ApplicationState | None = None
    for event in events:
        state = apply(state, event)
    if state is None:
        raise RuleViolation("An application's history is empty.", code="history_inconsistent")
    return state


def apply(state: ApplicationState | None, event: Event) -> ApplicationState:
    """Fold one event in, refusing an event that cannot follow the state (a damaged history)."""
    if state is None:
        return _started(event)
    if isinstance(event, Accepted):
        raise _inconsistent("An application is accepted only once.")
    if event.at < state.last_at:
        raise RuleViolation(
            f"This action is dated {event.at:%Y-%m-%d %H:%M}, before the last one "
            f"({state.last_at:%Y-%m-%d %H:%M}).",
            code="event_out_of_order",
        )
    moved = replace(state, last_at=event.at, version=state.version + 1)
    day = event.at.date()
    match event:
        case Advanced() | Returned():
            return _to_stage(state, moved, event, day)
        case Suspended():
            _require(state, _ACTIVE, "suspended")
            return replace(
                moved,
                status=Status.SUSPENDED,
                status_before_suspension=state.status,
                suspensions=(*state.suspensions, Suspension(day)),
            )
        case Resumed():
            _require(state, {Status.SUSPENDED}, "resumed")
            return replace(
                moved,
                status=state.status_before_suspension or Status.IN_PROGRESS,
                status_before_suspension=None,
                suspensions=_close_last(state.suspensions, day),
            )
        case Completed():
            _require(state, _ACTIVE, "completed")
            _require_stage(state, event.stage)
            if state.stage_index != len(state.stages) - 1:
                raise RuleViolation(
                    f"Only the last stage completes an application; it is at {state.stage.code}.",
                    code="not_last_stage",
                )
            return replace(moved, status=Status.COMPLETED, closed_on=day)
        case Withdrawn():
            _require(state, _ACTIVE | {Status.SUSPENDED}, "withdrawn")
            return replace(
                moved, status=Status.WITHDRAWN, closed_on=day, suspensions=_close_last(state.suspensions, day)
            )
        case HandedOver():
            _require(state, _ACTIVE | {Status.SUSPENDED}, "handed over")
            return replace(moved, owner=event.to_owner)
        case _:
            assert_never(event)


def _started(event: Event) -> ApplicationState:
    """The state an application's first event (its acceptance) makes."""
    if not isinstance(event, Accepted):
        raise _inconsistent("An application's history must start with its acceptance.")
    if not event.stages:
        raise _inconsistent("An application needs at least one stage.")
    day = event.at.date()
    return ApplicationState(
        event.business_type,
        event.stages,
        event.whole_limit_days,
        event.by,
        Status.ACCEPTED,
        0,
        day,
        day,
        event.at,
        visits=(StageVisit(0, day),),
    )


def _to_stage(
    state: ApplicationState, moved: ApplicationState, event: Advanced | Returned, day: date
) -> ApplicationState:
    """A move to the next stage (advanced) or back to an earlier one (returned)."""
    action = "advanced" if isinstance(event, Advanced) else "returned"
    _require(state, _ACTIVE, action)
    _require_stage(state, event.from_stage)
    if isinstance(event, Advanced):
        target = state.stage_index + 1
        if target >= len(state.stages) or state.stages[target].code != event.to_stage:
            raise _inconsistent(f"{event.to_stage} is not the stage after {event.from_stage}.")
        status = Status.IN_PROGRESS
    else:
        target = _index(state, event.to_stage)
        if target >= state.stage_index:
            raise RuleViolation(f"{event.to_stage} is not an earlier stage.", code="not_earlier_stage")
        status = Status.RETURNED
    return replace(
        moved,
        status=status,
        stage_index=target,
        stage_entered_on=day,
        visits=visits_after(state.visits, day, target),
    )


# --- actions: check, then return the event to store ---------------------------------------------


def advance(state: ApplicationState, *, expected_stage: str, actor: Actor, at: datetime) -> Advanced:
    """Finish ``expected_stage`` and move to the next one (use :func:`complete` on the last stage)."""
    _permit(state, actor, expected_stage)
    _require(state, _ACTIVE, "advanced")
    if state.stage_index == len(state.stages) - 1:
        raise RuleViolation(
            f"{expected_stage} is the last stage: complete the application instead.", code="not_last_stage"
        )
    next_stage = state.stages[state.stage_index + 1].code
    return _checked(state, Advanced(at, actor.clerk_id, expected_stage, next_stage))


def return_to(
    state: ApplicationState, *, expected_stage: str, to_stage: str, reason: str, actor: Actor, at: datetime
) -> Returned:
    """Send the application back to an earlier stage (退回), saying why."""
    _permit(state, actor, expected_stage)
    return _checked(state, Returned(at, actor.clerk_id, expected_stage, to_stage, _reason(reason)))


def suspend(state: ApplicationState, *, reason: str, actor: Actor, at: datetime) -> Suspended:
    """Stop the clock while the customer is awaited (暂停计时)."""
    _permit(state, actor, None)
    return _checked(state, Suspended(at, actor.clerk_id, _reason(reason)))


def resume(state: ApplicationState, *, actor: Actor, at: datetime) -> Resumed:
    _permit(state, actor, None)
    return _checked(state, Resumed(at, actor.clerk_id))


def complete(state: ApplicationState, *, expected_stage: str, actor: Actor, at: datetime) -> Completed:
    """Finish the last stage: the application is done (办结)."""
    _permit(state, actor, expected_stage)
    return _checked(state, Completed(at, actor.clerk_id, expected_stage))


def withdraw(state: ApplicationState, *, reason: str, actor: Actor, at: datetime) -> Withdrawn:
    """The customer withdraws the application (撤销); recorded by its owner or a supervisor."""
    _permit(state, actor, None)
    return _checked(state, Withdrawn(at, actor.clerk_id, _reason(reason)))


def hand_over(state: ApplicationState, *, to_owner: str, actor: Actor, at: datetime) -> HandedOver:
    """Formally pass the application to another clerk, who owns it from then on."""
    _permit(state, actor, None)
    if not to_owner.strip() or to_owner == state.owner:
        raise RuleViolation("Hand the application over to another clerk.", code="same_owner")
    return _checked(state, HandedOver(at, actor.clerk_id, to_owner))


# --- due dates -----------------------------------------------------------------------------------


def deadlines(state: ApplicationState, calendar: WorkCalendar, *, as_of: date) -> Deadlines:
    """Due dates on the application's clocks (``application_clock``): each company step's own limit, the
    company's steps together, customer steps and suspensions stopping both; a closed application is
    judged on the day it closed."""
    return clock_deadlines(state.clock(), calendar, as_of=as_of)


# --- helpers -------------------------------------------------------------------------------------


def _permit(state: ApplicationState, actor: Actor, expected_stage: str | None) -> None:
    if not may_act(actor, state.owner):
        raise RuleViolation(
            f"Only the owner ({state.owner}) or a supervisor may act on this application.",
            code="not_owner",
            owner=state.owner,
        )
    if expected_stage is not None and state.is_open:
        _require_stage(state, expected_stage)


def _checked(state: ApplicationState, event: _E) -> _E:
    """Every action's event goes through :func:`apply` once, so no action can write an unfoldable event."""
    apply(state, event)
    return event


def _require(state: ApplicationState, allowed: Collection[Status], action: str) -> None:
    if state.status not in allowed:
        raise RuleViolation(
            f"A {state.status.value.replace('_', ' ')} application cannot be {action}.",
            code="not_allowed_now",
            status=state.status.value,
        )


def _require_stage(state: ApplicationState, stage: str) -> None:
    if stage != state.stage.code:
        raise RuleViolation(
            f"The application is at {state.stage.code}, not {stage}: the screen is out of date.",
            code="stale_stage",
            current=state.stage.code,
        )


def _index(state: ApplicationState, code: str) -> int:
    for i, stage in enumerate(state.stages):
        if stage.code == code:
            return i
    raise RuleViolation(f"This application has no stage {code}.", code="unknown_stage")


def _close_last(suspensions: tuple[Suspension, ...], day: date) -> tuple[Suspension, ...]:
    if suspensions and suspensions[-1].end is None:
        return (*suspensions[:-1], Suspension(suspensions[-1].start, day))
    return suspensions


def _reason(text: str) -> str:
    reason = " ".join(text.split())
    if not reason:
        raise RuleViolation("Say why (it is kept in the application's history).", code="reason_required")
    return reason


def _inconsistent(message: str) -> RuleViolation:
    return RuleViolation(f"Damaged application history: {message}", code="history_inconsistent")
