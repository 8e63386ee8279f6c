"""Bounded-memory plumbing under ``reader.py``: bytes → lines → records, and the duplicate table.

A CSV is pulled through ``read(CHUNK_BYTES)`` only (never ``read()``, ``readline()`` or iteration of
the stream) and split into physical lines of at most :data:`MAX_LINE_BYTES`; each line is decoded as if
on its own, so one undecodable line is rejected alone. Splitting bytes at ``\\n`` is safe for UTF-8, GBK
and GB18030: none of them uses the byte 0x0A inside a multi-byte character (UTF-16 does, hence refused).
For the same reason, the whole lines of a chunk that decode without error in one of those encodings are
decoded in one call, which gives the same text as line by line at a fraction of the cost; only a run
holding an undecodable line is decoded line by line.
"""

from __future__ import annotations

import codecs
import csv
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from itertools import chain, islice
from typing import Literal, Protocol, runtime_checkable

from counter_app.domain.errors import InvalidInput, RuleViolation

CHUNK_BYTES = 64 * 1024
MAX_LINE_BYTES = 1024 * 1024
SNIFF_LINES = 10
OVERLONG_LINE = "\ue000line-too-long\ue000"
"""Stands in (as a private-use cell) for a physical line longer than MAX_LINE_BYTES, which is skipped."""

Record = tuple[int, list[str] | str]
"""``(first line number, cells)``, or ``(line, csv error message)`` for a record that could not be split."""


class ReadCancelled(RuleViolation):
    """The reader's ``cancelled()`` said so: it stops where it is, nothing is imported."""

    code = "account_import_cancelled"

    def __init__(self) -> None:
        super().__init__("The import was cancelled; nothing was imported")


@runtime_checkable
class ByteSource(Protocol):
    def read(self, size: int, /) -> bytes: ...


@dataclass(frozen=True)
class Progress:
    """How far an import is: bytes for CSV, rows for XLSX; ``total`` is None when unknown."""

    done: int
    total: int | None
    unit: Literal["bytes", "rows"]

    @property
    def fraction(self) -> float | None:
        return min(1.0, self.done / self.total) if self.total else None


def _refused_encoding(name: str) -> InvalidInput:
    return InvalidInput(
        f"{name} files cannot be read; save the list as 'CSV UTF-8' or XLSX",
        field="encoding",
        code="account_file_encoding",
        encoding=name,
    )


def _is_utf8(data: bytes, *, final: bool) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=final)
    except UnicodeDecodeError:
        return False
    return True


def guess_encoding(sample: bytes, *, complete: bool) -> str | None:
    """UTF-8 if at least half the lines with non-ASCII bytes decode as UTF-8, else GB18030; None if all ASCII.

    A vote per line rather than one verdict on the whole sample, so one corrupt line in a UTF-8 file does
    not turn every name into mojibake. Ties go to UTF-8: Chinese text in GBK almost never passes as
    UTF-8 (GB2312 lead bytes B0–C1 cannot start a UTF-8 character), so a passing line is strong evidence.
    ``complete=False``: the sample's last line may be cut short.
    """
    lines = sample.split(b"\n")
    votes = [
        _is_utf8(line, final=complete or index < len(lines) - 1)
        for index, line in enumerate(lines)
        if not line.isascii()
    ]
    if not votes:
        return None
    return "utf-8" if 2 * sum(votes) >= len(votes) else "gb18030"


def _chunks(source: ByteSource | Iterable[bytes]) -> Iterator[bytes]:
    if isinstance(source, ByteSource):
        while chunk := source.read(CHUNK_BYTES):
            yield chunk
    else:
        yield from source


def _chosen_encoding(requested: str, first: bytes) -> str | None:
    """The encoding rule of ``reader.py``; None = all ASCII so far, decide at the first other byte."""
    if first.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise _refused_encoding("UTF-32")
    if first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _refused_encoding("UTF-16")
    if first.startswith(codecs.BOM_UTF8):  # a BOM is definitive, whatever the caller guessed
        return "utf-8"
    if requested == "auto":
        return guess_encoding(first, complete=False)
    try:
        name = codecs.lookup(requested).name
    except (LookupError, ValueError):  # ValueError: a NUL in the name
        raise InvalidInput(
            f"unknown encoding {requested[:40]!r}",
            field="encoding",
            code="account_file_encoding",
            encoding=requested[:40],
        ) from None
    if name.startswith(("utf-16", "utf-32")):
        raise _refused_encoding(name)
    return "utf-8" if name == "utf-8-sig" else name


class CsvLines:
    """Decoded physical lines of a byte stream, each with its ``\\n``; :attr:`position` is bytes consumed."""

    def __init__(
        self,
        source: ByteSource | Iterable[bytes],
        encoding: str = "auto",
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        self._chunks = _chunks(source)
        self._cancelled = cancelled
        self.bytes_read = 0
        first = self._next_chunk()
        self.encoding = _chosen_encoding(encoding, first)
        self._buffer, self._pos = first, 3 if first.startswith(codecs.BOM_UTF8) else 0

    def _next_chunk(self) -> bytes:
        if self._cancelled is not None and self._cancelled():
            raise ReadCancelled()  # also inside one endless line, where no record comes out
        for chunk in self._chunks:
            if chunk:
                self.bytes_read += len(chunk)
                return bytes(chunk)
        return b""

    @property
    def position(self) -> int:
        return self.bytes_read - (len(self._buffer) - self._pos)

    def _raw_blocks(self) -> Iterator[bytes | None]:
        """Runs of whole lines as read (the file's last line may lack its ``\\n``); ``None`` for a line over
        MAX_LINE_BYTES, which is read past but not kept. No line in a run is longer than MAX_LINE_BYTES."""
        skipping = False
        while True:
            end = self._buffer.rfind(b"\n", self._pos)
            if end >= 0:
                block, self._pos = self._buffer[self._pos : end + 1], end + 1
                if skipping:  # the block starts with the rest of an overlong line
                    block, skipping = block[block.index(b"\n") + 1 :], False
                    yield None
                if len(block) > MAX_LINE_BYTES:
                    yield from _checked_lines(block)
                elif block:
                    yield block
                continue
            if len(self._buffer) - self._pos > MAX_LINE_BYTES:
                skipping, self._buffer, self._pos = True, b"", 0
            chunk = self._next_chunk()
            if not chunk:
                if skipping or self._pos < len(self._buffer):  # an overlong last line is reported too
                    tail, self._buffer, self._pos = self._buffer[self._pos :], b"", 0
                    yield None if skipping else tail
                return
            self._buffer, self._pos = self._buffer[self._pos :] + chunk, 0

    def __iter__(self) -> Iterator[str]:
        for block in self._raw_blocks():
            if block is None:
                yield OVERLONG_LINE + "\n"
                continue
            encoding = self.encoding or ("ascii" if block.isascii() else None)
            if encoding in _RUN_ENCODINGS:
                try:
                    text = block.decode(encoding)
                except UnicodeDecodeError:
                    pass  # some line is not valid: decode line by line, so it is rejected alone
                else:
                    lines = text.split("\n")
                    last = lines.pop()
                    for line in lines:
                        yield line + "\n"
                    if last:
                        yield last
                    continue
            yield from self._decoded_lines(block)

    def _decoded_lines(self, block: bytes) -> Iterator[str]:
        for raw in _lines_of(block):
            if self.encoding is None:
                if raw.isascii():
                    yield raw.decode("ascii")
                    continue
                self.encoding = guess_encoding(raw, complete=True) or "utf-8"
            # Undecodable bytes become lone surrogates; the row check turns them into a rejection.
            yield raw.decode(self.encoding, "surrogateescape")


_RUN_ENCODINGS = frozenset({"utf-8", "gb18030", "gbk", "gb2312", "ascii"})
"""Encodings in which a run of lines that decodes without error gives exactly the lines decoded one by one:
stateless, and the byte 0x0A is never part of a multi-byte character."""


def _lines_of(block: bytes) -> Iterator[bytes]:
    start = 0
    while start < len(block):
        end = block.find(b"\n", start) + 1 or len(block)
        yield block[start:end]
        start = end


def _checked_lines(block: bytes) -> Iterator[bytes | None]:
    for line in _lines_of(block):
        yield None if len(line) > MAX_LINE_BYTES else line


def sniff_delimiter(lines: list[str]) -> str:
    """Comma unless a tab, semicolon or bar is more frequent on some early line."""
    counts = {d: max((line.count(d) for line in lines), default=0) for d in (",", "\t", ";", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


class CsvRecords:
    """Records of a CSV byte stream; ``close`` is the owner's closer (the file), called by :meth:`close`."""

    def __init__(
        self,
        source: ByteSource | Iterable[bytes],
        *,
        encoding: str = "auto",
        delimiter: str | None = None,
        total_bytes: int | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        self._lines = CsvLines(source, encoding, cancelled)
        self._total = total_bytes
        text = iter(self._lines)
        peeked = list(islice(text, SNIFF_LINES))
        self._reader = csv.reader(chain(peeked, text), delimiter=delimiter or sniff_delimiter(peeked))

    @property
    def encoding(self) -> str | None:
        return self._lines.encoding

    def progress(self) -> Progress:
        return Progress(self._lines.position, self._total, "bytes")

    def __iter__(self) -> Iterator[Record]:
        while True:
            start = self._reader.line_num + 1
            try:
                cells = next(self._reader)
            except StopIteration:
                return
            except csv.Error as error:
                yield start, str(error)
                continue
            yield start, cells


def cell_text(value: object) -> str:
    """An XLSX cell value as the text a CSV export would have had."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else str(round(value, 6))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


_GOLDEN = 0x9E3779B97F4A7C15  # Fibonacci hashing: the top bits of key × 2⁶⁴/φ pick the slot
_WORD = 0xFFFFFFFFFFFFFFFF


class SeenAccounts:
    """Account number → first line, as an open-addressing table in two flat arrays.

    12 bytes a slot, kept between 1/3 and 2/3 full: 20–40 bytes per distinct account (a Python
    ``dict[str, int]`` needs ~120), so a 20-million-row export costs 0.4–0.8 GB instead of ~2.4 GB, plus
    the old table while growing. A table made for ``expected`` accounts starts at the size that holds
    them (it is emptier than 1/3 while fewer come). Numbers over 17 digits go to a plain dict.
    """

    def __init__(self, expected: int = 0) -> None:
        """``expected``: how many accounts to make room for at once (each growth is a pass over the table)."""
        self._set_size(max(16, (expected * 3 // 2).bit_length()))
        self._count = 0
        self._long: dict[str, int] = {}

    def _set_size(self, bits: int) -> None:
        self._bits, self._shift, self._mask = bits, 64 - bits, (1 << bits) - 1
        self._limit = (2 << bits) // 3
        self._keys = array("q", bytes(8 << bits))
        self._lines = array("I", bytes(4 << bits))

    def first_line(self, number: str, line: int) -> int:
        """The line ``number`` was first seen on, recording ``line`` if this is the first time."""
        size = len(number)
        if size > 17:
            return self._long.setdefault(number, line)
        key = int(number) * 32 + size  # the length keeps 0123456789 apart from 123456789
        keys = self._keys
        slot = ((key * _GOLDEN) & _WORD) >> self._shift
        found = keys[slot]
        while found:
            if found == key:
                return self._lines[slot]
            slot = (slot + 1) & self._mask
            found = keys[slot]
        keys[slot], self._lines[slot] = key, line
        self._count += 1
        if self._count > self._limit:
            self._grow()
        return line

    def _grow(self) -> None:
        keys, lines = self._keys, self._lines
        self._set_size(self._bits + 1)
        shift, mask, new_keys, new_lines = self._shift, self._mask, self._keys, self._lines
        for key, line in zip(keys, lines, strict=True):
            if key:
                slot = ((key * _GOLDEN) & _WORD) >> shift
                while new_keys[slot]:
                    slot = (slot + 1) & mask
                new_keys[slot], new_lines[slot] = key, line

    def __len__(self) -> int:
        return self._count + len(self._long)
