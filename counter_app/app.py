"""Composition root: the one module that knows every layer.

It opens a hall's store (the engine: today the embedded SQLite file, ``store/sqlite/``), builds the
services on it (:class:`~counter_app.services.hall.Hall`), chooses the printers of this PC, and hands
them to a front end: the command line (``cli/``) or the windows (``ui/launcher.py``). Neither front end
imports this module: they get what they need from here, so the dependencies point one way.

Heavy imports (the store, the services, Qt) happen inside the functions that need them: ``counter-app
gui`` draws its first window while the worker thread is still opening the hall.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app import cli, paths

if TYPE_CHECKING:
    from counter_app.domain.profile import HallProfile
    from counter_app.printing.backends import PrinterBackend
    from counter_app.services.backups import BackupService
    from counter_app.services.clock import Clock
    from counter_app.services.hall import Hall
    from counter_app.services.hall_link import LinkedHall
    from counter_app.services.session import SignedIn
    from counter_app.store.sqlite.read_only import DamagedFile


def open_hall(
    db_path: Path | str | None = None,
    *,
    profile_file: Path | str | None = None,
    clock: Clock | None = None,
    timeout: float | None = None,
    create: bool = False,
    hall: str | None = None,
    signed_in: SignedIn | None = None,
) -> Hall:
    """Open the hall's store and profile and build its services; ``clock`` defaults to the hall's
    time zone. Every process (window, CLI command, test driver) starts here.

    ``hall``: the hall server's DSN: the hall on its server, directly (``hall init``, tests; a PC at
    work uses :func:`open_pc`, which keeps working when the server goes away). Else the embedded
    hall file at ``db_path``. ``timeout``: how long an action waits for the file's write lock before
    saying "busy" (the store's default: 15 s). ``signed_in``: who is signed in, shared by the halls
    one process opens (the windows' workers). Only ``create`` (``counter-app init``) makes a new hall
    database; a path with none raises :class:`~counter_app.domain.errors.NotAHallDatabase` having
    created nothing. A hall file that fails its quick check is opened read-only when it can still be
    read (:func:`damage_of` says so; every write is refused with the damaged-file refusal). The stored
    profile is brought up to date with a profile file when one is given (one transaction)."""
    import logging

    from counter_app.services.clock import hall_clock, system_clock
    from counter_app.services.hall import Hall, sync_profile
    from counter_app.store.sqlite.connection import BUSY_TIMEOUT_S
    from counter_app.store.sqlite.hall_file import open_sqlite_store

    path = paths.database_path(db_path)
    if hall:
        return open_server_hall(hall, path, profile_file=profile_file, clock=clock, create=create)
    logging.getLogger("counter_app.init").info("opening hall database %s", path)
    store = open_sqlite_store(
        path,
        timeout=BUSY_TIMEOUT_S if timeout is None else timeout,
        create=create,
        read_only_if_damaged=True,
    )
    try:
        profile = sync_profile(store, paths.profile_path(profile_file), clock or system_clock)
    except BaseException:
        store.close()
        raise
    from counter_app.store.sqlite.backup import SqliteHallFiles

    files = SqliteHallFiles(path) if str(path) != ":memory:" else None
    return Hall(
        store=store,
        profile=profile,
        path=path,
        clock=clock or hall_clock(profile.hall.timezone),
        files=files,
        signed_in=signed_in,
    )


def damage_of(hall: Hall) -> DamagedFile | None:
    """The damaged hall file ``hall`` has open read-only, or ``None``: the windows then say so and
    offer the newest good backup (``ui/restore_offer.py``)."""
    from counter_app.store.sqlite.hall_file import SqliteHallStore

    store = hall.store
    return store.damaged if isinstance(store, SqliteHallStore) else None


def hall_files(db_path: Path | str | None = None, signed_in: SignedIn | None = None) -> BackupService:
    """The hall's files without opening the hall (a damaged file cannot be opened): ``counter-app
    check`` and ``restore``. The backup folder is the stored profile's (read cheaply) or the default.

    ``signed_in``: who the command signed in on the hall it opened for that (and closed again before
    a restore). The gate enforces once the file has accounts — or cannot be read: a hall file that
    does not open is handled only by the unguarded recovery (``BackupService.check_unopened`` /
    ``recover_damaged``)."""
    from counter_app.domain.backups import BackupSettings, backup_settings
    from counter_app.services.backups import BackupService
    from counter_app.services.clock import hall_clock
    from counter_app.services.session import Gate
    from counter_app.store.sqlite.backup import SqliteHallFiles
    from counter_app.store.sqlite.peek import peek_accounts_exist

    path = paths.database_path(db_path)
    profile = stored_profile(path)
    settings = BackupSettings()
    if profile is not None:
        import contextlib

        from counter_app.domain.errors import HallError

        with contextlib.suppress(HallError):  # a bad [backup] table: the default folder
            settings = backup_settings(profile.raw)
    clock = hall_clock(profile.hall.timezone if profile else "Asia/Shanghai")
    gate = Gate(lambda: peek_accounts_exist(path), signed_in)
    return BackupService(SqliteHallFiles(path), settings, gate, clock)


def open_server_hall(
    dsn: str,
    local_path: Path,
    *,
    profile_file: Path | str | None = None,
    clock: Clock | None = None,
    create: bool = False,
) -> Hall:
    """The hall on its PostgreSQL server (its clock can be pinned: a hand-over replays actions at
    the time they were done). ``local_path``: this PC's own file, beside which its account lists live."""
    import logging

    from counter_app.services.clock import PinnableClock, hall_clock, system_clock
    from counter_app.services.hall import Hall, sync_profile
    from counter_app.store.postgres.connection import safe_dsn
    from counter_app.store.postgres.hall_server import open_server_store

    logging.getLogger("counter_app.init").info("opening the hall on its server %s", safe_dsn(dsn))
    store = open_server_store(dsn, local_path=local_path, now=clock or system_clock, create=create)
    try:
        profile = sync_profile(store, paths.profile_path(profile_file), clock or system_clock)
        store.set_timezone(profile.hall.timezone)
    except BaseException:
        store.close()
        raise
    pinnable = PinnableClock(clock or hall_clock(profile.hall.timezone))
    store.now = pinnable.base
    return Hall(store=store, profile=profile, path=local_path, clock=pinnable)


def open_pc(
    dsn: str,
    db_path: Path | str | None = None,
    *,
    pc: str | None = None,
    profile_file: Path | str | None = None,
    clock: Clock | None = None,
) -> LinkedHall:
    """A PC of a hall with a server: the hall on the server while it answers, this PC's own store
    (``db_path``, made if there is none) while it does not (``services/hall_link.py``)."""
    import socket

    from counter_app.services.clock import hall_clock
    from counter_app.services.hall_link import HallLink, LinkedHall
    from counter_app.store.postgres.changes import ServerWatch
    from counter_app.store.sqlite.hall_file import open_sqlite_store

    path = paths.database_path(db_path)
    local = open_sqlite_store(path, create=True)
    name = (pc or socket.gethostname() or "pc").strip()[:64]
    timezone = "Asia/Shanghai"
    with local.read():
        stored = local.profile.stored()
    if stored is not None:
        from counter_app.domain.profile import parse_profile_text

        timezone = parse_profile_text(stored[0], stored[1]).hall.timezone
    now = clock or hall_clock(timezone)
    link = HallLink(
        open_server=lambda: open_server_hall(dsn, path, profile_file=profile_file, clock=clock),
        local=local,
        local_path=path,
        watch=ServerWatch(dsn, timezone=timezone, now=now),
        pc=name,
        clock=now,
    )
    try:
        return LinkedHall(link)
    except BaseException:
        link.close()
        raise


def stored_profile(db_path: Path | str | None) -> HallProfile | None:
    """The profile's own tables stored in the hall file, read cheaply (standard library, read-only) so
    the windows can be drawn before the hall is open; ``None`` when there is none yet or it is
    unreadable (the full open then reports it). The windows need no parts; the worker reads them all."""
    import logging

    from counter_app.domain.errors import HallError
    from counter_app.domain.profile import parse_hall_tables
    from counter_app.store.sqlite.peek import peek_profile

    stored = peek_profile(paths.database_path(db_path))
    if stored is None:
        return None
    try:
        return parse_hall_tables(stored[0])
    except HallError as exc:
        logging.getLogger("counter_app.init").warning("stored profile unreadable: %s", exc)
        return None


@dataclass(frozen=True)
class Printers:
    """This PC's printers: ``--printer`` on this PC, else the profile's.

    ``counter``: the counter's papers (receipts, notices, payment slips, reprinted tickets; a ticket
    takes the kiosk's roll on a receipt printer, an A6 page on a page printer); ``kiosk``: the kiosk's
    tickets, ``None`` when the hall prints none."""

    counter: PrinterBackend
    ticket_paper: str
    kiosk: PrinterBackend | None
    kiosk_paper: str


def printers_for(spec: str | None, profile: HallProfile) -> Printers:
    from counter_app.printing.backends import NoPrinterBackend, parse_printer_spec

    counter_spec = spec or profile.printing.counter_printer
    ticket_paper = profile.printing.kiosk_paper if counter_spec.startswith("escpos") else "a6"
    return Printers(
        counter=parse_printer_spec(counter_spec) or NoPrinterBackend(),
        ticket_paper=ticket_paper,
        kiosk=parse_printer_spec(spec or profile.printing.kiosk_printer),
        kiosk_paper=profile.printing.kiosk_paper,
    )


def start_gui(args: argparse.Namespace) -> int:
    """``counter-app gui``: the windows of ``--role`` on this hall (``ui/launcher.py`` draws them)."""
    import os

    from counter_app.services.session import SignedIn
    from counter_app.ui.launcher import launch

    dsn = getattr(args, "hall", None) or os.environ.get("COUNTER_APP_HALL") or None
    pc = getattr(args, "pc", None)
    args.hall = dsn  # the windows show the hall server's strip on a PC of a hall with a server
    signed_in = SignedIn()  # one clerk per PC: every worker's hall knows who

    def opener() -> Hall:
        if dsn:  # a PC of a hall with a server: the server while it answers, this PC's own store else
            return open_pc(dsn, args.db, pc=pc, profile_file=args.profile)
        return open_hall(args.db, profile_file=args.profile, signed_in=signed_in)

    early = None if paths.profile_path(args.profile) is not None else stored_profile(args.db)

    def printers(profile: HallProfile) -> Printers:
        return printers_for(args.printer, profile)

    path = paths.database_path(args.db)
    return launch(args, opener, early, printers, path, lambda: hall_files(path), damage_of)


def main(argv: Sequence[str] | None = None) -> int:
    """``counter-app …``: the command line, whose ``gui`` command starts the windows."""
    return cli.run(
        argv,
        open_hall=open_hall,
        start_gui=start_gui,
        open_pc=open_pc,
        hall_files=hall_files,
        damage_of=damage_of,
    )
