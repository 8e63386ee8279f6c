"""Printing a payment slip as a recorded job, after the guidance it prints has been committed.

The flow of every recorded print (``services/printing/recorded.py``): the guidance record is committed first
(:meth:`PaymentGuidanceService.record`), each print attempt is a print job of document
``payment_slip`` for that record, every later attempt is a reprint and says 补打, and a failed print
never touches the record. :func:`prepare_payment_print` runs on the hall's thread.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from counter_app.domain.errors import FileUnavailable
from counter_app.domain.payments.boundary import FaultLocation
from counter_app.domain.payments.guidance import GuidanceRecord, PaymentSlip
from counter_app.domain.queue import Ticket
from counter_app.printing.backends import PdfFileBackend, PrinterBackend, check_pdf_target, ensure_gui_app
from counter_app.printing.boundary_leaflet import leaflet_printable
from counter_app.printing.document import Printable, PrinterError
from counter_app.printing.paper import Paper, paper_for
from counter_app.printing.payment_slip import payment_printable
from counter_app.qt_i18n import HallTexts
from counter_app.services.hall import Hall
from counter_app.services.printing.jobs import PrintJob
from counter_app.services.printing.recorded import JobOutcome, PrintFailure, not_written, print_recorded

log = logging.getLogger("counter_app.print")

DOCUMENT = "payment_slip"


@dataclass(frozen=True, kw_only=True)
class PaymentPrintOutcome(JobOutcome):
    guidance_id: int


@dataclass(frozen=True)
class PaymentPrint:
    """A recorded print job and its slip: plain values, safe to hand to a printing thread."""

    job: PrintJob
    slip: PaymentSlip
    printable: Printable
    paper: Paper
    device: str

    @property
    def label(self) -> str:
        return f"payment slip {self.slip.guidance_id}"

    def outcome(self, failure: PrintFailure | None) -> PaymentPrintOutcome:
        return PaymentPrintOutcome.of(self.job, self.device, failure, guidance_id=self.slip.guidance_id)


def prepare_payment_print(
    hall: Hall, guidance_id: int, device: str, *, paper: Paper | str = "80mm", clerk: str = ""
) -> PaymentPrint:
    """Build the slip of a guidance and record its print job (补打 from the second job on).

    The slip is read before the job is written: a slip that cannot be built (say the live account
    list file is missing) leaves no job behind, so the next attempt is not taken for a reprint."""
    chosen = paper_for(paper)
    record = hall.payments.get(guidance_id)
    slip = hall.payments.slip(record)
    job = hall.print_jobs.start(DOCUMENT, record.id, device, clerk)
    slip = replace(slip, reprint=job.reprint)
    printable = payment_printable(slip, HallTexts(slip.language))
    return PaymentPrint(job=job, slip=slip, printable=printable, paper=chosen, device=device)


def print_payment_slip(
    hall: Hall, guidance_id: int, backend: PrinterBackend, *, paper: Paper | str = "80mm", clerk: str = ""
) -> PaymentPrintOutcome:
    """Record, print and settle one slip on the calling thread; printer failures come back in the outcome."""
    request = prepare_payment_print(hall, guidance_id, backend.device, paper=paper, clerk=clerk)
    return print_recorded(hall, request, backend)


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
    chosen = paper_for(paper)
    check_pdf_target(path)  # refused before the guidance is recorded: a refusal changes nothing
    codes = list(channels) or [c.code for c in hall.payments.channels.online]
    record = hall.payments.record(number, codes, clerk=clerk, counter=counter, ticket=ticket)
    backend = PdfFileBackend(Path(path))
    return _slip_pdf(hall, record, backend, chosen, clerk)


def reprint_pdf(
    hall: Hall, guidance_id: int, path: Path | str, *, paper: Paper | str = "80mm", clerk: str = ""
) -> dict[str, Any]:
    """``counter-app slip reprint ID``: the slip of a guidance already recorded, as a PDF, with no new
    guidance record: the way to try again after a slip that did not come out (it is the original
    then; 补打 once a copy came out before)."""
    ensure_gui_app()
    chosen = paper_for(paper)
    check_pdf_target(path)
    record = hall.payments.get(guidance_id)
    return _slip_pdf(hall, record, PdfFileBackend(Path(path)), chosen, clerk)


def _slip_pdf(
    hall: Hall, record: GuidanceRecord, backend: PdfFileBackend, paper: Paper, clerk: str
) -> dict[str, Any]:
    """Print the slip of a committed guidance to ``backend``; a slip that did not come out raises
    with the guidance's id (it stays recorded: it was given) and how to print it again."""
    outcome = print_payment_slip(hall, record.id, backend, paper=paper, clerk=clerk)
    if not outcome.printed:
        error = not_written(backend, outcome, guidance_id=record.id, job_id=outcome.job_id)
        if isinstance(error, FileUnavailable):
            error.params.update(guidance_id=record.id, job_id=outcome.job_id)
        raise error
    return {
        "account_number": record.account_number,
        "on_record": record.on_record,
        "channels": [c.code for c in record.channels],
        "qr_urls": [c.qr_url for c in record.channels if c.qr_url],
        "guidance_id": record.id,
        "job_id": outcome.job_id,
        "pdf": str(backend.path),
        "paper": paper.key,
        "reprint": outcome.reprint,
    }


def print_boundary_leaflet(
    hall: Hall,
    location: FaultLocation,
    contract_boundary: FaultLocation | None,
    backend: PrinterBackend,
    *,
    paper: Paper | str = "a5",
) -> PrintFailure | None:
    """Print the boundary leaflet in the hall's language; ``None`` when it came out, else what went
    wrong (logged here, worded for the clerk by the window).

    Advice, not a record: nothing is written to the database."""
    chosen = paper_for(paper)
    leaflet = hall.boundary.leaflet(location, contract_boundary)
    try:
        backend.print_slip(leaflet_printable(leaflet, HallTexts(leaflet.language)), chosen)
    except (PrinterError, FileUnavailable) as exc:
        log.warning("boundary leaflet not printed on %s: %s", backend.device, exc)
        return exc
    return None
