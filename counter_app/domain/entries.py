"""What may be typed where names and numbers enter the hall: staff names, a clerk's sign-in, counter
numbers, whole numbers on the command line.

A name is shown on slips, the hall display, reports and logs, so it must be text a person can read:
bounded in length, no control characters (an ANSI escape sequence in a terminal or a log), no
characters that reorder what follows (the bidi overrides U+202A–U+202E and isolates U+2066–U+2069,
which make ``ABC‮DEF`` print as something else). Rare characters outside the Basic Multilingual Plane
(生僻字) and the private-use characters some halls use for them are names like any other.

A counter number must be one of the hall's counters (the profile's ``[[counters]]``): −1 or 99 in a
hall of 8 is refused before anything is read or written. Each check raises a :class:`HallError` with
a stable ``code`` that the windows word in the clerk's language.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from counter_app.domain.errors import InvalidInput, NotFound

MAX_NAME_CHARS = 40
"""A staff member's name: Chinese names are two to four characters, a transliterated minority or
foreign name a few words; 40 leaves room and keeps a slip's line."""
MAX_SIGN_IN_CHARS = 40
"""What a clerk types at sign-in: their staff number or their name (the staff list's code bound)."""
MAX_WHOLE_NUMBER = 2**31 - 1
"""The largest whole number a command accepts: far past any count, day or counter the hall has, and
well inside what SQLite (2⁶³ − 1) and the hall server's ``integer`` can store."""

BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Characters that change the order text is shown in (embeddings, overrides, isolates, marks)."""
_REFUSED_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})
"""Control characters (ESC of an ANSI sequence, NUL, DEL), lone surrogates, line and paragraph
separators."""
_COLLAPSED = frozenset("\t\n\r")
"""Tabs and line breaks (a name pasted with its newline) are whitespace: collapsed to one space."""


def unreadable_characters(text: str) -> list[str]:
    """The characters of ``text`` that a name may not hold, as ``U+XXXX`` (each once, in order)."""
    found: list[str] = []
    for ch in text:
        if ch in _COLLAPSED:
            continue
        if ch in BIDI_CONTROLS or unicodedata.category(ch) in _REFUSED_CATEGORIES:
            code = f"U+{ord(ch):04X}"
            if code not in found:
                found.append(code)
    return found


def _plain_text(text: str, *, field: str, limit: int, what: str) -> str:
    bad = unreadable_characters(text)
    if bad:
        raise InvalidInput(
            f"The {what} holds characters that cannot be shown or printed ({', '.join(bad[:5])}).",
            field=field,
            code="name_bad_characters",
            characters=", ".join(bad[:5]),
        )
    cleaned = " ".join(text.split())
    if len(cleaned) > limit:
        raise InvalidInput(
            f"The {what} is {len(cleaned)} characters long; at most {limit}.",
            field=field,
            code="name_too_long",
            length=len(cleaned),
            limit=limit,
        )
    return cleaned


def staff_name(text: str, *, field: str = "name") -> str:
    """A member of staff's name, whitespace collapsed; refused when empty, too long or unreadable."""
    cleaned = _plain_text(text, field=field, limit=MAX_NAME_CHARS, what="name")
    if not cleaned:
        raise InvalidInput("The staff member's name is required.", field=field, code="staff_name_required")
    return cleaned


def sign_in_name(text: str, *, field: str = "clerk") -> str:
    """What a clerk signed in as (a staff number or a name), whitespace collapsed; ``""`` stays ``""``
    (whether a clerk is required is the action's rule). Refused when too long or unreadable."""
    return _plain_text(text, field=field, limit=MAX_SIGN_IN_CHARS, what="clerk's name")


def hall_counter(number: object, counters: Iterable[int]) -> int:
    """``number`` when it is one of the hall's ``counters``; :class:`NotFound` (``unknown_counter``)
    otherwise: not a whole number, −1, 0, 99 in a hall of 8, 2⁶³."""
    known = set(counters)
    if isinstance(number, bool) or not isinstance(number, int) or number not in known:
        raise NotFound(f"There is no counter {number} in this hall", code="unknown_counter", counter=number)
    return number


def whole_number(text: str, *, field: str, low: int = 0, high: int = MAX_WHOLE_NUMBER) -> int:
    """A whole number typed on the command line, within ``low``…``high``; :class:`InvalidInput`
    (``number_out_of_range``) otherwise, never an overflow further down."""
    cleaned = text.strip()
    digits = cleaned[1:] if cleaned[:1] in "+-" else cleaned
    if not digits or len(digits) > 12 or not digits.isascii() or not digits.isdigit():
        raise InvalidInput(
            f"{field} must be a whole number from {low} to {high}, not {text[:40]!r}.",
            field=field,
            code="number_out_of_range",
            value=text[:40],
            low=low,
            high=high,
        )
    value = int(cleaned)
    if not low <= value <= high:
        raise InvalidInput(
            f"{field} must be a whole number from {low} to {high}, not {value}.",
            field=field,
            code="number_out_of_range",
            value=value,
            low=low,
            high=high,
        )
    return value
