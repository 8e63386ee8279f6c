"""Helpers for the queue service tests: what is in the file, and "refused, nothing changed"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from store_peek import peek

from counter_app.domain.errors import HallError
from counter_app.services.hall import Hall

Dump = dict[str, list[tuple[Any, ...]]]


def dump(hall: Hall) -> Dump:
    names = peek(hall).tables()
    return {n: sorted(peek(hall).execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}


def events(hall: Hall, since: int = 0) -> list[tuple[str, str, int | None]]:
    """``(number, kind, counter)`` of each queue event after id ``since``, oldest first."""
    return (
        peek(hall)
        .execute(
            """SELECT COALESCE(t.number, ''), e.kind, e.counter FROM queue_events e
           LEFT JOIN tickets t ON t.id = e.ticket_id WHERE e.id > ? ORDER BY e.id""",
            [since],
        )
        .fetchall()
    )


def last_event_id(hall: Hall) -> int:
    return hall.views.last_event_id()


def row(hall: Hall, number: str, day: date | None = None) -> dict[str, Any]:
    where, params = (
        ("number = ?", [number]) if day is None else ("number = ? AND business_day = ?", [number, day])
    )
    cursor = peek(hall).execute(f"SELECT * FROM tickets WHERE {where} ORDER BY id DESC", params)
    names = [d[0] for d in cursor.description]
    found = cursor.fetchone()
    assert found is not None, number
    return dict(zip(names, found, strict=True))


def counter_state(hall: Hall, number: int) -> str:
    return str(peek(hall).execute("SELECT state FROM counters WHERE number = ?", [number]).fetchone()[0])


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
    assert not peek(hall).in_transaction
    return err.value
