"""Words of service quality in the UI language: error codes (registered with ``ui.messages``), the
rating levels, visit outcomes and alert kinds. Every source is English, marked for lupdate."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counter_app.ui import messages
from counter_app.ui.messages import QT_TRANSLATE_NOOP

ERRORS: dict[str, tuple[str, tuple[str, ...]]] = {
    "already_rated": (QT_TRANSLATE_NOOP("Errors", "%1 has been rated already."), ("number",)),
    "not_finished": (
        QT_TRANSLATE_NOOP("Errors", "%1 has not been finished yet; it cannot be rated."),
        ("number",),
    ),
    "unknown_rating": (QT_TRANSLATE_NOOP("Errors", "Unknown rating %1."), ("level",)),
    "reasons_not_asked": (
        QT_TRANSLATE_NOOP("Errors", "Reasons are given only with a rating below satisfied."),
        (),
    ),
    "unknown_rating_reason": (QT_TRANSLATE_NOOP("Errors", "Unknown rating reason %1."), ("reasons",)),
    "note_personal_data": (
        QT_TRANSLATE_NOOP("Errors", "A note holds no phone or ID numbers; they stay in the customer's file."),
        (),
    ),
    "note_too_long": (QT_TRANSLATE_NOOP("Errors", "A note is at most %1 characters."), ("limit",)),
    "note_empty": (QT_TRANSLATE_NOOP("Errors", "Choose an outcome or write a note."), ()),
    "unknown_outcome": (QT_TRANSLATE_NOOP("Errors", "Unknown outcome %1."), ("outcome",)),
    "no_outcome_for_service": (
        QT_TRANSLATE_NOOP("Errors", "%1 is not an inquiry or complaint visit; it takes no outcome."),
        ("number",),
    ),
    "handover_reason_required": (
        QT_TRANSLATE_NOOP("Errors", "Say why the customer is handed over."),
        (),
    ),
    "handover_reason_too_long": (
        QT_TRANSLATE_NOOP("Errors", "A hand-over reason is at most %1 characters."),
        ("limit",),
    ),
    "handover_same_counter": (
        QT_TRANSLATE_NOOP("Errors", "Hand the customer over to another counter, not this one."),
        (),
    ),
    "counter_not_serving": (
        QT_TRANSLATE_NOOP("Errors", "Counter %1 does not serve %2."),
        ("counter", "service"),
    ),
    "bad_range": (QT_TRANSLATE_NOOP("Errors", "The report's last day comes before its first."), ()),
    "range_too_long": (QT_TRANSLATE_NOOP("Errors", "A report covers at most one year."), ()),
    "bad_month": (QT_TRANSLATE_NOOP("Errors", "There is no such month."), ()),
    "bad_forecast_days": (QT_TRANSLATE_NOOP("Errors", "Forecast 1 to 62 days."), ()),
    "no_history": (
        QT_TRANSLATE_NOOP(
            "Errors", "No numbers were taken in the last %1 weeks: the forecast has nothing to learn from."
        ),
        ("weeks",),
    ),
    "report_failed": (QT_TRANSLATE_NOOP("Errors", "The report could not be written to %1."), ("path",)),
}

messages.register({code: entry for code, entry in ERRORS.items() if code not in messages.MESSAGES})

_Q = "Quality"

LEVELS: dict[str, str] = {
    "very_satisfied": QT_TRANSLATE_NOOP("Quality", "Very satisfied"),
    "satisfied": QT_TRANSLATE_NOOP("Quality", "Satisfied"),
    "neutral": QT_TRANSLATE_NOOP("Quality", "Neutral"),
    "dissatisfied": QT_TRANSLATE_NOOP("Quality", "Dissatisfied"),
    "very_dissatisfied": QT_TRANSLATE_NOOP("Quality", "Very dissatisfied"),
    "not_rated": QT_TRANSLATE_NOOP("Quality", "Not rated"),
}

OUTCOMES: dict[str, str] = {
    "answered": QT_TRANSLATE_NOOP("Quality", "Answered"),
    "referred_95598": QT_TRANSLATE_NOOP("Quality", "Referred to 95598"),
    "complaint_recorded": QT_TRANSLATE_NOOP("Quality", "Complaint recorded"),
}

TICKET_STATES: dict[str, str] = {
    "waiting": QT_TRANSLATE_NOOP("Quality", "waiting"),
    "called": QT_TRANSLATE_NOOP("Quality", "called"),
    "serving": QT_TRANSLATE_NOOP("Quality", "being served"),
    "done": QT_TRANSLATE_NOOP("Quality", "finished"),
    "no_show": QT_TRANSLATE_NOOP("Quality", "missed the call"),
    "cancelled": QT_TRANSLATE_NOOP("Quality", "withdrawn"),
}


def tr(source: str) -> str:
    return QCoreApplication.translate(_Q, source)


def level_name(level: str) -> str:
    return tr(LEVELS.get(level, level))


def outcome_name(outcome: str) -> str:
    return tr(OUTCOMES.get(outcome, outcome))


def state_name(state: str) -> str:
    return tr(TICKET_STATES.get(state, state))
