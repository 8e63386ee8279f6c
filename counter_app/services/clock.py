"""Where services get the time from: the hall's wall clock, or a fixed or stepping clock in tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """Local time with its UTC offset, so stored times sort and subtract correctly."""
    return datetime.now().astimezone()


class PinnableClock:
    """A clock that reads another until :meth:`pin` fixes it at a moment: a PC handing over what it
    did offline replays each action at the time it was done."""

    def __init__(self, base: Clock) -> None:
        self.base = base
        self._pinned: datetime | None = None

    def __call__(self) -> datetime:
        return self._pinned if self._pinned is not None else self.base()

    def pin(self, moment: datetime | None) -> None:
        self._pinned = moment


def hall_clock(timezone: str) -> Clock:
    """The wall clock in the hall's time zone; the PC's own zone if that name is unknown here."""
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return system_clock

    def now() -> datetime:
        return datetime.now(zone)

    return now
