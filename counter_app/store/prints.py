"""Print jobs: every slip sent to a printer, its outcome, and whether it was a reprint (补打)."""

from __future__ import annotations

from collections.abc import Sequence
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

    def add(
        self,
        document: str,
        ref_id: int,
        copy: str,
        device: str,
        clerk: str,
        at: datetime,
        uuid: str | None = None,
    ) -> int:
        """A job about to print (``pending``); ``uuid``: the job's own (kept when a PC hands over a
        job it recorded while the hall server was away), else a new one."""
        row = self.sql.execute(
            """INSERT INTO print_jobs (uuid, document, ref_id, copy, status, device, clerk, created_at)
               VALUES (?, ?, ?, ?, 'pending', ?, ?, ?) RETURNING id""",
            [uuid or new_uuid(), document, ref_id, copy, device, clerk, at],
        ).fetchone()
        return int(row[0])

    def finish(self, uuid: str, ok: bool, error: str, at: datetime) -> bool:
        """Settle the job ``uuid`` (by its UUID: the same job on the PC and on the hall server);
        ``False`` when this store has no such job waiting (settled already, or not here)."""
        row = self.sql.execute(
            """UPDATE print_jobs SET status = ?, error = ?, finished_at = ?
               WHERE uuid = ? AND status = 'pending' RETURNING id""",
            ["printed" if ok else "failed", error[:500], at, uuid],
        ).fetchone()
        return row is not None

    def status(self, uuid: str) -> str | None:
        """The job's status (``pending``, ``printed``, ``failed``); ``None`` when not in this store."""
        row = self.sql.execute("SELECT status FROM print_jobs WHERE uuid = ?", [uuid]).fetchone()
        return str(row[0]) if row else None

    def papers_of(self, document: str, ref_ids: Sequence[int]) -> dict[int, str]:
        """Of these records, those with a paper that may be in someone's hands: ref_id → the UUID
        of its first such job (what a PC's copy of the day's line carries along)."""
        if not ref_ids:
            return {}
        rows = self.sql.execute(
            f"""SELECT ref_id, MIN(uuid) FROM print_jobs
                WHERE document = ? AND status IN ('printed', 'pending')
                  AND ref_id IN ({", ".join("?" for _ in ref_ids)})
                GROUP BY ref_id""",
            [document, *ref_ids],
        ).fetchall()
        return {int(r[0]): str(r[1]) for r in rows}

    def known(self, uuids: Sequence[str]) -> set[str]:
        """Which of these jobs this store has."""
        found: set[str] = set()
        for start in range(0, len(uuids), 500):
            chunk = list(uuids[start : start + 500])
            rows = self.sql.execute(
                f"SELECT uuid FROM print_jobs WHERE uuid IN ({', '.join('?' for _ in chunk)})", chunk
            ).fetchall()
            found.update(str(r[0]) for r in rows)
        return found

    def copy_paper(self, uuid: str, document: str, ref_id: int, at: datetime) -> None:
        """A PC's note that the hall server has a paper of this record (``uuid``: the server's job):
        a print made while the server is away is then a reprint (补打), as on the server. Not an
        action of this PC: never journaled, never handed over."""
        self.sql.execute(
            """INSERT INTO print_jobs (uuid, document, ref_id, copy, status, device, clerk, created_at,
                                       finished_at)
               VALUES (?, ?, ?, 'original', 'printed', 'hall server', '', ?, ?)
               ON CONFLICT (uuid) DO NOTHING""",
            [uuid, document, ref_id, at, at],
        )

    def jobs_for(self, document: str, ref_id: int) -> list[tuple[int, str, str, str]]:
        """``(id, copy, status, error)`` of each job for one record, oldest first."""
        rows = self.sql.execute(
            "SELECT id, copy, status, error FROM print_jobs WHERE document = ? AND ref_id = ? ORDER BY id",
            [document, ref_id],
        ).fetchall()
        return [(r[0], r[1], r[2], r[3]) for r in rows]
