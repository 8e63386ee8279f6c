"""The property boundary helper (产权分界, 有偿服务): who repairs a fault, on which rule.

A thin use case over ``domain.property_boundary``: the guide is read from the hall profile (paid
services only from the approved list, only once their approval is in force today) and the answer is
worded in the hall's language for the half-page leaflet. Nothing is written: it is advice.
"""

from __future__ import annotations

from functools import cached_property

from counter_app.domain.payments.boundary import (
    BoundaryAnswer,
    BoundaryGuide,
    BoundaryLeaflet,
    FaultLocation,
    decide_responsibility,
    parse_boundary_guide,
)
from counter_app.domain.profile import HallProfile
from counter_app.services.clock import Clock, system_clock


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
