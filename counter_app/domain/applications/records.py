"""What an accepted application is stored as: its number, its tracking reference, its row (the values
the store keeps and gives back), its documents, its history rows as domain events and back, the
projection the worklist orders by, and the outbox payload of each step (which names the application,
never the applicant). No database here: the callers read and write the rows in their transaction."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from counter_app.domain.applications.business_types import PERIOD_KINDS, BusinessType
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
from counter_app.domain.applications.intake import AcceptedIntake
from counter_app.domain.applications.setup import ApplicationSetup
from counter_app.domain.applications.workflow import (
    ApplicationState,
    deadlines,
    replay,
)
from counter_app.domain.queue import Ticket
from counter_app.domain.uuids import new_uuid
from counter_app.domain.workdays import WorkCalendar

if TYPE_CHECKING:
    from counter_app.domain.applications.detail import ApplicationRequest

OPEN_DUE_NONE = "9999-12-31"
"""``due_key`` of an open application whose clock is stopped or that has no limit."""
CLOSED_DUE_KEY = "~"
"""``due_key`` of a closed application: "open" is ``due_key < '~'``, overdue ``due_key < today``."""


@dataclass(frozen=True)
class ApplicationData:
    """What was accepted; never changes afterwards (a trigger refuses updates)."""

    uuid: str
    number: str
    accepted_day: date
    prefix: str
    seq: int
    tracking_ref: str
    business_type: str
    ticket_id: int | None
    counter: int | None
    accepted_by: str
    accepted_at: datetime
    applicant_kind: str
    name: str
    id_type: str
    id_number: str
    mobile: str
    address: str
    agent_name: str | None
    agent_id_type: str | None
    agent_id_number: str | None
    agent_mobile: str | None
    account_number: str | None
    capacity: str | None
    capacity_unit: str | None
    voltage: str | None
    tariff_class: str | None
    external_works: bool
    period_start: date | None
    period_end: date | None
    commitment_signed: bool
    notices: tuple[dict[str, str], ...]


@dataclass(frozen=True)
class Projection:
    """Where the application stands, folded from its history and kept beside it for the worklist."""

    status: str
    stage: str
    owner: str
    stage_due: date | None
    whole_due: date | None
    due_key: str
    due_provisional: bool
    closed_on: date | None
    closed_late: bool


@dataclass(frozen=True)
class ApplicationRecord:
    id: int
    version: int
    updated_at: datetime
    data: ApplicationData
    projection: Projection
    ticket_number: str | None


@dataclass(frozen=True)
class EventRecord:
    seq: int
    kind: str
    at: datetime
    clerk: str
    note: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class DocumentRecord:
    code: str
    position: int
    kind: str
    names: dict[str, str]
    state: str
    due_day: date | None
    collected_at: datetime | None
    collected_by: str | None


_TRACKING_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base 32: no I, L, O, U


def format_number(prefix: str, day: date, seq: int) -> str:
    """``YK20261127-0001``: the hall's prefix, the day of acceptance, the day's sequence (four digits,
    more after the 9,999th)."""
    return f"{prefix}{day:%Y%m%d}-{seq:04d}"


def format_offline_number(prefix: str, day: date, tag: str, seq: int) -> str:
    """``YK20261127-P1-001``: accepted by PC ``P1`` while the hall server could not be reached, from
    that PC's own series, so it never collides with the server's numbers or another PC's."""
    return f"{prefix}{day:%Y%m%d}-{tag}-{seq:03d}"


def new_tracking_ref(prefix: str) -> str:
    """``YK-7Q4M-2KX9-HT3A``: 60 random bits, so it tells nothing about the customer, the day or how
    many applications the hall takes, and cannot be guessed from another receipt."""
    chars = "".join(secrets.choice(_TRACKING_ALPHABET) for _ in range(12))
    return f"{prefix}-{chars[:4]}-{chars[4:8]}-{chars[8:]}"


def application_data(
    setup: ApplicationSetup,
    request: ApplicationRequest,
    intake: AcceptedIntake,
    number: str,
    seq: int,
    ticket: Ticket | None,
    clerk: str,
    now: datetime,
) -> ApplicationData:
    """The row of an accepted intake, in its normalised form."""
    applicant, agent, capacity = intake.applicant, intake.agent, intake.capacity
    period = request.change
    has_period = setup.business_type(intake.business_type).kind in PERIOD_KINDS
    return ApplicationData(
        uuid=new_uuid(),
        number=number,
        accepted_day=now.date(),
        prefix=setup.number_prefix,
        seq=seq,
        tracking_ref=new_tracking_ref(setup.number_prefix),
        business_type=intake.business_type,
        ticket_id=ticket.id if ticket else None,
        counter=request.counter,
        accepted_by=clerk,
        accepted_at=now,
        applicant_kind=applicant.kind.value,
        name=applicant.name,
        id_type=applicant.id_type.value,
        id_number=applicant.id_number,
        mobile=applicant.mobile,
        address=applicant.address,
        agent_name=agent.name if agent else None,
        agent_id_type=agent.id_type.value if agent else None,
        agent_id_number=agent.id_number if agent else None,
        agent_mobile=agent.mobile if agent else None,
        account_number=intake.account_number,
        capacity=f"{capacity.amount.normalize():f}" if capacity else None,
        capacity_unit=capacity.unit.value if capacity else None,
        voltage=intake.voltage.value if intake.voltage else None,
        tariff_class=intake.tariff_class.value if intake.tariff_class else None,
        external_works=intake.external_works,
        period_start=period.period_start if has_period else None,
        period_end=period.period_end if has_period else None,
        commitment_signed=intake.checklist.commitment_signed,
        notices=tuple({"field": n.field, "code": n.code, "message": n.message} for n in intake.notices),
    )


def document_rows(btype: BusinessType, intake: AcceptedIntake) -> list[DocumentRecord]:
    """The documents shown, and those owed under 一证受理 with their date; names as the profile has
    them today (a later profile change must not reword a receipt already handed out)."""
    checklist = intake.checklist
    shown = {d.code for d in checklist.presented}
    owed = {d.code for d in checklist.outstanding}
    due = checklist.collect_by.day if checklist.collect_by else None
    rows = []
    for position, doc in enumerate(btype.documents):
        if doc.code in shown or doc.code in owed:
            names = {"zh_CN": doc.names.zh_CN, "zh_TW": doc.names.zh_TW, "en": doc.names.en}
            state = "presented" if doc.code in shown else "owed"
            rows.append(
                DocumentRecord(
                    doc.code,
                    position,
                    doc.kind.value,
                    names,
                    state,
                    due if state == "owed" else None,
                    None,
                    None,
                )
            )
    return rows


def outbox_payload(
    kind: str, record: ApplicationRecord, state: ApplicationState, clerk: str, at: datetime
) -> dict[str, Any]:
    """What the central systems are told of one step: which application, what happened, by whom."""
    return {
        "event": kind,
        "application": record.data.uuid,
        "number": record.data.number,
        "business_type": record.data.business_type,
        "status": state.status.value,
        "stage": state.stage.code,
        "owner": state.owner,
        "clerk": clerk,
        "at": at.isoformat(),
        "seq": record.version,
    }


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
