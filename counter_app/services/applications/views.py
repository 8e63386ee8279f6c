"""What the windows and the CLI read about applications: the worklist, the due report, a masked summary.

Read-only, each in one consistent snapshot. Personal data comes back masked: full values only through
``ApplicationsService.detail``, which records the access. The one write here is the rare refresh of
stored due dates after the hall's calendar changed (done before the read, in its own transaction).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

import sqlite_utils

from counter_app.domain.applications.business_types import Party
from counter_app.domain.applications.detail import (
    OPEN_STATUSES,
    ApplicationDetail,
    DueFilter,
    LimitNote,
    WorklistCounts,
    WorklistPage,
    WorklistQuery,
    WorklistRow,
)
from counter_app.domain.applications.history import build_detail
from counter_app.domain.applications.setup import ApplicationSetup
from counter_app.domain.applications.workflow import Status
from counter_app.domain.errors import InvalidInput
from counter_app.domain.identity import upgrade_15_digit_id, validate_mobile
from counter_app.domain.masking import mask_address, mask_id_number, mask_name, mask_phone
from counter_app.domain.profile import HallProfile
from counter_app.domain.workdays import DueDate
from counter_app.services.applications.service import ApplicationsService
from counter_app.services.clock import Clock, system_clock
from counter_app.services.staff import actor_for
from counter_app.store.applications import ApplicationsRepository
from counter_app.store.sqlite.connection import read
from counter_app.store.sqlite.schema_applications import CLOSED_DUE_KEY, OPEN_DUE_NONE
from counter_app.store.staff import StaffRepository
from counter_app.store.worklist import (
    Search,
    WorklistFilter,
    WorklistRecord,
    WorklistRepository,
)

MAX_PAGE = 500
_DIGITS = re.compile(r"[0-9]+X?")
_SEPARATORS = re.compile(r"[\s\-]+")
_TRACKING = re.compile(r"[A-Z]{1,4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")
_NUMBER = re.compile(r"[A-Z]{1,4}[0-9]{8}-[0-9]{4,}")
_USCC = re.compile(r"[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}")


def recognise_search(text: str, number_prefix: str, account_lengths: tuple[int, ...]) -> Search | None:
    """What a search box entry is: an application number (or its start), a tracking reference, a
    whole phone / ID / credit code / account number (an old 15-digit ID as the 18-digit number it was
    stored as), a fragment of three characters or more, or the first one or two characters of a name.
    ``None`` for an empty entry."""
    folded = " ".join(unicodedata.normalize("NFKC", text).split())
    if not folded:
        return None
    upper = folded.upper()
    if _TRACKING.fullmatch(upper):
        return Search("tracking", upper)
    if _NUMBER.fullmatch(upper):
        return Search("number", upper)
    compact = _SEPARATORS.sub("", upper)
    if compact.startswith(number_prefix) and re.fullmatch(
        r"[0-9]{1,8}(-[0-9]*)?", compact[len(number_prefix) :]
    ):
        return Search("number_prefix", compact)
    if _DIGITS.fullmatch(compact) or compact.startswith(("+86", "0086")) or _USCC.fullmatch(compact):
        try:
            return Search("exact_digits", validate_mobile(compact))
        except InvalidInput:
            pass
        if len(compact) == 15 and compact.isdigit() and 15 not in account_lengths:
            return Search("exact_digits", upgrade_15_digit_id(compact))  # an old ID: stored as 18
        if len(compact) in (15, 18) or len(compact) in account_lengths:
            return Search("exact_digits", compact)
        if len(compact) >= 3:
            return Search("fragment", compact)
    if len(folded) >= 3:
        return Search("fragment", folded)
    return Search("name_prefix", folded)


class ApplicationViews:
    def __init__(
        self,
        db: sqlite_utils.Database,
        profile: HallProfile,
        clock: Clock = system_clock,
        applications: ApplicationsService | None = None,
    ) -> None:
        self.db = db
        self.profile = profile
        self.clock = clock
        self.applications = applications or ApplicationsService(db, profile, clock)
        self.repo = ApplicationsRepository(db)
        self.lists = WorklistRepository(db)
        self.staff = StaffRepository(db)

    @property
    def setup(self) -> ApplicationSetup:
        return self.applications.setup

    # the worklist ------------------------------------------------------------------------------
    def worklist(self, query: WorklistQuery | None = None) -> WorklistPage:
        """One page of the worklist with its total and the hall's counts (open, overdue, due soon,
        suspended, the viewer's own)."""
        query = query or WorklistQuery()
        self.applications.refresh_due_dates()
        setup = self.setup
        today = self.clock().date()
        soon = setup.calendar.add_workdays(today, setup.due_soon_workdays)
        search = recognise_search(query.search, setup.number_prefix, setup.policy.account_number_rule.lengths)
        wanted = self._filter(query, today, soon.day, search)
        limit = max(1, min(query.limit, MAX_PAGE))
        with read(self.db):
            records = self.lists.page(wanted, limit, max(0, query.offset))
            total = self.lists.count(wanted)
            counts = self.lists.hall_counts(today, soon.day, query.viewer)
        rows = tuple(self._row(r, today, soon.day) for r in records)
        last_due = max([r.due_day for r in rows if r.due_day] + [soon.day])
        return WorklistPage(
            rows=rows,
            total=total,
            counts=WorklistCounts(
                counts.open, counts.overdue, counts.due_soon, counts.suspended, counts.mine
            ),
            as_of=today,
            due_soon_until=soon.day,
            due_soon_workdays=setup.due_soon_workdays,
            provisional_years=setup.calendar.provisional_years(today, last_due),
            search_note="short" if search is not None and search.kind == "name_prefix" else "",
        )

    def due(self, within: int | None = None) -> WorklistPage:
        """Open applications overdue or due within ``within`` working days (the hall's "due soon"
        setting by default), most urgent first; for ``counter-app application due``."""
        setup = self.setup
        days = setup.due_soon_workdays if within is None else within
        if days < 0:
            raise InvalidInput(
                "--within is a number of working days, 0 or more.", field="within", code="bad_within"
            )
        self.applications.refresh_due_dates()
        today = self.clock().date()
        until = setup.calendar.add_workdays(today, days).day
        wanted = WorklistFilter(due_before=(until + timedelta(days=1)).isoformat())
        with read(self.db):
            records = self.lists.page(wanted, 100_000)
            counts = self.lists.hall_counts(today, until, "")
        rows = tuple(self._row(r, today, until) for r in records)
        return WorklistPage(
            rows=rows,
            total=len(rows),
            counts=WorklistCounts(counts.open, counts.overdue, counts.due_soon, counts.suspended, 0),
            as_of=today,
            due_soon_until=until,
            due_soon_workdays=days,
            provisional_years=setup.calendar.provisional_years(today, until),
        )

    def owners(self) -> list[str]:
        with read(self.db):
            return self.lists.owners()

    def _filter(self, query: WorklistQuery, today: date, soon: date, search: Search | None) -> WorklistFilter:
        statuses = tuple(dict.fromkeys(query.statuses))
        due_min: str | None = None
        due_before: str | None = None
        if set(statuses) == set(OPEN_STATUSES):
            statuses, due_before = (), CLOSED_DUE_KEY  # every open one: one range on the due index
        if query.due is DueFilter.OVERDUE:
            due_before = today.isoformat()
        elif query.due is DueFilter.SOON:
            due_min, due_before = today.isoformat(), (soon + timedelta(days=1)).isoformat()
        return WorklistFilter(
            statuses=tuple(s.value for s in statuses),
            business_type=query.business_type or None,
            owner=query.owner or None,
            due_min=due_min,
            due_before=due_before,
            search=search,
        )

    def _row(self, r: WorklistRecord, today: date, soon: date) -> WorklistRow:
        due_day = date.fromisoformat(r.due_key) if r.due_key < OPEN_DUE_NONE else None
        # working days left, for what is not overdue yet (counting an old backlog day by day is wasted)
        left = self.setup.calendar.workdays_between(today, due_day) if due_day and due_day >= today else None
        return WorklistRow(
            id=r.id,
            number=r.number,
            business_type=r.business_type,
            status=Status(r.status),
            stage=r.stage,
            owner=r.owner,
            accepted_on=r.accepted_day,
            name=mask_name(r.name),
            mobile=mask_phone(r.mobile),
            id_number=mask_id_number(r.id_number),
            address=mask_address(r.address),
            account_number=r.account_number,
            stage_due=r.stage_due,
            whole_due=r.whole_due,
            due_day=due_day,
            due_provisional=r.due_provisional,
            overdue=due_day is not None and due_day < today,
            due_soon=due_day is not None and today <= due_day <= soon,
            workdays_left=left,
            owed_documents=r.owed_documents,
            customer_step=self._customer_step(r.business_type, r.stage),
            limits=self.limit_notes(r.business_type, r.stage, external_works=r.external_works, on=today),
        )

    def _customer_step(self, business_type: str, stage: str) -> bool:
        btype = self.setup.type_or_none(business_type)
        step = next((s for s in btype.stages if s.code == stage), None) if btype else None
        return step is not None and step.party is Party.CUSTOMER

    def limit_notes(
        self, business_type: str, stage: str, *, external_works: bool, on: date
    ) -> tuple[LimitNote, ...]:
        """The current step's limit and the company's limit with the rule in force for each (from the
        profile as it is now), for tooltips; an unconfirmed number or document says so."""
        btype = self.setup.type_or_none(business_type)
        if btype is None:
            return ()
        notes: list[LimitNote] = []
        step = next((s for s in btype.stages if s.code == stage), None)
        for kind, limit in (
            ("stage", step.limit if step else None),
            ("whole", btype.limit_for(external_works=external_works)),
        ):
            if limit is not None:
                rule = limit.binding(on)
                citation = f"{rule.source.citation()} {rule.clause}".strip()
                notes.append(LimitNote(kind, rule.working_days, citation, rule.unconfirmed))
        return tuple(notes)

    # one application, masked -------------------------------------------------------------------
    def summary(self, number: str, *, viewer: str = "") -> ApplicationDetail:
        """An application with its personal data masked, for refreshing a screen and for printing
        (nothing is recorded: no full value leaves the store)."""
        today = self.clock().date()
        with read(self.db):
            record = self.applications.find(number)
            events = self.repo.events(record.id)
            documents = self.repo.documents(record.id)
            actor = actor_for(self.staff, viewer.strip()) if viewer.strip() else None
        return build_detail(record, events, documents, self.setup, viewer=actor, unmasked=False, today=today)

    # the calendar ------------------------------------------------------------------------------
    def add_workdays(self, start: date, n: int) -> DueDate:
        """``start`` plus ``n`` working days on the hall's calendar (official schedule + overrides)."""
        if n < 0:
            raise InvalidInput(
                "The number of working days must be 0 or more.", field="n", code="bad_workdays"
            )
        return self.setup.calendar.add_workdays(start, n)
