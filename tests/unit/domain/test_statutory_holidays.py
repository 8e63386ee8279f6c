"""Working days across 2025–2027: the library's official years, and the statutory-holiday fallback for a
year it does not cover yet (2027), with the hall's entered schedule taking over once published."""

from __future__ import annotations

from datetime import date

import chinese_calendar
import pytest

from counter_app.domain.errors import InvalidInput
from counter_app.domain.holiday_schedule import parse_schedule, parse_schedule_text, statutory_not_listed
from counter_app.domain.statutory_holidays import qingming, statutory_holidays
from counter_app.domain.workdays import HolidaySchedule, WorkCalendar, official_years

CAL = WorkCalendar()


# --- the statutory days, year by year ----------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "chuxi", "qingming_day", "duanwu", "zhongqiu"),
    [
        (2025, date(2025, 1, 28), date(2025, 4, 4), date(2025, 5, 31), date(2025, 10, 6)),
        (2026, date(2026, 2, 16), date(2026, 4, 5), date(2026, 6, 19), date(2026, 9, 25)),
        (2027, date(2027, 2, 5), date(2027, 4, 5), date(2027, 6, 9), date(2027, 9, 15)),
        (2028, date(2028, 1, 25), date(2028, 4, 4), date(2028, 5, 28), date(2028, 10, 3)),
    ],
)
def test_lunar_and_solar_term_holidays(
    year: int, chuxi: date, qingming_day: date, duanwu: date, zhongqiu: date
) -> None:
    days = statutory_holidays(year)
    assert [d for d, name in days.items() if name == "春节"] == [
        chuxi,
        date.fromordinal(chuxi.toordinal() + 1),
        date.fromordinal(chuxi.toordinal() + 2),
        date.fromordinal(chuxi.toordinal() + 3),
    ]
    assert qingming(year) == qingming_day and days[qingming_day] == "清明"
    assert days[duanwu] == "端午"
    assert days[zhongqiu] in ("中秋", "国庆")  # 2028: 中秋 falls on 3 October
    assert days[date(year, 1, 1)] == "元旦"
    assert days[date(year, 5, 1)] == days[date(year, 5, 2)] == "劳动节"
    assert [days[date(year, 10, d)] for d in (1, 2)] == ["国庆", "国庆"]


def test_2027_check_points_from_domain() -> None:
    days = statutory_holidays(2027)
    assert days[date(2027, 2, 5)] == "春节"  # 除夕
    assert days[date(2027, 2, 6)] == "春节"  # 初一
    assert len(days) == 13


@pytest.mark.parametrize("year", [2025, 2026])
def test_every_statutory_day_is_off_in_the_published_schedules(year: int) -> None:
    """The fallback agrees with the State Council schedules the library carries."""
    assert year in official_years()
    assert all(not chinese_calendar.is_workday(day) for day in statutory_holidays(year))


# --- counting working days across 2025–2027 ----------------------------------------------------


@pytest.mark.parametrize(
    ("day", "working", "provisional"),
    [
        (date(2025, 1, 1), False, False),  # 元旦 2025 (library)
        (date(2025, 1, 26), True, False),  # make-up Sunday before the 2025 Spring Festival
        (date(2025, 1, 28), False, False),  # 除夕 2025
        (date(2025, 2, 4), False, False),  # last day of the 2025 break
        (date(2026, 1, 1), False, False),
        (date(2026, 2, 14), True, False),  # make-up Saturday 2026
        (date(2026, 2, 17), False, False),  # 初一 2026
        (date(2026, 12, 31), True, False),
        (date(2027, 1, 1), False, True),  # 元旦 2027: a Friday, off by law, schedule unknown
        (date(2027, 1, 4), True, True),
        (date(2027, 2, 4), True, True),  # the Thursday before 除夕
        (date(2027, 2, 5), False, True),  # 除夕, a Friday
        (date(2027, 2, 8), False, True),  # 初三, a Monday
        (date(2027, 2, 9), True, True),  # bridging unknown until published: counted, provisionally
        (date(2027, 4, 5), False, True),  # 清明, a Monday
        (date(2027, 5, 3), True, True),
        (date(2027, 6, 9), False, True),  # 端午, a Wednesday
        (date(2027, 9, 15), False, True),  # 中秋, a Wednesday
        (date(2027, 10, 1), False, True),  # 国庆
        (date(2027, 10, 4), True, True),
    ],
)
def test_working_days_2025_to_2027(day: date, working: bool, provisional: bool) -> None:
    assert CAL.is_workday(day) is working
    assert (not CAL.is_official(day.year)) is provisional


@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        # Across 元旦 2027: 31 Dec, (1 Jan off), 4, 5, 6, 7 Jan.
        (date(2026, 12, 30), 5, date(2027, 1, 7)),
        # Across the Spring Festival 2027: Thu 4 Feb, (5–8 Feb off), 9, 10, 11, 12 Feb.
        (date(2027, 2, 3), 5, date(2027, 2, 12)),
        # Accepted on 除夕: counting starts after 初三.
        (date(2027, 2, 5), 1, date(2027, 2, 9)),
        # Across 清明 and 劳动节 2027.
        (date(2027, 4, 1), 2, date(2027, 4, 6)),
        (date(2027, 4, 29), 2, date(2027, 5, 3)),
        # 22 working days from Wed 20 Jan 2027 cross the Spring Festival: 21, 22, 25–29 Jan, 1–4 Feb,
        # (5–8 off), 9–12, 15–19, 22, 23 Feb.
        (date(2027, 1, 20), 22, date(2027, 2, 23)),
    ],
)
def test_due_dates_never_land_on_a_2027_statutory_holiday(start: date, n: int, due: date) -> None:
    result = CAL.add_workdays(start, n)
    assert result.day == due
    assert result.provisional_years == (2027,)
    assert result.day not in statutory_holidays(2027)


# --- the hall enters the published schedule -----------------------------------------------------

# A schedule in the file format, for these tests only (the dates are not the real 2027 schedule).
SCHEDULE_TEXT = """
year = 2027
source = "test notice"
holidays = [
    { name = "元旦", from = 2027-01-01, to = 2027-01-03 },
    { name = "春节", from = 2027-02-05, to = 2027-02-11 },
    "2027-04-05",
]
workdays = [2027-02-20]
"""


def test_entered_schedule_makes_the_year_official_with_its_bridges_and_make_up_days() -> None:
    schedule = parse_schedule_text(SCHEDULE_TEXT)
    assert schedule.year == 2027 and schedule.source == "test notice"
    hall = CAL.with_schedules([schedule])
    assert hall.is_official(2027)
    assert not hall.is_workday(date(2027, 2, 9))  # bridged into the break by the schedule
    assert hall.is_workday(date(2027, 2, 20))  # a make-up Saturday
    assert not hall.is_workday(date(2027, 6, 9))  # 端午 stays a holiday though the file left it out
    result = hall.add_workdays(date(2027, 2, 3), 5)
    assert result.day == date(2027, 2, 17)  # 4, (5–11 off), 12, 15, 16, 17
    assert not result.provisional


def test_later_schedule_for_the_same_year_counts_and_overrides_still_win() -> None:
    first = parse_schedule_text(SCHEDULE_TEXT)
    second = HolidaySchedule(2027, frozenset({date(2027, 2, 9)}), frozenset(), "corrected")
    hall = WorkCalendar.from_overrides(holidays=[date(2027, 2, 20)], schedules=[first, second])
    assert hall.is_workday(date(2027, 2, 10))  # only the later schedule counts for 2027
    assert not hall.is_workday(date(2027, 2, 9))
    assert not hall.is_workday(date(2027, 2, 20))  # the hall's own override


@pytest.mark.parametrize(
    ("table", "field"),
    [
        ({"year": 2027, "source": "x", "workdays": [date(2027, 10, 2)]}, "schedule.workdays"),  # 国庆
        ({"year": 2027, "source": "x", "workdays": [date(2027, 2, 17)]}, "schedule.workdays"),  # a Wed
        (
            {"year": 2027, "source": "x", "holidays": [date(2027, 2, 20)], "workdays": [date(2027, 2, 20)]},
            "schedule",
        ),
        ({"year": 2027, "source": "", "holidays": []}, "schedule.source"),
        ({"year": 1999, "source": "x"}, "schedule.year"),
        ({"year": 2027, "source": "x", "holidays": [date(2072, 1, 1)]}, "schedule.holidays[0]"),
        (
            {"year": 2027, "source": "x", "holidays": [{"from": date(2027, 2, 9), "to": date(2027, 2, 5)}]},
            "schedule.holidays[0]",
        ),
        ({"year": 2027, "source": "x", "holiday": []}, "schedule"),
    ],
)
def test_a_wrong_schedule_is_refused_naming_the_entry(table: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_schedule(table)
    assert caught.value.code == "bad_schedule"
    assert caught.value.field == field


def test_statutory_days_a_schedule_leaves_out_are_reported() -> None:
    schedule = parse_schedule_text(SCHEDULE_TEXT)
    missing = statutory_not_listed(schedule)
    assert date(2027, 6, 9) in missing and date(2027, 10, 1) in missing
    assert date(2027, 2, 5) not in missing
