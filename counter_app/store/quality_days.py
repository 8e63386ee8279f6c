"""Stored day summaries (``quality_days`` and their cells): a closed day summarised once, so a month or
a year reads what its cells hold. A mixin of :class:`~counter_app.store.quality.QualityRepository`;
shared SQL only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from counter_app.domain.quality.facts import Rating
from counter_app.domain.quality.records import DayRecord
from counter_app.domain.quality.summary import QualitySummary
from counter_app.store.quality_visits import as_day, json_text
from counter_app.store.rows import from_json, to_json
from counter_app.store.sql import Sql, one, rows


class DayRows:
    """The stored summaries of the quality repository."""

    sql: Sql

    def summarised_days(self, first: date, last: date) -> set[date]:
        return {
            as_day(r[0])
            for r in rows(
                self.sql,
                "SELECT business_day FROM quality_days WHERE business_day BETWEEN ? AND ?",
                [first, last],
            )
        }

    def save_day(
        self,
        day: date,
        summary: QualitySummary,
        counter_minutes: Mapping[int, float],
        targets: Mapping[str, Any],
        at: datetime,
    ) -> None:
        """Store one closed day's summary (replacing any older one of that day)."""
        self.forget_days([day])
        figures = summary.figures()
        satisfied = figures.ratings.get(Rating.VERY_SATISFIED, 0) + figures.ratings.get(Rating.SATISFIED, 0)
        self.sql.execute(
            """INSERT INTO quality_days (business_day, made_at, targets, counter_minutes, arrivals, served,
                   waits, wait_total_us, rated, satisfied)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                day,
                at,
                to_json(targets),
                to_json({str(h): round(m, 3) for h, m in sorted(counter_minutes.items())}),
                figures.arrivals,
                figures.served,
                figures.wait.count,
                figures.wait.total_us,
                figures.rated,
                satisfied,
            ],
        )
        self.sql.executemany(
            """INSERT INTO quality_day_cells (business_day, hour, service_code, counter, clerk, arrivals,
                   figures)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            [
                (day, row["hour"], row["service"], row["counter"], row["clerk"], arrivals, row["figures"])
                for row, arrivals in zip(
                    summary.to_rows(), (c.arrivals for _, c in sorted(summary.cells.items())), strict=True
                )
            ],
        )

    def day_fingerprint(self, day: date) -> tuple[int, ...]:
        """Changes whenever a fact of ``day`` changes (an event of its tickets, a rating, a hand-over,
        a guidance): a summary made from an older read of the day is not stored."""
        row = one(
            self.sql,
            """SELECT (SELECT COALESCE(MAX(e.id), 0) FROM tickets t JOIN queue_events e ON e.ticket_id = t.id
                       WHERE t.business_day = ?),
                      (SELECT COUNT(*) FROM ratings WHERE business_day = ?),
                      (SELECT COUNT(*) FROM visit_handovers WHERE business_day = ?),
                      (SELECT COUNT(*) FROM payment_guidance WHERE business_day = ?)""",
            [day, day, day, day],
        )
        assert row is not None
        return tuple(int(v) for v in row)

    def forget_days(self, days: Iterable[date]) -> None:
        """Drop stored summaries (a fact of those days changed; they are made again when needed)."""
        for day in days:
            self.sql.execute("DELETE FROM quality_days WHERE business_day = ?", [day])

    def stored_summary(self, first: date, last: date) -> QualitySummary:
        found = rows(
            self.sql,
            """SELECT business_day, hour, service_code, counter, clerk, figures FROM quality_day_cells
               WHERE business_day BETWEEN ? AND ?""",
            [first, last],
        )
        return QualitySummary.from_rows(
            {
                "day": as_day(r[0]).isoformat(),
                "hour": r[1],
                "service": r[2],
                "counter": r[3],
                "clerk": r[4],
                "figures": json_text(r[5]),
            }
            for r in found
        )

    def stored_counter_minutes(self, first: date, last: date) -> dict[date, dict[int, float]]:
        found = rows(
            self.sql,
            "SELECT business_day, counter_minutes FROM quality_days WHERE business_day BETWEEN ? AND ?",
            [first, last],
        )
        return {as_day(r[0]): {int(h): float(m) for h, m in from_json(r[1]).items()} for r in found}

    def day_records(self, first: date, last: date) -> list[DayRecord]:
        found = rows(
            self.sql,
            """SELECT business_day, arrivals, served, waits, wait_total_us, rated, satisfied
               FROM quality_days WHERE business_day BETWEEN ? AND ? ORDER BY business_day""",
            [first, last],
        )
        return [DayRecord(as_day(r[0]), *(int(v) for v in r[1:])) for r in found]

    def arrivals_history(self, first: date, last: date) -> dict[tuple[date, int, str], int]:
        """Numbers taken per (business day, hour, service) from the stored summaries."""
        found = rows(
            self.sql,
            """SELECT business_day, hour, service_code, SUM(arrivals) FROM quality_day_cells
               WHERE business_day BETWEEN ? AND ? AND arrivals > 0
               GROUP BY business_day, hour, service_code""",
            [first, last],
        )
        return {(as_day(r[0]), int(r[1]), str(r[2])): int(r[3]) for r in found}
