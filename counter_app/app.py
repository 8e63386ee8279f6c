"""Composition root: parses the command line, opens the hall, builds services, starts a role.

Only this module knows every layer. The CLI commands run headless; ``gui`` starts the windows
(``ui/launcher.py``) and is the only place that catches :class:`StoreUnavailable` for a dialog.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from counter_app.cli import main as cli_main

    return cli_main(argv)


def run_gui(args: argparse.Namespace) -> int:
    from counter_app.ui.launcher import launch

    return launch(args)
