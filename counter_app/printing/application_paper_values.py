"""What the receipt and the one-time notice print, as plain values in the hall's language, built from
the application summary with every personal field masked (whatever the caller passed in)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from counter_app.domain.applications.business_types import Party
from counter_app.domain.applications.detail import ApplicationDetail, DocumentState, StagePosition
from counter_app.domain.applications.setup import ApplicationSetup
from counter_app.domain.applications.values import Agent, Applicant
from counter_app.domain.profile import HallProfile


@dataclass(frozen=True)
class StageLine:
    """A step on paper; ``customer``: the customer's own work (not timed); ``after_customer``: a company
    step whose clock starts when the customer hands their work over (no date can be given yet)."""

    name: str
    limit_days: int | None
    due: date | None
    provisional: bool
    position: StagePosition
    customer: bool = False
    after_customer: bool = False


@dataclass(frozen=True)
class HallContacts:
    """Whom the customer asks, on every paper: the hall (phone, address), the hotline and the regulator."""

    company: str
    hall_name: str
    address: str
    phone: str
    hotline: str
    supervision_hotline: str


def contacts_of(profile: HallProfile) -> HallContacts:
    hall = profile.hall
    lang = hall.language
    return HallContacts(
        hall.company, hall.name.get(lang), hall.address, hall.phone, hall.hotline, hall.supervision_hotline
    )


@dataclass(frozen=True)
class ReceiptPaper:
    """Everything on a receipt, in the hall's language, personal data already masked."""

    language: str
    hall_name: str
    company: str
    number: str
    tracking_ref: str
    type_name: str
    accepted_at: datetime
    applicant: Applicant  # masked
    agent: Agent | None  # masked
    account_number: str
    capacity: str
    received: tuple[str, ...]
    missing: tuple[str, ...]
    collect_by: date | None
    commitment_signed: bool
    stages: tuple[StageLine, ...]
    whole_limit_days: int | None
    whole_due: date | None
    owner: str
    hall_phone: str
    hotline: str
    provisional_years: tuple[int, ...]
    printed_at: datetime
    reprint: bool = False
    contacts: HallContacts | None = None
    customer_steps_ahead: bool = False
    workdays_used: int = 0
    limit_basis: str = ""
    whole_provisional: bool = False
    accepted_by: str = ""


@dataclass(frozen=True)
class NoticePaper:
    """The one-time notice: everything the customer still has to bring or do, on one page."""

    language: str
    hall_name: str
    company: str
    number: str
    type_name: str
    applicant: Applicant  # masked
    to_bring: tuple[tuple[str, date | None], ...]
    if_applicable: tuple[str, ...]
    waiting_for: str
    commitment_signed: bool
    collect_by: date | None
    owner: str
    hall_phone: str
    hotline: str
    provisional_years: tuple[int, ...]
    printed_at: datetime
    reprint: bool = False
    contacts: HallContacts | None = None


def receipt_for(
    detail: ApplicationDetail,
    profile: HallProfile,
    *,
    owner: str,
    printed_at: datetime,
    reprint: bool = False,
    limit_basis: str = "",
    accepted_by: str = "",
) -> ReceiptPaper:
    """``owner`` and ``accepted_by``: the case officer's and the accepting clerk's names as they should
    be printed ("" leaves a line to write on); ``limit_basis``: the rule the company's limit rests on."""
    lang = profile.hall.language
    detail = detail.masked()
    stages = tuple(
        StageLine(
            s.names.get(lang),
            s.limit_days,
            s.due.day if s.due else None,
            bool(s.due and s.due.provisional),
            s.position,
            customer=s.party is Party.CUSTOMER,
            after_customer=s.after_customer,
        )
        for s in detail.schedule
    )
    return ReceiptPaper(
        language=lang,
        hall_name=profile.hall.name.get(lang),
        company=profile.hall.company,
        number=detail.number,
        tracking_ref=detail.tracking_ref,
        type_name=detail.type_names.get(lang),
        accepted_at=detail.accepted_at,
        applicant=detail.applicant,
        agent=detail.agent,
        account_number=detail.account_number or "",
        capacity=detail.capacity or "",
        received=tuple(d.names.get(lang) for d in detail.documents if d.state is not DocumentState.OWED),
        missing=tuple(d.names.get(lang) for d in detail.owed_documents),
        collect_by=detail.collect_by,
        commitment_signed=detail.commitment_signed,
        stages=stages,
        whole_limit_days=detail.whole_limit_days,
        whole_due=detail.whole_due.day if detail.whole_due else None,
        owner=owner,
        hall_phone=profile.hall.phone,
        hotline=profile.hall.hotline,
        provisional_years=detail.provisional_years,
        printed_at=printed_at,
        reprint=reprint,
        contacts=contacts_of(profile),
        customer_steps_ahead=detail.customer_step_ahead,
        workdays_used=detail.workdays_used,
        limit_basis=limit_basis,
        whole_provisional=bool(detail.whole_due and detail.whole_due.provisional),
        accepted_by=accepted_by,
    )


def notice_for(
    detail: ApplicationDetail,
    profile: HallProfile,
    setup: ApplicationSetup,
    *,
    owner: str,
    printed_at: datetime,
    reprint: bool = False,
) -> NoticePaper:
    lang = profile.hall.language
    detail = detail.masked()
    btype = setup.type_or_none(detail.business_type)
    on_file = {d.code for d in detail.documents}
    optional = tuple(
        d.names.get(lang)
        for d in (btype.documents if btype else ())
        if not d.required and d.code not in on_file
    )
    waiting = ""
    if detail.suspended_since is not None:
        waiting = next((h.note for h in reversed(detail.history) if h.kind == "suspended"), "")
    return NoticePaper(
        language=lang,
        hall_name=profile.hall.name.get(lang),
        company=profile.hall.company,
        number=detail.number,
        type_name=detail.type_names.get(lang),
        applicant=detail.applicant,
        to_bring=tuple((d.names.get(lang), d.due_day) for d in detail.owed_documents),
        if_applicable=optional if detail.is_open else (),
        waiting_for=waiting,
        commitment_signed=detail.commitment_signed,
        collect_by=detail.collect_by,
        owner=owner,
        hall_phone=profile.hall.phone,
        hotline=profile.hall.hotline,
        provisional_years=tuple(
            sorted(
                {
                    y
                    for d in detail.owed_documents
                    if d.due_day
                    for y in setup.calendar.provisional_years(d.due_day, d.due_day)
                }
            )
        ),
        printed_at=printed_at,
        reprint=reprint,
        contacts=contacts_of(profile),
    )
