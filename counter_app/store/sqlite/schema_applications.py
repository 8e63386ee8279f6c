"""Schema of installation and change-of-service applications (migration 0002).

Every invariant has a constraint here, so a bug in a service cannot write an impossible row:

* numbers ``YK20261127-0001`` are unique (``number`` and ``(accepted_day, prefix, seq)``), allocated
  from ``number_sequences`` inside the accepting transaction like ticket numbers;
* the applicant's data is fixed at acceptance and applications are never deleted (triggers);
* the history is append-only and gap-free: event ``seq`` runs 1, 2, 3 … per application, the first is
  the acceptance, and ``applications.version`` is always the number of history rows (triggers);
* a closed application has its closing day and no place in the "open" ordering (``due_key = '~'``);
* a missing document only moves from owed to collected; identity documents are never owed (一证受理);
* every access to an application's full personal data leaves an ``application_access`` row.

``due_key`` orders the worklist: the earliest due date of an open application whose clock runs,
``9999-12-31`` while its clock is stopped or it has no limit, ``~`` once closed, so "open" is
``due_key < '~'`` and overdue is ``due_key < today``, both on one index.

Search: ``_applications_fts`` is an FTS5 trigram index over name, address, mobile, ID and account
(substrings of three characters or more, rare characters included), kept by a trigger. Its name starts
with ``_`` like sqlite-utils' ``_sqlite_migrations``: it and the shadow tables SQLite creates for it are
internal machinery, not tables of ours, and a virtual table cannot be declared STRICT.
"""

from __future__ import annotations

import sqlite_utils

from counter_app.domain.applications.records import CLOSED_DUE_KEY, OPEN_DUE_NONE

__all__ = ["CLOSED_DUE_KEY", "OPEN_DUE_NONE", "create_application_tables"]

_EVENT_KINDS = (
    "'accepted', 'advanced', 'returned', 'suspended', 'resumed', 'completed', 'withdrawn', "
    "'handed_over', 'document_collected'"
)
_STATUSES = "'accepted', 'in_progress', 'returned', 'suspended', 'completed', 'withdrawn'"
_FIXED_AT_ACCEPTANCE = (
    "uuid, number, accepted_day, prefix, seq, tracking_ref, business_type, ticket_id, accepted_by, "
    "accepted_at, applicant_kind, name, id_type, id_number, mobile, address, agent_name, agent_id_type, "
    "agent_id_number, agent_mobile, account_number, capacity, capacity_unit, voltage, tariff_class, "
    "external_works, period_start, period_end, commitment_signed"
)

STATEMENTS = (
    """CREATE TABLE staff (
        code TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 40 AND code = trim(code)),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        role TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor')),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        updated_at TEXT NOT NULL
    ) STRICT""",
    """CREATE TABLE staff_events (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        code TEXT NOT NULL REFERENCES staff(code),
        kind TEXT NOT NULL CHECK (kind IN ('added', 'changed', 'deactivated')),
        at TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
    ) STRICT""",
    f"""CREATE TABLE applications (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        number TEXT NOT NULL UNIQUE,
        accepted_day TEXT NOT NULL,
        prefix TEXT NOT NULL,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        tracking_ref TEXT NOT NULL UNIQUE,
        business_type TEXT NOT NULL CHECK (length(business_type) > 0),
        ticket_id INTEGER REFERENCES tickets(id),
        counter INTEGER,
        accepted_by TEXT NOT NULL CHECK (length(accepted_by) > 0),
        accepted_at TEXT NOT NULL,
        applicant_kind TEXT NOT NULL CHECK (applicant_kind IN ('person', 'organisation')),
        name TEXT NOT NULL CHECK (length(name) > 0),
        id_type TEXT NOT NULL,
        id_number TEXT NOT NULL CHECK (length(id_number) > 0),
        mobile TEXT NOT NULL CHECK (length(mobile) = 11),
        address TEXT NOT NULL CHECK (length(address) > 0),
        agent_name TEXT,
        agent_id_type TEXT,
        agent_id_number TEXT,
        agent_mobile TEXT,
        account_number TEXT,
        capacity TEXT,
        capacity_unit TEXT CHECK (capacity_unit IN ('kW', 'kVA')),
        voltage TEXT,
        tariff_class TEXT,
        external_works INTEGER NOT NULL DEFAULT 0 CHECK (external_works IN (0, 1)),
        period_start TEXT,
        period_end TEXT,
        commitment_signed INTEGER NOT NULL DEFAULT 0 CHECK (commitment_signed IN (0, 1)),
        notices TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notices)),
        status TEXT NOT NULL CHECK (status IN ({_STATUSES})),
        stage TEXT NOT NULL,
        owner TEXT NOT NULL CHECK (length(owner) > 0),
        version INTEGER NOT NULL CHECK (version >= 1),
        stage_due TEXT,
        whole_due TEXT,
        due_key TEXT NOT NULL,
        due_provisional INTEGER NOT NULL DEFAULT 0 CHECK (due_provisional IN (0, 1)),
        closed_on TEXT,
        closed_late INTEGER NOT NULL DEFAULT 0 CHECK (closed_late IN (0, 1)),
        updated_at TEXT NOT NULL,
        UNIQUE (accepted_day, prefix, seq),
        CHECK ((agent_name IS NULL) = (agent_id_number IS NULL)
               AND (agent_name IS NULL) = (agent_mobile IS NULL)
               AND (agent_name IS NULL) = (agent_id_type IS NULL)),
        CHECK ((capacity IS NULL) = (capacity_unit IS NULL)),
        CHECK ((period_start IS NULL AND period_end IS NULL)
               OR (period_start IS NOT NULL AND period_end IS NOT NULL AND period_end >= period_start)),
        CHECK ((status IN ('completed', 'withdrawn')) = (closed_on IS NOT NULL)),
        CHECK ((status IN ('completed', 'withdrawn')) = (due_key = '{CLOSED_DUE_KEY}'))
    ) STRICT""",
    f"""CREATE TRIGGER applications_fixed_at_acceptance BEFORE UPDATE OF {_FIXED_AT_ACCEPTANCE}
        ON applications
        BEGIN SELECT RAISE(ABORT, 'an application keeps what was accepted; record an event instead'); END""",
    """CREATE TRIGGER applications_no_delete BEFORE DELETE ON applications
        BEGIN SELECT RAISE(ABORT, 'applications are never deleted; withdraw instead'); END""",
    """CREATE TRIGGER applications_version_is_history BEFORE UPDATE OF version ON applications
        WHEN NEW.version != (SELECT COUNT(*) FROM application_events WHERE application_id = NEW.id)
        BEGIN SELECT RAISE(ABORT, 'applications.version must count its history rows'); END""",
    "CREATE INDEX applications_due ON applications (due_key, id DESC)",
    "CREATE INDEX applications_status ON applications (status, due_key, id DESC)",
    "CREATE INDEX applications_type ON applications (business_type, due_key, id DESC)",
    "CREATE INDEX applications_owner ON applications (owner, due_key, id DESC)",
    "CREATE INDEX applications_mobile ON applications (mobile)",
    "CREATE INDEX applications_id_number ON applications (id_number)",
    "CREATE INDEX applications_account ON applications (account_number) WHERE account_number IS NOT NULL",
    "CREATE INDEX applications_name ON applications (name)",
    "CREATE INDEX applications_ticket ON applications (ticket_id) WHERE ticket_id IS NOT NULL",
    f"""CREATE TABLE application_events (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        application_id INTEGER NOT NULL REFERENCES applications(id),
        seq INTEGER NOT NULL CHECK (seq >= 1),
        kind TEXT NOT NULL CHECK (kind IN ({_EVENT_KINDS})),
        at TEXT NOT NULL,
        clerk TEXT NOT NULL CHECK (length(clerk) > 0),
        note TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(detail)),
        UNIQUE (application_id, seq),
        CHECK ((kind = 'accepted') = (seq = 1))
    ) STRICT""",
    """CREATE TRIGGER application_events_in_order BEFORE INSERT ON application_events
        WHEN NEW.seq != 1 + (SELECT COUNT(*) FROM application_events e
                             WHERE e.application_id = NEW.application_id)
        BEGIN SELECT RAISE(ABORT, 'application history rows are numbered 1, 2, 3 … without gaps'); END""",
    """CREATE TRIGGER application_events_no_update BEFORE UPDATE ON application_events
        BEGIN SELECT RAISE(ABORT, 'application_events is append-only'); END""",
    """CREATE TRIGGER application_events_no_delete BEFORE DELETE ON application_events
        BEGIN SELECT RAISE(ABORT, 'application_events is append-only'); END""",
    """CREATE TABLE application_documents (
        application_id INTEGER NOT NULL REFERENCES applications(id),
        code TEXT NOT NULL,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('identity', 'property', 'other')),
        names TEXT NOT NULL CHECK (json_valid(names)),
        state TEXT NOT NULL CHECK (state IN ('presented', 'owed', 'collected')),
        due_day TEXT,
        collected_at TEXT,
        collected_by TEXT,
        PRIMARY KEY (application_id, code),
        CHECK (state = 'presented' OR due_day IS NOT NULL),
        CHECK ((state = 'collected') = (collected_at IS NOT NULL AND collected_by IS NOT NULL)),
        CHECK (kind != 'identity' OR state = 'presented')
    ) STRICT, WITHOUT ROWID""",
    """CREATE TRIGGER application_documents_only_collected BEFORE UPDATE ON application_documents
        WHEN NOT (OLD.state = 'owed' AND NEW.state = 'collected' AND NEW.code = OLD.code
                  AND NEW.application_id = OLD.application_id)
        BEGIN SELECT RAISE(ABORT, 'a document only moves from owed to collected'); END""",
    """CREATE TRIGGER application_documents_no_delete BEFORE DELETE ON application_documents
        BEGIN SELECT RAISE(ABORT, 'application documents are never deleted'); END""",
    """CREATE TABLE application_access (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        application_id INTEGER NOT NULL REFERENCES applications(id),
        at TEXT NOT NULL,
        clerk TEXT NOT NULL CHECK (length(clerk) > 0),
        role TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor')),
        unmasked INTEGER NOT NULL CHECK (unmasked IN (0, 1)),
        purpose TEXT NOT NULL
    ) STRICT""",
    "CREATE INDEX application_access_application ON application_access (application_id)",
    """CREATE TRIGGER application_access_no_update BEFORE UPDATE ON application_access
        BEGIN SELECT RAISE(ABORT, 'application_access is append-only'); END""",
    """CREATE TRIGGER application_access_no_delete BEFORE DELETE ON application_access
        BEGIN SELECT RAISE(ABORT, 'application_access is append-only'); END""",
    """CREATE TABLE application_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        calendar_key TEXT NOT NULL
    ) STRICT""",
    """CREATE VIRTUAL TABLE _applications_fts USING fts5(
        name, address, mobile, id_number, account_number,
        content = 'applications', content_rowid = 'id', tokenize = 'trigram'
    )""",
    """CREATE TRIGGER applications_fts_insert AFTER INSERT ON applications BEGIN
        INSERT INTO _applications_fts (rowid, name, address, mobile, id_number, account_number)
        VALUES (NEW.id, NEW.name, NEW.address, NEW.mobile, NEW.id_number, NEW.account_number);
    END""",
)


def create_application_tables(db: sqlite_utils.Database) -> None:
    for statement in STATEMENTS:
        db.execute(statement)
