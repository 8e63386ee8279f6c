"""The hall's safety operations under sign-in (issue #12): the hall's own backups run with nobody
signed in, a user's backup, check and restore do not; a damaged file is recovered without anyone
(only its newest good backup, only while it is damaged); day repair, the outbox and the reports ask
the gate on both engines; a hall without accounts works as before; backups and outbox exports carry
the audit trail's head, and that anchor is the one ``audit verify`` checks against."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sign_in_data import cheap_hashing, set_up_accounts, sign_in_as

from counter_app.app import hall_files
from counter_app.domain.audit_trail import Link
from counter_app.domain.errors import HallError, NotPermitted
from counter_app.services.audit import audit_head
from counter_app.services.backups import BackupService
from counter_app.services.hall import Hall
from counter_app.store.sqlite.backup import check_file

__all__ = ["cheap_hashing"]

pytestmark = pytest.mark.usefixtures("cheap_hashing")


def _backups(hall: Hall) -> BackupService:
    assert hall.backups is not None
    return hall.backups


def _damage(path: Path) -> None:
    with open(path, "r+b") as f:
        f.seek(2 * 4096)
        f.write(bytes((i * 7 + 13) % 256 for i in range(4 * 4096)))


@pytest.fixture
def staffed(hall: Hall) -> Hall:
    """A hall with its accounts, one ticket issued by a clerk, nobody signed in."""
    set_up_accounts(hall)
    sign_in_as(hall, "c01")
    hall.queue.issue("A")
    hall.users.sign_out()
    return hall


# the hall's own backups and the recovery ----------------------------------------------------------
@pytest.mark.usefixtures("sqlite_only")
def test_the_halls_own_backups_need_nobody_signed_in(staffed: Hall) -> None:
    backups = _backups(staffed)
    with pytest.raises(NotPermitted) as refused:
        backups.backup(staffed.path.parent / "asked")
    assert refused.value.code == "sign_in_required"
    assert not (staffed.path.parent / "asked").exists()  # a refusal wrote nothing
    at_start = backups.plan_automatic().run()  # at start, as the windows' keeper does
    assert at_start.ok and Path(at_start.folder).parent == backups.folder
    sign_in_as(staffed, "c01")
    staffed.queue.issue("B")
    staffed.users.sign_out()
    assert backups.backup_if_written() is not None  # at close, the hall written since
    assert backups.backup_if_written() is None  # not written since: no copy


@pytest.mark.usefixtures("sqlite_only")
def test_a_supervisor_backs_up_and_checks_only_the_administrator_restores(staffed: Hall) -> None:
    backups = _backups(staffed)
    sign_in_as(staffed, "s01")
    made = backups.backup(staffed.path.parent / "bk")
    assert backups.check(full=True).ok
    with pytest.raises(NotPermitted) as refused:
        backups.restore(Path(made.folder))
    assert refused.value.code == "not_permitted" and refused.value.params["action"] == "backup.restore"
    with pytest.raises(NotPermitted):
        backups.restore_newest()


@pytest.mark.usefixtures("sqlite_only")
def test_a_damaged_hall_file_is_recovered_without_a_sign_in_a_sound_one_is_not(
    staffed: Hall, tmp_path: Path
) -> None:
    _backups(staffed).plan_automatic().run()
    staffed.close()
    files = hall_files(staffed.path)  # as the windows' start and the command line get them
    before = staffed.path.read_bytes()
    with pytest.raises(HallError) as refused:
        files.recover_damaged()
    assert refused.value.code == "hall_not_damaged"
    assert staffed.path.read_bytes() == before  # nothing changed
    with pytest.raises(NotPermitted):
        files.check()  # the file has accounts: the check of a hall that opens is guarded
    with pytest.raises(NotPermitted):
        files.check_unopened()  # nor is a sound file's report anyone's by this way
    _damage(staffed.path)
    assert not files.check_unopened().ok
    restored = files.recover_damaged()
    assert restored.kept_aside and check_file(staffed.path, "hall", full=True).ok
    with pytest.raises(HallError):
        files.recover_damaged()  # sound again: the way is closed


# both engines: day repair, the outbox, the reports ----------------------------------------------
@pytest.mark.parametrize(
    "operation",
    [
        lambda h, out: h.day_repair.repair(),
        lambda h, out: h.day_repair.confirm(),
        lambda h, out: h.outbox.export(out),
        lambda h, out: h.quality.reports.daily(),
        lambda h, out: h.quality.reports.forecast(),
        lambda h, out: h.quality.reports.export(lambda: None, lambda _: None),
        lambda h, out: h.quality.dashboard.view(),
        lambda h, out: h.quality.dashboard.trend(7),
    ],
    ids=["day_repair", "day_confirm", "outbox_export", "report", "forecast", "export", "dashboard", "trend"],
)
def test_a_clerk_is_refused_on_both_engines(
    staffed: Hall, tmp_path: Path, operation: Callable[[Hall, Path], object]
) -> None:
    sign_in_as(staffed, "c01")
    with pytest.raises(NotPermitted) as refused:
        operation(staffed, tmp_path / "out")
    assert refused.value.code == "not_permitted"
    assert not (tmp_path / "out").exists()


def test_a_supervisor_reads_the_dashboard(staffed: Hall) -> None:
    sign_in_as(staffed, "s01")
    assert staffed.quality.dashboard.view().today.arrivals == 1
    assert staffed.quality.dashboard.trend(7)


def test_a_day_repair_is_recorded_under_the_signed_in_supervisor(staffed: Hall) -> None:
    sign_in_as(staffed, "s01")
    with pytest.raises(NotPermitted) as refused:
        staffed.day_repair.confirm(clerk="c01")  # not under another's code
    assert refused.value.code == "not_signed_in_clerk"
    day = staffed.day_repair.confirm()
    with staffed.store.read():
        events = staffed.store.sql.execute(  # type: ignore[attr-defined]
            "SELECT clerk FROM queue_events WHERE kind = 'day_confirmed'"
        ).fetchall()
    assert day and [tuple(e) for e in events] == [("s01",)]


def test_the_administrator_alone_acknowledges_an_export(staffed: Hall, tmp_path: Path) -> None:
    sign_in_as(staffed, "s01")
    (manifest,) = staffed.outbox.export(tmp_path)
    path = tmp_path / manifest["batch"]
    with pytest.raises(NotPermitted):
        staffed.outbox.ack(path)
    assert staffed.outbox.waiting().events == manifest["events"]  # nothing left the outbox
    sign_in_as(staffed, "admin")
    assert staffed.outbox.ack(path)["acknowledged"] == manifest["events"]


def test_a_hall_without_accounts_works_as_before(hall: Hall, tmp_path: Path, engine: str) -> None:
    hall.queue.issue("A")
    (manifest,) = hall.outbox.export(tmp_path / "out")
    assert hall.outbox.ack(tmp_path / "out" / manifest["batch"])["acknowledged"] == manifest["events"]
    with pytest.raises(HallError) as nothing:
        hall.day_repair.repair(clerk="值班长")
    assert nothing.value.code == "nothing_to_repair"
    assert hall.quality.reports.export(hall.quality.reports.daily, lambda data: data.period)
    assert hall.quality.dashboard.view().today.arrivals == 1
    if engine == "sqlite":
        backups = _backups(hall)
        assert backups.backup(tmp_path / "bk").ok and backups.check().ok


# the audit anchor -------------------------------------------------------------------------------
def test_an_outbox_export_carries_the_audit_head(staffed: Hall, tmp_path: Path) -> None:
    sign_in_as(staffed, "s01")
    head = audit_head(staffed.store)
    (manifest,) = staffed.outbox.export(tmp_path)
    assert manifest["audit_head"] == head.text
    written = json.loads((tmp_path / manifest["batch"].replace(".jsonl", ".manifest.json")).read_text())
    assert written["audit_head"] == head.text
    assert staffed.audit.verify(Link.parse(written["audit_head"])).ok


@pytest.mark.usefixtures("sqlite_only")
def test_a_backup_carries_the_audit_head(staffed: Hall) -> None:
    head = audit_head(staffed.store)
    copy = _backups(staffed).plan_automatic().run()
    written = json.loads((Path(copy.folder) / "manifest.json").read_text())
    assert copy.anchor == written["anchor"] == head.text and head.seq > 0
    sign_in_as(staffed, "s01")
    assert staffed.audit.verify(Link.parse(written["anchor"])).ok
