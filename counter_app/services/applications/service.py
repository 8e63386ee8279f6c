"""Installation and change-of-service applications (业扩报装 / 变更用电): the clerk's actions.

Each public method is one user action and one ``BEGIN IMMEDIATE`` transaction, including its history
row and its outbox row (topic ``applications``; the payload names the application and the step, never
personal data). It returns an :class:`ApplicationDetail` (personal data masked) or raises a
:class:`HallError` having changed nothing; printing happens in the caller, after the commit.

Numbers are ``<prefix><yyyymmdd>-<seq>`` (``YK20261127-0001``), the sequence taken from
``number_sequences`` inside the accepting transaction; the tracking reference on the receipt's QR code
(``YK-7Q4M-2KX9-HT3A``) is random (``domain/applications/records.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from counter_app.domain.applications import workflow
from counter_app.domain.applications.business_types import BusinessType, ServiceKind
from counter_app.domain.applications.detail import (
    ApplicationDetail,
    ApplicationRequest,
    at_or_after,
    build_detail,
)
from counter_app.domain.applications.events import Event
from counter_app.domain.applications.intake import FieldProblem, IntakeForm, accept_intake, refusal
from counter_app.domain.applications.records import (
    ApplicationRecord,
    application_data,
    document_rows,
    event_detail,
    event_note,
    format_number,
    format_offline_number,
    outbox_payload,
    projection,
    state_of,
)
from counter_app.domain.applications.rules import account_for_rules, change_notices, change_problems
from counter_app.domain.applications.setup import ApplicationSetup, application_setup
from counter_app.domain.applications.workflow import Actor, ApplicationState
from counter_app.domain.entries import hall_counter, sign_in_name
from counter_app.domain.errors import NotFound, RuleViolation, StoreUnavailable
from counter_app.domain.profile import HallProfile
from counter_app.domain.queue import Ticket
from counter_app.domain.roles import Action
from counter_app.services.clock import Clock, system_clock
from counter_app.services.offline import OfflineDesk
from counter_app.services.ports import HallRecords
from counter_app.services.session import Gate, gate_for
from counter_app.services.staff import actor_for, clean_clerk

log = logging.getLogger("counter_app.applications")

TOPIC = "applications"


class ApplicationsService:
    def __init__(
        self,
        store: HallRecords,
        profile: HallProfile,
        clock: Clock = system_clock,
        desk: OfflineDesk | None = None,
        gate: Gate | None = None,
    ) -> None:
        """``desk``: set while the PC works without its hall server: applications are accepted and
        numbered from the PC's own series and journaled; the rest of the workflow waits for the
        server, which holds the applications' history."""
        self.store = store
        self.profile = profile
        self.clock = clock
        self.desk = desk
        self.gate = gate_for(store, gate)
        self.repo = store.applications
        self.staff = store.staff
        self.calendars = store.calendar
        self._setup: ApplicationSetup | None = None
        self._schedules_digest: str | None = None
        self._calendar_fresh: str | None = None

    @property
    def setup(self) -> ApplicationSetup:
        """Parsed on first use, so a profile error shows where applications are used, not at start-up;
        with the holiday schedules loaded into the database (``counter-app workdays load``)."""
        if self._setup is None:
            profile_setup = application_setup(self.profile)
            if self.store.in_transaction:
                digest, schedules = self.calendars.digest(), self.calendars.schedules()
            else:
                with self.store.read():
                    digest, schedules = self.calendars.digest(), self.calendars.schedules()
            self._setup = profile_setup.with_schedules(schedules)
            self._schedules_digest = digest
        return self._setup

    def reload_calendar_if_changed(self) -> bool:
        """Pick up a schedule another process loaded since the setup was read (one small read)."""
        with self.store.read():
            digest = self.calendars.digest()
        if self._setup is not None and digest != self._schedules_digest:
            self._setup = None
            self._calendar_fresh = None
            return True
        return False

    # accepting ---------------------------------------------------------------------------------
    def accept(self, request: ApplicationRequest, *, clerk: str) -> ApplicationDetail:
        """Take the application (业务受理): check everything, number it, make the clerk its owner."""
        self.gate.require(Action.APPLICATION_WORK)
        who = self.gate.acting_as(clean_clerk(clerk))
        if request.counter is not None:  # printed on the receipt: only one of the hall's counters
            hall_counter(request.counter, (c.number for c in self.profile.counters))
        setup = self.setup
        form = request.form
        btype = setup.type_or_none(form.business_type)
        if btype is None:
            raise refusal(
                [FieldProblem("business_type", "business_type_unknown", "Choose the business to apply for.")]
            )
        with self.store.write():
            now = self.clock()
            today = now.date()
            rules = change_problems(
                btype,
                form,
                request.change,
                setup.policy,
                today=today,
                earlier_pauses=self._pauses(btype, form),
            )
            notes = change_notices(btype, request.change, setup.policy, today=today)
            intake = accept_intake(
                form, btype, setup.policy, setup.calendar, accepted_on=today, also=rules, notes=notes
            )
            ticket = self._ticket(request.ticket_id)
            actor = actor_for(self.staff, who)
            event = workflow.accept(intake, btype, actor=actor, at=now)
            state = workflow.replay([event])
            if self.desk is None:
                seq = self.repo.next_seq(today, setup.number_prefix)
                number = format_number(setup.number_prefix, today, seq)
                data = application_data(setup, request, intake, number, seq, ticket, who, now)
            else:
                series = setup.number_prefix + self.desk.tag
                seq = self.repo.next_seq(today, series)
                number = format_offline_number(setup.number_prefix, today, self.desk.tag, seq)
                data = replace(
                    application_data(setup, request, intake, number, seq, ticket, who, now), prefix=series
                )
            app_id = self.repo.insert(data, projection(state, setup.calendar, today), now)
            detail = {
                **event_detail(event),
                "role": actor.role.value,
                "ticket": ticket.number if ticket else None,
            }
            self.repo.add_event(app_id, "accepted", now, who, "", detail)
            self.repo.insert_documents(app_id, document_rows(btype, intake))
            record = self._by_id(app_id)
            self.repo.add_outbox(TOPIC, outbox_payload("accepted", record, state, who, now), now)
            if self.desk is not None:
                self.desk.note(
                    self.store, "applications.accept", now, application=record.data.uuid, number=number
                )
            log.info("application %s (%s) accepted by %s", number, btype.code, who)
            return self._view(record, actor, today)

    def _pauses(self, btype: BusinessType, form: IntakeForm) -> list[tuple[date, date]]:
        """The account's earlier pauses recorded in this hall (the 暂停 rules count them)."""
        if btype.kind is not ServiceKind.PAUSE:
            return []
        account = account_for_rules(form, btype, self.setup.policy)
        if account is None:
            return []
        codes = [t.code for t in self.setup.types if t.kind is ServiceKind.PAUSE]
        return self.repo.pause_periods(account, codes)

    def _ticket(self, ticket_id: int | None) -> Ticket | None:
        if ticket_id is None:
            return None
        ticket = self.store.queue.get(ticket_id)
        if ticket is None:
            raise NotFound(
                f"There is no ticket with id {ticket_id}.", code="unknown_ticket_id", ticket=ticket_id
            )
        return ticket

    # the workflow ------------------------------------------------------------------------------
    def advance(self, number: str, *, expected_stage: str, clerk: str, note: str = "") -> ApplicationDetail:
        """Finish ``expected_stage`` (what the clerk's screen shows) and move on; refused if stale."""
        return self._act(
            number,
            clerk,
            note,
            lambda s, a, at: workflow.advance(s, expected_stage=expected_stage, actor=a, at=at),
        )

    def return_to(
        self, number: str, *, expected_stage: str, to_stage: str, reason: str, clerk: str
    ) -> ApplicationDetail:
        return self._act(
            number,
            clerk,
            "",
            lambda s, a, at: workflow.return_to(
                s, expected_stage=expected_stage, to_stage=to_stage, reason=reason, actor=a, at=at
            ),
        )

    def suspend(self, number: str, *, reason: str, clerk: str) -> ApplicationDetail:
        """Stop the clock while waiting on the customer (暂停计时); the reason is recorded."""
        return self._act(
            number, clerk, "", lambda s, a, at: workflow.suspend(s, reason=reason, actor=a, at=at)
        )

    def resume(self, number: str, *, clerk: str, note: str = "") -> ApplicationDetail:
        return self._act(number, clerk, note, lambda s, a, at: workflow.resume(s, actor=a, at=at))

    def complete(self, number: str, *, expected_stage: str, clerk: str, note: str = "") -> ApplicationDetail:
        return self._act(
            number,
            clerk,
            note,
            lambda s, a, at: workflow.complete(s, expected_stage=expected_stage, actor=a, at=at),
        )

    def withdraw(self, number: str, *, reason: str, clerk: str) -> ApplicationDetail:
        return self._act(
            number, clerk, "", lambda s, a, at: workflow.withdraw(s, reason=reason, actor=a, at=at)
        )

    def hand_over(self, number: str, *, to_owner: str, clerk: str, note: str = "") -> ApplicationDetail:
        """Recorded hand-over (首问负责制): ``to_owner`` owns the application from now on."""
        self.gate.require(Action.APPLICATION_HAND_OVER)
        target = sign_in_name(to_owner, field="to_owner")

        def build(state: ApplicationState, actor: Actor, at: datetime) -> Event:
            staff = self.staff.staff(target)
            if staff is not None and not staff.active:
                raise RuleViolation(
                    f"{target} is no longer active staff.", code="staff_inactive", staff=target
                )
            return workflow.hand_over(state, to_owner=target, actor=actor, at=at)

        return self._act(number, clerk, note, build)

    def collect_document(self, number: str, *, document: str, clerk: str) -> ApplicationDetail:
        """A missing document is brought in. Any clerk may take it (the customer must not come back
        for the owner); it is recorded with who took it, in the history."""
        self._online_only(number)
        self.gate.require(Action.APPLICATION_WORK)
        who = self.gate.acting_as(clean_clerk(clerk))
        with self.store.write():
            record = self.find(number, lock=True)
            state = state_of(self.repo.events(record.id))
            if not state.is_open:
                raise RuleViolation(
                    f"{record.data.number} is closed.", code="not_allowed_now", status=state.status.value
                )
            at = at_or_after(self.clock(), state)
            if not self.repo.collect_document(record.id, document, at, who):
                raise RuleViolation(
                    f"{document} is not a document {record.data.number} is waiting for.",
                    code="document_not_owed",
                    document=document,
                )
            updated = self._step(record, state, "document_collected", at, who, "", {"document": document})
            return self._view(updated, actor_for(self.staff, who), at.date())

    def _online_only(self, number: str) -> None:
        """The workflow after acceptance needs the application's history, which the server holds."""
        if self.desk is not None:
            raise RuleViolation(
                f"The hall server cannot be reached: {number} can be worked on again when it is back.",
                code="offline_application_needs_server",
                number=number,
            )

    def _act(
        self, number: str, clerk: str, note: str, build: Callable[[ApplicationState, Actor, datetime], Event]
    ) -> ApplicationDetail:
        self._online_only(number)
        self.gate.require(Action.APPLICATION_WORK)
        who = self.gate.acting_as(clean_clerk(clerk))
        with self.store.write():
            record = self.find(number, lock=True)
            state = state_of(self.repo.events(record.id))
            if state.owner != who:
                self.gate.require(Action.APPLICATION_ACT_FOR_OTHERS)
            actor = actor_for(self.staff, who)
            at = at_or_after(self.clock(), state)
            event = build(state, actor, at)
            new_state = workflow.apply(state, event)
            detail = {**event_detail(event), "role": actor.role.value}
            note = event_note(event) or " ".join(note.split())
            updated = self._step(record, new_state, event.kind, at, who, note, detail)
            log.info("application %s %s by %s", record.data.number, event.kind, who)
            return self._view(updated, actor, at.date())

    # the detail view ---------------------------------------------------------------------------
    def detail(self, number: str, *, clerk: str) -> ApplicationDetail:
        """The full record for its owner or a supervisor (others see it masked); each look is audited."""
        who = self.gate.acting_as(clean_clerk(clerk))
        with self.store.write():
            record = self.find(number)
            actor = actor_for(self.staff, who)
            events = self.repo.events(record.id)
            owner = state_of(events).owner
            allowed = workflow.may_act(actor, owner)
            allowed = allowed and (owner == who or self.gate.allows(Action.FULL_PERSONAL_DATA))
            now = self.clock()
            self.repo.add_access(record.id, now, who, actor.role.value, allowed, "detail")
            documents = self.repo.documents(record.id)
            return build_detail(
                record, events, documents, self.setup, viewer=actor, unmasked=allowed, today=now.date()
            )

    def refresh_due_dates(self) -> int:
        """Recompute the stored due dates of open applications when the calendar has changed (the
        hall's overrides, or a ``chinese_calendar`` release with a new year); how many were updated.

        Cheap when nothing changed: one small read of the loaded schedules' digest."""
        self.reload_calendar_if_changed()
        key = self.setup.calendar_key
        if self._calendar_fresh == key:
            return 0
        with self.store.read():
            stale = self.repo.calendar_key() != key
        if not stale:
            self._calendar_fresh = key
            return 0
        try:
            with self.store.write():
                if self.repo.calendar_key() == key:  # another process got there first
                    self._calendar_fresh = key
                    return 0
                today = self.clock().date()
                ids = self.repo.open_ids()
                for app_id in ids:
                    state = state_of(self.repo.events(app_id))
                    self.repo.set_due(app_id, projection(state, self.setup.calendar, today))
                self.repo.set_calendar_key(key)
        except StoreUnavailable as exc:
            if exc.reason != "damaged":
                raise
            log.warning("due dates not recomputed: the hall file is damaged and open read-only")
            self._calendar_fresh = key  # not again: the stored dates are shown as they are
            return 0
        self._calendar_fresh = key
        if ids:
            log.info("due dates of %d open applications recomputed for a changed calendar", len(ids))
        return len(ids)

    # helpers -----------------------------------------------------------------------------------
    def find(self, number: str, *, lock: bool = False) -> ApplicationRecord:
        """The application by its number or tracking reference, as typed or scanned; call inside the
        caller's read or write (``lock``: a write about to add a step, see the repository's ``find``)."""
        record = self.repo.find(number.strip().upper(), lock=lock)
        if record is None:
            raise NotFound(f"There is no application {number}.", code="unknown_application", number=number)
        return record

    def _by_id(self, app_id: int) -> ApplicationRecord:
        record = self.repo.by_id(app_id)
        assert record is not None  # written in this transaction
        return record

    def _step(
        self,
        record: ApplicationRecord,
        state: ApplicationState,
        kind: str,
        at: datetime,
        clerk: str,
        note: str,
        detail: dict[str, Any],
    ) -> ApplicationRecord:
        """Record one step after acceptance: its history row, the new projection, its outbox row.
        Inside the action's transaction; returns the application as it now stands."""
        self.repo.add_event(record.id, kind, at, clerk, note, detail)
        if not self.repo.update_projection(
            record.id, record.version, projection(state, self.setup.calendar, at.date()), at
        ):  # cannot happen under the write lock; a guard, not a rule
            raise RuleViolation(
                f"{record.data.number} was just changed elsewhere.",
                code="changed_elsewhere",
                number=record.data.number,
            )
        updated = self._by_id(record.id)
        self.repo.add_outbox(TOPIC, outbox_payload(kind, updated, state, clerk, at), at)
        return updated

    def _view(self, record: ApplicationRecord, actor: Actor, today: date) -> ApplicationDetail:
        """What an action returns: the application after it, masked (no look is recorded)."""
        events, documents = self.repo.events(record.id), self.repo.documents(record.id)
        return build_detail(record, events, documents, self.setup, viewer=actor, unmasked=False, today=today)
