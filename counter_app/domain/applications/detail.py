"""What the application services take and give back about one application: plain frozen values.

Personal data leaves the services masked (PIPL art. 51) except in :class:`ApplicationDetail` returned by
``ApplicationsService.detail`` to the owner or a supervisor, and that access is recorded. The worklist's
values are in ``worklist.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from counter_app.domain.applications.business_types import DocumentKind, Party
from counter_app.domain.applications.intake import IntakeForm, IntakeNotice
from counter_app.domain.applications.values import Agent, Applicant, TariffClass
from counter_app.domain.applications.workflow import Role, Status
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
