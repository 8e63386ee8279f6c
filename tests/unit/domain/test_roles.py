"""The role × action matrix, written out in full here (C = clerk, S = supervisor, A = administrator)
and compared cell by cell with ``roles.PERMISSIONS``: a change to who may do what changes this table."""

from __future__ import annotations

import pytest

from counter_app.domain.errors import InvalidInput, NotPermitted
from counter_app.domain.roles import (
    DESCRIPTIONS,
    PERMISSIONS,
    Action,
    Role,
    allowed,
    grant_action,
    parse_role,
    require,
    roles_for,
)

MATRIX = {
    #                                    C      S      A
    "queue.serve":                      (True,  True,  False),
    "queue.cancel":                     (True,  True,  False),
    "print.reprint":                    (True,  True,  False),
    "record.void":                      (False, True,  False),
    "queue.day_repair":                 (False, True,  True),
    "application.work":                 (True,  True,  False),
    "application.act_for_others":       (False, True,  False),
    "application.hand_over":            (True,  True,  False),
    "payment.guide":                    (True,  True,  False),
    "personal_data.full":               (False, True,  False),
    "reports.view":                     (False, True,  True),
    "data.export":                      (False, True,  False),
    "accounts.import":                  (False, True,  True),
    "settings.edit":                    (False, True,  True),
    "staff.manage_clerks":              (False, True,  True),
    "staff.manage_users":               (False, False, True),
    "staff.unlock":                     (False, True,  True),
    "backup.run":                       (False, True,  True),
    "backup.restore":                   (False, False, True),
    "files.check":                      (False, True,  True),
    "audit.view":                       (False, True,  True),
    "audit.verify":                     (False, True,  True),
    "outbox.export":                    (False, True,  True),
    "outbox.ack":                       (False, False, True),
}  # fmt: skip
ROLES = (Role.CLERK, Role.SUPERVISOR, Role.ADMINISTRATOR)
CELLS = [(action, role, row[i]) for action, row in MATRIX.items() for i, role in enumerate(ROLES)]


def test_the_table_names_every_action_once() -> None:
    assert set(MATRIX) == {a.value for a in Action} == {a.value for a in PERMISSIONS}
    assert set(DESCRIPTIONS) == set(Action)


@pytest.mark.parametrize(("action", "role", "permitted"), CELLS, ids=[f"{a}-{r}" for a, r, _ in CELLS])
def test_matrix_cell(action: str, role: Role, permitted: bool) -> None:
    assert allowed(role, Action(action)) is permitted
    if permitted:
        require(role, Action(action))
    else:
        with pytest.raises(NotPermitted) as caught:
            require(role, Action(action))
        refusal = caught.value
        assert refusal.code == "not_permitted"
        assert refusal.params == {"action": action, "role": role.value}
        assert DESCRIPTIONS[Action(action)] in str(refusal)
        for other in roles_for(Action(action)):
            assert {"supervisor": "a supervisor", "administrator": "an administrator", "clerk": "a clerk"}[
                other.value
            ] in str(refusal)


@pytest.mark.parametrize("action", list(Action))
def test_nobody_signed_in_may_do_nothing(action: Action) -> None:
    assert not allowed(None, action)
    with pytest.raises(NotPermitted) as caught:
        require(None, action)
    assert caught.value.code == "sign_in_required" and caught.value.params["role"] == ""


def test_message_reads_plainly() -> None:
    with pytest.raises(NotPermitted) as caught:
        require(Role.CLERK, Action.RESTORE)
    assert str(caught.value) == "A clerk may not restore a backup; ask an administrator."
    with pytest.raises(NotPermitted) as caught:
        require(Role.ADMINISTRATOR, Action.FULL_PERSONAL_DATA)
    assert str(caught.value) == "An administrator may not see full personal data; ask a supervisor."


def test_every_action_has_someone_who_may_do_it() -> None:
    assert all(roles_for(action) for action in Action)


@pytest.mark.parametrize(
    ("granter", "role", "permitted"),
    [
        (Role.SUPERVISOR, Role.CLERK, True),
        (Role.ADMINISTRATOR, Role.CLERK, True),
        (Role.SUPERVISOR, Role.SUPERVISOR, False),  # no supervisor makes another one
        (Role.SUPERVISOR, Role.ADMINISTRATOR, False),
        (Role.ADMINISTRATOR, Role.SUPERVISOR, True),
        (Role.ADMINISTRATOR, Role.ADMINISTRATOR, True),
        (Role.CLERK, Role.CLERK, False),
        (None, Role.CLERK, False),
    ],
)
def test_who_may_create_whom(granter: Role | None, role: Role, permitted: bool) -> None:
    assert allowed(granter, grant_action(role)) is permitted


@pytest.mark.parametrize(
    ("text", "role"),
    [("clerk", Role.CLERK), (" Supervisor ", Role.SUPERVISOR), ("admin", Role.ADMINISTRATOR),
     ("ADMINISTRATOR", Role.ADMINISTRATOR)],
)  # fmt: skip
def test_parse_role(text: str, role: Role) -> None:
    assert parse_role(text) is role


@pytest.mark.parametrize("text", ["", "root", "superuser", "值班长"])
def test_unknown_role(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_role(text)
    assert caught.value.code == "unknown_role" and caught.value.field == "role"


def test_role_values_match_the_stored_staff_roles() -> None:
    """The staff table stores 'clerk' and 'supervisor' today; the same words mean the same roles."""
    from counter_app.domain.applications.workflow import Role as WorkflowRole

    assert {r.value for r in WorkflowRole} <= {r.value for r in Role}
