"""The supervisor's dashboard window (值班长看板): now, today, clerks, the forecast and the staff
accounts, live.

In a hall with accounts the window shows nothing until a supervisor or administrator has signed in
(``ui/sign_in.py``, wired by the launcher: ``wait_for_sign_in``, then :meth:`admit`); no figure is
even read before. It locks after the idle minutes like a counter.

It follows the hall through the client's change notifications (any commit by any counter, kiosk or
rating screen reaches it within a second) with one coalesced read of the whole dashboard, and every
20 seconds besides (waits grow while nothing changes). The month's trend is read when the window
opens and every ten minutes; the forecast when its tab is first opened. Reports are written by the
worker in the hall's language.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QStandardPaths, Signal, Slot
from PySide6.QtWidgets import QMainWindow, QTabWidget, QVBoxLayout, QWidget

from counter_app.qt_i18n import current_language
from counter_app.ui import quality_messages, style
from counter_app.ui.hall_client import HallClient, Reload, while_alive
from counter_app.ui.messages import describe
from counter_app.ui.outbox_status import OutboxStatus
from counter_app.ui.supervisor.accounts_tab import AccountsTab
from counter_app.ui.supervisor.export import ExportDialog, ExportRequest, write_export
from counter_app.ui.supervisor.forecast_tab import ForecastTab
from counter_app.ui.supervisor.now_tab import NowTab
from counter_app.ui.supervisor.today_tab import ClerksTab, TodayTab
from counter_app.ui.widgets import (
    Banner,
    LanguageBox,
    make_button,
    make_label,
    make_timer,
    teal_header,
    window_root,
)

if TYPE_CHECKING:  # the hall and its values are annotations here; importing them loads the store
    from counter_app.domain.accounts import UserAccount
    from counter_app.services.hall import Hall
    from counter_app.services.quality.dashboard import DashboardView, TrendDay
    from counter_app.services.quality.reports import ForecastResult
    from counter_app.ui.sign_in import CounterSignIn

log = logging.getLogger("counter_app.ui")
TREND_MS = 10 * 60_000
TICK_MS = 20_000
TABS = ("now", "today", "clerks", "forecast", "accounts")
_ = quality_messages  # its error texts are registered on import


class SupervisorWindow(QMainWindow):
    loaded = Signal()
    forecast_shown = Signal()
    exported = Signal(object)  # the Path written

    def __init__(self, client: HallClient[Hall], language: str, *, wait_for_sign_in: bool = False) -> None:
        """``wait_for_sign_in``: read nothing until :meth:`admit` (the sign-in's word)."""
        super().__init__()
        self.admitted = not wait_for_sign_in
        self.sign_in: CounterSignIn | None = None  # set by the launcher: sign-in and the idle lock
        self.client = client
        self.profile = client.profile
        self.language = language
        self.view: DashboardView | None = None
        self.trend: tuple[TrendDay, ...] = ()
        self.forecast: ForecastResult | None = None
        self._forecast_asked = False
        self._loaded_once = False
        self.setObjectName("supervisor")
        self.resize(1366, 768)
        self._build()
        self.retranslate()
        self._reload = Reload(client, self._view_job, self._on_view, self._on_error)
        client.changed.connect(self.refresh)
        make_timer(self, TICK_MS, self.refresh).start()
        make_timer(self, TREND_MS, self.load_trend).start()
        self.outbox_status: OutboxStatus | None = None
        self.refresh()  # nothing until admitted when waiting for the sign-in
        self.load_trend()
        self._watch_outbox()

    # layout ----------------------------------------------------------------------------------------
    def _build(self) -> None:
        root, outer = window_root(style.ROOT + style.BUTTON)
        header, hl = teal_header(20, 10, 20, 10)
        self.title = make_label(font=style.font(18, bold=True))
        self.updated = make_label(font=style.font(11))
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.updated)
        hl.addLayout(titles, 1)
        self.export_button = make_button(clicked=self.ask_export)
        self.export_button.setStyleSheet(
            "QPushButton { background: white; color: #00706b; border: none; border-radius: 6px; "
            "padding: 6px 14px; font-weight: bold; }"
        )
        hl.addWidget(self.export_button)
        self.lock_button = make_button(clicked=self.lock)
        self.lock_button.setStyleSheet(self.export_button.styleSheet())
        self.lock_button.hide()  # shown once someone has signed in to the dashboard
        hl.addWidget(self.lock_button)
        self.language_box = LanguageBox(self.language)
        hl.addWidget(self.language_box)
        outer.addWidget(header)
        self.banner = Banner()
        outer.addWidget(self.banner)
        self.tabs = QTabWidget()
        self.tabs.setFont(style.font(12))
        self.tabs.setStyleSheet(style.TABS)
        self.now_tab = NowTab(self.profile)
        self.today_tab = TodayTab(self.profile)
        self.clerks_tab = ClerksTab()
        self.forecast_tab = ForecastTab()
        self.accounts_tab = AccountsTab()
        self.accounts_tab.reload_asked.connect(self.load_accounts)
        self.accounts_tab.unlock_asked.connect(self.unlock)
        for tab in (self.now_tab, self.today_tab, self.clerks_tab, self.forecast_tab, self.accounts_tab):
            self.tabs.addTab(tab, "")
        self.tabs.currentChanged.connect(self._tab_opened)
        self.forecast_tab.recompute.connect(self.load_forecast)
        self.forecast_tab.print_report.connect(self._ask_forecast_report)
        body = QWidget()
        bl = QVBoxLayout(body)
        bl.setContentsMargins(16, 10, 16, 12)
        bl.addWidget(self.tabs)
        outer.addWidget(body, 1)
        self.setCentralWidget(root)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.language = current_language()
        hall = self.profile.hall.name.get(self.language)
        self.setWindowTitle(self.tr("Supervisor dashboard"))
        self.title.setText(self.tr("Supervisor dashboard") + f"  ·  {hall}")
        self.export_button.setText(self.tr("Reports…"))
        self.lock_button.setText(self.tr("Lock"))
        names = (
            self.tr("Now"),
            self.tr("Today"),
            self.tr("Clerks"),
            self.tr("Forecast"),
            self.tr("Accounts"),
        )
        for i, text in enumerate(names):
            self.tabs.setTabText(i, text)
        self._show_updated()
        if self.view is not None:
            self.clerks_tab.show_view(self.view, self.clerk_label)

    def show_tab(self, name: str) -> None:
        self.tabs.setCurrentIndex(TABS.index(name) if name in TABS else 0)

    # data ------------------------------------------------------------------------------------------
    @Slot()
    def lock(self) -> None:
        """The supervisor steps away: the dashboard is covered now, as after the idle minutes."""
        if self.sign_in is not None:
            self.sign_in.lock()

    @Slot()
    def admit(self) -> None:
        """Someone who may see the dashboard has signed in (or the hall has no accounts): read it."""
        if self.admitted:
            return
        self.admitted = True
        self.lock_button.setVisible(self.sign_in is not None and self.sign_in.session is not None)
        self.refresh()
        self.load_trend()
        self._watch_outbox()
        if TABS[self.tabs.currentIndex()] in ("forecast", "accounts"):
            self._tab_opened(self.tabs.currentIndex())

    @Slot()
    def refresh(self) -> None:
        if self.admitted:
            self._reload()

    def _watch_outbox(self) -> None:
        """The status bar's records waiting for the central systems, once admitted."""
        if self.admitted and self.outbox_status is None:
            self.outbox_status = OutboxStatus(self, self.client)
            self.outbox_status.answered.connect(self._maybe_loaded)

    def _view_job(self) -> Callable[[Hall], DashboardView]:
        return lambda hall: hall.quality.dashboard.view()

    def _on_error(self, exc: BaseException) -> None:
        self.banner.error(describe(exc))

    def _show_updated(self) -> None:
        if self.view is not None:
            text = self.tr("Business day %1 · updated %2")
            self.updated.setText(
                text.replace("%1", self.view.business_day.isoformat()).replace(
                    "%2", self.view.at.strftime("%H:%M:%S")
                )
            )

    def _on_view(self, view: DashboardView) -> None:
        day_changed = self.view is not None and self.view.business_day != view.business_day
        self.view = view
        if self.banner.is_error:
            self.banner.clear()
        self._show_updated()
        self.now_tab.show_view(view)
        self.today_tab.show_view(view)
        self.clerks_tab.show_view(view, self.clerk_label)
        if day_changed:
            self.load_trend()
        self._maybe_loaded()

    def clerk_label(self, clerk: str) -> str:
        """A clerk as "name (staff code)" when the staff list knows them (by code or by name)."""
        names = self.view.clerk_names if self.view else {}
        if clerk in names:
            return f"{names[clerk]}（{clerk}）"
        code = next((c for c, name in names.items() if name == clerk), None)
        return f"{clerk}（{code}）" if code else clerk

    @Slot()
    def load_trend(self) -> None:
        if not self.admitted:
            return
        self.client.submit(
            lambda hall: hall.quality.dashboard.trend(30), while_alive(self, self._on_trend), self._on_error
        )

    def _on_trend(self, trend: tuple[TrendDay, ...]) -> None:
        self.trend = trend
        self.today_tab.show_trend(trend)
        self._maybe_loaded()

    def _maybe_loaded(self) -> None:
        answered = self.outbox_status is not None and self.outbox_status.has_answered
        ready = self.view is not None and self.trend and answered
        if not self._loaded_once and ready:
            self._loaded_once = True
            self.loaded.emit()

    @Slot(int)
    def _tab_opened(self, index: int) -> None:
        if not self.admitted:
            return
        if TABS[index] == "forecast" and not self._forecast_asked:
            self.load_forecast()
        elif TABS[index] == "accounts":
            self.load_accounts()

    # staff accounts ----------------------------------------------------------------------------------
    @Slot()
    def load_accounts(self) -> None:
        if not self.admitted:
            return
        tab = self.accounts_tab
        self.client.submit(
            lambda hall: hall.users.list(),
            while_alive(self, tab.show_accounts),
            while_alive(self, lambda exc: tab.show_problem(describe(exc))),
        )

    @Slot(str)
    def unlock(self, code: str) -> None:
        """Lift a clerk's lockout (the service checks the signed-in role), then read the list again."""
        tab = self.accounts_tab

        def done(account: UserAccount) -> None:
            self.banner.info(self.tr("%1 can sign in again.").replace("%1", account.code))
            self.load_accounts()

        def failed(exc: BaseException) -> None:
            tab.show_problem(describe(exc))
            self.load_accounts()

        self.client.submit(
            lambda hall: hall.users.unlock(code), while_alive(self, done), while_alive(self, failed)
        )

    @Slot()
    def load_forecast(self) -> None:
        self._forecast_asked = True

        def failed(exc: BaseException) -> None:
            self.forecast_tab.show_failure(describe(exc))
            self.forecast_shown.emit()

        self.client.submit(
            lambda hall: hall.quality.reports.forecast(),
            while_alive(self, self._on_forecast),
            while_alive(self, failed),
        )

    def _on_forecast(self, result: ForecastResult) -> None:
        self.forecast = result
        self.forecast_tab.show_result(result)
        self.forecast_shown.emit()

    # reports ---------------------------------------------------------------------------------------
    def _folder(self) -> Path:
        return Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home()
        )

    @Slot()
    def ask_export(self, kind: str = "") -> None:
        today = self.view.business_day if self.view else None
        if today is None:
            return
        dialog = ExportDialog(today, self._folder(), self)
        if kind:
            dialog.kind.setCurrentIndex(max(0, dialog.kind.findData(kind)))
        if dialog.exec():
            request = dialog.ask_path()
            if request is not None:
                self.export(request)

    def _ask_forecast_report(self) -> None:
        self.ask_export("forecast")

    def export(self, request: ExportRequest) -> None:
        """Write the report on the worker; the banner says where, or why not."""
        self.banner.info(self.tr("Writing the report…"))

        def done(path: Path) -> None:
            self.banner.info(self.tr("Report written: %1").replace("%1", str(path)))
            self.exported.emit(path)

        self.client.submit(
            lambda hall: write_export(hall, request),
            while_alive(self, done),
            while_alive(self, self._on_error),
        )
