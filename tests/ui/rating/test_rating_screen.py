"""The customer's rating screen on a real hall file: it follows the counter's finishes (another
process), asks once per ticket, records "not rated" when nobody answers in time, reasons only below
satisfied, and shows the clerk between customers; the dialog on the counter PC does the same."""

from __future__ import annotations

from typing import Any

import pytest

from counter_app.domain.errors import RuleViolation
from counter_app.domain.quality.facts import Rating
from counter_app.domain.quality.records import RatingSource
from counter_app.domain.queue import CounterState
from counter_app.services.hall import Hall
from counter_app.ui.hall_client import HallClient
from counter_app.ui.rating import RatingDialog, RatingWindow


def finish_one(other: Hall, counter: int = 1, service: str = "A") -> int:
    """Another counter PC serves and finishes one customer; the ticket's id."""
    ticket = other.queue.issue(service).ticket
    other.queue.call_number(counter, ticket.number)
    other.queue.finish(counter)
    return ticket.id


def open_screen(qtbot: Any, client: HallClient, counter: int = 1, timeout: float = 30) -> RatingWindow:
    window = RatingWindow(client, counter, "en", timeout_seconds=timeout)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
    return window


@pytest.fixture
def signed_in(other: Hall) -> Hall:
    other.staff.add("0101", "王丽")
    other.queue.set_counter_state(1, CounterState.OPEN, "王丽")
    return other


def test_idle_shows_the_hall_and_the_clerk_with_staff_number(
    qtbot: Any, client: HallClient, signed_in: Hall
) -> None:
    window = open_screen(qtbot, client)
    assert not window.panel.asking
    assert window.panel.clerk_label.text() == "王丽"
    assert window.panel.staff_label.text() == "Staff number 0101"
    assert window.panel.hall_label.text() == signed_in.profile.hall.name.get("en")


def test_a_finish_is_asked_about_and_answered_once(qtbot: Any, client: HallClient, signed_in: Hall) -> None:
    window = open_screen(qtbot, client)
    ticket_id = finish_one(signed_in)
    qtbot.waitUntil(lambda: window.panel.asking, timeout=10_000)
    window.panel.level_buttons[Rating.SATISFIED].click()
    qtbot.waitUntil(lambda: signed_in.quality.ratings.of_ticket(ticket_id) is not None, timeout=10_000)
    record = signed_in.quality.ratings.of_ticket(ticket_id)
    assert record is not None and (record.level, record.source, record.clerk) == (
        Rating.SATISFIED,
        RatingSource.SCREEN,
        "王丽",
    )
    assert window.panel.pages.currentIndex() == 3  # thanks
    # more changes in the hall: the same customer is never asked again, on this screen or another
    signed_in.queue.issue("B")
    window.refresh()
    second = open_screen(qtbot, client)
    qtbot.wait(300)
    assert not second.panel.asking and window.asker.handled == {ticket_id}
    with pytest.raises(RuleViolation):
        signed_in.quality.ratings.rate(Rating.NEUTRAL, ticket_id=ticket_id)


def test_no_answer_in_time_is_recorded_as_not_rated(qtbot: Any, client: HallClient, signed_in: Hall) -> None:
    window = open_screen(qtbot, client, timeout=0.3)
    ticket_id = finish_one(signed_in)
    qtbot.waitUntil(lambda: window.panel.asking, timeout=10_000)
    qtbot.waitUntil(lambda: signed_in.quality.ratings.of_ticket(ticket_id) is not None, timeout=10_000)
    record = signed_in.quality.ratings.of_ticket(ticket_id)
    assert record is not None and record.level is Rating.NOT_RATED and record.reasons == ()
    qtbot.waitUntil(lambda: window.panel.pages.currentIndex() == 0, timeout=10_000)  # back to idle


def test_reasons_are_asked_only_below_satisfied(qtbot: Any, client: HallClient, signed_in: Hall) -> None:
    window = open_screen(qtbot, client)
    first = finish_one(signed_in)
    qtbot.waitUntil(lambda: window.panel.asking, timeout=10_000)
    window.panel.level_buttons[Rating.VERY_SATISFIED].click()
    assert window.panel.pages.currentIndex() == 3  # straight to thanks: no reasons asked
    qtbot.waitUntil(lambda: signed_in.quality.ratings.of_ticket(first) is not None, timeout=10_000)
    second = finish_one(signed_in)
    qtbot.waitUntil(lambda: window.asker.ticket_id == second, timeout=10_000)
    window.panel.level_buttons[Rating.DISSATISFIED].click()
    assert window.panel.pages.currentIndex() == 2  # the reason chips
    window.panel.chips["long_wait"].click()
    window.panel.chips["attitude"].click()
    window.panel.submit_button.click()
    qtbot.waitUntil(lambda: signed_in.quality.ratings.of_ticket(second) is not None, timeout=10_000)
    record = signed_in.quality.ratings.of_ticket(second)
    assert record is not None and record.level is Rating.DISSATISFIED
    assert record.reasons == ("attitude", "long_wait")


def test_a_newer_customer_ends_the_unanswered_question(
    qtbot: Any, client: HallClient, signed_in: Hall
) -> None:
    window = open_screen(qtbot, client)
    first = finish_one(signed_in)
    qtbot.waitUntil(lambda: window.asker.ticket_id == first, timeout=10_000)
    second = finish_one(signed_in)
    qtbot.waitUntil(lambda: window.asker.ticket_id == second, timeout=10_000)
    qtbot.waitUntil(lambda: signed_in.quality.ratings.of_ticket(first) is not None, timeout=10_000)
    record = signed_in.quality.ratings.of_ticket(first)
    assert record is not None and record.level is Rating.NOT_RATED
    assert signed_in.quality.ratings.of_ticket(second) is None  # still being asked


def test_the_dialog_on_the_counter_pc(qtbot: Any, client: HallClient, signed_in: Hall) -> None:
    ticket_id = finish_one(signed_in)
    dialog = RatingDialog(client, ticket_id, "A001", timeout_seconds=30)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.panel.asking
    dialog.panel.level_buttons[Rating.NEUTRAL].click()
    dialog.panel.submit_button.click()  # no reason chosen: a neutral rating without reasons
    qtbot.waitUntil(lambda: signed_in.quality.ratings.of_ticket(ticket_id) is not None, timeout=10_000)
    record = signed_in.quality.ratings.of_ticket(ticket_id)
    assert record is not None and (record.level, record.source) == (Rating.NEUTRAL, RatingSource.DIALOG)


def test_in_dialog_mode_every_finish_at_the_counter_asks_the_customer(
    qtbot: Any, client: HallClient, signed_in: Hall
) -> None:
    """``[rating] mode = "dialog"`` (here ``--rating dialog``): the counter window opens the rating
    dialog for the customer it just finished, however it finished them: Finish (F6), the next call
    (F1) or a particular number called (F7)."""
    from argparse import Namespace

    from counter_app.ui.counter.window import CounterWindow
    from counter_app.ui.launcher import _add_handovers

    window = CounterWindow(client, 1, "王丽", "en")
    qtbot.addWidget(window)
    _add_handovers(window, client, 1, Namespace(rating="dialog"))
    window.show()
    qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
    numbers = [signed_in.queue.issue("A").ticket.number for _ in range(4)]
    asked: list[str] = []

    def dialog_for(number: str) -> None:
        def shown() -> bool:
            found = [d for d in window.findChildren(RatingDialog) if d.isVisible()]
            return bool(found) and found[-1].panel.ticket_label.text() == f"Ticket {number}"

        qtbot.waitUntil(shown, timeout=10_000)
        asked.append(number)
        for dialog in window.findChildren(RatingDialog):
            dialog.close()

    def serving(number: str) -> None:
        qtbot.waitUntil(
            lambda: window.current_number.text() == number and not window._keys_held(), timeout=10_000
        )
        window.start_serving()
        qtbot.waitUntil(lambda: window.current_detail.text().startswith("Being served"), timeout=10_000)
        qtbot.waitUntil(lambda: not window._keys_held(), timeout=10_000)

    window.call_next()
    serving(numbers[0])
    window.finish()  # F6
    dialog_for(numbers[0])
    qtbot.waitUntil(lambda: window.current_number.text() == "—" and not window._keys_held(), timeout=10_000)
    window.call_next()
    serving(numbers[1])
    window.call_next()  # F1 finishes the customer and calls the next
    dialog_for(numbers[1])
    serving(numbers[2])
    window.call_specific(numbers[3])  # F7
    dialog_for(numbers[2])
    assert asked == numbers[:3]
