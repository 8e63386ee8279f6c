"""QR codes drawn from the ``qrcode`` library's module matrix: no Pillow, any QPainter device.

The same matrix feeds the painted slips and the ESC/POS raster fallback, so a code looks the same
wherever it is printed. QR codes carry links only, never personal data (ARCHITECTURE.md §6).
"""

from __future__ import annotations

import math

import qrcode
import qrcode.constants
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath

Matrix = tuple[tuple[bool, ...], ...]

QUIET_ZONE = 4  # modules of light margin the QR standard asks for around the code


def qr_matrix(data: str) -> Matrix:
    """The dark/light modules of ``data`` at error correction M, without the quiet zone."""
    if not data:
        raise ValueError("a QR code needs some data")
    code = qrcode.QRCode(version=None, error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(data)
    code.make(fit=True)
    return tuple(tuple(bool(cell) for cell in row) for row in code.get_matrix())


def _dark_path(matrix: Matrix, x0: float, y0: float, module: float) -> QPainterPath:
    """One path of the dark modules, merged into horizontal runs: filled once, it has no seams."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for r, row in enumerate(matrix):
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            path.addRect(QRectF(x0 + start * module, y0 + r * module, (c - start) * module, module))
    return path


def draw_qr(
    painter: QPainter,
    rect: QRectF,
    data: str | Matrix,
    *,
    quiet_zone: int = QUIET_ZONE,
    dark: QColor | Qt.GlobalColor = Qt.GlobalColor.black,
    light: QColor | Qt.GlobalColor = Qt.GlobalColor.white,
) -> QRectF:
    """Draw the largest square code that fits ``rect`` (centred), quiet zone included.

    Modules are snapped to whole device pixels when they are at least two pixels wide, so a
    thermal printer or a screen gets crisp edges. Returns the square drawn, quiet zone included.
    """
    matrix = qr_matrix(data) if isinstance(data, str) else data
    modules = len(matrix) + 2 * quiet_zone
    side = min(rect.width(), rect.height())
    scale = math.hypot(painter.transform().m11(), painter.transform().m12()) or 1.0
    module = side / modules
    if module * scale >= 2:
        module = math.floor(module * scale) / scale
    total = module * modules
    x = rect.left() + (rect.width() - total) / 2
    y = rect.top() + (rect.height() - total) / 2
    if module * scale >= 2:
        x = round(x * scale) / scale
        y = round(y * scale) / scale
    square = QRectF(x, y, total, total)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillRect(square, light)
    painter.setBrush(dark)
    painter.drawPath(_dark_path(matrix, x + quiet_zone * module, y + quiet_zone * module, module))
    painter.restore()
    return square


def raster_rows(matrix: Matrix, module_dots: int, quiet_zone: int = QUIET_ZONE) -> tuple[int, list[bytes]]:
    """The code as 1-bit rows (MSB first, 1 = black), as ESC/POS ``GS v 0`` wants them.

    Returns ``(bytes_per_row, rows)``; used as the image fallback when a printer has no native QR.
    """
    size = (len(matrix) + 2 * quiet_zone) * module_dots
    width_bytes = (size + 7) // 8
    rows: list[bytes] = []
    for r in range(size):
        mr = r // module_dots - quiet_zone
        line = bytearray(width_bytes)
        if 0 <= mr < len(matrix):
            for x in range(size):
                mc = x // module_dots - quiet_zone
                if 0 <= mc < len(matrix) and matrix[mr][mc]:
                    line[x // 8] |= 0x80 >> (x % 8)
        rows.append(bytes(line))
    return width_bytes, rows
