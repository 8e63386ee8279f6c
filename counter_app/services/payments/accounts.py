"""Accounts at the counter (户号查询): find as the clerk types, show one account's card, import the list.

The account list is a file of its own beside the hall database (see ``account_import.py`` for why);
this service reads whichever list is live, noticing a newly imported one on the next call.
Every figure it returns carries its "data as of" date and whether that date is stale, so an outage of
the central system never makes old arrears look current.

Settings come from the profile's optional ``[accounts]`` table: ``number_lengths`` (default 10 and
13 digits) and ``stale_after_days`` (default 3: figures older than that are marked not current).
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from counter_app.domain.errors import InvalidInput, NotFound
from counter_app.domain.payments.accounts import Account, validate_account_number
from counter_app.domain.payments.guidance import (
    AccountListRecord,
    AccountSettings,
    Freshness,
    account_settings,
    freshness,
)
from counter_app.domain.payments.search import SearchHit, SearchQuery, classify_query
from counter_app.domain.profile import HallProfile
from counter_app.services.clock import Clock, system_clock
from counter_app.services.ports import AccountListReader, HallRecords

log = logging.getLogger("counter_app.accounts")

MAX_LIMIT = 200


@dataclass(frozen=True)
class AccountSearch:
    """The hits of one query, best first; ``more`` when the limit cut the list short. ``freshness``
    dates each hit's figures, by account number: a list keeps older accounts the last export did not
    mention, so one list's figures need not all be of its own "data as of" date."""

    query: SearchQuery
    hits: tuple[SearchHit, ...]
    account_list: AccountListRecord | None
    more: bool
    freshness: Mapping[str, Freshness] = field(default_factory=dict)


@dataclass(frozen=True)
class AccountCard:
    """One account as the counter shows it, with its figures' date."""

    account: Account
    freshness: Freshness
    account_list: AccountListRecord


class AccountService:
    """Lookups in the live account list. Opens the list file on first use, on the calling thread."""

    def __init__(self, store: HallRecords, profile: HallProfile, clock: Clock = system_clock) -> None:
        self.store = store
        self.profile = profile
        self.clock = clock
        self.files = store.account_files
        self.lists = store.account_lists
        self._file: AccountListReader | None = None
        self._file_list_id: int | None = None
        self._finalizer: Callable[[], Any] | None = None

    @cached_property
    def settings(self) -> AccountSettings:
        """Read on first use: a mistake in the payment part of the profile must not stop the queue."""
        return account_settings(self.profile)

    # the live list ---------------------------------------------------------------------------------
    def live_list(self) -> AccountListRecord | None:
        with self.store.read():
            return self.lists.live()

    def history(self, limit: int = 20) -> list[AccountListRecord]:
        with self.store.read():
            return self.lists.history(limit)

    def _live(self) -> tuple[AccountListRecord, AccountListReader] | None:
        """The live list and its open file; ``None`` before the first import."""
        record = self.live_list()
        if record is None:
            return None
        if self._file is not None and self._file_list_id == record.id:
            return record, self._file
        self.close()
        if not self.files.exists(record.file):
            newer = self.live_list()  # an import may have replaced (and swept) it a moment ago
            if newer is None or newer.id == record.id or not self.files.exists(newer.file):
                raise NotFound(
                    f"The account list file {record.file} is missing; import the account list again",
                    code="account_list_missing",
                    file=record.file,
                )
            record = newer
        self._file = self.files.open(record.file)
        self._file_list_id = record.id
        self._finalizer = weakref.finalize(self, self._file.close)
        log.info("reading account list %s (%d accounts)", record.uuid, record.accounts)
        return record, self._file

    def close(self) -> None:
        if self._finalizer is not None:
            self._finalizer()
        self._file, self._file_list_id, self._finalizer = None, None, None

    def today(self) -> date:
        return self.clock().date()

    # lookups ---------------------------------------------------------------------------------------
    def validate_number(self, text: str) -> str:
        """A typed account number as digits of a configured length (a walk-in without a record)."""
        return validate_account_number(text, self.settings.number_rule)

    def find(self, text: str, limit: int = 20) -> AccountSearch:
        """Accounts matching what the clerk typed, ranked as ``domain.payments.search`` says."""
        if not 1 <= limit <= MAX_LIMIT:
            raise InvalidInput(
                f"limit must be 1..{MAX_LIMIT}", field="limit", code="search_limit", limit=limit
            )
        query = classify_query(text, self.settings.number_rule)
        live = self._live()
        if live is None or query.is_empty:
            return AccountSearch(query, (), live[0] if live else None, False)
        record, reader = live
        hits: list[SearchHit] = []
        seen: set[str] = set()
        for tier, clause in enumerate(query.clauses):
            # Asking for ``limit`` is enough: at most len(hits) of them are earlier tiers' accounts.
            for account in reader.search(clause, limit):
                if account.number not in seen:
                    seen.add(account.number)
                    hits.append(SearchHit(account, clause, tier))
                    if len(hits) == limit:
                        return self._found(query, hits, record, more=True)
        return self._found(query, hits, record, more=False)

    def _found(
        self, query: SearchQuery, hits: list[SearchHit], record: AccountListRecord, *, more: bool
    ) -> AccountSearch:
        dated = {h.account.number: self.freshness_of(h.account, record) for h in hits}
        return AccountSearch(query, tuple(hits), record, more, dated)

    def card(self, number: str) -> AccountCard:
        """The account with this number in the live list; ``NotFound`` when it has no record here."""
        digits = self.validate_number(number)
        live = self._live()
        if live is None:
            raise NotFound("No account list has been imported yet", code="account_list_none")
        record, reader = live
        account = reader.get(digits)
        if account is None:
            raise NotFound(
                f"Account {digits} is not in the account list", code="account_not_found", number=digits
            )
        return AccountCard(account, self.freshness_of(account, record), record)

    def lookup(self, number: str) -> AccountCard | None:
        """Like :meth:`card`, but ``None`` for a valid number with no record (a walk-in)."""
        try:
            return self.card(number)
        except NotFound as exc:
            if exc.code in ("account_not_found", "account_list_none"):
                return None
            raise

    def freshness_of(self, account: Account, record: AccountListRecord) -> Freshness:
        return freshness(account.as_of or record.data_as_of, self.today(), self.settings.stale_after_days)
