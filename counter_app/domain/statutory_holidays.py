"""The public holidays fixed by law, for a year whose official holiday schedule is not published yet.

The State Council publishes next year's schedule (holidays, bridged weekends and make-up working days,
调休) in October–December, and ``chinese_calendar`` carries it only for the years it was released for.
For a later year the statutory days are still certain, because the law fixes them (全国年节及纪念日放假
办法, as amended in 2024, in force 2025-01-01; DOMAIN.md [W]):

* 元旦 1 January (1 day); 春节 除夕 to 初三 (4 days, lunar); 清明 the day of the solar term (1);
  劳动节 1–2 May (2); 端午 lunar 5/5 (1); 中秋 lunar 8/15 (1); 国庆 1–3 October (3).

Lunar dates and the 清明 solar term come from ``lunar_python`` (6tail's lunar calendar library), not from
a hand-made table. What the law does not fix — the make-up working days and the weekdays bridged into a
longer break — stays unknown until the schedule is published, so a date counted on these days alone is
*provisional* (``workdays.WorkCalendar`` says so).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from lunar_python import Lunar, Solar

LAW = "全国年节及纪念日放假办法（2024年修订，2025-01-01施行）"
"""The rule the fallback days come from, for the notes that cite it."""
FIRST_YEAR = 2025
"""The amended law's first year (春节 4 days, 劳动节 2 days): earlier years are never a fallback year."""


@lru_cache(maxsize=64)
def statutory_holidays(year: int) -> dict[date, str]:
    """The statutory public holidays of ``year`` with their names (春节 spans 除夕 to 初三)."""
    days: dict[date, str] = {date(year, 1, 1): "元旦"}
    new_year = _solar(Lunar.fromYmd(year, 1, 1).getSolar())
    for offset in range(-1, 3):  # 除夕 is the day before 初一, whether the 12th month has 29 or 30 days
        days[new_year + timedelta(days=offset)] = "春节"
    days[qingming(year)] = "清明"
    days[date(year, 5, 1)] = days[date(year, 5, 2)] = "劳动节"
    days[_solar(Lunar.fromYmd(year, 5, 5).getSolar())] = "端午"
    days[_solar(Lunar.fromYmd(year, 8, 15).getSolar())] = "中秋"
    for day in (1, 2, 3):
        days[date(year, 10, day)] = "国庆"
    return dict(sorted(days.items()))


def qingming(year: int) -> date:
    """The day of the 清明 solar term in ``year`` (4, 5 or 6 April)."""
    table = Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable()
    day = _solar(table["清明"])
    if day.year != year:  # the lunar year's table also holds the next year's terms under other keys
        raise ValueError(f"no 清明 found in {year}")
    return day


def _solar(solar: Solar) -> date:
    return date(solar.getYear(), solar.getMonth(), solar.getDay())
