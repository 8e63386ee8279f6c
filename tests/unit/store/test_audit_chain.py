"""The audit chain in the hall file: every audit row linked in its own transaction; an edit, a
deletion or an insertion found by ``verify`` — including the forger's way round the triggers
(DROP TRIGGER → UPDATE → CREATE TRIGGER) — and a rewritten or cut chain caught by an anchor."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from counter_app.app import open_hall
from counter_app.domain import audit_trail
from counter_app.domain.audit_trail import GENESIS, Problem
from counter_app.domain.errors import NotFound
from counter_app.services.audit import audit_head
from counter_app.services.hall import Hall
from counter_app.store.audit_chain import AUDITED

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

QUEUE_EVENTS_NO_UPDATE = """CREATE TRIGGER queue_events_no_update BEFORE UPDATE ON queue_events
        BEGIN SELECT RAISE(ABORT, 'queue_events is append-only'); END"""


@pytest.fixture
def busy_hall(hall: Hall) -> Hall:
    """A morning: tickets issued, one called, one cancelled, a member of staff added."""
    for service in "AABAC":
        hall.queue.issue(service)
    hall.queue.call_next(1, clerk="王丽")
    hall.queue.cancel("A002", clerk="王丽")
    hall.staff.add("9001", "李强")
    return hall


def count(hall: Hall, table: str) -> int:
    with sqlite3.connect(hall.path) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def audit_rows(hall: Hall) -> int:
    return sum(count(hall, table) for table in AUDITED)


def forge(hall: Hall, *statements: str) -> None:
    """What someone with the file and the sqlite3 shell can do (no temp triggers of the tool's)."""
    conn = sqlite3.connect(hall.path)
    try:
        conn.executescript(";\n".join(statements) + ";")
    finally:
        conn.close()


def test_the_hashed_columns_are_every_column_of_each_audited_table(hall: Hall) -> None:
    with sqlite3.connect(hall.path) as conn:
        for table, columns in AUDITED.items():
            assert columns == tuple(r[1] for r in conn.execute(f"PRAGMA table_info({table})")), table


def test_every_audit_row_is_chained_in_its_own_transaction(busy_hall: Hall) -> None:
    assert audit_rows(busy_hall) == count(busy_hall, "audit_chain") > 5
    verdict = busy_hall.audit.verify()
    assert verdict.ok and verdict.trail.checked == audit_rows(busy_hall)
    assert verdict.trail.head == audit_head(busy_hall.store)
    before = audit_head(busy_hall.store)
    busy_hall.queue.issue("D")
    after = audit_head(busy_hall.store)
    assert after.seq == before.seq + 1 and after.hash != before.hash


def test_a_refused_action_chains_nothing(busy_hall: Hall) -> None:
    before = (audit_head(busy_hall.store), count(busy_hall, "audit_chain"))
    with pytest.raises(NotFound):
        busy_hall.queue.cancel("A404", clerk="王丽")
    assert (audit_head(busy_hall.store), count(busy_hall, "audit_chain")) == before
    busy_hall.queue.issue("A")
    assert busy_hall.audit.verify().ok


def test_dropping_the_trigger_to_edit_history_is_found_and_the_row_named(busy_hall: Hall) -> None:
    with sqlite3.connect(busy_hall.path) as conn:
        row_id = conn.execute("SELECT id FROM queue_events WHERE kind = 'cancelled'").fetchone()[0]
    forge(
        busy_hall,
        "DROP TRIGGER queue_events_no_update",
        f"UPDATE queue_events SET clerk = '张三' WHERE id = {row_id}",
        QUEUE_EVENTS_NO_UPDATE,
    )
    verdict = busy_hall.audit.verify()
    assert not verdict.ok
    assert verdict.trail.problem is Problem.EDITED
    assert verdict.where == ("queue_events", row_id)


def test_a_deleted_history_row_is_found(busy_hall: Hall) -> None:
    forge(
        busy_hall,
        "DROP TRIGGER staff_events_no_delete",
        "PRAGMA foreign_keys = OFF",
        "DELETE FROM staff_events",
    )
    verdict = busy_hall.audit.verify()
    assert not verdict.ok and verdict.where is not None and verdict.where[0] == "staff_events"


def test_a_row_inserted_outside_the_tool_is_found(busy_hall: Hall) -> None:
    forge(
        busy_hall,
        """INSERT INTO queue_events (uuid, ticket_id, kind, at, clerk)
           VALUES ('forged', 1, 'finished', '2025-03-03T09:30:00+08:00', '王丽')""",
    )
    busy_hall.queue.issue("A")  # the tool's next action does not adopt it
    verdict = busy_hall.audit.verify()
    assert verdict.trail.ok and not verdict.ok
    forged = count(busy_hall, "queue_events") - 1  # the row before the tool's last one
    assert [(u.source, u.row_id) for u in verdict.unchained] == [("queue_events", forged)]


def test_a_chain_rewritten_after_an_edit_is_caught_by_the_anchor(busy_hall: Hall) -> None:
    anchor = audit_head(busy_hall.store)
    forge(
        busy_hall,
        "DROP TRIGGER queue_events_no_update",
        "UPDATE queue_events SET clerk = '张三' WHERE id = 1",
        QUEUE_EVENTS_NO_UPDATE,
    )
    links = list(busy_hall.store.audit.links())  # the forger recomputes every hash from there on
    head = GENESIS
    conn = sqlite3.connect(busy_hall.path)
    try:
        conn.execute("DROP TRIGGER audit_chain_no_update")
        for row in links:
            head = audit_trail.next_link(head, row.fields)
            conn.execute("UPDATE audit_chain SET hash = ? WHERE seq = ?", [head.hash, row.seq])
        conn.commit()
    finally:
        conn.close()
    assert busy_hall.audit.verify().ok  # whole in itself …
    verdict = busy_hall.audit.verify(anchor)
    assert not verdict.ok and verdict.trail.problem is Problem.REWRITTEN  # … but not the trail anchored


def test_rows_cut_off_the_end_are_caught_by_the_anchor(busy_hall: Hall) -> None:
    anchor = audit_head(busy_hall.store)
    forge(
        busy_hall,
        "DROP TRIGGER audit_chain_no_delete",
        "DROP TRIGGER staff_events_no_delete",
        f"DELETE FROM audit_chain WHERE seq = {anchor.seq}",
        "PRAGMA foreign_keys = OFF",
        "DELETE FROM staff_events",
    )
    assert busy_hall.audit.verify().ok
    verdict = busy_hall.audit.verify(anchor)
    assert verdict.trail.problem is Problem.TRUNCATED


def test_an_upgraded_file_starts_with_its_history_chained(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "hall_v0001.sqlite3", path)
    with open_hall(path) as hall:
        assert count(hall, "queue_events") > 300
        assert count(hall, "audit_chain") == audit_rows(hall)
        assert hall.audit.verify().ok


def test_staff_history_is_append_only_now(busy_hall: Hall) -> None:
    with sqlite3.connect(busy_hall.path) as conn, pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE staff_events SET kind = 'changed'")
