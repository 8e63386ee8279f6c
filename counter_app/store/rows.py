"""Conversions between SQLite values and domain values (times are ISO-8601 text with offset)."""

from __future__ import annotations

import json
import os
import time
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
    """A time-ordered UUID (version 7, RFC 9562): new keys land on the last page of their unique
    index instead of a random one, so a commit rewrites fewer pages as the file grows."""
    millis = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (
        (millis & 0xFFFF_FFFF_FFFF) << 80
        | 0x7 << 76
        | (rand >> 68 & 0xFFF) << 64
        | 0b10 << 62
        | rand & 0x3FFF_FFFF_FFFF_FFFF
    )
    return str(uuid.UUID(int=value))


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
