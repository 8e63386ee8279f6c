"""Recording print jobs: the record is committed first, the job says whether its slip came out.

The first copy of a slip that comes out is the original; every later one is a reprint, labelled 补打
on paper and kept in the audit (who, when, which device). An attempt that failed (no printer, out of
paper) leaves nothing in the customer's hands, so it does not make the next good print a reprint. A
failed print never touches the record it prints.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.domain.entries import sign_in_name
from counter_app.domain.roles import Action
from counter_app.services.clock import Clock, system_clock
from counter_app.services.ports import HallRecords
from counter_app.services.session import Gate, gate_for


@dataclass(frozen=True)
class PrintJob:
    id: int
    document: str
    ref_id: int
    reprint: bool


class PrintJobs:
    def __init__(self, store: HallRecords, clock: Clock = system_clock, gate: Gate | None = None) -> None:
        self.store = store
        self.gate = gate_for(store, gate)
        self.clock = clock
        self.repo = store.prints

    def start(self, document: str, ref_id: int, device: str, clerk: str = "") -> PrintJob:
        """Record a job about to be printed; it is a reprint when a paper of the record was printed
        before (or may have been: a job left pending), not after failed attempts only."""
        clerk = sign_in_name(clerk)
        with self.store.write():
            reprint = self.repo.paper_may_exist(document, ref_id)
            if reprint:
                self.gate.require(Action.REPRINT)  # 补打: a second paper of the same record
            job_id = self.repo.add(
                document, ref_id, "reprint" if reprint else "original", device, clerk, self.clock()
            )
        return PrintJob(id=job_id, document=document, ref_id=ref_id, reprint=reprint)

    def finish(self, job: PrintJob, ok: bool, error: str = "") -> None:
        with self.store.write():
            self.repo.finish(job.id, ok, error, self.clock())

    def history(self, document: str, ref_id: int) -> list[tuple[int, str, str, str]]:
        with self.store.read():
            return self.repo.jobs_for(document, ref_id)
