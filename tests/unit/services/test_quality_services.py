"""Service quality end to end on a real hall file: a day played through the services is read back as
the visits it was, and every figure matches the hand count; ratings, hand-overs and notes refuse what
they must, having changed nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from quality_data import DAY, MIN, VISITS, at
from quality_scenario import PROFILE_TEXT, play_day
from queue_checks import refused_without_change
from store_peek import peek

from counter_app.domain.errors import InvalidInput, NotFound, RuleViolation
from counter_app.domain.quality.facts import Rating
from counter_app.domain.quality.records import RatingSource, VisitOutcome
from counter_app.domain.queue import CounterState
from counter_app.services.hall import Hall


@pytest.fixture
def qhall(make_hall: Callable[..., Hall]) -> Hall:
    return make_hall(profile_text=PROFILE_TEXT)


@pytest.fixture
def played(qhall: Hall, clock) -> Hall:
    play_day(qhall, clock.set)
    return qhall


def test_the_played_day_reads_back_as_the_visits_it_was(played: Hall) -> None:
    assert played.quality.records.visits(DAY, DAY) == VISITS


def test_the_daily_report_has_the_hand_counted_figures(played: Hall, clock) -> None:
    clock.set(at("11:30"))
    report = played.quality.reports.daily(DAY, "en")
    h = {x.key: x.value for x in report.highlights}
    assert (h["arrivals"], h["served"], h["no_shows"], h["transfers"]) == (6, 5, 1, 2)
    assert (h["handovers"], h["passed_without_handover"], h["guided_online"]) == (1, 1, 1)
    assert h["wait_mean"] == pytest.approx(57 / 5)  # waits 4, 12, 1, 10, 30
    assert h["wait_p90"] == pytest.approx(30)  # the longest (rank 5 of 5), its minute's edge capped
    assert h["wait_within"] == pytest.approx(3 / 5)  # A's own target 10, the others the alert 20
    assert h["service_mean"] == pytest.approx(40 / 7)
    assert h["satisfaction_rate"] == pytest.approx(2 / 4) and h["response_rate"] == pytest.approx(4 / 5)
    assert h["green_wait"] == pytest.approx(1)
    clerks = {row[0]: row for row in report.table("clerks").rows}
    assert clerks["S002"][1] == 2  # served two (A002, and D001 after the hand-over)
    reasons = dict(report.table("reasons").rows)
    assert reasons == {"Long wait": 1, "Attitude": 1, "Too much paperwork": 1}


def test_a_closed_day_is_stored_once_and_gives_the_same_report(played: Hall, clock) -> None:
    clock.set(at("11:30"))
    live = played.quality.reports.daily(DAY)
    clock.set(at("11:30") + timedelta(days=1))
    played.queue.issue("A")  # a new business day
    assert played.quality.summaries.ensure(DAY, DAY) == 1
    assert played.quality.summaries.ensure(DAY, DAY) == 0  # stored: nothing to do
    stored = played.quality.reports.daily(DAY)
    assert stored.highlights == live.highlights and stored.tables == live.tables
    assert played.quality.records.arrivals_history(DAY, DAY) == {
        (DAY, 9, "A"): 3,
        (DAY, 9, "B"): 1,
        (DAY, 9, "C"): 1,
        (DAY, 10, "D"): 1,
    }


def test_a_late_rating_of_a_closed_day_drops_its_stored_summary(qhall: Hall, clock) -> None:
    clock.set(at("09:00"))
    qhall.queue.set_counter_state(1, CounterState.OPEN, "S001")
    qhall.queue.issue("A")
    qhall.queue.call_next(1)
    clock.set(at("09:05"))
    qhall.queue.finish(1)
    clock.set(at("09:00") + timedelta(days=1))
    qhall.queue.issue("A")
    qhall.quality.summaries.ensure(DAY, DAY)
    assert qhall.quality.records.summarised_days(DAY, DAY) == {DAY}
    qhall.quality.ratings.rate("satisfied", number="A001", day=DAY, source=RatingSource.CLI)
    assert qhall.quality.records.summarised_days(DAY, DAY) == set()
    assert qhall.quality.reports.daily(DAY).table("ratings").rows[1][1] == 1  # made again, with it


# ratings ------------------------------------------------------------------------------------------
def finished(hall: Hall, clock, service: str = "A", counter: int = 1) -> int:
    clock.set(at("09:00"))
    hall.queue.set_counter_state(counter, CounterState.OPEN, f"S00{counter}")
    ticket = hall.queue.issue(service).ticket
    hall.queue.call_number(counter, ticket.number)
    clock.set(at("09:03"))
    hall.queue.finish(counter)
    return ticket.id


def test_a_ticket_is_rated_once(qhall: Hall, clock) -> None:
    ticket_id = finished(qhall, clock)
    record = qhall.quality.ratings.rate("dissatisfied", ticket_id=ticket_id, reasons=["long_wait"])
    assert (record.level, record.reasons, record.counter, record.clerk) == (
        Rating.DISSATISFIED,
        ("long_wait",),
        1,
        "S001",
    )
    error = refused_without_change(
        qhall,
        lambda: qhall.quality.ratings.rate("not_rated", ticket_id=ticket_id),
        RuleViolation,
        "already_rated",
    )
    assert error.params == {"number": "A001"}
    outbox = peek(qhall).execute("SELECT payload FROM outbox WHERE topic = 'quality'").fetchall()
    assert [json.loads(p)["level"] for (p,) in outbox] == ["dissatisfied"]


@pytest.mark.parametrize(
    ("level", "reasons", "code"),
    [
        ("satisfied", ["long_wait"], "reasons_not_asked"),
        ("not_rated", ["long_wait"], "reasons_not_asked"),
        ("neutral", ["made_up"], "unknown_rating_reason"),
        ("superb", [], "unknown_rating"),
    ],
)
def test_bad_ratings_are_refused(qhall: Hall, clock, level: str, reasons: list[str], code: str) -> None:
    ticket_id = finished(qhall, clock)
    with pytest.raises((InvalidInput, RuleViolation)) as caught:
        qhall.quality.ratings.rate(level, ticket_id=ticket_id, reasons=reasons)
    assert caught.value.code == code
    assert qhall.quality.ratings.of_ticket(ticket_id) is None


def test_only_a_finished_customer_is_rated(qhall: Hall, clock) -> None:
    clock.set(at("09:00"))
    waiting = qhall.queue.issue("A").ticket
    refused_without_change(
        qhall,
        lambda: qhall.quality.ratings.rate("satisfied", ticket_id=waiting.id),
        RuleViolation,
        "not_finished",
    )
    with pytest.raises(NotFound):
        qhall.quality.ratings.rate("satisfied", number="A999")


def test_the_rating_screen_asks_about_the_last_customer_within_the_timeout(qhall: Hall, clock) -> None:
    qhall.staff.add("0101", "王丽")
    ticket_id = finished(qhall, clock)
    qhall.queue.set_counter_state(1, CounterState.OPEN, "王丽")  # signs in by name
    screen = qhall.quality.ratings.screen(1)
    assert screen.prompt is not None and screen.prompt.ticket_id == ticket_id
    assert (screen.clerk_name, screen.staff_code) == ("王丽", "0101")
    clock.advance(seconds=qhall.quality.settings.rating.timeout_seconds + 1)
    assert qhall.quality.ratings.screen(1).prompt is None  # too late to ask
    clock.set(at("09:03:10"))
    qhall.quality.ratings.rate("not_rated", ticket_id=ticket_id)
    assert qhall.quality.ratings.screen(1).prompt is None  # asked once


# hand-overs ---------------------------------------------------------------------------------------
def at_counter(hall: Hall, clock, counter: int = 1, service: str = "A") -> str:
    clock.set(at("09:00"))
    for number, clerk in ((1, "王丽"), (5, "陈静"), (2, "李强")):
        hall.queue.set_counter_state(number, CounterState.OPEN, clerk)
    ticket = hall.queue.issue(service).ticket
    hall.queue.call_number(counter, ticket.number)
    clock.set(at("09:04"))
    return ticket.number


def test_a_transfer_with_a_reason_is_a_hand_over_the_owner_and_receiver_see(qhall: Hall, clock) -> None:
    number = at_counter(qhall, clock)
    qhall.queue.transfer(1, "C", reason="需专人处理", to_counter=5)
    mine = qhall.quality.desk.desk(1).mine
    assert [(h.number, h.owner, h.to_service, h.to_counter, h.to_clerk, h.reason) for h in mine] == [
        (number, "王丽", "C", 5, "陈静", "需专人处理")
    ]
    assert [h.number for h in qhall.quality.desk.desk(5).to_me] == [number]
    clock.set(at("09:10"))
    qhall.queue.call_number(5, number)
    desk5 = qhall.quality.desk.desk(5)
    assert [h.from_clerk for h in desk5.received] == ["王丽"] and desk5.owner == "王丽"
    assert desk5.to_me == () and desk5.takes_outcome
    # handed on again: the owner stays the first clerk
    qhall.queue.transfer(5, "A", reason="需办理其他业务", to_counter=2)
    assert [h.owner for h in qhall.quality.desk.desk(2).to_me] == ["王丽"]
    clock.set(at("09:20"))
    qhall.queue.call_number(2, number)
    qhall.queue.finish(2)
    assert qhall.quality.desk.desk(1).mine == ()  # done: off the owner's list


@pytest.mark.parametrize(
    ("to", "reason", "to_counter", "error", "code"),
    [
        ("C", "  ", None, InvalidInput, "handover_reason_required"),
        ("C", None, 5, InvalidInput, "handover_reason_required"),
        ("C", "x", 1, InvalidInput, "handover_same_counter"),
        ("C", "x", 4, InvalidInput, "counter_not_serving"),
        ("C", "x", 9, InvalidInput, "unknown_counter"),
        ("A", None, None, RuleViolation, "same_service"),
        ("C", "电话 13812345678", None, InvalidInput, "note_personal_data"),
    ],
)
def test_bad_hand_overs_are_refused(
    qhall: Hall, clock, to: str, reason: str | None, to_counter: int | None, error: type, code: str
) -> None:
    at_counter(qhall, clock)
    refused_without_change(
        qhall, lambda: qhall.queue.transfer(1, to, reason=reason, to_counter=to_counter), error, code
    )


def test_a_hand_over_to_another_counter_of_the_same_service(qhall: Hall, clock) -> None:
    number = at_counter(qhall, clock)
    moved = qhall.queue.transfer(1, "A", reason="系统故障", to_counter=2)
    assert moved.service_code == "A" and moved.state.value == "waiting"
    assert [h.number for h in qhall.quality.desk.desk(2).to_me] == [number]


# notes --------------------------------------------------------------------------------------------
def test_an_inquiry_takes_a_note_and_an_outcome(qhall: Hall, clock) -> None:
    number = at_counter(qhall, clock, counter=5, service="C")
    note = qhall.quality.desk.save_note(5, outcome="referred_95598", note="电价疑问 已转工单")
    assert (note.number, note.outcome, note.note, note.clerk) == (
        number,
        VisitOutcome.REFERRED_95598,
        "电价疑问 已转工单",
        "陈静",
    )
    again = qhall.quality.desk.save_note(5, outcome="answered", note="")  # corrected
    assert (again.outcome, again.note) == (VisitOutcome.ANSWERED, "")
    assert qhall.quality.records.outcomes(DAY, DAY) == {"answered": 1}


@pytest.mark.parametrize(
    ("service", "outcome", "note", "code"),
    [
        ("A", "answered", "", "no_outcome_for_service"),
        ("C", None, "", "note_empty"),
        ("C", "answered", "身份证 110105194912310021", "note_personal_data"),
        ("C", "answered", "长" * 201, "note_too_long"),
        ("C", "solved", "", "unknown_outcome"),
    ],
)
def test_bad_notes_are_refused(
    qhall: Hall, clock, service: str, outcome: str | None, note: str, code: str
) -> None:
    counter = 5 if service == "C" else 1
    at_counter(qhall, clock, counter=counter, service=service)
    refused_without_change(
        qhall,
        lambda: qhall.quality.desk.save_note(counter, outcome=outcome, note=note),
        (InvalidInput, RuleViolation),
        code,
    )


# the dashboard --------------------------------------------------------------------------------------
def test_the_dashboard_now_and_today(played: Hall, clock) -> None:
    clock.set(at("10:40"))
    played.queue.issue("A")
    clock.set(at("10:50"))
    played.queue.issue("B")
    clock.set(at("11:05"))
    view = played.quality.dashboard.view()
    lines = {line.service_code: line for line in view.lines}
    assert (lines["A"].waiting, lines["A"].target_minutes, lines["B"].target_minutes) == (1, 10, 20)
    assert lines["A"].longest_wait_minutes == pytest.approx(25) and lines["A"].over_target
    assert not lines["B"].over_target
    assert [(a.kind, a.subject) for a in view.alerts] == [("wait_over_target", "A")]
    assert view.today.arrivals == 8 and view.today.served == 5 and view.today.wait.total_us == 57 * MIN
    assert view.by_clerk["S002"].served == 2 and view.by_clerk["S006"].handovers == 1
    assert [c.number for c in view.counters] == [1, 2, 3, 4, 5, 6]
    assert view.outcomes == {} and view.handovers_open == 0
    # counters 1–6 opened at 08:55: six counters the whole of 09:00–10:00, and 10:00–11:00
    assert view.counters_open[9] == pytest.approx(6) and view.counters_open[10] == pytest.approx(6)


def test_the_trend_shows_each_day(played: Hall, clock) -> None:
    clock.set(at("09:00") + timedelta(days=2))
    played.queue.issue("A")
    trend = played.quality.dashboard.trend(3)
    assert [t.day for t in trend] == [DAY, DAY + timedelta(days=1), DAY + timedelta(days=2)]
    assert (trend[0].arrivals, trend[1].arrivals, trend[2].arrivals) == (6, 0, 1)
    assert trend[0].mean_wait_minutes == pytest.approx(57 / 5) and trend[
        0
    ].satisfaction_rate == pytest.approx(0.5)


def test_reports_refuse_bad_ranges(qhall: Hall) -> None:
    with pytest.raises(InvalidInput):
        qhall.quality.reports.range(date(2025, 3, 5), date(2025, 3, 1))
    with pytest.raises(InvalidInput):
        qhall.quality.reports.range(date(2024, 1, 1), date(2025, 3, 1))
    with pytest.raises(InvalidInput):
        qhall.quality.reports.monthly(2025, 13)
