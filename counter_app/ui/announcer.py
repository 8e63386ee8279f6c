"""Voice calls on the hall display (语音叫号): a chime, then "请 A012 号到 3 号窗口办理".

Calls are queued so two never overlap, each spoken ``voice_repeat`` times in the hall's language.
Without a speech engine (or when it fails) the chime alone plays and the screen highlight carries
the call; without an audio device nothing is heard but the queue still advances on a timer, so a
call is never stuck.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QObject, QThread, QTimer, QUrl, Signal, Slot

from counter_app import paths
from counter_app.domain.queue import spoken_number
from counter_app.qt_i18n import HallTexts

log = logging.getLogger("counter_app.ui")

CALL_TEXT = QT_TRANSLATE_NOOP("Announcer", "Number %1, please go to counter %2.")
RECALL_TEXT = QT_TRANSLATE_NOOP("Announcer", "Number %1, please come to counter %2 now.")
CHIME_MS = 1400
SILENT_CALL_MS = 2500
SPEECH_TIMEOUT_MS = 15_000
_LOCALES = {"zh_CN": "zh_CN", "zh_TW": "zh_TW", "en": "en_US"}


@dataclass(frozen=True)
class Call:
    number: str
    counter: int
    recall: bool


@dataclass(frozen=True)
class _Utterance:
    text: str
    call: Call
    first: bool  # the first repetition: chime before it, highlight on screen


def _load_speech(engine: str, locale: QLocale, target: QThread, ready: Any) -> None:
    """Create the engine off the GUI thread, then hand it to the GUI thread (``moveToThread``).

    A daemon thread, so an engine that never answers cannot keep the program from exiting.
    """
    from PySide6.QtTextToSpeech import QTextToSpeech

    speech = QTextToSpeech(engine)
    if speech.state() == QTextToSpeech.State.Error:
        log.warning("speech engine %s failed to start: chime only", engine)
        return
    for available in speech.availableLocales():
        if available.language() == locale.language():
            speech.setLocale(available)
            break
    speech.moveToThread(target)
    ready.emit(speech)


class CallAnnouncer(QObject):
    """Queue of calls to speak; :attr:`announcing` fires when one starts (the display highlights it)."""

    announcing = Signal(str, int)
    spoken = Signal(str)
    idle = Signal()
    _speech_ready = Signal(object)

    def __init__(
        self,
        texts: HallTexts,
        *,
        repeat: int = 2,
        chime: bool = True,
        engine: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.texts = texts
        self.repeat = max(1, repeat)
        self._queue: deque[_Utterance] = deque()
        self._current: _Utterance | None = None
        self._serial = 0
        self._speech: Any = None
        self._speech_ready.connect(self._adopt_speech)
        self._make_speech(engine)
        self._chime = self._make_chime() if chime else None
        self._guard = QTimer(self, singleShot=True, interval=SPEECH_TIMEOUT_MS)
        self._guard.timeout.connect(lambda: self._done(self._serial, 0))
        self.history: list[str] = []

    # set-up ----------------------------------------------------------------------------------------
    def _make_speech(self, engine: str) -> None:
        """Start the speech engine on a helper thread: some engines (speech-dispatcher without a
        sound server) block for seconds or forever while connecting, and the display must not."""
        if engine == "none":
            return
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:
            log.warning("Qt speech module missing: chime only")
            return
        engines = QTextToSpeech.availableEngines()
        chosen = engine if engine in engines else next((e for e in engines if e != "mock"), "")
        if not chosen:
            log.warning("no speech engine installed: chime only")
            return
        locale = QLocale(_LOCALES.get(self.texts.language, "zh_CN"))
        threading.Thread(
            target=_load_speech,
            args=(chosen, locale, QThread.currentThread(), self._speech_ready),
            name="speech-loader",
            daemon=True,
        ).start()

    @Slot(object)
    def _adopt_speech(self, speech: Any) -> None:
        speech.setParent(self)
        speech.stateChanged.connect(self._speech_state)
        self._speech = speech
        log.info("voice calls through %s", speech.engine())

    def _make_chime(self) -> Any:
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:
            return None
        effect = QSoundEffect(self)
        effect.setSource(QUrl.fromLocalFile(str(paths.SOUNDS / "chime.wav")))
        effect.setVolume(0.8)
        return effect

    @property
    def has_voice(self) -> bool:
        return self._speech is not None

    @property
    def pending(self) -> int:
        return len(self._queue) + (1 if self._current else 0)

    # queue -----------------------------------------------------------------------------------------
    def text_for(self, call: Call) -> str:
        template = RECALL_TEXT if call.recall else CALL_TEXT
        return self.texts.t(
            "Announcer", template, spoken_number(call.number, self.texts.language), call.counter
        )

    def announce(self, call: Call) -> None:
        text = self.text_for(call)
        self._queue.extend(_Utterance(text, call, i == 0) for i in range(self.repeat))
        if self._current is None:
            self._next()

    def _next(self) -> None:
        self._serial += 1
        if not self._queue:
            self._current = None
            self.idle.emit()
            return
        self._current = utterance = self._queue.popleft()
        if utterance.first:
            self.announcing.emit(utterance.call.number, utterance.call.counter)
        if self._chime is not None and utterance.first:
            self._chime.play()
            serial = self._serial
            QTimer.singleShot(CHIME_MS, lambda: self._speak(serial))
        else:
            self._speak(self._serial)

    def _speak(self, serial: int) -> None:
        if serial != self._serial or self._current is None:
            return
        text = self._current.text
        self.history.append(text)
        if self._speech is None:
            self.spoken.emit(text)
            self._done(serial, SILENT_CALL_MS)
            return
        self._guard.start()
        self._speech.say(text)

    @Slot(object)
    def _speech_state(self, state: Any) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if self._current is None or not self._guard.isActive():
            return
        if state == QTextToSpeech.State.Ready:
            self.spoken.emit(self._current.text)
            self._done(self._serial, 300)
        elif state == QTextToSpeech.State.Error:
            log.warning("speech failed; the chime alone carries the calls from now on")
            self._speech = None
            self._done(self._serial, 300)

    def _done(self, serial: int, pause_ms: int) -> None:
        """One utterance is over: after a breath, the next (only once per utterance)."""
        if serial != self._serial:
            return
        self._guard.stop()
        self._serial += 1
        QTimer.singleShot(pause_ms, self._next)
