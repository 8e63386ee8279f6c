"""The official holiday schedules the hall entered (``counter-app workdays load``), one row per year,
and the append-only record of every load (migration 0005).

A year loaded again replaces its row; the record keeps what each load brought, so "who changed the
2027 calendar, and when" has an answer.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime

import sqlite_utils

from counter_app.domain.workdays import HolidaySchedule
from counter_app.store.rows import iso, new_uuid, to_json

STATEMENTS = (
    """CREATE TABLE work_calendar_schedules (
        year INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        source TEXT NOT NULL CHECK (length(trim(source)) > 0),
        holidays TEXT NOT NULL CHECK (json_valid(holidays)),
        workdays TEXT NOT NULL CHECK (json_valid(workdays)),
        sha256 TEXT NOT NULL,
        loaded_at TEXT NOT NULL,
        loaded_from TEXT NOT NULL
    ) STRICT""",
    """CREATE TABLE work_calendar_events (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        year INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('loaded')),
        at TEXT NOT NULL,
        detail TEXT NOT NULL CHECK (json_valid(detail))
    ) STRICT""",
    """CREATE TRIGGER work_calendar_events_no_update BEFORE UPDATE ON work_calendar_events
        BEGIN SELECT RAISE(ABORT, 'work_calendar_events is append-only'); END""",
    """CREATE TRIGGER work_calendar_events_no_delete BEFORE DELETE ON work_calendar_events
        BEGIN SELECT RAISE(ABORT, 'work_calendar_events is append-only'); END""",
)


def create_calendar_tables(db: sqlite_utils.Database) -> None:
    for statement in STATEMENTS:
        db.execute(statement)


def schedule_digest(schedule: HolidaySchedule) -> str:
    """What identifies a schedule's content (its days and source)."""
    text = "|".join(
        [
            str(schedule.year),
            schedule.source,
            ",".join(sorted(d.isoformat() for d in schedule.holidays)),
            ",".join(sorted(d.isoformat() for d in schedule.workdays)),
        ]
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class CalendarRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def schedules(self) -> tuple[HolidaySchedule, ...]:
        rows = self.db.execute(
            "SELECT year, source, holidays, workdays FROM work_calendar_schedules ORDER BY year"
        ).fetchall()
        return tuple(
            HolidaySchedule(
                int(year),
                frozenset(date.fromisoformat(d) for d in json.loads(holidays)),
                frozenset(date.fromisoformat(d) for d in json.loads(workdays)),
                str(source),
            )
            for year, source, holidays, workdays in rows
        )

    def digest(self) -> str:
        """Changes whenever a schedule is loaded: one small read, asked on every worklist refresh."""
        row = self.db.execute(
            "SELECT group_concat(year || ':' || sha256, ',') FROM "
            "(SELECT year, sha256 FROM work_calendar_schedules ORDER BY year)"
        ).fetchone()
        return str(row[0] or "")

    def loaded(self, year: int) -> tuple[str, datetime, str] | None:
        """``(sha256, loaded_at, loaded_from)`` of the year's schedule, if one was loaded."""
        row = self.db.execute(
            "SELECT sha256, loaded_at, loaded_from FROM work_calendar_schedules WHERE year = ?", [year]
        ).fetchone()
        return (str(row[0]), datetime.fromisoformat(row[1]), str(row[2])) if row else None

    def save(self, schedule: HolidaySchedule, loaded_from: str, at: datetime) -> str | None:
        """Store (or replace) the year's schedule and record the load; returns the digest it replaced."""
        digest = schedule_digest(schedule)
        before = self.loaded(schedule.year)
        holidays = to_json(sorted(d.isoformat() for d in schedule.holidays))
        workdays = to_json(sorted(d.isoformat() for d in schedule.workdays))
        self.db.execute(
            """INSERT INTO work_calendar_schedules
                   (year, source, holidays, workdays, sha256, loaded_at, loaded_from)
               VALUES (?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (year) DO UPDATE SET source = excluded.source, holidays = excluded.holidays,
                   workdays = excluded.workdays, sha256 = excluded.sha256, loaded_at = excluded.loaded_at,
                   loaded_from = excluded.loaded_from""",
            [schedule.year, schedule.source, holidays, workdays, digest, iso(at), loaded_from],
        )
        detail = {
            "source": schedule.source,
            "sha256": digest,
            "replaced": before[0] if before else None,
            "holidays": len(schedule.holidays),
            "workdays": len(schedule.workdays),
            "loaded_from": loaded_from,
        }
        self.db.execute(
            "INSERT INTO work_calendar_events (uuid, year, kind, at, detail) VALUES (?, ?, 'loaded', ?, ?)",
            [new_uuid(), schedule.year, iso(at), to_json(detail)],
        )
        return before[0] if before else None
