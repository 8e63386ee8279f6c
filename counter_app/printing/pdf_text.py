"""Make a Qt-written PDF's text searchable and copyable again, exactly as drawn.

Qt's PDF writer builds each font's ToUnicode map by scanning the BMP for code points that map to
each glyph, first hit wins. So characters outside the BMP (𠮷, rare characters in names) vanish,
glyphs shared with a radical read back wrongly (网 → ⽹), and substituted glyphs (the CJK font's
proportional digits) read back as nothing. :class:`~counter_app.printing.text.GlyphLog` knows which
text every glyph was drawn for; this module pairs it with the glyph codes in the page content and
writes a corrected ToUnicode map for each font as a standard PDF incremental update (pypdf reads the
file and writes the update; the bytes Qt wrote stay as they are in front of it). pypdf writes the
update's cross-reference as a stream (PDF 1.5), so the update also says so in the catalog
(``/Version /1.5``, which readers take over the header's 1.4) and carries the document information
with its modification date, so a viewer still shows the paper's title.

It only touches PDFs Qt has just written (in memory) and gives up (leaving them as they were) unless
every glyph in the content pairs with the log one to one.
"""

from __future__ import annotations

import io
import logging
import re
from collections import defaultdict
from datetime import UTC, datetime

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from pypdf.generic import DictionaryObject, IndirectObject, NameObject, StreamObject, TextStringObject

from counter_app.printing.text import GlyphLog

log = logging.getLogger("counter_app.print")

# In the content Qt writes, text is shown as two-byte glyph codes (Identity-H) in hex strings, by Tj
# and TJ, after a Tf choosing the font resource. pypdf's own content parser decodes such strings as
# text, which loses the codes, so the operators are read from the decoded stream here.
_SHOW = re.compile(rb"/([^\s/<>\[\]()]+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>\s*Tj|\[((?:[^\]\\]|\\.)*)\]\s*TJ")


def _shown_glyphs(content: bytes) -> list[tuple[str, int]]:
    """``(font resource, glyph code)`` of every glyph shown, in order (Identity-H, two bytes)."""
    shown: list[tuple[str, int]] = []
    font = ""
    for m in _SHOW.finditer(content):
        if m.group(1) is not None:
            font = m.group(1).decode("latin-1")
            continue
        hexes = [m.group(2)] if m.group(2) is not None else re.findall(rb"<([0-9A-Fa-f\s]*)>", m.group(3))
        for h in hexes:
            digits = re.sub(rb"\s", b"", h)
            shown.extend((font, int(digits[i : i + 4], 16)) for i in range(0, len(digits) - 3, 4))
    return shown


def _to_unicode_cmap(mapping: dict[int, str]) -> bytes:
    entries = [
        f"<{cid:04X}> <{text.encode('utf-16-be').hex().upper()}>" for cid, text in sorted(mapping.items())
    ]
    chunks = [entries[i : i + 100] for i in range(0, len(entries), 100)]
    body = "".join(f"{len(c)} beginbfchar\n" + "\n".join(c) + "\nendbfchar\n" for c in chunks)
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        f"{body}endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode("ascii")


def _pair(shown: list[tuple[str, int]], glyph_log: GlyphLog) -> dict[str, dict[int, str]] | None:
    """Text for each glyph code of each font resource, or ``None`` when content and log disagree."""
    if len(shown) != len(glyph_log.glyphs):
        return None
    face_of: dict[str, str] = {}
    glyph_of: dict[tuple[str, int], int] = {}
    texts: dict[str, dict[int, str]] = defaultdict(dict)
    for (font, code), (face, glyph, text) in zip(shown, glyph_log.glyphs, strict=True):
        if face_of.setdefault(font, face) != face or glyph_of.setdefault((font, code), glyph) != glyph:
            return None
        if text and code not in texts[font]:
            texts[font][code] = text
    return texts


def _read(reader: PdfReader) -> tuple[list[tuple[str, int]], dict[str, DictionaryObject]]:
    """The glyphs shown on every page, in order, and the font dictionaries by resource name."""
    shown: list[tuple[str, int]] = []
    fonts: dict[str, DictionaryObject] = {}
    for page in reader.pages:
        contents = page.get_contents()
        if contents is not None:
            shown += _shown_glyphs(contents.get_data())
        resources = page.get("/Resources")
        font_table = resources.get_object().get("/Font") if resources is not None else None
        for name, ref in (font_table.get_object() if font_table is not None else {}).items():
            font = ref.get_object()
            if isinstance(font, DictionaryObject):
                fonts[str(name).lstrip("/")] = font
    return shown, fonts


def repair_text_layer(data: bytes, glyph_log: GlyphLog) -> bytes:
    """``data`` (a PDF Qt just wrote) with the text ``glyph_log`` says was drawn; ``data`` unchanged
    when it cannot be paired safely."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=True)
        shown, fonts = _read(reader)
    except (PyPdfError, ValueError, KeyError, AttributeError) as exc:
        log.warning("PDF text layer not repaired: cannot read the PDF (%s)", exc)
        return data
    texts = _pair(shown, glyph_log)
    if texts is None:
        log.warning(
            "PDF text layer not repaired: %d glyphs shown, %d logged", len(shown), len(glyph_log.glyphs)
        )
        return data
    maps: dict[int, bytes] = {}
    for font, mapping in texts.items():
        ref = fonts[font].raw_get("/ToUnicode") if font in fonts else None
        if not isinstance(ref, IndirectObject):
            log.warning("PDF text layer not repaired: font %s has no ToUnicode map", font)
            return data
        maps[ref.idnum] = _to_unicode_cmap(mapping)
    if not maps:
        return data
    writer = PdfWriter(reader, incremental=True)
    writer.root_object[NameObject("/Version")] = NameObject("/1.5")
    info_ref = reader.trailer.raw_get("/Info") if "/Info" in reader.trailer else None
    info = writer.get_object(info_ref.idnum) if isinstance(info_ref, IndirectObject) else None
    if isinstance(info, DictionaryObject):
        # now, as the explicit offset (Qt writes "Z"): the entry changes, so the update carries it
        info[NameObject("/ModDate")] = TextStringObject(datetime.now(UTC).strftime("D:%Y%m%d%H%M%S+00'00'"))
    for number, cmap in sorted(maps.items()):
        stream = writer.get_object(number)
        if not isinstance(stream, StreamObject):
            log.warning("PDF text layer not repaired: object %d is not a stream", number)
            return data
        stream.set_data(cmap)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
