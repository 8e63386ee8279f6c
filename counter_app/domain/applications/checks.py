"""Checks of a request beyond the intake form: the change-of-service rules of ``domain.application_rules``
(暂停, 减容, 减容恢复, 更名 / 过户), turned into problems attached to the form's fields so the clerk sees
every reason at once next to the field it concerns (一次性告知), and notes that must not stop the
customer (an unconfirmed notice period).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from counter_app.domain.applications.business_types import (
    OPEN_ENDED_KINDS,
    OWNERSHIP_KINDS,
    PERIOD_KINDS,
    BusinessType,
    ServiceKind,
)
from counter_app.domain.applications.detail import ChangeDetails
from counter_app.domain.applications.intake import FieldProblem, IntakeForm, IntakeNotice
from counter_app.domain.applications.rules import (
    AccountFacts,
    Period,
    Refusal,
    ownership_change_refusals,
    pause_notes,
    pause_refusals,
    reduction_refusals,
    reduction_restore_refusals,
)
from counter_app.domain.applications.values import ApplicationPolicy
from counter_app.domain.errors import InvalidInput
from counter_app.domain.payments.accounts import parse_amount, validate_account_number

# Which form field each refusal is shown next to.
_REFUSAL_FIELDS = {
    "pause_too_short": "period_end",
    "pause_in_the_past": "period_start",
    "pause_short_notice": "period_start",
    "pause_year_total": "period_end",
    "pause_overlaps": "period_start",
    "reduction_in_the_past": "period_start",
    "reduction_not_started": "period_start",
    "restore_too_late": "period_end",
    "period_order": "period_end",
    "address_changed": "address",
    "capacity_changed": "capacity",
    "tariff_changed": "tariff_class",
    "arrears_outstanding": "arrears",
}


def account_for_rules(form: IntakeForm, business_type: BusinessType, policy: ApplicationPolicy) -> str | None:
    """The normalised account number when the request needs one and it is valid, else ``None``."""
    if not business_type.needs_account:
        return None
    try:
        return validate_account_number(form.account_number, policy.account_number_rule)
    except InvalidInput:
        return None


def change_problems(
    business_type: BusinessType,
    form: IntakeForm,
    change: ChangeDetails,
    policy: ApplicationPolicy,
    *,
    today: date,
    earlier_pauses: Sequence[tuple[date, date]] = (),
) -> list[FieldProblem]:
    """Every reason the change rules refuse the request, each attached to a field."""
    if business_type.kind in PERIOD_KINDS:
        return _period_problems(business_type, change, policy, today, earlier_pauses)
    if business_type.kind in OWNERSHIP_KINDS:
        return _ownership_problems(form, change)
    return []


_FIRST_DAY = {
    ServiceKind.PAUSE: "The first day of the pause is required.",
    ServiceKind.CAPACITY_REDUCTION: "The first day of the reduction is required.",
    ServiceKind.REDUCTION_RESTORE: "The day the reduction began is required.",
}
_LAST_DAY = {
    ServiceKind.PAUSE: "The last day of the pause is required.",
    ServiceKind.REDUCTION_RESTORE: "The day to restore the capacity is required.",
}


def _period_problems(
    business_type: BusinessType,
    change: ChangeDetails,
    policy: ApplicationPolicy,
    today: date,
    earlier: Sequence[tuple[date, date]],
) -> list[FieldProblem]:
    kind = business_type.kind
    problems: list[FieldProblem] = []
    start, end = change.period_start, change.period_end
    if start is None:
        problems.append(FieldProblem("period_start", "required", _FIRST_DAY[kind]))
    if end is None and kind not in OPEN_ENDED_KINDS:
        problems.append(FieldProblem("period_end", "required", _LAST_DAY[kind]))
    if start is None or (end is None and kind not in OPEN_ENDED_KINDS):
        return problems
    if kind is ServiceKind.CAPACITY_REDUCTION:
        refusals = reduction_refusals(start, end, applied_on=today)
    elif end is None:  # cannot happen: only a reduction may leave its end open
        return problems
    elif kind is ServiceKind.REDUCTION_RESTORE:
        refusals = reduction_restore_refusals(start, end, applied_on=today, policy=policy)
    elif end < start:
        return [FieldProblem("period_end", "period_order", "The pause cannot end before it starts.")]
    else:
        requested = Period(start, end)
        refusals = pause_refusals(
            requested, applied_on=today, earlier=[Period(a, b) for a, b in earlier], policy=policy
        )
    return [_problem(r) for r in refusals]


def change_notices(
    business_type: BusinessType, change: ChangeDetails, policy: ApplicationPolicy, *, today: date
) -> list[IntakeNotice]:
    """What the clerk should see about a change request without refusing it."""
    if business_type.kind is not ServiceKind.PAUSE or change.period_start is None:
        return []
    end = change.period_end or change.period_start
    if end < change.period_start:
        return []
    notes = pause_notes(Period(change.period_start, end), applied_on=today, policy=policy)
    return [IntakeNotice(_REFUSAL_FIELDS.get(n.code, "period_start"), n.code, n.message) for n in notes]


def _ownership_problems(form: IntakeForm, change: ChangeDetails) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    recorded_address = " ".join(change.recorded_address.split())
    if not recorded_address:
        problems.append(
            FieldProblem(
                "recorded_address", "required", "The address on the account (as recorded) is required."
            )
        )
    if change.recorded_tariff_class is None:
        problems.append(
            FieldProblem(
                "recorded_tariff_class",
                "required",
                "The tariff class on the account (as recorded) is required.",
            )
        )
    arrears: Decimal | None = None
    try:
        arrears = parse_amount(change.arrears, field="arrears")
    except InvalidInput as error:
        code = "required" if error.code == "amount_empty" else "arrears_invalid"
        problems.append(
            FieldProblem("arrears", code, "Enter what the account owes in yuan (0 when nothing is owed).")
        )
    if arrears is not None and arrears < 0:
        problems.append(
            FieldProblem("arrears", "arrears_invalid", "Arrears cannot be negative (enter 0 for a credit).")
        )
        arrears = None
    if problems or arrears is None or change.recorded_tariff_class is None or not form.address.strip():
        return problems
    facts = AccountFacts(
        account_number=form.account_number,
        address=recorded_address,
        capacity=None,  # 更名 / 过户 keep the capacity (the form asks for none): nothing to compare
        tariff_class=change.recorded_tariff_class,
        arrears=arrears,
    )
    refusals = ownership_change_refusals(facts, address=form.address, tariff_class=form.tariff_class)
    return [_problem(r) for r in refusals]


def _problem(refusal: Refusal) -> FieldProblem:
    return FieldProblem(_REFUSAL_FIELDS.get(refusal.code, "business_type"), refusal.code, refusal.message)
