"""Handing over what a PC did while the hall server was out of reach (交接离线业务), exactly once.

The PC's journal is replayed on the server in the order the actions were done, each in ONE server
transaction that first records its UUID in ``applied_actions`` (``HallRecords.stamp``): a second
hand-over of the same action (a crash between the server's commit and the PC's note of it, or a
``hall sync`` run twice) finds the UUID and changes nothing. Each action runs through the same
services as online, at the time it was done (the server hall's clock is pinned to it).

How each action settles (the rules, also in the README):

1. A ticket issued offline is added with its own fallback number and UUID (never renumbered).
2. A queue action on a ticket the server has where the action expects it is applied.
3. One the server already has (the same call, the same finish) changes nothing.
4. One the server has decided otherwise (another counter took the customer; the day closed the
   ticket) keeps the server's record: the action is recorded as a conflict, counted nowhere else.
5. An action on a number the server does not know yet (its kiosk has not handed its tickets over)
   is parked and tried again at the next hand-over.
6. Applications and payment guidance made offline are copied with their UUIDs and numbers.
7. A print job recorded alone is added with its UUID, for the server's record of what it printed
   (parked until that record is there), with the copy its paper said (original or 补打); its
   outcome settles the server's job. A rating, or a visit's note and outcome, is recorded at the
   time it was given; one the server cannot take (the ticket rated already, or not finished or
   served elsewhere there) is a conflict.
8. Sign-ins made on the PC's copy of the hall's accounts are recorded on the server at the time
   they were made; each wrong secret counts toward the account's lockout there too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from counter_app.domain import queue as queue_rules
from counter_app.domain.errors import AlreadyApplied, HallError, NotFound
from counter_app.domain.offline import ActionStamp, JournalEntry, OfflineAct, Settlement, settle
from counter_app.domain.quality.facts import Rating
from counter_app.domain.quality.records import RatingSource
from counter_app.domain.queue import CounterState
from counter_app.services.clock import Clock, PinnableClock
from counter_app.services.offline import AdoptedTicket
from counter_app.services.ports import HallRecords
from counter_app.services.printing.jobs import record_id

if TYPE_CHECKING:
    from counter_app.services.hall import Hall

log = logging.getLogger("counter_app.link")


@dataclass
class HandOverReport:
    """What one hand-over did: ``replayed`` actions now on the server (applied, already there, or
    settled as conflicts), ``parked`` ones waiting for another PC, and ``stopped`` when the server
    went away again (the rest waits for the next hand-over)."""

    applied: int = 0
    already: int = 0
    conflicts: int = 0
    parked: int = 0
    stopped: str = ""
    details: list[str] = field(default_factory=list)

    @property
    def replayed(self) -> int:
        return self.applied + self.already + self.conflicts


class _Parked(Exception):
    """The server cannot place this action yet."""


class _Conflict(Exception):
    """The server's record stands; the action is recorded as a conflict."""


_ACTS = {
    "queue.call_number": OfflineAct.CALL,
    "queue.start": OfflineAct.START,
    "queue.recall": OfflineAct.RECALL,
    "queue.no_show": OfflineAct.NO_SHOW,
    "queue.finish": OfflineAct.FINISH,
    "queue.transfer": OfflineAct.FINISH,  # a transfer ends the visit at this counter, like a finish
}


class HandOver:
    """Replays ``local``'s journal on ``server`` (a :class:`Hall` on the hall server, its clock a
    :class:`PinnableClock`) as the PC ``pc``."""

    def __init__(self, server: Hall, local: HallRecords, pc: str, now: Clock) -> None:
        if not isinstance(server.clock, PinnableClock):
            raise TypeError("the server hall's clock must be a PinnableClock")
        self.server = server
        self.clock: PinnableClock = server.clock
        self.local = local
        self.pc = pc
        self.now = now

    def run(self, limit: int = 10_000, on_progress: Callable[[int], None] | None = None) -> HandOverReport:
        report = HandOverReport()
        with self.local.read():
            entries = self.local.journal.open_entries(limit)
        store = self.server.store
        with store.read():  # settled by an earlier hand-over cut before this PC noted it
            earlier = store.actions.outcomes([e.uuid for e in entries])
        for done, entry in enumerate(entries, start=1):
            if entry.uuid in earlier:
                state, outcome = self._settled_earlier(earlier[entry.uuid], report)
            else:
                state, outcome = self._settle(entry, report)
            with self.local.write():
                self.local.journal.settle(entry.uuid, state, outcome, self.now())
            if on_progress is not None:
                on_progress(done)
        if report.replayed or report.parked:
            log.info(
                "handed over %d actions (%d applied, %d already there, %d conflicts), %d parked",
                report.replayed,
                report.applied,
                report.already,
                report.conflicts,
                report.parked,
            )
        return report

    # one action ----------------------------------------------------------------------------------
    def _settle(self, entry: JournalEntry, report: HandOverReport) -> tuple[str, str]:
        store = self.server.store
        stamp = ActionStamp(entry.uuid, self.pc, entry.kind, entry.at)
        self.clock.pin(entry.at)
        store.stamp = stamp
        try:
            _HANDLERS[entry.kind](self, entry)
            report.applied += 1
            return "handed_over", "applied"
        except AlreadyApplied as found:
            if found.earlier:  # another hand-over of this PC's took it meanwhile
                store.stamp = None
                with store.read():
                    recorded = store.actions.outcome(entry.uuid)
                return self._settled_earlier(recorded or "applied", report)
            report.already += 1
            return "handed_over", "already"
        except _Parked as why:
            report.parked += 1
            return "parked", str(why)
        except (_Conflict, HallError) as refusal:
            store.stamp = None
            with store.write():
                store.actions.record_conflict(entry.uuid, self.pc, entry.kind, entry.at, self.now())
            report.conflicts += 1
            report.details.append(f"{entry.kind} {entry.payload.get('number', '')}: {refusal}")
            return "conflict", str(refusal)[:500]
        finally:
            store.stamp = None
            self.clock.pin(None)

    @staticmethod
    def _settled_earlier(recorded: str, report: HandOverReport) -> tuple[str, str]:
        """An action the server recorded already (a hand-over cut between the server's commit and
        this PC's note of it): nothing is done again; the PC notes what the server recorded then
        (applied: its effect is this action's; or a conflict)."""
        if recorded == "conflict":
            report.conflicts += 1
            return "conflict", "settled as a conflict by an earlier hand-over"
        report.already += 1
        return "handed_over", "applied"

    def _day(self, entry: JournalEntry) -> date:
        return queue_rules.business_day(entry.at, self.server.profile.hall.day_start)

    def _queue_act(self, entry: JournalEntry) -> None:
        """Settle a queue action against the ticket as the server has it (``domain.offline.settle``)."""
        number = str(entry.payload["number"])
        with self.server.store.read():
            ticket = self.server.store.queue.by_number(self._day(entry), number)
        verdict = settle(
            _ACTS[entry.kind],
            server_state=ticket.state if ticket else None,
            server_counter=ticket.counter if ticket else None,
            counter=int(entry.payload["counter"]),
        )
        if verdict is Settlement.PARK:
            raise _Parked(f"{number} is not on the server yet")
        if verdict is Settlement.CONFLICT:
            assert ticket is not None
            raise _Conflict(f"the server has {number} {ticket.state.value} at counter {ticket.counter}")
        if verdict is Settlement.ALREADY:
            with self.server.store.write():  # records the action as handed over, changes nothing
                pass
            raise AlreadyApplied(entry.uuid)
        _QUEUE_CALLS[entry.kind](self.server, entry)


def _issue(h: HandOver, e: JournalEntry) -> None:
    p = e.payload
    h.server.queue.issue(
        str(p["service"]),
        green=bool(p["green"]),
        green_reason=str(p.get("green_reason", "")),
        source=str(p.get("source", "kiosk")),
        adopt=AdoptedTicket(str(p["ticket"]), str(p["number"])),
    )


def _by_number(h: HandOver, e: JournalEntry, call: Callable[[str], object]) -> None:
    """Requeue and cancel name a ticket, not a counter: the server's rules decide."""
    number = str(e.payload["number"])
    with h.server.store.read():
        known = h.server.store.queue.by_number(h._day(e), number)
    if known is None:
        raise _Parked(f"{number} is not on the server yet")
    call(number)


def _accept(h: HandOver, e: JournalEntry) -> None:
    """Copy an application accepted offline: its number, UUID, history and documents as made."""
    uuid = str(e.payload["application"])
    local, server = h.local, h.server.store
    with local.read():
        record = local.applications.find(str(e.payload["number"]))
        if record is None or record.data.uuid != uuid:
            raise NotFound(f"application {uuid} is not in this PC's store", code="unknown_application")
        events = local.applications.events(record.id)
        documents = local.applications.documents(record.id)
        ticket = local.queue.get(record.data.ticket_id) if record.data.ticket_id is not None else None
    with server.write():
        server_ticket = server.queue.by_number(ticket.business_day, ticket.number) if ticket else None
        data = replace(record.data, ticket_id=server_ticket.id if server_ticket else None)
        app_id = server.applications.insert(data, record.projection, record.updated_at)
        for event in events:
            server.applications.add_event(app_id, event.kind, event.at, event.clerk, event.note, event.detail)
        server.applications.insert_documents(app_id, documents)
        server.outbox.add("applications", {"event": "accepted", "uuid": uuid, "offline": True}, e.at)


def _guidance(h: HandOver, e: JournalEntry) -> None:
    """Copy a payment guidance given offline, with its UUID."""
    uuid = str(e.payload["guidance"])
    with h.local.read():
        record = h.local.guidance.by_uuid(uuid)
        ticket = h.local.queue.get(record.ticket_id) if record and record.ticket_id is not None else None
    if record is None:
        raise NotFound(f"guidance {uuid} is not in this PC's store", code="unknown_guidance")
    server = h.server.store
    with server.write():
        live = server.account_lists.live() if record.on_record else None
        server_ticket = server.queue.by_number(ticket.business_day, ticket.number) if ticket else None
        server.guidance.add(
            account_number=record.account_number,
            list_id=live.id if live else None,
            channels=record.channels,
            withholding_guidance=record.withholding_guidance,
            clerk=record.clerk,
            counter=record.counter,
            ticket_id=server_ticket.id if server_ticket else None,
            ticket_number=record.ticket_number,
            business_day=record.business_day,
            at=record.at,
            uuid=record.uuid,
        )


def _print_start(h: HandOver, e: JournalEntry) -> None:
    """A print job recorded alone, for the server's record of what it printed."""
    p = e.payload
    document, ref = str(p["document"]), dict[str, Any](p["ref"])
    if not ref:  # the PC could not name what it printed (its record gone): nothing to attach it to
        raise _Conflict(f"the {document} printed is not known to this PC")
    server = h.server.store
    with server.read():
        ref_id = record_id(server, document, ref)
    if ref_id is None:
        raise _Parked(f"the {document} printed ({ref}) is not on the server yet")
    with server.write():
        server.prints.add(
            document,
            ref_id,
            str(p["copy"]),
            str(p.get("device", "")),
            str(p.get("clerk", "")),
            e.at,
            str(p["job"]),
        )


def _print_finish(h: HandOver, e: JournalEntry) -> None:
    """Whether a job's paper came out: settles the server's record of the job (by its UUID)."""
    p = e.payload
    job = str(p["job"])
    server = h.server.store
    with server.read():
        status = server.prints.status(job)
    if status is None:
        raise _Parked(f"print job {job} is not on the server yet")
    with server.write():
        settled = server.prints.finish(job, bool(p["ok"]), str(p.get("error", "")), e.at)
    if not settled:  # the server has its outcome already (recorded as handed over, nothing changed)
        raise AlreadyApplied(e.uuid)


def _rate(h: HandOver, e: JournalEntry) -> None:
    """A customer's rating given alone, recorded at the time it was given."""
    p = e.payload
    day, number = date.fromisoformat(str(p["day"])), str(p["number"])
    with h.server.store.read():
        known = h.server.store.queue.by_number(day, number)
    if known is None:
        raise _Parked(f"{number} is not on the server yet")
    h.server.quality.ratings.rate(
        Rating(str(p["level"])),
        number=number,
        day=day,
        reasons=[str(r) for r in p.get("reasons", [])],
        source=RatingSource(str(p.get("source", RatingSource.SCREEN.value))),
    )


def _visit_note(h: HandOver, e: JournalEntry) -> None:
    """The note and outcome of a visit written alone, saved at the time it was written."""
    p = e.payload
    day, number = date.fromisoformat(str(p["day"])), str(p["number"])
    with h.server.store.read():
        known = h.server.store.queue.by_number(day, number)
    if known is None:
        raise _Parked(f"{number} is not on the server yet")
    h.server.quality.desk.save_note(
        int(p["counter"]),
        outcome=p.get("outcome"),
        note=str(p.get("note", "")),
        clerk=str(p.get("clerk", "")),
        number=number,
    )


_QUEUE_CALLS: dict[str, Callable[[Hall, JournalEntry], object]] = {
    "queue.call_number": lambda s, e: s.queue.call_number(
        int(e.payload["counter"]), str(e.payload["number"]), clerk=str(e.payload.get("clerk") or "") or None
    ),
    "queue.start": lambda s, e: s.queue.start_serving(int(e.payload["counter"])),
    "queue.recall": lambda s, e: s.queue.recall(int(e.payload["counter"])),
    "queue.no_show": lambda s, e: s.queue.no_show(int(e.payload["counter"])),
    "queue.finish": lambda s, e: s.queue.finish(int(e.payload["counter"]), number=str(e.payload["number"])),
    "queue.transfer": lambda s, e: s.queue.transfer(
        int(e.payload["counter"]),
        str(e.payload["to_service"]),
        reason=e.payload.get("reason"),
        to_counter=e.payload.get("to_counter"),
    ),
}

_HANDLERS: dict[str, Callable[[HandOver, JournalEntry], None]] = {
    "queue.issue": _issue,
    **{kind: HandOver._queue_act for kind in _QUEUE_CALLS},
    "queue.requeue": lambda h, e: _by_number(
        h, e, lambda n: h.server.queue.requeue(n, clerk=str(e.payload.get("clerk", "")))
    ),
    "queue.cancel": lambda h, e: _by_number(
        h, e, lambda n: h.server.queue.cancel(n, clerk=str(e.payload.get("clerk", "")))
    ),
    "queue.counter": lambda h, e: h.server.queue.set_counter_state(
        int(e.payload["counter"]), CounterState(str(e.payload["state"])), e.payload.get("clerk")
    ),
    "applications.accept": _accept,
    "payments.guidance": _guidance,
    "prints.start": _print_start,
    "prints.finish": _print_finish,
    "quality.rate": _rate,
    "quality.visit_note": _visit_note,
    "users.signed_in": lambda h, e: h.server.users.hand_over_sign_in(
        str(e.payload["code"]), str(e.payload.get("event", "signed_in"))
    ),
    "users.sign_in_failed": lambda h, e: h.server.users.hand_over_failure(str(e.payload["code"])),
}
