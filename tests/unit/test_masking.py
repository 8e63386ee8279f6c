"""De-identification of what is printed, shown to the public or logged (PIPL art. 51)."""

from __future__ import annotations

import pytest

from counter_app.domain.masking import (
    mask_address,
    mask_digits_in_text,
    mask_id_number,
    mask_name,
    mask_phone,
)


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("13812341234", "138****1234"),
        ("138 1234 1234", "138****1234"),
        ("+86 138 1234 1234", "138****1234"),
        ("8613812341234", "138****1234"),
        ("008613812341234", "138****1234"),
        ("010-12345678", "*******5678"),  # landline: the last four digits only
        ("0475-8123456", "*******3456"),
        ("123", "***"),
        ("", ""),
        ("no digits", ""),
    ],
)
def test_mask_phone(raw: str, masked: str) -> None:
    assert mask_phone(raw) == masked


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("110105199001011234", "110105********1234"),
        ("11010519900101123X", "110105********123X"),
        (" 110105199001011234 ", "110105********1234"),
        ("12345", "12***"),
        ("1234567890", "12********"),
    ],
)
def test_mask_id_number_keeps_six_and_four_at_most(raw: str, masked: str) -> None:
    assert mask_id_number(raw) == masked
    assert len(mask_id_number(raw)) == len(raw.strip())


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("张三", "张*"),
        ("张三明", "张*明"),
        ("欧阳明月", "欧**月"),
        ("张", "张"),
        ("𠀀三", "𠀀*"),  # a character outside the BMP (生僻字) counts as one
        ("𠀀𠀁𠀂", "𠀀*𠀂"),
        ("Li Ming", "L* M***"),
        ("  ", ""),
    ],
)
def test_mask_name(raw: str, masked: str) -> None:
    assert mask_name(raw) == masked


def test_mask_address_keeps_the_district_only() -> None:
    assert mask_address("内蒙古通辽市科尔沁区建国路12号") == "内蒙古通辽市****"
    assert mask_address("通辽市") == "通辽市"
    assert mask_address("内蒙古通辽市科尔沁区", keep=3) == "内蒙古****"


def test_mask_digits_in_text_hides_long_runs_but_the_last_four() -> None:
    text = "call 13812341234 id 11010519900101123X acct 0123456789 counter 3 ticket A012 short 123456"
    masked = mask_digits_in_text(text)
    assert masked == (
        "call *******1234 id **************123X acct ******6789 counter 3 ticket A012 short 123456"
    )
    for secret in ("13812341234", "1101051990", "0123456789"):
        assert secret not in masked


def test_log_records_are_masked_traceback_included() -> None:
    import io
    import logging

    from counter_app.logs import MaskingFilter

    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.addFilter(MaskingFilter())
    log = logging.getLogger("counter_app.test_masking")
    log.addHandler(handler)
    log.propagate = False
    try:
        try:
            raise ValueError("no account for phone 13812341234")
        except ValueError:
            log.exception("lookup of %s failed", "110105199001010027")
    finally:
        log.removeHandler(handler)
    text = out.getvalue()
    assert "ValueError" in text and "*******1234" in text and "**************0027" in text
    assert "13812341234" not in text and "110105199001010027" not in text
