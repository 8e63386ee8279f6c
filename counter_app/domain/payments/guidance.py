"""Payment guidance as values: the hall's ``[accounts]`` settings, how old an account's figures are,
the imported account lists, the guidance given at the counters and the payment slip it prints.

The store returns and the services give back these; the payment slip's layout (``printing``) draws
:class:`PaymentSlip`, personal data already masked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from counter_app.domain.localized import check_keys, profile_invalid, profile_table
from counter_app.domain.payments.accounts import DEFAULT_ACCOUNT_NUMBER_RULE, AccountNumberRule
from counter_app.domain.profile import HallProfile

DEFAULT_STALE_AFTER_DAYS = 3


@dataclass(frozen=True)
class AccountSettings:
    number_rule: AccountNumberRule = DEFAULT_ACCOUNT_NUMBER_RULE
    stale_after_days: int = DEFAULT_STALE_AFTER_DAYS


def account_settings(profile: HallProfile) -> AccountSettings:
    """The profile's ``[accounts]`` table, checked; defaults when the hall has none."""
    raw = profile_table(profile.raw.get("accounts", {}), "accounts")
    check_keys(raw, "accounts", set(), {"number_lengths", "stale_after_days"})
    lengths = raw.get("number_lengths", list(DEFAULT_ACCOUNT_NUMBER_RULE.lengths))
    stale = raw.get("stale_after_days", DEFAULT_STALE_AFTER_DAYS)
    try:
        if not isinstance(lengths, list) or not all(
            isinstance(n, int) and not isinstance(n, bool) for n in lengths
        ):
            raise ValueError("number_lengths must be a list of whole numbers")
        rule = AccountNumberRule(tuple(lengths))
    except ValueError as exc:
        raise profile_invalid("accounts.number_lengths", str(exc)) from None
    if not isinstance(stale, int) or isinstance(stale, bool) or stale < 0:
        raise profile_invalid("accounts.stale_after_days", "must be a whole number ≥ 0")
    return AccountSettings(rule, stale)


@dataclass(frozen=True)
class Freshness:
    """How old a figure is: ``as_of`` the export's date, ``age_days`` against the hall's today."""

    as_of: date | None
    age_days: int | None
    stale: bool


def freshness(as_of: date | None, today: date, stale_after_days: int) -> Freshness:
    """No date at all counts as stale: nobody can say the figure is current."""
    if as_of is None:
        return Freshness(None, None, True)
    age = (today - as_of).days
    return Freshness(as_of, age, age > stale_after_days)


@dataclass(frozen=True)
class AccountListRecord:
    """One imported account list; ``live`` is the one the counters read."""

    id: int
    uuid: str
    file: str
    live: bool
    source: str
    data_as_of: date | None
    accounts: int
    inserted: int
    updated: int
    kept: int
    rejected: int
    rejects_file: str
    clerk: str
    imported_at: datetime


@dataclass(frozen=True)
class GuidanceChannel:
    """A channel shown (and printed) in one guidance, with the QR address printed for it ("" = none)."""

    code: str
    online: bool
    qr_url: str = ""


@dataclass(frozen=True)
class GuidanceRecord:
    id: int
    uuid: str
    account_number: str
    on_record: bool
    list_id: int | None
    channels: tuple[GuidanceChannel, ...]
    withholding_guidance: bool
    clerk: str
    counter: int | None
    ticket_id: int | None
    ticket_number: str
    business_day: date
    at: datetime

    @property
    def online(self) -> bool:
        return any(c.online for c in self.channels)


@dataclass(frozen=True)
class GuidanceFigures:
    """Guidance given between ``start`` and ``end`` (business days, both included).

    ``payers_online``: distinct accounts shown at least one online channel — customers the hall tried to
    move off the counter queue, not proof that they paid online later (only the central system knows).
    """

    start: date
    end: date
    guidance: int
    payers: int
    payers_online: int
    withholding_guidance: int
    by_channel: dict[str, int]


@dataclass(frozen=True)
class SlipChannel:
    """A channel as printed; ``qr_caption`` says where the code leads ("" when the profile's caption
    does not describe the recorded address: the slip then names the address's host); ``signed``: the
    account already pays by this channel (bank withholding signed up), so ``steps`` say how it works
    instead of how to sign up."""

    code: str
    name: str
    steps: tuple[str, ...]
    qr_url: str | None
    qr_caption: str = ""
    signed: bool = False


@dataclass(frozen=True)
class PaymentSlip:
    """Everything printed on a payment QR slip, in the hall's language, personal data already masked.

    ``arrears``/``credit``/``due_date`` are ``None`` for a walk-in without a record; the figures'
    date is ``figures.as_of``, and ``figures.stale`` marks it as not current.
    """

    language: str
    company: str
    hall_name: str
    hotline: str
    account_number: str
    on_record: bool
    masked_name: str
    masked_address: str
    arrears: Decimal | None
    credit: Decimal | None
    due_date: date | None
    figures: Freshness
    channels: tuple[SlipChannel, ...]
    withholding_title: str
    withholding_bring: tuple[str, ...]
    guidance_id: int
    printed_at: datetime
    reprint: bool = False


@dataclass(frozen=True)
class BuiltList:
    """A finished list file, not live yet. ``kept``: accounts of the previous list not in the import."""

    path: Path
    accounts: int
    inserted: int
    updated: int
    kept: int
    data_as_of: date | None
    base_missing: bool
