"""Service-quality reports as files: CSV (UTF-8 with BOM, for Excel), XLSX and PDF with charts.

Each writer takes a :class:`~counter_app.domain.quality.report.ReportData` and knows nothing of the
store or the services; :func:`write_report` picks the writer from the format.
"""

from __future__ import annotations

from pathlib import Path

from counter_app.domain.quality.report import ReportData
from counter_app.printing.reports.csv_report import write_report_csv
from counter_app.printing.reports.files import ReportError
from counter_app.printing.reports.xlsx_report import write_report_xlsx

FORMATS = ("pdf", "csv", "xlsx")


def write_report(data: ReportData, path: Path | str, fmt: str) -> Path:
    """Write ``data`` as ``fmt`` (``pdf``, ``csv`` or ``xlsx``) at ``path``. The PDF needs a running
    QGuiApplication (fonts): the caller starts one (``printing.backends.ensure_gui_app``)."""
    if fmt == "csv":
        return write_report_csv(data, path)
    if fmt == "xlsx":
        return write_report_xlsx(data, path)
    if fmt == "pdf":
        from counter_app.printing.reports.pdf_report import write_report_pdf  # Qt only when needed

        return write_report_pdf(data, path)
    raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "ReportError", "write_report", "write_report_csv", "write_report_xlsx"]
