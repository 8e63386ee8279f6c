"""The supervisor's dashboard (值班长看板): the hall now, today's figures, per clerk, and a month's trend.

One refresh is one consistent read of the queue and today's visits (:meth:`Dashboard.view`), plus the
applications due or late from the applications service. Today's figures come from a summary of
today's visits (:mod:`counter_app.domain.quality.summary`): the 90th percentiles are to the minute,
as in the reports. The month's trend (:meth:`Dashboard.trend`) reads the stored day summaries and
changes once a day, so the window asks for it apart from the live refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Protocol

from counter_app.domain.applications.worklist import WorklistPage
from counter_app.domain.profile import HallProfile
from counter_app.domain.quality.figures import QualityFigures
from counter_app.domain.quality.records import CounterNow
from counter_app.domain.quality.summary import by_clerk, by_counter, by_hour, by_service
from counter_app.domain.roles import Action
from counter_app.services.ports import QualityRecords, UnitOfWork
from counter_app.services.quality.summaries import DaySummaries
from counter_app.services.session import Gate

ALERT_APPLICATIONS = 5  # at most this many applications named in the alerts (the rest counted)


class ApplicationsDue(Protocol):
    def due(self, within: int | None = None) -> WorklistPage: ...


@dataclass(frozen=True)
class LineNow:
    """One service's line now: people waiting, and the longest wait against the service's target."""

    service_code: str
    waiting: int
    green: int
    longest_wait_minutes: float
    target_minutes: int

    @property
    def over_target(self) -> bool:
        return self.waiting > 0 and self.longest_wait_minutes > self.target_minutes


@dataclass(frozen=True)
class Alert:
    """Something the supervisor should act on now."""

    kind: str  # wait_over_target, application_overdue, application_due_soon
    subject: str  # the service code, or the application number
    minutes: float | None = None  # how long the longest waiting customer has waited
    target: int | None = None  # the service's target wait
    due: date | None = None  # the application's due date
    owner: str = ""  # the application's owner


@dataclass(frozen=True)
class DashboardView:
    at: datetime
    business_day: date
    lines: tuple[LineNow, ...]
    counters: tuple[CounterNow, ...]
    alerts: tuple[Alert, ...]
    today: QualityFigures
    by_service: dict[str, QualityFigures]
    by_hour: dict[int, QualityFigures]
    by_counter: dict[int, QualityFigures]
    by_clerk: dict[str, QualityFigures]
    counters_open: dict[int, float]  # counters open in each hour of today, on average
    outcomes: dict[str, int]  # inquiry and complaint visits by outcome
    handovers_open: int  # hand-overs of visits not yet done
    applications_overdue: int
    applications_due_soon: int
    clerk_names: dict[str, str] = field(default_factory=dict)  # staff code → name


@dataclass(frozen=True)
class TrendDay:
    day: date
    arrivals: int
    served: int
    mean_wait_minutes: float | None
    satisfaction_rate: float | None


class Dashboard:
    def __init__(
        self,
        uow: UnitOfWork,
        records: QualityRecords,
        profile: HallProfile,
        days: DaySummaries,
        clock: Callable[[], datetime],
        applications: ApplicationsDue | None = None,
        gate: Gate | None = None,
    ) -> None:
        """``gate``: the hall's; the dashboard is the hall's figures (``Action.REPORTS``), a clerk's
        figures among them, so a clerk's session is refused as it is for a report."""
        self.uow = uow
        self.records = records
        self.profile = profile
        self.days = days
        self.clock = clock
        self.applications = applications
        self.gate = gate

    def _require(self) -> None:
        if self.gate is not None:
            self.gate.require(Action.REPORTS)

    def _lines(self, day: date, now: datetime) -> tuple[LineNow, ...]:
        found = {line.service_code: line for line in self.records.waiting_lines(day)}
        lines = []
        for service in self.profile.services:
            line = found.get(service.code)
            oldest = line.oldest_issued_at if line is not None else None
            waited = max(0.0, (now - oldest).total_seconds() / 60) if oldest is not None else 0.0
            lines.append(
                LineNow(
                    service.code,
                    line.waiting if line else 0,
                    line.green if line else 0,
                    waited,
                    self.profile.target_wait(service.code),
                )
            )
        return tuple(lines)

    def _application_alerts(self) -> tuple[list[Alert], int, int]:
        if self.applications is None:
            return [], 0, 0
        page = self.applications.due()
        alerts = [
            Alert(
                "application_overdue" if row.overdue else "application_due_soon",
                row.number,
                due=row.due_day,
                owner=row.owner,
            )
            for row in page.rows[:ALERT_APPLICATIONS]
        ]
        return alerts, page.counts.overdue, page.counts.due_soon

    def view(self) -> DashboardView:
        """The whole dashboard now (the trend apart)."""
        self._require()
        now = self.clock()
        with self.uow.read():
            day = self.days.today(now)
            lines = self._lines(day, now)
            counters = tuple(self.records.counters_now())
            summary, minutes = self.days.live_day(day, now)
            outcomes = self.records.outcomes(day, day)
            handovers_open = sum(1 for h in self.records.handovers_of_day(day) if h.open)
            names = self.records.staff_names()
        app_alerts, overdue, due_soon = self._application_alerts()
        alerts = [
            Alert("wait_over_target", line.service_code, line.longest_wait_minutes, line.target_minutes)
            for line in lines
            if line.over_target
        ]
        return DashboardView(
            at=now,
            business_day=day,
            lines=lines,
            counters=counters,
            alerts=tuple(alerts + app_alerts),
            today=summary.figures(),
            by_service=dict(sorted(summary.group(by_service).items())),
            by_hour=dict(sorted(summary.group(by_hour).items())),
            by_counter=dict(sorted(summary.group(by_counter).items())),
            by_clerk=dict(sorted(summary.group(by_clerk).items())),
            counters_open={h: m / 60 for h, m in minutes.items()},
            outcomes=outcomes,
            handovers_open=handovers_open,
            applications_overdue=overdue,
            applications_due_soon=due_soon,
            clerk_names=names,
        )

    def trend(self, days: int = 30) -> tuple[TrendDay, ...]:
        """The last ``days`` business days up to today: numbers taken, served, average wait and
        satisfaction per day (closed days from their stored summaries, made where missing)."""
        self._require()
        now = self.clock()
        today = self.days.today(now)
        first = today - timedelta(days=days - 1)
        self.days.ensure(first, today)
        with self.uow.read():
            stored = {r.day: r for r in self.records.day_records(first, today)}
            live, _ = self.days.live_day(today, now)
        result = []
        for i in range(days):
            day = first + timedelta(days=i)
            record = stored.get(day)
            if record is not None:
                result.append(
                    TrendDay(
                        day,
                        record.arrivals,
                        record.served,
                        record.wait_total_us / record.waits / 60e6 if record.waits else None,
                        record.satisfied / record.rated if record.rated else None,
                    )
                )
            elif day == today:
                f = live.figures()
                result.append(TrendDay(day, f.arrivals, f.served, f.wait.mean_minutes, f.satisfaction_rate))
            else:
                result.append(TrendDay(day, 0, 0, None, None))
        return tuple(result)
