"""The payment QR slip (缴费引导凭条): one layout for preview, page printers and PDF, and its text twin.

Printed for a payer at the counter so that next time they pay online: the account number in large
digits to type into the app, the masked name and address, the amount due and due date with the date
of those figures (marked when not current), then one block per chosen channel — a QR code to exactly
the address the hall configured for it (none when it configured none), and the steps under it — and
the 95598 hotline. The QR codes hold the configured address only: never an account number or a name.

:func:`render` serves 80 mm and 58 mm rolls (one column) and A5 or larger sheets (channels in two
columns, shrunk to fit the page). Labels are English sources translated into the hall's language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from urllib.parse import urlsplit

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF
from PySide6.QtGui import QPainter

from counter_app.printing.document import Line, Printable
from counter_app.printing.slip_layout import Pen, TextSource
from counter_app.services.payment_guidance import PaymentSlip, SlipChannel

CONTEXT = "PaymentSlip"
TITLE = QT_TRANSLATE_NOOP("PaymentSlip", "Pay your electricity bill online - no queue")
REPRINT = QT_TRANSLATE_NOOP("PaymentSlip", "REPRINT · 补打")
ACCOUNT = QT_TRANSLATE_NOOP("PaymentSlip", "Account number - type it into the app")
NAME = QT_TRANSLATE_NOOP("PaymentSlip", "Name: %1")
ADDRESS = QT_TRANSLATE_NOOP("PaymentSlip", "Address: %1")
DUE = QT_TRANSLATE_NOOP("PaymentSlip", "Amount due: %1 yuan")
DUE_DATE = QT_TRANSLATE_NOOP("PaymentSlip", "Pay by %1")
NOTHING_DUE = QT_TRANSLATE_NOOP("PaymentSlip", "Nothing due")
CREDIT = QT_TRANSLATE_NOOP("PaymentSlip", "Prepaid balance: %1 yuan")
AS_OF = QT_TRANSLATE_NOOP("PaymentSlip", "Figures as of %1")
NOT_CURRENT = QT_TRANSLATE_NOOP("PaymentSlip", "Not current (%1 days old): the app shows what is due today")
NO_DATE = QT_TRANSLATE_NOOP("PaymentSlip", "Date of these figures unknown: the app shows what is due today")
NO_RECORD = QT_TRANSLATE_NOOP(
    "PaymentSlip", "This account is not in the hall's list: the app shows the amount due"
)
SCAN = QT_TRANSLATE_NOOP("PaymentSlip", "Scan to open %1")
BRING = QT_TRANSLATE_NOOP("PaymentSlip", "%1 - please bring:")
HOTLINE = QT_TRANSLATE_NOOP("PaymentSlip", "Power supply service hotline %1 (24 hours)")
PRINTED = QT_TRANSLATE_NOOP("PaymentSlip", "Printed %1")

DESIGN_WIDTH_MM = 72.0
TWO_COLUMNS_FROM_MM = 110.0
TIME_FORMAT = "%Y-%m-%d %H:%M"


def yuan(amount: Decimal) -> str:
    return f"{amount:,.2f}"


@dataclass(frozen=True)
class Wording:
    """The slip's words in the hall language; ``""`` leaves a line out."""

    title: str
    banner: str
    account_caption: str
    name: str
    address: str
    amount: str
    due_date: str
    credit: str
    as_of: str
    warning: str
    withholding: str
    hotline: str
    printed: str
    scan_to: Callable[[str], str] = str


def wording(slip: PaymentSlip, texts: TextSource) -> Wording:
    def t(source: object, *args: object) -> str:  # QT_TRANSLATE_NOOP is typed as returning object
        return texts.t(CONTEXT, str(source), *args)

    amount = due_date = credit = as_of = warning = ""
    if slip.on_record and slip.arrears is not None:
        amount = t(DUE, yuan(slip.arrears)) if slip.arrears > 0 else t(NOTHING_DUE)
        due_date = t(DUE_DATE, slip.due_date.isoformat()) if slip.due_date and slip.arrears > 0 else ""
        credit = t(CREDIT, yuan(slip.credit)) if slip.credit else ""
        figures = slip.figures
        as_of = t(AS_OF, figures.as_of.isoformat()) if figures.as_of else ""
        if figures.as_of is None:
            warning = t(NO_DATE)
        elif figures.stale:
            warning = t(NOT_CURRENT, figures.age_days)
    elif not slip.on_record:
        warning = t(NO_RECORD)
    return Wording(
        title=t(TITLE),
        banner=t(REPRINT) if slip.reprint else "",
        account_caption=t(ACCOUNT),
        name=t(NAME, slip.masked_name) if slip.masked_name else "",
        address=t(ADDRESS, slip.masked_address) if slip.masked_address else "",
        amount=amount,
        due_date=due_date,
        credit=credit,
        as_of=as_of,
        warning=warning,
        scan_to=lambda url: t(SCAN, urlsplit(url).hostname or url),
        withholding=t(BRING, slip.withholding_title) if slip.withholding_bring else "",
        hotline=t(HOTLINE, slip.hotline) if slip.hotline else "",
        printed=t(PRINTED, slip.printed_at.strftime(TIME_FORMAT)),
    )


def scan_caption(channel: SlipChannel, words: Wording) -> str:
    """Under a QR code: where it leads, in the profile's words or as the address's host."""
    return channel.qr_caption or words.scan_to(channel.qr_url or "")


def _channel(pen: Pen, channel: SlipChannel, words: Wording, qr_mm: float) -> None:
    pen.text(channel.name, 4.0, bold=True, min_mm=3.0, gap_mm=0.8)
    if channel.qr_url:
        pen.qr(channel.qr_url, qr_mm)
        pen.text(scan_caption(channel, words), 2.6, gap_mm=0.8)
    for number, step in enumerate(channel.steps, start=1):
        pen.text(f"{number}. {step}", 2.9, min_mm=2.9, center=False, gap_mm=0.5, spacing=1.05)


def _channels(pen: Pen, slip: PaymentSlip, words: Wording) -> None:
    columns = 2 if pen.rect.width() / pen.px >= TWO_COLUMNS_FROM_MM and len(slip.channels) > 1 else 1
    gap = pen.mm(5.0) if columns == 2 else 0.0
    width = (pen.rect.width() - gap * (columns - 1)) / columns
    for start in range(0, len(slip.channels), columns):
        bottom = pen.y
        for column, channel in enumerate(slip.channels[start : start + columns]):
            left = pen.rect.left() + column * (width + gap)
            sub = pen.sub(QRectF(left, pen.y, width, pen.rect.bottom() - pen.y))
            _channel(sub, channel, words, 28.0 if columns == 1 else 24.0)
            bottom = max(bottom, sub.y)
        pen.y = bottom
        pen.rule(1.6)


def _lay_out(pen: Pen, slip: PaymentSlip, words: Wording) -> float:
    pen.text(slip.hall_name, 4.4, bold=True, min_mm=3.2, gap_mm=0.6)
    pen.text(slip.company, 2.6, min_mm=2.2, gap_mm=0.4)
    pen.rule()
    if words.banner:
        pen.banner(words.banner)
    pen.text(words.title, 3.8, bold=True, min_mm=3.0, gap_mm=1.4)
    pen.text(words.account_caption, 2.8, gap_mm=0.2)
    pen.text(slip.account_number, 11.0, bold=True, min_mm=6.0, gap_mm=1.0)
    pen.text(words.name, 3.4, gap_mm=0.4)
    pen.text(words.address, 3.0, gap_mm=1.0)
    pen.text(words.amount, 4.2, bold=True, gap_mm=0.4)
    pen.text(words.due_date, 3.4, gap_mm=0.4)
    pen.text(words.credit, 3.2, gap_mm=0.4)
    pen.text(words.as_of, 3.0, gap_mm=0.8)
    if words.warning:
        pen.boxed(words.warning, 3.0)
    pen.rule()
    _channels(pen, slip, words)
    if words.withholding:
        pen.text(words.withholding, 3.2, bold=True, center=False, gap_mm=0.6)
        for item in slip.withholding_bring:
            pen.text(f"· {item}", 2.9, min_mm=2.9, center=False, gap_mm=0.4, spacing=1.05)
        pen.rule(1.6)
    pen.text(words.hotline, 3.2, bold=True, gap_mm=0.4)
    pen.text(words.printed, 2.6, gap_mm=0.0)
    return pen.used()


def render(painter: QPainter, rect: QRectF, slip: PaymentSlip, texts: TextSource) -> float:
    """Draw the payment slip into ``rect`` (device pixels); returns the height used."""
    words = wording(slip, texts)
    return Pen.fit_and_draw(
        painter, rect, slip.language, DESIGN_WIDTH_MM, lambda pen: _lay_out(pen, slip, words)
    )


def text_lines(slip: PaymentSlip, texts: TextSource) -> tuple[Line, ...]:
    """The same content as :func:`render`, as lines for an ESC/POS receipt printer's own fonts."""
    words = wording(slip, texts)
    lines = [Line("text", slip.hall_name, size=2, bold=True), Line("text", slip.company), Line("rule")]
    if words.banner:
        lines.append(Line("text", words.banner, size=2, bold=True, inverse=True))
    lines += [
        Line("text", words.title, bold=True),
        Line("text", words.account_caption),
        Line("text", slip.account_number, size=3, bold=True),
        Line("text", words.name),
        Line("text", words.address),
        Line("text", words.amount, bold=True),
        Line("text", words.due_date),
        Line("text", words.credit),
        Line("text", words.as_of),
        Line("text", f"[{words.warning}]" if words.warning else "", bold=True),
        Line("rule"),
    ]
    for channel in slip.channels:
        lines.append(Line("text", channel.name, size=2, bold=True))
        if channel.qr_url:
            lines += [Line("qr", channel.qr_url), Line("text", scan_caption(channel, words))]
        lines += [Line("text", f"{n}. {step}") for n, step in enumerate(channel.steps, start=1)]
        lines.append(Line("rule"))
    if words.withholding:
        lines.append(Line("text", words.withholding, bold=True))
        lines += [Line("text", f"· {item}") for item in slip.withholding_bring]
        lines.append(Line("rule"))
    lines += [Line("text", words.hotline, bold=True), Line("text", words.printed)]
    return tuple(line for line in lines if line.kind != "text" or line.text)


def payment_printable(slip: PaymentSlip, texts: TextSource) -> Printable:
    """The slip for any backend: painted by :func:`render`, or as :func:`text_lines`."""
    title = f"payment slip {slip.guidance_id}" + (" reprint" if slip.reprint else "")
    return Printable(
        title=title, render=partial(render, slip=slip, texts=texts), lines=text_lines(slip, texts)
    )
