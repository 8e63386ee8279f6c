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
from counter_app.domain.payments.boundary import (
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


U, C = Responsibility.UTILITY, Responsibility.CUSTOMER


@pytest.mark.parametrize(
    ("contract", "location", "responsibility"),
    [
        # the default boundary (at the meter, 供电营业规则（2024）)
        (None, L.BEFORE_METER, U),
        (None, L.METER, U),
        (None, L.AFTER_METER, C),
        (None, L.INSIDE_HOME, C),
        # the contract puts the boundary before the meter: the billing meter is still the company's
        (L.BEFORE_METER, L.BEFORE_METER, U),
        (L.BEFORE_METER, L.METER, U),
        (L.BEFORE_METER, L.AFTER_METER, C),
        (L.BEFORE_METER, L.INSIDE_HOME, C),
        # the contract says the company owns up to the meter
        (L.METER, L.BEFORE_METER, U),
        (L.METER, L.METER, U),
        (L.METER, L.AFTER_METER, C),
        (L.METER, L.INSIDE_HOME, C),
        # the contract gives the company the line after the meter too
        (L.AFTER_METER, L.BEFORE_METER, U),
        (L.AFTER_METER, L.METER, U),
        (L.AFTER_METER, L.AFTER_METER, U),
        (L.AFTER_METER, L.INSIDE_HOME, C),
    ],
)
def test_every_position_under_every_boundary(
    guide: BoundaryGuide,
    contract: FaultLocation | None,
    location: FaultLocation,
    responsibility: Responsibility,
) -> None:
    answer = decide_responsibility(location, guide, contract_boundary=contract)
    assert answer.responsibility is responsibility
    assert answer.free_repair is (responsibility is U)
    assert answer.from_contract is (contract is not None)
    assert answer.boundary is (contract or L.METER)
    assert answer.rule == (guide.texts.rule_contract if contract else guide.texts.rule_default)
    for language in LANGUAGES:
        text = " ".join(answer.lines(language))
        assert "95598" in text  # the utility's repair line, or the meter's rule on every answer
        assert "1996" not in text and "第四十七条" not in text and "art. 47" not in text
    zh = " ".join(answer.lines("zh_CN"))
    assert "违约用电" in zh and "封印" in zh  # the meter's rule is said in every case
    if location is L.METER:
        assert answer.advice == guide.texts.meter
        assert "更换" in answer.advice.zh_CN and "电工" in answer.advice.zh_CN  # no electrician for it
    else:
        assert answer.lines("zh_CN")[-1] == guide.texts.meter_note.zh_CN


def test_the_rule_cited_is_the_2024_one(guide: BoundaryGuide) -> None:
    for text in (guide.texts.rule_default.zh_CN, guide.texts.rule_default.zh_TW, guide.texts.rule_default.en):
        assert "2024" in text and "1996" not in text
    assert (
        "供电营业规则" in guide.texts.rule_default.zh_CN and "2024年6月1日" in guide.texts.rule_default.zh_CN
    )


def test_no_text_tells_a_customer_to_repair_the_meter(guide: BoundaryGuide) -> None:
    """With the boundary before the meter, a meter fault is still the company's free repair."""
    answer = decide_responsibility(L.METER, guide, contract_boundary=L.BEFORE_METER)
    assert answer.free_repair and answer.paid_services == ()
    assert guide.texts.customer.zh_CN not in answer.lines("zh_CN")


def test_contract_cannot_put_the_boundary_inside_the_home(guide: BoundaryGuide) -> None:
    with pytest.raises(InvalidInput) as caught:
        decide_responsibility(L.AFTER_METER, guide, contract_boundary=L.INSIDE_HOME)
    assert caught.value.field == "contract_boundary"


def test_no_approved_paid_services_says_so(guide: BoundaryGuide) -> None:
    assert guide.paid_services == ()
    answer = decide_responsibility(L.INSIDE_HOME, guide)
    for language in LANGUAGES:
        lines = answer.lines(language, meter_note=False)
        assert lines[-1] == guide.texts.no_paid_services.get(language)
    assert "持证电工" in answer.lines("zh_CN", meter_note=False)[-1]
    assert "licensed electrician" in answer.lines("en", meter_note=False)[-1]


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
    lines = answer.lines("zh_CN", meter_note=False)
    assert lines[-2:] == (guide.texts.paid_services_heading.zh_CN, "更换插座: 30.00 元 / 个")
    assert answer.lines("en", meter_note=False)[-1] == "Replace a socket: 30.00 yuan / each"
    # the unit has no zh_TW: zh_CN stands in
    assert answer.lines("zh_TW", meter_note=False)[-1] == "更換插座: 30.00 元 / 个"
    assert answer.lines("zh_CN")[-1] == guide.texts.meter_note.zh_CN  # the meter's rule comes last


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
    assert len(answer.lines("zh_TW")) == 4 and answer.lines("zh_TW")[0].startswith("故障位置")
