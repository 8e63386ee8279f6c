"""Printing an application's receipt or one-time notice as a recorded print job.

The application is committed before anything is printed, and printing never changes it. Each attempt
is a job (``hall.print_jobs``, documents ``application_receipt`` / ``one_time_notice``): the first is
the original, every later one a reprint and says 补打. A failed attempt is marked failed.

The flow of every recorded print (``services/printing/recorded.py``). Threads: :func:`prepare_paper_print` and
``recorded.finish`` need the hall (its worker thread); :func:`printable_for` and ``recorded.send`` need
no database and run where the painting happens (the GUI thread of a window, or the CLI's only thread).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from counter_app.domain.applications.detail import ApplicationDetail
from counter_app.domain.errors import InvalidInput
from counter_app.printing.application_paper_values import NoticePaper, ReceiptPaper, notice_for, receipt_for
from counter_app.printing.application_papers import notice_printable, receipt_printable
from counter_app.printing.backends import PdfFileBackend, PrinterBackend, check_pdf_target, ensure_gui_app
from counter_app.printing.document import Printable
from counter_app.printing.paper import Paper, paper_for
from counter_app.qt_i18n import HallTexts
from counter_app.services.hall import Hall
from counter_app.services.printing.jobs import PrintJob
from counter_app.services.printing.recorded import JobOutcome, PrintFailure, not_written, print_recorded

PaperKind = Literal["receipt", "notice"]
DOCUMENTS: dict[str, str] = {"receipt": "application_receipt", "notice": "one_time_notice"}
PAPERS: dict[str, tuple[str, ...]] = {"receipt": ("a4", "a5", "80mm"), "notice": ("a4", "a5")}


@dataclass(frozen=True, kw_only=True)
class PaperOutcome(JobOutcome):
    number: str
    kind: PaperKind


@dataclass(frozen=True)
class PaperRequest:
    """A paper recorded as a job and ready to draw: plain values, safe to pass between threads."""

    job: PrintJob
    kind: PaperKind
    number: str
    value: ReceiptPaper | NoticePaper
    paper: Paper
    device: str

    @property
    def label(self) -> str:
        return f"{self.kind} of {self.number}"

    @property
    def printable(self) -> Printable:
        """Built on reading, on the painting thread."""
        return printable_for(self)

    def outcome(self, failure: PrintFailure | None) -> PaperOutcome:
        return PaperOutcome.of(self.job, self.device, failure, number=self.number, kind=self.kind)


def _check(kind: str, paper: Paper | str) -> Paper:
    if kind not in DOCUMENTS:
        raise InvalidInput(
            f"Unknown paper kind {kind!r}.", field="kind", code="unknown_paper_kind", kind=kind
        )
    chosen = paper_for(paper)
    if chosen.key not in PAPERS[kind]:
        raise InvalidInput(
            f"The {kind} is printed on {', '.join(PAPERS[kind])}, not {chosen.label}.",
            field="paper",
            code="unknown_paper",
            paper=chosen.key,
        )
    return chosen


def owner_name(hall: Hall, owner: str) -> str:
    """The case officer's name for paper: the staff list's name for a staff code; what was typed when
    it is a name; "" for an unknown code (a staff code is not a name: the paper leaves a line for it)."""
    member = hall.staff.member(owner)
    if member is not None:
        return member.name
    return "" if not owner or (owner.isascii() and any(ch.isdigit() for ch in owner)) else owner


def limit_basis(hall: Hall, detail: ApplicationDetail) -> str:
    """The rules the limits on the paper rest on (the strictest in force on the day of acceptance): the
    company's limit with its clause, then the documents of the steps' own limits."""
    btype = hall.applications.setup.type_or_none(detail.business_type)
    if btype is None:
        return ""
    day = detail.accepted_at.date()
    parts: list[str] = []
    limit = btype.limit_for(external_works=detail.external_works)
    if limit is not None:
        rule = limit.binding(day)
        parts.append(f"{rule.source.citation()} {rule.clause}".strip())
    for stage in btype.stages:
        if stage.limit is not None:
            citation = stage.limit.binding(day).source.citation()
            if not any(part.startswith(citation) for part in parts):
                parts.append(citation)
    return "；".join(parts)


def prepare_paper_print(
    hall: Hall, number: str, kind: PaperKind, device: str, *, paper: Paper | str = "a4", clerk: str = ""
) -> PaperRequest:
    """Read the application (masked), record the job, build the paper's values. Hall thread only."""
    chosen = _check(kind, paper)
    detail = hall.application_views.summary(number)
    owner = owner_name(hall, detail.owner)
    job = hall.print_jobs.start(DOCUMENTS[kind], detail.id, device, clerk)
    now = hall.clock()
    value: ReceiptPaper | NoticePaper
    if kind == "receipt":
        value = receipt_for(
            detail,
            hall.profile,
            owner=owner,
            printed_at=now,
            reprint=job.reprint,
            limit_basis=limit_basis(hall, detail),
            accepted_by=owner_name(hall, detail.accepted_by),
        )
    else:
        value = notice_for(
            detail, hall.profile, hall.applications.setup, owner=owner, printed_at=now, reprint=job.reprint
        )
    return PaperRequest(job=job, kind=kind, number=detail.number, value=value, paper=chosen, device=device)


def printable_for(request: PaperRequest) -> Printable:
    """The paper for any backend, worded in the hall's language. Painting thread."""
    texts = HallTexts(request.value.language)
    if isinstance(request.value, ReceiptPaper):
        return receipt_printable(request.value, texts)
    return notice_printable(request.value, texts)


def print_paper(
    hall: Hall,
    number: str,
    kind: PaperKind,
    backend: PrinterBackend,
    *,
    paper: Paper | str = "a4",
    clerk: str = "",
) -> PaperOutcome:
    """Record, print and settle one paper on the calling thread."""
    request = prepare_paper_print(hall, number, kind, backend.device, paper=paper, clerk=clerk)
    return print_recorded(hall, request, backend)


def print_paper_pdf(
    hall: Hall, number: str, kind: PaperKind, path: Path, *, paper: Paper | str = "a4", clerk: str = ""
) -> dict[str, Any]:
    """``counter-app application print NUMBER --pdf OUT.pdf``; :class:`PrinterError` when not written."""
    ensure_gui_app()
    check_pdf_target(path)  # a path that cannot be written is refused before a job is recorded
    backend = PdfFileBackend(path)
    outcome = print_paper(hall, number, kind, backend, paper=paper, clerk=clerk)
    if not outcome.printed:
        raise not_written(backend, outcome, number=outcome.number, job_id=outcome.job_id)
    return {
        "number": outcome.number,
        "kind": kind,
        "pdf": str(path),
        "paper": paper_for(paper).key,
        "reprint": outcome.reprint,
        "job_id": outcome.job_id,
    }
