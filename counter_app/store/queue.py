"""Rows of the walk-in queue: tickets, counters, number sequences, events and the outbox.

Only SQL lives here; which ticket to call and whether an action is allowed are decided in
``domain.queue`` and ``services.queue``. Every write is a guarded UPDATE (``WHERE state = ?``) so a
stale caller changes nothing even if a rule check was skipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlite_utils

from counter_app.domain.queue import Candidate, Counter, CounterState, Ticket, TicketState
from counter_app.store.outbox import add_outbox
from counter_app.store.rows import iso, new_uuid, parse_day, parse_time, to_json

_TICKET_COLUMNS = (
    "id, uuid, business_day, number, service_code, green, green_reason, state, queue_order, issued_at, "
    "called_at, serving_at, finished_at, counter, clerk, recalls, transfers"
)
_QUEUE_ORDER_KEY = ("*", "queue_order")


def _ticket(row: Sequence[Any]) -> Ticket:
    issued = parse_time(row[9])
    assert issued is not None  # NOT NULL column
    return Ticket(
        id=row[0],
        uuid=row[1],
        business_day=parse_day(row[2]),
        number=row[3],
        service_code=row[4],
        green=bool(row[5]),
        green_reason=row[6],
        state=TicketState(row[7]),
        queue_order=row[8],
        issued_at=issued,
        called_at=parse_time(row[10]),
        serving_at=parse_time(row[11]),
        finished_at=parse_time(row[12]),
        counter=row[13],
        clerk=row[14],
        recalls=row[15],
        transfers=row[16],
    )


@dataclass(frozen=True)
class QueueEvent:
    id: int
    kind: str
    at: datetime
    ticket_id: int | None
    number: str
    service_code: str
    counter: int | None
    clerk: str


class QueueRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    # numbering ---------------------------------------------------------------------------------
    def next_seq(self, day: str, prefix: str) -> int:
        """The next number of a prefix on a business day; only inside a write transaction."""
        row = self.db.execute(
            """INSERT INTO number_sequences (business_day, prefix, last_seq) VALUES (?, ?, 1)
               ON CONFLICT (business_day, prefix) DO UPDATE SET last_seq = last_seq + 1
               RETURNING last_seq""",
            [day, prefix],
        ).fetchone()
        return int(row[0])

    def next_queue_order(self) -> int:
        return self.next_seq(*_QUEUE_ORDER_KEY)

    # tickets -----------------------------------------------------------------------------------
    def insert_ticket(
        self,
        *,
        day: date,
        prefix: str,
        seq: int,
        number: str,
        service_code: str,
        green: bool,
        green_reason: str,
        queue_order: int,
        at: datetime,
        source: str,
    ) -> Ticket:
        row = self.db.execute(
            f"""INSERT INTO tickets (uuid, business_day, prefix, seq, number, service_code, green,
                   green_reason, state, queue_order, issued_at, source)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'waiting', ?, ?, ?)
               RETURNING {_TICKET_COLUMNS}""",
            [
                new_uuid(),
                day.isoformat(),
                prefix,
                seq,
                number,
                service_code,
                int(green),
                green_reason,
                queue_order,
                iso(at),
                source,
            ],
        ).fetchone()
        return _ticket(row)

    def get(self, ticket_id: int) -> Ticket | None:
        row = self.db.execute(f"SELECT {_TICKET_COLUMNS} FROM tickets WHERE id = ?", [ticket_id]).fetchone()
        return _ticket(row) if row else None

    def by_number(self, day: date, number: str) -> Ticket | None:
        row = self.db.execute(
            f"SELECT {_TICKET_COLUMNS} FROM tickets WHERE business_day = ? AND number = ?",
            [day.isoformat(), number.upper()],
        ).fetchone()
        return _ticket(row) if row else None

    def active_at(self, counter: int) -> Ticket | None:
        row = self.db.execute(
            f"SELECT {_TICKET_COLUMNS} FROM tickets WHERE counter = ? AND state IN ('called', 'serving')",
            [counter],
        ).fetchone()
        return _ticket(row) if row else None

    def all_active(self) -> list[Ticket]:
        rows = self.db.execute(
            f"SELECT {_TICKET_COLUMNS} FROM tickets WHERE state IN ('called', 'serving') ORDER BY counter"
        ).fetchall()
        return [_ticket(r) for r in rows]

    def line_heads(self, day: date, services: Iterable[str]) -> list[Candidate]:
        """The oldest waiting ticket of each (service, green) line: what a counter can call."""
        codes = list(services)
        if not codes:
            return []
        # one index seek per line (tickets_line ends with queue_order), not a scan of everyone waiting
        lines = ", ".join("(?, 0), (?, 1)" for _ in codes)
        rows = self.db.execute(
            f"""WITH lines (service_code, green) AS (VALUES {lines})
                SELECT t.id, t.service_code, t.green, t.queue_order FROM lines l
                JOIN tickets t ON t.id = (
                    SELECT id FROM tickets
                    WHERE business_day = ? AND state = 'waiting' AND service_code = l.service_code
                      AND green = l.green
                    ORDER BY queue_order LIMIT 1)""",
            [*(code for code in codes for _ in range(2)), day.isoformat()],
        ).fetchall()
        return [
            Candidate(ticket_id=r[0], service_code=r[1], green=bool(r[2]), queue_order=r[3]) for r in rows
        ]

    def waiting(self, day: date, *service_codes: str, limit: int = 200) -> list[Ticket]:
        """Waiting tickets of these services (all with none named) in the order they will be called
        (green channel first)."""
        where, params = "business_day = ? AND state = 'waiting'", [day.isoformat()]
        if service_codes:
            where += f" AND service_code IN ({','.join('?' * len(service_codes))})"
            params += service_codes
        rows = self.db.execute(
            f"SELECT {_TICKET_COLUMNS} FROM tickets WHERE {where} ORDER BY green DESC, queue_order LIMIT ?",
            [*params, limit],
        ).fetchall()
        return [_ticket(r) for r in rows]

    def ahead_of(self, ticket: Ticket) -> int:
        """People waiting before this ticket in its service line (green ones count as ahead)."""
        row = self.db.execute(
            """SELECT COUNT(*) FROM tickets
               WHERE business_day = ? AND state = 'waiting' AND service_code = ? AND id != ?
                 AND (green > ? OR (green = ? AND queue_order < ?))""",
            [
                ticket.business_day.isoformat(),
                ticket.service_code,
                ticket.id,
                int(ticket.green),
                int(ticket.green),
                ticket.queue_order,
            ],
        ).fetchone()
        return int(row[0])

    def waiting_counts(self, day: date) -> dict[str, int]:
        rows = self.db.execute(
            """SELECT service_code, COUNT(*) FROM tickets WHERE business_day = ? AND state = 'waiting'
               GROUP BY service_code""",
            [day.isoformat()],
        ).fetchall()
        return {r[0]: r[1] for r in rows}

    def calls_today(self, day: date, counter: int) -> dict[str, int]:
        rows = self.db.execute(
            """SELECT service_code, COUNT(*) FROM tickets
               WHERE counter = ? AND business_day = ? AND called_at IS NOT NULL GROUP BY service_code""",
            [counter, day.isoformat()],
        ).fetchall()
        return {r[0]: r[1] for r in rows}

    def average_service_minutes(self, service_code: str, window: int) -> float | None:
        row = self.db.execute(
            """SELECT AVG(minutes), COUNT(*) FROM (
                   SELECT MAX(0, julianday(finished_at) - julianday(COALESCE(serving_at, called_at)))
                          * 1440.0 AS minutes
                   FROM tickets WHERE service_code = ? AND state = 'done' AND finished_at IS NOT NULL
                   ORDER BY finished_at DESC LIMIT ?)""",
            [service_code, window],
        ).fetchone()
        return float(row[0]) if row and row[1] else None

    def update_ticket(self, ticket_id: int, expected: Sequence[TicketState], **fields: Any) -> Ticket | None:
        """Change a ticket only if it is still in one of the expected states; the new row or ``None``."""
        assignments = ", ".join(f"{name} = ?" for name in fields)
        values = [iso(v) if isinstance(v, datetime) else v for v in fields.values()]
        states = [s.value for s in expected]
        row = self.db.execute(
            f"""UPDATE tickets SET {assignments}
                WHERE id = ? AND state IN ({",".join("?" * len(states))})
                RETURNING {_TICKET_COLUMNS}""",
            [*values, ticket_id, *states],
        ).fetchone()
        return _ticket(row) if row else None

    def stale_open_days(self, day: date) -> list[Ticket]:
        """Tickets still open on the last business day before ``day``.

        Only that day can hold any: every committed action of a day first closes the days before
        it (in its own transaction), and a business day never goes back. Two index lookups, however
        many years of tickets the file holds.
        """
        previous = self.db.execute(
            "SELECT MAX(business_day) FROM tickets WHERE business_day < ?", [day.isoformat()]
        ).fetchone()[0]
        if previous is None:
            return []
        rows = self.db.execute(
            f"""SELECT {_TICKET_COLUMNS} FROM tickets
                WHERE business_day = ? AND state IN ('waiting', 'called', 'serving')""",
            [previous],
        ).fetchall()
        return [_ticket(r) for r in rows]

    def latest_business_day(self) -> date | None:
        row = self.db.execute("SELECT MAX(business_day) FROM tickets").fetchone()
        return parse_day(row[0]) if row and row[0] else None

    # counters ----------------------------------------------------------------------------------
    def counter_row(self, number: int) -> tuple[CounterState, str, bool] | None:
        row = self.db.execute(
            "SELECT state, clerk, configured FROM counters WHERE number = ?", [number]
        ).fetchone()
        return (CounterState(row[0]), row[1], bool(row[2])) if row else None

    def counters(self, services_of: dict[int, tuple[str, ...]]) -> list[Counter]:
        rows = self.db.execute(
            "SELECT number, state, clerk FROM counters WHERE configured = 1 ORDER BY number"
        ).fetchall()
        return [
            Counter(number=r[0], state=CounterState(r[1]), clerk=r[2], services=services_of.get(r[0], ()))
            for r in rows
        ]

    def set_counter(self, number: int, state: CounterState, clerk: str | None, at: datetime) -> None:
        if clerk is None:
            self.db.execute(
                "UPDATE counters SET state = ?, updated_at = ? WHERE number = ?",
                [state.value, iso(at), number],
            )
        else:
            self.db.execute(
                "UPDATE counters SET state = ?, clerk = ?, updated_at = ? WHERE number = ?",
                [state.value, clerk, iso(at), number],
            )

    # events and outbox -------------------------------------------------------------------------
    def add_event(
        self,
        kind: str,
        at: datetime,
        *,
        ticket: Ticket | None = None,
        counter: int | None = None,
        clerk: str = "",
        detail: dict[str, Any] | None = None,
    ) -> None:
        """Append the audit row and the outbox row of one change (same transaction as the change)."""
        event_uuid = new_uuid()
        when = iso(at)
        payload = {
            "event": kind,
            "uuid": event_uuid,
            "at": when,
            "counter": counter,
            "clerk": clerk,
            **(detail or {}),
        }
        if ticket is not None:
            payload.update(
                ticket=ticket.uuid,
                number=ticket.number,
                service=ticket.service_code,
                business_day=ticket.business_day.isoformat(),
                state=ticket.state.value,
            )
        self.db.execute(
            """INSERT INTO queue_events (uuid, ticket_id, kind, at, counter, clerk, detail)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            [event_uuid, ticket.id if ticket else None, kind, when, counter, clerk, to_json(detail or {})],
        )
        add_outbox(self.db, "queue", payload, when)

    def events_after(self, last_id: int, kinds: Sequence[str], limit: int = 50) -> list[QueueEvent]:
        rows = self.db.execute(
            f"""SELECT e.id, e.kind, e.at, e.ticket_id, COALESCE(t.number, ''), COALESCE(t.service_code, ''),
                       e.counter, e.clerk
                FROM queue_events e LEFT JOIN tickets t ON t.id = e.ticket_id
                WHERE e.id > ? AND e.kind IN ({",".join("?" * len(kinds))}) ORDER BY e.id LIMIT ?""",
            [last_id, *kinds, limit],
        ).fetchall()
        return [self._event(r) for r in rows]

    def recent_events(self, kinds: Sequence[str], since: datetime, limit: int) -> list[QueueEvent]:
        """The latest event of these kinds of each ticket since ``since``, newest first: a ticket
        recalled twice is one line (its last call), not three. Read newest first in batches of the
        rowid order, so a long history costs nothing: the display needs the last few calls only."""
        marks = ",".join("?" * len(kinds))
        found: list[QueueEvent] = []
        seen: set[int] = set()
        before = self.last_event_id() + 1
        while len(found) < limit:
            rows = self.db.execute(
                f"""SELECT e.id, e.kind, e.at, e.ticket_id, COALESCE(t.number, ''),
                           COALESCE(t.service_code, ''), e.counter, e.clerk
                    FROM queue_events e LEFT JOIN tickets t ON t.id = e.ticket_id
                    WHERE e.id < ? AND e.kind IN ({marks}) ORDER BY e.id DESC LIMIT ?""",
                [before, *kinds, max(limit * 4, 16)],
            ).fetchall()
            for row in rows:
                event = self._event(row)
                if event.at < since:  # events are written in time order: the day's calls are over
                    return found
                key = event.ticket_id if event.ticket_id is not None else -event.id
                if key not in seen and len(found) < limit:
                    seen.add(key)
                    found.append(event)
            if not rows:
                break
            before = rows[-1][0]
        return found

    def last_event_id(self) -> int:
        row = self.db.execute("SELECT COALESCE(MAX(id), 0) FROM queue_events").fetchone()
        return int(row[0])

    @staticmethod
    def _event(r: Sequence[Any]) -> QueueEvent:
        at = parse_time(r[2])
        assert at is not None
        return QueueEvent(
            id=r[0],
            kind=r[1],
            at=at,
            ticket_id=r[3],
            number=r[4],
            service_code=r[5],
            counter=r[6],
            clerk=r[7],
        )

    # figures -----------------------------------------------------------------------------------
    def counter_figures(self, day: date, counter: int) -> tuple[int, int, float | None, float | None]:
        """(served, no-shows, average service minutes, average wait minutes) of a counter today.

        A duration that would be negative (a PC clock set back between two actions) counts as zero:
        no figure shown to a clerk may be impossible."""
        row = self.db.execute(
            """SELECT
                 SUM(state = 'done'), SUM(state = 'no_show'),
                 AVG(CASE WHEN state = 'done' THEN 1440.0 *
                     MAX(0, julianday(finished_at) - julianday(COALESCE(serving_at, called_at))) END),
                 AVG(MAX(0, julianday(called_at) - julianday(issued_at)) * 1440.0)
               FROM tickets WHERE counter = ? AND business_day = ? AND called_at IS NOT NULL""",
            [counter, day.isoformat()],
        ).fetchone()
        return (int(row[0] or 0), int(row[1] or 0), row[2], row[3])
