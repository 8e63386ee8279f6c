"""Opening a hall: the database, the profile in use, and the services built on them.

``open_hall`` is what every process (window, CLI command, test driver) calls first. It brings the
stored profile up to date with a profile file when one is given (one transaction), and refuses to
start on a damaged database.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from counter_app import paths
from counter_app.domain.errors import InvalidInput
from counter_app.domain.profile import HallProfile, include_names, parse_profile_text
from counter_app.services.applications.service import ApplicationsService
from counter_app.services.applications.views import ApplicationViews
from counter_app.services.clock import Clock, hall_clock, system_clock
from counter_app.services.payments.account_import import AccountImport
from counter_app.services.payments.accounts import AccountService
from counter_app.services.payments.boundary import PropertyBoundaryService
from counter_app.services.payments.guidance import PaymentGuidanceService
from counter_app.services.printing.jobs import PrintJobs
from counter_app.services.queue import QueueService
from counter_app.services.queue_views import QueueViews
from counter_app.services.staff import StaffService
from counter_app.services.work_calendar import WorkCalendarService
from counter_app.store.profile import ProfileRepository
from counter_app.store.sqlite.connection import BUSY_TIMEOUT_S, data_version, open_hall_db, read, write

log = logging.getLogger("counter_app.init")


@dataclass
class Hall:
    """Everything a role needs, built once per process (constructor injection, no globals)."""

    db: sqlite_utils.Database
    profile: HallProfile
    path: Path
    clock: Clock = system_clock
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

    def __post_init__(self) -> None:
        self.queue = QueueService(self.db, self.profile, self.clock)
        self.views = QueueViews(self.db, self.profile, self.clock)
        self.print_jobs = PrintJobs(self.db, self.clock)
        self.accounts = AccountService(self.db, self.profile, self.path, self.clock)
        self.account_import = AccountImport(self.db, self.profile, self.path, self.clock)
        self.payments = PaymentGuidanceService(self.db, self.profile, self.accounts, self.clock)
        self.boundary = PropertyBoundaryService(self.profile, self.clock)
        self.applications = ApplicationsService(self.db, self.profile, self.clock)
        self.application_views = ApplicationViews(self.db, self.profile, self.clock, self.applications)
        self.staff = StaffService(self.db, self.clock)
        self.calendar = WorkCalendarService(self.db, self.applications, self.clock)

    def data_version(self) -> int:
        """Changes whenever another connection commits; windows poll it to follow other processes."""
        return data_version(self.db)

    def __enter__(self) -> Hall:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.accounts.close()  # the read-only connection to the live account list
        self.db.close()


def _read_profile_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidInput(
            f"Cannot read the hall profile {path}: {exc.strerror}",
            field="profile",
            code="profile_unreadable",
            path=str(path),
        ) from None


def read_profile_files(path: Path) -> tuple[str, dict[str, str]]:
    """A profile file and the part files it includes (relative to its folder)."""
    text = _read_profile_file(path)
    parts = {name: _read_profile_file(path.parent / name) for name in include_names(text)}
    return text, parts


def sync_profile(db: sqlite_utils.Database, profile_file: Path | None, clock: Clock) -> HallProfile:
    """The profile in use: the file's when given and changed, else the stored one, else the default."""
    repo = ProfileRepository(db)
    with read(db):
        stored = repo.stored()
    if profile_file is None and stored is not None:
        return parse_profile_text(stored[0], stored[1])
    source = profile_file or paths.DEFAULT_PROFILE
    text, parts = read_profile_files(source)
    profile = parse_profile_text(text, parts)
    if stored is None or stored[2] != repo.digest(text, parts):
        with write(db):
            repo.save(text, parts, profile, str(source), clock())
        log.info("hall profile loaded from %s", source)
    return profile


def open_hall(
    db_path: Path | str | None = None,
    *,
    profile_file: Path | str | None = None,
    clock: Clock | None = None,
    timeout: float = BUSY_TIMEOUT_S,
    create: bool = False,
) -> Hall:
    """Open the hall database and profile; ``clock`` defaults to the hall's time zone.

    Only ``create`` (``counter-app init``) makes a new hall database; a path with none raises
    :class:`~counter_app.domain.errors.NotAHallDatabase` having created nothing."""
    path = paths.database_path(db_path)
    log.info("opening hall database %s", path)
    db = open_hall_db(path, timeout=timeout, create=create)
    try:
        profile = sync_profile(db, paths.profile_path(profile_file), clock or system_clock)
    except BaseException:
        db.close()
        raise
    return Hall(db=db, profile=profile, path=path, clock=clock or hall_clock(profile.hall.timezone))
