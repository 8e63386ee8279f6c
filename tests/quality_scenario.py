"""The small day of ``quality_data.VISITS`` played through the real services on a test clock: every
number taken, called, served, handed over, rated, as clerks and customers would. What the store then
reads back must be those same visits, and every figure the hand count in ``test_quality_figures``.

The profile is the shipped one with a wait target of 10 minutes for A (``quality_data.TARGETS``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from quality_data import at

from counter_app import paths
from counter_app.domain.quality.facts import Rating
from counter_app.domain.queue import CounterState
from counter_app.services.hall import Hall

PROFILE_TEXT = paths.DEFAULT_PROFILE.read_text(encoding="utf-8").replace(
    'code = "A"\n', 'code = "A"\ntarget_wait_minutes = 10\n', 1
)
CLERKS = {n: f"S00{n}" for n in range(1, 7)}


def play_day(hall: Hall, set_clock: Callable[[datetime], None]) -> dict[str, int]:
    """Play VISITS on ``hall`` (whose clock ``set_clock`` moves); ticket ids by visit letter."""

    def when(clock: str) -> None:
        set_clock(at(clock))

    q, ratings = hall.queue, hall.quality.ratings
    when("08:55")
    for number, clerk in CLERKS.items():
        q.set_counter_state(number, CounterState.OPEN, clerk)
    ids: dict[str, int] = {}
    when("09:00")
    ids["v1"] = q.issue("A").ticket.id  # A001
    when("09:04")
    q.call_number(1, "A001")
    when("09:04:30")
    q.start_serving(1)
    when("09:05")
    ids["v2"] = q.issue("A").ticket.id  # A002
    when("09:08:30")
    q.finish(1)
    ratings.rate(Rating.VERY_SATISFIED, ticket_id=ids["v1"])
    when("09:10")
    ids["v3"] = q.issue("B", green=True, green_reason="elderly").ticket.id  # V001
    when("09:11")
    q.call_number(3, "V001")
    when("09:12")
    q.start_serving(3)
    when("09:17")
    q.call_number(2, "A002")
    when("09:20")
    ids["v4"] = q.issue("A").ticket.id  # A003
    q.transfer(3, "C")  # passed on without a hand-over
    when("09:23")
    q.finish(2)
    ratings.rate(Rating.NEUTRAL, ticket_id=ids["v2"], reasons=["long_wait"])
    when("09:30")
    q.call_number(5, "V001")
    q.call_number(1, "A003")
    when("09:32")
    q.no_show(1)
    when("09:40")
    ids["v5"] = q.issue("C").ticket.id  # C001
    q.finish(5)
    ratings.rate(Rating.SATISFIED, ticket_id=ids["v3"])
    when("09:41")
    q.requeue("A003")
    when("09:45")
    q.cancel("C001", clerk="c1")
    when("09:50")
    q.call_number(1, "A003")
    when("09:51")
    current = q.start_serving(1)
    when("09:52")
    hall.payments.record("9900000001", ["wsgw"], clerk="S001", counter=1, ticket=current)
    when("09:54")
    q.finish(1)
    ratings.rate(Rating.NOT_RATED, ticket_id=ids["v4"])
    when("10:15")
    ids["v6"] = q.issue("D").ticket.id  # D001
    when("10:45")
    q.call_number(6, "D001")
    when("10:50")
    q.transfer(6, "A", reason="需专人处理", to_counter=2)
    when("11:00")
    q.call_number(2, "D001")
    when("11:04")
    q.finish(2)
    ratings.rate(Rating.VERY_DISSATISFIED, ticket_id=ids["v6"], reasons=["attitude", "paperwork"])
    return ids
