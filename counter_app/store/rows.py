"""Conversions between SQLite values and domain values (times are ISO-8601 text with offset)."""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime
from typing import Any


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds")


def parse_time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def parse_day(text: str) -> date:
    return date.fromisoformat(text)


def new_uuid() -> str:
    return str(uuid.uuid4())


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
