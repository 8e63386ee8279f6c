"""The audit trail's verification (``counter-app audit verify``) and its head, the anchor that backups
and exports carry outside the database (``audit_head``)."""

from __future__ import annotations

from counter_app.domain.accounts import UserEvent
from counter_app.domain.audit_trail import ChainVerdict, Link
from counter_app.domain.errors import RuleViolation
from counter_app.domain.roles import Action
from counter_app.services.ports import HallRecords
from counter_app.services.session import Gate, gate_for


def audit_head(store: HallRecords) -> Link:
    """The trail's last ``(seq, hash)``, read in its own snapshot: what a backup's or an outbox
    export's manifest records as its anchor (``Link.text``). Not guarded: it reveals no record."""
    with store.read():
        return store.audit.head()


class AuditService:
    def __init__(self, store: HallRecords, gate: Gate | None = None) -> None:
        self.store = store
        self.gate = gate_for(store, gate)

    def head(self) -> Link:
        return audit_head(self.store)

    def sign_in_events(self, staff: str | None = None, limit: int = 100) -> list[UserEvent]:
        """Recent account and sign-in events, newest first (a supervisor's view of the trail)."""
        self.gate.require(Action.AUDIT_VIEW)
        with self.store.read():
            return self.store.users.events(staff, limit)

    def verify(self, anchor: Link | None = None) -> ChainVerdict:
        """Check every link and that every audit row is on the chain (and, given an ``anchor`` kept
        outside the database, that the chain still passes through it)."""
        self.gate.require(Action.AUDIT_VERIFY)
        if not self.store.audit.enabled:
            raise RuleViolation("This store keeps no audit chain.", code="audit_chain_not_kept")
        with self.store.read():
            return self.store.audit.verify(anchor)
