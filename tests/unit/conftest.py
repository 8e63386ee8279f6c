"""Unit tests never read the hall database or profile of the machine they run on."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def no_outside_config(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COUNTER_APP_DB", raising=False)
    monkeypatch.delenv("COUNTER_APP_PROFILE", raising=False)
