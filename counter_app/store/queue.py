"""Rows of the walk-in queue: tickets, counters, number sequences, events and the outbox.

Only SQL lives here, in the SQL both engines share (``store/sql.py``); which ticket to call and
whether an action is allowed are decided in ``domain.queue`` and ``services.queue``. Every write is a
guarded UPDATE (``WHERE state = ?``) so a stale caller changes nothing even if a rule check was skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Any

from counter_app.domain.queue import Candidate, Counter, CounterState, QueueEvent, Ticket, TicketState
from counter_app.store.outbox import add_outbox
from counter_app.store.rows import from_json, iso, new_uuid, parse_day, parse_time, to_json
from counter_app.store.sql import Sql, placeholders

_TICKET_COLUMNS = (
    "id, uuid, business_day, number, service_code, green, green_reason, state, queue_order, issued_at, "
    "called_at, serving_at, finished_at, counter, clerk, recalls, transfers"
)
_QUALIFIED_COLUMNS = ", ".join(f"tickets.{c.strip()}" for c in _TICKET_COLUMNS.split(","))
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


def _not_negative(expression: str) -> str:
    """A duration that would be negative (a PC clock set back between two actions) counts as zero."""
    return f"CASE WHEN {expression} < 0 THEN 0 ELSE {expression} END"


class QueueRepository:
    def __init__(self, sql: Sql) -> None:
        self.sql = sql

    # numbering ---------------------------------------------------------------------------------
    def next_seq(self, day: str, prefix: str) -> int:
        """The next number of a prefix on a business day; only inside a write transaction."""
        row = self.sql.execute(
            """INSERT INTO number_sequences (business_day, prefix, last_seq) VALUES (?, ?, 1)
               ON CONFLICT (business_day, prefix) DO UPDATE SET last_seq = number_sequences.last_seq + 1
               RETURNING last_seq""",
            [day, prefix],
        ).fetchone()
        return int(row[0])

    def next_queue_order(self) -> int:
        """First come, first served across prefixes. On a server with row locks, a sequence (an
        ordering key only: its gaps are harmless, and issuers of different services never wait for
        each other); on the embedded file, whose writers take turns anyway, a sequence row."""
        if self.sql.dialect.row_locks:
            return int(self.sql.execute("SELECT nextval('queue_order_seq')").fetchone()[0])
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
        uuid: str | None = None,
    ) -> Ticket:
        row = self.sql.execute(
            f"""INSERT INTO tickets (uuid, business_day, prefix, seq, number, service_code, green,
                   green_reason, state, queue_order, issued_at, source)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'waiting', ?, ?, ?)
               RETURNING {_TICKET_COLUMNS}""",
            (
                uuid or new_uuid(),
                day,
                prefix,
                seq,
                number,
                service_code,
                green,
                green_reason,
                queue_order,
                at,
                source,
            ),
        ).fetchone()
        return _ticket(row)

    def get(self, ticket_id: int) -> Ticket | None:
        row = self.sql.execute(f"SELECT {_TICKET_COLUMNS} FROM tickets WHERE id = ?", [ticket_id]).fetchone()
        return _ticket(row) if row else None

    def by_number(self, day: date, number: str) -> Ticket | None:
        row = self.sql.execute(
            f"SELECT {_TICKET_COLUMNS} FROM tickets WHERE business_day = ? AND number = ?",
            [day, number.upper()],
        ).fetchone()
        return _ticket(row) if row else None

    def active_at(self, counter: int) -> Ticket | None:
        row = self.sql.execute(
            f"SELECT {_TICKET_COLUMNS} FROM tickets WHERE counter = ? AND state IN ('called', 'serving')",
            [counter],
        ).fetchone()
        return _ticket(row) if row else None

    def all_active(self) -> list[Ticket]:
        rows = self.sql.execute(
            f"SELECT {_TICKET_COLUMNS} FROM tickets WHERE state IN ('called', 'serving') ORDER BY counter"
        ).fetchall()
        return [_ticket(r) for r in rows]

    def open_tickets(self, day: date) -> list[Ticket]:
        """The day's tickets still waiting or at a counter (what a PC keeps a copy of)."""
        rows = self.sql.execute(
            f"""SELECT {_TICKET_COLUMNS} FROM tickets
                WHERE business_day = ? AND state IN ('waiting', 'called', 'serving') ORDER BY queue_order""",
            [day],
        ).fetchall()
        return [_ticket(r) for r in rows]

    def mirror(self, day: date, tickets: Sequence[Ticket], series: Callable[[str], tuple[str, int]]) -> None:
        """Make this (a PC's own) store's open tickets of ``day`` the hall server's ``tickets``: what
        the PC works from if the server goes away. Tickets open here but no longer on the server are
        closed here (the server closed them); no events, no outbox: a copy is not an action.
        ``series(number)`` gives a number's (prefix, sequence)."""
        open_states = "('waiting', 'called', 'serving')"
        self.sql.execute(
            f"""UPDATE tickets SET state = 'waiting', counter = NULL
                WHERE business_day = ? AND state IN {open_states}""",
            [day],
        )
        for t in tickets:
            prefix, seq = series(t.number)
            self.sql.execute(
                """INSERT INTO tickets (uuid, business_day, prefix, seq, number, service_code, green,
                       green_reason, state, queue_order, issued_at, called_at, serving_at, finished_at,
                       counter, clerk, recalls, transfers, source)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'server')
                   ON CONFLICT (business_day, number) DO UPDATE SET
                       uuid = excluded.uuid, service_code = excluded.service_code, state = excluded.state,
                       queue_order = excluded.queue_order, called_at = excluded.called_at,
                       serving_at = excluded.serving_at, finished_at = excluded.finished_at,
                       counter = excluded.counter, clerk = excluded.clerk, recalls = excluded.recalls,
                       transfers = excluded.transfers""",
                [
                    t.uuid, day, prefix, seq, t.number, t.service_code, t.green, t.green_reason,
                    t.state.value, t.queue_order, t.issued_at, t.called_at, t.serving_at, t.finished_at,
                    t.counter, t.clerk, t.recalls, t.transfers,
                ],
            )  # fmt: skip
        shown = [t.number for t in tickets]
        closed = f" AND number NOT IN ({placeholders(len(shown))})" if shown else ""
        self.sql.execute(
            f"""UPDATE tickets SET state = 'cancelled', finished_at = COALESCE(finished_at, issued_at)
                WHERE business_day = ? AND state = 'waiting' AND source = 'server'{closed}""",
            [day, *shown],
        )

    def line_heads(self, day: date, services: Iterable[str]) -> list[Candidate]:
        """The oldest waiting ticket of each (service, green) line: what a counter can call."""
        codes = list(services)
        if not codes:
            return []
        # one index seek per line (tickets_line ends with queue_order), not a scan of everyone waiting
        lines = ", ".join("(?, 0), (?, 1)" for _ in codes)
        params = [*(code for code in codes for _ in range(2)), day]
        if self.sql.dialect.row_locks:
            # Each line's first ticket that no other counter holds, locked until this action commits:
            # two counters never take the same customer and never wait for each other.
            rows = self.sql.execute(
                f"""WITH lines (service_code, green) AS (VALUES {lines})
                    SELECT t.id, t.service_code, t.green, t.queue_order FROM lines l
                    CROSS JOIN LATERAL (
                        SELECT id, service_code, green, queue_order FROM tickets
                        WHERE business_day = ? AND state = 'waiting' AND service_code = l.service_code
                          AND green = l.green
                        ORDER BY queue_order LIMIT 1 FOR UPDATE SKIP LOCKED) t""",
                params,
            ).fetchall()
        else:
            rows = self.sql.execute(
                f"""WITH lines (service_code, green) AS (VALUES {lines})
                    SELECT t.id, t.service_code, t.green, t.queue_order FROM lines l
                    JOIN tickets t ON t.id = (
                        SELECT id FROM tickets
                        WHERE business_day = ? AND state = 'waiting' AND service_code = l.service_code
                          AND green = l.green
                        ORDER BY queue_order LIMIT 1)""",
                params,
            ).fetchall()
        return [
            Candidate(ticket_id=r[0], service_code=r[1], green=bool(r[2]), queue_order=r[3]) for r in rows
        ]

    def waiting(self, day: date, *service_codes: str, limit: int = 200) -> list[Ticket]:
        """Waiting tickets of these services (all with none named) in the order they will be called
        (green channel first)."""
        where = "business_day = ? AND state = 'waiting'"
        params: list[Any] = [day]
        if service_codes:
            where += f" AND service_code IN ({placeholders(len(service_codes))})"
            params += service_codes
        rows = self.sql.execute(
            f"SELECT {_TICKET_COLUMNS} FROM tickets WHERE {where} ORDER BY green DESC, queue_order LIMIT ?",
            [*params, limit],
        ).fetchall()
        return [_ticket(r) for r in rows]

    def ahead_of(self, ticket: Ticket) -> int:
        """People waiting before this ticket in its service line (green ones count as ahead)."""
        row = self.sql.execute(
            """SELECT COUNT(*) FROM tickets
               WHERE business_day = ? AND state = 'waiting' AND service_code = ? AND id != ?
                 AND (green > ? OR (green = ? AND queue_order < ?))""",
            [
                ticket.business_day,
                ticket.service_code,
                ticket.id,
                ticket.green,
                ticket.green,
                ticket.queue_order,
            ],
        ).fetchone()
        return int(row[0])

    def waiting_counts(self, day: date) -> dict[str, int]:
        rows = self.sql.execute(
            """SELECT service_code, COUNT(*) FROM tickets WHERE business_day = ? AND state = 'waiting'
               GROUP BY service_code""",
            [day],
        ).fetchall()
        return {r[0]: r[1] for r in rows}

    def calls_today(self, day: date, counter: int) -> dict[str, int]:
        rows = self.sql.execute(
            """SELECT service_code, COUNT(*) FROM tickets
               WHERE counter = ? AND business_day = ? AND called_at IS NOT NULL GROUP BY service_code""",
            [counter, day],
        ).fetchall()
        return {r[0]: r[1] for r in rows}

    def average_service_minutes(self, service_code: str, window: int) -> float | None:
        minutes = self.sql.dialect.minutes_between("COALESCE(serving_at, called_at)", "finished_at")
        row = self.sql.execute(
            f"""SELECT AVG(minutes), COUNT(*) FROM (
                   SELECT {_not_negative(minutes)} AS minutes
                   FROM tickets WHERE service_code = ? AND state = 'done' AND finished_at IS NOT NULL
                   ORDER BY finished_at DESC LIMIT ?) AS recent""",
            [service_code, window],
        ).fetchone()
        return float(row[0]) if row and row[1] else None

    def update_ticket(self, ticket_id: int, expected: Sequence[TicketState], **fields: Any) -> Ticket | None:
        """Change a ticket only if it is still in one of the expected states; the new row or ``None``."""
        assignments = ", ".join(f"{name} = ?" for name in fields)
        states = [s.value for s in expected]
        row = self.sql.execute(
            f"""UPDATE tickets SET {assignments}
                WHERE id = ? AND state IN ({placeholders(len(states))})
                RETURNING {_TICKET_COLUMNS}""",
            [*fields.values(), ticket_id, *states],
        ).fetchone()
        return _ticket(row) if row else None

    def stale_open_days(self, day: date) -> list[Ticket]:
        """Tickets still open on the last business day before ``day``.

        Only that day can hold any: every committed action of a day first closes the days before
        it (in its own transaction), and a business day never goes back. Two index lookups, however
        many years of tickets the file holds.
        """
        previous = self.sql.execute(
            "SELECT MAX(business_day) FROM tickets WHERE business_day < ?", [day]
        ).fetchone()[0]
        if previous is None:
            return []
        rows = self.sql.execute(
            f"""SELECT {_TICKET_COLUMNS} FROM tickets
                WHERE business_day = ? AND state IN ('waiting', 'called', 'serving')""",
            [previous],
        ).fetchall()
        return [_ticket(r) for r in rows]

    def latest_business_day(self) -> date | None:
        row = self.sql.execute("SELECT MAX(business_day) FROM tickets").fetchone()
        return parse_day(row[0]) if row and row[0] else None

    # counters ----------------------------------------------------------------------------------
    def counter_row(self, number: int) -> tuple[CounterState, str, bool] | None:
        row = self.sql.execute(
            "SELECT state, clerk, configured FROM counters WHERE number = ?", [number]
        ).fetchone()
        return (CounterState(row[0]), row[1], bool(row[2])) if row else None

    def counters(self, services_of: dict[int, tuple[str, ...]]) -> list[Counter]:
        rows = self.sql.execute(
            "SELECT number, state, clerk FROM counters WHERE configured = 1 ORDER BY number"
        ).fetchall()
        return [
            Counter(number=r[0], state=CounterState(r[1]), clerk=r[2], services=services_of.get(r[0], ()))
            for r in rows
        ]

    def set_counter(self, number: int, state: CounterState, clerk: str | None, at: datetime) -> None:
        if clerk is None:
            self.sql.execute(
                "UPDATE counters SET state = ?, updated_at = ? WHERE number = ?",
                [state.value, at, number],
            )
        else:
            self.sql.execute(
                "UPDATE counters SET state = ?, clerk = ?, updated_at = ? WHERE number = ?",
                [state.value, clerk, at, number],
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
        payload = {
            "event": kind,
            "uuid": event_uuid,
            "at": iso(at),
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
        self.sql.execute(
            """INSERT INTO queue_events (uuid, ticket_id, kind, at, counter, clerk, detail)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            [event_uuid, ticket.id if ticket else None, kind, at, counter, clerk, to_json(detail or {})],
        )
        add_outbox(self.sql, "queue", payload, at)

    def events_after(self, last_id: int, kinds: Sequence[str], limit: int = 50) -> list[QueueEvent]:
        rows = self.sql.execute(
            f"""SELECT e.id, e.kind, e.at, e.ticket_id, COALESCE(t.number, ''), COALESCE(t.service_code, ''),
                       e.counter, e.clerk
                FROM queue_events e LEFT JOIN tickets t ON t.id = e.ticket_id
                WHERE e.id > ? AND e.kind IN ({placeholders(len(kinds))}) ORDER BY e.id LIMIT ?""",
            [last_id, *kinds, limit],
        ).fetchall()
        return [self._event(r) for r in rows]

    def recent_events(self, kinds: Sequence[str], since: datetime, limit: int) -> list[QueueEvent]:
        """The latest event of these kinds of each ticket since ``since``, newest first: a ticket
        recalled twice is one line (its last call), not three. Read newest first in batches of the
        rowid order, so a long history costs nothing: the display needs the last few calls only."""
        marks = placeholders(len(kinds))
        found: list[QueueEvent] = []
        seen: set[int] = set()
        before = self.last_event_id() + 1
        while len(found) < limit:
            rows = self.sql.execute(
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
        row = self.sql.execute("SELECT COALESCE(MAX(id), 0) FROM queue_events").fetchone()
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
        served = self.sql.dialect.minutes_between("COALESCE(serving_at, called_at)", "finished_at")
        waited = self.sql.dialect.minutes_between("issued_at", "called_at")
        row = self.sql.execute(
            f"""SELECT
                 COUNT(*) FILTER (WHERE state = 'done'), COUNT(*) FILTER (WHERE state = 'no_show'),
                 AVG(CASE WHEN state = 'done' THEN {_not_negative(served)} END),
                 AVG({_not_negative(waited)})
               FROM tickets WHERE counter = ? AND business_day = ? AND called_at IS NOT NULL""",
            [counter, day],
        ).fetchone()
        return (int(row[0] or 0), int(row[1] or 0), _float(row[2]), _float(row[3]))

    # repairing a day moved by a wrong clock ----------------------------------------------------
    def tickets_after(self, day: date) -> list[tuple[Ticket, str]]:
        """Every ticket of a business day later than ``day`` with its number series, first come first."""
        rows = self.sql.execute(
            f"""SELECT {_TICKET_COLUMNS}, prefix FROM tickets WHERE business_day > ?
                ORDER BY business_day, queue_order""",
            [day],
        ).fetchall()
        return [(_ticket(r), str(r[-1])) for r in rows]

    def closed_by_day_change(self, day: date) -> list[Ticket]:
        """Tickets of ``day`` that the first action of a later day cancelled (``expired``,
        ``day_closed``)."""
        rows = self.sql.execute(
            f"""SELECT {_QUALIFIED_COLUMNS}, e.detail FROM tickets
                JOIN queue_events e ON e.ticket_id = tickets.id AND e.kind = 'expired'
                WHERE tickets.business_day = ? AND tickets.state = 'cancelled'
                ORDER BY tickets.queue_order""",
            [day],
        ).fetchall()
        width = len(_QUALIFIED_COLUMNS.split(","))
        return [_ticket(r[:width]) for r in rows if from_json(r[width]).get("reason") == "day_closed"]

    def move_ticket(self, ticket_id: int, day: date, prefix: str, seq: int, number: str) -> Ticket:
        row = self.sql.execute(
            f"""UPDATE tickets SET business_day = ?, prefix = ?, seq = ?, number = ? WHERE id = ?
                RETURNING {_TICKET_COLUMNS}""",
            [day, prefix, seq, number, ticket_id],
        ).fetchone()
        return _ticket(row)

    def forget_days_after(self, day: date) -> None:
        """The number sequences of days after ``day`` (no ticket is left on them)."""
        self.sql.execute("DELETE FROM number_sequences WHERE business_day > ?", [day])


def _float(value: Any) -> float | None:
    """An average as a float (PostgreSQL gives ``Decimal`` for numeric expressions)."""
    return float(value) if value is not None else None
