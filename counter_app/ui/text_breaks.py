"""Line breaks where a reader expects them, in Chinese as in English.

Chinese text may wrap between any two characters, which is right for a long sentence but not inside
a quoted key name (请按“下一位”), a number and its unit (5.0 分钟, 12 人), a date or a time: a narrow box
then shows "请按“下一 / 位”" or "5.0分 / 钟". :func:`tidy` joins those pieces with WORD JOINER
(U+2060, no width, no glyph), which Qt's line breaker honours, so a label wraps only around them.
"""

from __future__ import annotations

import re

WORD_JOINER = "\u2060"

_UNITS = (
    "个工作日|個工作日|工作日|分钟|分鐘|小时|小時|秒|天|人|户|戶|号|號|元|张|張|"
    "kVA|kW|kV|V|min|days?|people|%"
)
_TOGETHER = re.compile(
    r"“[^”\n]{1,16}”|「[^」\n]{1,16}」|《[^》\n]{1,20}》|\"[^\"\n]{1,16}\""  # a quoted name
    r"|\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?"  # a date, with its time
    r"|\d{1,2}:\d{2}"  # a time
    rf"|[+-]?\d[\d,.]*\s?(?:{_UNITS})(?![A-Za-z])"  # a number and its unit
    r"|\[[A-Z0-9+]{1,10}\]"  # a key in brackets: [F1]
)


NO_BREAK_SPACE = "\u00a0"


def tidy(text: str) -> str:
    """``text`` with quoted names, numbers with their units, dates and times kept on one line (a
    space inside one becomes a no-break space: Qt breaks after a space even beside a joiner)."""

    def keep(match: re.Match[str]) -> str:
        return WORD_JOINER.join(match.group(0).replace(" ", NO_BREAK_SPACE))

    return _TOGETHER.sub(keep, plain(text))


def plain(text: str) -> str:
    """``text`` without what :func:`tidy` added (what a test or the clipboard wants)."""
    return text.replace(WORD_JOINER, "").replace(NO_BREAK_SPACE, " ")
