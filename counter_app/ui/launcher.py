"""Starting the windows of one process: ``counter-app gui --role ROLE``, where a role is ``kiosk``,
``counter``, ``display``, ``rating`` (the customer's rating screen of a counter) or ``supervisor``.

The composition root (``counter_app.app.start_gui``) hands in how to open the hall, the stored profile
read cheaply, and this PC's printers. The hall is opened on the worker thread while Qt is imported
here, so the first window paints as soon as Qt is ready. One process may run several roles (a
township office on one PC).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Protocol

from counter_app.ui.hall_client import HallClient, HallWorker

if TYPE_CHECKING:  # annotations only: each is imported where it is first needed (start-up time)
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QWidget

    from counter_app.domain.profile import HallProfile
    from counter_app.domain.queue import Ticket
    from counter_app.printing.backends import PrinterBackend
    from counter_app.services.backups import BackupService
    from counter_app.services.hall import Hall
    from counter_app.services.printing.tickets import PrintOutcome
    from counter_app.ui.backup_keeper import BackupKeeper
    from counter_app.ui.counter.window import CounterWindow, Reprint
    from counter_app.ui.display.window import DisplayWindow
    from counter_app.ui.kiosk.window import KioskWindow, PrintFn
    from counter_app.ui.link_bar import LinkWatch
    from counter_app.ui.rating import RatingWindow
    from counter_app.ui.supervisor.window import SupervisorWindow

    RoleWindow = CounterWindow | KioskWindow | DisplayWindow | RatingWindow | SupervisorWindow

log = logging.getLogger("counter_app.init")
_T0 = time.perf_counter()


class Printers(Protocol):
    """This PC's printers, as the composition root chose them (``app.Printers``)."""

    @property
    def counter(self) -> PrinterBackend: ...

    @property
    def ticket_paper(self) -> str: ...

    @property
    def kiosk(self) -> PrinterBackend | None: ...

    @property
    def kiosk_paper(self) -> str: ...


Opener = Callable[[], "Hall"]
BackupsFor = Callable[[], "BackupService"]
"""The hall file's backups without opening the hall (``app.hall_files``): a damaged file is offered
its newest good backup."""
PrintersFor = Callable[["HallProfile"], Printers]


class Damage(Protocol):
    """A damaged hall file the hall has open read-only (``store/sqlite/read_only.DamagedFile``)."""

    def replaced(self) -> bool:
        """Whether a restore (by this process or another) has put another file at its path."""
        ...


DamageOf = Callable[["Hall"], Damage | None]
"""Whether the open hall's file is damaged and open read-only (``app.damage_of``)."""
REPLACED_CHECK_MS = 2000
"""How often the windows of a damaged hall look whether a restore has replaced its file."""


def launch(
    args: argparse.Namespace,
    opener: Opener,
    early_profile: HallProfile | None,
    printers: PrintersFor,
    hall_path: Path | None = None,
    backups: BackupsFor | None = None,
    damage: DamageOf | None = None,
) -> int:
    """Draw the windows first, then open the hall.

    When the database already holds a profile (every start but the first), windows are built from
    it at once and the worker thread opens the hall after the first paint: Python threads share one
    interpreter lock, so opening in parallel would only slow the drawing down. The data follows a
    few hundred milliseconds later. On a first start (or a new profile file) the hall is opened
    before the windows, since it decides what they show.

    ``opener()`` opens the hall (on a worker thread); ``early_profile`` is the stored profile (``None``
    on a first start or when a profile file is being loaded); ``printers(profile)`` this PC's printers.
    ``backups()``: the hall file's backups; ``damage(hall)``: whether the hall file is damaged and
    open read-only (then every window says so and offers the newest good backup, and no backups are
    made of it).
    """
    worker = HallWorker(opener)

    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from counter_app.logs import use_hall_timezone
    from counter_app.ui.qt_log import route_qt_messages

    route_qt_messages()

    QCoreApplication.setOrganizationName("counter-app")
    QCoreApplication.setApplicationName("counter-app")
    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(sys.argv[:1])
    ready_ms = (time.perf_counter() - _T0) * 1000
    profile = early_profile
    if profile is None:
        worker.start()
        worker.ready.wait()
    if profile is not None or worker.open_error is None:
        use_hall_timezone((profile or worker.hall.profile).hall.timezone)  # before the first log line
    log.info("Qt ready after %.0f ms", ready_ms)
    if profile is None:
        log.info("hall open after %.0f ms", (time.perf_counter() - _T0) * 1000)

    from counter_app.qt_i18n import install_language
    from counter_app.ui import style

    if profile is None and worker.open_error is not None:
        install_language(args.language or str(QSettings().value("ui/language", "zh_CN")))
        if _offer_backup(worker.open_error, args, backups):
            return launch(args, opener, None, printers, hall_path, backups, damage)
        _cannot_open(worker.open_error, args)
        return _open_exit_code(worker.open_error)

    restarted: list[bool] = []
    restore_to: list[Path] = []
    keepers: list[BackupKeeper] = []
    windows: list[RoleWindow] = []

    def start_again() -> None:
        restarted.append(True)
        app.exit(0)

    def open_failed(exc: BaseException) -> None:  # the hall failed to open after the first paint
        if _offer_backup(exc, args, backups):
            start_again()
            return
        _cannot_open(exc, args)
        app.exit(_open_exit_code(exc))

    client = HallClient(worker, profile or worker.hall.profile)
    client.open_failed.connect(open_failed)
    language = args.language or str(QSettings().value("ui/language", "")) or client.profile.hall.language
    install_language(language)
    style.apply_app_style(app, language)
    _install_excepthook()

    log.info("language %s installed after %.0f ms", language, (time.perf_counter() - _T0) * 1000)

    def keep_backups() -> None:
        if not args.screenshot and hall_path is not None:
            from counter_app.ui.backup_keeper import BackupKeeper

            keepers.append(BackupKeeper(client, hall_path, app))

    def ask_restore(window: QWidget) -> None:
        from counter_app.ui.restore_offer import ask_restore

        if backups is not None and (chosen := ask_restore(backups(), window)) is not None:
            restore_to.append(chosen)  # restored once every connection to the damaged file is closed
            start_again()

    def damaged_or_not(found: Damage | None) -> None:
        if found is None:
            keep_backups()  # a damaged file is never copied over a good backup
        else:
            _show_damage(args, windows, found, ask_restore, start_again)

    if damage is not None:  # asked first: the strip is up before the windows' data arrives
        client.submit(damage, damaged_or_not, lambda _exc: None)  # a failed open is open_failed's
    print_workers: list[HallWorker[Hall]] = []
    windows += build_windows(args, client, language, print_workers, opener, printers)
    log.info("windows built after %.0f ms", (time.perf_counter() - _T0) * 1000)
    if damage is None:
        keep_backups()
    later = ([worker] if profile is not None else []) + print_workers  # opened after the first paint
    code = _run(app, args, windows, later, [worker, *print_workers], keepers)
    if restore_to and backups is not None:  # every worker has closed its connection by now
        from counter_app.ui.restore_offer import restore_backup

        restore_backup(backups(), restore_to[0])
    if restarted:  # a damaged file was replaced by its backup: the windows start again on it
        for window in windows:
            window.deleteLater()
        return launch(args, opener, None, printers, hall_path, backups, damage)
    return code


def _kiosk_language(kiosk: KioskWindow) -> Callable[[], str]:
    """The language the kiosk's customer chose, read again whenever asked."""
    return lambda: kiosk.language


def _show_damage(
    args: argparse.Namespace,
    windows: list[RoleWindow],
    found: Damage,
    ask_restore: Callable[[QWidget], None],
    start_again: Callable[[], None],
) -> None:
    """The hall file is damaged and open read-only: every window says so (the staff's offer the
    newest good backup; the public screens take no press, the strip tells the customer what to do),
    and once a restore has put a good file in its place (from this process or another of the hall's
    on this PC) the windows start again on it."""
    from counter_app.ui.kiosk.window import KioskWindow
    from counter_app.ui.restore_offer import add_damaged_bar
    from counter_app.ui.widgets import make_timer

    log.error("the hall database is damaged: the windows are read-only")
    for role, window in zip(args.role, windows, strict=False):
        if isinstance(window, KioskWindow):
            bar = add_damaged_bar(window, role, language=_kiosk_language(window), scale=1.3)
        elif role == "display":
            bar = add_damaged_bar(window, role, language=window.language, scale=1.6)
        else:
            bar = add_damaged_bar(window, role)
        bar.restore_asked.connect(lambda w=window: ask_restore(w))
        central = window.centralWidget()
        if bar.public and central is not None:  # a customer's press would only meet a refusal
            central.setEnabled(False)

    def check() -> None:
        if found.replaced():
            log.warning("the damaged hall file was replaced (restored): the windows start again")
            start_again()

    if windows:
        make_timer(windows[0], REPLACED_CHECK_MS, check).start()


def _offer_backup(exc: BaseException, args: argparse.Namespace, backups: BackupsFor | None) -> bool:
    """A damaged hall file: offer its newest good backup; ``True`` once it is restored."""
    from counter_app.ui.restore_offer import is_damaged, offer_restore

    if backups is None or not is_damaged(exc):
        return False
    log.error("the hall database is damaged: %s", exc)
    return offer_restore(backups, Path(args.screenshot) if args.screenshot else None)


def _run(
    app: QApplication,
    args: argparse.Namespace,
    windows: list[RoleWindow],
    later: list[HallWorker[Hall]],
    workers: list[HallWorker[Hall]],
    keepers: list[BackupKeeper] | None = None,
) -> int:
    """Show the windows, start ``later`` after the first paint, run until the last window closes,
    then stop every worker."""
    from PySide6.QtCore import QTimer

    for window in windows:
        if args.fullscreen:
            window.showFullScreen()
        else:
            window.show()
    for worker in later:
        _after_first_paint(windows[0], worker.start)
    if os.environ.get("COUNTER_APP_EXIT_AFTER_PAINT"):
        _after_first_paint(windows[0], lambda: _report_paint_and_quit(app))
    if args.screenshot:
        _screenshot_when_loaded(app, windows, Path(args.screenshot))
    _log_when_loaded(windows)
    QTimer.singleShot(
        0, lambda: log.info("first window shown after %.0f ms", (time.perf_counter() - _T0) * 1000)
    )
    code = app.exec()
    keeper = keepers[0] if keepers else None
    if keeper is not None and keeper.keeping and workers and workers[0].ready.is_set():
        finish = keeper.finish
        workers[0].submit(finish, lambda _none: None, lambda _exc: None)  # a last backup, in turn
    for started in workers:
        if started.ready.is_set() or started.started:
            started.stop()  # a slip being printed comes out and its job is settled; the file is closed
    return int(code)


def _open_exit_code(exc: BaseException) -> int:
    """2 when the path is refused (no hall database there, another program's file, a newer
    version's hall, a profile mistake), 4 when the store is unavailable: the CLI's codes."""
    from counter_app.domain.errors import HallError

    return 2 if isinstance(exc, HallError) else 4


def _cannot_open(exc: BaseException, args: argparse.Namespace) -> None:
    """The hall could not be opened (before or after the windows were drawn): say so plainly."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from counter_app.ui.messages import describe

    log.error("cannot open the hall: %s", exc)
    if args.screenshot:
        print(describe(exc), file=sys.stderr)
    else:
        QMessageBox.critical(None, QCoreApplication.translate("Launcher", "Counter tool"), describe(exc))


def build_windows(
    args: argparse.Namespace,
    client: HallClient[Hall],
    language: str,
    print_workers: list[HallWorker[Hall]],
    opener: Opener,
    printers: PrintersFor,
) -> list[RoleWindow]:
    """The windows of ``--role``, each given its client here; a kiosk that prints adds its print
    worker to ``print_workers`` (the caller stops it when the windows close)."""
    windows: list[RoleWindow] = []
    counters = list(args.counter or [])
    watch = _link_watch(args, client)
    for role in args.role:
        if role == "counter":
            from counter_app.ui.counter.window import CounterWindow

            number = counters.pop(0) if counters else 1
            window = CounterWindow(
                client, number, args.clerk, language, reprint=_ticket_reprint(client, printers)
            )
            _add_desk_panels(window, client, number, printers)
            _add_handovers(window, client, number, args)
            _add_sign_in(window, client, number)
            window.show_tab(args.tab)
            windows.append(window)
        elif role == "rating":
            from counter_app.ui.rating import RatingWindow

            windows.append(RatingWindow(client, counters.pop(0) if counters else 1, language))
        elif role == "supervisor":
            from counter_app.ui.supervisor.window import SupervisorWindow

            supervisor = SupervisorWindow(client, language, wait_for_sign_in=True)
            _add_supervisor_sign_in(supervisor, client)
            windows.append(supervisor)
        elif role == "kiosk":
            from counter_app.ui.kiosk.window import KioskWindow

            print_client, print_fn = _kiosk_printer(opener, printers(client.profile), client.profile)
            if print_client is not None:
                print_workers.append(print_client.worker)
            windows.append(KioskWindow(client, language, print_client=print_client, print_fn=print_fn))
        else:
            from counter_app.ui.display.window import DisplayWindow

            windows.append(DisplayWindow(client, language))
        if watch is not None:
            _add_link_bar(windows[-1], watch, role, language)
    return windows


def _link_watch(args: argparse.Namespace, client: HallClient[Hall]) -> LinkWatch | None:
    """On a PC of a hall with a server (``--hall``), one watch of the link for all its windows."""
    if not getattr(args, "hall", None):
        return None
    from counter_app.ui.link_bar import LinkWatch

    return LinkWatch(client)


def _add_link_bar(window: RoleWindow, watch: LinkWatch, role: str, language: str) -> None:
    """The hall server's strip at the top of the window: the kiosk speaks the language its customer
    chose, the hall display its own (its strip is read across the hall), the clerks' windows the
    process's."""
    from counter_app.ui.kiosk.window import KioskWindow
    from counter_app.ui.link_bar import add_link_bar

    if isinstance(window, KioskWindow):
        kiosk = window
        add_link_bar(window, watch, role, language=lambda: kiosk.language)  # the customer's choice
    else:
        own = language if role == "display" else None
        add_link_bar(window, watch, role, language=own, scale=1.6 if role == "display" else 1.0)


def _add_sign_in(window: CounterWindow, client: HallClient[Hall], counter: int) -> None:
    """Sign-in before serving, the idle lock, the first start's administrator (``ui/sign_in.py``)."""
    from counter_app.ui.sign_in import CounterSignIn

    window.sign_in = CounterSignIn(window, client, counter, window.seat_clerk, window.ask_clerk_name)


def _add_supervisor_sign_in(window: SupervisorWindow, client: HallClient[Hall]) -> None:
    """In a hall with accounts the dashboard shows nothing until a supervisor or administrator has
    signed in (a clerk is refused), and locks after the idle minutes (``ui/sign_in.py``)."""
    from counter_app.ui.sign_in import LEAD_ROLES, CounterSignIn

    control = CounterSignIn(window, client, None, lambda _code: None, roles=LEAD_ROLES)
    control.admitted.connect(window.admit)
    control.asked.connect(window.loaded)  # what it shows now is the sign-in (a screenshot waits for it)
    window.sign_in = control


def _ticket_reprint(client: HallClient[Hall], printers: PrintersFor) -> Reprint:
    """``reprint(hall, number, clerk)`` for the counter window: a ticket again, labelled 补打."""

    def reprint(hall: Hall, number: str, clerk: str) -> PrintOutcome:
        from counter_app.services.printing.tickets import print_ticket

        chosen = printers(client.profile)
        return print_ticket(hall, number, chosen.counter, clerk, paper=chosen.ticket_paper)

    return reprint


def _add_desk_panels(
    window: CounterWindow, client: HallClient[Hall], counter: int, printers: PrintersFor
) -> None:
    """The counter's desk tasks beside its line: installation applications and payment guidance,
    printing to the counter's printer (the profile's, or ``--printer`` on this PC). Built when
    first needed, so their imports do not delay the counter's first paint."""

    def printer() -> PrinterBackend:
        return printers(client.profile).counter

    def applications() -> QWidget:
        from counter_app.ui.applications.panel import ApplicationsPanel

        return ApplicationsPanel(
            client,
            counter,
            window.current_clerk,
            window.current_ticket,
            printer=printer(),
            banner=window.banner,
        )

    def payment() -> QWidget:
        from counter_app.ui.payments.panel import PaymentPanel

        return PaymentPanel(
            client,
            counter,
            window.current_clerk,
            window.current_ticket,
            printer=printer(),
            banner=window.banner,
        )

    window.add_panel("applications", applications)
    window.add_panel("payment", payment)


def _add_handovers(
    window: CounterWindow, client: HallClient[Hall], counter: int, args: argparse.Namespace
) -> None:
    """首问负责制 at the counter: the hand-over strip under the customer, the hand-overs tab, and
    the customer's rating as a dialog on this PC when the hall (or ``--rating dialog``) says so."""
    from counter_app.domain.quality.settings import quality_settings
    from counter_app.ui.counter.handover_panel import CustomerHandoverStrip, HandoversPanel

    window.add_beside_customer(CustomerHandoverStrip(client, counter, window.current_clerk, keys_on=window))

    def handovers() -> QWidget:
        return HandoversPanel(client, counter, window.current_clerk, window.call_specific)

    window.add_panel("handovers", handovers)
    mode = getattr(args, "rating", None) or quality_settings(client.profile).rating.mode.value
    if mode == "dialog":

        def ask(ticket: Ticket) -> None:
            from counter_app.ui.rating import RatingDialog

            RatingDialog(client, ticket.id, ticket.number, window).open()

        window.customer_finished.connect(ask)


def _kiosk_printer(
    opener: Opener, chosen: Printers, profile: HallProfile
) -> tuple[HallClient[Hall] | None, PrintFn | None]:
    """The kiosk's printer on its own worker (its own connection), so a slow network printer never
    holds up the queue; ``(None, None)`` when the hall prints no tickets."""
    backend = chosen.kiosk
    if backend is None:
        return None, None
    paper = chosen.kiosk_paper

    def print_fn(hall: Hall, ticket: Ticket) -> PrintOutcome:
        from counter_app.services.printing.tickets import print_ticket

        # On a PC of a hall with a server the print worker has a link of its own, which may be on
        # the other store for a moment: a number names the ticket on both, a row id does not.
        found: Ticket | str = ticket if hall.link_status() is None else ticket.number
        return print_ticket(hall, found, backend, paper=paper)

    worker = HallWorker(opener, name="print")  # started after the first paint
    log.info("kiosk tickets print to %s on %s paper", backend.device, paper)
    return HallClient(worker, profile), print_fn


def _after_first_paint(window: QWidget, then: Callable[[], object]) -> None:
    """Run ``then`` once, right after ``window`` has been painted for the first time."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                obj.removeEventFilter(self)
                QTimer.singleShot(0, then)
            return False

    watcher = FirstPaint(window)
    window.installEventFilter(watcher)


def _report_paint_and_quit(app: QCoreApplication) -> None:
    """For bench/bench_startup.py: how long the first window took to paint, then exit."""
    print(f"first-paint-ms {(time.perf_counter() - _T0) * 1000:.1f}", flush=True)
    app.quit()


def _log_when_loaded(windows: list[RoleWindow]) -> None:
    """One boot-log line once every window shows its data (what a start-up check waits for)."""
    pending = {id(w) for w in windows}

    def one_loaded(window: RoleWindow) -> None:
        if id(window) in pending:
            pending.discard(id(window))
            if not pending:
                names = ", ".join(w.objectName() for w in windows)
                log.info("windows loaded (%s) after %.0f ms", names, (time.perf_counter() - _T0) * 1000)

    for window in windows:
        window.loaded.connect(lambda w=window: one_loaded(w))


def _screenshot_when_loaded(app: QCoreApplication, windows: list[RoleWindow], target: Path) -> None:
    from PySide6.QtCore import QTimer

    pending = {id(w) for w in windows}

    def grab_all() -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        for window in windows:
            path = (
                target
                if len(windows) == 1
                else target.with_name(
                    f"{target.stem}-{window.objectName() or type(window).__name__}{target.suffix}"
                )
            )
            window.grab().save(str(path))
            print(path, flush=True)
        app.quit()

    def one_loaded(window: RoleWindow) -> None:
        pending.discard(id(window))
        if not pending:
            QTimer.singleShot(300, grab_all)  # let layouts settle and fonts render

    for window in windows:
        window.loaded.connect(lambda w=window: one_loaded(w))
    QTimer.singleShot(20_000, grab_all)  # never hang: grab what is there


def _install_excepthook() -> None:
    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        logging.getLogger("counter_app.ui").error("unexpected error", exc_info=(kind, value, tb))

    sys.excepthook = hook
