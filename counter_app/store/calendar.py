"""The official holiday schedules the hall entered (``counter-app workdays load``), one row per year,
and the append-only record of every load (migration 0005).

A year loaded again replaces its row; the record keeps what each load brought, so "who changed the
2027 calendar, and when" has an answer.
"""

from __future__ import annotations

from datetime import date, datetime

from counter_app.domain.holiday_schedule import schedule_digest
from counter_app.domain.workdays import HolidaySchedule
from counter_app.store.rows import from_json, new_uuid, parse_time, to_json
from counter_app.store.sql import Sql


class CalendarRepository:
    def __init__(self, sql: Sql) -> None:
        self.sql = sql

    def schedules(self) -> tuple[HolidaySchedule, ...]:
        rows = self.sql.execute(
            "SELECT year, source, holidays, workdays FROM work_calendar_schedules ORDER BY year"
        ).fetchall()
        return tuple(
            HolidaySchedule(
                int(year),
                frozenset(date.fromisoformat(d) for d in from_json(holidays)),
                frozenset(date.fromisoformat(d) for d in from_json(workdays)),
                str(source),
            )
            for year, source, holidays, workdays in rows
        )

    def digest(self) -> str:
        """Changes whenever a schedule is loaded: one small read, asked on every worklist refresh."""
        rows = self.sql.execute("SELECT year, sha256 FROM work_calendar_schedules ORDER BY year").fetchall()
        return ",".join(f"{year}:{sha256}" for year, sha256 in rows)

    def loaded(self, year: int) -> tuple[str, datetime, str] | None:
        """``(sha256, loaded_at, loaded_from)`` of the year's schedule, if one was loaded."""
        row = self.sql.execute(
            "SELECT sha256, loaded_at, loaded_from FROM work_calendar_schedules WHERE year = ?", [year]
        ).fetchone()
        loaded_at = parse_time(row[1]) if row else None
        return (str(row[0]), loaded_at, str(row[2])) if row and loaded_at else None

    def save(self, schedule: HolidaySchedule, loaded_from: str, at: datetime) -> str | None:
        """Store (or replace) the year's schedule and record the load; returns the digest it replaced."""
        digest = schedule_digest(schedule)
        before = self.loaded(schedule.year)
        holidays = to_json(sorted(d.isoformat() for d in schedule.holidays))
        workdays = to_json(sorted(d.isoformat() for d in schedule.workdays))
        self.sql.execute(
            """INSERT INTO work_calendar_schedules
                   (year, source, holidays, workdays, sha256, loaded_at, loaded_from)
               VALUES (?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (year) DO UPDATE SET source = excluded.source, holidays = excluded.holidays,
                   workdays = excluded.workdays, sha256 = excluded.sha256, loaded_at = excluded.loaded_at,
                   loaded_from = excluded.loaded_from""",
            [schedule.year, schedule.source, holidays, workdays, digest, at, loaded_from],
        )
        detail = {
            "source": schedule.source,
            "sha256": digest,
            "replaced": before[0] if before else None,
            "holidays": len(schedule.holidays),
            "workdays": len(schedule.workdays),
            "loaded_from": loaded_from,
        }
        self.sql.execute(
            "INSERT INTO work_calendar_events (uuid, year, kind, at, detail) VALUES (?, ?, 'loaded', ?, ?)",
            [new_uuid(), schedule.year, at, to_json(detail)],
        )
        return before[0] if before else None
