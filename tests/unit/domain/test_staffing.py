"""Erlang C against values worked out by hand and against the textbook closed form."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.quality.staffing import (
    counters_needed,
    erlang_b,
    erlang_c,
    mean_wait_minutes,
    offered_load,
    service_level,
)


def closed_form_c(servers: int, load: float) -> float:
    """The textbook formula (A^c/c!·c/(c−A)) / (Σ_{k<c} A^k/k! + A^c/c!·c/(c−A)), in log space."""
    logs = [k * math.log(load) - math.lgamma(k + 1) for k in range(servers + 1)]
    top = max(logs)
    terms = [math.exp(v - top) for v in logs]
    tail = terms[servers] * servers / (servers - load)
    return tail / (math.fsum(terms[:servers]) + tail)


def test_erlang_b_by_hand() -> None:
    # A = 3, c = 5: (3^5/5!) / Σ_{k≤5} 3^k/k! = 2.025 / 18.4
    assert erlang_b(5, 3.0) == pytest.approx(2.025 / 18.4, rel=1e-12)
    assert erlang_b(0, 3.0) == 1.0


def test_two_erlangs_on_three_counters() -> None:
    # 40 customers an hour, 3 minutes each: A = 2 Erlangs; C(3, 2) = 4/9
    assert offered_load(40, 3) == pytest.approx(2.0)
    assert erlang_c(3, 2.0) == pytest.approx(4 / 9, rel=1e-12)
    assert mean_wait_minutes(40, 3, 3) == pytest.approx(4 / 9 * 3 / (3 - 2))
    assert service_level(40, 3, 3, 1) == pytest.approx(1 - 4 / 9 * math.exp(-1 / 3))


def test_fewest_counters_for_80_percent_within_a_minute() -> None:
    # c = 3 reaches 68.2 %; c = 4: B = 0.0952, C = 0.1739, P(W ≤ 1) = 1 − 0.1739·e^(−2/3) = 91.1 %
    need = counters_needed(40, 3, 1, 0.8)
    assert need.counters == 4
    assert need.probability_wait == pytest.approx(4 / 23, rel=1e-9)  # 0.173913…
    assert need.service_level == pytest.approx(1 - 4 / 23 * math.exp(-2 / 3))
    assert need.occupancy == pytest.approx(0.5)


def test_a_mean_wait_limit_can_ask_for_more() -> None:
    # c = 3 has 68 % within a minute (enough for 50 %) but a mean wait of 1.33 minutes
    assert counters_needed(40, 3, 1, 0.5).counters == 3
    need = counters_needed(40, 3, 1, 0.5, max_mean_wait_minutes=1.0)
    assert need.counters == 4 and need.mean_wait_minutes == pytest.approx(4 / 23 * 3 / 2)


def test_no_arrivals_need_no_counter_and_overload_never_settles() -> None:
    assert counters_needed(0, 5, 10).counters == 0
    assert erlang_c(2, 2.0) == 1.0 and erlang_c(1, 5.0) == 1.0
    assert mean_wait_minutes(120, 1, 2) == math.inf
    assert service_level(120, 1, 2, 10) == 0.0


@pytest.mark.parametrize(("servers", "load"), [(3, 2.0), (12, 10.0), (60, 50.5), (530, 500.0)])
def test_the_recursion_matches_the_closed_form(servers: int, load: float) -> None:
    assert erlang_c(servers, load) == pytest.approx(closed_form_c(servers, load), rel=1e-9)


def test_large_loads_stay_finite_and_follow_square_root_staffing() -> None:
    # 12,000 customers an hour at 25 minutes: A = 5,000 Erlangs; factorials would overflow long before
    need = counters_needed(12_000, 25, 0.5, 0.8)
    assert 5_000 < need.counters < 5_000 + 3 * math.sqrt(5_000)
    assert service_level(12_000, 25, need.counters, 0.5) >= 0.8
    assert service_level(12_000, 25, need.counters - 1, 0.5) < 0.8
    assert 0.0 < erlang_c(need.counters, need.load) < 1.0


@given(st.floats(0.1, 400), st.floats(0.5, 30), st.floats(0, 30), st.floats(0.05, 0.99))
def test_counters_needed_is_the_fewest(rate: float, minutes: float, target: float, share: float) -> None:
    need = counters_needed(rate, minutes, target, share)
    assert need.service_level >= share
    assert need.counters == 1 or service_level(rate, minutes, need.counters - 1, target) < share


@given(st.integers(1, 300), st.floats(0.01, 250))
def test_waiting_gets_rarer_with_every_counter(servers: int, load: float) -> None:
    c = erlang_c(servers, load)
    assert 0.0 <= c <= 1.0
    assert erlang_c(servers + 1, load) <= c


@pytest.mark.parametrize(
    "call",
    [
        lambda: erlang_b(-1, 1.0),
        lambda: erlang_c(2, -1.0),
        lambda: erlang_c(2, math.inf),
        lambda: counters_needed(10, 5, 5, 1.0),
        lambda: counters_needed(10, 5, -1),
        lambda: offered_load(-1, 5),
        lambda: service_level(10, 5, 3, -1),
    ],
)
def test_bad_arguments_are_refused(call: object) -> None:
    with pytest.raises(ValueError):
        call()  # type: ignore[operator]
