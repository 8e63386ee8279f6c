"""A damaged hall file opens read-only (issue #12): what can be read is read, every write is refused
with the damaged-file refusal and the file is left exactly as it was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from damaged_files import damage_schema, damage_table, digest

from counter_app import paths
from counter_app.app import damage_of, open_hall
from counter_app.domain.errors import StoreUnavailable
from counter_app.store.sqlite.hall_file import open_sqlite_store


@pytest.fixture
def hall_file(tmp_path: Path) -> Path:
    path = tmp_path / "hall.sqlite3"
    hall = open_hall(path, profile_file=paths.DEFAULT_PROFILE, create=True)
    hall.queue.issue("A")
    hall.queue.issue("A")
    hall.close()
    return path


def test_a_damaged_file_opens_read_only_and_refuses_every_write(hall_file: Path) -> None:
    damage_table(hall_file, "ratings")
    before = digest(hall_file)
    hall = open_hall(hall_file)
    try:
        damaged = damage_of(hall)
        assert damaged is not None and damaged.path == hall_file and not damaged.replaced()
        assert hall.views.status().waiting["A"] == 2  # the queue is still there to be seen
        with pytest.raises(StoreUnavailable) as refused:
            hall.queue.issue("A")
        assert refused.value.reason == "damaged"
        assert "open read-only: nothing was saved" in str(refused.value)
        with pytest.raises(StoreUnavailable) as again:
            hall.queue.call_next(1)
        assert again.value.reason == "damaged"
    finally:
        hall.close()
    assert digest(hall_file) == before  # not a byte written, not even a checkpoint at close


def test_the_read_only_hall_answers_until_a_restore_replaces_the_file(hall_file: Path) -> None:
    damage_table(hall_file, "ratings")
    hall = open_hall(hall_file)
    try:
        damaged = damage_of(hall)
        assert damaged is not None
        hall_file.rename(hall_file.with_name("kept-aside.sqlite3"))
        hall_file.write_bytes(b"")  # another file at the path now (what a restore leaves)
        assert damaged.replaced()
    finally:
        hall.close()


def test_a_sound_file_is_not_damaged(hall_file: Path) -> None:
    with open_hall(hall_file) as hall:
        assert damage_of(hall) is None
        assert hall.queue.issue("A").ticket.number == "A003"


def test_a_file_whose_schema_is_damaged_is_refused_as_before(hall_file: Path) -> None:
    damage_schema(hall_file)
    before = digest(hall_file)
    with pytest.raises(StoreUnavailable) as refused:
        open_hall(hall_file)
    assert refused.value.reason == "corrupt"
    assert digest(hall_file) == before


def test_only_the_hall_opener_asks_for_read_only(hall_file: Path) -> None:
    """A PC's own store (``open_pc``) and maintenance opens keep refusing a damaged file."""
    damage_table(hall_file, "ratings")
    with pytest.raises(StoreUnavailable) as refused:
        open_sqlite_store(hall_file)
    assert refused.value.reason == "corrupt"
    store = open_sqlite_store(hall_file, read_only_if_damaged=True)
    try:
        assert store.damaged is not None
    finally:
        store.close()


def test_a_damaged_file_of_an_older_schema_is_refused(hall_file: Path) -> None:
    """Its pending migrations cannot run on a read-only file: refused as before, nothing written."""
    import sqlite3

    conn = sqlite3.connect(hall_file)
    last = conn.execute("SELECT name FROM _sqlite_migrations ORDER BY applied_at DESC, rowid DESC").fetchone()
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = ?", last)
    conn.commit()
    conn.close()
    damage_table(hall_file, "ratings")
    before = digest(hall_file)
    with pytest.raises(StoreUnavailable) as refused:
        open_hall(hall_file)
    assert refused.value.reason == "corrupt"
    assert digest(hall_file) == before


def test_the_figures_of_a_damaged_hall_can_still_be_read(tmp_path: Path, clock: Any) -> None:
    """Reads that keep something up to date as they go (the due dates after a calendar change, the
    summaries of closed days) still answer on a damaged file: what is stored is shown as it is."""
    from datetime import timedelta

    path = tmp_path / "hall.sqlite3"
    with open_hall(path, profile_file=paths.DEFAULT_PROFILE, create=True, clock=clock) as hall:
        hall.queue.issue("A")  # yesterday's number: its day is summarised at the next read
        assert hall.store.applications.calendar_key() is None  # due dates computed at the first read
    clock.advance(timedelta(days=1))
    damage_table(path, "visit_notes")
    before = digest(path)
    with open_hall(path, clock=clock) as hall:
        assert damage_of(hall) is not None
        view = hall.quality.dashboard.view()
        assert view.business_day == clock().date()
        assert len(hall.quality.dashboard.trend(30)) == 30
        assert hall.application_views.due().total == 0
    assert digest(path) == before
