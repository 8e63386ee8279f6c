"""Fallback numbers never collide, and offline queue actions settle by the written rules."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.errors import InvalidInput
from counter_app.domain.offline import (
    OfflineAct,
    Settlement,
    fallback_number,
    next_tag,
    parse_fallback,
    settle,
)
from counter_app.domain.queue import TicketState, format_number

W, C, S, D, N, X = (
    TicketState.WAITING,
    TicketState.CALLED,
    TicketState.SERVING,
    TicketState.DONE,
    TicketState.NO_SHOW,
    TicketState.CANCELLED,
)


def test_tags_are_handed_out_in_order_and_never_twice() -> None:
    assert next_tag([]) == "P1"
    assert next_tag(["P1", "P2", "P4"]) == "P3"
    with pytest.raises(InvalidInput, match="99 PCs"):
        next_tag([f"P{n}" for n in range(1, 100)])


def test_a_fallback_number_reads_back() -> None:
    assert fallback_number("A", "P1", 7) == "AP1-007"
    assert fallback_number("V", "P12", 1234) == "VP12-1234"
    parsed = parse_fallback("ap1-007")
    assert parsed is not None and (parsed.prefix, parsed.tag, parsed.seq) == ("A", "P1", 7)
    assert parse_fallback("A007") is None and parse_fallback("A1007") is None
    with pytest.raises(ValueError):
        fallback_number("A", "K1", 1)


@given(
    prefix=st.sampled_from("ABCDV"),
    tags=st.lists(st.integers(1, 99), min_size=2, max_size=2, unique=True),
    a=st.integers(1, 20000),
    b=st.integers(1, 20000),
    server=st.integers(1, 20000),
)
def test_fallback_numbers_never_collide_with_each_other_or_the_server(
    prefix: str, tags: list[int], a: int, b: int, server: int
) -> None:
    one, two = (fallback_number(prefix, f"P{t}", s) for t, s in zip(tags, (a, b), strict=True))
    assert one != two
    assert format_number(prefix, server) not in (one, two)


@pytest.mark.parametrize(
    ("act", "state", "at", "expected"),
    [
        # unknown on the server: its kiosk has not handed over yet
        (OfflineAct.CALL, None, None, Settlement.PARK),
        (OfflineAct.FINISH, None, None, Settlement.PARK),
        # where the act expects the ticket: applied
        (OfflineAct.CALL, W, None, Settlement.APPLY),
        (OfflineAct.START, C, 3, Settlement.APPLY),
        (OfflineAct.RECALL, C, 3, Settlement.APPLY),
        (OfflineAct.NO_SHOW, C, 3, Settlement.APPLY),
        (OfflineAct.FINISH, C, 3, Settlement.APPLY),
        (OfflineAct.FINISH, S, 3, Settlement.APPLY),
        # already so on the server (an earlier replay, or the same act done online first)
        (OfflineAct.CALL, C, 3, Settlement.ALREADY),
        (OfflineAct.FINISH, D, 3, Settlement.ALREADY),
        (OfflineAct.NO_SHOW, N, 3, Settlement.ALREADY),
        (OfflineAct.START, S, 3, Settlement.ALREADY),
        # another counter took the customer, or the day closed the ticket: the server stands
        (OfflineAct.CALL, C, 5, Settlement.CONFLICT),
        (OfflineAct.CALL, D, 5, Settlement.CONFLICT),
        (OfflineAct.CALL, X, None, Settlement.CONFLICT),
        (OfflineAct.FINISH, S, 5, Settlement.CONFLICT),
        (OfflineAct.FINISH, X, 3, Settlement.CONFLICT),
        (OfflineAct.NO_SHOW, D, 3, Settlement.CONFLICT),
        (OfflineAct.START, W, None, Settlement.CONFLICT),
    ],
)
def test_offline_queue_actions_settle_by_the_rules(
    act: OfflineAct, state: TicketState | None, at: int | None, expected: Settlement
) -> None:
    assert settle(act, server_state=state, server_counter=at, counter=3) is expected
