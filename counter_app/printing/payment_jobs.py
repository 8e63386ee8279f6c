"""Printing a payment slip as a recorded job, after the guidance it prints has been committed.

Same contract as the ticket slip (``printing/jobs.py``): the guidance record is committed first
(:meth:`PaymentGuidanceService.record`), each print attempt is a print job of document
``payment_slip`` for that record, every later attempt is a reprint and says 补打, and a failed print
never touches the record. :func:`prepare_payment_print` and :func:`finish_payment_print` run on the
hall's thread, :func:`send` (no database) on any thread.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from counter_app.domain.errors import InvalidInput
from counter_app.domain.property_boundary import FaultLocation
from counter_app.domain.queue import Ticket
from counter_app.printing.backends import PdfFileBackend, PrinterBackend
from counter_app.printing.boundary_leaflet import leaflet_printable
from counter_app.printing.document import Printable, PrinterError
from counter_app.printing.jobs import ensure_gui_app
from counter_app.printing.paper import Paper, paper_named
from counter_app.printing.payment_slip import payment_printable
from counter_app.qt_i18n import HallTexts
from counter_app.services.hall import Hall
from counter_app.services.payment_guidance import PaymentSlip
from counter_app.services.print_jobs import PrintJob

log = logging.getLogger("counter_app.print")

DOCUMENT = "payment_slip"
PAPERS = ("80mm", "58mm", "a5")


@dataclass(frozen=True)
class PaymentPrint:
    """A recorded print job and its slip: plain values, safe to hand to a printing thread."""

    job: PrintJob
    slip: PaymentSlip
    printable: Printable
    paper: Paper
    device: str


@dataclass(frozen=True)
class PaymentPrintOutcome:
    job_id: int
    guidance_id: int
    reprint: bool
    printed: bool
    error: str = ""
    device: str = ""


def slip_paper(paper: Paper | str) -> Paper:
    try:
        return paper_named(paper)
    except ValueError as exc:
        raise InvalidInput(str(exc), field="paper", code="unknown_paper", paper=str(paper)) from None


def prepare_payment_print(
    hall: Hall, guidance_id: int, device: str, *, paper: Paper | str = "80mm", clerk: str = ""
) -> PaymentPrint:
    """Record the print job of a guidance and build its slip (补打 from the second job on)."""
    chosen = slip_paper(paper)
    record = hall.payments.get(guidance_id)
    job = hall.print_jobs.start(DOCUMENT, record.id, device, clerk)
    slip = hall.payments.slip(record, reprint=job.reprint)
    printable = payment_printable(slip, HallTexts(slip.language))
    return PaymentPrint(job=job, slip=slip, printable=printable, paper=chosen, device=device)


def send(request: PaymentPrint, backend: PrinterBackend) -> str:
    """Print the prepared slip; ``""`` when it came out, else what went wrong. Any thread."""
    try:
        backend.print_slip(request.printable, request.paper)
    except PrinterError as exc:
        log.warning("payment slip %s not printed on %s: %s", request.slip.guidance_id, backend.device, exc)
        return str(exc)
    except Exception as exc:  # a bug while drawing: logged with context, the counter carries on
        log.exception("printing payment slip %s on %s failed", request.slip.guidance_id, backend.device)
        return f"Internal error while printing: {exc!r}"
    return ""


def finish_payment_print(hall: Hall, request: PaymentPrint, error: str = "") -> PaymentPrintOutcome:
    hall.print_jobs.finish(request.job, ok=not error, error=error)
    return PaymentPrintOutcome(
        job_id=request.job.id,
        guidance_id=request.slip.guidance_id,
        reprint=request.job.reprint,
        printed=not error,
        error=error,
        device=request.device,
    )


def print_payment_slip(
    hall: Hall, guidance_id: int, backend: PrinterBackend, *, paper: Paper | str = "80mm", clerk: str = ""
) -> PaymentPrintOutcome:
    """Record, print and settle one slip on the calling thread; printer failures come back in the outcome."""
    request = prepare_payment_print(hall, guidance_id, backend.device, paper=paper, clerk=clerk)
    return finish_payment_print(hall, request, send(request, backend))


def guide_and_print_pdf(
    hall: Hall,
    number: str,
    channels: Sequence[str],
    path: Path | str,
    *,
    paper: Paper | str = "80mm",
    clerk: str = "",
    counter: int | None = None,
    ticket: Ticket | None = None,
) -> dict[str, Any]:
    """``counter-app slip payment``: record the guidance, then print its slip to a PDF."""
    ensure_gui_app()
    chosen = slip_paper(paper)
    codes = list(channels) or [c.code for c in hall.payments.channels.online]
    record = hall.payments.record(number, codes, clerk=clerk, counter=counter, ticket=ticket)
    outcome = print_payment_slip(hall, record.id, PdfFileBackend(Path(path)), paper=chosen, clerk=clerk)
    if not outcome.printed:
        raise PrinterError(outcome.error, guidance_id=record.id, job_id=outcome.job_id)
    return {
        "account_number": record.account_number,
        "on_record": record.on_record,
        "channels": [c.code for c in record.channels],
        "qr_urls": [c.qr_url for c in record.channels if c.qr_url],
        "guidance_id": record.id,
        "job_id": outcome.job_id,
        "pdf": str(path),
        "paper": chosen.key,
        "reprint": outcome.reprint,
    }


def print_boundary_leaflet(
    hall: Hall,
    location: FaultLocation,
    contract_boundary: FaultLocation | None,
    backend: PrinterBackend,
    *,
    paper: Paper | str = "a5",
) -> str:
    """Print the boundary leaflet in the hall's language; ``""`` when it came out, else what went wrong.

    Advice, not a record: nothing is written to the database."""
    chosen = slip_paper(paper)
    leaflet = hall.boundary.leaflet(location, contract_boundary)
    try:
        backend.print_slip(leaflet_printable(leaflet, HallTexts(leaflet.language)), chosen)
    except PrinterError as exc:
        log.warning("boundary leaflet not printed on %s: %s", backend.device, exc)
        return str(exc)
    return ""
