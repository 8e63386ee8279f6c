"""Command line of service quality: reports, the forecast, ratings and visit notes.

``counter-app report daily|monthly|range|forecast … --pdf|--csv|--xlsx OUT``, ``rating give``,
``rating show``, ``visit note``, ``visit desk`` and ``quality now``. JSON on stdout; no report or
output holds personal data of customers. Exit codes as in :mod:`counter_app.cli`.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter_app.cli import emit, on_hall
from counter_app.cli.arguments import counter_number, whole
from counter_app.cli.hall import server_only
from counter_app.domain.errors import InvalidInput
from counter_app.domain.quality.figures import QualityFigures
from counter_app.domain.quality.records import Handover, RatingRecord, RatingSource, VisitNote
from counter_app.domain.quality.report import ReportData

if TYPE_CHECKING:
    from counter_app.services.hall import Hall
    from counter_app.services.quality.reports import ForecastResult

FORMATS = ("pdf", "csv", "xlsx")


def _day(text: str, field: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"{field} must be a date like 2026-11-01, not {text!r}", field=field) from None


def _month(text: str) -> tuple[int, int]:
    try:
        year, month = (int(part) for part in text.split("-"))
    except ValueError:
        raise InvalidInput(f"--month must look like 2026-11, not {text!r}", field="month") from None
    return year, month


def _outputs(args: argparse.Namespace) -> dict[str, Path]:
    wanted = {fmt: Path(getattr(args, fmt)) for fmt in FORMATS if getattr(args, fmt)}
    if not wanted:
        raise InvalidInput("Say where to write the report: --pdf, --csv and/or --xlsx FILE", field="output")
    return wanted


def write_files(data: ReportData, outputs: dict[str, Path]) -> dict[str, str]:
    """Write ``data`` in each format asked for; the paths written."""
    from counter_app.printing.reports import write_report

    if "pdf" in outputs:
        from counter_app.printing.backends import ensure_gui_app

        ensure_gui_app()
    return {fmt: str(write_report(data, path, fmt)) for fmt, path in outputs.items()}


def report_json(data: ReportData, files: dict[str, str]) -> dict[str, Any]:
    return {
        "title": data.title,
        "hall": data.hall,
        "period": data.period,
        "from": data.first_day.isoformat(),
        "to": data.last_day.isoformat(),
        "files": files,
        "highlights": {h.key: h.value for h in data.highlights},
        "tables": [t.key for t in data.tables],
    }


def figures_json(f: QualityFigures) -> dict[str, Any]:
    def rounded(value: float | None, digits: int = 2) -> float | None:
        return round(value, digits) if value is not None else None

    return {
        "arrivals": f.arrivals,
        "called": f.called,
        "served": f.served,
        "no_shows": f.no_shows,
        "cancelled": f.cancelled,
        "transfers": f.transfers,
        "handovers": f.handovers,
        "passed_without_handover": f.passed_without_handover,
        "wait_mean_min": rounded(f.wait.mean_minutes),
        "wait_p90_min": rounded(f.wait.p90_minutes),
        "wait_within": rounded(f.wait.share_within_target, 4),
        "service_mean_min": rounded(f.service_time.mean_minutes),
        "green_wait_mean_min": rounded(f.green_wait.mean_minutes),
        "rated": f.rated,
        "not_rated": f.not_rated,
        "satisfaction_rate": rounded(f.satisfaction_rate, 4),
        "guided_online": f.guided_online,
    }


def rating_json(r: RatingRecord) -> dict[str, Any]:
    return {
        "ticket": r.number,
        "business_day": r.business_day.isoformat(),
        "level": r.level.value,
        "reasons": list(r.reasons),
        "service": r.service_code,
        "counter": r.counter,
        "clerk": r.clerk,
        "source": r.source.value,
        "at": r.at.isoformat(),
    }


def handover_json(h: Handover) -> dict[str, Any]:
    return {
        "ticket": h.number,
        "owner": h.owner,
        "from_counter": h.from_counter,
        "from_clerk": h.from_clerk,
        "from_service": h.from_service,
        "to_service": h.to_service,
        "to_counter": h.to_counter,
        "to_clerk": h.to_clerk,
        "reason": h.reason,
        "at": h.at.isoformat(),
        "state": h.ticket_state,
    }


def note_json(n: VisitNote | None) -> dict[str, Any] | None:
    if n is None:
        return None
    return {
        "ticket": n.number,
        "service": n.service_code,
        "counter": n.counter,
        "clerk": n.clerk,
        "outcome": n.outcome.value if n.outcome else None,
        "note": n.note,
        "at": n.at.isoformat(),
    }


# commands ------------------------------------------------------------------------------------------
def cmd_report(args: argparse.Namespace) -> int:
    outputs = _outputs(args)

    def build(hall: Hall) -> Any:
        reports = hall.quality.reports
        if args.kind == "daily":
            data = reports.daily(_day(args.date, "date") if args.date else None, args.language)
        elif args.kind == "monthly":
            today = hall.quality.summaries.today()
            year, month = _month(args.month) if args.month else (today.year, today.month)
            data = reports.monthly(year, month, args.language)
        else:
            if not args.start or not args.end:
                raise InvalidInput("A range report needs --from and --to", field="from")
            data = reports.range(_day(args.start, "from"), _day(args.end, "to"), args.language)
        return data

    def export(hall: Hall) -> tuple[ReportData, dict[str, str]]:  # the service checks who may
        return hall.quality.reports.export(
            lambda: build(hall), lambda data: (data, write_files(data, outputs))
        )

    data, files = on_hall(args, export)
    emit(report_json(data, files))
    return 0


def cmd_forecast(args: argparse.Namespace) -> int:
    outputs = _outputs(args)
    start = _day(args.start, "from") if args.start else None

    def export(hall: Hall) -> tuple[ForecastResult, dict[str, str]]:  # the service checks who may
        reports = hall.quality.reports
        return reports.export(
            lambda: reports.forecast(start, args.days, args.weeks, args.language),
            lambda result: (result, write_files(result.report, outputs)),
        )

    result, files = on_hall(args, export)
    out = report_json(result.report, files)
    out["days"] = [
        {"day": d.day.isoformat(), "kind": d.kind, "class": d.day_class, "expected": round(d.total, 1)}
        for d in result.days
    ]
    out["peak_counters"] = {
        d.day.isoformat(): max((p.counters for p in result.plan if p.day == d.day), default=0)
        for d in result.days
    }
    if result.backtest is not None:
        out["backtest"] = {
            "weeks": len(result.backtest.weeks),
            "wape_day": result.backtest.wape_day,
            "wape_hour": result.backtest.wape_hour,
            "mape_day": result.backtest.mape_day,
        }
    emit(out)
    return 0


def cmd_rate(args: argparse.Namespace) -> int:
    day = _day(args.date, "date") if args.date else None
    record = on_hall(
        args,
        lambda hall: hall.quality.ratings.rate(
            args.level, number=args.number, day=day, reasons=args.reason or [], source=RatingSource.CLI
        ),
    )
    emit(rating_json(record))
    return 0


def cmd_rating_show(args: argparse.Namespace) -> int:
    day = _day(args.date, "date") if args.date else None
    record = on_hall(args, lambda hall: hall.quality.ratings.of_ticket(number=args.number, day=day))
    emit(rating_json(record) if record else {"ticket": args.number.strip().upper(), "level": None})
    return 0


def cmd_note(args: argparse.Namespace) -> int:
    note = on_hall(
        args,
        lambda hall: hall.quality.desk.save_note(
            args.counter,
            outcome=args.outcome,
            note=args.note or "",
            clerk=args.clerk or "",
            number=args.number,
        ),
    )
    emit(note_json(note))
    return 0


def cmd_desk(args: argparse.Namespace) -> int:
    desk = on_hall(args, lambda hall: hall.quality.desk.desk(args.counter, args.clerk or ""))
    emit(
        {
            "counter": desk.counter,
            "clerk": desk.clerk,
            "current": desk.current.number if desk.current else None,
            "owner": desk.owner or None,
            "received": [handover_json(h) for h in desk.received],
            "note": note_json(desk.note),
            "takes_outcome": desk.takes_outcome,
            "mine": [handover_json(h) for h in desk.mine],
            "to_me": [handover_json(h) for h in desk.to_me],
        }
    )
    return 0


def cmd_now(args: argparse.Namespace) -> int:
    view = on_hall(args, lambda hall: hall.quality.dashboard.view())
    emit(
        {
            "at": view.at.isoformat(),
            "business_day": view.business_day.isoformat(),
            "lines": [
                {
                    "service": line.service_code,
                    "waiting": line.waiting,
                    "green": line.green,
                    "longest_wait_min": round(line.longest_wait_minutes, 1),
                    "target_min": line.target_minutes,
                    "over_target": line.over_target,
                }
                for line in view.lines
            ],
            "counters": [
                {"number": c.number, "state": c.state, "clerk": c.clerk, "current": c.current_number}
                for c in view.counters
            ],
            "alerts": [
                {"kind": a.kind, "subject": a.subject, "due": a.due.isoformat() if a.due else None}
                for a in view.alerts
            ],
            "today": figures_json(view.today),
            "by_service": {code: figures_json(f) for code, f in view.by_service.items()},
            "outcomes": view.outcomes,
            "handovers_open": view.handovers_open,
            "applications_overdue": view.applications_overdue,
            "applications_due_soon": view.applications_due_soon,
        }
    )
    return 0


# parser --------------------------------------------------------------------------------------------
def _formats(p: argparse.ArgumentParser) -> None:
    p.add_argument("--pdf", help="write the report as PDF (with its charts)")
    p.add_argument("--csv", help="write the report as CSV (UTF-8, for Excel)")
    p.add_argument("--xlsx", help="write the report as an Excel workbook")
    p.add_argument("--language", choices=["zh_CN", "zh_TW", "en"], help="default: the hall's language")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    report = sub.add_parser("report", help="service-quality reports and the forecast").add_subparsers(
        dest="kind", required=True
    )
    p = report.add_parser("daily", parents=[common], help="one business day (default: today)")
    p.add_argument("--date")
    _formats(p)
    p.set_defaults(func=cmd_report)
    server_only(p, "the hall's reports")
    p = report.add_parser("monthly", parents=[common], help="one month (default: this month)")
    p.add_argument("--month", help="e.g. 2026-11")
    _formats(p)
    p.set_defaults(func=cmd_report)
    server_only(p, "the hall's reports")
    p = report.add_parser("range", parents=[common], help="any business days, both included")
    p.add_argument("--from", dest="start", required=True)
    p.add_argument("--to", dest="end", required=True)
    _formats(p)
    p.set_defaults(func=cmd_report)
    server_only(p, "the hall's reports")
    p = report.add_parser("forecast", parents=[common], help="expected arrivals and counters needed")
    p.add_argument("--from", dest="start", help="first day forecast (default: tomorrow)")
    p.add_argument("--days", type=whole(), default=7)
    p.add_argument(
        "--weeks", type=whole(1, 520), default=4, help="past weeks the forecast's error is measured on"
    )
    _formats(p)
    p.set_defaults(func=cmd_forecast)
    server_only(p, "the hall's reports")

    rating = sub.add_parser("rating", help="the customer's rating of a visit").add_subparsers(
        dest="action", required=True
    )
    p = rating.add_parser("give", parents=[common], help="record a finished ticket's rating (once)")
    p.add_argument("--number", required=True)
    p.add_argument(
        "--level",
        required=True,
        choices=["very_satisfied", "satisfied", "neutral", "dissatisfied", "very_dissatisfied", "not_rated"],
    )
    p.add_argument("--reason", action="append", help="reason code (repeat), only below satisfied")
    p.add_argument("--date", help="the ticket's business day (default: today)")
    p.set_defaults(func=cmd_rate)
    p = rating.add_parser("show", parents=[common], help="a ticket's rating")
    p.add_argument("number")
    p.add_argument("--date")
    p.set_defaults(func=cmd_rating_show)

    visit = sub.add_parser("visit", help="hand-overs and notes of visits").add_subparsers(
        dest="action", required=True
    )
    p = visit.add_parser("note", parents=[common], help="note and outcome of an inquiry or complaint")
    p.add_argument("--counter", type=counter_number(), required=True)
    p.add_argument("--number", help="a ticket finished at this counter today (default: the current one)")
    p.add_argument("--outcome", choices=["answered", "referred_95598", "complaint_recorded"])
    p.add_argument("--note")
    p.add_argument("--clerk")
    p.set_defaults(func=cmd_note)
    p = visit.add_parser("desk", parents=[common], help="a counter's hand-overs: received, own, to it")
    p.add_argument("--counter", type=counter_number(), required=True)
    p.add_argument("--clerk")
    p.set_defaults(func=cmd_desk)

    quality = sub.add_parser("quality", help="the supervisor's figures").add_subparsers(
        dest="action", required=True
    )
    now = quality.add_parser("now", parents=[common], help="the dashboard now, as JSON")
    now.set_defaults(func=cmd_now)
    server_only(now, "the hall's dashboard")
