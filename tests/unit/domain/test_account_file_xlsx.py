"""The bounded XLSX reader: tiny crafted workbooks (built here with zipfile) that used to spin, eat
memory or raise a traceback are refused plainly or give rejected rows; openpyxl's own files read as
openpyxl read them; cancel works on every row; devices and FIFOs are never read."""

from __future__ import annotations

import os
import tracemalloc
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from xlsx_data import HEADER, MAIN, good_row, inline, workbook

from counter_app.domain.errors import FileRefused, InvalidInput
from counter_app.domain.payments.account_file import sheet as account_file_sheet
from counter_app.domain.payments.account_file import xlsx as account_file_xlsx
from counter_app.domain.payments.account_file.reader import (
    ReadCancelled,
    RowRejection,
    open_account_file,
)
from counter_app.domain.payments.account_file.streams import cell_text
from counter_app.domain.payments.account_file.xlsx import XlsxRecords


def results(path: Path, **options: object) -> list[tuple[int, str]]:
    """``(line, "ok" or the rejection code)`` of every data row."""
    with open_account_file(path, **options) as accounts:  # type: ignore[arg-type]
        return [(r.line, r.code if isinstance(r, RowRejection) else "ok") for r in accounts]


def refusal(path: Path) -> InvalidInput:
    with pytest.raises(InvalidInput) as caught:
        results(path)
    assert caught.value.code == "account_file_format"
    return caught.value


def test_a_crafted_workbook_reads(tmp_path: Path) -> None:
    path = workbook(tmp_path / "a.xlsx", HEADER + good_row(2) + good_row(3))
    assert results(path) == [(2, "ok"), (3, "ok")]
    with open_account_file(path) as accounts:
        first = next(iter(accounts))
    assert first.account.number == "0500000002" and str(first.account.balance) == "-12.50"  # type: ignore[union-attr]


# --- row numbers ----------------------------------------------------------------------------------


def test_a_row_number_past_excel_is_refused_at_once(tmp_path: Path) -> None:
    """A 1.6 KB file with this row used to spin at 100 % CPU for ever (openpyxl filled the gap)."""
    path = workbook(tmp_path / "r.xlsx", HEADER + good_row(2) + '<row r="99999999999"><c><v>1</v></c></row>')
    assert "99999999999" in str(refusal(path))


def test_the_last_row_of_a_sheet_is_fine_and_the_next_is_not(tmp_path: Path) -> None:
    last = good_row(1_048_576)
    assert results(workbook(tmp_path / "a.xlsx", HEADER + last))[-1] == (1_048_576, "ok")
    refusal(workbook(tmp_path / "b.xlsx", HEADER + good_row(1_048_577)))


def test_a_row_number_that_does_not_rise_damages_that_row_only(tmp_path: Path) -> None:
    rows = HEADER + good_row(5) + good_row(3, number="0599999999") + good_row(6) + '<row r="x7"></row>'
    assert results(workbook(tmp_path / "a.xlsx", rows)) == [
        (5, "ok"),
        (3, "xlsx_malformed"),
        (6, "ok"),
        (7, "xlsx_malformed"),
    ]


def test_more_rows_than_a_sheet_holds_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(account_file_sheet, "MAX_ROWS", 5)
    rows = HEADER + "".join('<row r="1"></row>' for _ in range(10))  # all damaged, never rising
    refusal(workbook(tmp_path / "a.xlsx", rows))


def test_a_huge_dimension_is_not_believed(tmp_path: Path) -> None:
    for ref, total in (("A1:F99999999999", None), ("A1:F9999999", 1_048_576), ("A1:F3", 3)):
        path = workbook(tmp_path / "d.xlsx", HEADER + good_row(2), dimension=ref)
        with open_account_file(path) as accounts:
            assert accounts.progress().total == total
            list(accounts)


def test_rows_past_a_lying_dimension_are_still_read(tmp_path: Path) -> None:
    """openpyxl stopped at the dimension's last row and silently dropped the rest."""
    path = workbook(tmp_path / "a.xlsx", HEADER + good_row(2) + good_row(3), dimension="A1:C2")
    assert results(path) == [(2, "ok"), (3, "ok")]


# --- cells ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "why"),
    [
        ('<c r="C2" t="s"><v>abc</v></c>', "shared string"),
        ('<c r="C2" t="s"><v>99</v></c>', "shared string"),
        ('<c r="C2" t="b"><v>maybe</v></c>', "not a boolean"),
        ('<c r="C2"><v>12abc</v></c>', "not a number"),
        ('<c r="C2"><v>1_000</v></c>', "not a number"),
        ('<c r="C2" t="d"><v>the fifth</v></c>', "not a date"),
        ('<c r="C2" t="zz"><v>1</v></c>', "unknown cell type"),
        (f'<c r="C2"><v>{"9" * 5000}</v></c>', "not a number"),
        ('<c r="XFE2"><v>1</v></c>', "not a column"),
        ('<c r="AAAA2"><v>1</v></c>', "not a column"),
    ],
)
def test_a_malformed_cell_rejects_its_row_with_a_reason(tmp_path: Path, cell: str, why: str) -> None:
    bad = f'<row r="2">{inline("A2", "0512345678")}{inline("B2", "李四")}{cell}</row>'
    path = workbook(tmp_path / "m.xlsx", HEADER + bad + good_row(3), shared=["一"])
    with open_account_file(path) as accounts:
        found = list(accounts)
    assert [(r.line, isinstance(r, RowRejection)) for r in found] == [(2, True), (3, False)]
    rejection = found[0]
    assert isinstance(rejection, RowRejection) and rejection.code == "xlsx_malformed"
    assert why in rejection.reason and len(rejection.reason) < 200


def test_a_date_serial_out_of_range_is_an_error_value_as_in_openpyxl(tmp_path: Path) -> None:
    styles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>'
    header = HEADER.replace("</row>", inline("D1", "缴费截止日期") + "</row>")
    row = good_row(2).replace("</row>", '<c r="D2" s="1"><v>1e300</v></c></row>')
    assert results(workbook(tmp_path / "d.xlsx", header + row, styles=styles)) == [(2, "date_not_date")]


def test_a_shared_string_past_excels_cell_limit_is_never_held(tmp_path: Path) -> None:
    """An 817 KB file with one 800 MB string once took 9.5 GB; here 64 MB, read in bounded memory."""
    huge = "吉" * (64 * 1024 * 1024 // 3)
    shared = ["0512345678", "张三", huge]
    rows = (
        HEADER
        + '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2"><v>1</v></c></row>'
        + '<row r="3"><c r="A3" t="inlineStr"><is><t>0512345679</t></is></c><c r="B3" t="s"><v>2</v></c>'
        + '<c r="C3"><v>1</v></c></row>'
    )
    path = workbook(tmp_path / "big.xlsx", rows, shared=shared)
    del huge, shared
    assert path.stat().st_size < 2_000_000
    tracemalloc.start()
    try:
        found = results(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert found == [(2, "ok"), (3, "xlsx_malformed")]
    assert peak < 16 * 1024 * 1024  # the 64 MB string never lived in memory


def test_an_inline_string_past_the_limit_rejects_its_row(tmp_path: Path) -> None:
    bad = f'<row r="2">{inline("A2", "0512345678")}{inline("B2", "x" * 40_000)}<c r="C2"><v>1</v></c></row>'
    assert results(workbook(tmp_path / "a.xlsx", HEADER + bad + good_row(3))) == [
        (2, "xlsx_malformed"),
        (3, "ok"),
    ]


def test_a_row_with_too_much_text_in_all_is_rejected(tmp_path: Path) -> None:
    cells = "".join(inline(f"{chr(68 + i)}2", "y" * 30_000) for i in range(20))  # D…W: 600,000
    cells += "".join(inline(f"A{chr(65 + i)}2", "y" * 30_000) for i in range(20))  # AA…AT: 1.2 M in all
    bad = f'<row r="2">{inline("A2", "0512345678")}{inline("B2", "张三")}<c r="C2"><v>1</v></c>{cells}</row>'
    path = workbook(tmp_path / "a.xlsx", HEADER + bad + good_row(3))
    with open_account_file(path) as accounts:
        found = list(accounts)
    assert [(r.line, getattr(r, "code", "ok")) for r in found] == [(2, "xlsx_malformed"), (3, "ok")]
    assert "row text longer than" in found[0].reason  # type: ignore[union-attr]


def test_too_many_shared_strings_refuse_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(account_file_xlsx, "MAX_SHARED_STRINGS", 3)
    refusal(workbook(tmp_path / "a.xlsx", HEADER + good_row(2), shared=["a", "b", "c", "d"]))


def test_too_many_shared_characters_refuse_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(account_file_xlsx, "MAX_SHARED_CHARS", 10)
    refusal(workbook(tmp_path / "a.xlsx", HEADER + good_row(2), shared=["abcdef", "ghijkl"]))


# --- the archive ----------------------------------------------------------------------------------


def test_a_cut_off_file_is_refused(tmp_path: Path) -> None:
    path = workbook(tmp_path / "a.xlsx", HEADER + "".join(good_row(n) for n in range(2, 2000)))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    refusal(path)


def test_a_damaged_sheet_stream_is_refused(tmp_path: Path) -> None:
    path = workbook(tmp_path / "a.xlsx", HEADER + "".join(good_row(n) for n in range(2, 3000)))
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
        start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data = bytearray(path.read_bytes())
    for i in range(start + 200, start + 260):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    refusal(path)


def test_xml_that_is_not_well_formed_is_refused(tmp_path: Path) -> None:
    refusal(workbook(tmp_path / "a.xlsx", HEADER + "<row r='2'><c><v>1</row>"))


def test_a_dtd_is_refused_so_no_entity_can_expand(tmp_path: Path) -> None:
    laughs = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    shared = f'{laughs}<sst xmlns="{MAIN}"><si><t>&b;</t></si></sst>'
    path = workbook(tmp_path / "a.xlsx", HEADER, raw_shared=shared)
    with pytest.raises(InvalidInput) as caught:
        results(path)
    assert "DTD" in str(caught.value)


def test_too_many_zip_entries_are_refused_before_reading_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(account_file_xlsx, "MAX_ZIP_ENTRIES", 10)
    path = workbook(tmp_path / "a.xlsx", HEADER, extra={f"junk/{i}": b"" for i in range(20)})
    assert "parts" in str(refusal(path))


def test_too_much_unpacked_data_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(account_file_xlsx, "MAX_UNPACKED_BYTES", 1000)
    refusal(workbook(tmp_path / "a.xlsx", HEADER + "".join(good_row(n) for n in range(2, 100))))


def test_a_zip_without_a_worksheet_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", f'<workbook xmlns="{MAIN}"><sheets/></workbook>')
    assert "worksheet" in str(refusal(path))


# --- cancel ---------------------------------------------------------------------------------------


def counting_cancel(after: int) -> tuple[list[int], object]:
    calls = [0]

    def cancelled() -> bool:
        calls[0] += 1
        return calls[0] > after

    return calls, cancelled


def test_cancel_is_asked_on_every_xlsx_row(tmp_path: Path) -> None:
    path = workbook(tmp_path / "a.xlsx", HEADER + "".join(good_row(n) for n in range(2, 50)))
    calls, cancelled = counting_cancel(after=10**9)
    assert len(results(path, cancelled=cancelled)) == 48
    assert calls[0] >= 49  # every record, the header's too
    calls, cancelled = counting_cancel(after=20)
    seen = []
    with pytest.raises(ReadCancelled) as caught, open_account_file(path, cancelled=cancelled) as accounts:
        seen.extend(accounts)
    assert caught.value.code == "account_import_cancelled" and len(seen) < 20


def test_cancel_stops_blank_rows_too(tmp_path: Path) -> None:
    rows = HEADER + "".join(f'<row r="{n}"></row>' for n in range(2, 5000))
    _, cancelled = counting_cancel(after=100)
    with (
        pytest.raises(ReadCancelled),
        open_account_file(workbook(tmp_path / "a.xlsx", rows), cancelled=cancelled) as a,
    ):
        list(a)


def test_cancel_stops_a_csv_line_that_never_ends(tmp_path: Path) -> None:
    """A regular file of zeros, as /dev/zero would give: no record ever comes out of it."""
    path = tmp_path / "zeros.csv"
    path.write_bytes(b"\x00" * (8 * 1024 * 1024))
    _, cancelled = counting_cancel(after=5)
    with pytest.raises(ReadCancelled):
        open_account_file(path, cancelled=cancelled)


# --- what is never read ---------------------------------------------------------------------------


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_devices_are_never_read(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device}")
    with pytest.raises(FileRefused) as caught:
        open_account_file(device)
    assert caught.value.reason == "not_regular"


def test_a_fifo_is_never_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "list.csv"
    os.mkfifo(fifo)
    with pytest.raises(FileRefused) as caught:
        open_account_file(fifo)
    assert caught.value.reason == "not_regular"


def test_a_missing_file_is_a_refusal(tmp_path: Path) -> None:
    with pytest.raises(FileRefused) as caught:
        open_account_file(tmp_path / "nowhere.xlsx")
    assert caught.value.reason == "missing"


# --- the same values as openpyxl ------------------------------------------------------------------


def openpyxl_rows(path: Path) -> list[tuple[int, list[str]]]:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        found = []
        for number, row in enumerate(book.worksheets[0].iter_rows(values_only=True), 1):
            cells = [cell_text(v) for v in row]
            while cells and cells[-1] == "":
                cells.pop()
            if cells:
                found.append((number, cells))
        return found
    finally:
        book.close()


def our_rows(path: Path) -> list[tuple[int, list[str]]]:
    with path.open("rb") as stream:
        records = XlsxRecords(stream)
        try:
            return [(line, list(cells)) for line, cells in records if cells and not isinstance(cells, str)]
        finally:
            records.close()


CELL_VALUES = st.one_of(
    st.none(),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
    st.sampled_from(["吉𠮷", " padded ", "0123", "x005F_y", "=not a formula"]),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12),
    st.booleans(),
    st.dates(min_value=date(1900, 3, 1), max_value=date(2099, 12, 31)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2099, 12, 31)),
)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(CELL_VALUES, max_size=6), min_size=1, max_size=8), st.booleans())
def test_openpyxl_workbooks_read_as_openpyxl_read_them(
    tmp_path: Path, rows: list[list[object]], date1904: bool
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904 if date1904 else book.epoch
    sheet = book.active
    for row in rows:
        sheet.append([v.strip() if isinstance(v, str) and v.strip().startswith("=") else v for v in row])
    path = tmp_path / "book.xlsx"
    book.save(path)
    assert our_rows(path) == openpyxl_rows(path)


def test_the_shipped_xlsx_tests_workbook_reads_the_same(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["欠费清单"])
    sheet.append(["用户编号", "户名", "欠费金额", "缴费截止日期", "代扣", "手机"])
    sheet.append(["0123456789", "吉𠮷😀", 1234.5, datetime(2026, 11, 1), True, 13812341234])
    sheet["G5"] = "later"
    sheet["A9"] = 3.0
    path = tmp_path / "export.xlsx"
    book.save(path)
    assert our_rows(path) == openpyxl_rows(path)
