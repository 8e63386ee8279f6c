"""Change-of-service rules (变更用电) checked before an application is accepted.

The rules in force (DOMAIN.md; the 1996 供电营业规则 are repealed and never applied): 更名/过户 only with
the same address, capacity and tariff class and no debt [C]; no cap on the number of pauses (removed
in 2016 [C]); each pause at least 15 days and at most 6 months in a calendar year, beyond that the
customer may apply for 减容 [W, 发改办价格〔2016〕1583号]; a reduction has no time limit, and restoring
it within two years is 减容恢复, later a new connection or capacity increase [W, same]. The numbers come
from :class:`ApplicationPolicy` so a hall can follow a newer rule. Every check collects all the reasons a
request fails and raises one :class:`RuleViolation` whose message lists them, so the clerk can tell the
customer everything at once (一次性告知); ``params["reasons"]`` keeps them apart. An unconfirmed rule
(the 5 days' notice of a pause [U]) is only ever a note for the clerk (:func:`pause_notes`).

The checks of a request (:func:`change_problems`, :func:`change_notices`) turn these rules into problems
attached to the form's fields, so the clerk sees every reason at once next to the field it concerns, and
notes that must not stop the customer (an unconfirmed notice period).
"""

from __future__ import annotations

import calendar
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
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
from counter_app.domain.applications.values import ApplicationPolicy, Capacity, TariffClass
from counter_app.domain.errors import InvalidInput, RuleViolation
from counter_app.domain.payments.accounts import parse_amount, validate_account_number


@dataclass(frozen=True)
class Refusal:
    """One reason a request is refused; ``code`` for translation, ``message`` the English fallback."""

    code: str
    message: str


@dataclass(frozen=True)
class AccountFacts:
    """What the account is today, as the marketing system or the store reports it (``capacity`` None
    when it was not asked for: a request that keeps the capacity never compares it)."""

    account_number: str
    address: str
    capacity: Capacity | None
    tariff_class: TariffClass
    arrears: Decimal


@dataclass(frozen=True)
class Period:
    """A span of whole days, both ends included (a pause from the 1st to the 15th is 15 days)."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidInput(
                f"The period ends ({self.end}) before it starts ({self.start}).",
                field="period",
                code="period_order",
            )

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def days_in_year(self, year: int) -> int:
        first = max(self.start, date(year, 1, 1))
        last = min(self.end, date(year, 12, 31))
        return max(0, (last - first).days + 1)

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end


def ownership_change_refusals(
    current: AccountFacts,
    *,
    address: str,
    capacity: Capacity | None = None,
    tariff_class: TariffClass | None = None,
) -> list[Refusal]:
    """Why 更名/过户 cannot be done: it needs the same address, capacity and tariff class, and no debt.

    ``capacity`` and ``tariff_class`` are what the request asks for; None means "as it is now".
    """
    reasons: list[Refusal] = []
    if _address_key(address) != _address_key(current.address):
        reasons.append(
            Refusal("address_changed", "The address of use must stay the same; apply to move instead.")
        )
    if capacity is not None and current.capacity is not None and capacity != current.capacity:
        reasons.append(
            Refusal(
                "capacity_changed",
                f"The capacity must stay {current.capacity}; apply for an increase or reduction separately.",
            )
        )
    if tariff_class is not None and tariff_class is not current.tariff_class:
        reasons.append(
            Refusal(
                "tariff_changed",
                "The tariff class must stay the same; apply for a change of class separately.",
            )
        )
    if current.arrears > 0:
        reasons.append(
            Refusal(
                "arrears_outstanding", f"The account owes {current.arrears} yuan; it must be settled first."
            )
        )
    return reasons


def check_ownership_change(
    current: AccountFacts,
    *,
    address: str,
    capacity: Capacity | None = None,
    tariff_class: TariffClass | None = None,
) -> None:
    """Raise :class:`RuleViolation` with every reason from :func:`ownership_change_refusals`."""
    _raise_if_any(
        "Change of name or holder refused",
        ownership_change_refusals(current, address=address, capacity=capacity, tariff_class=tariff_class),
    )


def pause_refusals(
    requested: Period, *, applied_on: date, earlier: Sequence[Period], policy: ApplicationPolicy
) -> list[Refusal]:
    """Why a 暂停 cannot be granted: too short, too long in a calendar year (then 减容 is the way), in the
    past, or overlapping another pause. There is no limit on how many pauses a year.

    ``earlier`` are the account's other pauses (any year); their days count towards each calendar year
    they fall in.
    """
    reasons: list[Refusal] = []
    if requested.days < policy.pause_min_days:
        reasons.append(
            Refusal(
                "pause_too_short",
                f"A pause lasts at least {policy.pause_min_days} days, not {requested.days}.",
            )
        )
    if requested.start < applied_on:
        reasons.append(Refusal("pause_in_the_past", "A pause cannot start before the day it is applied for."))
    for year in range(requested.start.year, requested.end.year + 1):
        total = requested.days_in_year(year) + sum(p.days_in_year(year) for p in earlier)
        if total > policy.pause_max_days_per_year:
            reasons.append(
                Refusal(
                    "pause_year_total",
                    f"Pauses would total {total} days in {year}; at most "
                    f"{policy.pause_max_days_per_year} days (6 months) a calendar year. For a longer stop "
                    "the customer may apply for a capacity reduction (减容) instead.",
                )
            )
    if any(requested.overlaps(p) for p in earlier):
        reasons.append(Refusal("pause_overlaps", "The account is already paused during part of this period."))
    return reasons


def pause_notes(requested: Period, *, applied_on: date, policy: ApplicationPolicy) -> list[Refusal]:
    """What the clerk should mention but must not refuse on: a pause asked for less than
    ``pause_notice_days`` ahead (that notice period is unconfirmed [U])."""
    notice = (requested.start - applied_on).days
    if 0 <= notice < policy.pause_notice_days:
        return [
            Refusal(
                "pause_short_notice",
                f"The pause starts in {notice} days; a notice of {policy.pause_notice_days} days is "
                "sometimes asked for (unconfirmed): check that sealing can be arranged in time.",
            )
        ]
    return []


def check_pause(
    requested: Period, *, applied_on: date, earlier: Sequence[Period], policy: ApplicationPolicy
) -> None:
    """Raise :class:`RuleViolation` with every reason from :func:`pause_refusals`."""
    _raise_if_any(
        "Pause refused", pause_refusals(requested, applied_on=applied_on, earlier=earlier, policy=policy)
    )


def reduction_refusals(start: date, end: date | None, *, applied_on: date) -> list[Refusal]:
    """Why a 减容 is refused: only a start in the past or an end before the start. A reduction has no
    time limit (DOMAIN.md): ``end`` is the day the customer plans to restore, or ``None``."""
    reasons: list[Refusal] = []
    if start < applied_on:
        reasons.append(
            Refusal("reduction_in_the_past", "A reduction cannot start before the day it is applied for.")
        )
    if end is not None and end < start:
        reasons.append(Refusal("period_order", "The reduction cannot end before it starts."))
    return reasons


def check_reduction(start: date, end: date | None, *, applied_on: date) -> None:
    _raise_if_any("Capacity reduction refused", reduction_refusals(start, end, applied_on=applied_on))


def restore_deadline(reduced_from: date, policy: ApplicationPolicy) -> date:
    """The last day a reduction that began on ``reduced_from`` can be restored as 减容恢复."""
    return add_months(reduced_from, policy.reduction_restore_within_months) - timedelta(days=1)


def reduction_restore_refusals(
    reduced_from: date, restore_on: date, *, applied_on: date, policy: ApplicationPolicy
) -> list[Refusal]:
    """Why a 减容恢复 is refused: restored more than two years after the reduction began (then it is a
    new connection or a capacity increase, 新装/增容), or a restore date before the reduction."""
    reasons: list[Refusal] = []
    if reduced_from > applied_on:
        reasons.append(
            Refusal("reduction_not_started", "The reduction to restore has to have begun already.")
        )
    if restore_on < reduced_from:
        reasons.append(Refusal("period_order", "The restore date is before the reduction began."))
    deadline = restore_deadline(reduced_from, policy)
    if restore_on > deadline:
        reasons.append(
            Refusal(
                "restore_too_late",
                f"A reduction that began on {reduced_from} can be restored as 减容恢复 until {deadline} "
                f"({policy.reduction_restore_within_months} months); later the customer applies for a "
                "capacity increase (增容) or a new connection (新装) instead.",
            )
        )
    return reasons


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it is shorter (Aug 31 + 6 → Feb 28/29)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _address_key(address: str) -> str:
    """Addresses compare without spacing or full-width differences; wording changes still count."""
    return "".join(unicodedata.normalize("NFKC", address).split())


def _raise_if_any(what: str, reasons: list[Refusal]) -> None:
    if reasons:
        detail = " ".join(reason.message for reason in reasons)
        raise RuleViolation(
            f"{what}: {detail}",
            code=reasons[0].code,
            reasons=tuple(reasons),
        )


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
