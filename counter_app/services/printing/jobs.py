"""Recording print jobs: the record is committed first, the job says whether its slip came out.

The first copy of a slip that comes out is the original; every later one is a reprint, labelled 补打
on paper and kept in the audit (who, when, which device). An attempt that failed (no printer, out of
paper) leaves nothing in the customer's hands, so it does not make the next good print a reprint. A
failed print never touches the record it prints.

On a PC working without its hall server (``desk`` set) each job start and each outcome is journaled
with the job's UUID and the record it printed named the way the server knows it (a ticket by its day
and number, a guidance by its UUID, an application by its number: :func:`paper_ref`), and handed
over once (``services/hand_over.py``): a slip printed alone and reprinted on the server says 补打.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from counter_app.domain.entries import sign_in_name
from counter_app.domain.roles import Action
from counter_app.domain.uuids import new_uuid
from counter_app.services.clock import Clock, system_clock
from counter_app.services.offline import OfflineDesk
from counter_app.services.ports import HallRecords
from counter_app.services.session import Gate, gate_for


@dataclass(frozen=True)
class PrintJob:
    id: int
    document: str
    ref_id: int
    reprint: bool
    uuid: str


class PrintJobs:
    def __init__(
        self,
        store: HallRecords,
        clock: Clock = system_clock,
        gate: Gate | None = None,
        desk: OfflineDesk | None = None,
    ) -> None:
        self.store = store
        self.gate = gate_for(store, gate)
        self.clock = clock
        self.repo = store.prints
        self.desk = desk

    def start(self, document: str, ref_id: int, device: str, clerk: str = "") -> PrintJob:
        """Record a job about to be printed; it is a reprint when a paper of the record was printed
        before (or may have been: a job left pending), not after failed attempts only."""
        clerk = sign_in_name(clerk)
        uuid = new_uuid()
        with self.store.write():
            reprint = self.repo.paper_may_exist(document, ref_id)
            if reprint:
                self.gate.require(Action.REPRINT)  # 补打: a second paper of the same record
            now = self.clock()
            copy = "reprint" if reprint else "original"
            job_id = self.repo.add(document, ref_id, copy, device, clerk, now, uuid)
            if self.desk is not None:
                self.desk.note(
                    self.store,
                    "prints.start",
                    now,
                    job=uuid,
                    document=document,
                    ref=paper_ref(self.store, document, ref_id),
                    copy=copy,
                    device=device,
                    clerk=clerk,
                )
        return PrintJob(id=job_id, document=document, ref_id=ref_id, reprint=reprint, uuid=uuid)

    def finish(self, job: PrintJob, ok: bool, error: str = "") -> None:
        """Whether the paper came out. By the job's UUID: a job recorded on the server and settled
        while it is away (or the other way round) is the same job; alone, the outcome is journaled
        and handed over (the server then settles its own record of the job)."""
        with self.store.write():
            now = self.clock()
            self.repo.finish(job.uuid, ok, error, now)
            if self.desk is not None:
                self.desk.note(self.store, "prints.finish", now, job=job.uuid, ok=ok, error=error[:500])

    def history(self, document: str, ref_id: int) -> list[tuple[int, str, str, str]]:
        with self.store.read():
            return self.repo.jobs_for(document, ref_id)


def paper_ref(store: HallRecords, document: str, ref_id: int) -> dict[str, Any]:
    """The printed record named the way any store of the hall knows it (ids differ between a PC's
    own store and the server): a ticket by day and number, a guidance by UUID, an application by
    its number."""
    if document == "ticket":
        ticket = store.queue.get(ref_id)
        if ticket is not None:
            return {"day": ticket.business_day.isoformat(), "number": ticket.number}
    elif document == "payment_slip":
        guidance = store.guidance.get(ref_id)
        if guidance is not None:
            return {"guidance": guidance.uuid}
    elif document in ("application_receipt", "one_time_notice"):
        application = store.applications.by_id(ref_id)
        if application is not None:
            return {"application": application.data.number}
    return {}


def record_id(store: HallRecords, document: str, ref: dict[str, Any]) -> int | None:
    """The id, in ``store``, of the record :func:`paper_ref` named; ``None`` when it has none (yet)."""
    if document == "ticket" and "number" in ref:
        ticket = store.queue.by_number(date.fromisoformat(str(ref["day"])), str(ref["number"]))
        return ticket.id if ticket is not None else None
    if document == "payment_slip" and "guidance" in ref:
        guidance = store.guidance.by_uuid(str(ref["guidance"]))
        return guidance.id if guidance is not None else None
    if "application" in ref:
        application = store.applications.find(str(ref["application"]))
        return application.id if application is not None else None
    return None
