"""Business types: the shipped defaults carry DOMAIN.md's limits, each with its rule (the strictest in
force binding), who acts in each step, and a bad profile is refused precisely."""

from __future__ import annotations

import copy
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from counter_app.domain.applications.business_types import (
    BusinessType,
    CustomerClass,
    DocumentKind,
    Party,
    ServiceKind,
    find_business_type,
    parse_business_types,
)
from counter_app.domain.errors import InvalidInput, NotFound
from counter_app.domain.rule_sources import Confidence

DEFAULTS = Path(__file__).parents[3] / "resources" / "profile" / "business_types.toml"


@pytest.fixture(scope="module")
def profile() -> dict[str, Any]:
    with DEFAULTS.open("rb") as file:
        return tomllib.load(file)


@pytest.fixture(scope="module")
def raw(profile: dict[str, Any]) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = profile["business_types"]
    return data


@pytest.fixture(scope="module")
def sources(profile: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = profile["rule_sources"]
    return data


@pytest.fixture(scope="module")
def types(raw: list[dict[str, Any]], sources: dict[str, Any]) -> tuple[BusinessType, ...]:
    return parse_business_types(raw, sources)


def test_defaults_cover_every_business_the_hall_takes(types: tuple[BusinessType, ...]) -> None:
    kinds = {t.kind for t in types}
    assert kinds == set(ServiceKind)
    new = {t.customer_class for t in types if t.kind is ServiceKind.NEW_CONNECTION}
    assert new == {
        CustomerClass.RESIDENTIAL,
        CustomerClass.LOW_VOLTAGE_NON_RESIDENTIAL,
        CustomerClass.HIGH_VOLTAGE,
    }
    names = {t.names.zh_CN for t in types}
    for expected in (
        "低压居民新装",
        "低压非居民新装",
        "高压新装（单电源）",
        "高压新装（双电源）",
        "减容",
        "暂停",
        "更名",
        "过户",
        "改类",
        "销户",
        "充电桩报装",
        "临时用电",
        "暂换",
        "迁址",
        "移表",
        "暂拆",
        "复装",
        "分户",
        "并户",
        "改压",
        "暂停恢复",
        "减容恢复",
    ):
        assert expected in names


# --- limits per business type, the strictest rule in force binding -----------------------------


@pytest.mark.parametrize(
    ("code", "external_works", "days", "source"),
    [
        ("lv_residential_new", False, 5, "commitments_2023"),
        ("lv_residential_new", True, 5, "commitments_2023"),  # 5 (全过程) is stricter than 15
        ("lv_non_residential_new", False, 5, "opinion_2025"),  # the 2025 opinion's 5 beats 十项承诺's 6
        ("lv_non_residential_new", True, 6, "commitments_2023"),  # 6 beats the opinion's 15
        ("lv_residential_increase", False, 5, "commitments_2023"),
        ("lv_non_residential_increase", False, 5, "opinion_2025"),
        ("hv_new_single", False, 22, "commitments_2023"),
        ("hv_new_single", True, 22, "commitments_2023"),
        ("hv_new_dual", False, 32, "commitments_2023"),
        ("hv_increase", False, 22, "commitments_2023"),
        ("ev_charger", False, 5, "commitments_2023"),
    ],
)
def test_whole_limits_are_the_strictest_rule_with_its_source(
    types: tuple[BusinessType, ...], code: str, external_works: bool, days: int, source: str
) -> None:
    limit = find_business_type(types, code).limit_for(external_works=external_works)
    assert limit is not None
    rule = limit.binding(date(2026, 11, 27))
    assert (rule.working_days, rule.source.code) == (days, source)
    assert limit.working_days == days
    assert rule.source.document and rule.clause


@pytest.mark.parametrize(
    "code",
    [
        "capacity_reduction",
        "pause",
        "rename",
        "transfer",
        "tariff_change",
        "closure",
        "pv_single_point",
        "pv_multi_point",
        "temporary_supply",
        "temporary_swap",
        "relocation",
        "meter_relocation",
        "temporary_removal",
        "reinstallation",
        "split",
        "merge",
        "voltage_change",
        "pause_restore",
        "reduction_restore",
    ],
)
def test_no_limit_is_invented_where_none_is_published(types: tuple[BusinessType, ...], code: str) -> None:
    business_type = find_business_type(types, code)
    assert business_type.whole_process_limit is None
    if business_type.kind is not ServiceKind.PV_CONNECTION:
        assert all(stage.limit is None for stage in business_type.stages)


HV_SINGLE = [
    ("plan_reply", Party.UTILITY, 15),
    ("customer_design", Party.CUSTOMER, None),
    ("design_review", Party.UTILITY, 10),
    ("customer_works", Party.CUSTOMER, None),
    ("mid_inspection", Party.UTILITY, 5),
    ("customer_completion", Party.CUSTOMER, None),
    ("completion_inspection", Party.UTILITY, 5),
    ("sign_contract", Party.CUSTOMER, None),
    ("meter_connect", Party.UTILITY, 5),
]


@pytest.mark.parametrize(
    ("code", "steps"),
    [
        ("hv_new_single", HV_SINGLE),
        ("hv_increase", HV_SINGLE),
        ("hv_new_dual", [("plan_reply", Party.UTILITY, 30), *HV_SINGLE[1:]]),
        (
            "pv_single_point",
            [
                ("site_survey", Party.UTILITY, 2),
                ("access_plan", Party.UTILITY, 20),
                ("customer_build", Party.CUSTOMER, None),
                ("metering_contract", Party.UTILITY, 10),
                ("acceptance_commissioning", Party.UTILITY, 10),
            ],
        ),
        (
            "pv_multi_point",
            [
                ("site_survey", Party.UTILITY, 2),
                ("access_plan", Party.UTILITY, 30),
                ("customer_build", Party.CUSTOMER, None),
                ("metering_contract", Party.UTILITY, 10),
                ("acceptance_commissioning", Party.UTILITY, 10),
            ],
        ),
        (
            "lv_residential_new",
            [("accept_sign", Party.UTILITY, None), ("build_connect", Party.UTILITY, None)],
        ),
        (
            "voltage_change",
            [
                ("plan_reply", Party.UTILITY, None),
                ("customer_works", Party.CUSTOMER, None),
                ("completion_inspection", Party.UTILITY, None),
                ("meter_connect", Party.UTILITY, None),
            ],
        ),
    ],
)
def test_steps_with_who_acts_and_their_own_limits(
    types: tuple[BusinessType, ...], code: str, steps: list[tuple[str, Party, int | None]]
) -> None:
    business_type = find_business_type(types, code)
    found = [(s.code, s.party, s.limit.working_days if s.limit else None) for s in business_type.stages]
    assert found == steps
    for stage in business_type.stages:
        if stage.limit is not None:
            assert stage.limit.binding().source.code in ("sgcc_kpi", "pv_rules")


def test_the_high_voltage_step_limits_add_up_to_more_than_the_commitment(
    types: tuple[BusinessType, ...],
) -> None:
    """Both rules are in force: the steps' KPIs (40 / 55) and the commitment for the steps together
    (22 / 32); the clock caps each step's date at the commitment (application_clock)."""
    for code, steps_total, whole in (("hv_new_single", 40, 22), ("hv_new_dual", 55, 32)):
        business_type = find_business_type(types, code)
        assert sum(s.limit.working_days for s in business_type.stages if s.limit) == steps_total
        assert business_type.whole_process_limit is not None
        assert business_type.whole_process_limit.working_days == whole


def test_unconfirmed_numbers_and_documents_say_so(types: tuple[BusinessType, ...]) -> None:
    ev = find_business_type(types, "ev_charger").whole_process_limit
    assert ev is not None and ev.binding().confidence is Confidence.UNCONFIRMED and ev.unconfirmed
    home = find_business_type(types, "lv_residential_new").whole_process_limit
    assert home is not None and home.binding().confidence is Confidence.CONFIRMED
    assert home.unconfirmed  # the commitment's document number and effective date are not in hand


def test_external_works_choose_the_other_limit(types: tuple[BusinessType, ...]) -> None:
    shop = find_business_type(types, "lv_non_residential_new")
    with_works = shop.limit_for(external_works=True)
    without = shop.limit_for(external_works=False)
    assert with_works is not None and with_works.working_days == 6
    assert [r.working_days for r in with_works.looser] == [15]
    assert without is not None and without.working_days == 5
    hv = find_business_type(types, "hv_new_single")
    assert hv.limit_for(external_works=True) == hv.whole_process_limit


def test_every_label_exists_in_three_languages(types: tuple[BusinessType, ...]) -> None:
    for business_type in types:
        labels = [
            business_type.names,
            *(s.names for s in business_type.stages),
            *(d.names for d in business_type.documents),
        ]
        for names in labels:
            assert names.zh_CN and names.zh_TW and names.en
        assert business_type.documents_of(DocumentKind.IDENTITY), business_type.code


def test_change_types_need_the_account_number(types: tuple[BusinessType, ...]) -> None:
    for business_type in types:
        is_change = business_type.kind not in (
            ServiceKind.NEW_CONNECTION,
            ServiceKind.PV_CONNECTION,
            ServiceKind.EV_CHARGER,
            ServiceKind.TEMPORARY_SUPPLY,
        )
        assert business_type.needs_account is is_change, business_type.code


def test_new_types_list_their_voltages(types: tuple[BusinessType, ...]) -> None:
    assert find_business_type(types, "temporary_swap").voltages == ("10kV", "20kV", "35kV", "66kV", "110kV")
    assert "220V" in find_business_type(types, "relocation").voltages


def test_lookup_of_unknown_codes(types: tuple[BusinessType, ...]) -> None:
    with pytest.raises(NotFound):
        find_business_type(types, "nothing")
    with pytest.raises(NotFound):
        find_business_type(types, "pause").stage("nothing")
    assert find_business_type(types, "hv_new_single").stage_index("customer_works") == 3


# --- parsing a hall's own profile -------------------------------------------------------------


def test_a_rule_not_yet_in_force_does_not_bind(raw: list[dict[str, Any]], sources: dict[str, Any]) -> None:
    data = copy.deepcopy(raw[:1])
    more = copy.deepcopy(sources)
    more["local_2027"] = {
        "document": "本省2027年办电新规",
        "number": "X〔2026〕1号",
        "effective": date(2027, 1, 1),
        "confidence": "confirmed",
    }
    data[0]["whole_process_limit"].append({"working_days": 3, "source": "local_2027", "clause": "3日"})
    limit = parse_business_types(data, more)[0].whole_process_limit
    assert limit is not None
    assert limit.binding(date(2026, 12, 31)).working_days == 5
    assert limit.binding(date(2027, 1, 1)).working_days == 3
    rule = limit.binding(date(2027, 1, 1))
    assert not rule.unconfirmed and rule.source.citation() == "本省2027年办电新规（X〔2026〕1号）"


def _broken(raw: list[dict[str, Any]], change: str) -> list[dict[str, Any]]:
    data = copy.deepcopy(raw[:3])
    first = data[0]
    limit = first["whole_process_limit"][0]
    if change == "duplicate_code":
        data[1]["code"] = first["code"]
    elif change == "missing_zh_TW":
        del first["names"]["zh_TW"]
    elif change == "zero_limit":
        limit["working_days"] = 0
    elif change == "text_limit":
        limit["working_days"] = "5"
    elif change == "bool_limit":
        limit["working_days"] = True
    elif change == "no_source":
        del limit["source"]
    elif change == "unknown_source":
        limit["source"] = "hearsay"
    elif change == "typo_key":
        first["whole_proces_limit"] = first.pop("whole_process_limit")
    elif change == "unknown_kind":
        first["kind"] = "teleport"
    elif change == "no_stages":
        first["stages"] = []
    elif change == "duplicate_stage":
        first["stages"].append(dict(first["stages"][0]))
    elif change == "bad_document_kind":
        first["documents"][0]["kind"] = "photo"
    elif change == "bad_stage_limit":
        data[2]["stages"][0]["limit"]["working_days"] = -1
    elif change == "bad_party":
        data[2]["stages"][1]["party"] = "neighbour"
    elif change == "customer_first":
        data[2]["stages"][0]["party"] = "customer"
    elif change == "customer_with_limit":
        data[2]["stages"][1]["limit"] = dict(data[2]["stages"][0]["limit"])
    elif change == "bad_voltage":
        first["voltages"] = ["240V"]
    return data


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ("duplicate_code", "business_types[1].code"),
        ("missing_zh_TW", "business_types[0].names"),
        ("zero_limit", "business_types[0].whole_process_limit[0].working_days"),
        ("text_limit", "business_types[0].whole_process_limit[0].working_days"),
        ("bool_limit", "business_types[0].whole_process_limit[0].working_days"),
        ("no_source", "business_types[0].whole_process_limit[0].source"),
        ("unknown_source", "business_types[0].whole_process_limit[0].source"),
        ("typo_key", "business_types[0]"),
        ("unknown_kind", "business_types[0].kind"),
        ("no_stages", "business_types[0].stages"),
        ("duplicate_stage", "business_types[0].stages"),
        ("bad_document_kind", "business_types[0].documents[0].kind"),
        ("bad_stage_limit", "business_types[2].stages[0].limit.working_days"),
        ("bad_party", "business_types[2].stages[1].party"),
        ("customer_first", "business_types[2].stages[0].party"),
        ("customer_with_limit", "business_types[2].stages"),
        ("bad_voltage", "business_types[0].voltages"),
    ],
)
def test_bad_profile_is_refused_naming_the_entry(
    raw: list[dict[str, Any]], sources: dict[str, Any], change: str, field: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_business_types(_broken(raw, change), sources)
    assert caught.value.field == field
    assert caught.value.code == "bad_business_types"


@pytest.mark.parametrize(
    ("table", "field"),
    [
        ({"document": "", "confidence": "confirmed"}, "rule_sources.x.document"),
        ({"document": "d", "confidence": "sure"}, "rule_sources.x.confidence"),
        ({"document": "d", "confidence": "weak", "effective": "soon"}, "rule_sources.x.effective"),
        ({"document": "d", "confidence": "weak", "url": "x"}, "rule_sources.x"),
    ],
)
def test_bad_rule_source_is_refused(raw: list[dict[str, Any]], table: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_business_types(raw[:1], {"x": table})
    assert caught.value.field == field


def test_not_an_array_is_refused() -> None:
    with pytest.raises(InvalidInput):
        parse_business_types({"code": "x"})  # type: ignore[arg-type]


def test_each_business_offers_only_the_voltages_it_can_have(types: tuple[BusinessType, ...]) -> None:
    """低压居民新装 is supplied at 220 V or 380 V, never up to 110 kV; high voltage at 10 kV or above."""
    from counter_app.domain.applications.values import VoltageLevel

    by_code = {t.code: t for t in types}
    assert by_code["lv_residential_new"].voltages == (VoltageLevel.V220, VoltageLevel.V380)
    assert by_code["ev_charger"].voltages == (VoltageLevel.V220, VoltageLevel.V380)
    assert VoltageLevel.KV110 in by_code["hv_new_single"].voltages
    assert all(not v.is_low_voltage for v in by_code["hv_increase"].voltages)


@pytest.mark.parametrize(
    ("voltages", "problem"),
    [
        (["220V", "10kV"], "10kV is not a residential supply voltage"),
        (["220V", "220V"], "listed twice"),
        (["230V"], "'230V' is not a voltage"),
        ([], "non-empty array"),
        ("220V", "non-empty array"),
    ],
)
def test_a_voltage_list_a_class_cannot_have_is_refused(
    raw: list[dict[str, Any]], sources: dict[str, Any], voltages: object, problem: str
) -> None:
    changed = copy.deepcopy(raw)
    home = next(t for t in changed if t["code"] == "lv_residential_new")
    home["voltages"] = voltages
    with pytest.raises(InvalidInput) as err:
        parse_business_types(changed, sources)
    assert problem in str(err.value) and err.value.field.endswith(".voltages")


def test_a_type_without_a_list_has_its_classs_voltages(
    raw: list[dict[str, Any]], sources: dict[str, Any]
) -> None:
    from counter_app.domain.applications.business_types import CLASS_VOLTAGES, CustomerClass

    changed = copy.deepcopy(raw)
    for t in changed:
        t.pop("voltages", None)
    by_code = {t.code: t for t in parse_business_types(changed, sources)}
    assert by_code["lv_residential_new"].voltages == CLASS_VOLTAGES[CustomerClass.RESIDENTIAL]
    assert by_code["hv_new_dual"].voltages == CLASS_VOLTAGES[CustomerClass.HIGH_VOLTAGE]
