"""Draft Traditional-Chinese translations from Simplified ones: character conversion (OpenCC s2t),
keeping the mainland service terms (窗口, 打印) a hall customer sees on signs, and 「」 quotes.

    python scripts/make_zh_tw.py resources/translations/pending/AREA.zh_CN.json

Writes AREA.zh_TW.json beside it for review; a developer tool (pip install opencc-python-reimplemented).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import opencc  # type: ignore[import-untyped]


def main(path: str) -> None:
    source = Path(path)
    cc = opencc.OpenCC("s2t")
    table = json.loads(source.read_text(encoding="utf-8"))
    out = {
        context: {k: cc.convert(v).replace("“", "「").replace("”", "」") for k, v in entries.items()}
        for context, entries in table.items()
    }
    target = source.with_name(source.name.replace(".zh_CN.", ".zh_TW."))
    target.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(target)


if __name__ == "__main__":
    main(sys.argv[1])
