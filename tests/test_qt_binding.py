"""The Qt binding must not leak or over-release references: PySide6 6.12.0 under Python 3.11 drops
one reference to ``None`` on every Qt call that returns nothing, and a kiosk aborts within minutes
("deallocating None"). pyproject.toml keeps that release out; this test keeps it out."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont


def test_void_qt_calls_leave_none_alone() -> None:
    font = QFont()
    before = sys.getrefcount(None)
    for size in range(1, 2001):
        font.setPixelSize(size)  # returns nothing
    assert abs(sys.getrefcount(None) - before) < 100
