"""Accounts: 户号 validation, money and date parsing, the Account value and its sign convention."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.errors import InvalidInput
from counter_app.domain.payments.accounts import (
    DEFAULT_ACCOUNT_NUMBER_RULE,
    Account,
    AccountNumberRule,
    WithholdingStatus,
    normalise_phone,
    parse_amount,
    parse_balance,
    parse_date,
    parse_optional_date,
    parse_withholding,
    validate_account_number,
)

# ---------------------------------------------------------------------------------------------- 户号


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0123456789", "0123456789"),
        ("1234567890123", "1234567890123"),
        ("  0123456789\t", "0123456789"),
        ("0123 456 789", "0123456789"),
        ("0123-456-789", "0123456789"),
        ("０１２３４５６７８９", "0123456789"),  # full-width digits
        ("'0123456789", "0123456789"),  # Excel text guard
        ('="0123456789"', "0123456789"),  # Excel formula guard
    ],
)
def test_account_number_is_normalised(text: str, expected: str) -> None:
    assert validate_account_number(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "account_number_empty"),
        ("   ", "account_number_empty"),
        ("12345", "account_number_length"),
        ("123456789012", "account_number_length"),  # 12: western Inner Mongolia's length, not ours
        ("01234567890123", "account_number_length"),
        ("012345678A", "account_number_not_digits"),
        ("1.23457E+12", "account_number_scientific"),
        ("١٢٣٤٥٦٧٨٩٠", "account_number_not_digits"),  # Arabic-Indic digits are not account digits
    ],
)
def test_bad_account_numbers_are_refused_with_field_and_code(text: str, code: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_account_number(text)
    assert caught.value.field == "account_number"
    assert caught.value.code == code


def test_configured_lengths_replace_the_default() -> None:
    rule = AccountNumberRule(lengths=(12,))
    assert validate_account_number("123456789012", rule) == "123456789012"
    with pytest.raises(InvalidInput) as caught:
        validate_account_number("0123456789", rule)
    assert caught.value.params["allowed"] == (12,)


def test_rule_refuses_nonsense_lengths() -> None:
    with pytest.raises(ValueError):
        AccountNumberRule(lengths=())
    with pytest.raises(ValueError):
        AccountNumberRule(lengths=(0, 10))
    assert AccountNumberRule(lengths=(13, 10, 13)).lengths == (10, 13)


@given(st.text())
def test_account_number_validation_raises_only_invalid_input(text: str) -> None:
    try:
        number = validate_account_number(text)
    except InvalidInput as error:
        assert error.field == "account_number"
        return
    assert number.isascii() and number.isdigit()
    assert len(number) in DEFAULT_ACCOUNT_NUMBER_RULE.lengths
    assert validate_account_number(number) == number


@given(st.sampled_from([10, 13]).flatmap(lambda n: st.text("0123456789", min_size=n, max_size=n)))
def test_every_digit_string_of_an_allowed_length_is_accepted(digits: str) -> None:
    assert validate_account_number(f" {digits} ") == digits


# ---------------------------------------------------------------------------------------------- money


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,234.50元", "1234.50"),
        ("1234.5", "1234.50"),
        ("￥1,234.50", "1234.50"),
        ("¥ 88", "88.00"),
        ("RMB 1 234.50", "1234.50"),
        ("cny12", "12.00"),
        ("12元整", "12.00"),
        ("１，２３４．５０元", "1234.50"),  # full-width digits and punctuation
        ("-1,234.50", "-1234.50"),
        ("−5", "-5.00"),  # U+2212 minus sign
        ("-¥5", "-5.00"),
        ("¥-5", "-5.00"),
        ("(1,234.50)", "-1234.50"),
        ("（12.30元）", "-12.30"),
        ("+3", "3.00"),
        (".5", "0.50"),
        ("5.", "5.00"),
        ("1.230", "1.23"),
        ("-0", "0.00"),
        ("1,234,567.89", "1234567.89"),
    ],
)
def test_amounts_are_parsed_fen_exact(text: str, expected: str) -> None:
    amount = parse_amount(text)
    assert amount == Decimal(expected)
    assert amount.as_tuple().exponent == -2
    assert str(amount) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "amount_empty"),
        ("元", "amount_not_number"),
        ("abc", "amount_not_number"),
        ("1,2", "amount_not_number"),  # could be a decimal comma: refused, never guessed
        ("12,34.5", "amount_not_number"),
        ("1.234", "amount_sub_fen"),
        ("(-5)", "amount_not_number"),
        ("--5", "amount_not_number"),
        ("-¥-5", "amount_not_number"),
        ("1e5", "amount_not_number"),
        ("NaN", "amount_not_number"),
        ("Infinity", "amount_not_number"),
        ("9" * 13, "amount_too_large"),
    ],
)
def test_bad_amounts_are_refused(text: str, code: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_amount(text, field="arrears")
    assert caught.value.code == code
    assert caught.value.field == "arrears"


@given(st.text())
def test_parse_amount_raises_only_invalid_input(text: str) -> None:
    try:
        amount = parse_amount(text)
    except InvalidInput:
        return
    assert amount.is_finite() and amount.as_tuple().exponent == -2


@given(
    st.decimals(min_value=-(10**11), max_value=10**11, places=2), st.sampled_from(["{}元", "¥{}", "RMB {}"])
)
def test_written_amounts_round_trip(amount: Decimal, template: str) -> None:
    grouped = f"{abs(amount):,.2f}"
    text = template.format(grouped)
    written = f"-{text}" if amount < 0 else text
    assert parse_amount(written) == amount
    assert parse_amount(f"({text})") == -abs(amount)


def test_balance_column_conventions() -> None:
    assert parse_balance("100") == Decimal("100.00")
    assert parse_balance("100", owed_column=True) == Decimal("-100.00")
    assert parse_balance("-20", owed_column=True) == Decimal("20.00")  # overpaid shows as credit
    assert parse_balance("欠费 12.30") == Decimal("-12.30")
    assert parse_balance("欠费12.30元", owed_column=True) == Decimal("-12.30")  # worded: never negated twice
    assert parse_balance("余额：5") == Decimal("5.00")
    assert parse_balance("预存 5", owed_column=True) == Decimal("5.00")
    assert parse_balance("") == Decimal("0.00")
    with pytest.raises(InvalidInput):
        parse_balance("欠费 -3")


# ---------------------------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-01",
        "2026/11/01",
        "2026/11/1",
        "2026.11.01",
        "20261101",
        "2026年11月1日",
        "2026年11月01号",
        "２０２６年１１月１日",
        "2026-11-01 00:00:00",
        "2026-11-01T08:30",
        "2026/11/1 10:00",
    ],
)
def test_export_date_formats(text: str) -> None:
    assert parse_date(text) == date(2026, 11, 1)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("2026-02-30", "date_invalid"),
        ("20261301", "date_invalid"),
        ("01/11/2026", "date_not_date"),  # day-first is ambiguous
        ("26-11-01", "date_not_date"),
        ("2026-11-01 banana", "date_not_date"),
        ("2026-11/01", "date_not_date"),
        ("", "date_empty"),
    ],
)
def test_bad_dates(text: str, code: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_date(text, field="due_date")
    assert caught.value.code == code
    assert caught.value.field == "due_date"


def test_optional_dates() -> None:
    assert parse_optional_date("") is None
    assert parse_optional_date(" - ") is None
    assert parse_optional_date("2026-2-28") == date(2026, 2, 28)


@given(st.text())
def test_parse_date_raises_only_invalid_input(text: str) -> None:
    try:
        parsed = parse_date(text)
    except InvalidInput as error:
        assert error.field == "date"
        return
    assert parse_date(parsed.isoformat()) == parsed


# ---------------------------------------------------------------------------------------------- others


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("是", WithholdingStatus.SIGNED),
        ("已签约", WithholdingStatus.SIGNED),
        ("Y", WithholdingStatus.SIGNED),
        ("否", WithholdingStatus.NOT_SIGNED),
        ("未签约", WithholdingStatus.NOT_SIGNED),
        ("false", WithholdingStatus.NOT_SIGNED),
        ("", WithholdingStatus.UNKNOWN),
    ],
)
def test_withholding_words(text: str, status: WithholdingStatus) -> None:
    assert parse_withholding(text) is status


def test_unknown_withholding_word_is_refused() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_withholding("也许")
    assert caught.value.field == "withholding"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13812341234", "13812341234"),
        ("+86 138 1234 1234", "13812341234"),
        ("0086-13812341234", "13812341234"),
        ("0475-8123456", "04758123456"),
        ("", ""),
    ],
)
def test_phone_normalisation(text: str, expected: str) -> None:
    assert normalise_phone(text) == expected


@pytest.mark.parametrize("text", ["call me", "12345", "1" * 17])
def test_phone_that_is_not_a_number(text: str) -> None:
    with pytest.raises(InvalidInput):
        normalise_phone(text)


def test_balance_sign_convention() -> None:
    owing = Account("0123456789", "张三", balance=Decimal("-123.45"))
    assert owing.owes and owing.arrears == Decimal("123.45") and owing.credit == Decimal("0.00")
    prepaid = Account("0123456789", "张三", balance=Decimal("20"))
    assert not prepaid.owes and prepaid.credit == Decimal("20.00") and prepaid.arrears == Decimal("0.00")
    assert str(prepaid.balance) == "20.00"
    assert str(Account("0123456789", "张三", balance=Decimal("-0.00")).balance) == "0.00"


def test_account_refuses_sub_fen_balance_and_non_digit_number() -> None:
    with pytest.raises(InvalidInput):
        Account("0123456789", "张三", balance=Decimal("1.005"))
    with pytest.raises(InvalidInput):
        Account("0123456789", "张三", balance=Decimal("NaN"))
    with pytest.raises(InvalidInput):
        Account("01234x6789", "张三")


def test_account_repr_masks_personal_data_and_text_is_kept() -> None:
    account = Account("0123456789", "吉𠮷明", address="通辽市科尔沁区建国路12号", phone="13812341234")
    assert account.name == "吉𠮷明"
    text = repr(account)
    assert "吉*明" in text and "138****1234" in text
    assert "13812341234" not in text and "建国路12号" not in text and "𠮷" not in text


def test_masked_hides_name_address_and_phone_and_keeps_the_rest() -> None:
    account = Account(
        number="0512345678",
        name="张三明",
        address="通辽市科尔沁区建国路12号",
        phone="13812345678",
        tariff_class="居民生活用电",
        balance=Decimal("-12.30"),
        due_date=date(2026, 11, 25),
        withholding=WithholdingStatus.SIGNED,
    )
    shown = account.masked()
    assert (shown.name, shown.address, shown.phone) == ("张*明", "通辽市科尔沁****", "138****5678")
    assert (shown.number, shown.arrears, shown.due_date, shown.withholding, shown.tariff_class) == (
        "0512345678",
        Decimal("12.30"),
        date(2026, 11, 25),
        WithholdingStatus.SIGNED,
        "居民生活用电",
    )
    assert account.name == "张三明"  # the account itself is unchanged
