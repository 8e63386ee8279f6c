"""The service-quality use cases of one hall, built together on one store connection."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from counter_app.domain.profile import HallProfile
from counter_app.domain.quality.settings import QualitySettings, quality_settings
from counter_app.domain.workdays import WorkCalendar
from counter_app.services.ports import QualityRecords, UnitOfWork
from counter_app.services.quality.dashboard import ApplicationsDue, Dashboard
from counter_app.services.quality.handover import Handovers
from counter_app.services.quality.ratings import Ratings
from counter_app.services.quality.reports import QualityReports
from counter_app.services.quality.summaries import DaySummaries
from counter_app.services.quality.visits import VisitDesk
from counter_app.services.session import Gate


@dataclass(frozen=True)
class HallQuality:
    settings: QualitySettings
    summaries: DaySummaries
    handovers: Handovers
    ratings: Ratings
    desk: VisitDesk
    dashboard: Dashboard
    reports: QualityReports
    uow: UnitOfWork
    records: QualityRecords
    work_calendar: Callable[[], WorkCalendar]
    applications: ApplicationsDue | None
    gate: Gate
    journal: Callable[..., Any] | None = None
    """Journals what is done while the PC works without its hall server (ratings, visit notes)."""

    def on_clock(self, clock: Callable[[], datetime]) -> HallQuality:
        """The same use cases on another clock (the demo hall's simulated days)."""
        return build_quality(
            self.uow,
            self.records,
            self.summaries.profile,
            clock,
            work_calendar=self.work_calendar,
            applications=self.applications,
            gate=self.gate,
            journal=self.journal,
        )


def build_quality(
    uow: UnitOfWork,
    records: QualityRecords,
    profile: HallProfile,
    clock: Callable[[], datetime],
    *,
    work_calendar: Callable[[], WorkCalendar],
    applications: ApplicationsDue | None = None,
    gate: Gate,
    journal: Callable[..., Any] | None = None,
) -> HallQuality:
    """Every quality use case on ``records``; :class:`InvalidInput` for a bad quality setting.
    ``gate``: the hall's (the reports are guarded)."""
    settings = quality_settings(profile)
    days = DaySummaries(uow, records, profile, clock)
    return HallQuality(
        settings=settings,
        summaries=days,
        handovers=Handovers(records, profile),
        ratings=Ratings(uow, records, profile, settings.rating, days, clock, journal),
        desk=VisitDesk(uow, records, profile, days, clock, journal),
        dashboard=Dashboard(uow, records, profile, days, clock, applications, gate),
        reports=QualityReports(uow, records, profile, settings, days, work_calendar, clock, gate),
        uow=uow,
        records=records,
        work_calendar=work_calendar,
        applications=applications,
        gate=gate,
        journal=journal,
    )
