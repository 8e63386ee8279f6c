"""Reports as PDF: the figures read back from the text layer (pypdf and pdftotext agree), every page
numbered, charts drawn, long tables carried over pages with their header, in any hall language."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtGui import QImage, QPainter
from quality_data import DAY, TARGETS, TZ, VISITS, day_of_visits

from counter_app.domain.profile import Names
from counter_app.domain.quality.definitions import DEFINITIONS, RATING_NAMES
from counter_app.domain.quality.forecast import ForecastSettings, fit, forecast
from counter_app.domain.quality.planning import backtest, staffing_plan
from counter_app.domain.quality.report import Column, Definition, ReportData, Table, ValueKind
from counter_app.domain.quality.report_build import ReportKind, ReportSetup, build_quality_report
from counter_app.domain.quality.report_forecast import build_forecast_report
from counter_app.domain.quality.report_texts import CLASSES, KINDS, T
from counter_app.domain.quality.summary import QualitySummary, arrivals_by_day_hour_service
from counter_app.printing.reports import write_report
from counter_app.printing.reports.charts import BAR_COLORS, nice_scale, step_for
from counter_app.printing.reports.pdf_report import render_report_images
from counter_app.printing.text import layout_block, recording_glyphs, slip_family, slip_font

pytestmark = pytest.mark.usefixtures("qapp")

SERVICES = {
    "A": Names("缴费", "繳費", "Payment"),
    "B": Names("业扩报装", "業擴報裝", "Installation"),
    "C": Names("咨询查询", "諮詢查詢", "Inquiry"),
    "D": Names("故障报修与投诉", "故障報修與投訴", "Repair and complaints"),
}
CLERKS = {"S001": "王芳", "S002": "李强"}
NOW = datetime(2025, 3, 4, 8, 30, tzinfo=TZ)


def setup(language: str = "zh_CN") -> ReportSetup:
    return ReportSetup("通辽供电营业厅", language, TARGETS, SERVICES, CLERKS)


def pages_text(path: Path) -> list[str]:
    """Each page's text without white space, as pypdf reads it; pdftotext must read the same
    characters (but for hyphens: it joins a word hyphenated at a line end)."""
    pages = ["".join(page.extract_text().split()) for page in PdfReader(path).pages]
    if shutil.which("pdftotext"):
        poppler = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, check=True, text=True
        ).stdout
        assert sorted("".join(poppler.split()).replace("-", "")) == sorted("".join(pages).replace("-", ""))
    return pages


def first_page_png(path: Path, tmp_path: Path, dpi: int = 60) -> Image.Image:
    stem = tmp_path / f"{path.stem}-page"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-f", "1", "-l", "1", str(path), str(stem)], check=True
    )
    (image,) = tmp_path.glob(f"{stem.name}*.png")
    return Image.open(image).convert("RGB")


def test_the_daily_pdf_reads_back_its_figures(tmp_path: Path) -> None:
    summary = QualitySummary.of_visits(VISITS, TARGETS)
    data = build_quality_report(summary, ReportKind.DAILY, DAY, DAY, setup(), NOW, {9: 3.0, 10: 2.0})
    path = write_report(data, tmp_path / "day.pdf", "pdf")
    pages = pages_text(path)
    text = "".join(pages)
    for expected in (
        "服务质量日报",
        "通辽供电营业厅",
        "2025-03-03（周一）",
        "A缴费",
        "8.7",
        "66.7%",
        "王芳（S001）",
    ):
        assert expected in text, expected
    assert "满意率" in text and "（非常满意+满意）÷有效评价数" in text  # the footer defines it
    assert "小时" in text and "⼩" not in text  # the text layer was repaired (no Kangxi radical)
    for n, page in enumerate(pages, start=1):
        assert f"第{n}/{len(pages)}页" in page
    assert len(render_report_images(data, 40)) == len(pages)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_the_charts_are_drawn(tmp_path: Path) -> None:
    summary = QualitySummary.of_visits(day_of_visits(DAY, 600, seed=3), TARGETS)
    data = build_quality_report(
        summary, ReportKind.DAILY, DAY, DAY, setup(), NOW, dict.fromkeys(range(8, 18), 4.0)
    )
    image = first_page_png(write_report(data, tmp_path / "charts.pdf", "pdf"), tmp_path)
    bar = BAR_COLORS[0].red(), BAR_COLORS[0].green(), BAR_COLORS[0].blue()
    width, height = image.size
    left = sum(
        1
        for x in range(0, width // 2, 2)
        for y in range(height // 3, height, 2)
        if all(abs(a - b) < 12 for a, b in zip(image.getpixel((x, y)), bar, strict=True))  # type: ignore[arg-type]
    )
    right = sum(
        1
        for x in range(width // 2, width, 2)
        for y in range(height // 3, height, 2)
        if all(abs(a - b) < 12 for a, b in zip(image.getpixel((x, y)), bar, strict=True))  # type: ignore[arg-type]
    )
    assert left > 200 and right > 200  # bars in both charts: arrivals by hour, the wait spread


def test_a_long_table_carries_its_header_over_pages(tmp_path: Path) -> None:
    columns = (Column("营业员（工号）", ValueKind.TEXT), Column("办结数", ValueKind.COUNT, "served"))
    rows = tuple((f"营业员{i:03d}（S{i:03d}）", i) for i in range(1, 121))
    data = ReportData(
        title="服务质量月报",
        hall="通辽供电营业厅",
        period="2025年3月",
        first_day=date(2025, 3, 1),
        last_day=date(2025, 3, 31),
        generated_at=NOW,
        language="zh_CN",
        highlights=(),
        tables=(Table("clerks", "按营业员", columns, rows),),
        charts=(),
        definitions=(Definition("办结数", "在柜台办结的客户数。"),),
    )
    pages = pages_text(write_report(data, tmp_path / "long.pdf", "pdf"))
    assert len(pages) >= 3
    text = "".join(pages)
    assert all(f"营业员{i:03d}（S{i:03d}）" in text for i in range(1, 121))
    assert sum("营业员（工号）办结数" in page for page in pages) >= 3  # the header on every page of rows


def test_a_month_in_english(tmp_path: Path) -> None:
    summary = QualitySummary()
    for i in range(10):
        summary.merge(QualitySummary.of_visits(day_of_visits(DAY + timedelta(days=i), 150, seed=i), TARGETS))
    data = build_quality_report(
        summary, ReportKind.MONTHLY, date(2025, 3, 1), date(2025, 3, 31), setup("en"), NOW
    )
    text = "".join(pages_text(write_report(data, tmp_path / "month.pdf", "pdf")))
    for expected in ("Service quality: monthly report", "3/2025", "By day", "Satisfaction rate", "Page 1 of"):
        assert "".join(expected.split()) in text, expected


def test_the_forecast_report_pdf(tmp_path: Path) -> None:
    summary = QualitySummary()
    first = date(2025, 1, 6)
    for i in range(84):
        day = first + timedelta(days=i)
        summary.merge(
            QualitySummary.of_visits(day_of_visits(day, 120 if day.weekday() < 5 else 60, seed=i), TARGETS)
        )
    history = arrivals_by_day_hour_service(summary)
    as_of = first + timedelta(days=84)
    settings = ForecastSettings(fit_weeks=8)
    model = fit(history, as_of, settings=settings)
    days = forecast(model, as_of, 7)
    minutes = {"A": 4.0, "B": 10.0, "C": 10.0, "D": 10.0}
    plan = staffing_plan(days, minutes, TARGETS)
    result = backtest(history, as_of - timedelta(days=1), 2, settings=settings)
    data = build_forecast_report(model, days, plan, setup(), NOW, minutes, 0.8, result)
    text = "".join(pages_text(write_report(data, tmp_path / "forecast.pdf", "pdf")))
    for expected in ("到达预测与窗口安排", "各时段所需窗口", "WAPE（按日）", "ErlangC（M/M/c）", "所需窗口"):
        assert expected in text, expected


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW", "en"])
def test_every_word_of_the_reports_is_drawn_in_the_cjk_font(language: str) -> None:
    """A character the CJK font lacks is drawn from a fallback font, and the PDF text layer of such a
    line reads back wrongly (the glyph log pairs fallback glyphs with the wrong text); so the reports'
    own words stay within the CJK font."""
    words = [t for d in DEFINITIONS for t in (d.label_in(language), d.text_in(language))]
    words += [n.get(language) for table in (T, KINDS, CLASSES, RATING_NAMES) for n in table.values()]
    words += ["08:00–09:00", "≥60", "·", "—", "Σ", "'", "%"]
    image = QImage(10, 10, QImage.Format.Format_RGB32)
    fallback = set()
    for ch in {ch for w in words for ch in w}:
        painter = QPainter(image)
        with recording_glyphs() as glyphs:
            layout_block(ch, slip_font(language, 20), 1000, image).draw(painter, 0, 0)
        painter.end()
        if any(face.split("|")[0] != slip_family(language) for face, _, _ in glyphs.glyphs):
            fallback.add(ch)
    assert fallback == set()


@pytest.mark.parametrize(
    ("top", "scale"), [(0.0, (1.0, 0.2)), (7.0, (8.0, 2.0)), (500.0, (500.0, 100.0)), (38.0, (40.0, 10.0))]
)
def test_axis_scales(top: float, scale: tuple[float, float]) -> None:
    assert nice_scale(top) == scale


def test_a_second_axis_shares_the_grid() -> None:
    assert step_for(4.0, 4) == 1.0 and step_for(11.0, 5) == 5.0 and step_for(0.0, 5) == 1.0
