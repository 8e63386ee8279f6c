"""Errors worded for the clerk, in the UI language.

Services raise :class:`HallError` with a stable ``code`` and ``params``; this table turns them into
sentences. A code missing here falls back to the service's English text (and a test lists the codes
the services use, so a missing one is caught before a clerk sees English).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication

from counter_app.domain.errors import HallError, StoreUnavailable

_C = "Errors"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Qt's marker for a text translated later in ``context``, typed as the text it is (PySide6's
    own is typed as returning ``object``). lupdate recognises the marker by its name."""
    return source


MESSAGES: dict[str, tuple[str, tuple[str, ...]]] = {
    "unknown_service": (QT_TRANSLATE_NOOP("Errors", "There is no service %1 in this hall."), ("service",)),
    "unknown_green_reason": (QT_TRANSLATE_NOOP("Errors", "Unknown green-channel reason %1."), ("reason",)),
    "unknown_counter": (QT_TRANSLATE_NOOP("Errors", "There is no counter %1 in this hall."), ("counter",)),
    "counter_closed": (QT_TRANSLATE_NOOP("Errors", "Counter %1 is closed. Open it first."), ("counter",)),
    "counter_busy": (
        QT_TRANSLATE_NOOP("Errors", "Counter %1 still has a customer. Finish or transfer first."),
        ("counter",),
    ),
    "no_current_customer": (
        QT_TRANSLATE_NOOP("Errors", "Counter %1 has no customer at the moment."),
        ("counter",),
    ),
    "nobody_waiting": (QT_TRANSLATE_NOOP("Errors", "Nobody is waiting for counter %1."), ("counter",)),
    "wrong_state": (QT_TRANSLATE_NOOP("Errors", "%1 is %2 and cannot be %3."), ("number", "state", "action")),
    "not_your_ticket": (
        QT_TRANSLATE_NOOP("Errors", "%1 is not being served at counter %2."),
        ("number", "counter"),
    ),
    "already_called": (QT_TRANSLATE_NOOP("Errors", "%1 was just called at another counter."), ("number",)),
    "same_service": (QT_TRANSLATE_NOOP("Errors", "%1 is already in that line."), ("number",)),
    "requeue_too_late": (
        QT_TRANSLATE_NOOP("Errors", "%1 missed its call more than %2 minutes ago; please take a new number."),
        ("number", "minutes"),
    ),
    "clock_jump": (
        QT_TRANSLATE_NOOP(
            "Errors",
            "This PC's clock says %1 (business day %2), far after the hall's last business day %3. Nothing "
            "was done: check this PC's date and time, or ask the supervisor to confirm the new day.",
        ),
        ("clock", "day", "last_day"),
    ),
    "offline_accounts_need_server": (
        QT_TRANSLATE_NOOP(
            "Errors",
            "The hall server cannot be reached: accounts are added, changed and unlocked on the server, for "
            "every PC at once. Do it when the server is back; signing in works meanwhile.",
        ),
        (),
    ),
    "offline_import_needs_server": (
        QT_TRANSLATE_NOOP(
            "Errors",
            "The hall server cannot be reached: the account list is imported on the server, once for every "
            "PC. Import it again when the server is back; this PC keeps searching its copy.",
        ),
        (),
    ),
    "offline_application_needs_server": (
        QT_TRANSLATE_NOOP(
            "Errors", "The hall server cannot be reached: %1 can be worked on again when it is back."
        ),
        ("number",),
    ),
    "hall_not_damaged": (
        QT_TRANSLATE_NOOP(
            "Errors", "The hall file is not damaged: only an administrator may restore a backup over it."
        ),
        (),
    ),
    "unknown_ticket": (QT_TRANSLATE_NOOP("Errors", "There is no ticket %1 today."), ("number",)),
    "bad_profile": (QT_TRANSLATE_NOOP("Errors", "The hall profile has an error: %1"), ("detail",)),
    "profile_unreadable": (QT_TRANSLATE_NOOP("Errors", "The hall profile %1 cannot be read."), ("path",)),
    "hall_db_missing": (
        QT_TRANSLATE_NOOP(
            "Errors",
            "There is no hall database at %1. Check the path, or have IT create the hall (counter-app init).",
        ),
        ("path",),
    ),
    "not_a_hall_db": (
        QT_TRANSLATE_NOOP("Errors", "%1 is not a hall database. Nothing was changed; check the path."),
        ("path",),
    ),
    "hall_db_newer": (
        QT_TRANSLATE_NOOP(
            "Errors", "%1 was written by a newer version of the counter tool. Update the tool on this PC."
        ),
        ("path",),
    ),
    # names and numbers typed in (domain/entries.py)
    "name_too_long": (
        QT_TRANSLATE_NOOP("Errors", "The name is %1 characters long; at most %2 are allowed."),
        ("length", "limit"),
    ),
    "name_bad_characters": (
        QT_TRANSLATE_NOOP(
            "Errors", "The name holds characters that cannot be shown or printed (%1). Please type it again."
        ),
        ("characters",),
    ),
    "staff_name_required": (QT_TRANSLATE_NOOP("Errors", "The staff member's name is required."), ()),
    # printers and the file system: the detail (the OS's words) is in the log
    "no_default_printer": (
        QT_TRANSLATE_NOOP(
            "Errors",
            "No printer is set up on this PC. Connect one or call IT; the paper can also be saved as a PDF.",
        ),
        (),
    ),
    "printer_not_installed": (
        QT_TRANSLATE_NOOP("Errors", "The printer %1 is not installed on this PC. Please call IT."),
        ("printer",),
    ),
    "printer_cannot_start": (
        QT_TRANSLATE_NOOP("Errors", "The printer %1 could not start. Check that it is on and has paper."),
        ("printer",),
    ),
    "printer_reported_error": (
        QT_TRANSLATE_NOOP(
            "Errors",
            "The printer %1 reported an error. Check the paper, the cover and the cable, then print again.",
        ),
        ("printer",),
    ),
    "printing_off": (QT_TRANSLATE_NOOP("Errors", "Printing is turned off on this PC."), ()),
    "pdf_not_written": (
        QT_TRANSLATE_NOOP("Errors", "The PDF could not be saved as %1. Choose another folder."),
        ("path",),
    ),
    "pdf_folder_unwritable": (
        QT_TRANSLATE_NOOP("Errors", "Nothing can be saved in the folder %1. Please call IT."),
        ("path",),
    ),
    "receipt_printer_unreachable": (
        QT_TRANSLATE_NOOP(
            "Errors", "The receipt printer %1 does not answer. Check its power and its network cable."
        ),
        ("printer",),
    ),
    "printer_failed": (
        QT_TRANSLATE_NOOP("Errors", "The printer did not print. The details are in the log; please call IT."),
        (),
    ),
    "print_bug": (
        QT_TRANSLATE_NOOP(
            "Errors", "Something went wrong while printing; it has been logged. Please call IT."
        ),
        (),
    ),
    "green_reason_required": (
        QT_TRANSLATE_NOOP("Errors", "Choose why the customer takes the green channel."),
        (),
    ),
    "green_reason_without_green": (
        QT_TRANSLATE_NOOP("Errors", "A green-channel reason goes only with a green-channel number."),
        (),
    ),
}

STORE_MESSAGES: dict[str, str] = {
    "locked": QT_TRANSLATE_NOOP(
        "Errors", "The hall database is busy (another program holds it). Nothing was saved; try again."
    ),
    "disk_full": QT_TRANSLATE_NOOP(
        "Errors", "The disk is full. Nothing was saved; free some space and try again."
    ),
    "read_only": QT_TRANSLATE_NOOP(
        "Errors", "The hall database cannot be written (read-only). Nothing was saved."
    ),
    "io": QT_TRANSLATE_NOOP("Errors", "The disk reported an error. Nothing was saved; try again or call IT."),
    "corrupt": QT_TRANSLATE_NOOP(
        "Errors", "The hall database file is damaged. Restore the last backup or call the hall's IT support."
    ),
    "missing": QT_TRANSLATE_NOOP(
        "Errors", "The hall database cannot be opened (missing folder or no permission)."
    ),
    "damaged": QT_TRANSLATE_NOOP(
        "Errors",
        "The hall database file is damaged and open read-only: nothing was saved. Restore the newest "
        "good backup or ask the hall's IT support.",
    ),
}

STATE_NAMES: dict[str, str] = {
    "waiting": QT_TRANSLATE_NOOP("Errors", "waiting"),
    "called": QT_TRANSLATE_NOOP("Errors", "called"),
    "serving": QT_TRANSLATE_NOOP("Errors", "being served"),
    "done": QT_TRANSLATE_NOOP("Errors", "finished"),
    "no_show": QT_TRANSLATE_NOOP("Errors", "a no-show"),
    "cancelled": QT_TRANSLATE_NOOP("Errors", "cancelled"),
}

ACTION_NAMES: dict[str, str] = {
    "called": QT_TRANSLATE_NOOP("Errors", "called"),
    "recalled": QT_TRANSLATE_NOOP("Errors", "recalled"),
    "started": QT_TRANSLATE_NOOP("Errors", "started"),
    "marked no-show": QT_TRANSLATE_NOOP("Errors", "marked no-show"),
    "put back in line": QT_TRANSLATE_NOOP("Errors", "put back in line"),
    "cancelled": QT_TRANSLATE_NOOP("Errors", "cancelled"),
}


def register(messages: dict[str, tuple[str, tuple[str, ...]]], context: str = _C) -> None:
    """Add an area's error codes (``code: (QT_TRANSLATE_NOOP(context, template), param names)``).

    Each area keeps its table next to its windows and registers it when its module is imported.
    """
    for code, entry in messages.items():
        if code in MESSAGES and MESSAGES[code] != entry:
            raise ValueError(f"error code {code!r} is registered twice with different texts")
        MESSAGES[code] = entry
        _CONTEXTS[code] = context


_CONTEXTS: dict[str, str] = {}


class _Texts(Protocol):
    def t(self, context: str, source: str, *args: object) -> str: ...


def _tr(text: str, context: str = _C, texts: _Texts | None = None) -> str:
    return texts.t(context, text) if texts is not None else QCoreApplication.translate(context, text)


def describe_print_failure(failure: BaseException | None) -> str:
    """Why a paper did not come out, in the clerk's language (the technical detail is in the log)."""
    if failure is None:
        return ""
    return describe(failure)


def describe(exc: BaseException, texts: _Texts | None = None) -> str:
    """One calm sentence for the clerk (in ``texts``' language when given: the kiosk's own);
    never a traceback."""

    def tr(text: str, context: str = _C) -> str:
        return _tr(text, context, texts)

    if isinstance(exc, StoreUnavailable):
        return tr(STORE_MESSAGES.get(exc.reason, STORE_MESSAGES["io"]))
    if isinstance(exc, HallError):
        entry = MESSAGES.get(exc.code)
        if entry is None:
            return str(exc)
        template, names = entry
        text = tr(template, _CONTEXTS.get(exc.code, _C))
        for i, name in enumerate(names, start=1):
            value = exc.params.get(name, "")
            if name == "state":
                value = tr(STATE_NAMES.get(str(value), str(value)))
            elif name == "action":
                value = tr(ACTION_NAMES.get(str(value), str(value)))
            elif name == "detail":
                value = str(exc).removeprefix("Hall profile: ")
            text = text.replace(f"%{i}", str(value))
        return text
    return tr(
        QT_TRANSLATE_NOOP("Errors", "Something went wrong; it has been logged. Please tell IT support.")
    )
