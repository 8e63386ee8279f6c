"""Command line of the walk-in queue: issue, call and serve numbers, print a ticket, the queue's state.

counter-app ticket issue A [--green --reason elderly]
counter-app ticket call|recall|no-show|start|finish|transfer --counter 3 …
counter-app ticket requeue|cancel A012 · ticket print A012 --pdf out.pdf
counter-app queue status · counter open|paused|closed 3 [--clerk 张敏]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter_app.cli import emit, on_hall
from counter_app.cli.arguments import counter_number
from counter_app.domain.errors import InvalidInput, NobodyWaiting, StoreUnavailable
from counter_app.domain.queue import CounterState, Ticket

if TYPE_CHECKING:
    from counter_app.services.hall import Hall


def _offline(args: argparse.Namespace, hall: Hall, out: dict[str, Any]) -> dict[str, Any]:
    """On a PC of a hall with a server: say whether the action was done on the PC alone."""
    if args.hall:
        from counter_app.cli.hall import working_alone

        out["offline"] = working_alone(hall)
    return out


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

    def issue(hall: Hall) -> dict[str, Any]:
        issued = hall.queue.issue(
            args.service, green=args.green, green_reason=args.reason or "", source="cli"
        )
        out = ticket_json(issued.ticket) or {}
        out.update(ahead=issued.ahead, estimate_min=issued.estimate_minutes)
        return _offline(args, hall, out)

    emit(on_hall(args, issue))
    return 0


def cmd_call(args: argparse.Namespace) -> int:

    def call(hall: Hall) -> dict[str, Any]:
        if not args.number and args.hall:
            from counter_app.cli.hall import SERVER_NEEDED, working_alone

            if working_alone(hall):
                what = "who is next is known only there; call a number with --number"
                raise StoreUnavailable(SERVER_NEEDED.format(what=what), reason="server_down")
        if args.number:
            result = hall.queue.call_number(args.counter, args.number, clerk=args.clerk)
        else:
            result = hall.queue.call_next(args.counter, clerk=args.clerk)
        out = ticket_json(result.called) or {"called": None}
        out["finished"] = ticket_json(result.finished)
        return _offline(args, hall, out)

    out = on_hall(args, call)
    emit(out)
    if out.get("number") is None:
        raise NobodyWaiting(f"Nobody is waiting for counter {args.counter}", counter=args.counter)
    return 0


def _counter_action(action: str) -> Callable[[argparse.Namespace], int]:
    def act(hall: Hall, args: argparse.Namespace) -> dict[str, Any] | None:
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
            out = ticket_json(
                hall.queue.transfer(args.counter, args.to, reason=args.reason, to_counter=args.to_counter)
            )
        else:
            out = ticket_json(hall.queue.finish(args.counter, number=args.number))
        return out if out is None else _offline(args, hall, out)

    def run(args: argparse.Namespace) -> int:
        emit(on_hall(args, lambda hall: act(hall, args)))
        return 0

    return run


def cmd_requeue(args: argparse.Namespace) -> int:
    emit(on_hall(args, lambda hall: ticket_json(hall.queue.requeue(args.number, clerk=args.clerk or ""))))
    return 0


def cmd_cancel(args: argparse.Namespace) -> int:
    emit(on_hall(args, lambda hall: ticket_json(hall.queue.cancel(args.number, clerk=args.clerk or ""))))
    return 0


def cmd_print(args: argparse.Namespace) -> int:
    from counter_app.services.printing.tickets import print_ticket_pdf

    emit(on_hall(args, lambda hall: print_ticket_pdf(hall, args.number, Path(args.pdf), paper=args.paper)))
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    emit(on_hall(args, lambda hall: _status(args, hall)))
    return 0


def _status(args: argparse.Namespace, hall: Hall) -> dict[str, Any]:
    status = hall.views.status()
    return _offline(
        args,
        hall,
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
        },
    )


def cmd_counter(args: argparse.Namespace) -> int:
    on_hall(
        args,
        lambda hall: hall.queue.set_counter_state(args.number, CounterState(args.state), clerk=args.clerk),
    )
    emit({"counter": args.number, "state": args.state})
    return 0


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``ticket``, ``queue`` and ``counter`` to the ``counter-app`` command line."""
    ticket = sub.add_parser("ticket", help="issue, call and serve numbers").add_subparsers(
        dest="action", required=True
    )
    p = ticket.add_parser("issue", parents=[common], help="take a number")
    p.add_argument("service")
    p.add_argument("--green", action="store_true", help="green channel (绿色通道); needs --reason")
    p.add_argument("--reason", help="green-channel reason code from the profile (with --green)")
    p.set_defaults(func=cmd_issue)

    p = ticket.add_parser("call", parents=[common], help="finish the current customer and call the next")
    p.add_argument("--counter", type=counter_number(), required=True)
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
        p.add_argument("--counter", type=counter_number(), required=True)
        if action == "finish":
            p.add_argument("--number", help="refuse unless this is the counter's current customer")
        p.set_defaults(func=_counter_action(action))

    p = ticket.add_parser("transfer", parents=[common], help="send the current customer to another service")
    p.add_argument("--counter", type=counter_number(), required=True)
    p.add_argument("--to", required=True)
    p.add_argument("--reason", help="why: records the transfer as a hand-over (首问负责制)")
    p.add_argument("--to-counter", type=counter_number(), help="the counter that should take the customer")
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
    p.add_argument("number", type=counter_number())
    p.add_argument("--clerk")
    p.set_defaults(func=cmd_counter)
