"""Working without the hall server (离线): fallback numbers and how offline actions are settled.

A PC that cannot reach the hall server keeps working on its own store (ARCHITECTURE.md §7). What it
did is replayed on the server later, exactly once, in the order it was done. This module holds the
rules of that, as plain functions the tests can read like a table:

* **Fallback numbers** can never collide: the server gives each PC a tag of its own (``P1``, ``P2`` …)
  when it first joins the hall; a ticket issued offline is ``<service letter><tag>-<seq>`` (``AP1-007``),
  which no server number (``A007``, ``A1007``) and no other PC's number can be.
* **Settling** an offline queue action against the ticket as the server has it (:func:`settle`):
  the server's record stands when another counter already took the customer; an action on a number
  the server does not know yet waits for the PC that issued it to hand its work over.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from counter_app.domain.errors import InvalidInput
from counter_app.domain.queue import TicketState

TAG = re.compile(r"^P[0-9]{1,2}$")
_FALLBACK = re.compile(r"^(?P<prefix>[A-Z])(?P<tag>P[0-9]{1,2})-(?P<seq>[0-9]{3,})$")
MAX_TAGS = 99


def next_tag(taken: Iterable[str]) -> str:
    """The first free PC tag of the hall (``P1`` … ``P99``)."""
    used = set(taken)
    for n in range(1, MAX_TAGS + 1):
        tag = f"P{n}"
        if tag not in used:
            return tag
    raise InvalidInput(
        f"This hall already has {MAX_TAGS} PCs; remove one that is no longer used.",
        field="pc",
        code="too_many_pcs",
    )


def fallback_number(prefix: str, tag: str, seq: int) -> str:
    """The number a ticket issued offline carries: ``AP1-007`` (service A, PC tag P1, 7th that day)."""
    if not TAG.match(tag):
        raise ValueError(f"not a PC tag: {tag!r}")
    if len(prefix) != 1 or not prefix.isascii() or not prefix.isupper() or seq < 1:
        raise ValueError(f"not a ticket prefix and sequence: {prefix!r} {seq}")
    return f"{prefix}{tag}-{seq:03d}"


@dataclass(frozen=True)
class FallbackNumber:
    prefix: str
    tag: str
    seq: int


def parse_fallback(number: str) -> FallbackNumber | None:
    """The parts of a fallback number, or ``None`` for a server number (``A007``)."""
    found = _FALLBACK.match(number.strip().upper())
    if found is None:
        return None
    return FallbackNumber(found["prefix"], found["tag"], int(found["seq"]))


class Settlement(StrEnum):
    APPLY = "apply"  # the server takes the action as it was done
    CONFLICT = "conflict"  # the server's record stands; the offline action is kept as an event
    PARK = "park"  # the server does not know the number yet: try again at the next hand-over
    ALREADY = "already"  # the server already has this effect (e.g. the ticket is finished here too)


class OfflineAct(StrEnum):
    """The queue actions a counter can take on its own."""

    CALL = "call"  # called by number (F7)
    START = "start"  # the customer came to the counter
    RECALL = "recall"
    NO_SHOW = "no_show"
    FINISH = "finish"


_EXPECTED: dict[OfflineAct, frozenset[TicketState]] = {
    OfflineAct.CALL: frozenset({TicketState.WAITING}),
    OfflineAct.START: frozenset({TicketState.CALLED}),
    OfflineAct.RECALL: frozenset({TicketState.CALLED}),
    OfflineAct.NO_SHOW: frozenset({TicketState.CALLED}),
    OfflineAct.FINISH: frozenset({TicketState.CALLED, TicketState.SERVING}),
}
_RESULT: dict[OfflineAct, TicketState] = {
    OfflineAct.CALL: TicketState.CALLED,
    OfflineAct.START: TicketState.SERVING,
    OfflineAct.RECALL: TicketState.CALLED,
    OfflineAct.NO_SHOW: TicketState.NO_SHOW,
    OfflineAct.FINISH: TicketState.DONE,
}


def settle(
    act: OfflineAct,
    *,
    server_state: TicketState | None,
    server_counter: int | None,
    counter: int,
) -> Settlement:
    """How the server takes an offline ``act`` of ``counter`` on a ticket it has in ``server_state``
    at ``server_counter`` (``None``: no such ticket on the server yet).

    1. Unknown number: park (its kiosk has not handed its tickets over yet).
    2. The ticket is where the act expects it (waiting for a call; at this counter for the rest):
       apply, with the times it was done.
    3. The ticket is already in the state the act leads to, at this counter: nothing to do.
    4. Anything else (another counter took the customer, the customer was finished or cancelled
       meanwhile): the server's record stands; the offline act is recorded as a conflict event,
       so nothing is counted twice and nothing a clerk did is lost.
    """
    if server_state is None:
        return Settlement.PARK
    if act is OfflineAct.CALL:
        if server_state is TicketState.WAITING:
            return Settlement.APPLY
        if server_state in (TicketState.CALLED, TicketState.SERVING) and server_counter == counter:
            return Settlement.ALREADY
        return Settlement.CONFLICT
    if server_counter != counter:
        return Settlement.CONFLICT
    if server_state in _EXPECTED[act]:
        return Settlement.APPLY
    if server_state is _RESULT[act]:
        return Settlement.ALREADY
    return Settlement.CONFLICT


# the journal and its hand-over ---------------------------------------------------------------------
@dataclass(frozen=True)
class ActionStamp:
    """An action being handed over: its UUID (made when it was done), the PC, its kind and when it
    was done. The server records it with the action's effect, in the same transaction."""

    uuid: str
    pc: str
    kind: str
    at: datetime


@dataclass(frozen=True)
class JournalEntry:
    seq: int
    uuid: str
    kind: str
    payload: dict[str, Any]
    at: datetime
    state: str
    outcome: str


@dataclass(frozen=True)
class JournalCounts:
    pending: int
    parked: int
    oldest: datetime | None


@dataclass(frozen=True)
class PcIdentity:
    name: str
    tag: str
    server: str
    joined_at: datetime
