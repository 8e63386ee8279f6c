"""The outbox handed to the central systems: export, acknowledge, re-export after a crash (both
engines)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from counter_app.domain.errors import InvalidInput
from counter_app.services.hall import Hall


def _issue(hall: Hall, n: int) -> None:
    for _ in range(n):
        hall.queue.issue("A")


def test_export_writes_batches_and_leaves_the_outbox_alone(hall: Hall, tmp_path: Path) -> None:
    _issue(hall, 3)
    waiting = hall.outbox.waiting()
    assert waiting.events == 3 and waiting.since is not None
    manifests = hall.outbox.export(tmp_path / "out", batch_size=2)
    assert [m["events"] for m in manifests] == [2, 1]
    for manifest in manifests:
        data = (tmp_path / "out" / manifest["batch"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == manifest["sha256"]
        lines = [json.loads(line) for line in data.decode().splitlines()]
        assert [line["uuid"] for line in lines] == manifest["uuids"]
        assert all(line["topic"] == "queue" for line in lines)
        assert "audit_head" in manifest
    assert hall.outbox.waiting().events == 3  # exported is not acknowledged


def test_ack_removes_exactly_the_batch_and_twice_changes_nothing(hall: Hall, tmp_path: Path) -> None:
    _issue(hall, 3)
    first, second = hall.outbox.export(tmp_path / "out", batch_size=2)
    done = hall.outbox.ack(tmp_path / "out" / (first["batch"].removesuffix(".jsonl") + ".manifest.json"))
    assert done == {"batch": first["batch"], "acknowledged": 2, "already": 0}
    assert hall.outbox.waiting().events == 1
    again = hall.outbox.ack(tmp_path / "out" / first["batch"])  # the .jsonl names the same batch
    assert again["acknowledged"] == 0 and again["already"] == 2
    assert hall.outbox.waiting().events == 1
    # what is left is exported again: the second batch, same events, same bytes
    (rest,) = hall.outbox.export(tmp_path / "again")
    assert rest["uuids"] == second["uuids"] and rest["sha256"] == second["sha256"]


def test_a_crash_between_export_and_ack_re_exports_the_same_events(hall: Hall, tmp_path: Path) -> None:
    _issue(hall, 2)
    (before,) = hall.outbox.export(tmp_path / "one")
    # the central systems never acknowledged it; the next export (after a restart) has the same UUIDs
    _issue(hall, 1)
    manifests = hall.outbox.export(tmp_path / "two")
    assert manifests[0]["uuids"][:2] == before["uuids"]
    assert (
        (tmp_path / "two" / manifests[0]["batch"])
        .read_bytes()
        .startswith((tmp_path / "one" / before["batch"]).read_bytes()[: before["bytes"] // 2])
    )
    hall.outbox.ack(tmp_path / "one" / before["batch"])
    assert hall.outbox.waiting().events == 1


def test_ack_of_an_altered_batch_is_refused_and_changes_nothing(hall: Hall, tmp_path: Path) -> None:
    _issue(hall, 2)
    (manifest,) = hall.outbox.export(tmp_path)
    batch = tmp_path / manifest["batch"]
    batch.write_bytes(batch.read_bytes().replace(b"queue", b"qu3ue", 1))
    with pytest.raises(InvalidInput) as refused:
        hall.outbox.ack(batch)
    assert refused.value.code == "batch_mismatch"
    assert hall.outbox.waiting().events == 2
    junk = tmp_path / "junk.manifest.json"
    junk.write_text('{"format": "something else"}')
    with pytest.raises(InvalidInput):
        hall.outbox.ack(junk)


def test_export_of_an_empty_outbox_writes_nothing(hall: Hall, tmp_path: Path) -> None:
    assert hall.outbox.export(tmp_path / "out") == []
    assert hall.outbox.waiting().events == 0 and hall.outbox.waiting().since is None
