"""Checks of a hall on its server after PC processes have worked on it (and through outages).

``conn`` is a plain psycopg connection to the hall database; a PC's own file is read with ``sqlite3``.
The checks of ``hall_invariants`` that are plain SQL (nobody called twice, every state reached by
allowed steps) run on the server as they are.
"""

from __future__ import annotations

import sqlite3
from collections import Counter as Tally
from pathlib import Path
from typing import Any

from hall_invariants import nobody_called_twice, transitions_follow_the_log

from counter_app.domain.offline import fallback_number, parse_fallback
from counter_app.domain.queue import format_number

__all__ = ["nobody_called_twice", "transitions_follow_the_log"]


def numbers_unique_and_gapless(conn: Any) -> dict[tuple[str, str], int]:
    """Every number once a day; each series numbered 1..n without a gap: the server's own series
    (``A``: ``number_sequences`` agrees) and each PC's fallback series (``AP1``: every ticket the
    PC issued alone is on the server). Returns n per (day, series)."""
    seqs: dict[tuple[str, str], list[int]] = {}
    for day, prefix, seq, number in conn.execute(
        "SELECT business_day::text, prefix, seq, number FROM tickets"
    ):
        fallback = parse_fallback(number)
        if fallback is None:
            assert number == format_number(prefix, seq), number
        else:
            assert prefix == fallback.prefix + fallback.tag and seq == fallback.seq, number
            assert number == fallback_number(fallback.prefix, fallback.tag, seq), number
        seqs.setdefault((day, prefix), []).append(seq)
    for key, found in seqs.items():
        assert sorted(found) == list(range(1, len(found) + 1)), f"gap or duplicate in {key}: {sorted(found)}"
    numbers = [n for (n,) in conn.execute("SELECT business_day::text || number FROM tickets")]
    assert len(numbers) == len(set(numbers)), "a number given twice"
    uuids = [u for (u,) in conn.execute("SELECT uuid FROM tickets")]
    assert len(uuids) == len(set(uuids))
    last = {
        (d, p): s for d, p, s in conn.execute("SELECT business_day, prefix, last_seq FROM number_sequences")
    }
    server_series = {k: len(v) for k, v in seqs.items() if len(k[1]) == 1}  # "A", not a PC's "AP1"
    assert last == server_series, "number_sequences disagrees with the tickets"
    return {k: len(v) for k, v in seqs.items()}


def tickets_by_uuid(conn: Any) -> dict[str, str]:
    return {u: n for u, n in conn.execute("SELECT uuid, number FROM tickets")}


def issued_once(conn: Any, acknowledged: list[dict[str, Any]]) -> int:
    """Every number a kiosk was given (online or alone) is on the server once, as that ticket.
    Returns how many tickets the server has beyond them (a number the server committed in the
    instant it went away, never told to its kiosk: it stays unclaimed, closed with the day)."""
    stored = tickets_by_uuid(conn)
    missing = [a for a in acknowledged if stored.get(a["uuid"]) != a["issued"]]
    assert missing == [], f"acknowledged but not on the server: {missing[:5]}"
    assert len({a["uuid"] for a in acknowledged}) == len(acknowledged)
    return len(stored) - len(acknowledged)


def calls_on_server(conn: Any, acknowledged: list[dict[str, Any]]) -> None:
    """Every call a counter was told about while the server answered is in the server's log, at
    that counter."""
    logged = set(
        conn.execute(
            "SELECT t.uuid, e.counter FROM queue_events e JOIN tickets t ON t.id = e.ticket_id "
            "WHERE e.kind = 'called'"
        )
    )
    told = {(a["uuid"], a["counter"]) for a in acknowledged if not a.get("offline")}
    assert told <= logged, f"calls acknowledged online but not on the server: {sorted(told - logged)[:5]}"


def journal(db: Path) -> list[tuple[str, str, str, str, str, str]]:
    """A PC's journal: (uuid, kind, payload, at, state, outcome) in the order it was written."""
    conn = sqlite3.connect(db, timeout=15)
    try:
        return list(
            conn.execute("SELECT uuid, kind, payload, at, state, outcome FROM pc_journal ORDER BY seq")
        )
    finally:
        conn.close()


def handed_over_once(conn: Any, pc: str, db: Path) -> Tally[str]:
    """Everything the PC did alone is on the server exactly once: each journal entry settled
    (handed over, or a conflict the server's record won), each UUID in ``applied_actions`` under
    this PC, and nothing else there under its name. Returns the outcomes counted."""
    entries = journal(db)
    open_ = [e for e in entries if e[4] not in ("handed_over", "conflict")]
    assert open_ == [], f"{pc}: {len(open_)} actions not handed over, e.g. {open_[:3]}"
    applied = dict(conn.execute("SELECT uuid, outcome FROM applied_actions WHERE pc = %s", [pc]).fetchall())
    mine = {e[0]: e for e in entries}
    assert set(applied) == set(mine), (
        f"{pc}: journal and server disagree: missing {sorted(set(mine) - set(applied))[:3]}, "
        f"extra {sorted(set(applied) - set(mine))[:3]}"
    )
    for uuid, (_, _, _, _, state, _) in mine.items():
        assert (applied[uuid] == "conflict") == (state == "conflict"), (pc, uuid, state, applied[uuid])
    return Tally(e[5] if e[4] == "handed_over" else "conflict" for e in entries)


def offline_calls_once(conn: Any, pc: str, db: Path) -> int:
    """Each call this PC made alone and handed over as applied is one ``called`` event on the
    server: that number, that counter, at the time the clerk made it. Returns how many."""
    import json

    applied = [
        (json.loads(payload), at)
        for _, kind, payload, at, state, outcome in journal(db)
        if kind == "queue.call_number" and state == "handed_over" and outcome == "applied"
    ]
    for payload, at in applied:
        (found,) = conn.execute(
            "SELECT COUNT(*) FROM queue_events e JOIN tickets t ON t.id = e.ticket_id "
            "WHERE e.kind = 'called' AND t.number = %s AND e.counter = %s AND e.at = %s::timestamptz",
            [payload["number"], payload["counter"], at],
        ).fetchone()
        assert found == 1, f"{pc}: call of {payload['number']} at {at} is on the server {found} times"
    return len(applied)


def papers_once(conn: Any, acknowledged: list[dict[str, Any]]) -> None:
    """Every slip a PC printed (alone or not) is one print job on the server, under the job's UUID,
    printed, with the copy its paper said (original or 补打)."""
    for slip in acknowledged:
        rows = conn.execute(
            "SELECT copy, status FROM print_jobs WHERE uuid = %s", [slip["printed"]]
        ).fetchall()
        assert rows == [("reprint" if slip["reprint"] else "original", "printed")], (slip, rows)


def ratings_once(conn: Any, acknowledged: list[dict[str, Any]]) -> None:
    """Every rating a customer gave (alone or not) is the one rating of that ticket on the server."""
    for rated in acknowledged:
        rows = conn.execute(
            "SELECT r.level FROM ratings r JOIN tickets t ON t.id = r.ticket_id WHERE t.number = %s",
            [rated["rated"]],
        ).fetchall()
        assert rows == [(rated["level"],)], (rated, rows)
