"""Command line of the hall's own set-up: create or upgrade the hall, its staff, its working days.

    counter-app init [--demo | --force-demo] [--demo-weeks N]   create or upgrade the hall database
    counter-app workdays add DATE N               the date N working days after DATE
    counter-app workdays between DATE DATE        working days after the first date up to the second
    counter-app workdays load FILE                enter a year's official holiday schedule (TOML)
    counter-app workdays year YEAR                how a year is counted: days off, make-up working days
    counter-app staff add CODE NAME [--role supervisor] | staff list | staff deactivate CODE

JSON out; exit codes as in ``cli/__init__.py``: 0 done, 2 refused (nothing changed), 4 store unavailable.
"""

from __future__ import annotations

import argparse
from datetime import MAXYEAR, MINYEAR, date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter_app.cli import emit, hall_for, json_command
from counter_app.cli.arguments import MAX_WORKDAYS, whole
from counter_app.cli.hall import server_only
from counter_app.domain.entries import MAX_WHOLE_NUMBER, whole_number
from counter_app.domain.errors import InvalidInput

if TYPE_CHECKING:  # the parser of ``gui`` is built from here too: nothing heavy at import time
    from counter_app.domain.applications.detail import StaffMember
    from counter_app.services.hall import Hall


def cmd_init(args: argparse.Namespace) -> int:
    if args.hall:  # the hall on its server: the same as ``hall init``
        from counter_app.cli.hall import cmd_init as init_server

        return init_server(args)
    with hall_for(args, create=True) as hall:
        result: dict[str, Any] = {
            "db": str(hall.path),
            "migrations": list(hall.store.migrations),
            "services": [s.code for s in hall.profile.services],
            "counters": [c.number for c in hall.profile.counters],
        }
        if args.demo or args.force_demo:
            from counter_app.services.demo import load_demo

            result["demo"] = load_demo(hall, force=args.force_demo, weeks=args.demo_weeks)
        emit(result)
    return 0


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a date like 2026-09-30") from None


def staff_json(member: StaffMember) -> dict[str, Any]:
    return {"code": member.code, "name": member.name, "role": member.role.value, "active": member.active}


def _workdays_add(hall: Hall, args: argparse.Namespace) -> Any:
    due = hall.application_views.add_workdays(args.date, args.n)
    return {
        "start": args.date.isoformat(),
        "workdays": args.n,
        "date": due.day.isoformat(),
        "weekday": due.day.strftime("%A"),
        "provisional": due.provisional,
        "provisional_years": list(due.provisional_years),
    }


def _workdays_between(hall: Hall, args: argparse.Namespace) -> Any:
    calendar = hall.applications.setup.calendar
    return {
        "from": args.start.isoformat(),
        "to": args.end.isoformat(),
        "workdays": calendar.workdays_between(args.start, args.end),
        "provisional_years": list(calendar.provisional_years(args.start, args.end)),
    }


def _workdays_load(hall: Hall, args: argparse.Namespace) -> Any:
    loaded = hall.calendar.load(Path(args.file))
    return {
        "year": loaded.year,
        "source": loaded.source,
        "holidays": loaded.holidays,
        "workdays": loaded.workdays,
        "replaced": loaded.replaced,
        "unchanged": loaded.unchanged,
        "statutory_holidays_not_listed": [d.isoformat() for d in loaded.statutory_not_listed],
        "due_dates_recomputed": loaded.due_dates_recomputed,
    }


def _workdays_year(hall: Hall, args: argparse.Namespace) -> Any:
    view = hall.calendar.year(args.year)
    return {
        "year": view.year,
        "basis": view.basis,
        "provisional": view.provisional,
        "source": view.source,
        "workdays": view.workdays,
        "days_off_on_weekdays": [
            {"date": d.isoformat(), "weekday": d.strftime("%a"), "statutory": name or None}
            for d, name in view.days_off_on_weekdays
        ],
        "weekend_workdays": [d.isoformat() for d in view.weekend_workdays],
    }


def _year(text: str) -> int:
    try:
        return whole_number(text, field="year", low=MINYEAR, high=MAXYEAR - 1)
    except InvalidInput:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a year like 2027") from None


def _staff_add(hall: Hall, args: argparse.Namespace) -> Any:
    from counter_app.domain.applications.workflow import Role

    return staff_json(hall.staff.add(args.code, args.name, Role(args.role)))


def _staff_list(hall: Hall, args: argparse.Namespace) -> Any:
    return [staff_json(m) for m in hall.staff.list()]


def _staff_deactivate(hall: Hall, args: argparse.Namespace) -> Any:
    return staff_json(hall.staff.deactivate(args.code))


def workdays_count(text: str) -> int:
    try:
        value = whole_number(text, field="N", low=-MAX_WHOLE_NUMBER, high=MAX_WHOLE_NUMBER)
    except InvalidInput:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("N must be 0 or more working days")
    if value > MAX_WORKDAYS:
        raise argparse.ArgumentTypeError(f"N must be at most {MAX_WORKDAYS} working days")
    return value


def register_init(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``init`` to the ``counter-app`` command line."""
    p = sub.add_parser("init", parents=[common], help="create or upgrade the hall database")
    p.add_argument(
        "--demo",
        action="store_true",
        help="also load the demo hall (weeks of history, this morning, accounts, applications) once; "
        "refused when the hall holds its own records",
    )
    p.add_argument(
        "--force-demo",
        action="store_true",
        help="load the demo even into a hall that holds its own records (its accounts become the live list)",
    )
    p.add_argument("--demo-weeks", type=whole(0, 520), default=5, help="weeks of demo history before today")
    p.set_defaults(func=cmd_init)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``workdays`` and ``staff`` to the ``counter-app`` command line."""
    from counter_app.domain.applications.workflow import Role

    days = sub.add_parser("workdays", help="working days on the hall's calendar").add_subparsers(
        dest="action", required=True
    )
    p = days.add_parser("add", parents=[common], help="the date N working days after DATE")
    p.add_argument("date", type=_day)
    p.add_argument("n", type=workdays_count)
    p.set_defaults(func=json_command(_workdays_add))
    p = days.add_parser("between", parents=[common], help="working days after START up to END")
    p.add_argument("start", type=_day)
    p.add_argument("end", type=_day)
    p.set_defaults(func=json_command(_workdays_between))
    p = days.add_parser(
        "load",
        parents=[common],
        help="enter a year's official holiday schedule from a TOML file (docs/work-calendar.md)",
    )
    p.add_argument("file", help="year, source, holidays and make-up workdays (see docs/work-calendar.md)")
    p.set_defaults(func=json_command(_workdays_load))
    server_only(p, "entering the holiday schedule")
    p = days.add_parser("year", parents=[common], help="how a year is counted: days off, make-up workdays")
    p.add_argument("year", type=_year)
    p.set_defaults(func=json_command(_workdays_year))

    staff = sub.add_parser("staff", help="the hall's staff and their roles").add_subparsers(
        dest="action", required=True
    )
    p = staff.add_parser("add", parents=[common], help="add (or update) a member of staff")
    p.add_argument("code", help="staff number, as typed when signing in at a counter")
    p.add_argument("name")
    p.add_argument("--role", default=Role.CLERK.value, choices=[r.value for r in Role])
    p.set_defaults(func=json_command(_staff_add))
    server_only(p, "changing the hall's staff")
    p = staff.add_parser("list", parents=[common], help="every member of staff")
    p.set_defaults(func=json_command(_staff_list))
    server_only(p, "the hall's staff")
    p = staff.add_parser("deactivate", parents=[common], help="someone left: a plain clerk from now on")
    p.add_argument("code")
    p.set_defaults(func=json_command(_staff_deactivate))
    server_only(p, "changing the hall's staff")
