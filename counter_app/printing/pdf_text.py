"""Make a Qt-written PDF's text searchable and copyable again, exactly as drawn.

Qt's PDF writer builds each font's ToUnicode map by scanning the BMP for code points that map to
each glyph, first hit wins. So characters outside the BMP (𠮷, rare characters in names) vanish,
glyphs shared with a radical read back wrongly (网 → ⽹), and substituted glyphs (the CJK font's
proportional digits) read back as nothing. :class:`~counter_app.printing.text.GlyphLog` knows which
text every glyph was drawn for; this module pairs it with the glyph codes in the page content and
appends a corrected ToUnicode map to the file as a standard PDF incremental update.

It only touches PDFs Qt has just written (in memory) and gives up (leaving them as they were) unless
every glyph in the content pairs with the log one to one.
"""

from __future__ import annotations

import logging
import re
import zlib
from collections import defaultdict

from counter_app.printing.text import GlyphLog

log = logging.getLogger("counter_app.print")

_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])")
_REF = rb"(\d+)\s+\d+\s+R"


class _Pdf:
    """Just enough of a classic (xref-table) PDF to read objects and stream data."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        start = data.rindex(b"startxref")
        self.startxref = int(data[start + 9 :].split()[0])
        self.offsets: dict[int, int] = {}
        pos = self.startxref
        if not data.startswith(b"xref", pos):
            raise ValueError("not a classic xref table")
        pos += 4
        trailer = data.index(b"trailer", pos)
        sections = re.finditer(rb"(\d+) (\d+)\s*\r?\n((?:\d{10} \d{5} [nf][ \r\n]{1,2})*)", data[pos:trailer])
        for section in sections:
            first = int(section.group(1))
            for i, entry in enumerate(_XREF_ENTRY.finditer(section.group(3))):
                if entry.group(3) == b"n":
                    self.offsets[first + i] = int(entry.group(1))
        self.trailer = data[trailer:start]

    def body(self, num: int) -> bytes:
        """The object's text up to (not including) any stream data."""
        pos = self.offsets[num]
        head = re.match(rb"\s*\d+\s+\d+\s+obj\s*", self.data[pos : pos + 40])
        if head is None:
            raise ValueError(f"object {num} not found at its offset")
        begin = pos + head.end()
        end = min(i for i in (self.data.find(b"endobj", begin), self.data.find(b"stream", begin)) if i >= 0)
        return self.data[begin:end]

    def stream(self, num: int) -> bytes:
        body = self.body(num)
        length = re.search(rb"/Length\s+(\d+)(?:\s+\d+\s+R)?", body)
        if length is None:
            raise ValueError(f"object {num} has no /Length")
        n = int(length.group(1))
        if length.group(0).rstrip().endswith(b"R"):
            n = int(self.body(n).split()[0])
        pos = self.data.index(b"stream", self.offsets[num]) + len(b"stream")
        pos += 2 if self.data.startswith(b"\r\n", pos) else 1
        raw = self.data[pos : pos + n]
        return zlib.decompress(raw) if b"/FlateDecode" in body else raw

    def pages(self) -> list[int]:
        root = int(re.search(rb"/Root\s+" + _REF, self.trailer).group(1))  # type: ignore[union-attr]
        return self._kids(int(re.search(rb"/Pages\s+" + _REF, self.body(root)).group(1)))  # type: ignore[union-attr]

    def _kids(self, num: int) -> list[int]:
        body = self.body(num)
        kids = re.search(rb"/Kids\s*\[([^\]]*)\]", body)
        if kids is None:
            return [num]
        return [page for ref in re.findall(_REF, kids.group(1)) for page in self._kids(int(ref))]


def _page_fonts(pdf: _Pdf, page_body: bytes) -> dict[str, int]:
    """Font resource name → font object number of one page."""
    ref = re.search(rb"/Resources\s+" + _REF, page_body)
    resources = pdf.body(int(ref.group(1))) if ref else page_body
    ref = re.search(rb"/Font\s+" + _REF, resources)
    inline = re.search(rb"/Font\s*<<(.*?)>>", resources, re.DOTALL)
    fonts = pdf.body(int(ref.group(1))) if ref else inline.group(1) if inline else b""
    return {name.decode("latin-1"): int(num) for name, num in re.findall(rb"/([^\s/]+)\s+" + _REF, fonts)}


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


def repair_text_layer(data: bytes, glyph_log: GlyphLog) -> bytes:
    """``data`` (a PDF Qt just wrote) with the text ``glyph_log`` says was drawn; ``data`` unchanged
    when it cannot be paired safely."""
    try:
        pdf = _Pdf(data)
        shown: list[tuple[str, int]] = []
        fonts: dict[str, int] = {}
        for page in pdf.pages():
            body = pdf.body(page)
            contents = re.search(rb"/Contents\s*(\[[^\]]*\]|\d+\s+\d+\s+R)", body)
            for ref in re.findall(_REF, contents.group(1) if contents else b""):
                shown += _shown_glyphs(pdf.stream(int(ref)))
            fonts.update(_page_fonts(pdf, body))
    except (ValueError, KeyError, IndexError, AttributeError, zlib.error) as exc:
        log.warning("PDF text layer not repaired: cannot read the PDF (%s)", exc)
        return data
    texts = _pair(shown, glyph_log)
    if texts is None:
        log.warning(
            "PDF text layer not repaired: %d glyphs shown, %d logged", len(shown), len(glyph_log.glyphs)
        )
        return data
    updates: dict[int, bytes] = {}
    for font, mapping in texts.items():
        ref = re.search(rb"/ToUnicode\s+" + _REF, pdf.body(fonts[font])) if font in fonts else None
        if ref is None:
            log.warning("PDF text layer not repaired: font %s has no ToUnicode map", font)
            return data
        updates[int(ref.group(1))] = _to_unicode_cmap(mapping)
    if not updates:
        return data
    return data + _incremental_update(pdf, len(data), updates)


def _incremental_update(pdf: _Pdf, size: int, updates: dict[int, bytes]) -> bytes:
    out = bytearray(b"\n")
    offsets: dict[int, int] = {}
    for num, stream in sorted(updates.items()):
        offsets[num] = size + len(out)
        out += b"%d 0 obj\n<< /Length %d >>\nstream\n" % (num, len(stream))
        out += stream + b"\nendstream\nendobj\n"
    xref = size + len(out)
    out += b"xref\n"
    for num, offset in sorted(offsets.items()):
        out += b"%d 1\n%010d 00000 n\r\n" % (num, offset)
    keep = b"".join(
        m.group(0) + b"\n"
        for m in re.finditer(
            rb"/(?:Size\s+\d+|Root\s+\d+\s+\d+\s+R|Info\s+\d+\s+\d+\s+R|ID\s*\[[^\]]*\])", pdf.trailer
        )
    )
    out += b"trailer\n<<\n" + keep + b"/Prev %d\n>>\nstartxref\n%d\n%%%%EOF\n" % (pdf.startxref, xref)
    return bytes(out)
