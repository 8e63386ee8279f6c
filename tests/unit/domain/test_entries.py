"""Names and numbers where they enter the hall (issue #12): bounded, readable, the hall's own counters."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.entries import (
    BIDI_CONTROLS,
    MAX_NAME_CHARS,
    hall_counter,
    sign_in_name,
    staff_name,
    unreadable_characters,
    whole_number,
)
from counter_app.domain.errors import InvalidInput, NotFound


@pytest.mark.parametrize(
    "name",
    ["张三", "欧阳 明月", "𠀀𡈽", "\U000e0100李", "\ue000王", "Anna-Marie O'Neil", "阿卜杜拉·买买提"],
)
def test_readable_names_pass_whitespace_collapsed(name: str) -> None:
    assert staff_name(f"  {name}  ") == " ".join(name.split())


@pytest.mark.parametrize(
    ("name", "bad"),
    [
        ("\x1b[31m红\x1b[0m", "U+001B"),
        ("王\x00五", "U+0000"),
        ("ab\u202ecd", "U+202E"),
        ("\u2066李\u2069", "U+2066"),
        ("\u202a张", "U+202A"),
        ("x\u2028y", "U+2028"),
        ("del\x7f", "U+007F"),
        ("a\ud800", "U+D800"),
    ],
)
def test_control_and_bidi_characters_are_refused(name: str, bad: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        staff_name(name)
    assert caught.value.code == "name_bad_characters" and bad in caught.value.params["characters"]


def test_every_bidi_control_is_refused() -> None:
    for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069":
        assert ch in BIDI_CONTROLS and unreadable_characters(f"a{ch}b") == [f"U+{ord(ch):04X}"]


def test_length_is_bounded_and_says_by_how_much() -> None:
    assert staff_name("名" * MAX_NAME_CHARS) == "名" * MAX_NAME_CHARS
    with pytest.raises(InvalidInput) as caught:
        staff_name("x" * 100_000)
    assert caught.value.code == "name_too_long" and caught.value.params == {"length": 100_000, "limit": 40}
    assert len(str(caught.value)) < 200  # the refusal does not carry the 100 KB back


def test_an_empty_staff_name_is_required_but_a_sign_in_may_be_empty() -> None:
    with pytest.raises(InvalidInput) as caught:
        staff_name(" \t ")
    assert caught.value.code == "staff_name_required"
    assert sign_in_name("  ") == "" and sign_in_name(" 0107 ") == "0107"


@pytest.mark.parametrize("number", [-1, 0, 9, 99, 2**63, 2**64 + 1, True, "3", 3.0, None])
def test_only_the_halls_counters_pass(number: object) -> None:
    with pytest.raises(NotFound) as caught:
        hall_counter(number, range(1, 9))
    assert caught.value.code == "unknown_counter"


def test_a_hall_counter_passes() -> None:
    assert hall_counter(8, range(1, 9)) == 8


@pytest.mark.parametrize("text", ["9223372036854775808", "1e9", "", "-", "١٢", "12 3", "0x10", "4294967296"])
def test_whole_numbers_past_the_bound_or_not_digits_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        whole_number(text, field="n")
    assert caught.value.code == "number_out_of_range"


def test_whole_numbers_within_the_bound() -> None:
    assert whole_number(" 42 ", field="n") == 42
    assert whole_number("-3", field="n", low=-5) == -3


@given(st.text(max_size=60))
def test_a_name_that_passes_is_printable_and_bounded(text: str) -> None:
    try:
        cleaned = sign_in_name(text)
    except InvalidInput:
        return
    assert len(cleaned) <= 40 and unreadable_characters(cleaned) == []
    assert cleaned == cleaned.strip() and not {"\n", "\t", "\r"} & set(cleaned)
