"""Chinese wraps where a reader expects it: never inside a quoted key name (请按“下一位”), a number and
its unit (5.0 分钟), a date or a time, as narrow boxes did ("请按“下一 / 位”。", "5.0分 / 钟")."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel

from counter_app.ui import style
from counter_app.ui.counter.window import CounterWindow
from counter_app.ui.hall_client import HallClient
from counter_app.ui.text_breaks import WORD_JOINER, plain, tidy

#: What must stay on one line, as the clerk reads it.
TOGETHER = re.compile(r"“[^”]+”|\d+(?:\.\d+)?\s?(?:分钟|人|元)|\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?")


def lines(text: str, width: float, size: float = 12) -> list[str]:
    """How a word-wrapping label breaks ``text`` at ``width`` pixels (as QLabel does)."""
    layout = QTextLayout(text, style.font(size))
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    out = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        out.append(plain(text[line.textStart() : line.textStart() + line.textLength()]))
    layout.endLayout()
    return out


def broken(label_lines: list[str]) -> list[str]:
    """The pieces that should have stayed together but were split across lines."""
    whole = "".join(label_lines)
    pieces = [m.group(0) for m in TOGETHER.finditer(whole)]
    return [p for p in pieces if not any(p in line for line in label_lines)]


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize(
    "text",
    [
        "暂无客户。请按“下一位”。",
        "本窗口今日：办结 12 人 · 过号 0 人 · 平均办理 5.0 分钟 · 平均等候 1.3 分钟",
        "用户清单：共 600 户，数据截至 2026-12-02（导入于 2026-12-03 01:16）",
        "下次交电费可以在网上办理，无需排队。详情请咨询工作人员或拨打 95598。",
    ],
)
def test_tidy_text_breaks_only_between_pieces(text: str) -> None:
    for width in range(60, 420, 7):
        assert broken(lines(tidy(text), width)) == [], (width, lines(tidy(text), width))
    assert plain(tidy(text)) == text and WORD_JOINER not in plain(tidy(text))


@pytest.mark.usefixtures("qapp")
def test_untidy_text_did_break_inside_them() -> None:
    """The check itself sees the old breaks (a test that cannot fail is a defect)."""
    text = "本窗口今日：办结 12 人 · 过号 0 人 · 平均办理 5.0分钟 · 平均等候 1.3分钟"
    assert any(broken(lines(text, width)) for width in range(60, 420, 7))


def label_lines(label: QLabel) -> list[str]:
    return lines(label.text(), label.contentsRect().width(), label.font().pointSizeF())


def test_the_counters_narrow_boxes_keep_words_whole(qtbot: Any, zh_client: HallClient) -> None:
    window = CounterWindow(zh_client, 1, "王丽", "zh_CN")
    qtbot.addWidget(window)
    window.resize(1366, 698)
    window.show()
    qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
    assert plain(window.current_service.text()) == "暂无客户，请按“下一位”。"
    labels = [window.current_service, window.current_detail, *window.figures.values.values()]
    for label in labels:
        assert broken(label_lines(label)) == [], plain(label.text())
    for value in window.figures.values.values():
        assert len(label_lines(value)) == 1  # a figure and its unit on one line, in a fixed grid
