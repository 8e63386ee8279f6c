"""Schema of service quality (migration 0007): ratings, hand-overs, visit notes, day summaries.

Every invariant has a constraint here:

* one rating per ticket (``UNIQUE (ticket_id)``), of a known level, reasons only below 满意 (a JSON
  list, empty for the top two levels and for "not rated"); ratings are never changed or deleted;
* a hand-over records one transfer event (``UNIQUE (event_id)``) with a reason; never changed or
  deleted (首问负责制: the record is the point);
* one note per visit (``UNIQUE (ticket_id)``), short, with a known outcome or none;
* a day's stored summary is one row in ``quality_days`` plus its cells in ``quality_day_cells``;
  cells exist only under a day row (a summary is whole or absent), and a summary is a cache: it is
  deleted (never edited) when a fact of its day changes, and made again from the tickets.

The queue's counter events (``ticket_id IS NULL``: open, paused, closed) get an index of their own
so the counters open in each hour of a day are found without reading the day's ticket events.
"""

from __future__ import annotations

import sqlite_utils

LEVELS = "'very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied', 'not_rated'"
OUTCOMES = "'answered', 'referred_95598', 'complaint_recorded'"

STATEMENTS = (
    f"""CREATE TABLE ratings (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        ticket_id INTEGER NOT NULL UNIQUE REFERENCES tickets(id),
        business_day TEXT NOT NULL CHECK (date(business_day) = business_day),
        level TEXT NOT NULL CHECK (level IN ({LEVELS})),
        reasons TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(reasons) AND json_type(reasons) = 'array'),
        service_code TEXT NOT NULL,
        counter INTEGER NOT NULL CHECK (counter >= 1),
        clerk TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('screen', 'dialog', 'cli')),
        at TEXT NOT NULL,
        CHECK (reasons = '[]' OR level IN ('neutral', 'dissatisfied', 'very_dissatisfied'))
    ) STRICT""",
    "CREATE INDEX ratings_day ON ratings (business_day)",
    """CREATE TRIGGER ratings_no_update BEFORE UPDATE ON ratings
        BEGIN SELECT RAISE(ABORT, 'a rating is given once and never changed'); END""",
    """CREATE TRIGGER ratings_no_delete BEFORE DELETE ON ratings
        BEGIN SELECT RAISE(ABORT, 'a rating is given once and never deleted'); END""",
    """CREATE TABLE visit_handovers (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        ticket_id INTEGER NOT NULL REFERENCES tickets(id),
        event_id INTEGER NOT NULL UNIQUE REFERENCES queue_events(id),
        business_day TEXT NOT NULL CHECK (date(business_day) = business_day),
        owner TEXT NOT NULL,
        from_counter INTEGER NOT NULL CHECK (from_counter >= 1),
        from_clerk TEXT NOT NULL,
        from_service TEXT NOT NULL,
        to_service TEXT NOT NULL,
        to_counter INTEGER CHECK (to_counter >= 1),
        to_clerk TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 100),
        at TEXT NOT NULL,
        CHECK (to_counter IS NULL OR to_counter != from_counter),
        CHECK (to_service != from_service OR to_counter IS NOT NULL)
    ) STRICT""",
    "CREATE INDEX visit_handovers_ticket ON visit_handovers (ticket_id)",
    "CREATE INDEX visit_handovers_owner ON visit_handovers (business_day, owner)",
    "CREATE INDEX visit_handovers_to ON visit_handovers (business_day, to_counter)",
    """CREATE TRIGGER visit_handovers_no_update BEFORE UPDATE ON visit_handovers
        BEGIN SELECT RAISE(ABORT, 'visit_handovers is append-only'); END""",
    """CREATE TRIGGER visit_handovers_no_delete BEFORE DELETE ON visit_handovers
        BEGIN SELECT RAISE(ABORT, 'visit_handovers is append-only'); END""",
    f"""CREATE TABLE visit_notes (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        ticket_id INTEGER NOT NULL UNIQUE REFERENCES tickets(id),
        business_day TEXT NOT NULL CHECK (date(business_day) = business_day),
        service_code TEXT NOT NULL,
        counter INTEGER NOT NULL CHECK (counter >= 1),
        clerk TEXT NOT NULL,
        outcome TEXT CHECK (outcome IN ({OUTCOMES})),
        note TEXT NOT NULL CHECK (length(note) <= 200),
        at TEXT NOT NULL,
        CHECK (outcome IS NOT NULL OR length(note) > 0)
    ) STRICT""",
    "CREATE INDEX visit_notes_day ON visit_notes (business_day)",
    """CREATE TABLE quality_days (
        business_day TEXT PRIMARY KEY CHECK (date(business_day) = business_day),
        made_at TEXT NOT NULL,
        targets TEXT NOT NULL CHECK (json_valid(targets)),
        counter_minutes TEXT NOT NULL CHECK (json_valid(counter_minutes)),
        arrivals INTEGER NOT NULL CHECK (arrivals >= 0),
        served INTEGER NOT NULL CHECK (served >= 0),
        waits INTEGER NOT NULL CHECK (waits >= 0),
        wait_total_us INTEGER NOT NULL CHECK (wait_total_us >= 0),
        rated INTEGER NOT NULL CHECK (rated >= 0),
        satisfied INTEGER NOT NULL CHECK (satisfied BETWEEN 0 AND rated)
    ) STRICT, WITHOUT ROWID""",
    """CREATE TABLE quality_day_cells (
        business_day TEXT NOT NULL REFERENCES quality_days(business_day) ON DELETE CASCADE,
        hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
        service_code TEXT NOT NULL,
        counter INTEGER NOT NULL CHECK (counter >= 0),
        clerk TEXT NOT NULL,
        arrivals INTEGER NOT NULL CHECK (arrivals >= 0),
        figures TEXT NOT NULL CHECK (json_valid(figures)),
        PRIMARY KEY (business_day, hour, service_code, counter, clerk)
    ) STRICT, WITHOUT ROWID""",
    """CREATE INDEX queue_events_counters ON queue_events (counter, at) WHERE ticket_id IS NULL""",
)


def create_quality_tables(db: sqlite_utils.Database) -> None:
    for statement in STATEMENTS:
        db.execute(statement)
