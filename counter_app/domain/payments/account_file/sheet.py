"""The rows of one worksheet part, streamed through expat with Excel's limits (see
``xlsx.py``): each row a :data:`Record` of its cells' text, or of the reason it is damaged.

One expat callback per element and per run of text; everything a row needs is kept in the closure of
:func:`sheet_records`, which is what keeps a million-row sheet fast in pure Python.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from counter_app.domain.payments.account_file.streams import MAX_LINE_BYTES, Record, cell_text

MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
MAX_CELL_CHARS = 32_767
TOO_LONG = "\ue000cell-too-long\ue000"
"""Stands in for a shared string past MAX_CELL_CHARS (compared by identity)."""

_NAMESPACES = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",  # ISO 29500 strict
)
_ROW, _CELL, _VALUE, _INLINE, _TEXT, _PHONETIC, _DIMENSION = range(7)
_KINDS = {
    f"{ns} {local}": kind
    for ns in _NAMESPACES
    for local, kind in (
        ("row", _ROW),
        ("c", _CELL),
        ("v", _VALUE),
        ("is", _INLINE),
        ("t", _TEXT),
        ("rPh", _PHONETIC),
        ("dimension", _DIMENSION),
    )
}
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\Z", re.ASCII)
_COLUMN = re.compile(r"([A-Za-z]{1,3})\d*\Z", re.ASCII)
_REF_ROWS = re.compile(r"[A-Za-z]{1,3}(\d{1,7})(?::[A-Za-z]{1,3}(\d{1,7}))?\Z", re.ASCII)
_BOOLS = {"0": False, "1": True, "true": True, "false": False}


class RowLimit(Exception):
    """A row number past :data:`MAX_ROWS`, or more rows than that: the file is refused."""


def column_index(ref: str) -> int:
    """``"B12"`` → 2, ``"XFD1"`` → 16384; 0 for a reference that is not one."""
    match = _COLUMN.match(ref)
    if match is None:
        return 0
    index = 0
    for letter in match.group(1).upper():
        index = index * 26 + ord(letter) - 64
    return index


def dimension_rows(ref: str) -> int | None:
    """The last row a ``<dimension ref="A1:F120">`` claims, at most MAX_ROWS; None if unreadable."""
    match = _REF_ROWS.match(ref.strip())
    if match is None:
        return None
    return min(MAX_ROWS, int(match.group(2) or match.group(1)))


class CellValues:
    """Turns a cell's type, style and text into what openpyxl's ``values_only`` read gave, as text;
    raises ``ValueError`` (its message says why) for a malformed cell."""

    def __init__(self, strings: list[str], dates: frozenset[int], durations: frozenset[int], epoch: datetime):
        from openpyxl.utils.datetime import from_excel, from_ISO8601

        self.strings, self.dates, self.durations, self.epoch = strings, dates, durations, epoch
        self.from_excel: Callable[..., Any] = from_excel
        self.from_iso: Callable[[str], Any] = from_ISO8601

    def text(self, kind: str, style: int, raw: str | None) -> str:
        if not raw:
            return ""
        if kind == "n":
            number = self.number(raw)
            if style in self.dates:
                try:
                    return cell_text(self.from_excel(number, self.epoch, timedelta=style in self.durations))
                except (OverflowError, ValueError):
                    return "#VALUE!"  # as openpyxl: a date serial out of range is an error value
            return cell_text(number)
        if kind == "s":
            try:
                value = self.strings[int(raw)]
            except (ValueError, IndexError):
                raise ValueError(f"shared string {raw.strip()[:20]!r} does not exist") from None
            if value is TOO_LONG:
                raise ValueError(f"text longer than {MAX_CELL_CHARS} characters")
            return value
        if kind in ("str", "e", "inlineStr"):
            return raw
        if kind == "b":
            flag = _BOOLS.get(raw.strip())
            if flag is None:
                raise ValueError(f"{raw.strip()[:20]!r} is not a boolean")
            return cell_text(flag)
        if kind == "d":
            try:
                return cell_text(self.from_iso(raw.strip()))
            except (ValueError, TypeError, OverflowError):
                raise ValueError(f"{raw.strip()[:40]!r} is not a date") from None
        raise ValueError(f"unknown cell type {kind[:20]!r}")

    @staticmethod
    def number(raw: str) -> int | float:
        text = raw.strip()
        if not _NUMBER.match(text):
            raise ValueError(f"{text[:40]!r} is not a number")
        if "." in text or "e" in text or "E" in text:
            return float(text)
        try:
            return int(text)
        except ValueError:  # past Python's 4,300-digit limit
            raise ValueError(f"{text[:20]!r}… ({len(text)} digits) is not a number") from None


def sheet_records(parser: Any, values: CellValues, progress: list[int]) -> list[Record]:
    """Wire ``parser``'s callbacks for a worksheet part. Completed rows are appended to the returned
    list (the caller hands them on and clears it after each chunk it feeds). ``progress`` is
    ``[last good row number, rows the dimension claims or -1]``, kept up to date in place."""
    rows: list[Record] = []
    row_no = 0  # the highest good row number so far
    seen = 0
    line = 0
    cells: list[str] = []
    damage = ""
    column = 0
    kind, style, ref = "n", 0, ""
    buffer: list[str] = []
    size = 0
    collecting = False
    inline = False
    phonetic = 0
    row_chars = 0
    to_text = values.text

    def start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal row_no, seen, line, cells, damage, column, kind, style, ref, size, collecting
        nonlocal inline, phonetic, row_chars
        what = _KINDS.get(tag)
        if what is None:
            return
        if what == _CELL:
            kind, ref = attrs.get("t", "n"), attrs.get("r", "")
            raw_style = attrs.get("s")
            style = int(raw_style) if raw_style and raw_style.isdigit() and len(raw_style) < 10 else 0
            column = column_index(ref) if ref else column + 1
            buffer.clear()
            size = 0
        elif what == _VALUE:
            collecting = not inline
        elif what == _TEXT:
            collecting = inline and not phonetic
        elif what == _INLINE:
            inline = True
        elif what == _PHONETIC:
            phonetic += 1
        elif what == _ROW:
            seen += 1
            if seen > MAX_ROWS:
                raise RowLimit(f"more than {MAX_ROWS} rows")
            cells, damage, column, row_chars = [], "", 0, 0
            raw = attrs.get("r")
            if raw is None:
                line = row_no + 1
            elif raw.isascii() and raw.isdigit():
                if len(raw) > 7 or int(raw) > MAX_ROWS:
                    raise RowLimit(f"row number {raw[:20]} is past the {MAX_ROWS} rows of a worksheet")
                line = int(raw)
            else:
                line, damage = row_no + 1, f"row number {raw[:20]!r} is not a number"
            if not damage and line <= row_no:
                damage = f"row {line} comes after row {row_no}"
            if not damage:
                row_no = line
                progress[0] = line
        elif what == _DIMENSION:
            claimed = dimension_rows(attrs.get("ref", ""))
            progress[1] = claimed if claimed is not None else -1

    def end(tag: str) -> None:
        nonlocal damage, collecting, inline, phonetic, row_chars
        what = _KINDS.get(tag)
        if what is None:
            return
        if what == _CELL:
            collecting = False
            if damage:
                return
            where = ref or f"column {column}"
            if not 0 < column <= MAX_COLUMNS:
                damage = f"cell {where[:20]}: not a column of a worksheet"
                return
            if size > MAX_CELL_CHARS:
                damage = f"cell {where}: text longer than {MAX_CELL_CHARS} characters"
                return
            try:
                text = to_text(kind, style, "".join(buffer) if buffer else None)
            except ValueError as error:
                damage = f"cell {where}: {error}"
                return
            if text:
                row_chars += len(text)
                if column > len(cells):
                    cells.extend([""] * (column - len(cells)))
                cells[column - 1] = text
        elif what in (_VALUE, _TEXT):
            collecting = False
        elif what == _INLINE:
            inline = False
        elif what == _PHONETIC:
            phonetic -= 1
        elif what == _ROW:
            if not damage and row_chars > MAX_LINE_BYTES:
                damage = f"row text longer than {MAX_LINE_BYTES} characters"
            rows.append((line, damage or cells))

    def text(data: str) -> None:
        nonlocal size
        if collecting:
            size += len(data)
            if size <= MAX_CELL_CHARS:
                buffer.append(data)

    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, text
    return rows
