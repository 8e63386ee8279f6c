"""The PDF text layer repair (``printing/pdf_text.py``): Qt's bytes stay as written with the corrected
ToUnicode maps appended as an incremental update, the text reads back as drawn (a character outside
the BMP, 网 rather than the radical ⽹), the paper's title survives, and a log that does not pair with
the content leaves the PDF as Qt wrote it."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from counter_app.printing import backends
from counter_app.printing.paper import paper_named
from counter_app.printing.pdf_text import repair_text_layer
from counter_app.printing.text import GlyphLog
from counter_app.printing.ticket_slip import TicketSlip, ticket_printable
from counter_app.qt_i18n import HallTexts

pytestmark = pytest.mark.usefixtures("qapp")

HALL = "国网通辽供电公司营业厅𠮷"


def drawn(monkeypatch: pytest.MonkeyPatch) -> tuple[bytes, GlyphLog, bytes]:
    """A ticket PDF as Qt wrote it, the glyph log of the drawing, and the repaired PDF."""
    seen: dict[str, object] = {}

    def keep(data: bytes, glyphs: GlyphLog) -> bytes:
        seen.update(data=data, glyphs=glyphs)
        return repair_text_layer(data, glyphs)

    monkeypatch.setattr(backends, "repair_text_layer", keep)
    slip = TicketSlip(
        HALL, "国网内蒙古东部电力有限公司", "A012", "缴费", False, "", datetime(2025, 3, 3, 9, 12), 3, 12,
        "https://www.95598.cn/", False, "zh_CN", "95598",
    )  # fmt: skip
    repaired = backends.pdf_bytes(ticket_printable(slip, HallTexts("zh_CN")), paper_named("80mm"))
    raw, glyphs = seen["data"], seen["glyphs"]
    assert isinstance(raw, bytes) and isinstance(glyphs, GlyphLog)
    return raw, glyphs, repaired


def text(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_repair_is_an_update_after_qts_bytes_and_reads_back_as_drawn(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    raw, _, repaired = drawn(monkeypatch)
    assert repaired.startswith(raw) and len(repaired) > len(raw)
    assert "𠮷" not in text(raw) and "⽹" in text(raw)  # what Qt's own map reads back
    assert HALL in text(repaired) and "⽹" not in text(repaired)
    assert PdfReader(io.BytesIO(repaired)).metadata.title == "ticket A012"  # type: ignore[union-attr]


def test_the_update_says_what_it_needs_and_keeps_the_document_information(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    raw, _, repaired = drawn(monkeypatch)
    update = repaired[len(raw) :]
    xref = update[update.rindex(b"/Type /XRef") :]
    assert b"/Info" in xref and b"/Prev" in xref  # the last trailer names the information dictionary
    assert re.search(rb"/Version\s*/1\.5", update)  # the catalog declares the cross-reference stream
    if shutil.which("pdfinfo"):
        (tmp_path / "slip.pdf").write_bytes(repaired)
        info = subprocess.run(
            ["pdfinfo", str(tmp_path / "slip.pdf")], capture_output=True, text=True, check=True
        )
        assert "ticket A012" in info.stdout and "1.5" in info.stdout


def test_a_log_that_does_not_pair_leaves_the_pdf_as_qt_wrote_it(monkeypatch: pytest.MonkeyPatch) -> None:
    raw, glyphs, _ = drawn(monkeypatch)
    assert repair_text_layer(raw, GlyphLog(glyphs.glyphs[:-1])) == raw
    assert repair_text_layer(b"not a pdf", glyphs) == b"not a pdf"
