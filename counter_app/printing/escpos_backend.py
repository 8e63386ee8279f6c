"""ESC/POS receipt printers (python-escpos): the slip's text lines in GB18030, a native QR code.

Chinese receipt printers take GB18030/GBK double-byte text once put in Chinese character mode
(``FS &``), so text goes out as raw bytes instead of through python-escpos's code-page guessing.
The QR code is the printer's own (``GS ( k``) unless the printer profile lacks it or ``qr="image"``
is asked for; then it is sent as a raster image (``GS v 0``) drawn from the same module matrix.
The whole job is assembled in memory first and sent in one write with a short timeout, so an
unreachable printer fails fast and a failure never leaves half a slip queued.
"""

from __future__ import annotations

import logging
import unicodedata
from typing import Literal

from escpos.constants import QR_ECLEVEL_M
from escpos.escpos import Escpos
from escpos.exceptions import DeviceNotFoundError
from escpos.printer import Dummy, Network

from counter_app.printing.document import Line, Printable, PrinterError
from counter_app.printing.paper import Paper
from counter_app.printing.qr import QUIET_ZONE, qr_matrix, raster_rows

log = logging.getLogger("counter_app.print")

QrMode = Literal["native", "image"]

ESC_INIT = b"\x1b@"
FS_CHINESE_ON = b"\x1c&"  # FS & : Chinese character mode (double-byte GB18030/GBK)
FS_CHINESE_OFF = b"\x1c."  # FS . : back to single-byte characters
GS_RASTER = b"\x1dv0\x00"  # GS v 0 m=0: raster bit image, normal density
ENCODING = "gb18030"
DOTS_PER_MM = 8  # 203 dpi, the usual thermal head


def display_width(text: str) -> int:
    """Columns a text takes on a receipt printer: CJK and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def wrap_columns(text: str, columns: int) -> list[str]:
    """Break ``text`` into lines of at most ``columns`` (Latin words kept whole where they fit)."""
    columns = max(2, columns)
    lines: list[str] = []
    current = ""
    for word in _chunks(text):
        if display_width(current + word) <= columns:
            current += word
            continue
        if current.strip():
            lines.append(current.rstrip())
        current = word.lstrip()
        while display_width(current) > columns:  # a word longer than the line: cut it
            cut = 0
            while display_width(current[: cut + 1]) <= columns:
                cut += 1
            lines.append(current[:cut])
            current = current[cut:]
    if current.strip():
        lines.append(current.rstrip())
    return lines


def _chunks(text: str) -> list[str]:
    """Break opportunities: each CJK character alone, Latin runs with their trailing space."""
    chunks: list[str] = []
    for ch in text:
        wide = unicodedata.east_asian_width(ch) in ("W", "F")
        if chunks and not wide and not chunks[-1].endswith(" ") and display_width(chunks[-1][-1]) == 1:
            chunks[-1] += ch
        else:
            chunks.append(ch)
    return chunks


def _qr_module_dots(paper: Paper, modules: int) -> int:
    """The largest dot size (2–8) that keeps the code within about 60 % of the print width."""
    width = paper.printable_width_mm * DOTS_PER_MM * 0.6
    return max(2, min(8, int(width // (modules + 2 * QUIET_ZONE))))


def _qr_image(printer: Escpos, data: str, paper: Paper) -> None:
    matrix = qr_matrix(data)
    width_bytes, rows = raster_rows(matrix, _qr_module_dots(paper, len(matrix)))
    header = GS_RASTER + bytes([width_bytes & 0xFF, width_bytes >> 8, len(rows) & 0xFF, len(rows) >> 8])
    printer._raw(header + b"".join(rows) + b"\n")


def _qr(printer: Escpos, data: str, paper: Paper, mode: QrMode) -> None:
    if mode == "native" and printer.profile.supports("qrCode"):
        try:
            size = _qr_module_dots(paper, len(qr_matrix(data)))
            printer.qr(data, ec=QR_ECLEVEL_M, size=size, native=True)
            printer._raw(b"\n")
            return
        except ValueError as exc:
            log.info("native QR refused (%s); printing it as an image", exc)
    _qr_image(printer, data, paper)


def write_escpos(printer: Escpos, lines: tuple[Line, ...], paper: Paper, *, qr: QrMode = "native") -> None:
    """Send the slip's lines to ``printer``: centred, GB18030, QR code, then feed and cut."""
    columns = paper.text_columns
    printer._raw(ESC_INIT + FS_CHINESE_ON)
    printer.set(align="center")
    for line in lines:
        if line.kind == "feed":
            printer._raw(b"\n")
        elif line.kind == "rule":
            printer.set(normal_textsize=True, bold=False)
            printer._raw(b"-" * columns + b"\n")
        elif line.kind == "qr":
            _qr(printer, line.text, paper, qr)
        else:
            size = max(1, min(8, line.size))
            if size == 1:
                printer.set(normal_textsize=True, bold=line.bold, invert=line.inverse)
            else:
                printer.set(custom_size=True, width=size, height=size, bold=line.bold, invert=line.inverse)
            for part in wrap_columns(line.text, columns // size):
                printer._raw(part.encode(ENCODING) + b"\n")
            printer.set(normal_textsize=True, bold=False, invert=False)
    printer._raw(FS_CHINESE_OFF)
    printer.cut()


def escpos_bytes(lines: tuple[Line, ...], paper: Paper, *, qr: QrMode = "native") -> bytes:
    """The exact bytes a receipt printer would get (built on ``escpos.printer.Dummy``)."""
    dummy = Dummy()
    write_escpos(dummy, lines, paper, qr=qr)
    return bytes(dummy.output)


class EscposNetworkBackend:
    """A receipt printer on the network (raw TCP, usually port 9100)."""

    def __init__(self, host: str, port: int = 9100, *, timeout: float = 3.0, qr: QrMode = "native") -> None:
        self.host = host
        self.port = port
        self.timeout = timeout
        self.qr: QrMode = qr
        self.device = f"escpos-net:{host}:{port}"

    def print_slip(self, printable: Printable, paper: Paper) -> None:
        if not printable.lines:
            raise PrinterError(f"{printable.title} has no text version for a receipt printer")
        data = escpos_bytes(printable.lines, paper, qr=self.qr)
        printer = Network(self.host, self.port, timeout=self.timeout)
        try:
            printer.open()
            printer._raw(data)
        except (DeviceNotFoundError, OSError) as exc:
            detail = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
            raise PrinterError(
                f"The receipt printer {self.host}:{self.port} cannot be reached ({detail})",
                code="receipt_printer_unreachable",
                printer=f"{self.host}:{self.port}",
            ) from None
        finally:
            printer.close()
