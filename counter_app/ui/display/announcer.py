"""Voice calls on the hall display (语音叫号): a chime, then "请 A012 号到 3 号窗口办理".

Calls are queued so two never overlap, each spoken ``voice_repeat`` times in the hall's language.
Without a speech engine (or when it fails) the chime alone plays and the screen highlight carries
the call; without an audio device nothing is heard but the queue still advances on a timer, so a
call is never stuck.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QTimer, QUrl, Signal, SignalInstance, Slot

from counter_app import paths
from counter_app.domain.queue import spoken_number
from counter_app.qt_i18n import HallTexts
from counter_app.ui.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # loaded when first needed: a PC may lack the speech or multimedia module
    from PySide6.QtMultimedia import QSoundEffect
    from PySide6.QtTextToSpeech import QTextToSpeech

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


_PROBE = """
import sys
from PySide6.QtCore import QCoreApplication
from PySide6.QtTextToSpeech import QTextToSpeech
app = QCoreApplication([])
speech = QTextToSpeech(sys.argv[1])
print("ok" if speech.state() != QTextToSpeech.State.Error else "error", flush=True)
"""
PROBE_TIMEOUT_S = 8.0


def _probe_speech(engine: str, ready: SignalInstance) -> None:
    """Try the engine in a child process first: some engines (speech-dispatcher without a sound
    server) block for seconds or forever while connecting, and inside this process that would
    freeze the display. Runs on a daemon thread; emits ``ready(engine)`` when the engine answers."""
    try:
        probe = subprocess.run(
            [sys.executable, "-c", _PROBE, engine],
            capture_output=True,
            text=True,
            timeout=PROBE_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        log.warning("speech engine %s does not answer: chime only", engine)
        return
    if probe.stdout.strip() == "ok":
        ready.emit(engine)
    else:
        log.warning("speech engine %s failed to start: chime only", engine)


class CallAnnouncer(QObject):
    """Queue of calls to speak; :attr:`announcing` fires when one starts (the display highlights it)."""

    announcing = Signal(str, int)
    spoken = Signal(str)
    idle = Signal()
    _speech_ready = Signal(str)

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
        self._speech: QTextToSpeech | None = None
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
        threading.Thread(
            target=_probe_speech, args=(chosen, self._speech_ready), name="speech-probe", daemon=True
        ).start()

    @Slot(str)
    def _adopt_speech(self, engine: str) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        speech = QTextToSpeech(engine, self)
        if speech.state() == QTextToSpeech.State.Error:
            log.warning("speech engine %s failed to start: chime only", engine)
            return
        wanted = QLocale(_LOCALES.get(self.texts.language, "zh_CN"))
        for locale in speech.availableLocales():
            if locale.language() == wanted.language():
                speech.setLocale(locale)
                break
        speech.stateChanged.connect(self._speech_state)
        self._speech = speech
        log.info("voice calls through %s", engine)

    def _make_chime(self) -> QSoundEffect | None:
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:
            return None
        effect = QSoundEffect(self)
        effect.setSource(QUrl.fromLocalFile(str(paths.SOUNDS / "chime.wav")))
        effect.setVolume(0.8)
        return effect

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
    def _speech_state(self, state: QTextToSpeech.State) -> None:
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
