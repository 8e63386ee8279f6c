"""Electricity accounts (户号) as the central marketing system exports them, and the text rules behind them.

Sign convention for money: :attr:`Account.balance` is the customer's *net position* in yuan, exact to
the fen (0.01). Positive = prepaid credit (预存/余额); negative = arrears owed (欠费). So an account that
owes 123.45 元 has ``balance == Decimal("-123.45")`` and ``arrears == Decimal("123.45")``.

Everything here is pure text → value parsing that raises :class:`InvalidInput` (never anything else)
so an importer can turn each failure into a per-row rejection.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import Enum

from counter_app.domain.errors import InvalidInput
from counter_app.domain.masking import mask_address, mask_name, mask_phone

FEN = Decimal("0.01")
ZERO = Decimal("0.00")
MAX_AMOUNT_INTEGER_DIGITS = 12
"""Amounts of a trillion yuan or more are refused as typos or a shifted column."""

_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\ufe63": "-"})


def _fold(text: str) -> str:
    """NFKC (full-width digits, ，．￥ → ASCII) with every kind of space removed and minus signs unified."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text)).translate(_MINUS_SIGNS)


# ---------------------------------------------------------------------------------------------- 户号


@dataclass(frozen=True)
class AccountNumberRule:
    """The hall's account number format: digits only, one of ``lengths``; there is no known check digit.

    Default (10, 13): "一般为10位数", 13-digit numbers exist. Western Inner Mongolia (not State Grid)
    uses a different 12-character format and needs its own rule.
    """

    lengths: tuple[int, ...] = (10, 13)

    def __post_init__(self) -> None:
        if not self.lengths or any(n < 1 or n > 32 for n in self.lengths):
            raise ValueError(f"account number lengths must be 1..32, got {self.lengths!r}")
        object.__setattr__(self, "lengths", tuple(sorted(set(self.lengths))))

    @property
    def min_length(self) -> int:
        return self.lengths[0]

    @property
    def max_length(self) -> int:
        return self.lengths[-1]

    def allows_length(self, length: int) -> bool:
        return length in self.lengths


DEFAULT_ACCOUNT_NUMBER_RULE = AccountNumberRule()

_SCIENTIFIC = re.compile(r"^[0-9](\.[0-9]+)?[eE]\+?[0-9]+$")
_EXCEL_TEXT = re.compile(r'^="(.*)"$')


def validate_account_number(text: str, rule: AccountNumberRule = DEFAULT_ACCOUNT_NUMBER_RULE) -> str:
    """Return the account number as plain ASCII digits, or raise ``InvalidInput(field="account_number")``.

    Accepted decorations: surrounding/inner spaces and hyphens (``0123-456-789``), full-width digits,
    Excel's text guards (``'0123456789`` and ``="0123456789"``). A number in scientific notation
    (``1.23457E+12``, Excel's rendering of a long number) is refused with its own code because its
    digits are lost.
    """
    value = _fold(text)
    guarded = _EXCEL_TEXT.match(value)
    if guarded:
        value = guarded.group(1)
    value = value.removeprefix("'").replace("-", "")
    if not value:
        raise InvalidInput("account number is empty", field="account_number", code="account_number_empty")
    if _SCIENTIFIC.match(value):
        raise InvalidInput(
            "account number is in scientific notation (digits lost by Excel)",
            field="account_number",
            code="account_number_scientific",
        )
    if not (value.isascii() and value.isdigit()):
        raise InvalidInput(
            "account number must contain digits only",
            field="account_number",
            code="account_number_not_digits",
        )
    if not rule.allows_length(len(value)):
        allowed = " or ".join(str(n) for n in rule.lengths)
        raise InvalidInput(
            f"account number has {len(value)} digits, expected {allowed}",
            field="account_number",
            code="account_number_length",
            length=len(value),
            allowed=rule.lengths,
        )
    return value


# ---------------------------------------------------------------------------------------------- money

_CURRENCY_PREFIXES = ("RMB", "CNY", "￥", "¥")
_CURRENCY_SUFFIXES = ("元整", "元", "圆", "RMB", "CNY")
_NUMBER = re.compile(r"^(?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)?(?:\.(?P<frac>[0-9]*))?$", re.ASCII)
_OWED_WORDS = ("欠费金额", "欠费", "应缴金额", "应交金额", "应缴", "应交", "欠")
_CREDIT_WORDS = ("账户余额", "预存余额", "预存", "余额", "结余")


def _strip_currency(value: str) -> str:
    upper = value.upper()
    for prefix in _CURRENCY_PREFIXES:
        if upper.startswith(prefix):
            value, upper = value[len(prefix) :], upper[len(prefix) :]
            break
    for suffix in _CURRENCY_SUFFIXES:
        if upper.endswith(suffix):
            value = value[: -len(suffix)]
            break
    return value


def parse_amount(text: str, *, field: str = "amount") -> Decimal:
    """Parse a written money amount in yuan into a Decimal with exactly two places.

    Accepts thousands separators in groups of three (``1,234.50``; a lone ``1,5`` is refused since it
    may be a decimal comma), full-width digits and punctuation, spaces anywhere, ``元``/``元整``/``￥``/
    ``¥``/``RMB``/``CNY`` before or after, a sign on either side of the currency mark (``-¥5``,
    ``¥-5``) and accounting parentheses ``(1,234.50)`` for negatives. Amounts finer than a fen
    (``1.234``) are refused rather than rounded. Raises only :class:`InvalidInput` with ``field``.
    """
    value = _fold(text)
    if not value:
        raise InvalidInput("amount is empty", field=field, code="amount_empty")
    signs: list[str] = []
    if value.startswith("(") and value.endswith(")"):
        signs.append("-")
        value = value[1:-1]
    if value.startswith(("+", "-")):
        signs.append(value[0])
        value = value[1:]
    value = _strip_currency(value)
    if value.startswith(("+", "-")):
        signs.append(value[0])
        value = value[1:]
    if len(signs) > 1:
        raise InvalidInput("amount has more than one sign", field=field, code="amount_not_number")
    negative = signs == ["-"]
    match = _NUMBER.match(value)
    if match is None or not (match.group("int") or match.group("frac")):
        raise InvalidInput(f"not an amount of money: {text!r}", field=field, code="amount_not_number")
    integer = (match.group("int") or "0").replace(",", "")
    fraction = (match.group("frac") or "").rstrip("0")
    if len(fraction) > 2:
        raise InvalidInput("amount is finer than one fen", field=field, code="amount_sub_fen")
    if len(integer.lstrip("0")) > MAX_AMOUNT_INTEGER_DIGITS:
        raise InvalidInput("amount is implausibly large", field=field, code="amount_too_large")
    amount = Decimal(f"{integer}.{fraction or '0'}").quantize(FEN)
    return -amount if negative and amount else amount


def parse_balance(text: str, *, owed_column: bool = False, field: str = "balance") -> Decimal:
    """Parse a balance cell into the sign convention of :attr:`Account.balance` (negative = owed).

    ``owed_column`` is True for a column whose plain numbers are amounts owed (欠费/应缴金额/arrears):
    there ``100`` means ``-100.00`` and a negative (overpaid) figure means credit. Either column may also
    say it in words: ``欠费 12.30``/``欠12.30`` is owed, ``余额 12.30``/``预存 12.30`` is credit,
    whatever the column. An empty cell is zero.
    """
    value = _fold(text)
    if not value:
        return ZERO
    for words, owed in ((_OWED_WORDS, True), (_CREDIT_WORDS, False)):
        for word in words:
            if value.startswith(word):
                amount = parse_amount(value[len(word) :].lstrip(":："), field=field)
                if amount < 0:
                    raise InvalidInput(
                        "worded amount must not be negative", field=field, code="amount_not_number"
                    )
                return -amount if owed else amount
    amount = parse_amount(value, field=field)
    return -amount if owed_column else amount


# ---------------------------------------------------------------------------------------------- dates

_DATE = re.compile(
    r"^(?P<y>[0-9]{4})(?:(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})"
    r"|年(?P<cm>[0-9]{1,2})月(?P<cd>[0-9]{1,2})[日号]?"
    r"|(?P<cm8>[0-9]{2})(?P<cd8>[0-9]{2}))$",
    re.ASCII,
)
_TIME = re.compile(r"^(?:[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?$", re.ASCII)


def parse_date(text: str, *, field: str = "date") -> date:
    """Parse the export formats ``2026-11-01``, ``2026/11/1``, ``2026.11.01``, ``20261101`` and
    ``2026年11月1日``, with full-width digits and an optional trailing time (``2026-11-01 00:00:00``,
    which is what spreadsheets add). Day-first and two-digit years are refused as ambiguous."""
    value = unicodedata.normalize("NFKC", text).strip()
    if not value:
        raise InvalidInput("date is empty", field=field, code="date_empty")
    day_part, *time_part = re.split(r"\s+|(?<=[0-9日号])T(?=[0-9])", value, maxsplit=1)
    match = _DATE.match(day_part)
    if match is None or not _TIME.match("".join(time_part)):
        raise InvalidInput(f"not a date: {text!r}", field=field, code="date_not_date")
    month = match.group("m") or match.group("cm") or match.group("cm8")
    day = match.group("d") or match.group("cd") or match.group("cd8")
    try:
        return date(int(match.group("y")), int(month), int(day))
    except ValueError:
        raise InvalidInput(f"no such date: {text!r}", field=field, code="date_invalid") from None


def parse_optional_date(text: str, *, field: str = "date") -> date | None:
    """Like :func:`parse_date`, but an empty cell (or ``-``, ``无``) means "not given"."""
    return None if _fold(text) in ("", "-", "--", "无", "N/A", "n/a") else parse_date(text, field=field)


# ---------------------------------------------------------------------------------------------- 代扣


class WithholdingStatus(Enum):
    """Bank withholding (银行代扣) as the export states it; UNKNOWN when the file does not say."""

    SIGNED = "signed"
    NOT_SIGNED = "not_signed"
    UNKNOWN = "unknown"


_WITHHOLDING_WORDS = {
    WithholdingStatus.SIGNED: (
        "是",
        "已签约",
        "已签",
        "签约",
        "已开通",
        "开通",
        "已代扣",
        "代扣中",
        "代扣",
        "有",
        "y",
        "yes",
        "true",
        "1",
    ),
    WithholdingStatus.NOT_SIGNED: (
        "否",
        "未签约",
        "未签",
        "未开通",
        "未代扣",
        "非代扣",
        "无",
        "n",
        "no",
        "false",
        "0",
    ),
    WithholdingStatus.UNKNOWN: ("", "-", "--", "未知", "unknown"),
}


def parse_withholding(text: str) -> WithholdingStatus:
    value = _fold(text).casefold()
    for status, words in _WITHHOLDING_WORDS.items():
        if value in words or value == status.value:
            return status
    raise InvalidInput(
        f"unknown withholding status: {text!r}", field="withholding", code="withholding_unknown"
    )


# ---------------------------------------------------------------------------------------------- phone

_MOBILE = re.compile(r"^(?:86|0086)?(1[3-9][0-9]{9})$", re.ASCII)


def normalise_phone(text: str) -> str:
    """Digits only, with a ``+86``/``0086`` prefix dropped from mobiles; ``""`` for an empty cell.

    Raises ``InvalidInput(field="phone")`` for text that is not a phone number (letters, fewer than 7
    or more than 16 digits). Landlines keep their area code: ``0475-8123456`` → ``04758123456``.
    """
    value = _fold(text)
    if value.startswith("+"):
        value = value[1:]
    value = re.sub(r"[-()（）]", "", value)
    if not value:
        return ""
    if not (value.isascii() and value.isdigit()) or not 7 <= len(value) <= 16:
        raise InvalidInput("not a phone number", field="phone", code="phone_invalid")
    mobile = _MOBILE.match(value)
    return mobile.group(1) if mobile else value


# ---------------------------------------------------------------------------------------------- value


@dataclass(frozen=True, repr=False)
class Account:
    """One electricity account as of :attr:`as_of`. See the module docstring for the balance sign.

    ``repr`` masks name, phone and address so an account can be logged without leaking personal data.
    Text fields are kept exactly as given (rare characters, emoji and SQL-looking names included).
    """

    number: str
    name: str
    address: str = ""
    phone: str = ""
    tariff_class: str = ""
    balance: Decimal = field(default=ZERO)
    due_date: date | None = None
    as_of: date | None = None
    withholding: WithholdingStatus = WithholdingStatus.UNKNOWN

    def __post_init__(self) -> None:
        if not (self.number.isascii() and self.number.isdigit()):
            raise InvalidInput(
                "account number must contain digits only",
                field="account_number",
                code="account_number_not_digits",
            )
        if not isinstance(self.balance, Decimal) or not self.balance.is_finite():
            raise InvalidInput("balance must be a finite Decimal", field="balance", code="amount_not_number")
        if self.balance != self.balance.quantize(FEN):
            raise InvalidInput("balance is finer than one fen", field="balance", code="amount_sub_fen")
        object.__setattr__(self, "balance", self.balance.quantize(FEN) + ZERO)

    @property
    def arrears(self) -> Decimal:
        """What the customer owes now (欠费), never negative."""
        return -self.balance if self.balance < 0 else ZERO

    @property
    def credit(self) -> Decimal:
        """Prepaid money left (预存余额), never negative."""
        return self.balance if self.balance > 0 else ZERO

    @property
    def owes(self) -> bool:
        return self.balance < 0

    def masked(self) -> Account:
        """The account as a screen, a list, a slip, a report or a log may show it (PIPL art. 51): name,
        address and phone masked; the account number, the figures and the rest as they are."""
        return replace(
            self, name=mask_name(self.name), address=mask_address(self.address), phone=mask_phone(self.phone)
        )

    def __repr__(self) -> str:
        return (
            f"Account(number={self.number!r}, name={mask_name(self.name)!r}, "
            f"address={mask_address(self.address)!r}, phone={mask_phone(self.phone)!r}, "
            f"tariff_class={self.tariff_class!r}, balance={self.balance}, due_date={self.due_date}, "
            f"as_of={self.as_of}, withholding={self.withholding.value})"
        )


AccountValues = tuple[str, str, str, str, str, int, str | None, str | None, str, int]
"""An accepted account in the plain values a list file keeps, and the file line it came from:
``(number, name, address, phone, tariff_class, balance_fen, due_date, as_of, withholding, line)``.

``balance_fen`` is :attr:`Account.balance` in fen (same sign convention), the dates are ISO text or None,
``withholding`` is the :class:`WithholdingStatus` value. A plain tuple on purpose: an importer handles
millions of them, and a tuple costs a third of a named tuple to make. :func:`account_values` and
:func:`values_account` convert to and from :class:`Account`, losslessly.
"""


def account_values(line: int, account: Account) -> AccountValues:
    return (
        account.number,
        account.name,
        account.address,
        account.phone,
        account.tariff_class,
        int(account.balance.scaleb(2)),
        account.due_date.isoformat() if account.due_date else None,
        account.as_of.isoformat() if account.as_of else None,
        account.withholding.value,
        line,
    )


def values_account(values: AccountValues) -> Account:
    number, name, address, phone, tariff_class, balance_fen, due_date, as_of, withholding, _ = values
    return Account(
        number=number,
        name=name,
        address=address,
        phone=phone,
        tariff_class=tariff_class,
        balance=Decimal(balance_fen).scaleb(-2),
        due_date=date.fromisoformat(due_date) if due_date else None,
        as_of=date.fromisoformat(as_of) if as_of else None,
        withholding=WithholdingStatus(withholding),
    )
