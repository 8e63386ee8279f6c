"""Working-day arithmetic on the official calendar, with the facts checked against chinese_calendar."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.errors import InvalidInput
from counter_app.domain.workdays import Suspension, WorkCalendar, official_years

CAL = WorkCalendar()


# --- the library facts these tests rely on (fail loudly if a library update changes them) ------


def test_library_schedule_facts() -> None:
    # Spring Festival 2026: 15–23 Feb off, Saturdays 14 Feb and 28 Feb worked (调休).
    assert all(not chinese_calendar.is_workday(date(2026, 2, d)) for d in range(15, 24))
    assert chinese_calendar.is_workday(date(2026, 2, 14)) and date(2026, 2, 14).weekday() == 5
    assert chinese_calendar.is_workday(date(2026, 2, 28)) and date(2026, 2, 28).weekday() == 5
    # National Day 2025: 1–8 Oct off; Sunday 28 Sep and Saturday 11 Oct worked.
    assert all(not chinese_calendar.is_workday(date(2025, 10, d)) for d in range(1, 9))
    assert chinese_calendar.is_workday(date(2025, 9, 28)) and chinese_calendar.is_workday(date(2025, 10, 11))
    # Mid-Autumn 25–27 Sep 2026, National Day 1–7 Oct 2026; Sunday 20 Sep and Saturday 10 Oct worked.
    assert not chinese_calendar.is_workday(date(2026, 9, 25))
    assert all(not chinese_calendar.is_workday(date(2026, 10, d)) for d in range(1, 8))
    assert chinese_calendar.is_workday(date(2026, 9, 20)) and chinese_calendar.is_workday(date(2026, 10, 10))
    assert 2026 in official_years() and 2027 not in official_years()


# --- is_workday -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 2, 14), True),  # make-up Saturday
        (date(2026, 2, 16), False),  # Spring Festival Monday
        (date(2026, 2, 23), False),  # last day of the 9-day break, a Monday
        (date(2026, 2, 24), True),
        (date(2026, 2, 28), True),  # make-up Saturday
        (date(2025, 9, 28), True),  # make-up Sunday
        (date(2025, 10, 8), False),  # Wednesday in the 8-day break
        (date(2026, 10, 10), True),  # make-up Saturday
        (date(2026, 11, 28), False),  # ordinary Saturday
        (date(2026, 11, 27), True),  # ordinary Friday
    ],
)
def test_is_workday_follows_the_official_schedule(day: date, working: bool) -> None:
    assert CAL.is_workday(day) is working


def test_datetime_is_treated_as_its_date() -> None:
    assert CAL.is_workday(datetime(2026, 2, 14, 9, 30)) is True
    hall = WorkCalendar.from_overrides(holidays=[datetime(2026, 11, 27, 8, 0)])
    assert hall.is_workday(date(2026, 11, 27)) is False


# --- add_workdays -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        # Residential, accepted Thu 12 Feb 2026: 13, 14 (Sat, worked), then 24, 25, 26 after the break.
        (date(2026, 2, 12), 5, date(2026, 2, 26)),
        (date(2026, 2, 13), 1, date(2026, 2, 14)),
        (date(2026, 2, 14), 1, date(2026, 2, 24)),
        # Accepted Fri 26 Sep 2025: 28 (Sun, worked), 29, 30, then 9, 10 Oct.
        (date(2025, 9, 26), 5, date(2025, 10, 10)),
        # Accepted Fri 18 Sep 2026: 20 (Sun, worked), 21, 22, 23, 24.
        (date(2026, 9, 18), 5, date(2026, 9, 24)),
        # Accepted Thu 24 Sep 2026, 6 days: 28, 29, 30 Sep, 8, 9, 10 (Sat, worked) Oct.
        (date(2026, 9, 24), 6, date(2026, 10, 10)),
        # Accepted on a holiday: counting starts with the first working day after it.
        (date(2026, 10, 3), 1, date(2026, 10, 8)),
        (date(2026, 11, 27), 0, date(2026, 11, 27)),
    ],
)
def test_add_workdays_across_holidays(start: date, n: int, due: date) -> None:
    result = CAL.add_workdays(start, n)
    assert result.day == due
    assert not result.provisional


def test_negative_limit_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        CAL.add_workdays(date(2026, 1, 5), -1)


# --- years the library does not cover ---------------------------------------------------------


def test_2027_skips_the_statutory_holidays_and_says_it_is_provisional() -> None:
    result = CAL.add_workdays(date(2026, 12, 30), 5)
    # 31 Dec, then 1 Jan 2027 (元旦, a Friday: a holiday by law even before the schedule), 4, 5, 6, 7 Jan.
    assert result.day == date(2027, 1, 7)
    assert result.provisional
    assert result.provisional_years == (2027,)
    assert not CAL.is_official(2027)
    assert CAL.is_official(2026)


def test_hall_overrides_fill_in_2027_and_can_confirm_it() -> None:
    hall = WorkCalendar.from_overrides(holidays=[date(2027, 1, 1)], confirmed_years=[2027])
    result = hall.add_workdays(date(2026, 12, 30), 5)
    assert result.day == date(2027, 1, 7)
    assert not result.provisional
    assert hall.is_official(2027)


def test_override_without_confirmation_stays_provisional() -> None:
    hall = WorkCalendar.from_overrides(holidays=[date(2027, 1, 1)])
    assert hall.add_workdays(date(2026, 12, 30), 5).provisional_years == (2027,)
    assert hall.provisional_years(date(2026, 12, 1), date(2028, 1, 1)) == (2027, 2028)


def test_overrides_beat_the_official_schedule() -> None:
    hall = WorkCalendar.from_overrides(workdays=[date(2026, 11, 28)], holidays=[date(2026, 11, 27)])
    assert hall.is_workday(date(2026, 11, 28)) and not hall.is_workday(date(2026, 11, 27))
    assert hall.add_workdays(date(2026, 11, 26), 1).day == date(2026, 11, 28)


def test_a_day_cannot_be_both_forced_workday_and_holiday() -> None:
    with pytest.raises(InvalidInput) as caught:
        WorkCalendar.from_overrides(workdays=[date(2027, 2, 6)], holidays=[date(2027, 2, 6)])
    assert caught.value.code == "calendar_override_clash"


# --- workdays_between ---------------------------------------------------------------------------


def test_workdays_between_counts_after_the_first_day_up_to_the_last() -> None:
    assert CAL.workdays_between(date(2026, 2, 12), date(2026, 2, 26)) == 5
    assert CAL.workdays_between(date(2026, 2, 26), date(2026, 2, 12)) == -5
    assert CAL.workdays_between(date(2026, 2, 15), date(2026, 2, 23)) == 0
    assert CAL.workdays_between(date(2026, 11, 27), date(2026, 11, 27)) == 0


# --- the stopped clock ----------------------------------------------------------------------------


def test_suspension_pushes_the_due_date_by_the_stopped_working_days() -> None:
    # Accepted Mon 9 Nov 2026, 5 days → Mon 16 Nov. Stopped Tue 10 → Thu 12: 11 and 12 do not count.
    stop = Suspension(date(2026, 11, 10), date(2026, 11, 12))
    result = CAL.due_date(date(2026, 11, 9), 5, [stop])
    assert result.day == date(2026, 11, 18)
    assert result.suspended_workdays == 2
    assert CAL.workdays_used(date(2026, 11, 9), date(2026, 11, 18), [stop]) == 5


def test_suspension_over_a_holiday_adds_only_working_days() -> None:
    # Accepted Thu 12 Feb 2026; stopped Fri 13 to Wed 25 Feb: 14, 24, 25 were working days.
    stop = Suspension(date(2026, 2, 13), date(2026, 2, 25))
    result = CAL.due_date(date(2026, 2, 12), 5, [stop])
    assert result.suspended_workdays == 3
    # Counted: 13 Feb, 26, 27, 28 (a worked Saturday), 2 Mar.
    assert result.day == date(2026, 3, 2)
    assert CAL.workdays_used(date(2026, 2, 12), result.day, [stop]) == 5


def test_open_suspension_runs_to_as_of() -> None:
    stop = Suspension(date(2026, 11, 10))
    with pytest.raises(ValueError):
        CAL.due_date(date(2026, 11, 9), 5, [stop])
    assert CAL.due_date(date(2026, 11, 9), 5, [stop], as_of=date(2026, 11, 12)).day == date(2026, 11, 18)
    assert CAL.due_date(date(2026, 11, 9), 5, [stop], as_of=date(2026, 11, 13)).day == date(2026, 11, 19)


def test_suspension_before_start_or_same_day_changes_nothing() -> None:
    plain = CAL.add_workdays(date(2026, 11, 9), 5).day
    assert CAL.due_date(date(2026, 11, 9), 5, [Suspension(date(2026, 11, 2), date(2026, 11, 6))]).day == plain
    assert (
        CAL.due_date(date(2026, 11, 9), 5, [Suspension(date(2026, 11, 10), date(2026, 11, 10))]).day == plain
    )


def test_suspension_cannot_end_before_it_starts() -> None:
    with pytest.raises(InvalidInput):
        Suspension(date(2026, 11, 10), date(2026, 11, 9))


# --- properties -----------------------------------------------------------------------------------

_days = st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31))


@given(_days, st.integers(min_value=0, max_value=40))
def test_between_is_the_inverse_of_add(start: date, n: int) -> None:
    due = CAL.add_workdays(start, n).day
    assert CAL.workdays_between(start, due) == n
    assert n == 0 or CAL.is_workday(due)


@given(
    _days, st.integers(min_value=1, max_value=30), st.integers(min_value=0, max_value=20), st.integers(0, 30)
)
def test_suspended_due_date_counts_exactly_n_running_days(
    start: date, n: int, offset: int, length: int
) -> None:
    stop = Suspension(start + timedelta(days=offset), start + timedelta(days=offset + length))
    result = CAL.due_date(start, n, [stop])
    assert result.day >= CAL.add_workdays(start, n).day
    assert CAL.workdays_used(start, result.day, [stop]) == n
    assert CAL.workdays_between(start, result.day) == n + result.suspended_workdays
