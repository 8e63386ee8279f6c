"""Small shared widgets: the role windows' frame and teal header, the message banner, the language
chooser."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSettings, QSignalBlocker, Qt, QTimer, Slot
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from counter_app.qt_i18n import LANGUAGE_NAMES, current_language, install_language
from counter_app.ui import style
from counter_app.ui.text_breaks import tidy


def make_label(text: str = "", *, font: QFont | None = None, colour: str = "", wrap: bool = False) -> QLabel:
    """A label in ``font``, its text in ``colour`` (a style sheet colour), word-wrapped if asked."""
    made = QLabel(text)
    if wrap:
        made.setWordWrap(True)
    if font is not None:
        made.setFont(font)
    if colour:
        made.setStyleSheet(f"color: {colour};")
    return made


def make_button(
    text: str = "", *, font: QFont | None = None, clicked: Callable[[], object] | None = None
) -> QPushButton:
    """A button in ``font`` that calls ``clicked`` (Qt's ``clicked`` signal; the checked state,
    which plain buttons do not have, is not passed on)."""
    made = QPushButton(text)
    if font is not None:
        made.setFont(font)
    if clicked is not None:
        made.clicked.connect(clicked)
    return made


def make_timer(
    parent: QObject, interval: int, timeout: Callable[[], object], *, single_shot: bool = False
) -> QTimer:
    """A stopped timer of ``interval`` ms calling ``timeout``; ``single_shot`` fires once per start."""
    made = QTimer(parent)
    made.setSingleShot(single_shot)
    made.setInterval(interval)
    made.timeout.connect(timeout)
    return made


def window_root(stylesheet: str) -> tuple[QWidget, QVBoxLayout]:
    """A role window's central widget (``#root``) and its column, edge to edge."""
    root = QWidget()
    root.setObjectName("root")
    root.setStyleSheet(stylesheet)
    outer = QVBoxLayout(root)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.setSpacing(0)
    # What the window shows never resizes the window: a long name, a badge or a print bar must not
    # widen it under the clerk's pointer (it grew 1280 → 1331 → 1383 px). Content fits the window.
    outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    root.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
    return root, outer


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Open at ``width`` × ``height``, or smaller to fit the screen's free area (a 1366×768 hall PC
    has about 1366×728 below the taskbar)."""
    screen = window.screen()
    if screen is not None and QGuiApplication.platformName() != "offscreen":  # drawn to a file: as asked
        free = screen.availableGeometry()
        width, height = min(width, free.width()), min(height, free.height())
    window.resize(width, height)


def teal_header(left: int, top: int, right: int, bottom: int) -> tuple[QFrame, QHBoxLayout]:
    """The teal band across the top of the counter and kiosk windows (its labels white), and its row."""
    header = QFrame()
    header.setObjectName("header")
    header.setStyleSheet(f"#header {{ background: {style.TEAL}; }} QLabel {{ color: white; }}")
    row = QHBoxLayout(header)
    row.setContentsMargins(left, top, right, bottom)
    return header, row


class Banner(QFrame):
    """The window's status line: calm teal for information, red for errors; information fades
    after 8 s.

    Its height is reserved whether or not it shows a message, so nothing under the clerk's pointer
    moves when a message comes or goes (a click landed on the wrong key when the line pushed the
    keys down and back up). A message too long for one line is set smaller on two lines, and
    beyond that cut with "…" (the whole message in the tooltip).
    """

    HEIGHT = 40
    SIZES = (13.0, 10.5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setFixedHeight(self.HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # never widens a window
        layout = QHBoxLayout(self)
        layout.setContentsMargins(20, 0, 20, 0)
        self.label = QLabel(self)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.label)
        self._message = ""
        self._error = False
        self._timer = make_timer(self, 8000, self.clear, single_shot=True)
        self._paint()

    def info(self, text: str) -> None:
        self._show(text, error=False)
        self._timer.start()

    def error(self, text: str) -> None:
        self._timer.stop()
        self._show(text, error=True)

    def _show(self, text: str, *, error: bool) -> None:
        self._message, self._error = text, error
        self._paint()

    @Slot()
    def clear(self) -> None:
        self._timer.stop()
        self._message, self._error = "", False
        self._paint()

    def text(self) -> str:
        """The message shown (as written, without the line-break joiners)."""
        return self._message

    @property
    def has_message(self) -> bool:
        return bool(self._message)

    @property
    def is_error(self) -> bool:
        return self._error and bool(self._message)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _paint(self) -> None:
        if not self._message:
            background, colour = "transparent", style.INK
        elif self._error:
            background, colour = "#fdecea", style.RED
        else:
            background, colour = style.TEAL_LIGHT, style.TEAL_DARK
        self.setStyleSheet(f"#banner {{ background: {background}; }} QLabel {{ color: {colour}; }}")
        self._fit()

    def _fit(self) -> None:
        """One line at the normal size, else two smaller lines, else two lines cut with "…"."""
        text = tidy(self._message)
        width = max(1, self.width() - 40)
        self.label.setToolTip("")
        for size in self.SIZES:
            font = style.font(size)
            metrics = QFontMetrics(font)
            wrap = size != self.SIZES[0]
            if not wrap and metrics.horizontalAdvance(text) <= width:
                break
            if wrap:
                flags = int(Qt.TextFlag.TextWordWrap)
                needed = metrics.boundingRect(0, 0, width, 10_000, flags, text).height()
                if needed > self.HEIGHT - 4:
                    text = metrics.elidedText(
                        text, Qt.TextElideMode.ElideRight, width * 2 - metrics.averageCharWidth() * 4
                    )
                    self.label.setToolTip(self._message)
        self.label.setFont(font)
        self.label.setWordWrap(wrap)
        self.label.setText(text)


class LanguageBox(QComboBox):
    """The clerks' language: the counter windows of this process (and Qt's own dialogs); remembered
    per PC (QSettings). The kiosk and the hall display keep their own (``qt_i18n.LocalTexts``)."""

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
