"""Small shared widgets: the role windows' frame and teal header, the message banner, the language
chooser."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, QSignalBlocker, QTimer, Slot
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from counter_app.qt_i18n import LANGUAGE_NAMES, current_language, install_language
from counter_app.ui import style


def window_root(stylesheet: str) -> tuple[QWidget, QVBoxLayout]:
    """A role window's central widget (``#root``) and its column, edge to edge."""
    root = QWidget(objectName="root")
    root.setStyleSheet(stylesheet)
    outer = QVBoxLayout(root)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.setSpacing(0)
    return root, outer


def teal_header(left: int, top: int, right: int, bottom: int) -> tuple[QFrame, QHBoxLayout]:
    """The teal band across the top of the counter and kiosk windows (its labels white), and its row."""
    header = QFrame(objectName="header")
    header.setStyleSheet(f"#header {{ background: {style.TEAL}; }} QLabel {{ color: white; }}")
    row = QHBoxLayout(header)
    row.setContentsMargins(left, top, right, bottom)
    return header, row


class Banner(QLabel):
    """One line under the header: calm teal for information, red for errors; info fades after 8 s."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setFont(style.font(13))
        self.setMinimumHeight(0)
        self._timer = QTimer(self, singleShot=True, interval=8000, timeout=self.clear)
        self.hide()

    def info(self, text: str) -> None:
        self._show(text, style.TEAL_LIGHT, style.TEAL_DARK)
        self._timer.start()

    def error(self, text: str) -> None:
        self._timer.stop()
        self._show(text, "#fdecea", style.RED)

    def _show(self, text: str, background: str, colour: str) -> None:
        self.setText(text)
        self.setStyleSheet(f"background: {background}; color: {colour}; padding: 10px 20px;")
        self.show()

    @Slot()
    def clear(self) -> None:
        self.setText("")
        self.hide()

    @property
    def is_error(self) -> bool:
        return self.isVisible() and "#fdecea" in self.styleSheet()


class LanguageBox(QComboBox):
    """Switches the UI language of the whole process; remembered per PC (QSettings)."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for code, name in LANGUAGE_NAMES.items():
            self.addItem(name, code)
        self.setCurrentIndex(max(0, self.findData(language)))
        self.currentIndexChanged.connect(self._changed)

    def current_language(self) -> str:
        return str(self.currentData())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            with QSignalBlocker(self):
                self.setCurrentIndex(max(0, self.findData(current_language())))
        super().changeEvent(event)

    @Slot(int)
    def _changed(self, _index: int) -> None:
        language = self.current_language()
        QSettings().setValue("ui/language", language)
        install_language(language)
