"""Application use cases through the real services on a real hall file: one transaction per action with
its history and outbox rows, every refusal changing nothing, due dates on China's calendar with the
hall's overrides, ownership (首问负责制) and roles, the audited detail view, and the worklist."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo

import pytest
from application_data import firm, home
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_peek import peek

from counter_app import paths
from counter_app.domain.applications.detail import ApplicationRequest, ChangeDetails, DocumentState
from counter_app.domain.applications.intake import IntakeForm
from counter_app.domain.applications.values import TariffClass, VoltageLevel
from counter_app.domain.applications.workflow import Role, Status
from counter_app.domain.applications.worklist import DueFilter, Search, WorklistQuery, recognise_search
from counter_app.domain.errors import InvalidInput, NotFound, RuleViolation
from counter_app.services.hall import Hall

OWNER = "0107"
SHANGHAI = ZoneInfo("Asia/Shanghai")


class FakeClock(Protocol):
    """The ``clock`` fixture of tests/conftest.py (set and step the hall's time)."""

    def set(self, moment: datetime) -> None: ...

    def advance(self, delta: timedelta | None = None, **parts: float) -> datetime: ...


def change_form(code: str, **changes: Any) -> IntakeForm:
    values: dict[str, Any] = {"documents_presented": frozenset({"holder_id"}), **changes}
    return home(business_type=code, account_number="0123456789", **values)


def accept(hall: Hall, form: IntakeForm | None = None, clerk: str = OWNER, **request: Any) -> Any:
    return hall.applications.accept(ApplicationRequest(form=form or home(), **request), clerk=clerk)


def counts(hall: Hall) -> dict[str, int]:
    tables = ("applications", "application_events", "application_documents", "outbox", "number_sequences")
    return {t: peek(hall).execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}


# accepting ---------------------------------------------------------------------------------------------
def test_accepting_numbers_links_and_owns_in_one_transaction(hall: Hall) -> None:
    ticket = hall.queue.issue("B").ticket
    before = counts(hall)
    detail = accept(hall, ticket_id=ticket.id, counter=3)
    assert detail.number == "YK20250303-0001"
    assert detail.owner == OWNER and detail.accepted_by == OWNER and detail.ticket_number == ticket.number
    assert detail.status is Status.ACCEPTED and detail.stage == "accept_sign"
    assert [h.kind for h in detail.history] == ["accepted"]
    after = counts(hall)
    assert {t: after[t] - before[t] for t in after} == {
        "applications": 1,
        "application_events": 1,
        "application_documents": 2,
        "outbox": 1,
        "number_sequences": 1,
    }
    assert accept(hall).number == "YK20250303-0002"


def test_numbers_start_again_each_day_and_the_tracking_reference_tells_nothing(
    hall: Hall, clock: FakeClock
) -> None:
    first = accept(hall)
    clock.advance(days=1)
    second = accept(hall)
    assert second.number == "YK20250304-0001"
    refs = {first.tracking_ref, second.tracking_ref}
    assert len(refs) == 2
    for ref in refs:
        assert ref.startswith("YK-") and len(ref) == 17
        assert not any(part in ref for part in ("2025", "0001", "1381", "1101", "张"))


def test_missing_property_proof_is_owed_with_a_date(hall: Hall) -> None:
    detail = accept(hall)
    owed = detail.owed_documents
    assert [d.code for d in owed] == ["property_proof"]
    assert owed[0].due_day == date(2025, 3, 10)  # five working days after Monday 3 March
    assert detail.commitment_signed
    assert detail.whole_due is not None and detail.whole_due.day == date(2025, 3, 10)


def test_everything_wrong_is_reported_at_once_and_nothing_is_written(hall: Hall) -> None:
    before = counts(hall)
    bad = home(
        id_number="110105194912310021",
        mobile="12345678901",
        address="",
        capacity="-3",
        commitment_signed=False,
    )
    with pytest.raises(InvalidInput) as caught:
        accept(hall, bad)
    problems = caught.value.params["problems"]
    assert [(p.field, p.code) for p in problems] == [
        ("id_number", "id_checksum"),
        ("mobile", "mobile_invalid"),
        ("address", "required"),
        ("capacity", "capacity_not_positive"),
        ("commitment_signed", "commitment_required"),
    ]
    assert caught.value.field == "id_number"
    assert counts(hall) == before


def test_an_unknown_business_or_nobody_signed_in_is_refused(hall: Hall) -> None:
    with pytest.raises(InvalidInput) as caught:
        accept(hall, home(business_type="teleport"))
    assert caught.value.field == "business_type"
    with pytest.raises(InvalidInput) as caught:
        accept(hall, clerk="  ")
    assert caught.value.code == "clerk_required"


def test_a_ticket_that_does_not_exist_writes_nothing(hall: Hall) -> None:
    before = counts(hall)
    with pytest.raises(NotFound):
        accept(hall, ticket_id=4242)
    assert counts(hall) == before


def test_a_big_home_is_flagged_not_refused(hall: Hall) -> None:
    detail = accept(hall, home(capacity="120"))
    assert [n.code for n in detail.notices] == ["residential_above_lv_ceiling"]


def test_transfer_needs_an_unchanged_address_and_no_arrears(hall: Hall) -> None:
    form = change_form(
        "transfer",
        address="通辽市科尔沁区建国路12号",
        documents_presented=frozenset({"applicant_id", "property_proof"}),
    )
    recorded = dict(
        recorded_address="通辽市科尔沁区建国路 12号", recorded_tariff_class=TariffClass.RESIDENTIAL
    )
    with pytest.raises(InvalidInput) as caught:
        accept(hall, form, change=ChangeDetails(arrears="35.50", **recorded))
    assert [(p.field, p.code) for p in caught.value.params["problems"]] == [
        ("arrears", "arrears_outstanding")
    ]
    with pytest.raises(InvalidInput) as caught:
        accept(hall, replace(form, address="通辽市开鲁县"), change=ChangeDetails(arrears="0", **recorded))
    assert [(p.field, p.code) for p in caught.value.params["problems"]] == [("address", "address_changed")]
    with pytest.raises(InvalidInput) as caught:
        accept(hall, form, change=ChangeDetails())
    assert {p.field for p in caught.value.params["problems"]} == {
        "recorded_address",
        "recorded_tariff_class",
        "arrears",
    }
    assert accept(hall, form, change=ChangeDetails(arrears="0", **recorded)).business_type == "transfer"


def test_pauses_follow_the_current_rules(hall: Hall) -> None:
    """No cap on the number of pauses; each ≥ 15 days; ≤ 6 months in a calendar year (then 减容); a
    short notice is a note for the clerk, never a refusal. The hall clock stands at Mon 3 Mar 2025."""

    def pause(start: date, days: int) -> Any:
        change = ChangeDetails(period_start=start, period_end=start + timedelta(days=days - 1))
        return accept(hall, change_form("pause"), change=change)

    with pytest.raises(InvalidInput) as caught:
        pause(date(2025, 3, 20), 10)
    assert [p.code for p in caught.value.params["problems"]] == ["pause_too_short"]
    soon = pause(date(2025, 3, 5), 20)  # two days' notice: accepted, with a note for the clerk
    assert [n.code for n in soon.notices] == ["pause_short_notice"]
    pause(date(2025, 4, 1), 100)  # 120 days paused in 2025
    third = pause(date(2025, 7, 15), 60)  # the third pause of 2025 (180 days): no cap since 2016
    with pytest.raises(InvalidInput) as caught:
        pause(date(2025, 10, 1), 15)  # 195 days > 6 months: offer 减容 instead
    problems = caught.value.params["problems"]
    assert [p.code for p in problems] == ["pause_year_total"] and "减容" in problems[0].message
    hall.applications.withdraw(third.number, reason="客户撤回", clerk=OWNER)
    assert pause(date(2025, 10, 1), 15).period == (date(2025, 10, 1), date(2025, 10, 15))
    assert pause(date(2025, 11, 1), 15).notices == ()  # a fourth pause, given in good time


def test_a_reduction_has_no_time_limit_and_is_restored_within_two_years(hall: Hall) -> None:
    form = change_form("capacity_reduction", capacity="200", voltage=VoltageLevel.KV10)
    open_ended = accept(hall, form, change=ChangeDetails(period_start=date(2025, 4, 1)))
    assert open_ended.period == (date(2025, 4, 1), None)  # no last day: no time limit
    short = accept(
        hall, form, change=ChangeDetails(period_start=date(2025, 4, 1), period_end=date(2025, 4, 30))
    )
    assert short.period == (date(2025, 4, 1), date(2025, 4, 30))  # one month (refused by the 1996 rules)
    assert hall.application_views.summary(open_ended.number).period == (date(2025, 4, 1), None)
    restore = change_form("reduction_restore", capacity="400", voltage=VoltageLevel.KV10)
    accepted = accept(
        hall, restore, change=ChangeDetails(period_start=date(2023, 3, 10), period_end=date(2025, 3, 9))
    )
    assert accepted.business_type == "reduction_restore"
    with pytest.raises(InvalidInput) as caught:
        accept(
            hall, restore, change=ChangeDetails(period_start=date(2023, 3, 1), period_end=date(2025, 3, 10))
        )
    problems = caught.value.params["problems"]
    assert [p.code for p in problems] == ["restore_too_late"] and problems[0].field == "period_end"
    assert "增容" in problems[0].message
    with pytest.raises(InvalidInput) as caught:
        accept(hall, restore, change=ChangeDetails(period_end=date(2025, 3, 10)))
    assert [p.field for p in caught.value.params["problems"]] == ["period_start"]


# the workflow ------------------------------------------------------------------------------------------
def test_advance_then_a_stale_second_advance_is_refused_and_writes_nothing(hall: Hall) -> None:
    number = accept(hall, firm()).number
    moved = hall.applications.advance(number, expected_stage="plan_reply", clerk=OWNER)
    assert moved.stage == "customer_design" and moved.status is Status.IN_PROGRESS
    before = counts(hall)
    with pytest.raises(RuleViolation) as caught:
        hall.applications.advance(number, expected_stage="plan_reply", clerk=OWNER)
    assert caught.value.code == "stale_stage"
    assert counts(hall) == before
    assert hall.application_views.summary(number).version == 2


def test_only_the_owner_or_an_active_supervisor_may_act(hall: Hall) -> None:
    number = accept(hall, firm()).number
    with pytest.raises(RuleViolation) as caught:
        hall.applications.advance(number, expected_stage="plan_reply", clerk="0108")
    assert caught.value.code == "not_owner" and caught.value.params == {"owner": OWNER}
    hall.staff.add("0001", "赵值班", Role.SUPERVISOR)
    assert (
        hall.applications.advance(number, expected_stage="plan_reply", clerk="0001").stage
        == "customer_design"
    )
    hall.staff.deactivate("0001")
    with pytest.raises(RuleViolation):
        hall.applications.suspend(number, reason="x", clerk="0001")
    assert hall.staff.role_of("赵值班") is Role.CLERK  # a name is not a staff code


def test_hand_over_moves_ownership(hall: Hall) -> None:
    number = accept(hall, firm()).number
    handed = hall.applications.hand_over(number, to_owner="0108", clerk=OWNER, note="调岗")
    assert handed.owner == "0108" and handed.history[-1].kind == "handed_over"
    assert handed.history[-1].note == "调岗"
    with pytest.raises(RuleViolation):
        hall.applications.advance(number, expected_stage="plan_reply", clerk=OWNER)
    assert hall.applications.advance(number, expected_stage="plan_reply", clerk="0108").owner == "0108"
    hall.staff.add("0109", "钱七")
    hall.staff.deactivate("0109")
    with pytest.raises(RuleViolation) as caught:
        hall.applications.hand_over(number, to_owner="0109", clerk="0108")
    assert caught.value.code == "staff_inactive"


def test_suspending_stops_the_clock_and_resuming_moves_the_due_date(hall: Hall, clock: FakeClock) -> None:
    number = accept(hall).number
    assert hall.application_views.summary(number).whole_due.day == date(2025, 3, 10)
    hall.applications.suspend(number, reason="等待客户补充资料", clerk=OWNER)
    clock.set(datetime(2025, 3, 6, 10, 0))  # Thursday: Tuesday to Thursday stopped
    page = hall.application_views.worklist(WorklistQuery(due=DueFilter.OVERDUE))
    assert page.total == 0 and page.counts.suspended == 1
    resumed = hall.applications.resume(number, clerk=OWNER)
    assert resumed.whole_due is not None and resumed.whole_due.day == date(2025, 3, 13)
    assert resumed.whole_due.suspended_workdays == 3
    assert [h.kind for h in resumed.history] == ["accepted", "suspended", "resumed"]


def test_return_needs_a_reason_and_an_earlier_stage(hall: Hall) -> None:
    number = accept(hall, firm()).number
    hall.applications.advance(number, expected_stage="plan_reply", clerk=OWNER)
    with pytest.raises(RuleViolation) as caught:
        hall.applications.return_to(
            number, expected_stage="customer_design", to_stage="plan_reply", reason=" ", clerk=OWNER
        )
    assert caught.value.code == "reason_required"
    back = hall.applications.return_to(
        number, expected_stage="customer_design", to_stage="plan_reply", reason="资料不全", clerk=OWNER
    )
    assert (
        back.status is Status.RETURNED and back.stage == "plan_reply" and back.history[-1].note == "资料不全"
    )


def test_complete_only_at_the_last_stage_then_nothing_more(hall: Hall) -> None:
    number = accept(hall).number
    with pytest.raises(RuleViolation):
        hall.applications.complete(number, expected_stage="accept_sign", clerk=OWNER)
    hall.applications.advance(number, expected_stage="accept_sign", clerk=OWNER)
    done = hall.applications.complete(number, expected_stage="build_connect", clerk=OWNER, note="已送电")
    assert done.status is Status.COMPLETED and not done.is_open
    for action in (
        lambda: hall.applications.withdraw(number, reason="x", clerk=OWNER),
        lambda: hall.applications.suspend(number, reason="x", clerk=OWNER),
        lambda: hall.applications.collect_document(number, document="property_proof", clerk=OWNER),
    ):
        with pytest.raises(RuleViolation):
            action()


def test_any_clerk_may_take_a_missing_document_once(hall: Hall) -> None:
    number = accept(hall).number
    taken = hall.applications.collect_document(number, document="property_proof", clerk="0110")
    doc = next(d for d in taken.documents if d.code == "property_proof")
    assert doc.state is DocumentState.COLLECTED and doc.collected_by == "0110"
    assert taken.history[-1].kind == "document_collected" and taken.owner == OWNER
    with pytest.raises(RuleViolation) as caught:
        hall.applications.collect_document(number, document="property_proof", clerk="0110")
    assert caught.value.code == "document_not_owed"


def test_every_action_writes_one_history_and_one_outbox_row_without_personal_data(hall: Hall) -> None:
    number = accept(hall).number
    hall.applications.suspend(number, reason="等客户", clerk=OWNER)
    hall.applications.resume(number, clerk=OWNER)
    hall.applications.advance(number, expected_stage="accept_sign", clerk=OWNER)
    outbox = hall.applications.repo.outbox("applications")
    assert [o["event"] for o in outbox] == ["accepted", "suspended", "resumed", "advanced"]
    assert [o["seq"] for o in outbox] == [1, 2, 3, 4]
    text = str(outbox)
    for secret in ("张", "13812345678", "11010519491231002X", "建国路"):
        assert secret not in text


# the detail view ---------------------------------------------------------------------------------------
def test_full_personal_data_only_for_owner_and_supervisor_and_every_look_is_recorded(hall: Hall) -> None:
    number = accept(hall).number
    hall.staff.add("0001", "赵值班", Role.SUPERVISOR)
    mine = hall.applications.detail(number, clerk=OWNER)
    boss = hall.applications.detail(number, clerk="0001")
    other = hall.applications.detail(number, clerk="0108")
    assert mine.applicant.id_number == "11010519491231002X" and mine.applicant.mobile == "13812345678"
    assert boss.applicant.unmasked and not other.applicant.unmasked
    assert other.applicant.id_number == "110105********002X" and other.applicant.mobile == "138****5678"
    assert other.applicant.name == "张*明" and not other.may_act
    accesses = hall.applications.repo.accesses(mine.id)
    assert [(a[1], a[2], a[3]) for a in accesses] == [
        (OWNER, "clerk", True),
        ("0001", "supervisor", True),
        ("0108", "clerk", False),
    ]
    assert not hall.application_views.summary(number).applicant.unmasked  # a summary is never full
    assert mine.masked().applicant == other.applicant and mine.masked().agent == other.agent


def test_an_application_is_found_by_its_number_or_the_reference_on_its_receipt(hall: Hall) -> None:
    detail = accept(hall)
    by_ref = hall.application_views.summary(f" {detail.tracking_ref.lower()} ")
    assert by_ref.number == detail.number
    with pytest.raises(NotFound):
        hall.application_views.summary("YK-0000-0000-0000")


def test_the_owner_on_paper_is_the_staff_member_by_code(hall: Hall) -> None:
    hall.staff.add(OWNER, "王芳")
    member = hall.staff.member(OWNER)
    assert member is not None and (member.name, member.role) == ("王芳", Role.CLERK)
    assert hall.staff.member("王芳") is None  # a name is not a staff code


# the worklist ------------------------------------------------------------------------------------------
def test_worklist_filters_search_and_masks(hall: Hall, clock: FakeClock) -> None:
    a = accept(hall).number
    b = accept(hall, firm(), clerk="0108").number
    c = accept(
        hall,
        home(name="李娜", mobile="13900001111", id_number="35020319880229102X", address="通辽市和平路88号"),
    ).number
    hall.applications.suspend(c, reason="等客户", clerk=OWNER)

    def found(**query: Any) -> list[str]:
        return [r.number for r in hall.application_views.worklist(WorklistQuery(**query)).rows]

    assert found() == [a, b, c]
    assert found(statuses=(Status.SUSPENDED,)) == [c]
    assert found(business_type="hv_new_single") == [b]
    assert found(owner="0108") == [b]
    assert found(search="13900001111") == [c]
    assert found(search="35020319880229102x") == [c]
    assert found(search="350203880229102") == [c]  # the old 15-digit form of the same ID
    assert found(search="和平路") == [c]
    assert found(search="张𠮷明") == [a]
    assert found(search="李") == [c]
    assert found(search=b) == [b]
    assert found(search="913502000728319549") == [b]
    page = hall.application_views.worklist(WorklistQuery(viewer=OWNER))
    assert page.counts.mine == 2 and page.counts.open == 3
    row = page.rows[0]
    assert (row.name, row.mobile, row.id_number) == ("张*明", "138****5678", "110105********002X")
    clock.set(datetime(2025, 3, 7, 10, 0, tzinfo=SHANGHAI))  # Friday: due Monday 10th, one working day
    assert found(due=DueFilter.SOON) == [a]
    clock.set(datetime(2025, 3, 11, 10, 0, tzinfo=SHANGHAI))
    assert found(due=DueFilter.OVERDUE) == [a]
    assert hall.application_views.worklist(WorklistQuery()).rows[0].overdue


def test_due_report_within_working_days(hall: Hall, clock: FakeClock) -> None:
    number = accept(hall).number
    assert hall.application_views.due(0).total == 0
    assert [r.number for r in hall.application_views.due(5).rows] == [number]
    clock.set(datetime(2025, 3, 12, 9, 0, tzinfo=SHANGHAI))
    report = hall.application_views.due(0)
    assert [r.number for r in report.rows] == [number] and report.rows[0].overdue


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("YK20250303-0001", "number"),
        ("yk20250303-0001", "number"),
        ("YK202503", "number_prefix"),
        ("YK-7Q4M-2KX9-HT3A", "tracking"),
        ("+86 138 1234 5678", "exact_digits"),
        ("11010519491231002x", "exact_digits"),
        ("0123456789", "exact_digits"),
        ("5678", "fragment"),
        ("建国路", "fragment"),
        ("张", "name_prefix"),
        ("", None),
    ],
)
def test_search_box_entries_are_recognised(text: str, kind: str | None) -> None:
    found = recognise_search(text, "YK", (10, 13))
    assert (found.kind if found else None) == kind


# calendar --------------------------------------------------------------------------------------------
@pytest.fixture
def profile_with(tmp_path: Path) -> Callable[[str], Path]:
    """A copy of the shipped profile with extra TOML appended (its parts beside it)."""

    def make(extra: str) -> Path:
        folder = tmp_path / f"profile{len(list(tmp_path.glob('profile*')))}"
        shutil.copytree(paths.RESOURCES / "profile", folder / "profile")
        target = folder / "hall_profile.toml"
        target.write_text(paths.DEFAULT_PROFILE.read_text(encoding="utf-8") + "\n" + extra, encoding="utf-8")
        return target

    return make


def test_a_due_date_in_an_unpublished_year_is_provisional_until_the_hall_confirms_it(
    make_hall: Callable[..., Hall], clock: FakeClock, profile_with: Callable[[str], Path]
) -> None:
    clock.set(datetime(2026, 12, 28, 9, 0, tzinfo=SHANGHAI))
    hall = make_hall()
    detail = accept(hall)
    assert detail.whole_due is not None and detail.whole_due.provisional
    assert detail.provisional_years == (2027,)
    assert hall.application_views.worklist().rows[0].due_provisional
    hall.close()
    confirmed = profile_with("[work_calendar]\nholidays = [2027-01-04]\nconfirmed_years = [2027]\n")
    hall = make_hall(profile_file=confirmed)
    row = hall.application_views.worklist().rows[0]  # stored due dates follow the new calendar
    # 29, 30, 31 Dec, (1 Jan 元旦 by law, 4 Jan the hall's holiday), 5, 6 Jan
    assert row.due_day == date(2027, 1, 6) and not row.due_provisional


def test_hall_settings_for_prefix_and_due_soon(
    make_hall: Callable[..., Hall], profile_with: Callable[[str], Path]
) -> None:
    hall = make_hall(
        profile_file=profile_with('[applications]\nnumber_prefix = "TL"\ndue_soon_workdays = 5\n')
    )
    number = accept(hall).number
    assert number.startswith("TL20250303-")
    assert [r.number for r in hall.application_views.worklist(WorklistQuery(due=DueFilter.SOON)).rows] == [
        number
    ]


def test_account_numbers_follow_the_halls_one_rule(
    make_hall: Callable[..., Hall], profile_with: Callable[[str], Path]
) -> None:
    hall = make_hall(profile_file=profile_with("[accounts]\nnumber_lengths = [12]\n"))
    change = ChangeDetails(period_start=date(2025, 4, 1), period_end=date(2025, 4, 30))
    form = replace(change_form("pause"), account_number="012345678901")
    assert accept(hall, form, change=change).account_number == "012345678901"
    with pytest.raises(InvalidInput) as caught:
        accept(hall, change_form("pause"), change=change)  # ten digits: not this hall's accounts
    assert caught.value.field == "account_number"
    lengths = hall.applications.setup.policy.account_number_rule.lengths
    assert recognise_search("012345678901", "YK", lengths) == Search("exact_digits", "012345678901")


def test_a_broken_calendar_setting_is_named(
    make_hall: Callable[..., Hall], profile_with: Callable[[str], Path]
) -> None:
    hall = make_hall(profile_file=profile_with('[work_calendar]\nholidays = ["soon"]\n'))
    with pytest.raises(InvalidInput) as caught:
        accept(hall)
    assert caught.value.field == "work_calendar.holidays"


# hypothesis --------------------------------------------------------------------------------------------
typed = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=24)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=typed, id_number=typed, mobile=typed, address=typed, capacity=typed)
def test_whatever_is_typed_is_accepted_or_refused_with_fields_never_half_written(
    hall: Hall, name: str, id_number: str, mobile: str, address: str, capacity: str
) -> None:
    before = counts(hall)
    form = home(name=name, id_number=id_number, mobile=mobile, address=address, capacity=capacity)
    try:
        detail = accept(hall, form)
    except InvalidInput as refused:
        assert refused.params["problems"] and all(p.field for p in refused.params["problems"])
        assert counts(hall) == before
    else:
        after = counts(hall)
        assert after["applications"] == before["applications"] + 1
        assert detail.version == 1


def test_the_calendar_agrees_with_chinese_calendar_on_every_official_day() -> None:
    """``WorkCalendar`` reads the library's tables once instead of calling it per day (speed); it must
    still say exactly what ``chinese_calendar.is_workday`` says, every day of every published year."""
    import chinese_calendar

    from counter_app.domain.workdays import WorkCalendar, official_years

    calendar = WorkCalendar()
    day, end = date(official_years().start, 1, 1), date(official_years().stop - 1, 12, 31)
    while day <= end:
        assert calendar.is_workday(day) == chinese_calendar.is_workday(day), day
        day += timedelta(days=1)


def test_counters_racing_on_one_application_get_one_step_and_plain_refusals(
    make_hall: Callable[..., Hall], engine: str
) -> None:
    """Eight PCs press "advance" on the same application at once on the hall server: one step is
    written, every other PC is told the stage has moved on (never a database error)."""
    import threading

    if engine == "sqlite":
        pytest.skip("the embedded file's writers take turns (BEGIN IMMEDIATE), one connection per thread")

    halls = [make_hall() for _ in range(8)]
    number = accept(halls[0], firm()).number
    barrier = threading.Barrier(len(halls))
    outcomes: list[str] = []

    def press(hall: Hall) -> None:
        barrier.wait()
        try:
            hall.applications.advance(number, expected_stage="plan_reply", clerk=OWNER)
            outcomes.append("advanced")
        except RuleViolation as exc:
            outcomes.append(exc.code)
        except Exception as exc:  # what the test is about: no database error reaches the clerk
            outcomes.append(type(exc).__name__)

    threads = [threading.Thread(target=press, args=(h,)) for h in halls]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["advanced"] + ["stale_stage"] * (len(halls) - 1)
    summary = halls[0].application_views.summary(number)
    assert summary.version == 2 and summary.stage == "customer_design"
