"""From stored rows to what the services return: the domain events of a history, the projection kept
for the worklist, the stage schedule with due dates, and the detail view (masked or not).

No database here: the callers read the rows inside their own transaction and hand them in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from counter_app.domain.applications.business_types import DocumentKind, Party
from counter_app.domain.applications.clock import Deadlines, is_company_step
from counter_app.domain.applications.detail import (
    ApplicationDetail,
    DocumentLine,
    DocumentState,
    HistoryEntry,
    StageDue,
    StagePosition,
)
from counter_app.domain.applications.events import (
    Accepted,
    Advanced,
    Completed,
    Event,
    HandedOver,
    Resumed,
    Returned,
    StagePlan,
    Suspended,
    Withdrawn,
)
from counter_app.domain.applications.intake import IntakeNotice
from counter_app.domain.applications.records import (
    CLOSED_DUE_KEY,
    OPEN_DUE_NONE,
    ApplicationRecord,
    DocumentRecord,
    EventRecord,
    Projection,
)
from counter_app.domain.applications.setup import ApplicationSetup
from counter_app.domain.applications.values import Agent, Applicant, ApplicantKind
from counter_app.domain.applications.workflow import (
    Actor,
    ApplicationState,
    Role,
    Status,
    deadlines,
    may_act,
    replay,
)
from counter_app.domain.identity import IdType
from counter_app.domain.profile import Names
from counter_app.domain.workdays import DueDate, WorkCalendar

# --- events <-> history rows ----------------------------------------------------------------------


def event_detail(event: Event) -> dict[str, Any]:
    """What a history row keeps of a domain event besides kind, time, clerk and note."""
    match event:
        case Accepted():
            return {
                "business_type": event.business_type,
                "stages": [[s.code, s.limit_days, s.party] for s in event.stages],
                "whole_limit_days": event.whole_limit_days,
            }
        case Advanced() | Returned():
            return {"from_stage": event.from_stage, "to_stage": event.to_stage}
        case Completed():
            return {"stage": event.stage}
        case HandedOver():
            return {"to_owner": event.to_owner}
        case _:
            return {}


def event_note(event: Event) -> str:
    return event.reason if isinstance(event, Returned | Suspended | Withdrawn) else ""


def to_event(row: EventRecord) -> Event | None:
    """The domain event of a history row; ``None`` for rows the workflow does not fold (documents)."""
    d = row.detail
    match row.kind:
        case "accepted":
            stages = tuple(
                StagePlan(str(p[0]), p[1], str(p[2]) if len(p) > 2 else "utility") for p in d["stages"]
            )
            return Accepted(row.at, row.clerk, str(d["business_type"]), stages, d["whole_limit_days"])
        case "advanced":
            return Advanced(row.at, row.clerk, d["from_stage"], d["to_stage"])
        case "returned":
            return Returned(row.at, row.clerk, d["from_stage"], d["to_stage"], row.note)
        case "suspended":
            return Suspended(row.at, row.clerk, row.note)
        case "resumed":
            return Resumed(row.at, row.clerk)
        case "completed":
            return Completed(row.at, row.clerk, d["stage"])
        case "withdrawn":
            return Withdrawn(row.at, row.clerk, row.note)
        case "handed_over":
            return HandedOver(row.at, row.clerk, d["to_owner"])
    return None


def state_of(rows: Iterable[EventRecord]) -> ApplicationState:
    return replay(e for e in map(to_event, rows) if e is not None)


# --- the projection the worklist orders by --------------------------------------------------------


def projection(state: ApplicationState, calendar: WorkCalendar, today: date) -> Projection:
    """Status, stage, owner and due dates of a state. While the clock is stopped (a suspension, or a
    step of the customer's) the due dates move every working day, so none is stored (the detail view
    computes them live). The worklist orders by the earlier of the step's due date and the day the
    company's limit runs out; ``whole_due`` is kept only while no customer step lies ahead."""
    d = deadlines(state, calendar, as_of=today)
    if not state.is_open:
        return Projection(
            status=state.status.value,
            stage=state.stage.code,
            owner=state.owner,
            stage_due=None,
            whole_due=d.whole_runout.day if d.whole_runout else None,
            due_key=CLOSED_DUE_KEY,
            due_provisional=False,
            closed_on=state.closed_on,
            closed_late=d.overdue,
        )
    running = d.clock_running
    dues = [due for due in (d.stage, d.whole_runout) if due is not None] if running else []
    return Projection(
        status=state.status.value,
        stage=state.stage.code,
        owner=state.owner,
        stage_due=d.stage.day if d.stage and running else None,
        whole_due=d.whole.day if d.whole and running else None,
        due_key=min(due.day for due in dues).isoformat() if dues else OPEN_DUE_NONE,
        due_provisional=any(due.provisional for due in dues),
        closed_on=None,
        closed_late=False,
    )


# --- the stage schedule ---------------------------------------------------------------------------


def stage_schedule(
    state: ApplicationState, setup: ApplicationSetup, today: date, d: Deadlines
) -> tuple[StageDue, ...]:
    """Each stage with its position and, where it can be known, its due date (see :class:`StageDue`);
    ``d`` are the state's deadlines as of ``today``.

    Company steps that follow each other get projected dates, each from the previous one's worst case
    and never past the day the company's limit runs out; a customer step has none, and neither has any
    step after it (it starts when the customer hands their work over)."""
    calendar = setup.calendar
    cap = d.whole_runout
    out: list[StageDue] = []
    cursor: date | None = None
    after_customer = False
    last = len(state.stages) - 1
    for i, plan in enumerate(state.stages):
        names = stage_names(setup, state.business_type, plan.code)
        party = Party.CUSTOMER if not is_company_step(plan) else Party.UTILITY
        done = i < state.stage_index or state.status is Status.COMPLETED
        if done:
            out.append(StageDue(plan.code, names, plan.limit_days, None, StagePosition.DONE, party))
            continue
        due: DueDate | None = None
        position = StagePosition.CURRENT if i == state.stage_index else StagePosition.NEXT
        if not state.is_open:
            pass
        elif party is Party.CUSTOMER:
            after_customer, cursor = True, None
        elif after_customer:
            pass
        elif position is StagePosition.CURRENT:
            due = d.stage
            if due is None and i == last:
                due = d.whole
            cursor = due.day if due else max(today, state.stage_entered_on)
        elif cursor is not None and plan.limit_days is not None:
            due = calendar.add_workdays(cursor, plan.limit_days)
            if cap is not None and cap.day < due.day:
                due = cap
            cursor = due.day
        elif i == last and d.whole is not None:
            due = d.whole
        else:
            cursor = None
        out.append(StageDue(plan.code, names, plan.limit_days, due, position, party, after_customer))
    return tuple(out)


def stage_names(setup: ApplicationSetup, business_type: str, code: str) -> Names:
    """A stage's names from the profile; its code when the profile no longer has it."""
    btype = setup.type_or_none(business_type)
    stage = next((s for s in btype.stages if s.code == code), None) if btype else None
    return stage.names if stage else Names(zh_CN=code, zh_TW=code, en=code)


def type_names(setup: ApplicationSetup, code: str) -> Names:
    btype = setup.type_or_none(code)
    return btype.names if btype else Names(zh_CN=code, zh_TW=code, en=code)


# --- the detail view ------------------------------------------------------------------------------


def build_detail(
    record: ApplicationRecord,
    events: Sequence[EventRecord],
    documents: Sequence[DocumentRecord],
    setup: ApplicationSetup,
    *,
    viewer: Actor | None,
    unmasked: bool,
    today: date,
) -> ApplicationDetail:
    """The application as ``viewer`` sees it (``None``: nobody signed in, as on paper); ``unmasked``
    only for a look the caller has recorded."""
    data = record.data
    state = state_of(events)
    d = deadlines(state, setup.calendar, as_of=today)
    schedule = stage_schedule(state, setup, today, d)
    lines = tuple(_document(doc) for doc in documents)
    dues: list[DueDate] = [due for due in (d.whole, d.stage) if due is not None]
    dues += [s.due for s in schedule if s.due is not None]
    years = sorted({y for due in dues for y in due.provisional_years})
    years += [
        y for line in lines if line.due_day for y in setup.calendar.provisional_years(today, line.due_day)
    ]
    open_stop = state.suspensions[-1] if state.suspensions and state.suspensions[-1].end is None else None
    return ApplicationDetail(
        id=record.id,
        number=data.number,
        tracking_ref=data.tracking_ref,
        business_type=data.business_type,
        type_names=type_names(setup, data.business_type),
        accepted_at=data.accepted_at,
        accepted_by=data.accepted_by,
        ticket_number=record.ticket_number,
        counter=data.counter,
        applicant=personal_data(record, unmasked=unmasked),
        agent=_agent(record, unmasked=unmasked),
        account_number=data.account_number,
        capacity=f"{data.capacity} {data.capacity_unit}" if data.capacity else None,
        voltage=data.voltage,
        tariff_class=data.tariff_class,
        external_works=data.external_works,
        period=(data.period_start, data.period_end) if data.period_start else None,
        status=state.status,
        stage=state.stage.code,
        stage_names=stage_names(setup, data.business_type, state.stage.code),
        owner=state.owner,
        version=record.version,
        whole_limit_days=state.whole_limit_days,
        whole_due=d.whole,
        stage_due=d.stage if state.is_open else None,
        workdays_used=d.workdays_used,
        overdue=d.overdue,
        customer_step=d.customer_step,
        customer_step_ahead=d.customer_step_ahead,
        stage_capped=d.stage_capped,
        suspended_since=open_stop.start if open_stop else None,
        schedule=schedule,
        documents=lines,
        commitment_signed=data.commitment_signed,
        notices=tuple(IntakeNotice(n["field"], n["code"], n["message"]) for n in data.notices),
        history=tuple(HistoryEntry(e.seq, e.kind, e.at, e.clerk, e.note, e.detail) for e in events),
        viewer=viewer.clerk_id if viewer else "",
        viewer_role=viewer.role if viewer else Role.CLERK,
        may_act=viewer is not None and may_act(viewer, state.owner),
        as_of=today,
        provisional_years=tuple(sorted(set(years))),
    )


def personal_data(record: ApplicationRecord, *, unmasked: bool) -> Applicant:
    data = record.data
    full = Applicant(
        ApplicantKind(data.applicant_kind),
        data.name,
        IdType(data.id_type),
        data.id_number,
        data.mobile,
        data.address,
    )
    return full if unmasked else full.masked()


def _agent(record: ApplicationRecord, *, unmasked: bool) -> Agent | None:
    data = record.data
    if not (data.agent_name and data.agent_id_type and data.agent_id_number and data.agent_mobile):
        return None
    full = Agent(data.agent_name, IdType(data.agent_id_type), data.agent_id_number, data.agent_mobile)
    return full if unmasked else full.masked()


def _document(doc: DocumentRecord) -> DocumentLine:
    names = Names(
        zh_CN=doc.names.get("zh_CN", doc.code), zh_TW=doc.names.get("zh_TW", ""), en=doc.names.get("en", "")
    )
    return DocumentLine(
        code=doc.code,
        names=names,
        kind=DocumentKind(doc.kind),
        state=DocumentState(doc.state),
        due_day=doc.due_day,
        collected_at=doc.collected_at,
        collected_by=doc.collected_by or "",
    )


def at_or_after(now: datetime, state: ApplicationState) -> datetime:
    """The time to record: the hall clock, or the last event's time if the clock was set back (the
    history must stay in order; a PC whose clock jumped must not lock the application)."""
    return max(now, state.last_at)
