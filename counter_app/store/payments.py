"""Rows of the guidance given at the counters (缴费引导): which channels a payer was shown, by whom,
for which ticket, and the supervisor's figure of payers guided to online channels."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlite_utils

from counter_app.store.outbox import add_outbox
from counter_app.store.rows import iso, new_uuid, parse_day, parse_time


@dataclass(frozen=True)
class GuidanceChannel:
    """A channel shown (and printed) in one guidance, with the QR address printed for it ("" = none)."""

    code: str
    online: bool
    qr_url: str = ""


@dataclass(frozen=True)
class GuidanceRecord:
    id: int
    uuid: str
    account_number: str
    on_record: bool
    list_id: int | None
    channels: tuple[GuidanceChannel, ...]
    withholding_guidance: bool
    clerk: str
    counter: int | None
    ticket_id: int | None
    ticket_number: str
    business_day: date
    at: datetime

    @property
    def online(self) -> bool:
        return any(c.online for c in self.channels)


@dataclass(frozen=True)
class GuidanceFigures:
    """Guidance given between ``start`` and ``end`` (business days, both included).

    ``payers_online``: distinct accounts shown at least one online channel — customers the hall tried to
    move off the counter queue, not proof that they paid online later (only the central system knows).
    """

    start: date
    end: date
    guidance: int
    payers: int
    payers_online: int
    withholding_guidance: int
    by_channel: dict[str, int]


_COLUMNS = (
    "id, uuid, account_number, on_record, list_id, withholding_guidance, clerk, counter, ticket_id, "
    "ticket_number, business_day, at"
)


class GuidanceRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def add(
        self,
        *,
        account_number: str,
        list_id: int | None,
        channels: Sequence[GuidanceChannel],
        withholding_guidance: bool,
        clerk: str,
        counter: int | None,
        ticket_id: int | None,
        ticket_number: str,
        business_day: date,
        at: datetime,
    ) -> GuidanceRecord:
        """The guidance row, its channel rows and the outbox row (inside the caller's transaction)."""
        uuid = new_uuid()
        row = self.db.execute(
            f"""INSERT INTO payment_guidance (uuid, account_number, on_record, list_id, online_channels,
                   withholding_guidance, clerk, counter, ticket_id, ticket_number, business_day, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING {_COLUMNS}""",
            [
                uuid,
                account_number,
                int(list_id is not None),
                list_id,
                sum(1 for c in channels if c.online),
                int(withholding_guidance),
                clerk,
                counter,
                ticket_id,
                ticket_number,
                business_day.isoformat(),
                iso(at),
            ],
        ).fetchone()
        self.db.conn.executemany(
            """INSERT INTO payment_guidance_channels (guidance_id, position, channel, online, qr_url)
               VALUES (?, ?, ?, ?, ?)""",
            [(row[0], i, c.code, int(c.online), c.qr_url) for i, c in enumerate(channels)],
        )
        payload = {
            "event": "payment_guidance",
            "uuid": uuid,
            "at": iso(at),
            "account_number": account_number,
            "on_record": list_id is not None,
            "channels": [c.code for c in channels],
            "withholding_guidance": withholding_guidance,
            "clerk": clerk,
            "counter": counter,
            "ticket": ticket_number,
            "business_day": business_day.isoformat(),
        }
        add_outbox(self.db, "payments", payload, at)
        return self._record(row, tuple(channels))

    def get(self, guidance_id: int) -> GuidanceRecord | None:
        row = self.db.execute(
            f"SELECT {_COLUMNS} FROM payment_guidance WHERE id = ?", [guidance_id]
        ).fetchone()
        if row is None:
            return None
        channels = self.db.execute(
            """SELECT channel, online, qr_url FROM payment_guidance_channels
               WHERE guidance_id = ? ORDER BY position""",
            [guidance_id],
        ).fetchall()
        return self._record(row, tuple(GuidanceChannel(c[0], bool(c[1]), c[2]) for c in channels))

    @staticmethod
    def _record(row: Sequence[Any], channels: tuple[GuidanceChannel, ...]) -> GuidanceRecord:
        at = parse_time(row[11])
        assert at is not None  # NOT NULL column
        return GuidanceRecord(
            id=row[0],
            uuid=row[1],
            account_number=row[2],
            on_record=bool(row[3]),
            list_id=row[4],
            channels=channels,
            withholding_guidance=bool(row[5]),
            clerk=row[6],
            counter=row[7],
            ticket_id=row[8],
            ticket_number=row[9],
            business_day=parse_day(row[10]),
            at=at,
        )

    def figures(self, start: date, end: date) -> GuidanceFigures:
        days = [start.isoformat(), end.isoformat()]
        row = self.db.execute(
            """SELECT COUNT(*), COUNT(DISTINCT account_number),
                      COUNT(DISTINCT CASE WHEN online_channels > 0 THEN account_number END),
                      COALESCE(SUM(withholding_guidance), 0)
               FROM payment_guidance WHERE business_day BETWEEN ? AND ?""",
            days,
        ).fetchone()
        channels = self.db.execute(
            """SELECT c.channel, COUNT(*) FROM payment_guidance_channels c
               JOIN payment_guidance g ON g.id = c.guidance_id
               WHERE g.business_day BETWEEN ? AND ? GROUP BY c.channel ORDER BY COUNT(*) DESC, c.channel""",
            days,
        ).fetchall()
        return GuidanceFigures(
            start=start,
            end=end,
            guidance=int(row[0]),
            payers=int(row[1]),
            payers_online=int(row[2]),
            withholding_guidance=int(row[3]),
            by_channel={c[0]: int(c[1]) for c in channels},
        )
