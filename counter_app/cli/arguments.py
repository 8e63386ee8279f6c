"""Argument types of the command line: every whole number is bounded where it is typed, so no input
reaches the store or the calendar as an overflow (``--counter 9223372036854775808``).

A bad argument is a usage error: exit 2, the usage line and one JSON line on stderr
(:class:`CommandParser`), never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import NoReturn

from counter_app.domain.entries import MAX_WHOLE_NUMBER, whole_number
from counter_app.domain.errors import InvalidInput

MAX_WORKDAYS = 10_000
"""The most working days a command counts ahead: about 40 years, past any time limit in DOMAIN.md."""


def whole(low: int = 0, high: int = MAX_WHOLE_NUMBER) -> Callable[[str], int]:
    """An argparse ``type``: a whole number from ``low`` to ``high``."""

    def parse(text: str) -> int:
        try:
            return whole_number(text, field="value", low=low, high=high)
        except InvalidInput:
            raise argparse.ArgumentTypeError(
                f"{text[:40]!r} is not a whole number from {low} to {high}"
            ) from None

    parse.__name__ = "whole number"  # argparse names the type in its message
    return parse


def counter_number() -> Callable[[str], int]:
    """An argparse ``type`` for a counter: any whole number that fits; whether the hall has that
    counter (no −1, no 99 in a hall of 8) is the services' check (``domain/entries.py``), worded
    the same for the windows and the command line."""
    return whole(-MAX_WHOLE_NUMBER)


class CommandParser(argparse.ArgumentParser):
    """argparse with its refusals in the command line's own form: the usage, then
    ``{"error": "bad_arguments", "message": …}`` on stderr, exit 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(
            json.dumps({"error": "bad_arguments", "message": message[:500]}, ensure_ascii=False),
            file=sys.stderr,
        )
        raise SystemExit(2)
