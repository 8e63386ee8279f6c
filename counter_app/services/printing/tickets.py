"""Printing a ticket slip as a recorded job: the kiosk's and the CLI's one way to print a ticket.

The ticket is committed before anything is printed and printing never changes it. Each attempt is
a print job (``hall.print_jobs``): the first is the original, every later one a reprint, and the
slip then says 补打. A failed attempt is marked failed with the printer's words; the kiosk keeps
the number on screen and can print again.

The flow is the one of every recorded print (``services/printing/recorded.py``): ``print_ticket`` does all
three steps on the calling thread (CLI, tests, the kiosk's print worker).

On a reprint the slip shows where the ticket stands *now*: people ahead and the estimate are
recomputed while it waits, and left off once it has been called. The first print of a freshly
issued ticket shows the figures the kiosk showed when the number was taken.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from counter_app.domain.queue import IssuedTicket, Ticket
from counter_app.printing.backends import PdfFileBackend, PrinterBackend, check_pdf_target, ensure_gui_app
from counter_app.printing.document import Printable
from counter_app.printing.paper import Paper, paper_for
from counter_app.printing.ticket_slip import TicketSlip, ticket_printable, ticket_slip_for
from counter_app.qt_i18n import HallTexts
from counter_app.services.hall import Hall
from counter_app.services.printing.jobs import PrintJob
from counter_app.services.printing.recorded import JobOutcome, PrintFailure, not_written, print_recorded
from counter_app.services.queue_views import TicketLookup

DOCUMENT = "ticket"


@dataclass(frozen=True, kw_only=True)
class PrintOutcome(JobOutcome):
    ticket_id: int
    number: str


@dataclass(frozen=True)
class TicketPrint:
    """A ticket print recorded and ready to send: plain values, safe to hand to a worker thread."""

    job: PrintJob
    ticket: Ticket
    slip: TicketSlip
    printable: Printable
    paper: Paper
    device: str

    @property
    def label(self) -> str:
        return f"ticket {self.ticket.number}"

    def outcome(self, failure: PrintFailure | None) -> PrintOutcome:
        return PrintOutcome.of(
            self.job, self.device, failure, ticket_id=self.ticket.id, number=self.ticket.number
        )


def prepare_ticket_print(
    hall: Hall,
    ticket: IssuedTicket | Ticket | str,
    device: str,
    *,
    paper: Paper | str = "80mm",
    clerk: str = "",
) -> TicketPrint:
    """Find the ticket (by number: today's), record the job, build the slip. Hall's thread only."""
    chosen = paper_for(paper)
    lookup = TicketLookup(hall.store, hall.profile, hall.clock)
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
    return print_recorded(
        hall, prepare_ticket_print(hall, ticket, backend.device, paper=paper, clerk=clerk), backend
    )


def print_ticket_pdf(
    hall: Hall, number: str, path: Path | str, paper: Paper | str = "80mm"
) -> dict[str, Any]:
    """``counter-app ticket print NUMBER --pdf OUT.pdf``: today's ticket as a PDF, recorded as a job.

    Raises ``NotFound`` for an unknown number, :class:`PrinterError` when the PDF cannot be written
    there (nothing recorded when the path is refused at once) and ``FileUnavailable`` when the disk
    fails (full, I/O error; the job is marked failed, no file is left).
    """
    ensure_gui_app()
    chosen = paper_for(paper)
    target = Path(path)
    check_pdf_target(target)  # a path that cannot be written is refused before a job is recorded
    backend = PdfFileBackend(target)
    outcome = print_ticket(hall, number, backend, paper=chosen)
    if not outcome.printed:
        raise not_written(backend, outcome, number=outcome.number, job_id=outcome.job_id)
    return {
        "number": outcome.number,
        "pdf": str(target),
        "paper": chosen.key,
        "reprint": outcome.reprint,
        "job_id": outcome.job_id,
    }
