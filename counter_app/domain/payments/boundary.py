"""Property boundary (产权分界) helper: who repairs a fault, free or paid, and on which rule.

The decision is small and lives here; every word shown to the customer, the rule citations and the
approved paid-service fee list are data from the hall profile (``resources/profile/property_boundary.toml``).

Model: the supply runs ``BEFORE_METER`` (service drop, meter-box inlet) → ``METER`` → ``AFTER_METER``
(the customer's line from the meter to the home) → ``INSIDE_HOME``. The boundary is the *last* location
the utility owns. Default for public low-voltage supply to homes: ``METER`` (表前及电能表属供电企业,
表后属客户; 供电营业规则（2024）, in force 2024-06-01 — never the repealed 1996 article). A boundary agreed
in the supply contract overrides the default for the lines, but never for the billing meter: the meter
(计量装置) is installed, sealed, tested, maintained and replaced by the utility whichever side of the
boundary it stands on, and breaking its seal is 违约用电 (DOMAIN.md [W]). Utility side: free repair, call
95598. Customer side: the customer's own licensed electrician, or a paid service from the hall's
approved list only; staff may not quote any other charge.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from counter_app.domain.errors import InvalidInput
from counter_app.domain.localized import (
    LocalizedText,
    check_keys,
    profile_invalid,
    profile_table,
    profile_text,
    read_profile_part,
)
from counter_app.domain.payments.accounts import parse_amount, parse_date


class FaultLocation(Enum):
    """Where the fault is, in supply order (the order matters: see :func:`decide_responsibility`)."""

    BEFORE_METER = "before_meter"
    METER = "meter"
    AFTER_METER = "after_meter"
    INSIDE_HOME = "inside_home"

    @property
    def order(self) -> int:
        return list(FaultLocation).index(self)


class Responsibility(Enum):
    UTILITY = "utility"
    CUSTOMER = "customer"


@dataclass(frozen=True)
class PaidService:
    """An approved paid service (有偿服务) and its fee in yuan; ``approved_by`` cites the approval."""

    code: str
    name: LocalizedText
    fee: Decimal
    unit: LocalizedText
    approved_by: str
    effective_from: date | None = None


@dataclass(frozen=True)
class BoundaryTexts:
    """The wording, all as data: rule citations, the two answers and the paid-service lines."""

    rule_default: LocalizedText
    rule_contract: LocalizedText
    utility: LocalizedText
    customer: LocalizedText
    paid_services_heading: LocalizedText
    no_paid_services: LocalizedText
    meter: LocalizedText
    """The answer for a fault at the meter: the utility's, whatever the boundary."""
    meter_note: LocalizedText
    """Said on every answer and leaflet: the meter is the utility's; a broken seal is 违约用电."""


@dataclass(frozen=True)
class BoundaryGuide:
    default_boundary: FaultLocation
    locations: Mapping[FaultLocation, LocalizedText]
    texts: BoundaryTexts
    paid_services: tuple[PaidService, ...] = ()

    def in_force(self, today: date) -> BoundaryGuide:
        """The guide of ``today``: paid services whose ``effective_from`` is later are left out (not
        yet approved to charge)."""
        return replace(
            self,
            paid_services=tuple(
                s for s in self.paid_services if s.effective_from is None or s.effective_from <= today
            ),
        )


@dataclass(frozen=True)
class BoundaryAnswer:
    location: FaultLocation
    responsibility: Responsibility
    boundary: FaultLocation
    """The last utility-owned location the decision used."""
    from_contract: bool
    rule: LocalizedText
    advice: LocalizedText
    location_text: LocalizedText
    paid_services: tuple[PaidService, ...]
    """The approved list, offered only when the customer is responsible (may be empty)."""
    paid_services_heading: LocalizedText
    no_paid_services: LocalizedText
    meter_note: LocalizedText | None = None

    @property
    def free_repair(self) -> bool:
        return self.responsibility is Responsibility.UTILITY

    def meter_line(self, language: str) -> str:
        """The meter is the utility's, said on every answer but the meter's own (whose advice says it)."""
        if self.meter_note is None or self.location is FaultLocation.METER:
            return ""
        return self.meter_note.get(language)

    def lines(self, language: str, *, meter_note: bool = True) -> tuple[str, ...]:
        """What the clerk reads out or prints, in ``language`` (falls back to zh_CN): where, whose, the
        rule, the paid services for the customer's side, and the meter's rule last."""
        lines = [self.location_text.get(language), self.advice.get(language), self.rule.get(language)]
        if self.responsibility is Responsibility.CUSTOMER:
            if self.paid_services:
                lines.append(self.paid_services_heading.get(language))
                yuan = "yuan" if language == "en" else "元"
                lines += [
                    f"{s.name.get(language)}: {s.fee} {yuan} / {s.unit.get(language)}"
                    for s in self.paid_services
                ]
            else:
                lines.append(self.no_paid_services.get(language))
        if meter_note and self.meter_line(language):
            lines.append(self.meter_line(language))
        return tuple(lines)


def decide_responsibility(
    location: FaultLocation, guide: BoundaryGuide, contract_boundary: FaultLocation | None = None
) -> BoundaryAnswer:
    """Whose fault repair this is. ``contract_boundary`` is the last location the utility owns under the
    supply contract, when the contract says so; the utility never owns wiring inside the home, and
    always answers for the billing meter, whatever the boundary."""
    if contract_boundary is FaultLocation.INSIDE_HOME:
        raise InvalidInput(
            "a contract boundary cannot lie inside the home",
            field="contract_boundary",
            code="boundary_invalid",
        )
    boundary = contract_boundary or guide.default_boundary
    meter = location is FaultLocation.METER
    utility = meter or location.order <= boundary.order
    texts = guide.texts
    return BoundaryAnswer(
        location=location,
        responsibility=Responsibility.UTILITY if utility else Responsibility.CUSTOMER,
        boundary=boundary,
        from_contract=contract_boundary is not None,
        rule=texts.rule_contract if contract_boundary is not None else texts.rule_default,
        advice=texts.meter if meter else texts.utility if utility else texts.customer,
        location_text=guide.locations[location],
        paid_services=() if utility else guide.paid_services,
        paid_services_heading=texts.paid_services_heading,
        no_paid_services=texts.no_paid_services,
        meter_note=texts.meter_note,
    )


def utility_side(location: FaultLocation, boundary: FaultLocation) -> bool:
    """Whether ``location`` is the utility's with the boundary at ``boundary`` (the meter always is)."""
    return location is FaultLocation.METER or location.order <= boundary.order


def _location(value: object, where: str) -> FaultLocation:
    try:
        return FaultLocation(value)
    except ValueError:
        names = ", ".join(loc.value for loc in FaultLocation)
        raise profile_invalid(where, f"must be one of {names}") from None


def _paid_service(value: object, where: str) -> PaidService:
    value = profile_table(value, where)
    check_keys(value, where, {"code", "name", "fee", "unit", "approved_by"}, {"effective_from"})
    fee_text = value["fee"]
    if isinstance(fee_text, bool) or not isinstance(fee_text, str | int | float):
        raise profile_invalid(f"{where}.fee", 'must be an amount such as "50.00"')
    fee = parse_amount(str(fee_text), field=f"{where}.fee")
    if fee < 0:
        raise profile_invalid(f"{where}.fee", "must not be negative")
    approved_by = value["approved_by"]
    if not isinstance(approved_by, str) or not approved_by.strip():
        raise profile_invalid(
            f"{where}.approved_by", "must name the approval (document and date): no fee without one"
        )
    effective = value.get("effective_from")
    if isinstance(effective, str):
        effective = parse_date(effective, field=f"{where}.effective_from")
    elif effective is not None and not isinstance(effective, date):
        raise profile_invalid(f"{where}.effective_from", "must be a date")
    code = profile_text(value["code"], f"{where}.code")
    if not code:
        raise profile_invalid(f"{where}.code", "must not be empty")
    return PaidService(
        code=code,
        name=LocalizedText.from_profile(value["name"], f"{where}.name"),
        fee=fee,
        unit=LocalizedText.from_profile(value["unit"], f"{where}.unit"),
        approved_by=approved_by.strip(),
        effective_from=effective,
    )


def parse_boundary_guide(profile: Mapping[str, Any], *, today: date | None = None) -> BoundaryGuide:
    """Build the guide from a profile mapping (as ``tomllib`` returns it).

    Paid services whose ``effective_from`` is after ``today`` are left out (not yet approved to charge);
    an empty list is valid and makes the answer say that no paid service is offered.
    """
    boundary = profile.get("boundary")
    if not isinstance(boundary, Mapping):
        raise profile_invalid("boundary", "missing [boundary] table")
    check_keys(boundary, "boundary", {"utility_owns_up_to"}, set())
    default = _location(boundary["utility_owns_up_to"], "boundary.utility_owns_up_to")
    if default is FaultLocation.INSIDE_HOME:
        raise profile_invalid(
            "boundary.utility_owns_up_to", "the utility never owns the wiring inside the home"
        )
    texts = profile.get("text")
    if not isinstance(texts, Mapping):
        raise profile_invalid("text", "missing [text] table")
    names = (
        "rule_default",
        "rule_contract",
        "utility",
        "customer",
        "paid_services_heading",
        "no_paid_services",
        "meter",
        "meter_note",
    )
    check_keys(texts, "text", set(names), set())
    locations = profile.get("locations")
    if not isinstance(locations, Mapping):
        raise profile_invalid("locations", "missing [locations] table")
    check_keys(locations, "locations", {loc.value for loc in FaultLocation}, set())
    services = profile.get("paid_services", [])
    if not isinstance(services, list):
        raise profile_invalid("paid_services", "must be an array of tables ([[paid_services]])")
    parsed = [_paid_service(s, f"paid_services[{i}]") for i, s in enumerate(services)]
    codes = [s.code for s in parsed]
    if len(set(codes)) != len(codes):
        raise profile_invalid("paid_services", "a code is used twice")
    guide = BoundaryGuide(
        default_boundary=default,
        locations={
            loc: LocalizedText.from_profile(locations[loc.value], f"locations.{loc.value}")
            for loc in FaultLocation
        },
        texts=BoundaryTexts(*(LocalizedText.from_profile(texts[n], f"text.{n}") for n in names)),
        paid_services=tuple(parsed),
    )
    return guide if today is None else guide.in_force(today)


def load_boundary_guide(path: str | Path, *, today: date | None = None) -> BoundaryGuide:
    """Read and parse a part file (a TOML syntax error is ``InvalidInput(code="profile_invalid")``)."""
    return parse_boundary_guide(read_profile_part(path), today=today)


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
