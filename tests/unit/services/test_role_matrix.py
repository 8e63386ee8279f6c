"""The role × action matrix, enforced by the services themselves (not by hidden buttons): for every
action of ``domain/roles.py`` and every role, the guarded service operation is done exactly when
``roles.allowed`` says so and refused with ``NotPermitted`` otherwise — and refused for nobody signed
in. An action no service operation does yet is named in ``NOT_YET_IN_A_SERVICE`` with the reason: a
new action must land in one of the two tables."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from application_data import home
from sign_in_data import OF_ROLE, cheap_hashing, set_up_accounts, sign_in_as

from counter_app.domain.applications.detail import ApplicationRequest
from counter_app.domain.backups import BackupCopy
from counter_app.domain.errors import HallError, NotPermitted
from counter_app.domain.roles import Action, Role, allowed
from counter_app.printing.reports import write_report
from counter_app.services.backups import BackupService
from counter_app.services.hall import Hall

__all__ = ["cheap_hashing"]

pytestmark = pytest.mark.usefixtures("cheap_hashing", "sqlite_only")


def _accept(hall: Hall, clerk: str) -> str:
    return hall.applications.accept(ApplicationRequest(form=home()), clerk=clerk).number


def _others_application(hall: Hall, me: str = "") -> str:
    """An application owned by clerk c02, made before the role under test signs in."""
    sign_in_as(hall, "c02")
    return _accept(hall, "c02")


def _own_application(hall: Hall, me: str) -> str:
    """An application of the member of staff under test (of c02 for one who takes none)."""
    owner = me if me in ("c01", "s01") else "c02"
    sign_in_as(hall, owner)
    return _accept(hall, owner)


def _printed_ticket(hall: Hall, me: str) -> int:
    sign_in_as(hall, "c02")
    ticket = hall.queue.issue("A").ticket
    job = hall.print_jobs.start("ticket", ticket.id, "pdf", clerk="c02")
    hall.print_jobs.finish(job, ok=True)
    return ticket.id


def _backups(hall: Hall) -> BackupService:
    assert hall.backups is not None  # the embedded file
    return hall.backups


def _not_a_backup(hall: Hall, me: str) -> Path:
    folder = hall.path.parent / "not-a-backup"
    folder.mkdir(exist_ok=True)
    (folder / "manifest.json").write_text("[]", encoding="utf-8")
    return folder


def _exported_batch(hall: Hall, me: str) -> Path:
    """The manifest of an outbox batch (one ticket's events), exported by the administrator."""
    sign_in_as(hall, "c02")
    hall.queue.issue("A")
    sign_in_as(hall, "admin")
    folder = hall.path.parent / "outbox"
    manifest = hall.outbox.export(folder)[0]
    return folder / (str(manifest["batch"]).removesuffix(".jsonl") + ".manifest.json")


def _export_csv(hall: Hall) -> Path:
    reports = hall.quality.reports
    target = hall.path.parent / "daily.csv"
    return reports.export(reports.daily, lambda data: write_report(data, target, "csv"))


def _automatic_backup(hall: Hall) -> BackupCopy:
    return _backups(hall).plan_automatic().run()


Prepare = Callable[[Hall, str], object]
Operation = Callable[[Hall, str, object], object]

OPERATIONS: dict[Action, tuple[Prepare, Operation]] = {
    Action.SERVE_QUEUE: (lambda h, me: h.queue.issue("A"), lambda h, me, _: h.queue.call_next(1, clerk=me)),
    Action.CANCEL_TICKET: (
        lambda h, me: h.queue.issue("A").ticket.number,
        lambda h, me, number: h.queue.cancel(str(number), clerk=me),
    ),
    Action.REPRINT: (
        _printed_ticket,
        lambda h, me, tid: h.print_jobs.start("ticket", int(str(tid)), "pdf", me),
    ),
    Action.APPLICATION_WORK: (lambda h, me: None, lambda h, me, _: _accept(h, me)),
    Action.APPLICATION_ACT_FOR_OTHERS: (
        _others_application,
        lambda h, me, number: h.applications.suspend(str(number), reason="等客户补材料", clerk=me),
    ),
    Action.APPLICATION_HAND_OVER: (
        _own_application,
        lambda h, me, number: h.applications.hand_over(str(number), to_owner="c02", clerk=me),
    ),
    Action.PAYMENT_GUIDANCE: (
        lambda h, me: None,
        lambda h, me, _: h.payments.record("1234567890", ["wsgw"], clerk=me),
    ),
    Action.IMPORT_ACCOUNTS: (
        lambda h, me: None,
        lambda h, me, _: h.account_import.run(Path("/nonexistent.csv")),
    ),
    Action.SETTINGS: (lambda h, me: None, lambda h, me, _: h.calendar.load(Path("/nonexistent.toml"))),
    Action.MANAGE_CLERKS: (
        lambda h, me: None,
        lambda h, me, _: h.users.add("c09", "孙悦", Role.CLERK, "Violet-Canyon61"),
    ),
    Action.MANAGE_USERS: (
        lambda h, me: None,
        lambda h, me, _: h.users.add("s09", "周正", Role.SUPERVISOR, "Violet-Canyon62"),
    ),
    Action.UNLOCK_STAFF: (lambda h, me: None, lambda h, me, _: h.users.unlock("c02")),
    Action.AUDIT_VIEW: (lambda h, me: None, lambda h, me, _: h.audit.sign_in_events()),
    Action.AUDIT_VERIFY: (lambda h, me: None, lambda h, me, _: h.audit.verify()),
    Action.DAY_REPAIR: (lambda h, me: None, lambda h, me, _: h.day_repair.repair(clerk=me)),
    Action.BACKUP: (lambda h, me: None, lambda h, me, _: _backups(h).backup(h.path.parent / "bk")),
    Action.CHECK_FILES: (lambda h, me: None, lambda h, me, _: _backups(h).check(full=True)),
    Action.RESTORE: (_not_a_backup, lambda h, me, folder: _backups(h).restore(Path(str(folder)))),
    Action.OUTBOX_EXPORT: (lambda h, me: None, lambda h, me, _: h.outbox.export(h.path.parent / "out")),
    Action.OUTBOX_ACK: (_exported_batch, lambda h, me, manifest: h.outbox.ack(Path(str(manifest)))),
    Action.REPORTS: (lambda h, me: None, lambda h, me, _: h.quality.reports.daily()),
    Action.EXPORT: (lambda h, me: None, lambda h, me, _: _export_csv(h)),
}

NOT_YET_IN_A_SERVICE = {
    Action.VOID_RECORD: (
        "no record can be voided yet: a ticket's cancel (a customer left, CANCEL_TICKET) and an "
        "application's withdrawal (a workflow step, APPLICATION_WORK) are not voids of a record made "
        "by mistake, and no guidance or printed paper can be voided"
    ),
    Action.FULL_PERSONAL_DATA: "not a refusal: the detail comes masked (test below)",
}


def test_every_action_is_either_checked_here_or_named_as_pending() -> None:
    assert set(OPERATIONS) | set(NOT_YET_IN_A_SERVICE) == set(Action)
    assert not set(OPERATIONS) & set(NOT_YET_IN_A_SERVICE)


@pytest.mark.parametrize("role", [None, *Role], ids=lambda r: r.value if r else "nobody")
@pytest.mark.parametrize("action", list(OPERATIONS), ids=lambda a: a.value)
def test_the_service_allows_exactly_what_the_matrix_says(
    hall: Hall, action: Action, role: Role | None
) -> None:
    prepare, operation = OPERATIONS[action]
    set_up_accounts(hall)
    prepared = prepare(hall, OF_ROLE[role] if role is not None else "")
    me = OF_ROLE[role] if role is not None else "c01"
    if role is not None:
        sign_in_as(hall, me)
    else:
        hall.users.sign_out()
    try:
        operation(hall, me, prepared)
    except NotPermitted as refused:
        assert not allowed(role, action), f"{role} was refused {action}: {refused}"
        assert refused.code == ("sign_in_required" if role is None else "not_permitted")
        assert not allowed(role, Action(refused.params["action"]))  # this or a step before it
        return
    except HallError as other:  # got past the gate and met the operation's own rules
        assert allowed(role, action), f"{role} got past the gate of {action}"
        assert not isinstance(other, NotPermitted)
        return
    assert allowed(role, action), f"{role} may not {action}, yet it was done"


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_full_personal_data_of_another_clerks_customer_only_for_a_supervisor(hall: Hall, role: Role) -> None:
    set_up_accounts(hall)
    number = _others_application(hall)
    me = OF_ROLE[role]
    sign_in_as(hall, me)
    detail = hall.applications.detail(number, clerk=me)
    assert detail.applicant.unmasked is allowed(role, Action.FULL_PERSONAL_DATA)
    assert (detail.applicant.id_number == "11010519491231002X") is allowed(role, Action.FULL_PERSONAL_DATA)


def test_a_step_is_recorded_only_under_the_signed_in_code(hall: Hall) -> None:
    set_up_accounts(hall)
    sign_in_as(hall, "c01")
    with pytest.raises(NotPermitted) as refused:
        _accept(hall, "s01")  # a clerk cannot act as the supervisor by typing their code
    assert refused.value.code == "not_signed_in_clerk"


def test_a_hall_without_accounts_enforces_nothing(hall: Hall) -> None:
    """The rule until the first start's administrator exists (``services/session.py``)."""
    number = _accept(hall, "王丽")
    assert hall.applications.hand_over(number, to_owner="李强", clerk="王丽").owner == "李强"
    assert hall.audit.verify().ok


@pytest.mark.parametrize(
    "key",
    [
        lambda h: h.queue.recall(1),
        lambda h: h.queue.start_serving(1),
        lambda h: h.queue.no_show(1),
        lambda h: h.queue.finish(1),
        lambda h: h.queue.transfer(1, "B"),
        lambda h: h.queue.requeue("A001"),
    ],
    ids=["recall", "start", "no_show", "finish", "transfer", "requeue"],
)
def test_every_counter_key_serves_the_queue(hall: Hall, key: Callable[[Hall], object]) -> None:
    """An administrator serves no customer (least privilege): every key of the counter is refused."""
    set_up_accounts(hall)
    sign_in_as(hall, "c01")
    hall.queue.issue("A")
    hall.queue.call_next(1, clerk="c01")
    sign_in_as(hall, "admin")
    with pytest.raises(NotPermitted) as refused:
        key(hall)
    assert refused.value.params["action"] == Action.SERVE_QUEUE.value
