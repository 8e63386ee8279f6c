"""Draw every printed paper to PNG for looking at them, from a fresh demo hall, off screen.

    python scripts/papers.py [OUT_DIR]     # default out/papers

Receipts (A4, A5, 80 mm) of a residential and a high-voltage application and of one whose dates fall
in 2027 (provisional), the one-time notice, the receipt as a receipt printer would print it (the
ESC/POS text lines drawn in the printer's character grid), the payment slip (80 mm, A5, ESC/POS) and
the boundary leaflets (the meter with a contract boundary before it, the line after the meter). Each
is drawn by the same layout the printer and the PDF use (``render_image``), through the real services.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication

from counter_app.app import open_hall
from counter_app.domain.applications.detail import ApplicationRequest
from counter_app.domain.payments.boundary import FaultLocation
from counter_app.printing.backends import render_image
from counter_app.printing.boundary_leaflet import leaflet_printable
from counter_app.printing.document import Line, Printable
from counter_app.printing.escpos_backend import display_width, wrap_columns
from counter_app.printing.paper import Paper, paper_named
from counter_app.printing.qr import draw_qr
from counter_app.printing.text import slip_family
from counter_app.qt_i18n import HallTexts, install_language
from counter_app.services.hall import Hall
from counter_app.services.printing.applications import prepare_paper_print, printable_for
from counter_app.services.printing.payments import prepare_payment_print

TZ = ZoneInfo("Asia/Shanghai")
DOT_PX = 1  # one printer dot (1/8 mm at 203 dpi) per pixel


def escpos_image(lines: tuple[Line, ...], paper: Paper) -> QImage:
    """The text lines as a receipt printer sets them: centred in its character grid (12 × 24 dots per
    normal character, 24 × 24 for CJK), magnified lines, rules of dashes, the QR code."""
    columns = paper.text_columns
    width = round(paper.printable_width_mm * 8)
    cell_w, cell_h = width / columns, 24 * DOT_PX
    rows: list[tuple[str, Line, int]] = []
    for line in lines:
        if line.kind == "text":
            size = max(1, min(8, line.size))
            rows += [(part, line, size) for part in wrap_columns(line.text, columns // size)]
        else:
            rows.append(("", line, 1))
    height = sum((width * 0.6 if line.kind == "qr" else cell_h * size) + 4 for _, line, size in rows) + 40
    image = QImage(width, round(height), QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    painter = QPainter(image)
    y = 20.0
    try:
        for text, line, size in rows:
            if line.kind == "qr":
                side = width * 0.6
                draw_qr(painter, QRectF((width - side) / 2, y, side, side), line.text)
                y += side + 4
                continue
            if line.kind == "rule":
                text = "-" * columns
            font = QFont(slip_family("zh_CN"))
            font.setPixelSize(round(cell_h * size * 0.9))
            font.setBold(line.bold)
            painter.setFont(font)
            span = max(display_width(text) * cell_w * size, painter.fontMetrics().horizontalAdvance(text))
            box = QRectF((width - span) / 2, y, span, cell_h * size)
            if line.inverse:
                painter.fillRect(box, Qt.GlobalColor.black)
                painter.setPen(QColor(Qt.GlobalColor.white))
            else:
                painter.setPen(QColor(Qt.GlobalColor.black))
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
            y += cell_h * size + 4
    finally:
        painter.end()
    return image


def save(image: QImage, path: Path) -> None:
    image.save(str(path))
    print(path)


def page(printable: Printable, paper: str, path: Path) -> None:
    save(render_image(printable, paper_named(paper), dpi=150), path)


def accept(hall: Hall, form: object) -> str:
    return str(hall.applications.accept(ApplicationRequest(form=form), clerk="0107").number)  # type: ignore[arg-type]


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from application_data import firm, home  # the forms the tests type

    app = QApplication(sys.argv[:1])
    install_language("zh_CN")
    folder = Path(tempfile.mkdtemp(prefix="counter-papers-"))
    moments = [datetime(2026, 11, 2, 9, 30, tzinfo=TZ)]
    hall = open_hall(folder / "hall.sqlite3", clock=lambda: moments[0], create=True)
    try:
        hall.staff.add("0107", "王芳")
        home_number = accept(hall, home())
        hv_number = accept(hall, firm())
        for paper in ("a4", "a5", "80mm"):
            request = prepare_paper_print(hall, home_number, "receipt", "preview", paper=paper)
            page(printable_for(request), paper, out / f"receipt-home-{paper}.png")
        request = prepare_paper_print(hall, hv_number, "receipt", "preview", paper="a4")
        page(printable_for(request), "a4", out / "receipt-hv-a4.png")
        request = prepare_paper_print(hall, home_number, "notice", "preview", paper="a4")
        page(printable_for(request), "a4", out / "notice-a4.png")
        moments[0] = datetime(2026, 12, 29, 10, 0, tzinfo=TZ)
        late = accept(hall, home(name="李娜", mobile="13900001111"))
        request = prepare_paper_print(hall, late, "receipt", "preview", paper="80mm")
        page(printable_for(request), "80mm", out / "receipt-2027-80mm.png")
        save(escpos_image(printable_for(request).lines, paper_named("80mm")), out / "receipt-2027-escpos.png")
        request = prepare_paper_print(hall, hv_number, "receipt", "preview", paper="80mm")
        save(escpos_image(printable_for(request).lines, paper_named("80mm")), out / "receipt-hv-escpos.png")

        record = hall.payments.record("0512345678", ["wsgw", "wechat", "alipay"], clerk="0107")
        for paper in ("80mm", "a5"):
            slip = prepare_payment_print(hall, record.id, "preview", paper=paper)
            page(slip.printable, paper, out / f"payment-slip-{paper}.png")
        save(escpos_image(slip.printable.lines, paper_named("80mm")), out / "payment-slip-escpos.png")

        texts = HallTexts("zh_CN")
        for location, contract, name in (
            (FaultLocation.METER, FaultLocation.BEFORE_METER, "boundary-meter-contract-before"),
            (FaultLocation.AFTER_METER, None, "boundary-after-meter"),
        ):
            leaflet = leaflet_printable(hall.boundary.leaflet(location, contract), texts)
            page(leaflet, "a5", out / f"{name}-a5.png")
    finally:
        hall.close()
        app.quit()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out/papers"))
