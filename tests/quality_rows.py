"""Generated visits written as the rows the services leave behind (tickets, their queue events,
ratings, hand-overs, payment guidance), in bulk: for the round-trip test of the store's visit reads
and for the benchmarks' year of a million tickets, where going through the services would take hours.

Each visit becomes what the queue writes for it (``counter_app.services.queue``): ``issued``, per
stretch ``called`` / ``serving`` / ``finished`` | ``no_show`` | ``transferred`` (with its from/to),
``requeued`` before a no-show's next call, ``cancelled`` for a withdrawn number. Times are stored to
the millisecond, as the store does: :func:`to_millis` rounds visits the same way for comparisons.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterable
from datetime import datetime

from counter_app.domain.quality.facts import LegEnd, ServiceLeg, Visit
from counter_app.store.sql import Sql


def ms(moment: datetime) -> datetime:
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def to_millis(visits: Iterable[Visit]) -> list[Visit]:
    """The visits with every time cut to the millisecond (what the store keeps)."""
    out = []
    for visit in visits:
        legs = tuple(
            dataclasses.replace(
                leg,
                called_at=ms(leg.called_at),
                ended_at=ms(leg.ended_at) if leg.ended_at else None,
                serving_at=ms(leg.serving_at) if leg.serving_at else None,
            )
            for leg in visit.legs
        )
        out.append(dataclasses.replace(visit, issued_at=ms(visit.issued_at), legs=legs))
    return out


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds")


def _state(visit: Visit) -> str:
    if visit.cancelled:
        return "cancelled"
    if not visit.legs:
        return "waiting"
    end = visit.legs[-1].end
    if end is LegEnd.OPEN:
        raise ValueError("open stretches are not written in bulk (one customer per counter)")
    return {LegEnd.DONE: "done", LegEnd.NO_SHOW: "no_show", LegEnd.TRANSFERRED: "waiting"}[end]


class _Rows:
    """The rows of one batch, with the ids they will get."""

    def __init__(self, conn: sqlite3.Connection | Sql) -> None:
        self.next_ticket = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM tickets").fetchone()[0]
        self.next_event = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM queue_events").fetchone()[0]
        self.seqs: dict[tuple[str, str], int] = {
            (day, prefix): seq
            for day, prefix, seq in conn.execute("SELECT * FROM number_sequences").fetchall()
        }
        self.tickets: list[tuple[object, ...]] = []
        self.events: list[tuple[object, ...]] = []
        self.ratings: list[tuple[object, ...]] = []
        self.handovers: list[tuple[object, ...]] = []
        self.guidance: list[tuple[object, ...]] = []

    def event(
        self, tid: int, kind: str, at: datetime, leg: ServiceLeg | None = None, detail: object = None
    ) -> int:
        eid = self.next_event
        self.next_event += 1
        counter, clerk = (leg.counter, leg.clerk) if leg is not None else (None, "")
        self.events.append((eid, f"e{eid}", tid, kind, _iso(at), counter, clerk, json.dumps(detail or {})))
        return eid

    def add(self, visit: Visit) -> None:
        day = visit.business_day.isoformat()
        prefix = "V" if visit.green else visit.service_code
        seq = self.seqs[(day, prefix)] = self.seqs.get((day, prefix), 0) + 1
        number = f"{prefix}{seq:03d}"
        tid = self.next_ticket
        self.next_ticket += 1
        self.event(tid, "issued", visit.issued_at, detail={"source": "kiosk"})
        service, last = visit.service_code, visit.issued_at
        for i, leg in enumerate(visit.legs):
            if i and visit.legs[i - 1].end is LegEnd.NO_SHOW:
                self.event(tid, "requeued", visit.legs[i - 1].ended_at or last)
            self.event(tid, "called", leg.called_at, leg)
            if leg.serving_at is not None:
                self.event(tid, "serving", leg.serving_at, leg)
            end_at = last = leg.ended_at or leg.called_at
            service = leg.service_code
            if leg.end is LegEnd.DONE:
                self.event(tid, "finished", end_at, leg)
            elif leg.end is LegEnd.NO_SHOW:
                self.event(tid, "no_show", end_at, leg)
            elif leg.end is LegEnd.TRANSFERRED:
                service = visit.legs[i + 1].service_code if i + 1 < len(visit.legs) else "C"
                eid = self.event(tid, "transferred", end_at, leg, {"from": leg.service_code, "to": service})
                if leg.handover:
                    who = (visit.legs[0].clerk, leg.counter, leg.clerk, leg.service_code, service)
                    self.handovers.append((f"h{eid}", tid, eid, day, *who, "需专人处理", _iso(end_at)))
            if leg.rating is not None:
                rated = (leg.rating.value, json.dumps(list(leg.reasons)), leg.service_code, leg.counter)
                self.ratings.append((f"r{tid}", tid, day, *rated, leg.clerk, "screen", _iso(end_at)))
            if leg.guided_online:
                who = (leg.clerk, leg.counter, tid, number, day, _iso(leg.serving_at or leg.called_at))
                self.guidance.append((f"g{tid}-{i}", "9900000001", 0, None, 1, 0, *who))
        if visit.cancelled:
            self.event(tid, "cancelled", last)
        final = visit.legs[-1] if visit.legs else None
        called: tuple[object, ...] = (None, None, None, None, "")
        if final is not None and final.end is LegEnd.DONE and final.ended_at is not None:
            serving = final.serving_at or final.called_at
            called = (_iso(final.called_at), _iso(serving), _iso(final.ended_at), final.counter, final.clerk)
        elif final is not None and final.end is LegEnd.NO_SHOW and final.ended_at is not None:
            called = (None, None, _iso(final.ended_at), None, "")
        moved = sum(leg.end is LegEnd.TRANSFERRED for leg in visit.legs)
        taken = (tid, f"t{tid}", day, prefix, seq, number, service, int(visit.green), "", _state(visit), tid)
        self.tickets.append((*taken, _iso(visit.issued_at), *called, 0, moved, "kiosk"))


def write_visits(conn: sqlite3.Connection | Sql, visits: Iterable[Visit]) -> int:
    """Append the rows of ``visits`` (one transaction per call) on an SQLite connection or either
    engine's :class:`Sql`; the number of tickets written."""
    batch = _Rows(conn)
    for visit in visits:
        batch.add(visit)
    if isinstance(conn, sqlite3.Connection):
        conn.execute("BEGIN")
        _insert(conn, batch)
        conn.execute("COMMIT")
    else:
        with conn.write():
            _insert(conn, batch)
            if conn.dialect.row_locks:  # ids were given: the server's identity columns follow them
                for table in ("tickets", "queue_events", "ratings", "visit_handovers", "visit_notes"):
                    conn.execute(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)"
                    )
    return len(batch.tickets)


def _insert(conn: sqlite3.Connection | Sql, batch: _Rows) -> None:
    conn.executemany(f"INSERT INTO tickets VALUES ({', '.join('?' * 20)})", batch.tickets)
    conn.executemany("INSERT INTO queue_events VALUES (?, ?, ?, ?, ?, ?, ?, ?)", batch.events)
    conn.executemany(
        """INSERT INTO ratings (uuid, ticket_id, business_day, level, reasons, service_code, counter, clerk,
               source, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        batch.ratings,
    )
    conn.executemany(
        """INSERT INTO visit_handovers (uuid, ticket_id, event_id, business_day, owner, from_counter,
               from_clerk, from_service, to_service, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        batch.handovers,
    )
    conn.executemany(
        """INSERT INTO payment_guidance (uuid, account_number, on_record, list_id, online_channels,
               withholding_guidance, clerk, counter, ticket_id, ticket_number, business_day, at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        batch.guidance,
    )
    conn.executemany(
        """INSERT INTO number_sequences VALUES (?, ?, ?)
           ON CONFLICT (business_day, prefix) DO UPDATE SET last_seq = excluded.last_seq""",
        [(d, p, s) for (d, p), s in batch.seqs.items()],
    )
