"""Pieces of the kiosk's pages: a page with its title, a grid of touch buttons, the big service
button with its line below it, and how the buttons look."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from counter_app.ui import style
from counter_app.ui.text_breaks import plain, tidy
from counter_app.ui.widgets import make_label

T = TypeVar("T")
B = TypeVar("B", bound=QPushButton)

SERVICE_BUTTON = f"""
QPushButton {{ background: white; color: {style.INK}; border: 2px solid #c9d8d6; border-radius: 18px;
              text-align: center; padding: 12px; }}
QPushButton:pressed {{ background: {style.TEAL_LIGHT}; border-color: {style.TEAL}; }}
QPushButton:disabled {{ color: #9aa5a5; }}
"""
GREEN_BUTTON = f"""
QPushButton {{ background: {style.GREEN}; color: white; border: none; border-radius: 18px; padding: 14px; }}
QPushButton:pressed {{ background: #237a37; }}
"""


class ServiceButton(QPushButton):
    """A big touch button: the service name large, its line below in a quieter size."""

    def __init__(self, stylesheet: str, title_size: float = 26, detail_size: float = 16) -> None:
        super().__init__()
        self.setStyleSheet(stylesheet)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.title = make_label(font=style.font(title_size, bold=True))
        self.detail = make_label(font=style.font(detail_size))
        self.detail.setWordWrap(True)
        for label in (self.title, self.detail):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setStyleSheet("background: transparent; color: inherit;")
            layout.addWidget(label)

    def set_texts(self, title: str, detail: str = "", colour: str = "") -> None:
        self.title.setText(title)
        self.detail.setText(tidy(detail))
        self.detail.setVisible(bool(detail))
        if colour:
            self.title.setStyleSheet(f"background: transparent; color: {colour};")
            self.detail.setStyleSheet(f"background: transparent; color: {colour};")

    def summary(self) -> str:
        return plain(f"{self.title.text()} {self.detail.text()}").strip()


def page() -> tuple[QWidget, QVBoxLayout, QLabel]:
    """A page of the kiosk, its column and its title (the window words it)."""
    made = QWidget()
    layout = QVBoxLayout(made)
    layout.setContentsMargins(48, 28, 48, 28)
    layout.setSpacing(20)
    title = make_label(font=style.font(22, bold=True))
    title.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout.addWidget(title)
    return made, layout, title


def touch_grid(
    items: Sequence[T], columns: int, button: Callable[[], B], touched: Callable[[T], object]
) -> tuple[QGridLayout, list[B]]:
    """A button per item, ``columns`` to a row; touching one calls ``touched(item)``."""
    grid = QGridLayout()
    grid.setSpacing(20)
    buttons = []
    for i, item in enumerate(items):
        made = button()
        made.clicked.connect(lambda _=False, x=item: touched(x))
        grid.addWidget(made, i // columns, i % columns)
        buttons.append(made)
    return grid, buttons
