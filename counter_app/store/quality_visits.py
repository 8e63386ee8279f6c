"""Reading visits on either engine: a day's tickets and their queue events, ratings, hand-overs and
payment guidance folded into :class:`~counter_app.domain.quality.facts.Visit` values
(:mod:`counter_app.domain.quality.assembly`), the tickets changed since a refresh, and the counters'
own events. A mixin of :class:`~counter_app.store.quality.QualityRepository`; shared SQL only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from counter_app.domain.quality.assembly import EventRow, TicketRow, assemble_visit
from counter_app.domain.quality.facts import Rating, Visit
from counter_app.store.rows import from_json, to_json
from counter_app.store.sql import Sql, one, placeholders, rows, scalar

#: The queue events that shape a visit (see :mod:`~counter_app.domain.quality.assembly`).
VISIT_KINDS = ("called", "serving", "finished", "no_show", "transferred", "cancelled", "expired")
COUNTER_KINDS = ("counter_open", "counter_paused", "counter_closed")


def as_time(value: Any) -> datetime:
    """A stored time: ISO text (SQLite) or a ``datetime`` (PostgreSQL)."""
    return _parse_time(value) if type(value) is str else value


_parse_time = datetime.fromisoformat


def json_text(value: Any) -> str:
    """A JSON column as the domain reads it, text: SQLite gives the text, PostgreSQL's ``jsonb`` the
    values (written out again); ``""`` for none."""
    if value is None:
        return ""
    return value if isinstance(value, str) else to_json(value)


def as_day(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else date.fromisoformat(value)


_CHUNK = 500  # ids per IN list
_NO_REASONS = "[]"


def _assemble(
    tickets: Sequence[Sequence[Any]],
    events: Sequence[Sequence[Any]],
    ratings: Sequence[Sequence[Any]],
    handovers: Sequence[Sequence[Any]],
    guidance: Sequence[Sequence[Any]],
) -> dict[int, Visit]:
    """Visits by ticket id from the rows read: events in (ticket, id) order."""
    by_ticket: dict[int, list[EventRow]] = defaultdict(list)
    for r in events:
        by_ticket[r[0]].append(EventRow(r[1], r[2], as_time(r[3]), r[4], r[5], json_text(r[6])))
    rated = {r[0]: (Rating(r[1]), () if r[2] == _NO_REASONS else tuple(from_json(r[2]))) for r in ratings}
    handed = {int(r[0]) for r in handovers}
    guided: dict[int, list[tuple[int | None, datetime]]] = defaultdict(list)
    for r in guidance:
        guided[r[0]].append((r[1], as_time(r[2])))
    no_events: list[EventRow] = []
    return {
        r[0]: assemble_visit(
            TicketRow(r[0], as_day(r[1]), r[2], bool(r[3]), as_time(r[4])),
            by_ticket.get(r[0], no_events),
            rated.get(r[0]),
            handed,
            guided.get(r[0], ()),
        )
        for r in tickets
    }


class VisitRows:
    """The visit reads of the quality repository."""

    sql: Sql

    def visits(self, first: date, last: date) -> list[Visit]:
        """Every ticket taken on business days ``first`` … ``last`` as a visit, in issue order."""
        return list(self.visits_by_ticket(first, last).values())

    def visits_by_ticket(self, first: date, last: date) -> dict[int, Visit]:
        """:meth:`visits` by ticket id (in issue order)."""
        span = [first, last]
        tickets = rows(
            self.sql,
            """SELECT id, business_day, service_code, green, issued_at FROM tickets
               WHERE business_day BETWEEN ? AND ? ORDER BY id""",
            span,
        )
        if not tickets:
            return {}
        # The days' tickets lie within [first id, last id]: their events are read along the ticket
        # index in its own order (no sort); other days' tickets in that range are left out by the join.
        events = rows(
            self.sql,
            f"""SELECT e.ticket_id, e.id, e.kind, e.at, e.counter, e.clerk,
                       CASE WHEN e.kind = 'transferred' THEN e.detail END
                FROM queue_events e JOIN tickets t ON t.id = e.ticket_id
                WHERE e.ticket_id BETWEEN ? AND ? AND t.business_day BETWEEN ? AND ?
                  AND e.kind IN ({placeholders(len(VISIT_KINDS))})
                ORDER BY e.ticket_id, e.id""",
            [tickets[0][0], tickets[-1][0], *span, *VISIT_KINDS],
        )
        ratings = rows(
            self.sql, "SELECT ticket_id, level, reasons FROM ratings WHERE business_day BETWEEN ? AND ?", span
        )
        handovers = rows(
            self.sql, "SELECT event_id FROM visit_handovers WHERE business_day BETWEEN ? AND ?", span
        )
        guidance = rows(
            self.sql,
            """SELECT ticket_id, counter, at FROM payment_guidance
               WHERE business_day BETWEEN ? AND ? AND ticket_id IS NOT NULL AND online_channels > 0""",
            span,
        )
        return _assemble(tickets, events, ratings, handovers, guidance)

    def visits_of(self, ticket_ids: Iterable[int], day: date) -> dict[int, Visit]:
        """The visits of these tickets (those taken on ``day``), by ticket id: a refresh reads only
        the tickets that changed."""
        found: dict[int, Visit] = {}
        ids = sorted(set(ticket_ids))
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            marks = placeholders(len(chunk))
            tickets = rows(
                self.sql,
                f"""SELECT id, business_day, service_code, green, issued_at FROM tickets
                    WHERE id IN ({marks}) AND business_day = ? ORDER BY id""",
                [*chunk, day],
            )
            events = rows(
                self.sql,
                f"""SELECT ticket_id, id, kind, at, counter, clerk,
                           CASE WHEN kind = 'transferred' THEN detail END
                    FROM queue_events WHERE ticket_id IN ({marks})
                      AND kind IN ({placeholders(len(VISIT_KINDS))})
                    ORDER BY ticket_id, id""",
                [*chunk, *VISIT_KINDS],
            )
            ratings = rows(
                self.sql, f"SELECT ticket_id, level, reasons FROM ratings WHERE ticket_id IN ({marks})", chunk
            )
            handovers = rows(
                self.sql, f"SELECT event_id FROM visit_handovers WHERE ticket_id IN ({marks})", chunk
            )
            guidance = rows(
                self.sql,
                f"""SELECT ticket_id, counter, at FROM payment_guidance
                    WHERE ticket_id IN ({marks}) AND online_channels > 0""",
                chunk,
            )
            found.update(_assemble(tickets, events, ratings, handovers, guidance))
        return found

    def watermarks(self) -> tuple[int, int, int]:
        """The last queue event, rating and payment guidance written: what changed since is newer."""
        row = one(
            self.sql,
            """SELECT (SELECT COALESCE(MAX(id), 0) FROM queue_events),
                      (SELECT COALESCE(MAX(id), 0) FROM ratings),
                      (SELECT COALESCE(MAX(id), 0) FROM payment_guidance)""",
        )
        assert row is not None
        return int(row[0]), int(row[1]), int(row[2])

    def day_counts(self, day: date) -> tuple[int, int, int]:
        """How many queue events, ratings and guidance rows ``day``'s tickets have (rows are only
        ever added: the same counts mean nothing of the day changed)."""
        row = one(
            self.sql,
            """SELECT (SELECT COUNT(*) FROM tickets t JOIN queue_events e ON e.ticket_id = t.id
                       WHERE t.business_day = ?),
                      (SELECT COUNT(*) FROM ratings WHERE business_day = ?),
                      (SELECT COUNT(*) FROM payment_guidance
                       WHERE business_day = ? AND ticket_id IS NOT NULL)""",
            [day, day, day],
        )
        assert row is not None
        return int(row[0]), int(row[1]), int(row[2])

    def changed_since(self, since: tuple[int, int, int], day: date) -> tuple[set[int], tuple[int, int, int]]:
        """``day``'s tickets with a queue event, rating or guidance above ``since``
        (:meth:`watermarks`), and how many such rows of each kind there are: compared with
        :meth:`day_counts`, a row written with a lower id but committed later (possible on a server
        with concurrent writers) is noticed."""
        found = rows(
            self.sql,
            """SELECT e.ticket_id, 0 FROM queue_events e JOIN tickets t ON t.id = e.ticket_id
                   WHERE e.id > ? AND t.business_day = ?
               UNION ALL SELECT ticket_id, 1 FROM ratings WHERE id > ? AND business_day = ?
               UNION ALL SELECT ticket_id, 2 FROM payment_guidance
                   WHERE id > ? AND business_day = ? AND ticket_id IS NOT NULL""",
            [since[0], day, since[1], day, since[2], day],
        )
        counts = [0, 0, 0]
        for _, kind in found:
            counts[int(kind)] += 1
        return {int(r[0]) for r in found}, (counts[0], counts[1], counts[2])

    def ticket_days(self, first: date, last: date) -> list[date]:
        """Business days between two days on which numbers were taken."""
        found = rows(
            self.sql,
            "SELECT DISTINCT business_day FROM tickets WHERE business_day BETWEEN ? AND ?",
            [first, last],
        )
        return sorted(as_day(r[0]) for r in found)

    def latest_ticket_day(self) -> date | None:
        value = scalar(self.sql, "SELECT MAX(business_day) FROM tickets")
        return as_day(value) if value is not None else None

    def first_ticket_day(self) -> date | None:
        value = scalar(self.sql, "SELECT MIN(business_day) FROM tickets")
        return as_day(value) if value is not None else None

    def counter_numbers(self) -> list[int]:
        return [int(r[0]) for r in rows(self.sql, "SELECT number FROM counters ORDER BY number")]

    def counter_states(
        self, start: datetime, end: datetime
    ) -> tuple[dict[int, str], list[tuple[int, str, datetime]]]:
        """Each counter's last state event before ``start`` and the state events from ``start`` to
        ``end``, in order: what the counters open in each hour are computed from."""
        kinds = placeholders(len(COUNTER_KINDS))
        before: dict[int, str] = {}
        for number in self.counter_numbers():
            row = one(
                self.sql,
                f"""SELECT kind FROM queue_events
                    WHERE ticket_id IS NULL AND counter = ? AND at < ? AND kind IN ({kinds})
                    ORDER BY at DESC, id DESC LIMIT 1""",
                [number, start, *COUNTER_KINDS],
            )
            if row is not None:
                before[number] = str(row[0])
        during = [
            (int(r[0]), str(r[1]), as_time(r[2]))
            for r in rows(
                self.sql,
                f"""SELECT counter, kind, at FROM queue_events
                    WHERE ticket_id IS NULL AND counter IS NOT NULL AND at >= ? AND at < ?
                      AND kind IN ({kinds})
                    ORDER BY at, id""",
                [start, end, *COUNTER_KINDS],
            )
        ]
        return before, during

    def business_days_of(self, ticket_ids: Iterable[int]) -> set[date]:
        ids = list(ticket_ids)
        if not ids:
            return set()
        found = rows(
            self.sql, f"SELECT DISTINCT business_day FROM tickets WHERE id IN ({placeholders(len(ids))})", ids
        )
        return {as_day(r[0]) for r in found}
