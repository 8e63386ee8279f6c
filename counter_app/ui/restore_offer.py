"""A damaged hall file at start: say so plainly and offer the newest good backup (``services/
backups.py``). The damaged file is kept aside by the restore, never deleted; nothing is restored
without the clerk's (or supervisor's) yes."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from counter_app.services.backups import BackupService

log = logging.getLogger("counter_app.backup")


def is_damaged(exc: BaseException) -> bool:
    from counter_app.domain.errors import StoreUnavailable

    return isinstance(exc, StoreUnavailable) and exc.reason == "corrupt"


def backup_time(folder: Path) -> str:
    """``hall-20261203-093000`` → ``2026-12-03 09:30``."""
    stamp = folder.name.removeprefix("hall-")
    if len(stamp) >= 13 and stamp[:8].isdigit() and stamp[9:13].isdigit():
        return f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]} {stamp[9:11]}:{stamp[11:13]}"
    return folder.name


def offer_box(newest: Path | None, folder: Path, parent: QWidget | None = None) -> QMessageBox:
    """The question (or, with no good backup, the plain fact) as a message box, not yet shown."""
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("RestoreOffer", "Counter tool"))
    box.setIcon(QMessageBox.Icon.Critical)
    if newest is None:
        box.setText(
            QCoreApplication.translate(
                "RestoreOffer", "The hall database file is damaged and there is no good backup in %1."
            ).replace("%1", str(folder))
        )
        box.setInformativeText(
            QCoreApplication.translate("RestoreOffer", "Nothing was changed. Ask the hall's IT support.")
        )
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        return box
    box.setText(
        QCoreApplication.translate(
            "RestoreOffer", "The hall database file is damaged; nothing has been written to it."
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "RestoreOffer",
            "Restore the newest good backup, made %1? The damaged file is kept beside it for the IT support.",
        ).replace("%1", backup_time(newest))
    )
    restore = box.addButton(
        QCoreApplication.translate("RestoreOffer", "Restore the backup"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QCoreApplication.translate("RestoreOffer", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    return box


def offer_restore(
    backups: Callable[[], BackupService], screenshot: Path | None = None, parent: QWidget | None = None
) -> bool:
    """Ask, and restore on yes; ``True`` when the hall was restored (the caller starts again).
    With ``screenshot`` the box is drawn to that PNG instead of asked."""
    service = backups()
    newest = service.newest_good()
    box = offer_box(newest, service.folder, parent)
    if screenshot is not None:
        from PySide6.QtWidgets import QApplication

        box.show()
        QApplication.processEvents()
        box.grab().save(str(screenshot))
        box.close()
        return False
    box.exec()
    if newest is None or box.buttonRole(box.clickedButton()) != QMessageBox.ButtonRole.AcceptRole:
        return False
    try:
        restored = service.recover_damaged()  # the hall's own recovery: nobody can sign in to a damaged file
    except Exception as exc:  # shown plainly; the damaged file stays as it was
        from counter_app.ui.messages import describe

        log.error("restore failed: %s", exc)
        QMessageBox.critical(
            parent, QCoreApplication.translate("RestoreOffer", "Counter tool"), describe(exc)
        )
        return False
    log.warning("restored %s from %s at the clerk's request", restored.hall_file, restored.backup)
    QMessageBox.information(
        parent,
        QCoreApplication.translate("RestoreOffer", "Counter tool"),
        QCoreApplication.translate("RestoreOffer", "The backup was restored. The counter tool starts again."),
    )
    return True
