"""The application's life as a fold over events: stages, returns, the stopped clock, ownership."""

from __future__ import annotations

import tomllib
from datetime import date, datetime
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from counter_app.domain.application_events import Accepted, Advanced, Event, StagePlan
from counter_app.domain.application_intake import AcceptedIntake, IntakeForm, accept_intake
from counter_app.domain.application_workflow import (
    Actor,
    ApplicationState,
    Role,
    Status,
    accept,
    advance,
    apply,
    complete,
    deadlines,
    hand_over,
    may_act,
    replay,
    resume,
    return_to,
    suspend,
    withdraw,
)
from counter_app.domain.applications import ApplicantKind, ApplicationPolicy, TariffClass, VoltageLevel
from counter_app.domain.business_types import BusinessType, find_business_type, parse_business_types
from counter_app.domain.errors import RuleViolation
from counter_app.domain.identity import IdType
from counter_app.domain.workdays import WorkCalendar

DEFAULTS = Path(__file__).parents[3] / "resources" / "profile" / "business_types.toml"
SHANGHAI = ZoneInfo("Asia/Shanghai")
CAL = WorkCalendar()
OWNER = Actor("clerk-07")
OTHER = Actor("clerk-09")
BOSS = Actor("lead-01", Role.SUPERVISOR)


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=SHANGHAI)


@cache
def business(code: str) -> BusinessType:
    with DEFAULTS.open("rb") as file:
        return find_business_type(parse_business_types(tomllib.load(file)["business_types"]), code)


def intake(code: str = "lv_residential_new", external_works: bool = False) -> AcceptedIntake:
    """A clean intake of ``code`` with every document shown (a firm at 10 kV for high voltage)."""
    high = code.startswith("hv_")
    form = IntakeForm(
        business_type=code,
        applicant_kind=ApplicantKind.ORGANISATION if high else ApplicantKind.PERSON,
        name="张三",
        id_type=IdType.USCC if high else IdType.RESIDENT_ID,
        id_number="913502000728319549" if high else "11010519491231002X",
        mobile="13812345678",
        address="通辽市科尔沁区建国路1号",
        capacity="8",
        voltage=VoltageLevel.KV10 if high else VoltageLevel.V220,
        tariff_class=TariffClass.RESIDENTIAL,
        external_works=external_works,
        documents_presented=frozenset(d.code for d in business(code).documents),
    )
    return accept_intake(form, business(code), ApplicationPolicy(), CAL, accepted_on=date(2026, 2, 12))


class Story:
    """Keeps the event list and the folded state side by side, as the store would."""

    def __init__(self, code: str = "lv_residential_new", day: date = date(2026, 2, 12), **kw: bool) -> None:
        self.events: list[Event] = [accept(intake(code, **kw), business(code), actor=OWNER, at=at(day))]
        self.state = replay(self.events)

    def status(self) -> Status:
        return self.state.status

    def add(self, event: Event) -> None:
        self.events.append(event)
        self.state = apply(self.state, event)


def test_acceptance_makes_the_clerk_the_owner_and_snapshots_limits() -> None:
    story = Story()
    first = story.events[0]
    assert isinstance(first, Accepted)
    assert first.stages == (StagePlan("accept_sign", None), StagePlan("build_connect", None))
    assert first.whole_limit_days == 5
    assert story.state.owner == "clerk-07"
    assert story.status() is Status.ACCEPTED
    assert story.state.stage.code == "accept_sign"
    assert Story(external_works=True).state.whole_limit_days == 15


def test_residential_flow_to_completion() -> None:
    story = Story()
    story.add(advance(story.state, expected_stage="accept_sign", actor=OWNER, at=at(date(2026, 2, 13))))
    assert story.status() is Status.IN_PROGRESS and story.state.stage.code == "build_connect"
    story.add(complete(story.state, expected_stage="build_connect", actor=OWNER, at=at(date(2026, 2, 25))))
    assert story.status() is Status.COMPLETED and not story.state.is_open
    assert replay(story.events) == story.state
    assert story.state.version == 3


def test_advancing_the_same_stage_twice_is_refused() -> None:
    story = Story("hv_new_single")
    click = advance(story.state, expected_stage="apply_accept", actor=OWNER, at=at(date(2026, 2, 13)))
    story.add(click)
    with pytest.raises(RuleViolation) as caught:
        advance(story.state, expected_stage="apply_accept", actor=OWNER, at=at(date(2026, 2, 13), 11))
    assert caught.value.code == "stale_stage"
    with pytest.raises(RuleViolation) as caught:
        apply(story.state, click)  # the same stored event twice is a damaged history
    assert caught.value.code == "stale_stage"


def test_last_stage_completes_and_only_the_last_stage_does() -> None:
    story = Story()
    with pytest.raises(RuleViolation) as caught:
        complete(story.state, expected_stage="accept_sign", actor=OWNER, at=at(date(2026, 2, 13)))
    assert caught.value.code == "not_last_stage"
    story.add(advance(story.state, expected_stage="accept_sign", actor=OWNER, at=at(date(2026, 2, 13))))
    with pytest.raises(RuleViolation) as caught:
        advance(story.state, expected_stage="build_connect", actor=OWNER, at=at(date(2026, 2, 14)))
    assert caught.value.code == "not_last_stage"


def test_only_the_owner_or_a_supervisor_may_act() -> None:
    assert may_act(OWNER, "clerk-07") and may_act(BOSS, "clerk-07") and not may_act(OTHER, "clerk-07")
    story = Story()
    with pytest.raises(RuleViolation) as caught:
        advance(story.state, expected_stage="accept_sign", actor=OTHER, at=at(date(2026, 2, 13)))
    assert caught.value.code == "not_owner"
    story.add(advance(story.state, expected_stage="accept_sign", actor=BOSS, at=at(date(2026, 2, 13))))
    assert story.state.owner == "clerk-07"  # stepping in does not take ownership


def test_hand_over_moves_ownership() -> None:
    story = Story()
    story.add(hand_over(story.state, to_owner="clerk-09", actor=OWNER, at=at(date(2026, 2, 13))))
    assert story.state.owner == "clerk-09"
    with pytest.raises(RuleViolation):
        advance(story.state, expected_stage="accept_sign", actor=OWNER, at=at(date(2026, 2, 13), 11))
    story.add(advance(story.state, expected_stage="accept_sign", actor=OTHER, at=at(date(2026, 2, 13), 11)))
    with pytest.raises(RuleViolation) as caught:
        hand_over(story.state, to_owner="clerk-09", actor=OTHER, at=at(date(2026, 2, 14)))
    assert caught.value.code == "same_owner"


def test_return_goes_back_with_a_reason_and_restarts_the_stage_clock() -> None:
    story = Story("hv_new_single", day=date(2026, 11, 2))
    story.add(advance(story.state, expected_stage="apply_accept", actor=OWNER, at=at(date(2026, 11, 3))))
    story.add(advance(story.state, expected_stage="plan_reply", actor=OWNER, at=at(date(2026, 11, 10))))
    with pytest.raises(RuleViolation) as caught:
        return_to(
            story.state,
            expected_stage="external_works",
            to_stage="plan_reply",
            reason="  ",
            actor=OWNER,
            at=at(date(2026, 11, 12)),
        )
    assert caught.value.code == "reason_required"
    with pytest.raises(RuleViolation) as caught:
        return_to(
            story.state,
            expected_stage="external_works",
            to_stage="meter_connect",
            reason="x",
            actor=OWNER,
            at=at(date(2026, 11, 12)),
        )
    assert caught.value.code == "not_earlier_stage"
    story.add(
        return_to(
            story.state,
            expected_stage="external_works",
            to_stage="plan_reply",
            reason="方案需按新负荷重新答复",
            actor=OWNER,
            at=at(date(2026, 11, 12)),
        )
    )
    assert story.status() is Status.RETURNED and story.state.stage.code == "plan_reply"
    due = deadlines(story.state, CAL, as_of=date(2026, 11, 12))
    assert due.stage is not None and due.stage.day == CAL.add_workdays(date(2026, 11, 12), 15).day
    assert due.whole is not None and due.whole.day == CAL.add_workdays(date(2026, 11, 2), 22).day
    story.add(advance(story.state, expected_stage="plan_reply", actor=OWNER, at=at(date(2026, 11, 13))))
    assert story.status() is Status.IN_PROGRESS


def test_suspension_stops_the_clock_and_resume_restores_the_status() -> None:
    story = Story(day=date(2026, 11, 9))  # Monday; 5 working days → Mon 16 Nov
    before = deadlines(story.state, CAL, as_of=date(2026, 11, 9)).whole
    assert before is not None and before.day == date(2026, 11, 16)
    story.add(suspend(story.state, reason="客户补充产权证明", actor=OWNER, at=at(date(2026, 11, 10))))
    assert story.status() is Status.SUSPENDED
    with pytest.raises(RuleViolation) as caught:
        advance(story.state, expected_stage="accept_sign", actor=OWNER, at=at(date(2026, 11, 11)))
    assert caught.value.code == "not_allowed_now"
    while_paused = deadlines(story.state, CAL, as_of=date(2026, 11, 13))
    assert while_paused.whole is not None and while_paused.whole.day == date(2026, 11, 19)
    story.add(resume(story.state, actor=OWNER, at=at(date(2026, 11, 12))))
    assert story.status() is Status.ACCEPTED
    after = deadlines(story.state, CAL, as_of=date(2026, 11, 20))
    assert after.whole is not None and after.whole.day == date(2026, 11, 18)
    assert after.whole.suspended_workdays == 2
    assert after.overdue
    assert after.workdays_used == 7  # 10 Nov (the clock ran that day), 13, 16, 17, 18, 19, 20


def test_deadline_across_spring_festival() -> None:
    story = Story(day=date(2026, 2, 12))
    due = deadlines(story.state, CAL, as_of=date(2026, 2, 13))
    assert due.whole is not None and due.whole.day == date(2026, 2, 26)
    assert not due.overdue and due.workdays_used == 1


def test_deadline_into_2027_is_provisional() -> None:
    story = Story(day=date(2026, 12, 28))
    due = deadlines(story.state, CAL, as_of=date(2026, 12, 28))
    assert due.whole is not None and due.whole.provisional_years == (2027,)


def test_completed_application_is_judged_on_its_completion_day() -> None:
    story = Story(day=date(2026, 11, 9))
    story.add(advance(story.state, expected_stage="accept_sign", actor=OWNER, at=at(date(2026, 11, 10))))
    story.add(complete(story.state, expected_stage="build_connect", actor=OWNER, at=at(date(2026, 11, 16))))
    later = deadlines(story.state, CAL, as_of=date(2027, 3, 1))
    assert not later.overdue and later.workdays_used == 5 and later.stage is None


def test_withdrawal_closes_an_open_suspension_and_ends_the_story() -> None:
    story = Story(day=date(2026, 11, 9))
    story.add(suspend(story.state, reason="等待客户", actor=OWNER, at=at(date(2026, 11, 10))))
    story.add(withdraw(story.state, reason="客户撤销申请", actor=OWNER, at=at(date(2026, 11, 11))))
    assert story.status() is Status.WITHDRAWN
    assert story.state.suspensions[-1].end == date(2026, 11, 11)
    for action in (
        lambda: resume(story.state, actor=OWNER, at=at(date(2026, 11, 12))),
        lambda: withdraw(story.state, reason="again", actor=OWNER, at=at(date(2026, 11, 12))),
        lambda: suspend(story.state, reason="x", actor=OWNER, at=at(date(2026, 11, 12))),
    ):
        with pytest.raises(RuleViolation) as caught:
            action()
        assert caught.value.code == "not_allowed_now"


def test_an_action_dated_before_the_last_one_is_refused() -> None:
    story = Story(day=date(2026, 11, 9))
    with pytest.raises(RuleViolation) as caught:
        advance(story.state, expected_stage="accept_sign", actor=OWNER, at=at(date(2026, 11, 8)))
    assert caught.value.code == "event_out_of_order"


def test_damaged_histories_are_refused() -> None:
    story = Story()
    with pytest.raises(RuleViolation):
        replay([])
    with pytest.raises(RuleViolation):
        replay([Advanced(at(date(2026, 2, 13)), "clerk-07", "accept_sign", "build_connect")])
    with pytest.raises(RuleViolation):
        replay([*story.events, story.events[0]])
    with pytest.raises(RuleViolation):
        replay([*story.events, Advanced(at(date(2026, 2, 13)), "clerk-07", "accept_sign", "nowhere")])


def test_state_from_events_equals_state_built_step_by_step() -> None:
    story = Story("pv_single_point", day=date(2026, 3, 2))
    steps = ["accept", "site_survey", "access_plan", "metering_contract"]
    for i, stage in enumerate(steps):
        story.add(advance(story.state, expected_stage=stage, actor=OWNER, at=at(date(2026, 3, 3 + i))))
    story.add(suspend(story.state, reason="客户施工", actor=OWNER, at=at(date(2026, 3, 9))))
    story.add(resume(story.state, actor=OWNER, at=at(date(2026, 4, 1))))
    rebuilt: ApplicationState = replay(story.events)
    assert rebuilt == story.state
    assert rebuilt.stage.code == "acceptance_commissioning" and rebuilt.stage.limit_days == 10
