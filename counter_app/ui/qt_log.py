"""Qt's own messages (plugins, multimedia, PulseAudio, fonts) into our ``counter_app.qt`` logger.

Without this, Qt prints them on the terminal a clerk started the tool from: a normal start said
about twenty lines about FFmpeg, VA-API and PulseAudio. They are kept in the log file instead, at
their own level, and only Qt's critical and fatal messages still reach the terminal (as errors).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("counter_app.qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category or "qt"
    level = _LEVELS.get(kind, logging.WARNING)
    if level >= logging.INFO or log.isEnabledFor(level):
        log.log(level, "%s: %s", category, message)


def route_qt_messages() -> None:
    """Install the handler (before the QApplication exists, so plugin loading is caught too)."""
    qInstallMessageHandler(_handler)
