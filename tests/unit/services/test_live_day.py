"""Today's summary kept up to date by reading only what changed is always the summary of the whole
day: after new customers, calls, hand-overs, ratings of earlier customers, and a row committed out
of id order."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, time, timedelta

import pytest
from quality_data import SHANGHAI, TARGETS, day_of_visits
from quality_rows import to_millis, write_visits
from store_peek import peek

from counter_app.domain.quality.facts import Rating
from counter_app.domain.quality.summary import QualitySummary
from counter_app.domain.queue import CounterState
from counter_app.services.hall import Hall
from counter_app.services.quality.live import LiveDay
from counter_app.store.quality import QualityRepository

DAY = datetime(2025, 3, 3).date()


def whole_day(repo: QualityRepository) -> list[dict[str, object]]:
    return QualitySummary.of_visits(repo.visits(DAY, DAY), TARGETS).to_rows()


@pytest.fixture
def repo(hall: Hall) -> QualityRepository:
    write_visits(hall.store.sql, to_millis(day_of_visits(DAY, 400, seed=3)))
    return hall.store.quality


def test_each_change_leaves_the_whole_days_summary(hall: Hall, repo: QualityRepository, clock) -> None:
    live = LiveDay(DAY, TARGETS)
    assert live.refresh(repo).to_rows() == whole_day(repo)
    steps: list[Callable[[], object]] = []
    clock.set(datetime.combine(DAY, time(17, 0), tzinfo=SHANGHAI))
    q = hall.queue
    steps.append(lambda: q.set_counter_state(1, CounterState.OPEN, "S001"))
    issued: list[str] = []
    steps.append(lambda: issued.append(q.issue("A").ticket.number))
    steps.append(lambda: q.call_number(1, issued[0]))
    steps.append(lambda: q.transfer(1, "C", reason="需专人处理", to_counter=2))
    steps.append(lambda: q.call_number(2, issued[0]))
    steps.append(lambda: q.finish(2))
    steps.append(lambda: hall.quality.ratings.rate(Rating.NEUTRAL, number=issued[0], reasons=["long_wait"]))
    unrated = (
        peek(hall)
        .execute(
            """SELECT t.id FROM tickets t WHERE t.state = 'done'
           AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.ticket_id = t.id) LIMIT 1"""
        )
        .fetchone()[0]
    )
    steps.append(lambda: hall.quality.ratings.rate(Rating.SATISFIED, ticket_id=unrated))  # an earlier one
    for step in steps:
        clock.advance(minutes=3)
        step()
        assert live.refresh(repo).to_rows() == whole_day(repo)
    assert (
        live.refresh(repo).figures().rated
        == QualitySummary.of_visits(repo.visits(DAY, DAY), TARGETS).figures().rated
    )


def test_a_row_committed_out_of_id_order_is_not_missed(hall: Hall, repo: QualityRepository) -> None:
    unrated = [
        r[0]
        for r in peek(hall).execute(
            """SELECT t.id FROM tickets t WHERE t.state = 'done'
               AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.ticket_id = t.id) LIMIT 2"""
        )
    ]
    live = LiveDay(DAY, TARGETS)
    live.refresh(repo)
    insert = """INSERT INTO ratings (id, uuid, ticket_id, business_day, level, reasons, service_code, counter,
                    clerk, source, at) SELECT ?, ?, id, business_day, ?, '[]', service_code, counter, clerk,
                    'screen', finished_at FROM tickets WHERE id = ?"""
    low = peek(hall).execute("SELECT MAX(id) FROM ratings").fetchone()[0] + 1
    peek(hall).execute(insert, [low + 1000, "late-high", "satisfied", unrated[0]])  # a high id first
    assert live.refresh(repo).to_rows() == whole_day(repo)
    peek(hall).execute(insert, [low, "late-low", "very_dissatisfied", unrated[1]])  # a lower id, later
    assert live.refresh(repo).to_rows() == whole_day(repo)
    assert json.dumps(live.refresh(repo).figures().ratings.get(Rating.VERY_DISSATISFIED, 0)) != "0"


def test_another_days_changes_are_left_out(hall: Hall, repo: QualityRepository, clock) -> None:
    live = LiveDay(DAY, TARGETS)
    before = live.refresh(repo).to_rows()
    clock.set(datetime.combine(DAY + timedelta(days=1), time(9, 0), tzinfo=SHANGHAI))
    hall.queue.issue("A")  # the next day: also closes the day's open tickets (expired events)
    assert live.refresh(repo).to_rows() == whole_day(repo)
    assert live.refresh(repo).figures().arrivals == QualitySummary.from_rows(before).figures().arrivals
