"""The hall display follows other processes' calls and announces each one once, in order."""

from __future__ import annotations

from typing import Any

from counter_app.qt_i18n import HallTexts
from counter_app.services.hall import Hall
from counter_app.ui.display.announcer import Call, CallAnnouncer
from counter_app.ui.display.window import DisplayWindow
from counter_app.ui.hall_client import HallClient


def quiet_announcer(repeat: int = 1) -> CallAnnouncer:
    return CallAnnouncer(HallTexts("en"), repeat=repeat, chime=False, engine="none")


def test_display_shows_and_announces_a_call_from_another_process(
    qtbot: Any, client: HallClient, other: Hall
) -> None:
    announcer = quiet_announcer()
    window = DisplayWindow(client, "en", announcer=announcer)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
    other.queue.issue("A")
    other.queue.call_next(2)
    qtbot.waitUntil(lambda: window.counter_rows[2][0].text() == "A001", timeout=10_000)
    qtbot.waitUntil(lambda: announcer.history == ["Number A 0 0 1, please go to counter 2."], timeout=10_000)
    assert "A001" in window.recent_labels[0].text()
    other.queue.recall(2)
    qtbot.waitUntil(lambda: len(announcer.history) == 2, timeout=8000)
    assert announcer.history[1] == "Number A 0 0 1, please come to counter 2 now."


def test_history_before_the_display_started_is_not_announced(
    qtbot: Any, client: HallClient, other: Hall
) -> None:
    other.queue.issue("A")
    other.queue.call_next(1)
    announcer = quiet_announcer()
    window = DisplayWindow(client, "en", announcer=announcer)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
    qtbot.wait(600)
    assert announcer.history == []
    assert window.counter_rows[1][0].text() == "A001"


def test_calls_are_queued_and_never_overlap(qtbot: Any) -> None:
    announcer = quiet_announcer(repeat=2)
    started: list[str] = []
    announcer.announcing.connect(lambda number, counter: started.append(f"{number}@{counter}"))
    announcer.announce(Call("A001", 1, False))
    announcer.announce(Call("B002", 3, False))
    assert announcer.pending == 4  # two calls, each said twice, one at a time
    qtbot.waitUntil(lambda: announcer.pending == 0, timeout=20_000)
    assert started == ["A001@1", "B002@3"]
    assert [h.split(",")[0] for h in announcer.history] == ["Number A 0 0 1"] * 2 + ["Number B 0 0 2"] * 2


def test_chinese_voice_text_reads_digits_one_by_one() -> None:
    texts = HallTexts("zh_CN")
    announcer = CallAnnouncer(texts, repeat=1, chime=False, engine="none")
    text = announcer.text_for(Call("A012", 3, False))
    assert "A零一二" in text and "3" in text


def test_a_call_is_announced_once_when_refreshes_overlap(qtbot: Any, client: HallClient, other: Hall) -> None:
    announcer = quiet_announcer()
    window = DisplayWindow(client, "en", announcer=announcer)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
    other.queue.issue("A")
    other.queue.call_next(2)
    window.refresh()
    window.refresh()  # a burst of changes: the second read waits for the first answer
    qtbot.waitUntil(lambda: window.counter_rows[2][0].text() == "A001", timeout=10_000)
    qtbot.waitUntil(lambda: announcer.pending == 0 and len(announcer.history) >= 1, timeout=10_000)
    qtbot.wait(600)
    assert announcer.history == ["Number A 0 0 1, please go to counter 2."]


def test_a_smaller_tv_gets_smaller_text_not_a_cut_off_screen(
    qtbot: Any, client: HallClient, other: Hall
) -> None:
    """Drawn for 1920×1080: on a 1366×768 screen the window keeps the screen's size and its text
    scales down (it grew to 953 px high, the waiting line and the notice below the screen)."""
    for code in "AB":
        other.queue.issue(code)
    other.queue.call_next(1)
    window = DisplayWindow(client, "en", announcer=quiet_announcer())
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
    qtbot.wait(50)
    assert window.size().toTuple() == (1366, 728)
    bottom = window.ticker.mapTo(window, window.ticker.rect().bottomLeft()).y()
    assert bottom <= 728
    big = window.counter_rows[1][0].font().pointSizeF()
    window.resize(1920, 1080)
    qtbot.wait(50)
    assert window.counter_rows[1][0].font().pointSizeF() > big
