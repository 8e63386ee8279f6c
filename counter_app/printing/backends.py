"""Where a slip goes: a PDF file, a folder of numbered PDFs, a system printer, an ESC/POS printer.

Every backend has ``device`` (recorded with the print job) and ``print_slip(printable, paper)``,
which returns when the slip is out and raises :class:`PrinterError` otherwise. None of them touch
the database, so they may run on a worker thread. Roll paper gets a page exactly as long as the
slip: the slip is measured first (drawn once into an in-memory PDF at the same resolution).
"""

from __future__ import annotations

import logging
import os
import re
import sys
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPainter, QPdfWriter

from counter_app.domain.errors import FileRefused, FileUnavailable, InvalidInput
from counter_app.printing.document import Printable, PrinterError
from counter_app.printing.paper import MM_PER_INCH, Paper, layout_rect
from counter_app.printing.pdf_text import repair_text_layer
from counter_app.printing.text import recording_glyphs
from counter_app.safe_files import FILE_MODE, check_target, make_folder, write_file

__all__ = [
    "PdfFileBackend",
    "PdfFolderBackend",
    "PrinterBackend",
    "PrinterError",
    "SystemPrinterBackend",
    "check_pdf_target",
    "ensure_gui_app",
    "measure_mm",
    "parse_printer_spec",
    "pdf_bytes",
    "render_image",
    "write_pdf",
]

log = logging.getLogger("counter_app.print")

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
PDF_DPI = 300
PREVIEW_DPI = 203  # a thermal printer's 8 dots per millimetre
_MEASURE_PAGE_MM = 2000.0


class PrinterBackend(Protocol):
    device: str

    def print_slip(self, printable: Printable, paper: Paper) -> None:
        """Print one slip; raise :class:`PrinterError` when it did not come out."""


def measure_mm(printable: Printable, paper: Paper, dpi: int = PDF_DPI) -> float:
    """The height the slip takes on ``paper``, in millimetres, measured at ``dpi``."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(dpi)
    page = Paper(
        paper.key,
        paper.label,
        paper.width_mm,
        _MEASURE_PAGE_MM,
        paper.margin_x_mm,
        paper.margin_top_mm,
        paper.margin_bottom_mm,
        paper.text_columns,
    )
    writer.setPageLayout(page.page_layout())
    painter = QPainter(writer)
    try:
        used = printable.render(painter, layout_rect(page, writer))
    finally:
        painter.end()
        buffer.close()
    return used * MM_PER_INCH / dpi


def _page_layout(printable: Printable, paper: Paper, dpi: int) -> QPageLayout:
    return paper.page_layout(measure_mm(printable, paper, dpi) if paper.is_roll else None)


def pdf_bytes(printable: Printable, paper: Paper, dpi: int = PDF_DPI) -> bytes:
    """The slip as a one-page PDF, drawn in memory (nothing touches a disk)."""
    layout = _page_layout(printable, paper, dpi)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(dpi)
    writer.setPageLayout(layout)
    writer.setTitle(printable.title)
    writer.setCreator("counter-app")
    painter = QPainter()
    if not painter.begin(writer):
        raise PrinterError("Cannot start drawing the PDF")
    with recording_glyphs() as glyphs:
        printable.render(painter, layout_rect(paper, writer))
    if not painter.end():
        raise PrinterError("Cannot finish drawing the PDF")
    del painter, writer  # the writer finishes the document into the buffer
    buffer.close()
    return repair_text_layer(bytes(buffer.data().data()), glyphs)


def _pdf_refused(path: Path, exc: FileRefused) -> PrinterError:
    return PrinterError(
        f"Cannot write the PDF {path}: {exc.explanation}",
        code="pdf_not_written",
        path=str(path),
        reason=exc.reason,
    )


def check_pdf_target(path: Path | str) -> None:
    """Refuse at once (:class:`PrinterError`) a PDF path that cannot be written: not a regular file
    (``/dev/full``, a link, a folder) or a folder that takes no files. Ask before recording a job."""
    try:
        check_target(path)
    except FileRefused as exc:
        raise _pdf_refused(Path(path), exc) from None


def write_pdf(printable: Printable, paper: Paper, path: Path, dpi: int = PDF_DPI) -> None:
    """Write the slip as a one-page PDF; the file appears whole and synced, or not at all
    (:mod:`counter_app.safe_files`). :class:`PrinterError` when the path cannot be used;
    :class:`FileUnavailable` when the disk fails (full, I/O error)."""
    path = Path(path)
    check_pdf_target(path)  # before drawing: a bad path is refused at once
    data = pdf_bytes(printable, paper, dpi)
    try:
        write_file(path, data)
    except FileRefused as exc:
        raise _pdf_refused(path, exc) from None


def render_image(printable: Printable, paper: Paper, dpi: int = PREVIEW_DPI) -> QImage:
    """The slip as an image (white paper, full page) for a preview or a test."""
    layout = _page_layout(printable, paper, dpi)
    size = layout.fullRectPixels(dpi).size()
    image = QImage(size.width(), size.height(), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / MM_PER_INCH * 1000))
    image.setDotsPerMeterY(round(dpi / MM_PER_INCH * 1000))
    image.fill(0xFFFFFF)
    painter = QPainter(image)
    try:
        printable.render(painter, layout_rect(paper, image))
    finally:
        painter.end()
    return image


class PdfFileBackend:
    """One PDF at a fixed path (the CLI's ``ticket print --pdf``); a second print replaces it.

    ``failure`` keeps why the last print did not come out, so a command can tell a refused path
    (exit 2) from a failing disk (exit 4) after the job was settled."""

    def __init__(self, path: Path | str, dpi: int = PDF_DPI) -> None:
        self.path = Path(path)
        self.dpi = dpi
        self.device = f"pdf-file:{self.path}"
        self.failure: PrinterError | FileUnavailable | None = None

    def print_slip(self, printable: Printable, paper: Paper) -> None:
        self.failure = None
        try:
            write_pdf(printable, paper, self.path, self.dpi)
        except (PrinterError, FileUnavailable) as exc:
            self.failure = exc
            raise


class PdfFolderBackend:
    """Each slip as ``000001-ticket-A001.pdf``, numbered on: a hall without a printer, or tests."""

    def __init__(self, folder: Path | str, dpi: int = PDF_DPI) -> None:
        self.folder = Path(folder)
        self.dpi = dpi
        self.device = f"pdf:{self.folder}"
        self.last_path: Path | None = None

    def _claim(self, title: str) -> Path:
        """Reserve the next free number (several kiosks may share the folder)."""
        slug = re.sub(r"[^\w.-]+", "-", title).strip("-") or "slip"
        for _ in range(50):
            numbers = (int(m.group(1)) for p in self.folder.iterdir() if (m := re.match(r"(\d{6})-", p.name)))
            path = self.folder / f"{max(numbers, default=0) + 1:06d}-{slug}.pdf"
            try:
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, FILE_MODE))
                return path
            except FileExistsError:
                continue
        raise PrinterError(
            f"Cannot find a free file name in {self.folder}",
            code="pdf_folder_unwritable",
            path=str(self.folder),
        )

    def print_slip(self, printable: Printable, paper: Paper) -> None:
        try:
            make_folder(self.folder)
            path = self._claim(printable.title)
        except FileRefused as exc:
            raise PrinterError(
                f"Cannot write to the folder {self.folder}: {exc.explanation}",
                code="pdf_folder_unwritable",
                path=str(self.folder),
            ) from None
        except OSError as exc:
            raise PrinterError(
                f"Cannot write to the folder {self.folder}: {exc.strerror or exc}",
                code="pdf_folder_unwritable",
                path=str(self.folder),
            ) from None
        try:
            write_pdf(printable, paper, path, self.dpi)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        self.last_path = path


class SystemPrinterBackend:
    """A printer installed on this PC (by name, or the default one), through Qt's print support."""

    def __init__(self, name: str | None = None) -> None:
        self.name = name or None
        self.device = f"system:{self.name}" if self.name else "system"

    def print_slip(self, printable: Printable, paper: Paper) -> None:
        from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

        info = QPrinterInfo.printerInfo(self.name) if self.name else QPrinterInfo.defaultPrinter()
        if info.isNull():
            installed = ", ".join(QPrinterInfo.availablePrinterNames()) or "none"
            what = f"There is no printer named {self.name!r}" if self.name else "No default printer is set up"
            raise PrinterError(
                f"{what} on this PC (installed: {installed})",
                code="printer_not_installed" if self.name else "no_default_printer",
                printer=self.name or "",
            )
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        printer.setFullPage(True)
        printer.setDocName(printable.title)
        if not printer.setPageLayout(_page_layout(printable, paper, printer.resolution())):
            log.warning(
                "printer %s refused the %s page size; printing on its own", info.printerName(), paper.label
            )
        painter = QPainter()
        if not painter.begin(printer):
            raise PrinterError(
                f"Cannot start printing on {info.printerName()}",
                code="printer_cannot_start",
                printer=info.printerName(),
            )
        try:
            printable.render(painter, layout_rect(paper, printer))
        finally:
            ended = painter.end()
        if not ended or printer.printerState() == QPrinter.PrinterState.Error:
            raise PrinterError(
                f"The printer {info.printerName()} reported an error",
                code="printer_reported_error",
                printer=info.printerName(),
            )


class NoPrinterBackend:
    """A PC set to print nothing (``none``): asking it to print says so, like an absent printer."""

    device = "none"

    def print_slip(self, printable: Printable, paper: Paper) -> None:
        raise PrinterError("printing is turned off on this PC (printer setting 'none')", code="printing_off")


def parse_printer_spec(spec: str | None) -> PrinterBackend | None:
    """``none`` → ``None``; ``pdf:DIR``; ``system`` or ``system:NAME``; ``escpos-net:HOST[:PORT]``."""
    text = (spec or "").strip()
    kind, _, rest = text.partition(":")
    kind = kind.lower()
    if kind in ("", "none"):
        return None
    if kind == "pdf" and rest:
        return PdfFolderBackend(Path(rest).expanduser())
    if kind == "system":
        return SystemPrinterBackend(rest or None)
    if kind == "escpos-net" and rest:
        m = re.fullmatch(r"\[(?P<v6>[^\]]+)\](?::(?P<p6>\d+))?|(?P<host>[^:\[\]]+)(?::(?P<port>\d+))?", rest)
        if m:
            host = m.group("v6") or m.group("host")
            port = int(m.group("p6") or m.group("port") or 9100)
            if 0 < port < 65536:
                # imported here: python-escpos loads its printer database (~0.25 s) on import
                from counter_app.printing.escpos_backend import EscposNetworkBackend

                return EscposNetworkBackend(host, port)
    raise InvalidInput(
        f"Unknown printer {text!r}: use none, pdf:FOLDER, system, system:NAME or escpos-net:HOST[:PORT]",
        field="printer",
        code="bad_printer_spec",
        spec=text,
    )


def ensure_gui_app() -> QGuiApplication:
    """The running QGuiApplication, or a new offscreen one for headless use (fonts need it)."""
    app = QCoreApplication.instance()
    if app is None:
        args = ["counter-app"] if sys.platform == "win32" else ["counter-app", "-platform", "offscreen"]
        app = QGuiApplication(args)
        _KEEP_ALIVE.append(app)
    if not isinstance(app, QGuiApplication):
        raise RuntimeError("printing needs a QGuiApplication (fonts), but a QCoreApplication is running")
    return app


_KEEP_ALIVE: list[QGuiApplication] = []
