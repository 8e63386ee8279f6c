"""Exporting a report from the dashboard: which report (day, month, any range, the forecast), which
format (PDF with its charts, CSV, XLSX) and where. Written by the worker, in the hall's language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QWidget,
)

if TYPE_CHECKING:  # the hall is an annotation here; importing it loads the store
    from counter_app.domain.quality.report import ReportData
    from counter_app.services.hall import Hall

KINDS = ("daily", "monthly", "range", "forecast")
FORMATS = ("pdf", "xlsx", "csv")


@dataclass(frozen=True)
class ExportRequest:
    kind: str  # daily, monthly, range, forecast
    first: date
    last: date
    fmt: str  # pdf, xlsx, csv
    path: Path

    def suggested_name(self) -> str:
        if self.kind == "monthly":
            span = self.first.strftime("%Y-%m")
        elif self.first == self.last:
            span = self.first.isoformat()
        else:
            span = f"{self.first.isoformat()}_{self.last.isoformat()}"
        return f"quality-{self.kind}-{span}.{self.fmt}"


def write_export(hall: Hall, request: ExportRequest) -> Path:
    """Build the report on the hall's worker and write it (the file appears whole or not at all)."""
    from counter_app.printing.reports import write_report

    reports = hall.quality.reports

    def build() -> ReportData:
        if request.kind == "daily":
            return reports.daily(request.first)
        if request.kind == "monthly":
            return reports.monthly(request.first.year, request.first.month)
        if request.kind == "range":
            return reports.range(request.first, request.last)
        return reports.forecast(request.first, days=(request.last - request.first).days + 1).report

    # the service checks who may export (a refusal reaches the banner through the worker's error)
    return reports.export(build, lambda data: write_report(data, request.path, request.fmt))


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class ExportDialog(QDialog):
    def __init__(self, today: date, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.setWindowTitle(self.tr("Export a report"))
        form = QFormLayout(self)
        self.kind = QComboBox()
        for kind, text in zip(
            KINDS,
            (
                self.tr("Daily report"),
                self.tr("Monthly report"),
                self.tr("Any range"),
                self.tr("Forecast (next 7 days)"),
            ),
            strict=True,
        ):
            self.kind.addItem(text, kind)
        form.addRow(self.tr("Report"), self.kind)
        self.first = _date_edit(today)
        self.last = _date_edit(today)
        form.addRow(self.tr("Day, month or first day"), self.first)
        form.addRow(self.tr("Last day (range)"), self.last)
        self.fmt = QComboBox()
        for fmt, text in zip(FORMATS, ("PDF", "Excel (XLSX)", "CSV"), strict=True):
            self.fmt.addItem(text, fmt)
        form.addRow(self.tr("Format"), self.fmt)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._today = today
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = str(self.kind.currentData())
        self.last.setEnabled(kind == "range")
        if kind == "forecast":
            self.first.setDate(_qdate(self._today + timedelta(days=1)))

    def request(self, path: Path | None = None) -> ExportRequest:
        kind = str(self.kind.currentData())
        first = _day(self.first)
        last = _day(self.last) if kind == "range" else first
        if kind == "monthly":
            first = first.replace(day=1)
            last = first
        if kind == "forecast":
            last = first + timedelta(days=6)
        draft = ExportRequest(kind, first, last, str(self.fmt.currentData()), Path())
        return ExportRequest(kind, first, last, draft.fmt, path or self.folder / draft.suggested_name())

    def ask_path(self) -> ExportRequest | None:
        """The request with the file the supervisor chose, ``None`` if they cancelled."""
        draft = self.request()
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report as"), str(draft.path))
        return self.request(Path(chosen)) if chosen else None
