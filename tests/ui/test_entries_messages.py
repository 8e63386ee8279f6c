"""The refusals of names and numbers (domain/entries.py) have a sentence in the clerk's language."""

from __future__ import annotations

import pytest

from counter_app.domain.entries import sign_in_name, staff_name
from counter_app.domain.errors import HallError
from counter_app.ui.messages import MESSAGES, describe

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.mark.parametrize(
    ("check", "text", "words"),
    [
        (staff_name, "x" * 41, ["41", "40"]),
        (sign_in_name, "a\x1b[31m", ["U+001B"]),
        (staff_name, "王\u202e五", ["U+202E"]),
        (staff_name, "  ", []),
    ],
)
def test_each_refusal_is_worded_with_its_values(check: object, text: str, words: list[str]) -> None:
    with pytest.raises(HallError) as caught:
        check(text)  # type: ignore[operator]
    assert caught.value.code in MESSAGES
    sentence = describe(caught.value)
    assert all(word in sentence for word in words) and "%" not in sentence
