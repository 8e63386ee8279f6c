"""The hand-over of the outbox to the utility's central systems: events, batches and manifests.

Every business record writes an outbox event in its own transaction; ``counter-app outbox export``
writes the waiting events as a JSON Lines batch with a manifest (counts, SHA-256, the audit head), and
``counter-app outbox ack`` marks them acknowledged once the central systems confirm the batch. A batch
is named by its first and last event id and its content depends only on the events, so a second
export of the same waiting events writes the same bytes (a crash between export and ack re-exports
the same events with the same UUIDs), and a second ack changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from counter_app.domain.errors import InvalidInput

FORMAT = "counter-app outbox v1"
MAX_BATCH = 10_000
"""Events per batch file (a central loader takes them one file at a time)."""


@dataclass(frozen=True)
class OutboxEvent:
    id: int
    uuid: str
    topic: str
    payload: Mapping[str, Any]
    created_at: str

    def line(self) -> bytes:
        """One JSON Lines record, keys sorted: the same event always gives the same bytes."""
        record = {
            "uuid": self.uuid,
            "topic": self.topic,
            "created_at": self.created_at,
            "payload": self.payload,
        }
        return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode() + b"\n"


@dataclass(frozen=True)
class Batch:
    """A batch file's name and bytes, and its manifest."""

    name: str
    data: bytes
    manifest: dict[str, Any]

    @property
    def manifest_name(self) -> str:
        return manifest_name(self.name)


def manifest_name(batch_name: str) -> str:
    return batch_name.removesuffix(".jsonl") + ".manifest.json"


def build_batch(events: Sequence[OutboxEvent], hall: str, anchor: str | None) -> Batch:
    """The batch of ``events`` (oldest first, at least one)."""
    if not events:
        raise ValueError("a batch holds at least one event")
    data = b"".join(e.line() for e in events)
    name = f"outbox-{events[0].id:012d}-{events[-1].id:012d}.jsonl"
    topics: dict[str, int] = {}
    for event in events:
        topics[event.topic] = topics.get(event.topic, 0) + 1
    manifest = {
        "format": FORMAT,
        "hall": hall,
        "batch": name,
        "events": len(events),
        "topics": dict(sorted(topics.items())),
        "first_id": events[0].id,
        "last_id": events[-1].id,
        "first_created_at": events[0].created_at,
        "last_created_at": events[-1].created_at,
        "sha256": hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
        "uuids": [e.uuid for e in events],
        "audit_head": anchor,
    }
    return Batch(name, data, manifest)


def parse_manifest(data: bytes, where: str) -> dict[str, Any]:
    """A manifest read back for ``ack``; :class:`InvalidInput` (``not_a_manifest``) for anything else."""
    try:
        value = json.loads(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        value = None
    if (
        not isinstance(value, dict)
        or value.get("format") != FORMAT
        or not isinstance(value.get("uuids"), list)
        or not all(isinstance(u, str) and 0 < len(u) <= 64 for u in value["uuids"])
        or not isinstance(value.get("sha256"), str)
        or not isinstance(value.get("batch"), str)
    ):
        raise InvalidInput(
            f"{where} is not an outbox manifest of the counter tool", field="file", code="not_a_manifest"
        )
    return value


def check_batch(manifest: Mapping[str, Any], data: bytes | None) -> None:
    """Refuse an acknowledgement of a batch whose file no longer matches its manifest."""
    if data is not None and hashlib.sha256(data).hexdigest() != manifest["sha256"]:
        raise InvalidInput(
            f"The batch {manifest['batch']} does not match its manifest (SHA-256 differs); nothing was "
            "acknowledged",
            field="file",
            code="batch_mismatch",
        )
