"""A PC of a hall with a server: the server's hall while it answers, its own store while it does not.

:class:`HallLink` owns the two: the hall on the server (opened when it can be, reopened after an
outage) and this PC's own store with its :class:`~counter_app.services.offline.OfflineDesk`. It
knows whether the server answers (``ServerWatch``: a heartbeat and ``LISTEN``, ~3 s to notice a
pulled cable; a failing action tells it at once), keeps a copy of the day's open tickets while
online (what a counter works from when the server goes away, with which of them have a slip
printed, so a slip printed again alone says 补打) and of the hall's sign-in accounts (hashes, roles,
lockouts: signing in works alone), and hands the journal over as soon as the server is back,
before any new action.

:class:`LinkedHall` is what the windows and the command line get: a :class:`Hall` whose services
are the server's or the PC's own, switched between jobs (never during one). A job that meets a
server gone away mid-action runs again, once, on the PC's own store: no click is lost. (If the
server had committed it in the very instant it went away, the hand-over finds the effect already
there for everything but a ticket number: that one stays on the server as an unclaimed number,
closed with the day.)

The switch is visible: :meth:`HallLink.status` says which store works and since when, and the
change feed reports ``"link"`` whenever that changes, so every window can say so at once.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Protocol, Self, TypeVar

from counter_app.domain import queue as queue_rules
from counter_app.domain.errors import RuleViolation, StoreUnavailable
from counter_app.domain.offline import next_tag, parse_fallback
from counter_app.domain.profile import HallProfile
from counter_app.services.clock import Clock
from counter_app.services.hall import Hall, sync_profile
from counter_app.services.hand_over import HandOver, HandOverReport
from counter_app.services.offline import OfflineDesk
from counter_app.services.payments.account_copy import copy_live_list
from counter_app.services.ports import ChangeFeed, HallRecords

log = logging.getLogger("counter_app.link")

T = TypeVar("T")
LINK_AREA = "link"
MIRROR_EVERY_S = 1.0
RETRY_PARKED_S = 5.0
TICKET_PAPER = "ticket"  # the print jobs' document of a ticket slip (services/printing/tickets.py)


class ServerWatchFeed(Protocol):
    """The server's push and heartbeat (``store/postgres/changes.ServerWatch``)."""

    def start(
        self,
        on_change: Callable[[frozenset[str]], None],
        on_status: Callable[[bool, datetime], None] | None = None,
    ) -> None: ...

    def stop(self) -> None: ...

    def version(self) -> int: ...


@dataclass(frozen=True)
class LinkStatus:
    """What a window's banner and ``hall status`` say."""

    server_up: bool
    since: datetime | None
    pc: str
    tag: str
    pending: int
    parked: int
    oldest_pending: datetime | None
    last_hand_over: HandOverReport | None
    """The hand-over this process made last (``None``: none since it started)."""
    handed_over: int = 0
    """Actions of this PC handed over so far (applied, already there, or settled as conflicts)."""
    conflicts: int = 0
    last_handed_over_at: datetime | None = None
    """When the last of them was handed over, by this process or an earlier one."""


class HallLink:
    """The PC's way to its hall: ``open_server()`` opens the server's hall (raising
    :class:`StoreUnavailable` while it cannot be reached); ``local`` is the PC's own store."""

    def __init__(
        self,
        *,
        open_server: Callable[[], Hall],
        local: HallRecords,
        local_path: Path,
        watch: ServerWatchFeed,
        pc: str,
        clock: Clock,
    ) -> None:
        self._open_server = open_server
        self.local = local
        self.local_path = local_path
        self.watch = watch
        self.pc = pc
        self.clock = clock
        self.server: Hall | None = None
        self.offline: Hall | None = None
        self._up: bool | None = None
        self._since: datetime | None = None
        self._lock = threading.Lock()
        self._want_mirror = True
        self._mirrored_at = 0.0
        self.last_hand_over: HandOverReport | None = None
        self._handed_at = 0.0

    # which hall works now ---------------------------------------------------------------------------
    def current(self) -> Hall:
        """The hall the next job runs on (on the worker thread, between jobs). Once the watch has
        seen the server go, the next job runs alone without waiting on the dead connection; a
        hand-over or copy of the line cut by the server going away leaves the job to this PC."""
        if self.server is not None and self._up is False:
            self._drop_server()
        if self.server is None and self._up is not False:
            self._connect()
        if self.server is not None:
            try:
                self._after_reconnect()
                self._mirror_if_due(self.server)
            except StoreUnavailable as exc:  # gone while catching up: the job runs alone, like a cut one
                if exc.reason != "server_down" or not self.went_down(exc):
                    raise
            else:
                return self.server
        return self._offline_hall()

    def went_down(self, exc: BaseException) -> bool:
        """A job met the server gone away: work alone from now on. ``False`` when there is no
        offline hall to turn to (this PC never joined the hall)."""
        log.warning("hall server unreachable during an action: %s", exc)
        self._drop_server()
        self._set_status(False)
        return self._tag() is not None

    def _connect(self) -> None:
        try:
            server = self._open_server()
        except StoreUnavailable as exc:
            log.info("hall server not reachable: %s", exc.reason)
            self._set_status(False)
            return
        self.server = server
        try:
            self._register(server)
        except StoreUnavailable as exc:
            if exc.reason != "server_down":
                raise
            log.info("hall server lost while joining it: %s", exc)
            self._drop_server()
            self._set_status(False)
            return
        self._set_status(True)

    def _drop_server(self) -> None:
        if self.server is not None:
            try:
                self.server.close()
            except Exception:  # a dead connection may fail to close; it is gone either way
                log.debug("closing the lost server connection failed", exc_info=True)
            self.server = None

    def _offline_hall(self) -> Hall:
        tag = self._tag()
        if tag is None:
            raise StoreUnavailable(
                "The hall server cannot be reached and this PC has never joined the hall, so it cannot "
                "work alone yet. Check the network cable and the server.",
                reason="server_down",
            )
        if self.offline is None:
            profile = self._local_profile()
            self.offline = Hall(
                store=self.local,
                profile=profile,
                path=self.local_path,
                clock=self.clock,
                desk=OfflineDesk(self.pc, tag),
            )
        return self.offline

    def _local_profile(self) -> HallProfile:
        """The profile this PC copied from the server (its windows keep to it while alone)."""
        return sync_profile(self.local, None, self.clock)

    # joining the hall ---------------------------------------------------------------------------------
    def _tag(self) -> str | None:
        with self.local.read():
            identity = self.local.journal.identity()
        return identity.tag if identity else None

    def _register(self, server: Hall) -> None:
        """This PC's tag on the server (made once), remembered in its own store; the server's
        profile copied too, so the PC can draw its windows while the server is away."""
        store = server.store
        now = self.clock()
        for _ in range(20):
            with store.write():
                tag = store.actions.pc_tag(self.pc)
                if tag is None:
                    candidate = next_tag(store.actions.tags())
                    if not store.actions.add_pc(self.pc, candidate, "", now):
                        continue
                    tag = candidate
                else:
                    store.actions.seen(self.pc, now)
            break
        else:
            raise RuleViolation("Could not register this PC with the hall server.", code="pc_not_registered")
        with store.read():
            stored = store.profile.stored()
        with self.local.write():
            known = self.local.journal.identity()
            if known is None or known.tag != tag or known.name != self.pc:
                self.local.journal.set_identity(self.pc, tag, "server", now)
            if stored is not None:
                text, parts, _ = stored
                mine = self.local.profile.stored()
                if mine is None or mine[2] != stored[2]:
                    self.local.profile.save(text, parts, server.profile, "hall server", now)
        self.offline = None  # rebuilt with the tag and profile when next needed
        self._copy_account_list(server)
        self._copy_users(server)

    def _copy_account_list(self, server: Hall) -> None:
        """This PC's own copy of the hall's live account list (searched also while the server is away)."""
        try:
            copy_live_list(server.store, self.local)
        except StoreUnavailable as exc:
            log.warning("account list not copied from the hall server: %s", exc)

    def _copy_users(self, server: Hall) -> None:
        """This PC's copy of the hall's sign-in accounts (hashes, role, active, lockout; never a
        secret), so signing in and the role checks work the same while the server is away."""
        with server.store.read():
            accounts = server.store.users.all_users()
        with self.local.write():
            written = self.local.users.copy_from_hall(accounts, self.clock())
        if written:
            log.info("copied %d sign-in accounts from the hall server", written)

    # status ---------------------------------------------------------------------------------------------
    def _set_status(self, up: bool) -> None:
        with self._lock:
            if self._up is up:
                return
            self._up, self._since = up, self.clock()
        if up:
            log.info("working with the hall server since %s", self._since)
        else:
            log.warning("working ALONE (the hall server cannot be reached) since %s", self._since)

    def on_watch_status(self, up: bool, since: datetime) -> None:
        """The server watch's word (its own thread): the worker acts on it before the next job."""
        with self._lock:
            if up:
                self._up = None if self._up is False else self._up  # try the server again
            else:
                self._up, self._since = False, since
        server = self.server
        if not up and server is not None:
            server.store.sever()  # a job waiting on the lost server fails now and runs here alone

    def status(self) -> LinkStatus:
        with self.local.read():
            counts = self.local.journal.counts()
            identity = self.local.journal.identity()
            settled = self.local.journal.settled()
            last_settled = self.local.journal.last_settled()
        return LinkStatus(
            server_up=self.server is not None and self._up is not False,
            since=self._since,
            pc=self.pc,
            tag=identity.tag if identity else "",
            pending=counts.pending,
            parked=counts.parked,
            oldest_pending=counts.oldest,
            last_hand_over=self.last_hand_over,
            handed_over=settled.get("handed_over", 0) + settled.get("conflict", 0),
            conflicts=settled.get("conflict", 0),
            last_handed_over_at=last_settled,
        )

    # the hand-over and the copy of the line ---------------------------------------------------------------
    def _after_reconnect(self) -> None:
        """Hand over what waits before any new action; parked actions (waiting for another PC's
        hand-over) are tried again every :data:`RETRY_PARKED_S` seconds, not before every job."""
        with self.local.read():
            counts = self.local.journal.counts()
        retry_parked = counts.parked and time.monotonic() - self._handed_at >= RETRY_PARKED_S
        if counts.pending or retry_parked:
            self.hand_over()

    def hand_over(self) -> HandOverReport:
        """Replay this PC's journal on the server now (``hall sync``)."""
        if self.server is None:
            self._connect()
        if self.server is None:
            raise StoreUnavailable(
                "The hall server cannot be reached (network or server down): nothing was handed over. "
                "This PC's actions wait in its journal and go over as soon as the server answers.",
                reason="server_down",
            )
        server = self.server
        try:
            assert server.gate is not None
            with server.gate.handing_over():  # each action was checked when it was done
                report = HandOver(server, self.local, self.pc, self.clock).run()
        except StoreUnavailable as exc:
            if exc.reason == "server_down":
                self.went_down(exc)
            raise
        self.last_hand_over = report
        self._handed_at = time.monotonic()
        self._want_mirror = True
        return report

    def note_change(self) -> None:
        self._want_mirror = True

    def _mirror_if_due(self, server: Hall) -> None:
        if not self._want_mirror or time.monotonic() - self._mirrored_at < MIRROR_EVERY_S:
            return
        self._want_mirror = False
        self._mirrored_at = time.monotonic()
        now = self.clock()
        day = queue_rules.business_day(now, server.profile.hall.day_start)
        with server.store.read():
            tickets = server.store.queue.open_tickets(day)
            papers = server.store.prints.papers_of(TICKET_PAPER, [t.id for t in tickets])
        numbers = {t.id: t.number for t in tickets}
        with self.local.write():
            self.local.queue.mirror(day, tickets, _series)
            known = self.local.prints.known(list(papers.values()))
            for ticket_id, job in papers.items():  # a slip printed there: printed alone it says 补打
                if job in known:
                    continue
                mine = self.local.queue.by_number(day, numbers[ticket_id])
                if mine is not None:
                    self.local.prints.copy_paper(job, TICKET_PAPER, mine.id, now)
        self._copy_account_list(server)
        self._copy_users(server)

    def close(self) -> None:
        self.watch.stop()
        if self.server is not None:  # a list imported by this process is this PC's own copy too
            self._copy_account_list(self.server)
        self._drop_server()
        if self.offline is not None:
            self.offline.accounts.close()
        self.local.close()


def _series(number: str) -> tuple[str, int]:
    fallback = parse_fallback(number)
    if fallback is not None:
        return fallback.prefix + fallback.tag, fallback.seq
    parsed = queue_rules.parse_number(number)
    if parsed is None:
        raise ValueError(f"not a ticket number: {number!r}")
    return parsed


class _LinkFeed:
    """The linked hall's change feed: the server's push and status, and this PC's own commits while
    it works alone (its own store's feed)."""

    def __init__(self, link: HallLink) -> None:
        self.link = link

    def start(self, on_change: Callable[[frozenset[str]], None]) -> None:
        def changed(areas: frozenset[str]) -> None:
            self.link.note_change()
            on_change(areas)

        def status(up: bool, since: datetime) -> None:
            self.link.on_watch_status(up, since)
            on_change(frozenset({LINK_AREA, "*"}))

        self.link.watch.start(changed, status)
        self.link.local.changes.start(on_change)

    def stop(self) -> None:
        self.link.watch.stop()
        self.link.local.changes.stop()

    def version(self) -> int:
        return self.link.watch.version()


class LinkedHall(Hall):
    """A :class:`Hall` whose services are those of the hall the link says works now."""

    def __init__(self, link: HallLink) -> None:  # not the dataclass's: the services come from a hall
        self.link = link
        self._feed: ChangeFeed = _LinkFeed(link)
        self._target: Hall | None = None
        self._use(link.current())

    def _use(self, hall: Hall) -> None:
        before = self.gate if self._target is not None else None
        for f in fields(Hall):
            setattr(self, f.name, getattr(hall, f.name))
        self._target = hall
        if before is not None and hall.gate is not None and hall.gate is not before:
            # one member of staff signed in (or out) across the switch, on either hall
            hall.gate.signed_in = before.signed_in

    @property
    def changes(self) -> ChangeFeed:
        return self._feed

    def run(self, job: Callable[[Self], T]) -> T:
        target = self.link.current()
        if target is not self._target:
            self._use(target)
        try:
            return job(self)
        except StoreUnavailable as exc:
            if (
                exc.reason != "server_down"
                or self._target is not self.link.server
                or self.link.server is None
            ):
                raise
            if not self.link.went_down(exc):
                raise
            self._use(self.link.current())
            return job(self)  # once more, on this PC's own store

    @property
    def alone(self) -> bool:
        """Whether the services in use now are this PC's own (the server could not be reached)."""
        return self.link.server is None or self._target is not self.link.server

    def link_status(self) -> LinkStatus:
        return self.link.status()

    def close(self) -> None:
        self.link.close()
