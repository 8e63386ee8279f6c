"""One record of an account file → one result: the general rules, and a fast path for the plain row.

:func:`general_row` applies every rule of ``payments/accounts.py`` to every cell, in a fixed order; it
is the only place that rejects a row or notes a change, so every reason and message comes from there.

:func:`fast_row_reader` answers the row a central-system export is almost always made of: the account
number in ASCII digits of an allowed length, a name, amounts written ``-?digits[.d[d]]``, a phone of 7 to 16
ASCII digits (or none), and date and withholding cells the general rule has already accepted once (it keeps
a small table of their answers: an export repeats the same few). For any other row it returns ``None`` and
the caller asks :func:`general_row`. Where it answers, it answers exactly what :func:`general_row` would
(``tests/unit/domain/test_account_file_rows.py`` compares the two on generated rows), and a row it answers
is never one the general rules would reject or annotate.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from operator import itemgetter

from counter_app.domain.errors import InvalidInput
from counter_app.domain.payments.account_file.streams import MAX_LINE_BYTES, OVERLONG_LINE
from counter_app.domain.payments.accounts import (
    ZERO,
    Account,
    AccountNumberRule,
    AccountValues,
    WithholdingStatus,
    normalise_phone,
    parse_balance,
    parse_optional_date,
    parse_withholding,
    validate_account_number,
)

# C0 controls and DEL (tab and line breaks aside: a quoted address may span lines) are never part
# of a name or an address; a NUL would even cut SQLite's length() short.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
UNDECODED = re.compile("[\udc80-\udcff]")
"""Bytes the decoder could not read, kept as lone surrogates by ``surrogateescape``."""

MEMO_SIZE = 1024
"""Distinct date or withholding cells remembered per file; later new ones take the general path."""

_SUSPECT = re.compile("[\udc80-\udcff\ue000]")  # undecoded bytes, or the overlong-line marker
_PLAIN_AMOUNT = re.compile(r"(-?)([0-9]{1,12})(?:\.([0-9]{1,2}))?", re.ASCII)
_FIELDS = (
    "account_number",
    "name",
    "address",
    "phone",
    "tariff_class",
    "balance",
    "arrears",
    "due_date",
    "as_of",
    "withholding",
)


@dataclass(frozen=True)
class RowNote:
    """Something the importer changed in an accepted row (``phone_extra_ignored``, ``phone_invalid``)."""

    code: str
    message: str
    field: str


@dataclass(frozen=True)
class AccountRow:
    line: int
    account: Account
    notes: tuple[RowNote, ...] = ()


@dataclass(frozen=True)
class RowRejection:
    """A data row that was not imported. ``account_number`` is the raw cell, for the clerk to find it."""

    line: int
    code: str
    reason: str
    field: str = ""
    account_number: str = ""


RowResult = AccountRow | RowRejection
FastRow = Callable[[int, list[str]], AccountValues | None]


# ---------------------------------------------------------------------------------------------- general


def _split_phone(text: str) -> tuple[str, list[RowNote]]:
    for separator in "，、/;；|":
        text = text.replace(separator, ",")
    first, *others = [p for p in text.split(",") if p.strip()] or [""]
    notes = (
        [RowNote("phone_extra_ignored", "only the first phone number was kept", "phone")] if others else []
    )
    try:
        return normalise_phone(first), notes
    except InvalidInput as error:
        return "", [*notes, RowNote(error.code, "phone number not understood; left empty", "phone")]


def general_row(
    line: int,
    cells: list[str],
    columns: Mapping[str, int],
    width: int,
    rule: AccountNumberRule,
    strict_width: bool,
) -> RowResult:
    """Every rule, every cell: the result for one non-blank data row. ``columns``: field → column."""
    number_column = columns["account_number"]
    raw_number = cells[number_column].strip() if number_column < len(cells) else ""
    joined = "\n".join(cells)
    if OVERLONG_LINE in joined:
        return RowRejection(line, "line_too_long", f"line longer than {MAX_LINE_BYTES} bytes")
    if UNDECODED.search(joined):
        shown = raw_number.encode("utf-8", "replace").decode()
        return RowRejection(line, "encoding", "bytes that are not valid in the file's encoding", "", shown)
    if strict_width and (len(cells) < width or any(c.strip() for c in cells[width:])):
        return RowRejection(line, "column_count", f"{len(cells)} columns, header has {width}", "", raw_number)
    cell = {f: (cells[i].strip() if i < len(cells) else "") for f, i in columns.items()}
    try:
        number = validate_account_number(cell["account_number"], rule)
        if not cell["name"]:
            raise InvalidInput("name is empty", field="name", code="name_empty")
        for field_name in ("name", "address"):
            if CONTROL.search(cell.get(field_name, "")):
                raise InvalidInput(
                    f"{field_name} holds a control character (a damaged export?)",
                    field=field_name,
                    code="control_character",
                )
        balance = ZERO
        if "balance" in cell:
            balance += parse_balance(cell["balance"], field="balance")
        if "arrears" in cell:
            balance += parse_balance(cell["arrears"], owed_column=True, field="arrears")
        withholding = WithholdingStatus.UNKNOWN
        if "withholding" in cell:
            withholding = parse_withholding(cell["withholding"])
        phone, notes = _split_phone(cell.get("phone", ""))
        account = Account(
            number=number,
            name=cell["name"],
            address=cell.get("address", ""),
            phone=phone,
            tariff_class=cell.get("tariff_class", ""),
            balance=balance,
            due_date=parse_optional_date(cell.get("due_date", ""), field="due_date"),
            as_of=parse_optional_date(cell.get("as_of", ""), field="as_of"),
            withholding=withholding,
        )
    except InvalidInput as error:
        return RowRejection(line, error.code, error.message, error.field, raw_number)
    return AccountRow(line, account, tuple(notes))


# ---------------------------------------------------------------------------------------------- fast


def plain_amount_fen(text: str) -> int | None:
    """Fen of a balance cell written plainly (``-?digits[.d[d]]``, at most 12 integer digits; empty = 0),
    as :func:`accounts.parse_balance` reads it in a balance column; ``None`` for any other text."""
    whole, point, fraction = text.partition(".")
    if whole.isascii() and whole.isdigit() and len(whole) <= 12:
        if not point:
            return int(whole) * 100
        if 0 < len(fraction) <= 2 and fraction.isascii() and fraction.isdigit():
            return int(whole + fraction.ljust(2, "0"))
    if not text:
        return 0
    match = _PLAIN_AMOUNT.fullmatch(text)  # a minus sign
    if match is None:
        return None
    sign, whole, fraction = match.groups()
    fen = int(whole + fraction.ljust(2, "0") if fraction else whole + "00")
    return -fen if sign else fen


def plain_phone(text: str) -> str | None:
    """The phone of a cell that is empty or 7 to 16 ASCII digits, as :func:`accounts.normalise_phone`
    gives it; ``None`` for any other text (spaces, separators, several numbers, letters)."""
    if not text:
        return ""
    if not (text.isascii() and text.isdigit() and 7 <= len(text) <= 16):
        return None
    if len(text) == 11 and text[0] == "1" and text[1] in "3456789":
        return text  # a mobile number as written, the usual case
    return normalise_phone(text)


def fast_row_reader(columns: Mapping[str, int], width: int, rule: AccountNumberRule) -> FastRow:
    """The fast path for files whose header has ``width`` columns at ``columns`` (see the module doc).

    Cells the general rules strip are stripped where the value is kept (name, address, tariff class);
    elsewhere a cell with surrounding space simply fails the plain test and goes the general way. Date and
    withholding answers are remembered by the raw cell, each computed from the stripped cell as the
    general rule does.
    """
    pick = itemgetter(*(columns.get(f, width) for f in _FIELDS))  # absent: the "" appended at ``width``
    has_balance, has_arrears = "balance" in columns, "arrears" in columns
    lengths = frozenset(rule.lengths)
    dates: dict[str, str | None] = {}
    withholdings: dict[str, str] = {}
    suspect = _SUSPECT.search

    def learn_date(text: str) -> str | None:
        """ISO text of a date cell, ``None`` if not given, ``""`` if the general rule refuses it."""
        try:
            parsed = parse_optional_date(text.strip())
        except InvalidInput:
            return ""
        iso = parsed.isoformat() if parsed else None
        if len(dates) < MEMO_SIZE:
            dates[text] = iso
        return iso

    def learn_withholding(text: str) -> str:
        try:
            value = parse_withholding(text.strip()).value
        except InvalidInput:
            return ""
        if len(withholdings) < MEMO_SIZE:
            withholdings[text] = value
        return value

    def read(line: int, cells: list[str]) -> AccountValues | None:
        if len(cells) != width or suspect("".join(cells)):
            return None
        cells.append("")
        number, name, address, phone, tariff, balance, arrears, due, as_of, holds = pick(cells)
        cells.pop()
        if not (number.isascii() and number.isdigit() and len(number) in lengths):
            return None
        name = name.strip()
        if not name or CONTROL.search(name) or CONTROL.search(address):
            return None
        fen = 0
        if has_balance:
            if (cell_fen := plain_amount_fen(balance)) is None:
                return None
            fen += cell_fen
        if has_arrears:
            if (cell_fen := plain_amount_fen(arrears)) is None:
                return None
            fen -= cell_fen
        phone = plain_phone(phone)
        if phone is None:
            return None
        due_iso = dates.get(due, "")
        if due_iso == "" and (due_iso := learn_date(due)) == "":
            return None
        as_of_iso = dates.get(as_of, "")
        if as_of_iso == "" and (as_of_iso := learn_date(as_of)) == "":
            return None
        held = withholdings.get(holds, "")
        if held == "" and (held := learn_withholding(holds)) == "":
            return None
        return (number, name, address.strip(), phone, tariff.strip(), fen, due_iso, as_of_iso, held, line)

    return read
