"""The account list import: encodings, headers, per-row results, duplicates and bounded streaming."""

from __future__ import annotations

import io
import tracemalloc
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from counter_app.domain.errors import InvalidInput
from counter_app.domain.payments.account_file import streams as account_file_streams
from counter_app.domain.payments.account_file.reader import (
    AccountFile,
    AccountRow,
    MissingColumns,
    RowRejection,
    RowResult,
    open_account_file,
    read_account_csv,
)
from counter_app.domain.payments.account_file.streams import CHUNK_BYTES, SeenAccounts
from counter_app.domain.payments.accounts import AccountNumberRule, WithholdingStatus

HEADER = "户号,户名,用电地址,联系电话,用电类别,欠费金额（元）,缴费截止日期,数据日期,代扣"


def write(tmp_path: Path, text: str, encoding: str, name: str = "accounts.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def read_all(path: Path, **options: object) -> tuple[AccountFile, list[RowResult]]:
    with open_account_file(path, **options) as accounts:  # type: ignore[arg-type]
        return accounts, list(accounts)


def accepted(results: list[RowResult]) -> list[AccountRow]:
    return [r for r in results if isinstance(r, AccountRow)]


def rejected(results: list[RowResult]) -> list[RowRejection]:
    return [r for r in results if isinstance(r, RowRejection)]


# ---------------------------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("encoding", "detected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8"), ("gbk", "gb18030"), ("gb18030", "gb18030")],
)
def test_encodings_are_detected_and_chinese_survives(tmp_path: Path, encoding: str, detected: str) -> None:
    line = '0123456789,张三丰,科尔沁区建国路12号,13812341234,居民生活用电,"1,234.50",2026-11-01,2026-10-25,否'
    text = f"{HEADER}\n{line}\n"
    accounts, results = read_all(write(tmp_path, text, encoding))
    assert accounts.encoding == detected
    [row] = accepted(results)
    assert row.line == 2
    account = row.account
    assert (account.number, account.name, account.address) == ("0123456789", "张三丰", "科尔沁区建国路12号")
    assert account.tariff_class == "居民生活用电"
    assert account.balance == Decimal("-1234.50")
    assert (account.due_date, account.as_of) == (date(2026, 11, 1), date(2026, 10, 25))
    assert account.withholding is WithholdingStatus.NOT_SIGNED


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_rare_characters_emoji_and_sql_looking_names_round_trip(tmp_path: Path, encoding: str) -> None:
    names = ["吉𠮷", "😀李四", "Robert'); DROP TABLE accounts;--", "䶮 鿏", 'O\'Brien "Bob"']
    rows = "".join(
        f'013456789{i},"{n.replace(chr(34), chr(34) * 2)}",𠮷地址{i}号,,,5,,,\n' for i, n in enumerate(names)
    )
    path = write(tmp_path, f"{HEADER}\n{rows}", encoding)
    if encoding == "gb18030":
        four_byte = "𠮷".encode("gb18030")
        assert len(four_byte) == 4 and four_byte in path.read_bytes()  # a real 4-byte GB18030 sequence
    _, results = read_all(path)
    assert [r.account.name for r in accepted(results)] == names
    assert [r.account.address for r in accepted(results)] == [f"𠮷地址{i}号" for i in range(len(names))]


def test_explicit_encoding_is_used(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\n0123456789,张三,,,,5,,,\n", "gbk")
    accounts, results = read_all(path, encoding="gbk")
    assert accounts.encoding == "gbk"
    assert accepted(results)[0].account.name == "张三"


def test_utf8_bom_wins_over_a_wrong_explicit_encoding(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\n0123456789,张三,,,,5,,,\n", "utf-8-sig")
    accounts, results = read_all(path, encoding="gbk")
    assert accounts.encoding == "utf-8"
    assert accepted(results)[0].account.name == "张三"


def test_undecodable_line_is_rejected_alone(tmp_path: Path) -> None:
    good = f"{HEADER}\n0123456789,张三,,,,5,,,\n".encode()
    bad = "0123456780,李四,,,,5,,,\n".encode("gbk")  # a GBK line inside a UTF-8 file
    path = tmp_path / "mixed.csv"
    path.write_bytes(good + bad + "0123456781,王五,,,,5,,,\n".encode())
    accounts, results = read_all(path)
    assert accounts.encoding == "utf-8"
    assert [r.account.name for r in accepted(results)] == ["张三", "王五"]
    [rejection] = rejected(results)
    assert (rejection.line, rejection.code, rejection.account_number) == (3, "encoding", "0123456780")


def test_ascii_start_postpones_the_encoding_choice(tmp_path: Path) -> None:
    ascii_rows = "".join(f"{1000000000 + i},Zhang San {i},Jianguo Road,,,5,,,\n" for i in range(2000))
    assert len(ascii_rows) > CHUNK_BYTES
    path = write(
        tmp_path,
        f"{HEADER}\n".replace(
            HEADER, "account_no,name,address,phone,tariff,arrears,due_date,as_of,withholding"
        )
        + ascii_rows
        + "0123456789,张三,建国路,,,5,,,\n",
        "gbk",
    )
    accounts, results = read_all(path)
    assert accounts.encoding == "gb18030"
    assert not rejected(results)
    assert accepted(results)[-1].account.name == "张三"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_and_utf32_are_refused_clearly(tmp_path: Path, encoding: str) -> None:
    path = write(tmp_path, f"{HEADER}\n", encoding)
    with pytest.raises(InvalidInput) as caught:
        open_account_file(path)
    assert caught.value.code == "account_file_encoding"
    with pytest.raises(InvalidInput):
        open_account_file(write(tmp_path, HEADER, "utf-8"), encoding="utf-16-le")


def test_unknown_encoding_name(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as caught:
        open_account_file(write(tmp_path, HEADER, "utf-8"), encoding="klingon")
    assert caught.value.field == "encoding"


# ---------------------------------------------------------------------------------------------- headers


def test_english_headers_in_any_order(tmp_path: Path) -> None:
    text = (
        "Balance,Name,consNo,Phone,Due_Date,Withholding,Address\n"
        "-12.30,Li Si,1234567890123,+86 13912345678,20261101,yes,Room 1\n"
    )
    _, results = read_all(write(tmp_path, text, "utf-8"))
    [row] = accepted(results)
    account = row.account
    assert (account.number, account.name, account.phone) == ("1234567890123", "Li Si", "13912345678")
    assert account.balance == Decimal("-12.30") and account.arrears == Decimal("12.30")
    assert account.withholding is WithholdingStatus.SIGNED
    assert account.due_date == date(2026, 11, 1)


def test_synonyms_units_and_preferred_column(tmp_path: Path) -> None:
    text = "客户编号,用户编号,用户名称,应缴金额(元),备注\n9999999999,0123456789,张三,8,VIP\n"
    accounts, results = read_all(write(tmp_path, text, "utf-8"))
    assert accounts.layout.columns["account_number"] == 1  # 用户编号 preferred over 客户编号
    assert set(accounts.layout.ignored) == {"客户编号", "备注"}
    assert accepted(results)[0].account.number == "0123456789"


def test_title_line_above_the_header(tmp_path: Path) -> None:
    text = "通辽供电公司 欠费清单 2026年10月\n\n户号,户名,余额\n0123456789,张三,5\n"
    accounts, results = read_all(write(tmp_path, text, "utf-8"))
    assert accounts.layout.line == 3
    assert [r.line for r in accepted(results)] == [4]


def test_missing_columns_raise_before_any_row(tmp_path: Path) -> None:
    path = write(tmp_path, "户号,地址,电话\n0123456789,x,y\n", "utf-8")
    with pytest.raises(MissingColumns) as caught:
        open_account_file(path)
    assert caught.value.params["missing"] == ("name", "balance_or_arrears")
    assert caught.value.params["found"] == ("户号", "地址", "电话")
    assert "户名" in str(caught.value) and "电话" in str(caught.value)
    assert caught.value.code == "account_file_missing_columns"


def test_undecodable_header_is_reported_readably(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes("户号,户名,余额\n".encode() + b"\xff\xfe\xfd,x\n")
    with open_account_file(path) as accounts:
        assert accounts.layout.line == 1
    path.write_bytes(b"\xd5\xca\xba\xc5,\xff\n")  # GBK 账号 (not a synonym) and a stray byte
    with pytest.raises(MissingColumns) as caught:
        open_account_file(path, encoding="utf-8")
    assert all("\ufffd" in header for header in caught.value.params["found"])
    str(caught.value).encode("utf-8")  # printable: no lone surrogates left


def test_empty_file_reports_no_header(tmp_path: Path) -> None:
    with pytest.raises(MissingColumns) as caught:
        open_account_file(write(tmp_path, "\n\n", "utf-8"))
    assert caught.value.params["found"] == ()


def test_both_balance_and_arrears_are_netted(tmp_path: Path) -> None:
    text = "户号,户名,余额,欠费\n0123456789,张三,10,25.5\n0123456780,李四,,\n"
    _, results = read_all(write(tmp_path, text, "utf-8"))
    assert [r.account.balance for r in accepted(results)] == [Decimal("-15.50"), Decimal("0.00")]


def test_tab_separated_file_is_sniffed(tmp_path: Path) -> None:
    text = "户号\t户名\t地址\t余额\n0123456789\t张三\t建国路1号, 2单元\t5\n"
    _, results = read_all(write(tmp_path, text, "utf-8"))
    assert accepted(results)[0].account.address == "建国路1号, 2单元"


# ---------------------------------------------------------------------------------------------- rows


def test_rows_blank_lines_duplicates_and_rejections(tmp_path: Path) -> None:
    lines = [
        HEADER,  # 1
        '0123456789,张三,"建国路1号\n2单元",138-1234-1234,,"1,234.50元",2026年11月1日,,是',  # 2-3
        "",  # 4
        ",,,,,,,,",  # 5
        "0123456789,张三（重复）,,,,5,,,",  # 6: duplicate of line 2
        "12345,短号,,,,5,,,",  # 7
        "0123456780,金额坏,,,,12.345,,,",  # 8
        "0123456781,日期坏,,,,5,2026-13-01,,",  # 9
        "0123456782,列少,,,",  # 10
        "0123456783,列多,,,,5,,,,surplus",  # 11
        "0123456784,,,,,5,,,",  # 12: no name
        "0123456785,尾逗号,,,,5,,,,,",  # 13: trailing empty cells are fine
        "0123456786,代扣坏,,,,5,,,也许",  # 14
        "0123456787,两个电话,,13800000000/13900000000,,5,,,",  # 15
        "0123456788,电话坏,,call me,,5,,,",  # 16
    ]
    _, results = read_all(write(tmp_path, "\r\n".join(lines) + "\r\n", "utf-8"))
    assert [r.line for r in accepted(results)] == [2, 13, 15, 16]
    first = accepted(results)[0].account
    assert first.address == "建国路1号\n2单元" and first.phone == "13812341234"
    assert first.balance == Decimal("-1234.50") and first.due_date == date(2026, 11, 1)
    assert [(r.line, r.code, r.field) for r in rejected(results)] == [
        (6, "duplicate", "account_number"),
        (7, "account_number_length", "account_number"),
        (8, "amount_sub_fen", "arrears"),
        (9, "date_invalid", "due_date"),
        (10, "column_count", ""),
        (11, "column_count", ""),
        (12, "name_empty", "name"),
        (14, "withholding_unknown", "withholding"),
    ]
    assert rejected(results)[0].reason == "duplicate of line 2"
    two_phones, bad_phone = accepted(results)[2], accepted(results)[3]
    assert two_phones.account.phone == "13800000000"
    assert [n.code for n in two_phones.notes] == ["phone_extra_ignored"]
    assert bad_phone.account.phone == "" and [n.code for n in bad_phone.notes] == ["phone_invalid"]


def test_duplicates_can_be_left_to_the_store(tmp_path: Path) -> None:
    text = f"{HEADER}\n0123456789,张三,,,,5,,,\n0123456789,张三,,,,6,,,\n"
    _, results = read_all(write(tmp_path, text, "utf-8"), check_duplicates=False)
    assert len(accepted(results)) == 2


def test_configured_account_rule(tmp_path: Path) -> None:
    text = f"{HEADER}\n123456789012,张三,,,,5,,,\n0123456789,李四,,,,5,,,\n"
    _, results = read_all(write(tmp_path, text, "utf-8"), rule=AccountNumberRule(lengths=(12,)))
    assert [r.account.number for r in accepted(results)] == ["123456789012"]


def test_rejected_row_does_not_claim_its_number(tmp_path: Path) -> None:
    text = f"{HEADER}\n0123456789,张三,,,,bad,,,\n0123456789,张三,,,,5,,,\n"
    _, results = read_all(write(tmp_path, text, "utf-8"))
    assert [r.line for r in accepted(results)] == [3]


def test_overlong_line_is_skipped_and_reported(tmp_path: Path) -> None:
    huge = "0123456780,张三," + "x" * (account_file_streams.MAX_LINE_BYTES + 10) + ",,,5,,,"
    text = f"{HEADER}\n{huge}\n0123456789,李四,,,,5,,,\n"
    _, results = read_all(write(tmp_path, text, "utf-8"))
    assert [(r.line, r.code) for r in rejected(results)] == [(2, "line_too_long")]
    assert [(r.line, r.account.name) for r in accepted(results)] == [(3, "李四")]


def test_runaway_quote_becomes_a_rejection(tmp_path: Path) -> None:
    field = '"' + "x" * 200_000 + '"'
    text = f"{HEADER}\n0123456780,{field},,,,5,,,\n0123456789,李四,,,,5,,,\n"
    _, results = read_all(write(tmp_path, text, "utf-8"))
    assert [r.code for r in rejected(results)] == ["csv_malformed"]
    assert [r.account.name for r in accepted(results)] == ["李四"]


def test_old_xls_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "accounts.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    with pytest.raises(InvalidInput) as caught:
        open_account_file(path)
    assert caught.value.code == "account_file_format"


# ---------------------------------------------------------------------------------------------- streaming


class ChunkOnlyStream:
    """A stream that only allows bounded ``read(size)`` calls and records them."""

    def __init__(self, data: bytes) -> None:
        self._inner = io.BytesIO(data)
        self.sizes: list[int] = []

    def read(self, size: int = -1, /) -> bytes:
        if size is None or size < 0 or size > 1024 * 1024:
            raise AssertionError(f"unbounded read({size})")
        self.sizes.append(size)
        return self._inner.read(size)

    def readline(self, *args: object) -> bytes:
        raise AssertionError("readline() can read a whole file that has no newline")

    def readlines(self, *args: object) -> list[bytes]:
        raise AssertionError("readlines() reads the whole file")

    def __iter__(self) -> Iterator[bytes]:
        raise AssertionError("iterating a binary file reads unbounded lines")


def generated_rows(count: int) -> Iterator[str]:
    yield "account_no,name,address,phone,arrears,due_date\n"
    for i in range(count):
        phone = f"1380000{i % 10000:04d}"
        amount = f"{i % 997}.{i % 100:02d}"
        yield f"{1000000000 + i},用户{i}𠮷,通辽市科尔沁区建国路{i}号,{phone},{amount},2026-11-01\n"


def test_parser_only_makes_bounded_reads() -> None:
    data = "".join(generated_rows(30_000)).encode("utf-8")
    stream = ChunkOnlyStream(data)
    with read_account_csv(stream, total_bytes=len(data)) as accounts:
        count = sum(1 for r in accounts if isinstance(r, AccountRow))
        assert accounts.progress().done == len(data) and accounts.progress().fraction == 1.0
    assert count == 30_000
    assert set(stream.sizes) == {CHUNK_BYTES}
    assert len(stream.sizes) == len(data) // CHUNK_BYTES + 2  # every chunk once, then the empty read


def stream_generated(rows: int) -> tuple[int, int, list[int]]:
    """Stream ``rows`` generated rows from a generator; returns (input bytes, peak traced bytes, progress)."""
    produced = [0]

    def chunks() -> Iterator[bytes]:
        for line in generated_rows(rows):
            data = line.encode("gb18030")
            produced[0] += len(data)
            yield data

    positions = []
    tracemalloc.start()
    try:
        with read_account_csv(chunks(), check_duplicates=False) as accounts:
            for count, result in enumerate(accounts, 1):
                assert isinstance(result, AccountRow)
                if count % 1_000 == 0:
                    positions.append(accounts.progress().done)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(positions) == rows // 1_000
    return produced[0], peak, positions


def test_large_generated_stream_keeps_memory_bounded() -> None:
    """Ten times the rows must not need more memory: nothing grows with the file."""
    stream_generated(200)  # warm regex and codec caches outside the measurement
    small_input, small_peak, _ = stream_generated(1_000)
    large_input, large_peak, positions = stream_generated(10_000)
    assert large_input > 8 * small_input > 600_000
    assert large_peak < 128 * 1024, f"peak {large_peak} bytes for {large_input} bytes of input"
    assert large_peak < small_peak + 64 * 1024
    assert positions == sorted(positions) and positions[-1] <= large_input


def test_duplicate_table_is_compact() -> None:
    seen = SeenAccounts()
    tracemalloc.start()
    try:
        for i in range(50_000):
            assert seen.first_line(f"{1000000000 + i}", i + 2) == i + 2
        retained, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert retained / 50_000 < 40  # bytes per account; a dict[str, int] needs ~120
    assert peak / 50_000 < 64  # while growing, the old and the new table live together
    assert seen.first_line("1000000007", 999_999) == 9
    assert seen.first_line("0000000007", 5) == 5  # leading zeros are part of the number
    assert seen.first_line("0000000000007", 6) == 6  # and so is the length
    assert seen.first_line("1" * 20, 7) == 7 and seen.first_line("1" * 20, 8) == 7
    assert len(seen) == 50_003


def test_progress_for_a_file_on_disk(tmp_path: Path) -> None:
    path = write(tmp_path, "".join(generated_rows(5_000)), "utf-8")
    with open_account_file(path) as accounts:
        done = [accounts.progress().done for _ in accounts]
        final = accounts.progress()
    assert final.unit == "bytes" and final.total == path.stat().st_size and final.done == final.total
    assert done == sorted(done) and 0 < done[0] < done[-1]


# ---------------------------------------------------------------------------------------------- XLSX


def test_xlsx_is_read_in_read_only_mode(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["欠费清单"])
    sheet.append(["用户编号", "户名", "欠费金额", "缴费截止日期", "代扣", "手机"])
    sheet.append(["0123456789", "吉𠮷😀", 1234.5, datetime(2026, 11, 1), True, 13812341234])
    sheet.append([1234567890123, "Robert'); DROP TABLE x;--", 12, "2026/11/01", "否", None])
    sheet.append([])
    sheet.append([123, "短号", 1, None, None, None])
    path = tmp_path / "export.xlsx"
    book.save(path)
    with open_account_file(path) as accounts:
        assert accounts.format == "xlsx" and accounts.encoding is None
        results = list(accounts)
        progress = accounts.progress()
    rows = accepted(results)
    assert [r.line for r in rows] == [3, 4]
    first = rows[0].account
    assert (first.number, first.name, first.balance) == ("0123456789", "吉𠮷😀", Decimal("-1234.50"))
    assert first.due_date == date(2026, 11, 1) and first.withholding is WithholdingStatus.SIGNED
    assert first.phone == "13812341234"
    assert rows[1].account.number == "1234567890123" and rows[1].account.name == "Robert'); DROP TABLE x;--"
    assert [(r.line, r.code) for r in rejected(results)] == [(6, "account_number_length")]
    assert progress.unit == "rows" and progress.done == 6


def test_xlsx_missing_columns(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["户号", "phone"])
    path = tmp_path / "export.xlsx"
    book.save(path)
    with pytest.raises(MissingColumns) as caught:
        open_account_file(path)
    assert caught.value.params["found"] == ("户号", "phone")


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    import zipfile

    path = tmp_path / "accounts.csv"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    with pytest.raises(InvalidInput) as caught:
        open_account_file(path)
    assert caught.value.code == "account_file_format"
