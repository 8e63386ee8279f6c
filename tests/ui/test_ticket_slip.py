"""The ticket slip on paper: PDF on 80 mm, 58 mm and A6 with the right text and a QR code that scans
to the pay-online link, 补打 on a reprint, rare characters kept, and failures that keep the ticket."""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PIL import Image, ImageOps
from pypdf import PdfReader
from PySide6.QtGui import QImage

from counter_app import app, cli, paths
from counter_app.app import open_hall
from counter_app.domain.errors import NotFound
from counter_app.printing.backends import (
    PdfFileBackend,
    PdfFolderBackend,
    SystemPrinterBackend,
    render_image,
)
from counter_app.printing.document import PrinterError
from counter_app.printing.paper import A6, ROLL_58, ROLL_80, Paper, paper_named
from counter_app.printing.ticket_slip import TicketSlip, ticket_printable
from counter_app.qt_i18n import HallTexts
from counter_app.services.hall import Hall
from counter_app.services.printing.tickets import print_ticket, print_ticket_pdf

URL = "https://www.95598.cn/"
HALL = "国网通辽供电公司营业厅"
PT_PER_MM = 72 / 25.4

pytestmark = pytest.mark.usefixtures("qapp")


def pdf_text(path: Path) -> str:
    """The text a reader gets out of the PDF, white space squashed (pypdf; poppler's pdftotext,
    where installed, must find the same characters, though it may order the lines differently)."""
    text = " ".join("".join(page.extract_text() for page in PdfReader(path).pages).split())
    if shutil.which("pdftotext"):
        poppler = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True)
        assert sorted(poppler.stdout.replace(" ", "").replace("\n", "").replace("\f", "")) == sorted(
            text.replace(" ", "")
        )
    return text


def to_pil(image: QImage) -> Image.Image:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(gray.constBits())
    return Image.frombuffer("L", (gray.width(), gray.height()), data, "raw", "L", gray.bytesPerLine(), 1)


def qr_texts(image: Image.Image) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image)]


def slip(**changes: Any) -> TicketSlip:
    values: dict[str, Any] = dict(
        hall_name=HALL,
        company="国网内蒙古东部电力有限公司通辽供电公司",
        number="A012",
        service_name="缴费",
        green=False,
        green_reason="",
        issued_at=datetime(2025, 3, 3, 9, 12),
        ahead=3,
        estimate_minutes=12,
        pay_online_url=URL,
        reprint=False,
        language="zh_CN",
        hotline="95598",
    )
    values.update(changes)
    return TicketSlip(**values)


@pytest.mark.parametrize("paper", ["80mm", "58mm", "a6"])
def test_pdf_has_the_number_hall_and_service_and_a_qr_to_the_pay_online_link(
    hall: Hall, tmp_path: Path, paper: str
) -> None:
    hall.queue.issue("A")
    out = tmp_path / f"ticket-{paper}.pdf"
    result = print_ticket_pdf(hall, "A001", out, paper=paper)
    assert result == {"number": "A001", "pdf": str(out), "paper": paper, "reprint": False, "job_id": 1}
    text = pdf_text(out)
    assert "A001" in text and HALL in text and "缴费" in text and "补打" not in text
    squashed = "".join(text.split())  # wrapped lines read back word for word, glyph for glyph
    # the slip speaks the hall's language (zh_CN here), not the English source texts
    assert "下次可扫码下载“网上国网”，在线交费不排队" in squashed
    assert "取号时间2025-03-0309:00" in squashed and "下一位就是您" in squashed
    page = PdfReader(out).pages[0]
    assert float(page.mediabox.width) == pytest.approx(paper_named(paper).width_mm * PT_PER_MM, abs=1)
    if not shutil.which("pdftoppm"):
        pytest.skip("poppler's pdftoppm is not installed: the PDF's QR is not rasterised")
    page_png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-singlefile", str(out), str(page_png)], check=True)
    with Image.open(tmp_path / "page.png") as image:
        assert qr_texts(image) == [URL]


def test_a_roll_is_cut_after_the_content_and_58mm_is_shorter(hall: Hall, tmp_path: Path) -> None:
    hall.queue.issue("A")
    heights = {}
    for paper in ("80mm", "58mm"):
        print_ticket_pdf(hall, "A001", tmp_path / f"{paper}.pdf", paper=paper)
        heights[paper] = float(PdfReader(tmp_path / f"{paper}.pdf").pages[0].mediabox.height) / PT_PER_MM
    assert 90 < heights["58mm"] < heights["80mm"] < 160


def test_second_print_is_labelled_reprint(hall: Hall, tmp_path: Path) -> None:
    issued = hall.queue.issue("B")
    first = print_ticket_pdf(hall, "B001", tmp_path / "first.pdf")
    second = print_ticket_pdf(hall, "b001", tmp_path / "second.pdf", paper="58mm")
    assert (first["reprint"], second["reprint"]) == (False, True)
    assert "补打" not in pdf_text(tmp_path / "first.pdf")
    assert "补打" in pdf_text(tmp_path / "second.pdf")
    jobs = hall.print_jobs.history("ticket", issued.ticket.id)
    assert [(copy, status) for _, copy, status, _ in jobs] == [
        ("original", "printed"),
        ("reprint", "printed"),
    ]


def test_a_reprint_shows_where_the_ticket_stands_now(hall: Hall, tmp_path: Path) -> None:
    hall.queue.issue("A")
    hall.queue.issue("A")
    print_ticket_pdf(hall, "A002", tmp_path / "first.pdf")
    hall.queue.call_next(1)
    print_ticket_pdf(hall, "A002", tmp_path / "again.pdf")
    assert "您前面还有 1 人等候" in pdf_text(tmp_path / "first.pdf")
    assert "下一位就是您" in pdf_text(tmp_path / "again.pdf")


def test_a_character_outside_the_bmp_survives_into_the_pdf_text(
    make_hall: Callable[..., Hall], tmp_path: Path
) -> None:
    profile = paths.DEFAULT_PROFILE.read_text(encoding="utf-8")
    profile = profile.replace('name = "国网通辽供电公司营业厅"', 'name = "𠮷野供电营业厅"')
    included = paths.DEFAULT_PROFILE.parent / "profile"  # files the profile includes, by relative path
    if included.is_dir():
        shutil.copytree(included, tmp_path / "profile")
    hall = make_hall(profile_text=profile)
    hall.queue.issue("C", green=True, green_reason="elderly")
    print_ticket_pdf(hall, "V001", tmp_path / "rare.pdf")
    text = pdf_text(tmp_path / "rare.pdf")
    assert "𠮷野供电营业厅" in text
    assert "咨询查询" in text and "老年人" in text


def test_preview_image_scans_to_the_link_on_each_paper() -> None:
    for paper in (ROLL_80, ROLL_58, A6):
        image = render_image(ticket_printable(slip(), HallTexts("en")), paper)
        assert qr_texts(to_pil(image)) == [URL], paper.key


def test_no_link_no_qr() -> None:
    image = render_image(ticket_printable(slip(pay_online_url=""), HallTexts("en")), ROLL_80)
    assert qr_texts(to_pil(image)) == []


def ink_box(image: QImage) -> tuple[int, int, int, int]:
    box = ImageOps.invert(to_pil(image)).point(lambda v: 255 if v > 40 else 0).getbbox()
    assert box is not None
    return box


@pytest.mark.parametrize("paper", [ROLL_58, ROLL_80, A6])
def test_long_texts_stay_inside_the_printable_area(paper: Paper) -> None:
    long = slip(
        hall_name="State Grid Inner Mongolia East Tongliao Horqin District Power Supply Service Hall",
        service_name="Installation, capacity changes and account transfers",
        green=True,
        green_reason="Military and veterans",
        reprint=True,
        reprinted_at=datetime(2025, 3, 3, 10, 1),
        language="en",
        number="V1024",
    )
    dpi = 203
    image = render_image(ticket_printable(long, HallTexts("en")), paper, dpi)
    left, _, right, bottom = ink_box(image)
    margin = paper.margin_x_mm * dpi / 25.4
    assert left >= margin - 2 and right <= image.width() - margin + 2
    assert bottom <= image.height() - paper.margin_bottom_mm * dpi / 25.4 + 2


def test_pdf_folder_numbers_each_slip(hall: Hall, tmp_path: Path) -> None:
    issued = hall.queue.issue("D")
    backend = PdfFolderBackend(tmp_path / "slips")
    assert print_ticket(hall, issued, backend).printed
    assert print_ticket(hall, issued.ticket, backend, paper="58mm").reprint
    names = sorted(p.name for p in (tmp_path / "slips").iterdir())
    assert names == ["000001-ticket-D001.pdf", "000002-ticket-D001-reprint.pdf"]


def test_an_unwritable_pdf_fails_the_job_and_keeps_the_ticket(hall: Hall, tmp_path: Path) -> None:
    issued = hall.queue.issue("A")
    (tmp_path / "not-a-folder").write_text("x")
    outcome = print_ticket(hall, "A001", PdfFileBackend(tmp_path / "not-a-folder" / "t.pdf"))
    assert not outcome.printed and not outcome.ok and "Cannot write the PDF" in outcome.error
    assert hall.print_jobs.history("ticket", issued.ticket.id)[0][2] == "failed"
    assert hall.views.repo.get(issued.ticket.id) == issued.ticket
    with pytest.raises(PrinterError) as caught:
        print_ticket_pdf(hall, "A001", tmp_path / "not-a-folder" / "t.pdf")
    assert caught.value.params["reason"] == "no_folder"
    jobs = hall.print_jobs.history("ticket", issued.ticket.id)
    assert [status for _, _, status, _ in jobs] == ["failed"]  # the command refused before recording
    assert hall.queue.issue("A").ticket.number == "A002"  # nothing lost, nothing doubled


def test_a_failed_attempt_does_not_make_the_first_good_print_a_reprint(hall: Hall, tmp_path: Path) -> None:
    """No printer at the first try, then the slip comes out: that paper is the original (no 补打);
    only a paper printed after it is a reprint."""
    issued = hall.queue.issue("A")
    (tmp_path / "not-a-folder").write_text("x")
    failed = print_ticket(hall, issued, PdfFileBackend(tmp_path / "not-a-folder" / "t.pdf"))
    assert not failed.printed and not failed.reprint
    first = print_ticket(hall, issued, PdfFileBackend(tmp_path / "first.pdf"))
    assert first.printed and not first.reprint
    assert "补打" not in pdf_text(tmp_path / "first.pdf")
    again = print_ticket(hall, "A001", PdfFileBackend(tmp_path / "again.pdf"))
    assert again.printed and again.reprint
    assert "补打" in pdf_text(tmp_path / "again.pdf")
    jobs = hall.print_jobs.history("ticket", issued.ticket.id)
    assert [(copy, status) for _, copy, status, _ in jobs] == [
        ("original", "failed"),
        ("original", "printed"),
        ("reprint", "printed"),
    ]


def test_unknown_number_is_not_found_and_records_no_job(hall: Hall, tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        print_ticket_pdf(hall, "A999", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_system_printer_missing_fails_clearly() -> None:
    from PySide6.QtPrintSupport import QPrinterInfo

    if QPrinterInfo.availablePrinterNames():
        pytest.skip("this machine has printers")
    for backend in (SystemPrinterBackend(), SystemPrinterBackend("XP-80C")):
        with pytest.raises(PrinterError, match="printer"):
            backend.print_slip(ticket_printable(slip(), HallTexts("en")), ROLL_80)


def test_cli_prints_a_ticket_to_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "cli.sqlite3"
    hall = open_hall(db, profile_file=paths.DEFAULT_PROFILE, create=True)  # the real clock, as the CLI uses
    try:
        hall.queue.issue("A")
    finally:
        hall.close()
    out = tmp_path / "cli.pdf"
    assert app.main(["ticket", "print", "A001", "--pdf", str(out), "--paper", "58mm", "--db", str(db)]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "number": "A001",
        "pdf": str(out),
        "paper": "58mm",
        "reprint": False,
        "job_id": 1,
    }
    assert "A001" in pdf_text(out)
    assert app.main(["ticket", "print", "A404", "--pdf", str(out), "--db", str(db)]) == cli.EXIT_REFUSED
    assert json.loads(capsys.readouterr().err)["error"] == "unknown_ticket"


def test_prints_from_a_worker_thread_with_its_own_connection(tmp_path: Path) -> None:
    """The kiosk's way: a print worker owns its hall connection; painting works off the GUI thread."""
    path = tmp_path / "worker.sqlite3"
    open_hall(path, profile_file=paths.DEFAULT_PROFILE, create=True).close()
    outcomes: list[Any] = []

    def work() -> None:
        hall = open_hall(path)
        try:
            issued = hall.queue.issue("A")
            outcomes.extend(print_ticket(hall, issued, PdfFolderBackend(tmp_path / "out")) for _ in range(2))
        except BaseException as exc:  # handed back to the test thread
            outcomes.append(exc)
        finally:
            hall.close()

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(60)
    assert [(o.printed, o.reprint) for o in outcomes] == [(True, False), (True, True)]
    assert "补打" in pdf_text(tmp_path / "out" / "000002-ticket-A001-reprint.pdf")
