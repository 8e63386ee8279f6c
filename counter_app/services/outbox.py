"""The hand-over of the outbox to the central systems (``counter-app outbox export`` / ``ack``).

:meth:`Outbox.export` reads the waiting events and writes them as batches (``domain/outbox.py``)
with their manifests, whole or not at all (``safe_files``), changing nothing in the hall: events
leave the outbox only with :meth:`Outbox.ack`, one transaction per acknowledged manifest. Exporting
twice writes the same batches; acknowledging twice changes nothing the second time.

Exporting is a supervisor's or an administrator's, acknowledging (events leave for good) the
administrator's alone (``domain/roles.py``); how many wait (the status bar) is anyone's.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from counter_app import safe_files
from counter_app.domain.errors import InvalidInput
from counter_app.domain.outbox import MAX_BATCH, build_batch, check_batch, parse_manifest
from counter_app.domain.roles import Action
from counter_app.services.clock import Clock, system_clock
from counter_app.services.ports import HallRecords
from counter_app.services.session import Gate, gate_for

log = logging.getLogger("counter_app.outbox")

MAX_MANIFEST_BYTES = 4_000_000
MAX_BATCH_BYTES = 2_000_000_000

AnchorSource = Callable[[], str | None]
"""The audit trail's head as an anchor text (``domain/audit_trail.Link.text``), or ``None``."""


@dataclass(frozen=True)
class Waiting:
    """How many events wait for the central systems' acknowledgement, and since when."""

    events: int
    since: datetime | None

    def as_json(self) -> dict[str, Any]:
        return {"events": self.events, "since": self.since.isoformat() if self.since else None}


class Outbox:
    """Export and acknowledge the hall's outbox. ``anchor`` gives the audit head for the manifests
    (``services/audit.audit_head`` as ``Link.text``; without it the manifests say ``null``)."""

    def __init__(
        self,
        store: HallRecords,
        hall: str,
        clock: Clock = system_clock,
        anchor: AnchorSource | None = None,
        gate: Gate | None = None,
    ) -> None:
        self.store = store
        self.hall = hall
        self.clock = clock
        self.anchor = anchor
        self.gate = gate_for(store, gate)

    def waiting(self) -> Waiting:
        with self.store.read():
            count, since = self.store.outbox.waiting()
        return Waiting(count, since)

    def export(self, folder: Path, batch_size: int = MAX_BATCH) -> list[dict[str, Any]]:
        """Write every waiting event to ``folder`` in batches; the manifests written, oldest first."""
        self.gate.require(Action.OUTBOX_EXPORT)
        if not 1 <= batch_size <= MAX_BATCH:
            raise InvalidInput(f"batch size must be 1..{MAX_BATCH}", field="batch", code="bad_batch_size")
        anchor = self.anchor() if self.anchor else None
        manifests: list[dict[str, Any]] = []
        after = 0
        while True:
            with self.store.read():
                events = self.store.outbox.pending(batch_size, after)
            if not events:
                break
            batch = build_batch(events, self.hall, anchor)
            target = folder / batch.name
            if not _same_file(target, batch.data):
                safe_files.write_file(target, batch.data)
            safe_files.write_file(folder / batch.manifest_name, _manifest_bytes(batch.manifest))
            manifests.append(batch.manifest)
            after = events[-1].id
        log.info("outbox: %d batches exported to %s", len(manifests), folder)
        return manifests

    def ack(self, file: Path) -> dict[str, Any]:
        """Acknowledge the batch whose manifest (or batch file) is ``file``: its events leave the
        outbox. A batch file beside the manifest must still match it."""
        self.gate.require(Action.OUTBOX_ACK)
        manifest_path = file
        if file.name.endswith(".jsonl"):
            manifest_path = file.with_name(file.name.removesuffix(".jsonl") + ".manifest.json")
        manifest = parse_manifest(_read(manifest_path, MAX_MANIFEST_BYTES), str(manifest_path))
        batch_path = manifest_path.with_name(Path(manifest["batch"]).name)
        check_batch(manifest, _read(batch_path, MAX_BATCH_BYTES) if batch_path.exists() else None)
        uuids = [str(u) for u in manifest["uuids"]]
        with self.store.write():
            done = self.store.outbox.acknowledge(uuids, self.clock())
        log.info(
            "outbox: %s acknowledged (%d events, %d already)", manifest["batch"], done, len(uuids) - done
        )
        return {"batch": manifest["batch"], "acknowledged": done, "already": len(uuids) - done}


def _manifest_bytes(manifest: dict[str, Any]) -> bytes:
    import json

    return json.dumps(manifest, ensure_ascii=False, indent=1).encode() + b"\n"


def _read(path: Path, limit: int) -> bytes:
    try:
        with safe_files.open_input(path, max_bytes=limit) as f:
            return f.read()
    except OSError as exc:
        raise safe_files.failure(exc, path) from None


def _same_file(path: Path, data: bytes) -> bool:
    try:
        return path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False
