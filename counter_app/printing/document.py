"""What a printer backend is handed: a slip's painted layout and its plain-text twin.

Page printers (PDF, system printer, preview) call :attr:`Printable.render`; ESC/POS receipt
printers print :attr:`Printable.lines` in their own fonts, with a native QR code. Both come from
the same slip values and wording, so they say the same thing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from counter_app.domain.errors import HallError

RenderFn = Callable[[QPainter, QRectF], float]
"""Draws a slip into the rect (device pixels) and returns the height it used."""


@dataclass(frozen=True)
class Line:
    """One line of a slip for a text printer; ``size`` is the character magnification (1–4)."""

    kind: Literal["text", "rule", "qr", "feed"]
    text: str = ""  # the words, or the QR data
    size: int = 1
    bold: bool = False
    inverse: bool = False  # white on black: the reprint (补打) banner


@dataclass(frozen=True)
class Printable:
    """A slip ready for any backend; ``title`` names the print job and the PDF."""

    title: str
    render: RenderFn
    lines: tuple[Line, ...] = ()


class PrinterError(HallError):
    """The slip did not come out (no printer, unreachable, out of paper, unwritable folder).

    The record it prints is already committed and stays as it is; the job is marked failed.
    ``str()`` is the technical detail (for the log, the job and the CLI); ``code`` and ``params``
    (``printer``, ``path``) let a window say it in the clerk's language: ``no_default_printer``,
    ``printer_not_installed``, ``printer_cannot_start``, ``printer_reported_error``,
    ``printing_off``, ``pdf_not_written``, ``pdf_folder_unwritable``,
    ``receipt_printer_unreachable``, ``print_bug``, or ``printer_failed`` for anything else.
    """

    code = "printer_failed"

    def __init__(self, message: str, *, code: str | None = None, **params: Any) -> None:
        super().__init__(message, code=code, **params)
