"""Schema of payment guidance (migration 0003) and of the account list files it points at.

Two places, on purpose (see ``services/payments/account_import.py`` for the why):

* **The hall database** holds what the hall itself decides: which account list is live
  (``account_lists``, one live row at most), and every guidance given at a counter
  (``payment_guidance`` with the channels shown, for the supervisor's figures). Small rows only.
* **An account list file** (``<hall db>.accounts/accounts-<uuid>.sqlite3``) holds one imported list:
  written once by the importer while nothing reads it, then made live by one short transaction in
  the hall database, and never written again. Readers open it read-only and immutable.

Search keys (see ``domain/payments/search.py``): the rows are numbered in the order the search ranks
name and address hits — ``(name_len, name_key, number)`` — so every name or address lookup is an
index or full-text scan in ``id`` order that stops after the first N hits. Fragments of three or more
characters use FTS5 trigram tables; the text is padded with two ``PAD`` characters so every
character starts a trigram, and the term tables list those trigrams, which answers one- and
two-character fragments by a range lookup of the terms that start with them.
"""

from __future__ import annotations

import sqlite_utils

ACCOUNT_FILE_VERSION = 2
"""2: the expression index of the account numbers' last four digits (a format-1 list still reads)."""
PAD = "\ue000"
"""Private-use character appended twice to indexed names and addresses (never in a search key's
meaning: a hit is always checked against the domain rule)."""

STATEMENTS = (
    """CREATE TABLE account_lists (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        file TEXT NOT NULL UNIQUE CHECK (file GLOB 'accounts-*.sqlite3'),
        live INTEGER NOT NULL DEFAULT 0 CHECK (live IN (0, 1)),
        source TEXT NOT NULL,
        data_as_of TEXT CHECK (data_as_of IS NULL OR date(data_as_of) = data_as_of),
        accounts INTEGER NOT NULL CHECK (accounts >= 0),
        inserted INTEGER NOT NULL CHECK (inserted >= 0),
        updated INTEGER NOT NULL CHECK (updated >= 0),
        kept INTEGER NOT NULL CHECK (kept >= 0),
        rejected INTEGER NOT NULL CHECK (rejected >= 0),
        rejects_file TEXT NOT NULL DEFAULT '',
        clerk TEXT NOT NULL DEFAULT '',
        imported_at TEXT NOT NULL,
        CHECK (accounts = inserted + updated + kept)
    ) STRICT""",
    "CREATE UNIQUE INDEX account_lists_one_live ON account_lists (live) WHERE live = 1",
    """CREATE TABLE payment_guidance (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        account_number TEXT NOT NULL
            CHECK (length(account_number) BETWEEN 1 AND 32 AND account_number NOT GLOB '*[^0-9]*'),
        on_record INTEGER NOT NULL CHECK (on_record IN (0, 1)),
        list_id INTEGER REFERENCES account_lists(id),
        online_channels INTEGER NOT NULL CHECK (online_channels >= 0),
        withholding_guidance INTEGER NOT NULL CHECK (withholding_guidance IN (0, 1)),
        clerk TEXT NOT NULL,
        counter INTEGER,
        ticket_id INTEGER REFERENCES tickets(id),
        ticket_number TEXT NOT NULL DEFAULT '',
        business_day TEXT NOT NULL CHECK (date(business_day) = business_day),
        at TEXT NOT NULL,
        CHECK (on_record = 0 OR list_id IS NOT NULL)
    ) STRICT""",
    "CREATE INDEX payment_guidance_day ON payment_guidance (business_day)",
    "CREATE INDEX payment_guidance_account ON payment_guidance (account_number)",
    """CREATE TABLE payment_guidance_channels (
        guidance_id INTEGER NOT NULL REFERENCES payment_guidance(id),
        position INTEGER NOT NULL CHECK (position >= 0),
        channel TEXT NOT NULL CHECK (channel <> ''),
        online INTEGER NOT NULL CHECK (online IN (0, 1)),
        qr_url TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (guidance_id, channel),
        UNIQUE (guidance_id, position)
    ) STRICT, WITHOUT ROWID""",
    "CREATE INDEX payment_guidance_channels_channel ON payment_guidance_channels (channel)",
    """CREATE TRIGGER payment_guidance_no_update BEFORE UPDATE ON payment_guidance
        BEGIN SELECT RAISE(ABORT, 'payment_guidance is append-only'); END""",
    """CREATE TRIGGER payment_guidance_no_delete BEFORE DELETE ON payment_guidance
        BEGIN SELECT RAISE(ABORT, 'payment_guidance is append-only'); END""",
)


def create_account_tables(db: sqlite_utils.Database) -> None:
    """Migration 0003: the live-list pointer and the guidance records, in the hall database."""
    for statement in STATEMENTS:
        db.execute(statement)


# -- the account list file -------------------------------------------------------------------------

ACCOUNT_VALUE_COLUMNS = (
    "number, name, address, phone, tariff_class, balance_fen, due_date, as_of, withholding, source_line"
)
"""The columns of an account, in the order of :data:`~counter_app.domain.payments.accounts.AccountValues`."""

SCRATCH_STATEMENTS = (
    """CREATE TABLE scratch.staged (
        number TEXT NOT NULL,
        name TEXT NOT NULL,
        address TEXT NOT NULL,
        phone TEXT NOT NULL,
        tariff_class TEXT NOT NULL,
        balance_fen INTEGER NOT NULL,
        due_date TEXT,
        as_of TEXT,
        withholding TEXT NOT NULL,
        source_line INTEGER,
        name_key TEXT NOT NULL,
        name_len INTEGER NOT NULL,
        address_key TEXT NOT NULL
    ) STRICT""",
)

STAGED_INDEX = "CREATE UNIQUE INDEX scratch.staged_number ON staged (number)"

LIST_FILE_STATEMENTS = (
    """CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT, WITHOUT ROWID""",
    """CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL CHECK (length(number) BETWEEN 1 AND 32 AND number NOT GLOB '*[^0-9]*'),
        name TEXT NOT NULL CHECK (name <> ''),
        address TEXT NOT NULL,
        phone TEXT NOT NULL CHECK (phone NOT GLOB '*[^0-9]*'),
        phone_last4 TEXT NOT NULL
            CHECK (phone_last4 = CASE WHEN length(phone) >= 4 THEN substr(phone, -4) ELSE '' END),
        tariff_class TEXT NOT NULL,
        balance_fen INTEGER NOT NULL,
        due_date TEXT CHECK (due_date IS NULL OR date(due_date) = due_date),
        as_of TEXT CHECK (as_of IS NULL OR date(as_of) = as_of),
        withholding TEXT NOT NULL
            -- the same as IN ('signed', 'not_signed', 'unknown'), which costs a temporary b-tree per row
            CHECK (withholding = 'signed' OR withholding = 'not_signed' OR withholding = 'unknown'),
        name_key TEXT NOT NULL,
        name_len INTEGER NOT NULL CHECK (name_len = length(name_key)),
        address_key TEXT NOT NULL,
        source_line INTEGER
    ) STRICT""",
)

LIST_FILE_INDEXES = (
    "CREATE UNIQUE INDEX accounts_number ON accounts (number)",
    "CREATE INDEX accounts_phone ON accounts (phone, number)",
    "CREATE INDEX accounts_phone_last4 ON accounts (phone_last4, number)",
    "CREATE INDEX accounts_number_last4 ON accounts (substr(number, -4), number)",
    "CREATE INDEX accounts_name ON accounts (name_len, name_key)",
)

SEARCH_TABLES = ("name_grams", "address_grams")

SEARCH_STATEMENTS = (
    """CREATE VIRTUAL TABLE name_grams USING fts5(
        text, content='', columnsize=0, detail='full', tokenize='trigram')""",
    """CREATE VIRTUAL TABLE address_grams USING fts5(
        text, content='', columnsize=0, detail='full', tokenize='trigram')""",
    "CREATE TABLE name_terms (term TEXT PRIMARY KEY) STRICT, WITHOUT ROWID",
    "CREATE TABLE address_terms (term TEXT PRIMARY KEY) STRICT, WITHOUT ROWID",
)
