"""The command line: headless operations with JSON out, for the hall's IT and for system tests.

Exit codes: 0 done; 2 refused (bad input or a rule, nothing changed); 3 nobody waiting for that
counter; 4 the store is unavailable (locked, disk full, damaged); 1 a bug (logged).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter_app.domain.errors import HallError, InvalidInput, NobodyWaiting, StoreUnavailable
from counter_app.domain.queue import CounterState, Ticket

if TYPE_CHECKING:  # the services are imported when a command runs, not when the parser is built
    from counter_app.services.hall import Hall

EXIT_REFUSED = 2
EXIT_NOBODY_WAITING = 3
EXIT_STORE_UNAVAILABLE = 4


def ticket_json(ticket: Ticket | None) -> dict[str, Any] | None:
    if ticket is None:
        return None
    return {
        "id": ticket.id,
        "number": ticket.number,
        "service": ticket.service_code,
        "green": ticket.green,
        "green_reason": ticket.green_reason,
        "state": ticket.state.value,
        "counter": ticket.counter,
        "clerk": ticket.clerk,
        "business_day": ticket.business_day.isoformat(),
        "issued_at": ticket.issued_at.isoformat(),
        "called_at": ticket.called_at.isoformat() if ticket.called_at else None,
        "finished_at": ticket.finished_at.isoformat() if ticket.finished_at else None,
        "recalls": ticket.recalls,
        "transfers": ticket.transfers,
    }


def emit(value: Any) -> None:
    """Print one JSON value on stdout (Chinese as is), the output of every command."""
    print(json.dumps(value, ensure_ascii=False, default=str))


def hall_for(args: argparse.Namespace, *, create: bool = False) -> Hall:
    """The hall a command works on (``--db`` / ``--profile``); use it as ``with hall_for(args) as hall``.
    Only ``init`` creates one (``create``): any other command on a path with no hall database stops
    with exit 2, having created nothing (a mistyped ``--db`` must not start an empty hall)."""
    from counter_app.logs import use_hall_timezone
    from counter_app.services.hall import open_hall

    hall = open_hall(args.db, profile_file=args.profile, create=create)
    use_hall_timezone(hall.profile.hall.timezone)
    return hall


# commands ------------------------------------------------------------------------------------------
def cmd_init(args: argparse.Namespace) -> int:
    from counter_app.store.sqlite.migrations import applied_names

    with hall_for(args, create=True) as hall:
        result: dict[str, Any] = {
            "db": str(hall.path),
            "migrations": applied_names(hall.db),
            "services": [s.code for s in hall.profile.services],
            "counters": [c.number for c in hall.profile.counters],
        }
        if args.demo or args.force_demo:
            from counter_app.services.demo import load_demo

            result["demo"] = load_demo(hall, force=args.force_demo)
        emit(result)
    return 0


def cmd_issue(args: argparse.Namespace) -> int:
    if args.green and not args.reason:
        raise InvalidInput(
            "--green needs --reason (the green-channel reason code from the hall profile)",
            field="reason",
            code="green_reason_required",
        )
    if args.reason and not args.green:
        raise InvalidInput(
            "--reason goes with --green; without it the number would be an ordinary one",
            field="reason",
            code="green_reason_without_green",
            reason=args.reason,
        )
    with hall_for(args) as hall:
        issued = hall.queue.issue(
            args.service, green=args.green, green_reason=args.reason or "", source="cli"
        )
    out = ticket_json(issued.ticket) or {}
    out.update(ahead=issued.ahead, estimate_min=issued.estimate_minutes)
    emit(out)
    return 0


def cmd_call(args: argparse.Namespace) -> int:
    with hall_for(args) as hall:
        if args.number:
            result = hall.queue.call_number(args.counter, args.number, clerk=args.clerk)
        else:
            result = hall.queue.call_next(args.counter, clerk=args.clerk)
    out = ticket_json(result.called) or {"called": None}
    out["finished"] = ticket_json(result.finished)
    emit(out)
    if result.called is None:
        raise NobodyWaiting(f"Nobody is waiting for counter {args.counter}", counter=args.counter)
    return 0


def _counter_action(action: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        with hall_for(args) as hall:
            out: dict[str, Any] | None
            if action == "recall":
                recalled = hall.queue.recall(args.counter)
                out = ticket_json(recalled.ticket) or {}
                out["became_no_show"] = recalled.became_no_show
            elif action == "no-show":
                out = ticket_json(hall.queue.no_show(args.counter))
            elif action == "start":
                out = ticket_json(hall.queue.start_serving(args.counter))
            elif action == "transfer":
                out = ticket_json(hall.queue.transfer(args.counter, args.to))
            else:
                out = ticket_json(hall.queue.finish(args.counter, number=args.number))
        emit(out)
        return 0

    return run


def cmd_requeue(args: argparse.Namespace) -> int:
    with hall_for(args) as hall:
        emit(ticket_json(hall.queue.requeue(args.number, clerk=args.clerk or "")))
    return 0


def cmd_cancel(args: argparse.Namespace) -> int:
    with hall_for(args) as hall:
        emit(ticket_json(hall.queue.cancel(args.number, clerk=args.clerk or "")))
    return 0


def cmd_print(args: argparse.Namespace) -> int:
    from counter_app.services.printing.tickets import print_ticket_pdf

    with hall_for(args) as hall:
        emit(print_ticket_pdf(hall, args.number, Path(args.pdf), paper=args.paper))
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    with hall_for(args) as hall:
        status = hall.views.status()
    emit(
        {
            "business_day": status.business_day.isoformat(),
            "waiting": {s.code: status.waiting.get(s.code, 0) for s in hall.profile.services},
            "counters": [
                {
                    "number": c.counter.number,
                    "state": c.counter.state.value,
                    "clerk": c.counter.clerk,
                    "services": list(c.counter.services),
                    "current": c.current.number if c.current else None,
                    "current_state": c.current.state.value if c.current else None,
                }
                for c in status.counters
            ],
        }
    )
    return 0


def cmd_counter(args: argparse.Namespace) -> int:
    with hall_for(args) as hall:
        hall.queue.set_counter_state(args.number, CounterState(args.state), clerk=args.clerk)
    emit({"counter": args.number, "state": args.state})
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from counter_app.app import run_gui

    return run_gui(args)


# parser --------------------------------------------------------------------------------------------
def build_parser(*, areas: bool = True) -> argparse.ArgumentParser:
    """The whole command line; ``areas=False`` leaves out the applications and payments commands,
    whose modules import most of the services (the ``gui`` command does not need them to start)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        help="hall database file (default: COUNTER_APP_DB or the user data folder)",
    )
    common.add_argument("--profile", default=argparse.SUPPRESS, help="hall profile TOML to load")

    parser = argparse.ArgumentParser(
        prog="counter-app", description="Service-hall counter tool", parents=[common]
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("init", parents=[common], help="create or upgrade the hall database")
    p.add_argument(
        "--demo",
        action="store_true",
        help="also load the demo hall (a morning of queue history, accounts, applications) once; "
        "refused when the hall holds its own records",
    )
    p.add_argument(
        "--force-demo",
        action="store_true",
        help="load the demo even into a hall that holds its own records (its accounts become the live list)",
    )
    p.set_defaults(func=cmd_init)

    ticket = sub.add_parser("ticket", help="issue, call and serve numbers").add_subparsers(
        dest="action", required=True
    )
    p = ticket.add_parser("issue", parents=[common], help="take a number")
    p.add_argument("service")
    p.add_argument("--green", action="store_true", help="green channel (绿色通道); needs --reason")
    p.add_argument("--reason", help="green-channel reason code from the profile (with --green)")
    p.set_defaults(func=cmd_issue)

    p = ticket.add_parser("call", parents=[common], help="finish the current customer and call the next")
    p.add_argument("--counter", type=int, required=True)
    p.add_argument("--clerk")
    p.add_argument("--number", help="call this waiting number out of order")
    p.set_defaults(func=cmd_call)

    for action, text in (
        ("recall", "call the current number again"),
        ("no-show", "mark it no-show"),
        ("start", "the customer has arrived"),
        ("finish", "finish the current customer"),
    ):
        p = ticket.add_parser(action, parents=[common], help=text)
        p.add_argument("--counter", type=int, required=True)
        if action == "finish":
            p.add_argument("--number", help="refuse unless this is the counter's current customer")
        p.set_defaults(func=_counter_action(action))

    p = ticket.add_parser("transfer", parents=[common], help="send the current customer to another service")
    p.add_argument("--counter", type=int, required=True)
    p.add_argument("--to", required=True)
    p.set_defaults(func=_counter_action("transfer"))

    for action, func, text in (
        ("requeue", cmd_requeue, "put a no-show back in line"),
        ("cancel", cmd_cancel, "withdraw a waiting number"),
    ):
        p = ticket.add_parser(action, parents=[common], help=text)
        p.add_argument("number")
        p.add_argument("--clerk")
        p.set_defaults(func=func)

    p = ticket.add_parser("print", parents=[common], help="print a ticket slip to PDF")
    p.add_argument("number")
    p.add_argument("--pdf", required=True)
    p.add_argument("--paper", default="80mm", choices=["80mm", "58mm", "a6"])
    p.set_defaults(func=cmd_print)

    queue = sub.add_parser("queue", help="queue state").add_subparsers(dest="action", required=True)
    queue.add_parser(
        "status", parents=[common], help="waiting per service, each counter's number"
    ).set_defaults(func=cmd_status)

    p = sub.add_parser("counter", parents=[common], help="open, pause or close a counter")
    p.add_argument("state", choices=[s.value for s in CounterState])
    p.add_argument("number", type=int)
    p.add_argument("--clerk")
    p.set_defaults(func=cmd_counter)

    p = sub.add_parser("gui", parents=[common], help="start windows: kiosk, counter, display")
    p.add_argument("--role", action="append", choices=["kiosk", "counter", "display"], required=True)
    p.add_argument("--counter", type=int, action="append", help="counter number for each counter role")
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
        choices=["line", "applications", "payment"],
        help="the counter tab shown first",
    )
    p.set_defaults(func=cmd_gui)

    for register in _area_registrars() if areas else ():
        register(sub, common)
    return parser


def _command(argv: Sequence[str]) -> str:
    """The sub-command word of ``argv`` (skipping the global options and their values)."""
    words = iter(argv)
    for word in words:
        if word in ("--db", "--profile"):
            next(words, None)
        elif not word.startswith("-"):
            return word
    return ""


def _area_registrars() -> list[Callable[[Any, argparse.ArgumentParser], None]]:
    """Commands of the other areas, each in its own ``cli_*`` module with ``register(subparsers,
    common_parent)``; the queue's own commands stay in this file."""
    from counter_app.cli import applications, payments

    return [applications.register, payments.register]


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(areas=_command(argv) != "gui")  # a window starts without the other commands
    args = parser.parse_args(argv)
    args.db = getattr(args, "db", None)
    args.profile = getattr(args, "profile", None)
    from counter_app import paths
    from counter_app.logs import setup_logging

    gui = args.command == "gui"
    setup_logging(gui=gui, db_path=paths.database_path(args.db) if gui else None)
    try:
        return int(args.func(args))
    except NobodyWaiting as exc:
        _error(exc.code, str(exc), exc.params)
        return EXIT_NOBODY_WAITING
    except HallError as exc:
        _error(exc.code, str(exc), exc.params)
        return EXIT_REFUSED
    except StoreUnavailable as exc:
        _error(f"store_{exc.reason}", str(exc), {})
        return EXIT_STORE_UNAVAILABLE


def _error(code: str, message: str, params: dict[str, Any]) -> None:
    print(
        json.dumps({"error": code, "message": message, **params}, ensure_ascii=False, default=str),
        file=sys.stderr,
    )
