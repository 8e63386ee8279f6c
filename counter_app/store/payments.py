"""Rows of payment guidance: the guidance given at the counters (缴费引导: which channels a payer was
shown, by whom, for which ticket, and the supervisor's figure of payers guided to online channels),
and the register of imported account lists with the one that is live (the list files themselves are
``store/account_list/``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from counter_app.domain.payments.guidance import (
    AccountListRecord,
    GuidanceChannel,
    GuidanceFigures,
    GuidanceRecord,
)
from counter_app.store.outbox import add_outbox
from counter_app.store.rows import iso, new_uuid, parse_day, parse_optional_day, parse_time
from counter_app.store.sql import Sql

_COLUMNS = (
    "id, uuid, account_number, on_record, list_id, withholding_guidance, clerk, counter, ticket_id, "
    "ticket_number, business_day, at"
)


class GuidanceRepository:
    def __init__(self, sql: Sql) -> None:
        self.sql = sql

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
        uuid: str | None = None,
    ) -> GuidanceRecord:
        """The guidance row, its channel rows and the outbox row (inside the caller's transaction);
        ``uuid`` when the record was made elsewhere (a PC handing over what it did offline)."""
        uuid = uuid or new_uuid()
        row = self.sql.execute(
            f"""INSERT INTO payment_guidance (uuid, account_number, on_record, list_id, online_channels,
                   withholding_guidance, clerk, counter, ticket_id, ticket_number, business_day, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING {_COLUMNS}""",
            [
                uuid,
                account_number,
                list_id is not None,
                list_id,
                sum(1 for c in channels if c.online),
                withholding_guidance,
                clerk,
                counter,
                ticket_id,
                ticket_number,
                business_day,
                at,
            ],
        ).fetchone()
        self.sql.executemany(
            """INSERT INTO payment_guidance_channels (guidance_id, position, channel, online, qr_url)
               VALUES (?, ?, ?, ?, ?)""",
            [(row[0], i, c.code, c.online, c.qr_url) for i, c in enumerate(channels)],
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
        add_outbox(self.sql, "payments", payload, at)
        return self._record(row, tuple(channels))

    def get(self, guidance_id: int) -> GuidanceRecord | None:
        return self._one("id = ?", guidance_id)

    def by_uuid(self, uuid: str) -> GuidanceRecord | None:
        return self._one("uuid = ?", uuid)

    def _one(self, condition: str, value: object) -> GuidanceRecord | None:
        row = self.sql.execute(
            f"SELECT {_COLUMNS} FROM payment_guidance WHERE {condition}", [value]
        ).fetchone()
        if row is None:
            return None
        guidance_id = row[0]
        channels = self.sql.execute(
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
        days = [start, end]
        row = self.sql.execute(
            """SELECT COUNT(*), COUNT(DISTINCT account_number),
                      COUNT(DISTINCT CASE WHEN online_channels > 0 THEN account_number END),
                      COUNT(*) FILTER (WHERE withholding_guidance <> 0)
               FROM payment_guidance WHERE business_day BETWEEN ? AND ?""",
            days,
        ).fetchone()
        channels = self.sql.execute(
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


# -- the register of account lists, and the live one ---------------------------------------------


_LIST_COLUMNS = (
    "id, uuid, file, live, source, data_as_of, accounts, inserted, updated, kept, rejected, rejects_file, "
    "clerk, imported_at"
)


def _list(row: Sequence[Any]) -> AccountListRecord:
    imported = parse_time(row[13])
    assert imported is not None  # NOT NULL column
    return AccountListRecord(
        id=row[0],
        uuid=row[1],
        file=row[2],
        live=bool(row[3]),
        source=row[4],
        data_as_of=parse_optional_day(row[5]),
        accounts=row[6],
        inserted=row[7],
        updated=row[8],
        kept=row[9],
        rejected=row[10],
        rejects_file=row[11],
        clerk=row[12],
        imported_at=imported,
    )


class AccountListsRepository:
    def __init__(self, sql: Sql) -> None:
        self.sql = sql

    def live(self) -> AccountListRecord | None:
        row = self.sql.execute(f"SELECT {_LIST_COLUMNS} FROM account_lists WHERE live = 1").fetchone()
        return _list(row) if row else None

    def history(self, limit: int = 20) -> list[AccountListRecord]:
        rows = self.sql.execute(
            f"SELECT {_LIST_COLUMNS} FROM account_lists ORDER BY id DESC LIMIT ?", [limit]
        ).fetchall()
        return [_list(r) for r in rows]

    def superseded_files(self) -> set[str]:
        return {r[0] for r in self.sql.execute("SELECT file FROM account_lists WHERE live = 0").fetchall()}

    def make_live(self, record: AccountListRecord) -> AccountListRecord:
        """Retire the live list and make ``record`` live (inside the caller's write transaction)."""
        self.sql.execute("UPDATE account_lists SET live = 0 WHERE live = 1")
        row = self.sql.execute(
            f"""INSERT INTO account_lists (uuid, file, live, source, data_as_of, accounts, inserted, updated,
                   kept, rejected, rejects_file, clerk, imported_at)
                VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING {_LIST_COLUMNS}""",
            [
                record.uuid,
                record.file,
                record.source,
                record.data_as_of,
                record.accounts,
                record.inserted,
                record.updated,
                record.kept,
                record.rejected,
                record.rejects_file,
                record.clerk,
                record.imported_at,
            ],
        ).fetchone()
        return _list(row)

    def add_outbox(self, topic: str, payload: dict[str, Any], at: datetime) -> None:
        add_outbox(self.sql, topic, payload, at)
