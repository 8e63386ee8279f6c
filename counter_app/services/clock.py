"""Where services get the time from: the hall's wall clock, or a fixed or stepping clock in tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """Local time with its UTC offset, so stored times sort and subtract correctly."""
    return datetime.now().astimezone()


def hall_clock(timezone: str) -> Clock:
    """The wall clock in the hall's time zone; the PC's own zone if that name is unknown here."""
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return system_clock

    def now() -> datetime:
        return datetime.now(zone)

    return now
