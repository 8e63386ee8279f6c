"""Conversions between stored values and domain values.

Times are bound as ISO-8601 text with their offset and days as ``YYYY-MM-DD`` (``sql.bind``); read
back, SQLite gives that text and PostgreSQL gives ``datetime`` / ``date``: both are taken here.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from counter_app.domain.uuids import new_uuid as new_uuid


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds")


def parse_time(value: str | datetime | None) -> datetime | None:
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value) if value else None


def parse_day(value: str | date) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(value)


def parse_optional_day(value: str | date | None) -> date | None:
    return parse_day(value) if value else None


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def from_json(value: Any) -> Any:
    """A JSON column as Python values (SQLite gives the text; PostgreSQL's ``jsonb`` the values)."""
    return json.loads(value) if isinstance(value, str | bytes) else value
