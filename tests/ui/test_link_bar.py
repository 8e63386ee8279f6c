"""The windows of a PC of a hall with a server through an outage: the PC reaches its server through
a local TCP proxy the test cuts (a pulled cable), while another PC stays on the server directly.

Every window's strip says when the server cannot be reached and when it is back with how many
actions the PC handed over; the kiosk says a ticket is a backup number; the display keeps the last
calls and never speaks a call that is older than ``STALE_CALL_S`` when it learns of it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from counter_app import paths
from counter_app.app import open_pc, open_server_hall
from counter_app.qt_i18n import HallTexts, install_language
from counter_app.services.hall import Hall
from counter_app.ui.display.announcer import CallAnnouncer
from counter_app.ui.display.window import STALE_CALL_S, DisplayWindow
from counter_app.ui.hall_client import HallClient, HallWorker
from counter_app.ui.kiosk.window import KioskWindow
from counter_app.ui.link_bar import LinkBar, LinkWatch, add_link_bar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "system"))
from tcp_proxy import TcpProxy

WAIT_MS = 20_000  # a bound for a loaded test machine, not the hall's 3 s (bench/ measures that)
ZONE = ZoneInfo("Asia/Shanghai")  # the shipped profile's hall time


class ShiftedClock:
    """The other PC's clock: the hall's time now, or ``behind`` earlier (a call made long ago)."""

    def __init__(self) -> None:
        self.behind = timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(ZONE) - self.behind


@pytest.fixture
def server_dsn(pg_dsn: str, tmp_path: Path) -> str:
    """A hall on the test server with the shipped profile (``hall init``)."""
    open_server_hall(pg_dsn, tmp_path / "init.sqlite3", profile_file=paths.DEFAULT_PROFILE).close()
    return pg_dsn


@pytest.fixture
def cable(server_dsn: str) -> Iterator[TcpProxy]:
    fields = dict(part.split("=", 1) for part in server_dsn.split())
    proxy = TcpProxy(fields["host"], int(fields["port"]))
    yield proxy
    proxy.close()


@pytest.fixture
def pc_client(qapp: object, server_dsn: str, cable: TcpProxy, tmp_path: Path) -> Iterator[HallClient[Hall]]:
    """The PC under test: its way to the server runs through ``cable``."""
    install_language("en")
    fields = dict(part.split("=", 1) for part in server_dsn.split())
    fields.update(host="127.0.0.1", port=str(cable.port))
    dsn = " ".join(f"{k}={v}" for k, v in fields.items())
    worker: HallWorker[Hall] = HallWorker(lambda: open_pc(dsn, tmp_path / "pc.sqlite3", pc="pc-under-test"))
    worker.start()
    worker.ready.wait(30)
    assert worker.open_error is None, worker.open_error
    client: HallClient[Hall] = HallClient(worker)
    yield client
    worker.stop()


@pytest.fixture
def other_clock() -> ShiftedClock:
    return ShiftedClock()


@pytest.fixture
def other(server_dsn: str, tmp_path: Path, other_clock: ShiftedClock) -> Iterator[Hall]:
    """Another counter PC of the hall, on the server all along."""
    hall = open_server_hall(server_dsn, tmp_path / "other.sqlite3", clock=other_clock)
    yield hall
    hall.close()


def bar_on(window: Any, client: HallClient[Hall], role: str, qtbot: Any) -> LinkBar:
    qtbot.addWidget(window)  # deleted after the test, and with it the watch and its timer
    return add_link_bar(window, LinkWatch(client, parent=window), role, language="en")


def test_the_kiosk_says_when_the_server_goes_and_comes_back_and_its_tickets_are_backup_numbers(
    qtbot: Any, pc_client: HallClient[Hall], cable: TcpProxy
) -> None:
    kiosk = KioskWindow(pc_client, "en")
    bar = bar_on(kiosk, pc_client, "kiosk", qtbot)
    kiosk.show()
    qtbot.waitUntil(lambda: bar.lines.first.startswith("Connected to the hall server"), timeout=WAIT_MS)
    assert bar.isVisible() and "pc-under-test" in bar.lines.first
    height = bar.height()

    cable.cut("reset")
    qtbot.waitUntil(lambda: bar.lines.look == "down", timeout=WAIT_MS)
    assert bar.lines.first.startswith("The hall server cannot be reached since ")
    assert "keeps retrying" in bar.lines.first
    assert "this PC's own series (such as AP" in bar.lines.second
    assert bar.height() == height  # nothing under a finger moved

    kiosk.take(kiosk.profile.services[0], green=False)
    qtbot.waitUntil(lambda: kiosk.issued is not None, timeout=WAIT_MS)
    assert kiosk.issued is not None
    number = kiosk.issued.ticket.number
    assert number.startswith("AP") and "-" in number
    assert kiosk.result_offline.isVisible()
    assert "backup number from this PC" in kiosk.result_offline.text()

    cable.restore()
    qtbot.waitUntil(lambda: bar.lines.look == "back", timeout=WAIT_MS)
    assert bar.lines.first.startswith("The hall server is back since ")
    assert bar.lines.first.endswith(": 1 actions of this PC handed over.")
    assert bar.height() == height


def test_a_server_ticket_on_the_kiosk_says_nothing_of_backup_numbers(
    qtbot: Any, pc_client: HallClient[Hall]
) -> None:
    kiosk = KioskWindow(pc_client, "en")
    bar = bar_on(kiosk, pc_client, "kiosk", qtbot)
    kiosk.show()
    qtbot.waitUntil(lambda: bar.lines.first.startswith("Connected"), timeout=WAIT_MS)
    kiosk.take(kiosk.profile.services[0], green=False)
    qtbot.waitUntil(lambda: kiosk.issued is not None, timeout=WAIT_MS)
    assert kiosk.issued is not None and kiosk.issued.ticket.number == "A001"
    assert not kiosk.result_offline.isVisible() and kiosk.result_offline.text() == ""


def test_the_display_keeps_its_calls_offline_and_never_speaks_a_stale_one(
    qtbot: Any,
    pc_client: HallClient[Hall],
    cable: TcpProxy,
    other: Hall,
    other_clock: ShiftedClock,
) -> None:
    announcer = CallAnnouncer(HallTexts("en"), repeat=1, chime=False, engine="none")
    display = DisplayWindow(pc_client, "en", announcer=announcer)
    bar = bar_on(display, pc_client, "display", qtbot)
    display.show()
    qtbot.waitUntil(lambda: display.view is not None and bar.lines.look == "calm", timeout=WAIT_MS)
    for _ in range(3):
        other.queue.issue("A")
    other.queue.call_next(1)
    qtbot.waitUntil(lambda: announcer.history == ["Number A 0 0 1, please go to counter 1."], timeout=WAIT_MS)

    cable.cut("blackhole")  # a pulled cable: the PC learns of it only through its own timeouts
    qtbot.waitUntil(lambda: bar.lines.look == "down" and display.offline, timeout=WAIT_MS)
    assert "the last calls stay on screen" in bar.lines.second
    assert display.counter_rows[1][0].text() == "A001"  # the last calls stay
    other_clock.behind = timedelta(seconds=STALE_CALL_S + 240)  # a call the display never saw
    other.queue.call_next(2)
    other_clock.behind = timedelta(0)

    cable.restore()
    qtbot.waitUntil(lambda: display.counter_rows[2][0].text() == "A002", timeout=WAIT_MS)
    assert display.unspoken == ["A002"]
    assert not display.offline
    other.queue.call_next(4)  # a call made now is spoken as ever
    qtbot.waitUntil(lambda: len(announcer.history) == 2, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: announcer.pending == 0, timeout=WAIT_MS)
    assert announcer.history == [
        "Number A 0 0 1, please go to counter 1.",
        "Number A 0 0 3, please go to counter 4.",
    ]
    assert any("A002" in label.text() for label in display.recent_labels)  # shown, not spoken


@pytest.mark.qt_log_ignore("Couldn't (load|resolve) .*")  # the display's voice on a PC with no audio
def test_every_window_of_the_pc_says_the_server_is_unreachable(
    qtbot: Any, pc_client: HallClient[Hall], cable: TcpProxy
) -> None:
    """``gui --hall DSN --role …``: the launcher puts the strip on each role's window."""
    from types import SimpleNamespace

    from counter_app.printing.backends import NoPrinterBackend
    from counter_app.ui.launcher import build_windows

    roles = ["counter", "kiosk", "display", "supervisor", "rating"]
    args = SimpleNamespace(
        hall="service=hall", role=roles, counter=[1, 1], clerk=None, tab=None, rating="screen"
    )
    chosen = SimpleNamespace(counter=NoPrinterBackend(), ticket_paper="80mm", kiosk=None, kiosk_paper="80mm")
    windows = build_windows(args, pc_client, "en", [], pc_client.worker.opener, lambda _profile: chosen)  # type: ignore[arg-type]
    for window in windows:
        qtbot.addWidget(window)
        window.show()
    bars = {role: window.findChild(LinkBar) for role, window in zip(roles, windows, strict=True)}
    assert all(bar is not None and bar.isVisible() for bar in bars.values())
    cable.cut("reset")
    qtbot.waitUntil(lambda: all(bar.lines.look == "down" for bar in bars.values()), timeout=WAIT_MS)
    for role, bar in bars.items():
        assert bar.lines.first.startswith("The hall server cannot be reached since "), role
    assert "(F7)" in bars["counter"].lines.second
    assert "own series" in bars["kiosk"].lines.second
    assert "last calls stay" in bars["display"].lines.second
    assert "own copy" in bars["supervisor"].lines.second
    assert "kept on this PC" in bars["rating"].lines.second
    cable.restore()
    qtbot.waitUntil(lambda: all(bar.lines.look == "back" for bar in bars.values()), timeout=WAIT_MS)


def test_gui_with_a_hall_server_opens_the_pc_and_draws_the_strip(
    qapp: object, server_dsn: str, tmp_path: Path
) -> None:
    """``COUNTER_APP_HALL=DSN counter-app gui``: the PC (joined once) opens on its own store while
    its server cannot be reached, and the window is drawn with the red strip at its top."""
    import os
    import socket
    import subprocess

    from PySide6.QtGui import QColor, QImage

    local = tmp_path / "pc.sqlite3"
    open_pc(server_dsn, local, pc=socket.gethostname()).close()  # joined the hall once
    fields = dict(part.split("=", 1) for part in server_dsn.split())
    with socket.socket() as probe:  # a port nothing listens on: the server is unreachable
        probe.bind(("127.0.0.1", 0))
        fields.update(host="127.0.0.1", port=str(probe.getsockname()[1]))
    env = dict(
        os.environ,
        COUNTER_APP_HALL=" ".join(f"{k}={v}" for k, v in fields.items()),
        COUNTER_APP_DB=str(local),
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
    )
    shot = tmp_path / "kiosk.png"
    done = subprocess.run(
        [sys.executable, "-m", "counter_app", "gui", "--role", "kiosk", "--screenshot", str(shot)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    image = QImage(str(shot))
    assert not image.isNull()
    assert image.pixelColor(4, 4) == QColor("#b3261e")  # the strip says the server is unreachable
