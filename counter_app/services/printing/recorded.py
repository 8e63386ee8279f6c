"""Printing a committed record as a recorded print job: the one flow of tickets, payment slips and
application papers.

The record is committed before anything is printed, and printing never changes it. Each attempt is a
print job (``hall.print_jobs``): the first is the original, every later one a reprint, and the paper
then says 补打. A failed attempt is marked failed with the printer's words; the window says so and
can print again.

Threads: the database connection belongs to the thread that opened the hall, printers may be slow.
Each kind of paper has its own ``prepare_…`` (record the job, build the paper's values) on the hall's
thread; :func:`send` (no database) runs on any thread, and :func:`finish` on the hall's thread again.
:func:`print_recorded` does the last two on the calling thread (CLI, tests, a print worker).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Protocol, Self, TypeVar

from counter_app.domain.errors import FileUnavailable
from counter_app.printing.backends import PdfFileBackend, PrinterBackend
from counter_app.printing.document import Printable, PrinterError
from counter_app.printing.paper import Paper
from counter_app.services.hall import Hall
from counter_app.services.printing.jobs import PrintJob

log = logging.getLogger("counter_app.print")

PrintFailure = PrinterError | FileUnavailable
"""Why a paper did not come out: the printer's (or a refused path's) words, or a failing disk."""


@dataclass(frozen=True, kw_only=True)
class JobOutcome:
    """What came of one print job: ``printed``, or not and why: ``error`` in the printer's (English,
    technical) words for the log and the CLI, ``failure`` with its code and parameters for a window
    to word in the clerk's language (``ui.messages.describe``)."""

    job_id: int
    reprint: bool
    printed: bool
    error: str = ""
    device: str = ""
    failure: PrintFailure | None = None

    @property
    def ok(self) -> bool:
        return self.printed

    @classmethod
    def of(cls, job: PrintJob, device: str, failure: PrintFailure | None, **record: Any) -> Self:
        """The outcome of ``job``; ``record`` names what was printed (the subclass's own fields)."""
        return cls(
            job_id=job.id,
            reprint=job.reprint,
            printed=failure is None,
            error=str(failure) if failure else "",
            device=device,
            failure=failure,
            **record,
        )


OutcomeT = TypeVar("OutcomeT", bound=JobOutcome, covariant=True)


class RecordedPrint(Protocol[OutcomeT]):
    """A print recorded as a job and ready to send: plain values, safe to hand to another thread."""

    @property
    def job(self) -> PrintJob: ...

    @property
    def paper(self) -> Paper: ...

    @property
    def device(self) -> str: ...

    @property
    def label(self) -> str:
        """What the log calls the paper, e.g. ``ticket A012``."""

    @property
    def printable(self) -> Printable:
        """The paper for any backend (built where it is read, if it is not a plain value)."""

    def outcome(self, failure: PrintFailure | None) -> OutcomeT: ...


def send(request: RecordedPrint[JobOutcome], backend: PrinterBackend) -> PrintFailure | None:
    """Print the prepared paper; ``None`` when it came out, else what went wrong (the detail is
    logged here; a window words it for the clerk). Any thread."""
    try:
        backend.print_slip(request.printable, request.paper)
    except (PrinterError, FileUnavailable) as exc:  # a refused path or a failing disk: not a bug
        log.warning("%s not printed on %s: %s", request.label, backend.device, exc)
        return exc
    except Exception as exc:  # a bug while drawing: logged with context, the window carries on
        log.exception("printing %s on %s failed", request.label, backend.device)
        return PrinterError(f"Internal error while printing: {exc!r}", code="print_bug")
    return None


def finish(hall: Hall, request: RecordedPrint[OutcomeT], failure: PrintFailure | None = None) -> OutcomeT:
    """Mark the job printed or failed. Hall's thread only; the record itself is not touched."""
    hall.print_jobs.finish(request.job, ok=failure is None, error=str(failure) if failure else "")
    return request.outcome(failure)


def print_recorded(hall: Hall, request: RecordedPrint[OutcomeT], backend: PrinterBackend) -> OutcomeT:
    """Send and settle a prepared print on the calling thread; printer failures come back in the
    outcome (``printed=False, error=...``)."""
    return finish(hall, request, send(request, backend))


def not_written(backend: PdfFileBackend, outcome: JobOutcome, **params: Any) -> Exception:
    """What a ``--pdf`` command raises for a print that did not come out (the job is already marked
    failed): the disk's own failure (:class:`FileUnavailable`, exit 4) or a :class:`PrinterError`
    (exit 2) with ``params``."""
    if isinstance(backend.failure, FileUnavailable):
        return backend.failure
    code = outcome.failure.code if isinstance(outcome.failure, PrinterError) else None
    return PrinterError(outcome.error, code=code, **params)
