"""Print jobs: every slip sent to a printer, its outcome, and whether it was a reprint (补打)."""

from __future__ import annotations

from datetime import datetime

from counter_app.store.rows import new_uuid
from counter_app.store.sql import Sql


class PrintJobRepository:
    def __init__(self, sql: Sql) -> None:
        self.sql = sql

    def paper_may_exist(self, document: str, ref_id: int) -> bool:
        """Whether a paper of this record may already be in someone's hands: a job that printed, or
        one still pending (a process that died while sending it cannot say it did not come out).
        Failed jobs do not count: the first paper that reaches the customer is the original."""
        row = self.sql.execute(
            """SELECT EXISTS (SELECT 1 FROM print_jobs
                              WHERE document = ? AND ref_id = ? AND status IN ('printed', 'pending'))""",
            [document, ref_id],
        ).fetchone()
        return bool(row[0])

    def add(self, document: str, ref_id: int, copy: str, device: str, clerk: str, at: datetime) -> int:
        row = self.sql.execute(
            """INSERT INTO print_jobs (uuid, document, ref_id, copy, status, device, clerk, created_at)
               VALUES (?, ?, ?, ?, 'pending', ?, ?, ?) RETURNING id""",
            [new_uuid(), document, ref_id, copy, device, clerk, at],
        ).fetchone()
        return int(row[0])

    def finish(self, job_id: int, ok: bool, error: str, at: datetime) -> None:
        self.sql.execute(
            "UPDATE print_jobs SET status = ?, error = ?, finished_at = ? WHERE id = ?",
            ["printed" if ok else "failed", error[:500], at, job_id],
        )

    def jobs_for(self, document: str, ref_id: int) -> list[tuple[int, str, str, str]]:
        """``(id, copy, status, error)`` of each job for one record, oldest first."""
        rows = self.sql.execute(
            "SELECT id, copy, status, error FROM print_jobs WHERE document = ? AND ref_id = ? ORDER BY id",
            [document, ref_id],
        ).fetchall()
        return [(r[0], r[1], r[2], r[3]) for r in rows]
