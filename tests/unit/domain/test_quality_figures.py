"""Service-quality figures on a small day worked out by hand, exactly and from summaries."""

from __future__ import annotations

from datetime import timedelta

import pytest
from quality_data import DAY, DONE, GONE, MIN, TARGETS, VISITS, at, leg

from counter_app import paths
from counter_app.domain.errors import InvalidInput
from counter_app.domain.profile import parse_hall_tables
from counter_app.domain.quality.facts import Rating, ServiceLeg, Targets, Visit
from counter_app.domain.quality.figures import Distribution, QualityFigures, figures_from_visits
from counter_app.domain.quality.summary import (
    QualitySummary,
    Tally,
    by_clerk,
    by_counter,
    by_hour,
    by_service,
)


def both(keep: object = None) -> tuple[QualityFigures, QualityFigures]:
    exact = figures_from_visits(VISITS, TARGETS, keep)  # type: ignore[arg-type]
    summary = QualitySummary.of_visits(VISITS, TARGETS).figures(keep)  # type: ignore[arg-type]
    return exact, summary


@pytest.mark.parametrize("way", ["exact", "summary"])
def test_hall_figures_match_the_hand_count(way: str) -> None:
    f = both()[0 if way == "exact" else 1]
    assert (f.arrivals, f.called, f.cancelled, f.green_arrivals) == (6, 5, 1, 1)
    assert (f.served, f.no_shows, f.transfers, f.handovers, f.passed_without_handover) == (5, 1, 2, 1, 1)
    assert f.guided_online == 1
    # waits 4, 12, 1, 10, 30 minutes
    assert f.wait.count == 5 and f.wait.total_us == 57 * MIN
    assert f.wait.mean_minutes == pytest.approx(11.4)
    assert f.wait.p90_us == 30 * MIN  # rank ⌈4.5⌉ = 5: the longest
    assert f.wait.max_us == 30 * MIN
    assert f.wait.within_target == 3 and f.wait.share_within_target == pytest.approx(0.6)
    assert (f.green_wait.count, f.green_wait.total_us, f.green_wait.within_target) == (1, MIN, 1)
    # service times 4, 6, 8, 10, 3, 5, 4 (the no-show is not a service)
    assert f.service_time.count == 7 and f.service_time.total_us == 40 * MIN
    assert f.service_time.p90_us == 10 * MIN  # rank ⌈6.3⌉ = 7
    assert f.service_time.within_target == 6
    assert f.rated == 4 and f.not_rated == 1
    assert f.satisfaction_rate == pytest.approx(2 / 4)
    assert f.response_rate == pytest.approx(4 / 5)
    assert f.mean_score == pytest.approx((5 + 3 + 4 + 1) / 4)
    assert dict(f.reasons) == {"long_wait": 1, "attitude": 1, "paperwork": 1}


@pytest.mark.parametrize("way", [0, 1])
def test_a_clerk_gets_the_waits_of_first_calls_and_the_legs_they_served(way: int) -> None:
    s001 = both(lambda k: k.clerk == "S001")[way]
    assert (s001.arrivals, s001.called) == (2, 2)  # visits 1 and 4 were first called by S001
    assert s001.wait.total_us == (4 + 10) * MIN
    assert (s001.served, s001.no_shows, s001.guided_online) == (2, 1, 1)
    assert s001.service_time.total_us == (4 + 3) * MIN
    assert s001.ratings == {Rating.VERY_SATISFIED: 1, Rating.NOT_RATED: 1}
    s002 = both(lambda k: k.clerk == "S002")[way]
    assert (s002.called, s002.served) == (1, 2)  # visit 6 came to S002 only after a hand-over
    assert s002.service_time.total_us == (6 + 4) * MIN
    assert s002.satisfaction_rate == 0.0
    s006 = both(lambda k: k.clerk == "S006")[way]
    assert (s006.transfers, s006.handovers, s006.served) == (1, 1, 0)


def test_services_count_waits_under_the_service_taken_and_service_times_where_served() -> None:
    groups = QualitySummary.of_visits(VISITS, TARGETS).group(by_service)
    assert groups["A"].arrivals == 3 and groups["A"].wait.total_us == (4 + 12 + 10) * MIN
    assert groups["A"].service_time.total_us == (4 + 6 + 3 + 4) * MIN  # incl. visit 6's A leg
    assert groups["C"].arrivals == 1 and groups["C"].wait.count == 0 and groups["C"].served == 1
    assert groups["D"].wait.within_target == 0 and groups["D"].transfers == 1


def test_hours_and_counters() -> None:
    summary = QualitySummary.of_visits(VISITS, TARGETS)
    hours = summary.group(by_hour)
    assert sorted(hours) == [9, 10]
    assert hours[10].arrivals == 1 and hours[10].served == 1  # counted in the hour the number was taken
    counters = summary.group(by_counter)
    assert sorted(counters) == [1, 2, 3, 5, 6]  # the cancelled number belongs to no counter
    assert counters[1].served == 2 and counters[2].served == 2
    assert sorted(summary.group(by_clerk)) == ["S001", "S002", "S003", "S005", "S006"]


def test_p90_from_a_histogram_is_the_upper_edge_of_its_minute() -> None:
    waits = [(m * 60 + 30) * 1_000_000 for m in range(10)]  # 0:30, 1:30, … 9:30
    tally = Tally()
    for w in waits:
        tally.add(w, True)
    exact_rank_9 = 8 * MIN + 30_000_000  # ⌈0.9 × 10⌉ = 9th smallest: 8:30
    assert tally.distribution().p90_us == 9 * MIN
    assert tally.distribution().p90_us - exact_rank_9 == 30_000_000
    assert tally.distribution().resolution_us == MIN


def test_a_wait_past_the_histogram_reports_the_true_longest() -> None:
    tally = Tally()
    for minutes in (1, 2, 300, 400):
        tally.add(minutes * MIN, False)
    assert tally.distribution().p90_us == 400 * MIN
    assert tally.distribution().p90_beyond_cap
    assert not figures_from_visits(VISITS, TARGETS).wait.p90_beyond_cap


def test_empty_groups_have_no_average_and_no_share() -> None:
    f = figures_from_visits([], TARGETS)
    assert f.wait.mean_minutes is None and f.wait.share_within_target is None
    assert f.satisfaction_rate is None and f.response_rate is None and f.mean_score is None
    assert QualitySummary().figures().wait.p90_minutes is None


def test_a_clock_set_back_counts_as_no_wait() -> None:
    visit = Visit(DAY, "A", at("09:10"), legs=(leg("A", 1, "09:05", DONE, "09:09"),))
    assert visit.wait == timedelta(0)
    assert figures_from_visits([visit], TARGETS).wait.within_target == 1


def test_histogram_bins_for_the_wait_chart() -> None:
    d = Distribution(count=4, buckets={0: 1, 7: 2, 61: 1})
    assert d.histogram(5, 60)[:3] == ((0, 1), (5, 2), (10, 0))
    assert d.histogram(5, 60)[-1] == (60, 1)
    with pytest.raises(ValueError):
        d.histogram(0)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (lambda: ServiceLeg("A", 1, "S1", at("09:00"), DONE), "ended_at"),
        (lambda: ServiceLeg("A", 1, "S1", at("09:00"), DONE, at("09:01"), handover=True), "hand-over"),
        (lambda: ServiceLeg("A", 1, "S1", at("09:00"), GONE, at("09:01"), rating=Rating.SATISFIED), "rating"),
        (lambda: Visit(DAY, "A", at("09:00"), legs=(leg("A", 1, "09:01", DONE, "09:02"),), cancelled=True),
         "cancelled"),
        (lambda: Visit(DAY, "A", at("09:00"), legs=(leg("A", 1, "09:01", DONE, "09:02"),) * 2), "finished"),
    ],
)  # fmt: skip
def test_impossible_facts_are_refused(bad: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        bad()  # type: ignore[operator]


def test_targets_from_the_shipped_profile() -> None:
    profile = parse_hall_tables(paths.DEFAULT_PROFILE.read_text(encoding="utf-8"))
    targets = Targets.from_profile(profile)
    assert targets.wait_for("A") == profile.queue.alert_wait_minutes == 20
    assert targets.service_for("A") == 5 and targets.service_for("B") == 20


def test_a_service_may_set_its_own_wait_target() -> None:
    text = paths.DEFAULT_PROFILE.read_text(encoding="utf-8").replace(
        'code = "A"\n', 'code = "A"\ntarget_wait_minutes = 8\n', 1
    )
    targets = Targets.from_profile(parse_hall_tables(text))
    assert (targets.wait_for("A"), targets.wait_for("B")) == (8, 20)
    with pytest.raises(InvalidInput):
        Targets.from_profile(
            parse_hall_tables(text.replace("target_wait_minutes = 8", "target_wait_minutes = 0"))
        )
