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
from counter_app.domain.application_intake import IntakeForm
from counter_app.domain.applications import ApplicantKind, CapacityUnit
from counter_app.domain.identity import IdType
from counter_app.printing.application_papers import R
from counter_app.printing.application_print import print_paper_pdf
from counter_app.qt_i18n import HallTexts
from counter_app.services.applications_values import ApplicationRequest
from counter_app.services.hall import Hall

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
        "0107",  # the owner (首问负责人)
        "95598",
        detail.tracking_ref,
    ):
        assert expected in text, expected
    for secret in ("13812345678", "11010519491231002X", "建国路12号"):
        assert secret not in text
    hall_phone = HallTexts("zh_CN").t("ApplicationReceipt", R["hall_phone"])
    assert "".join(hall_phone.split()) not in text  # the profile has no hall phone: no empty line for it
    assert qr_codes(out, tmp_path) == [detail.tracking_ref]


def test_the_hall_phone_is_printed_when_the_profile_has_one(with_phone: Hall, tmp_path: Path) -> None:
    detail = accept(with_phone, home())
    out = tmp_path / "receipt.pdf"
    print_paper_pdf(with_phone, detail.number, "receipt", out, paper="a5")
    assert "0475-8123456" in pdf_text(out)


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
