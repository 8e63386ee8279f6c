"""The dashboard's "now": each service's line (waiting, the longest wait against its target), each
counter and its customer, and what needs the supervisor: waits past their target, applications late
or about to be."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.profile import HallProfile
from counter_app.qt_i18n import current_language
from counter_app.ui import style
from counter_app.ui.supervisor.models import CountersModel
from counter_app.ui.widgets import make_label

if TYPE_CHECKING:
    from counter_app.services.quality.dashboard import Alert, DashboardView, LineNow


class LineTile(QFrame):
    """One service: people waiting, and the longest wait against the target (red when past it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        self.name = make_label(font=style.font(13, bold=True))
        self.waiting = make_label(font=style.font(30, bold=True))
        self.wait = make_label(font=style.font(11), wrap=True)
        for label in (self.name, self.waiting, self.wait):
            layout.addWidget(label)
        self.over = False
        self._paint(False)

    def _paint(self, over: bool) -> None:
        border = style.RED if over else "#d5dede"
        background = "#fdecea" if over else "white"
        self.setStyleSheet(
            f"#tile {{ background: {background}; border: 2px solid {border}; border-radius: 12px; }}"
        )

    def show_line(self, name: str, line: LineNow) -> None:
        self.name.setText(name)
        self.waiting.setText(self.tr("%1 waiting").replace("%1", str(line.waiting)))
        text = self.tr("Longest wait %1 min · target %2 min")
        self.wait.setText(
            text.replace("%1", f"{line.longest_wait_minutes:.0f}").replace("%2", str(line.target_minutes))
        )
        self.over = line.over_target
        self._paint(self.over)


class NowTab(QWidget):
    def __init__(self, profile: HallProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.view: DashboardView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        tiles = QGridLayout()
        tiles.setSpacing(12)
        self.tiles: dict[str, LineTile] = {}
        for i, service in enumerate(profile.services):
            tile = LineTile()
            tiles.addWidget(tile, 0, i)
            self.tiles[service.code] = tile
        layout.addLayout(tiles)
        body = QHBoxLayout()
        layout.addLayout(body, 1)
        left = QVBoxLayout()
        self.counters_title = make_label(font=style.font(13, bold=True))
        self.counters = CountersModel()
        self.counters_view = QTableView()
        self.counters_view.setModel(self.counters)
        self.counters_view.verticalHeader().setVisible(False)
        self.counters_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.counters_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.counters_view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.counters_view.setFont(style.font(11))
        left.addWidget(self.counters_title)
        left.addWidget(self.counters_view, 1)
        body.addLayout(left, 3)
        right = QVBoxLayout()
        self.alerts_title = make_label(font=style.font(13, bold=True))
        self.alerts = QListWidget()
        self.alerts.setFont(style.font(11))
        self.alerts.setWordWrap(True)
        right.addWidget(self.alerts_title)
        right.addWidget(self.alerts, 1)
        body.addLayout(right, 2)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.counters_title.setText(self.tr("Counters"))
        self.alerts_title.setText(self.tr("Needs attention"))
        self.counters.retranslate()
        if self.view is not None:
            self.show_view(self.view)

    def _service(self, code: str) -> str:
        service = self.profile.service(code)
        return f"{code}  {service.names.get(current_language())}" if service else code

    def alert_text(self, alert: Alert) -> str:
        if alert.kind == "wait_over_target":
            return (
                self.tr("%1: the longest wait is %2 min, past the target of %3 min.")
                .replace("%1", self._service(alert.subject))
                .replace("%2", f"{alert.minutes or 0:.0f}")
                .replace("%3", str(alert.target))
            )
        due = alert.due.isoformat() if alert.due else "—"
        template = (
            self.tr("Application %1 is overdue (due %2, %3).")
            if alert.kind == "application_overdue"
            else self.tr("Application %1 is due soon (%2, %3).")
        )
        return template.replace("%1", alert.subject).replace("%2", due).replace("%3", alert.owner)

    def show_view(self, view: DashboardView) -> None:
        self.view = view
        for line in view.lines:
            tile = self.tiles.get(line.service_code)
            if tile is not None:
                tile.show_line(self._service(line.service_code), line)
        self.counters.set_counters(view.counters, view.at)
        self.alerts.clear()
        for alert in view.alerts:
            self.alerts.addItem(self.alert_text(alert))
        more = (
            view.applications_overdue
            + view.applications_due_soon
            - sum(a.kind.startswith("application") for a in view.alerts)
        )
        if more > 0:
            self.alerts.addItem(self.tr("… and %1 more applications due or late.").replace("%1", str(more)))
        if not self.alerts.count():
            self.alerts.addItem(self.tr("Nothing needs attention now."))
        for i in range(self.alerts.count()):
            item = self.alerts.item(i)
            if view.alerts and i < len(view.alerts):
                item.setForeground(Qt.GlobalColor.darkRed)
