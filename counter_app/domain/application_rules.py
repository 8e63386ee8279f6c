"""Change-of-service rules (变更用电) checked before an application is accepted.

Sources (DOMAIN.md): the 1996 供电营业规则, to be checked against the 2024 rules in force 2024-06-01;
the numbers come from :class:`ApplicationPolicy` so a hall can follow a newer rule. Every check collects
all the reasons a request fails and raises one :class:`RuleViolation` whose message lists them, so the
clerk can tell the customer everything at once (一次性告知); ``params["reasons"]`` keeps them apart.
"""

from __future__ import annotations

import calendar
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from counter_app.domain.applications import ApplicationPolicy, Capacity, TariffClass
from counter_app.domain.errors import InvalidInput, RuleViolation


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
    """Why a 暂停 cannot be granted: too short, too late, too often, too long in a year, or overlapping.

    ``earlier`` are the account's other pauses (any year); a pause counts towards the year it starts in,
    and its days towards each calendar year they fall in.
    """
    reasons: list[Refusal] = []
    if requested.days < policy.pause_min_days:
        reasons.append(
            Refusal(
                "pause_too_short",
                f"A pause lasts at least {policy.pause_min_days} days, not {requested.days}.",
            )
        )
    notice = (requested.start - applied_on).days
    if notice < policy.pause_notice_days:
        reasons.append(
            Refusal(
                "pause_notice_too_short",
                f"A pause is applied for at least {policy.pause_notice_days} days before it starts "
                f"(earliest start {applied_on + timedelta(days=policy.pause_notice_days)}).",
            )
        )
    same_year = [p for p in earlier if p.start.year == requested.start.year]
    if len(same_year) >= policy.pause_max_per_year:
        reasons.append(
            Refusal(
                "pause_too_many",
                f"The account has already paused {len(same_year)} times in {requested.start.year}; "
                f"at most {policy.pause_max_per_year} pauses a calendar year.",
            )
        )
    for year in range(requested.start.year, requested.end.year + 1):
        total = requested.days_in_year(year) + sum(p.days_in_year(year) for p in earlier)
        if total > policy.pause_max_days_per_year:
            reasons.append(
                Refusal(
                    "pause_year_total",
                    f"Pauses would total {total} days in {year}; at most "
                    f"{policy.pause_max_days_per_year} days a year.",
                )
            )
    if any(requested.overlaps(p) for p in earlier):
        reasons.append(Refusal("pause_overlaps", "The account is already paused during part of this period."))
    return reasons


def check_pause(
    requested: Period, *, applied_on: date, earlier: Sequence[Period], policy: ApplicationPolicy
) -> None:
    """Raise :class:`RuleViolation` with every reason from :func:`pause_refusals`."""
    _raise_if_any(
        "Pause refused", pause_refusals(requested, applied_on=applied_on, earlier=earlier, policy=policy)
    )


def reduction_refusals(requested: Period, policy: ApplicationPolicy) -> list[Refusal]:
    """Why a 减容 period is refused: it lasts from 6 months to 2 years (calendar months)."""
    shortest_end = add_months(requested.start, policy.reduction_min_months) - timedelta(days=1)
    longest_end = add_months(requested.start, policy.reduction_max_months) - timedelta(days=1)
    if requested.end < shortest_end:
        return [
            Refusal(
                "reduction_too_short",
                f"A capacity reduction lasts at least {policy.reduction_min_months} months "
                f"(until {shortest_end} or later).",
            )
        ]
    if requested.end > longest_end:
        return [
            Refusal(
                "reduction_too_long",
                f"A capacity reduction lasts at most {policy.reduction_max_months} months "
                f"(until {longest_end} at the latest).",
            )
        ]
    return []


def check_reduction(requested: Period, policy: ApplicationPolicy) -> None:
    _raise_if_any("Capacity reduction refused", reduction_refusals(requested, policy))


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
