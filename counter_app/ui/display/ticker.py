"""A calm scrolling notice line for the hall display (滚动字幕)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from counter_app.ui.widgets import make_timer

STEP_PX = 2
INTERVAL_MS = 30


class Ticker(QWidget):
    def __init__(self, font: QFont, colour: str = "#ffffff", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(font)
        self._colour = QColor(colour)
        self._text = ""
        self._offset = 0.0
        self.setMinimumHeight(self.fontMetrics().height() + 16)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._timer = make_timer(self, INTERVAL_MS, self._advance)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # the display scaled its text to the screen
            self.setMinimumHeight(self.fontMetrics().height() + 16)
        super().changeEvent(event)

    def set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self._offset = 0.0
        if text and not self._timer.isActive():
            self._timer.start()
        self.update()

    def text(self) -> str:
        return self._text

    def _advance(self) -> None:
        width = self.fontMetrics().horizontalAdvance(self._text) + self.width() // 3
        self._offset = (self._offset + STEP_PX) % max(1, width)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self._colour)
        painter.setFont(self.font())
        gap = self.width() // 3
        text_width = self.fontMetrics().horizontalAdvance(self._text)
        x = 24 - self._offset
        while x < self.width():
            painter.drawText(
                QRectF(x, 0, text_width + 4, self.height()), Qt.AlignmentFlag.AlignVCenter, self._text
            )
            x += text_width + gap
        painter.end()
