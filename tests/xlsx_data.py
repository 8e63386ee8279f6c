"""Tiny XLSX workbooks built byte by byte with zipfile, for the reader's tests: what Excel writes,
and what a damaged or hostile file may hold."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>户号</t></is></c><c r="B1" t="inlineStr"><is><t>户名</t></is></c><c r="C1" t="inlineStr"><is><t>欠费</t></is></c></row>'  # noqa: E501


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'


def good_row(n: int, number: str = "", name: str = "张三") -> str:
    number = number or f"05{n:08d}"
    return f'<row r="{n}">{inline(f"A{n}", number)}{inline(f"B{n}", name)}<c r="C{n}"><v>12.5</v></c></row>'


def workbook(
    path: Path,
    rows: str,
    *,
    shared: list[str] | None = None,
    raw_shared: str | None = None,
    styles: str | None = None,
    dimension: str | None = None,
    date1904: bool = False,
    extra: dict[str, bytes] | None = None,
) -> Path:
    """A minimal XLSX as Excel lays it out (openpyxl opens it too); ``rows`` is the inner XML of
    ``<sheetData>``."""
    rels_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    epoch = ' date1904="1"' if date1904 else ""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""

    def rel(rid: str, kind: str, target: str) -> str:
        return f'<Relationship Id="{rid}" Type="{rels_ns}/{kind}" Target="{target}"/>'

    workbook_rels = rel("rId1", "worksheet", "worksheets/sheet1.xml")
    kinds = {"/xl/workbook.xml": "sheet.main", "/xl/worksheets/sheet1.xml": "worksheet"}
    if shared is not None or raw_shared is not None:
        workbook_rels += rel("rId2", "sharedStrings", "sharedStrings.xml")
        kinds["/xl/sharedStrings.xml"] = "sharedStrings"
    if styles is not None:
        workbook_rels += rel("rId3", "styles", "styles.xml")
        kinds["/xl/styles.xml"] = "styles"
    types = "http://schemas.openxmlformats.org/package/2006/content-types"
    overrides = "".join(
        f'<Override PartName="{part}" ContentType="application/vnd.openxmlformats-officedocument.'
        f'spreadsheetml.{kind}+xml"/>'
        for part, kind in kinds.items()
    )
    defaults = (
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
    )
    sheets = '<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets>'
    office = rel("rId1", "officeDocument", "xl/workbook.xml")
    book = f'<workbook xmlns="{MAIN}" xmlns:r="{rels_ns}"><workbookPr{epoch}/>{sheets}</workbook>'
    sheet = f'<worksheet xmlns="{MAIN}">{dim}<sheetData>{rows}</sheetData></worksheet>'
    parts = {
        "[Content_Types].xml": f'<?xml version="1.0"?><Types xmlns="{types}">{defaults}{overrides}</Types>',
        "_rels/.rels": f'<Relationships xmlns="{pkg}">{office}</Relationships>',
        "xl/workbook.xml": book,
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{pkg}">{workbook_rels}</Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    if shared is not None:
        items = "".join(f"<si><t>{escape(s)}</t></si>" for s in shared)
        parts["xl/sharedStrings.xml"] = f'<sst xmlns="{MAIN}">{items}</sst>'
    if raw_shared is not None:
        parts["xl/sharedStrings.xml"] = raw_shared
    if styles is not None:
        parts["xl/styles.xml"] = f'<styleSheet xmlns="{MAIN}">{styles}</styleSheet>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode("utf-8"))
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path
