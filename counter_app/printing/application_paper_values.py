"""What the receipt and the one-time notice print, as plain values in the hall's language, built from
the application summary with every personal field masked (whatever the caller passed in)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from counter_app.domain.profile import HallProfile
from counter_app.services.applications_config import ApplicationSetup
from counter_app.services.applications_values import ApplicationDetail, DocumentState, StagePosition


@dataclass(frozen=True)
class StageLine:
    name: str
    limit_days: int | None
    due: date | None
    provisional: bool
    position: StagePosition


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
    applicant_name: str
    id_number: str
    mobile: str
    address: str
    agent_name: str
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


@dataclass(frozen=True)
class NoticePaper:
    """The one-time notice: everything the customer still has to bring or do, on one page."""

    language: str
    hall_name: str
    company: str
    number: str
    type_name: str
    applicant_name: str
    id_number: str
    mobile: str
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


def receipt_for(
    detail: ApplicationDetail,
    profile: HallProfile,
    *,
    owner: str,
    printed_at: datetime,
    reprint: bool = False,
) -> ReceiptPaper:
    lang = profile.hall.language
    detail = detail.masked()
    a = detail.applicant
    stages = tuple(
        StageLine(
            s.names.get(lang),
            s.limit_days,
            s.due.day if s.due else None,
            bool(s.due and s.due.provisional),
            s.position,
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
        applicant_name=a.name,
        id_number=a.id_number,
        mobile=a.mobile,
        address=a.address,
        agent_name=detail.agent.name if detail.agent else "",
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
    a = detail.applicant
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
        applicant_name=a.name,
        id_number=a.id_number,
        mobile=a.mobile,
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
    )
