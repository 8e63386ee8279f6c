"""Installation and change-of-service business types (业扩报装 / 变更用电) from the hall profile.

Each type says which steps an application goes through, who acts in each (the power company, whose
clock runs, or the customer, whose own work — design, building the works, fetching documents — stops
it), how many working days each company step and the company's steps together may take, and which
documents the customer brings. The numbers come from rules that change (十项承诺 2023, the 2025 national
opinion, State Grid KPIs, the PV rules of 2013–14), so every limit cites its rules with document,
number and effective date (``rule_sources``) and lives in ``resources/profile/business_types.toml``,
never in code. The parser refuses a profile it cannot trust and names the exact entry that is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from counter_app.domain.applications.values import VoltageLevel
from counter_app.domain.errors import InvalidInput, NotFound
from counter_app.domain.profile import LANGUAGES, Names
from counter_app.domain.rule_sources import RuleSource, TimeLimit, parse_limit, parse_rule_sources

_CODE = re.compile(r"[a-z][a-z0-9_]*")
_E = TypeVar("_E", bound=StrEnum)


class ServiceKind(StrEnum):
    """What the business does; the rules in ``application_rules`` key on this, not on the hall's codes."""

    NEW_CONNECTION = "new_connection"  # 新装
    CAPACITY_INCREASE = "capacity_increase"  # 增容
    CAPACITY_REDUCTION = "capacity_reduction"  # 减容
    PAUSE = "pause"  # 暂停
    RENAME = "rename"  # 更名
    TRANSFER = "transfer"  # 过户
    TARIFF_CHANGE = "tariff_change"  # 改类
    CLOSURE = "closure"  # 销户
    PV_CONNECTION = "pv_connection"  # 分布式光伏并网
    EV_CHARGER = "ev_charger"  # 充电桩报装
    TEMPORARY_SUPPLY = "temporary_supply"  # 临时用电
    TEMPORARY_SWAP = "temporary_swap"  # 暂换 (a transformer swapped for a smaller one for a while)
    RELOCATION = "relocation"  # 迁址
    METER_RELOCATION = "meter_relocation"  # 移表
    TEMPORARY_REMOVAL = "temporary_removal"  # 暂拆
    REINSTALLATION = "reinstallation"  # 复装 (after 暂拆)
    SPLIT = "split"  # 分户
    MERGE = "merge"  # 并户
    VOLTAGE_CHANGE = "voltage_change"  # 改压
    PAUSE_RESTORE = "pause_restore"  # 暂停恢复
    REDUCTION_RESTORE = "reduction_restore"  # 减容恢复


PERIOD_KINDS = frozenset({ServiceKind.PAUSE, ServiceKind.CAPACITY_REDUCTION, ServiceKind.REDUCTION_RESTORE})
"""Changes asked with dates: 暂停 (first and last day), 减容 (first day; the last only if the customer
names one: a reduction has no time limit), 减容恢复 (the day the reduction began and the day to restore)."""
OPEN_ENDED_KINDS = frozenset({ServiceKind.CAPACITY_REDUCTION})
"""Of :data:`PERIOD_KINDS`, those whose last day may be left open."""
OWNERSHIP_KINDS = frozenset({ServiceKind.RENAME, ServiceKind.TRANSFER})
"""Changes of name or holder (更名, 过户): the form takes the account as it is recorded today."""


class CustomerClass(StrEnum):
    """The classes the 十项承诺 time limits are set for; ``any`` for changes open to every class."""

    RESIDENTIAL = "residential"  # 居民
    LOW_VOLTAGE_NON_RESIDENTIAL = "low_voltage_non_residential"  # 低压非居民
    HIGH_VOLTAGE = "high_voltage"  # 高压
    ANY = "any"


class Party(StrEnum):
    """Who acts in a step. The company's steps run the clock; the customer's own work stops it (the
    十项承诺 limits are "各环节合计": the company's steps added together)."""

    UTILITY = "utility"
    CUSTOMER = "customer"


class DocumentKind(StrEnum):
    """一证受理 treats the kinds differently: identity is needed at once, the rest may follow."""

    IDENTITY = "identity"
    PROPERTY = "property"
    OTHER = "other"


@dataclass(frozen=True)
class Stage:
    """One step (环节) of the flow; ``limit`` None when no rule sets one ("no published limit")."""

    code: str
    names: Names
    limit: TimeLimit | None = None
    party: Party = Party.UTILITY


@dataclass(frozen=True)
class RequiredDocument:
    code: str
    names: Names
    kind: DocumentKind
    required: bool = True


@dataclass(frozen=True)
class BusinessType:
    """A business the counter accepts, as the hall profile defines it."""

    code: str
    names: Names
    kind: ServiceKind
    customer_class: CustomerClass
    stages: tuple[Stage, ...]
    documents: tuple[RequiredDocument, ...]
    whole_process_limit: TimeLimit | None = None
    whole_process_limit_with_external_works: TimeLimit | None = None
    needs_account: bool = False
    needs_capacity: bool = False
    voltages: tuple[VoltageLevel, ...] = tuple(VoltageLevel)
    """The supply voltages this business can have (``voltages`` in the profile; by default those of
    its customer class): the intake form offers only these, and refuses any other."""

    def stage(self, code: str) -> Stage:
        for stage in self.stages:
            if stage.code == code:
                return stage
        raise NotFound(f"Business type {self.code} has no stage {code!r}.", code="stage_not_found")

    def stage_index(self, code: str) -> int:
        return self.stages.index(self.stage(code))

    def limit_for(self, *, external_works: bool) -> TimeLimit | None:
        """The whole-process limit; with external line works (外线工程) the longer one where set."""
        if external_works and self.whole_process_limit_with_external_works is not None:
            return self.whole_process_limit_with_external_works
        return self.whole_process_limit

    def documents_of(self, kind: DocumentKind) -> tuple[RequiredDocument, ...]:
        return tuple(doc for doc in self.documents if doc.kind is kind)


def find_business_type(types: Sequence[BusinessType], code: str) -> BusinessType:
    for business_type in types:
        if business_type.code == code:
            return business_type
    raise NotFound(f"No business type {code!r} in the hall profile.", code="business_type_not_found")


def parse_business_types(
    data: Sequence[Mapping[str, Any]], rule_sources: Mapping[str, Any] | None = None
) -> tuple[BusinessType, ...]:
    """Build the business types from the profile's ``[[business_types]]`` array (already parsed TOML)
    and the ``[rule_sources]`` their limits cite.

    Raises :class:`InvalidInput` with ``field`` set to the path of the bad entry, e.g.
    ``business_types[2].stages[1].limit.working_days``.
    """
    sources = parse_rule_sources(rule_sources)
    if not isinstance(data, Sequence) or isinstance(data, str | bytes):
        raise _bad("business_types", "must be an array of tables ([[business_types]])")
    types: list[BusinessType] = []
    for i, raw in enumerate(data):
        business_type = _business_type(raw, f"business_types[{i}]", sources)
        if any(t.code == business_type.code for t in types):
            raise _bad(f"business_types[{i}].code", f"code {business_type.code!r} is used twice")
        types.append(business_type)
    return tuple(types)


# --- parsing helpers ----------------------------------------------------------------------------

_TYPE_KEYS = frozenset(
    {
        "code",
        "names",
        "kind",
        "customer_class",
        "stages",
        "documents",
        "whole_process_limit",
        "whole_process_limit_with_external_works",
        "needs_account",
        "needs_capacity",
        "voltages",
    }
)

_LOW = (VoltageLevel.V220, VoltageLevel.V380)
_HIGH = tuple(v for v in VoltageLevel if not v.is_low_voltage)
CLASS_VOLTAGES: dict[CustomerClass, tuple[VoltageLevel, ...]] = {
    CustomerClass.RESIDENTIAL: _LOW,
    CustomerClass.LOW_VOLTAGE_NON_RESIDENTIAL: _LOW,
    CustomerClass.HIGH_VOLTAGE: _HIGH,
    CustomerClass.ANY: tuple(VoltageLevel),
}
"""What a customer class can be supplied at: the default of a type, and the bound of its list."""


def _business_type(raw: Any, where: str, sources: Mapping[str, RuleSource]) -> BusinessType:
    table = _table(raw, where, _TYPE_KEYS)
    stages = tuple(
        _stage(s, f"{where}.stages[{j}]", sources) for j, s in enumerate(_array(table, "stages", where))
    )
    if not stages:
        raise _bad(f"{where}.stages", "at least one stage is needed")
    _unique([s.code for s in stages], f"{where}.stages")
    if stages[0].party is Party.CUSTOMER:
        raise _bad(f"{where}.stages[0].party", "an application starts with a step of the power company")
    if any(s.party is Party.CUSTOMER and s.limit is not None for s in stages):
        raise _bad(f"{where}.stages", "a step of the customer's has no limit: the clock stops in it")
    documents = tuple(
        _document(d, f"{where}.documents[{j}]") for j, d in enumerate(_array(table, "documents", where))
    )
    _unique([d.code for d in documents], f"{where}.documents")
    customer_class = _enum(CustomerClass, table, "customer_class", where)
    return BusinessType(
        code=_code(table, where),
        names=_names(table.get("names"), f"{where}.names"),
        kind=_enum(ServiceKind, table, "kind", where),
        customer_class=customer_class,
        stages=stages,
        documents=documents,
        whole_process_limit=_optional_limit(table, "whole_process_limit", where, sources),
        whole_process_limit_with_external_works=_optional_limit(
            table, "whole_process_limit_with_external_works", where, sources
        ),
        needs_account=_flag(table, "needs_account", where, default=False),
        needs_capacity=_flag(table, "needs_capacity", where, default=False),
        voltages=_voltages(table, where, customer_class),
    )


def _voltages(
    table: Mapping[str, Any], where: str, customer_class: CustomerClass
) -> tuple[VoltageLevel, ...]:
    """The type's ``voltages`` list, each one its class can have, in the order given."""
    allowed = CLASS_VOLTAGES[customer_class]
    if "voltages" not in table:
        return allowed
    path = f"{where}.voltages"
    raw = table["voltages"]
    if not isinstance(raw, list) or not raw:
        raise _bad(path, 'must be a non-empty array of voltages, e.g. ["220V", "380V"]')
    found: list[VoltageLevel] = []
    for item in raw:
        try:
            voltage = VoltageLevel(item if isinstance(item, str) else "")
        except ValueError:
            known = ", ".join(v.value for v in VoltageLevel)
            raise _bad(path, f"{item!r} is not a voltage ({known})") from None
        if voltage not in allowed:
            raise _bad(path, f"{voltage.value} is not a {customer_class.value} supply voltage")
        if voltage in found:
            raise _bad(path, f"{voltage.value} is listed twice")
        found.append(voltage)
    return tuple(found)


def _stage(raw: Any, where: str, sources: Mapping[str, RuleSource]) -> Stage:
    table = _table(raw, where, frozenset({"code", "names", "limit", "party"}))
    names = _names(table.get("names"), f"{where}.names")
    party = _enum(Party, table, "party", where) if "party" in table else Party.UTILITY
    return Stage(_code(table, where), names, _optional_limit(table, "limit", where, sources), party)


def _document(raw: Any, where: str) -> RequiredDocument:
    table = _table(raw, where, frozenset({"code", "names", "kind", "required"}))
    return RequiredDocument(
        code=_code(table, where),
        names=_names(table.get("names"), f"{where}.names"),
        kind=_enum(DocumentKind, table, "kind", where),
        required=_flag(table, "required", where, default=True),
    )


def _optional_limit(
    table: Mapping[str, Any], key: str, where: str, sources: Mapping[str, RuleSource]
) -> TimeLimit | None:
    if key not in table:
        return None
    return parse_limit(table[key], f"{where}.{key}", sources)


def _names(raw: Any, where: str) -> Names:
    table = _table(raw, where, frozenset(LANGUAGES))
    missing = [lang for lang in LANGUAGES if not isinstance(table.get(lang), str) or not table[lang].strip()]
    if missing:
        raise _bad(where, f"a name is needed in {', '.join(missing)}")
    return Names(**{lang: str(table[lang]).strip() for lang in LANGUAGES})


def _table(raw: Any, where: str, keys: frozenset[str]) -> Mapping[str, Any]:
    if not isinstance(raw, Mapping):
        raise _bad(where, "must be a table")
    unknown = sorted(str(k) for k in raw if k not in keys)
    if unknown:
        raise _bad(where, f"unknown key(s) {', '.join(unknown)} (a typo?)")
    return raw


def _array(table: Mapping[str, Any], key: str, where: str) -> Sequence[Any]:
    value = table.get(key, [])
    if not isinstance(value, list):
        raise _bad(f"{where}.{key}", "must be an array")
    return value


def _code(table: Mapping[str, Any], where: str) -> str:
    code = table.get("code")
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        raise _bad(f"{where}.code", f"must be lower_case letters, digits and _, not {code!r}")
    return code


def _flag(table: Mapping[str, Any], key: str, where: str, *, default: bool) -> bool:
    value = table.get(key, default)
    if not isinstance(value, bool):
        raise _bad(f"{where}.{key}", f"must be true or false, not {value!r}")
    return value


def _enum(kind: type[_E], table: Mapping[str, Any], key: str, where: str) -> _E:
    value = table.get(key)
    try:
        return kind(value if isinstance(value, str) else "")
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise _bad(f"{where}.{key}", f"must be one of {allowed}, not {value!r}") from None


def _unique(codes: list[str], where: str) -> None:
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise _bad(where, f"code {code!r} is used twice")
        seen.add(code)


def _bad(where: str, problem: str) -> InvalidInput:
    return InvalidInput(f"Business types: {where} {problem}.", field=where, code="bad_business_types")
