"""A clock that jumps: when a new business day is too far from the last one to be believed.

The first action of a new business day closes the day before (its open tickets expire). A PC clock
set a year ahead (a flat CMOS battery, a wrong NTP answer, ``faketime``) would close the real day and
move the hall into the future, so a new day beyond a sane bound is not taken by itself: the action
is refused, the refusal logged, and a supervisor confirms the new day or fixes the clock
(``counter-app day confirm`` / ``day repair``).

The bound is the profile's ``[clock]`` table: ``max_days_ahead`` (default 7: a week-long holiday
closes a township hall; a longer gap is a wrong clock more often than a hall reopening) and
``new_year_days`` (default 3: a day in another year is believed only this close to the last one).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from counter_app.domain.errors import InvalidInput

CONFIRMED_DAY_KEY = "clock.confirmed_day"
"""``hall_meta`` key: the new business day a supervisor confirmed despite the bound."""


@dataclass(frozen=True)
class ClockSettings:
    max_days_ahead: int = 7
    new_year_days: int = 3


def clock_settings(raw: Mapping[str, Any]) -> ClockSettings:
    """The ``[clock]`` table of a profile; :class:`InvalidInput` naming a bad value."""
    table = raw.get("clock", {})
    if not isinstance(table, Mapping):
        raise InvalidInput("clock must be a table", field="clock", code="bad_profile")
    values: dict[str, int] = {}
    for key, default in (("max_days_ahead", 7), ("new_year_days", 3)):
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 366:
            raise InvalidInput(
                f"clock.{key} must be a whole number 1..366, not {value!r}",
                field=f"clock.{key}",
                code="bad_profile",
            )
        values[key] = value
    return ClockSettings(**values)


def implausible_jump(last: date, new: date, settings: ClockSettings) -> bool:
    """Whether moving the hall from business day ``last`` to ``new`` needs a supervisor."""
    gap = (new - last).days
    if gap <= 0:
        return False
    if gap > settings.max_days_ahead:
        return True
    return new.year != last.year and gap > settings.new_year_days
