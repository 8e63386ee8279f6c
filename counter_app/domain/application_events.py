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
    """A stage and its limit as they stood at acceptance: later rule changes do not move due dates."""

    code: str
    limit_days: int | None


@dataclass(frozen=True)
class Accepted:
    kind: ClassVar[str] = "accepted"
    at: datetime
    by: str
    business_type: str
    stages: tuple[StagePlan, ...]
    whole_limit_days: int | None


@dataclass(frozen=True)
class Advanced:
    kind: ClassVar[str] = "advanced"
    at: datetime
    by: str
    from_stage: str
    to_stage: str


@dataclass(frozen=True)
class Returned:
    kind: ClassVar[str] = "returned"
    at: datetime
    by: str
    from_stage: str
    to_stage: str
    reason: str


@dataclass(frozen=True)
class Suspended:
    kind: ClassVar[str] = "suspended"
    at: datetime
    by: str
    reason: str


@dataclass(frozen=True)
class Resumed:
    kind: ClassVar[str] = "resumed"
    at: datetime
    by: str


@dataclass(frozen=True)
class Completed:
    kind: ClassVar[str] = "completed"
    at: datetime
    by: str
    stage: str


@dataclass(frozen=True)
class Withdrawn:
    kind: ClassVar[str] = "withdrawn"
    at: datetime
    by: str
    reason: str


@dataclass(frozen=True)
class HandedOver:
    kind: ClassVar[str] = "handed_over"
    at: datetime
    by: str
    to_owner: str


Event = Accepted | Advanced | Returned | Suspended | Resumed | Completed | Withdrawn | HandedOver
