"""Words of the applications area in the clerk's language: error codes (registered with
``ui.messages``), per-field problems of the intake form, and the names of statuses, steps and choices.

Every source is English, marked for lupdate and translated in ``resources/translations/*.ts``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from counter_app.domain.applications.intake import FieldProblem
from counter_app.domain.errors import HallError, InvalidInput
from counter_app.ui import messages
from counter_app.ui.messages import QT_TRANSLATE_NOOP

ERRORS: dict[str, tuple[str, tuple[str, ...]]] = {
    "not_owner": (
        QT_TRANSLATE_NOOP("Errors", "Only the application's owner (%1) or a supervisor may do this."),
        ("owner",),
    ),
    "stale_stage": (
        QT_TRANSLATE_NOOP(
            "Errors", "The application has moved on to %1 meanwhile: the screen was out of date."
        ),
        ("current",),
    ),
    "not_allowed_now": (
        QT_TRANSLATE_NOOP("Errors", "Not possible while the application is %1."),
        ("status",),
    ),
    "not_last_stage": (
        QT_TRANSLATE_NOOP("Errors", "Only the last stage completes an application; advance stage by stage."),
        (),
    ),
    "not_earlier_stage": (
        QT_TRANSLATE_NOOP("Errors", "An application can only be returned to an earlier stage."),
        (),
    ),
    "unknown_stage": (QT_TRANSLATE_NOOP("Errors", "This application has no such stage."), ()),
    "same_owner": (QT_TRANSLATE_NOOP("Errors", "Hand the application over to another clerk."), ()),
    "reason_required": (QT_TRANSLATE_NOOP("Errors", "Say why: the reason is kept in the history."), ()),
    "event_out_of_order": (
        QT_TRANSLATE_NOOP("Errors", "This PC's clock is behind the application's history."),
        (),
    ),
    "history_inconsistent": (
        QT_TRANSLATE_NOOP("Errors", "The application's history is damaged; ask the hall's IT support."),
        (),
    ),
    "unknown_application": (QT_TRANSLATE_NOOP("Errors", "There is no application %1."), ("number",)),
    "document_not_owed": (QT_TRANSLATE_NOOP("Errors", "That document is not outstanding."), ()),
    "staff_inactive": (QT_TRANSLATE_NOOP("Errors", "%1 is no longer active staff."), ("staff",)),
    "clerk_required": (
        QT_TRANSLATE_NOOP("Errors", "Sign in at the counter first: every step records which clerk did it."),
        (),
    ),
    "unknown_ticket_id": (
        QT_TRANSLATE_NOOP("Errors", "The queue ticket of this customer no longer exists."),
        (),
    ),
    "changed_elsewhere": (
        QT_TRANSLATE_NOOP("Errors", "%1 was just changed at another counter."),
        ("number",),
    ),
    "bad_business_types": (
        QT_TRANSLATE_NOOP(
            "Errors", "The hall profile's business types have an error; ask the hall's IT support."
        ),
        (),
    ),
    "business_type_not_found": (QT_TRANSLATE_NOOP("Errors", "That business is not in the hall profile."), ()),
    "unknown_staff": (QT_TRANSLATE_NOOP("Errors", "There is no staff code %1."), ("staff",)),
}

FIELD_PROBLEMS: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("ApplicationFields", "Required."),
    "too_long": QT_TRANSLATE_NOOP("ApplicationFields", "Too long."),
    "bad_character": QT_TRANSLATE_NOOP("ApplicationFields", "Holds a control or invalid character."),
    "business_type_unknown": QT_TRANSLATE_NOOP("ApplicationFields", "Choose the business to apply for."),
    "id_type_mismatch": QT_TRANSLATE_NOOP(
        "ApplicationFields",
        "An organisation uses its unified social credit code; a person a personal document.",
    ),
    "id_required": QT_TRANSLATE_NOOP("ApplicationFields", "Required."),
    "id_length": QT_TRANSLATE_NOOP("ApplicationFields", "An ID number has 18 characters."),
    "id_first_generation": QT_TRANSLATE_NOOP(
        "ApplicationFields",
        "A 15-digit number is a first-generation ID card, no longer valid since 1 January 2013: ask for "
        "the current 18-digit card.",
    ),
    "id_is_residence_permit": QT_TRANSLATE_NOOP(
        "ApplicationFields",
        "A Hong Kong, Macao or Taiwan residents' residence permit number: choose that document type.",
    ),
    "permit_area": QT_TRANSLATE_NOOP(
        "ApplicationFields", "A residence permit number starts with 810000, 820000 or 830000."
    ),
    "id_format": QT_TRANSLATE_NOOP("ApplicationFields", "Not the format of this document type."),
    "id_checksum": QT_TRANSLATE_NOOP(
        "ApplicationFields", "The check digit does not match: a character was probably mistyped."
    ),
    "id_birth_date": QT_TRANSLATE_NOOP(
        "ApplicationFields",
        "The birth date in the number is not a real date (or before 1900, or in the future).",
    ),
    "uscc_length": QT_TRANSLATE_NOOP("ApplicationFields", "A unified social credit code has 18 characters."),
    "uscc_format": QT_TRANSLATE_NOOP(
        "ApplicationFields", "18 digits or capital letters other than I, O, S, V and Z."
    ),
    "uscc_checksum": QT_TRANSLATE_NOOP(
        "ApplicationFields", "The check character does not match: a character was probably mistyped."
    ),
    "mobile_required": QT_TRANSLATE_NOOP("ApplicationFields", "Required."),
    "mobile_invalid": QT_TRANSLATE_NOOP(
        "ApplicationFields", "Not a mainland mobile number: 11 digits starting with 13 to 19."
    ),
    "power_of_attorney_missing": QT_TRANSLATE_NOOP(
        "ApplicationFields", "The applicant is not here: the agent needs a signed power of attorney."
    ),
    "account_number_empty": QT_TRANSLATE_NOOP("ApplicationFields", "Required."),
    "account_number_scientific": QT_TRANSLATE_NOOP(
        "ApplicationFields", "Digits were lost (scientific notation); type the number again."
    ),
    "account_number_not_digits": QT_TRANSLATE_NOOP("ApplicationFields", "Digits only."),
    "account_number_length": QT_TRANSLATE_NOOP("ApplicationFields", "Wrong number of digits for an account."),
    "capacity_not_positive": QT_TRANSLATE_NOOP("ApplicationFields", "A positive number, e.g. 8 or 12.5."),
    "capacity_too_large": QT_TRANSLATE_NOOP("ApplicationFields", "Implausibly large: check the unit."),
    "voltage_mismatch": QT_TRANSLATE_NOOP(
        "ApplicationFields", "This business is not supplied at that voltage."
    ),
    "unknown_document": QT_TRANSLATE_NOOP("ApplicationFields", "Not a document of this business."),
    "identity_document_missing": QT_TRANSLATE_NOOP(
        "ApplicationFields", "The identity documents must be shown to accept the application."
    ),
    "commitment_required": QT_TRANSLATE_NOOP(
        "ApplicationFields",
        "Documents are missing: accept on ID alone (一证受理) only with the signed commitment letter "
        "(客户承诺书).",
    ),
    "period_order": QT_TRANSLATE_NOOP("ApplicationFields", "Ends before it starts."),
    "pause_too_short": QT_TRANSLATE_NOOP("ApplicationFields", "A pause lasts at least 15 days."),
    "pause_in_the_past": QT_TRANSLATE_NOOP(
        "ApplicationFields", "A pause cannot start before the day it is applied for."
    ),
    "pause_year_total": QT_TRANSLATE_NOOP(
        "ApplicationFields",
        "Pauses would exceed 6 months in the calendar year: offer a capacity reduction (减容) instead.",
    ),
    "pause_overlaps": QT_TRANSLATE_NOOP(
        "ApplicationFields", "The account is already paused during this period."
    ),
    "reduction_in_the_past": QT_TRANSLATE_NOOP(
        "ApplicationFields", "A reduction cannot start before the day it is applied for."
    ),
    "reduction_not_started": QT_TRANSLATE_NOOP(
        "ApplicationFields", "The reduction to restore has to have begun already."
    ),
    "restore_too_late": QT_TRANSLATE_NOOP(
        "ApplicationFields",
        "More than two years after the reduction began: apply for a capacity increase (增容) or a new "
        "connection (新装) instead.",
    ),
    "address_changed": QT_TRANSLATE_NOOP(
        "ApplicationFields", "Must stay the address on the account; a move is a different application."
    ),
    "tariff_changed": QT_TRANSLATE_NOOP(
        "ApplicationFields",
        "Must stay the class on the account; a change of class is a separate application.",
    ),
    "arrears_outstanding": QT_TRANSLATE_NOOP("ApplicationFields", "The account owes money: settle it first."),
    "arrears_invalid": QT_TRANSLATE_NOOP("ApplicationFields", "Yuan owed, 0 when nothing is owed."),
}

STATUS_NAMES: dict[str, str] = {
    "accepted": QT_TRANSLATE_NOOP("Applications", "accepted"),
    "in_progress": QT_TRANSLATE_NOOP("Applications", "in progress"),
    "returned": QT_TRANSLATE_NOOP("Applications", "returned"),
    "suspended": QT_TRANSLATE_NOOP("Applications", "suspended"),
    "completed": QT_TRANSLATE_NOOP("Applications", "completed"),
    "withdrawn": QT_TRANSLATE_NOOP("Applications", "withdrawn"),
}

EVENT_NAMES: dict[str, str] = {
    "accepted": QT_TRANSLATE_NOOP("Applications", "Accepted"),
    "advanced": QT_TRANSLATE_NOOP("Applications", "Advanced"),
    "returned": QT_TRANSLATE_NOOP("Applications", "Returned"),
    "suspended": QT_TRANSLATE_NOOP("Applications", "Suspended (clock stopped)"),
    "resumed": QT_TRANSLATE_NOOP("Applications", "Resumed"),
    "completed": QT_TRANSLATE_NOOP("Applications", "Completed"),
    "withdrawn": QT_TRANSLATE_NOOP("Applications", "Withdrawn"),
    "handed_over": QT_TRANSLATE_NOOP("Applications", "Handed over"),
    "document_collected": QT_TRANSLATE_NOOP("Applications", "Document received"),
}

ID_TYPE_NAMES: dict[str, str] = {
    "resident_id": QT_TRANSLATE_NOOP("Applications", "Resident ID card"),
    "temporary_resident_id": QT_TRANSLATE_NOOP("Applications", "Temporary resident ID"),
    "household_register": QT_TRANSLATE_NOOP("Applications", "Household register"),
    "military_officer": QT_TRANSLATE_NOOP("Applications", "Military officer's card"),
    "taiwan_compatriot": QT_TRANSLATE_NOOP("Applications", "Taiwan compatriot permit"),
    "hk_macao_home_return": QT_TRANSLATE_NOOP("Applications", "Home-return permit (HK/Macao)"),
    "passport": QT_TRANSLATE_NOOP("Applications", "Passport"),
    "foreign_permanent_resident": QT_TRANSLATE_NOOP("Applications", "Foreign permanent resident ID"),
    "hmt_residence_permit": QT_TRANSLATE_NOOP("Applications", "Residence permit (HK/Macao/Taiwan residents)"),
    "uscc": QT_TRANSLATE_NOOP("Applications", "Unified social credit code"),
}

TARIFF_NAMES: dict[str, str] = {
    "residential": QT_TRANSLATE_NOOP("Applications", "Residential"),
    "agricultural": QT_TRANSLATE_NOOP("Applications", "Agricultural production"),
    "commercial_industrial": QT_TRANSLATE_NOOP("Applications", "Commercial and industrial"),
}

NOTICE_NAMES: dict[str, str] = {
    "residential_above_lv_ceiling": QT_TRANSLATE_NOOP(
        "Applications", "Above the low-voltage ceiling for homes: check the supply plan with the supervisor."
    ),
    "id_area_unknown": QT_TRANSLATE_NOOP(
        "Applications",
        "The ID's area code is not in the current county list (maybe retired): compare with the card.",
    ),
    "id_looks_foreign_permit": QT_TRANSLATE_NOOP(
        "Applications",
        "Numbers starting with 9 are foreign permanent residence IDs: check the document type.",
    ),
    "pause_short_notice": QT_TRANSLATE_NOOP(
        "Applications",
        "The pause starts within 5 days: check that sealing can be arranged in time (that notice period "
        "is unconfirmed, so it is no reason to refuse).",
    ),
}


def _register() -> None:
    """Register the error codes not already known (another area may word a shared code its own way)."""
    messages.register({code: entry for code, entry in ERRORS.items() if code not in messages.MESSAGES})


_register()


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def status_name(status: str) -> str:
    return _translate("Applications", STATUS_NAMES.get(status, status))


def status_title(status: str) -> str:
    """The status on its own (a chip, a list cell): capitalised where the language has capitals."""
    text = status_name(status)
    return text[:1].upper() + text[1:]


def event_name(kind: str) -> str:
    return _translate("Applications", EVENT_NAMES.get(kind, kind))


def id_type_name(id_type: str) -> str:
    return _translate("Applications", ID_TYPE_NAMES.get(id_type, id_type))


def tariff_name(tariff: str) -> str:
    return _translate("Applications", TARIFF_NAMES.get(tariff, tariff))


def problem_text(problem: FieldProblem) -> str:
    """What to show next to the field: the translated rule, or the service's English as a fallback."""
    source = FIELD_PROBLEMS.get(problem.code)
    return _translate("ApplicationFields", source) if source else problem.message


def notice_text(code: str, fallback: str) -> str:
    source = NOTICE_NAMES.get(code)
    return _translate("Applications", source) if source else fallback


def problems_of(exc: BaseException) -> tuple[FieldProblem, ...]:
    """The per-field problems an intake refusal carries (empty for any other error)."""
    if isinstance(exc, InvalidInput):
        found = exc.params.get("problems")
        if isinstance(found, tuple) and all(isinstance(p, FieldProblem) for p in found):
            return found
        if exc.field:
            return (FieldProblem(exc.field, exc.code, str(exc)),)
    return ()


def describe(exc: BaseException, stage_name: Callable[[str], str] = lambda code: code) -> str:
    """One sentence for the banner; stage codes and statuses in the error become their names."""
    if isinstance(exc, HallError):
        params = dict(exc.params)
        if "current" in params:
            params["current"] = stage_name(str(params["current"]))
        if "status" in params:
            params["status"] = status_name(str(params["status"]))
        if params != exc.params:
            copy = type(exc)(str(exc), code=exc.code, **params) if not isinstance(exc, InvalidInput) else exc
            return messages.describe(copy)
    return messages.describe(exc)
