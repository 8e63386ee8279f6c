"""Lookup-as-you-type at the counter: what a typed query means, and how candidate accounts rank.

:func:`classify_query` turns the text into :class:`SearchClause` items in priority order; each clause
is one indexed lookup for the store, and the first clause an account satisfies decides its rank, so
the classification is the single place where priority is decided. How the store serves each kind:

====================  ========================================================================
``ACCOUNT_EXACT``     ``number = value``
``ACCOUNT_PREFIX``    ``number >= low AND number < high`` with :func:`prefix_bounds` (range scan)
``PHONE_EXACT``       ``phone = value`` (phones stored as :func:`accounts.normalise_phone` digits)
``PHONE_LAST4``       ``phone_last4 = value`` (a stored, indexed column: the phone's last 4 digits)
``PHONE_PREFIX``      ``phone`` range with :func:`prefix_bounds`, in phone order (the first digits)
``ACCOUNT_LAST4``     ``substr(number, -4) = value`` (an expression index of the list file)
``NAME_EXACT``        ``name_key = value`` (``name_key`` = :func:`search_key` of the name, indexed)
``NAME_PREFIX``       ``name_key`` range with :func:`prefix_bounds`
``NAME_FRAGMENT``     ``name_key`` contains value (scan, or FTS5 trigram for 3+ characters)
``ADDRESS_FRAGMENT``  ``address_key`` contains value (likewise)
====================  ========================================================================

Priority: exact account > account prefix > phone > phone prefix > name exact > name prefix > name
fragment > address fragment, with one deliberate exception: for exactly four digits, phone last-4 and
then account last-4 come *before* account prefix. Customers who forget their 户号 give the last four
digits of their phone, clerks read the last four of the 户号 off a bill, and a four-digit account
prefix is shared by every account of a county, so it would bury them. A phone's first digits (1381234…)
are searched from four digits on, as the customer says them.
A single non-Latin character searches name prefix then name fragment (a surname, or a rare given-name
character 生僻字 typed on its own); a single Latin letter searches name prefix only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from counter_app.domain.errors import InvalidInput
from counter_app.domain.payments.accounts import (
    DEFAULT_ACCOUNT_NUMBER_RULE,
    Account,
    AccountNumberRule,
    normalise_phone,
)

MIN_ACCOUNT_PREFIX = 4
"""Fewer digits than this match too many accounts to be worth a query (except as phone last-4)."""


class ClauseKind(Enum):
    ACCOUNT_EXACT = "account_exact"
    ACCOUNT_PREFIX = "account_prefix"
    PHONE_EXACT = "phone_exact"
    PHONE_LAST4 = "phone_last4"
    PHONE_PREFIX = "phone_prefix"
    ACCOUNT_LAST4 = "account_last4"
    NAME_EXACT = "name_exact"
    NAME_PREFIX = "name_prefix"
    NAME_FRAGMENT = "name_fragment"
    ADDRESS_FRAGMENT = "address_fragment"


@dataclass(frozen=True)
class SearchClause:
    """One lookup: ``value`` is ASCII digits for account/phone kinds and a :func:`search_key` otherwise."""

    kind: ClauseKind
    value: str


@dataclass(frozen=True)
class SearchQuery:
    text: str
    clauses: tuple[SearchClause, ...]

    @property
    def is_empty(self) -> bool:
        return not self.clauses


@dataclass(frozen=True)
class SearchHit:
    account: Account
    clause: SearchClause
    tier: int
    """Position of ``clause`` in the query: lower ranks first."""


_DIGIT_QUERY = re.compile(r"^\+?[0-9][0-9 \-]*$", re.ASCII)
_MOBILE = re.compile(r"^(?:86|0086)?1[3-9][0-9]{9}$", re.ASCII)
_LANDLINE = re.compile(r"^0[1-9][0-9]{9,10}$", re.ASCII)  # area code + local number: 11 or 12 digits
_MOBILE_START = re.compile(r"^1[3-9][0-9]{2,8}$", re.ASCII)  # 4 to 10 of a mobile's 11 digits
_LANDLINE_START = re.compile(r"^0[1-9][0-9]{2,9}$", re.ASCII)  # 4 to 11 of a landline's digits
MIN_PHONE_PREFIX = 4


def search_key(text: str) -> str:
    """The form names and addresses are compared in: NFKC, case-folded, runs of spaces made one.

    Store ``search_key(name)`` and ``search_key(address)`` next to the text as written, and compare
    clause values against those columns. Characters outside the BMP stay as they are.
    """
    # split()/join() is the regex r"\s+" → " " plus strip(), in one pass: both use str.isspace().
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def prefix_bounds(value: str) -> tuple[str, str | None]:
    """``(low, high)`` such that ``low <= s < high`` exactly when ``s`` starts with ``value`` (binary order);
    ``high`` is None (no upper bound) only for a value made entirely of U+10FFFF.

    Lets the store answer prefixes with an index range scan instead of ``LIKE`` (whose wildcards and
    case rules get in the way). UTF-8 byte order equals code point order, so this holds in SQLite too.
    """
    if not value:
        raise ValueError("prefix must not be empty")
    head = value.rstrip("\U0010ffff")
    if not head:
        return value, None
    following = ord(head[-1]) + 1
    if 0xD800 <= following <= 0xDFFF:  # surrogates cannot be stored; skip past them
        following = 0xE000
    return value, head[:-1] + chr(following)


def _digit_clauses(digits: str, rule: AccountNumberRule) -> list[SearchClause]:
    clauses: list[SearchClause] = []
    if rule.allows_length(len(digits)):
        clauses.append(SearchClause(ClauseKind.ACCOUNT_EXACT, digits))
    if _MOBILE.match(digits) or _LANDLINE.match(digits):
        clauses.append(SearchClause(ClauseKind.PHONE_EXACT, normalise_phone(digits)))
    if len(digits) == 4:
        clauses.append(SearchClause(ClauseKind.PHONE_LAST4, digits))
        clauses.append(SearchClause(ClauseKind.ACCOUNT_LAST4, digits))
    if MIN_ACCOUNT_PREFIX <= len(digits) < rule.max_length:
        clauses.append(SearchClause(ClauseKind.ACCOUNT_PREFIX, digits))
    if _MOBILE_START.match(digits) or _LANDLINE_START.match(digits):
        clauses.append(SearchClause(ClauseKind.PHONE_PREFIX, digits))
    order = [
        ClauseKind.ACCOUNT_EXACT,
        ClauseKind.PHONE_LAST4,
        ClauseKind.ACCOUNT_LAST4,
        ClauseKind.ACCOUNT_PREFIX,
        ClauseKind.PHONE_EXACT,
        ClauseKind.PHONE_PREFIX,
    ]
    return sorted(clauses, key=lambda c: order.index(c.kind))


def classify_query(text: str, rule: AccountNumberRule = DEFAULT_ACCOUNT_NUMBER_RULE) -> SearchQuery:
    """What the clerk typed, as clauses in priority order (see the module docstring). Never raises.

    Digits (spaces, hyphens and full-width digits allowed) are account and phone lookups; anything
    with a letter or a CJK character is a name and address lookup. A query too short or too long to
    mean anything yields no clauses rather than every account.
    """
    folded = unicodedata.normalize("NFKC", text).strip()
    if _DIGIT_QUERY.match(folded):
        digits = re.sub(r"[^0-9]", "", folded)
        return SearchQuery(digits, tuple(_digit_clauses(digits, rule)))
    key = search_key(folded)
    if not key or not any(ch.isalpha() for ch in key):
        return SearchQuery(key, ())
    if len(key) == 1:  # a surname, or a rare given-name character (生僻字) found on its own
        one = [SearchClause(ClauseKind.NAME_PREFIX, key)]
        if not key.isascii():
            one.append(SearchClause(ClauseKind.NAME_FRAGMENT, key))
        return SearchQuery(key, tuple(one))
    kinds = (
        ClauseKind.NAME_EXACT,
        ClauseKind.NAME_PREFIX,
        ClauseKind.NAME_FRAGMENT,
        ClauseKind.ADDRESS_FRAGMENT,
    )
    return SearchQuery(key, tuple(SearchClause(kind, key) for kind in kinds))


def _phone_digits(account: Account) -> str:
    try:
        return normalise_phone(account.phone)
    except InvalidInput:
        return ""


def clause_matches(clause: SearchClause, account: Account) -> bool:
    """Whether ``account`` satisfies ``clause``: the reference semantics the store's SQL must agree with."""
    value, kind = clause.value, clause.kind
    if kind is ClauseKind.ACCOUNT_EXACT:
        return account.number == value
    if kind is ClauseKind.ACCOUNT_PREFIX:
        return account.number.startswith(value)
    if kind is ClauseKind.PHONE_EXACT:
        return _phone_digits(account) == value
    if kind is ClauseKind.PHONE_LAST4:
        phone = _phone_digits(account)
        return len(phone) >= 4 and phone.endswith(value)
    if kind is ClauseKind.PHONE_PREFIX:
        return _phone_digits(account).startswith(value)
    if kind is ClauseKind.ACCOUNT_LAST4:
        return len(account.number) >= 4 and account.number.endswith(value)
    if kind is ClauseKind.ADDRESS_FRAGMENT:
        return value in search_key(account.address)
    name = search_key(account.name)
    if kind is ClauseKind.NAME_EXACT:
        return name == value
    if kind is ClauseKind.NAME_PREFIX:
        return name.startswith(value)
    return value in name


def rank_account(account: Account, query: SearchQuery) -> SearchHit | None:
    """The first clause ``account`` satisfies, or None if it does not match the query at all."""
    for tier, clause in enumerate(query.clauses):
        if clause_matches(clause, account):
            return SearchHit(account, clause, tier)
    return None


_BY_NUMBER = {
    ClauseKind.ACCOUNT_EXACT,
    ClauseKind.ACCOUNT_PREFIX,
    ClauseKind.ACCOUNT_LAST4,
    ClauseKind.PHONE_EXACT,
    ClauseKind.PHONE_LAST4,
}


def _order(hit: SearchHit) -> tuple[int, int, str, str]:
    if hit.clause.kind in _BY_NUMBER:
        return hit.tier, 0, "", hit.account.number
    if hit.clause.kind is ClauseKind.PHONE_PREFIX:  # in phone order, as a phone book lists them
        return hit.tier, 0, _phone_digits(hit.account), hit.account.number
    name = search_key(hit.account.name)
    return hit.tier, len(name), name, hit.account.number


def rank_accounts(
    accounts: Iterable[Account], query: SearchQuery, limit: int | None = None
) -> list[SearchHit]:
    """Matching accounts best first: by tier; within a tier by 户号 for number lookups (by phone, then
    户号, for a phone's first digits), and for name and address lookups by shorter name first (closer
    to what was typed), then name, then 户号."""
    hits = [hit for account in accounts if (hit := rank_account(account, query)) is not None]
    hits.sort(key=_order)
    return hits if limit is None else hits[:limit]
