"""The windows' way to the hall: one worker thread owns the database connection and the services.

Windows never hold a ``Database``: they ``submit(fn, on_done, on_error)`` where ``fn(hall)`` runs on
the worker thread (one service call = one transaction) and the callbacks run on the GUI thread
(Anki's ``taskman`` pattern). Once the hall is open the worker starts its change feed
(``hall.changes``, contract in ``services/ports.py``: SQLite polls ``PRAGMA data_version`` on a
connection of its own, a server pushes) and the client emits :attr:`HallClient.changed` when another
process (or another window of this one) has committed something.

Everything is generic over the hall ``H`` the opener returns (the services, ``services.hall.Hall``,
in the windows): ``submit(lambda h: h.queue.call_next(3), shown)`` is checked by mypy from the
window to the service method and on to the callback that takes its result.

The worker is a plain Python thread so that it can start opening the database (and importing
sqlite-utils) while the GUI thread is still importing Qt widgets: start-up time matters at a counter.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, Protocol, Self, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

if TYPE_CHECKING:  # the profile is an annotation here; the domain module is loaded by then anyway
    from counter_app.domain.profile import HallProfile

T = TypeVar("T")

log = logging.getLogger("counter_app.ui")


class _Changes(Protocol):
    def start(self, on_change: Callable[[frozenset[str]], None]) -> None: ...


class OpenHall(Protocol):
    """What the worker and the client need of the hall they serve (``services.hall.Hall`` has it):
    its profile, its change feed and closing it (which stops the feed)."""

    @property
    def profile(self) -> HallProfile: ...

    @property
    def changes(self) -> _Changes: ...

    def run(self, job: Callable[[Self], T]) -> T: ...

    def close(self) -> None: ...


H = TypeVar("H", bound=OpenHall)

Done = Callable[[T], None]
Failed = Callable[[BaseException], None]


_H_contra = TypeVar("_H_contra", bound=OpenHall, contravariant=True)


class _Request(Protocol[_H_contra]):
    def run(self, hall: _H_contra) -> None: ...

    def refuse(self, exc: BaseException) -> None: ...


class _Call(Generic[H, T]):
    """One request: ``fn(hall)`` on the worker thread, then ``done(result)`` or ``failed(exc)`` there
    (the client's callbacks hand them over to the GUI thread)."""

    def __init__(self, fn: Callable[[H], T], done: Done[T], failed: Failed) -> None:
        self.fn, self.done, self.failed = fn, done, failed

    def run(self, hall: H) -> None:
        try:
            result = hall.run(self.fn)
        except BaseException as exc:
            self.failed(exc)
        else:
            self.done(result)

    def refuse(self, exc: BaseException) -> None:
        self.failed(exc)


class HallWorker(Generic[H]):
    """Runs ``opener()`` then requests, in order, on its own thread."""

    def __init__(self, opener: Callable[[], H], name: str = "hall") -> None:
        self.opener = opener
        self._requests: queue.Queue[_Request[H] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name=f"{name}-worker", daemon=True)
        self.ready = threading.Event()
        self._hall: H | None = None
        self.open_error: BaseException | None = None
        self.on_changed: Callable[[], None] | None = None
        self.on_open_failed: Callable[[BaseException], None] | None = None

    @property
    def hall(self) -> H:
        """The open hall (only once :attr:`ready` is set and :attr:`open_error` is ``None``)."""
        if self._hall is None:
            raise RuntimeError("the hall is not open (yet)")
        return self._hall

    def start(self) -> None:
        if not self._thread.is_alive():
            self._thread.start()

    @property
    def started(self) -> bool:
        return self._thread.is_alive()

    def submit(self, fn: Callable[[H], T], done: Done[T], failed: Failed) -> None:
        self._requests.put(_Call(fn, done, failed))

    def stop(self, timeout: float = 5.0) -> None:
        self._requests.put(None)
        self._thread.join(timeout)

    def _refuse_requests(self, exc: BaseException) -> None:
        """After a failed open, answer every request with the reason instead of leaving it hanging."""
        while True:
            item = self._requests.get()
            if item is None:
                return
            item.refuse(exc)

    def _changed(self, areas: frozenset[str]) -> None:
        """The hall's change feed, on its own thread: tell the windows (a queued Qt signal)."""
        if self.on_changed:
            self.on_changed()

    def _run(self) -> None:
        try:
            hall = self._hall = self.opener()
        except BaseException as exc:  # shown by the launcher as a dialog
            self.open_error = exc
            self.ready.set()
            if self.on_open_failed:
                self.on_open_failed(exc)
            self._refuse_requests(exc)
            return
        self.ready.set()
        try:
            hall.changes.start(self._changed)  # this process's own commits are reported too
            while True:
                item = self._requests.get()
                if item is None:
                    break
                item.run(hall)
        finally:
            hall.close()  # stops the change feed first


class HallClient(QObject, Generic[H]):
    """GUI-thread side of a :class:`HallWorker`: callbacks arrive on the GUI thread."""

    changed = Signal()
    busy_changed = Signal(bool)
    open_failed = Signal(object)
    _reply = Signal(object)  # a Callable[[], None] to run on the GUI thread
    _poked = Signal()
    _failed = Signal(object)

    def __init__(
        self, worker: HallWorker[H], profile: HallProfile | None = None, parent: QObject | None = None
    ) -> None:
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
    def profile(self) -> HallProfile:
        """The hall profile the windows are drawn from (read before the hall finished opening: its
        own tables; the parts' tables in ``raw`` — business types, channels — belong to services)."""
        return self._profile if self._profile is not None else self.worker.hall.profile

    def submit(
        self, fn: Callable[[H], T], on_done: Done[T] | None = None, on_error: Failed | None = None
    ) -> None:
        """Run ``fn(hall)`` on the worker; ``on_done(result)`` or ``on_error(exc)`` on the GUI thread
        (neither once the Qt object a bound-method callback belongs to has been deleted)."""
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self.worker.submit(
            fn,
            lambda value: self._reply.emit(lambda: _settle_done(on_done, value)),
            lambda exc: self._reply.emit(lambda: _settle_error(on_error, exc)),
        )

    def spawn(self, name: str) -> HallClient[H]:
        """A client of the same hall on a worker (and connection) of its own, opened the same way as
        this one: printing or an import there never holds up this client's requests. Started here;
        its owner stops it (``client.worker.stop()``)."""
        worker = HallWorker(self.worker.opener, name=name)
        worker.start()
        return HallClient(worker, self._profile)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    @Slot(object)
    def _deliver(self, settle: Callable[[], None]) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        settle()


def _settle_done(on_done: Done[T] | None, value: T) -> None:
    if on_done is not None and _alive(on_done):
        on_done(value)


def _settle_error(on_error: Failed | None, exc: BaseException) -> None:
    if on_error is None:
        log.error("unhandled error from the hall worker", exc_info=exc)
    elif _alive(on_error):
        on_error(exc)


def _alive(callback: Callable[..., object]) -> bool:
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


class Reload(Generic[H, T]):
    """A window's read of what it shows, coalesced: at most one read in flight, and a request while
    one runs (a burst of changes in the hall) makes one more read once the answer has been shown.

    ``job()`` is called on the GUI thread when a read is sent and returns what runs on the worker,
    so the read carries the window's state of that moment (the display's last announced call);
    the next read is sent only after the previous answer has updated that state.
    """

    def __init__(
        self,
        client: HallClient[H],
        job: Callable[[], Callable[[H], T]],
        on_done: Done[T],
        on_error: Failed,
    ) -> None:
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

    def _done(self, value: T) -> None:
        self._running = False
        try:
            self._on_done(value)
        finally:
            if self._again:
                self()

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        try:
            self._on_error(exc)
        finally:
            if self._again:
                self()
