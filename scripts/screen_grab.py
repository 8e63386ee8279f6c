"""What the screenshot scripts share: let Qt run a while, wait for a state, draw a widget to a PNG."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget


def spin(app: QApplication, seconds: float) -> None:
    """Run Qt's events for ``seconds`` (workers answer, timers fire, the layout settles)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def wait_for(app: QApplication, condition: Callable[[], bool], timeout: float = 30.0) -> bool:
    """Run Qt's events until ``condition()`` holds or ``timeout`` seconds passed; whether it holds."""
    end = time.monotonic() + timeout
    while not condition() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    return bool(condition())


def grab(app: QApplication, widget: QWidget, path: Path, settle: float = 0.8) -> None:
    """Draw ``widget`` to the PNG ``path`` once it has settled, and print where."""
    spin(app, settle)
    widget.grab().save(str(path))
    print(path)
