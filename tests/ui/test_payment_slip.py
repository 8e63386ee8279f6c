"""The payment QR slip on paper: a PDF whose text holds the 户号 and the masked name, whose QR codes decode
to exactly the addresses the hall configured (and nothing else), on 80 mm, 58 mm and A5."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import zxingcpp
from payment_data import URLS, WECHAT_URL, account_line, account_number, payment_profile, write_list
from PIL import Image
from pypdf import PdfReader

from counter_app.domain.errors import NotFound
from counter_app.domain.masking import mask_name
from counter_app.printing.backends import PdfFileBackend, render_image
from counter_app.printing.paper import paper_named
from counter_app.printing.payment_slip import payment_printable
from counter_app.qt_i18n import HallTexts
from counter_app.services.hall import Hall
from counter_app.services.printing.payments import guide_and_print_pdf, print_payment_slip
from counter_app.store.account_list import accounts_folder

pytestmark = pytest.mark.usefixtures("qapp")
PT_PER_MM = 72 / 25.4


@pytest.fixture
def pay_hall(make_hall: Callable[..., Hall], tmp_path: Path) -> Hall:
    hall = make_hall(profile_file=payment_profile(tmp_path / "profile"))
    lines = [
        account_line(
            1,
            name="张三明",
            address="科尔沁区建国路12号3栋",
            arrears="1,288.50".replace(",", ""),
            withholding="否",
        ),
        account_line(2, name="𠮷李明", address="𠮷村"),
        account_line(3, name="Robert'); DROP TABLE accounts;--"),
    ]
    hall.account_import.run(write_list(tmp_path / "list.csv", lines))
    return hall


def pdf_text(path: Path) -> str:
    """The PDF's text without white space (readers put spaces between CJK and Latin, or break lines)."""
    return "".join("".join(page.extract_text() for page in PdfReader(path).pages).split())


def squashed(text: str) -> str:
    return "".join(text.split())


def qr_codes(pdf: Path) -> list[str]:
    stem = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", str(pdf), str(stem)], check=True)
    with Image.open(stem.with_suffix(".png")) as image:
        return [code.text for code in zxingcpp.read_barcodes(image)]


@pytest.mark.parametrize("paper", ["80mm", "58mm", "a5"])
def test_text_and_qr_codes_of_the_slip(pay_hall: Hall, tmp_path: Path, paper: str) -> None:
    out = tmp_path / f"slip-{paper}.pdf"
    channels = ["wsgw", "wechat", "alipay", "dianebao"]
    result = guide_and_print_pdf(pay_hall, account_number(1), channels, out, paper=paper, clerk="王丽")
    assert result["qr_urls"] == [URLS["wsgw"], URLS["wechat"], URLS["alipay"]]
    text = pdf_text(out)
    assert account_number(1) in text and "张*明" in text and "科尔沁区建国****" in text
    assert "张三明" not in text and "12号3栋" not in text  # masked, on paper too
    assert "1,288.50" in text and "2026-11-25" in text and "2026-10-31" in text and "95598" in text
    assert "电e宝" in text and "输入户号，核对户名后缴费" in text  # a channel without a QR keeps its steps
    assert "补打" not in text
    assert sorted(qr_codes(out)) == sorted([URLS["wsgw"], WECHAT_URL, URLS["alipay"]])
    page = PdfReader(out).pages[0]
    assert float(page.mediabox.width) == pytest.approx(paper_named(paper).width_mm * PT_PER_MM, abs=1)


def test_no_qr_without_a_configured_address(pay_hall: Hall, tmp_path: Path) -> None:
    out = tmp_path / "none.pdf"
    result = guide_and_print_pdf(pay_hall, account_number(1), ["dianebao", "agent_outlet"], out)
    assert result["qr_urls"] == [] and qr_codes(out) == []
    assert "安装并登录“电e宝”App" in pdf_text(out)


def test_rare_characters_and_sql_looking_names_print_as_typed(pay_hall: Hall, tmp_path: Path) -> None:
    rare, sql = tmp_path / "rare.pdf", tmp_path / "sql.pdf"
    guide_and_print_pdf(pay_hall, account_number(2), ["wechat"], rare)
    guide_and_print_pdf(pay_hall, account_number(3), ["wechat"], sql)
    assert "𠮷*明" in pdf_text(rare) and "𠮷村" in pdf_text(rare)
    assert squashed(mask_name("Robert'); DROP TABLE accounts;--")) in pdf_text(sql)
    assert qr_codes(sql) == [WECHAT_URL]  # the QR is the address, never the account or the name


def test_a_second_print_of_the_same_guidance_is_a_reprint(pay_hall: Hall, tmp_path: Path) -> None:
    record = pay_hall.payments.record(account_number(1), ["wechat"], clerk="王丽")
    first = print_payment_slip(pay_hall, record.id, PdfFileBackend(tmp_path / "1.pdf"))
    second = print_payment_slip(pay_hall, record.id, PdfFileBackend(tmp_path / "2.pdf"), paper="58mm")
    assert (first.reprint, second.reprint) == (False, True)
    assert "补打" not in pdf_text(tmp_path / "1.pdf") and "补打" in pdf_text(tmp_path / "2.pdf")
    jobs = pay_hall.print_jobs.history("payment_slip", record.id)
    assert [(copy, status) for _, copy, status, _ in jobs] == [
        ("original", "printed"),
        ("reprint", "printed"),
    ]


def test_a_walk_in_slip_says_the_app_shows_the_amount(pay_hall: Hall, tmp_path: Path) -> None:
    out = tmp_path / "walk-in.pdf"
    guide_and_print_pdf(pay_hall, "0999999999", ["wechat"], out, paper="58mm")
    text = pdf_text(out)
    # in the hall's language (zh_CN): "not in the hall's list: the app shows the amount due", no amount
    assert "0999999999" in text and "本厅清单中无此户号，应缴金额以App显示为准" in text
    assert "应缴金额：" not in text and "元" not in text


def test_a_failed_print_keeps_the_record(pay_hall: Hall, tmp_path: Path) -> None:
    record = pay_hall.payments.record(account_number(1), ["wechat"], clerk="王丽")
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    outcome = print_payment_slip(pay_hall, record.id, PdfFileBackend(blocked / "slip.pdf"))
    assert not outcome.printed and outcome.error
    assert pay_hall.payments.get(record.id) == record
    jobs = pay_hall.print_jobs.history("payment_slip", record.id)
    assert [status for _, _, status, _ in jobs] == ["failed"]


def test_a_slip_that_cannot_be_built_leaves_no_job_and_no_false_reprint(
    pay_hall: Hall, tmp_path: Path
) -> None:
    record = pay_hall.payments.record(account_number(1), ["wechat"], clerk="王丽")
    pay_hall.accounts.close()
    folder = accounts_folder(pay_hall.path)
    away = folder.rename(folder.with_name("away"))  # the live list file is gone for a moment
    with pytest.raises(NotFound):
        print_payment_slip(pay_hall, record.id, PdfFileBackend(tmp_path / "1.pdf"))
    assert pay_hall.print_jobs.history("payment_slip", record.id) == []
    away.rename(folder)
    first = print_payment_slip(pay_hall, record.id, PdfFileBackend(tmp_path / "2.pdf"))
    assert first.printed and not first.reprint and "补打" not in pdf_text(tmp_path / "2.pdf")


def test_the_roll_is_cut_after_the_content(pay_hall: Hall) -> None:
    record = pay_hall.payments.record(account_number(1), ["wsgw"], clerk="王丽")
    slip = pay_hall.payments.slip(record)
    texts = HallTexts(slip.language)
    one = render_image(payment_printable(slip, texts), paper_named("80mm"), dpi=100)
    more = pay_hall.payments.slip(
        pay_hall.payments.record(account_number(1), ["wsgw", "wechat", "alipay"], clerk="王丽")
    )
    three = render_image(payment_printable(more, texts), paper_named("80mm"), dpi=100)
    assert one.height() < three.height()


def test_the_payee_is_the_provincial_company_and_each_qr_caption_says_where_it_leads(
    pay_hall: Hall, tmp_path: Path
) -> None:
    """WeChat / Alipay list the provincial company as 缴费单位, not the hall (DOMAIN.md); the words under
    each QR code name where it leads: the 95598 home page (the profile's caption), or the address's host."""
    out = tmp_path / "slip.pdf"
    guide_and_print_pdf(pay_hall, account_number(1), ["wsgw", "wechat"], out, paper="80mm", clerk="王丽")
    text = pdf_text(out)
    assert "缴费单位：国网内蒙古东部电力有限公司" in text
    assert "国网内蒙古东部电力有限公司通辽供电公司" not in text.replace(pay_hall.profile.hall.company, "", 1)
    assert "扫码打开国家电网95598网站首页（www.95598.cn）" in text
    scan = HallTexts("zh_CN").t("PaymentSlip", "Scan to open %1", "hall.example.cn")
    assert squashed(scan) in text


def test_the_default_slip_on_80mm_takes_under_20_cm(make_hall: Callable[..., Hall], tmp_path: Path) -> None:
    """The shipped profile's channels for an account without withholding, on an 80 mm roll: the
    longest everyday slip (it took about 29 cm of paper with a numbered line per step)."""
    from counter_app.printing.backends import measure_mm
    from counter_app.services.printing.payments import prepare_payment_print

    hall = make_hall()
    hall.account_import.run(
        write_list(
            tmp_path / "list.csv", [account_line(1, name="欧阳建国", withholding="否", arrears="88.50")]
        )
    )
    guidance = hall.payments.guidance_for(account_number(1))
    record = hall.payments.record(account_number(1), list(guidance.suggested), clerk="王丽")
    request = prepare_payment_print(hall, record.id, "pdf", paper="80mm")
    paper = paper_named("80mm")
    length = measure_mm(request.printable, paper) + paper.margin_top_mm + paper.margin_bottom_mm
    assert len(record.channels) == 5 and record.withholding_guidance
    assert length <= 200, f"{length:.0f} mm of paper"


def test_a_signed_accounts_slip_has_no_sign_up(pay_hall: Hall, tmp_path: Path) -> None:
    pay_hall.account_import.run(write_list(tmp_path / "signed.csv", [account_line(4, withholding="是")]))
    out = tmp_path / "signed.pdf"
    guide_and_print_pdf(pay_hall, account_number(4), ["wsgw", "bank_withholding"], out, clerk="王丽")
    text = pdf_text(out)
    assert "银行代扣（已签约）" in text and "自动扣缴" in text
    assert "签约代扣" not in text and "请携带" not in text
