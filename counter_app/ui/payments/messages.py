"""Words of the payment area in the clerk's language: error codes (registered with ``ui.messages``),
what a search matched on, withholding states and import phases.

Every source is English, marked for lupdate; the Chinese is in ``resources/translations/*.ts``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counter_app.domain.errors import HallError
from counter_app.ui import messages
from counter_app.ui.messages import QT_TRANSLATE_NOOP

ERRORS: dict[str, tuple[str, tuple[str, ...]]] = {
    "account_number_empty": (QT_TRANSLATE_NOOP("Errors", "Type the account number (户号)."), ()),
    "account_number_not_digits": (QT_TRANSLATE_NOOP("Errors", "An account number has digits only."), ()),
    "account_number_scientific": (
        QT_TRANSLATE_NOOP(
            "Errors", "The account number was turned into 1.23E+12 by Excel; its digits are lost."
        ),
        (),
    ),
    "account_number_length": (
        QT_TRANSLATE_NOOP("Errors", "The account number has %1 digits; this hall's numbers have %2."),
        ("length", "allowed"),
    ),
    "account_not_found": (
        QT_TRANSLATE_NOOP("Errors", "Account %1 is not in the hall's account list."),
        ("number",),
    ),
    "account_list_none": (QT_TRANSLATE_NOOP("Errors", "No account list has been imported yet."), ()),
    "account_list_damaged": (
        QT_TRANSLATE_NOOP("Errors", "The account list file is damaged (%1). Import the account list again."),
        ("file",),
    ),
    "account_list_missing": (
        QT_TRANSLATE_NOOP("Errors", "The account list file is missing (%1). Import the account list again."),
        ("file",),
    ),
    "account_file_missing_columns": (
        QT_TRANSLATE_NOOP("Errors", "The file lacks the columns %1. Nothing was imported."),
        ("missing",),
    ),
    "account_file_format": (
        QT_TRANSLATE_NOOP(
            "Errors", "This file cannot be read: save it as CSV or XLSX. Nothing was imported."
        ),
        (),
    ),
    "account_file_encoding": (
        QT_TRANSLATE_NOOP(
            "Errors", "%1 files cannot be read: save the list as CSV UTF-8. Nothing was imported."
        ),
        ("encoding",),
    ),
    "account_file_unreadable": (
        QT_TRANSLATE_NOOP("Errors", "The file %1 cannot be read. Nothing was imported."),
        ("path",),
    ),
    "account_file_wrong_encoding": (
        QT_TRANSLATE_NOOP(
            "Errors",
            "%1 of %2 rows are not valid %3: choose the file's encoding. Nothing was imported.",
        ),
        ("lines", "rows", "encoding"),
    ),
    "account_file_no_rows": (
        QT_TRANSLATE_NOOP("Errors", "No row could be imported (%1 rejected, see %2). Nothing was imported."),
        ("rejected", "rejected_file"),
    ),
    "account_import_cancelled": (
        QT_TRANSLATE_NOOP("Errors", "The import was cancelled. The previous account list is still in use."),
        (),
    ),
    "account_import_conflict": (
        QT_TRANSLATE_NOOP("Errors", "Another account list was imported meanwhile. Import again."),
        (),
    ),
    "payment_channels_none": (
        QT_TRANSLATE_NOOP("Errors", "Tick at least one payment channel for the slip."),
        (),
    ),
    "payment_channel_not_found": (
        QT_TRANSLATE_NOOP("Errors", "The hall offers no payment channel %1."),
        ("channel",),
    ),
    "guidance_not_found": (QT_TRANSLATE_NOOP("Errors", "That payment guidance record does not exist."), ()),
    "search_limit": (QT_TRANSLATE_NOOP("Errors", "Too many results asked for (%1)."), ("limit",)),
    "profile_invalid": (QT_TRANSLATE_NOOP("Errors", "The hall profile has an error in %1."), ("field",)),
    "qr_url_invalid": (QT_TRANSLATE_NOOP("Errors", "A QR address in the hall profile is not valid."), ()),
    "boundary_invalid": (QT_TRANSLATE_NOOP("Errors", "A contract boundary cannot lie inside the home."), ()),
    "figures_range": (QT_TRANSLATE_NOOP("Errors", "The end day is before the start day."), ()),
}

MATCHES = {
    "account_exact": QT_TRANSLATE_NOOP("PaymentTexts", "Account number"),
    "account_prefix": QT_TRANSLATE_NOOP("PaymentTexts", "Account number begins"),
    "phone_exact": QT_TRANSLATE_NOOP("PaymentTexts", "Phone"),
    "phone_last4": QT_TRANSLATE_NOOP("PaymentTexts", "Phone, last 4"),
    "name_exact": QT_TRANSLATE_NOOP("PaymentTexts", "Name"),
    "name_prefix": QT_TRANSLATE_NOOP("PaymentTexts", "Name begins"),
    "name_fragment": QT_TRANSLATE_NOOP("PaymentTexts", "Name contains"),
    "address_fragment": QT_TRANSLATE_NOOP("PaymentTexts", "Address"),
}

WITHHOLDING = {
    "signed": QT_TRANSLATE_NOOP("PaymentTexts", "Bank withholding: signed"),
    "not_signed": QT_TRANSLATE_NOOP("PaymentTexts", "Bank withholding: not signed"),
    "unknown": QT_TRANSLATE_NOOP("PaymentTexts", "Bank withholding: not known"),
}

PHASES = {
    "reading": QT_TRANSLATE_NOOP("PaymentTexts", "Reading the file…"),
    "merging": QT_TRANSLATE_NOOP("PaymentTexts", "Keeping the accounts the file does not mention…"),
    "sorting": QT_TRANSLATE_NOOP("PaymentTexts", "Sorting…"),
    "indexing": QT_TRANSLATE_NOOP("PaymentTexts", "Indexing…"),
    "search": QT_TRANSLATE_NOOP("PaymentTexts", "Building the search index…"),
    "switching": QT_TRANSLATE_NOOP("PaymentTexts", "Making the new list live…"),
    "done": QT_TRANSLATE_NOOP("PaymentTexts", "Done."),
}

PAPERS = (
    ("80mm", QT_TRANSLATE_NOOP("PaymentTexts", "80 mm roll")),
    ("58mm", QT_TRANSLATE_NOOP("PaymentTexts", "58 mm roll")),
    ("a5", QT_TRANSLATE_NOOP("PaymentTexts", "A5 sheet")),
)

messages.register(ERRORS)


def text(source: str) -> str:
    """A ``PaymentTexts`` label in the UI language."""
    return QCoreApplication.translate("PaymentTexts", source)


def match_label(kind: str) -> str:
    return text(MATCHES.get(kind, kind))


def withholding_label(status: str) -> str:
    return text(WITHHOLDING.get(status, status))


def phase_label(phase: str) -> str:
    return text(PHASES.get(phase, phase))


def _formatted(code: str, params: dict[str, object]) -> dict[str, object]:
    """Parameters worded for a sentence: lists joined, column keys as the file's own headers."""
    from counter_app.domain.payments.account_file.reader import COLUMN_LABELS

    out = dict(params)
    allowed, missing = params.get("allowed"), params.get("missing")
    if code == "account_number_length" and isinstance(allowed, tuple | list):
        out["allowed"] = " / ".join(str(n) for n in allowed)
    if code == "account_file_missing_columns" and isinstance(missing, tuple | list):
        out["missing"] = "、".join(COLUMN_LABELS.get(str(m), str(m)) for m in missing)
    return out


def describe(exc: BaseException) -> str:
    """:func:`counter_app.ui.messages.describe`, with this area's parameters worded."""
    if isinstance(exc, HallError) and exc.code in ("account_number_length", "account_file_missing_columns"):
        return messages.describe(HallError(str(exc), code=exc.code, **_formatted(exc.code, exc.params)))
    return messages.describe(exc)
