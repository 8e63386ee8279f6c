"""The import-linter contracts of pyproject.toml hold on the tree, and each one fails on a deliberate
violation: ``lint-imports`` runs on a copy of the package with one bad import added."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` on the package under ``root`` with the repository's contracts."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def package_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("tree")
    shutil.copytree(ROOT / "counter_app", copy / "counter_app", ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_the_tree_keeps_every_contract() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "bad_import", "contract"),
    [
        ("domain/queue.py", "import sqlite3", "Database drivers only in the store"),
        ("services/queue.py", "import sqlite_utils", "Database drivers only in the store"),
        ("services/queue.py", "from counter_app.store.queue import QueueRepository", "know the store only"),
        ("cli/queue.py", "from counter_app import app", "Layers: app"),
        ("domain/masking.py", "from counter_app.services import clock", "Layers: app"),
        ("printing/qr.py", "from counter_app.services.hall import Hall", "Printing holds layouts"),
        ("store/rows.py", "from PySide6 import QtCore", "No Qt below"),
        ("services/staff.py", "from counter_app.services.printing import tickets", "No Qt below"),
    ],
)
def test_a_deliberate_violation_breaks_its_contract(
    package_copy: Path, module: str, bad_import: str, contract: str
) -> None:
    target = package_copy / "counter_app" / module
    original = target.read_text(encoding="utf-8")
    target.write_text(original + f"\n{bad_import}  # noqa\n", encoding="utf-8")
    try:
        result = lint_imports(package_copy)
    finally:
        target.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    broken = [line for line in result.stdout.splitlines() if line.endswith("BROKEN")]
    assert any(contract in line for line in broken), result.stdout
