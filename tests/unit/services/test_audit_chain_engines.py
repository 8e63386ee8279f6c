"""The audit chain on both stores: every audit row linked in the transaction that writes it, and
a history row edited behind a disabled guard found and named by ``audit verify``."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest

from counter_app.domain.audit_trail import Problem
from counter_app.services.audit import audit_head
from counter_app.services.hall import Hall
from counter_app.store.audit_chain import AUDITED


def count(hall: Hall, table: str) -> int:
    with hall.store.read():
        return int(hall.store.sql.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # type: ignore[attr-defined]


def forger(hall: Hall, engine: str) -> Callable[[str], None]:
    """Raw SQL by someone with the database (outside the tool's units of work)."""
    if engine == "sqlite":

        def run(statement: str) -> None:
            with sqlite3.connect(hall.path) as conn:
                conn.execute(statement)

        return run
    return lambda statement: hall.store.sql.execute(statement)  # type: ignore[attr-defined]


@pytest.fixture
def morning(hall: Hall) -> Hall:
    for service in "AABC":
        hall.queue.issue(service)
    hall.queue.call_next(1, clerk="王丽")
    hall.queue.cancel("A002", clerk="王丽")
    hall.staff.add("9001", "李强")
    return hall


def test_every_audit_row_is_linked_as_it_is_written(morning: Hall) -> None:
    rows = sum(count(morning, t) for t in AUDITED)
    assert rows == count(morning, "audit_chain") > 5
    verdict = morning.audit.verify()
    assert verdict.ok and verdict.trail.checked == rows and verdict.trail.head == audit_head(morning.store)


def test_an_edit_behind_a_disabled_guard_is_found_and_named(morning: Hall, engine: str) -> None:
    forge = forger(morning, engine)
    with morning.store.read():
        row_id = int(
            morning.store.sql.execute(  # type: ignore[attr-defined]
                "SELECT id FROM queue_events WHERE kind = 'cancelled'"
            ).fetchone()[0]
        )
    if engine == "sqlite":
        forge("DROP TRIGGER queue_events_no_update")
        forge(f"UPDATE queue_events SET clerk = '张三' WHERE id = {row_id}")
    else:
        forge("ALTER TABLE queue_events DISABLE TRIGGER queue_events_append_only")
        forge(f"UPDATE queue_events SET clerk = '张三' WHERE id = {row_id}")
        forge("ALTER TABLE queue_events ENABLE TRIGGER queue_events_append_only")
    verdict = morning.audit.verify()
    assert not verdict.ok and verdict.trail.problem is Problem.EDITED
    assert verdict.where == ("queue_events", row_id)


def test_a_row_written_by_another_program_is_never_linked(morning: Hall, engine: str) -> None:
    forger(morning, engine)(
        "INSERT INTO staff_events (uuid, code, kind, at) VALUES ('forged', '9001', 'changed', "
        "'2025-03-03T09:30:00+08:00')"
    )
    morning.queue.issue("D")  # the tool's next unit of work leaves it alone
    verdict = morning.audit.verify()
    assert verdict.trail.ok and [u.source for u in verdict.unchained] == ["staff_events"]
