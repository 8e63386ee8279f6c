"""Command line of sign-in accounts and the audit trail.

    counter-app user add CODE NAME --role clerk|supervisor|admin    a new account (password asked)
    counter-app user passwd CODE | user pin CODE                    set a password / counter PIN
    counter-app user unlock CODE | user deactivate CODE | user list
    counter-app audit verify [--anchor SEQ:HASH]                    is the audit trail whole?
    counter-app audit head                                          the anchor to keep elsewhere

Who does it: ``--as CODE`` (any command) signs that account in first; its password is asked on the
terminal, or read from standard input with ``--password-stdin`` (one line per secret, in the order
asked: the ``--as`` password first, then a new password or PIN). A secret is never a command-line
argument (it would show in the process list and the shell's history). Until a hall has its first
account — the administrator, ``user add NAME --role admin`` — nothing asks for ``--as`` (see
``services/session.py``); from then on every guarded command needs it.

Exit codes as in ``cli/__init__.py``; ``audit verify`` exits 5 when the trail is not whole.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import TYPE_CHECKING, Any

from counter_app.cli import emit, hall_for, json_command

if TYPE_CHECKING:
    from counter_app.domain.accounts import UserAccount
    from counter_app.services.hall import Hall

EXIT_TRAIL_BROKEN = 5


def add_sign_in_options(common: argparse.ArgumentParser) -> None:
    """``--as`` and ``--password-stdin`` on every command."""
    common.add_argument(
        "--as",
        dest="as_user",
        default=argparse.SUPPRESS,
        metavar="CODE",
        help="sign in as this staff code first (password asked, or read with --password-stdin)",
    )
    common.add_argument(
        "--password-stdin",
        action="store_true",
        default=argparse.SUPPRESS,
        help="read passwords and PINs from standard input, one line each, instead of the terminal",
    )


MAX_SECRET_LINE = 1024
"""The longest line read as a password from standard input (the sign-in rules allow far less)."""


def read_secret(args: argparse.Namespace, prompt: str, *, confirm: bool = False) -> str:
    """One secret: a line of standard input (``--password-stdin``) or typed on the terminal, unseen."""
    from counter_app.domain.errors import InvalidInput

    if getattr(args, "password_stdin", False):
        try:  # bounded: a file without line ends is not read whole
            line = sys.stdin.readline(MAX_SECRET_LINE + 1)
        except (OSError, UnicodeError):
            raise InvalidInput(
                "Standard input cannot be read for the password; nothing was changed.",
                field="password",
                code="no_password",
            ) from None
        if len(line.removesuffix("\n")) > MAX_SECRET_LINE:
            raise InvalidInput(
                "The password line on standard input is too long; nothing was changed.",
                field="password",
                code="password_too_long",
            )
        if not line:
            raise InvalidInput(
                "Standard input ended before every password was given.", field="password", code="no_password"
            )
        return line.removesuffix("\n").removesuffix("\r")
    try:
        secret = getpass.getpass(prompt)
        again = getpass.getpass("Again: ") if confirm else secret
    except (EOFError, KeyboardInterrupt, OSError):  # OSError: no terminal to type it on
        raise InvalidInput(
            "No password was typed (no terminal? use --password-stdin); nothing was changed.",
            field="password",
            code="no_password",
        ) from None
    if again != secret:
        raise InvalidInput("The two entries differ; nothing was changed.", field="password", code="mismatch")
    return secret


def sign_in(hall: Hall, args: argparse.Namespace) -> None:
    """``--as CODE``: sign the account in on the hall's gate (a wrong password counts toward its
    lockout). Commands that take ``--clerk`` record the signed-in code when none is given."""
    code = getattr(args, "as_user", None)
    if not code:
        return
    args.as_secret = read_secret(args, f"Password for {code}: ")
    hall.users.sign_in(code, args.as_secret)
    if hasattr(args, "clerk") and not args.clerk:
        args.clerk = code


def account_json(account: UserAccount) -> dict[str, Any]:
    return {
        "code": account.code,
        "name": account.name,
        "role": account.role.value,
        "active": account.active,
        "locked": account.lockout.locked,
        "pin": account.pin_hash is not None,
    }


def _current(args: argparse.Namespace, code: str) -> str | None:
    """Your own password change is checked against the password you signed in with."""
    return getattr(args, "as_secret", None) if getattr(args, "as_user", None) == code else None


def _add(hall: Hall, args: argparse.Namespace) -> Any:
    from counter_app.domain.roles import parse_role

    role = parse_role(args.role)
    secret = read_secret(args, f"New password for {args.code}: ", confirm=True)
    return account_json(hall.users.add(args.code, args.name, role, secret))


def _passwd(hall: Hall, args: argparse.Namespace) -> Any:
    secret = read_secret(args, f"New password for {args.code}: ", confirm=True)
    hall.users.set_password(args.code, secret, current=_current(args, args.code))
    return {"code": args.code, "password": "set"}


def _pin(hall: Hall, args: argparse.Namespace) -> Any:
    secret = read_secret(args, f"New PIN for {args.code}: ", confirm=True)
    hall.users.set_pin(args.code, secret, current=_current(args, args.code))
    return {"code": args.code, "pin": "set"}


def _unlock(hall: Hall, args: argparse.Namespace) -> Any:
    return account_json(hall.users.unlock(args.code))


def _deactivate(hall: Hall, args: argparse.Namespace) -> Any:
    return account_json(hall.users.deactivate(args.code))


def _list(hall: Hall, args: argparse.Namespace) -> Any:
    return [account_json(a) for a in hall.users.list()]


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from counter_app.domain.audit_trail import Link

    anchor = Link.parse(args.anchor) if args.anchor else None
    with hall_for(args) as hall:
        verdict = hall.audit.verify(anchor)
    trail = verdict.trail
    value: dict[str, Any] = {
        "ok": verdict.ok,
        "checked": trail.checked,
        "head": trail.head.text,
        "problem": trail.problem.value if trail.problem else None,
        "seq": trail.seq,
        "message": trail.message,
    }
    if verdict.where is not None:
        value["table"], value["row"] = verdict.where
        value["message"] = f"{trail.message} ({verdict.where[0]} row {verdict.where[1]})"
    if verdict.unchained:
        value["unchained"] = [{"table": u.source, "row": u.row_id} for u in verdict.unchained]
        if trail.ok:
            first = verdict.unchained[0]
            value["problem"] = "inserted"
            value["message"] = (
                f"{len(verdict.unchained)} audit row(s) were written outside the tool, "
                f"first {first.source} row {first.row_id}"
            )
    emit(value)
    if verdict.ok:
        return 0
    print(
        json.dumps({"error": "audit_trail_broken", "message": value["message"]}, ensure_ascii=False),
        file=sys.stderr,
    )
    return EXIT_TRAIL_BROKEN


def _audit_head(hall: Hall, args: argparse.Namespace) -> Any:
    head = hall.audit.head()
    return {"seq": head.seq, "hash": head.hash, "anchor": head.text}


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``user`` and ``audit`` to the ``counter-app`` command line."""
    users = sub.add_parser("user", help="sign-in accounts: add, passwords, PINs, unlock").add_subparsers(
        dest="user_command", required=True
    )
    p = users.add_parser("add", parents=[common], help="a new account; the first is the administrator")
    p.add_argument("code", help="staff code (工号), typed when signing in")
    p.add_argument("name", help="the person's name")
    p.add_argument("--role", required=True, help="clerk, supervisor or admin")
    p.set_defaults(func=json_command(_add))
    for name, build, text in (
        ("passwd", _passwd, "set a password (your own, or as the account's manager)"),
        ("pin", _pin, "set the PIN that resumes an idle-locked counter"),
        ("unlock", _unlock, "lift a lockout after repeated wrong passwords"),
        ("deactivate", _deactivate, "someone left: the account can no longer sign in"),
    ):
        p = users.add_parser(name, parents=[common], help=text)
        p.add_argument("code")
        p.set_defaults(func=json_command(build))
    p = users.add_parser("list", parents=[common], help="every account (no secrets)")
    p.set_defaults(func=json_command(_list))

    audit = sub.add_parser("audit", help="the tamper-evident audit trail").add_subparsers(
        dest="audit_command", required=True
    )
    p = audit.add_parser("verify", parents=[common], help="check every link of the trail")
    p.add_argument("--anchor", help="SEQ:HASH kept outside the database (a backup's or export's)")
    p.set_defaults(func=cmd_audit_verify)
    p = audit.add_parser("head", parents=[common], help="the trail's last link, to keep elsewhere")
    p.set_defaults(func=json_command(_audit_head))
