"""Papers render pixel-identical to the committed baseline (``tests/ui/paper_baseline/``).

Each paper of ``paper_samples`` (ticket slips, receipts and notices, payment slips, boundary leaflets,
on every paper size, and what a receipt printer gets) is drawn from fixed values and compared pixel
by pixel with its PNG; the ESC/POS papers also byte by byte, and the text a reader gets out of each
page's PDF character by character. A difference writes the new drawing
beside a diff image under the test's temporary folder. A deliberate change of a layout is taken into
the baseline with ``python scripts/paper_baseline.py`` (and the PNGs looked at before committing).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from paper_samples import POPPLER, draw_in_new_process
from PySide6.QtGui import QColor, QImage

BASELINE = Path(__file__).parent / "paper_baseline"

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The papers as drawn now, in a process of their own (``paper_samples``)."""
    out = tmp_path_factory.mktemp("papers")
    draw_in_new_process(out)
    return out


def names(folder: Path, suffix: str) -> list[str]:
    return sorted(p.stem for p in folder.glob(f"*.{suffix}"))


def differing_pixels(got: QImage, want: QImage) -> tuple[int, QImage]:
    """How many pixels differ, and an image of them in red over the expected paper in grey."""
    diff = want.convertToFormat(QImage.Format.Format_RGB32)
    count = 0
    for y in range(want.height()):
        for x in range(want.width()):
            if got.pixel(x, y) != want.pixel(x, y):
                count += 1
                diff.setPixelColor(x, y, QColor(255, 0, 0))
    return count, diff


def test_the_baseline_names_every_paper_drawn(drawn: Path) -> None:
    assert len(names(BASELINE, "png")) >= 25
    for suffix in ("png", "escpos", "txt"):
        assert names(drawn, suffix) == names(BASELINE, suffix)


@pytest.mark.parametrize("name", names(BASELINE, "png"))
def test_paper_is_pixel_identical(drawn: Path, name: str, tmp_path: Path) -> None:
    want = QImage(str(BASELINE / f"{name}.png")).convertToFormat(QImage.Format.Format_RGB32)
    got = QImage(str(drawn / f"{name}.png")).convertToFormat(QImage.Format.Format_RGB32)
    assert not want.isNull() and not got.isNull(), name
    if got.size() != want.size():
        got.save(str(tmp_path / f"{name}.png"))
        size = f"{got.width()}×{got.height()} px, the baseline is {want.width()}×{want.height()}"
        pytest.fail(f"{name}: {size}")
    if got != want:
        count, diff = differing_pixels(got, want)
        got.save(str(tmp_path / f"{name}.png"))
        diff.save(str(tmp_path / f"{name}-diff.png"))
        pytest.fail(f"{name}: {count} pixels differ from the baseline (see {tmp_path})")


@pytest.mark.parametrize("name", names(BASELINE, "escpos"))
def test_receipt_printer_bytes_are_identical(drawn: Path, name: str) -> None:
    assert (drawn / f"{name}.escpos").read_bytes() == (BASELINE / f"{name}.escpos").read_bytes()


@pytest.mark.parametrize("name", names(BASELINE, "txt"))
def test_pdf_text_layer_is_identical(drawn: Path, name: str) -> None:
    want = (BASELINE / f"{name}.txt").read_text(encoding="utf-8")
    got = (drawn / f"{name}.txt").read_text(encoding="utf-8")
    if POPPLER not in got:  # no poppler on this machine: compare what pypdf reads
        want = want.split("\n" + POPPLER)[0]
    assert got == want
