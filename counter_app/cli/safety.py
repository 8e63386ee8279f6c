"""``backup``, ``check``, ``restore``, ``day confirm`` / ``day repair`` and ``outbox export`` / ``ack``:
the hall's files kept safe, a clock jump undone, the hand-over to the central systems.

``check`` and ``restore`` handle the hall's files with the hall closed; they open it only to sign
``--as`` in (guarded like every command once the hall has accounts: check a supervisor or an
administrator, restore the administrator). A hall file that cannot be opened at all (damaged,
missing, not a hall's any more) has no accounts to sign in against: then ``check`` says so to
anyone (as the windows do at start) and ``restore`` without FILE puts back the newest good backup
(``BackupService.recover_damaged``); choosing an older backup needs a hall file that opens.
``check`` exits 4 when a file is damaged.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter_app.cli import EXIT_STORE_UNAVAILABLE, emit, hall_for, json_command
from counter_app.cli.admin import _day
from counter_app.domain.errors import HallError, NotAHallDatabase, NotPermitted, StoreUnavailable
from counter_app.domain.roles import Action

if TYPE_CHECKING:
    from counter_app.services.backups import BackupService
    from counter_app.services.hall import Hall


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "backup", parents=[common], help="make a checked backup of the hall file and its account list"
    )
    p.add_argument("dir", nargs="?", help="backup folder (default: the profile's [backup] folder)")
    p.set_defaults(func=json_command(_backup))
    p = sub.add_parser("check", parents=[common], help="check every file of the hall; exit 4 when damaged")
    p.add_argument("--full", action="store_true", help="integrity_check (slower) instead of quick_check")
    p.set_defaults(func=_check)
    p = sub.add_parser(
        "restore",
        parents=[common],
        help="put a backup in place of the hall file (close every window first; the current file is kept)",
    )
    p.add_argument("file", nargs="?", help="backup set folder or its manifest (default: the newest good one)")
    p.set_defaults(func=_restore)

    day = sub.add_parser("day", help="the business day after a clock jump").add_subparsers(
        dest="action", required=True
    )
    p = day.add_parser("confirm", parents=[common], help="accept the new business day the PC's clock says")
    p.add_argument("day", type=_day, nargs="?", help="the day the clock says (default: that day)")
    p.add_argument("--clerk", default="", help="the supervisor confirming it")
    p.set_defaults(func=json_command(_day_confirm))
    p = day.add_parser(
        "repair", parents=[common], help="bring the hall back to the real business day after a clock jump"
    )
    p.add_argument("--day", type=_day, help="the real business day (default: today by the PC's clock)")
    p.add_argument("--clerk", default="", help="the supervisor repairing it")
    p.set_defaults(func=json_command(_day_repair))

    out = sub.add_parser("outbox", help="hand the outbox to the central systems").add_subparsers(
        dest="action", required=True
    )
    p = out.add_parser(
        "export", parents=[common], help="write waiting events as JSON Lines batches + manifests"
    )
    p.add_argument("dir")
    p.set_defaults(func=json_command(_outbox_export))
    p = out.add_parser("ack", parents=[common], help="the central systems took this batch: its events leave")
    p.add_argument("file", help="a batch's manifest (or its .jsonl file)")
    p.set_defaults(func=json_command(_outbox_ack))
    p = out.add_parser("status", parents=[common], help="how many events wait, since when")
    p.set_defaults(func=json_command(lambda hall, _args: hall.outbox.waiting().as_json()))


def _files(args: argparse.Namespace) -> tuple[BackupService, bool]:
    """The hall's files with the gate of the hall opened (and closed again) to sign ``--as`` in, and
    ``True``; or, when the hall file cannot be opened (damaged, gone, not a hall's) or is damaged and
    open read-only (``app.damage_of``: nobody can sign in against it), the files with
    a gate nobody is signed in on, and ``False``."""
    if args.hall_files is None:
        raise HallError("this front end cannot reach the hall's files", code="no_files")
    try:
        with hall_for(args) as hall:
            signed_in = hall.gate.signed_in if hall.gate is not None else None
            damage_of = getattr(args, "damage_of", None)
            damaged = damage_of is not None and damage_of(hall) is not None
    except StoreUnavailable as exc:  # "damaged": a sign-in on a file open read-only (it is a write)
        if exc.reason not in ("corrupt", "missing", "damaged"):
            raise
        return args.hall_files(args.db), False
    except NotAHallDatabase as exc:
        if exc.code == "hall_db_newer":
            raise
        return args.hall_files(args.db), False
    if damaged:  # open read-only: nobody can sign in against it, as against a file that does not open
        return args.hall_files(args.db), False
    service: BackupService = args.hall_files(args.db, signed_in)
    return service, True


def _backup(hall: Hall, args: argparse.Namespace) -> dict[str, Any]:
    if hall.backups is None:
        raise HallError(
            "A hall on its server is backed up with pg_dump / pg_basebackup (README: Backups)",
            code="backup_on_server",
        )
    return hall.backups.backup(Path(args.dir) if args.dir else None).as_json()


def _check(args: argparse.Namespace) -> int:
    files, opened = _files(args)
    report = files.check(args.full) if opened else files.check_unopened(args.full)
    emit(report.as_json())
    return 0 if report.ok else EXIT_STORE_UNAVAILABLE


def _restore(args: argparse.Namespace) -> int:
    files, opened = _files(args)
    if opened:
        restored = files.restore(Path(args.file)) if args.file else files.restore_newest()
    elif not args.file:
        restored = files.recover_damaged()
    else:
        try:
            restored = files.restore(Path(args.file))  # a hall without accounts: as before
        except NotPermitted:
            raise NotPermitted(
                "The hall file cannot be opened, so nobody can sign in to choose a backup: "
                "'counter-app restore' without FILE puts back the newest good one.",
                code="restore_newest_only",
                action=Action.RESTORE.value,
                role="",
            ) from None
    emit(restored.as_json())
    return 0


def _day_confirm(hall: Hall, args: argparse.Namespace) -> dict[str, Any]:
    return {"confirmed": hall.day_repair.confirm(args.day, args.clerk).isoformat()}


def _day_repair(hall: Hall, args: argparse.Namespace) -> dict[str, Any]:
    return hall.day_repair.repair(args.day, args.clerk).as_json()


def _outbox_export(hall: Hall, args: argparse.Namespace) -> dict[str, Any]:
    manifests = hall.outbox.export(Path(args.dir))
    return {
        "batches": [
            {k: m[k] for k in ("batch", "events", "sha256", "first_id", "last_id")} for m in manifests
        ],
        "events": sum(int(m["events"]) for m in manifests),
        "audit_head": manifests[0]["audit_head"] if manifests else None,
    }


def _outbox_ack(hall: Hall, args: argparse.Namespace) -> dict[str, Any]:
    return hall.outbox.ack(Path(args.file))
