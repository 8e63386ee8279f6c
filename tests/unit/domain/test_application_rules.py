"""Change-of-service rules in force: 更名/过户, 暂停, 减容, 减容恢复. Each refusal says every reason."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from counter_app.domain.applications.rules import (
    AccountFacts,
    Period,
    add_months,
    check_ownership_change,
    check_pause,
    check_reduction,
    ownership_change_refusals,
    pause_notes,
    pause_refusals,
    reduction_refusals,
    reduction_restore_refusals,
    restore_deadline,
)
from counter_app.domain.applications.values import ApplicationPolicy, Capacity, CapacityUnit, TariffClass
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


# --- 暂停 (current rules: no cap on the number; ≥ 15 days each; ≤ 6 months a calendar year) -------


def pause(start: date, days: int) -> Period:
    return Period(start, date.fromordinal(start.toordinal() + days - 1))


def codes(requested: Period, applied_on: date, earlier: list[Period]) -> list[str]:
    return [r.code for r in pause_refusals(requested, applied_on=applied_on, earlier=earlier, policy=POLICY)]


@pytest.mark.parametrize(
    ("requested", "applied_on", "earlier", "expected"),
    [
        # a first pause of 15 days
        (pause(date(2027, 3, 6), 15), date(2027, 3, 1), [], []),
        # shorter than 15 days
        (pause(date(2027, 3, 6), 14), date(2027, 3, 1), [], ["pause_too_short"]),
        # the third, fourth … pause of a year is allowed: the 1996 cap of two was removed in 2016
        (
            pause(date(2027, 8, 1), 15),
            date(2027, 7, 1),
            [pause(date(2027, 1, 10), 15), pause(date(2027, 4, 10), 15)],
            [],
        ),
        (
            pause(date(2027, 10, 1), 15),
            date(2027, 9, 1),
            [pause(date(2027, 1, 10), 15), pause(date(2027, 4, 10), 15), pause(date(2027, 7, 1), 15)],
            [],
        ),
        # 6 months a calendar year: 184 days in all is allowed, 185 is not (then 减容)
        (pause(date(2027, 6, 1), 84), date(2027, 5, 1), [pause(date(2027, 1, 1), 100)], []),
        (pause(date(2027, 6, 1), 85), date(2027, 5, 1), [pause(date(2027, 1, 1), 100)], ["pause_year_total"]),
        # a pause across New Year counts its days in each year: 8 in 2027, which then totals 188
        (
            pause(date(2026, 12, 20), 20),
            date(2026, 12, 1),
            [pause(date(2027, 1, 1), 180)],
            ["pause_year_total", "pause_overlaps"],
        ),
        # last year's pauses do not count
        (pause(date(2027, 1, 5), 184), date(2027, 1, 1), [pause(date(2026, 1, 1), 184)], []),
        # overlapping another pause
        (pause(date(2027, 3, 15), 20), date(2027, 3, 1), [pause(date(2027, 3, 1), 20)], ["pause_overlaps"]),
        # starting before the day it is applied for
        (pause(date(2027, 2, 27), 20), date(2027, 3, 1), [], ["pause_in_the_past"]),
        # short notice is not a refusal (the 5 days are unconfirmed): see pause_notes
        (pause(date(2027, 3, 2), 20), date(2027, 3, 1), [], []),
    ],
)
def test_pause_rules(requested: Period, applied_on: date, earlier: list[Period], expected: list[str]) -> None:
    assert codes(requested, applied_on, earlier) == expected


def test_beyond_six_months_the_clerk_is_told_to_offer_a_reduction() -> None:
    with pytest.raises(RuleViolation) as caught:
        check_pause(
            pause(date(2027, 6, 1), 85),
            applied_on=date(2027, 5, 1),
            earlier=[pause(date(2027, 1, 1), 100)],
            policy=POLICY,
        )
    assert caught.value.code == "pause_year_total" and "减容" in str(caught.value)


@pytest.mark.parametrize(
    ("start", "applied_on", "notes"),
    [
        (date(2027, 3, 6), date(2027, 3, 1), []),
        (date(2027, 3, 5), date(2027, 3, 1), ["pause_short_notice"]),
        (date(2027, 3, 1), date(2027, 3, 1), ["pause_short_notice"]),
    ],
)
def test_short_notice_is_only_a_note(start: date, applied_on: date, notes: list[str]) -> None:
    found = pause_notes(pause(start, 20), applied_on=applied_on, policy=POLICY)
    assert [n.code for n in found] == notes


def test_pause_refusal_lists_every_reason() -> None:
    earlier = [pause(date(2027, 1, 1), 180)]
    with pytest.raises(RuleViolation) as caught:
        check_pause(
            pause(date(2027, 7, 25), 10), applied_on=date(2027, 7, 30), earlier=earlier, policy=POLICY
        )
    assert [r.code for r in caught.value.params["reasons"]] == [
        "pause_too_short",
        "pause_in_the_past",
        "pause_year_total",
    ]


def test_period_must_not_end_before_it_starts() -> None:
    with pytest.raises(InvalidInput):
        Period(date(2027, 3, 2), date(2027, 3, 1))


# --- 减容 (no time limit) and 减容恢复 (within two years) -----------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2027, 1, 1), None, []),  # no end: a reduction has no time limit
        (date(2027, 1, 1), date(2027, 1, 31), []),  # one month (refused under the repealed 1996 rules)
        (date(2027, 1, 1), date(2030, 6, 30), []),  # three and a half years
        (date(2026, 12, 31), None, ["reduction_in_the_past"]),
        (date(2027, 1, 10), date(2027, 1, 9), ["period_order"]),
    ],
)
def test_capacity_reduction_has_no_time_limit(start: date, end: date | None, expected: list[str]) -> None:
    assert [r.code for r in reduction_refusals(start, end, applied_on=date(2027, 1, 1))] == expected


def test_check_reduction_raises_with_the_reason() -> None:
    with pytest.raises(RuleViolation) as caught:
        check_reduction(date(2026, 12, 1), None, applied_on=date(2027, 1, 1))
    assert caught.value.code == "reduction_in_the_past"


@pytest.mark.parametrize(
    ("reduced_from", "restore_on", "expected"),
    [
        (date(2025, 3, 1), date(2027, 2, 28), []),  # the last day of the two years
        (date(2025, 3, 1), date(2027, 3, 1), ["restore_too_late"]),  # then 增容 / 新装
        (date(2026, 8, 31), date(2027, 1, 5), []),
        (date(2027, 2, 1), date(2027, 1, 5), ["reduction_not_started", "period_order"]),
    ],
)
def test_reduction_restore_within_two_years(
    reduced_from: date, restore_on: date, expected: list[str]
) -> None:
    found = reduction_restore_refusals(reduced_from, restore_on, applied_on=date(2027, 1, 5), policy=POLICY)
    assert [r.code for r in found] == expected
    assert restore_deadline(date(2025, 3, 1), POLICY) == date(2027, 2, 28)


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
