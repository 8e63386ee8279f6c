"""Command line of installation applications, the working-day calendar and the staff list.

    counter-app application types                 business types, steps, limits and their sources
    counter-app application due [--within DAYS]   open applications overdue or due within DAYS
    counter-app application list [filters]        the worklist (personal data masked)
    counter-app application show NUMBER           one application with its history (masked)
    counter-app application print NUMBER --pdf OUT [--paper a4|a5|80mm] [--notice]
    counter-app workdays add DATE N               the date N working days after DATE
    counter-app workdays between DATE DATE        working days after the first date up to the second
    counter-app workdays load FILE                enter a year's official holiday schedule (TOML)
    counter-app workdays year YEAR                how a year is counted: days off, make-up working days
    counter-app staff add CODE NAME [--role supervisor] | staff list | staff deactivate CODE

JSON out; exit codes as ``cli.py``: 0 done, 2 refused (nothing changed), 4 store unavailable.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter_app.cli import emit, hall_for
from counter_app.cli.application_types import type_json
from counter_app.domain.applications.detail import (
    STATE_FILTERS,
    ApplicationDetail,
    DueFilter,
    StaffMember,
    WorklistPage,
    WorklistQuery,
    WorklistRow,
)
from counter_app.domain.applications.workflow import Role
from counter_app.domain.workdays import DueDate

if TYPE_CHECKING:
    from counter_app.services.hall import Hall
    from counter_app.services.printing.applications import PaperKind


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-09-30") from None


def _due(due: DueDate | None) -> dict[str, Any] | None:
    if due is None:
        return None
    return {
        "date": due.day.isoformat(),
        "provisional": due.provisional,
        "provisional_years": list(due.provisional_years),
    }


def row_json(row: WorklistRow) -> dict[str, Any]:
    return {
        "number": row.number,
        "business_type": row.business_type,
        "status": row.status.value,
        "stage": row.stage,
        "owner": row.owner,
        "accepted_on": row.accepted_on.isoformat(),
        "name": row.name,
        "mobile": row.mobile,
        "id_number": row.id_number,
        "address": row.address,
        "account_number": row.account_number,
        "stage_due": row.stage_due.isoformat() if row.stage_due else None,
        "whole_due": row.whole_due.isoformat() if row.whole_due else None,
        "due": row.due_day.isoformat() if row.due_day else None,
        "due_provisional": row.due_provisional,
        "overdue": row.overdue,
        "due_soon": row.due_soon,
        "workdays_left": row.workdays_left,
        "owed_documents": row.owed_documents,
    }


def page_json(page: WorklistPage) -> dict[str, Any]:
    return {
        "as_of": page.as_of.isoformat(),
        "due_soon_until": page.due_soon_until.isoformat(),
        "due_soon_workdays": page.due_soon_workdays,
        "provisional_years": list(page.provisional_years),
        "total": page.total,
        "counts": {
            "open": page.counts.open,
            "overdue": page.counts.overdue,
            "due_soon": page.counts.due_soon,
            "suspended": page.counts.suspended,
        },
        "applications": [row_json(r) for r in page.rows],
    }


def detail_json(d: ApplicationDetail) -> dict[str, Any]:
    a = d.applicant
    return {
        "number": d.number,
        "tracking_ref": d.tracking_ref,
        "business_type": d.business_type,
        "type": d.type_names.zh_CN,
        "status": d.status.value,
        "stage": d.stage,
        "owner": d.owner,
        "accepted_at": d.accepted_at.isoformat(),
        "accepted_by": d.accepted_by,
        "ticket": d.ticket_number,
        "applicant": {
            "kind": a.kind.value,
            "name": a.name,
            "id_type": a.id_type.value,
            "id_number": a.id_number,
            "mobile": a.mobile,
            "address": a.address,
        },
        "account_number": d.account_number,
        "capacity": d.capacity,
        "voltage": d.voltage,
        "tariff_class": d.tariff_class,
        "whole_due": _due(d.whole_due),
        "stage_due": _due(d.stage_due),
        "workdays_used": d.workdays_used,
        "overdue": d.overdue,
        "suspended_since": d.suspended_since.isoformat() if d.suspended_since else None,
        "stages": [
            {"code": s.code, "position": s.position.value, "limit_days": s.limit_days, "due": _due(s.due)}
            for s in d.schedule
        ],
        "documents": [
            {
                "code": doc.code,
                "state": doc.state.value,
                "due": doc.due_day.isoformat() if doc.due_day else None,
            }
            for doc in d.documents
        ],
        "history": [
            {"seq": h.seq, "kind": h.kind, "at": h.at.isoformat(), "clerk": h.clerk, "note": h.note}
            for h in d.history
        ],
        "provisional_years": list(d.provisional_years),
    }


def staff_json(member: StaffMember) -> dict[str, Any]:
    return {"code": member.code, "name": member.name, "role": member.role.value, "active": member.active}


# commands ------------------------------------------------------------------------------------------
Build = Callable[["Hall", argparse.Namespace], Any]


def _json_command(build: Build) -> Callable[[argparse.Namespace], int]:
    """A command: open the hall, build the JSON value, print it once the hall is closed. Refusals and an
    unavailable store propagate to ``cli.main``, which turns them into the exit codes."""

    def run(args: argparse.Namespace) -> int:
        with hall_for(args) as hall:
            value = build(hall, args)
        emit(value)
        return 0

    return run


def _types(hall: Hall, args: argparse.Namespace) -> Any:
    setup = hall.applications.setup
    today = hall.clock().date()
    return [type_json(t, setup.policy, today) for t in setup.types]


def _due_report(hall: Hall, args: argparse.Namespace) -> Any:
    return page_json(hall.application_views.due(args.within))


def _list(hall: Hall, args: argparse.Namespace) -> Any:
    query = WorklistQuery(
        statuses=STATE_FILTERS[args.state],
        business_type=args.type,
        owner=args.owner,
        due=DueFilter(args.due) if args.due else None,
        search=args.search or "",
        limit=args.limit,
    )
    return page_json(hall.application_views.worklist(query))


def _show(hall: Hall, args: argparse.Namespace) -> Any:
    return detail_json(hall.application_views.summary(args.number))


def _print(hall: Hall, args: argparse.Namespace) -> Any:
    from counter_app.services.printing.applications import print_paper_pdf

    kind: PaperKind = "notice" if args.notice else "receipt"
    return print_paper_pdf(hall, args.number, kind, Path(args.pdf), paper=args.paper, clerk=args.clerk or "")


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
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a year like 2027") from None
    return value


def _staff_add(hall: Hall, args: argparse.Namespace) -> Any:
    return staff_json(hall.staff.add(args.code, args.name, Role(args.role)))


def _staff_list(hall: Hall, args: argparse.Namespace) -> Any:
    return [staff_json(m) for m in hall.staff.list()]


def _staff_deactivate(hall: Hall, args: argparse.Namespace) -> Any:
    return staff_json(hall.staff.deactivate(args.code))


def _workdays(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("N must be 0 or more working days")
    return value


# parser --------------------------------------------------------------------------------------------
def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``application``, ``workdays`` and ``staff`` to the ``counter-app`` command line."""
    apps = sub.add_parser(
        "application", help="installation and change-of-service applications"
    ).add_subparsers(dest="action", required=True)
    apps.add_parser("types", parents=[common], help="business types with stages and limits").set_defaults(
        func=_json_command(_types)
    )
    p = apps.add_parser("due", parents=[common], help="open applications overdue or due soon")
    p.add_argument(
        "--within", type=_workdays, help="working days ahead (default: the hall's due-soon setting)"
    )
    p.set_defaults(func=_json_command(_due_report))

    p = apps.add_parser("list", parents=[common], help="the worklist (personal data masked)")
    p.add_argument("--state", default="open", choices=list(STATE_FILTERS))
    p.add_argument("--type", help="business type code (see `application types`)")
    p.add_argument("--owner", help="clerk who owns the applications")
    p.add_argument("--due", choices=[d.value for d in DueFilter])
    p.add_argument("--search", help="number, tracking reference, name, phone, ID, account or address")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=_json_command(_list))

    p = apps.add_parser("show", parents=[common], help="one application with its history (masked)")
    p.add_argument("number", help="application number or tracking reference")
    p.set_defaults(func=_json_command(_show))

    p = apps.add_parser("print", parents=[common], help="print the receipt (or the notice) to PDF")
    p.add_argument("number")
    p.add_argument("--pdf", required=True)
    p.add_argument("--paper", default="a4", choices=["a4", "a5", "80mm"])
    p.add_argument("--notice", action="store_true", help="the one-time notice (一次性告知书) instead")
    p.add_argument("--clerk", help="recorded with the print job")
    p.set_defaults(func=_json_command(_print))

    days = sub.add_parser("workdays", help="working days on the hall's calendar").add_subparsers(
        dest="action", required=True
    )
    p = days.add_parser("add", parents=[common], help="the date N working days after DATE")
    p.add_argument("date", type=_day)
    p.add_argument("n", type=_workdays)
    p.set_defaults(func=_json_command(_workdays_add))
    p = days.add_parser("between", parents=[common], help="working days after START up to END")
    p.add_argument("start", type=_day)
    p.add_argument("end", type=_day)
    p.set_defaults(func=_json_command(_workdays_between))
    p = days.add_parser(
        "load",
        parents=[common],
        help="enter a year's official holiday schedule from a TOML file (docs/work-calendar.md)",
    )
    p.add_argument("file", help="year, source, holidays and make-up workdays (see docs/work-calendar.md)")
    p.set_defaults(func=_json_command(_workdays_load))
    p = days.add_parser("year", parents=[common], help="how a year is counted: days off, make-up workdays")
    p.add_argument("year", type=_year)
    p.set_defaults(func=_json_command(_workdays_year))

    staff = sub.add_parser("staff", help="the hall's staff and their roles").add_subparsers(
        dest="action", required=True
    )
    p = staff.add_parser("add", parents=[common], help="add (or update) a member of staff")
    p.add_argument("code", help="staff number, as typed when signing in at a counter")
    p.add_argument("name")
    p.add_argument("--role", default=Role.CLERK.value, choices=[r.value for r in Role])
    p.set_defaults(func=_json_command(_staff_add))
    p = staff.add_parser("list", parents=[common], help="every member of staff")
    p.set_defaults(func=_json_command(_staff_list))
    p = staff.add_parser("deactivate", parents=[common], help="someone left: a plain clerk from now on")
    p.add_argument("code")
    p.set_defaults(func=_json_command(_staff_deactivate))
