"""Write the papers' pixel baseline (``tests/ui/paper_baseline/``) from ``tests/paper_samples.py``.

    python scripts/paper_baseline.py [OUT_DIR]

Only for a deliberate change of a paper's layout or wording: ``tests/ui/test_paper_pixels.py`` fails
on any pixel that differs from these files. Look at every PNG that changed before committing it.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(out: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from paper_samples import draw_in_new_process

    out.mkdir(parents=True, exist_ok=True)
    for old in [*out.glob("*.png"), *out.glob("*.escpos"), *out.glob("*.txt")]:
        old.unlink()
    draw_in_new_process(out)
    for path in sorted(out.iterdir()):
        print(path)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "ui" / "paper_baseline")
