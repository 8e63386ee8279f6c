"""Counters open in each hour of a day, from the queue's counter events (open, paused, closed).

A counter counts as open from a ``counter_open`` event until its next ``counter_paused`` or
``counter_closed``; before its first event it counts as closed (nobody has signed in). The result is
counter-minutes per hour of the day (the hour of the hall's clock): 60 is one counter open for the
whole hour. Charts show the average number of counters open, the minutes ÷ 60 per day.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta

OPEN = "counter_open"
_HOUR = timedelta(hours=1)


def _add(minutes: dict[int, float], start: datetime, end: datetime) -> None:
    moment = start
    while moment < end:
        boundary = moment.replace(minute=0, second=0, microsecond=0) + _HOUR
        stop = min(boundary, end)
        minutes[moment.hour] = minutes.get(moment.hour, 0.0) + (stop - moment).total_seconds() / 60
        moment = stop


def counter_minutes_by_hour(
    counters: Iterable[int],
    before: Mapping[int, str],
    events: Sequence[tuple[int, str, datetime]],
    start: datetime,
    end: datetime,
) -> dict[int, float]:
    """Counter-minutes open per hour between ``start`` and ``end``: ``before`` holds each counter's
    last state event before ``start``, ``events`` the state events in between, in order."""
    minutes: dict[int, float] = {}
    for counter in counters:
        is_open = before.get(counter) == OPEN
        since = start
        for number, kind, at in events:
            if number != counter:
                continue
            at = min(max(at, start), end)
            if is_open:
                _add(minutes, since, at)
            is_open, since = kind == OPEN, at
        if is_open:
            _add(minutes, since, end)
    return dict(sorted(minutes.items()))


def average_counters_open(per_day: Iterable[Mapping[int, float]], days: int) -> dict[int, float]:
    """Average counters open per hour over ``days`` days, from each day's counter-minutes."""
    total: dict[int, float] = {}
    for minutes in per_day:
        for hour, value in minutes.items():
            total[hour] = total.get(hour, 0.0) + value
    return {hour: value / 60 / max(1, days) for hour, value in sorted(total.items())}
