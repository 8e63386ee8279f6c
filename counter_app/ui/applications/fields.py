"""Pieces of the intake form: a check box whose text wraps, one labelled row with its error line,
and the look of a field the service refused."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QSizePolicy, QWidget

from counter_app.domain.applications import TariffClass
from counter_app.ui import style

STYLE = f"""
QLineEdit[invalid="true"], QComboBox[invalid="true"], QDateEdit[invalid="true"], QCheckBox[invalid="true"] {{
    border: 2px solid {style.RED}; border-radius: 4px; background: #fdf3f2; }}
QLabel[role="error"] {{ color: {style.RED}; }}
QLabel[role="corrected"] {{ color: {style.GREEN}; font-weight: bold; }}
QLabel[invalid="true"] {{ color: {style.RED}; font-weight: bold; }}
QGroupBox {{ font-weight: bold; border: 1px solid #d5dede; border-radius: 8px; margin-top: 14px;
             padding: 10px 8px 8px 8px; background: white; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; }}
"""


class _TextLabel(QLabel):
    """A check box's text: the click is the check box's, the label itself does nothing with it."""

    released = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.released.emit()


class WrapCheckBox(QWidget):
    """A check box whose text wraps (a plain QCheckBox never does, and long document names would
    widen the whole form); clicking the text ticks the box."""

    toggled = Signal(bool)

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.box = QCheckBox()
        self.label = _TextLabel(text)
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.label.setMinimumWidth(120)
        layout.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.box.toggled.connect(self.toggled)
        self.label.released.connect(self._text_clicked)

    def _text_clicked(self) -> None:
        if self.box.isEnabled():
            self.box.toggle()

    def isChecked(self) -> bool:
        return self.box.isChecked()

    def setChecked(self, checked: bool) -> None:
        self.box.setChecked(checked)

    def setText(self, text: str) -> None:
        self.label.setText(text)

    def text(self) -> str:
        return self.label.text()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self.box.sizeHint().height(), self.label.heightForWidth(max(1, width - 28)))


@dataclass
class FormRow:
    label: QLabel
    widget: QWidget
    error: QLabel

    def set_visible(self, visible: bool) -> None:
        self.label.setVisible(visible)
        self.widget.setVisible(visible)
        self.error.setVisible(visible and bool(self.error.text()))


def error_label() -> QLabel:
    label = QLabel(wordWrap=True)
    label.setProperty("role", "error")
    label.hide()
    return label


def date_of(edit: QDateEdit) -> date:
    value = edit.date().toPython()
    assert isinstance(value, date)
    return value


def tariff_of(box: QComboBox) -> TariffClass | None:
    """Combo data comes back as plain text (Qt keeps no Python enum), so it is turned back here."""
    value = box.currentData()
    return TariffClass(value) if value else None


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    if isinstance(widget, WrapCheckBox):
        widget = widget.label
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
