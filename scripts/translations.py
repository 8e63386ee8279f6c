"""Keep the UI translations in step with the code.

    python scripts/translations.py update          # lupdate: new English sources into the .ts files
    python scripts/translations.py merge FILE.json LANG   # fill translations from {context: {source: text}}
    python scripts/translations.py merge-pending   # merge resources/translations/pending/*.LANG.json
                                                   # (a drop folder; delete the files once merged)
    python scripts/translations.py release         # lrelease: .ts → .qm (shipped next to the .ts)
    python scripts/translations.py check           # list unfinished entries (exit 1 if any)

Source strings are English; zh_CN is the default UI language and must be complete (a test checks),
zh_TW is kept complete as well. English is the source language and needs no file. Plurals are
written as separate strings ("1 person ahead of you" / "%1 people ahead of you"): pyside6-lupdate
does not extract %n forms from Python.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "zh_TW")


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"counter_app_{language}.ts"


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    return found


def update() -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "counter_app").rglob("*.py"))
    for language in LANGUAGES:
        subprocess.run(
            [
                _tool("pyside6-lupdate"),
                *sources,
                "-no-obsolete",
                "-locations",
                "none",
                "-target-language",
                language,
                "-ts",
                str(ts_path(language)),
            ],
            check=True,
            cwd=ROOT,
        )


def _entries(language: str) -> tuple[ET.ElementTree, list[tuple[str, ET.Element]]]:
    tree = ET.parse(ts_path(language))
    out = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        out.extend((name, message) for message in context.iter("message"))
    return tree, out


def unfinished(language: str) -> list[tuple[str, str]]:
    _, entries = _entries(language)
    missing = []
    for context, message in entries:
        translation = message.find("translation")
        if translation is None:
            continue
        forms = translation.findall("numerusform")
        empty = (
            any(not (f.text or "").strip() for f in forms) if forms else not (translation.text or "").strip()
        )
        if translation.get("type") == "unfinished" or empty:
            missing.append((context, message.findtext("source") or ""))
    return missing


def merge(path: Path, language: str) -> int:
    table: dict[str, dict[str, str | list[str]]] = json.loads(path.read_text(encoding="utf-8"))
    tree, entries = _entries(language)
    filled = 0
    for context, message in entries:
        text = table.get(context, {}).get(message.findtext("source") or "")
        if not text:
            continue
        translation = message.find("translation")
        assert translation is not None
        forms = translation.findall("numerusform")
        if forms:  # a list gives each plural form (English: one, other); a string serves them all
            for i, form in enumerate(forms):
                form.text = text[min(i, len(text) - 1)] if isinstance(text, list) else text
        else:
            translation.text = text if isinstance(text, str) else text[0]
        translation.attrib.pop("type", None)
        filled += 1
    ET.indent(tree)
    tree.write(ts_path(language), encoding="utf-8", xml_declaration=True)
    return filled


def release() -> None:
    for language in LANGUAGES:
        subprocess.run(
            [
                _tool("pyside6-lrelease"),
                str(ts_path(language)),
                "-qm",
                str(TRANSLATIONS / f"counter_app_{language}.qm"),
            ],
            check=True,
            cwd=ROOT,
        )


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update()
    elif command == "merge":
        print(f"{merge(Path(argv[1]), argv[2])} entries filled")
    elif command == "merge-pending":
        for pending in sorted((TRANSLATIONS / "pending").glob("*.json")):
            language = pending.name.split(".")[-2]
            print(f"{pending.name}: {merge(pending, language)} entries filled")
    elif command == "release":
        release()
    elif command == "check":
        bad = 0
        for language in LANGUAGES:
            for context, source in unfinished(language):
                print(f"{language}\t{context}\t{source}")
                bad += 1
        return 1 if bad else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
