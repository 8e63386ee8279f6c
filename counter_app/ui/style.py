"""Look of the windows: State Grid teal, calm contrast, fonts that have every CJK character."""

from __future__ import annotations

from PySide6.QtGui import QFont, QGuiApplication

TEAL = "#00706b"
TEAL_DARK = "#004d49"
TEAL_LIGHT = "#e3f2f0"
GREEN = "#2e9d47"
AMBER = "#c77700"
RED = "#c0392b"
INK = "#1f2a2a"
MUTED = "#5f6b6b"
PAPER = "#f6f8f8"

CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "SimHei",
    "Noto Sans CJK TC",
)


def ui_families(language: str = "zh_CN") -> list[str]:
    """CJK families in order of preference (Traditional first for zh_TW); Qt takes the first one
    installed, without the font database being listed at start-up."""
    order = CJK_FAMILIES if language != "zh_TW" else ("Noto Sans CJK TC", *CJK_FAMILIES)
    return list(order)


def font(size: float, *, bold: bool = False, language: str = "zh_CN") -> QFont:
    f = QFont()
    f.setFamilies(ui_families(language))
    f.setPointSizeF(size)
    f.setBold(bold)
    return f


def apply_app_style(app: QGuiApplication, language: str) -> None:
    base = QFont()
    base.setFamilies(ui_families(language))
    base.setPointSizeF(11)
    app.setFont(base)


ROOT = f"""
#root {{ background: {PAPER}; }}
QLabel {{ background: transparent; color: {INK}; }}
"""

BUTTON = f"""
QPushButton {{ background: white; color: {INK}; border: 1px solid #c9d3d3; border-radius: 8px;
              padding: 8px 14px; }}
QPushButton:hover {{ border-color: {TEAL}; }}
QPushButton:pressed {{ background: {TEAL_LIGHT}; }}
QPushButton:disabled {{ color: #a0a8a8; background: #eef1f1; }}
QPushButton[primary="true"] {{ background: {TEAL}; color: white; border: none; font-weight: bold; }}
QPushButton[primary="true"]:pressed {{ background: {TEAL_DARK}; }}
QPushButton[primary="true"]:disabled {{ background: #8fb9b6; }}
QPushButton[warn="true"] {{ color: {RED}; }}
QPushButton[warn="true"]:disabled {{ color: #a0a8a8; }}
"""

TABS = f"""
QTabWidget::pane {{ border: 1px solid #d5dede; border-radius: 8px; background: white; top: -1px; }}
QTabBar::tab {{ padding: 8px 18px; color: {MUTED}; }}
QTabBar::tab:selected {{ color: {TEAL}; font-weight: bold; border-bottom: 3px solid {TEAL}; }}
"""
