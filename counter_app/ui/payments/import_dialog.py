"""Importing the account list: choose the file, watch the progress bar, read the summary.

The import runs on a worker of its own (its own database connection), so the counter keeps working;
the new list becomes live in one short step at the end, or not at all (cancel, bad file, full disk).
The file and encoding typed stay in the dialog after an error, so the clerk can correct and retry.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import HallError
from counter_app.ui import style
from counter_app.ui.hall_client import HallClient, while_alive
from counter_app.ui.payments.messages import describe, phase_label
from counter_app.ui.widgets import make_button, make_label

if TYPE_CHECKING:
    from counter_app.services.hall import Hall
    from counter_app.services.payments.account_import import ImportProgress, ImportSummary

ENCODINGS = (("auto", ""), ("utf-8", "UTF-8"), ("gb18030", "GBK / GB18030"))


class _Bridge(QObject):
    """Carries progress from the import thread to the dialog (queued signal)."""

    progress = Signal(object)


class AccountImportDialog(QDialog):
    imported = Signal(object)
    finished_import = Signal(bool)

    result: QLabel  # type: ignore[assignment]  # the outcome's words, in place of QDialog.result()

    def __init__(self, client: HallClient[Hall], clerk: str, parent: QWidget | None = None) -> None:
        """``client``: the panel's; the import runs on a client of its own, spawned from it."""
        super().__init__(parent)
        self.client = client
        self.clerk = clerk
        self.summary: ImportSummary | None = None
        self.error: BaseException | None = None
        self._rejects_path = ""  # of the last run, also of a refused one
        self._cancel = threading.Event()
        self._client: HallClient[Hall] | None = None
        self._bridge = _Bridge(self)
        self._bridge.progress.connect(self._on_progress)
        self.setMinimumWidth(640)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.setStyleSheet(style.BUTTON)
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        self.file_label = QLabel()
        self.file_edit = QLineEdit()
        self.browse_button = make_button(clicked=self.browse)
        self.encoding_label = QLabel()
        self.encoding = QComboBox()
        for key, label in ENCODINGS:
            self.encoding.addItem(label, key)
        grid.addWidget(self.file_label, 0, 0)
        grid.addWidget(self.file_edit, 0, 1)
        grid.addWidget(self.browse_button, 0, 2)
        grid.addWidget(self.encoding_label, 1, 0)
        grid.addWidget(self.encoding, 1, 1)
        layout.addLayout(grid)
        self.hint = make_label(colour=style.MUTED, wrap=True)
        layout.addWidget(self.hint)
        self.bar = QProgressBar(minimum=0, maximum=1000, value=0)
        self.phase = QLabel()
        layout.addWidget(self.bar)
        layout.addWidget(self.phase)
        self.result = make_label(font=style.font(11.5), wrap=True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.result)
        buttons = QHBoxLayout()
        self.open_rejects = make_button(clicked=self._open_rejects)
        self.open_rejects.hide()
        self.start_button = make_button(clicked=self.start)
        self.start_button.setProperty("primary", True)
        self.cancel_button = make_button(clicked=self.cancel)
        self.close_button = make_button(clicked=self.reject)
        buttons.addWidget(self.open_rejects)
        buttons.addStretch(1)
        for button in (self.cancel_button, self.start_button, self.close_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self._running(False)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import account list"))
        self.file_label.setText(self.tr("File (CSV or XLSX):"))
        self.browse_button.setText(self.tr("Choose…"))
        self.encoding_label.setText(self.tr("Encoding:"))
        self.encoding.setItemText(0, self.tr("Automatic"))
        self.hint.setText(
            self.tr("Columns of the export: 户号, 户名, 地址, 电话, 欠费/余额, 截止日期, 数据日期, 代扣.")
            + "\n"
            + self.tr(
                "Accounts in the file are replaced and the others kept. Nothing changes until the file is in."
            )
        )
        self.start_button.setText(self.tr("Import"))
        self.cancel_button.setText(self.tr("Cancel import"))
        self.close_button.setText(self.tr("Close"))
        self.open_rejects.setText(self.tr("Open rejected rows"))

    @Slot()
    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Account list"),
            self.file_edit.text(),
            self.tr("Account lists (*.csv *.txt *.xlsx)"),
        )
        if path:
            self.file_edit.setText(path)

    def _running(self, running: bool) -> None:
        for widget in (
            self.file_edit,
            self.browse_button,
            self.encoding,
            self.start_button,
            self.close_button,
        ):
            widget.setEnabled(not running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)

    @Slot()
    def start(self) -> None:
        source = self.file_edit.text().strip()
        if not source:
            self._show_error(self.tr("Choose the account list file first."))
            return
        self.summary, self.error = None, None
        self._cancel.clear()
        self.bar.setValue(0)
        self.result.setText("")
        self.open_rejects.hide()
        self._running(True)
        self._client = self.client.spawn("account-import")
        encoding, clerk, bridge, cancel = (
            str(self.encoding.currentData()),
            self.clerk,
            self._bridge,
            self._cancel,
        )
        self._client.submit(
            lambda h: h.account_import.run(
                Path(source),
                encoding=encoding,
                clerk=clerk,
                progress=while_alive(bridge, bridge.progress.emit),
                cancelled=cancel.is_set,
            ),
            while_alive(self, self._on_done),
            while_alive(self, self._on_failed),
        )

    @Slot()
    def cancel(self) -> None:
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self.phase.setText(self.tr("Cancelling…"))

    @Slot(object)
    def _on_progress(self, progress: ImportProgress) -> None:
        self.bar.setValue(round(progress.fraction * 1000))
        rows = self.tr("%1 rows read").replace("%1", f"{progress.rows:,}")
        self.phase.setText(f"{phase_label(progress.phase)}   ·   {rows}")

    def _stop_worker(self) -> None:
        if self._client is not None:
            self._client.worker.stop()
            self._client = None

    def _on_done(self, summary: ImportSummary) -> None:
        self._stop_worker()
        self.summary = summary
        self._running(False)
        self.bar.setValue(1000)
        as_of = summary.data_as_of.isoformat() if summary.data_as_of else self.tr("unknown")
        lines = [
            self.tr("Imported. The new list is in use: %1 accounts, data as of %2.")
            .replace("%1", f"{summary.accounts:,}")
            .replace("%2", as_of),
            self.tr("New %1 · updated %2 · kept from before %3 · rejected %4")
            .replace("%1", f"{summary.inserted:,}")
            .replace("%2", f"{summary.updated:,}")
            .replace("%3", f"{summary.kept:,}")
            .replace("%4", f"{summary.rejected:,}"),
        ]
        self._rejects_path = summary.rejected_file or ""
        if summary.rejected_file:
            lines.append(self.tr("Rejected rows and reasons: %1").replace("%1", summary.rejected_file))
            self.open_rejects.show()
        self.result.setText("\n".join(lines))
        self.result.setStyleSheet(f"color: {style.TEAL_DARK};")
        self.imported.emit(summary)
        self.finished_import.emit(True)

    def _on_failed(self, exc: BaseException) -> None:
        self._stop_worker()
        self.error = exc
        self._running(False)
        self.bar.setValue(0)
        self.phase.setText("")
        self._rejects_path = str(exc.params.get("rejected_file", "")) if isinstance(exc, HallError) else ""
        self.open_rejects.setVisible(bool(self._rejects_path))
        self._show_error(describe(exc))
        self.finished_import.emit(False)

    def _show_error(self, text: str) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(f"color: {style.RED};")

    @Slot()
    def _open_rejects(self) -> None:
        if self._rejects_path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self._rejects_path).parent)))

    def reject(self) -> None:
        if self._client is not None:
            return  # closing during an import: cancel first
        super().reject()
