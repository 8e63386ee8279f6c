"""Summaries against the exact figures (hypothesis), merging, storage rows, and a generated day."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import quality_data
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.quality.facts import CellKey, LegEnd, Rating, ServiceLeg, Targets, Visit
from counter_app.domain.quality.figures import (
    BUCKET_US,
    HISTOGRAM_BUCKETS,
    QualityFigures,
    exact_groups,
    figures_from_visits,
)
from counter_app.domain.quality.summary import (
    QualitySummary,
    Tally,
    arrivals_by_day_hour_service,
    by_clerk,
    by_counter,
    by_day,
    by_hour,
    by_month,
    by_service,
)

TZ = ZoneInfo("Asia/Shanghai")
TARGETS = Targets({"A": 10}, 20, {"A": 5, "B": 20, "C": 10})  # D has no counter-time target
DAYS = (date(2025, 3, 3), date(2025, 3, 4), date(2025, 4, 1))
# durations in seconds that sit on and around bucket edges, the cap, and far past it
SECONDS = st.one_of(
    st.integers(0, 3 * 3600),
    st.sampled_from([0, 59, 60, 61, 599, 600, 601, 1200, 14_399, 14_400, 14_401, 30_000]),
)


@st.composite
def visits(draw: st.DrawFn) -> Visit:
    day = draw(st.sampled_from(DAYS))
    issued = datetime(day.year, day.month, day.day, 8, tzinfo=TZ) + timedelta(
        seconds=draw(st.integers(0, 10 * 3600)), microseconds=draw(st.integers(0, 999_999))
    )
    service = draw(st.sampled_from("ABCD"))
    n = draw(st.integers(0, 3))
    legs: list[ServiceLeg] = []
    moment = issued
    for i in range(n):
        last = i == n - 1
        end = draw(st.sampled_from(list(LegEnd) if last else [LegEnd.TRANSFERRED, LegEnd.NO_SHOW]))
        called = moment + timedelta(seconds=draw(SECONDS))
        serving = called + timedelta(seconds=draw(st.integers(0, 120))) if draw(st.booleans()) else None
        ended = None if end is LegEnd.OPEN else (serving or called) + timedelta(seconds=draw(SECONDS))
        rating = draw(st.none() | st.sampled_from(list(Rating))) if end is LegEnd.DONE else None
        counter = draw(st.integers(1, 3))
        legs.append(
            ServiceLeg(
                service_code=draw(st.sampled_from("ABCD")) if i else service,
                counter=counter,
                clerk=f"S{counter}{draw(st.sampled_from('xy'))}",
                called_at=called,
                end=end,
                ended_at=ended,
                serving_at=serving,
                handover=end is LegEnd.TRANSFERRED and draw(st.booleans()),
                rating=rating,
                reasons=tuple(draw(st.lists(st.sampled_from(["wait", "attitude"]), max_size=2)))
                if rating is not None and rating.rated
                else (),
                guided_online=draw(st.booleans()),
            )
        )
        moment = ended or called
    can_cancel = not legs or legs[-1].end in (LegEnd.NO_SHOW, LegEnd.TRANSFERRED)
    return Visit(
        day,
        service,
        issued,
        green=draw(st.booleans()),
        legs=tuple(legs),
        cancelled=can_cancel and draw(st.booleans()),
    )


def assert_same(exact: QualityFigures, summed: QualityFigures) -> None:
    """Everything equal, except a summary's 90th percentile: within one bucket above the exact one
    below the histogram's cap, the longest past it."""
    for name in ("wait", "green_wait", "service_time"):
        e, s = getattr(exact, name), getattr(summed, name)
        assert (s.count, s.total_us, s.max_us, s.within_target) == (
            e.count,
            e.total_us,
            e.max_us,
            e.within_target,
        )
        assert dict(s.buckets) == dict(e.buckets)
        assert_p90(e.p90_us, s.p90_us, s.max_us)
    plain = {"wait": None, "green_wait": None, "service_time": None}
    assert dataclasses.replace(exact, **plain) == dataclasses.replace(summed, **plain)  # type: ignore[arg-type]


def assert_p90(exact: int, summed: int, longest: int) -> None:
    assert exact <= summed <= longest
    if exact < HISTOGRAM_BUCKETS * BUCKET_US:
        assert summed <= exact + BUCKET_US
    else:
        assert summed == longest


GROUPINGS: dict[str, Callable[[CellKey], object]] = {
    "service": by_service,
    "counter": by_counter,
    "clerk": by_clerk,
    "hour": by_hour,
    "day": by_day,
    "month": by_month,
}


@given(st.lists(visits(), max_size=25), st.sampled_from(sorted(GROUPINGS)))
def test_summaries_give_the_exact_figures_per_group(sample: list[Visit], grouping: str) -> None:
    by = GROUPINGS[grouping]
    summary = QualitySummary.of_visits(sample, TARGETS)
    assert_same(figures_from_visits(sample, TARGETS), summary.figures())
    exact = exact_groups(sample, TARGETS, by)
    summed = summary.group(by)
    assert exact.keys() == summed.keys()
    for name, figures in summed.items():
        assert exact[name] == figures_from_visits(sample, TARGETS, lambda k, name=name: by(k) == name)
        assert_same(exact[name], figures)


@given(st.lists(visits(), max_size=30), st.lists(visits(), max_size=30))
def test_merging_summaries_is_summarising_everything(first: list[Visit], second: list[Visit]) -> None:
    merged = QualitySummary.merged(
        [QualitySummary.of_visits(first, TARGETS), QualitySummary.of_visits(second, TARGETS)]
    )
    assert merged.to_rows() == QualitySummary.of_visits(first + second, TARGETS).to_rows()


@given(st.lists(visits(), max_size=30))
def test_storage_rows_round_trip(sample: list[Visit]) -> None:
    summary = QualitySummary.of_visits(sample, TARGETS)
    rows = summary.to_rows()
    assert QualitySummary.from_rows(rows).to_rows() == rows
    assert QualitySummary.from_rows(rows).figures() == summary.figures()


@given(st.lists(st.integers(0, 20_000_000_000), min_size=1, max_size=300))
def test_tally_p90_bounds(durations: list[int]) -> None:
    tally = Tally()
    for us in durations:
        tally.add(us, False)
    exact = sorted(durations)[-(-9 * len(durations) // 10) - 1]
    assert_p90(exact, tally.distribution().p90_us, max(durations))


def test_a_tampered_row_is_refused() -> None:
    rows = QualitySummary.of_visits(quality_data.day_of_visits(DAYS[0], 50), TARGETS).to_rows()
    rows[0]["figures"] = rows[0]["figures"].replace('"count":', '"count":1', 1)
    with pytest.raises(ValueError):
        QualitySummary.from_rows(rows)


def test_a_generated_day_of_3000_agrees_both_ways() -> None:
    day = quality_data.day_of_visits(DAYS[0], 3000, seed=7)
    summary = QualitySummary.of_visits(day, TARGETS)
    assert_same(figures_from_visits(day, TARGETS), summary.figures())
    assert sum(arrivals_by_day_hour_service(summary).values()) == 3000
    assert summary.days() == (DAYS[0],)
    assert summary.between(DAYS[1], DAYS[2]).cells == {}
