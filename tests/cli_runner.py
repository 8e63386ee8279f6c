"""Running ``counter-app`` in-process the way a script would, for the command-line tests."""

from __future__ import annotations

import json
from typing import Any

import pytest

from counter_app.app import main


class CliRun:
    """``run(*argv, code=0)`` → the JSON printed on stdout (``None`` if nothing); on a refusal the
    JSON error from stderr is in ``.err``. ``base`` is appended to every command (``--db …``)."""

    def __init__(self, capsys: pytest.CaptureFixture[str], *base: str) -> None:
        self.capsys = capsys
        self.base = base
        self.err: Any = None

    def __call__(self, *argv: str, code: int = 0) -> Any:
        self.capsys.readouterr()
        assert main([*argv, *self.base]) == code
        out, err = self.capsys.readouterr()
        self.err = json.loads(err.strip().splitlines()[-1]) if code else None
        return json.loads(out) if out.strip() else None
