"""Command line of a hall with a server (PostgreSQL on the hall LAN): which server, which PC, and
the server's own commands.

    counter-app --hall DSN hall init [--demo]       create or upgrade the hall on its server
    counter-app --hall DSN --pc NAME hall status     which store this PC works on, what waits to go over
    counter-app --hall DSN --pc NAME hall sync       hand this PC's offline work over now

``--hall`` (or ``COUNTER_APP_HALL``, or ``server`` in the ``[hall]`` table of the profile file) names
the server and database, never a password: one is refused (exit 2) before anything connects, and
only the DSN with its secrets blanked is ever logged. libpq takes the password from ``~/.pgpass``
(mode 0600) or a service file (``PGSERVICEFILE``), and honours ``sslmode`` in the DSN or the
service as written.

Every other command runs on this PC's link to the hall (:func:`on_pc`): on the server while it
answers; while it does not, on the PC's own store (tickets from the PC's fallback series, "offline":
true) — except the commands marked ``server_only`` (the whole hall's records, or work that could not
be handed over later), which stop with exit 4 and a plain reason, having changed nothing.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from counter_app.cli import emit
from counter_app.domain.errors import InvalidInput, StoreUnavailable

if TYPE_CHECKING:
    from counter_app.services.hall import Hall
    from counter_app.services.hall_link import LinkedHall
    from counter_app.services.hand_over import HandOverReport

T = TypeVar("T")
log = logging.getLogger("counter_app.init")

HALL_ENV = "COUNTER_APP_HALL"
SERVER_NEEDED = (
    "This command needs the hall server, which cannot be reached now ({what}). Nothing was changed. "
    "Check the network and the server, then try again (counter-app hall status says when it is back)."
)

_PASSWORD = re.compile(r"(^|\s)password\s*=", re.IGNORECASE)
_URI_PASSWORD = re.compile(r"^postgres(?:ql)?://[^/@?]*:[^/@?]*@", re.IGNORECASE)
_URI_QUERY_PASSWORD = re.compile(r"^postgres(?:ql)?://.*[?&]password=", re.IGNORECASE)


class PcOpener(Protocol):
    """How the composition root opens a PC of a hall with a server (``counter_app.app.open_pc``)."""

    def __call__(
        self,
        dsn: str,
        db_path: Path | str | None = None,
        *,
        pc: str | None = None,
        profile_file: Path | str | None = None,
    ) -> LinkedHall: ...


class ServerHallOpener(Protocol):
    """How the composition root opens the hall on its server directly (``hall init``)."""

    def __call__(
        self,
        db_path: Path | str | None = None,
        *,
        profile_file: Path | str | None = None,
        create: bool = False,
        hall: str | None = None,
    ) -> Hall: ...


# which server --------------------------------------------------------------------------------------
def check_dsn(dsn: str, where: str) -> str:
    """``dsn`` when it holds no password; else a refusal saying where the password belongs."""
    text = dsn.strip()
    if _PASSWORD.search(text) or _URI_PASSWORD.match(text) or _URI_QUERY_PASSWORD.match(text):
        raise InvalidInput(
            f"The hall server's address ({where}) contains a password. Passwords never go on a command "
            "line, in an environment variable or in the profile, where other users and the logs could "
            "read them: put it in ~/.pgpass (chmod 600) or in a service file (PGSERVICEFILE, used as "
            "'service=NAME'), and give only host, dbname, user and sslmode here.",
            field="hall",
            code="dsn_with_password",
        )
    return text


MAX_PROFILE_BYTES = 1 << 20
"""A profile file larger than this is not read here for its ``[hall] server``."""


def _profile_server(profile: str | None) -> str:
    """``server`` in the ``[hall]`` table of the profile file in use ('' when none)."""
    from counter_app import paths

    path = paths.profile_path(profile)
    if path is None:
        return ""
    try:
        file = Path(path)
        if not file.is_file() or file.stat().st_size > MAX_PROFILE_BYTES:
            return ""  # a device, a FIFO, a folder, a huge file: the hall's open refuses it plainly
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return ""  # the hall's open reports a profile it cannot read, with its reason
    hall = data.get("hall", {})
    server = hall.get("server", "") if isinstance(hall, dict) else ""
    return server if isinstance(server, str) else ""


def resolve_hall(args: argparse.Namespace) -> None:
    """Set ``args.hall`` (the server's DSN, or ``None``: this PC's file alone) and ``args.pc``:
    ``--hall``, else ``COUNTER_APP_HALL``, else the profile's ``[hall] server``."""
    given = getattr(args, "hall", None)
    if given is not None:
        dsn, where = given, "--hall"
    elif os.environ.get(HALL_ENV, "").strip():
        dsn, where = os.environ[HALL_ENV], HALL_ENV
    else:
        dsn, where = _profile_server(args.profile), "the profile's [hall] server"
    args.hall = check_dsn(dsn, where) or None
    pc = str(getattr(args, "pc", "") or "").strip()
    if len(pc) > 64:
        raise InvalidInput("--pc: a PC's name has at most 64 characters.", field="pc", code="pc_name_long")
    args.pc = pc or None
    if args.hall and getattr(args, "open_pc", None) is None:
        raise InvalidInput("This front end cannot work with a hall server.", field="hall", code="no_server")


# running a command on the PC's link ----------------------------------------------------------------
def on_pc(args: argparse.Namespace, job: Callable[[Hall], T]) -> T:
    """Run ``job`` on this PC's link to the hall (``args.server_only``: what the command is, when it
    cannot run without the server)."""
    from counter_app.logs import use_hall_timezone

    server_only: str = getattr(args, "server_only", "")
    open_pc: PcOpener = args.open_pc
    linked = open_pc(args.hall, args.db, pc=args.pc, profile_file=args.profile)
    try:
        use_hall_timezone(linked.profile.hall.timezone)

        def guarded(hall: LinkedHall) -> T:
            if server_only and hall.alone:
                raise StoreUnavailable(SERVER_NEEDED.format(what=server_only), reason="server_down")
            return job(hall)

        return linked.run(guarded)
    finally:
        linked.close()


def working_alone(hall: Hall) -> bool:
    """Whether ``hall`` is a PC working on its own store because the server cannot be reached."""
    return bool(getattr(hall, "alone", False))


def server_only(parser: argparse.ArgumentParser, what: str) -> None:
    """Mark a command as needing the hall server (``what`` it does, for the refusal)."""
    parser.set_defaults(server_only=what)


# hall init | status | sync ---------------------------------------------------------------------------
def _need_server(args: argparse.Namespace) -> str:
    if not args.hall:
        raise InvalidInput(
            "This command is for a hall with a server: give --hall DSN (or COUNTER_APP_HALL, or the "
            "profile's [hall] server).",
            field="hall",
            code="no_hall_server",
        )
    dsn: str = args.hall
    return dsn


def cmd_init(args: argparse.Namespace) -> int:
    """Create or upgrade the hall's schema on its server, load the profile (and the demo)."""
    dsn = _need_server(args)
    open_hall: ServerHallOpener = args.open_hall
    with open_hall(args.db, profile_file=args.profile, create=True, hall=dsn) as hall:
        result: dict[str, Any] = {
            "server": "up",
            "migrations": list(hall.store.migrations),
            "services": [s.code for s in hall.profile.services],
            "counters": [c.number for c in hall.profile.counters],
        }
        if args.demo or args.force_demo:
            from counter_app.services.demo import load_demo

            result["demo"] = load_demo(hall, force=args.force_demo, weeks=args.demo_weeks)
    emit(result)
    return 0


def _when(value: object) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else None


def report_json(report: HandOverReport | None) -> dict[str, Any] | None:
    if report is None:
        return None
    return {
        "replayed": report.replayed,
        "applied": report.applied,
        "already": report.already,
        "conflicts": report.conflicts,
        "parked": report.parked,
        "stopped": report.stopped or None,
        "details": list(report.details),
    }


def cmd_status(args: argparse.Namespace) -> int:
    _need_server(args)
    open_pc: PcOpener = args.open_pc
    linked = open_pc(args.hall, args.db, pc=args.pc, profile_file=args.profile)
    try:
        status = linked.link_status()
    finally:
        linked.close()
    emit(
        {
            "server": "up" if status.server_up else "down",
            "since": _when(status.since),
            "pc": status.pc,
            "tag": status.tag or None,
            "pending": status.pending,
            "parked": status.parked,
            "oldest_pending": _when(status.oldest_pending),
            "handed_over": status.handed_over,
            "conflicts": status.conflicts,
            "last_hand_over_at": _when(status.last_handed_over_at),
            "last_hand_over": report_json(status.last_hand_over),
        }
    )
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    """Hand over now. Opening the link already hands over what is pending (before any new action);
    this then tries what stays parked once more and says what both did."""
    _need_server(args)
    open_pc: PcOpener = args.open_pc
    linked = open_pc(args.hall, args.db, pc=args.pc, profile_file=args.profile)
    try:
        first = linked.link_status().last_hand_over
        again = linked.link.hand_over()
        status = linked.link_status()
    finally:
        linked.close()
    reports = [r for r in (first, again) if r is not None]
    emit(
        {
            "server": "up",
            "pc": status.pc,
            "tag": status.tag or None,
            "replayed": sum(r.replayed for r in reports),
            "applied": sum(r.applied for r in reports),
            "already": sum(r.already for r in reports),
            "conflicts": sum(r.conflicts for r in reports),
            "parked": status.parked,
            "pending": status.pending,
            "details": [d for r in reports for d in r.details],
        }
    )
    return 0


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``hall init|status|sync`` to the ``counter-app`` command line."""
    hall = sub.add_parser(
        "hall", help="a hall with a server: set it up, this PC's link to it"
    ).add_subparsers(dest="action", required=True)
    p = hall.add_parser("init", parents=[common], help="create or upgrade the hall on its server (--hall)")
    p.add_argument("--demo", action="store_true", help="also load the demo hall once (as init --demo)")
    p.add_argument("--force-demo", action="store_true", help="load the demo even into a hall with records")
    p.add_argument("--demo-weeks", type=int, default=5, help="weeks of demo history before today")
    p.set_defaults(func=cmd_init)
    p = hall.add_parser(
        "status", parents=[common], help="server up or down, since when, actions waiting to be handed over"
    )
    p.set_defaults(func=cmd_status)
    p = hall.add_parser("sync", parents=[common], help="hand this PC's offline work over to the server now")
    p.set_defaults(func=cmd_sync)
