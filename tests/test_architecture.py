"""Architecture rules as a test (ARCHITECTURE.md §2, STYLE.md, after qutebrowser's misc_checks):

* ``domain/``, ``store/`` and ``services/`` never import Qt (also not inside a function);
* no module outside ``store/`` holds SQL.

Each checker is first tried on small snippets, so a checker that can no longer see a violation fails.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "counter_app"
QT_FREE = ("domain", "store", "services")
QT_PACKAGES = {"PySide6", "shiboken6", "PyQt5", "PyQt6"}

# SQL as this code base writes it: upper-case keywords. English UI text ("Select a service from the
# list") is mixed case, so it does not match.
SQL = re.compile(
    r"\bSELECT\b[\s\S]*\bFROM\b"
    r"|\bINSERT\s+(?:OR\s+[A-Z]+\s+)?INTO\b"
    r"|\bUPDATE\s+\w+\s+SET\b"
    r"|\bDELETE\s+FROM\b"
    r"|\bCREATE\s+(?:UNIQUE\s+|TEMP\s+|TEMPORARY\s+|VIRTUAL\s+)?(?:TABLE|INDEX|TRIGGER|VIEW)\b"
    r"|\bDROP\s+(?:TABLE|INDEX|TRIGGER|VIEW)\b"
    r"|\bALTER\s+TABLE\b"
    r"|\bPRAGMA\s+\w+"
)


def modules(*parts: str) -> list[Path]:
    found = sorted(p for part in parts for p in (PACKAGE / part).rglob("*.py"))
    assert found, f"no modules under {parts}: wrong path?"
    return found


def imported_modules(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """Every module a tree imports, at any depth, with ``importlib.import_module("…")`` and
    ``__import__("…")`` calls on a literal name."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in {"import_module", "__import__"} and isinstance(node.args[0].value, str):
                yield node.lineno, node.args[0].value


def qt_imports(source: str) -> list[str]:
    tree = ast.parse(source)
    return [
        f"line {line}: {name}" for line, name in imported_modules(tree) if name.split(".")[0] in QT_PACKAGES
    ]


def docstring_nodes(tree: ast.AST) -> set[int]:
    ids: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def sql_strings(source: str) -> list[str]:
    """String literals (f-string parts joined) that read as SQL; docstrings are prose and skipped."""
    tree = ast.parse(source)
    skip = docstring_nodes(tree)
    inside_fstrings = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) in skip or id(node) in inside_fstrings:
                continue
            text = node.value
        else:
            continue
        if SQL.search(text):
            found.append(f"line {node.lineno}: {' '.join(text.split())[:80]}")
    return found


# the checkers see what they must ------------------------------------------------------------------
@pytest.mark.parametrize(
    "source",
    [
        "import PySide6",
        "from PySide6.QtCore import QObject",
        "import PySide6.QtWidgets as w",
        "def later():\n    from PySide6 import QtGui\n",
        "class A:\n    def f(self):\n        import shiboken6\n",
        "import importlib\nimportlib.import_module('PySide6.QtCore')",
        "__import__('PySide6')",
        "try:\n    import PyQt6\nexcept ImportError:\n    pass\n",
    ],
)
def test_qt_checker_sees_a_qt_import(source: str) -> None:
    assert qt_imports(source)


@pytest.mark.parametrize(
    "source", ["import sqlite3", "from counter_app.domain import queue", "x = 'PySide6'"]
)
def test_qt_checker_passes_other_imports(source: str) -> None:
    assert not qt_imports(source)


@pytest.mark.parametrize(
    "source",
    [
        'q = "SELECT id FROM tickets"',
        'q = """SELECT id,\n  number\nFROM tickets WHERE id = ?"""',
        "q = f'SELECT {cols} FROM tickets'",
        'db.execute("INSERT INTO tickets VALUES (?)")',
        'db.execute("INSERT OR REPLACE INTO x VALUES (1)")',
        'db.execute("UPDATE tickets SET state = ?")',
        'db.execute("DELETE FROM outbox")',
        'db.execute("CREATE TABLE t (id INTEGER)")',
        'db.execute("CREATE UNIQUE INDEX i ON t (a)")',
        'db.execute("PRAGMA data_version")',
        'db.execute("ALTER TABLE t ADD COLUMN c")',
        "def f():\n    x = 1\n    return 'SELECT 1 FROM t'",
    ],
)
def test_sql_checker_sees_sql(source: str) -> None:
    assert sql_strings(source)


@pytest.mark.parametrize(
    "source",
    [
        'label = "Select a service from the list"',
        'msg = "Delete from history?"',
        'msg = "Update the profile, then set the counters"',
        'def f():\n    """SELECT id FROM tickets is how the store reads it."""\n',
        '"""Module doc: INSERT INTO tickets happens in store/."""',
    ],
)
def test_sql_checker_passes_prose(source: str) -> None:
    assert not sql_strings(source)


# the rules on the real tree -----------------------------------------------------------------------
@pytest.mark.parametrize("path", modules(*QT_FREE), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_layers_never_import_qt(path: Path) -> None:
    assert qt_imports(path.read_text(encoding="utf-8")) == [], f"{path.relative_to(PACKAGE)} imports Qt"


def outside_store() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "store" not in p.relative_to(PACKAGE).parts)


@pytest.mark.parametrize("path", outside_store(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_sql_lives_only_in_the_store(path: Path) -> None:
    found = sql_strings(path.read_text(encoding="utf-8"))
    assert found == [], f"{path.relative_to(PACKAGE)} holds SQL; move it behind a store repository: {found}"


def test_the_store_itself_is_seen_as_sql() -> None:
    """The SQL checker finds the store's own SQL, so an empty result elsewhere means something."""
    assert sql_strings((PACKAGE / "store" / "queue.py").read_text(encoding="utf-8"))


# the store seam: repositories speak the SQL both engines share ---------------------------------------
# store/sql.py says which SQL that is; what only SQLite has lives in store/sqlite/ and the per-PC
# account list files (store/account_list/), what only PostgreSQL has in store/postgres/.
ENGINE_ONLY = re.compile(
    r"\bjulianday\s*\(|\bstrftime\s*\(|\bdatetime\s*\(|\bdate\s*\(\s*'now'"
    r"|\bINSERT\s+OR\s+\w+|\bREPLACE\s+INTO\b|\?\d|\bgroup_concat\s*\(|\bstring_agg\s*\("
    r"|\b(?:MAX|MIN)\s*\(\s*[^,()]+,|\bGREATEST\s*\(|\bILIKE\b|\bPRAGMA\b|\bMATCH\b|::\w+"
    r"|\binstr\s*\(|\bsubstr\s*\(|\bIFNULL\s*\(|\bNOW\s*\(\)|\bSUM\s*\([^()]*=",
    re.IGNORECASE,
)


def engine_only_sql(source: str) -> list[str]:
    return [found for found in sql_strings(source) if ENGINE_ONLY.search(found)]


@pytest.mark.parametrize(
    "source",
    [
        "q = 'SELECT julianday(at) FROM tickets'",
        "q = 'INSERT OR IGNORE INTO staff VALUES (?)'",
        "q = 'SELECT id FROM applications WHERE number = ?1'",
        "q = 'SELECT SUM(state = 1) FROM tickets'",
        "q = 'SELECT MAX(0, x) FROM tickets'",
        "q = 'SELECT group_concat(year) FROM work_calendar_schedules'",
        "q = 'SELECT rowid FROM fts WHERE fts MATCH ?'",
    ],
)
def test_engine_checker_sees_engine_only_sql(source: str) -> None:
    assert engine_only_sql(source)


def test_engine_checker_passes_shared_sql() -> None:
    shared = (
        "q = 'SELECT COUNT(*) FILTER (WHERE state = ?), MAX(id) FROM tickets WHERE day = ? LIMIT ?'\n"
        "r = 'INSERT INTO staff (code) VALUES (?) ON CONFLICT (code) DO UPDATE SET name = excluded.name'"
    )
    assert engine_only_sql(shared) == []


def repositories() -> list[Path]:
    return sorted(p for p in (PACKAGE / "store").glob("*.py") if p.name not in ("__init__.py", "sql.py"))


@pytest.mark.parametrize("path", repositories(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_repositories_use_only_the_sql_both_engines_share(path: Path) -> None:
    found = engine_only_sql(path.read_text(encoding="utf-8"))
    assert found == [], f"{path.relative_to(PACKAGE)} writes SQL only one engine has: {found}"
