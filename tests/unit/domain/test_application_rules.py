"""Change-of-service rules: 更名/过户, 暂停, 减容. Each refusal says every reason."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from counter_app.domain.application_rules import (
    AccountFacts,
    Period,
    add_months,
    check_ownership_change,
    check_pause,
    check_reduction,
    ownership_change_refusals,
    pause_refusals,
    reduction_refusals,
)
from counter_app.domain.applications import ApplicationPolicy, Capacity, CapacityUnit, TariffClass
from counter_app.domain.errors import InvalidInput, RuleViolation

POLICY = ApplicationPolicy()
HOME = AccountFacts(
    account_number="0475123456",
    address="通辽市科尔沁区建国路1号",
    capacity=Capacity(Decimal(8), CapacityUnit.KW),
    tariff_class=TariffClass.RESIDENTIAL,
    arrears=Decimal("0.00"),
)


# --- 更名 / 过户 -----------------------------------------------------------------------------------


def test_transfer_with_everything_unchanged_is_allowed() -> None:
    check_ownership_change(HOME, address="通辽市科尔沁区建国路 1 号")  # spacing does not matter
    check_ownership_change(
        HOME,
        address="通辽市科尔沁区建国路１号",
        capacity=Capacity(Decimal("8.0"), CapacityUnit.KW),
        tariff_class=TariffClass.RESIDENTIAL,
    )


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"address": "通辽市科尔沁区建国路2号"}, "address_changed"),
        ({"capacity": Capacity(Decimal(16), CapacityUnit.KW)}, "capacity_changed"),
        ({"tariff_class": TariffClass.COMMERCIAL_INDUSTRIAL}, "tariff_changed"),
    ],
)
def test_transfer_refused_when_something_changes(changes: dict[str, object], code: str) -> None:
    kwargs: dict[str, object] = {"address": HOME.address, **changes}
    with pytest.raises(RuleViolation) as caught:
        check_ownership_change(HOME, **kwargs)  # type: ignore[arg-type]
    assert caught.value.code == code


def test_transfer_refused_while_the_account_owes_money() -> None:
    owing = AccountFacts(
        HOME.account_number, HOME.address, HOME.capacity, HOME.tariff_class, Decimal("12.30")
    )
    with pytest.raises(RuleViolation, match=r"12\.30") as caught:
        check_ownership_change(owing, address=HOME.address)
    assert caught.value.code == "arrears_outstanding"


def test_all_reasons_are_given_together() -> None:
    owing = AccountFacts(HOME.account_number, HOME.address, HOME.capacity, HOME.tariff_class, Decimal(5))
    reasons = ownership_change_refusals(owing, address="别处", tariff_class=TariffClass.AGRICULTURAL)
    assert [r.code for r in reasons] == ["address_changed", "tariff_changed", "arrears_outstanding"]
    with pytest.raises(RuleViolation) as caught:
        check_ownership_change(owing, address="别处", tariff_class=TariffClass.AGRICULTURAL)
    assert len(caught.value.params["reasons"]) == 3


# --- 暂停 ------------------------------------------------------------------------------------------


def pause(start: date, days: int) -> Period:
    return Period(start, date.fromordinal(start.toordinal() + days - 1))


def codes(requested: Period, applied_on: date, earlier: list[Period]) -> list[str]:
    return [r.code for r in pause_refusals(requested, applied_on=applied_on, earlier=earlier, policy=POLICY)]


def test_a_first_pause_of_fifteen_days_applied_five_days_ahead_is_allowed() -> None:
    check_pause(pause(date(2027, 3, 6), 15), applied_on=date(2027, 3, 1), earlier=[], policy=POLICY)


def test_pause_shorter_than_fifteen_days_is_refused() -> None:
    assert codes(pause(date(2027, 3, 6), 14), date(2027, 3, 1), []) == ["pause_too_short"]


def test_pause_applied_less_than_five_days_ahead_is_refused() -> None:
    assert codes(pause(date(2027, 3, 5), 20), date(2027, 3, 1), []) == ["pause_notice_too_short"]


def test_third_pause_in_a_calendar_year_is_refused() -> None:
    earlier = [pause(date(2027, 1, 10), 15), pause(date(2027, 4, 10), 15)]
    assert codes(pause(date(2027, 8, 1), 15), date(2027, 7, 1), earlier) == ["pause_too_many"]
    # Pauses of the previous year do not count.
    last_year = [pause(date(2026, 1, 10), 15), pause(date(2026, 4, 10), 15)]
    assert codes(pause(date(2027, 8, 1), 15), date(2027, 7, 1), last_year) == []


def test_pauses_may_not_exceed_six_months_a_year() -> None:
    earlier = [pause(date(2027, 1, 1), 100)]
    assert codes(pause(date(2027, 6, 1), 84), date(2027, 5, 1), earlier) == []  # 184 days in all
    assert codes(pause(date(2027, 6, 1), 85), date(2027, 5, 1), earlier) == ["pause_year_total"]


def test_pause_across_new_year_counts_days_in_each_year() -> None:
    earlier = [pause(date(2027, 1, 1), 180)]
    # 20 Dec 2026 – 8 Jan 2027: 8 days fall in 2027, which then totals 188.
    assert codes(pause(date(2026, 12, 20), 20), date(2026, 12, 1), earlier) == [
        "pause_year_total",
        "pause_overlaps",
    ]


def test_pause_overlapping_another_is_refused() -> None:
    earlier = [pause(date(2027, 3, 1), 20)]
    assert codes(pause(date(2027, 3, 15), 20), date(2027, 3, 1), earlier) == ["pause_overlaps"]


def test_pause_refusal_lists_every_reason() -> None:
    earlier = [pause(date(2027, 1, 10), 15), pause(date(2027, 4, 10), 15)]
    with pytest.raises(RuleViolation) as caught:
        check_pause(pause(date(2027, 8, 1), 10), applied_on=date(2027, 7, 30), earlier=earlier, policy=POLICY)
    assert [r.code for r in caught.value.params["reasons"]] == [
        "pause_too_short",
        "pause_notice_too_short",
        "pause_too_many",
    ]


def test_period_must_not_end_before_it_starts() -> None:
    with pytest.raises(InvalidInput):
        Period(date(2027, 3, 2), date(2027, 3, 1))


# --- 减容 ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2027, 1, 1), date(2027, 6, 30), []),  # exactly 6 months
        (date(2027, 1, 1), date(2027, 6, 29), ["reduction_too_short"]),
        (date(2027, 1, 1), date(2028, 12, 31), []),  # exactly 2 years
        (date(2027, 1, 1), date(2029, 1, 1), ["reduction_too_long"]),
        (date(2027, 8, 31), date(2028, 2, 28), []),  # Aug 31 + 6 months is Feb 29 2028; ends the day before
    ],
)
def test_capacity_reduction_lasts_six_months_to_two_years(
    start: date, end: date, expected: list[str]
) -> None:
    assert [r.code for r in reduction_refusals(Period(start, end), POLICY)] == expected


def test_check_reduction_raises_with_the_reason() -> None:
    with pytest.raises(RuleViolation) as caught:
        check_reduction(Period(date(2027, 1, 1), date(2027, 2, 1)), POLICY)
    assert caught.value.code == "reduction_too_short"


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2027, 8, 31), 6, date(2028, 2, 29)),
        (date(2027, 8, 31), 18, date(2029, 2, 28)),
        (date(2027, 1, 15), 24, date(2029, 1, 15)),
        (date(2027, 12, 1), 1, date(2028, 1, 1)),
    ],
)
def test_add_months_clamps_to_the_month_end(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected
