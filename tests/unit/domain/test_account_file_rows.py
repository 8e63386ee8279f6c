"""The reader's fast path gives exactly what the general rules give, wherever it answers, and answers the
plain rows of a real export; the same for run decoding of lines and the cheaper search key."""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from counter_app.domain.errors import InvalidInput
from counter_app.domain.payments.account_file.reader import RowRejection, open_account_file
from counter_app.domain.payments.account_file.rows import (
    MEMO_SIZE,
    AccountRow,
    fast_row_reader,
    general_row,
    plain_amount_fen,
    plain_phone,
)
from counter_app.domain.payments.account_file.streams import (
    MAX_LINE_BYTES,
    OVERLONG_LINE,
    CsvLines,
    SeenAccounts,
    guess_encoding,
)
from counter_app.domain.payments.accounts import (
    DEFAULT_ACCOUNT_NUMBER_RULE,
    AccountNumberRule,
    account_values,
    parse_balance,
    values_account,
)
from counter_app.domain.payments.search import search_key

FIELDS = (
    "account_number",
    "name",
    "address",
    "phone",
    "tariff_class",
    "balance",
    "arrears",
    "due_date",
    "as_of",
    "withholding",
)
EXPORT_ROW = {
    "account_number": "0123456789",
    "name": "张三丰",
    "address": "科尔沁区建国路12号",
    "phone": "13812341234",
    "tariff_class": "居民生活用电",
    "arrears": "1234.50",
    "due_date": "2026-11-25",
    "as_of": "2026-10-31",
    "withholding": "否",
}

# ---------------------------------------------------------------------------------------------- cells


def odd(*examples: str) -> st.SearchStrategy[str]:
    """The given forms, text close to them, and any text at all."""
    return st.one_of(
        st.sampled_from(examples),
        st.text(alphabet="".join(sorted(set("".join(examples)))) + " ,.-", max_size=14),
        st.text(max_size=8),
    )


NUMBERS = st.one_of(
    st.sampled_from([10, 13, 12, 9]).flatmap(lambda n: st.text("0123456789", min_size=n, max_size=n)),
    odd(" 0123456789", "0123-456-789", "０１２３４５６７８９", "'0123456789", '="0123456789"', "1.23457E+12"),
)
NAMES = st.one_of(st.sampled_from(["张三", "吉𠮷", "Li Lei", " 王五 ", "", "  "]), st.text(max_size=6))
AMOUNTS = st.one_of(
    st.from_regex(r"-?[0-9]{1,14}(\.[0-9]{0,3})?", fullmatch=True),
    odd(
        "", "0", "5", "-5", "1,234.50", "¥5", "5元", "欠费 12.30", "余额12.30", "(5)", "+5", " 5", ".5", "1."
    ),
)
PHONES = st.one_of(
    st.from_regex(r"1[0-9]{10}", fullmatch=True),
    st.from_regex(r"[0-9]{5,18}", fullmatch=True),
    odd("", "+8613812345678", "008613812345678", "8613812345678", "0475-8123456", "138 1234 5678",
        "13800000000/13900000000", "call me", "１３８１２３４５６７８"),
)  # fmt: skip
DATES = odd(
    *("", "2026-11-25", "2026/11/1", "2026.11.01", "20261101", "2026年11月1日", "2026-11-25 00:00:00"),
    *("2026-13-01", "2026-02-30", " 2026-11-25 ", "无", "-", "N/A", "25/11/2026", "２０２６-１１-０１"),
)
HOLDS = odd("", "是", "否", "yes", "Y", " 已签约 ", "未知", "unknown", "signed", "也许", "-", "ＹＥＳ")
TEXT = st.one_of(st.sampled_from(["科尔沁区建国路12号", " 居民 ", ""]), st.text(max_size=8))
CELLS = {
    "account_number": NUMBERS,
    "name": NAMES,
    "address": TEXT,
    "phone": PHONES,
    "tariff_class": TEXT,
    "balance": AMOUNTS,
    "arrears": AMOUNTS,
    "due_date": DATES,
    "as_of": DATES,
    "withholding": HOLDS,
}

PLAIN = {
    "account_number": st.sampled_from([10, 13]).flatmap(
        lambda n: st.text("0123456789", min_size=n, max_size=n)
    ),
    "name": st.sampled_from(["张三", "吉𠮷", "Li Lei", "王五"]),
    "address": st.sampled_from(["科尔沁区建国路12号", ""]),
    "phone": st.one_of(st.just(""), st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)),
    "tariff_class": st.sampled_from(["居民生活用电", ""]),
    "balance": st.from_regex(r"-?[0-9]{1,12}(\.[0-9]{1,2})?", fullmatch=True),
    "arrears": st.from_regex(r"[0-9]{1,6}(\.[0-9]{1,2})?", fullmatch=True),
    "due_date": st.sampled_from(["2026-11-25", "", "2026-12-01"]),
    "as_of": st.sampled_from(["2026-10-31", ""]),
    "withholding": st.sampled_from(["是", "否", ""]),
}


@st.composite
def layouts_and_rows(draw: st.DrawFn) -> tuple[dict[str, int], int, list[str]]:
    """A header (required columns, some optional ones, maybe unused ones, any order) and one row of it."""
    optional = draw(st.lists(st.sampled_from(FIELDS[2:]), unique=True))
    if "balance" not in optional and "arrears" not in optional:
        optional.append(draw(st.sampled_from(["balance", "arrears"])))
    fields: list[str | None] = ["account_number", "name", *optional]
    fields += [None] * draw(st.integers(0, 2))  # columns nobody reads
    fields = draw(st.permutations(fields))
    columns = {f: i for i, f in enumerate(fields) if f is not None}
    cells = [
        draw(PLAIN[f] if draw(st.integers(0, 9)) < 8 else CELLS[f]) if f is not None else draw(TEXT)
        for f in fields
    ]  # mostly the plain forms, so both the answers and the refusals of the fast path are exercised
    tweak = draw(st.sampled_from(["none"] * 6 + ["short", "long", "blank_extra", "undecoded", "overlong"]))
    if tweak == "short":
        cells.pop()
    elif tweak == "long":
        cells.append(draw(st.text(min_size=1, max_size=3)))
    elif tweak == "blank_extra":
        cells.append(" ")
    elif tweak in ("undecoded", "overlong"):
        at = draw(st.integers(0, len(cells) - 1))
        cells[at] += "\udcb8" if tweak == "undecoded" else OVERLONG_LINE
    return columns, len(fields), cells


@settings(max_examples=600, deadline=None)
@given(layouts_and_rows(), st.sampled_from([DEFAULT_ACCOUNT_NUMBER_RULE, AccountNumberRule((12,))]))
def test_the_fast_path_agrees_with_the_general_rules(
    layout: tuple[dict[str, int], int, list[str]], rule: AccountNumberRule
) -> None:
    columns, width, cells = layout
    fast = fast_row_reader(columns, width, rule)
    before = list(cells)
    answer = fast(7, cells)
    assert cells == before  # the fast path leaves the record as it found it
    if answer is None:
        return
    for strict_width in (True, False):  # CSV and XLSX rules agree on a row of the header's width
        general = general_row(7, cells, columns, width, rule, strict_width)
        assert isinstance(general, AccountRow), general
        assert general.notes == ()  # a row that would carry a note is left to the general path
        assert account_values(7, general.account) == answer
        assert values_account(answer) == general.account


def test_a_plain_export_row_takes_the_fast_path_and_so_do_its_variants() -> None:
    columns = {f: i for i, f in enumerate(EXPORT_ROW)}
    fast = fast_row_reader(columns, len(columns), DEFAULT_ACCOUNT_NUMBER_RULE)
    answer = fast(2, list(EXPORT_ROW.values()))
    assert answer == (
        "0123456789", "张三丰", "科尔沁区建国路12号", "13812341234", "居民生活用电",
        -123450, "2026-11-25", "2026-10-31", "not_signed", 2,
    )  # fmt: skip
    variants = [
        {"arrears": "0"},
        {"arrears": "-7.5"},  # overpaid: credit
        {"arrears": ""},
        {"phone": ""},
        {"phone": "04758123456"},  # a landline keeps its area code
        {"due_date": " 2026/11/1 "},  # learnt from the general rule, remembered by the raw cell
        {"as_of": ""},
        {"withholding": "YES"},
        {"name": " 李四 ", "address": " 建国路 1 号 "},
    ]
    for change in variants:
        row = list({**EXPORT_ROW, **change}.values())
        answer = fast(3, row)
        general = general_row(3, row, columns, len(columns), DEFAULT_ACCOUNT_NUMBER_RULE, True)
        assert isinstance(general, AccountRow) and answer == account_values(3, general.account), change


def test_the_memo_is_bounded_and_answers_stay_right_past_it() -> None:
    columns = {"account_number": 0, "name": 1, "arrears": 2, "due_date": 3}
    fast = fast_row_reader(columns, 4, DEFAULT_ACCOUNT_NUMBER_RULE)
    days = [f"{2000 + n // 365}-01-01" for n in range(0, (MEMO_SIZE + 50) * 365, 365)]
    for day in [*days, *days]:
        answer = fast(2, ["0123456789", "张三", "5", day])
        assert answer is not None and answer[6] == day
    assert fast(2, ["0123456789", "张三", "5", "2026-02-30"]) is None  # a refused date is never remembered
    assert fast(2, ["0123456789", "张三", "5", "2026-02-30"]) is None


@settings(max_examples=400)
@given(AMOUNTS)
@example("1.5")
@example("-0")
@example("000000000000123.45")
def test_plain_amounts_agree_with_parse_balance(text: str) -> None:
    fen = plain_amount_fen(text)
    if re.fullmatch(r"-?[0-9]{1,12}(\.[0-9]{1,2})?", text, re.ASCII) or text == "":
        assert fen is not None  # every plain form is answered
    if fen is None:
        return
    assert int(parse_balance(text).scaleb(2)) == fen
    assert int(parse_balance(text, owed_column=True).scaleb(2)) == -fen


@settings(max_examples=400)
@given(PHONES)
def test_plain_phones_agree_with_the_general_split(text: str) -> None:
    from counter_app.domain.payments.account_file.rows import _split_phone

    phone = plain_phone(text)
    if phone is not None:
        assert _split_phone(text) == (phone, [])


def test_values_are_the_rows_of_iteration(tmp_path: Path) -> None:
    header = "户号,户名,用电地址,联系电话,用电类别,余额,欠费金额（元）,缴费截止日期,数据日期,代扣"
    lines = [
        header,
        "0123456789,张三,建国路1号,13812341234,居民,0,12.30,2026-11-25,2026-10-31,否",  # fast
        '0123456780,李四,"建国路\n2号",138-1234-1234,,"1,234.50",,2026年11月1日,,是',  # general
        "0123456789,张三（重复）,,,,5,,,,",  # duplicate of a fast row
        "0123456781,王五,,13800000000/13900000000,,,5,,,",  # general, with a note
        "0123456780,李四（重复）,,,,5,,,,",  # duplicate of a general row
        "0123456782,赵六,,,,,12.345,,,",  # rejected
        ",,,,,,,,,",
        "0123456783,钱七,,,,-3,1,,,",  # fast, both amount columns
    ]
    path = tmp_path / "accounts.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with open_account_file(path) as accounts:
        rows = list(accounts)
    with open_account_file(path) as accounts:
        values = list(accounts.values())
    assert [r.line for r in rows] == [v[-1] if isinstance(v, tuple) else v.line for v in values]
    assert [r.line for r in rows if isinstance(r, AccountRow)] == [2, 3, 6, 10]
    for row, value in zip(rows, values, strict=True):
        assert value == (account_values(row.line, row.account) if isinstance(row, AccountRow) else row)
    assert values[-1] == ("0123456783", "钱七", "", "", "", -400, None, None, "unknown", 10)


# ---------------------------------------------------------------------------------------------- search key


def regex_search_key(text: str) -> str:
    """The rule as first written: runs of whitespace made one space, then stripped."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).casefold()).strip()


WHITESPACE = "".join(chr(c) for c in range(0x3001) if chr(c).isspace()) + "\u200b\ufeff"


@settings(max_examples=500)
@given(st.text(alphabet=st.one_of(st.sampled_from(WHITESPACE), st.characters()), max_size=20))
def test_search_key_is_the_regex_rule(text: str) -> None:
    assert search_key(text) == regex_search_key(text)


# ---------------------------------------------------------------------------------------------- lines


class LineByLine(CsvLines):
    """The reference: each line found and decoded on its own (how lines were read before runs)."""

    def _one_line_at_a_time(self) -> Iterator[bytes | None]:
        skipping = False
        while True:
            end = self._buffer.find(b"\n", self._pos)
            if end >= 0:
                line, self._pos = self._buffer[self._pos : end + 1], end + 1
                yield None if skipping or len(line) > MAX_LINE_BYTES else line
                skipping = False
                continue
            if len(self._buffer) - self._pos > MAX_LINE_BYTES:
                skipping, self._buffer, self._pos = True, b"", 0
            chunk = self._next_chunk()
            if not chunk:
                if skipping or self._pos < len(self._buffer):
                    tail, self._buffer, self._pos = self._buffer[self._pos :], b"", 0
                    yield None if skipping else tail
                return
            self._buffer, self._pos = self._buffer[self._pos :] + chunk, 0

    def __iter__(self) -> Iterator[str]:
        for raw in self._one_line_at_a_time():
            if raw is None:
                yield OVERLONG_LINE + "\n"
                continue
            if self.encoding is None:
                if raw.isascii():
                    yield raw.decode("ascii")
                    continue
                self.encoding = guess_encoding(raw, complete=True) or "utf-8"
            yield raw.decode(self.encoding, "surrogateescape")


LINE_BYTES = st.one_of(
    st.sampled_from(
        ["0123456789,张三丰,建国路12号,5", "Zhang San,5", "", "𠮷,\r", "a,\x0b\x0c\x1c\u2028b"]
    ).map(lambda text: text.encode("utf-8")),
    st.sampled_from(["张三,5", "王五,李四"]).map(lambda text: text.encode("gb18030")),
    st.binary(max_size=12).map(lambda raw: raw.replace(b"\n", b"")),
)


def in_chunks(data: bytes, sizes: list[int]) -> Iterator[bytes]:
    start = 0
    for size in sizes:
        yield data[start : start + size]
        start += size
    yield data[start:]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(LINE_BYTES, max_size=12),
    st.booleans(),
    st.sampled_from(["auto", "utf-8", "gb18030"]),
    st.lists(st.integers(1, 40), max_size=8),
)
def test_lines_decoded_in_runs_are_the_lines_decoded_one_by_one(
    lines: list[bytes], final_newline: bool, encoding: str, sizes: list[int]
) -> None:
    data = b"\n".join(lines) + (b"\n" if final_newline and lines else b"")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return  # refused, tested elsewhere
    try:
        reader = CsvLines(in_chunks(data, sizes), encoding)
    except InvalidInput:
        return
    reference = LineByLine(in_chunks(data, sizes), encoding)
    assert list(reader) == list(reference)
    assert reader.encoding == reference.encoding
    assert reader.position == reference.position == len(data)


def test_overlong_lines_among_short_ones_in_runs() -> None:
    long = b"x" * (MAX_LINE_BYTES + 5)
    data = b"a\n" + long + b"\nb\nc\n" + long + b"\n" + long + b"d\n\xe4\xb8\n" + long + b"e"
    overlong = OVERLONG_LINE + "\n"
    for sizes in ([3, 70_000, 2_000_000], [65536] * 100, [len(data)]):
        lines = list(CsvLines(in_chunks(data, sizes), "utf-8"))
        assert lines == ["a\n", overlong, "b\n", "c\n", overlong, overlong, "\udce4\udcb8\n", overlong]
        assert lines == list(LineByLine(in_chunks(data, sizes), "utf-8"))


# ---------------------------------------------------------------------------------------------- duplicates


@pytest.mark.parametrize("expected", [0, 10, 100_000])
def test_a_presized_duplicate_table_answers_the_same(expected: int) -> None:
    seen = SeenAccounts(expected)
    for i in range(3_000):
        assert seen.first_line(f"{1000000000 + i * 7919}", i + 2) == i + 2
    for i in range(3_000):
        assert seen.first_line(f"{1000000000 + i * 7919}", 99_999) == i + 2
    assert len(seen) == 3_000


def test_a_control_character_in_a_name_or_address_rejects_the_row(tmp_path: Path) -> None:
    path = tmp_path / "nul.csv"
    path.write_text(
        "户号,户名,用电地址,欠费\n0123456789,张\x00三,建国路1号,0\n0123456780,李四,建国\x07路2号,0\n"
        "0123456781,王五,建国路3号,0\n",
        encoding="utf-8",
    )
    with open_account_file(path) as rows:
        results = list(rows)
    rejected = [(r.line, r.code, r.field) for r in results if isinstance(r, RowRejection)]
    assert rejected == [(2, "control_character", "name"), (3, "control_character", "address")]
    assert [r.account.name for r in results if not isinstance(r, RowRejection)] == ["王五"]
