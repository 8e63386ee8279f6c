"""Replies from the worker reach the window that asked, and nobody once that window is gone; the
worker's jobs are typed from the window to the service; only the launcher opens the hall."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject

from counter_app.ui.hall_client import HallClient


class Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[object] = []

    def take(self, value: object) -> None:
        self.seen.append((self.objectName(), value))  # a deleted object raises here


def test_a_reply_to_a_deleted_window_is_dropped(qtbot: Any, client: HallClient, hall_file: Path) -> None:
    alive, gone = Receiver(), Receiver()
    client.submit(lambda h: h.queue.business_day(), alive.take)
    client.submit(lambda h: h.queue.business_day(), gone.take)
    shiboken6.delete(gone)  # the dialog was closed while the worker ran
    qtbot.waitUntil(lambda: not client.busy, timeout=10_000)
    assert len(alive.seen) == 1


UI = Path(__file__).resolve().parents[2] / "counter_app" / "ui"


def hall_openings(source: str) -> list[str]:
    """Calls in ``source`` that open a hall or a worker of their own (``open_hall``, ``HallWorker(…)``)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in {"open_hall", "HallWorker"}:
                found.append(f"line {node.lineno}: {name}")
    return found


def test_only_the_launcher_opens_the_hall() -> None:
    """Every window gets its client from the launcher (constructor injection); a second worker is
    spawned from that client, so another engine is slotted in at one place."""
    assert hall_openings("worker = HallWorker(lambda: open_hall(path))") == [
        "line 1: HallWorker",
        "line 1: open_hall",
    ]
    opening = {
        str(path.relative_to(UI)): hall_openings(path.read_text(encoding="utf-8"))
        for path in sorted(UI.rglob("*.py"))
        if path.name != "launcher.py" and path.name != "hall_client.py"
    }
    assert {name: calls for name, calls in opening.items() if calls} == {}


def test_mypy_follows_a_job_from_the_window_to_the_service(tmp_path: Path) -> None:
    """``submit``'s job gets the hall's type and its callback the job's result: a misspelt service
    method, or a result used as the wrong type, is an error before any window runs."""
    from mypy import api

    snippet = tmp_path / "window_code.py"
    snippet.write_text(
        "from counter_app.services.hall import Hall\n"
        "from counter_app.ui.hall_client import HallClient\n"
        "\n"
        "\n"
        "def window(client: HallClient[Hall]) -> None:\n"
        "    client.submit(lambda h: h.queue.call_nxt(3))\n"
        "    client.submit(lambda h: h.queue.business_day(), lambda day: print(day.isoformat() + 1))\n"
        "    client.submit(lambda h: h.queue.call_next(3), lambda result: print(result.called))\n",
        encoding="utf-8",
    )
    cache = Path(__file__).resolve().parents[2] / ".mypy_cache"
    report, _, _ = api.run(["--strict", "--no-error-summary", "--cache-dir", str(cache), str(snippet)])
    errors = [line.split(": error: ", 1)[1] for line in report.splitlines() if ": error: " in line]
    assert errors == [
        '"QueueService" has no attribute "call_nxt"; maybe "call_next"?  [attr-defined]',
        'Unsupported operand types for + ("str" and "int")  [operator]',
    ]
