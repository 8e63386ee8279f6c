"""Write the papers' pixel baseline (``tests/ui/paper_baseline/``) from ``tests/paper_samples.py``.

    python scripts/paper_baseline.py [OUT_DIR]

Only for a deliberate change of a paper's layout or wording: ``tests/ui/test_paper_pixels.py`` fails
on any pixel that differs from these files. Look at every PNG that changed before committing it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]


def main(out: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from paper_samples import samples

    app = QApplication(sys.argv[:1])
    out.mkdir(parents=True, exist_ok=True)
    for old in [*out.glob("*.png"), *out.glob("*.escpos"), *out.glob("*.txt")]:
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="counter-papers-") as folder:
        drawn = samples(Path(folder))
    for name, image in sorted(drawn.images.items()):
        if not image.save(str(out / f"{name}.png")):
            raise SystemExit(f"cannot write {out / name}.png")
        print(out / f"{name}.png")
    for name, data in sorted(drawn.escpos.items()):
        (out / f"{name}.escpos").write_bytes(data)
        print(out / f"{name}.escpos")
    for name, text in sorted(drawn.pdf_texts.items()):
        (out / f"{name}.txt").write_text(text, encoding="utf-8")
        print(out / f"{name}.txt")
    app.quit()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "ui" / "paper_baseline")
