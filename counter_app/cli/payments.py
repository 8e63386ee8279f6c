"""Command line of payment guidance: import and find accounts, print a payment slip, the boundary helper.

``counter-app accounts import FILE``, ``accounts find QUERY``, ``accounts status``, ``accounts figures``,
``slip payment ACCOUNT --pdf OUT.pdf``, ``slip reprint GUIDANCE_ID --pdf OUT.pdf`` (a recorded
guidance's slip again) and ``boundary LOCATION``. JSON on stdout; personal data is always masked (the
full values stay in the hall's list). Exit codes as in ``cli/__init__.py``.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from counter_app.cli import emit, on_hall
from counter_app.cli.arguments import counter_number, whole
from counter_app.cli.hall import server_only
from counter_app.domain.errors import InvalidInput
from counter_app.domain.payments.boundary import FaultLocation
from counter_app.domain.payments.guidance import AccountListRecord, Freshness
from counter_app.domain.payments.search import SearchHit
from counter_app.services.payments.account_import import ImportProgress


def _day(text: str, field: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"{field} must be a date like 2026-11-01, not {text!r}", field=field) from None


def list_json(record: AccountListRecord | None) -> dict[str, Any] | None:
    if record is None:
        return None
    return {
        "list": record.uuid,
        "source": record.source,
        "data_as_of": record.data_as_of.isoformat() if record.data_as_of else None,
        "accounts": record.accounts,
        "imported_at": record.imported_at.isoformat(),
        "rejected": record.rejected,
        "rejected_file": record.rejects_file or None,
    }


def hit_json(hit: SearchHit, fresh: Freshness) -> dict[str, Any]:
    account = hit.account.masked()
    return {
        "account_number": account.number,
        "name": account.name,
        "address": account.address,
        "phone": account.phone,
        "match": hit.clause.kind.value,
        "arrears": str(account.arrears),
        "credit": str(account.credit),
        "due_date": account.due_date.isoformat() if account.due_date else None,
        "as_of": fresh.as_of.isoformat() if fresh.as_of else None,
        "stale": fresh.stale,
        "withholding": account.withholding.value,
        "tariff_class": account.tariff_class,
    }


# commands ------------------------------------------------------------------------------------------
def cmd_import(args: argparse.Namespace) -> int:
    def show(progress: ImportProgress) -> None:
        print(f"{progress.phase} {progress.fraction:.0%} {progress.rows} rows", file=sys.stderr)

    summary = on_hall(
        args,
        lambda hall: hall.account_import.run(
            Path(args.file),
            encoding=args.encoding,
            as_of=_day(args.as_of, "as_of") if args.as_of else None,
            clerk=args.clerk or "",
            rejects_path=args.rejects,
            progress=show if args.progress else None,
        ),
    )
    emit(summary.as_json())
    return 0


def cmd_find(args: argparse.Namespace) -> int:
    found = on_hall(args, lambda hall: hall.accounts.find(args.query, limit=args.limit))
    emit(
        {
            "query": found.query.text,
            "kinds": [c.kind.value for c in found.query.clauses],
            "account_list": list_json(found.account_list),
            "hits": [hit_json(h, found.freshness[h.account.number]) for h in found.hits],
            "more": found.more,
        }
    )
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    live, history = on_hall(
        args, lambda hall: (hall.accounts.live_list(), hall.accounts.history(args.history))
    )
    emit({"live": list_json(live), "history": [list_json(r) for r in history]})
    return 0


def cmd_figures(args: argparse.Namespace) -> int:
    start = _day(args.start, "from") if args.start else None
    end = _day(args.end, "to") if args.end else None
    figures = on_hall(args, lambda hall: hall.payments.figures(start, end))
    emit(
        {
            "from": figures.start.isoformat(),
            "to": figures.end.isoformat(),
            "guidance": figures.guidance,
            "payers": figures.payers,
            "payers_guided_online": figures.payers_online,
            "withholding_guidance": figures.withholding_guidance,
            "by_channel": figures.by_channel,
        }
    )
    return 0


def cmd_slip(args: argparse.Namespace) -> int:
    from counter_app.services.printing.payments import guide_and_print_pdf

    emit(
        on_hall(
            args,
            lambda hall: guide_and_print_pdf(
                hall,
                args.account,
                args.channel or [],
                Path(args.pdf),
                paper=args.paper,
                clerk=args.clerk or "cli",
                counter=args.counter,
            ),
        )
    )
    return 0


def cmd_slip_reprint(args: argparse.Namespace) -> int:
    from counter_app.services.printing.payments import reprint_pdf

    emit(
        on_hall(
            args,
            lambda hall: reprint_pdf(
                hall, args.guidance, Path(args.pdf), paper=args.paper, clerk=args.clerk or "cli"
            ),
        )
    )
    return 0


def cmd_boundary(args: argparse.Namespace) -> int:
    from counter_app.domain.payments.boundary import fault_location

    location = fault_location(args.location)
    contract = fault_location(args.contract_boundary) if args.contract_boundary else None
    leaflet = on_hall(args, lambda hall: hall.boundary.leaflet(location, contract))
    out: dict[str, Any] = {
        "location": location.value,
        "responsibility": "utility" if leaflet.free_repair else "customer",
        "free_repair": leaflet.free_repair,
        "boundary": leaflet.utility_owns_up_to.value,
        "from_contract": leaflet.from_contract,
        "lines": list(leaflet.lines),
    }
    if args.pdf:
        from counter_app.printing.backends import ensure_gui_app, write_pdf
        from counter_app.printing.boundary_leaflet import leaflet_printable
        from counter_app.printing.paper import paper_for
        from counter_app.qt_i18n import HallTexts

        ensure_gui_app()
        paper = paper_for(args.paper)
        write_pdf(leaflet_printable(leaflet, HallTexts(leaflet.language)), paper, Path(args.pdf))
        out.update(pdf=args.pdf, paper=paper.key)
    emit(out)
    return 0


# parser --------------------------------------------------------------------------------------------
def register(sub: Any, common: argparse.ArgumentParser) -> None:
    accounts = sub.add_parser("accounts", help="the account list: import, find, status").add_subparsers(
        dest="action", required=True
    )
    p = accounts.add_parser(
        "import", parents=[common], help="import the account list (CSV or XLSX), all or nothing"
    )
    p.add_argument("file")
    p.add_argument("--encoding", default="auto", help="auto (default), utf-8, gb18030, gbk …")
    p.add_argument(
        "--as-of", help="date the export was taken (default: its 数据日期 column, else the file date)"
    )
    p.add_argument(
        "--rejects", help="where to write the rejected rows (CSV); default beside the hall database"
    )
    p.add_argument("--clerk")
    p.add_argument("--progress", action="store_true", help="report progress on stderr")
    p.set_defaults(func=cmd_import)
    server_only(p, "importing the hall's account list")

    p = accounts.add_parser("find", parents=[common], help="find accounts by number, phone, name or address")
    p.add_argument("query")
    p.add_argument("--limit", type=whole(), default=20)
    p.set_defaults(func=cmd_find)

    p = accounts.add_parser("status", parents=[common], help="the live account list and earlier imports")
    p.add_argument("--history", type=whole(0, 100_000), default=5)
    p.set_defaults(func=cmd_status)

    p = accounts.add_parser("figures", parents=[common], help="payers guided to online channels")
    p.add_argument("--from", dest="start", help="first business day (default today)")
    p.add_argument("--to", dest="end", help="last business day (default: the first)")
    p.set_defaults(func=cmd_figures)
    server_only(p, "the hall's payment guidance figures")

    slip = sub.add_parser("slip", help="print slips").add_subparsers(dest="action", required=True)
    p = slip.add_parser("payment", parents=[common], help="record payment guidance and print its QR slip")
    p.add_argument("account", help="account number (户号), also one with no record in the list")
    p.add_argument("--channel", action="append", help="channel code (repeat; default: the online channels)")
    p.add_argument("--pdf", required=True)
    p.add_argument("--paper", default="80mm", choices=["80mm", "58mm", "a5"])
    p.add_argument("--clerk")
    p.add_argument("--counter", type=counter_number())
    p.set_defaults(func=cmd_slip)
    p = slip.add_parser(
        "reprint",
        parents=[common],
        help="print the slip of a recorded guidance again (after a slip that did not come out)",
    )
    p.add_argument("guidance", type=whole(1), help="the guidance id (guidance_id of slip payment)")
    p.add_argument("--pdf", required=True)
    p.add_argument("--paper", default="80mm", choices=["80mm", "58mm", "a5"])
    p.add_argument("--clerk")
    p.set_defaults(func=cmd_slip_reprint)

    p = sub.add_parser("boundary", parents=[common], help="who repairs a fault (产权分界)")
    p.add_argument("location", choices=[loc.value for loc in FaultLocation])
    p.add_argument(
        "--contract-boundary", choices=[loc.value for loc in FaultLocation if loc.value != "inside_home"]
    )
    p.add_argument("--pdf", help="also print the leaflet to this PDF")
    p.add_argument("--paper", default="a5", choices=["a5", "80mm", "58mm"])
    p.set_defaults(func=cmd_boundary)
