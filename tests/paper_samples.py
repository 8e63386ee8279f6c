"""Every printed paper drawn from fixed values: the pixel baseline of ``tests/ui/test_paper_pixels.py``.

One hall on a temporary file, a clock that only moves when told, and the one random thing papers
print (an application's tracking reference, from ``secrets.choice``) drawn from a seeded generator
while the samples are made. Each paper goes through the real services and the layout the printer and
the PDF use (``render_image``); the receipt printer's papers are also kept as the exact ESC/POS bytes
and drawn as a receipt printer sets them (its character grid) for looking at.

Each page is also written as the PDF the printer backends write, and its text layer read back (pypdf,
and poppler's ``pdftotext`` where installed): what a reader copies out of the PDF is part of the
baseline too.

``samples(folder)`` returns ``{name: QImage}``, ``{name: bytes}`` (ESC/POS) and ``{name: str}`` (PDF
text); the names are the baseline files' names. Run as a script (``python tests/paper_samples.py
OUT_DIR``) it writes them as files, in a process of its own: Qt's glyph cache makes the anti-aliased
edges of large text depend on what the process drew before, so the comparison draws in a fresh
process every time (``scripts/paper_baseline.py`` writes the baseline the same way).
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import secrets
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from application_data import firm, home
from payment_data import account_line, payment_profile, write_list
from pypdf import PdfReader
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from counter_app.app import open_hall
from counter_app.domain.applications.detail import ApplicationRequest
from counter_app.domain.payments.boundary import FaultLocation
from counter_app.printing.backends import pdf_bytes, render_image
from counter_app.printing.boundary_leaflet import leaflet_printable
from counter_app.printing.document import Line, Printable
from counter_app.printing.escpos_backend import display_width, escpos_bytes, wrap_columns
from counter_app.printing.paper import Paper, paper_named
from counter_app.printing.qr import draw_qr
from counter_app.printing.text import slip_family
from counter_app.qt_i18n import HallTexts, install_language
from counter_app.services.hall import Hall
from counter_app.services.printing.applications import prepare_paper_print, printable_for
from counter_app.services.printing.payments import prepare_payment_print
from counter_app.services.printing.tickets import prepare_ticket_print

TZ = ZoneInfo("Asia/Shanghai")
SEED = 20261102
DPI = 150


@dataclass
class Samples:
    images: dict[str, QImage] = field(default_factory=dict)
    escpos: dict[str, bytes] = field(default_factory=dict)
    pdf_texts: dict[str, str] = field(default_factory=dict)

    def page(self, name: str, printable: Printable, paper: str) -> None:
        self.images[name] = render_image(printable, paper_named(paper), dpi=DPI)
        self.pdf_texts[name] = pdf_text(pdf_bytes(printable, paper_named(paper)))

    def receipt_printer(self, name: str, printable: Printable) -> None:
        """What an 80 mm ESC/POS printer gets (bytes, QR as the printer's own and as an image) and
        how it sets it (the grid drawing)."""
        paper = paper_named("80mm")
        self.escpos[name] = escpos_bytes(printable.lines, paper) + escpos_bytes(
            printable.lines, paper, qr="image"
        )
        self.images[name] = escpos_image(printable.lines, paper)


def escpos_image(lines: tuple[Line, ...], paper: Paper) -> QImage:
    """The text lines as a receipt printer sets them: centred in its character grid (12 × 24 dots per
    normal character, 24 × 24 for CJK), magnified lines, rules of dashes, the QR code."""
    columns = paper.text_columns
    width = round(paper.printable_width_mm * 8)
    cell_w, cell_h = width / columns, 24
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


POPPLER = "--- pdftotext ---\n"


def pdf_text(data: bytes) -> str:
    """The PDF's text as pypdf reads it, then as poppler's ``pdftotext`` does (where installed)."""
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    if shutil.which("pdftotext"):
        poppler = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
        text += "\n" + POPPLER + poppler.stdout.decode("utf-8")
    return text


@contextlib.contextmanager
def seeded_secrets(seed: int) -> Iterator[None]:
    """``secrets.choice`` from a seeded generator (the tracking references), restored afterwards."""
    original: Callable[..., object] = secrets.choice
    secrets.choice = random.Random(seed).choice  # type: ignore[assignment]
    try:
        yield
    finally:
        secrets.choice = original  # type: ignore[assignment]


class Clock:
    def __init__(self, moment: datetime) -> None:
        self.now = moment

    def __call__(self) -> datetime:
        return self.now


def _accept(hall: Hall, form: object) -> str:
    return str(hall.applications.accept(ApplicationRequest(form=form), clerk="0107").number)  # type: ignore[arg-type]


def _tickets(hall: Hall, clock: Clock, out: Samples) -> None:
    hall.queue.issue("A")
    hall.queue.issue("A")
    clock.now = datetime(2026, 11, 2, 9, 12, tzinfo=TZ)
    first = hall.queue.issue("A")  # two ahead, an estimate
    green = hall.queue.issue("B", green=True, green_reason="elderly")
    for paper in ("80mm", "58mm", "a6"):
        which = first if paper == "80mm" else first.ticket  # as issued, then as stored
        request = prepare_ticket_print(hall, which, "preview", paper=paper)
        out.page(f"ticket-{paper}", request.printable, paper)
    out.receipt_printer("ticket-escpos", request.printable)
    request = prepare_ticket_print(hall, green, "preview", paper="80mm")
    out.page("ticket-green-80mm", request.printable, "80mm")
    hall.queue.call_next(1)
    clock.now = datetime(2026, 11, 2, 9, 40, tzinfo=TZ)
    request = prepare_ticket_print(hall, first.ticket.number, "preview", paper="80mm")  # a reprint, later
    out.page("ticket-reprint-80mm", request.printable, "80mm")


def _applications(hall: Hall, clock: Clock, out: Samples) -> None:
    home_number = _accept(hall, home())
    hv_number = _accept(hall, firm())
    for paper in ("a4", "a5", "80mm"):  # the second and third are reprints (补打)
        request = prepare_paper_print(hall, home_number, "receipt", "preview", paper=paper)
        out.page(f"receipt-home-{paper}", printable_for(request), paper)
    request = prepare_paper_print(hall, hv_number, "receipt", "preview", paper="a4")
    out.page("receipt-hv-a4", printable_for(request), "a4")
    request = prepare_paper_print(hall, hv_number, "receipt", "preview", paper="80mm")
    out.receipt_printer("receipt-hv-escpos", printable_for(request))
    for paper in ("a4", "a5"):
        request = prepare_paper_print(hall, hv_number, "notice", "preview", paper=paper)
        out.page(f"notice-hv-{paper}", printable_for(request), paper)
    request = prepare_paper_print(hall, home_number, "notice", "preview", paper="a4")
    out.page("notice-home-a4", printable_for(request), "a4")
    clock.now = datetime(2026, 12, 29, 10, 0, tzinfo=TZ)  # its dates fall in 2027 (provisional)
    late = _accept(hall, home(name="李娜", mobile="13900001111"))
    request = prepare_paper_print(hall, late, "receipt", "preview", paper="80mm")
    out.page("receipt-2027-80mm", printable_for(request), "80mm")
    out.receipt_printer("receipt-2027-escpos", printable_for(request))


def _payments(hall: Hall, clock: Clock, out: Samples, folder: Path) -> None:
    clock.now = datetime(2026, 11, 2, 10, 30, tzinfo=TZ)
    lines = [
        account_line(1, name="张三明", address="科尔沁区建国路12号3栋", arrears="88.50"),
        account_line(2, name="李四", withholding="是", arrears="0"),
    ]
    hall.account_import.run(write_list(folder / "accounts.csv", lines))
    unsigned = hall.payments.record("0500000001", ["wsgw", "wechat", "alipay"], clerk="0107")
    for paper in ("80mm", "a5", "58mm"):  # the second and third are reprints (补打)
        slip = prepare_payment_print(hall, unsigned.id, "preview", paper=paper)
        out.page(f"payment-slip-{paper}", slip.printable, paper)
    out.receipt_printer("payment-slip-escpos", slip.printable)
    signed = hall.payments.record("0500000002", ["wsgw", "bank_withholding"], clerk="0107")
    slip = prepare_payment_print(hall, signed.id, "preview", paper="80mm")
    out.page("payment-slip-signed-80mm", slip.printable, "80mm")
    walk_in = hall.payments.record("0512345678", ["wsgw", "dianebao"], clerk="0107")
    slip = prepare_payment_print(hall, walk_in.id, "preview", paper="80mm")
    out.page("payment-slip-walk-in-80mm", slip.printable, "80mm")


def _leaflets(hall: Hall, out: Samples) -> None:
    texts = HallTexts("zh_CN")
    for location, contract, name in (
        (FaultLocation.METER, FaultLocation.BEFORE_METER, "boundary-meter-contract-before"),
        (FaultLocation.AFTER_METER, None, "boundary-after-meter"),
        (FaultLocation.INSIDE_HOME, None, "boundary-inside-home"),
    ):
        leaflet = leaflet_printable(hall.boundary.leaflet(location, contract), texts)
        out.page(f"{name}-a5", leaflet, "a5")
        if contract is None:
            out.page(f"{name}-80mm", leaflet, "80mm")
            out.receipt_printer(f"{name}-escpos", leaflet)


def samples(folder: Path) -> Samples:
    """Every paper, drawn in a new hall under ``folder`` (needs a QGuiApplication)."""
    install_language("zh_CN")
    clock = Clock(datetime(2026, 11, 2, 9, 0, tzinfo=TZ))
    out = Samples()
    profile = payment_profile(folder / "profile")  # every channel with a QR address
    with (
        seeded_secrets(SEED),
        open_hall(folder / "hall.sqlite3", profile_file=profile, clock=clock, create=True) as hall,
    ):
        hall.staff.add("0107", "王芳")
        _tickets(hall, clock, out)
        _applications(hall, clock, out)
        _payments(hall, clock, out, folder)
        _leaflets(hall, out)
    return out


def write(out: Path) -> None:
    """Every paper into ``out``: ``NAME.png``, ``NAME.escpos`` (bytes) and ``NAME.txt`` (PDF text)."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="counter-papers-") as folder:
        drawn = samples(Path(folder))
    for name, image in drawn.images.items():
        if not image.save(str(out / f"{name}.png")):
            raise OSError(f"cannot write {out / name}.png")
    for name, data in drawn.escpos.items():
        (out / f"{name}.escpos").write_bytes(data)
    for name, text in drawn.pdf_texts.items():
        (out / f"{name}.txt").write_text(text, encoding="utf-8")


def draw_in_new_process(out: Path) -> None:
    """:func:`write` in a fresh Python process (see the module docstring)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, __file__, str(out)], check=True, env=env, timeout=300)


if __name__ == "__main__":
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    write(Path(sys.argv[1]))
    app.quit()
