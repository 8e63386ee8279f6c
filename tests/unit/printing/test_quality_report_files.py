"""Reports as CSV and XLSX: the hand-worked figures in their cells, Chinese that Excel reads, numbers
stored as numbers, text never run as a formula, and a file that appears whole or not at all."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from quality_data import DAY, TARGETS, TZ, VISITS

from counter_app.domain.profile import Names
from counter_app.domain.quality.report import ReportData
from counter_app.domain.quality.report_build import ReportKind, ReportSetup, build_quality_report
from counter_app.domain.quality.summary import QualitySummary
from counter_app.printing.reports import ReportError, write_report

SERVICES = {"A": Names("缴费", "繳費", "Payment"), "B": Names("业扩报装", "業擴報裝", "Installation")}
#: A staff record whose name reads as a spreadsheet formula (a careless or hostile entry).
CLERKS = {"S001": "王芳", "S002": '=HYPERLINK("http://x","李强")'}


def report(language: str = "zh_CN") -> ReportData:
    setup = ReportSetup("通辽供电营业厅", language, TARGETS, SERVICES, CLERKS)
    summary = QualitySummary.of_visits(VISITS, TARGETS)
    return build_quality_report(
        summary, ReportKind.DAILY, DAY, DAY, setup, datetime(2025, 3, 4, 8, tzinfo=TZ)
    )


def sections(path: Path) -> dict[str, list[list[str]]]:
    """The CSV's sections by their title line (the first line of each block)."""
    text = path.read_bytes().decode("utf-8-sig")
    blocks: dict[str, list[list[str]]] = {}
    current: list[list[str]] = []
    for line in csv.reader(text.splitlines()):
        if not line:
            current = []
            continue
        if not current:
            blocks[line[0]] = current
        current.append(line)
    return blocks


def test_csv_is_utf8_with_a_bom_in_sections(tmp_path: Path) -> None:
    path = write_report(report(), tmp_path / "day.csv", "csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    blocks = sections(path)
    assert blocks["服务质量日报"][1] == ["营业厅", "通辽供电营业厅"]
    services = blocks["按服务"]
    header, a = services[1], next(r for r in services if r[0] == "A 缴费")
    cells = dict(zip(header, a, strict=True))
    assert cells["取号数"] == "3" and cells["平均等候（分钟）"] == "8.7" and cells["等候达标率"] == "66.7%"
    assert cells["满意率"] == "33.3%"
    glance = dict(blocks["概况"][2:])
    assert glance["90%等候（分钟）"] == "30.0" and glance["满意率"] == "50.0%"
    terms = [r[0] for r in blocks["指标定义"][2:]]
    assert "满意率" in terms and "无交接转办" in terms and "个人信息" in terms
    assert any(r and r[0].startswith("目标等候时长") for r in blocks["说明"])


def test_csv_never_hands_excel_a_formula(tmp_path: Path) -> None:
    clerks = sections(write_report(report(), tmp_path / "day.csv", "csv"))["按营业员"]
    names = [r[0] for r in clerks[2:]]
    assert '\'=HYPERLINK("http://x","李强")（S002）' in names
    assert not any(cell.startswith(("=", "+", "@")) for r in clerks for cell in r)


def test_xlsx_has_a_sheet_per_table_with_numbers_as_numbers(tmp_path: Path) -> None:
    book = load_workbook(write_report(report(), tmp_path / "day.xlsx", "xlsx"))
    assert book.sheetnames[0] == "概况" and book.sheetnames[-1] == "指标定义"
    assert {"按服务", "按窗口", "按营业员", "按时段", "客户评价", "等候时长分布"} <= set(book.sheetnames)
    services = book["按服务"]
    header = [c.value for c in services[2]]
    a = next(r for r in services.iter_rows(min_row=3) if r[0].value == "A 缴费")
    cells = dict(zip(header, a, strict=True))
    assert cells["取号数"].value == 3 and cells["取号数"].number_format == "0"
    assert (
        cells["平均等候（分钟）"].value == pytest.approx(26 / 3)
        and cells["平均等候（分钟）"].number_format == "0.0"
    )
    assert cells["等候达标率"].value == pytest.approx(2 / 3) and cells["等候达标率"].number_format == "0.0%"
    glance = {r[0].value: r[1].value for r in book["概况"].iter_rows(min_row=7)}
    assert glance["取号数"] == 6 and glance["满意率"] == pytest.approx(0.5)
    terms = [r[0].value for r in book["指标定义"].iter_rows(min_row=2)]
    assert "满意率" in terms and "90%等候（分钟）" in terms
    assert len(book["各时段取号数与开放窗口"]._charts) == 1  # a native Excel chart beside its data


def test_xlsx_keeps_a_formula_like_name_as_text(tmp_path: Path) -> None:
    book = load_workbook(write_report(report(), tmp_path / "day.xlsx", "xlsx"))
    cell = next(r[0] for r in book["按营业员"].iter_rows(min_row=3) if "HYPERLINK" in str(r[0].value))
    assert cell.data_type == "s"


def test_english_csv_and_xlsx(tmp_path: Path) -> None:
    blocks = sections(write_report(report("en"), tmp_path / "day.csv", "csv"))
    assert "By service" in blocks and "Definitions" in blocks
    assert "By service" in load_workbook(write_report(report("en"), tmp_path / "day.xlsx", "xlsx")).sheetnames


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_unwritable_place_is_a_clear_error_and_leaves_nothing(tmp_path: Path, fmt: str) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(ReportError, match="Cannot write the report"):
        write_report(report(), blocker / f"day.{fmt}", fmt)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "day.csv"
    path.write_text("the old report")

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("counter_app.printing.reports.csv_report.csv.writer", broken)
    with pytest.raises(ReportError, match="No space left"):
        write_report(report(), path, "csv")
    assert path.read_text() == "the old report"
    assert [p.name for p in tmp_path.iterdir()] == ["day.csv"]


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="pdf, csv, xlsx"):
        write_report(report(), "x.doc", "doc")
