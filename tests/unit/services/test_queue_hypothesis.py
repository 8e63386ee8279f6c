"""Random days at the counters keep the queue's invariants (hypothesis stateful testing).

Kiosk issues, calls, recalls, no-shows, transfers, re-queues, cancels, pauses and clock jumps (forward
across days and backwards) in any order, at any counter, including unknown ones. After every step:

* numbers are unique and gapless per (business day, prefix) and match their sequence;
* at most one active ticket per counter, and every active ticket has exactly one counter;
* replaying the event log gives every ticket's state through allowed transitions only;
* each action wrote exactly its events (one outbox row each); a refused action changed nothing;
* ``call_next`` honours the green channel, first come first served and the counter's strict order.
"""

from __future__ import annotations

import sqlite3
from collections import Counter as Tally
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from counter_app import paths
from counter_app.app import open_hall
from counter_app.domain import queue as rules
from counter_app.domain.errors import HallError
from counter_app.domain.queue import CounterState
from counter_app.services.hall import Hall
from counter_app.store.sqlite.connection import SqliteSql
from counter_app.store.sqlite.hall_file import SqliteHallStore

OPEN = ("waiting", "called", "serving")
TRANSITIONS: dict[str, tuple[frozenset[str | None], str]] = {
    "issued": (frozenset({None}), "waiting"),
    "called": (frozenset({"waiting"}), "called"),
    "recalled": (frozenset({"called"}), "called"),
    "serving": (frozenset({"called"}), "serving"),
    "no_show": (frozenset({"called"}), "no_show"),
    "finished": (frozenset({"called", "serving"}), "done"),
    "transferred": (frozenset({"called", "serving"}), "waiting"),
    "requeued": (frozenset({"no_show"}), "waiting"),
    "cancelled": (frozenset({"waiting"}), "cancelled"),
    "expired": (frozenset(OPEN), "cancelled"),
}

ALL_COUNTERS = (1, 2, 3, 4, 5, 6, 9)  # 9 is not a counter of this hall
SERVICES = st.sampled_from(["A", "A", "B", "C", "C", "D", "Z"])  # Z is not a service
PICK = st.integers(min_value=0, max_value=10_000)  # which counter or ticket, modulo their count
#: Mostly aim at a counter with a customer (or a ticket in the right state), sometimes at anything.
AIM = st.sampled_from([True, True, False])
CHOICE = st.tuples(AIM, PICK)
MINUTES = st.sampled_from([1, 1, 2, 5, 10, 31, -3, -45, 90, -60 * 7, 60 * 20, 60 * 26])


def copy_of(template: Hall, clock: Any) -> Hall:
    """A new in-memory hall with the template's rows: much faster than migrating each time."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    template.store.db.conn.backup(conn)
    conn.execute("PRAGMA foreign_keys=ON")
    memory = Path(":memory:")
    return Hall(
        store=SqliteHallStore(SqliteSql(sqlite_utils.Database(conn, strict=True)), memory, ()),
        profile=template.profile,
        path=memory,
        clock=clock,
    )


class QueueMachine(RuleBasedStateMachine):
    def __init__(self, template: Hall, clock: Any) -> None:
        super().__init__()
        clock.set(clock.__class__().now)  # each run starts on the same Monday morning
        clock.tick = timedelta(0)
        self.clock = clock
        self.hall = copy_of(template, clock)
        self.db = self.hall.store.db
        self.queue = self.hall.queue
        self.profile = self.hall.profile
        self.expected_events = 0

    def teardown(self) -> None:
        self.hall.close()

    # helpers -------------------------------------------------------------------------------------
    def scalar(self, sql: str, params: list[Any] | None = None) -> Any:
        return self.db.execute(sql, params or []).fetchone()[0]

    def effective_day(self) -> date:
        """The business day the service will use now: never before one already used."""
        day = rules.business_day(self.clock.now, self.profile.hall.day_start)
        latest = self.scalar("SELECT MAX(business_day) FROM tickets")
        return max(day, date.fromisoformat(latest)) if latest else day

    def stale_open(self) -> int:
        return int(
            self.scalar(
                "SELECT COUNT(*) FROM tickets "
                "WHERE state IN ('waiting', 'called', 'serving') AND business_day < ?",
                [self.effective_day().isoformat()],
            )
        )

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        return {
            t: sorted(self.db.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
            for t in ("tickets", "counters", "number_sequences", "queue_events", "outbox")
        }

    def counter_info(self, counter: int) -> tuple[str | None, bool]:
        """(state, has an active ticket of today) of a counter row, before an action. An active ticket
        of an earlier business day is closed by the action's day change (expired), not finished."""
        state = self.db.execute("SELECT state FROM counters WHERE number = ?", [counter]).fetchone()
        ticket = self.queue.repo.active_at(counter)
        active = ticket is not None and ticket.business_day >= self.effective_day()
        return (state[0] if state else None), active

    def pick_counter(self, choice: tuple[bool, int]) -> int:
        aim, pick = choice
        busy = [
            c
            for (c,) in self.db.execute(
                "SELECT counter FROM tickets WHERE state IN ('called', 'serving') ORDER BY counter"
            )
        ]
        return busy[pick % len(busy)] if aim and busy else ALL_COUNTERS[pick % len(ALL_COUNTERS)]

    def pick_number(self, choice: tuple[bool, int], state: str) -> str:
        aim, pick = choice
        aimed = [
            n for (n,) in self.db.execute("SELECT number FROM tickets WHERE state = ? ORDER BY id", [state])
        ]
        numbers = aimed if aim and aimed else [n for (n,) in self.db.execute("SELECT number FROM tickets")]
        return numbers[pick % len(numbers)] if numbers else "A001"

    def act(self, action: Any, expected: Any, *, uses_today: bool) -> Any:
        """Run one action; check its new events are exactly ``expected(result)`` (plus the expiry of
        earlier days' open tickets when the action looks at today), or that a refusal changed nothing."""
        stale = self.stale_open() if uses_today else 0
        before = self.dump()
        last = self.scalar("SELECT COALESCE(MAX(id), 0) FROM queue_events")
        try:
            result = action()
        except HallError:
            assert self.dump() == before, "a refused action changed the database"
            assert not self.db.conn.in_transaction
            return None
        kinds = [
            k for (k,) in self.db.execute("SELECT kind FROM queue_events WHERE id > ? ORDER BY id", [last])
        ]
        wanted = list(expected(result)) + ["expired"] * stale
        assert Tally(kinds) == Tally(wanted), (kinds, wanted)
        self.expected_events += len(wanted)
        return result

    def waiting_today(self) -> list[tuple[str, str, bool, int]]:
        rows = self.db.execute(
            "SELECT number, service_code, green, queue_order FROM tickets "
            "WHERE state = 'waiting' AND business_day = ?",
            [self.effective_day().isoformat()],
        ).fetchall()
        return [(n, s, bool(g), q) for n, s, g, q in rows]

    def call_events(self, counter: int, state: str | None, active: bool, called: bool) -> list[str]:
        return (
            (["counter_open"] if state == "paused" else [])
            + (["finished"] if active else [])
            + (["called"] if called else [])
        )

    # rules ---------------------------------------------------------------------------------------
    @rule(tickets=st.lists(st.tuples(SERVICES, st.booleans()), min_size=1, max_size=4))
    def issue(self, tickets: list[tuple[str, bool]]) -> None:
        for service, green in tickets:  # a few customers at once, so the lines fill up
            reason = "elderly" if green else ""
            self.act(
                lambda s=service, g=green, why=reason: self.queue.issue(s, green=g, green_reason=why),
                lambda r: ["issued"],
                uses_today=True,
            )

    @rule(choice=CHOICE)
    def call_next(self, choice: tuple[bool, int]) -> None:
        counter = ALL_COUNTERS[choice[1] % len(ALL_COUNTERS)]
        state, active = self.counter_info(counter)
        waiting = self.waiting_today()
        result = self.act(
            lambda: self.queue.call_next(counter),
            lambda r: self.call_events(counter, state, active, r.called is not None),
            uses_today=True,
        )
        if result is None:
            return
        setup = self.profile.counter(counter)
        served = [w for w in waiting if w[1] in setup.services]
        if result.called is None:
            assert served == [], "nobody called although someone waits for this counter"
            return
        called = result.called
        greens = [w for w in served if w[2]]
        if greens:  # green channel first, oldest green first
            assert called.green and called.queue_order == min(w[3] for w in greens)
            return
        assert not called.green
        line = [w for w in served if w[1] == called.service_code]
        assert called.queue_order == min(w[3] for w in line), "not first come, first served"
        if not setup.weights:  # strict order: the first of the counter's services that has someone
            first = next(code for code in setup.services if any(w[1] == code for w in served))
            assert called.service_code == first

    @rule(counter=st.sampled_from(ALL_COUNTERS), choice=CHOICE)
    def call_number(self, counter: int, choice: tuple[bool, int]) -> None:
        state, active = self.counter_info(counter)
        number = self.pick_number(choice, "waiting")
        self.act(
            lambda: self.queue.call_number(counter, number),
            lambda r: self.call_events(counter, state, active, True),
            uses_today=True,
        )

    @rule(choice=CHOICE)
    def recall(self, choice: tuple[bool, int]) -> None:
        counter = self.pick_counter(choice)
        self.act(
            lambda: self.queue.recall(counter),
            lambda r: ["no_show" if r.became_no_show else "recalled"],
            uses_today=False,
        )

    @rule(choice=CHOICE)
    def no_show(self, choice: tuple[bool, int]) -> None:
        counter = self.pick_counter(choice)
        self.act(lambda: self.queue.no_show(counter), lambda r: ["no_show"], uses_today=False)

    @rule(choice=CHOICE)
    def start(self, choice: tuple[bool, int]) -> None:
        counter = self.pick_counter(choice)
        self.act(lambda: self.queue.start_serving(counter), lambda r: ["serving"], uses_today=False)

    @rule(choice=CHOICE, stale_window=st.booleans())
    def finish(self, choice: tuple[bool, int], stale_window: bool) -> None:
        counter = self.pick_counter(choice)
        ticket_id = None
        if stale_window:  # what a window showing an older customer would send
            ticket_id = int(self.scalar("SELECT COALESCE(MAX(id), 0) FROM tickets"))
        self.act(lambda: self.queue.finish(counter, ticket_id), lambda r: ["finished"], uses_today=False)

    @rule(choice=CHOICE, service=SERVICES)
    def transfer(self, choice: tuple[bool, int], service: str) -> None:
        counter = self.pick_counter(choice)
        self.act(lambda: self.queue.transfer(counter, service), lambda r: ["transferred"], uses_today=False)

    @rule(choice=CHOICE)
    def requeue(self, choice: tuple[bool, int]) -> None:
        number = self.pick_number(choice, "no_show")
        self.act(lambda: self.queue.requeue(number), lambda r: ["requeued"], uses_today=True)

    @rule(choice=CHOICE)
    def cancel(self, choice: tuple[bool, int]) -> None:
        number = self.pick_number(choice, "waiting")
        self.act(lambda: self.queue.cancel(number, clerk="c1"), lambda r: ["cancelled"], uses_today=True)

    @rule(
        counter=st.sampled_from(ALL_COUNTERS),
        state=st.sampled_from(
            [CounterState.OPEN, CounterState.OPEN, CounterState.PAUSED, CounterState.CLOSED]
        ),
    )
    def set_counter(self, counter: int, state: CounterState) -> None:
        self.act(
            lambda: self.queue.set_counter_state(counter, state),
            lambda r: [f"counter_{state.value}"],
            uses_today=False,
        )

    @rule(minutes=MINUTES)
    def clock_moves(self, minutes: int) -> None:
        self.clock.advance(minutes=minutes)

    # invariants ----------------------------------------------------------------------------------
    @invariant()
    def numbers_unique_and_gapless(self) -> None:
        seqs: dict[tuple[str, str], list[int]] = {}
        for day, prefix, seq, number in self.db.execute(
            "SELECT business_day, prefix, seq, number FROM tickets"
        ):
            assert number == rules.format_number(prefix, seq)
            seqs.setdefault((day, prefix), []).append(seq)
        for key, found in seqs.items():
            assert sorted(found) == list(range(1, len(found) + 1)), (
                f"gap or duplicate in {key}: {sorted(found)}"
            )
        last = {(d, p): s for d, p, s in self.db.execute("SELECT * FROM number_sequences") if d != "*"}
        assert last == {k: len(v) for k, v in seqs.items()}

    @invariant()
    def one_active_ticket_per_counter(self) -> None:
        active = self.db.execute(
            "SELECT counter FROM tickets WHERE state IN ('called', 'serving')"
        ).fetchall()
        counters = [c for (c,) in active]
        assert None not in counters
        assert len(counters) == len(set(counters))

    @invariant()
    def states_follow_the_event_log(self) -> None:
        replay: dict[int, str | None] = {}
        at_counter: dict[int, int | None] = {}
        for ticket_id, kind, counter in self.db.execute(
            "SELECT ticket_id, kind, counter FROM queue_events WHERE ticket_id IS NOT NULL ORDER BY id"
        ):
            allowed, after = TRANSITIONS[kind]
            assert replay.get(ticket_id) in allowed, f"ticket {ticket_id}: {replay.get(ticket_id)} -{kind}->"
            replay[ticket_id] = after
            if kind == "called":
                at_counter[ticket_id] = counter
        stored = {i: (s, c) for i, s, c in self.db.execute("SELECT id, state, counter FROM tickets")}
        assert {i: s for i, (s, _) in stored.items()} == replay
        for ticket_id, (state, counter) in stored.items():
            if state in ("called", "serving"):
                assert at_counter[ticket_id] == counter

    @invariant()
    def every_action_left_exactly_its_events(self) -> None:
        assert self.scalar("SELECT COUNT(*) FROM queue_events") == self.expected_events
        assert self.scalar("SELECT COUNT(*) FROM outbox") == self.expected_events


@pytest.fixture(scope="module")
def template() -> Iterator[Hall]:
    hall = open_hall(":memory:", profile_file=paths.DEFAULT_PROFILE)
    yield hall
    hall.close()


def test_random_days_keep_the_queue_invariants(template: Hall, clock: Any) -> None:
    run_state_machine_as_test(
        lambda: QueueMachine(template, clock),
        settings=settings(
            max_examples=50,
            stateful_step_count=40,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
