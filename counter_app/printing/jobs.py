"""Printing a ticket slip as a recorded job: the kiosk's and the CLI's one way to print a ticket.

The ticket is committed before anything is printed and printing never changes it. Each attempt is
a print job (``hall.print_jobs``): the first is the original, every later one a reprint, and the
slip then says 补打. A failed attempt is marked failed with the printer's words; the kiosk keeps
the number on screen and can print again.

Threads: the database connection belongs to the thread that opened the hall, printers may be slow.
``print_ticket`` does all three steps on the calling thread (CLI, tests). A window does
:func:`prepare_ticket_print` and :func:`finish_ticket_print` on its own thread and :func:`send`
(no database) on a worker thread.

On a reprint the slip shows where the ticket stands *now*: people ahead and the estimate are
recomputed while it waits, and left off once it has been called. The first print of a freshly
issued ticket shows the figures the kiosk showed when the number was taken.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

from counter_app.domain.errors import InvalidInput
from counter_app.domain.queue import Ticket
from counter_app.printing.backends import PdfFileBackend, PrinterBackend
from counter_app.printing.document import Printable, PrinterError
from counter_app.printing.paper import Paper, paper_named
from counter_app.printing.ticket_slip import TicketSlip, ticket_printable, ticket_slip_for
from counter_app.qt_i18n import HallTexts
from counter_app.services.hall import Hall
from counter_app.services.print_jobs import PrintJob
from counter_app.services.queue import IssuedTicket
from counter_app.services.tickets import TicketLookup

log = logging.getLogger("counter_app.print")

DOCUMENT = "ticket"


@dataclass(frozen=True)
class TicketPrint:
    """A ticket print recorded and ready to send: plain values, safe to hand to a worker thread."""

    job: PrintJob
    ticket: Ticket
    slip: TicketSlip
    printable: Printable
    paper: Paper
    device: str


@dataclass(frozen=True)
class PrintOutcome:
    job_id: int
    ticket_id: int
    number: str
    reprint: bool
    printed: bool
    error: str = ""
    device: str = ""

    @property
    def ok(self) -> bool:
        return self.printed


def _paper(paper: Paper | str) -> Paper:
    try:
        return paper_named(paper)
    except ValueError as exc:
        raise InvalidInput(str(exc), field="paper", code="unknown_paper", paper=str(paper)) from None


def prepare_ticket_print(
    hall: Hall,
    ticket: IssuedTicket | Ticket | str,
    device: str,
    *,
    paper: Paper | str = "80mm",
    clerk: str = "",
) -> TicketPrint:
    """Find the ticket (by number: today's), record the job, build the slip. Hall's thread only."""
    chosen = _paper(paper)
    lookup = TicketLookup(hall.db, hall.profile, hall.clock)
    if isinstance(ticket, IssuedTicket):
        job = hall.print_jobs.start(DOCUMENT, ticket.ticket.id, device, clerk)
        if job.reprint:
            position = lookup.position(ticket.ticket.id)
            slip = ticket_slip_for(
                hall.profile,
                position.ticket,
                position.ahead,
                position.estimate_minutes,
                reprint=True,
                reprinted_at=hall.clock(),
            )
        else:
            slip = ticket_slip_for(hall.profile, ticket)
        current = ticket.ticket
    else:
        position = lookup.position(ticket.id if isinstance(ticket, Ticket) else ticket)
        current = position.ticket
        job = hall.print_jobs.start(DOCUMENT, current.id, device, clerk)
        slip = ticket_slip_for(
            hall.profile,
            current,
            position.ahead,
            position.estimate_minutes,
            reprint=job.reprint,
            reprinted_at=hall.clock() if job.reprint else None,
        )
    printable = ticket_printable(slip, HallTexts(slip.language))
    return TicketPrint(job=job, ticket=current, slip=slip, printable=printable, paper=chosen, device=device)


def send(request: TicketPrint, backend: PrinterBackend) -> str:
    """Print the prepared slip; ``""`` when it came out, else what went wrong. Any thread."""
    try:
        backend.print_slip(request.printable, request.paper)
    except PrinterError as exc:
        log.warning("ticket %s not printed on %s: %s", request.ticket.number, backend.device, exc)
        return str(exc)
    except Exception as exc:  # a bug while drawing: logged with context, the kiosk carries on
        log.exception("printing ticket %s on %s failed", request.ticket.number, backend.device)
        return f"Internal error while printing: {exc!r}"
    return ""


def finish_ticket_print(hall: Hall, request: TicketPrint, error: str = "") -> PrintOutcome:
    """Mark the job printed or failed. Hall's thread only; the ticket itself is not touched."""
    hall.print_jobs.finish(request.job, ok=not error, error=error)
    return PrintOutcome(
        job_id=request.job.id,
        ticket_id=request.ticket.id,
        number=request.ticket.number,
        reprint=request.job.reprint,
        printed=not error,
        error=error,
        device=request.device,
    )


def print_ticket(
    hall: Hall,
    ticket: IssuedTicket | Ticket | str,
    backend: PrinterBackend,
    clerk: str = "",
    *,
    paper: Paper | str = "80mm",
) -> PrintOutcome:
    """Record, print and settle one ticket slip on the calling thread. Printer failures come back
    as ``PrintOutcome(printed=False, error=...)``; an unknown number raises ``NotFound``."""
    request = prepare_ticket_print(hall, ticket, backend.device, paper=paper, clerk=clerk)
    return finish_ticket_print(hall, request, send(request, backend))


def ensure_gui_app() -> QGuiApplication:
    """The running QGuiApplication, or a new offscreen one for headless use (fonts need it)."""
    app = QCoreApplication.instance()
    if app is None:
        args = ["counter-app"] if sys.platform == "win32" else ["counter-app", "-platform", "offscreen"]
        app = QGuiApplication(args)
        _KEEP_ALIVE.append(app)
    if not isinstance(app, QGuiApplication):
        raise RuntimeError("printing needs a QGuiApplication (fonts), but a QCoreApplication is running")
    return app


_KEEP_ALIVE: list[QGuiApplication] = []


def print_ticket_pdf(
    hall: Hall, number: str, path: Path | str, paper: Paper | str = "80mm"
) -> dict[str, Any]:
    """``counter-app ticket print NUMBER --pdf OUT.pdf``: today's ticket as a PDF, recorded as a job.

    Raises ``NotFound`` for an unknown number and :class:`PrinterError` when the PDF cannot be written.
    """
    ensure_gui_app()
    chosen = _paper(paper)
    target = Path(path)
    outcome = print_ticket(hall, number, PdfFileBackend(target), paper=chosen)
    if not outcome.printed:
        raise PrinterError(outcome.error, number=outcome.number, job_id=outcome.job_id)
    return {
        "number": outcome.number,
        "pdf": str(target),
        "paper": chosen.key,
        "reprint": outcome.reprint,
        "job_id": outcome.job_id,
    }
