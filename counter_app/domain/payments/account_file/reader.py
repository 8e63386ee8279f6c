"""Streaming reader for the account list the central marketing system (营销系统) exports, CSV or XLSX.

Promises:

* **Bounded memory.** A CSV is read in chunks through ``read(size)`` only, and each physical line is
  decoded as if on its own (see ``streams.py``); a line over ``MAX_LINE_BYTES`` is skipped
  and reported. The only state that grows with the file is the duplicate check, 20–40 bytes per distinct
  account (0.4–0.8 GB for a 2 GB, 20-million-row export). It is sized at the start for one row per
  ``ROW_BYTES_GUESS`` bytes of the file, which never takes more than 0.36 bytes per byte of the file
  (a file of unusually long rows may so use more per account); pass ``check_duplicates=False`` to
  leave duplicates to the store's unique index instead. An XLSX is streamed with Excel's own limits
  (``xlsx.py``): a damaged cell rejects its row (``xlsx_malformed``), a damaged or
  unbounded workbook is refused.
* **Regular files only.** A device (``/dev/zero``), a FIFO or a folder is refused before a byte is
  read (``FileRefused``); ``cancelled`` is asked for every record and every chunk read.
* **Fast and general paths.** A row in the plain form of a central-system export is checked by a fast
  path that gives exactly what the general rules give; any other row goes through every rule (see
  ``rows.py``). :meth:`AccountFile.values` gives accepted rows as plain tuples for importers.
* **Header first.** Opening finds the header row (the first of the first :data:`HEADER_SEARCH_ROWS`
  non-blank rows that has every required column, so a title line above it is fine) and raises
  :class:`MissingColumns` before any row is yielded. Required: 户号, 户名 and one of 余额/欠费.
* **One result per data row**: :class:`AccountRow` or :class:`RowRejection`, with the file's line number
  where the record starts (the Excel row number for XLSX). Blank rows (also ``,,,,``) are skipped.
* **Duplicates**: the *first* occurrence of an account number wins; later ones are rejected with
  ``code="duplicate"`` naming the first line. Keeping the first is what one streaming pass can do
  honestly, and the clerk sees exactly which lines were dropped. A rejected row does not claim its number.
* **Text is kept as written** (surrounding whitespace stripped): SQL-looking names, emoji and characters
  outside the BMP (生僻字 such as 𠮷) pass through unchanged.

Encoding rule for ``encoding="auto"``: a UTF-8 BOM means UTF-8 (even over an explicit encoding); a UTF-16
or UTF-32 BOM is refused (save as "CSV UTF-8"); otherwise, if the first 64 KiB hold non-ASCII bytes, the
file is UTF-8 when at least half of the lines holding them decode as UTF-8, and GB18030 (a superset of
GBK and GB2312) when not; an all-ASCII start postpones the choice to the first line with a non-ASCII
byte, judged the same way. A line that does not decode in the chosen encoding is rejected alone
(``code="encoding"``).

Cells: empty amount cells are 0.00; with both 余额 and 欠费 columns the balance is 余额 − 欠费 (sign
convention in ``accounts.py``); only the first of several phone numbers is kept, and a phone that is not
understood is left empty with a :class:`RowNote`, not a rejection. CSV rows with more non-empty cells
than the header, or fewer cells, are rejected (``column_count``); XLSX rows are padded, never rejected
for width, because spreadsheets drop trailing empty cells.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from types import TracebackType
from typing import Literal, Protocol, cast

from counter_app.domain.errors import InvalidInput
from counter_app.domain.payments.account_file.rows import (
    UNDECODED,
    AccountRow,
    RowNote,
    RowRejection,
    RowResult,
    fast_row_reader,
    general_row,
)
from counter_app.domain.payments.account_file.streams import (
    ByteSource,
    CsvRecords,
    Progress,
    ReadCancelled,
    Record,
    SeenAccounts,
)
from counter_app.domain.payments.account_file.xlsx import XlsxRecords
from counter_app.domain.payments.accounts import (
    DEFAULT_ACCOUNT_NUMBER_RULE,
    AccountNumberRule,
    AccountValues,
    account_values,
    values_account,
)
from counter_app.safe_files import open_input

__all__ = [
    "COLUMN_SYNONYMS",
    "AccountFile",
    "AccountRow",
    "AccountValues",
    "ByteSource",
    "ColumnLayout",
    "MissingColumns",
    "Progress",
    "ReadCancelled",
    "RowNote",
    "RowRejection",
    "RowResult",
    "match_header",
    "open_account_file",
    "read_account_csv",
]

HEADER_SEARCH_ROWS = 10
ROW_BYTES_GUESS = 100

# Preferred synonym first: if a file has both 户号 and 客户编号, 户号 is used and 客户编号 ignored.
COLUMN_SYNONYMS: dict[str, tuple[str, ...]] = {
    "account_number": ("户号", "用户编号", "用户号", "户编号", "consNo", "cons_no", "account_no",
                       "account_number", "account", "客户编号"),
    "name": ("户名", "用户名称", "客户名称", "用户名", "姓名", "name", "cons_name", "customer_name"),
    "address": ("用电地址", "地址", "用户地址", "address", "elec_addr"),
    "phone": ("联系电话", "手机", "手机号", "手机号码", "移动电话", "电话", "phone", "mobile", "tel"),
    "tariff_class": ("用电类别", "电价类别", "tariff", "tariff_class"),
    "balance": ("余额", "账户余额", "预存余额", "预收余额", "balance"),
    "arrears": ("欠费", "欠费金额", "应缴金额", "应交金额", "应缴电费", "arrears", "amount_due"),
    "due_date": ("缴费截止日期", "交费截止日期", "截止日期", "到期日", "due_date", "due"),
    "as_of": ("数据日期", "更新日期", "统计日期", "as_of", "updated", "updated_at"),
    "withholding": ("代扣", "代扣状态", "是否代扣", "withholding"),
}  # fmt: skip
REQUIRED_COLUMNS = ("account_number", "name", "balance_or_arrears")
COLUMN_LABELS = {
    "account_number": "户号 (account number)",
    "name": "户名 (name)",
    "balance_or_arrears": "余额/欠费 (balance or arrears)",
}


def _header_key(text: str) -> str:
    """``" 欠费金额（元）*"`` → ``"欠费金额"``; ``"Account_No"`` → ``"accountno"``."""
    key = unicodedata.normalize("NFKC", text).casefold().strip().strip("*").strip()
    if key.endswith(")") and "(" in key:
        key = key[: key.rindex("(")]
    return "".join(ch for ch in key if ch not in " _-.\t\ufeff")


_SYNONYM_RANK = {
    _header_key(s): (f, rank) for f, names in COLUMN_SYNONYMS.items() for rank, s in enumerate(names)
}


class MissingColumns(InvalidInput):
    """The file lacks required columns; ``params["missing"]`` and ``params["found"]`` say which."""

    def __init__(self, missing: tuple[str, ...], found: tuple[str, ...]) -> None:
        labels = ", ".join(COLUMN_LABELS.get(m, m) for m in missing)
        seen = ", ".join(found) if found else "no header row"
        super().__init__(
            f"account file lacks columns {labels}; found: {seen}",
            field="columns",
            code="account_file_missing_columns",
            missing=missing,
            found=found,
        )


@dataclass(frozen=True)
class ColumnLayout:
    """Where each field is: ``columns`` maps field name → 0-based column; ``ignored`` lists unused headers."""

    line: int
    headers: tuple[str, ...]
    columns: dict[str, int] = field(hash=False)
    ignored: tuple[str, ...]

    @property
    def missing(self) -> tuple[str, ...]:
        have = set(self.columns)
        if have & {"balance", "arrears"}:
            have.add("balance_or_arrears")
        return tuple(f for f in REQUIRED_COLUMNS if f not in have)


def match_header(cells: Iterable[str], line: int = 1) -> ColumnLayout:
    """Map header cells to fields (any order, Chinese or English, synonyms); never raises."""
    headers = tuple(UNDECODED.sub("\ufffd", c).strip() for c in cells)
    best: dict[str, tuple[int, int]] = {}
    for index, header in enumerate(headers):
        hit = _SYNONYM_RANK.get(_header_key(header))
        if hit and (hit[0] not in best or hit[1] < best[hit[0]][1]):
            best[hit[0]] = (index, hit[1])
    columns = {f: index for f, (index, _) in best.items()}
    used = set(columns.values())
    return ColumnLayout(
        line, headers, columns, tuple(h for i, h in enumerate(headers) if h and i not in used)
    )


class _RecordSource(Protocol):
    @property
    def encoding(self) -> str | None: ...

    def __iter__(self) -> Iterator[Record]: ...

    def progress(self) -> Progress: ...


def _expected_rows(progress: Progress) -> int:
    """Rows the whole file probably holds: XLSX says; a CSV export row is about ROW_BYTES_GUESS bytes."""
    total = progress.total or 0
    return total // ROW_BYTES_GUESS if progress.unit == "bytes" else total


class AccountFile:
    """An opened account list: iterate it once for :data:`RowResult` items; poll :meth:`progress`.

    Use as a context manager (or call :meth:`close`) so the file is closed.
    """

    def __init__(
        self,
        source: _RecordSource,
        *,
        file_format: Literal["csv", "xlsx"],
        rule: AccountNumberRule = DEFAULT_ACCOUNT_NUMBER_RULE,
        check_duplicates: bool = True,
        close: Callable[[], None] = lambda: None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        self.format = file_format
        self._source, self._rule, self._close = source, rule, close
        self._cancelled = cancelled
        self._records = iter(source)
        self._seen = SeenAccounts(_expected_rows(source.progress())) if check_duplicates else None
        try:
            self.layout = self._find_header()
        except BaseException:
            close()
            raise

    def _find_header(self) -> ColumnLayout:
        best: ColumnLayout | None = None
        count = 0
        cancelled = self._cancelled
        for line, cells in self._records:
            if cancelled is not None and cancelled():
                raise ReadCancelled()
            if isinstance(cells, str) or not any(c.strip() for c in cells):
                continue
            layout = match_header(cells, line)
            if not layout.missing:
                return layout
            if best is None or len(layout.columns) > len(best.columns):
                best = layout
            count += 1
            if count >= HEADER_SEARCH_ROWS:
                break
        if best is None:
            raise MissingColumns(REQUIRED_COLUMNS, ())
        raise MissingColumns(best.missing, tuple(h for h in best.headers if h))

    @property
    def encoding(self) -> str | None:
        """The CSV encoding in use (``None`` for XLSX, or while an all-ASCII file has not had to choose)."""
        return self._source.encoding

    def progress(self) -> Progress:
        return self._source.progress()

    def __iter__(self) -> Iterator[RowResult]:
        return cast(Iterator[RowResult], self._results(as_values=False))

    def values(self) -> Iterator[AccountValues | RowRejection]:
        """The same rows as iterating, accepted ones as plain :data:`AccountValues` (without notes):
        what an importer needs, at a fraction of the cost per row."""
        return cast(Iterator[AccountValues | RowRejection], self._results(as_values=True))

    def _results(self, *, as_values: bool) -> Iterator[AccountValues | RowResult]:
        """Every data row's result; accepted rows as AccountValues when ``as_values``, else AccountRow."""
        columns, width, rule = self.layout.columns, len(self.layout.headers), self._rule
        strict_width = self.format == "csv"
        fast = fast_row_reader(columns, width, rule)
        first_line = self._seen.first_line if self._seen is not None else None
        malformed = "csv_malformed" if strict_width else "xlsx_malformed"
        cancelled = self._cancelled
        for line, cells in self._records:
            if cancelled is not None and cancelled():
                raise ReadCancelled()
            if isinstance(cells, str):
                yield RowRejection(line, malformed, cells)
                continue
            values = fast(line, cells)
            result: AccountValues | RowResult
            if values is None:
                if not "".join(cells).strip():
                    continue  # a blank row, also ",,,,"
                result = general_row(line, cells, columns, width, rule, strict_width)
                if isinstance(result, RowRejection):
                    yield result
                    continue
                number = result.account.number
                if as_values:
                    result = account_values(line, result.account)
            else:
                number = values[0]
                result = values if as_values else AccountRow(line, values_account(values))
            if first_line is not None:
                first = first_line(number, line)
                if first != line:
                    yield RowRejection(
                        line, "duplicate", f"duplicate of line {first}", "account_number", number
                    )
                    continue
            yield result

    def close(self) -> None:
        self._close()

    def __enter__(self) -> AccountFile:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def read_account_csv(
    source: ByteSource | Iterable[bytes],
    *,
    encoding: str = "auto",
    delimiter: str | None = None,
    rule: AccountNumberRule = DEFAULT_ACCOUNT_NUMBER_RULE,
    total_bytes: int | None = None,
    check_duplicates: bool = True,
    close: Callable[[], None] = lambda: None,
    cancelled: Callable[[], bool] | None = None,
) -> AccountFile:
    """Open a CSV from a binary stream (only ``read(size)`` is called) or an iterable of byte chunks.

    ``close`` is called when the returned file is closed, or at once if opening fails. ``cancelled``
    is asked for every record and every chunk read: :class:`ReadCancelled` once it says so.
    """
    try:
        records = CsvRecords(
            source, encoding=encoding, delimiter=delimiter, total_bytes=total_bytes, cancelled=cancelled
        )
    except BaseException:
        close()
        raise
    return AccountFile(
        records,
        file_format="csv",
        rule=rule,
        check_duplicates=check_duplicates,
        close=close,
        cancelled=cancelled,
    )


def open_account_file(
    path: str | os.PathLike[str],
    *,
    encoding: str = "auto",
    delimiter: str | None = None,
    rule: AccountNumberRule = DEFAULT_ACCOUNT_NUMBER_RULE,
    check_duplicates: bool = True,
    cancelled: Callable[[], bool] | None = None,
) -> AccountFile:
    """Open a CSV or XLSX account list, told apart by content, not by name.

    Raises :class:`MissingColumns` for a header without the required columns, ``InvalidInput``
    with ``code="account_file_format"``/``"account_file_encoding"`` for a file it cannot read, and
    ``FileRefused`` for a path that is missing or not a regular file (a device such as /dev/zero,
    a FIFO, a folder): those are never read. ``cancelled``: see :func:`read_account_csv`.
    """
    stream = open_input(path)  # AccountFile.close closes it, or the except below
    try:
        magic = stream.read(8)
        if magic.startswith(b"\xd0\xcf\x11\xe0"):
            raise InvalidInput(
                "old .xls workbooks cannot be read; save as XLSX or CSV",
                field="format",
                code="account_file_format",
            )
        if magic.startswith(b"PK\x03\x04"):
            book = XlsxRecords(stream, cancelled=cancelled)
            return AccountFile(
                book,
                file_format="xlsx",
                rule=rule,
                check_duplicates=check_duplicates,
                close=book.close,
                cancelled=cancelled,
            )
        stream.seek(0)
        return read_account_csv(
            stream,
            encoding=encoding,
            delimiter=delimiter,
            rule=rule,
            total_bytes=os.fstat(stream.fileno()).st_size,
            check_duplicates=check_duplicates,
            close=stream.close,
            cancelled=cancelled,
        )
    except BaseException:
        stream.close()
        raise
