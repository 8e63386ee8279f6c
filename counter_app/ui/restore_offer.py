"""A damaged hall file: say so plainly and offer the newest good backup (``services/backups.py``).
The damaged file is kept aside by the restore, never deleted; nothing is restored without the
clerk's (or supervisor's) yes.

When the damaged file can still be read it is open read-only (``store/sqlite/read_only.py``) and
every window carries :class:`DamagedBar` at its top: the staff's windows say that what is on screen
can be looked at and nothing can be saved, with the button that offers the newest good backup; the
public screens (kiosk, hall display, rating screen) say only what the customer needs to know. The
bar is the window's menu widget: the sign-in cover leaves it in sight and usable. When the file
cannot be read at all, :func:`offer_restore` asks at start as a plain question.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from counter_app.qt_i18n import LocalTexts, current_language
from counter_app.ui import style
from counter_app.ui.messages import QT_TRANSLATE_NOOP
from counter_app.ui.widgets import make_timer

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
    if screenshot is not None:
        from PySide6.QtWidgets import QApplication

        box = offer_box(service.newest_good(), service.folder, parent)
        box.show()
        QApplication.processEvents()
        box.grab().save(str(screenshot))
        box.close()
        return False
    newest = ask_restore(service, parent)
    return newest is not None and restore_backup(service, newest, parent)


def ask_restore(service: BackupService, parent: QWidget | None = None) -> Path | None:
    """Ask whether to restore the newest good backup; the backup set chosen, or ``None`` (no good
    backup, or the answer was no). Nothing is changed here."""
    newest = service.newest_good()
    box = offer_box(newest, service.folder, parent)
    box.exec()
    if newest is None or box.buttonRole(box.clickedButton()) != QMessageBox.ButtonRole.AcceptRole:
        return None
    return newest


def restore_backup(service: BackupService, newest: Path, parent: QWidget | None = None) -> bool:
    """Put the newest good backup set (``newest``, the one the question named) in place of the
    damaged file, which is kept aside; ``True`` once done, else the reason is shown and the hall
    stays as it was. Every connection of this process to the hall file should be closed first."""
    log.info("restoring %s, the newest good backup", newest)
    try:
        # the hall's own recovery, unguarded: nobody can sign in against a damaged file
        restored = service.recover_damaged()
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


CONTEXT = "DamagedFile"
STAFF_FIRST = QT_TRANSLATE_NOOP(
    "DamagedFile", "The hall database file is damaged: it is open read-only, nothing can be saved."
)
STAFF_SECOND = {
    "counter": QT_TRANSLATE_NOOP(
        "DamagedFile",
        "What is on screen can still be looked at; calling, serving and saving are refused until a "
        "backup is restored.",
    ),
    "supervisor": QT_TRANSLATE_NOOP(
        "DamagedFile",
        "Figures can still be looked at where the file is readable; the damaged file is kept aside "
        "when the backup is restored.",
    ),
}
PUBLIC = {
    "kiosk": (
        QT_TRANSLATE_NOOP("DamagedFile", "Numbers cannot be taken here at the moment."),
        QT_TRANSLATE_NOOP("DamagedFile", "Please ask at a counter. We are sorry for the wait."),
    ),
    "display": (
        QT_TRANSLATE_NOOP("DamagedFile", "Calls are paused for a moment."),
        QT_TRANSLATE_NOOP("DamagedFile", "Please stay nearby: the staff will call you."),
    ),
    "rating": (
        QT_TRANSLATE_NOOP("DamagedFile", "Ratings cannot be given at the moment."),
        QT_TRANSLATE_NOOP("DamagedFile", "Thank you for your patience."),
    ),
}
RESTORE = QT_TRANSLATE_NOOP("DamagedFile", "Restore the newest good backup…")

_LOOK = f"""
#damagedbar {{ background: #b3261e; }}
#damagedbar QLabel {{ color: white; }}
#damagedbar QPushButton {{ background: white; color: #b3261e; border: none; border-radius: 6px;
    padding: 6px 14px; font-weight: bold; }}
#damagedbar QPushButton:pressed {{ background: {style.TEAL_LIGHT}; }}
"""


class DamagedBar(QFrame):
    """The strip at the top of a window of a hall whose file is damaged and open read-only.

    ``role``: the window's (``counter``, ``supervisor``: the staff's words and the restore button;
    ``kiosk``, ``display``, ``rating``: the customer's words, no button). ``language``: the window's
    own (the display's), how to read it (the kiosk's, which a customer may switch), or ``None`` for
    the process's."""

    restore_asked = Signal()
    HEIGHT = 56

    def __init__(
        self,
        role: str,
        *,
        language: str | Callable[[], str] | None = None,
        scale: float = 1.0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.role = role
        self._language = language
        self.setObjectName("damagedbar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_LOOK)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # never widens a window
        self.setFixedHeight(round(self.HEIGHT * scale))
        row = QHBoxLayout(self)
        row.setContentsMargins(round(20 * scale), round(4 * scale), round(20 * scale), round(4 * scale))
        column = QVBoxLayout()
        column.setSpacing(0)
        self.first = QLabel(self)
        self.second = QLabel(self)
        for label, size, bold in ((self.first, 12.5, True), (self.second, 11.0, False)):
            label.setFont(style.font(size * scale, bold=bold))
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            column.addWidget(label)
        row.addLayout(column, 1)
        self.restore_button: QPushButton | None = None
        if role not in PUBLIC:
            self.restore_button = QPushButton(self)
            self.restore_button.setFont(style.font(12 * scale, bold=True))
            self.restore_button.setObjectName("restore")
            self.restore_button.clicked.connect(self.restore_asked)
            row.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self._shown_in = ""
        self.retranslate()
        if callable(language):  # a kiosk's customer may switch: the strip follows within a second
            make_timer(self, 1000, self._follow_language).start()

    def _follow_language(self) -> None:
        if self.texts().language != self._shown_in:
            self.retranslate()

    @property
    def public(self) -> bool:
        return self.role in PUBLIC

    def texts(self) -> LocalTexts:
        language = self._language() if callable(self._language) else self._language
        return LocalTexts(language or current_language(), CONTEXT)

    def retranslate(self) -> None:
        texts = self.texts()
        self._shown_in = texts.language
        if self.role in PUBLIC:
            first, second = PUBLIC[self.role]
        else:
            first, second = STAFF_FIRST, STAFF_SECOND.get(self.role, STAFF_SECOND["counter"])
        for label, source in ((self.first, first), (self.second, second)):
            label.setText(texts.tr(source))
            label.setToolTip(label.text())  # the whole line, when the window is too narrow for it
        if self.restore_button is not None:
            self.restore_button.setText(texts.tr(RESTORE))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self._language is None:
            self.retranslate()
        super().changeEvent(event)


def add_damaged_bar(
    window: QMainWindow,
    role: str,
    *,
    language: str | Callable[[], str] | None = None,
    scale: float = 1.0,
) -> DamagedBar:
    """Put the strip at the top of ``window`` as its menu widget (above the hall server's strip and
    the content; the sign-in cover leaves it uncovered)."""
    bar = DamagedBar(role, language=language, scale=scale, parent=window)
    window.setMenuWidget(bar)
    bar.show()  # a window already on screen shows a child added later only when told
    return bar
