"""Service-quality reports (daily, monthly, any range) and the month-end forecast, as
:class:`~counter_app.domain.quality.report.ReportData` the writers in ``printing/reports`` lay out.

Reports are written in the hall's language (a report is the hall's document, whatever the clerk's
screen language) and hold no personal data of customers; clerks appear as "name (staff code)" when
they are on the staff list. The forecast learns from the hall's own stored day summaries, plans
counters with Erlang C and measures its own error on the weeks before (rolling origin).

The hall's figures are a supervisor's or an administrator's (``Action.REPORTS``); a report written to
a file (:meth:`QualityReports.export`, what the command line and the dashboard's "Reports…" do) is
an export, a supervisor's (``Action.EXPORT``). The writer is the front end's (``printing/reports``).
"""

from __future__ import annotations

import calendar as month_calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TypeVar

from counter_app.domain.errors import InvalidInput, RuleViolation
from counter_app.domain.profile import HallProfile
from counter_app.domain.quality.forecast import (
    DayClasses,
    ForecastDay,
    ForecastModel,
    ForecastSettings,
    fit,
    forecast,
)
from counter_app.domain.quality.planning import (
    Backtest,
    HourPlan,
    backtest,
    mean_service_minutes,
    staffing_plan,
)
from counter_app.domain.quality.report import ReportData
from counter_app.domain.quality.report_build import ReportKind, ReportSetup, build_quality_report
from counter_app.domain.quality.report_forecast import build_forecast_report
from counter_app.domain.quality.settings import QualitySettings
from counter_app.domain.quality.summary import by_service
from counter_app.domain.roles import Action
from counter_app.domain.workdays import WorkCalendar
from counter_app.services.ports import QualityRecords, UnitOfWork
from counter_app.services.quality.summaries import DaySummaries
from counter_app.services.session import Gate

R = TypeVar("R")
T = TypeVar("T")

MAX_RANGE_DAYS = 366
SERVICE_TIME_DAYS = 28  # the mean service time the plan uses: measured over the last four weeks


@dataclass(frozen=True)
class ForecastResult:
    model: ForecastModel
    days: tuple[ForecastDay, ...]
    plan: tuple[HourPlan, ...]
    backtest: Backtest | None
    service_minutes: dict[str, float]
    target_share: float
    report: ReportData


def month_bounds(year: int, month: int) -> tuple[date, date]:
    if not 1 <= month <= 12:
        raise InvalidInput(f"A month is 1 to 12, not {month}", field="month", code="bad_month")
    return date(year, month, 1), date(year, month, month_calendar.monthrange(year, month)[1])


class QualityReports:
    def __init__(
        self,
        uow: UnitOfWork,
        records: QualityRecords,
        profile: HallProfile,
        settings: QualitySettings,
        days: DaySummaries,
        work_calendar: Callable[[], WorkCalendar],
        clock: Callable[[], datetime],
        gate: Gate,
    ) -> None:
        self.uow = uow
        self.records = records
        self.profile = profile
        self.settings = settings
        self.days = days
        self.work_calendar = work_calendar
        self.clock = clock
        self.gate = gate

    def export(self, build: Callable[[], R], write: Callable[[R], T]) -> T:
        """A report to a file: ``build`` it (one of the methods below, e.g. ``lambda:
        reports.daily(day)``) and hand it to the front end's ``write`` — once the signed-in member
        of staff may export (checked first: a refusal builds nothing)."""
        self.gate.require(Action.EXPORT)
        return write(build())

    def setup(self, language: str | None = None) -> ReportSetup:
        lang = language or self.profile.hall.language
        with self.uow.read():
            clerks = self.records.staff_names()
        return ReportSetup(
            hall_name=self.profile.hall.name.get(lang),
            language=lang,
            targets=self.days.targets,
            service_names={s.code: s.names for s in self.profile.services},
            clerk_names=clerks,
            reason_names={r.code: r.names for r in self.settings.rating.reasons},
        )

    # figures reports ------------------------------------------------------------------------------
    def report(self, kind: ReportKind, first: date, last: date, language: str | None = None) -> ReportData:
        """The report of business days ``first`` … ``last`` (closed days summarised and stored first)."""
        self.gate.require(Action.REPORTS)
        if last < first:
            raise InvalidInput("The report's last day comes before its first.", field="to", code="bad_range")
        if (last - first).days >= MAX_RANGE_DAYS:
            raise InvalidInput(
                f"A report covers at most {MAX_RANGE_DAYS} days.", field="to", code="range_too_long"
            )
        figures = self.days.period(first, last)
        return build_quality_report(
            figures.summary,
            kind,
            first,
            last,
            self.setup(language),
            self.clock(),
            counters_open=figures.counters_open if figures.days_open else None,
        )

    def daily(self, day: date | None = None, language: str | None = None) -> ReportData:
        day = day or self.days.today()
        return self.report(ReportKind.DAILY, day, day, language)

    def monthly(self, year: int, month: int, language: str | None = None) -> ReportData:
        first, last = month_bounds(year, month)
        return self.report(ReportKind.MONTHLY, first, last, language)

    def range(self, first: date, last: date, language: str | None = None) -> ReportData:
        return self.report(ReportKind.RANGE, first, last, language)

    # the forecast ---------------------------------------------------------------------------------
    def forecast(
        self, first: date | None = None, days: int = 7, backtest_weeks: int = 4, language: str | None = None
    ) -> ForecastResult:
        """The expected arrivals from ``first`` (tomorrow by default) for ``days`` days, the counters
        each hour needs, and the forecast's error on the ``backtest_weeks`` weeks before today."""
        self.gate.require(Action.REPORTS)
        if not 1 <= days <= 62:
            raise InvalidInput("Forecast 1 to 62 days.", field="days", code="bad_forecast_days")
        today = self.days.today()
        first = first or today + timedelta(days=1)
        setup = self.settings.forecast
        settings = ForecastSettings(
            fit_weeks=setup.fit_weeks, classes=DayClasses(payment_deadline_day=setup.payment_deadline_day)
        )
        as_of = min(first, today)  # learn only from days that are over
        start = as_of - timedelta(weeks=setup.fit_weeks + max(0, backtest_weeks))
        self.days.ensure(start, as_of - timedelta(days=1))
        with self.uow.read():
            history = self.records.arrivals_history(start, as_of - timedelta(days=1))
            recent = self.records.stored_summary(as_of - timedelta(days=SERVICE_TIME_DAYS), as_of)
        codes = [s.code for s in self.profile.services]
        work_calendar = self.work_calendar()
        try:
            model = fit(history, as_of, work_calendar, settings, services=codes)
        except ValueError:
            raise RuleViolation(
                f"No numbers were taken in the {setup.fit_weeks} weeks before {as_of}: nothing to learn from",
                code="no_history",
                weeks=setup.fit_weeks,
            ) from None
        predicted = forecast(model, first, days)
        minutes = mean_service_minutes(
            recent.group(by_service), {s.code: s.default_service_minutes for s in self.profile.services}
        )
        plan = staffing_plan(predicted, minutes, self.days.targets, setup.target_share)
        checked = self._backtest(history, as_of, backtest_weeks, work_calendar, settings)
        report = build_forecast_report(
            model,
            predicted,
            plan,
            self.setup(language),
            self.clock(),
            minutes,
            setup.target_share,
            checked,
        )
        return ForecastResult(model, predicted, plan, checked, minutes, setup.target_share, report)

    @staticmethod
    def _backtest(
        history: dict[tuple[date, int, str], int],
        as_of: date,
        weeks: int,
        work_calendar: WorkCalendar,
        settings: ForecastSettings,
    ) -> Backtest | None:
        """The error on as many of the last ``weeks`` weeks as the history allows (each week's
        model needs numbers taken before that week); ``None`` when not even one week can be checked."""
        for tried in range(weeks, 0, -1):
            try:
                return backtest(history, as_of - timedelta(days=1), tried, work_calendar, settings)
            except ValueError:
                continue
        return None
