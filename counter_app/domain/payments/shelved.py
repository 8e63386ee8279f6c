"""An account list file as the hall server keeps it for its PCs (``store/account_list/shelf.py``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ShelvedList:
    """A list file on the server's shelf: its SHA-256, its size in bytes, and how many chunks hold
    it. A PC's copy is used only when it has exactly this size and digest."""

    list_id: int
    sha256: str
    size: int
    chunks: int
