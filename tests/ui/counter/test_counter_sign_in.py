"""The counter's sign-in and idle lock through the real worker and hall file: nothing is served
before a password; after the idle minutes (a fake monotonic clock) the counter locks and resumes
exactly where the clerk was — the tab, what was typed, the customer at the counter — with the
clerk's PIN; anyone else signs in afresh; a new hall offers to create its administrator."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sign_in_data import PASSWORDS, cheap_hashing

from counter_app.app import open_hall
from counter_app.domain.roles import Role
from counter_app.qt_i18n import install_language
from counter_app.services.hall import Hall
from counter_app.ui.counter.window import CounterWindow
from counter_app.ui.hall_client import HallClient
from counter_app.ui.sign_in import CounterSignIn, CoverMode
from tests.ui.conftest import start_client

__all__ = ["cheap_hashing"]

PIN = "480263"


class Monotonic:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def accounts(hall_file: Path, cheap_hashing: object) -> Path:
    with open_hall(hall_file) as hall:
        hall.users.add("admin", "管理员", Role.ADMINISTRATOR, PASSWORDS["admin"])
        hall.users.sign_in("admin", PASSWORDS["admin"])
        hall.users.add("c01", "王丽", Role.CLERK, PASSWORDS["c01"])
        hall.users.add("c02", "李强", Role.CLERK, PASSWORDS["c02"])
        hall.users.set_pin("c01", PIN)
        hall.queue.issue("A")
    return hall_file


@pytest.fixture
def signed_client(qapp: object, accounts: Path) -> Iterator[HallClient]:
    install_language("en")
    client = start_client(accounts)
    yield client
    client.worker.stop()


def open_counter(qtbot: Any, client: HallClient, clock: Monotonic) -> tuple[CounterWindow, CounterSignIn]:
    window = CounterWindow(client, 1, None, "en")
    window.sign_in = CounterSignIn(window, client, 1, window.seat_clerk, now=clock)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    return window, window.sign_in


def answer(qtbot: Any, control: CounterSignIn, secret: str, code: str = "") -> None:
    if code:
        control.cover.code.setText(code)
    control.cover.secret.setText(secret)
    control.cover.primary.click()
    qtbot.waitUntil(lambda: not control.covered or control.cover.primary.isEnabled(), timeout=10_000)


def test_nothing_is_served_before_a_password(qtbot: Any, signed_client: HallClient, other: Hall) -> None:
    window, control = open_counter(qtbot, signed_client, Monotonic())
    qtbot.waitUntil(lambda: control.covered, timeout=10_000)
    assert control.cover.mode is CoverMode.SIGN_IN
    central = window.centralWidget()
    assert central is not None and not central.isEnabled()
    answer(qtbot, control, "Wrong-Guess77", code="c01")
    assert control.covered and control.cover.problem.text() == "Wrong staff code or password."
    answer(qtbot, control, PASSWORDS["c01"], code="c01")
    qtbot.waitUntil(lambda: not control.covered, timeout=10_000)
    assert window.clerk == "c01" and central.isEnabled()
    window.clerk_button.click()  # someone to take over: a password again, or back to the counter
    assert control.covered and control.cover.secondary.isVisible()
    control.cover.secondary.click()
    assert not control.covered and window.clerk == "c01"
    qtbot.waitUntil(lambda: other.views.counter_view(1).status.counter.clerk == "c01", timeout=10_000)


def test_the_idle_lock_resumes_exactly_where_the_clerk_was(qtbot: Any, signed_client: HallClient) -> None:
    from PySide6.QtWidgets import QLineEdit

    clock = Monotonic()
    window, control = open_counter(qtbot, signed_client, clock)
    qtbot.waitUntil(lambda: control.covered, timeout=10_000)
    answer(qtbot, control, PASSWORDS["c01"], code="c01")
    qtbot.waitUntil(lambda: not control.covered, timeout=10_000)
    window.call_next()
    qtbot.waitUntil(lambda: window.current_number.text() == "A001", timeout=10_000)
    notes = QLineEdit()
    window.add_panel("notes", lambda: notes)
    window.show_tab("notes")
    notes.setText("客户要求改约下午")
    tab = window.tabs.currentIndex()

    clock.t += 500.0
    handle = window.windowHandle()
    assert handle is not None
    QTest.keyClick(handle, Qt.Key.Key_Shift)  # the clerk touches the counter: the wait starts again
    clock.t += 599.0
    control.check()
    assert not control.covered  # not yet: 10 minutes is the default
    clock.t += 2.0
    control.check()
    assert control.covered and control.cover.mode is CoverMode.LOCKED
    assert "(c01)" in control.cover.note.text() and "王丽" not in control.cover.note.text()
    answer(qtbot, control, "111111")
    assert control.covered and control.cover.problem.text() == "Wrong PIN."
    answer(qtbot, control, PIN)
    qtbot.waitUntil(lambda: not control.covered, timeout=10_000)
    assert (window.tabs.currentIndex(), notes.text(), window.current_number.text()) == (
        tab,
        "客户要求改约下午",
        "A001",
    )
    assert window.clerk == "c01"


def test_someone_else_signs_in_afresh_from_a_locked_counter(qtbot: Any, signed_client: HallClient) -> None:
    clock = Monotonic()
    window, control = open_counter(qtbot, signed_client, clock)
    qtbot.waitUntil(lambda: control.covered, timeout=10_000)
    answer(qtbot, control, PASSWORDS["c01"], code="c01")
    qtbot.waitUntil(lambda: not control.covered, timeout=10_000)
    control.lock()
    control.cover.secondary.click()
    assert control.cover.mode is CoverMode.SIGN_IN
    answer(qtbot, control, PASSWORDS["c02"], code="c02")
    qtbot.waitUntil(lambda: not control.covered, timeout=10_000)
    assert window.clerk == "c02"


def test_a_new_hall_offers_to_create_its_administrator(
    qtbot: Any, client: HallClient, other: Hall, cheap_hashing: object
) -> None:
    window, control = open_counter(qtbot, client, Monotonic())
    qtbot.waitUntil(lambda: control.setup_needed, timeout=10_000)
    assert not control.covered  # the counter works as before until someone sets sign-in up
    window.clerk_button.click()
    assert control.covered and control.cover.mode is CoverMode.SET_UP
    control.cover.code.setText("admin")
    control.cover.name.setText("管理员")
    control.cover.again.setText("Something-Else1")
    answer(qtbot, control, PASSWORDS["admin"])
    assert control.covered and control.cover.problem.text() == "The two passwords differ."
    control.cover.again.setText(PASSWORDS["admin"])
    answer(qtbot, control, PASSWORDS["admin"])
    qtbot.waitUntil(lambda: control.cover.mode is CoverMode.SIGN_IN, timeout=10_000)
    assert not other.users.setup_needed()
    assert control.covered and "serves no customers" in control.cover.problem.text()
    assert window.clerk is None  # the administrator is not seated at the counter


def test_later_leaves_a_hall_without_accounts_open_and_never_locked(qtbot: Any, client: HallClient) -> None:
    clock = Monotonic()
    window, control = open_counter(qtbot, client, clock)
    qtbot.waitUntil(lambda: control.setup_needed, timeout=10_000)
    window.clerk_button.click()
    control.cover.secondary.click()
    assert not control.covered
    clock.t += 3600
    control.check()
    assert not control.covered
