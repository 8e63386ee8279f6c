"""The property boundary helper (产权分界, 有偿服务): who repairs a fault, on which rule.

A thin use case over ``domain.property_boundary``: the guide is read from the hall profile (paid
services only from the approved list, only once their approval is in force today) and the answer is
worded in the hall's language for the half-page leaflet. Nothing is written: it is advice.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from counter_app.domain.errors import InvalidInput
from counter_app.domain.payments.boundary import (
    BoundaryAnswer,
    BoundaryGuide,
    FaultLocation,
    decide_responsibility,
    parse_boundary_guide,
)
from counter_app.domain.profile import HallProfile
from counter_app.services.clock import Clock, system_clock


@dataclass(frozen=True)
class BoundaryLeaflet:
    """The answer as printed: hall, question, answer lines in the hall's language."""

    language: str
    company: str
    hall_name: str
    hotline: str
    location: FaultLocation
    utility_owns_up_to: FaultLocation
    free_repair: bool
    from_contract: bool
    lines: tuple[str, ...]
    meter_note: str = ""


def fault_location(text: str) -> FaultLocation:
    try:
        return FaultLocation(text.strip().lower().replace("-", "_"))
    except ValueError:
        names = ", ".join(loc.value for loc in FaultLocation)
        raise InvalidInput(
            f"Unknown fault location {text!r}; use one of {names}",
            field="location",
            code="boundary_location_unknown",
            location=text,
        ) from None


class PropertyBoundaryService:
    def __init__(self, profile: HallProfile, clock: Clock = system_clock) -> None:
        self.profile = profile
        self.clock = clock

    @cached_property
    def _approved(self) -> BoundaryGuide:
        """Parsed on first use (a mistake in this part must not stop the queue), with every approved
        paid service whatever its date."""
        return parse_boundary_guide(self.profile.raw)

    def guide(self) -> BoundaryGuide:
        """Today's guide: a paid service's approval may come into force at midnight."""
        return self._approved.in_force(self.clock().date())

    def answer(
        self, location: FaultLocation, contract_boundary: FaultLocation | None = None
    ) -> BoundaryAnswer:
        return decide_responsibility(location, self.guide(), contract_boundary)

    def leaflet(
        self,
        location: FaultLocation,
        contract_boundary: FaultLocation | None = None,
        language: str | None = None,
    ) -> BoundaryLeaflet:
        language = language or self.profile.hall.language
        answer = self.answer(location, contract_boundary)
        return BoundaryLeaflet(
            language=language,
            company=self.profile.hall.company,
            hall_name=self.profile.hall.name.get(language),
            hotline=self.profile.hall.hotline,
            location=location,
            utility_owns_up_to=answer.boundary,
            free_repair=answer.free_repair,
            from_contract=answer.from_contract,
            lines=answer.lines(language, meter_note=False),
            meter_note=answer.meter_line(language),
        )
