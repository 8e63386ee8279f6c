"""The quality commands on a hall where the hand-worked day was played: reports as PDF (figures read
back from its text), XLSX (cells) and CSV; ratings, notes and hand-overs from the command line; no
personal data in any report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cli_runner import CliRun
from openpyxl import load_workbook
from pypdf import PdfReader
from quality_data import DAY
from quality_scenario import PROFILE_TEXT, play_day

from counter_app.services.hall import Hall

pytestmark = pytest.mark.usefixtures("qapp")  # the PDF draws with Qt: pytest-qt owns the application


class Cli(CliRun):
    def __call__(self, *args: str, code: int = 0) -> Any:
        out = super().__call__(*args, code=code)
        return out if code == 0 else self.err


@pytest.fixture
def played(make_hall: Callable[..., Hall], clock: Any, tmp_path: Path) -> Path:
    hall = make_hall(profile_text=PROFILE_TEXT)
    play_day(hall, clock.set)
    hall.close()
    return tmp_path / "hall.sqlite3"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], played: Path) -> Cli:
    return Cli(capsys, "--db", str(played))


def test_daily_report_files_hold_the_hand_counted_figures(cli: Cli, tmp_path: Path) -> None:
    files = [f"--{fmt}={tmp_path / f'day.{fmt}'}" for fmt in ("pdf", "xlsx", "csv")]
    out = cli("report", "daily", "--date", DAY.isoformat(), *files)
    assert out["highlights"]["arrivals"] == 6 and out["highlights"]["wait_mean"] == pytest.approx(11.4)
    assert set(out["files"]) == {"pdf", "xlsx", "csv"}
    text = "".join("".join(page.extract_text().split()) for page in PdfReader(tmp_path / "day.pdf").pages)
    for expected in ("服务质量日报", "2025-03-03（周一）", "11.4", "60.0%", "50.0%", "80.0%", "S002"):
        assert expected in text, expected
    book = load_workbook(tmp_path / "day.xlsx")
    glance = {r[0].value: r[1].value for r in book["概况"].iter_rows(min_row=7)}
    assert glance["取号数"] == 6 and glance["办结数"] == 5 and glance["满意率"] == pytest.approx(0.5)
    assert glance["无交接转办"] == 1 and glance["交接次数"] == 1
    services = list(book["按服务"].iter_rows(min_row=2, values_only=True))
    header, rows = services[0], {r[0]: r for r in services[1:]}
    a = dict(zip(header, rows["A 缴费"], strict=True))
    assert a["取号数"] == 3 and a["平均等候（分钟）"] == pytest.approx(26 / 3)
    assert a["等候达标率"] == pytest.approx(2 / 3)  # A's own target: 10 minutes
    csv_text = (tmp_path / "day.csv").read_text(encoding="utf-8-sig")
    for personal in ("A001", "A002", "V001", "D001", "9900000001", "需专人处理"):  # tickets, account, notes
        assert personal not in csv_text and personal not in text


def test_monthly_range_and_forecast(cli: Cli, tmp_path: Path) -> None:
    month = cli("report", "monthly", "--month", "2025-03", "--xlsx", str(tmp_path / "m.xlsx"))
    assert (month["from"], month["to"], month["highlights"]["served"]) == ("2025-03-01", "2025-03-31", 5)
    span = cli(
        "report", "range", "--from", "2025-03-01", "--to", "2025-03-05", "--csv", str(tmp_path / "r.csv")
    )
    assert span["highlights"]["arrivals"] == 6 and "days" in span["tables"]
    forecast = cli(
        "report", "forecast", "--from", "2025-03-04", "--days", "3", "--pdf", str(tmp_path / "f.pdf")
    )
    assert [d["day"] for d in forecast["days"]] == ["2025-03-04", "2025-03-05", "2025-03-06"]
    assert (tmp_path / "f.pdf").exists()
    assert cli("report", "daily", code=2)["error"] == "invalid_input"  # no file named
    bad = cli(
        "report",
        "range",
        "--from",
        "2025-03-05",
        "--to",
        "2025-03-01",
        "--csv",
        str(tmp_path / "x.csv"),
        code=2,
    )
    assert bad["error"] == "bad_range" and not (tmp_path / "x.csv").exists()


def test_rating_note_and_hand_over_commands(cli: Cli) -> None:
    shown = cli("rating", "show", "A001", "--date", DAY.isoformat())
    assert (shown["level"], shown["clerk"], shown["source"]) == ("very_satisfied", "S001", "screen")
    again = cli(
        "rating", "give", "--number", "A001", "--date", DAY.isoformat(), "--level", "satisfied", code=2
    )
    assert again["error"] == "already_rated"
    # today's business day, on the real clock: a customer handed over with a reason, then noted
    # (the history is of 2025: the supervisor confirms the clock's day, far after the last one)
    cli("day", "confirm")
    cli("counter", "open", "1", "--clerk", "王丽")
    cli("counter", "open", "5", "--clerk", "陈静")
    number = cli("ticket", "issue", "A")["number"]
    cli("ticket", "call", "--counter", "1")
    moved = cli(
        "ticket", "transfer", "--counter", "1", "--to", "C", "--reason", "需专人处理", "--to-counter", "5"
    )
    assert moved["service"] == "C"
    desk = cli("visit", "desk", "--counter", "5")
    assert [(h["ticket"], h["owner"], h["reason"]) for h in desk["to_me"]] == [(number, "王丽", "需专人处理")]
    cli("ticket", "call", "--counter", "5", "--number", number)
    note = cli("visit", "note", "--counter", "5", "--outcome", "referred_95598", "--note", "电价疑问")
    assert (note["ticket"], note["outcome"], note["clerk"]) == (number, "referred_95598", "陈静")
    cli("ticket", "finish", "--counter", "5")
    rated = cli("rating", "give", "--number", number, "--level", "neutral", "--reason", "long_wait")
    assert (rated["counter"], rated["reasons"], rated["source"]) == (5, ["long_wait"], "cli")
    now = cli("quality", "now")
    assert now["today"]["handovers"] == 1 and now["outcomes"] == {"referred_95598": 1}
    assert (
        cli("ticket", "transfer", "--counter", "1", "--to", "C", "--reason", "x", code=2)["error"]
        == "no_current_customer"
    )
