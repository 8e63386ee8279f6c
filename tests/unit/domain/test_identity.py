"""Identity numbers and mobiles as typed at the counter."""

from __future__ import annotations

import contextlib
from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from stdnum.cn import uscc

from counter_app.domain.errors import InvalidInput
from counter_app.domain.identity import (
    IdType,
    resident_id_check_digit,
    upgrade_15_digit_id,
    validate_id,
    validate_mobile,
)

TODAY = date(2026, 11, 27)


def resident(value: str) -> str:
    return validate_id(IdType.RESIDENT_ID, value, today=TODAY).value


# --- resident ID ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("11010519491231002X", "11010519491231002X"),
        ("11010519491231002x", "11010519491231002X"),  # lowercase x
        ("35020319880229102X", "35020319880229102X"),  # 29 Feb of a leap year
        ("110105 19491231 002X", "11010519491231002X"),  # spaces as printed on forms
        ("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X"),  # full-width IME input
    ],
)
def test_resident_id_is_accepted_and_normalised(typed: str, stored: str) -> None:
    assert resident(typed) == stored


def test_resident_id_reports_birth_date_and_no_note_for_a_known_county() -> None:
    result = validate_id(IdType.RESIDENT_ID, "11010519491231002X", today=TODAY)
    assert result.birth_date == date(1949, 12, 31)
    assert result.note is None


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("", "id_required"),
        ("   ", "id_required"),
        ("110105194912310021", "id_checksum"),
        ("1101051949123100", "id_length"),
        ("11010519491231002X1", "id_length"),
        ("1101051949123100XX", "id_format"),
        ("11010519491231O02X", "id_format"),  # letter O for zero
        ("110105194902300024", "id_birth_date"),  # 30 February
        ("110105190002290021", "id_birth_date"),  # 1900 was not a leap year
        ("110105189912310024", "id_birth_date"),  # before 1900
    ],
)
def test_bad_resident_id_is_refused_with_its_reason(value: str, code: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_id(IdType.RESIDENT_ID, value, today=TODAY)
    assert caught.value.code == code
    assert caught.value.field == "id_number"
    assert str(caught.value)  # an English message for the CLI and logs


def test_birth_date_in_the_future_is_refused() -> None:
    first17 = "110105" + (TODAY + timedelta(days=1)).strftime("%Y%m%d") + "002"
    with pytest.raises(InvalidInput) as caught:
        validate_id(IdType.RESIDENT_ID, first17 + resident_id_check_digit(first17), today=TODAY)
    assert caught.value.code == "id_birth_date"
    first17 = "110105" + TODAY.strftime("%Y%m%d") + "002"  # born today is fine
    assert resident(first17 + resident_id_check_digit(first17)).startswith("110105")


def test_retired_county_code_is_accepted_with_a_note_for_the_clerk() -> None:
    result = validate_id(IdType.RESIDENT_ID, "440524197503120031", today=TODAY)
    assert result.value == "440524197503120031"
    assert result.note is not None
    assert result.note.code == "id_area_unknown"
    assert "440524" in result.note.message


@pytest.mark.parametrize(
    "id_type", [IdType.RESIDENT_ID, IdType.TEMPORARY_RESIDENT_ID, IdType.HOUSEHOLD_REGISTER]
)
def test_a_first_generation_15_digit_card_is_refused_at_intake_with_a_plain_note(id_type: IdType) -> None:
    """First-generation cards stopped being valid documents on 2013-01-01; the number converts only on
    old records, and the clerk is told its 18-digit form."""
    with pytest.raises(InvalidInput) as caught:
        validate_id(id_type, "110105491231002", today=TODAY)
    assert caught.value.code == "id_first_generation"
    assert "2013-01-01" in str(caught.value) and "11010519491231002X" in str(caught.value)


def test_fifteen_digit_numbers_on_old_records_convert_to_eighteen() -> None:
    # The 18-digit form of 110105491231002 is the known-valid 11010519491231002X.
    assert upgrade_15_digit_id("110105491231002") == "11010519491231002X"
    assert upgrade_15_digit_id("440524750312003") == "440524197503120031"


@pytest.mark.parametrize(
    ("value", "code"), [("11010549123100X", "id_length"), ("11010549123100", "id_length")]
)
def test_other_short_numbers_are_refused_by_length(value: str, code: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_id(IdType.RESIDENT_ID, value, today=TODAY)
    assert caught.value.code == code


# --- Hong Kong / Macao / Taiwan residents' residence permit -------------------------------------


def _permit(area: str, birth: str = "19900101", seq: str = "123") -> str:
    first17 = area + birth + seq
    return first17 + resident_id_check_digit(first17)


@pytest.mark.parametrize("area", ["810000", "820000", "830000"])
def test_residence_permits_are_their_own_document_type(area: str) -> None:
    number = _permit(area)
    result = validate_id(IdType.HMT_RESIDENCE_PERMIT, number.lower(), today=TODAY)
    assert (result.id_type, result.value, result.note) == (IdType.HMT_RESIDENCE_PERMIT, number, None)
    assert result.birth_date == date(1990, 1, 1)
    with pytest.raises(InvalidInput) as caught:  # typed as a resident ID: no "retired county" guess
        validate_id(IdType.RESIDENT_ID, number, today=TODAY)
    assert caught.value.code == "id_is_residence_permit"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (_permit("810000")[:17] + ("1" if _permit("810000")[17] != "1" else "2"), "id_checksum"),
        (_permit("110105"), "permit_area"),  # a resident ID number is not a permit number
        (_permit("830000", birth="19900230"), "id_birth_date"),
        (_permit("820000")[:15], "id_length"),
    ],
)
def test_bad_residence_permit_numbers(value: str, code: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_id(IdType.HMT_RESIDENCE_PERMIT, value, today=TODAY)
    assert caught.value.code == code


@pytest.mark.parametrize("id_type", [IdType.TEMPORARY_RESIDENT_ID, IdType.HOUSEHOLD_REGISTER])
def test_temporary_card_and_household_register_carry_the_citizen_number(id_type: IdType) -> None:
    assert validate_id(id_type, "11010519491231002x", today=TODAY).value == "11010519491231002X"
    with pytest.raises(InvalidInput):
        validate_id(id_type, "110105194912310021", today=TODAY)


def test_number_starting_with_9_as_resident_id_suggests_the_permit_type() -> None:
    first17 = "93101" + "1" + "19800101" + "001"
    result = validate_id(IdType.RESIDENT_ID, first17 + resident_id_check_digit(first17), today=TODAY)
    assert result.note is not None and result.note.code == "id_looks_foreign_permit"


# --- unified social credit code ---------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "91350100M000100Y43",
        "913502000728319549",
        "91350100m000100y43",
        # Letters in positions 1-2 (GB 32100): check characters computed with the MOD 31 rule.
        "N2150521MA0000001U",  # N2: a village collective economic organisation (农业)
        "Y1150500MA0000002C",  # Y1: 其他
        "A1110000MB1234567A",  # A1: a military unit
    ],
)
def test_valid_uscc(value: str) -> None:
    assert validate_id(IdType.USCC, value, today=TODAY).value == value.upper()


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("91350100M000100Y44", "uscc_checksum"),
        ("N2150521MA0000001V", "uscc_format"),  # V is not in the code set
        ("N2150521MA0000001A", "uscc_checksum"),
        ("91350100M000100Y4", "uscc_length"),
        ("91350100M0001O0Y43", "uscc_format"),  # O is not in the code set
        ("I1150521MA0000001U", "uscc_format"),  # I is not in the code set
        ("S2150521MA0000001U", "uscc_format"),  # S is not in the code set
    ],
)
def test_bad_uscc(value: str, code: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_id(IdType.USCC, value, today=TODAY)
    assert caught.value.code == code


# --- documents checked by pattern --------------------------------------------------------------


@pytest.mark.parametrize(
    ("id_type", "typed", "stored"),
    [
        (IdType.PASSPORT, "e12345678", "E12345678"),
        (IdType.PASSPORT, "EA1234567", "EA1234567"),
        (IdType.PASSPORT, "X1234567", "X1234567"),
        (IdType.HK_MACAO_HOME_RETURN, "H12345678", "H12345678"),
        (IdType.HK_MACAO_HOME_RETURN, "m1234567801", "M1234567801"),
        (IdType.TAIWAN_COMPATRIOT, "01234567", "01234567"),
        (IdType.TAIWAN_COMPATRIOT, "1234567890(B)", "1234567890(B)"),
        (IdType.MILITARY_OFFICER, "南字第12345678号", "南字第12345678号"),
        (IdType.MILITARY_OFFICER, "12345678", "12345678"),
        (IdType.FOREIGN_PERMANENT_RESIDENT, "usa110070010101", "USA110070010101"),
    ],
)
def test_pattern_documents_accepted(id_type: IdType, typed: str, stored: str) -> None:
    assert validate_id(id_type, typed, today=TODAY).value == stored


@pytest.mark.parametrize(
    ("id_type", "value"),
    [
        (IdType.PASSPORT, "ABCDEFGH"),  # no digit
        (IdType.PASSPORT, "E12"),
        (IdType.HK_MACAO_HOME_RETURN, "C12345678"),
        (IdType.HK_MACAO_HOME_RETURN, "H1234567"),
        (IdType.TAIWAN_COMPATRIOT, "1234567"),
        (IdType.MILITARY_OFFICER, "南字第号"),
        (IdType.FOREIGN_PERMANENT_RESIDENT, "US110070010101"),
        (IdType.FOREIGN_PERMANENT_RESIDENT, "110105194912310021"),  # 18 digits must start with 9
    ],
)
def test_pattern_documents_refused(id_type: IdType, value: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_id(id_type, value, today=TODAY)
    assert caught.value.field == "id_number"


def test_2023_permanent_residence_id_uses_the_mod_11_2_check() -> None:
    first17 = "93101" + "1" + "19800101" + "001"
    good = first17 + resident_id_check_digit(first17)
    assert validate_id(IdType.FOREIGN_PERMANENT_RESIDENT, good, today=TODAY).value == good
    bad = first17 + ("0" if good[-1] != "0" else "1")
    with pytest.raises(InvalidInput) as caught:
        validate_id(IdType.FOREIGN_PERMANENT_RESIDENT, bad, today=TODAY)
    assert caught.value.code == "id_checksum"


# --- mobile ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "+8613812345678",
        "+86 138 1234 5678",
        "008613812345678",
        "8613812345678",
        "１３８１２３４５６７８",
    ],
)
def test_mobile_normalised_to_eleven_digits(typed: str) -> None:
    assert validate_mobile(typed) == "13812345678"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("", "mobile_required"),
        ("12345678901", "mobile_invalid"),
        ("1381234567", "mobile_invalid"),
        ("04758123456", "mobile_invalid"),
        ("+1 13812345678", "mobile_invalid"),
        ("1381234567a", "mobile_invalid"),
    ],
)
def test_bad_mobile_refused(value: str, code: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_mobile(value)
    assert caught.value.code == code
    assert caught.value.field == "mobile"


def test_eleven_digit_non_mobile_gets_a_clear_message() -> None:
    with pytest.raises(InvalidInput, match="12345678901 is not a mainland mobile number"):
        validate_mobile("12345678901")


# --- properties ---------------------------------------------------------------------------------


@given(st.sampled_from(list(IdType)), st.text())
def test_validate_id_raises_only_invalid_input(id_type: IdType, value: str) -> None:
    with contextlib.suppress(InvalidInput):
        validate_id(id_type, value, today=TODAY)


@given(st.text())
def test_validate_mobile_raises_only_invalid_input(value: str) -> None:
    with contextlib.suppress(InvalidInput):
        assert len(validate_mobile(value)) == 11


_AREAS = ["110105", "350203", "440524", "152301", "650102"]


@st.composite
def resident_ids(draw: st.DrawFn) -> str:
    area = draw(st.sampled_from(_AREAS))
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=TODAY))
    sequence = draw(st.integers(min_value=0, max_value=999))
    first17 = f"{area}{born:%Y%m%d}{sequence:03d}"
    return first17 + resident_id_check_digit(first17)


def _same_after_typing(original: str, typed: str) -> bool:
    """Characters the validators deliberately read as ``original`` (case and full-width forms)."""
    forms = {original, original.lower(), original.upper()}
    return typed in forms | {chr(ord(c) + 0xFEE0) for c in forms if "!" <= c <= "~"}


@given(resident_ids())
def test_generated_resident_ids_are_valid(number: str) -> None:
    assert resident(number) == number


@given(resident_ids(), st.data())
def test_every_single_character_change_of_a_resident_id_is_refused(number: str, data: st.DataObject) -> None:
    position = data.draw(st.integers(min_value=0, max_value=17))
    replacement = data.draw(st.one_of(st.sampled_from("0123456789Xx"), st.characters()))
    assume(not _same_after_typing(number[position], replacement))
    changed = number[:position] + replacement + number[position + 1 :]
    with pytest.raises(InvalidInput):
        validate_id(IdType.RESIDENT_ID, changed, today=TODAY)


_USCC_SET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


@st.composite
def credit_codes(draw: st.DrawFn) -> str:
    head = draw(st.text(alphabet=_USCC_SET, min_size=2, max_size=2))
    region = draw(st.text(alphabet="0123456789", min_size=6, max_size=6))
    body = draw(st.text(alphabet=_USCC_SET, min_size=9, max_size=9))
    return head + region + body + uscc.calc_check_digit(head + region + body)


@given(credit_codes(), st.data())
def test_every_single_character_change_of_a_uscc_is_refused(code: str, data: st.DataObject) -> None:
    assert validate_id(IdType.USCC, code, today=TODAY).value == code
    position = data.draw(st.integers(min_value=0, max_value=17))
    replacement = data.draw(st.one_of(st.sampled_from(_USCC_SET + "IOSVZ"), st.characters()))
    assume(not _same_after_typing(code[position], replacement))
    changed = code[:position] + replacement + code[position + 1 :]
    with pytest.raises(InvalidInput):
        validate_id(IdType.USCC, changed, today=TODAY)


def test_the_halls_own_area_codes_carry_no_note() -> None:
    first17 = "150502" + "19800101" + "001"  # 科尔沁区, a 1999 code python-stdnum does not list
    number = first17 + resident_id_check_digit(first17)
    assert validate_id(IdType.RESIDENT_ID, number).note is not None
    assert validate_id(IdType.RESIDENT_ID, number, known_areas=frozenset({"150502"})).note is None
