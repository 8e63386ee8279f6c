"""Rows of installation applications: the application, its history, its documents, who saw its
personal data, and the outbox (the staff table is ``store/staff.py``).

Only SQL lives here; whether an action is allowed is decided in ``domain.applications.workflow`` and
``services.applications``. The projection (status, stage, owner, due dates) is written with a guarded
UPDATE on ``version``, so a caller working from an old read changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from datetime import date, datetime
from typing import Any

from counter_app.domain.applications.records import (
    CLOSED_DUE_KEY,
    ApplicationData,
    ApplicationRecord,
    DocumentRecord,
    EventRecord,
    Projection,
)
from counter_app.store.outbox import add_outbox
from counter_app.store.rows import from_json, new_uuid, parse_day, parse_time, to_json
from counter_app.store.sql import Sql, placeholders

SEQUENCE_KEY = "application:{prefix}"
"""The ``number_sequences.prefix`` of application numbers, kept apart from ticket letters."""


_DATA_COLUMNS = tuple(f.name for f in fields(ApplicationData))
_PROJECTION_COLUMNS = tuple(f.name for f in fields(Projection))
_DAY_FIELDS = {"accepted_day", "period_start", "period_end", "stage_due", "whole_due", "closed_on"}
_BOOL_FIELDS = {"external_works", "commitment_signed", "due_provisional", "closed_late"}
_SELECT = (
    "a.id, a.version, a.updated_at, "
    + ", ".join(f"a.{c}" for c in _DATA_COLUMNS + _PROJECTION_COLUMNS)
    + ", t.number"
)


OPEN_PERIOD_END = "9999-12-31"
"""``period_end`` of a period without a last day (a 减容 has no time limit): the schema wants both ends
or neither, so an open end is stored as this day (like ``due_key``'s "no due date") and read as None."""


def _to_db(name: str, value: Any) -> Any:
    """A field as bound (times, days and booleans are bound by ``sql.bind``)."""
    if name == "notices":
        return to_json(list(value))
    return value


def _from_db(name: str, value: Any) -> Any:
    if value is None or (name == "period_end" and str(value) == OPEN_PERIOD_END):
        return None
    if name in _BOOL_FIELDS:
        return bool(value)
    if name in _DAY_FIELDS:
        return parse_day(value)
    if name == "accepted_at":
        return parse_time(value)
    if name == "notices":
        return tuple(from_json(value))
    return value


def _record(row: Sequence[Any]) -> ApplicationRecord:
    offset = 3
    data = {c: _from_db(c, row[offset + i]) for i, c in enumerate(_DATA_COLUMNS)}
    offset += len(_DATA_COLUMNS)
    projection = {c: _from_db(c, row[offset + i]) for i, c in enumerate(_PROJECTION_COLUMNS)}
    updated = parse_time(row[2])
    assert updated is not None  # NOT NULL column
    return ApplicationRecord(
        id=row[0],
        version=row[1],
        updated_at=updated,
        data=ApplicationData(**data),
        projection=Projection(**projection),
        ticket_number=row[-1],
    )


class ApplicationsRepository:
    def __init__(self, sql: Sql) -> None:
        self.sql = sql

    # numbering ---------------------------------------------------------------------------------
    def next_seq(self, day: date, prefix: str) -> int:
        """The next application number of the day; only inside the accepting write transaction."""
        row = self.sql.execute(
            """INSERT INTO number_sequences (business_day, prefix, last_seq) VALUES (?, ?, 1)
               ON CONFLICT (business_day, prefix) DO UPDATE SET last_seq = number_sequences.last_seq + 1
               RETURNING last_seq""",
            [day, SEQUENCE_KEY.format(prefix=prefix)],
        ).fetchone()
        return int(row[0])

    # applications ------------------------------------------------------------------------------
    def insert(self, data: ApplicationData, projection: Projection, at: datetime) -> int:
        """Insert an accepted application at version 1 (its acceptance is history row 1)."""
        columns = (*_DATA_COLUMNS, *_PROJECTION_COLUMNS)
        values = [_to_db(c, getattr(data, c)) for c in _DATA_COLUMNS]
        if data.period_start is not None and data.period_end is None:
            values[_DATA_COLUMNS.index("period_end")] = OPEN_PERIOD_END
        values += [_to_db(c, getattr(projection, c)) for c in _PROJECTION_COLUMNS]
        row = self.sql.execute(
            f"""INSERT INTO applications ({", ".join(columns)}, version, updated_at)
                VALUES ({placeholders(len(columns))}, 1, ?) RETURNING id""",
            [*values, at],
        ).fetchone()
        return int(row[0])

    def by_number(self, number: str) -> ApplicationRecord | None:
        return self._one("a.number = ?", number)

    def by_id(self, application_id: int) -> ApplicationRecord | None:
        return self._one("a.id = ?", application_id)

    def by_tracking_ref(self, ref: str) -> ApplicationRecord | None:
        return self._one("a.tracking_ref = ?", ref)

    def find(self, key: str, *, lock: bool = False) -> ApplicationRecord | None:
        """The application whose number or tracking reference (on the receipt's QR code) is ``key``.

        ``lock``: the caller is about to add a step (inside its write transaction). On a server with
        row locks (PostgreSQL, READ COMMITTED) the application's row is locked (``FOR UPDATE OF a``)
        until the commit, so a second counter working on the same application waits, then reads the
        history as the first one left it; without the lock both would read the same version and the
        second step's history row would collide. The embedded file's writers take turns anyway."""
        return self._one("(a.number = ? OR a.tracking_ref = ?)", key, key, lock=lock)

    def _one(self, condition: str, *values: object, lock: bool = False) -> ApplicationRecord | None:
        for_update = " FOR UPDATE OF a" if lock and self.sql.dialect.row_locks else ""
        row = self.sql.execute(
            f"""SELECT {_SELECT} FROM applications a LEFT JOIN tickets t ON t.id = a.ticket_id
                WHERE {condition}{for_update}""",
            values,
        ).fetchone()
        return _record(row) if row else None

    def update_projection(
        self, application_id: int, expected_version: int, projection: Projection, at: datetime
    ) -> bool:
        """Write the new state only if nobody has added history since ``expected_version`` was read."""
        assignments = ", ".join(f"{c} = ?" for c in _PROJECTION_COLUMNS)
        values = [_to_db(c, getattr(projection, c)) for c in _PROJECTION_COLUMNS]
        cursor = self.sql.execute(
            f"""UPDATE applications SET {assignments}, version = ?, updated_at = ?
                WHERE id = ? AND version = ?""",
            [*values, expected_version + 1, at, application_id, expected_version],
        )
        return cursor.rowcount == 1

    def set_due(self, application_id: int, projection: Projection) -> None:
        """Refresh due dates alone (the calendar changed); history and version stay as they are."""
        columns = ("stage_due", "whole_due", "due_key", "due_provisional", "closed_late")
        self.sql.execute(
            f"UPDATE applications SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
            [*(_to_db(c, getattr(projection, c)) for c in columns), application_id],
        )

    def open_ids(self) -> list[int]:
        rows = self.sql.execute(
            "SELECT id FROM applications WHERE due_key < ? ORDER BY id", [CLOSED_DUE_KEY]
        ).fetchall()
        return [int(r[0]) for r in rows]

    def pause_periods(self, account_number: str, business_types: Sequence[str]) -> list[tuple[date, date]]:
        """Pauses of an account recorded here (any year), except withdrawn ones."""
        if not business_types:
            return []
        marks = placeholders(len(business_types))
        rows = self.sql.execute(
            f"""SELECT period_start, period_end FROM applications
                WHERE account_number = ? AND business_type IN ({marks}) AND status != 'withdrawn'
                  AND period_start IS NOT NULL ORDER BY period_start""",
            [account_number, *business_types],
        ).fetchall()
        return [(parse_day(r[0]), parse_day(r[1])) for r in rows]

    # history -----------------------------------------------------------------------------------
    def add_event(
        self,
        application_id: int,
        kind: str,
        at: datetime,
        clerk: str,
        note: str = "",
        detail: dict[str, Any] | None = None,
    ) -> int:
        """Append one history row (numbered after the last one); its ``seq``."""
        row = self.sql.execute(
            """INSERT INTO application_events (uuid, application_id, seq, kind, at, clerk, note, detail)
               SELECT ?, ?, COUNT(*) + 1, ?, ?, ?, ?, ? FROM application_events WHERE application_id = ?
               RETURNING seq""",
            [new_uuid(), application_id, kind, at, clerk, note, to_json(detail or {}), application_id],
        ).fetchone()
        return int(row[0])

    def events(self, application_id: int) -> list[EventRecord]:
        rows = self.sql.execute(
            """SELECT seq, kind, at, clerk, note, detail FROM application_events
               WHERE application_id = ? ORDER BY seq""",
            [application_id],
        ).fetchall()
        out = []
        for r in rows:
            at = parse_time(r[2])
            assert at is not None
            out.append(EventRecord(r[0], r[1], at, r[3], r[4], from_json(r[5])))
        return out

    # documents ---------------------------------------------------------------------------------
    def insert_documents(self, application_id: int, documents: Sequence[DocumentRecord]) -> None:
        self.sql.executemany(
            """INSERT INTO application_documents (application_id, code, position, kind, names, state, due_day)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            [
                (
                    application_id,
                    d.code,
                    d.position,
                    d.kind,
                    to_json(d.names),
                    d.state,
                    d.due_day,
                )
                for d in documents
            ],
        )

    def documents(self, application_id: int) -> list[DocumentRecord]:
        rows = self.sql.execute(
            """SELECT code, position, kind, names, state, due_day, collected_at, collected_by
               FROM application_documents WHERE application_id = ? ORDER BY position""",
            [application_id],
        ).fetchall()
        return [
            DocumentRecord(
                r[0],
                r[1],
                r[2],
                from_json(r[3]),
                r[4],
                parse_day(r[5]) if r[5] else None,
                parse_time(r[6]),
                r[7],
            )
            for r in rows
        ]

    def collect_document(self, application_id: int, code: str, at: datetime, clerk: str) -> bool:
        cursor = self.sql.execute(
            """UPDATE application_documents SET state = 'collected', collected_at = ?, collected_by = ?
               WHERE application_id = ? AND code = ? AND state = 'owed'""",
            [at, clerk, application_id, code],
        )
        return cursor.rowcount == 1

    # audit and outbox --------------------------------------------------------------------------
    def add_access(
        self, application_id: int, at: datetime, clerk: str, role: str, unmasked: bool, purpose: str
    ) -> None:
        self.sql.execute(
            """INSERT INTO application_access (uuid, application_id, at, clerk, role, unmasked, purpose)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            [new_uuid(), application_id, at, clerk, role, unmasked, purpose],
        )

    def accesses(self, application_id: int) -> list[tuple[datetime, str, str, bool, str]]:
        rows = self.sql.execute(
            """SELECT at, clerk, role, unmasked, purpose FROM application_access
               WHERE application_id = ? ORDER BY id""",
            [application_id],
        ).fetchall()
        return [(parse_time(r[0]) or datetime.min, r[1], r[2], bool(r[3]), r[4]) for r in rows]

    def add_outbox(self, topic: str, payload: dict[str, Any], at: datetime) -> None:
        add_outbox(self.sql, topic, payload, at)

    def outbox(self, topic: str) -> list[dict[str, Any]]:
        rows = self.sql.execute("SELECT payload FROM outbox WHERE topic = ? ORDER BY id", [topic]).fetchall()
        return [from_json(r[0]) for r in rows]

    # settings ----------------------------------------------------------------------------------
    def calendar_key(self) -> str | None:
        row = self.sql.execute("SELECT calendar_key FROM application_settings WHERE id = 1").fetchone()
        return str(row[0]) if row else None

    def set_calendar_key(self, key: str) -> None:
        self.sql.execute(
            """INSERT INTO application_settings (id, calendar_key) VALUES (1, ?)
               ON CONFLICT (id) DO UPDATE SET calendar_key = excluded.calendar_key""",
            [key],
        )
