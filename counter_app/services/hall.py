"""A hall: its store, the profile in use, and the services built on them (:class:`Hall`).

``counter_app.app.open_hall`` opens the store (the engine is the composition root's business) and
builds a :class:`Hall` on it; :func:`sync_profile` brings the stored profile up to date with a profile
file when one is given (one transaction).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Self, TypeVar

from counter_app import paths
from counter_app.domain.backups import backup_settings
from counter_app.domain.errors import FileRefused, FileUnavailable, InvalidInput
from counter_app.domain.profile import HallProfile, include_names, parse_profile_text
from counter_app.domain.quality.settings import quality_settings
from counter_app.safe_files import read_input_text
from counter_app.services.applications.service import ApplicationsService
from counter_app.services.applications.views import ApplicationViews
from counter_app.services.audit import AuditService, audit_head
from counter_app.services.backups import BackupService
from counter_app.services.clock import Clock, system_clock
from counter_app.services.day_repair import DayRepair
from counter_app.services.offline import OfflineDesk
from counter_app.services.outbox import Outbox
from counter_app.services.payments.account_import import AccountImport
from counter_app.services.payments.accounts import AccountService
from counter_app.services.payments.guidance import PaymentGuidanceService, PropertyBoundaryService
from counter_app.services.ports import ChangeFeed, HallFiles, HallRecords
from counter_app.services.printing.jobs import PrintJobs
from counter_app.services.quality.hall_quality import HallQuality, build_quality
from counter_app.services.queue import QueueService
from counter_app.services.queue_views import QueueViews
from counter_app.services.session import Gate, SignedIn
from counter_app.services.staff import StaffService
from counter_app.services.users import UserService
from counter_app.services.work_calendar import WorkCalendarService

if TYPE_CHECKING:  # the link imports this module
    from counter_app.services.hall_link import LinkStatus

log = logging.getLogger("counter_app.init")

T = TypeVar("T")


@dataclass
class Hall:
    """Everything a role needs, built once per process (constructor injection, no globals).

    ``path`` is the hall's local file: its folder holds this PC's account lists, imports and logs."""

    store: HallRecords
    profile: HallProfile
    path: Path
    clock: Clock = system_clock
    desk: OfflineDesk | None = None
    """Set on a PC's own store while it works without its hall server (``services/offline.py``)."""
    files: HallFiles | None = None
    """The hall's embedded file as files (backups, checks, restore); ``None`` on the hall server."""
    signed_in: SignedIn | None = None
    """Who is signed in on this process, shared by the halls it opens (``services/session.py``)."""
    gate: Gate | None = None
    """The check every guarded operation makes, shared by every service of the hall; made here."""
    queue: QueueService = field(init=False)
    views: QueueViews = field(init=False)
    print_jobs: PrintJobs = field(init=False)
    accounts: AccountService = field(init=False)
    account_import: AccountImport = field(init=False)
    payments: PaymentGuidanceService = field(init=False)
    boundary: PropertyBoundaryService = field(init=False)
    applications: ApplicationsService = field(init=False)
    application_views: ApplicationViews = field(init=False)
    staff: StaffService = field(init=False)
    calendar: WorkCalendarService = field(init=False)
    quality: HallQuality = field(init=False)
    outbox: Outbox = field(init=False)
    backups: BackupService | None = field(init=False)
    day_repair: DayRepair = field(init=False)
    users: UserService = field(init=False)
    audit: AuditService = field(init=False)

    def __post_init__(self) -> None:
        store = self.store
        gate = self.gate = self.gate or Gate(store.users.any_user, self.signed_in)
        self.users = UserService(store, self.clock, gate)
        self.audit = AuditService(store, gate)
        self.views = QueueViews(store, self.profile, self.clock)
        self.print_jobs = PrintJobs(store, self.clock, gate)
        self.accounts = AccountService(store, self.profile, self.clock)
        self.account_import = AccountImport(store, self.profile, self.path, self.clock, self.desk, gate)
        self.payments = PaymentGuidanceService(
            store, self.profile, self.accounts, self.clock, self.desk, gate
        )
        self.boundary = PropertyBoundaryService(self.profile, self.clock)
        self.applications = ApplicationsService(store, self.profile, self.clock, self.desk, gate)
        self.application_views = ApplicationViews(store, self.profile, self.clock, self.applications)
        self.staff = StaffService(store, self.clock, gate)
        self.calendar = WorkCalendarService(store, self.applications, self.clock, gate)
        self.quality = build_quality(
            store,
            store.quality,
            self.profile,
            self.clock,
            work_calendar=lambda: self.applications.setup.calendar,
            applications=self.application_views,
            gate=gate,
        )
        self.queue = QueueService(
            store, self.profile, self.clock, handovers=self.quality.handovers, desk=self.desk, gate=gate
        )
        hall_name = self.profile.hall.short_name or self.profile.hall.name.zh_CN
        self.outbox = Outbox(store, hall_name, self.clock, anchor=self._audit_anchor, gate=gate)
        self.backups = (
            BackupService(
                self.files,
                backup_settings(self.profile.raw),
                gate,
                self.clock,
                self._live_lists,
                anchor=self._audit_anchor,
            )
            if self.files is not None
            else None
        )
        self.day_repair = DayRepair(store, self.profile, self.clock, gate)

    def _audit_anchor(self) -> str | None:
        """The audit trail's head (``SEQ:HASH``) that backups and outbox exports carry outside the
        database (``counter-app audit verify --anchor``); ``None`` on a store that keeps no chain."""
        if not self.store.audit.enabled:
            return None
        return audit_head(self.store).text

    def _live_lists(self) -> list[str]:
        """The live account list file, to go with a backup of the hall file."""
        live = self.accounts.live_list()
        return [live.file] if live is not None else []

    @property
    def changes(self) -> ChangeFeed:
        """What changed in the hall, reported on a thread of the store's (contract: ``ports.py``)."""
        return self.store.changes

    def run(self, job: Callable[[Self], T]) -> T:
        """Run one window's job on this hall (the worker's way in; a PC of a hall with a server
        runs it on the server or, while that is out of reach, on its own store)."""
        return job(self)

    def link_status(self) -> LinkStatus | None:
        """How this PC reaches its hall server; ``None`` for a hall with no server (the embedded
        store), so a window asks every hall the same question."""
        return None

    def __enter__(self) -> Hall:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.accounts.close()  # the read-only connection to the live account list
        self.store.close()


PROFILE_MAX_BYTES = 4 * 1024 * 1024
"""A hall profile and each part it includes: text of a few kilobytes; a bound so a device, a binary
or a runaway file is refused plainly."""


def _read_profile_file(path: Path) -> str:
    try:
        return read_input_text(path, max_bytes=PROFILE_MAX_BYTES)
    except (FileRefused, FileUnavailable) as exc:
        detail = exc.explanation if isinstance(exc, FileRefused) else str(exc)
        raise InvalidInput(
            f"Cannot read the hall profile {path}: {detail}",
            field="profile",
            code="profile_unreadable",
            path=str(path),
        ) from None


def read_profile_files(path: Path) -> tuple[str, dict[str, str]]:
    """A profile file and the part files it includes (relative to its folder)."""
    text = _read_profile_file(path)
    parts = {name: _read_profile_file(path.parent / name) for name in include_names(text)}
    return text, parts


def sync_profile(store: HallRecords, profile_file: Path | None, clock: Clock) -> HallProfile:
    """The profile in use: the file's when given and changed, else the stored one, else the default."""
    repo = store.profile
    with store.read():
        stored = repo.stored()
    if profile_file is None and stored is not None:
        return parse_profile_text(stored[0], stored[1])
    source = profile_file or paths.DEFAULT_PROFILE
    text, parts = read_profile_files(source)
    profile = parse_profile_text(text, parts)
    quality_settings(profile)  # its rating, hand-over and forecast tables too, before it is stored
    if stored is None or stored[2] != repo.digest(text, parts):
        with store.write():
            repo.save(text, parts, profile, str(source), clock())
        log.info("hall profile loaded from %s", source)
    return profile
