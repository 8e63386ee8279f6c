"""The worklist (待办): what the clerk asks for, one line per application, the hall's counts, one page.

:class:`WorklistRow` is the one row type: the store reads it with the applicant's data in full and the
services return it :meth:`~WorklistRow.masked`, with what the calendar says filled in (due day, overdue,
working days left, the limits that apply). A search box entry is recognised here
(:func:`recognise_search`): what it looks like decides the index the store reads.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Literal

from counter_app.domain.applications.detail import OPEN_STATUSES
from counter_app.domain.applications.workflow import Status
from counter_app.domain.errors import InvalidInput
from counter_app.domain.identity import upgrade_15_digit_id, validate_mobile
from counter_app.domain.masking import mask_address, mask_id_number, mask_name, mask_phone

STATE_FILTERS: dict[str, tuple[Status, ...]] = {
    "open": OPEN_STATUSES,
    **{s.value: (s,) for s in Status},
    "all": (),
}
"""The worklist's state filter, by name: the statuses it shows (``all``: every status, closed too)."""


class DueFilter(StrEnum):
    SOON = "soon"  # due today or within the hall's "due soon" working days
    OVERDUE = "overdue"


@dataclass(frozen=True)
class WorklistQuery:
    """Filters of the worklist; ``statuses`` empty means every status, the default is the open ones."""

    statuses: tuple[Status, ...] = OPEN_STATUSES
    business_type: str | None = None
    owner: str | None = None
    due: DueFilter | None = None
    search: str = ""
    limit: int = 50
    offset: int = 0
    viewer: str = ""


@dataclass(frozen=True)
class LimitNote:
    """A limit that applies to an application now, with its rule for a tooltip: ``kind`` is
    ``"stage"`` (the current step's own) or ``"whole"`` (the company's steps together)."""

    kind: str
    working_days: int
    citation: str
    unconfirmed: bool


@dataclass(frozen=True)
class WorklistRow:
    """One line of the list. As the store reads it the applicant's name, phone, ID and address are in
    full and only the stored fields are set; the services return it :meth:`masked` with the rest
    filled in. ``due_key`` orders the list (see ``records.CLOSED_DUE_KEY``); ``customer_step``: the
    current step is the customer's own work (no clock runs)."""

    id: int
    number: str
    business_type: str
    status: Status
    stage: str
    owner: str
    accepted_on: date
    name: str
    mobile: str
    id_number: str
    address: str
    account_number: str | None
    stage_due: date | None
    whole_due: date | None
    due_provisional: bool
    owed_documents: int
    due_key: str = ""
    external_works: bool = False
    due_day: date | None = None
    overdue: bool = False
    due_soon: bool = False
    workdays_left: int | None = None
    customer_step: bool = False
    limits: tuple[LimitNote, ...] = ()

    def masked(self) -> WorklistRow:
        """As a list may show it (PIPL art. 51)."""
        return replace(
            self,
            name=mask_name(self.name),
            mobile=mask_phone(self.mobile),
            id_number=mask_id_number(self.id_number),
            address=mask_address(self.address),
        )


@dataclass(frozen=True)
class WorklistCounts:
    open: int
    overdue: int
    due_soon: int
    suspended: int
    mine: int


@dataclass(frozen=True)
class WorklistPage:
    rows: tuple[WorklistRow, ...]
    total: int
    counts: WorklistCounts
    as_of: date
    due_soon_until: date
    due_soon_workdays: int
    provisional_years: tuple[int, ...]
    search_note: str = ""  # "short": a one- or two-character search matches names starting with it


# --- what the store is asked for ------------------------------------------------------------------

SearchKind = Literal["number", "number_prefix", "tracking", "exact_digits", "fragment", "name_prefix"]


@dataclass(frozen=True)
class Search:
    """A search term already recognised: what it looks like decides the index the store reads."""

    kind: SearchKind
    value: str


@dataclass(frozen=True)
class WorklistFilter:
    """Conditions that are all true of each row; ``due_min`` inclusive, ``due_before`` exclusive."""

    statuses: tuple[str, ...] = ()
    business_type: str | None = None
    owner: str | None = None
    due_min: str | None = None
    due_before: str | None = None
    search: Search | None = None


_DIGITS = re.compile(r"[0-9]+X?")
_SEPARATORS = re.compile(r"[\s\-]+")
_TRACKING = re.compile(r"[A-Z]{1,4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")
_NUMBER = re.compile(r"[A-Z]{1,4}[0-9]{8}-[0-9]{4,}")
_USCC = re.compile(r"[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}")


def recognise_search(text: str, number_prefix: str, account_lengths: tuple[int, ...]) -> Search | None:
    """What a search box entry is: an application number (or its start), a tracking reference, a
    whole phone / ID / credit code / account number (an old 15-digit ID as the 18-digit number it was
    stored as), a fragment of three characters or more, or the first one or two characters of a name.
    ``None`` for an empty entry."""
    folded = " ".join(unicodedata.normalize("NFKC", text).split())
    if not folded:
        return None
    upper = folded.upper()
    if _TRACKING.fullmatch(upper):
        return Search("tracking", upper)
    if _NUMBER.fullmatch(upper):
        return Search("number", upper)
    compact = _SEPARATORS.sub("", upper)
    if compact.startswith(number_prefix) and re.fullmatch(
        r"[0-9]{1,8}(-[0-9]*)?", compact[len(number_prefix) :]
    ):
        return Search("number_prefix", compact)
    if _DIGITS.fullmatch(compact) or compact.startswith(("+86", "0086")) or _USCC.fullmatch(compact):
        try:
            return Search("exact_digits", validate_mobile(compact))
        except InvalidInput:
            pass
        if len(compact) == 15 and compact.isdigit() and 15 not in account_lengths:
            return Search("exact_digits", upgrade_15_digit_id(compact))  # an old ID: stored as 18
        if len(compact) in (15, 18) or len(compact) in account_lengths:
            return Search("exact_digits", compact)
        if len(compact) >= 3:
            return Search("fragment", compact)
    if len(folded) >= 3:
        return Search("fragment", folded)
    return Search("name_prefix", folded)
