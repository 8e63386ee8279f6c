"""Qt translations: the UI language of a window, and the hall's language for slips and voice calls.

Source strings are English in ``self.tr`` / ``QCoreApplication.translate`` / ``QT_TRANSLATE_NOOP``;
``scripts/translations.py`` runs lupdate/lrelease over ``resources/translations``. A slip printed in
the hall's language while the clerk's UI is in English uses its own translator (:class:`HallTexts`).

The process's language (:func:`install_language`) is the clerks' (the counters' language box); it
also loads Qt's own translation (``qtbase_zh_CN.qm``, shipped with PySide6), so OK/Cancel and the
file dialog speak it too. The kiosk and the hall display keep their own language
(:class:`LocalTexts`): a customer's choice on the kiosk, or a clerk's at a counter of the same PC,
changes no other window.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from counter_app import paths

log = logging.getLogger("counter_app.ui")

LANGUAGE_NAMES = {"zh_CN": "简体中文", "zh_TW": "繁體中文", "en": "English"}

_current = {"language": "zh_CN"}


def current_language() -> str:
    """The UI language installed in this process."""
    return _current["language"]


@lru_cache(maxsize=8)
def translator(language: str) -> QTranslator | None:
    """The compiled translation for a language (English only carries plural forms), or ``None``."""
    tr = QTranslator()
    if not tr.load(str(paths.TRANSLATIONS / f"counter_app_{language}.qm")):
        if language != "en":
            log.warning("no translation file for %s; showing English", language)
        return None
    return tr


@lru_cache(maxsize=8)
def qt_translator(language: str) -> QTranslator | None:
    """Qt's own texts (standard buttons, file and input dialogs) in ``language``, from the
    translations PySide6 ships; ``None`` for English (Qt's source language)."""
    if language == "en":
        return None
    tr = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not tr.load(f"qtbase_{language}", folder):
        log.warning("no Qt translation qtbase_%s in %s; Qt's own buttons stay English", language, folder)
        return None
    return tr


def install_language(language: str) -> None:
    """Make ``language`` the UI language of this process (call before building windows)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_language needs a QCoreApplication")
    for lang in LANGUAGE_NAMES:
        for tr in (translator(lang), qt_translator(lang)):
            if tr is not None:
                app.removeTranslator(tr)
    for tr in (qt_translator(language), translator(language)):  # ours last: it is asked first
        if tr is not None:
            app.installTranslator(tr)
    _current["language"] = language
    QLocale.setDefault(QLocale(language))


class HallTexts:
    """Texts in one fixed language, independent of the UI language (slips, voice calls)."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._tr = translator(language)

    def t(self, context: str, source: str, *args: object) -> str:
        text = (self._tr.translate(context, source) if self._tr else "") or source
        for i, arg in enumerate(args, start=1):
            text = text.replace(f"%{i}", str(arg))
        return text


class LocalTexts(HallTexts):
    """The texts of one window in its own language, whatever the process's language is.

    A window keeps one and routes its ``tr`` through it (``tr = local_tr``): the kiosk switches it
    for a customer and back to the hall's language at its start page; the display never switches.
    """

    def __init__(self, language: str, context: str) -> None:
        super().__init__(language)
        self.context = context

    def tr(self, source: str) -> str:
        return self.t(self.context, source)
