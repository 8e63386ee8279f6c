"""The application's life as a fold over events: stages, returns, the stopped clock, ownership."""

from __future__ import annotations

import tomllib
from datetime import date, datetime
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from counter_app.domain.applications.business_types import (
    BusinessType,
    find_business_type,
    parse_business_types,
)
from counter_app.domain.applications.events import Accepted, Advanced, Event, StagePlan
from counter_app.domain.applications.intake import AcceptedIntake, IntakeForm, accept_intake
from counter_app.domain.applications.values import ApplicantKind, ApplicationPolicy, TariffClass, VoltageLevel
from counter_app.domain.applications.workflow import (
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
        data = tomllib.load(file)
    return find_business_type(parse_business_types(data["business_types"], data["rule_sources"]), code)


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
    # with external works the 2025 opinion allows 15, but 十项承诺's 5 (全过程) is stricter and binds
    assert Story(external_works=True).state.whole_limit_days == 5
    assert Story("lv_non_residential_new").state.whole_limit_days == 5  # 2025 opinion, not 十项承诺's 6
    hv = Story("hv_new_single").events[0]
    assert isinstance(hv, Accepted)
    assert [(p.code, p.limit_days, p.party) for p in hv.stages][:3] == [
        ("plan_reply", 15, "utility"),
        ("customer_design", None, "customer"),
        ("design_review", 10, "utility"),
    ]


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
    click = advance(story.state, expected_stage="plan_reply", actor=OWNER, at=at(date(2026, 2, 13)))
    story.add(click)
    with pytest.raises(RuleViolation) as caught:
        advance(story.state, expected_stage="plan_reply", actor=OWNER, at=at(date(2026, 2, 13), 11))
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
    story.add(advance(story.state, expected_stage="plan_reply", actor=OWNER, at=at(date(2026, 11, 10))))
    story.add(advance(story.state, expected_stage="customer_design", actor=OWNER, at=at(date(2026, 11, 12))))
    with pytest.raises(RuleViolation) as caught:
        return_to(
            story.state,
            expected_stage="design_review",
            to_stage="plan_reply",
            reason="  ",
            actor=OWNER,
            at=at(date(2026, 11, 13)),
        )
    assert caught.value.code == "reason_required"
    with pytest.raises(RuleViolation) as caught:
        return_to(
            story.state,
            expected_stage="design_review",
            to_stage="meter_connect",
            reason="x",
            actor=OWNER,
            at=at(date(2026, 11, 13)),
        )
    assert caught.value.code == "not_earlier_stage"
    story.add(
        return_to(
            story.state,
            expected_stage="design_review",
            to_stage="plan_reply",
            reason="方案需按新负荷重新答复",
            actor=OWNER,
            at=at(date(2026, 11, 13)),
        )
    )
    assert story.status() is Status.RETURNED and story.state.stage.code == "plan_reply"
    due = deadlines(story.state, CAL, as_of=date(2026, 11, 13))
    # the company counted 3–6, 9, 10 Nov (plan reply) and 13 Nov (design review); not 11–12 (design)
    assert due.workdays_used == 7
    assert due.stage is not None and due.stage.day == CAL.add_workdays(date(2026, 11, 13), 15).day
    assert due.whole is None  # customer steps lie ahead: no single finished-by date
    assert (
        due.whole_runout is not None and due.whole_runout.day == CAL.add_workdays(date(2026, 11, 13), 15).day
    )
    story.add(advance(story.state, expected_stage="plan_reply", actor=OWNER, at=at(date(2026, 11, 16))))
    assert story.status() is Status.IN_PROGRESS


# --- the clocks of a high-voltage application (each company step, and the steps together) ---------


def hv_story() -> Story:
    """High voltage, single supply, accepted Monday 2 Nov 2026 (no holiday in Nov–Dec 2026)."""
    return Story("hv_new_single", day=date(2026, 11, 2))


def move(story: Story, stage: str, day: date) -> None:
    story.add(advance(story.state, expected_stage=stage, actor=OWNER, at=at(day)))


@pytest.mark.parametrize(
    ("moves", "as_of", "stage_due", "runout", "used", "capped", "customer", "overdue"),
    [
        # at acceptance: plan reply 15 working days (23 Nov); the 22 of all steps run out 2 Dec
        ([], date(2026, 11, 2), date(2026, 11, 23), date(2026, 12, 2), 0, False, False, False),
        # plan reply answered on 16 Nov (10 days used); the customer designs: every clock stops
        ([("plan_reply", date(2026, 11, 16))], date(2026, 12, 31), None, None, 10, False, True, False),
        # design handed in on 30 Nov: design review 10 days (14 Dec); 12 left of the 22 (16 Dec)
        (
            [("plan_reply", date(2026, 11, 16)), ("customer_design", date(2026, 11, 30))],
            date(2026, 11, 30),
            date(2026, 12, 14),
            date(2026, 12, 16),
            10,
            False,
            False,
            False,
        ),
        # review done 10 Dec (18 used); customer builds; mid inspection asked 21 Dec: its 5 days would
        # end 28 Dec but only 4 of the 22 are left: due 25 Dec (the stricter rule binds)
        (
            [
                ("plan_reply", date(2026, 11, 16)),
                ("customer_design", date(2026, 11, 30)),
                ("design_review", date(2026, 12, 10)),
                ("customer_works", date(2026, 12, 21)),
            ],
            date(2026, 12, 21),
            date(2026, 12, 25),
            date(2026, 12, 25),
            18,
            True,
            False,
            False,
        ),
        # plan reply still open after 16 working days: late on its own limit, not yet on the 22
        ([], date(2026, 11, 24), date(2026, 11, 23), date(2026, 12, 2), 16, False, False, True),
    ],
)
def test_high_voltage_clocks(
    moves: list[tuple[str, date]],
    as_of: date,
    stage_due: date | None,
    runout: date | None,
    used: int,
    capped: bool,
    customer: bool,
    overdue: bool,
) -> None:
    story = hv_story()
    for stage, day in moves:
        move(story, stage, day)
    due = deadlines(story.state, CAL, as_of=as_of)
    assert (due.stage.day if due.stage else None) == stage_due
    if runout is not None:
        assert due.whole_runout is not None and due.whole_runout.day == runout
    assert due.workdays_used == used
    assert due.stage_capped is capped
    assert due.customer_step is customer
    assert due.customer_step_ahead  # design, works, completion and contract are the customer's
    assert due.whole is None  # never a single finished-by date while the customer still has work
    assert due.overdue is overdue


def test_the_finished_by_date_appears_once_only_company_steps_are_left() -> None:
    story = hv_story()
    for stage, day in [
        ("plan_reply", date(2026, 11, 5)),
        ("customer_design", date(2026, 11, 9)),
        ("design_review", date(2026, 11, 11)),
        ("customer_works", date(2026, 11, 16)),
        ("mid_inspection", date(2026, 11, 17)),
        ("customer_completion", date(2026, 11, 30)),
        ("completion_inspection", date(2026, 12, 2)),
        ("sign_contract", date(2026, 12, 7)),
    ]:
        move(story, stage, day)
    due = deadlines(story.state, CAL, as_of=date(2026, 12, 7))
    # used: 3, 4, 5 | 10, 11 | 17 | 1, 2 Dec = 8 of 22; meter 5 days → 14 Dec; 14 left → later
    assert due.workdays_used == 8
    assert due.stage is not None and due.stage.day == date(2026, 12, 14)
    assert due.whole is not None and due.whole.day == CAL.add_workdays(date(2026, 12, 7), 14).day
    assert not due.customer_step_ahead


def test_company_time_over_the_22_days_is_late_even_while_the_customer_works() -> None:
    story = hv_story()
    move(story, "plan_reply", date(2026, 12, 3))  # 23 working days for the plan reply
    due = deadlines(story.state, CAL, as_of=date(2026, 12, 10))
    assert due.workdays_used == 23 and due.customer_step and due.overdue


def test_a_customer_step_finished_on_the_limit_day_is_not_late() -> None:
    story = Story("lv_non_residential_new", day=date(2026, 11, 2))
    due = deadlines(story.state, CAL, as_of=date(2026, 11, 9))
    assert due.whole is not None and due.whole.day == date(2026, 11, 9)  # 5 working days
    assert not due.overdue
    assert deadlines(story.state, CAL, as_of=date(2026, 11, 10)).overdue


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
    steps = ["site_survey", "access_plan", "customer_build", "metering_contract"]
    for i, stage in enumerate(steps):
        story.add(advance(story.state, expected_stage=stage, actor=OWNER, at=at(date(2026, 3, 3 + i))))
    story.add(suspend(story.state, reason="客户施工", actor=OWNER, at=at(date(2026, 3, 9))))
    story.add(resume(story.state, actor=OWNER, at=at(date(2026, 4, 1))))
    rebuilt: ApplicationState = replay(story.events)
    assert rebuilt == story.state
    assert rebuilt.stage.code == "acceptance_commissioning" and rebuilt.stage.limit_days == 10
