"""What the service-quality figures are computed from: one visit per ticket, as the store knows it.

A :class:`Visit` is one number taken at the kiosk (or issued by a clerk) and everything that then
happened to it: each stretch at a counter is a :class:`ServiceLeg`, from a call to the customer
finished, passed on (转办, a transfer to another service or counter), missed (过号) or still at the
counter. A visit holds no personal data at all: no ticket number, name, phone or account. Clerks are
the staff code the queue records (a clerk's own performance is the hall's business).

Times are aware datetimes in the hall's time zone: the hour a figure falls in is their hour.
The :class:`Targets` a visit is measured against come from the hall profile.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from counter_app.domain.errors import InvalidInput
from counter_app.domain.profile import HallProfile


class Rating(StrEnum):
    """The customer's answer on the rating screen (服务评价): five levels, or none within the time."""

    VERY_SATISFIED = "very_satisfied"  # 非常满意
    SATISFIED = "satisfied"  # 满意
    NEUTRAL = "neutral"  # 一般
    DISSATISFIED = "dissatisfied"  # 不满意
    VERY_DISSATISFIED = "very_dissatisfied"  # 非常不满意
    NOT_RATED = "not_rated"  # the screen timed out: asked, no answer

    @property
    def rated(self) -> bool:
        return self is not Rating.NOT_RATED

    @property
    def satisfied(self) -> bool:
        """Counts towards the satisfaction rate (the top two levels)."""
        return self in (Rating.VERY_SATISFIED, Rating.SATISFIED)

    @property
    def score(self) -> int | None:
        """5 (非常满意) … 1 (非常不满意); ``None`` when not rated."""
        return None if self is Rating.NOT_RATED else 5 - RATING_LEVELS.index(self)


#: The five levels, best first (the order of the rating screen and of every table).
RATING_LEVELS = (
    Rating.VERY_SATISFIED,
    Rating.SATISFIED,
    Rating.NEUTRAL,
    Rating.DISSATISFIED,
    Rating.VERY_DISSATISFIED,
)


class LegEnd(StrEnum):
    """How a stretch at a counter ended."""

    DONE = "done"  # the customer was finished here
    TRANSFERRED = "transferred"  # passed on to another service or counter (转办)
    NO_SHOW = "no_show"  # called, did not come (过号); may be put back in line later
    OPEN = "open"  # still at the counter when the figures were taken


@dataclass(frozen=True)
class ServiceLeg:
    """One stretch of a visit at one counter with one clerk (staff code).

    ``handover`` is true when a transfer was recorded as a hand-over (首问负责制: who, to whom, why);
    ``rating`` is ``None`` when the customer was not asked (no rating screen), else the answer;
    ``reasons`` are the reason chips chosen with a rating below 满意; ``guided_online`` is true when
    the clerk guided the customer to pay online (a payment guidance slip recorded for the visit).
    """

    service_code: str
    counter: int
    clerk: str
    called_at: datetime
    end: LegEnd
    ended_at: datetime | None = None
    serving_at: datetime | None = None
    handover: bool = False
    rating: Rating | None = None
    reasons: tuple[str, ...] = ()
    guided_online: bool = False

    def __post_init__(self) -> None:
        if (self.ended_at is None) != (self.end is LegEnd.OPEN):
            raise ValueError(f"a leg that ended {self.end.value} needs ended_at exactly when it is not open")
        if self.handover and self.end is not LegEnd.TRANSFERRED:
            raise ValueError("only a transfer can be a hand-over")
        if self.rating is not None and self.end is not LegEnd.DONE:
            raise ValueError("only a finished customer is asked for a rating")
        if self.reasons and (self.rating is None or not self.rating.rated):
            raise ValueError("reasons come with a rating")

    @property
    def service_time(self) -> timedelta | None:
        """Time at the counter: the end less the customer's arrival at the counter (到柜, or the
        call when arrival was not recorded), for a leg that was finished or passed on; never < 0."""
        if self.end not in (LegEnd.DONE, LegEnd.TRANSFERRED) or self.ended_at is None:
            return None
        return max(timedelta(0), self.ended_at - (self.serving_at or self.called_at))


@dataclass(frozen=True)
class Visit:
    """One ticket from issue to its end; ``legs`` in the order they happened."""

    business_day: date
    service_code: str  # the service the number was taken for
    issued_at: datetime
    green: bool = False
    legs: tuple[ServiceLeg, ...] = ()
    cancelled: bool = False  # withdrawn while waiting (the customer left, a mistaken ticket)

    def __post_init__(self) -> None:
        if self.cancelled and self.legs and self.legs[-1].end not in (LegEnd.NO_SHOW, LegEnd.TRANSFERRED):
            raise ValueError("only a ticket waiting in a line is cancelled")
        if any(leg.end is LegEnd.OPEN for leg in self.legs[:-1]):
            raise ValueError("only the last leg of a visit can still be open")
        if any(leg.end is LegEnd.DONE for leg in self.legs[:-1]):
            raise ValueError("a finished customer has no further legs")

    @property
    def first_call(self) -> ServiceLeg | None:
        return self.legs[0] if self.legs else None

    @property
    def wait(self) -> timedelta | None:
        """From taking the number to the first call; ``None`` while never called; never < 0 (a
        clock set back counts as no wait)."""
        first = self.first_call
        return None if first is None else max(timedelta(0), first.called_at - self.issued_at)

    @property
    def hour(self) -> int:
        """The hour of the day the number was taken: every figure of the visit counts in it."""
        return self.issued_at.hour


@dataclass(frozen=True)
class Targets:
    """What "within target" means per service, in whole minutes.

    ``wait_minutes``: the target wait before the first call: the hall's own figure (DOMAIN.md: no
    national maximum wait, 20 minutes is a common local target [U]). :meth:`from_profile` takes a
    service's ``target_wait_minutes`` when the profile gives one and otherwise the hall's wait alert
    (``queue.alert_wait_minutes``).
    ``service_minutes``: the counter-time target per customer, the profile's ``target_service_minutes``
    (DOMAIN.md: ≤ 5 min per residential payment, ≤ 20 min per business application [W]).
    """

    wait_minutes: Mapping[str, int]
    default_wait_minutes: int
    service_minutes: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        values = [self.default_wait_minutes, *self.wait_minutes.values(), *self.service_minutes.values()]
        if any(not isinstance(v, int) or isinstance(v, bool) or v < 1 for v in values):
            raise InvalidInput("target minutes must be whole numbers ≥ 1", field="targets", code="bad_target")
        object.__setattr__(self, "wait_minutes", MappingProxyType(dict(self.wait_minutes)))
        object.__setattr__(self, "service_minutes", MappingProxyType(dict(self.service_minutes)))

    def wait_for(self, service_code: str) -> int:
        return self.wait_minutes.get(service_code, self.default_wait_minutes)

    def service_for(self, service_code: str) -> int | None:
        return self.service_minutes.get(service_code)

    @classmethod
    def from_profile(cls, profile: HallProfile) -> Targets:
        return cls(
            wait_minutes={
                s.code: s.target_wait_minutes for s in profile.services if s.target_wait_minutes is not None
            },
            default_wait_minutes=profile.queue.alert_wait_minutes,
            service_minutes=_service_minutes(profile, "target_service_minutes"),
        )


def _service_minutes(profile: HallProfile, key: str) -> dict[str, int]:
    """A per-service number of minutes the hall set in its profile's ``[[services]]`` (its own
    target: no national figure exists, DOMAIN.md), by service code."""
    found: dict[str, int] = {}
    raw_services: list[Any] = list(profile.raw.get("services", []))
    for i, raw in enumerate(raw_services):
        if isinstance(raw, Mapping) and key in raw:
            value = raw[key]
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise InvalidInput(
                    f"Hall profile: services[{i}].{key} must be a whole number ≥ 1",
                    field="profile",
                    code="bad_profile",
                )
            found[str(raw.get("code", ""))] = value
    return found


@dataclass(frozen=True, order=True)
class CellKey:
    """Where a fact is counted: business day, hour the number was taken, service, counter, clerk.

    Facts about the visit (arrival, wait, green channel, cancellation) count under the service the
    number was taken for and the counter and clerk of the first call (counter 0 and clerk ``""``
    while never called); facts about a leg (served, service time, no-show, transfer, hand-over,
    rating, online guidance) under that leg's service, counter and clerk. Both in the visit's hour.
    """

    day: date
    hour: int
    service: str
    counter: int
    clerk: str


def visit_key(visit: Visit) -> CellKey:
    first = visit.first_call
    counter, clerk = (first.counter, first.clerk) if first is not None else (0, "")
    return CellKey(visit.business_day, visit.hour, visit.service_code, counter, clerk)


def leg_key(visit: Visit, leg: ServiceLeg) -> CellKey:
    return CellKey(visit.business_day, visit.hour, leg.service_code, leg.counter, leg.clerk)
