"""The receipt (受理回执) and the one-time notice (一次性告知书) on paper: a one-page PDF per paper size
whose text says what the customer needs, masks personal data, and whose QR code decodes to exactly
the tracking reference and nothing else."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import application_data
import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from counter_app import paths
from counter_app.domain.applications.detail import ApplicationRequest
from counter_app.domain.applications.intake import IntakeForm
from counter_app.domain.applications.values import ApplicantKind, CapacityUnit
from counter_app.domain.identity import IdType
from counter_app.printing.application_papers import R
from counter_app.qt_i18n import HallTexts
from counter_app.services.hall import Hall
from counter_app.services.printing.applications import print_paper_pdf

pytestmark = pytest.mark.usefixtures("qapp")


def pdf_text(path: Path) -> str:
    """The text of the PDF without white space, as pypdf reads it; pdftotext must read the same."""
    text = "".join("".join(page.extract_text() for page in PdfReader(path).pages).split())
    if shutil.which("pdftotext"):
        poppler = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, check=True, text=True
        ).stdout
        assert sorted("".join(poppler.split())) == sorted(text)
    return text


def qr_codes(path: Path, tmp_path: Path) -> list[str]:
    """Every QR code on the PDF's first page, rasterised at 200 dpi by poppler."""
    stem = tmp_path / f"{path.stem}-page"
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", str(path), str(stem)], check=True)
    (image,) = tmp_path.glob(f"{stem.name}*.png")
    return [r.text for r in zxingcpp.read_barcodes(Image.open(image))]


def accept(hall: Hall, form: IntakeForm) -> Any:
    ticket = hall.queue.issue("B").ticket
    return hall.applications.accept(
        ApplicationRequest(form=form, ticket_id=ticket.id, counter=3), clerk="0107"
    )


def home() -> IntakeForm:
    return application_data.home(name="𠮷张三")


@pytest.fixture
def with_phone(tmp_path: Path, make_hall: Callable[..., Hall]) -> Hall:
    folder = tmp_path / "profile"
    shutil.copytree(paths.RESOURCES / "profile", folder / "profile")
    text = paths.DEFAULT_PROFILE.read_text(encoding="utf-8").replace(
        'phone = ""', 'phone = "0475-8123456"', 1
    )
    text = text.replace('address = ""', 'address = "通辽市科尔沁区测试路1号"', 1)
    (folder / "hall_profile.toml").write_text(text, encoding="utf-8")
    return make_hall(profile_file=folder / "hall_profile.toml")


@pytest.mark.parametrize("paper", ["a4", "a5", "80mm"])
def test_receipt_says_what_happens_next_masks_and_carries_only_the_reference(
    hall: Hall, tmp_path: Path, paper: str
) -> None:
    detail = accept(hall, home())
    out = tmp_path / f"receipt-{paper}.pdf"
    result = print_paper_pdf(hall, detail.number, "receipt", out, paper=paper)
    assert result["reprint"] is False and len(PdfReader(out).pages) == 1
    text = pdf_text(out)
    for expected in (
        detail.number,
        "低压居民新装",  # the type, in the hall's language
        "𠮷*三",  # the name, masked, with its rare first character intact
        "110105********002X",
        "138****5678",
        "用电人有效身份证件",  # received
        "用电地址产权证明",  # missing …
        "2025-03-10",  # … by this date, which is also the whole-process due date
        "受理签约",
        "施工接电",
        "95598",
        "能源监管热线12398",  # the regulator's hotline …
        "任何人不得指定",  # … and the customer's rights
        "受理人：________________",  # "0107" is a staff code, not a name: a line to write it on
        "营业厅（盖章）",
        "95598无法查询此编号",  # where the reference can be asked about: this hall, not 95598
        "时限依据：国家电网有限公司供电服务“十项承诺”（2023年）第六条",
        detail.tracking_ref,
    ):
        assert expected in text, expected
    for secret in ("13812345678", "11010519491231002X", "建国路12号", "0107"):
        assert secret not in text
    hall_phone = HallTexts("zh_CN").t("ApplicationReceipt", R["hall_phone"])
    assert "".join(hall_phone.split()) not in text  # the profile has no hall phone: no empty line for it
    assert qr_codes(out, tmp_path) == [detail.tracking_ref]


def test_the_hall_phone_and_address_are_printed_when_the_profile_has_them(
    with_phone: Hall, tmp_path: Path
) -> None:
    with_phone.staff.add("0107", "王芳")
    detail = accept(with_phone, home())
    out = tmp_path / "receipt.pdf"
    print_paper_pdf(with_phone, detail.number, "receipt", out, paper="a5")
    text = pdf_text(out)
    assert "0475-8123456" in text and "通辽市科尔沁区测试路1号" in text
    assert "致电本厅0475-8123456并告知查询编号" in text  # the reference is asked about at the hall
    assert "受理人：王芳" in text and "0107" not in text  # the clerk's name, never the staff code


def test_a_high_voltage_receipt_promises_no_date_that_includes_the_customers_work(
    hall: Hall, tmp_path: Path
) -> None:
    """Plan reply dated (15 working days from acceptance, Mon 3 Mar 2025 → 24 Mar); the customer's
    steps not timed; the steps after them counted from the hand-over; the 22 days as the company's
    steps together, without a finished-by date."""
    detail = accept(hall, application_data.firm())
    out = tmp_path / "hv.pdf"
    print_paper_pdf(hall, detail.number, "receipt", out, paper="a4")
    text = pdf_text(out)
    for expected in (
        "现场勘查及答复供电方案",
        "2025-03-24",
        "客户环节，不计时",
        "自您完成并提交上一环节起计",
        "供电企业各环节合计不超过22个工作日",
        "目前已用0个工作日",
    ):
        assert expected in text, expected
    assert "前办结" not in text and "全流程" not in text
    dates = {d for d in ("2025-04-01", "2025-04-02", "2025-04-03") if d in text}
    assert not dates  # no later date: nothing the customer's work could make untrue


def test_the_receipt_printer_gets_the_same_essentials(hall: Hall) -> None:
    """ESC/POS: company, acceptance time, masked address, documents received and owed, steps, the
    provisional mark and warning for 2027, whom to ask, rights, the clerk's name and the seal."""
    from counter_app.services.printing.applications import prepare_paper_print, printable_for

    hall.staff.add("0107", "王芳")
    detail = accept(hall, home())
    request = prepare_paper_print(hall, detail.number, "receipt", "escpos-net:printer", paper="80mm")
    lines = printable_for(request).lines
    text = "\n".join(line.text for line in lines if line.kind == "text")
    for expected in (
        hall.profile.hall.company,
        "受理时间 2025-03-03 09:00",
        "用电地址",
        "已收资料",
        "用电人有效身份证件",
        "用电地址产权证明",
        "能源监管热线 12398",
        "任何人不得指定",
        "受理人：王芳",
        "营业厅（盖章）",
        "95598无法查询此编号",
    ):
        assert expected in text, expected
    assert [line.text for line in lines if line.kind == "qr"] == [detail.tracking_ref]
    assert "0107" not in text and "建国路12号" not in text


def test_a_2027_receipt_is_marked_provisional_on_every_printer(
    hall: Hall, clock: Any, tmp_path: Path
) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from counter_app.services.printing.applications import prepare_paper_print, printable_for

    clock.set(datetime(2026, 12, 29, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    detail = accept(hall, home())
    # 30, 31 Dec, (1 Jan 2027 元旦), 4, 5, 6 Jan
    assert detail.whole_due is not None and detail.whole_due.day.isoformat() == "2027-01-06"
    request = prepare_paper_print(hall, detail.number, "receipt", "escpos-net:printer", paper="80mm")
    text = "\n".join(line.text for line in printable_for(request).lines if line.kind == "text")
    mark = HallTexts("zh_CN").t("ApplicationReceipt", R["provisional_mark"], "2027-01-06")
    assert mark in text and mark != "2027-01-06"
    warning = HallTexts("zh_CN").t("ApplicationReceipt", R["provisional"], "2027")
    assert warning in text
    out = tmp_path / "r.pdf"
    print_paper_pdf(hall, detail.number, "receipt", out, paper="a5")
    assert "".join(warning.split()) in pdf_text(out)


def test_a_second_print_is_a_reprint_and_says_so(hall: Hall, tmp_path: Path) -> None:
    detail = accept(hall, home())
    print_paper_pdf(hall, detail.number, "receipt", tmp_path / "first.pdf", paper="a5")
    again = print_paper_pdf(hall, detail.number, "receipt", tmp_path / "again.pdf", paper="a5")
    assert again["reprint"] is True
    assert "补打" in pdf_text(tmp_path / "again.pdf") and "补打" not in pdf_text(tmp_path / "first.pdf")
    jobs = hall.print_jobs.history("application_receipt", detail.id)
    assert [(copy, status) for _, copy, status, _ in jobs] == [
        ("original", "printed"),
        ("reprint", "printed"),
    ]


@pytest.mark.parametrize("paper", ["a4", "a5"])
def test_one_time_notice_lists_everything_still_owed_on_one_page(
    hall: Hall, tmp_path: Path, paper: str
) -> None:
    form = IntakeForm(
        business_type="pv_single_point",
        applicant_kind=ApplicantKind.PERSON,
        name="王建国",
        id_type=IdType.RESIDENT_ID,
        id_number="35020319880229102X",
        mobile="18600003333",
        address="通辽市奈曼旗大沁他拉镇光明村5组",
        capacity="20",
        capacity_unit=CapacityUnit.KW,
        documents_presented=frozenset({"applicant_id"}),
        commitment_signed=True,
    )
    detail = accept(hall, form)
    hall.applications.suspend(detail.number, reason="请提供屋顶承重说明", clerk="0107")
    out = tmp_path / f"notice-{paper}.pdf"
    print_paper_pdf(hall, detail.number, "notice", out, paper=paper)
    assert len(PdfReader(out).pages) == 1
    text = pdf_text(out)
    for expected in (
        detail.number,
        "分布式光伏并网（单点并网）",
        "王*国",
        "350203********102X",
        "186****3333",
        "并网申请表",  # owed …
        "屋顶或场地产权证明",  # … both, with their date
        "2025-03-10",
        "共有屋顶其他业主同意书",  # the optional one, "if it applies"
        "请提供屋顶承重说明",  # what the hall waits for
    ):
        assert expected in text, expected
    assert "18600003333" not in text and "35020319880229102X" not in text
    assert qr_codes(out, tmp_path) == []


def test_the_notice_of_a_complete_file_says_nothing_more_is_needed(hall: Hall, tmp_path: Path) -> None:
    form = IntakeForm(
        **{
            **home().__dict__,
            "documents_presented": frozenset({"applicant_id", "property_proof"}),
            "commitment_signed": False,
        }
    )
    detail = accept(hall, form)
    out = tmp_path / "notice.pdf"
    print_paper_pdf(hall, detail.number, "notice", out, paper="a5")
    nothing = HallTexts("zh_CN").t("OneTimeNotice", "Nothing more is needed from you at the moment.")
    assert "".join(nothing.split()) in pdf_text(out)
