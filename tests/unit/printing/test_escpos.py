"""ESC/POS output: GB18030 text in Chinese mode, a native QR (or its raster fallback), a cut; the
network backend against a real socket, and a dead printer failing fast without touching the ticket."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from counter_app.domain.errors import InvalidInput
from counter_app.domain.queue import TicketState
from counter_app.printing.backends import PdfFolderBackend, SystemPrinterBackend, parse_printer_spec
from counter_app.printing.document import Line, Printable, PrinterError
from counter_app.printing.escpos_backend import (
    FS_CHINESE_ON,
    GS_RASTER,
    EscposNetworkBackend,
    display_width,
    escpos_bytes,
    wrap_columns,
)
from counter_app.printing.paper import ROLL_58, ROLL_80
from counter_app.printing.ticket_slip import TicketSlip, text_lines
from counter_app.qt_i18n import HallTexts
from counter_app.services.hall import Hall
from counter_app.services.printing.tickets import print_ticket

URL = "https://www.95598.cn/"
HALL = "国网通辽供电公司营业厅"
QR_STORE = b"\x1d(k"  # GS ( k: the printer's own 2D code commands
CUT = b"\x1dV"


def slip(**changes: object) -> TicketSlip:
    values: dict[str, object] = dict(
        hall_name=HALL,
        company="国网通辽供电公司",
        number="A001",
        service_name="缴费",
        green=False,
        green_reason="",
        issued_at=datetime(2025, 3, 3, 9, 0),
        ahead=2,
        estimate_minutes=8,
        pay_online_url=URL,
        reprint=False,
        language="zh_CN",
        hotline="95598",
    )
    values.update(changes)
    return TicketSlip(**values)  # type: ignore[arg-type]


def lines(**changes: object) -> tuple[Line, ...]:
    return text_lines(slip(**changes), HallTexts("en"))


def test_text_is_gb18030_in_chinese_mode_with_native_qr_and_a_cut() -> None:
    data = escpos_bytes(lines(), ROLL_80)
    assert data.index(FS_CHINESE_ON) < data.index(HALL.encode("gb18030"))
    assert "缴费".encode("gb18030") in data
    assert QR_STORE + b"\x18\x001P0" + URL.encode() in data  # store 21 + 3 bytes, then print
    assert CUT in data[-8:]


def test_qr_falls_back_to_a_raster_image() -> None:
    data = escpos_bytes(lines(), ROLL_58, qr="image")
    assert QR_STORE not in data
    assert GS_RASTER in data


def test_no_url_no_qr() -> None:
    data = escpos_bytes(lines(pay_online_url=""), ROLL_80)
    assert QR_STORE not in data and GS_RASTER not in data


def test_rare_characters_travel_as_four_byte_gb18030() -> None:
    data = escpos_bytes(lines(hall_name="𠮷野营业厅"), ROLL_80)
    assert "𠮷".encode("gb18030") in data
    assert len("𠮷".encode("gb18030")) == 4


def test_reprint_banner_is_inverted() -> None:
    data = escpos_bytes(lines(reprint=True), ROLL_80)
    assert b"\x1dB\x01" in data  # GS B 1: white on black
    assert "补打".encode("gb18030") in data


def test_wrapping_counts_chinese_as_two_columns() -> None:
    assert display_width("国网A1") == 6
    assert wrap_columns("国网通辽供电公司营业厅", 8) == ["国网通辽", "供电公司", "营业厅"]
    assert wrap_columns("Please listen for your number", 12) == ["Please", "listen for", "your number"]
    assert all(display_width(p) <= 16 for p in wrap_columns("下次可扫码下载网上国网，在线交费不排队", 16))


@pytest.fixture
def receiver() -> Iterator[tuple[int, list[bytes]]]:
    """A one-shot TCP "printer" on 127.0.0.1 that keeps what it is sent."""
    server = socket.create_server(("127.0.0.1", 0))
    got: list[bytes] = []

    def serve() -> None:
        conn, _ = server.accept()
        with conn:
            chunks = []
            while chunk := conn.recv(65536):
                chunks.append(chunk)
            got.append(b"".join(chunks))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1], got
    thread.join(5)
    server.close()


def test_network_printer_receives_the_slip(receiver: tuple[int, list[bytes]]) -> None:
    port, got = receiver
    backend = EscposNetworkBackend("127.0.0.1", port, timeout=2.0)
    backend.print_slip(Printable("ticket A001", lambda p, r: 0.0, lines()), ROLL_80)
    deadline = time.monotonic() + 5
    while not got and time.monotonic() < deadline:
        time.sleep(0.01)
    assert got == [escpos_bytes(lines(), ROLL_80)]


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_unreachable_printer_fails_the_job_and_keeps_the_ticket(hall: Hall) -> None:
    issued = hall.queue.issue("A")
    backend = EscposNetworkBackend("127.0.0.1", closed_port(), timeout=1.0)
    outcome = print_ticket(hall, issued, backend)
    assert not outcome.printed and "cannot be reached" in outcome.error
    assert hall.print_jobs.history("ticket", issued.ticket.id) == [
        (outcome.job_id, "original", "failed", outcome.error)
    ]
    again = hall.views.repo.get(issued.ticket.id)
    assert again == issued.ticket and again.state is TicketState.WAITING


def test_a_printable_without_text_cannot_go_to_a_receipt_printer() -> None:
    with pytest.raises(PrinterError, match="no text version"):
        EscposNetworkBackend("127.0.0.1", closed_port()).print_slip(Printable("x", lambda p, r: 0.0), ROLL_80)


def test_printer_specs(tmp_path: Path) -> None:
    assert parse_printer_spec("none") is None and parse_printer_spec("") is None
    folder = parse_printer_spec(f"pdf:{tmp_path}")
    assert isinstance(folder, PdfFolderBackend) and folder.folder == tmp_path
    default, named = parse_printer_spec("system"), parse_printer_spec("system:XP-80C")
    assert isinstance(default, SystemPrinterBackend) and default.name is None
    assert isinstance(named, SystemPrinterBackend) and named.name == "XP-80C"
    net = parse_printer_spec("escpos-net:192.168.1.50")
    assert isinstance(net, EscposNetworkBackend) and (net.host, net.port) == ("192.168.1.50", 9100)
    net = parse_printer_spec("escpos-net:[fe80::1]:9101")
    assert isinstance(net, EscposNetworkBackend) and (net.host, net.port) == ("fe80::1", 9101)
    for bad in ("pdf:", "escpos-net:", "escpos-net:host:99999", "lpt1"):
        with pytest.raises(InvalidInput):
            parse_printer_spec(bad)
