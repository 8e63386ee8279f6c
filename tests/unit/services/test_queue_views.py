"""Read-only snapshots the windows show: status, a counter's view, the display, announcements."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from store_peek import peek

from counter_app.domain.errors import NotFound
from counter_app.domain.queue import CounterState, TicketState
from counter_app.services.hall import Hall


def test_status_counts_waiting_and_shows_each_counters_customer(hall: Hall) -> None:
    for code in "AAACD":
        hall.queue.issue(code)
    hall.queue.call_next(2, clerk="李强")
    hall.queue.set_counter_state(6, CounterState.PAUSED)
    status = hall.views.status()
    assert status.business_day == date(2025, 3, 3)
    assert status.waiting == {"A": 2, "C": 1, "D": 1}
    by_number = {c.counter.number: c for c in status.counters}
    assert sorted(by_number) == [1, 2, 3, 4, 5, 6]
    assert by_number[2].current.number == "A001" and by_number[2].counter.clerk == "李强"
    assert by_number[6].counter.state is CounterState.PAUSED and by_number[6].current is None
    assert by_number[4].counter.services == ("B", "A")


def test_status_ignores_yesterdays_leftovers_before_any_action_today(hall: Hall, clock) -> None:
    hall.queue.issue("A")
    hall.queue.issue("A")
    hall.queue.call_next(2)
    clock.set(datetime(2025, 3, 4, 9, 0))
    # nothing has run today yet, so yesterday's tickets are still open in the file ...
    assert peek(hall).execute("SELECT COUNT(*) FROM tickets WHERE state != 'cancelled'").fetchone()[0] == 2
    status = hall.views.status()
    # ... but the hall shows today: nobody waiting, no counter busy
    assert status.business_day == date(2025, 3, 4)
    assert status.waiting == {}
    assert all(c.current is None for c in status.counters)


def test_counter_view_lists_its_lines_in_calling_order(hall: Hall, clock) -> None:
    for code in "ABCA":
        hall.queue.issue(code)
        clock.advance(minutes=1)
    hall.queue.issue("C", green=True, green_reason="elderly")
    clock.advance(minutes=10)
    view = hall.views.counter_view(2)  # A, then C: the order its F1 calls them
    assert [t.number for t in view.waiting] == ["V001", "A001", "A002", "C001"]
    assert view.waiting_counts == {"A": 2, "C": 2}
    assert view.longest_wait_minutes == pytest.approx(14.0)
    assert view.status.current is None and view.figures.served == 0


@pytest.mark.parametrize("counter", [1, 2, 3, 4, 5, 6])
def test_the_first_waiting_row_is_the_one_the_next_key_calls(hall: Hall, clock, counter: int) -> None:
    """Every counter of the default profile, strict order or weights: the list shows the line in
    the order F1 calls it, so the clerk never sees C041 on top and hears B024 called."""
    for code in "CACBDBACDAACB":
        hall.queue.issue(code)
        clock.advance(minutes=1)
    hall.queue.issue("D", green=True, green_reason="elderly")
    shown = [t.number for t in hall.views.counter_view(counter).waiting]
    called = []
    while (result := hall.queue.call_next(counter)).called is not None:
        called.append(result.called.number)
    assert shown == called


def test_counter_view_lists_its_own_lines_however_long_the_others_are(hall: Hall) -> None:
    for code in "AAAAD":
        hall.queue.issue(code)
    view = hall.views.counter_view(5, waiting_limit=3)  # D and C: four A tickets are not its line
    assert [t.number for t in view.waiting] == ["D001"]
    assert view.waiting_counts == {"D": 1, "C": 0}


def test_counter_view_figures_after_service(hall: Hall, clock) -> None:
    for code in "AAA":
        hall.queue.issue(code)
    clock.advance(minutes=2)
    hall.queue.call_next(2)
    hall.queue.start_serving(2)
    clock.advance(minutes=6)
    hall.queue.call_next(2)
    hall.queue.no_show(2)
    figures = hall.views.counter_view(2).figures
    assert (figures.served, figures.no_shows) == (1, 1)
    assert figures.average_service_minutes == pytest.approx(6.0, abs=0.01)
    assert figures.average_wait_minutes == pytest.approx(5.0, abs=0.01)  # (2 + 8) / 2


def test_no_average_is_negative_when_the_clock_went_back(hall: Hall, clock) -> None:
    """A PC clock set back between issuing and calling (or a history replayed on an earlier clock)
    must not show an impossible negative wait or service time."""
    hall.queue.issue("A")
    hall.queue.issue("A")
    clock.advance(minutes=-10)  # the clock is corrected backwards
    hall.queue.call_next(2)
    clock.advance(minutes=-3)
    hall.queue.call_next(2)  # finishes A001 "before" it was called
    figures = hall.views.counter_view(2).figures
    assert figures.average_wait_minutes is not None and figures.average_wait_minutes >= 0
    assert figures.average_service_minutes is not None and figures.average_service_minutes >= 0
    lines = hall.views.service_lines()
    assert all(line.estimate_minutes is None or line.estimate_minutes >= 0 for line in lines)


def test_counter_view_of_an_unknown_counter(hall: Hall) -> None:
    with pytest.raises(NotFound) as err:
        hall.views.counter_view(9)
    assert err.value.code == "unknown_counter"


def test_display_view_and_announcements(hall: Hall) -> None:
    for code in "AAB":
        hall.queue.issue(code)
    start = hall.views.last_event_id()
    hall.queue.call_next(1)
    hall.queue.call_next(3)
    hall.queue.recall(3)
    announcements = hall.views.announcements_after(start)
    assert [(a.number, a.counter, a.recall) for a in announcements] == [
        ("A001", 1, False),
        ("B001", 3, False),
        ("B001", 3, True),
    ]
    assert hall.views.announcements_after(announcements[-1].event_id) == []
    display = hall.views.display_view(recent=2)
    # one line per ticket, with its latest call: a recall does not push other calls off the screen
    assert [(e.number, e.kind) for e in display.recent_calls] == [("B001", "recalled"), ("A001", "called")]
    assert display.waiting == {"A": 1}
    assert display.last_event_id == announcements[-1].event_id
    current = {c.counter.number: c.current.number for c in display.counters if c.current}
    assert current == {1: "A001", 3: "B001"}


def test_views_never_write(hall: Hall, sqlite_only: None) -> None:
    """(On the hall server the views read in READ ONLY transactions: a write there is an error.)"""
    hall.queue.issue("A")
    version = peek(hall).execute("SELECT COUNT(*) FROM queue_events").fetchone()[0]
    changes = hall.store.db.conn.total_changes
    hall.views.status()
    hall.views.counter_view(2)
    hall.views.display_view()
    hall.views.announcements_after(0)
    assert hall.store.db.conn.total_changes == changes
    assert peek(hall).execute("SELECT COUNT(*) FROM queue_events").fetchone()[0] == version
    assert hall.queue.repo.get(1).state is TicketState.WAITING


def test_data_version_changes_when_another_connection_commits(make_hall, hall: Hall) -> None:
    other = make_hall(hall.path)
    version = hall.views.data_version()
    assert hall.views.data_version() == version
    other.queue.issue("A")
    assert hall.views.data_version() != version
