"""Rows of service quality: ratings, hand-overs, visit notes, stored day summaries, and the reads that
turn the queue's tickets and events into visits (:mod:`counter_app.domain.quality.assembly`).

Written once for both engines against :class:`~counter_app.store.sql.Sql`: ``?`` placeholders,
``ON CONFLICT``, ``RETURNING``, ``COUNT(*) FILTER (WHERE …)``, values bound through
:func:`~counter_app.store.sql.bind` (times as ISO text with the hall's offset, days as
``YYYY-MM-DD``); times read back may be text (SQLite) or ``datetime`` (PostgreSQL). Every write runs
inside the caller's unit of work (``sql.write()``), with its outbox row.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from counter_app.domain.quality.assembly import EventRow, TicketRow, assemble_visit
from counter_app.domain.quality.facts import Rating, Visit
from counter_app.domain.quality.records import (
    CounterNow,
    DayRecord,
    FinishedTicket,
    Handover,
    RatingPrompt,
    RatingRecord,
    RatingSource,
    VisitNote,
    VisitOutcome,
    WaitingLine,
)
from counter_app.domain.quality.summary import QualitySummary
from counter_app.store.rows import new_uuid, to_json
from counter_app.store.sql import Sql, bind, one, placeholders, rows, scalar

#: The queue events that shape a visit (see :mod:`~counter_app.domain.quality.assembly`).
VISIT_KINDS = ("called", "serving", "finished", "no_show", "transferred", "cancelled", "expired")
COUNTER_KINDS = ("counter_open", "counter_paused", "counter_closed")


def as_time(value: Any) -> datetime:
    """A stored time: ISO text (SQLite) or a ``datetime`` (PostgreSQL)."""
    return _parse_time(value) if type(value) is str else value


_parse_time = datetime.fromisoformat


def as_day(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else date.fromisoformat(value)


_TICKET = "id, number, business_day, state, service_code, counter, clerk, finished_at"
_HANDOVER = (
    "h.id, h.ticket_id, t.number, h.business_day, h.owner, h.from_counter, h.from_clerk, h.from_service, "
    "h.to_service, h.to_counter, h.to_clerk, h.reason, h.at, t.state, t.counter"
)
_RATING = (
    "r.ticket_id, t.number, r.business_day, r.level, r.reasons, r.service_code, r.counter, r.clerk, "
    "r.source, r.at"
)
_NOTE = "n.ticket_id, t.number, n.service_code, n.counter, n.clerk, n.outcome, n.note, n.at"


def _finished(row: Sequence[Any]) -> FinishedTicket:
    return FinishedTicket(
        id=row[0],
        number=row[1],
        business_day=as_day(row[2]),
        state=row[3],
        service_code=row[4],
        counter=row[5],
        clerk=row[6],
        finished_at=as_time(row[7]) if row[7] is not None else None,
    )


def _handover(row: Sequence[Any]) -> Handover:
    return Handover(
        id=row[0],
        ticket_id=row[1],
        number=row[2],
        business_day=as_day(row[3]),
        owner=row[4],
        from_counter=row[5],
        from_clerk=row[6],
        from_service=row[7],
        to_service=row[8],
        to_counter=row[9],
        to_clerk=row[10],
        reason=row[11],
        at=as_time(row[12]),
        ticket_state=row[13],
        ticket_counter=row[14],
    )


def _rating(row: Sequence[Any]) -> RatingRecord:
    return RatingRecord(
        ticket_id=row[0],
        number=row[1],
        business_day=as_day(row[2]),
        level=Rating(row[3]),
        reasons=tuple(json.loads(row[4])),
        service_code=row[5],
        counter=row[6],
        clerk=row[7],
        source=RatingSource(row[8]),
        at=as_time(row[9]),
    )


def _note(row: Sequence[Any]) -> VisitNote:
    return VisitNote(
        ticket_id=row[0],
        number=row[1],
        service_code=row[2],
        counter=row[3],
        clerk=row[4],
        outcome=VisitOutcome(row[5]) if row[5] else None,
        note=row[6],
        at=as_time(row[7]),
    )


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
        by_ticket[r[0]].append(EventRow(r[1], r[2], as_time(r[3]), r[4], r[5], r[6]))
    rated = {r[0]: (Rating(r[1]), () if r[2] == _NO_REASONS else tuple(json.loads(r[2]))) for r in ratings}
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


class QualityRepository:
    def __init__(self, sql: Sql) -> None:
        self.sql = sql

    def _outbox(self, payload: dict[str, Any], at: datetime) -> None:
        """The record for the central systems, in the same unit of work (times as stored: ISO)."""
        data = {k: bind(v) if isinstance(v, date) else v for k, v in payload.items()}
        self.sql.execute(
            "INSERT INTO outbox (uuid, topic, payload, created_at) VALUES (?, ?, ?, ?)",
            [new_uuid(), "quality", to_json(data), at],
        )

    # tickets as ratings and notes see them --------------------------------------------------------
    def ticket(self, ticket_id: int) -> FinishedTicket | None:
        row = one(self.sql, f"SELECT {_TICKET} FROM tickets WHERE id = ?", [ticket_id])
        return _finished(row) if row else None

    def ticket_by_number(self, day: date, number: str) -> FinishedTicket | None:
        row = one(
            self.sql, f"SELECT {_TICKET} FROM tickets WHERE business_day = ? AND number = ?", [day, number]
        )
        return _finished(row) if row else None

    def active_ticket(self, counter: int) -> FinishedTicket | None:
        row = one(
            self.sql,
            f"SELECT {_TICKET} FROM tickets WHERE counter = ? AND state IN ('called', 'serving')",
            [counter],
        )
        return _finished(row) if row else None

    def owner_of(self, ticket_id: int) -> str | None:
        """The clerk of the ticket's first call: the visit's owner (首问负责人)."""
        row = one(
            self.sql,
            "SELECT clerk FROM queue_events WHERE ticket_id = ? AND kind = 'called' ORDER BY id LIMIT 1",
            [ticket_id],
        )
        return str(row[0]) if row else None

    def counter_clerk(self, counter: int) -> str:
        return str(scalar(self.sql, "SELECT clerk FROM counters WHERE number = ?", [counter]) or "")

    def staff_member(self, clerk: str) -> tuple[str, str] | None:
        """(staff code, name) of an active member whose code or else name is ``clerk``."""
        row = one(
            self.sql,
            """SELECT code, name FROM staff WHERE active = 1 AND (code = ? OR name = ?)
               ORDER BY CASE WHEN code = ? THEN 0 ELSE 1 END, code LIMIT 1""",
            [clerk, clerk, clerk],
        )
        return (str(row[0]), str(row[1])) if row else None

    def staff_names(self) -> dict[str, str]:
        """Staff code → name, for reports ("name (code)")."""
        return {str(r[0]): str(r[1]) for r in rows(self.sql, "SELECT code, name FROM staff")}

    # ratings --------------------------------------------------------------------------------------
    def add_rating(
        self,
        ticket: FinishedTicket,
        level: Rating,
        reasons: Sequence[str],
        source: RatingSource,
        at: datetime,
    ) -> bool:
        """The ticket's rating; ``False`` (nothing written) when it already has one."""
        assert ticket.counter is not None
        uuid = new_uuid()
        written = one(
            self.sql,
            """INSERT INTO ratings (uuid, ticket_id, business_day, level, reasons, service_code, counter,
                   clerk, source, at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (ticket_id) DO NOTHING RETURNING id""",
            [
                uuid,
                ticket.id,
                ticket.business_day,
                level.value,
                to_json(list(reasons)),
                ticket.service_code,
                ticket.counter,
                ticket.clerk,
                source.value,
                at,
            ],
        )
        if written is None:
            return False
        self._outbox(
            {
                "event": "rating",
                "uuid": uuid,
                "at": at,
                "ticket": ticket.number,
                "business_day": ticket.business_day,
                "service": ticket.service_code,
                "counter": ticket.counter,
                "clerk": ticket.clerk,
                "level": level.value,
                "reasons": list(reasons),
                "source": source.value,
            },
            at,
        )
        return True

    def rating(self, ticket_id: int) -> RatingRecord | None:
        row = one(
            self.sql,
            f"SELECT {_RATING} FROM ratings r JOIN tickets t ON t.id = r.ticket_id WHERE r.ticket_id = ?",
            [ticket_id],
        )
        return _rating(row) if row else None

    def rating_prompt(self, counter: int, since: datetime) -> RatingPrompt | None:
        """The customer last finished at ``counter`` at or after ``since`` and not yet rated."""
        row = one(
            self.sql,
            """SELECT t.id, t.number, t.service_code, t.counter, t.clerk, t.finished_at FROM tickets t
               WHERE t.counter = ? AND t.state = 'done' AND t.finished_at >= ?
                 AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.ticket_id = t.id)
               ORDER BY t.finished_at DESC, t.id DESC LIMIT 1""",
            [counter, since],
        )
        if row is None:
            return None
        return RatingPrompt(row[0], row[1], row[2], row[3], row[4], as_time(row[5]))

    # hand-overs -----------------------------------------------------------------------------------
    def last_event_id(self, ticket_id: int, kind: str) -> int | None:
        value = scalar(
            self.sql, "SELECT MAX(id) FROM queue_events WHERE ticket_id = ? AND kind = ?", [ticket_id, kind]
        )
        return int(value) if value is not None else None

    def add_handover(
        self,
        *,
        ticket: FinishedTicket,
        event_id: int,
        owner: str,
        from_counter: int,
        from_clerk: str,
        from_service: str,
        to_service: str,
        to_counter: int | None,
        to_clerk: str,
        reason: str,
        at: datetime,
    ) -> None:
        uuid = new_uuid()
        self.sql.execute(
            """INSERT INTO visit_handovers (uuid, ticket_id, event_id, business_day, owner, from_counter,
                   from_clerk, from_service, to_service, to_counter, to_clerk, reason, at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                uuid,
                ticket.id,
                event_id,
                ticket.business_day,
                owner,
                from_counter,
                from_clerk,
                from_service,
                to_service,
                to_counter,
                to_clerk,
                reason,
                at,
            ],
        )
        self._outbox(
            {
                "event": "handover",
                "uuid": uuid,
                "at": at,
                "ticket": ticket.number,
                "business_day": ticket.business_day,
                "owner": owner,
                "from_counter": from_counter,
                "from_clerk": from_clerk,
                "from_service": from_service,
                "to_service": to_service,
                "to_counter": to_counter,
                "to_clerk": to_clerk,
                "reason": reason,
            },
            at,
        )

    def handovers_of_ticket(self, ticket_id: int) -> list[Handover]:
        found = rows(
            self.sql,
            f"""SELECT {_HANDOVER} FROM visit_handovers h JOIN tickets t ON t.id = h.ticket_id
                WHERE h.ticket_id = ? ORDER BY h.id""",
            [ticket_id],
        )
        return [_handover(r) for r in found]

    def handovers_of_day(
        self, day: date, *, owner: str | None = None, to_counter: int | None = None
    ) -> list[Handover]:
        """The day's hand-overs, of one owner's visits or to one counter (each visit's latest)."""
        where: list[str] = ["h.business_day = ?"]
        params: list[Any] = [day]
        if owner is not None:
            where.append("h.owner = ?")
            params.append(owner)
        if to_counter is not None:
            where.append("h.to_counter = ?")
            params.append(to_counter)
        found = rows(
            self.sql,
            f"""SELECT {_HANDOVER} FROM visit_handovers h JOIN tickets t ON t.id = h.ticket_id
                WHERE {" AND ".join(where)}
                  AND h.id = (SELECT MAX(x.id) FROM visit_handovers x WHERE x.ticket_id = h.ticket_id)
                ORDER BY h.id""",
            params,
        )
        return [_handover(r) for r in found]

    # notes ----------------------------------------------------------------------------------------
    def save_note(
        self,
        ticket: FinishedTicket,
        counter: int,
        clerk: str,
        outcome: VisitOutcome | None,
        note: str,
        at: datetime,
    ) -> None:
        """The visit's note and outcome (a later save replaces them: the clerk corrects a draft)."""
        uuid = new_uuid()
        self.sql.execute(
            """INSERT INTO visit_notes (uuid, ticket_id, business_day, service_code, counter, clerk,
                   outcome, note, at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (ticket_id) DO UPDATE SET counter = excluded.counter, clerk = excluded.clerk,
                   service_code = excluded.service_code, outcome = excluded.outcome,
                   note = excluded.note, at = excluded.at""",
            [
                uuid,
                ticket.id,
                ticket.business_day,
                ticket.service_code,
                counter,
                clerk,
                outcome.value if outcome else None,
                note,
                at,
            ],
        )
        self._outbox(
            {
                "event": "visit_note",
                "uuid": uuid,
                "at": at,
                "ticket": ticket.number,
                "business_day": ticket.business_day,
                "service": ticket.service_code,
                "counter": counter,
                "clerk": clerk,
                "outcome": outcome.value if outcome else None,
                "note": note,
            },
            at,
        )

    def note(self, ticket_id: int) -> VisitNote | None:
        row = one(
            self.sql,
            f"SELECT {_NOTE} FROM visit_notes n JOIN tickets t ON t.id = n.ticket_id WHERE n.ticket_id = ?",
            [ticket_id],
        )
        return _note(row) if row else None

    def outcomes(self, first: date, last: date) -> dict[str, int]:
        """Visits with each outcome between two business days (``""``: a note without one)."""
        found = rows(
            self.sql,
            """SELECT COALESCE(outcome, ''), COUNT(*) FROM visit_notes
               WHERE business_day BETWEEN ? AND ? GROUP BY COALESCE(outcome, '')""",
            [first, last],
        )
        return {str(r[0]): int(r[1]) for r in found}

    # the queue now --------------------------------------------------------------------------------
    def waiting_lines(self, day: date) -> list[WaitingLine]:
        found = rows(
            self.sql,
            """SELECT service_code, COUNT(*), COUNT(*) FILTER (WHERE green = 1), MIN(issued_at)
               FROM tickets WHERE business_day = ? AND state = 'waiting' GROUP BY service_code""",
            [day],
        )
        return [
            WaitingLine(r[0], int(r[1]), int(r[2]), as_time(r[3]) if r[3] is not None else None)
            for r in found
        ]

    def counters_now(self) -> list[CounterNow]:
        found = rows(
            self.sql,
            """SELECT c.number, c.state, c.clerk, t.number, t.service_code, t.state, t.called_at, t.serving_at
               FROM counters c
               LEFT JOIN tickets t ON t.counter = c.number AND t.state IN ('called', 'serving')
               WHERE c.configured = 1 ORDER BY c.number""",
        )
        return [
            CounterNow(
                number=int(r[0]),
                state=str(r[1]),
                clerk=str(r[2]),
                current_number=r[3],
                current_service=r[4],
                current_state=r[5],
                called_at=as_time(r[6]) if r[6] is not None else None,
                serving_at=as_time(r[7]) if r[7] is not None else None,
            )
            for r in found
        ]

    # visits ---------------------------------------------------------------------------------------
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
                       CASE WHEN e.kind = 'transferred' THEN e.detail ELSE '' END
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
                           CASE WHEN kind = 'transferred' THEN detail ELSE '' END
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

    # counters open ------------------------------------------------------------------------------
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

    # stored day summaries -----------------------------------------------------------------------
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
                "figures": r[5],
            }
            for r in found
        )

    def stored_counter_minutes(self, first: date, last: date) -> dict[date, dict[int, float]]:
        found = rows(
            self.sql,
            "SELECT business_day, counter_minutes FROM quality_days WHERE business_day BETWEEN ? AND ?",
            [first, last],
        )
        return {as_day(r[0]): {int(h): float(m) for h, m in json.loads(r[1]).items()} for r in found}

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

    def business_days_of(self, ticket_ids: Iterable[int]) -> set[date]:
        ids = list(ticket_ids)
        if not ids:
            return set()
        found = rows(
            self.sql, f"SELECT DISTINCT business_day FROM tickets WHERE id IN ({placeholders(len(ids))})", ids
        )
        return {as_day(r[0]) for r in found}
