"""Taking an installation or change-of-service application at the counter (业务受理).

The intake form is checked field by field so the form can show *every* problem at once
(:func:`validate_intake`); :func:`accept_intake` turns a clean form into an :class:`AcceptedIntake` with
normalised values, the document checklist and the notes the clerk must see. Documents follow 一证受理:
the applicant's identity is needed at once; anything else missing is listed in writing (一次性告知) with
a date to bring it by, and the customer signs a commitment letter (客户承诺书) for it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from counter_app.domain.applications.business_types import (
    BusinessType,
    CustomerClass,
    DocumentKind,
    RequiredDocument,
    ServiceKind,
)
from counter_app.domain.applications.values import (
    Agent,
    Applicant,
    ApplicantKind,
    ApplicationPolicy,
    Capacity,
    CapacityUnit,
    TariffClass,
    VoltageLevel,
)
from counter_app.domain.errors import InvalidInput
from counter_app.domain.identity import IdNote, IdType, validate_id, validate_mobile
from counter_app.domain.payments.accounts import validate_account_number
from counter_app.domain.workdays import DueDate, WorkCalendar

MAX_NAME_LENGTH = 100
MAX_ADDRESS_LENGTH = 200
MAX_CAPACITY = Decimal(1_000_000)
"""A request of a gigawatt or more is a typo (kW for W, a shifted column), not a customer."""

# --- the form ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IntakeForm:
    """What the clerk typed, unchecked. :class:`FieldProblem` names these attributes."""

    business_type: str
    applicant_kind: ApplicantKind
    name: str
    id_type: IdType
    id_number: str
    mobile: str
    address: str
    applicant_present: bool = True
    agent_name: str = ""
    agent_id_type: IdType = IdType.RESIDENT_ID
    agent_id_number: str = ""
    agent_mobile: str = ""
    power_of_attorney: bool = False
    account_number: str = ""
    capacity: str = ""
    capacity_unit: CapacityUnit = CapacityUnit.KW
    voltage: VoltageLevel | None = None
    tariff_class: TariffClass | None = None
    external_works: bool = False
    documents_presented: frozenset[str] = field(default_factory=frozenset)
    commitment_signed: bool = False


@dataclass(frozen=True)
class FieldProblem:
    """One reason the form cannot be accepted, attached to one field of :class:`IntakeForm`."""

    field: str
    code: str
    message: str


@dataclass(frozen=True)
class IntakeNotice:
    """Something the clerk must see that does not stop the application."""

    field: str
    code: str
    message: str


@dataclass(frozen=True)
class DocumentChecklist:
    """The 一次性告知 list: what was shown, what is still owed and by when."""

    presented: tuple[RequiredDocument, ...]
    outstanding: tuple[RequiredDocument, ...]
    collect_by: DueDate | None
    commitment_signed: bool

    @property
    def complete(self) -> bool:
        return not self.outstanding


@dataclass(frozen=True)
class AcceptedIntake:
    business_type: str
    applicant: Applicant
    agent: Agent | None
    account_number: str | None
    capacity: Capacity | None
    voltage: VoltageLevel | None
    tariff_class: TariffClass | None
    external_works: bool
    checklist: DocumentChecklist
    notices: tuple[IntakeNotice, ...]
    accepted_on: date


def validate_intake(
    form: IntakeForm, business_type: BusinessType, policy: ApplicationPolicy, *, today: date
) -> list[FieldProblem]:
    """Every problem with ``form``, in form order; empty when it can be accepted."""
    return _check(form, business_type, policy, today).problems


def refusal(problems: Sequence[FieldProblem]) -> InvalidInput:
    """One refusal carrying every problem (``params["problems"]``), named after the first."""
    first = problems[0]
    return InvalidInput(first.message, field=first.field, code=first.code, problems=tuple(problems))


def accept_intake(
    form: IntakeForm,
    business_type: BusinessType,
    policy: ApplicationPolicy,
    calendar: WorkCalendar,
    *,
    accepted_on: date,
    also: Sequence[FieldProblem] = (),
    notes: Sequence[IntakeNotice] = (),
) -> AcceptedIntake:
    """Accept the form, or raise :func:`refusal` of its problems followed by ``also`` (problems found
    outside the form, e.g. by the change-of-service rules), so the clerk hears every reason at once.
    ``notes`` found outside the form join the intake's notices.

    ``accepted_on`` is also the day birth dates are checked against and the document due date counts from.
    """
    checked = _check(form, business_type, policy, accepted_on)
    if checked.problems or also:
        raise refusal([*checked.problems, *also])
    applicant, agent, capacity = checked.applicant, checked.agent, checked.capacity
    assert applicant is not None  # guaranteed by an empty problem list
    return AcceptedIntake(
        business_type=business_type.code,
        applicant=applicant,
        agent=agent,
        account_number=checked.account_number,
        capacity=capacity,
        voltage=form.voltage,
        tariff_class=form.tariff_class,
        external_works=form.external_works,
        checklist=document_checklist(
            business_type,
            form.documents_presented,
            policy,
            calendar,
            accepted_on=accepted_on,
            commitment_signed=form.commitment_signed,
        ),
        notices=(*checked.notices, *notes),
        accepted_on=accepted_on,
    )


def document_checklist(
    business_type: BusinessType,
    presented: frozenset[str],
    policy: ApplicationPolicy,
    calendar: WorkCalendar,
    *,
    accepted_on: date,
    commitment_signed: bool,
) -> DocumentChecklist:
    """Split the type's documents into shown and owed; owed ones are due a few working days on."""
    shown = tuple(doc for doc in business_type.documents if doc.code in presented)
    owed = tuple(doc for doc in business_type.documents if doc.required and doc.code not in presented)
    collect_by = calendar.add_workdays(accepted_on, policy.documents_due_within_workdays) if owed else None
    return DocumentChecklist(shown, owed, collect_by, commitment_signed and bool(owed))


# --- checking ------------------------------------------------------------------------------------


@dataclass
class _Checked:
    problems: list[FieldProblem] = field(default_factory=list)
    notices: list[IntakeNotice] = field(default_factory=list)
    applicant: Applicant | None = None
    agent: Agent | None = None
    account_number: str | None = None
    capacity: Capacity | None = None
    known_areas: frozenset[str] = frozenset()  # the hall's local ID area codes (policy)

    def problem(self, name: str, code: str, message: str) -> None:
        self.problems.append(FieldProblem(name, code, message))


_NEEDS_VOLTAGE_AND_TARIFF = frozenset(
    {
        ServiceKind.NEW_CONNECTION,
        ServiceKind.CAPACITY_INCREASE,
        ServiceKind.EV_CHARGER,
        ServiceKind.TEMPORARY_SUPPLY,
        ServiceKind.VOLTAGE_CHANGE,  # the new voltage (the tariff class stays as it is)
    }
)


def _check(form: IntakeForm, business_type: BusinessType, policy: ApplicationPolicy, today: date) -> _Checked:
    out = _Checked(known_areas=policy.local_area_codes)
    if form.business_type != business_type.code:
        out.problem("business_type", "business_type_mismatch", "The form is for another business type.")
    name = _text(out, "name", form.name, MAX_NAME_LENGTH, "The applicant's name")
    id_number = _identity(out, form.applicant_kind, form.id_type, form.id_number, today, prefix="")
    mobile = _mobile(out, "mobile", form.mobile)
    address = _text(out, "address", form.address, MAX_ADDRESS_LENGTH, "The address of use")
    if name is not None and id_number is not None and mobile is not None and address is not None:
        out.applicant = Applicant(form.applicant_kind, name, form.id_type, id_number, mobile, address)
    if not form.applicant_present:
        out.agent = _agent(out, form, today)
    if business_type.needs_account:
        _account(out, form.account_number, policy)
    if business_type.needs_capacity:
        out.capacity = _capacity(out, form.capacity, form.capacity_unit)
    _voltage_and_tariff(out, form, business_type)
    _residential_ceiling(out, business_type, policy)
    _documents(out, form, business_type)
    return out


def _residential_ceiling(out: _Checked, business_type: BusinessType, policy: ApplicationPolicy) -> None:
    """Flag, never refuse: a big home may still be supplied at low voltage after a look at the plan.

    A kVA figure is compared as if it were kW (power factor 1), which can only flag more, not fewer.
    """
    ceiling = policy.residential_capacity_ceiling_kw
    capacity = out.capacity
    if business_type.customer_class is not CustomerClass.RESIDENTIAL or capacity is None:
        return
    if capacity.amount > ceiling:
        out.notices.append(
            IntakeNotice(
                "capacity",
                "residential_above_lv_ceiling",
                f"{capacity} is above the {ceiling} kW low-voltage ceiling for homes: check the supply plan "
                "with the supervisor.",
            )
        )


def _text(out: _Checked, name: str, value: str, limit: int, label: str) -> str | None:
    """Trimmed text in code points, so a rare character outside the BMP (𠮷) counts as one."""
    text = " ".join(value.split())
    if not text:
        out.problem(name, "required", f"{label} is required.")
        return None
    if len(text) > limit:
        out.problem(name, "too_long", f"{label} is longer than {limit} characters.")
        return None
    # Private-use characters stay allowed: older systems encode some 生僻字 there.
    if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in text):
        out.problem(name, "bad_character", f"{label} holds a control or invalid character.")
        return None
    return text


def _identity(
    out: _Checked, kind: ApplicantKind, id_type: IdType, value: str, today: date, prefix: str
) -> str | None:
    field_name = f"{prefix}id_number"
    if (kind is ApplicantKind.ORGANISATION) != id_type.for_organisation:
        wanted = (
            "the unified social credit code" if kind is ApplicantKind.ORGANISATION else "a personal document"
        )
        out.problem(f"{prefix}id_type", "id_type_mismatch", f"This applicant identifies with {wanted}.")
        return None
    try:
        validated = validate_id(id_type, value, today=today, known_areas=out.known_areas)
    except InvalidInput as error:
        out.problem(field_name, error.code, error.message)
        return None
    if validated.note is not None:
        out.notices.append(_notice(field_name, validated.note))
    return validated.value


def _notice(field_name: str, note: IdNote) -> IntakeNotice:
    return IntakeNotice(field_name, note.code, note.message)


def _mobile(out: _Checked, name: str, value: str) -> str | None:
    try:
        return validate_mobile(value)
    except InvalidInput as error:
        out.problem(name, error.code, error.message)
        return None


def _agent(out: _Checked, form: IntakeForm, today: date) -> Agent | None:
    name = _text(out, "agent_name", form.agent_name, MAX_NAME_LENGTH, "The agent's name")
    id_number = _identity(
        out, ApplicantKind.PERSON, form.agent_id_type, form.agent_id_number, today, "agent_"
    )
    mobile = _mobile(out, "agent_mobile", form.agent_mobile)
    if not form.power_of_attorney:
        out.problem(
            "power_of_attorney",
            "power_of_attorney_missing",
            "The applicant is not present: the agent needs a signed power of attorney (授权委托书).",
        )
    if name is None or id_number is None or mobile is None:
        return None
    return Agent(name, form.agent_id_type, id_number, mobile)


def _account(out: _Checked, value: str, policy: ApplicationPolicy) -> None:
    try:
        out.account_number = validate_account_number(value, policy.account_number_rule)
    except InvalidInput as error:
        out.problem("account_number", error.code, error.message)


def _capacity(out: _Checked, value: str, unit: CapacityUnit) -> Capacity | None:
    text = unicodedata.normalize("NFKC", value).strip()
    if not text:
        out.problem("capacity", "required", "The requested capacity is required.")
        return None
    try:
        amount = Decimal(text)
    except InvalidOperation:
        amount = Decimal("NaN")
    if not amount.is_finite() or amount <= 0:
        out.problem(
            "capacity", "capacity_not_positive", f"Capacity must be a positive number, not {value!r}."
        )
        return None
    if amount >= MAX_CAPACITY:
        out.problem("capacity", "capacity_too_large", f"{amount} {unit.value} is implausibly large.")
        return None
    return Capacity(amount, unit)


def _voltage_and_tariff(out: _Checked, form: IntakeForm, business_type: BusinessType) -> None:
    if business_type.kind in _NEEDS_VOLTAGE_AND_TARIFF:
        if form.voltage is None:
            out.problem("voltage", "required", "The supply voltage is required.")
        elif form.voltage not in business_type.voltages:
            wanted = ", ".join(v.value for v in business_type.voltages)
            out.problem("voltage", "voltage_mismatch", f"{business_type.names.en} is supplied at {wanted}.")
    needs_tariff = business_type.kind is not ServiceKind.VOLTAGE_CHANGE and (
        business_type.kind in _NEEDS_VOLTAGE_AND_TARIFF or business_type.kind is ServiceKind.TARIFF_CHANGE
    )
    if needs_tariff and form.tariff_class is None:
        out.problem("tariff_class", "required", "The tariff class is required.")


def _documents(out: _Checked, form: IntakeForm, business_type: BusinessType) -> None:
    known = {doc.code for doc in business_type.documents}
    unknown = sorted(form.documents_presented - known)
    if unknown:
        out.problem(
            "documents_presented",
            "unknown_document",
            f"Not a document of this business: {', '.join(unknown)}.",
        )
    missing_identity = [
        doc
        for doc in business_type.documents_of(DocumentKind.IDENTITY)
        if doc.required and doc.code not in form.documents_presented
    ]
    if missing_identity:
        names = "; ".join(doc.names.en for doc in missing_identity)
        out.problem(
            "documents_presented",
            "identity_document_missing",
            f"These must be shown to accept the application: {names}.",
        )
    owed = [
        doc
        for doc in business_type.documents
        if doc.required and doc.kind is not DocumentKind.IDENTITY and doc.code not in form.documents_presented
    ]
    if owed and not form.commitment_signed:
        names = "; ".join(doc.names.en for doc in owed)
        out.problem(
            "commitment_signed",
            "commitment_required",
            f"Missing {names}: accept on ID alone (一证受理) only with the customer's signed commitment "
            "letter (客户承诺书).",
        )
