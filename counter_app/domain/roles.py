"""Who may do what: the staff roles and the role × action matrix the services enforce.

Hiding a button is a courtesy; the service asks :func:`require` before it changes or shows anything,
so the command line and a second window are held to the same rules as the counter.

* **营业员 clerk** serves the queue, takes and works their own applications (首问负责制: the owner
  rule stays in ``application_workflow``), guides payments, reprints (补打).
* **值班长 supervisor** also acts for other clerks, sees full personal data, manages clerks, unlocks
  them, edits the hall's settings, imports the account list, exports, backs up and checks files,
  verifies the audit trail and repairs a business day a clock jump moved.
* **管理员 administrator** sets the tool up: users of every role, settings, backups and restore, the
  hand-over to the central systems. Not a desk role: an administrator serves no customer and sees no
  full ID numbers (least privilege); a one-person office gives its person two accounts.

Restoring a backup, changing who is a supervisor or administrator, and acknowledging the outbox
(events leave it for good) are the administrator's alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType

from counter_app.domain.errors import InvalidInput, NotPermitted


class Role(StrEnum):
    CLERK = "clerk"  # 营业员
    SUPERVISOR = "supervisor"  # 值班长
    ADMINISTRATOR = "administrator"  # 管理员


ROLE_ALIASES = {"admin": Role.ADMINISTRATOR}


class Action(StrEnum):
    """Everything a role decides. Values are stable: audit rows and refusals name them."""

    SERVE_QUEUE = "queue.serve"  # call, recall, start, no-show, finish, transfer, requeue, open/pause
    CANCEL_TICKET = "queue.cancel"  # a waiting customer leaves (取消排队)
    REPRINT = "print.reprint"  # 补打 a ticket, slip or paper
    VOID_RECORD = "record.void"  # 作废 a record made by mistake (a guidance, a printed paper)
    DAY_REPAIR = "queue.day_repair"  # put back a business day a clock jump moved
    APPLICATION_WORK = "application.work"  # accept and work one's own applications
    APPLICATION_ACT_FOR_OTHERS = "application.act_for_others"  # step in on another clerk's
    APPLICATION_HAND_OVER = "application.hand_over"  # 移交 to another clerk
    PAYMENT_GUIDANCE = "payment.guide"  # look up accounts, print QR slips
    FULL_PERSONAL_DATA = "personal_data.full"  # unmasked ID numbers and phones (any record)
    REPORTS = "reports.view"  # the hall's figures (no personal data)
    EXPORT = "data.export"  # records and reports to a file
    IMPORT_ACCOUNTS = "accounts.import"  # the marketing system's account list
    SETTINGS = "settings.edit"  # hall profile, counters, services, printers, idle lock
    MANAGE_CLERKS = "staff.manage_clerks"  # add, rename, deactivate clerks; reset their secrets
    MANAGE_USERS = "staff.manage_users"  # the same for supervisors and administrators; change roles
    UNLOCK_STAFF = "staff.unlock"  # lift a lockout after repeated wrong passwords
    BACKUP = "backup.run"
    RESTORE = "backup.restore"
    CHECK_FILES = "files.check"  # quick and full checks of the database files
    AUDIT_VIEW = "audit.view"
    AUDIT_VERIFY = "audit.verify"
    OUTBOX_EXPORT = "outbox.export"  # batches for the central systems
    OUTBOX_ACK = "outbox.ack"  # their acknowledgement: events leave the outbox for good


_C, _S, _A = Role.CLERK, Role.SUPERVISOR, Role.ADMINISTRATOR
_DESK = frozenset({_C, _S})
_LEAD = frozenset({_S, _A})

PERMISSIONS: Mapping[Action, frozenset[Role]] = MappingProxyType(
    {
        Action.SERVE_QUEUE: _DESK,
        Action.CANCEL_TICKET: _DESK,
        Action.REPRINT: _DESK,
        Action.VOID_RECORD: frozenset({_S}),
        Action.DAY_REPAIR: _LEAD,
        Action.APPLICATION_WORK: _DESK,
        Action.APPLICATION_ACT_FOR_OTHERS: frozenset({_S}),
        Action.APPLICATION_HAND_OVER: _DESK,
        Action.PAYMENT_GUIDANCE: _DESK,
        Action.FULL_PERSONAL_DATA: frozenset({_S}),
        Action.REPORTS: _LEAD,
        Action.EXPORT: frozenset({_S}),
        Action.IMPORT_ACCOUNTS: _LEAD,
        Action.SETTINGS: _LEAD,
        Action.MANAGE_CLERKS: _LEAD,
        Action.MANAGE_USERS: frozenset({_A}),
        Action.UNLOCK_STAFF: _LEAD,
        Action.BACKUP: _LEAD,
        Action.RESTORE: frozenset({_A}),
        Action.CHECK_FILES: _LEAD,
        Action.AUDIT_VIEW: _LEAD,
        Action.AUDIT_VERIFY: _LEAD,
        Action.OUTBOX_EXPORT: _LEAD,
        Action.OUTBOX_ACK: frozenset({_A}),
    }
)

DESCRIPTIONS: Mapping[Action, str] = MappingProxyType(
    {
        Action.SERVE_QUEUE: "serve the queue",
        Action.CANCEL_TICKET: "cancel a ticket",
        Action.REPRINT: "reprint (补打)",
        Action.VOID_RECORD: "void a record",
        Action.DAY_REPAIR: "repair the business day",
        Action.APPLICATION_WORK: "work on applications",
        Action.APPLICATION_ACT_FOR_OTHERS: "act on another clerk's application",
        Action.APPLICATION_HAND_OVER: "hand an application over",
        Action.PAYMENT_GUIDANCE: "give payment guidance",
        Action.FULL_PERSONAL_DATA: "see full personal data",
        Action.REPORTS: "see the hall's figures",
        Action.EXPORT: "export data",
        Action.IMPORT_ACCOUNTS: "import the account list",
        Action.SETTINGS: "change the hall's settings",
        Action.MANAGE_CLERKS: "manage clerks",
        Action.MANAGE_USERS: "manage supervisors and administrators",
        Action.UNLOCK_STAFF: "unlock a member of staff",
        Action.BACKUP: "back up",
        Action.RESTORE: "restore a backup",
        Action.CHECK_FILES: "check the database files",
        Action.AUDIT_VIEW: "read the audit trail",
        Action.AUDIT_VERIFY: "verify the audit trail",
        Action.OUTBOX_EXPORT: "export the outbox",
        Action.OUTBOX_ACK: "acknowledge an outbox export",
    }
)

_ROLE_NAMES = {_C: "a clerk", _S: "a supervisor", _A: "an administrator"}


def parse_role(text: str) -> Role:
    """``clerk``, ``supervisor``, ``administrator`` (or ``admin``), any case; :class:`InvalidInput`
    otherwise."""
    key = text.strip().casefold()
    try:
        return ROLE_ALIASES.get(key) or Role(key)
    except ValueError:
        raise InvalidInput(
            f"Unknown role {text!r}: use clerk, supervisor or administrator.",
            field="role",
            code="unknown_role",
            role=text,
        ) from None


def allowed(role: Role | None, action: Action) -> bool:
    """Whether ``role`` may do ``action``; nobody signed in (``None``) may do nothing."""
    return role is not None and role in PERMISSIONS[action]


def roles_for(action: Action) -> tuple[Role, ...]:
    """The roles that may do ``action``, in rank order."""
    return tuple(r for r in Role if r in PERMISSIONS[action])


def require(role: Role | None, action: Action) -> None:
    """Refuse with :class:`NotPermitted` unless ``role`` may do ``action``; the message says who may.

    ``code`` is ``sign_in_required`` when nobody is signed in, ``not_permitted`` otherwise;
    ``params``: ``action`` (its value) and ``role`` (its value, or ``""``).
    """
    what = DESCRIPTIONS[action]
    if role is None:
        raise NotPermitted(
            f"Sign in first: only signed-in staff may {what}.",
            code="sign_in_required",
            action=action.value,
            role="",
        )
    if role not in PERMISSIONS[action]:
        who = " or ".join(_ROLE_NAMES[r] for r in roles_for(action))
        raise NotPermitted(
            f"{_ROLE_NAMES[role].capitalize()} may not {what}; ask {who}.",
            action=action.value,
            role=role.value,
        )


def grant_action(role: Role) -> Action:
    """What creating or changing an account of ``role`` counts as: clerks are managed by supervisors
    and administrators, supervisors and administrators by administrators only
    (``require(granter, grant_action(role))``)."""
    return Action.MANAGE_CLERKS if role is Role.CLERK else Action.MANAGE_USERS
