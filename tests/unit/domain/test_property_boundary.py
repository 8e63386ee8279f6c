"""Property boundary (产权分界): who repairs what, on which rule, and the approved paid-service list."""

from __future__ import annotations

import copy
import tomllib
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from counter_app.domain.errors import InvalidInput
from counter_app.domain.localized import LANGUAGES
from counter_app.domain.property_boundary import (
    BoundaryGuide,
    FaultLocation,
    Responsibility,
    decide_responsibility,
    load_boundary_guide,
    parse_boundary_guide,
)
from counter_app.paths import RESOURCES

DEFAULT_FILE = RESOURCES / "profile" / "property_boundary.toml"
L = FaultLocation

SOCKET = {
    "code": "replace_socket",
    "name": {"zh_CN": "更换插座", "zh_TW": "更換插座", "en": "Replace a socket"},
    "fee": "30.00",
    "unit": {"zh_CN": "个", "en": "each"},
    "approved_by": "通辽市发改委 通发改价字〔2026〕1号",
    "effective_from": date(2026, 1, 1),
}


@pytest.fixture
def profile() -> dict[str, Any]:
    with open(DEFAULT_FILE, "rb") as stream:
        return tomllib.load(stream)


@pytest.fixture
def guide() -> BoundaryGuide:
    return load_boundary_guide(DEFAULT_FILE)


@pytest.mark.parametrize(
    ("location", "responsibility"),
    [
        (L.BEFORE_METER, Responsibility.UTILITY),
        (L.METER, Responsibility.UTILITY),
        (L.AFTER_METER, Responsibility.CUSTOMER),
        (L.INSIDE_HOME, Responsibility.CUSTOMER),
    ],
)
def test_default_boundary_is_at_the_meter(
    guide: BoundaryGuide, location: FaultLocation, responsibility: Responsibility
) -> None:
    answer = decide_responsibility(location, guide)
    assert answer.responsibility is responsibility
    assert answer.free_repair is (responsibility is Responsibility.UTILITY)
    assert not answer.from_contract and answer.boundary is L.METER
    assert "第四十七条" in answer.rule.zh_CN and "art. 47" in answer.rule.en
    if responsibility is Responsibility.UTILITY:
        assert "95598" in answer.advice.zh_CN and "95598" in answer.advice.en


@pytest.mark.parametrize(
    ("contract", "location", "responsibility"),
    [
        (L.AFTER_METER, L.AFTER_METER, Responsibility.UTILITY),
        (L.AFTER_METER, L.INSIDE_HOME, Responsibility.CUSTOMER),
        (L.BEFORE_METER, L.METER, Responsibility.CUSTOMER),
        (L.BEFORE_METER, L.BEFORE_METER, Responsibility.UTILITY),
    ],
)
def test_contract_boundary_overrides_the_default(
    guide: BoundaryGuide, contract: FaultLocation, location: FaultLocation, responsibility: Responsibility
) -> None:
    answer = decide_responsibility(location, guide, contract_boundary=contract)
    assert answer.responsibility is responsibility
    assert answer.from_contract and answer.boundary is contract
    assert answer.rule == guide.texts.rule_contract


def test_contract_cannot_put_the_boundary_inside_the_home(guide: BoundaryGuide) -> None:
    with pytest.raises(InvalidInput) as caught:
        decide_responsibility(L.AFTER_METER, guide, contract_boundary=L.INSIDE_HOME)
    assert caught.value.field == "contract_boundary"


def test_no_approved_paid_services_says_so(guide: BoundaryGuide) -> None:
    assert guide.paid_services == ()
    answer = decide_responsibility(L.INSIDE_HOME, guide)
    for language in LANGUAGES:
        lines = answer.lines(language)
        assert lines[-1] == guide.texts.no_paid_services.get(language)
    assert "持证电工" in answer.lines("zh_CN")[-1] and "licensed electrician" in answer.lines("en")[-1]


def test_utility_answer_offers_no_paid_service(profile: dict[str, Any]) -> None:
    profile["paid_services"] = [SOCKET]
    guide = parse_boundary_guide(profile)
    answer = decide_responsibility(L.METER, guide)
    assert answer.paid_services == ()
    assert all("30.00" not in line for line in answer.lines("zh_CN"))


def test_approved_fees_are_listed_for_customer_side(profile: dict[str, Any]) -> None:
    profile["paid_services"] = [SOCKET]
    guide = parse_boundary_guide(profile)
    [service] = guide.paid_services
    assert service.fee == Decimal("30.00") and service.approved_by.startswith("通辽市发改委")
    answer = decide_responsibility(L.INSIDE_HOME, guide)
    assert answer.paid_services == (service,)
    assert answer.lines("zh_CN")[-2:] == (guide.texts.paid_services_heading.zh_CN, "更换插座: 30.00 元 / 个")
    assert answer.lines("en")[-1] == "Replace a socket: 30.00 yuan / each"
    assert answer.lines("zh_TW")[-1] == "更換插座: 30.00 元 / 个"  # the unit has no zh_TW: zh_CN stands in


def test_fee_not_yet_in_force_is_left_out(profile: dict[str, Any]) -> None:
    profile["paid_services"] = [SOCKET]
    assert parse_boundary_guide(profile, today=date(2025, 12, 31)).paid_services == ()
    assert len(parse_boundary_guide(profile, today=date(2026, 1, 1)).paid_services) == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"approved_by": ""}, "paid_services[0].approved_by"),
        ({"fee": "-5"}, "paid_services[0].fee"),
        ({"fee": "1.005"}, "paid_services[0].fee"),
        ({"fee": True}, "paid_services[0].fee"),
        ({"effective_from": "someday"}, "paid_services[0].effective_from"),
        ({"effective_from": 5}, "paid_services[0].effective_from"),
        ({"price": "5"}, "paid_services[0]"),
    ],
)
def test_paid_service_mistakes(profile: dict[str, Any], change: dict[str, Any], field: str) -> None:
    profile["paid_services"] = [{**SOCKET, **change}]
    with pytest.raises(InvalidInput) as caught:
        parse_boundary_guide(profile)
    assert caught.value.field == field


def test_fee_without_approval_is_refused(profile: dict[str, Any]) -> None:
    service = dict(SOCKET)
    del service["approved_by"]
    profile["paid_services"] = [service]
    with pytest.raises(InvalidInput, match="approved_by"):
        parse_boundary_guide(profile)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda p: p["boundary"].update(utility_owns_up_to="inside_home"), "boundary.utility_owns_up_to"),
        (lambda p: p["boundary"].update(utility_owns_up_to="pole"), "boundary.utility_owns_up_to"),
        (lambda p: p.pop("boundary"), "boundary"),
        (lambda p: p["locations"].pop("meter"), "locations"),
        (lambda p: p["text"].pop("no_paid_services"), "text"),
        (lambda p: p["text"]["utility"].update(zh_CN=""), "text.utility.zh_CN"),
        (lambda p: p.update(paid_services={}), "paid_services"),
        (lambda p: p.update(paid_services=[SOCKET, SOCKET]), "paid_services"),
    ],
)
def test_profile_mistakes_name_the_field(profile: dict[str, Any], change: Any, field: str) -> None:
    broken = copy.deepcopy(profile)
    change(broken)
    with pytest.raises(InvalidInput) as caught:
        parse_boundary_guide(broken)
    assert caught.value.field == field


def test_default_texts_exist_in_every_language(guide: BoundaryGuide) -> None:
    texts = [*guide.locations.values(), *vars(guide.texts).values()]
    assert len(guide.locations) == len(FaultLocation)
    for text in texts:
        for language in LANGUAGES:
            assert getattr(text, language), (text.zh_CN, language)
    answer = decide_responsibility(L.AFTER_METER, guide, contract_boundary=L.AFTER_METER)
    assert len(answer.lines("zh_TW")) == 3 and answer.lines("zh_TW")[0].startswith("故障位置")
