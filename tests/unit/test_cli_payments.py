"""The payment commands: accounts import/find/status/figures, slip payment, boundary. JSON out, personal
data masked, the exit codes of cli.py."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from cli_runner import CliRun
from payment_data import WECHAT_URL, account_line, account_number, payment_profile, write_list
from pypdf import PdfReader

from counter_app.cli import EXIT_REFUSED, EXIT_STORE_UNAVAILABLE

# The slip and leaflet commands draw with Qt (fonts): let pytest-qt own the one application object, so a
# later widget test does not find a bare QGuiApplication made by the command.
pytestmark = pytest.mark.usefixtures("qapp")


class Cli(CliRun):
    """Refusals return their JSON error, like successes return their output."""

    def __init__(self, capsys: pytest.CaptureFixture[str], db: Path, profile: Path) -> None:
        super().__init__(capsys, "--db", str(db), "--profile", str(profile))
        self.db, self.profile = db, profile

    def __call__(self, *args: str, code: int = 0) -> Any:
        out = super().__call__(*args, code=code)
        return out if code == 0 else self.err


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Cli:
    cli = Cli(capsys, tmp_path / "hall.sqlite3", payment_profile(tmp_path / "profile"))
    cli("init")
    return cli


@pytest.fixture
def listed(cli: Cli, tmp_path: Path) -> Path:
    lines = [
        account_line(1, name="张三明", address="科尔沁区建国路12号", phone="13812345678"),
        account_line(2, name="李四"),
        "012,短,地址,,,1,,,",
    ]
    path = write_list(tmp_path / "list.csv", lines)
    return path


def test_import_prints_the_summary(cli: Cli, listed: Path, tmp_path: Path) -> None:
    summary = cli("accounts", "import", str(listed), "--encoding", "auto", "--clerk", "王丽")
    assert {k: summary[k] for k in ("inserted", "updated", "rejected", "data_as_of")} == {
        "inserted": 2,
        "updated": 0,
        "rejected": 1,
        "data_as_of": "2026-10-31",
    }
    rejected = Path(summary["rejected_file"])
    assert rejected.exists() and "account_number_length" in rejected.read_text(encoding="utf-8-sig")
    again = cli("accounts", "import", str(listed), "--as-of", "2026-11-01")
    assert (again["inserted"], again["updated"], again["data_as_of"]) == (0, 2, "2026-11-01")
    status = cli("accounts", "status")
    assert status["live"]["accounts"] == 2 and len(status["history"]) == 2


def test_find_masks_personal_data(cli: Cli, listed: Path) -> None:
    cli("accounts", "import", str(listed))
    result = cli("accounts", "find", "张三明")
    [hit] = result["hits"]
    assert (hit["account_number"], hit["name"], hit["phone"]) == (account_number(1), "张*明", "138****5678")
    assert hit["address"] == "科尔沁区建国****" and hit["match"] == "name_exact"
    assert (hit["arrears"], hit["as_of"]) == ("12.30", "2026-10-31")
    assert "张三明" not in json.dumps(result, ensure_ascii=False).replace(result["query"], "")
    assert cli("accounts", "find", "5678")["hits"][0]["match"] == "phone_last4"


def test_refusals_exit_2_with_the_code(cli: Cli, tmp_path: Path) -> None:
    bad = write_list(tmp_path / "bad.csv", ["0123456789,张三"], header="户号,户名")
    error = cli("accounts", "import", str(bad), code=EXIT_REFUSED)
    assert error["error"] == "account_file_missing_columns"
    assert cli("accounts", "find", "王", "--limit", "0", code=EXIT_REFUSED)["error"] == "search_limit"
    assert cli("slip", "payment", "12ab", "--pdf", str(tmp_path / "x.pdf"), code=EXIT_REFUSED)["error"] == (
        "account_number_not_digits"
    )
    assert not (tmp_path / "x.pdf").exists()


def test_slip_for_a_typed_number_without_a_record(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "slip.pdf"
    result = cli(
        "slip",
        "payment",
        "0999999999",
        "--channel",
        "wechat",
        "--channel",
        "agent_outlet",
        "--pdf",
        str(out),
        "--paper",
        "58mm",
    )
    assert (result["on_record"], result["channels"], result["qr_urls"]) == (
        False,
        ["wechat", "agent_outlet"],
        [WECHAT_URL],
    )
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "0999999999" in text
    figures = cli("accounts", "figures")
    assert (figures["guidance"], figures["payers_guided_online"]) == (1, 1)


def test_slip_with_the_default_channels_and_a_reprint(cli: Cli, listed: Path, tmp_path: Path) -> None:
    cli("accounts", "import", str(listed))
    first = cli("slip", "payment", account_number(1), "--pdf", str(tmp_path / "a.pdf"))
    assert first["channels"] == ["wsgw", "wechat", "alipay", "dianebao", "bank_withholding"]
    assert first["on_record"] and not first["reprint"]


def test_boundary_answers_and_prints(cli: Cli, tmp_path: Path) -> None:
    answer = cli("boundary", "after_meter", "--pdf", str(tmp_path / "b.pdf"))
    assert (answer["responsibility"], answer["boundary"], answer["from_contract"]) == (
        "customer",
        "meter",
        False,
    )
    assert "b.pdf" in answer["pdf"] and (tmp_path / "b.pdf").stat().st_size > 1000
    contract = cli("boundary", "after_meter", "--contract-boundary", "after_meter")
    assert (contract["responsibility"], contract["from_contract"]) == ("utility", True)


def test_a_locked_database_exits_4(cli: Cli, listed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from counter_app import app

    cli("accounts", "status")
    monkeypatch.setitem(app.open_hall.__kwdefaults__, "timeout", 0.2)  # not the hall's 15 s
    blocker = sqlite3.connect(cli.db, timeout=0)
    blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        error = cli(
            "slip",
            "payment",
            "0999999999",
            "--pdf",
            str(listed.with_suffix(".pdf")),
            code=EXIT_STORE_UNAVAILABLE,
        )
    finally:
        blocker.rollback()
        blocker.close()
    assert error["error"] == "store_locked"
    assert not listed.with_suffix(".pdf").exists()
