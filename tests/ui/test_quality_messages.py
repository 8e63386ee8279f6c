"""Every refusal of the service-quality code reaches the clerk as a sentence in their language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from counter_app.domain.errors import HallError
from counter_app.qt_i18n import install_language
from counter_app.ui import quality_messages
from counter_app.ui.messages import MESSAGES, describe

PACKAGE = Path(__file__).resolve().parents[2] / "counter_app"
SOURCES = [
    *sorted((PACKAGE / "services" / "quality").glob("*.py")),
    PACKAGE / "domain" / "quality" / "records.py",
    PACKAGE / "printing" / "reports" / "files.py",
]
CODES = sorted({code for path in SOURCES for code in re.findall(r'code="([a-z_0-9]+)"', path.read_text())})


def test_the_quality_code_raises_codes() -> None:
    assert {"already_rated", "handover_reason_required", "no_history", "note_personal_data"} <= set(CODES)


@pytest.mark.parametrize("code", CODES)
def test_each_code_has_a_message(qapp: object, code: str) -> None:
    assert quality_messages.ERRORS  # registered on import
    assert code in MESSAGES, f"{code}: add it to ui/quality_messages.py"
    install_language("zh_CN")
    try:
        text = describe(HallError("English", code=code, number="A001", counter=5, service="C", limit=200))
    finally:
        install_language("en")
    assert text != "English" and re.search(r"[\u4e00-\u9fff]", text), text
