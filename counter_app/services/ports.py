"""What the services need of the store, in their own words: one Protocol per repository and the hall's
store as a whole (:class:`HallRecords`).

The services are typed on these and on nothing of ``store/``: the embedded SQLite file and the hall's
PostgreSQL server both sit behind them (``store/hall_store.py`` builds either), and a test may hand in
anything with these methods. Every value going in or out is a domain value (``domain/``); times are
aware ``datetime`` values, days ``date`` values.

A unit of work is ``with store.write():`` (one user action, all or nothing) or ``with store.read():``
(several reads from one snapshot); repository methods run inside one of them, on the thread that
opened the store.

**Change feed contract** (:class:`ChangeFeed`, ``store.changes``): ``start(on_change)`` makes the
feed call ``on_change(areas)`` on a thread of its own each time the hall's data changed — a commit by
any process of the hall, this one's included — with the areas that changed (``{"queue"}``,
``{"applications"}`` …, or ``{"*"}`` when the engine cannot tell: SQLite). The callback must return
quickly and must not touch the store (hand it on: a Qt signal, a queue). Changes close together may
come as one call; none is reported after ``stop()`` returns. ``version()`` is a number that changes
when someone else has committed, for a cheap "anything new?" without starting the feed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from counter_app.domain.applications.detail import StaffMember
from counter_app.domain.applications.records import (
    ApplicationData,
    ApplicationRecord,
    DocumentRecord,
    EventRecord,
    Projection,
)
from counter_app.domain.applications.worklist import WorklistCounts, WorklistFilter, WorklistRow
from counter_app.domain.backups import BackupCopy, FileCheck, Restored
from counter_app.domain.errors import StoreUnavailable
from counter_app.domain.offline import ActionStamp, JournalCounts, JournalEntry, PcIdentity
from counter_app.domain.outbox import OutboxEvent
from counter_app.domain.payments.accounts import Account, AccountValues
from counter_app.domain.payments.guidance import (
    AccountListRecord,
    BuiltList,
    GuidanceChannel,
    GuidanceFigures,
    GuidanceRecord,
)
from counter_app.domain.payments.search import SearchClause
from counter_app.domain.payments.shelved import ShelvedList
from counter_app.domain.profile import HallProfile
from counter_app.domain.quality.facts import Rating, Visit
from counter_app.domain.quality.records import (
    CounterNow,
    DayRecord,
    FinishedTicket,
    Handover,
    RatingPrompt,
    RatingRecord,
    RatingSource,
    VisitNote,
    VisitOutcome,
    WaitingLine,
)
from counter_app.domain.quality.summary import QualitySummary
from counter_app.domain.queue import Candidate, Counter, CounterState, QueueEvent, Ticket, TicketState
from counter_app.domain.workdays import HolidaySchedule
from counter_app.services.sign_in_ports import AuditRecords, UserRecords


class QueueRecords(Protocol):
    """Tickets, counters, number sequences and the queue's history."""

    def next_seq(self, day: str, prefix: str) -> int: ...

    def tickets_after(self, day: date) -> list[tuple[Ticket, str]]:
        """Tickets of business days after ``day`` with their number series (a day repair)."""

    def closed_by_day_change(self, day: date) -> list[Ticket]:
        """Tickets of ``day`` cancelled because a later day began."""

    def move_ticket(self, ticket_id: int, day: date, prefix: str, seq: int, number: str) -> Ticket: ...

    def forget_days_after(self, day: date) -> None: ...

    def next_queue_order(self) -> int: ...

    def insert_ticket(
        self,
        *,
        day: date,
        prefix: str,
        seq: int,
        number: str,
        service_code: str,
        green: bool,
        green_reason: str,
        queue_order: int,
        at: datetime,
        source: str,
        uuid: str | None = None,
    ) -> Ticket: ...

    def get(self, ticket_id: int) -> Ticket | None: ...

    def open_tickets(self, day: date) -> list[Ticket]: ...

    def mirror(
        self, day: date, tickets: Sequence[Ticket], series: Callable[[str], tuple[str, int]]
    ) -> None: ...

    def by_number(self, day: date, number: str) -> Ticket | None: ...

    def active_at(self, counter: int) -> Ticket | None: ...

    def all_active(self) -> list[Ticket]: ...

    def line_heads(self, day: date, services: Iterable[str]) -> list[Candidate]: ...

    def waiting(self, day: date, *service_codes: str, limit: int = 200) -> list[Ticket]: ...

    def ahead_of(self, ticket: Ticket) -> int: ...

    def waiting_counts(self, day: date) -> dict[str, int]: ...

    def calls_today(self, day: date, counter: int) -> dict[str, int]: ...

    def average_service_minutes(self, service_code: str, window: int) -> float | None: ...

    def update_ticket(
        self, ticket_id: int, expected: Sequence[TicketState], **fields: Any
    ) -> Ticket | None: ...

    def stale_open_days(self, day: date) -> list[Ticket]: ...

    def latest_business_day(self) -> date | None: ...

    def counter_row(self, number: int) -> tuple[CounterState, str, bool] | None: ...

    def counters(self, services_of: dict[int, tuple[str, ...]]) -> list[Counter]: ...

    def set_counter(self, number: int, state: CounterState, clerk: str | None, at: datetime) -> None: ...

    def add_event(
        self,
        kind: str,
        at: datetime,
        *,
        ticket: Ticket | None = None,
        counter: int | None = None,
        clerk: str = "",
        detail: dict[str, Any] | None = None,
    ) -> None: ...

    def events_after(self, last_id: int, kinds: Sequence[str], limit: int = 50) -> list[QueueEvent]: ...

    def recent_events(self, kinds: Sequence[str], since: datetime, limit: int) -> list[QueueEvent]: ...

    def last_event_id(self) -> int: ...

    def counter_figures(self, day: date, counter: int) -> tuple[int, int, float | None, float | None]: ...


class ApplicationRecords(Protocol):
    """Applications, their history, documents, accesses to personal data and settings."""

    def next_seq(self, day: date, prefix: str) -> int: ...

    def insert(self, data: ApplicationData, projection: Projection, at: datetime) -> int: ...

    def by_id(self, application_id: int) -> ApplicationRecord | None: ...

    def find(self, key: str, *, lock: bool = False) -> ApplicationRecord | None: ...

    def update_projection(
        self, application_id: int, expected_version: int, projection: Projection, at: datetime
    ) -> bool: ...

    def set_due(self, application_id: int, projection: Projection) -> None: ...

    def open_ids(self) -> list[int]: ...

    def pause_periods(
        self, account_number: str, business_types: Sequence[str]
    ) -> list[tuple[date, date]]: ...

    def add_event(
        self,
        application_id: int,
        kind: str,
        at: datetime,
        clerk: str,
        note: str = "",
        detail: dict[str, Any] | None = None,
    ) -> int: ...

    def events(self, application_id: int) -> list[EventRecord]: ...

    def insert_documents(self, application_id: int, documents: Sequence[DocumentRecord]) -> None: ...

    def documents(self, application_id: int) -> list[DocumentRecord]: ...

    def collect_document(self, application_id: int, code: str, at: datetime, clerk: str) -> bool: ...

    def add_access(
        self, application_id: int, at: datetime, clerk: str, role: str, unmasked: bool, purpose: str
    ) -> None: ...

    def add_outbox(self, topic: str, payload: dict[str, Any], at: datetime) -> None: ...

    def calendar_key(self) -> str | None: ...

    def set_calendar_key(self, key: str) -> None: ...


class WorklistRecords(Protocol):
    """The worklist's reads: one page, its total, the hall's counts, the owners."""

    def page(self, f: WorklistFilter, limit: int, offset: int = 0) -> list[WorklistRow]: ...

    def count(self, f: WorklistFilter) -> int: ...

    def hall_counts(self, today: date, soon_until: date, owner: str) -> WorklistCounts: ...

    def owners(self) -> list[str]: ...


class StaffRecords(Protocol):
    def staff(self, code: str) -> StaffMember | None: ...

    def all_staff(self) -> list[StaffMember]: ...

    def save_staff(self, code: str, name: str, role: str, active: bool, at: datetime, kind: str) -> None: ...


class PrintRecords(Protocol):
    def paper_may_exist(self, document: str, ref_id: int) -> bool: ...

    def add(
        self,
        document: str,
        ref_id: int,
        copy: str,
        device: str,
        clerk: str,
        at: datetime,
        uuid: str | None = None,
    ) -> int: ...

    def finish(self, uuid: str, ok: bool, error: str, at: datetime) -> bool: ...

    def status(self, uuid: str) -> str | None: ...

    def papers_of(self, document: str, ref_ids: Sequence[int]) -> dict[int, str]: ...

    def known(self, uuids: Sequence[str]) -> set[str]: ...

    def copy_paper(self, uuid: str, document: str, ref_id: int, at: datetime) -> None: ...

    def jobs_for(self, document: str, ref_id: int) -> list[tuple[int, str, str, str]]: ...


class GuidanceRecords(Protocol):
    def add(
        self,
        *,
        account_number: str,
        list_id: int | None,
        channels: Sequence[GuidanceChannel],
        withholding_guidance: bool,
        clerk: str,
        counter: int | None,
        ticket_id: int | None,
        ticket_number: str,
        business_day: date,
        at: datetime,
        uuid: str | None = None,
    ) -> GuidanceRecord: ...

    def get(self, guidance_id: int) -> GuidanceRecord | None: ...

    def by_uuid(self, uuid: str) -> GuidanceRecord | None: ...

    def figures(self, start: date, end: date) -> GuidanceFigures: ...


class AccountListRegister(Protocol):
    """Which account lists were imported, and which one is live."""

    def live(self) -> AccountListRecord | None: ...

    def history(self, limit: int = 20) -> list[AccountListRecord]: ...

    def superseded_files(self) -> set[str]: ...

    def make_live(self, record: AccountListRecord) -> AccountListRecord: ...

    def add_outbox(self, topic: str, payload: dict[str, Any], at: datetime) -> None: ...


class AccountListReader(Protocol):
    """One account list file, read-only."""

    def get(self, number: str) -> Account | None: ...

    def search(self, clause: SearchClause, limit: int) -> list[Account]: ...

    def close(self) -> None: ...


class AccountListBuild(Protocol):
    """A new account list file being written; nothing reads it until it is made live."""

    rows: int

    def add(self, rows: Sequence[AccountValues]) -> None: ...

    def finish(
        self, base: Path | None, data_as_of: date | None, meta: dict[str, str], phase: Callable[[str], None]
    ) -> BuiltList: ...

    def discard(self) -> None: ...


class AccountListFiles(Protocol):
    """This PC's account list files (beside its local hall file, whatever the hall's engine)."""

    def path(self, file: str) -> Path: ...

    def exists(self, file: str) -> bool: ...

    def open(self, file: str) -> AccountListReader: ...

    def builder(self, list_uuid: str) -> AccountListBuild: ...

    def sweep(self, live: str | None, superseded: set[str]) -> list[str]: ...

    def digest(self, file: str) -> str | None: ...

    def receive(self, file: str, expected: ShelvedList, chunks: Iterable[bytes]) -> Path: ...

    def unavailable(self, exc: OSError) -> StoreUnavailable: ...


class AccountListShelfRecords(Protocol):
    """The hall server's copies of the list files, from which each PC takes its own (none on the
    embedded file: ``shelved`` is always ``None`` there)."""

    def put(self, list_id: int, path: Path) -> ShelvedList | None: ...

    def shelved(self, list_id: int) -> ShelvedList | None: ...

    def chunk(self, list_id: int, position: int) -> bytes | None: ...


class ProfileRecords(Protocol):
    def stored(self) -> tuple[str, dict[str, str], str] | None: ...

    def digest(self, text: str, parts: dict[str, str]) -> str: ...

    def save(
        self, text: str, parts: dict[str, str], profile: HallProfile, source: str, now: datetime
    ) -> None: ...


class CalendarRecords(Protocol):
    def schedules(self) -> tuple[HolidaySchedule, ...]: ...

    def digest(self) -> str: ...

    def save(self, schedule: HolidaySchedule, loaded_from: str, at: datetime) -> str | None: ...


class HallMetaRecords(Protocol):
    def get(self, key: str) -> str | None: ...

    def put(self, key: str, value: str, at: datetime) -> None: ...

    def record_counts(self) -> dict[str, int]: ...

    def last_queue_event_at(self) -> datetime | None: ...


class OutboxRecords(Protocol):
    def add(self, topic: str, payload: dict[str, Any], at: datetime) -> None: ...

    def pending(self, limit: int, after: int = 0) -> list[OutboxEvent]:
        """The oldest events not yet acknowledged with an id above ``after``, in id order (at most
        ``limit``)."""

    def acknowledge(self, uuids: Sequence[str], at: datetime) -> int:
        """Mark these events acknowledged (inside the caller's write); how many were still waiting."""

    def waiting(self) -> tuple[int, datetime | None]:
        """How many events wait for an acknowledgement, and since when (the oldest's time)."""


class HallFiles(Protocol):
    """The hall's embedded files as files (SQLite only: the hall server is backed up by PostgreSQL's
    own tools): backup sets, checks, restore (``store/sqlite/backup.py``)."""

    @property
    def path(self) -> Path: ...

    def backup(
        self, folder: Path, lists: Sequence[str], anchor: str | None, keep: int, now: datetime
    ) -> BackupCopy: ...

    def check(self, full: bool) -> list[FileCheck]: ...

    def restore(self, backup: Path, now: datetime) -> Restored: ...

    def newest_good(self, folder: Path) -> Path | None: ...

    def written_mark(self) -> tuple[int, ...]:
        """Changes whenever the hall file is written (to back up only a hall that changed)."""


class UnitOfWork(Protocol):
    """One user action (``write``) or one consistent read (``read``) on the hall's store: what a
    service needs of :class:`HallRecords` when it works on one repository only."""

    def write(self) -> contextlib.AbstractContextManager[object]: ...

    def read(self) -> contextlib.AbstractContextManager[object]: ...


class QualityVisitRecords(Protocol):
    """The queue's history as visits (service quality's reads of tickets, events, ratings and
    hand-overs), what changed since a watermark, and the counters open over a day."""

    def visits(self, first: date, last: date) -> list[Visit]: ...

    def visits_by_ticket(self, first: date, last: date) -> dict[int, Visit]: ...

    def visits_of(self, ticket_ids: Iterable[int], day: date) -> dict[int, Visit]: ...

    def watermarks(self) -> tuple[int, int, int]: ...

    def day_counts(self, day: date) -> tuple[int, int, int]: ...

    def changed_since(
        self, since: tuple[int, int, int], day: date
    ) -> tuple[set[int], tuple[int, int, int]]: ...

    def ticket_days(self, first: date, last: date) -> list[date]: ...

    def latest_ticket_day(self) -> date | None: ...

    def first_ticket_day(self) -> date | None: ...

    def counter_numbers(self) -> list[int]: ...

    def counter_states(
        self, start: datetime, end: datetime
    ) -> tuple[dict[int, str], list[tuple[int, str, datetime]]]: ...

    def business_days_of(self, ticket_ids: Iterable[int]) -> set[date]: ...


class QualityDayRecords(Protocol):
    """Stored day summaries of service quality: a cache of figures per closed day."""

    def summarised_days(self, first: date, last: date) -> set[date]: ...

    def save_day(
        self,
        day: date,
        summary: QualitySummary,
        counter_minutes: Mapping[int, float],
        targets: Mapping[str, Any],
        at: datetime,
    ) -> None: ...

    def day_fingerprint(self, day: date) -> tuple[int, ...]: ...

    def forget_days(self, days: Iterable[date]) -> None: ...

    def stored_summary(self, first: date, last: date) -> QualitySummary: ...

    def stored_counter_minutes(self, first: date, last: date) -> dict[date, dict[int, float]]: ...

    def day_records(self, first: date, last: date) -> list[DayRecord]: ...

    def arrivals_history(self, first: date, last: date) -> dict[tuple[date, int, str], int]: ...


class QualityRecords(QualityVisitRecords, QualityDayRecords, Protocol):
    """Service quality (服务质量): ratings, hand-overs and visit notes, the queue as the dashboard
    sees it now, with the visit reads and the stored day summaries."""

    def ticket(self, ticket_id: int) -> FinishedTicket | None: ...

    def ticket_by_number(self, day: date, number: str) -> FinishedTicket | None: ...

    def active_ticket(self, counter: int) -> FinishedTicket | None: ...

    def owner_of(self, ticket_id: int) -> str | None: ...

    def counter_clerk(self, counter: int) -> str: ...

    def staff_member(self, clerk: str) -> tuple[str, str] | None: ...

    def staff_names(self) -> dict[str, str]: ...

    def waiting_lines(self, day: date) -> list[WaitingLine]: ...

    def counters_now(self) -> list[CounterNow]: ...

    def add_rating(
        self,
        ticket: FinishedTicket,
        level: Rating,
        reasons: Sequence[str],
        source: RatingSource,
        at: datetime,
    ) -> bool: ...

    def rating(self, ticket_id: int) -> RatingRecord | None: ...

    def rating_prompt(self, counter: int, since: datetime) -> RatingPrompt | None: ...

    def last_event_id(self, ticket_id: int, kind: str) -> int | None: ...

    def add_handover(
        self,
        *,
        ticket: FinishedTicket,
        event_id: int,
        owner: str,
        from_counter: int,
        from_clerk: str,
        from_service: str,
        to_service: str,
        to_counter: int | None,
        to_clerk: str,
        reason: str,
        at: datetime,
    ) -> None: ...

    def handovers_of_ticket(self, ticket_id: int) -> list[Handover]: ...

    def handovers_of_day(
        self, day: date, *, owner: str | None = None, to_counter: int | None = None
    ) -> list[Handover]: ...

    def save_note(
        self,
        ticket: FinishedTicket,
        counter: int,
        clerk: str,
        outcome: VisitOutcome | None,
        note: str,
        at: datetime,
    ) -> None: ...

    def note(self, ticket_id: int) -> VisitNote | None: ...

    def outcomes(self, first: date, last: date) -> dict[str, int]: ...


class JournalRecords(Protocol):
    """A PC's journal of what it did while the hall server was out of reach (its local file)."""

    def append(self, uuid: str, kind: str, payload: dict[str, Any], at: datetime) -> None: ...

    def open_entries(self, limit: int = 500) -> list[JournalEntry]: ...

    def settle(self, uuid: str, state: str, outcome: str, at: datetime) -> None: ...

    def counts(self) -> JournalCounts: ...

    def settled(self) -> dict[str, int]: ...

    def last_settled(self) -> datetime | None: ...

    def identity(self) -> PcIdentity | None: ...

    def set_identity(self, name: str, tag: str, server: str, at: datetime) -> None: ...


class ActionRecords(Protocol):
    """On the hall server: its PCs and the actions they handed over, each once."""

    def claim(self, uuid: str, pc: str, kind: str, at: datetime, now: datetime) -> bool: ...

    def record_conflict(self, uuid: str, pc: str, kind: str, at: datetime, now: datetime) -> bool: ...

    def outcomes(self, uuids: list[str]) -> dict[str, str]: ...

    def outcome(self, uuid: str) -> str | None: ...

    def pc_tag(self, name: str) -> str | None: ...

    def tags(self) -> list[str]: ...

    def add_pc(self, name: str, tag: str, role: str, now: datetime) -> bool: ...

    def seen(self, name: str, now: datetime) -> None: ...

    def counts(self) -> dict[str, int]: ...


class ChangeFeed(Protocol):
    """What changed in the hall, pushed or polled by the engine (see the module docstring)."""

    def start(self, on_change: Callable[[frozenset[str]], None]) -> None: ...

    def stop(self) -> None: ...

    def version(self) -> int: ...


class HallRecords(Protocol):
    """The hall's store as the services see it: a repository per capability on one connection."""

    @property
    def queue(self) -> QueueRecords: ...

    @property
    def applications(self) -> ApplicationRecords: ...

    @property
    def worklist(self) -> WorklistRecords: ...

    @property
    def staff(self) -> StaffRecords: ...

    @property
    def prints(self) -> PrintRecords: ...

    @property
    def guidance(self) -> GuidanceRecords: ...

    @property
    def account_lists(self) -> AccountListRegister: ...

    @property
    def account_files(self) -> AccountListFiles: ...

    @property
    def account_shelf(self) -> AccountListShelfRecords: ...

    @property
    def profile(self) -> ProfileRecords: ...

    @property
    def calendar(self) -> CalendarRecords: ...

    @property
    def meta(self) -> HallMetaRecords: ...

    @property
    def outbox(self) -> OutboxRecords: ...

    @property
    def quality(self) -> QualityRecords: ...

    @property
    def journal(self) -> JournalRecords: ...

    @property
    def actions(self) -> ActionRecords: ...

    @property
    def users(self) -> UserRecords: ...

    @property
    def audit(self) -> AuditRecords: ...

    stamp: ActionStamp | None
    """Set while a PC hands an action over: the next :meth:`write` records it in the server's
    ``applied_actions`` first and raises :class:`~counter_app.domain.errors.AlreadyApplied` when the
    server already has it, changing nothing."""

    @property
    def changes(self) -> ChangeFeed: ...

    @property
    def migrations(self) -> tuple[str, ...]:
        """The schema migrations applied to the store, in order."""

    @property
    def in_transaction(self) -> bool: ...

    def set_durable(self, durable: bool) -> None: ...

    def write(self) -> contextlib.AbstractContextManager[object]: ...

    def read(self) -> contextlib.AbstractContextManager[object]: ...

    def sever(self) -> None:
        """From another thread: make a statement waiting on a server that stopped answering fail
        now (nothing to do on a local file)."""

    def close(self) -> None: ...
