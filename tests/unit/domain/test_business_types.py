"""Business types: the shipped defaults carry DOMAIN.md's limits; a bad profile is refused precisely."""

from __future__ import annotations

import copy
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from counter_app.domain.business_types import (
    BusinessType,
    CustomerClass,
    DocumentKind,
    ServiceKind,
    find_business_type,
    parse_business_types,
)
from counter_app.domain.errors import InvalidInput, NotFound

DEFAULTS = Path(__file__).parents[3] / "resources" / "profile" / "business_types.toml"


@pytest.fixture(scope="module")
def raw() -> list[dict[str, Any]]:
    with DEFAULTS.open("rb") as file:
        data: list[dict[str, Any]] = tomllib.load(file)["business_types"]
    return data


@pytest.fixture(scope="module")
def types(raw: list[dict[str, Any]]) -> tuple[BusinessType, ...]:
    return parse_business_types(raw)


def whole(types: tuple[BusinessType, ...], code: str) -> int | None:
    limit = find_business_type(types, code).whole_process_limit
    return limit.working_days if limit else None


def stage_limit(types: tuple[BusinessType, ...], code: str, stage: str) -> int | None:
    limit = find_business_type(types, code).stage(stage).limit
    return limit.working_days if limit else None


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
    ):
        assert expected in names


def test_defaults_carry_the_2023_commitment_limits(types: tuple[BusinessType, ...]) -> None:
    assert whole(types, "lv_residential_new") == 5
    assert whole(types, "lv_non_residential_new") == 6
    assert whole(types, "hv_new_single") == 22
    assert whole(types, "hv_new_dual") == 32
    source = find_business_type(types, "hv_new_dual").whole_process_limit
    assert source is not None and "十项承诺" in source.source


def test_defaults_carry_the_high_voltage_and_pv_stage_limits(types: tuple[BusinessType, ...]) -> None:
    assert stage_limit(types, "hv_new_single", "plan_reply") == 15
    assert stage_limit(types, "hv_new_dual", "plan_reply") == 30
    assert stage_limit(types, "hv_new_single", "meter_connect") == 5
    assert stage_limit(types, "pv_single_point", "site_survey") == 2
    assert stage_limit(types, "pv_single_point", "access_plan") == 20
    assert stage_limit(types, "pv_multi_point", "access_plan") == 30
    assert stage_limit(types, "pv_multi_point", "acceptance_commissioning") == 10


def test_residential_uses_the_simplified_two_step_flow(types: tuple[BusinessType, ...]) -> None:
    stages = find_business_type(types, "lv_residential_new").stages
    assert [s.names.zh_CN for s in stages] == ["受理签约", "施工接电"]
    assert len(find_business_type(types, "lv_non_residential_new").stages) == 3
    assert len(find_business_type(types, "hv_new_single").stages) == 4


def test_external_works_choose_the_longer_limit(types: tuple[BusinessType, ...]) -> None:
    residential = find_business_type(types, "lv_residential_new")
    with_works = residential.limit_for(external_works=True)
    without = residential.limit_for(external_works=False)
    assert with_works is not None and with_works.working_days == 15
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
        )
        assert business_type.needs_account is is_change, business_type.code


def test_lookup_of_unknown_codes(types: tuple[BusinessType, ...]) -> None:
    with pytest.raises(NotFound):
        find_business_type(types, "nothing")
    with pytest.raises(NotFound):
        find_business_type(types, "pause").stage("nothing")
    assert find_business_type(types, "hv_new_single").stage_index("external_works") == 2


# --- parsing a hall's own profile -------------------------------------------------------------


def test_effective_date_accepts_toml_date_and_iso_text(raw: list[dict[str, Any]]) -> None:
    data = copy.deepcopy(raw[:1])
    data[0]["whole_process_limit"]["effective"] = date(2023, 8, 8)
    parsed = parse_business_types(data)[0].whole_process_limit
    assert parsed is not None and parsed.effective == date(2023, 8, 8)
    data[0]["whole_process_limit"]["effective"] = "2024-06-01"
    parsed = parse_business_types(data)[0].whole_process_limit
    assert parsed is not None and parsed.effective == date(2024, 6, 1)
    data[0]["whole_process_limit"]["effective"] = "unconfirmed"
    parsed = parse_business_types(data)[0].whole_process_limit
    assert parsed is not None and parsed.effective is None


def _broken(raw: list[dict[str, Any]], change: str) -> list[dict[str, Any]]:
    data = copy.deepcopy(raw[:3])
    first = data[0]
    if change == "duplicate_code":
        data[1]["code"] = first["code"]
    elif change == "missing_zh_TW":
        del first["names"]["zh_TW"]
    elif change == "zero_limit":
        first["whole_process_limit"]["working_days"] = 0
    elif change == "text_limit":
        first["whole_process_limit"]["working_days"] = "5"
    elif change == "bool_limit":
        first["whole_process_limit"]["working_days"] = True
    elif change == "no_source":
        del first["whole_process_limit"]["source"]
    elif change == "bad_effective":
        first["whole_process_limit"]["effective"] = "soon"
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
        data[2]["stages"][1]["limit"]["working_days"] = -1
    return data


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ("duplicate_code", "business_types[1].code"),
        ("missing_zh_TW", "business_types[0].names"),
        ("zero_limit", "business_types[0].whole_process_limit.working_days"),
        ("text_limit", "business_types[0].whole_process_limit.working_days"),
        ("bool_limit", "business_types[0].whole_process_limit.working_days"),
        ("no_source", "business_types[0].whole_process_limit.source"),
        ("bad_effective", "business_types[0].whole_process_limit.effective"),
        ("typo_key", "business_types[0]"),
        ("unknown_kind", "business_types[0].kind"),
        ("no_stages", "business_types[0].stages"),
        ("duplicate_stage", "business_types[0].stages"),
        ("bad_document_kind", "business_types[0].documents[0].kind"),
        ("bad_stage_limit", "business_types[2].stages[1].limit.working_days"),
    ],
)
def test_bad_profile_is_refused_naming_the_entry(raw: list[dict[str, Any]], change: str, field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_business_types(_broken(raw, change))
    assert caught.value.field == field
    assert caught.value.code == "bad_business_types"


def test_not_an_array_is_refused() -> None:
    with pytest.raises(InvalidInput):
        parse_business_types({"code": "x"})  # type: ignore[arg-type]


def test_each_business_offers_only_the_voltages_it_can_have(types: tuple[BusinessType, ...]) -> None:
    """低压居民新装 is supplied at 220 V or 380 V, never up to 110 kV; high voltage at 10 kV or above."""
    from counter_app.domain.applications import VoltageLevel

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
    raw: list[dict[str, Any]], voltages: object, problem: str
) -> None:
    changed = copy.deepcopy(raw)
    home = next(t for t in changed if t["code"] == "lv_residential_new")
    home["voltages"] = voltages
    with pytest.raises(InvalidInput) as err:
        parse_business_types(changed)
    assert problem in str(err.value) and err.value.field.endswith(".voltages")


def test_a_type_without_a_list_has_its_classs_voltages(raw: list[dict[str, Any]]) -> None:
    from counter_app.domain.business_types import CLASS_VOLTAGES, CustomerClass

    changed = copy.deepcopy(raw)
    for t in changed:
        t.pop("voltages", None)
    by_code = {t.code: t for t in parse_business_types(changed)}
    assert by_code["lv_residential_new"].voltages == CLASS_VOLTAGES[CustomerClass.RESIDENTIAL]
    assert by_code["hv_new_dual"].voltages == CLASS_VOLTAGES[CustomerClass.HIGH_VOLTAGE]
