"""The UI is Chinese first: every English source string has a zh_CN and a zh_TW translation, the
.ts files hold every string the code marks, and the shipped .qm files are built from them."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
spec = importlib.util.spec_from_file_location("translations_script", ROOT / "scripts" / "translations.py")
assert spec and spec.loader
script = importlib.util.module_from_spec(spec)
spec.loader.exec_module(script)


def _tool(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def _messages(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in root.iter("context")
        for message in context.iter("message")
    }


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW"])
def test_no_unfinished_translations(language: str) -> None:
    assert script.unfinished(language) == []


def test_ts_files_hold_every_marked_string(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "counter_app").rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-locations", "none", "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    missing = _messages(fresh) - _messages(TRANSLATIONS / "counter_app_zh_CN.ts")
    assert not missing, f"run scripts/translations.py update, then translate: {sorted(missing)[:10]}"


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW"])
def test_qm_files_are_built_from_the_ts_files(tmp_path: Path, language: str) -> None:
    built = tmp_path / f"{language}.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TRANSLATIONS / f"counter_app_{language}.ts"), "-qm", str(built)],
        check=True,
        capture_output=True,
    )
    shipped = TRANSLATIONS / f"counter_app_{language}.qm"
    assert shipped.read_bytes() == built.read_bytes(), "run scripts/translations.py release"
