"""What the application services take and give back about one application: plain frozen values, and
how they are built from the stored rows (the stage schedule with due dates, the detail view masked or
not; no database here: the callers read the rows inside their own transaction and hand them in).

Personal data leaves the services masked (PIPL art. 51) except in :class:`ApplicationDetail` returned by
``ApplicationsService.detail`` to the owner or a supervisor, and that access is recorded. The worklist's
values are in ``worklist.py``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from counter_app.domain.applications.business_types import DocumentKind, Party
from counter_app.domain.applications.events import (
    Deadlines,
    is_company_step,
)
from counter_app.domain.applications.intake import IntakeForm, IntakeNotice
from counter_app.domain.applications.records import ApplicationRecord, DocumentRecord, EventRecord, state_of
from counter_app.domain.applications.setup import ApplicationSetup
from counter_app.domain.applications.values import Agent, Applicant, ApplicantKind, TariffClass
from counter_app.domain.applications.workflow import (
    Actor,
    ApplicationState,
    Role,
    Status,
    deadlines,
    may_act,
)
from counter_app.domain.identity import IdType
from counter_app.domain.profile import Names
from counter_app.domain.workdays import DueDate

OPEN_STATUSES = (Status.ACCEPTED, Status.IN_PROGRESS, Status.RETURNED, Status.SUSPENDED)
CLOSED_STATUSES = (Status.COMPLETED, Status.WITHDRAWN)


# --- taking an application ------------------------------------------------------------------------


@dataclass(frozen=True)
class ChangeDetails:
    """What 暂停 / 减容 and 更名 / 过户 need besides the intake form.

    ``period_*``: the pause or reduction asked for. ``recorded_*`` and ``arrears``: the account as the
    marketing system shows it today, typed by the clerk; arrears as typed (yuan).
    """

    period_start: date | None = None
    period_end: date | None = None
    recorded_address: str = ""
    recorded_tariff_class: TariffClass | None = None
    arrears: str = ""


@dataclass(frozen=True)
class ApplicationRequest:
    """One press of "Accept": the form, the change details, and where the customer came from."""

    form: IntakeForm
    change: ChangeDetails = field(default_factory=ChangeDetails)
    ticket_id: int | None = None
    counter: int | None = None


# --- one application ------------------------------------------------------------------------------


class DocumentState(StrEnum):
    PRESENTED = "presented"  # shown at acceptance
    OWED = "owed"  # missing under 一证受理, to be brought by ``due_day``
    COLLECTED = "collected"  # brought later


@dataclass(frozen=True)
class DocumentLine:
    code: str
    names: Names
    kind: DocumentKind
    state: DocumentState
    due_day: date | None = None
    collected_at: datetime | None = None
    collected_by: str = ""


@dataclass(frozen=True)
class HistoryEntry:
    """One row of the application's history: who did what when, and why."""

    seq: int
    kind: str
    at: datetime
    clerk: str
    note: str
    detail: Mapping[str, Any]


class StagePosition(StrEnum):
    DONE = "done"
    CURRENT = "current"
    NEXT = "next"


@dataclass(frozen=True)
class StageDue:
    """A stage with its limit, who acts in it and, where it can be known, the date it is due by.

    A later company step's date is projected from the worst case of the steps before it and never
    later than the day the company's limit runs out; it is ``None`` for a customer step and for every
    step after one (``after_customer``: its clock starts when the customer hands their work over), and
    where a step before it has no limit of its own."""

    code: str
    names: Names
    limit_days: int | None
    due: DueDate | None
    position: StagePosition
    party: Party = Party.UTILITY
    after_customer: bool = False


@dataclass(frozen=True)
class ApplicationDetail:
    id: int
    number: str
    tracking_ref: str
    business_type: str
    type_names: Names
    accepted_at: datetime
    accepted_by: str
    ticket_number: str | None
    counter: int | None
    applicant: Applicant
    agent: Agent | None
    account_number: str | None
    capacity: str | None
    voltage: str | None
    tariff_class: str | None
    external_works: bool
    period: tuple[date, date | None] | None
    status: Status
    stage: str
    stage_names: Names
    owner: str
    version: int
    whole_limit_days: int | None
    whole_due: DueDate | None
    stage_due: DueDate | None
    workdays_used: int
    overdue: bool
    customer_step: bool
    customer_step_ahead: bool
    stage_capped: bool
    suspended_since: date | None
    schedule: tuple[StageDue, ...]
    documents: tuple[DocumentLine, ...]
    commitment_signed: bool
    notices: tuple[IntakeNotice, ...]
    history: tuple[HistoryEntry, ...]
    viewer: str
    viewer_role: Role
    may_act: bool
    as_of: date
    provisional_years: tuple[int, ...]

    @property
    def is_open(self) -> bool:
        return self.status not in CLOSED_STATUSES

    def masked(self) -> ApplicationDetail:
        """The same application with the applicant and the agent masked (for paper, for other eyes)."""
        if not self.applicant.unmasked:
            return self
        agent = self.agent.masked() if self.agent else None
        return replace(self, applicant=self.applicant.masked(), agent=agent)

    @property
    def at_last_stage(self) -> bool:
        return bool(self.schedule) and self.schedule[-1].position is StagePosition.CURRENT

    @property
    def owed_documents(self) -> tuple[DocumentLine, ...]:
        return tuple(d for d in self.documents if d.state is DocumentState.OWED)

    @property
    def collect_by(self) -> date | None:
        days = [d.due_day for d in self.owed_documents if d.due_day is not None]
        return min(days) if days else None


@dataclass(frozen=True)
class StaffMember:
    code: str
    name: str
    role: Role
    active: bool


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
