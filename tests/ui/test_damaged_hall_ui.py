"""The windows on a damaged hall file (issue #12): it opens read-only, every window says so at its
top (the staff's with the offer of the newest good backup, the public screens in the customer's
words), a write is refused with the plain damaged-file message and changes nothing, the sign-in
cover leaves the strip usable, and once a restore has replaced the file the windows start again."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from damaged_files import damage_table, digest
from PySide6.QtWidgets import QMessageBox
from sign_in_data import PASSWORDS, cheap_hashing, set_up_accounts

from counter_app import paths
from counter_app.app import damage_of, hall_files, open_hall
from counter_app.qt_i18n import install_language
from counter_app.services.hall import Hall
from counter_app.ui.counter.window import CounterWindow
from counter_app.ui.hall_client import HallClient
from counter_app.ui.kiosk.window import KioskWindow
from counter_app.ui.launcher import _show_damage
from counter_app.ui.restore_offer import DamagedBar, ask_restore, restore_backup
from counter_app.ui.sign_in import CounterSignIn, CoverMode
from tests.ui.conftest import start_client

__all__ = ["cheap_hashing"]


@pytest.fixture
def damaged_file(tmp_path: Path) -> Path:
    """A hall with two numbers waiting and a good backup, then one page of a table damaged."""
    path = tmp_path / "hall.sqlite3"
    with open_hall(path, profile_file=paths.DEFAULT_PROFILE, create=True) as hall:
        hall.queue.issue("A")
        hall.queue.issue("A")
        assert hall.backups is not None
        hall.backups.backup()
    damage_table(path, "visit_notes")
    return path


@pytest.fixture
def damaged_client(qapp: object, damaged_file: Path) -> Iterator[HallClient[Hall]]:
    install_language("en")
    client = start_client(damaged_file)
    yield client
    client.worker.stop()


class Restart:
    def __init__(self) -> None:
        self.asked: list[object] = []
        self.started_again = 0

    def ask(self, window: object) -> None:
        self.asked.append(window)

    def again(self) -> None:
        self.started_again += 1


class Found:
    """A damaged file whose replacement the test decides."""

    def __init__(self) -> None:
        self.gone = False

    def replaced(self) -> bool:
        return self.gone


def show_damage(windows: list[Any], roles: list[str], found: Any, restart: Restart) -> None:
    _show_damage(argparse.Namespace(role=roles), windows, found, restart.ask, restart.again)


def test_the_counter_says_read_only_and_refuses_a_call_plainly(
    qtbot: Any, damaged_client: HallClient[Hall], damaged_file: Path
) -> None:
    before = digest(damaged_file)
    window = CounterWindow(damaged_client, 1, "0107", "en")
    qtbot.addWidget(window)
    window.show()
    found: list[object] = []
    damaged_client.submit(damage_of, found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=10_000)
    assert found[0] is not None
    restart = Restart()
    show_damage([window], ["counter"], found[0], restart)
    bar = window.menuWidget()
    assert isinstance(bar, DamagedBar) and not bar.public
    assert "open read-only, nothing can be saved" in bar.first.text()
    assert bar.restore_button is not None and bar.restore_button.isVisible()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10_000)  # what can be seen
    window.call_next()
    qtbot.waitUntil(lambda: window.banner.is_error, timeout=10_000)
    assert "damaged and open read-only: nothing was saved" in window.banner.text()
    assert window.model.rowCount() == 2
    bar.restore_button.click()
    assert restart.asked == [window]
    qtbot.waitUntil(lambda: not damaged_client.busy, timeout=10_000)
    assert digest(damaged_file) == before


def test_the_kiosk_tells_the_customer_without_a_restore_button(
    qtbot: Any, damaged_client: HallClient[Hall]
) -> None:
    window = KioskWindow(damaged_client, "en")
    qtbot.addWidget(window)
    show_damage([window], ["kiosk"], Found(), Restart())
    bar = window.menuWidget()
    assert isinstance(bar, DamagedBar) and bar.public and bar.restore_button is None
    assert bar.first.text() == "Numbers cannot be taken here at the moment."
    assert "ask at a counter" in bar.second.text()
    central = window.centralWidget()
    assert central is not None and not central.isEnabled()  # no press that could only be refused


def test_a_restore_elsewhere_starts_the_windows_again(qtbot: Any, damaged_client: HallClient[Hall]) -> None:
    window = CounterWindow(damaged_client, 1, "0107", "en")
    qtbot.addWidget(window)
    found, restart = Found(), Restart()
    show_damage([window], ["counter"], found, restart)
    qtbot.wait(2500)
    assert restart.started_again == 0  # the damaged file is still the one at the path
    found.gone = True
    qtbot.waitUntil(lambda: restart.started_again >= 1, timeout=10_000)


def test_the_sign_in_cover_leaves_the_strip_in_sight_and_sign_in_says_why_it_fails(
    qtbot: Any, qapp: object, tmp_path: Path, cheap_hashing: object
) -> None:
    install_language("en")
    path = tmp_path / "hall.sqlite3"
    with open_hall(path, profile_file=paths.DEFAULT_PROFILE, create=True) as hall:
        set_up_accounts(hall)
    damage_table(path, "visit_notes")
    client = start_client(path)
    try:
        window = CounterWindow(client, 1, None, "en")
        window.sign_in = control = CounterSignIn(window, client, 1, window.seat_clerk)
        qtbot.addWidget(window)
        window.resize(1366, 728)
        window.show()
        qtbot.waitUntil(lambda: control.covered, timeout=10_000)
        show_damage([window], ["counter"], Found(), Restart())
        bar = window.menuWidget()
        assert isinstance(bar, DamagedBar)
        qtbot.waitUntil(lambda: control.cover.geometry().top() >= bar.geometry().bottom(), timeout=5000)
        assert bar.isVisible() and bar.isEnabled() and bar.restore_button is not None
        assert bar.restore_button.isEnabled()
        control.cover.code.setText("c01")
        control.cover.secret.setText(PASSWORDS["c01"])
        control.cover.primary.click()
        qtbot.waitUntil(lambda: bool(control.cover.problem.text()), timeout=10_000)
        assert control.covered and control.cover.mode is CoverMode.SIGN_IN
        assert "damaged and open read-only" in control.cover.problem.text()
        assert control.cover.code.text() == "c01"  # what was typed stays
    finally:
        client.worker.stop()


def test_the_restore_is_asked_then_made_once_the_file_is_closed(
    qapp: object, damaged_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_language("en")
    asked: list[str] = []

    def answer_yes(box: QMessageBox) -> int:
        asked.append(box.informativeText())
        (yes,) = [b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.AcceptRole]
        yes.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer_yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    service = hall_files(damaged_file)
    chosen = ask_restore(service)
    assert chosen is not None and "Restore the newest good backup" in asked[0]
    assert not hall_files(damaged_file).check().ok  # asking changed nothing
    assert restore_backup(service, chosen)
    assert hall_files(damaged_file).check(full=True).ok
    with open_hall(damaged_file) as hall:
        assert damage_of(hall) is None
        assert hall.queue.issue("A").ticket.number == "A003"
    assert list(damaged_file.parent.glob("hall.sqlite3.before-restore-*"))


def test_no_answer_restores_nothing(
    qapp: object, damaged_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    before = digest(damaged_file)
    assert ask_restore(hall_files(damaged_file)) is None
    assert digest(damaged_file) == before


def test_gui_on_a_damaged_file_opens_read_only_with_the_strip(tmp_path: Path, damaged_file: Path) -> None:
    """``counter-app gui`` itself: the windows open (instead of only the restore question) and each
    shows the strip; nothing is written to the damaged file."""
    import os
    import subprocess
    import sys

    from PySide6.QtGui import QColor, QImage

    before = digest(damaged_file)
    env = dict(os.environ, COUNTER_APP_DB=str(damaged_file), QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    shot = tmp_path / "shot.png"
    command = [
        "gui",
        "--role",
        "counter",
        "--role",
        "supervisor",
        "--language",
        "en",
        "--screenshot",
        str(shot),
    ]
    done = subprocess.run(
        [sys.executable, "-m", "counter_app", *command],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "opened read-only" in done.stderr
    for name in ("shot-counter1.png", "shot-supervisor.png"):
        image = QImage(str(tmp_path / name))
        assert not image.isNull()
        assert image.pixelColor(4, 4) == QColor("#b3261e")  # the damaged-file strip
    assert digest(damaged_file) == before


@pytest.mark.parametrize(
    ("role", "first"),
    [("display", "Calls are paused for a moment."), ("rating", "Ratings cannot be given at the moment.")],
)
def test_the_public_screens_say_it_in_the_customers_words(
    qtbot: Any, damaged_client: HallClient[Hall], role: str, first: str
) -> None:
    from PySide6.QtWidgets import QMainWindow

    from counter_app.ui.rating import RatingWindow

    class Display(QMainWindow):  # the hall display's own window plays sounds at start
        language = "en"

    window = RatingWindow(damaged_client, 1, "en") if role == "rating" else Display()
    qtbot.addWidget(window)
    show_damage([window], [role], Found(), Restart())
    bar = window.menuWidget()
    assert isinstance(bar, DamagedBar) and bar.public and bar.restore_button is None
    assert bar.first.text() == first
    assert "damaged" not in bar.second.text()  # nothing of the file's state for the public
