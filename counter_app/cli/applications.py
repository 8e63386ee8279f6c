"""Command line of installation applications.

    counter-app application types                 business types, steps, limits and their sources
    counter-app application due [--within DAYS]   open applications overdue or due within DAYS
    counter-app application list [filters]        the worklist (personal data masked)
    counter-app application show NUMBER           one application with its history (masked)
    counter-app application print NUMBER --pdf OUT [--paper a4|a5|80mm] [--notice]

``application types`` gives each business type with every limit's rules (document, number, effective
date, confidence; the binding one first and the others under ``also``), "no published limit" where
none is published, the customer's own steps, and the change rules that apply with their sources.

JSON out; exit codes as in ``cli/__init__.py``: 0 done, 2 refused (nothing changed), 4 store unavailable.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter_app.cli import json_command
from counter_app.cli.admin import workdays_count
from counter_app.cli.arguments import whole
from counter_app.cli.hall import server_only
from counter_app.domain.applications.business_types import BusinessType, Party, ServiceKind
from counter_app.domain.applications.detail import ApplicationDetail
from counter_app.domain.applications.values import ApplicationPolicy
from counter_app.domain.applications.worklist import (
    STATE_FILTERS,
    DueFilter,
    WorklistPage,
    WorklistQuery,
    WorklistRow,
)
from counter_app.domain.profile import Names
from counter_app.domain.rule_sources import UNCONFIRMED, Confidence, LimitRule, TimeLimit
from counter_app.domain.workdays import DueDate

if TYPE_CHECKING:
    from counter_app.services.hall import Hall
    from counter_app.services.printing.applications import PaperKind


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


def _names(names: Names) -> dict[str, str]:
    return {"zh_CN": names.zh_CN, "zh_TW": names.zh_TW, "en": names.en}


NO_PUBLISHED_LIMIT = {"working_days": None, "note": "no published limit"}
CUSTOMER_STEP = {"working_days": None, "note": "the customer's own work: no clock runs"}


def _rule(rule: LimitRule) -> dict[str, Any]:
    source = rule.source
    return {
        "working_days": rule.working_days,
        "source": f"{source.citation()} {rule.clause}".strip(),
        "document": source.document,
        "number": source.number or UNCONFIRMED,
        "effective": source.effective.isoformat() if source.effective else UNCONFIRMED,
        "confidence": rule.confidence.value,
        "unconfirmed": rule.unconfirmed,
    }


def _limit(limit: TimeLimit | None, on: date) -> dict[str, Any]:
    """The rule in force that binds (the strictest), and the others for reference."""
    if limit is None:
        return dict(NO_PUBLISHED_LIMIT)
    binding = limit.binding(on)
    return {**_rule(binding), "also": [_rule(r) for r in limit.rules if r is not binding]}


def _policy_rule(key: str, value: int, policy: ApplicationPolicy) -> dict[str, Any]:
    found = policy.sources.get(key)
    if found is None:
        return {"rule": key, "value": value, "source": UNCONFIRMED, "unconfirmed": True}
    source = found.source
    unconfirmed = source.confidence is not Confidence.CONFIRMED or not source.number or not source.effective
    return {
        "rule": key,
        "value": value,
        "source": f"{source.citation()} {found.clause}".strip(),
        "number": source.number or UNCONFIRMED,
        "effective": source.effective.isoformat() if source.effective else UNCONFIRMED,
        "confidence": source.confidence.value,
        "unconfirmed": unconfirmed,
    }


_CHANGE_RULES = {
    ServiceKind.PAUSE: ("pause_min_days", "pause_max_days_per_year", "pause_notice_days"),
    ServiceKind.CAPACITY_REDUCTION: ("reduction_restore_within_months",),
    ServiceKind.REDUCTION_RESTORE: ("reduction_restore_within_months",),
}


def type_json(
    t: BusinessType, policy: ApplicationPolicy | None = None, on: date | None = None
) -> dict[str, Any]:
    """A business type with every limit's source (document, number, effective date, confidence);
    ``no published limit`` where no rule sets one, and the change rules that apply to it."""
    day = on or date.today()
    policy = policy or ApplicationPolicy()
    return {
        "code": t.code,
        "names": _names(t.names),
        "kind": t.kind.value,
        "customer_class": t.customer_class.value,
        "needs_account": t.needs_account,
        "needs_capacity": t.needs_capacity,
        "voltages": list(t.voltages),
        "whole_process_limit": _limit(t.whole_process_limit, day),
        "whole_process_limit_with_external_works": _limit(t.limit_for(external_works=True), day),
        "stages": [
            {
                "code": s.code,
                "names": _names(s.names),
                "party": s.party.value,
                "limit": dict(CUSTOMER_STEP) if s.party is Party.CUSTOMER else _limit(s.limit, day),
            }
            for s in t.stages
        ],
        "documents": [
            {"code": d.code, "names": _names(d.names), "kind": d.kind.value, "required": d.required}
            for d in t.documents
        ],
        "change_rules": [
            _policy_rule(key, getattr(policy, key), policy) for key in _CHANGE_RULES.get(t.kind, ())
        ],
    }


# commands ------------------------------------------------------------------------------------------
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


# parser --------------------------------------------------------------------------------------------
def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``application``, ``workdays`` and ``staff`` to the ``counter-app`` command line."""
    apps = sub.add_parser(
        "application", help="installation and change-of-service applications"
    ).add_subparsers(dest="action", required=True)
    apps.add_parser("types", parents=[common], help="business types with stages and limits").set_defaults(
        func=json_command(_types)
    )
    p = apps.add_parser("due", parents=[common], help="open applications overdue or due soon")
    p.add_argument(
        "--within", type=workdays_count, help="working days ahead (default: the hall's due-soon setting)"
    )
    p.set_defaults(func=json_command(_due_report))
    server_only(p, "the hall's applications due")

    p = apps.add_parser("list", parents=[common], help="the worklist (personal data masked)")
    p.add_argument("--state", default="open", choices=list(STATE_FILTERS))
    p.add_argument("--type", help="business type code (see `application types`)")
    p.add_argument("--owner", help="clerk who owns the applications")
    p.add_argument("--due", choices=[d.value for d in DueFilter])
    p.add_argument("--search", help="number, tracking reference, name, phone, ID, account or address")
    p.add_argument("--limit", type=whole(), default=50)
    p.set_defaults(func=json_command(_list))
    server_only(p, "the hall's worklist")

    p = apps.add_parser("show", parents=[common], help="one application with its history (masked)")
    p.add_argument("number", help="application number or tracking reference")
    p.set_defaults(func=json_command(_show))

    p = apps.add_parser("print", parents=[common], help="print the receipt (or the notice) to PDF")
    p.add_argument("number")
    p.add_argument("--pdf", required=True)
    p.add_argument("--paper", default="a4", choices=["a4", "a5", "80mm"])
    p.add_argument("--notice", action="store_true", help="the one-time notice (一次性告知书) instead")
    p.add_argument("--clerk", help="recorded with the print job")
    p.set_defaults(func=json_command(_print))
