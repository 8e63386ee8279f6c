"""Helpers for the queue service tests: what is in the file, and "refused, nothing changed"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from counter_app.domain.errors import HallError
from counter_app.services.hall import Hall

Dump = dict[str, list[tuple[Any, ...]]]


def dump(hall: Hall) -> Dump:
    names = [r[0] for r in hall.store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {n: sorted(hall.store.db.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}


def events(hall: Hall, since: int = 0) -> list[tuple[str, str, int | None]]:
    """``(number, kind, counter)`` of each queue event after id ``since``, oldest first."""
    return hall.store.db.execute(
        """SELECT COALESCE(t.number, ''), e.kind, e.counter FROM queue_events e
           LEFT JOIN tickets t ON t.id = e.ticket_id WHERE e.id > ? ORDER BY e.id""",
        [since],
    ).fetchall()


def last_event_id(hall: Hall) -> int:
    return hall.views.last_event_id()


def row(hall: Hall, number: str, day: date | None = None) -> dict[str, Any]:
    cursor = hall.store.db.execute(
        "SELECT * FROM tickets WHERE number = ? AND (? IS NULL OR business_day = ?) ORDER BY id DESC",
        [number, day and day.isoformat(), day and day.isoformat()],
    )
    names = [d[0] for d in cursor.description]
    found = cursor.fetchone()
    assert found is not None, number
    return dict(zip(names, found, strict=True))


def counter_state(hall: Hall, number: int) -> str:
    return str(hall.store.db.execute("SELECT state FROM counters WHERE number = ?", [number]).fetchone()[0])


def issue(hall: Hall, codes: str) -> list[str]:
    return [hall.queue.issue(code).ticket.number for code in codes]


def refused_without_change(
    hall: Hall, action: Callable[[], object], error: type[HallError], code: str
) -> HallError:
    before = dump(hall)
    with pytest.raises(error) as err:
        action()
    assert err.value.code == code
    assert str(err.value)  # a clear English fallback message
    assert dump(hall) == before
    assert not hall.store.db.conn.in_transaction
    return err.value
