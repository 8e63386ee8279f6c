"""What the windows and the CLI read about applications: the worklist, the due report, a masked summary.

Read-only, each in one consistent snapshot. Personal data comes back masked: full values only through
``ApplicationsService.detail``, which records the access. The one write here is the rare refresh of
stored due dates after the hall's calendar changed (done before the read, in its own transaction).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from counter_app.domain.applications.business_types import Party
from counter_app.domain.applications.detail import OPEN_STATUSES, ApplicationDetail, build_detail
from counter_app.domain.applications.records import CLOSED_DUE_KEY, OPEN_DUE_NONE
from counter_app.domain.applications.setup import ApplicationSetup
from counter_app.domain.applications.worklist import (
    DueFilter,
    LimitNote,
    Search,
    WorklistCounts,
    WorklistFilter,
    WorklistPage,
    WorklistQuery,
    WorklistRow,
    recognise_search,
)
from counter_app.domain.errors import InvalidInput
from counter_app.domain.profile import HallProfile
from counter_app.domain.workdays import DueDate
from counter_app.services.applications.service import ApplicationsService
from counter_app.services.clock import Clock, system_clock
from counter_app.services.ports import HallRecords
from counter_app.services.staff import actor_for

MAX_PAGE = 500


class ApplicationViews:
    def __init__(
        self,
        store: HallRecords,
        profile: HallProfile,
        clock: Clock = system_clock,
        applications: ApplicationsService | None = None,
    ) -> None:
        self.store = store
        self.profile = profile
        self.clock = clock
        self.applications = applications or ApplicationsService(store, profile, clock)
        self.repo = store.applications
        self.lists = store.worklist
        self.staff = store.staff

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
        with self.store.read():
            records = self.lists.page(wanted, limit, max(0, query.offset))
            total = self.lists.count(wanted)
            counts = self.lists.hall_counts(today, soon.day, query.viewer)
        rows = tuple(self._row(r, today, soon.day) for r in records)
        last_due = max([r.due_day for r in rows if r.due_day] + [soon.day])
        return WorklistPage(
            rows=rows,
            total=total,
            counts=counts,
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
        with self.store.read():
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
        with self.store.read():
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

    def _row(self, r: WorklistRow, today: date, soon: date) -> WorklistRow:
        """A stored row masked, with what the calendar says of it today."""
        due_day = date.fromisoformat(r.due_key) if r.due_key < OPEN_DUE_NONE else None
        # working days left, for what is not overdue yet (counting an old backlog day by day is wasted)
        left = self.setup.calendar.workdays_between(today, due_day) if due_day and due_day >= today else None
        return replace(
            r.masked(),
            due_day=due_day,
            overdue=due_day is not None and due_day < today,
            due_soon=due_day is not None and today <= due_day <= soon,
            workdays_left=left,
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
        with self.store.read():
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
