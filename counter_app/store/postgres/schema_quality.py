"""Service quality's tables on the hall server (PostgreSQL): the same tables and constraints as the
SQLite migration :mod:`counter_app.store.sqlite.schema_quality`, in PostgreSQL's types, for the hall
server's migrations (#10) to apply after the queue's tables (they refer to ``tickets`` and
``queue_events``).

Times are ``timestamptz``, days ``date``; flags stay integers 0/1 and JSON stays text, as the
repositories bind and read them on both engines (:mod:`counter_app.store.sql`). Append-only tables
refuse UPDATE and DELETE by a trigger, as on SQLite.
"""

from __future__ import annotations

from counter_app.store.sqlite.schema_quality import LEVELS, OUTCOMES

_APPEND_ONLY = """CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$"""

STATEMENTS = (
    _APPEND_ONLY,
    f"""CREATE TABLE ratings (
        id BIGSERIAL PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        ticket_id BIGINT NOT NULL UNIQUE REFERENCES tickets(id),
        business_day DATE NOT NULL,
        level TEXT NOT NULL CHECK (level IN ({LEVELS})),
        reasons TEXT NOT NULL DEFAULT '[]' CHECK (json_typeof(reasons::json) = 'array'),
        service_code TEXT NOT NULL,
        counter INTEGER NOT NULL CHECK (counter >= 1),
        clerk TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('screen', 'dialog', 'cli')),
        at TIMESTAMPTZ NOT NULL,
        CHECK (reasons = '[]' OR level IN ('neutral', 'dissatisfied', 'very_dissatisfied'))
    )""",
    "CREATE INDEX ratings_day ON ratings (business_day)",
    "CREATE TRIGGER ratings_append_only BEFORE UPDATE OR DELETE ON ratings "
    "FOR EACH ROW EXECUTE FUNCTION refuse_change()",
    """CREATE TABLE visit_handovers (
        id BIGSERIAL PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        ticket_id BIGINT NOT NULL REFERENCES tickets(id),
        event_id BIGINT NOT NULL UNIQUE REFERENCES queue_events(id),
        business_day DATE NOT NULL,
        owner TEXT NOT NULL,
        from_counter INTEGER NOT NULL CHECK (from_counter >= 1),
        from_clerk TEXT NOT NULL,
        from_service TEXT NOT NULL,
        to_service TEXT NOT NULL,
        to_counter INTEGER CHECK (to_counter >= 1),
        to_clerk TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 100),
        at TIMESTAMPTZ NOT NULL,
        CHECK (to_counter IS NULL OR to_counter != from_counter),
        CHECK (to_service != from_service OR to_counter IS NOT NULL)
    )""",
    "CREATE INDEX visit_handovers_ticket ON visit_handovers (ticket_id)",
    "CREATE INDEX visit_handovers_owner ON visit_handovers (business_day, owner)",
    "CREATE INDEX visit_handovers_to ON visit_handovers (business_day, to_counter)",
    "CREATE TRIGGER visit_handovers_append_only BEFORE UPDATE OR DELETE ON visit_handovers "
    "FOR EACH ROW EXECUTE FUNCTION refuse_change()",
    f"""CREATE TABLE visit_notes (
        id BIGSERIAL PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        ticket_id BIGINT NOT NULL UNIQUE REFERENCES tickets(id),
        business_day DATE NOT NULL,
        service_code TEXT NOT NULL,
        counter INTEGER NOT NULL CHECK (counter >= 1),
        clerk TEXT NOT NULL,
        outcome TEXT CHECK (outcome IN ({OUTCOMES})),
        note TEXT NOT NULL CHECK (length(note) <= 200),
        at TIMESTAMPTZ NOT NULL,
        CHECK (outcome IS NOT NULL OR length(note) > 0)
    )""",
    "CREATE INDEX visit_notes_day ON visit_notes (business_day)",
    """CREATE TABLE quality_days (
        business_day DATE PRIMARY KEY,
        made_at TIMESTAMPTZ NOT NULL,
        targets TEXT NOT NULL,
        counter_minutes TEXT NOT NULL,
        arrivals INTEGER NOT NULL CHECK (arrivals >= 0),
        served INTEGER NOT NULL CHECK (served >= 0),
        waits INTEGER NOT NULL CHECK (waits >= 0),
        wait_total_us BIGINT NOT NULL CHECK (wait_total_us >= 0),
        rated INTEGER NOT NULL CHECK (rated >= 0),
        satisfied INTEGER NOT NULL CHECK (satisfied BETWEEN 0 AND rated)
    )""",
    """CREATE TABLE quality_day_cells (
        business_day DATE NOT NULL REFERENCES quality_days(business_day) ON DELETE CASCADE,
        hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
        service_code TEXT NOT NULL,
        counter INTEGER NOT NULL CHECK (counter >= 0),
        clerk TEXT NOT NULL,
        arrivals INTEGER NOT NULL CHECK (arrivals >= 0),
        figures TEXT NOT NULL,
        PRIMARY KEY (business_day, hour, service_code, counter, clerk)
    )""",
    "CREATE INDEX queue_events_counters ON queue_events (counter, at) WHERE ticket_id IS NULL",
)
