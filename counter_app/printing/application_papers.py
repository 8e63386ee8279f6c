"""The two papers of an application: the acceptance receipt (受理回执) and the one-time notice
(一次性告知书). One ``render(painter, rect, paper, texts)`` layout each, for preview, printer and PDF,
on A4 and A5 (and an 80 mm roll for the receipt).

Both are built from the masked application summary: name, ID, phone and address are masked on paper
(PIPL art. 51). The receipt's QR code carries only the random tracking reference. Labels are English
sources translated into the hall's language (``HallTexts``), whatever the clerk's UI language is.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF
from PySide6.QtGui import QPainter

from counter_app.domain.applications.detail import StagePosition
from counter_app.printing.application_paper_layout import PaperPen
from counter_app.printing.application_paper_values import NoticePaper, ReceiptPaper
from counter_app.printing.document import Printable
from counter_app.printing.slip_layout import TextSource

RECEIPT = "ApplicationReceipt"
NOTICE = "OneTimeNotice"
TIME = "%Y-%m-%d %H:%M"

R = {
    "title": QT_TRANSLATE_NOOP("ApplicationReceipt", "Application receipt"),
    "reprint": QT_TRANSLATE_NOOP("ApplicationReceipt", "REPRINT · 补打"),
    "number": QT_TRANSLATE_NOOP("ApplicationReceipt", "Application No."),
    "type": QT_TRANSLATE_NOOP("ApplicationReceipt", "Business"),
    "accepted": QT_TRANSLATE_NOOP("ApplicationReceipt", "Accepted"),
    "applicant": QT_TRANSLATE_NOOP("ApplicationReceipt", "Applicant"),
    "id": QT_TRANSLATE_NOOP("ApplicationReceipt", "ID number"),
    "mobile": QT_TRANSLATE_NOOP("ApplicationReceipt", "Mobile"),
    "address": QT_TRANSLATE_NOOP("ApplicationReceipt", "Address of use"),
    "agent": QT_TRANSLATE_NOOP("ApplicationReceipt", "Agent"),
    "account": QT_TRANSLATE_NOOP("ApplicationReceipt", "Account number"),
    "capacity": QT_TRANSLATE_NOOP("ApplicationReceipt", "Capacity"),
    "received": QT_TRANSLATE_NOOP("ApplicationReceipt", "Documents received"),
    "missing_by": QT_TRANSLATE_NOOP("ApplicationReceipt", "Still to bring, by %1"),
    "commitment": QT_TRANSLATE_NOOP(
        "ApplicationReceipt",
        "Accepted on your ID alone (一证受理): you signed a commitment letter (客户承诺书) to bring the "
        "missing documents by that date.",
    ),
    "steps": QT_TRANSLATE_NOOP("ApplicationReceipt", "What happens next"),
    "stage": QT_TRANSLATE_NOOP("ApplicationReceipt", "Stage"),
    "limit": QT_TRANSLATE_NOOP("ApplicationReceipt", "Time limit"),
    "due": QT_TRANSLATE_NOOP("ApplicationReceipt", "Due by"),
    "days": QT_TRANSLATE_NOOP("ApplicationReceipt", "%1 working days"),
    "done": QT_TRANSLATE_NOOP("ApplicationReceipt", "done"),
    "now": QT_TRANSLATE_NOOP("ApplicationReceipt", "in progress"),
    "after_previous": QT_TRANSLATE_NOOP("ApplicationReceipt", "after the previous step"),
    "your_part": QT_TRANSLATE_NOOP("ApplicationReceipt", "your part, not timed"),
    "after_you": QT_TRANSLATE_NOOP("ApplicationReceipt", "counted from when you hand your part over"),
    "whole": QT_TRANSLATE_NOOP("ApplicationReceipt", "Whole process: within %1 working days, by %2"),
    "together": QT_TRANSLATE_NOOP(
        "ApplicationReceipt",
        "Our steps together: within %1 working days. The time your own part takes (design, building, "
        "signing) is not counted. Used so far: %2.",
    ),
    "basis": QT_TRANSLATE_NOOP("ApplicationReceipt", "Time limit as set by: %1"),
    "provisional_mark": QT_TRANSLATE_NOOP("ApplicationReceipt", "%1 (provisional)"),
    "provisional": QT_TRANSLATE_NOOP(
        "ApplicationReceipt",
        "Dates in %1 are provisional: that year's official holiday schedule is not yet published.",
    ),
    "owner": QT_TRANSLATE_NOOP("ApplicationReceipt", "Your case officer (首问负责人)"),
    "hall_address": QT_TRANSLATE_NOOP("ApplicationReceipt", "Hall address"),
    "hall_phone": QT_TRANSLATE_NOOP("ApplicationReceipt", "Hall phone"),
    "hotline": QT_TRANSLATE_NOOP("ApplicationReceipt", "Service hotline"),
    "supervision": QT_TRANSLATE_NOOP("ApplicationReceipt", "Energy regulation hotline"),
    "rights": QT_TRANSLATE_NOOP(
        "ApplicationReceipt",
        "You choose your own designer, builder and equipment supplier: nobody may impose one on you. "
        "If a time limit is missed you may complain on %1 or to the energy regulator on %2.",
    ),
    "accepted_by": QT_TRANSLATE_NOOP("ApplicationReceipt", "Accepted by: %1"),
    "seal": QT_TRANSLATE_NOOP("ApplicationReceipt", "Hall seal"),
    "reference": QT_TRANSLATE_NOOP("ApplicationReceipt", "Tracking reference %1"),
    "ask_phone": QT_TRANSLATE_NOOP(
        "ApplicationReceipt",
        "To ask how your application is going, show this code at this hall or quote the reference when "
        "you call the hall on %1 (95598 cannot look it up).",
    ),
    "ask_hall": QT_TRANSLATE_NOOP(
        "ApplicationReceipt",
        "To ask how your application is going, show this code or quote the reference at this hall "
        "(95598 cannot look it up).",
    ),
    "keep": QT_TRANSLATE_NOOP("ApplicationReceipt", "Please keep this receipt. Printed %1"),
}

N = {
    "title": QT_TRANSLATE_NOOP("OneTimeNotice", "One-time notice"),
    "reprint": QT_TRANSLATE_NOOP("OneTimeNotice", "REPRINT · 补打"),
    "number": QT_TRANSLATE_NOOP("OneTimeNotice", "Application No."),
    "type": QT_TRANSLATE_NOOP("OneTimeNotice", "Business"),
    "applicant": QT_TRANSLATE_NOOP("OneTimeNotice", "Applicant"),
    "id": QT_TRANSLATE_NOOP("OneTimeNotice", "ID number"),
    "mobile": QT_TRANSLATE_NOOP("OneTimeNotice", "Mobile"),
    "intro": QT_TRANSLATE_NOOP(
        "OneTimeNotice",
        "This is everything we still need from you to finish this application. Nothing else will be "
        "asked of you for it.",
    ),
    "bring": QT_TRANSLATE_NOOP("OneTimeNotice", "Please bring"),
    "item_by": QT_TRANSLATE_NOOP("OneTimeNotice", "%1 (by %2)"),
    "applicable": QT_TRANSLATE_NOOP("OneTimeNotice", "Also bring, if it applies to you"),
    "waiting": QT_TRANSLATE_NOOP("OneTimeNotice", "We are waiting for you: %1"),
    "nothing": QT_TRANSLATE_NOOP("OneTimeNotice", "Nothing more is needed from you at the moment."),
    "commitment": QT_TRANSLATE_NOOP(
        "OneTimeNotice", "You signed a commitment letter (客户承诺书) to bring the documents above by %1."
    ),
    "where": QT_TRANSLATE_NOOP(
        "OneTimeNotice", "Bring them to any counter of %1: you do not need to see the same clerk."
    ),
    "owner": QT_TRANSLATE_NOOP("OneTimeNotice", "Your case officer (首问负责人)"),
    "hall_address": QT_TRANSLATE_NOOP("OneTimeNotice", "Hall address"),
    "hall_phone": QT_TRANSLATE_NOOP("OneTimeNotice", "Hall phone"),
    "hotline": QT_TRANSLATE_NOOP("OneTimeNotice", "Service hotline"),
    "supervision": QT_TRANSLATE_NOOP("OneTimeNotice", "Energy regulation hotline"),
    "provisional": QT_TRANSLATE_NOOP(
        "OneTimeNotice",
        "Dates in %1 are provisional: that year's official holiday schedule is not yet published.",
    ),
    "customer": QT_TRANSLATE_NOOP("OneTimeNotice", "Customer"),
    "clerk": QT_TRANSLATE_NOOP("OneTimeNotice", "Clerk"),
    "printed": QT_TRANSLATE_NOOP("OneTimeNotice", "Printed %1"),
}


Words = Callable[..., str]
"""``t(key, *args)``: a label of the paper in the hall's language."""


def _years(years: tuple[int, ...]) -> str:
    return ", ".join(str(y) for y in years)


def _head(
    pen: PaperPen, p: ReceiptPaper | NoticePaper, t: Words, *, title_mm: float, number_mm: float
) -> None:
    """The hall, the paper's title, the 补打 band of a reprint, the application number and business."""
    pen.title(p.hall_name, 4.8)
    pen.title(p.company, 2.8, bold=False, gap_mm=0.6)
    pen.title(t("title"), title_mm, gap_mm=1.2)
    if p.reprint:
        pen.banner(t("reprint"), 4.2)
    pen.rule()
    pen.field(t("number"), p.number, number_mm, bold_value=True)
    pen.field(t("type"), p.type_name, bold_value=True)


BLANK = "________________"
"""Where the clerk writes their name by hand when the staff list does not know it."""


def _contacts(pen: PaperPen, p: ReceiptPaper | NoticePaper, t: Words) -> None:
    """The note on provisional dates, then whom to ask: the case officer, the hall (address, phone),
    the hotline and the energy regulator's hotline; nothing for what the hall left empty."""
    if p.provisional_years:
        pen.text(t("provisional", _years(p.provisional_years)), 2.9)
    pen.rule()
    pen.field(t("owner"), p.owner or BLANK, label_mm=50)
    c = p.contacts
    if c is not None:
        pen.field(t("hall_address"), c.address, label_mm=50)
    pen.field(t("hall_phone"), p.hall_phone, label_mm=50)
    pen.field(t("hotline"), p.hotline, label_mm=50)
    if c is not None:
        pen.field(t("supervision"), c.supervision_hotline, label_mm=50)


# --- the receipt -----------------------------------------------------------------------------------


def _lay_out_receipt(pen: PaperPen, p: ReceiptPaper, texts: TextSource) -> float:
    def t(key: str, *args: object) -> str:
        return texts.t(RECEIPT, str(R[key]), *args)

    def day(value: date, provisional: bool) -> str:
        return t("provisional_mark", value.isoformat()) if provisional else value.isoformat()

    _head(pen, p, t, title_mm=5.2, number_mm=4.4)
    pen.field(t("accepted"), p.accepted_at.strftime(TIME))
    pen.field(t("applicant"), p.applicant.name)
    pen.field(t("id"), p.applicant.id_number)
    pen.field(t("mobile"), p.applicant.mobile)
    pen.field(t("address"), p.applicant.address)
    pen.field(t("agent"), p.agent.name if p.agent else "")
    pen.field(t("account"), p.account_number)
    pen.field(t("capacity"), p.capacity)
    if p.received:
        pen.heading(t("received"))
        pen.items(p.received)
    if p.missing:
        pen.heading(t("missing_by", collect_by_text(p, day)))
        pen.items(p.missing)
        if p.commitment_signed:
            pen.text(t("commitment"), 3.0)
    pen.heading(t("steps"))
    rows = []
    for s in p.stages:
        if s.customer:
            limit, due = t("your_part"), "—"
        else:
            limit = t("days", s.limit_days) if s.limit_days else "—"
            if s.position is StagePosition.DONE:
                due = t("done")
            elif s.due is not None:
                due = day(s.due, s.provisional)
            elif s.after_customer:
                due = t("after_you")
            else:
                due = t("after_previous") if s.position is StagePosition.NEXT else t("now")
        if s.position is StagePosition.DONE and s.customer:
            due = t("done")
        rows.append((s.name, limit, due))
    pen.table((t("stage"), t("limit"), t("due")), rows, (0.46, 0.22, 0.32))
    whole = whole_text(p, t, day)
    if whole:
        pen.text(whole, 3.5, bold=True)
    if p.limit_basis:
        pen.text(t("basis", p.limit_basis), 2.6, gap_mm=0.6)
    _contacts(pen, p, t)
    supervision = p.contacts.supervision_hotline if p.contacts else ""
    if supervision:
        pen.text(t("rights", p.hotline, supervision), 2.9, gap_mm=0.6)
    pen.name_and_seal([t("accepted_by", p.accepted_by or BLANK)], t("seal"))
    pen.qr_with_caption(p.tracking_ref, [t("reference", p.tracking_ref), ask_text(p, t)], 24.0)
    pen.text(t("keep", p.printed_at.strftime(TIME)), 2.7, gap_mm=0.0)
    return pen.used()


def whole_text(p: ReceiptPaper, t: Words, day: Callable[[date, bool], str]) -> str:
    """The promise for the company's steps together: a date only when no customer step lies ahead."""
    if not p.whole_limit_days:
        return ""
    if p.customer_steps_ahead:
        return t("together", p.whole_limit_days, p.workdays_used)
    if p.whole_due:
        return t("whole", p.whole_limit_days, day(p.whole_due, p.whole_provisional))
    return ""


def collect_by_text(p: ReceiptPaper, day: Callable[[date, bool], str]) -> str:
    """The day to bring the missing documents by, marked when its year's schedule is not published."""
    return day(p.collect_by, p.collect_by.year in p.provisional_years) if p.collect_by else "—"


def ask_text(p: ReceiptPaper, t: Words) -> str:
    """Where the local tracking reference can be asked about: this hall, or the hall's phone."""
    return t("ask_phone", p.hall_phone) if p.hall_phone else t("ask_hall")


# --- the one-time notice ---------------------------------------------------------------------------


def _lay_out_notice(pen: PaperPen, p: NoticePaper, texts: TextSource) -> float:
    def t(key: str, *args: object) -> str:
        return texts.t(NOTICE, str(N[key]), *args)

    _head(pen, p, t, title_mm=5.6, number_mm=4.0)
    pen.field(t("applicant"), p.applicant.name)
    pen.field(t("id"), p.applicant.id_number)
    pen.field(t("mobile"), p.applicant.mobile)
    pen.space(1.5)
    pen.text(t("intro"), 3.6, bold=True)
    if p.to_bring:
        pen.heading(t("bring"))
        pen.items(
            [t("item_by", name, due.isoformat()) if due else name for name, due in p.to_bring], numbered=True
        )
        if p.commitment_signed and p.collect_by:
            pen.text(t("commitment", p.collect_by.isoformat()), 3.0)
    if p.if_applicable:
        pen.heading(t("applicable"))
        pen.items(p.if_applicable)
    if p.waiting_for:
        pen.space(1.0)
        pen.text(t("waiting", p.waiting_for), 3.6, bold=True)
    if not p.to_bring and not p.waiting_for:
        pen.text(t("nothing"), 3.6)
    if p.to_bring:
        pen.text(t("where", p.hall_name), 3.2)
    _contacts(pen, p, t)
    pen.signatures((t("customer"), t("clerk")))
    pen.text(t("printed", p.printed_at.strftime(TIME)), 2.7, gap_mm=0.0)
    return pen.used()


def _render(painter: QPainter, rect: QRectF, language: str, lay_out: Callable[[PaperPen], float]) -> float:
    """Sizes are designed for A5's 124 mm of width and follow the paper (0.8× to 1.3×); on a sheet
    they shrink until everything fits one page. A roll is as long as the paper drawn."""
    return PaperPen.fit_and_draw(
        painter, rect, language, 124.0, lay_out, largest=1.3, smallest=0.55, tries=6, slack=False
    )


def render_receipt(painter: QPainter, rect: QRectF, paper: ReceiptPaper, texts: TextSource) -> float:
    """Draw the acceptance receipt into ``rect`` (device pixels); returns the height used."""
    return _render(painter, rect, paper.language, lambda pen: _lay_out_receipt(pen, paper, texts))


def render_notice(painter: QPainter, rect: QRectF, paper: NoticePaper, texts: TextSource) -> float:
    """Draw the one-time notice into ``rect`` (device pixels); returns the height used."""
    return _render(painter, rect, paper.language, lambda pen: _lay_out_notice(pen, paper, texts))


def receipt_printable(paper: ReceiptPaper, texts: TextSource) -> Printable:
    from counter_app.printing.application_paper_lines import receipt_lines

    title = f"receipt {paper.number}" + (" reprint" if paper.reprint else "")
    return Printable(
        title=title,
        render=partial(render_receipt, paper=paper, texts=texts),
        lines=receipt_lines(paper, texts),
    )


def notice_printable(paper: NoticePaper, texts: TextSource) -> Printable:
    title = f"notice {paper.number}" + (" reprint" if paper.reprint else "")
    return Printable(title=title, render=partial(render_notice, paper=paper, texts=texts))
