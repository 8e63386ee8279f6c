"""Installation and change-of-service applications (业扩报装 / 变更用电): the values they are made of.

Who applies (:class:`Applicant`, possibly through an :class:`Agent`), what they ask for (capacity,
voltage, tariff class) and the hall's :class:`ApplicationPolicy`. Taking the form at the counter is in
``application_intake``, the change-of-service rules in ``application_rules``, the life of an application
after acceptance in ``application_workflow``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from typing import Any

from counter_app.domain.errors import InvalidInput
from counter_app.domain.identity import IdType
from counter_app.domain.masking import mask_address, mask_id_number, mask_name, mask_phone
from counter_app.domain.payments.accounts import DEFAULT_ACCOUNT_NUMBER_RULE, AccountNumberRule
from counter_app.domain.rule_sources import RuleSource


class ApplicantKind(StrEnum):
    PERSON = "person"  # 自然人
    ORGANISATION = "organisation"  # 法人或其他组织


class TariffClass(StrEnum):
    RESIDENTIAL = "residential"  # 居民生活用电
    AGRICULTURAL = "agricultural"  # 农业生产用电
    COMMERCIAL_INDUSTRIAL = "commercial_industrial"  # 工商业用电


class VoltageLevel(StrEnum):
    V220 = "220V"
    V380 = "380V"
    KV10 = "10kV"
    KV20 = "20kV"
    KV35 = "35kV"
    KV66 = "66kV"
    KV110 = "110kV"

    @property
    def is_low_voltage(self) -> bool:
        return self in (VoltageLevel.V220, VoltageLevel.V380)


class CapacityUnit(StrEnum):
    KW = "kW"  # low voltage: contracted load
    KVA = "kVA"  # high voltage: transformer capacity


@dataclass(frozen=True)
class Capacity:
    amount: Decimal
    unit: CapacityUnit

    def __str__(self) -> str:
        return f"{self.amount.normalize():f} {self.unit.value}"


@dataclass(frozen=True, repr=False)
class Applicant:
    """Who applies (person or organisation): the applicant's fields, declared once.

    ``unmasked`` says the values are in full (as typed, or in the owner's or a supervisor's view of
    an application); :meth:`masked` gives them as lists, papers and other clerks may show them
    (PIPL art. 51). ``repr`` masks personal data so an applicant can be logged."""

    kind: ApplicantKind
    name: str
    id_type: IdType
    id_number: str
    mobile: str
    address: str
    unmasked: bool = True

    def masked(self) -> Applicant:
        if not self.unmasked:
            return self
        return replace(
            self,
            name=mask_name(self.name),
            id_number=mask_id_number(self.id_number),
            mobile=mask_phone(self.mobile),
            address=mask_address(self.address),
            unmasked=False,
        )

    def __repr__(self) -> str:
        return (
            f"Applicant(kind={self.kind.value}, name={mask_name(self.name)!r}, id_type={self.id_type.value}, "
            f"id_number={mask_id_number(self.id_number)!r}, mobile={mask_phone(self.mobile)!r}, "
            f"address={mask_address(self.address)!r})"
        )


@dataclass(frozen=True, repr=False)
class Agent:
    """The person applying for someone not present (代办人), with the power of attorney (授权委托书)."""

    name: str
    id_type: IdType
    id_number: str
    mobile: str

    def masked(self) -> Agent:
        """The values masked (an agent is shown in full exactly when the applicant is)."""
        return Agent(
            mask_name(self.name), self.id_type, mask_id_number(self.id_number), mask_phone(self.mobile)
        )

    def __repr__(self) -> str:
        return (
            f"Agent(name={mask_name(self.name)!r}, id_type={self.id_type.value}, "
            f"id_number={mask_id_number(self.id_number)!r}, mobile={mask_phone(self.mobile)!r})"
        )


@dataclass(frozen=True)
class PolicySource:
    """Where a number of the policy comes from: a rule source and the clause."""

    source: RuleSource
    clause: str


@dataclass(frozen=True)
class ApplicationPolicy:
    """Profile values for intake and change rules; ``sources`` says where each number comes from.

    The current change rules (DOMAIN.md): no cap on the number of pauses (removed in 2016); each pause
    at least ``pause_min_days``, at most ``pause_max_days_per_year`` in a calendar year (beyond that:
    减容); a reduction without time limit, restored within ``reduction_restore_within_months`` as
    减容恢复. ``pause_notice_days`` is unconfirmed [U] and only ever a note for the clerk.
    """

    residential_capacity_ceiling_kw: Decimal = Decimal(100)
    documents_due_within_workdays: int = 5
    pause_min_days: int = 15
    pause_max_days_per_year: int = 184
    pause_notice_days: int = 5
    reduction_restore_within_months: int = 24
    account_number_rule: AccountNumberRule = DEFAULT_ACCOUNT_NUMBER_RULE
    local_area_codes: frozenset[str] = frozenset()
    sources: Mapping[str, PolicySource] = field(default_factory=dict)


_REPEALED = {
    "pause_max_per_year": "the cap on the number of pauses was removed in 2016: delete this line",
    "reduction_min_months": "a capacity reduction has no time limit any more: delete this line",
    "reduction_max_months": "a capacity reduction has no time limit any more (restored within "
    "reduction_restore_within_months it is 减容恢复): delete this line",
}


def parse_application_policy(
    data: Mapping[str, Any],
    *,
    account_number_rule: AccountNumberRule = DEFAULT_ACCOUNT_NUMBER_RULE,
    rule_sources: Mapping[str, RuleSource] | None = None,
) -> ApplicationPolicy:
    """Build the policy from the profile's ``[application_policy]`` table; missing keys keep defaults.

    The account number format is the hall's one rule (``accounts.AccountNumberRule``), passed in rather
    than configured a second time here. ``rule_sources`` are the profile's ``[rule_sources]`` the
    ``[application_policy.sources]`` table cites.
    """
    defaults = ApplicationPolicy()
    values: dict[str, Any] = {"account_number_rule": account_number_rule}
    for key, value in data.items():
        where = f"application_policy.{key}"
        if key in _REPEALED:
            raise InvalidInput(f"{where}: {_REPEALED[key]}.", field=where, code="bad_policy")
        if key == "sources":
            values[key] = _policy_sources(value, rule_sources or {}, defaults)
        elif key == "local_area_codes":
            codes = value if isinstance(value, list) else []
            if not codes or not all(isinstance(c, str) and c.isdigit() and len(c) == 6 for c in codes):
                raise InvalidInput(f"{where} must list 6-digit area codes.", field=where, code="bad_policy")
            values[key] = frozenset(codes)
        elif key == "residential_capacity_ceiling_kw":
            number = value if isinstance(value, int | float) and not isinstance(value, bool) else -1
            if not (math.isfinite(number) and number > 0):
                raise InvalidInput(f"{where} must be a positive number.", field=where, code="bad_policy")
            values[key] = Decimal(str(number))
        elif key not in ("account_number_rule", "sources") and isinstance(getattr(defaults, key, None), int):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise InvalidInput(f"{where} must be a whole number ≥ 1.", field=where, code="bad_policy")
            values[key] = value
        else:
            raise InvalidInput(f"Unknown key {where} (a typo?).", field=where, code="bad_policy")
    return ApplicationPolicy(**values)


def _policy_sources(
    raw: Any, rule_sources: Mapping[str, RuleSource], defaults: ApplicationPolicy
) -> dict[str, PolicySource]:
    where = "application_policy.sources"
    if not isinstance(raw, Mapping):
        raise InvalidInput(f"{where} must be a table.", field=where, code="bad_policy")
    sources: dict[str, PolicySource] = {}
    for key, entry in raw.items():
        here = f"{where}.{key}"
        numeric = key not in ("account_number_rule", "sources", "local_area_codes")
        if not (numeric and hasattr(defaults, key)):
            raise InvalidInput(f"{here}: not a number of the policy.", field=here, code="bad_policy")
        code = entry.get("source") if isinstance(entry, Mapping) else None
        clause = entry.get("clause", "") if isinstance(entry, Mapping) else None
        if not isinstance(code, str) or code not in rule_sources or not isinstance(clause, str):
            raise InvalidInput(
                f'{here} must be {{ source = <a [rule_sources] entry>, clause = "…" }}.',
                field=here,
                code="bad_policy",
            )
        sources[str(key)] = PolicySource(rule_sources[code], " ".join(clause.split()))
    return sources
