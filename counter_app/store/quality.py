"""Rows of service quality: ratings, hand-overs, visit notes and the queue as the dashboard sees it
now; with the visit reads (:mod:`.quality_visits`) and the stored day summaries
(:mod:`.quality_days`) one repository, :class:`QualityRepository`.

Written once for both engines against :class:`~counter_app.store.sql.Sql`: ``?`` placeholders,
``ON CONFLICT``, ``RETURNING``, ``COUNT(*) FILTER (WHERE …)``, values bound through
:func:`~counter_app.store.sql.bind` (times as ISO text with the hall's offset, days as
``YYYY-MM-DD``); times read back may be text (SQLite) or ``datetime`` (PostgreSQL). Every write runs
inside the caller's unit of work (``sql.write()``), with its outbox row.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from counter_app.domain.quality.facts import Rating
from counter_app.domain.quality.records import (
    CounterNow,
    FinishedTicket,
    Handover,
    RatingPrompt,
    RatingRecord,
    RatingSource,
    VisitNote,
    VisitOutcome,
    WaitingLine,
)
from counter_app.store.outbox import add_outbox
from counter_app.store.quality_days import DayRows
from counter_app.store.quality_visits import VisitRows, as_day, as_time
from counter_app.store.rows import from_json, new_uuid, to_json
from counter_app.store.sql import Sql, bind, one, rows, scalar

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
        reasons=tuple(from_json(row[4])),
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


class QualityRepository(VisitRows, DayRows):
    def __init__(self, sql: Sql) -> None:
        self.sql = sql

    def _outbox(self, payload: dict[str, Any], at: datetime) -> None:
        """The record for the central systems, in the same unit of work (times as stored: ISO); its
        topic, ``quality``, is the area the other PCs' change feeds are told about."""
        add_outbox(
            self.sql, "quality", {k: bind(v) if isinstance(v, date) else v for k, v in payload.items()}, at
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
