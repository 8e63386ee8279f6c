"""Import inputs that used to hang, spin or raise a traceback (issue #12): devices and FIFOs are
refused, a damaged XLSX row is a rejected row, a damaged workbook a plain refusal, and cancel stops
a file that yields no rows."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from payment_data import accounts_file
from xlsx_data import HEADER, good_row, inline, workbook

from counter_app import app, cli
from counter_app.domain.errors import InvalidInput, RuleViolation
from counter_app.services.hall import Hall
from counter_app.store.account_list import accounts_folder


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_not_read_for_ever(hall: Hall, device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device}")
    with pytest.raises(InvalidInput) as refused:
        hall.account_import.run(device)
    assert refused.value.code == "account_file_unreadable" and refused.value.params["reason"] == "not_regular"
    assert hall.accounts.live_list() is None


def test_a_fifo_is_refused_without_waiting(hall: Hall, tmp_path: Path) -> None:
    fifo = tmp_path / "list.csv"
    os.mkfifo(fifo)
    with pytest.raises(InvalidInput) as refused:
        hall.account_import.run(fifo)
    assert refused.value.params["reason"] == "not_regular"


def test_the_cli_refuses_dev_zero_plainly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    assert app.main(["init", "--db", str(tmp_path / "hall.sqlite3")]) == 0  # only init makes a hall
    capsys.readouterr()
    code = app.main(["accounts", "import", "/dev/zero", "--db", str(tmp_path / "hall.sqlite3")])
    assert code == cli.EXIT_REFUSED
    error = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    assert error["error"] == "account_file_unreadable" and "not a regular file" in error["message"]


def test_damaged_xlsx_rows_are_rejected_rows_and_the_rest_imports(hall: Hall, tmp_path: Path) -> None:
    bad = [
        f'<row r="{n}">{inline(f"A{n}", f"05{n:08d}")}{inline(f"B{n}", "李四")}{cell}</row>'
        for n, cell in (
            (3, '<c r="C3" t="s"><v>77</v></c>'),
            (4, '<c r="C4" t="b"><v>maybe</v></c>'),
            (5, '<c r="C5"><v>1e5e5</v></c>'),
        )
    ]
    path = workbook(tmp_path / "list.xlsx", HEADER + good_row(2) + "".join(bad) + good_row(6), shared=[])
    summary = hall.account_import.run(path)
    assert (summary.inserted, summary.rejected) == (2, 3)
    assert summary.rejected_by_reason == {"xlsx_malformed": 3}
    rejects = Path(summary.rejected_file or "").read_text(encoding="utf-8-sig")
    assert "cell C3: shared string '77' does not exist" in rejects and "cell C4" in rejects


def test_a_workbook_past_the_row_limit_is_refused_and_nothing_changes(hall: Hall, tmp_path: Path) -> None:
    hall.account_import.run(accounts_file(tmp_path / "first.csv", 3))
    path = workbook(tmp_path / "list.xlsx", HEADER + good_row(2) + '<row r="99999999999"></row>')
    with pytest.raises(InvalidInput) as refused:
        hall.account_import.run(path)
    assert refused.value.code == "account_file_format"
    assert hall.accounts.live_list().accounts == 3  # type: ignore[union-attr]
    assert [p.name for p in accounts_folder(hall.path).iterdir() if p.suffix in (".part", ".scratch")] == []


def test_cancel_stops_a_file_that_yields_no_rows(hall: Hall, tmp_path: Path) -> None:
    """8 MB without a line break: the import's own per-batch check never came; the reader's does."""
    path = tmp_path / "zeros.csv"
    path.write_bytes(b"\x00" * (8 * 1024 * 1024))
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(RuleViolation) as stopped:
        hall.account_import.run(path, cancelled=cancelled)
    assert stopped.value.code == "account_import_cancelled"
    assert hall.accounts.live_list() is None
