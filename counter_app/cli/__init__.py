"""The command line: headless operations with JSON out, for the hall's IT and for system tests.

One front end of the composition root (``counter_app.app``), which hands :func:`run` the way to open a
hall and to start the windows; the commands live by capability in ``queue.py``, ``applications.py``,
``payments.py``, ``quality.py`` (reports, ratings, visit notes), ``admin.py`` (init, staff, working
days) and ``hall.py`` (a hall with a server: ``--hall``/``--pc``, ``hall init|status|sync``), each with
``register(subparsers, common_parent)``.

With a hall server (``--hall DSN``, ``COUNTER_APP_HALL`` or the profile's ``[hall] server``) every
command runs on this PC's link to it (:func:`on_hall`): on the server while it answers, on the PC's
own store while it does not (a command the server is lost under runs again there, once).

Exit codes: 0 done; 2 refused (bad input or a rule, nothing changed); 3 nobody waiting for that
counter; 4 the store is unavailable (locked, disk full, damaged; or the hall server cannot be reached
for a command that needs it); 1 a bug (logged).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from counter_app.cli.arguments import CommandParser, counter_number
from counter_app.domain.errors import HallError, NobodyWaiting, StoreUnavailable

if TYPE_CHECKING:  # the services are imported when a command runs, not when the parser is built
    from counter_app.cli.hall import PcOpener
    from counter_app.services.hall import Hall

T = TypeVar("T")

EXIT_REFUSED = 2
EXIT_NOBODY_WAITING = 3
EXIT_STORE_UNAVAILABLE = 4


class HallOpener(Protocol):
    """How the composition root opens a hall (``counter_app.app.open_hall``)."""

    def __call__(
        self,
        db_path: Path | str | None = None,
        *,
        profile_file: Path | str | None = None,
        create: bool = False,
    ) -> Hall: ...


GuiStarter = Callable[[argparse.Namespace], int]


def emit(value: Any) -> None:
    """Print one JSON value on stdout (Chinese as is), the output of every command."""
    print(json.dumps(value, ensure_ascii=False, default=str))


def hall_for(args: argparse.Namespace, *, create: bool = False) -> Hall:
    """The hall a command works on (``--db`` / ``--profile``); use it as ``with hall_for(args) as hall``.
    Only ``init`` creates one (``create``): any other command on a path with no hall database stops
    with exit 2, having created nothing (a mistyped ``--db`` must not start an empty hall)."""
    from counter_app.logs import use_hall_timezone

    open_hall: HallOpener = args.open_hall
    hall = open_hall(args.db, profile_file=args.profile, create=create)
    use_hall_timezone(hall.profile.hall.timezone)
    try:
        from counter_app.cli.users import sign_in

        sign_in(hall, args)  # --as CODE
    except BaseException:
        hall.close()
        raise
    return hall


def on_hall(args: argparse.Namespace, job: Callable[[Hall], T]) -> T:
    """Run one command's ``job`` on its hall: the hall file as today, or with a hall server this PC's
    link to it (``cli/hall.py``), where a job the server is lost under runs again on the PC's own
    store, and a command marked ``server_only`` stops with exit 4 while the server is away."""
    if args.hall:
        from counter_app.cli.hall import on_pc

        return on_pc(args, job)
    with hall_for(args) as hall:
        return job(hall)


def json_command(build: Callable[[Hall, argparse.Namespace], Any]) -> Callable[[argparse.Namespace], int]:
    """A command: open the hall, build the JSON value, print it once the hall is closed. Refusals and an
    unavailable store propagate to :func:`run`, which turns them into the exit codes."""

    def command(args: argparse.Namespace) -> int:
        emit(on_hall(args, lambda hall: build(hall, args)))
        return 0

    return command


# parser --------------------------------------------------------------------------------------------
def build_parser(*, areas: bool = True) -> argparse.ArgumentParser:
    """The whole command line; ``areas=False`` leaves out the applications, payments, staff and
    working-day commands (the ``gui`` command does not need them to start)."""
    from counter_app.cli import admin, hall, queue, users

    common = CommandParser(add_help=False)
    common.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        help="hall database file (default: COUNTER_APP_DB or the user data folder)",
    )
    common.add_argument("--profile", default=argparse.SUPPRESS, help="hall profile TOML to load")
    users.add_sign_in_options(common)
    common.add_argument(
        "--hall",
        default=argparse.SUPPRESS,
        metavar="DSN",
        help="the hall server (PostgreSQL), e.g. 'host=hall-server dbname=hall user=counter' or "
        "'service=hall' (default: COUNTER_APP_HALL or the profile's [hall] server; none: this PC's "
        "file alone). No password here: ~/.pgpass or a service file holds it",
    )
    common.add_argument(
        "--pc", default=argparse.SUPPRESS, help="this PC's name in the hall (default: the host name)"
    )

    parser = CommandParser(prog="counter-app", description="Service-hall counter tool", parents=[common])
    sub = parser.add_subparsers(dest="command", required=True)
    admin.register_init(sub, common)
    hall.register(sub, common)
    queue.register(sub, common)
    _register_gui(sub, common)
    if areas:
        from counter_app.cli import applications, payments, quality, safety

        applications.register(sub, common)
        admin.register(sub, common)
        payments.register(sub, common)
        quality.register(sub, common)
        safety.register(sub, common)
        users.register(sub, common)
    return parser


def _register_gui(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "gui", parents=[common], help="start windows: kiosk, counter, display, rating, supervisor"
    )
    p.add_argument(
        "--role",
        action="append",
        choices=["kiosk", "counter", "display", "rating", "supervisor"],
        required=True,
        help="rating: the customer's rating screen of a counter; supervisor: the dashboard",
    )
    p.add_argument(
        "--counter",
        type=counter_number(),
        action="append",
        help="counter number for each counter or rating role",
    )
    p.add_argument(
        "--rating",
        choices=["screen", "dialog", "none"],
        help="how this counter PC asks for ratings (default: the profile's [rating] mode)",
    )
    p.add_argument("--clerk", help="clerk signed in at the counter")
    p.add_argument("--language", choices=["zh_CN", "zh_TW", "en"], help="UI language (default: the hall's)")
    p.add_argument("--screenshot", help="render the window(s) with their data to this PNG and exit")
    p.add_argument(
        "--printer",
        help="this PC's printer, overriding the profile's, for the kiosk's tickets and the counters' "
        "papers (receipts, notices, payment slips, reprints): none, pdf:DIR, system[:NAME], "
        "escpos-net:HOST[:PORT]",
    )
    p.add_argument("--fullscreen", action="store_true")
    p.add_argument(
        "--tab",
        default="line",
        choices=["line", "applications", "payment", "handovers"],
        help="the counter tab shown first",
    )
    p.set_defaults(func=_gui)


def _gui(args: argparse.Namespace) -> int:
    start: GuiStarter = args.start_gui
    return start(args)


def _command(argv: Sequence[str]) -> str:
    """The sub-command word of ``argv`` (skipping the global options and their values)."""
    words = iter(argv)
    for word in words:
        if word in ("--db", "--profile", "--hall", "--pc", "--as"):
            next(words, None)
        elif not word.startswith("-"):
            return word
    return ""


# running -------------------------------------------------------------------------------------------
def run(
    argv: Sequence[str] | None,
    *,
    open_hall: HallOpener,
    start_gui: GuiStarter,
    open_pc: PcOpener | None = None,
    hall_files: Callable[[Path | str | None], Any] | None = None,
    damage_of: Callable[[Hall], object | None] | None = None,
) -> int:
    """Parse ``argv`` and run the command; refusals and an unavailable store become exit codes with
    the reason as JSON on stderr. ``open_pc``: how a PC of a hall with a server opens its link
    (``counter_app.app.open_pc``); ``args.hall`` (the DSN, or ``None``) and ``args.pc`` tell the
    command and the windows which."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(areas=_command(argv) != "gui")  # a window starts without the other commands
    args = parser.parse_args(argv)
    args.db = getattr(args, "db", None)
    args.profile = getattr(args, "profile", None)
    args.open_hall, args.start_gui, args.open_pc = open_hall, start_gui, open_pc
    args.hall_files = hall_files
    args.damage_of = damage_of  # a damaged hall file opened read-only (``app.damage_of``)
    from counter_app import paths
    from counter_app.logs import setup_logging

    gui = args.command == "gui"
    setup_logging(gui=gui, db_path=paths.database_path(args.db) if gui else None)
    try:
        from counter_app.cli.hall import resolve_hall

        resolve_hall(args)
        return int(args.func(args))
    except NobodyWaiting as exc:
        _error(exc.code, str(exc), exc.params)
        return EXIT_NOBODY_WAITING
    except HallError as exc:
        _error(exc.code, str(exc), exc.params)
        return EXIT_REFUSED
    except StoreUnavailable as exc:
        _error(f"store_{exc.reason}", str(exc), exc.params)
        return EXIT_STORE_UNAVAILABLE


def _error(code: str, message: str, params: dict[str, Any]) -> None:
    print(
        json.dumps({"error": code, "message": message, **params}, ensure_ascii=False, default=str),
        file=sys.stderr,
    )
