"""Names and counter numbers are checked where they enter the services (issue #12), so the command
line and the windows refuse alike, before anything is written: on both stores."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from payment_data import account_line, account_number, payment_profile, write_list

from counter_app.domain.applications.workflow import Role
from counter_app.domain.errors import InvalidInput, NotFound
from counter_app.domain.queue import CounterState
from counter_app.services.hall import Hall

BAD_NAMES = ["x" * 100_000, "\x1b[2J\x1b[31m张三", "王\u202e五六", "\u2067李\u2069", "a\x00b"]


@pytest.mark.parametrize("name", BAD_NAMES)
def test_staff_names_are_bounded_and_readable(hall: Hall, name: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        hall.staff.add("0107", name, Role.SUPERVISOR)
    assert caught.value.code in ("name_too_long", "name_bad_characters")
    assert hall.staff.list() == []


def test_a_staff_code_with_a_bidi_override_is_refused(hall: Hall) -> None:
    with pytest.raises(InvalidInput) as caught:
        hall.staff.add("01\u202e07", "张三")
    assert caught.value.code == "staff_code_invalid" and hall.staff.list() == []


def test_a_readable_name_with_a_rare_character_is_kept(hall: Hall) -> None:
    assert hall.staff.add("0107", " 𠀀 明\t").name == "𠀀 明"


@pytest.mark.parametrize("name", BAD_NAMES)
def test_a_clerk_signing_in_with_an_unreadable_name_is_refused(hall: Hall, name: str) -> None:
    hall.queue.issue("A")
    with pytest.raises(InvalidInput):
        hall.queue.call_next(1, clerk=name)
    with pytest.raises(InvalidInput):
        hall.queue.set_counter_state(1, CounterState.OPEN, clerk=name)
    with pytest.raises(InvalidInput):
        hall.queue.cancel("A001", clerk=name)
    assert hall.views.status().waiting["A"] == 1  # still waiting: nothing called, nothing cancelled


@pytest.mark.parametrize("counter", [-1, 0, 99, 2**63, 2**64])
def test_counters_outside_the_hall_are_refused_before_the_store(hall: Hall, counter: int) -> None:
    hall.queue.issue("A")
    for act in (
        lambda: hall.queue.call_next(counter, clerk="0107"),
        lambda: hall.queue.call_number(counter, "A001", clerk="0107"),
        lambda: hall.queue.recall(counter),
        lambda: hall.queue.start_serving(counter),
        lambda: hall.queue.no_show(counter),
        lambda: hall.queue.finish(counter),
        lambda: hall.queue.transfer(counter, "B"),
        lambda: hall.queue.set_counter_state(counter, CounterState.PAUSED),
    ):
        with pytest.raises(NotFound) as caught:
            act()
        assert caught.value.code == "unknown_counter"
    assert hall.views.status().waiting["A"] == 1


@pytest.fixture
def pay_hall(make_hall: Callable[..., Hall], tmp_path: Path) -> Hall:
    hall = make_hall(profile_file=payment_profile(tmp_path / "profile"))
    hall.account_import.run(write_list(tmp_path / "list.csv", [account_line(1, name="张三明")]))
    return hall


@pytest.mark.parametrize("counter", [-1, 99, 2**63])
def test_a_payment_slip_for_a_counter_the_hall_does_not_have_is_refused(pay_hall: Hall, counter: int) -> None:
    with pytest.raises(NotFound):
        pay_hall.payments.record(account_number(1), ["wechat"], clerk="0107", counter=counter)
    assert pay_hall.payments.figures().guidance == 0


def test_a_payment_slip_with_an_ansi_clerk_is_refused(pay_hall: Hall) -> None:
    with pytest.raises(InvalidInput):
        pay_hall.payments.record(account_number(1), ["wechat"], clerk="\x1b]0;pwned\x07", counter=1)
    assert pay_hall.payments.figures().guidance == 0
    record = pay_hall.payments.record(account_number(1), ["wechat"], clerk=" 0107 ", counter=1)
    assert record.clerk == "0107"


def test_an_application_is_not_handed_over_to_an_unreadable_owner(hall: Hall) -> None:
    import application_data

    from counter_app.domain.applications.detail import ApplicationRequest

    ticket = hall.queue.issue("B").ticket
    detail = hall.applications.accept(
        ApplicationRequest(form=application_data.home(), ticket_id=ticket.id, counter=3), clerk="0107"
    )
    for owner in ("0108\u202e", "\x1b[8m0108", "x" * 1000):
        with pytest.raises(InvalidInput) as caught:
            hall.applications.hand_over(detail.number, to_owner=owner, clerk="0107")
        assert caught.value.field == "to_owner"
    assert hall.application_views.summary(detail.number).owner == "0107"


@pytest.mark.parametrize("counter", [-1, 99, 2**63])
def test_an_application_from_a_counter_the_hall_does_not_have_is_refused(hall: Hall, counter: int) -> None:
    import application_data

    from counter_app.domain.applications.detail import ApplicationRequest

    ticket = hall.queue.issue("B").ticket
    request = ApplicationRequest(form=application_data.home(), ticket_id=ticket.id, counter=counter)
    with pytest.raises(NotFound):
        hall.applications.accept(request, clerk="0107")
    assert hall.application_views.due(None).total == 0
