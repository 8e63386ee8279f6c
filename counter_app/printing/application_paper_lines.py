"""The acceptance receipt for an ESC/POS receipt printer (its own fonts, native QR code): the same
essentials as the painted receipt — company, hall, acceptance time, the masked applicant and address,
the documents received and owed, every step with its limit and date (provisional dates marked, and the
warning line), the promise for the company's steps, whom to ask, the customer's rights, the clerk's
name and a space for the hall's seal, and where the tracking reference can be looked up."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from counter_app.domain.applications.detail import StagePosition
from counter_app.printing.application_paper_values import ReceiptPaper
from counter_app.printing.application_papers import (
    BLANK,
    RECEIPT,
    TIME,
    R,
    Words,
    ask_text,
    collect_by_text,
    whole_text,
)
from counter_app.printing.document import Line
from counter_app.printing.slip_layout import TextSource


def receipt_lines(p: ReceiptPaper, texts: TextSource) -> tuple[Line, ...]:
    """The receipt as text lines, worded exactly as the painted one."""

    def t(key: str, *args: object) -> str:
        return texts.t(RECEIPT, str(R[key]), *args)

    def day(value: date, provisional: bool) -> str:
        return t("provisional_mark", value.isoformat()) if provisional else value.isoformat()

    lines = [Line("text", p.hall_name, size=2, bold=True), Line("text", p.company)]
    lines += [Line("text", t("title"), bold=True), Line("rule")]
    if p.reprint:
        lines.append(Line("text", t("reprint"), size=2, bold=True, inverse=True))
    lines += [
        Line("text", f"{t('number')} {p.number}", bold=True),
        Line("text", f"{t('type')} {p.type_name}"),
        Line("text", f"{t('accepted')} {p.accepted_at.strftime(TIME)}"),
    ]
    for key, value in (
        ("applicant", p.applicant.name),
        ("id", p.applicant.id_number),
        ("mobile", p.applicant.mobile),
        ("address", p.applicant.address),
        ("agent", p.agent.name if p.agent else ""),
        ("account", p.account_number),
        ("capacity", p.capacity),
    ):
        if value:
            lines.append(Line("text", f"{t(key)} {value}"))
    lines += _documents_and_steps(p, t, day)
    lines += _contacts_and_reference(p, t)
    return tuple(lines)


def _documents_and_steps(p: ReceiptPaper, t: Words, day: Callable[[date, bool], str]) -> list[Line]:
    """The documents received and owed, every step with its limit and date, the promise, the rule."""
    lines: list[Line] = []
    if p.received:
        lines.append(Line("text", t("received"), bold=True))
        lines += [Line("text", f"- {name}") for name in p.received]
    if p.missing:
        lines.append(Line("text", t("missing_by", collect_by_text(p, day)), bold=True))
        lines += [Line("text", f"- {m}") for m in p.missing]
        if p.commitment_signed:
            lines.append(Line("text", t("commitment")))
    lines.append(Line("text", t("steps"), bold=True))
    for s in p.stages:
        if s.position is StagePosition.DONE:
            due = t("done")
        elif s.customer:
            due = t("your_part")
        elif s.due is not None:
            due = day(s.due, s.provisional)
        elif s.after_customer:
            due = t("after_you")
        else:
            due = t("after_previous") if s.position is StagePosition.NEXT else t("now")
        limit = t("days", s.limit_days) if s.limit_days and not s.customer else ""
        lines.append(Line("text", "  ".join(part for part in (s.name, limit, due) if part)))
    whole = whole_text(p, t, day)
    if whole:
        lines.append(Line("text", whole, bold=True))
    if p.limit_basis:
        lines.append(Line("text", t("basis", p.limit_basis)))
    if p.provisional_years:
        years = ", ".join(str(y) for y in p.provisional_years)
        lines.append(Line("text", t("provisional", years), bold=True))
    return lines


def _contacts_and_reference(p: ReceiptPaper, t: Words) -> list[Line]:
    """Whom to ask, the customer's rights, the clerk and the seal, the tracking reference."""
    c = p.contacts
    lines = [Line("rule"), Line("text", f"{t('owner')} {p.owner or BLANK}")]
    if c is not None and c.address:
        lines.append(Line("text", f"{t('hall_address')} {c.address}"))
    if p.hall_phone:
        lines.append(Line("text", f"{t('hall_phone')} {p.hall_phone}"))
    lines.append(Line("text", f"{t('hotline')} {p.hotline}"))
    if c is not None and c.supervision_hotline:
        lines += [
            Line("text", f"{t('supervision')} {c.supervision_hotline}"),
            Line("text", t("rights", p.hotline, c.supervision_hotline)),
        ]
    lines += [
        Line("rule"),
        Line("text", t("accepted_by", p.accepted_by or BLANK)),
        Line("text", t("seal")),
        Line("feed"),
        Line("feed"),
        Line("feed"),
        Line("rule"),
        Line("qr", p.tracking_ref),
        Line("text", t("reference", p.tracking_ref), bold=True),
        Line("text", ask_text(p, t)),
        Line("text", t("keep", p.printed_at.strftime(TIME))),
    ]
    return lines
