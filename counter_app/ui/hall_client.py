"""The windows' way to the hall: one worker thread owns the database connection and the services.

Windows never hold a ``Database``: they ``submit(fn, on_done, on_error)`` where ``fn(hall)`` runs on
the worker thread (one service call = one transaction) and the callbacks run on the GUI thread
(Anki's ``taskman`` pattern). Once the hall is open the worker starts its change feed
(``hall.changes``, contract in ``services/ports.py``: SQLite polls ``PRAGMA data_version`` on a
connection of its own, a server pushes) and the client emits :attr:`HallClient.changed` when another
process (or another window of this one) has committed something.

The worker is a plain Python thread so that it can start opening the database (and importing
sqlite-utils) while the GUI thread is still importing Qt widgets: start-up time matters at a counter.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

T = TypeVar("T")

log = logging.getLogger("counter_app.ui")

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
Job = Callable[[Any], Any]


class HallWorker:
    """Runs ``opener()`` then requests, in order, on its own thread."""

    def __init__(self, opener: Callable[[], Any], name: str = "hall") -> None:
        self.opener = opener
        """How this worker's hall is opened (the composition root's): a second worker on the same
        hall (printing, an import) opens it the same way, on its own connection."""
        self._requests: queue.Queue[tuple[Callable[[Any], Any], Callable[[bool, Any], None]] | None] = (
            queue.Queue()
        )
        self._thread = threading.Thread(target=self._run, name=f"{name}-worker", daemon=True)
        self.ready = threading.Event()
        self.hall: Any = None
        self.open_error: BaseException | None = None
        self.on_changed: Callable[[], None] | None = None
        self.on_open_failed: Callable[[BaseException], None] | None = None

    def start(self) -> None:
        if not self._thread.is_alive():
            self._thread.start()

    @property
    def started(self) -> bool:
        return self._thread.is_alive()

    def submit(self, fn: Callable[[Any], Any], reply: Callable[[bool, Any], None]) -> None:
        self._requests.put((fn, reply))

    def stop(self, timeout: float = 5.0) -> None:
        self._requests.put(None)
        self._thread.join(timeout)

    def _refuse_requests(self, exc: BaseException) -> None:
        """After a failed open, answer every request with the reason instead of leaving it hanging."""
        while True:
            item = self._requests.get()
            if item is None:
                return
            item[1](False, exc)

    def _changed(self, areas: frozenset[str]) -> None:
        """The hall's change feed, on its own thread: tell the windows (a queued Qt signal)."""
        if self.on_changed:
            self.on_changed()

    def _run(self) -> None:
        try:
            self.hall = self.opener()
        except BaseException as exc:  # shown by the launcher as a dialog
            self.open_error = exc
            self.ready.set()
            if self.on_open_failed:
                self.on_open_failed(exc)
            self._refuse_requests(exc)
            return
        self.ready.set()
        try:
            self.hall.changes.start(self._changed)  # this process's own commits are reported too
            while True:
                item = self._requests.get()
                if item is None:
                    break
                fn, reply = item
                try:
                    result = fn(self.hall)
                except BaseException as exc:
                    reply(False, exc)
                else:
                    reply(True, result)
        finally:
            self.hall.close()  # stops the change feed first


class HallClient(QObject):
    """GUI-thread side of a :class:`HallWorker`: callbacks arrive on the GUI thread."""

    changed = Signal()
    busy_changed = Signal(bool)
    open_failed = Signal(object)
    _reply = Signal(object, bool, object)
    _poked = Signal()
    _failed = Signal(object)

    def __init__(self, worker: HallWorker, profile: Any = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self._profile = profile
        self._pending = 0
        self._reply.connect(self._deliver)
        self._poked.connect(self.changed)
        self._failed.connect(self.open_failed)
        worker.on_changed = self._poked.emit
        worker.on_open_failed = self._failed.emit

    @property
    def profile(self) -> Any:
        """The hall profile the windows are drawn from (read before the hall finished opening: its
        own tables; the parts' tables in ``raw`` — business types, channels — belong to services)."""
        return self._profile if self._profile is not None else self.worker.hall.profile

    def submit(self, fn: Job, on_done: Done | None = None, on_error: Failed | None = None) -> None:
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        callbacks = (on_done, on_error)
        self.worker.submit(fn, lambda ok, value: self._reply.emit(callbacks, ok, value))

    @property
    def busy(self) -> bool:
        return self._pending > 0

    @Slot(object, bool, object)
    def _deliver(self, callbacks: tuple[Done | None, Failed | None], ok: bool, value: Any) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        on_done, on_error = callbacks
        callback = on_done if ok else on_error
        if callback is not None and not _alive(callback):
            return  # its window was closed while the worker ran: nobody to tell
        if ok:
            if on_done:
                on_done(value)
        elif on_error:
            on_error(value)
        else:
            log.error("unhandled error from the hall worker", exc_info=value)


def _alive(callback: Callable[..., Any]) -> bool:
    """False for a bound method of a Qt object that has been deleted (a closed dialog or panel)."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


def while_alive(widget: QObject, fn: Callable[[T], object]) -> Callable[[T], None]:
    """``fn`` (any callable, a lambda too) as a worker callback that does nothing once ``widget`` is
    gone: a reply can arrive after the panel or dialog that asked was closed and deleted."""

    def call(value: T) -> None:
        if shiboken6.isValid(widget):
            fn(value)

    return call


class Reload:
    """A window's read of what it shows, coalesced: at most one read in flight, and a request while
    one runs (a burst of changes in the hall) makes one more read once the answer has been shown.

    ``job()`` is called on the GUI thread when a read is sent and returns what runs on the worker,
    so the read carries the window's state of that moment (the display's last announced call);
    the next read is sent only after the previous answer has updated that state.
    """

    def __init__(self, client: HallClient, job: Callable[[], Job], on_done: Done, on_error: Failed) -> None:
        self._client = client
        self._job = job
        self._on_done = on_done
        self._on_error = on_error
        self._running = False
        self._again = False

    def __call__(self) -> None:
        if self._running:
            self._again = True
            return
        self._running, self._again = True, False
        self._client.submit(self._job(), self._done, self._failed)

    def _done(self, value: Any) -> None:
        self._settle(self._on_done, value)

    def _failed(self, exc: BaseException) -> None:
        self._settle(self._on_error, exc)

    def _settle(self, callback: Callable[[Any], None], value: Any) -> None:
        self._running = False
        try:
            callback(value)
        finally:
            if self._again:
                self()
