"""Test data of the applications area: intake forms a clerk would type (override any field)."""

from __future__ import annotations

from typing import Any

from counter_app.domain.applications.intake import IntakeForm
from counter_app.domain.applications.values import ApplicantKind, CapacityUnit, TariffClass, VoltageLevel
from counter_app.domain.identity import IdType


def home(**changes: Any) -> IntakeForm:
    """A clean residential new connection shown with ID only (一证受理 with the commitment)."""
    values: dict[str, Any] = dict(
        business_type="lv_residential_new",
        applicant_kind=ApplicantKind.PERSON,
        name="张𠮷明",
        id_type=IdType.RESIDENT_ID,
        id_number="11010519491231002X",
        mobile="13812345678",
        address="通辽市科尔沁区建国路12号",
        capacity="8",
        voltage=VoltageLevel.V220,
        tariff_class=TariffClass.RESIDENTIAL,
        documents_presented=frozenset({"applicant_id"}),
        commitment_signed=True,
    )
    values.update(changes)
    return IntakeForm(**values)


def firm(**changes: Any) -> IntakeForm:
    """A high-voltage single-supply connection for a firm with every document."""
    values: dict[str, Any] = dict(
        business_type="hv_new_single",
        applicant_kind=ApplicantKind.ORGANISATION,
        name="通辽市吉祥商贸有限公司",
        id_type=IdType.USCC,
        id_number="913502000728319549",
        mobile="15500002222",
        address="通辽市开发区辽河大街1号",
        capacity="630",
        capacity_unit=CapacityUnit.KVA,
        voltage=VoltageLevel.KV10,
        tariff_class=TariffClass.COMMERCIAL_INDUSTRIAL,
        documents_presented=frozenset({"business_licence", "legal_rep_id", "property_proof"}),
    )
    values.update(changes)
    return IntakeForm(**values)
