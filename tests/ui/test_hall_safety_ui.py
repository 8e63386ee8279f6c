"""The windows' side of issue #12's file safety: the records waiting for the central systems in the
status bar, the backups the windows keep, and a damaged hall file offered its newest good backup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtWidgets import QMessageBox

from counter_app.app import hall_files, open_hall
from counter_app.services.hall import Hall
from counter_app.store.sqlite.backup import backup_sets
from counter_app.ui.backup_keeper import BackupKeeper
from counter_app.ui.counter.window import CounterWindow
from counter_app.ui.hall_client import HallClient
from counter_app.ui.restore_offer import offer_restore


def test_the_status_bar_counts_the_records_waiting(qtbot: Any, client: HallClient, other: Hall) -> None:
    other.queue.issue("A")
    other.queue.issue("A")
    window = CounterWindow(client, 1, None, "en")
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.outbox_status.waiting is not None, timeout=10_000)
    assert window.outbox_status.waiting.events >= 2  # type: ignore[union-attr]
    assert "records waiting since" in window.outbox_status.text()


def test_the_keeper_backs_up_at_start_and_only_one_process_keeps(
    qtbot: Any, client: HallClient, hall_file: Path
) -> None:
    keeper = BackupKeeper(client, hall_file)
    second = BackupKeeper(client, hall_file)  # another process of the same hall: the lock is taken
    try:
        assert keeper.keeping and not second.keeping
        folder = hall_file.parent / "backups"
        qtbot.waitUntil(lambda: len(backup_sets(folder)) == 1, timeout=20_000)
        qtbot.waitUntil(lambda: not client.busy, timeout=10_000)
    finally:
        for made in (keeper, second):  # deleted here, on the GUI thread, once no reply is pending
            made._timer.stop()
            if made._thread is not None:
                made._thread.join(30)
            shiboken6.delete(made)


def _damage(path: Path) -> None:
    with open(path, "r+b") as f:
        f.seek(8 * 4096)
        f.write(b"\xa5" * 4 * 4096)


def test_a_damaged_hall_is_offered_its_newest_good_backup(
    qapp: object, hall_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hall = open_hall(hall_file)
    hall.queue.issue("A")
    assert hall.backups is not None
    hall.backups.backup()
    hall.close()
    _damage(hall_file)
    asked: list[str] = []

    def answer_yes(box: QMessageBox) -> int:
        asked.append(box.informativeText())
        (yes,) = [b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.AcceptRole]
        yes.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer_yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    assert offer_restore(lambda: hall_files(hall_file))
    assert "Restore the newest good backup" in asked[0]
    assert hall_files(hall_file).check(full=True).ok
    again = open_hall(hall_file)
    assert again.queue.issue("A").ticket.number == "A002"
    again.close()
    assert list(hall_file.parent.glob("hall.sqlite3.before-restore-*"))


def test_no_backup_says_so_and_changes_nothing(
    qapp: object, hall_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _damage(hall_file)
    before = hall_file.read_bytes()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    assert not offer_restore(lambda: hall_files(hall_file))
    assert hall_file.read_bytes() == before
