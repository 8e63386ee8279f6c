"""Lookup-as-you-type: query classification, ranking, and the prefix bounds the store relies on."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.payments.accounts import Account, AccountNumberRule
from counter_app.domain.payments.search import (
    ClauseKind,
    SearchClause,
    SearchHit,
    classify_query,
    clause_matches,
    prefix_bounds,
    rank_account,
    rank_accounts,
    search_key,
)

K = ClauseKind


def kinds(text: str, rule: AccountNumberRule | None = None) -> list[tuple[ClauseKind, str]]:
    query = classify_query(text) if rule is None else classify_query(text, rule)
    return [(c.kind, c.value) for c in query.clauses]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "0123456789",
            [
                (K.ACCOUNT_EXACT, "0123456789"),
                (K.ACCOUNT_PREFIX, "0123456789"),
                (K.PHONE_PREFIX, "0123456789"),
            ],
        ),
        ("1234567890123", [(K.ACCOUNT_EXACT, "1234567890123")]),
        (
            "０１２３ ４５６ ７８９",
            [
                (K.ACCOUNT_EXACT, "0123456789"),
                (K.ACCOUNT_PREFIX, "0123456789"),
                (K.PHONE_PREFIX, "0123456789"),
            ],
        ),
        ("123456", [(K.ACCOUNT_PREFIX, "123456")]),
        ("13812341234", [(K.ACCOUNT_PREFIX, "13812341234"), (K.PHONE_EXACT, "13812341234")]),
        ("138-1234-1234", [(K.ACCOUNT_PREFIX, "13812341234"), (K.PHONE_EXACT, "13812341234")]),
        # phone last-4, then the 户号's last 4, before a county's prefix: see module doc
        ("1234", [(K.PHONE_LAST4, "1234"), (K.ACCOUNT_LAST4, "1234"), (K.ACCOUNT_PREFIX, "1234")]),
        (
            "1381",
            [
                (K.PHONE_LAST4, "1381"),
                (K.ACCOUNT_LAST4, "1381"),
                (K.ACCOUNT_PREFIX, "1381"),
                (K.PHONE_PREFIX, "1381"),
            ],
        ),
        ("1381234", [(K.ACCOUNT_PREFIX, "1381234"), (K.PHONE_PREFIX, "1381234")]),  # a phone's first digits
        ("0475812", [(K.ACCOUNT_PREFIX, "0475812"), (K.PHONE_PREFIX, "0475812")]),  # a landline's
        ("123", []),  # too short to mean anything
        ("12345678901234567", []),
        ("张", [(K.NAME_PREFIX, "张"), (K.NAME_FRAGMENT, "张")]),
        ("a", [(K.NAME_PREFIX, "a")]),  # one Latin letter is in every other name: prefix only
        (
            "张三",
            [
                (K.NAME_EXACT, "张三"),
                (K.NAME_PREFIX, "张三"),
                (K.NAME_FRAGMENT, "张三"),
                (K.ADDRESS_FRAGMENT, "张三"),
            ],
        ),
        (
            "  Li   SI ",
            [
                (K.NAME_EXACT, "li si"),
                (K.NAME_PREFIX, "li si"),
                (K.NAME_FRAGMENT, "li si"),
                (K.ADDRESS_FRAGMENT, "li si"),
            ],
        ),
        ("#12", []),
        ("", []),
        ("   ", []),
    ],
)
def test_classification(text: str, expected: list[tuple[ClauseKind, str]]) -> None:
    assert kinds(text) == expected


def test_mobile_with_country_code_and_landline() -> None:
    assert (K.PHONE_EXACT, "13812341234") in kinds("+86 138 1234 1234")
    assert (K.PHONE_EXACT, "04758123456") in kinds("0475-8123456")


def test_account_exact_always_leads_and_follows_the_rule() -> None:
    rule = AccountNumberRule(lengths=(11,))
    assert kinds("13812341234", rule)[0] == (K.ACCOUNT_EXACT, "13812341234")
    assert (K.ACCOUNT_EXACT, "0123456789") not in kinds("0123456789", rule)


@given(st.text())
def test_classification_never_raises_and_digit_values_are_digits(text: str) -> None:
    query = classify_query(text)
    for clause in query.clauses:
        if clause.kind in (K.ACCOUNT_EXACT, K.ACCOUNT_PREFIX, K.PHONE_EXACT, K.PHONE_LAST4):
            assert clause.value.isascii() and clause.value.isdigit()
        else:
            assert clause.value == search_key(clause.value) != ""


ACCOUNTS = [
    Account("0123456789", "王五", address="科尔沁区张三路8号", phone="13800001234"),
    Account("1234500001", "李四", address="建国路1号", phone="13900005678"),
    Account("1234500002", "张三丰", address="建国路2号"),
    Account("0000000001", "张三", address="和平路3号", phone="13811112222"),
    Account("1234567890123", "吉𠮷", address="团结路", balance=Decimal("-5")),
]


def names(hits: list[SearchHit]) -> list[str]:
    return [h.account.name for h in hits]


def test_four_digits_rank_phone_last4_before_account_prefix() -> None:
    hits = rank_accounts(ACCOUNTS, classify_query("1234"))
    assert names(hits) == ["王五", "李四", "张三丰", "吉𠮷"]
    assert [h.clause.kind for h in hits] == [
        K.PHONE_LAST4,
        K.ACCOUNT_PREFIX,
        K.ACCOUNT_PREFIX,
        K.ACCOUNT_PREFIX,
    ]


def test_exact_account_beats_prefix() -> None:
    accounts = [Account("0123456789012", "甲"), Account("0123456789", "乙")]
    hits = rank_accounts(accounts, classify_query("0123456789"))
    assert names(hits) == ["乙", "甲"]
    assert [h.tier for h in hits] == [0, 1]


def test_name_exact_prefix_fragment_then_address() -> None:
    hits = rank_accounts(ACCOUNTS, classify_query("张三"))
    assert names(hits) == ["张三", "张三丰", "王五"]
    assert [h.clause.kind for h in hits] == [K.NAME_EXACT, K.NAME_PREFIX, K.ADDRESS_FRAGMENT]


def test_rare_character_names_are_found() -> None:
    [hit] = rank_accounts(ACCOUNTS, classify_query("𠮷"))
    assert hit.account.number == "1234567890123" and hit.clause.kind is K.NAME_FRAGMENT
    assert names(rank_accounts(ACCOUNTS, classify_query("吉𠮷"))) == ["吉𠮷"]


def test_phone_exact_and_limit() -> None:
    hits = rank_accounts(ACCOUNTS, classify_query("138 1111 2222"))
    assert names(hits) == ["张三"] and hits[0].clause.kind is K.PHONE_EXACT
    assert len(rank_accounts(ACCOUNTS, classify_query("建国路"), limit=1)) == 1


def test_no_match_and_bad_stored_phone() -> None:
    assert rank_account(Account("0123456789", "某", phone=""), classify_query("1234")) is None
    assert not clause_matches(SearchClause(K.PHONE_LAST4, "1234"), Account("0123456789", "某", phone="x1234"))


def test_search_key() -> None:
    assert search_key("  ＡＢＣ  Def ") == "abc def"
    assert search_key("吉𠮷") == "吉𠮷"


def test_prefix_bounds_examples() -> None:
    assert prefix_bounds("1234") == ("1234", "1235")
    assert prefix_bounds("129") == ("129", "12:")
    assert prefix_bounds("张") == ("张", chr(ord("张") + 1))
    assert prefix_bounds("a\ud7ff"[:1] + "\ud7ff") == ("a\ud7ff", "a\ue000")  # skips the surrogate block
    assert prefix_bounds("a\U0010ffff") == ("a\U0010ffff", "b")
    assert prefix_bounds("\U0010ffff") == ("\U0010ffff", None)
    with pytest.raises(ValueError):
        prefix_bounds("")


ALPHABET = st.sampled_from(["0", "1", "9", "a", "z", "张", "\ud7ff", "\ue000", "𠮷", "\U0010ffff"])


@given(st.text(ALPHABET, min_size=1, max_size=4), st.text(ALPHABET, max_size=6))
def test_prefix_bounds_select_exactly_the_prefixed_strings(prefix: str, other: str) -> None:
    """In code point order and in UTF-8 byte order (SQLite's BINARY collation) alike."""
    low, high = prefix_bounds(prefix)
    for candidate in (other, prefix + other, other + prefix):
        in_range = low <= candidate and (high is None or candidate < high)
        assert in_range == candidate.startswith(prefix)
        encoded = candidate.encode()
        in_bytes = low.encode() <= encoded and (high is None or encoded < high.encode())
        assert in_bytes == candidate.startswith(prefix)
