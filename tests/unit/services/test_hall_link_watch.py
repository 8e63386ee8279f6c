"""The link follows the server watch's word between jobs: once the watch says the server is gone the
next job runs on the PC's own store at once (it does not wait on the lost connection first), a
statement still waiting on the server is cut, and when the watch says it is back the next job
runs on the server again."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

from counter_app import paths
from counter_app.app import open_server_hall
from counter_app.services.hall import Hall
from counter_app.services.hall_link import HallLink, LinkedHall
from counter_app.store.sqlite.hall_file import open_sqlite_store


class QuietWatch:
    """A watch that says only what the test tells the link (``on_watch_status``)."""

    def start(
        self,
        on_change: Callable[[frozenset[str]], None],
        on_status: Callable[[bool, datetime], None] | None = None,
    ) -> None:
        pass

    def stop(self) -> None:
        pass

    def version(self) -> int:
        return 0


@pytest.fixture
def link(pg_dsn: str, tmp_path: Path, clock: Callable[[], datetime]) -> Iterator[HallLink]:
    open_server_hall(pg_dsn, tmp_path / "init.sqlite3", profile_file=paths.DEFAULT_PROFILE).close()
    local_path = tmp_path / "pc.sqlite3"
    made = HallLink(
        open_server=lambda: open_server_hall(pg_dsn, local_path, clock=clock),
        local=open_sqlite_store(local_path, create=True),
        local_path=local_path,
        watch=QuietWatch(),
        pc="counter-2",
        clock=clock,
    )
    yield made
    made.close()


def test_the_watchs_word_switches_the_next_job(
    link: HallLink, clock: Callable[[], datetime], caplog: pytest.LogCaptureFixture
) -> None:
    hall = LinkedHall(link)
    server = link.server
    assert server is not None and hall.link_status().server_up
    assert hall.run(lambda h: h.queue.issue("A").ticket.number) == "A001"
    server_conn = server.store.sql.conn  # type: ignore[attr-defined]

    link.on_watch_status(False, clock())
    assert server_conn.closed or server_conn.broken or _cut(server_conn)
    number = hall.run(lambda h: h.queue.issue("A").ticket.number)
    assert number == "AP1-001"  # alone, from this PC's own series
    status = hall.link_status()
    assert not status.server_up and status.pending == 1 and link.server is None
    assert "during an action" not in caplog.text  # the job never went to the lost server first

    link.on_watch_status(True, clock())
    assert hall.run(lambda h: h.queue.issue("A").ticket.number) == "A002"  # after AP1-001 was handed over
    status = hall.link_status()
    assert status.server_up and status.pending == 0
    assert status.last_hand_over is not None and status.last_hand_over.replayed == 1


def _cut(conn: object) -> bool:
    """The socket was shut down under the connection: its next use fails."""
    import psycopg

    try:
        conn.execute("SELECT 1")  # type: ignore[attr-defined]
    except psycopg.OperationalError:
        return True
    return False


def test_an_embedded_hall_has_no_link(hall: Hall) -> None:
    assert hall.link_status() is None
