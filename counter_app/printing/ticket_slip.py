"""The queue ticket slip (取号小票): one layout for preview, page printers and PDF, and its text twin.

:func:`render` draws the slip into any rect and returns the height used (a roll is cut there);
fonts are sized in millimetres on the device and shrink until each line fits, so the same layout
serves 80 mm and 58 mm rolls and A6. :func:`text_lines` gives the same content for ESC/POS printers.
Labels are English sources translated into the hall's language (``HallTexts``), not the UI's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from counter_app.domain.offline import parse_fallback
from counter_app.domain.profile import HallProfile
from counter_app.domain.queue import IssuedTicket, Ticket
from counter_app.printing.document import Line, Printable
from counter_app.printing.slip_layout import Pen, TextSource

CONTEXT = "TicketSlip"
REPRINT = QT_TRANSLATE_NOOP("TicketSlip", "REPRINT · 补打")
REPRINTED_AT = QT_TRANSLATE_NOOP("TicketSlip", "Reprinted %1")
GREEN = QT_TRANSLATE_NOOP("TicketSlip", "Green channel")
GREEN_REASON = QT_TRANSLATE_NOOP("TicketSlip", "Green channel · %1")
AHEAD = QT_TRANSLATE_NOOP("TicketSlip", "%1 people ahead of you")
AHEAD_ONE = QT_TRANSLATE_NOOP("TicketSlip", "1 person ahead of you")
NEXT = QT_TRANSLATE_NOOP("TicketSlip", "You are next")
ESTIMATE = QT_TRANSLATE_NOOP("TicketSlip", "Estimated wait: about %1 min")
NO_ESTIMATE = QT_TRANSLATE_NOOP("TicketSlip", "No estimate yet")
ISSUED = QT_TRANSLATE_NOOP("TicketSlip", "Issued %1")
INVITE = QT_TRANSLATE_NOOP("TicketSlip", "Next time, scan to get the 网上国网 app and pay online - no queue")
LISTEN = QT_TRANSLATE_NOOP("TicketSlip", "Please listen for your number to be called")
HOTLINE = QT_TRANSLATE_NOOP("TicketSlip", "Service hotline %1")
OFFLINE = QT_TRANSLATE_NOOP("TicketSlip", "Hall server unreachable: a backup number from this PC")

TIME_FORMAT = "%Y-%m-%d %H:%M"


@dataclass(frozen=True)
class TicketSlip:
    """Everything printed on a ticket; ``ahead`` is ``None`` when the ticket is no longer waiting."""

    hall_name: str
    company: str
    number: str
    service_name: str
    green: bool
    green_reason: str  # the reason's label in the hall language; "" for none
    issued_at: datetime
    ahead: int | None
    estimate_minutes: int | None
    pay_online_url: str  # "" → no QR code
    reprint: bool
    language: str
    hotline: str = ""
    reprinted_at: datetime | None = None
    offline: bool = False
    """Issued by a PC alone while the hall server could not be reached (a fallback number)."""


def ticket_slip_for(
    profile: HallProfile,
    ticket: Ticket | IssuedTicket,
    ahead: int | None = None,
    estimate: int | None = None,
    reprint: bool = False,
    reprinted_at: datetime | None = None,
) -> TicketSlip:
    """The slip of a ticket in the hall's language. For an :class:`IssuedTicket` with neither
    ``ahead`` nor ``estimate`` given, the line position computed when it was issued is used."""
    if isinstance(ticket, IssuedTicket):
        if ahead is None and estimate is None:
            ahead, estimate = ticket.ahead, ticket.estimate_minutes
        ticket = ticket.ticket
    language = profile.hall.language
    service = profile.service(ticket.service_code)
    reason = profile.green_reason(ticket.green_reason) if ticket.green_reason else None
    return TicketSlip(
        hall_name=profile.hall.name.get(language),
        company=profile.hall.company,
        number=ticket.number,
        service_name=service.names.get(language) if service else ticket.service_code,
        green=ticket.green,
        green_reason=reason.names.get(language) if reason else ticket.green_reason,
        issued_at=ticket.issued_at,
        ahead=ahead,
        estimate_minutes=estimate if ahead is not None else None,
        pay_online_url=profile.hall.pay_online_url,
        reprint=reprint,
        language=language,
        hotline=profile.hall.hotline,
        reprinted_at=reprinted_at if reprint else None,
        offline=parse_fallback(ticket.number) is not None,
    )


@dataclass(frozen=True)
class Wording:
    """The slip's words in the hall language; ``""`` means the line is left out."""

    hall: str
    company: str
    banner: str
    reprinted: str
    number: str
    service: str
    green: str
    ahead: str
    estimate: str
    issued: str
    invite: str
    listen: str
    hotline: str
    offline: str = ""


def wording(slip: TicketSlip, texts: TextSource) -> Wording:
    def t(source: object, *args: object) -> str:  # QT_TRANSLATE_NOOP is typed as returning object
        return texts.t(CONTEXT, str(source), *args)

    if slip.ahead is None:
        ahead = estimate = ""
    elif slip.ahead == 0:
        ahead, estimate = t(NEXT), ""
    else:
        ahead = t(AHEAD_ONE) if slip.ahead == 1 else t(AHEAD, slip.ahead)
        estimate = t(ESTIMATE, slip.estimate_minutes) if slip.estimate_minutes is not None else t(NO_ESTIMATE)
    green = (t(GREEN_REASON, slip.green_reason) if slip.green_reason else t(GREEN)) if slip.green else ""
    return Wording(
        hall=slip.hall_name,
        company=slip.company,
        banner=t(REPRINT) if slip.reprint else "",
        reprinted=t(REPRINTED_AT, slip.reprinted_at.strftime(TIME_FORMAT)) if slip.reprinted_at else "",
        number=slip.number,
        service=slip.service_name,
        green=green,
        ahead=ahead,
        estimate=estimate,
        issued=t(ISSUED, slip.issued_at.strftime(TIME_FORMAT)),
        invite=t(INVITE) if slip.pay_online_url else "",
        listen=t(LISTEN),
        hotline=t(HOTLINE, slip.hotline) if slip.hotline else "",
        offline=t(OFFLINE) if slip.offline else "",
    )


# the painted slip ---------------------------------------------------------------------------------
class TicketPen(Pen):
    """The shared pen with the ticket's own pieces: the big number and the green-channel badge."""

    def number(self, text: str, size_mm: float, min_mm: float) -> None:
        """The ticket number, its box trimmed to the capitals: the CJK font's tall line is air."""
        block = self.block(text, size_mm, bold=True, min_mm=min_mm)
        metrics = QFontMetricsF(block.layout.font(), self.device)
        above = max(0.0, metrics.ascent() - metrics.capHeight()) if len(block.lines) == 1 else 0.0
        top = self.y - above + self.mm(3.0)
        self.draw(block, self.rect.left(), top)
        self.y = top + (above + metrics.capHeight() + self.mm(4.0) if above else block.height)

    def badge(self, text: str, size_mm: float) -> None:
        """A framed line (the green channel) so a clerk sees it at a glance."""
        pad = self.mm(0.9)
        block = self.block(text, size_mm, bold=True, width=self.rect.width() - 4 * pad)
        widest = max(line.naturalTextWidth() for line in block.lines)
        box = QRectF(self.rect.center().x() - widest / 2 - pad, self.y, widest + 2 * pad, block.height + pad)
        if not self.dry:
            self.painter.save()
            self.painter.setPen(QPen(QColor(Qt.GlobalColor.black), max(1.0, self.mm(0.35))))
            self.painter.drawRect(box)
            self.painter.restore()
            block.draw(self.painter, self.rect.left() + 2 * pad, self.y + pad / 2)  # lines are centred
        self.y = box.bottom() + self.mm(1.5)


def _lay_out(pen: TicketPen, words: Wording, slip: TicketSlip) -> float:
    pen.text(words.hall, 4.6, bold=True, min_mm=3.4, gap_mm=0.8)
    pen.text(words.company, 2.7, min_mm=2.2, gap_mm=0.4)
    pen.rule(2.2)
    if words.banner:
        pen.banner(words.banner, 4.8)
        pen.text(words.reprinted, 2.8, gap_mm=1.0)
    pen.number(words.number, 22.0, min_mm=9.0)
    pen.text(words.service, 6.0, bold=True, min_mm=3.4, gap_mm=1.4)
    if words.green:
        pen.badge(words.green, 3.8)
    if words.offline:
        pen.badge(words.offline, 3.2)
    pen.rule(2.2)
    pen.text(words.ahead, 4.4, bold=True, gap_mm=0.8)
    pen.text(words.estimate, 3.6, gap_mm=0.8)
    pen.text(words.issued, 3.0, gap_mm=0.4)
    if slip.pay_online_url:
        pen.rule(2.2)
        pen.qr(slip.pay_online_url, 26.0)
        pen.text(words.invite, 3.2, min_mm=3.2, spacing=1.1, gap_mm=1.0)  # wrapped, never shrunk
    else:
        pen.rule(1.2)
    pen.text(words.listen, 2.8, min_mm=2.8, gap_mm=0.4, spacing=1.1)
    pen.text(words.hotline, 2.8, gap_mm=0.0)
    return pen.used()


def render(painter: QPainter, rect: QRectF, slip: TicketSlip, texts: TextSource) -> float:
    """Draw the ticket slip into ``rect`` (device pixels); returns the height used.

    Sizes are designed for 72 mm of print width and follow the paper (0.8× to 1.2×); on a sheet
    they shrink further until the slip fits the rect's height. A roll is as long as the slip.
    """
    words = wording(slip, texts)
    return TicketPen.fit_and_draw(
        painter, rect, slip.language, 72.0, lambda pen: _lay_out(pen, words, slip), smallest=0.5, tries=4
    )


# the text twin for ESC/POS printers ---------------------------------------------------------------
def text_lines(slip: TicketSlip, texts: TextSource) -> tuple[Line, ...]:
    """The same content as :func:`render`, as lines for a receipt printer's own fonts."""
    words = wording(slip, texts)
    lines = [Line("text", words.hall, size=2, bold=True), Line("text", words.company), Line("rule")]
    if words.banner:
        lines += [Line("text", words.banner, size=2, bold=True, inverse=True), Line("text", words.reprinted)]
    lines += [Line("text", words.number, size=4, bold=True), Line("text", words.service, size=2, bold=True)]
    if words.green:
        lines.append(Line("text", f"[{words.green}]", bold=True))
    if words.offline:
        lines.append(Line("text", f"[{words.offline}]", bold=True))
    lines += [
        Line("rule"),
        Line("text", words.ahead, bold=True),
        Line("text", words.estimate),
        Line("text", words.issued),
    ]
    if slip.pay_online_url:
        lines += [Line("rule"), Line("qr", slip.pay_online_url), Line("text", words.invite)]
    lines += [Line("text", words.listen), Line("text", words.hotline)]
    return tuple(line for line in lines if line.kind != "text" or line.text)


def ticket_printable(slip: TicketSlip, texts: TextSource) -> Printable:
    """The slip for any backend: painted by :func:`render`, or as :func:`text_lines`."""
    title = f"ticket {slip.number}" + (" reprint" if slip.reprint else "")
    return Printable(
        title=title, render=partial(render, slip=slip, texts=texts), lines=text_lines(slip, texts)
    )
