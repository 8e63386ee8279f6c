"""The payment QR slip (缴费引导凭条): one layout for preview, page printers and PDF, and its text twin.

Printed for a payer at the counter so that next time they pay online: the account number in large
digits to type into the app, the masked name and address, the amount due and due date with the date
of those figures (marked when not current); a QR code for every chosen channel that has an address
configured (side by side, each named), exactly that address and nothing else; each chosen channel's
steps in one short paragraph (an account that pays by bank withholding already gets how it works,
not the sign-up); what to bring to sign up for withholding when it has not; and the 95598 hotline.
Kept short: the default channels on 80 mm paper take under 20 cm.

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

from counter_app.domain.payments.guidance import PaymentSlip, SlipChannel
from counter_app.printing.document import Line, Printable
from counter_app.printing.slip_layout import Pen, TextSource

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
SIGNED = QT_TRANSLATE_NOOP("PaymentSlip", "%1 (signed up)")
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
    list_separator: str  # between the items to bring: "、" in Chinese, "; " in English
    signed: str  # "%1 (signed up)": a channel the account already pays by
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
        list_separator="、" if slip.language.startswith("zh") else "; ",
        signed=t(SIGNED),
    )


def scan_caption(channel: SlipChannel, words: Wording) -> str:
    """Under a QR code: where it leads, in the profile's words or as the address's host."""
    return channel.qr_caption or words.scan_to(channel.qr_url or "")


_NUMBERS = "①②③④⑤⑥⑦⑧⑨⑩"


def steps_paragraph(steps: tuple[str, ...]) -> str:
    """The steps in one paragraph (①… ②… ③…): a numbered line each took a third more paper."""
    return " ".join(
        f"{_NUMBERS[n] if n < len(_NUMBERS) else f'{n + 1}.'}{step}" for n, step in enumerate(steps)
    )


def _name(channel: SlipChannel, words: Wording) -> str:
    return words.signed.replace("%1", channel.name) if channel.signed else channel.name


QR_MM = 22.0
"""Side of a channel's QR code: a module of 1 mm or more for a landing-page address, which any
phone reads off a thermal print."""
BESIDE_FROM_MM = 60.0
"""From this width on a channel's QR code stands beside its steps, not above them (a 58 mm roll is
too narrow for both)."""


def _channel(pen: Pen, channel: SlipChannel, words: Wording) -> None:
    """A channel's name and steps; with an address configured, its QR code beside them (or above
    them on a narrow roll), captioned with where it leads."""
    name, steps = _name(channel, words), steps_paragraph(channel.steps)
    width_mm = pen.rect.width() / (pen.px * pen.scale)
    if channel.qr_url and width_mm >= BESIDE_FROM_MM:
        side, gap = pen.mm(QR_MM), pen.mm(3.0)
        code = pen.sub(QRectF(pen.rect.left(), pen.y, side, pen.rect.bottom() - pen.y))
        code.qr(channel.qr_url, QR_MM, gap_mm=0.3)
        code.text(scan_caption(channel, words), 2.3, min_mm=1.6, gap_mm=0.0)
        text = pen.sub(
            QRectF(
                pen.rect.left() + side + gap, pen.y, pen.rect.width() - side - gap, pen.rect.bottom() - pen.y
            )
        )
        text.text(name, 3.1, bold=True, min_mm=2.4, center=False, gap_mm=0.2)
        text.text(steps, 2.8, min_mm=None, center=False, gap_mm=0.0, spacing=1.03)
        pen.y = max(code.y, text.y) + pen.mm(1.4)
        return
    pen.text(name, 3.1, bold=True, min_mm=2.4, center=False, gap_mm=0.2)
    if channel.qr_url:
        pen.qr(channel.qr_url, QR_MM, gap_mm=0.3)
        pen.text(scan_caption(channel, words), 2.4, gap_mm=0.4)
    pen.text(steps, 2.8, min_mm=None, center=False, gap_mm=1.1, spacing=1.03)


def _channels(pen: Pen, slip: PaymentSlip, words: Wording) -> None:
    columns = 2 if pen.rect.width() / pen.px >= TWO_COLUMNS_FROM_MM and len(slip.channels) > 1 else 1
    gap = pen.mm(5.0) if columns == 2 else 0.0
    width = (pen.rect.width() - gap * (columns - 1)) / columns
    for start in range(0, len(slip.channels), columns):
        bottom = pen.y
        for column, channel in enumerate(slip.channels[start : start + columns]):
            left = pen.rect.left() + column * (width + gap)
            sub = pen.sub(QRectF(left, pen.y, width, pen.rect.bottom() - pen.y))
            _channel(sub, channel, words)
            bottom = max(bottom, sub.y)
        pen.y = bottom


def _lay_out(pen: Pen, slip: PaymentSlip, words: Wording) -> float:
    pen.text(slip.hall_name, 4.2, bold=True, min_mm=3.2, gap_mm=0.4)
    pen.text(slip.company, 2.5, min_mm=2.0, gap_mm=0.2)
    pen.rule(1.6)
    if words.banner:
        pen.banner(words.banner)
    pen.text(words.title, 3.6, bold=True, min_mm=3.0, gap_mm=0.8)
    pen.text(words.account_caption, 2.7, gap_mm=0.0)
    pen.text(slip.account_number, 10.5, bold=True, min_mm=6.0, gap_mm=0.6)
    pen.text("　".join(part for part in (words.name, words.address) if part), 3.1, min_mm=None, gap_mm=0.4)
    pen.text("　".join(part for part in (words.amount, words.due_date) if part), 3.8, bold=True, gap_mm=0.3)
    pen.text("　".join(part for part in (words.credit, words.as_of) if part), 2.8, gap_mm=0.6)
    if words.warning:
        pen.boxed(words.warning, 2.9)
    pen.rule(1.6)
    _channels(pen, slip, words)
    if words.withholding:
        bring = words.withholding + words.list_separator.join(slip.withholding_bring)
        pen.text(bring, 2.9, bold=True, min_mm=None, center=False, gap_mm=0.6, spacing=1.05)
    pen.rule(1.4)
    pen.text(words.hotline, 3.1, bold=True, gap_mm=0.3)
    pen.text(words.printed, 2.5, gap_mm=0.0)
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
        Line("text", "　".join(part for part in (words.name, words.address) if part)),
        Line("text", "　".join(part for part in (words.amount, words.due_date) if part), bold=True),
        Line("text", "　".join(part for part in (words.credit, words.as_of) if part)),
        Line("text", f"[{words.warning}]" if words.warning else "", bold=True),
        Line("rule"),
    ]
    for channel in slip.channels:
        lines.append(Line("text", _name(channel, words), bold=True))
        if channel.qr_url:
            lines += [Line("qr", channel.qr_url), Line("text", scan_caption(channel, words))]
        lines.append(Line("text", steps_paragraph(channel.steps)))
    if words.withholding:
        lines.append(Line("text", words.withholding + words.list_separator.join(slip.withholding_bring)))
    lines += [Line("rule"), Line("text", words.hotline, bold=True), Line("text", words.printed)]
    return tuple(line for line in lines if line.kind != "text" or line.text)


def payment_printable(slip: PaymentSlip, texts: TextSource) -> Printable:
    """The slip for any backend: painted by :func:`render`, or as :func:`text_lines`."""
    title = f"payment slip {slip.guidance_id}" + (" reprint" if slip.reprint else "")
    return Printable(
        title=title, render=partial(render, slip=slip, texts=texts), lines=text_lines(slip, texts)
    )
