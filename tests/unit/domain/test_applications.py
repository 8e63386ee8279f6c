"""Taking an application at the counter: every field problem at once, 一证受理, flags not refusals."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.applications.business_types import (
    BusinessType,
    find_business_type,
    parse_business_types,
)
from counter_app.domain.applications.intake import FieldProblem, IntakeForm, accept_intake, validate_intake
from counter_app.domain.applications.values import (
    Agent,
    Applicant,
    ApplicantKind,
    ApplicationPolicy,
    Capacity,
    CapacityUnit,
    TariffClass,
    VoltageLevel,
    parse_application_policy,
)
from counter_app.domain.errors import InvalidInput
from counter_app.domain.identity import IdType
from counter_app.domain.payments.accounts import AccountNumberRule
from counter_app.domain.rule_sources import Confidence, parse_rule_sources
from counter_app.domain.workdays import WorkCalendar

DEFAULTS = Path(__file__).parents[3] / "resources" / "profile" / "business_types.toml"
TODAY = date(2026, 11, 27)  # a Friday
CAL = WorkCalendar()
POLICY = ApplicationPolicy()


@cache
def business(code: str) -> BusinessType:
    with DEFAULTS.open("rb") as file:
        data = tomllib.load(file)
    return find_business_type(parse_business_types(data["business_types"], data["rule_sources"]), code)


def home_form(**changes: object) -> IntakeForm:
    form = IntakeForm(
        business_type="lv_residential_new",
        applicant_kind=ApplicantKind.PERSON,
        name="张三",
        id_type=IdType.RESIDENT_ID,
        id_number="11010519491231002x",
        mobile="138 1234 5678",
        address="通辽市科尔沁区建国路 1 号",
        capacity="8",
        voltage=VoltageLevel.V220,
        tariff_class=TariffClass.RESIDENTIAL,
        documents_presented=frozenset({"applicant_id", "property_proof"}),
    )
    return replace(form, **changes)  # type: ignore[arg-type]


def fields(form: IntakeForm, code: str = "lv_residential_new") -> list[str]:
    return [p.field for p in validate_intake(form, business(code), POLICY, today=TODAY)]


def test_clean_home_application_is_accepted_with_normalised_values() -> None:
    intake = accept_intake(home_form(), business("lv_residential_new"), POLICY, CAL, accepted_on=TODAY)
    assert intake.applicant.id_number == "11010519491231002X"
    assert intake.applicant.mobile == "13812345678"
    assert intake.applicant.address == "通辽市科尔沁区建国路 1 号"
    assert intake.capacity == Capacity(Decimal(8), CapacityUnit.KW)
    assert intake.checklist.complete and intake.checklist.collect_by is None
    assert not intake.checklist.commitment_signed
    assert intake.notices == ()


def test_every_problem_is_reported_at_once_with_its_field() -> None:
    form = home_form(
        name="  ",
        id_number="110105194912310021",
        mobile="12345678901",
        address="",
        capacity="-3",
        voltage=None,
        tariff_class=None,
    )
    assert fields(form) == ["name", "id_number", "mobile", "address", "capacity", "voltage", "tariff_class"]


def test_raising_wrapper_names_the_first_field_and_carries_all() -> None:
    form = home_form(mobile="12345678901", capacity="abc")
    with pytest.raises(InvalidInput) as caught:
        accept_intake(form, business("lv_residential_new"), POLICY, CAL, accepted_on=TODAY)
    assert caught.value.field == "mobile"
    assert [p.field for p in caught.value.params["problems"]] == ["mobile", "capacity"]


def test_problems_found_outside_the_form_follow_the_forms_own() -> None:
    rule = FieldProblem("period_end", "pause_too_short", "A pause lasts at least 15 days, not 10.")
    with pytest.raises(InvalidInput) as caught:
        accept_intake(
            home_form(), business("lv_residential_new"), POLICY, CAL, accepted_on=TODAY, also=[rule]
        )
    assert caught.value.field == "period_end" and caught.value.params["problems"] == (rule,)
    with pytest.raises(InvalidInput) as caught:
        accept_intake(
            home_form(mobile="12345678901"),
            business("lv_residential_new"),
            POLICY,
            CAL,
            accepted_on=TODAY,
            also=[rule],
        )
    assert [p.field for p in caught.value.params["problems"]] == ["mobile", "period_end"]


@pytest.mark.parametrize("capacity", ["0", "-1", "abc", "NaN", "Infinity", "1e9", ""])
def test_capacity_must_be_a_positive_plausible_number(capacity: str) -> None:
    assert fields(home_form(capacity=capacity)) == ["capacity"]


@pytest.mark.parametrize(
    ("typed", "amount"), [("8", Decimal(8)), ("12.5", Decimal("12.5")), ("１６", Decimal(16))]
)
def test_capacity_is_read_exactly(typed: str, amount: Decimal) -> None:
    intake = accept_intake(
        home_form(capacity=typed), business("lv_residential_new"), POLICY, CAL, accepted_on=TODAY
    )
    assert intake.capacity is not None and intake.capacity.amount == amount


@pytest.mark.parametrize("name", ["𠮷", "𠮷野家", "买买提·艾力", "Anna-Maria O'Neil", "\ue000明"])
def test_names_with_rare_characters_are_kept_whole(name: str) -> None:
    intake = accept_intake(
        home_form(name=name), business("lv_residential_new"), POLICY, CAL, accepted_on=TODAY
    )
    assert intake.applicant.name == name


def test_name_checks_count_code_points_and_refuse_control_characters() -> None:
    assert fields(home_form(name="𠮷" * 100)) == []
    assert fields(home_form(name="𠮷" * 101)) == ["name"]
    assert fields(home_form(name="张\x00三")) == ["name"]


def test_applicant_repr_hides_personal_data() -> None:
    intake = accept_intake(home_form(), business("lv_residential_new"), POLICY, CAL, accepted_on=TODAY)
    text = repr(intake.applicant)
    assert "13812345678" not in text and "11010519491231002X" not in text and "张三" not in text


def test_organisation_identifies_with_its_credit_code() -> None:
    org = home_form(
        business_type="lv_non_residential_new",
        applicant_kind=ApplicantKind.ORGANISATION,
        name="通辽某某商贸有限公司",
        id_type=IdType.USCC,
        id_number="91350100M000100Y43",
        voltage=VoltageLevel.V380,
        tariff_class=TariffClass.COMMERCIAL_INDUSTRIAL,
        documents_presented=frozenset({"business_licence", "property_proof"}),
    )
    assert fields(org, "lv_non_residential_new") == []
    assert fields(replace(org, id_type=IdType.RESIDENT_ID), "lv_non_residential_new") == ["id_type"]
    assert fields(home_form(id_type=IdType.USCC, id_number="91350100M000100Y43")) == ["id_type"]


def test_absent_applicant_needs_an_agent_with_power_of_attorney() -> None:
    absent = home_form(applicant_present=False)
    assert fields(absent) == ["agent_name", "agent_id_number", "agent_mobile", "power_of_attorney"]
    with_agent = replace(
        absent, agent_name="李四", agent_id_number="35020319880229102X", agent_mobile="13900001111"
    )
    assert fields(with_agent) == ["power_of_attorney"]
    intake = accept_intake(
        replace(with_agent, power_of_attorney=True),
        business("lv_residential_new"),
        POLICY,
        CAL,
        accepted_on=TODAY,
    )
    assert intake.agent is not None and intake.agent.id_number == "35020319880229102X"


def test_agent_fields_are_ignored_when_the_applicant_is_present() -> None:
    intake = accept_intake(
        home_form(agent_name="李四"), business("lv_residential_new"), POLICY, CAL, accepted_on=TODAY
    )
    assert intake.agent is None


def test_change_types_need_a_valid_account_number() -> None:
    form = home_form(
        business_type="pause",
        capacity="315",
        capacity_unit=CapacityUnit.KVA,
        documents_presented=frozenset({"holder_id"}),
    )
    assert fields(form, "pause") == ["account_number"]
    assert fields(replace(form, account_number="12345"), "pause") == ["account_number"]
    assert fields(replace(form, account_number="0475123456"), "pause") == []
    assert fields(replace(form, account_number="0475123456789"), "pause") == []


def test_account_number_lengths_follow_the_policy() -> None:
    policy = parse_application_policy({}, account_number_rule=AccountNumberRule((12,)))
    form = home_form(
        business_type="rename",
        account_number="047512345678",
        documents_presented=frozenset({"holder_id", "name_change_proof"}),
    )
    assert validate_intake(form, business("rename"), policy, today=TODAY) == []
    assert [p.field for p in validate_intake(form, business("rename"), POLICY, today=TODAY)] == [
        "account_number"
    ]


def test_high_voltage_needs_a_high_supply_voltage() -> None:
    hv = home_form(
        business_type="hv_new_single",
        applicant_kind=ApplicantKind.ORGANISATION,
        name="某厂",
        id_type=IdType.USCC,
        id_number="913502000728319549",
        capacity="630",
        capacity_unit=CapacityUnit.KVA,
        voltage=VoltageLevel.V380,
        tariff_class=TariffClass.COMMERCIAL_INDUSTRIAL,
        documents_presented=frozenset({"business_licence", "legal_rep_id", "property_proof"}),
    )
    assert fields(hv, "hv_new_single") == ["voltage"]
    assert fields(replace(hv, voltage=VoltageLevel.KV10), "hv_new_single") == []
    assert fields(home_form(voltage=VoltageLevel.KV10)) == ["voltage"]
    assert fields(home_form(voltage=VoltageLevel.KV110)) == ["voltage"]  # only 220 V / 380 V for a home
    assert fields(home_form(voltage=VoltageLevel.V380)) == []


def test_tariff_change_needs_the_new_class() -> None:
    form = home_form(
        business_type="tariff_change",
        account_number="0475123456",
        tariff_class=None,
        documents_presented=frozenset({"holder_id"}),
    )
    assert fields(form, "tariff_change") == ["tariff_class"]


# --- documents: 一证受理 ----------------------------------------------------------------------------


def test_missing_property_proof_is_accepted_on_id_with_a_commitment() -> None:
    form = home_form(documents_presented=frozenset({"applicant_id"}), commitment_signed=True)
    intake = accept_intake(form, business("lv_residential_new"), POLICY, CAL, accepted_on=TODAY)
    assert [d.code for d in intake.checklist.outstanding] == ["property_proof"]
    assert intake.checklist.commitment_signed
    assert intake.checklist.collect_by is not None
    assert intake.checklist.collect_by.day == date(2026, 12, 4)  # 5 working days after Fri 27 Nov


def test_missing_property_proof_without_commitment_is_refused() -> None:
    form = home_form(documents_presented=frozenset({"applicant_id"}))
    problems = validate_intake(form, business("lv_residential_new"), POLICY, today=TODAY)
    assert [(p.field, p.code) for p in problems] == [("commitment_signed", "commitment_required")]
    assert "Proof of rights over the address" in problems[0].message


def test_missing_identity_document_cannot_be_deferred() -> None:
    form = home_form(documents_presented=frozenset({"property_proof"}), commitment_signed=True)
    problems = validate_intake(form, business("lv_residential_new"), POLICY, today=TODAY)
    assert [(p.field, p.code) for p in problems] == [("documents_presented", "identity_document_missing")]


def test_every_outstanding_document_is_listed_in_one_go() -> None:
    form = home_form(
        business_type="ev_charger", documents_presented=frozenset({"applicant_id"}), commitment_signed=True
    )
    intake = accept_intake(form, business("ev_charger"), POLICY, CAL, accepted_on=TODAY)
    assert [d.code for d in intake.checklist.outstanding] == [
        "parking_space_proof",
        "property_management_consent",
        "vehicle_purchase_proof",
    ]


def test_optional_documents_are_never_outstanding() -> None:
    form = home_form(
        business_type="pv_single_point",
        voltage=None,
        tariff_class=None,
        documents_presented=frozenset({"application_form", "applicant_id", "property_proof"}),
    )
    intake = accept_intake(form, business("pv_single_point"), POLICY, CAL, accepted_on=TODAY)
    assert intake.checklist.complete


def test_unknown_document_code_is_refused() -> None:
    assert fields(home_form(documents_presented=frozenset({"applicant_id", "property_proof", "selfie"}))) == [
        "documents_presented"
    ]


def test_document_due_date_in_2027_is_marked_provisional() -> None:
    form = home_form(documents_presented=frozenset({"applicant_id"}), commitment_signed=True)
    intake = accept_intake(form, business("lv_residential_new"), POLICY, CAL, accepted_on=date(2026, 12, 28))
    assert intake.checklist.collect_by is not None and intake.checklist.collect_by.provisional


# --- flags that do not refuse --------------------------------------------------------------------


def test_residential_request_above_the_ceiling_is_flagged_not_refused() -> None:
    intake = accept_intake(
        home_form(capacity="120"), business("lv_residential_new"), POLICY, CAL, accepted_on=TODAY
    )
    assert [n.code for n in intake.notices] == ["residential_above_lv_ceiling"]
    at_ceiling = accept_intake(
        home_form(capacity="100"), business("lv_residential_new"), POLICY, CAL, accepted_on=TODAY
    )
    assert at_ceiling.notices == ()
    lower = parse_application_policy({"residential_capacity_ceiling_kw": 50})
    assert validate_intake(home_form(capacity="60"), business("lv_residential_new"), lower, today=TODAY) == []
    flagged = accept_intake(
        home_form(capacity="60"), business("lv_residential_new"), lower, CAL, accepted_on=TODAY
    )
    assert [n.code for n in flagged.notices] == ["residential_above_lv_ceiling"]


def test_retired_county_code_reaches_the_clerk_as_a_notice() -> None:
    intake = accept_intake(
        home_form(id_number="440524197503120031"),
        business("lv_residential_new"),
        POLICY,
        CAL,
        accepted_on=TODAY,
    )
    assert [(n.field, n.code) for n in intake.notices] == [("id_number", "id_area_unknown")]


# --- policy --------------------------------------------------------------------------------------


def test_policy_defaults_match_the_shipped_profile() -> None:
    with DEFAULTS.open("rb") as file:
        data = tomllib.load(file)
    shipped = parse_application_policy(
        data["application_policy"], rule_sources=parse_rule_sources(data["rule_sources"])
    )
    # every rule number is the code's default; only the hall's own ID area codes are its own
    assert replace(shipped, local_area_codes=frozenset(), sources={}) == ApplicationPolicy()
    assert "150502" in shipped.local_area_codes  # 科尔沁区 of the default Tongliao hall
    # every number of the policy says where it comes from; the unconfirmed ones say so
    numbers = {"pause_min_days", "pause_max_days_per_year", "pause_notice_days"}
    assert numbers | {"reduction_restore_within_months"} <= set(shipped.sources)
    assert shipped.sources["pause_min_days"].source.number == "发改办价格〔2016〕1583号"
    assert shipped.sources["pause_notice_days"].source.confidence is Confidence.UNCONFIRMED


@pytest.mark.parametrize(
    ("key", "hint"),
    [
        ("pause_max_per_year", "removed in 2016"),
        ("reduction_min_months", "no time limit"),
        ("reduction_max_months", "no time limit"),
    ],
)
def test_a_repealed_rule_in_a_hall_profile_is_refused_saying_why(key: str, hint: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_application_policy({key: 2})
    assert caught.value.field == f"application_policy.{key}" and hint in str(caught.value)


@pytest.mark.parametrize(
    "table",
    [
        {"pause_min_days": 0},
        {"pause_min_days": True},
        {"residential_capacity_ceiling_kw": -5},
        {"paus_min_days": 15},
        {"residential_capacity_ceiling_kw": float("inf")},
        {"account_number_rule": 10},
        {"sources": {"pause_min_days": {"source": "hearsay", "clause": ""}}},
        {"sources": {"local_area_codes": {"source": "hearsay", "clause": ""}}},
    ],
)
def test_bad_policy_is_refused(table: dict[str, object]) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_application_policy(table)
    assert caught.value.field.startswith("application_policy.")


# --- property ------------------------------------------------------------------------------------


@given(st.text(), st.text(), st.text(), st.text(), st.text())
def test_any_typed_text_gives_problems_never_exceptions(
    name: str, id_number: str, mobile: str, address: str, capacity: str
) -> None:
    form = home_form(name=name, id_number=id_number, mobile=mobile, address=address, capacity=capacity)
    problems = validate_intake(form, business("lv_residential_new"), POLICY, today=TODAY)
    assert all(p.field in {"name", "id_number", "mobile", "address", "capacity"} for p in problems)


@pytest.mark.parametrize(
    ("code", "voltage", "problems"),
    [
        ("temporary_supply", VoltageLevel.KV10, []),  # any voltage for a class-free business
        ("temporary_supply", None, ["voltage"]),
        ("voltage_change", VoltageLevel.KV10, []),  # the new voltage; the tariff class is not asked
    ],
)
def test_new_business_types_ask_for_the_voltage(
    code: str, voltage: VoltageLevel | None, problems: list[str]
) -> None:
    documents = frozenset(d.code for d in business(code).documents)
    form = home_form(
        business_type=code,
        voltage=voltage,
        tariff_class=None if code == "voltage_change" else TariffClass.COMMERCIAL_INDUSTRIAL,
        account_number="0123456789",
        documents_presented=documents,
    )
    found = validate_intake(form, business(code), POLICY, today=TODAY)
    assert [p.field for p in found] == problems


def test_the_applicant_and_the_agent_mask_themselves_once_in_full_once_not() -> None:
    applicant = Applicant(
        ApplicantKind.PERSON,
        "张𠮷明",
        IdType.RESIDENT_ID,
        "11010519491231002X",
        "13812345678",
        "通辽市科尔沁区建国路12号",
    )
    shown = applicant.masked()
    assert (shown.name, shown.id_number, shown.mobile, shown.address) == (
        "张*明",
        "110105********002X",
        "138****5678",
        "通辽市科尔沁****",
    )
    assert applicant.unmasked and not shown.unmasked and shown.masked() is shown  # never masked twice
    agent = Agent("李四", IdType.RESIDENT_ID, "35020319880229102X", "13900001111").masked()
    assert (agent.name, agent.id_number, agent.mobile) == ("李*", "350203********102X", "139****1111")
