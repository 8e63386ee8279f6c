"""What a PC's services do while the hall server is out of reach (the offline desk, 离线).

A PC of a hall with a server works on its own local store when the server cannot be reached. Its
services are the same; they are given an :class:`OfflineDesk`, which

* numbers tickets from the PC's fallback series (``AP1-007``: never a server's or another PC's),
* writes every action into the PC's journal, in the action's own transaction, as data (its kind and
  arguments, a UUID made now, the time it was done), so it can be handed over to the server later,
  exactly once (``services/hand_over.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from counter_app.domain.uuids import new_uuid
from counter_app.services.ports import HallRecords


@dataclass(frozen=True)
class OfflineDesk:
    pc: str
    tag: str

    def note(self, store: HallRecords, kind: str, at: datetime, **payload: Any) -> str:
        """Journal one action (inside its transaction); its UUID."""
        uuid = new_uuid()
        store.journal.append(uuid, kind, payload, at)
        return uuid


@dataclass(frozen=True)
class AdoptedTicket:
    """A ticket issued offline, handed over: the server keeps its UUID and fallback number."""

    uuid: str
    number: str
