"""Starting the windows of one process: ``counter-app gui --role kiosk|counter|display``.

The hall database is opened on the worker thread while Qt is imported here, so the first window
paints as soon as Qt is ready. One process may run several roles (a township office on one PC).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Any

from counter_app.ui.hall_client import HallWorker

log = logging.getLogger("counter_app.init")
_T0 = time.perf_counter()


def _opener(args: argparse.Namespace) -> Any:
    def open_it() -> Any:
        from counter_app.services.hall import open_hall

        return open_hall(args.db, profile_file=args.profile)

    return open_it


def launch(args: argparse.Namespace) -> int:
    worker = HallWorker(_opener(args))
    worker.start()

    from PySide6.QtCore import QCoreApplication, QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    QCoreApplication.setOrganizationName("counter-app")
    QCoreApplication.setApplicationName("counter-app")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    log.info("Qt ready after %.0f ms", (time.perf_counter() - _T0) * 1000)
    worker.ready.wait()
    log.info("hall open after %.0f ms", (time.perf_counter() - _T0) * 1000)

    from counter_app.qt_i18n import install_language
    from counter_app.ui import style
    from counter_app.ui.messages import describe

    if worker.open_error is not None:
        language = args.language or str(QSettings().value("ui/language", "zh_CN"))
        install_language(language)
        message = describe(worker.open_error)
        log.error("cannot open the hall: %s", worker.open_error)
        if args.screenshot:
            print(message, file=sys.stderr)
        else:
            QMessageBox.critical(None, QCoreApplication.translate("Launcher", "Counter tool"), message)
        return 4

    from counter_app.ui.hall_client import HallClient

    client = HallClient(worker)
    language = args.language or str(QSettings().value("ui/language", "")) or client.profile.hall.language
    install_language(language)
    style.apply_app_style(app, language)
    _install_excepthook()

    windows = build_windows(args, client, language)
    for window in windows:
        if args.fullscreen:
            window.showFullScreen()
        else:
            window.show()
    if os.environ.get("COUNTER_APP_EXIT_AFTER_PAINT"):
        _quit_after_first_paint(app, windows[0])
    if args.screenshot:
        _screenshot_when_loaded(app, windows, Path(args.screenshot))
    QTimer.singleShot(
        0, lambda: log.info("first window shown after %.0f ms", (time.perf_counter() - _T0) * 1000)
    )
    code = app.exec()
    for window in windows:
        close = getattr(window, "shutdown", None)
        if close:
            close()
    worker.stop()
    return int(code)


def build_windows(args: argparse.Namespace, client: Any, language: str) -> list[Any]:
    windows: list[Any] = []
    counters = list(args.counter or [])
    for role in args.role:
        if role == "counter":
            from counter_app.ui.counter_window import CounterWindow

            number = counters.pop(0) if counters else 1
            windows.append(CounterWindow(client, number, args.clerk, language))
        elif role == "kiosk":
            from counter_app.ui.kiosk_window import KioskWindow

            windows.append(
                KioskWindow(client, language)
            )
        else:
            from counter_app.ui.display_window import DisplayWindow

            windows.append(DisplayWindow(client, language))
    return windows


def _quit_after_first_paint(app: Any, window: Any) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                print(f"first-paint-ms {(time.perf_counter() - _T0) * 1000:.1f}", flush=True)
                QTimer.singleShot(0, app.quit)
                obj.removeEventFilter(self)
            return False

    window.setProperty("_first_paint_filter", True)
    window._first_paint = FirstPaint(window)
    window.installEventFilter(window._first_paint)


def _screenshot_when_loaded(app: Any, windows: list[Any], target: Path) -> None:
    from PySide6.QtCore import QTimer

    pending = {id(w) for w in windows}

    def grab_all() -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        for window in windows:
            path = (
                target
                if len(windows) == 1
                else target.with_name(
                    f"{target.stem}-{window.objectName() or type(window).__name__}{target.suffix}"
                )
            )
            window.grab().save(str(path))
            print(path, flush=True)
        app.quit()

    def one_loaded(window: Any) -> None:
        pending.discard(id(window))
        if not pending:
            QTimer.singleShot(300, grab_all)  # let layouts settle and fonts render

    for window in windows:
        window.loaded.connect(lambda w=window: one_loaded(w))
    QTimer.singleShot(20_000, grab_all)  # never hang: grab what is there


def _install_excepthook() -> None:
    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        logging.getLogger("counter_app.ui").error("unexpected error", exc_info=(kind, value, tb))

    sys.excepthook = hook
