"""A bounded streaming reader for the first worksheet of an XLSX account list.

openpyxl's read-only mode reads the whole shared-string table into memory and fills every missing row
and column, so a 1.6 KB file with ``<row r="99999999999">`` spun forever and one 800 MB string took
9.5 GB. This reader streams the parts it needs through expat and holds Excel's own limits, so a
hostile or damaged file costs bounded time and memory and never a traceback:

* the archive: at most :data:`MAX_ZIP_ENTRIES` entries (checked in the end record, before the
  directory is read) and :data:`MAX_UNPACKED_BYTES` unpacked for the parts read (as declared, which
  is all zipfile will ever return); no DTD in any part (no entity expansion);
* rows: numbers 1 to :data:`MAX_ROWS` (1,048,576, Excel's sheet), rising; a number past the limit
  refuses the file, one that does not rise damages its row; at most :data:`MAX_ROWS` rows in all;
* cells: columns up to :data:`MAX_COLUMNS` (16,384, XFD), text up to :data:`MAX_CELL_CHARS` (32,767,
  Excel's cell), a row's text up to ``MAX_LINE_BYTES`` characters; shared strings up to
  :data:`MAX_SHARED_STRINGS` strings and :data:`MAX_SHARED_CHARS` characters in all;
* a malformed cell (an unknown type, a shared string that does not exist, a number, boolean or date
  that does not parse) makes its row a record of its own: the reason as text, which
  :class:`~counter_app.domain.payments.account_file.reader.AccountFile` turns into a rejected row;
* ``cancelled`` is asked for every row and every 64 KiB read.

Values are what openpyxl's ``values_only`` read gave: numbers in date formats (the workbook's own
styles, its 1900 or 1904 epoch) become dates, booleans 是/否, formulas their cached value; the
date-format rules are openpyxl's own (``openpyxl.styles.numbers``, ``openpyxl.utils.datetime``).
"""

from __future__ import annotations

import posixpath
import struct
import zipfile
import zlib
from collections.abc import Callable, Generator, Iterator
from typing import Any, BinaryIO
from xml.parsers import expat

from counter_app.domain.errors import InvalidInput
from counter_app.domain.payments.account_file.sheet import (
    MAX_CELL_CHARS,
    MAX_ROWS,
    TOO_LONG,
    CellValues,
    RowLimit,
    sheet_records,
)
from counter_app.domain.payments.account_file.streams import CHUNK_BYTES, Progress, ReadCancelled, Record

MAX_SHARED_STRINGS = 8 * MAX_ROWS
MAX_SHARED_CHARS = 128 * 1024 * 1024
MAX_UNPACKED_BYTES = 4 * 1024**3
MAX_SMALL_PART_BYTES = 16 * 1024 * 1024  # workbook, relationships, styles: read whole
MAX_ZIP_ENTRIES = 10_000
_OFFICE_DOCUMENT = "/officeDocument"
_UNPACK_ERRORS = (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, OSError, EOFError)


def refused(reason: str) -> InvalidInput:
    return InvalidInput(
        f"not a readable XLSX workbook: {reason}", field="format", code="account_file_format", reason=reason
    )


def _local(name: str) -> str:
    return name[name.rfind(" ") + 1 :]


def _no_doctype(*_: object) -> None:
    raise refused("a part declares a DTD, which a workbook never does")


def _parser() -> Any:
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartDoctypeDeclHandler = _no_doctype
    parser.EntityDeclHandler = _no_doctype
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    parser.buffer_size = CHUNK_BYTES
    return parser


def _zip_entries(stream: BinaryIO) -> int:
    """The entry count in the end-of-central-directory record (ZIP64 aware), read before zipfile
    loads the directory; refuses what is not a zip."""
    stream.seek(0, 2)
    size = stream.tell()
    stream.seek(max(0, size - 65_557))
    tail = stream.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        raise refused("no zip directory (a damaged or cut-off file)")
    entries = struct.unpack_from("<H", tail, at + 10)[0]
    if entries == 0xFFFF and at >= 20 and tail[at - 20 : at - 16] == b"PK\x06\x07":
        offset = struct.unpack_from("<Q", tail, at - 12)[0]
        stream.seek(offset)
        record = stream.read(56)
        if record[:4] != b"PK\x06\x06" or len(record) < 56:
            raise refused("a damaged ZIP64 directory")
        entries = struct.unpack_from("<Q", record, 32)[0]
    return int(entries)


class _Book:
    """The archive and the few small parts that say where the first worksheet is."""

    def __init__(self, stream: BinaryIO) -> None:
        if _zip_entries(stream) > MAX_ZIP_ENTRIES:
            raise refused(f"more than {MAX_ZIP_ENTRIES} parts")
        stream.seek(0)
        try:
            self.zip = zipfile.ZipFile(stream)
        except (zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError) as error:
            raise refused(str(error)) from None
        self.unpacked = 0
        self._counted: set[str] = set()

    def _elements(self, name: str) -> list[tuple[str, dict[str, str], tuple[str, ...]]]:
        """``(local tag, attributes with local names, ancestors)`` of every element of a small part."""
        data = self.read_small(name)
        found: list[tuple[str, dict[str, str], tuple[str, ...]]] = []
        stack: list[str] = []
        parser = _parser()

        def start(tag: str, attrs: dict[str, str]) -> None:
            local = _local(tag)
            found.append((local, {_local(k): v for k, v in attrs.items()}, tuple(stack)))
            stack.append(local)

        parser.StartElementHandler = start
        parser.EndElementHandler = lambda tag: stack.pop()
        try:
            parser.Parse(data, True)
        except expat.ExpatError as error:
            raise refused(f"{name} is not well-formed XML ({error})") from None
        return found

    def info(self, name: str) -> zipfile.ZipInfo:
        try:
            info = self.zip.getinfo(name)
        except KeyError:
            raise refused(f"the part {name} is missing") from None
        if name not in self._counted:
            self._counted.add(name)
            self.unpacked += info.file_size
        if self.unpacked > MAX_UNPACKED_BYTES:
            raise refused(f"more than {MAX_UNPACKED_BYTES // 1024**3} GiB unpacked")
        return info

    def read_small(self, name: str) -> bytes:
        info = self.info(name)
        if info.file_size > MAX_SMALL_PART_BYTES:
            raise refused(f"the part {name} is {info.file_size} bytes")
        try:
            with self.zip.open(info) as part:
                return part.read(MAX_SMALL_PART_BYTES + 1)
        except _UNPACK_ERRORS as error:
            raise refused(f"the part {name} cannot be unpacked ({error})") from None

    def exists(self, name: str) -> bool:
        return name in self.zip.NameToInfo

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """``Id`` → ``(type, target part)`` of a part's relationships (none if it has no file)."""
        folder, name = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", name + ".rels")
        if not self.exists(rels):
            return {}
        found = {}
        for tag, attrs, _ in self._elements(rels):
            if tag == "Relationship" and attrs.get("TargetMode") != "External":
                target = attrs.get("Target", "")
                path = target[1:] if target.startswith("/") else posixpath.join(folder, target)
                found[attrs.get("Id", "")] = (attrs.get("Type", ""), posixpath.normpath(path))
        return found

    def layout(self) -> tuple[str, str | None, str | None, bool]:
        """The first worksheet, the shared strings and styles parts, and whether dates count from 1904."""
        roots = self.relationships("")
        found = (t for kind, t in roots.values() if kind.endswith(_OFFICE_DOCUMENT))
        workbook = next(found, "xl/workbook.xml")
        rels = self.relationships(workbook)
        sheet: str | None = None
        date1904 = False
        for tag, attrs, _ in self._elements(workbook):
            if tag == "workbookPr":
                date1904 = attrs.get("date1904", "").lower() in ("1", "true")
            elif tag == "sheet" and sheet is None:
                kind, target = rels.get(attrs.get("id", ""), ("", ""))
                if kind.endswith("/worksheet"):
                    sheet = target
        if sheet is None:
            raise refused("it has no worksheet")
        strings = next((t for kind, t in rels.values() if kind.endswith("/sharedStrings")), None)
        styles = next((t for kind, t in rels.values() if kind.endswith("/styles")), None)
        return sheet, strings, styles, date1904

    def date_styles(self, styles: str | None) -> tuple[frozenset[int], frozenset[int]]:
        """Indexes of the cell styles whose number format is a date, and those that are durations."""
        if styles is None or not self.exists(styles):
            return frozenset(), frozenset()
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format

        custom: dict[int, str] = {}
        formats: list[int] = []
        for tag, attrs, parents in self._elements(styles):
            try:
                if tag == "numFmt":
                    custom[int(attrs.get("numFmtId", ""))] = attrs.get("formatCode", "")
                elif tag == "xf" and parents[-1:] == ("cellXfs",):
                    formats.append(int(attrs.get("numFmtId", "0")))
            except ValueError:
                raise refused(f"{styles} holds a number format id that is not a number") from None
        codes = [custom[f] if f in custom else BUILTIN_FORMATS.get(f) for f in formats]
        dates = frozenset(i for i, code in enumerate(codes) if is_date_format(code))
        durations = frozenset(i for i, code in enumerate(codes) if is_timedelta_format(code))
        return dates, durations

    def stream(self, name: str, cancelled: Callable[[], bool] | None) -> Iterator[bytes]:
        info = self.info(name)
        try:
            with self.zip.open(info) as part:
                while chunk := part.read(CHUNK_BYTES):
                    if cancelled is not None and cancelled():
                        raise ReadCancelled()
                    yield chunk
        except _UNPACK_ERRORS as error:
            raise refused(f"the part {name} cannot be unpacked ({error})") from None


def _feed(parser: Any, chunks: Iterator[bytes], name: str) -> Generator[None, None, None]:
    """Parse ``chunks``, yielding after each so the caller can hand on what was parsed."""
    try:
        for chunk in chunks:
            parser.Parse(chunk, False)
            yield
        parser.Parse(b"", True)
    except expat.ExpatError as error:
        raise refused(f"{name} is damaged ({expat.ErrorString(error.code)}, line {error.lineno})") from None
    yield


def shared_strings(book: _Book, name: str | None, cancelled: Callable[[], bool] | None) -> list[str]:
    """The shared-string table; a string past :data:`MAX_CELL_CHARS` is kept as a marker only."""
    strings: list[str] = []
    if name is None or not book.exists(name):
        return strings
    plain: list[str] = []
    runs: list[str] = []
    state = {"depth": 0, "in_t": False, "phonetic": 0, "size": 0, "chars": 0, "run": False}

    def start(tag: str, attrs: dict[str, str]) -> None:
        local = _local(tag)
        if local == "si":
            plain.clear()
            runs.clear()
            state["size"] = 0
        elif local == "rPh":
            state["phonetic"] += 1
        elif local == "r":
            state["run"] = True
        elif local == "t" and not state["phonetic"]:
            state["in_t"] = True

    def end(tag: str) -> None:
        local = _local(tag)
        if local == "t":
            state["in_t"] = False
        elif local == "rPh":
            state["phonetic"] -= 1
        elif local == "r":
            state["run"] = False
        elif local == "si":
            if len(strings) >= MAX_SHARED_STRINGS:
                raise refused(f"more than {MAX_SHARED_STRINGS} shared strings")
            if state["size"] > MAX_CELL_CHARS:
                strings.append(TOO_LONG)
                return
            state["chars"] += state["size"]
            if state["chars"] > MAX_SHARED_CHARS:
                raise refused(f"more than {MAX_SHARED_CHARS} characters of shared strings")
            strings.append(("".join(plain) + "".join(runs)).replace("x005F_", ""))

    def text(data: str) -> None:
        if state["in_t"]:
            state["size"] += len(data)
            if state["size"] <= MAX_CELL_CHARS:
                (runs if state["run"] else plain).append(data)

    parser = _parser()
    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, text
    for _ in _feed(parser, book.stream(name, cancelled), name):
        pass
    return strings


class XlsxRecords:
    """Rows of the first worksheet of an XLSX opened as ``stream`` (which it closes); line = the
    Excel row number. Refuses (``InvalidInput``, ``account_file_format``) what is not a readable,
    bounded workbook."""

    encoding: str | None = None

    def __init__(self, stream: BinaryIO, *, cancelled: Callable[[], bool] | None = None) -> None:
        from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH

        self._stream, self._cancelled = stream, cancelled
        self._progress = [0, -1]
        try:
            self._book = _Book(stream)
            self._sheet, strings, styles, date1904 = self._book.layout()
            dates, durations = self._book.date_styles(styles)
            table = shared_strings(self._book, strings, cancelled)
        except BaseException:
            stream.close()
            raise
        epoch = MAC_EPOCH if date1904 else WINDOWS_EPOCH
        self._values = CellValues(table, dates, durations, epoch)
        self._total_from_dimension()

    def _total_from_dimension(self) -> None:
        """The dimension element comes first in a sheet: read the part's first chunk for it."""
        parser = _parser()
        rows = sheet_records(parser, self._values, self._progress)
        steps = _feed(parser, self._book.stream(self._sheet, None), self._sheet)
        try:
            for _ in steps:
                if rows or self._progress[1] >= 0:
                    break
        except (InvalidInput, RowLimit):
            pass  # said again, properly, when the rows are read
        finally:
            steps.close()
        self._progress = [0, self._progress[1]]

    def progress(self) -> Progress:
        total = self._progress[1]
        return Progress(self._progress[0], total if total >= 0 else None, "rows")

    def __iter__(self) -> Iterator[Record]:
        parser = _parser()
        rows = sheet_records(parser, self._values, self._progress)
        try:
            for _ in _feed(parser, self._book.stream(self._sheet, self._cancelled), self._sheet):
                if rows:
                    yield from rows
                    rows.clear()
        except RowLimit as error:
            raise refused(f"{error}: the file is damaged") from None

    def close(self) -> None:
        self._book.zip.close()
        self._stream.close()
