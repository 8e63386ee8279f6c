"""A counter PC on a damaged hall file, with real processes (issue #12): the window opens the file
read-only and makes no backup of it; the hall's IT restores the newest good backup from the command
line while the window is open; the window notices that the file was replaced, starts again on the
restored file and works (and backs it up) as before. The damaged file is kept aside."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from damaged_files import damage_table

from counter_app.app import main, open_hall


def wait_for(condition: Callable[[], bool], seconds: float = 60.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


@pytest.mark.system
def test_a_restore_from_the_command_line_reopens_the_windows(tmp_path: Path) -> None:
    hall_file = tmp_path / "hall.sqlite3"
    with open_hall(hall_file, create=True) as hall:
        hall.queue.issue("A")
        assert hall.backups is not None
        made = hall.backups.backup()
    damage_table(hall_file, "visit_notes")
    log = tmp_path / "logs" / "counter-app.log"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), COUNTER_APP_DB=str(hall_file))
    window = subprocess.Popen(
        [sys.executable, "-m", "counter_app", "gui", "--role", "counter", "--language", "en"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def logged(text: str, times: int = 1) -> Callable[[], bool]:
        return lambda: log.exists() and log.read_text("utf-8", "replace").count(text) >= times

    try:
        assert wait_for(logged("the windows are read-only")), "the window did not open the damaged file"
        assert wait_for(logged("windows loaded"))
        assert not list((tmp_path / "backups").glob("hall-*"))[1:]  # only the good one made above
        assert main(["restore", made.folder, "--db", str(hall_file)]) == 0
        assert wait_for(logged("the windows start again")), "the window did not notice the restore"
        assert wait_for(logged("windows loaded", times=2)), "the window did not start again"
        assert wait_for(logged("backup made")), "the restored file is backed up as usual"
        assert window.poll() is None  # still running, on the restored file
    finally:
        window.send_signal(signal.SIGTERM)
        window.wait(30)
    assert list(tmp_path.glob("hall.sqlite3.before-restore-*"))
    with open_hall(hall_file) as hall:
        assert hall.queue.issue("A").ticket.number == "A002"
