"""The QR matrix and its raster form, and paper sizes: no Qt application needed."""

from __future__ import annotations

import pytest
import zxingcpp
from PIL import Image

from counter_app.printing.paper import A6, PAPERS, ROLL_58, ROLL_80, paper_named
from counter_app.printing.qr import QUIET_ZONE, qr_matrix, raster_rows

URL = "https://www.95598.cn/"


def decode_rows(width_bytes: int, rows: list[bytes]) -> list[str]:
    """Decode 1-bit rows (1 = black, MSB first) the way a scanner would see the paper."""
    image = Image.frombytes("1", (width_bytes * 8, len(rows)), b"".join(rows))
    image = Image.eval(image.convert("L"), lambda v: 255 - v)  # PIL's "1": 1 = white
    return [r.text for r in zxingcpp.read_barcodes(image)]


def test_matrix_is_square_without_quiet_zone() -> None:
    matrix = qr_matrix(URL)
    assert len(matrix) == len(matrix[0]) == 25  # version 2 at error correction M
    assert matrix[0][:7] == (True,) * 7  # a finder pattern starts right at the corner


def test_matrix_refuses_empty_data() -> None:
    with pytest.raises(ValueError):
        qr_matrix("")


@pytest.mark.parametrize("module_dots", [2, 5])
def test_raster_rows_decode_to_exactly_the_data(module_dots: int) -> None:
    width_bytes, rows = raster_rows(qr_matrix(URL), module_dots)
    assert len(rows) == (25 + 2 * QUIET_ZONE) * module_dots
    assert all(len(r) == width_bytes for r in rows)
    assert decode_rows(width_bytes, rows) == [URL]


def test_rolls_are_as_long_as_their_content() -> None:
    assert ROLL_80.printable_width_mm == 72
    assert ROLL_58.printable_width_mm == 48
    assert ROLL_80.is_roll and not A6.is_roll
    assert ROLL_80.page_height_mm(100) == ROLL_80.margin_top_mm + 100 + ROLL_80.margin_bottom_mm
    assert A6.page_height_mm(500) == 148
    with pytest.raises(ValueError):
        ROLL_58.page_height_mm()


def test_paper_names() -> None:
    assert paper_named("80MM") is ROLL_80
    assert paper_named(" a6 ") is A6
    assert paper_named(ROLL_58) is ROLL_58
    assert set(PAPERS) == {"80mm", "58mm", "a6", "a5", "a4"}
    with pytest.raises(ValueError, match="Unknown paper"):
        paper_named("letter")


def test_page_size_is_exact_in_millimetres() -> None:
    size = ROLL_58.page_size(120.0).size(ROLL_58.page_size(120.0).Unit.Millimeter)
    assert (round(size.width(), 1), round(size.height(), 1)) == (58.0, 129.0)
