"""Identity documents and mobile numbers as the counter takes them.

Every validator takes whatever the clerk typed (full-width IME characters, spaces, a lowercase ``x``),
returns the normalised value, and refuses only with :class:`InvalidInput` — never with any other
exception — so a form can show the message next to the field. A doubt that must not stop the customer
(an ID carrying a retired county code) comes back as a :class:`IdNote` for the clerk instead.

A customer presents a document in force. First-generation 15-digit ID cards stopped being valid
documents on 2013-01-01 (DOMAIN.md [W]), so the counter refuses them with a plain word to the clerk;
:func:`upgrade_15_digit_id` converts such a number only where it is found on an old record (a search).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from stdnum.cn import ric, uscc
from stdnum.exceptions import ValidationError

from counter_app.domain.errors import InvalidInput

ID_FIELD = "id_number"
MOBILE_FIELD = "mobile"

# GB 11643-1999 / ISO 7064 MOD 11-2, as printed in DOMAIN.md (stdnum computes the same value).
_RIC_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_RIC_CHECK = "10X98765432"
_EARLIEST_BIRTH = date(1900, 1, 1)

_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_ASCII_UPPER = {code: code - 32 for code in range(ord("a"), ord("z") + 1)}
_SEPARATORS = re.compile(r"[\s\-]+")
_RIC18 = re.compile(r"[0-9]{17}[0-9X]")
_RIC15 = re.compile(r"[0-9]{15}")
_MOBILE = re.compile(r"(?:\+?86|0086)?(1[3-9][0-9]{9})")


class IdType(StrEnum):
    """Documents a customer may identify with (DOMAIN.md "Documents"), plus the organisation's code."""

    RESIDENT_ID = "resident_id"  # 居民身份证
    TEMPORARY_RESIDENT_ID = "temporary_resident_id"  # 临时居民身份证
    HOUSEHOLD_REGISTER = "household_register"  # 居民户口簿
    MILITARY_OFFICER = "military_officer"  # 军官证
    TAIWAN_COMPATRIOT = "taiwan_compatriot"  # 台湾居民来往大陆通行证 (台胞证)
    HK_MACAO_HOME_RETURN = "hk_macao_home_return"  # 港澳居民来往内地通行证 (回乡证)
    PASSPORT = "passport"  # 护照
    FOREIGN_PERMANENT_RESIDENT = "foreign_permanent_resident"  # 外国人永久居留身份证
    HMT_RESIDENCE_PERMIT = "hmt_residence_permit"  # 港澳台居民居住证 (810000 / 820000 / 830000)
    USCC = "uscc"  # 统一社会信用代码 (营业执照), organisations only

    @property
    def for_organisation(self) -> bool:
        return self is IdType.USCC


@dataclass(frozen=True)
class IdNote:
    """Something the clerk should look at on the card; not a refusal. ``code`` is for translation."""

    code: str
    message: str


@dataclass(frozen=True)
class ValidatedId:
    """An accepted number in its one stored form: upper case, no separators; citizen numbers 18 long."""

    id_type: IdType
    value: str
    note: IdNote | None = None
    birth_date: date | None = None


def validate_id(
    id_type: IdType, value: str, *, today: date | None = None, known_areas: frozenset[str] = frozenset()
) -> ValidatedId:
    """Check ``value`` as a number of ``id_type``; refuse with ``InvalidInput(field="id_number")``.

    ``today`` bounds the birth date (defaults to the system date; pass it for reproducible checks).
    ``known_areas`` are the hall's own 6-digit area codes, accepted without a note even where
    python-stdnum's division list lacks them (it predates e.g. Tongliao's 1999 districts).
    """
    text = _compact(value)
    if not text:
        raise InvalidInput("The ID number is required.", field=ID_FIELD, code="id_required")
    day = today if today is not None else date.today()
    if id_type in _CITIZEN_NUMBER_TYPES:
        return _validate_citizen_number(id_type, text, day, known_areas)
    if id_type is IdType.USCC:
        return _validate_uscc(text)
    if id_type is IdType.FOREIGN_PERMANENT_RESIDENT:
        return _validate_permanent_residence(text)
    if id_type is IdType.HMT_RESIDENCE_PERMIT:
        return _validate_residence_permit(text, day)
    return _validate_by_pattern(id_type, text)


def validate_mobile(value: str) -> str:
    """Return the mainland mobile number as 11 digits (``+86 138-1234-5678`` → ``13812345678``)."""
    text = _compact(value)
    if not text:
        raise InvalidInput("The mobile number is required.", field=MOBILE_FIELD, code="mobile_required")
    match = _MOBILE.fullmatch(text)
    if match is None:
        if re.fullmatch(r"[0-9]{11}", text):
            message = f"{text} is not a mainland mobile number: it must start with 13 to 19."
        else:
            message = "A mobile number has 11 digits starting with 13 to 19, optionally after +86."
        raise InvalidInput(message, field=MOBILE_FIELD, code="mobile_invalid")
    return match.group(1)


def resident_id_check_digit(first17: str) -> str:
    """The GB 11643 check character for 17 ASCII digits."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, _RIC_WEIGHTS, strict=True))
    return _RIC_CHECK[total % 11]


def upgrade_15_digit_id(old: str) -> str:
    """Convert a pre-1999 15-digit number to 18 digits: insert "19" before the year, add the check."""
    first17 = old[:6] + "19" + old[6:]
    return first17 + resident_id_check_digit(first17)


# --- Citizen identity numbers (居民身份证, 临时居民身份证, 户口簿) ------------------------------------
# 临时居民身份证 and the 户口簿 entry of a person both carry the same 公民身份号码 as the resident ID
# card (临时居民身份证管理办法; 户口簿 lists each member's 公民身份号码), so they are checked the same way.
_CITIZEN_NUMBER_TYPES = frozenset(
    {IdType.RESIDENT_ID, IdType.TEMPORARY_RESIDENT_ID, IdType.HOUSEHOLD_REGISTER}
)


def _validate_citizen_number(
    id_type: IdType, text: str, today: date, known_areas: frozenset[str] = frozenset()
) -> ValidatedId:
    if len(text) == 15 and _RIC15.fullmatch(text):
        raise _bad(
            "A 15-digit number is a first-generation ID card, no longer a valid document since "
            f"2013-01-01: ask for the customer's current 18-digit card (on old records this number "
            f"reads {upgrade_15_digit_id(text)}).",
            "id_first_generation",
        )
    if len(text) != 18:
        raise _bad(f"An ID number has 18 characters, not {len(text)}.", "id_length")
    if not _RIC18.fullmatch(text):
        raise _bad("An ID number is 17 digits followed by a digit or X.", "id_format")
    birth = _birth_date(text[6:14], today)
    if text[17] != resident_id_check_digit(text[:17]):
        raise _bad(
            "The ID number's check digit does not match: a character was probably mistyped.",
            "id_checksum",
        )
    if text[:6] in RESIDENCE_PERMIT_AREAS:
        raise _bad(
            "This is a Hong Kong, Macao or Taiwan residents' residence permit number (area "
            f"{text[:6]}): choose that document type.",
            "id_is_residence_permit",
        )
    note = None if text[:6] in known_areas else _area_note(text)
    return ValidatedId(id_type, text, note, birth)


# --- Hong Kong / Macao / Taiwan residents' residence permit (港澳台居民居住证) ----------------------

RESIDENCE_PERMIT_AREAS = {"810000": "Hong Kong", "820000": "Macao", "830000": "Taiwan"}
"""The "area" the permit numbers carry in the resident-ID format (DOMAIN.md [W])."""


def _validate_residence_permit(text: str, today: date) -> ValidatedId:
    """18 characters in the resident-ID format, area 810000 / 820000 / 830000, same check digit."""
    if len(text) != 18:
        raise _bad(f"A residence permit number has 18 characters, not {len(text)}.", "id_length")
    if not _RIC18.fullmatch(text):
        raise _bad("A residence permit number is 17 digits followed by a digit or X.", "id_format")
    if text[:6] not in RESIDENCE_PERMIT_AREAS:
        raise _bad(
            "A Hong Kong, Macao or Taiwan residents' residence permit number starts with 810000, "
            "820000 or 830000.",
            "permit_area",
        )
    birth = _birth_date(text[6:14], today)
    if text[17] != resident_id_check_digit(text[:17]):
        raise _bad(
            "The permit number's check digit does not match: a character was probably mistyped.",
            "id_checksum",
        )
    return ValidatedId(IdType.HMT_RESIDENCE_PERMIT, text, None, birth)


def _birth_date(yyyymmdd: str, today: date) -> date:
    try:
        birth = date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        raise _bad(f"The ID number's birth date {yyyymmdd} is not a real date.", "id_birth_date") from None
    if birth < _EARLIEST_BIRTH or birth > today:
        raise _bad(
            f"The ID number's birth date {birth.isoformat()} is before 1900 or in the future.",
            "id_birth_date",
        )
    return birth


def _area_note(number: str) -> IdNote | None:
    """A note when stdnum's division list does not know the area code (merged or renamed county)."""
    if number[0] == "9":
        return IdNote(
            "id_looks_foreign_permit",
            "Numbers starting with 9 are foreign permanent residence IDs; check the document type.",
        )
    try:
        ric.get_birth_place(number)
    except (ValidationError, KeyError, ValueError):
        return IdNote(
            "id_area_unknown",
            f"Area code {number[:6]} is not in the current list of counties (it may be a retired "
            "county code); compare the number with the card.",
        )
    return None


# --- Organisations (营业执照) ---------------------------------------------------------------------


_USCC_CHARSET = re.compile(r"[0-9A-HJ-NPQRTUWXY]{18}")


def _validate_uscc(text: str) -> ValidatedId:
    """GB 32100-2015: 18 characters from the code set without I O S V Z, and the MOD 31 check character.

    The first two characters (registering authority, kind of organisation) may be letters: N2… village
    collective economic organisations (农业), Y1… (其他), A1… military units (DOMAIN.md). python-stdnum's
    ``uscc.validate`` insists on 8 leading digits, so only its check-character computation is used.
    """
    number = _ascii_upper(text)
    if len(number) != 18:
        raise _bad(f"A unified social credit code has 18 characters, not {len(number)}.", "uscc_length")
    if _USCC_CHARSET.fullmatch(number) is None:
        raise _bad(
            "A unified social credit code has 18 digits or capital letters other than I, O, S, V and Z.",
            "uscc_format",
        )
    if uscc.calc_check_digit(number[:17]) != number[17]:
        raise _bad(
            "The unified social credit code's check character does not match: a character was probably "
            "mistyped.",
            "uscc_checksum",
        )
    return ValidatedId(IdType.USCC, number)


# --- Foreign permanent residence ID (外国人永久居留身份证) ------------------------------------------


def _validate_permanent_residence(text: str) -> ValidatedId:
    """2023 card (from 2023-12-01): 18 characters, first "9", MOD 11-2 check like the resident ID.

    2004/2017 card: 15 characters, 3 Latin letters (nationality) + 12 digits. Both stay valid
    (National Immigration Administration, 新版外国人永久居留身份证机读信息规则, 2023).
    """
    number = _ascii_upper(text)
    if len(number) == 18:
        if not (_RIC18.fullmatch(number) and number[0] == "9"):
            raise _bad("A 2023 permanent residence ID is 9, 16 digits, then a digit or X.", "id_format")
        if number[17] != resident_id_check_digit(number[:17]):
            raise _bad(
                "The permanent residence ID's check digit does not match: a character was probably mistyped.",
                "id_checksum",
            )
        return ValidatedId(IdType.FOREIGN_PERMANENT_RESIDENT, number)
    if re.fullmatch(r"[A-Z]{3}[0-9]{12}", number):
        return ValidatedId(IdType.FOREIGN_PERMANENT_RESIDENT, number)
    raise _bad(
        "A permanent residence ID has 18 characters starting with 9, or (older cards) 3 letters and "
        "12 digits.",
        "id_format",
    )


# --- Documents checked by pattern only ----------------------------------------------------------
# No public check-digit rule is known for these; the patterns accept every form in use that we know of
# and only catch obvious slips (wrong type chosen, a letter in a number). Assumptions are marked [U].
_PATTERNS: dict[IdType, tuple[re.Pattern[str], str]] = {
    # 军官证 [U]: "南字第12345678号" style (issuing unit, 字第, serial, 号) or the serial alone.
    IdType.MILITARY_OFFICER: (
        re.compile(r"(?:[\u4e00-\u9fff]{1,4}字第)?[0-9]{4,12}号?"),
        "An officer's card number is like 南字第12345678号, or its 4 to 12 digit serial.",
    ),
    # 台胞证: 8 digits on the card issued since 2015; [U] older booklets 10 digits, sometimes with a
    # reissue mark in brackets such as 1234567890(B).
    IdType.TAIWAN_COMPATRIOT: (
        re.compile(r"(?:[0-9]{8}|[0-9]{10})(?:\([0-9A-Z]{1,2}\))?"),
        "A Taiwan compatriot permit number has 8 digits (10 on old booklets).",
    ),
    # 回乡证: H (Hong Kong) or M (Macao) + 8 digits, + 2 more (times issued) on the 2013 card.
    IdType.HK_MACAO_HOME_RETURN: (
        re.compile(r"[HM][0-9]{8}(?:[0-9]{2})?"),
        "A home-return permit number is H or M followed by 8 or 10 digits.",
    ),
    # Passport: ICAO Doc 9303 allows 9 characters in the machine-readable zone and longer numbers
    # overflow, so any 5 to 20 letters and digits with at least one digit (China: E12345678, EA1234567).
    IdType.PASSPORT: (
        re.compile(r"(?=[A-Z]*[0-9])[A-Z0-9]{5,20}"),
        "A passport number has 5 to 20 letters and digits.",
    ),
}


def _validate_by_pattern(id_type: IdType, text: str) -> ValidatedId:
    pattern, message = _PATTERNS[id_type]
    number = _ascii_upper(text)
    if pattern.fullmatch(number) is None:
        raise _bad(message, "id_format")
    return ValidatedId(id_type, number)


# --- helpers ------------------------------------------------------------------------------------


def _compact(value: str) -> str:
    """Full-width IME characters to ASCII, separators (spaces, dashes) removed, trailing x upper-cased."""
    text = _SEPARATORS.sub("", value.translate(_FULLWIDTH))
    if text.endswith("x"):
        text = text[:-1] + "X"
    return text


def _ascii_upper(text: str) -> str:
    """Upper-case a-z only: ``str.upper`` would turn "ß" into "SS" and change the length."""
    return text.translate(_ASCII_UPPER)


def _bad(message: str, code: str) -> InvalidInput:
    return InvalidInput(message, field=ID_FIELD, code=code)
