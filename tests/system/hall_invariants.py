"""Checks of a hall database file after processes have worked on it (read with plain ``sqlite3``)."""

from __future__ import annotations

import sqlite3
from collections import Counter as Tally
from pathlib import Path

from counter_app.domain.queue import format_number

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


def connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, timeout=15)


def integrity(conn: sqlite3.Connection) -> None:
    result = conn.execute("PRAGMA integrity_check").fetchall()
    assert result == [("ok",)], result


def numbers_gapless(conn: sqlite3.Connection) -> dict[tuple[str, str], int]:
    """Every (day, prefix) numbered 1..n without gap or duplicate; returns n per (day, prefix)."""
    seqs: dict[tuple[str, str], list[int]] = {}
    for day, prefix, seq, number in conn.execute("SELECT business_day, prefix, seq, number FROM tickets"):
        assert number == format_number(prefix, seq), number
        seqs.setdefault((day, prefix), []).append(seq)
    for key, found in seqs.items():
        assert sorted(found) == list(range(1, len(found) + 1)), f"gap or duplicate in {key}"
    numbers = [n for (n,) in conn.execute("SELECT business_day || number FROM tickets")]
    assert len(numbers) == len(set(numbers))
    last = {(d, p): s for d, p, s in conn.execute("SELECT * FROM number_sequences") if d != "*"}
    assert last == {k: len(v) for k, v in seqs.items()}, "number_sequences disagrees with the tickets"
    return {k: len(v) for k, v in seqs.items()}


def nobody_called_twice(conn: sqlite3.Connection) -> int:
    """At most one call per ticket, plus one per time it went back in line (re-queue, transfer)."""
    kinds: dict[int, Tally[str]] = {}
    for ticket_id, kind in conn.execute(
        "SELECT ticket_id, kind FROM queue_events WHERE ticket_id IS NOT NULL"
    ):
        kinds.setdefault(ticket_id, Tally())[kind] += 1
    twice = [t for t, k in kinds.items() if k["called"] > 1 + k["requeued"] + k["transferred"]]
    assert twice == [], f"tickets called twice: {twice[:10]}"
    return sum(k["called"] for k in kinds.values())


def transitions_follow_the_log(conn: sqlite3.Connection) -> None:
    """Replaying the event log reaches every ticket's stored state through allowed steps only."""
    state: dict[int, str | None] = {}
    where: dict[int, int | None] = {}
    for ticket_id, kind, counter in conn.execute(
        "SELECT ticket_id, kind, counter FROM queue_events WHERE ticket_id IS NOT NULL ORDER BY id"
    ):
        allowed, after = TRANSITIONS[kind]
        assert state.get(ticket_id) in allowed, f"ticket {ticket_id}: {state.get(ticket_id)} -{kind}->"
        state[ticket_id] = after
        if kind == "called":
            where[ticket_id] = counter
    stored = {i: (s, c) for i, s, c in conn.execute("SELECT id, state, counter FROM tickets")}
    assert {i: s for i, (s, _) in stored.items()} == state
    active = [(c, i) for i, (s, c) in stored.items() if s in ("called", "serving")]
    assert len({c for c, _ in active}) == len(active), "two active tickets at one counter"
    assert all(where[i] == c for c, i in active)
    events = conn.execute("SELECT COUNT(*) FROM queue_events").fetchone()[0]
    # one outbox row per queue event (ratings and the rest have topics of their own)
    assert conn.execute("SELECT COUNT(*) FROM outbox WHERE topic = 'queue'").fetchone()[0] == events
