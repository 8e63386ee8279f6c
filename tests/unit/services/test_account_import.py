"""Importing the account list: every encoding and defect, all or nothing, upsert, the rejects file,
progress, and the queue working on while a list is imported."""

from __future__ import annotations

import csv
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from payment_data import HEADER_EN, HEADER_ZH, account_line, account_number, accounts_file, write_list

from counter_app.domain.errors import InvalidInput, RuleViolation, StoreUnavailable
from counter_app.services.hall import Hall
from counter_app.services.payments.account_import import ImportProgress
from counter_app.store.account_list import accounts_folder
from counter_app.store.account_list import build as accounts_build


def numbers(hall: Hall, query: str, limit: int = 50) -> list[str]:
    return [h.account.number for h in hall.accounts.find(query, limit=limit).hits]


def list_files(hall: Hall) -> list[str]:
    folder = accounts_folder(hall.path)
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# ------------------------------------------------------------------------------------ encodings, headers


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_each_encoding_imports_and_chinese_survives(hall: Hall, tmp_path: Path, encoding: str) -> None:
    lines = [account_line(1, name="张三丰", address="科尔沁区建国路12号"), account_line(2)]
    summary = hall.account_import.run(write_list(tmp_path / "list.csv", lines, encoding=encoding))
    assert (summary.inserted, summary.updated, summary.rejected, summary.accounts) == (2, 0, 0, 2)
    assert summary.encoding == ("utf-8" if encoding.startswith("utf") else "gb18030")
    card = hall.accounts.card(account_number(1))
    assert (card.account.name, card.account.address) == ("张三丰", "科尔沁区建国路12号")


def test_wrong_encoding_is_refused_whole_and_the_previous_list_stays(hall: Hall, tmp_path: Path) -> None:
    hall.account_import.run(accounts_file(tmp_path / "first.csv", 3))
    rows = [account_line(i, name="张三丰") for i in range(10, 40)]
    gbk = write_list(tmp_path / "gbk.csv", rows, header=HEADER_EN, encoding="gbk")
    with pytest.raises(InvalidInput) as refused:
        hall.account_import.run(gbk, encoding="utf-8")
    assert refused.value.code == "account_file_wrong_encoding" and refused.value.field == "encoding"
    assert refused.value.params["lines"] == 30
    assert Path(refused.value.params["rejected_file"]).exists()  # the clerk can see which lines
    assert hall.accounts.live_list().accounts == 3  # type: ignore[union-attr]
    assert numbers(hall, "张三丰") == []
    assert hall.account_import.run(gbk, encoding="gb18030").inserted == 30  # the right choice works


def test_a_chinese_header_in_the_wrong_encoding_says_so(hall: Hall, tmp_path: Path) -> None:
    gbk = write_list(tmp_path / "gbk.csv", [account_line(1)], encoding="gbk")
    with pytest.raises(InvalidInput) as refused:
        hall.account_import.run(gbk, encoding="utf-8")
    assert refused.value.code == "account_file_wrong_encoding"
    assert hall.accounts.live_list() is None and list_files(hall) == []


def test_english_header_in_another_order(hall: Hall, tmp_path: Path) -> None:
    header = "name,account_no,arrears,address,phone,due_date,as_of,withholding,tariff_class"
    path = write_list(
        tmp_path / "en.csv",
        ['Li Lei,0123456789,"1,234.50",Main St 1,13812345678,2026-11-30,2026-11-01,yes,residential'],
        header=header,
    )
    hall.account_import.run(path)
    account = hall.accounts.card("0123456789").account
    assert (account.name, account.arrears, account.withholding.value) == (
        "Li Lei",
        Decimal("1234.50"),
        "signed",
    )


def test_missing_columns_name_them_and_import_nothing(hall: Hall, tmp_path: Path) -> None:
    path = write_list(tmp_path / "cols.csv", ["0123456789,张三"], header="户号,户名")
    with pytest.raises(InvalidInput) as refused:
        hall.account_import.run(path)
    assert refused.value.code == "account_file_missing_columns"
    assert refused.value.params["missing"] == ("balance_or_arrears",)
    assert hall.accounts.live_list() is None and list_files(hall) == []


def test_a_file_that_cannot_be_read_is_refused(hall: Hall, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as refused:
        hall.account_import.run(tmp_path / "nowhere.csv")
    assert refused.value.code == "account_file_unreadable" and refused.value.field == "file"


# ------------------------------------------------------------------------------------ row defects


def test_defective_rows_are_rejected_with_reasons_in_an_excel_ready_file(hall: Hall, tmp_path: Path) -> None:
    lines = [
        account_line(1, arrears='"1,234.50"'[1:-1]),  # thousands separator (quoted by the helper)
        account_line(2, arrears="88.00元"),
        "",
        account_line(3),
        account_line(1),  # duplicate of the first data line
        "012345,短号,地址,,,5,,,",  # wrong length
        account_line(4, arrears="abc"),
        ",,,,,,,,",  # blank row
        account_line(5, due="2026-02-30"),
        "=HYPERLINK(1),公式,地址,,,5,,,",
    ]
    rejects = tmp_path / "out" / "rejected.csv"
    summary = hall.account_import.run(write_list(tmp_path / "defects.csv", lines), rejects_path=rejects)
    assert (summary.inserted, summary.rejected, summary.rows) == (3, 5, 8)
    assert summary.rejected_by_reason == {
        "account_number_length": 1,
        "account_number_not_digits": 1,
        "amount_not_number": 1,
        "date_invalid": 1,
        "duplicate": 1,
    }
    assert hall.accounts.card(account_number(1)).account.arrears == Decimal("1234.50")
    assert hall.accounts.card(account_number(2)).account.arrears == Decimal("88.00")
    assert summary.rejected_file == str(rejects)
    raw = rejects.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel opens it as Unicode
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][0].startswith("行号")
    by_code = {r[2]: r for r in rows[1:]}
    assert by_code["duplicate"][0] == "6" and by_code["duplicate"][1] == f'="{account_number(1)}"'
    assert by_code["account_number_length"][1] == '="012345"'
    assert by_code["account_number_not_digits"][1] == "'=HYPERLINK(1)"  # never a live formula
    assert "date" in by_code["date_invalid"][3]


def test_nothing_acceptable_is_refused_and_nothing_changes(hall: Hall, tmp_path: Path) -> None:
    hall.account_import.run(accounts_file(tmp_path / "first.csv", 2))
    before = list_files(hall)
    with pytest.raises(InvalidInput) as refused:
        hall.account_import.run(write_list(tmp_path / "bad.csv", ["1,a,b,,,x,,,", "2,c,d,,,y,,,"]))
    assert refused.value.code == "account_file_no_rows" and refused.value.params["rejected"] == 2
    assert list_files(hall) == before


def test_sql_looking_names_emoji_and_rare_characters_are_stored_as_typed(hall: Hall, tmp_path: Path) -> None:
    names = ["Robert'); DROP TABLE accounts;--", "😀李四", "吉𠮷", "䶮 鿏", 'O\'Brien "Bob"']
    lines = [account_line(i, name=name, address=f"𠮷村{i}号") for i, name in enumerate(names)]
    hall.account_import.run(write_list(tmp_path / "odd.csv", lines))
    for i, name in enumerate(names):
        card = hall.accounts.card(account_number(i))
        assert (card.account.name, card.account.address) == (name, f"𠮷村{i}号")
    assert numbers(hall, "𠮷") == [account_number(2)]  # a rare character on its own finds the name
    assert numbers(hall, "drop table") == [account_number(0)]
    assert hall.accounts.live_list().accounts == 5  # type: ignore[union-attr]


def test_xlsx_imports_too(hall: Hall, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER_EN.split(","))
    sheet.append(
        ["0123456789", "张三", "建国路1号", "13812345678", "居民", 12.5, date(2026, 11, 30), None, "否"]
    )
    book.save(tmp_path / "list.xlsx")
    summary = hall.account_import.run(tmp_path / "list.xlsx")
    assert (summary.file_format, summary.inserted) == ("xlsx", 1)
    assert hall.accounts.card("0123456789").account.arrears == Decimal("12.50")


# ------------------------------------------------------------------------------------ upsert, as of


def test_reimport_upserts_by_account_number_and_keeps_unmentioned_accounts(
    hall: Hall, tmp_path: Path
) -> None:
    first = hall.account_import.run(accounts_file(tmp_path / "a.csv", 5, arrears="10.00"))
    assert (first.inserted, first.updated, first.kept) == (5, 0, 0)
    second = hall.account_import.run(accounts_file(tmp_path / "b.csv", 4, start=3, arrears="20.00"))
    assert (second.inserted, second.updated, second.kept, second.accounts) == (2, 2, 3, 7)
    assert hall.accounts.card(account_number(0)).account.arrears == Decimal("10.00")
    assert hall.accounts.card(account_number(3)).account.arrears == Decimal("20.00")
    again = hall.account_import.run(accounts_file(tmp_path / "b.csv", 4, start=3, arrears="20.00"))
    assert (again.inserted, again.updated, again.kept, again.accounts) == (0, 4, 3, 7)
    assert len(numbers(hall, "0500000", limit=50)) == 7  # never a duplicate
    assert len(list_files(hall)) == 1  # superseded list files are removed


def test_data_as_of_is_given_or_the_newest_row_date_or_the_file_date(hall: Hall, tmp_path: Path) -> None:
    path = write_list(tmp_path / "d.csv", [account_line(1, as_of="2026-10-30"), account_line(2, as_of="")])
    assert hall.account_import.run(path).data_as_of == date(2026, 10, 30)
    assert hall.accounts.card(account_number(2)).account.as_of == date(2026, 10, 30)
    assert hall.account_import.run(path, as_of=date(2026, 11, 2)).data_as_of == date(2026, 11, 2)
    undated = write_list(tmp_path / "u.csv", [account_line(3, as_of="")])
    os.utime(undated, (time.mktime((2026, 9, 1, 12, 0, 0, 0, 0, -1)),) * 2)
    assert hall.account_import.run(undated).data_as_of == date(2026, 9, 1)
    assert hall.accounts.card(account_number(1)).account.as_of == date(2026, 10, 30)  # kept with its date


# ------------------------------------------------------------------------------------ all or nothing


def test_a_failure_mid_import_leaves_the_previous_list_intact(
    hall: Hall, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hall.account_import.run(accounts_file(tmp_path / "a.csv", 3, arrears="10.00"))
    before = list_files(hall)
    calls = {"n": 0}
    real_add = accounts_build.AccountListBuilder.add

    def failing_add(self: accounts_build.AccountListBuilder, rows: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("injected failure")
        real_add(self, rows)

    monkeypatch.setattr("counter_app.services.payments.account_import.BATCH_ROWS", 10)
    monkeypatch.setattr(accounts_build.AccountListBuilder, "add", failing_add)
    with pytest.raises(RuntimeError, match="injected"):
        hall.account_import.run(accounts_file(tmp_path / "b.csv", 100, arrears="99.00"))
    assert list_files(hall) == before  # no half-built file left behind
    assert hall.accounts.live_list().accounts == 3  # type: ignore[union-attr]
    assert hall.accounts.card(account_number(0)).account.arrears == Decimal("10.00")
    assert hall.accounts.lookup(account_number(50)) is None


def test_a_full_disk_is_reported_as_such_and_nothing_changes(
    hall: Hall, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hall.account_import.run(accounts_file(tmp_path / "a.csv", 3))

    def full(self: accounts_build.AccountListBuilder, rows: Any) -> None:
        with accounts_build.store_errors():
            raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(accounts_build.AccountListBuilder, "add", full)
    with pytest.raises(StoreUnavailable) as failed:
        hall.account_import.run(accounts_file(tmp_path / "b.csv", 5, start=10))
    assert failed.value.reason == "disk_full"
    assert hall.accounts.live_list().accounts == 3  # type: ignore[union-attr]
    assert len(list_files(hall)) == 1


def test_cancel_changes_nothing(hall: Hall, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("counter_app.services.payments.account_import.BATCH_ROWS", 10)
    seen: list[ImportProgress] = []
    with pytest.raises(RuleViolation) as cancelled:
        hall.account_import.run(
            accounts_file(tmp_path / "a.csv", 100), progress=seen.append, cancelled=lambda: len(seen) >= 2
        )
    assert cancelled.value.code == "account_import_cancelled"
    assert hall.accounts.live_list() is None and list_files(hall) == []


def test_progress_rises_to_one_through_every_phase(
    hall: Hall, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("counter_app.services.payments.account_import.BATCH_ROWS", 25)
    seen: list[ImportProgress] = []
    hall.account_import.run(accounts_file(tmp_path / "a.csv", 200), progress=seen.append)
    fractions = [p.fraction for p in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert [p.phase for p in seen if p.phase != "reading"] == [
        "merging",
        "sorting",
        "indexing",
        "search",
        "switching",
        "done",
    ]
    assert [p.rows for p in seen if p.phase == "reading"] == [25, 50, 75, 100, 125, 150, 175, 200]


def test_an_import_conflicting_with_another_finishes_nothing(
    make_hall: Callable[..., Hall], tmp_path: Path
) -> None:
    one, two = make_hall(), make_hall()
    one.account_import.run(accounts_file(tmp_path / "a.csv", 2))

    def meanwhile(progress: ImportProgress) -> None:
        if progress.phase == "merging":
            two.account_import.run(accounts_file(tmp_path / "c.csv", 1, start=90))

    with pytest.raises(RuleViolation) as conflict:
        one.account_import.run(accounts_file(tmp_path / "b.csv", 3, start=10), progress=meanwhile)
    assert conflict.value.code == "account_import_conflict"
    assert one.accounts.live_list().accounts == 3  # type: ignore[union-attr]  # the other import's list


# ------------------------------------------------------------------------------------ the queue meanwhile


def test_the_queue_is_not_blocked_by_an_import(make_hall: Callable[..., Hall], tmp_path: Path) -> None:
    importer, kiosk = make_hall(), make_hall(timeout=1.0)
    source = accounts_file(tmp_path / "big.csv", 12_000)  # long enough to sample the queue often
    done = threading.Event()
    latencies: list[float] = []

    def run_import() -> None:
        worker = make_hall_in_thread(importer.path, getattr(importer.store.sql, "dsn", None))
        try:
            worker.account_import.run(source)
        finally:
            worker.close()
            done.set()

    thread = threading.Thread(target=run_import)
    thread.start()
    while not done.is_set():
        started = time.perf_counter()
        kiosk.queue.issue("A")  # a 1 s busy timeout: any long lock would raise StoreUnavailable
        latencies.append(time.perf_counter() - started)
        time.sleep(0.002)
    thread.join()
    assert len(latencies) >= 5 and max(latencies) < 0.5
    assert kiosk.accounts.live_list().accounts == 12_000  # type: ignore[union-attr]


def make_hall_in_thread(path: Path, server: str | None = None) -> Hall:
    """The same hall opened again on this thread (its file, or its server when ``server`` is set)."""
    from counter_app.app import open_hall

    return open_hall(path, create=True, hall=server)


def test_header_in_chinese_with_title_line_above(hall: Hall, tmp_path: Path) -> None:
    path = tmp_path / "title.csv"
    path.write_text(f"通辽供电公司 用户清单 2026年10月\n{HEADER_ZH}\n{account_line(7)}\n", encoding="utf-8")
    assert hall.account_import.run(path).inserted == 1
