"""The history of an application as the store keeps it: one immutable event per action, never edited.

Each event records when (``at``, the hall clock), who (``by``, a clerk id) and what; ``kind`` is a
stable name for the stored row. :mod:`application_workflow` decides which event may come next and folds
them into the current state.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar


@dataclass(frozen=True)
class StagePlan:
    """A stage, its limit and who acts in it (``"utility"`` or ``"customer"``) as they stood at
    acceptance: later rule changes do not move due dates. Histories written before steps had a party
    read as ``"utility"``."""

    code: str
    limit_days: int | None
    party: str = "utility"


@dataclass(frozen=True)
class _Step:
    """What every event records; the event's own fields follow ``at`` and ``by``."""

    kind: ClassVar[str]
    at: datetime
    by: str


@dataclass(frozen=True)
class Accepted(_Step):
    kind: ClassVar[str] = "accepted"
    business_type: str
    stages: tuple[StagePlan, ...]
    whole_limit_days: int | None


@dataclass(frozen=True)
class Advanced(_Step):
    kind: ClassVar[str] = "advanced"
    from_stage: str
    to_stage: str


@dataclass(frozen=True)
class Returned(_Step):
    kind: ClassVar[str] = "returned"
    from_stage: str
    to_stage: str
    reason: str


@dataclass(frozen=True)
class Suspended(_Step):
    kind: ClassVar[str] = "suspended"
    reason: str


@dataclass(frozen=True)
class Resumed(_Step):
    kind: ClassVar[str] = "resumed"


@dataclass(frozen=True)
class Completed(_Step):
    kind: ClassVar[str] = "completed"
    stage: str


@dataclass(frozen=True)
class Withdrawn(_Step):
    kind: ClassVar[str] = "withdrawn"
    reason: str


@dataclass(frozen=True)
class HandedOver(_Step):
    kind: ClassVar[str] = "handed_over"
    to_owner: str


Event = Accepted | Advanced | Returned | Suspended | Resumed | Completed | Withdrawn | HandedOver
