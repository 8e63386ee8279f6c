"""The supervisor's dashboard asks for a supervisor's or administrator's sign-in in a hall with
accounts (issue #12): nothing is read or shown before, a clerk is refused plainly, it locks after the
idle minutes, and from it the supervisor unlocks a clerk locked after repeated wrong passwords."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sign_in_data import PASSWORDS, cheap_hashing, set_up_accounts

from counter_app import paths
from counter_app.app import open_hall
from counter_app.domain.errors import NotPermitted
from counter_app.qt_i18n import install_language
from counter_app.services.hall import Hall
from counter_app.ui.hall_client import HallClient
from counter_app.ui.launcher import _add_supervisor_sign_in, build_windows
from counter_app.ui.sign_in import LEAD_ROLES, CounterSignIn, CoverMode
from counter_app.ui.supervisor.accounts_tab import AccountsModel
from counter_app.ui.supervisor.window import TABS, SupervisorWindow
from tests.ui.conftest import start_client

__all__ = ["cheap_hashing"]


class Monotonic:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def accounts_file(tmp_path: Path, cheap_hashing: object) -> Path:
    path = tmp_path / "hall.sqlite3"
    with open_hall(path, profile_file=paths.DEFAULT_PROFILE, create=True) as hall:
        set_up_accounts(hall)
    return path


@pytest.fixture
def signed_client(qapp: object, accounts_file: Path) -> Iterator[HallClient[Hall]]:
    install_language("en")
    client = start_client(accounts_file)
    yield client
    client.worker.stop()


def dashboard(qtbot: Any, client: HallClient[Hall]) -> tuple[SupervisorWindow, CounterSignIn]:
    window = SupervisorWindow(client, "en", wait_for_sign_in=True)
    _add_supervisor_sign_in(window, client)
    qtbot.addWidget(window)
    window.show()
    assert window.sign_in is not None
    return window, window.sign_in


def sign_in(qtbot: Any, control: CounterSignIn, code: str, secret: str) -> None:
    control.cover.code.setText(code)
    control.cover.secret.setText(secret)
    control.cover.primary.click()
    qtbot.waitUntil(lambda: not control.covered or control.cover.primary.isEnabled(), timeout=10_000)


def test_nothing_is_read_before_a_supervisor_signs_in_and_a_clerk_is_refused(
    qtbot: Any, signed_client: HallClient[Hall]
) -> None:
    window, control = dashboard(qtbot, signed_client)
    assert control.covered and control.cover.mode is CoverMode.WAITING  # from the first paint
    assert not control.cover.primary.isVisible()
    qtbot.waitUntil(lambda: control.cover.mode is CoverMode.SIGN_IN, timeout=10_000)
    assert control.cover.title.text() == "Sign in to the dashboard"
    central = window.centralWidget()
    assert central is not None and not central.isEnabled()
    qtbot.waitUntil(lambda: not signed_client.busy, timeout=10_000)
    assert window.view is None and window.trend == ()  # no figure was even read
    assert window.outbox_status is None  # nor the records waiting for the central systems
    sign_in(qtbot, control, "c01", PASSWORDS["c01"])
    assert control.covered
    assert control.cover.problem.text().startswith("A clerk cannot open the supervisor dashboard")
    qtbot.waitUntil(lambda: not signed_client.busy, timeout=10_000)
    assert window.view is None
    sign_in(qtbot, control, "s01", "Wrong-Guess77")
    assert control.covered and control.cover.problem.text() == "Wrong staff code or password."
    sign_in(qtbot, control, "s01", PASSWORDS["s01"])
    assert not control.covered and central.isEnabled()
    qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
    assert window.lock_button.isVisible()  # the supervisor steps away: locked at once
    window.lock_button.click()
    assert control.covered and control.cover.mode is CoverMode.LOCKED


def test_a_supervisor_signs_in_with_the_keyboard_alone(qtbot: Any, signed_client: HallClient[Hall]) -> None:
    """Staff code, Tab, password, Enter: no mouse, as at the hall's PC."""
    window, control = dashboard(qtbot, signed_client)
    qtbot.waitUntil(lambda: control.cover.mode is CoverMode.SIGN_IN, timeout=10_000)
    qtbot.waitUntil(lambda: control.cover.code.hasFocus(), timeout=10_000)
    qtbot.keyClicks(control.cover.code, "s01")
    qtbot.keyClick(control.cover.code, Qt.Key.Key_Tab)
    assert control.cover.secret.hasFocus()
    qtbot.keyClicks(control.cover.secret, PASSWORDS["s01"])
    qtbot.keyClick(control.cover.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not control.covered, timeout=10_000)
    qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)


def test_an_administrator_may_open_it(qtbot: Any, signed_client: HallClient[Hall]) -> None:
    window, control = dashboard(qtbot, signed_client)
    qtbot.waitUntil(lambda: control.cover.mode is CoverMode.SIGN_IN, timeout=10_000)
    sign_in(qtbot, control, "admin", PASSWORDS["admin"])
    assert not control.covered
    qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)


def test_the_dashboard_locks_when_idle_and_its_supervisor_resumes(
    qtbot: Any, signed_client: HallClient[Hall], accounts_file: Path
) -> None:
    with open_hall(accounts_file) as hall:
        hall.users.sign_in("s01", PASSWORDS["s01"])
        hall.users.set_pin("s01", "480263", current=PASSWORDS["s01"])
    clock = Monotonic()
    window = SupervisorWindow(signed_client, "en", wait_for_sign_in=True)
    control = CounterSignIn(window, signed_client, None, lambda _code: None, roles=LEAD_ROLES, now=clock)
    control.admitted.connect(window.admit)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: control.cover.mode is CoverMode.SIGN_IN, timeout=10_000)
    sign_in(qtbot, control, "s01", PASSWORDS["s01"])
    qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
    window.show_tab("today")
    clock.t += 9 * 60
    control.check()
    assert not control.covered
    clock.t += 2 * 60
    control.check()
    assert control.covered and control.cover.mode is CoverMode.LOCKED
    assert control.cover.title.text() == "Dashboard locked"
    control.cover.secret.setText("480263")
    control.cover.primary.click()
    qtbot.waitUntil(lambda: not control.covered, timeout=10_000)
    assert TABS[window.tabs.currentIndex()] == "today"  # as it was left


def test_a_hall_without_accounts_shows_the_dashboard_at_once(qtbot: Any, client: HallClient[Hall]) -> None:
    window, control = dashboard(qtbot, client)
    qtbot.waitUntil(lambda: not control.covered, timeout=10_000)
    qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
    assert not window.lock_button.isVisible()  # nobody to resume it


def test_the_launcher_gives_the_dashboard_its_sign_in(qtbot: Any, signed_client: HallClient[Hall]) -> None:
    args = argparse.Namespace(role=["supervisor"], counter=None, hall=None)
    (window,) = build_windows(args, signed_client, "en", [], lambda: open_hall(":memory:"), lambda p: None)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    assert isinstance(window, SupervisorWindow) and window.sign_in is not None
    assert window.sign_in.roles == LEAD_ROLES and not window.admitted


def test_the_supervisor_unlocks_a_locked_clerk_from_the_dashboard(
    qtbot: Any, qtmodeltester: Any, signed_client: HallClient[Hall], accounts_file: Path
) -> None:
    with open_hall(accounts_file) as hall:
        for _ in range(5):
            with pytest.raises(NotPermitted):
                hall.users.sign_in("c01", "Wrong-Guess77")
        account = hall.store.users.user("c01")
        assert account is not None and account.lockout.locked
    window, control = dashboard(qtbot, signed_client)
    qtbot.waitUntil(lambda: control.cover.mode is CoverMode.SIGN_IN, timeout=10_000)
    sign_in(qtbot, control, "s01", PASSWORDS["s01"])
    window.show_tab("accounts")
    tab = window.accounts_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() == 4, timeout=10_000)
    qtmodeltester.check(tab.model)
    rows = {tab.model.row_at(r).code: r for r in range(4)}  # type: ignore[union-attr]
    locked = tab.model.index(rows["c01"], 4).data()
    assert locked.startswith("Locked since")
    assert tab.model.index(rows["c02"], 4).data() == "Can sign in"
    tab.choose("c02")
    assert not tab.unlock_button.isEnabled()  # nothing to unlock
    tab.choose("c01")
    assert tab.unlock_button.isEnabled()
    tab.unlock_button.click()
    qtbot.waitUntil(lambda: tab.model.index(rows["c01"], 4).data() == "Can sign in", timeout=10_000)
    assert window.banner.text() == "c01 can sign in again."
    with open_hall(accounts_file) as hall:
        account = hall.store.users.user("c01")
        assert account is not None and not account.lockout.locked
        assert hall.users.sign_in("c01", PASSWORDS["c01"]).staff == "c01"


def test_the_accounts_model_passes_qtmodeltester(qtmodeltester: Any) -> None:
    qtmodeltester.check(AccountsModel())
