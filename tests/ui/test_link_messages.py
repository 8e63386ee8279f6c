"""What the hall server's strip says, window by window, and what a backup number prints; the
display's rule for stale calls. No server needed: the link's answers are given here; the windows
through a real outage are in ``test_link_bar.py``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QObject, Signal

from counter_app.printing.ticket_slip import text_lines, ticket_slip_for, wording
from counter_app.qt_i18n import HallTexts, LocalTexts
from counter_app.services.hall import Hall
from counter_app.services.hall_link import LinkStatus
from counter_app.services.hand_over import HandOverReport
from counter_app.services.queue_views import Announcement
from counter_app.ui.display.window import STALE_CALL_S, fresh
from counter_app.ui.hall_client import HallClient
from counter_app.ui.kiosk.window import KioskWindow
from counter_app.ui.link_bar import CONTEXT, LinkBar, LinkWatch, add_link_bar, link_lines

AT = datetime(2026, 3, 2, 10, 2, 41)
EN = LocalTexts("en", CONTEXT)


def status(
    up: bool, *, since: datetime = AT, pending: int = 0, parked: int = 0, report: Any = None
) -> LinkStatus:
    return LinkStatus(
        server_up=up,
        since=since,
        pc="counter-3",
        tag="P3",
        pending=pending,
        parked=parked,
        oldest_pending=None,
        last_hand_over=report,
    )


class FakeHall:
    def __init__(self) -> None:
        self.link: LinkStatus | None = status(True)

    def link_status(self) -> LinkStatus | None:
        return self.link


class FakeClient(QObject):
    """Answers at once, on the GUI thread, what the fake hall's link says."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.hall = FakeHall()

    def submit(
        self, fn: Callable[[Any], Any], on_done: Callable[[Any], None], on_error: Callable[[Any], None]
    ) -> None:
        on_done(fn(self.hall))


@pytest.fixture
def fake(qapp: object) -> FakeClient:
    return FakeClient()


def watch_on(client: FakeClient) -> LinkWatch:
    return LinkWatch(client, parent=client)  # type: ignore[arg-type]


def test_a_counter_is_told_what_still_works_and_since_when(fake: FakeClient) -> None:
    watch = watch_on(fake)
    assert link_lines(watch, "counter", EN).first == "Connected to the hall server (this PC: counter-3 · P3)."
    fake.hall.link = status(False)
    watch.check()
    lines = link_lines(watch, "counter", EN)
    assert lines.look == "down"
    assert lines.first == (
        "The hall server cannot be reached since 10:02:41. This PC works alone and keeps retrying."
    )
    for works in ("current customer", "typing it (F7)", "applications", "account look-up", "payment slips"):
        assert works in lines.second


@pytest.mark.parametrize(
    ("role", "says"),
    [
        ("kiosk", "this PC's own series (such as BP3-001)"),
        ("display", "the last calls stay on screen"),
        ("supervisor", "this PC's own copy"),
        ("rating", "kept on this PC"),
    ],
)
def test_every_window_says_what_it_still_does(fake: FakeClient, role: str, says: str) -> None:
    watch = watch_on(fake)
    fake.hall.link = status(False)
    watch.check()
    assert says in link_lines(watch, role, EN, first_letter="B").second


def test_back_says_how_many_actions_were_handed_over_then_calms_down(
    fake: FakeClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = HandOverReport(applied=2)
    fake.hall.link = status(True, report=before)
    watch = watch_on(fake)
    fake.hall.link = status(False, report=before)
    watch.check()
    back = AT + timedelta(minutes=4)
    fake.hall.link = status(
        True, since=back, parked=1, report=HandOverReport(applied=5, already=1, conflicts=1)
    )
    watch.check()
    lines = link_lines(watch, "counter", EN)
    assert lines.look == "back"
    assert lines.first == "The hall server is back since 10:06:41: 7 actions of this PC handed over."
    assert "1 of them were settled as conflicts" in lines.second
    assert "1 actions wait for another PC" in lines.second
    watch.back_at -= 61  # a minute later the line is calm again
    assert link_lines(watch, "counter", EN).look == "calm"


def test_back_with_nothing_handed_over_does_not_repeat_an_old_count(fake: FakeClient) -> None:
    old = HandOverReport(applied=3)
    fake.hall.link = status(True, report=old)
    watch = watch_on(fake)
    fake.hall.link = status(False, report=old)
    watch.check()
    fake.hall.link = status(True, report=old)  # this outage left nothing to hand over
    watch.check()
    assert link_lines(watch, "kiosk", EN).first == (
        "The hall server is back since 10:02:41. This PC had nothing to hand over."
    )


def test_the_strip_keeps_its_height_and_leaves_the_window_below_it(qtbot: Any, fake: FakeClient) -> None:
    from PySide6.QtWidgets import QLabel, QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QLabel("the counter"))
    watch = watch_on(fake)
    bar = add_link_bar(window, watch, "counter", language="en")
    window.resize(1366, 768)
    window.show()
    below = window.findChild(QLabel, "")
    assert isinstance(bar, LinkBar) and below is not None
    height, top = bar.height(), window.centralWidget().layout().itemAt(1).widget().y()
    fake.hall.link = status(False)
    watch.check()
    qtbot.wait(50)
    assert bar.lines.look == "down"
    assert bar.height() == height
    assert window.centralWidget().layout().itemAt(1).widget().y() == top


def test_a_hall_with_no_server_shows_no_strip(qtbot: Any, client: HallClient[Hall]) -> None:
    kiosk = KioskWindow(client, "en")
    qtbot.addWidget(kiosk)
    bar = add_link_bar(kiosk, LinkWatch(client, parent=kiosk), "kiosk", language="en")
    kiosk.show()
    qtbot.waitUntil(lambda: bar.watch.answered, timeout=10_000)
    assert bar.watch.status is None and not bar.isVisible()


def test_a_backup_number_says_so_on_the_slip(qapp: object, hall: Hall) -> None:
    issued = hall.queue.issue("A")
    backup = replace(issued, ticket=replace(issued.ticket, number="AP1-007"))
    slip = ticket_slip_for(hall.profile, backup)
    assert slip.offline and slip.number == "AP1-007"
    note = "Hall server unreachable: a backup number from this PC"
    assert wording(slip, HallTexts("en")).offline == note
    assert any(note in line.text for line in text_lines(slip, HallTexts("en")))
    server = ticket_slip_for(hall.profile, issued)
    assert not server.offline and wording(server, HallTexts("en")).offline == ""
    assert all("backup" not in line.text for line in text_lines(server, HallTexts("en")))


@pytest.mark.parametrize(
    ("age_s", "spoken"), [(0, True), (STALE_CALL_S, True), (STALE_CALL_S + 1, False), (3600, False)]
)
def test_a_call_older_than_the_bound_is_not_spoken(age_s: int, spoken: bool) -> None:
    now = datetime(2026, 3, 2, 10, 30).astimezone()
    call = Announcement(event_id=9, number="A012", counter=3, recall=False, at=now - timedelta(seconds=age_s))
    assert fresh(call, now) is spoken


def test_an_outage_shorter_than_one_look_is_still_said(fake: FakeClient) -> None:
    fake.hall.link = status(True, report=None)
    watch = watch_on(fake)
    back = AT + timedelta(seconds=2)
    fake.hall.link = status(True, since=back, report=HandOverReport(applied=1))  # down and up between looks
    watch.check()
    assert link_lines(watch, "counter", EN).first == (
        "The hall server is back since 10:02:43: 1 actions of this PC handed over."
    )


def test_the_kiosk_strip_follows_the_language_its_customer_chose(qtbot: Any, fake: FakeClient) -> None:
    from PySide6.QtWidgets import QLabel, QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QLabel("the kiosk"))
    chosen = ["en"]
    watch = watch_on(fake)
    bar = add_link_bar(window, watch, "kiosk", language=lambda: chosen[0])
    fake.hall.link = status(False)
    watch.check()
    assert bar.first.text().startswith("The hall server cannot be reached")
    assert bar.shown_language == "en"
    chosen[0] = "zh_CN"
    watch.check()  # the next look, changed or not
    assert bar.shown_language == "zh_CN"
    assert bar.first.text() == link_lines(watch, "kiosk", LocalTexts("zh_CN", CONTEXT)).first
