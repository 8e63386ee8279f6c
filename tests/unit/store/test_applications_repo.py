"""The applications schema and repository on real rows: every invariant is refused by the database
itself, numbering is per day, the history is append-only and gap-free, and the worklist queries find
what they should in the order promised."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import sqlite_utils

from counter_app.domain.applications.records import ApplicationData, DocumentRecord, Projection
from counter_app.domain.applications.worklist import Search, WorklistFilter
from counter_app.store.applications import ApplicationsRepository
from counter_app.store.sqlite.connection import SqliteSql, open_hall_db, write
from counter_app.store.sqlite.schema_applications import CLOSED_DUE_KEY, OPEN_DUE_NONE
from counter_app.store.staff import StaffRepository
from counter_app.store.worklist import WorklistRepository

AT = datetime(2026, 3, 2, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
DAY = AT.date()


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    database = open_hall_db(tmp_path / "hall.sqlite3", create=True)
    yield database
    database.close()


def data(seq: int = 1, **changes: object) -> ApplicationData:
    values: dict[str, object] = dict(
        uuid=f"uuid-{seq}",
        number=f"YK{DAY:%Y%m%d}-{seq:04d}",
        accepted_day=DAY,
        prefix="YK",
        seq=seq,
        tracking_ref=f"YK-AAAA-BBBB-{seq:04d}",
        business_type="lv_residential_new",
        ticket_id=None,
        counter=3,
        accepted_by="0107",
        accepted_at=AT,
        applicant_kind="person",
        name="张𠮷明",
        id_type="resident_id",
        id_number="11010519491231002X",
        mobile="13812345678",
        address="通辽市科尔沁区建国路12号",
        agent_name=None,
        agent_id_type=None,
        agent_id_number=None,
        agent_mobile=None,
        account_number=None,
        capacity="8",
        capacity_unit="kW",
        voltage="220V",
        tariff_class="residential",
        external_works=False,
        period_start=None,
        period_end=None,
        commitment_signed=True,
        notices=(),
    )
    values.update(changes)
    return ApplicationData(**values)  # type: ignore[arg-type]


def projection(due: date | None = date(2026, 3, 9), **changes: object) -> Projection:
    values: dict[str, object] = dict(
        status="accepted",
        stage="accept_sign",
        owner="0107",
        stage_due=None,
        whole_due=due,
        due_key=due.isoformat() if due else OPEN_DUE_NONE,
        due_provisional=False,
        closed_on=None,
        closed_late=False,
    )
    values.update(changes)
    return Projection(**values)  # type: ignore[arg-type]


def insert(db: sqlite_utils.Database, seq: int = 1, **changes: object) -> int:
    repo = ApplicationsRepository(SqliteSql(db))
    proj = changes.pop("projection", projection())
    with write(db):
        app_id = repo.insert(data(seq, **changes), proj, AT)  # type: ignore[arg-type]
        repo.add_event(app_id, "accepted", AT, "0107", "", {"business_type": "lv_residential_new"})
    return app_id


def test_an_application_round_trips_with_rare_characters(db: sqlite_utils.Database) -> None:
    app_id = insert(db)
    record = ApplicationsRepository(SqliteSql(db)).by_number(f"YK{DAY:%Y%m%d}-0001")
    assert record is not None and record.id == app_id
    assert record.data == data(1)
    assert record.data.name == "张𠮷明" and len(record.data.name) == 3
    assert record.version == 1 and record.projection == projection()


def test_a_period_without_a_last_day_round_trips(db: sqlite_utils.Database) -> None:
    """A 减容 has no time limit: its period may stay open (stored with the open-end mark)."""
    insert(db, period_start=date(2026, 3, 10), period_end=None)
    record = ApplicationsRepository(SqliteSql(db)).by_number(f"YK{DAY:%Y%m%d}-0001")
    assert record is not None and (record.data.period_start, record.data.period_end) == (
        date(2026, 3, 10),
        None,
    )
    assert db.execute("SELECT period_end FROM applications").fetchone()[0] == "9999-12-31"


def test_an_application_is_found_by_number_or_tracking_reference(db: sqlite_utils.Database) -> None:
    app_id = insert(db)
    repo = ApplicationsRepository(SqliteSql(db))
    record = repo.by_id(app_id)
    assert record is not None
    assert repo.find(record.data.number) == record == repo.find(record.data.tracking_ref)
    assert repo.by_tracking_ref(record.data.tracking_ref) == record
    assert repo.find("YK-0000-0000-0000") is None and repo.by_id(app_id + 1) is None


def test_numbers_count_per_day_and_apart_from_ticket_letters(db: sqlite_utils.Database) -> None:
    repo = ApplicationsRepository(SqliteSql(db))
    with write(db):
        first = [repo.next_seq(DAY, "YK") for _ in range(3)]
        other_day = repo.next_seq(DAY + timedelta(days=1), "YK")
        db.execute("INSERT INTO number_sequences VALUES (?, 'YK', 41)", [DAY.isoformat()])  # a ticket prefix
        after = repo.next_seq(DAY, "YK")
    assert first == [1, 2, 3] and other_day == 1 and after == 4


@pytest.mark.parametrize(
    "change",
    [
        {"number": "YK20260302-0001", "seq": 2, "uuid": "other", "tracking_ref": "other"},  # same number
        {"uuid": "uuid-1", "number": "YK20260302-0002", "seq": 2, "tracking_ref": "other"},  # same uuid
        {"tracking_ref": "YK-AAAA-BBBB-0001", "number": "YK20260302-0002", "seq": 2, "uuid": "other"},
        {"seq": 1, "number": "YK20260302-9999", "uuid": "other", "tracking_ref": "other"},  # same day+seq
    ],
)
def test_numbers_uuids_and_tracking_references_are_unique(db: sqlite_utils.Database, change: dict) -> None:
    insert(db)
    with pytest.raises(sqlite3.IntegrityError):
        insert(db, **change)


@pytest.mark.parametrize(
    "change",
    [
        {"mobile": "1381234567"},  # not 11 digits
        {"name": ""},
        {"applicant_kind": "robot"},
        {"capacity": "8", "capacity_unit": None},
        {"agent_name": "李四"},  # an agent without ID and mobile
        {"period_start": None, "period_end": date(2026, 3, 9)},  # an end without a start
        {"period_start": date(2026, 3, 10), "period_end": date(2026, 3, 9)},
        {"ticket_id": 999},  # no such ticket
    ],
)
def test_impossible_applications_are_refused_by_the_schema(db: sqlite_utils.Database, change: dict) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        insert(db, **change)


def test_a_closed_application_needs_its_day_and_leaves_the_open_range(db: sqlite_utils.Database) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        insert(db, projection=projection(status="completed"))  # no closed_on, open due_key
    with pytest.raises(sqlite3.IntegrityError):
        insert(db, projection=projection(status="completed", closed_on=DAY))  # still an open due_key
    insert(db, projection=projection(status="completed", closed_on=DAY, due_key=CLOSED_DUE_KEY))


def test_what_was_accepted_cannot_be_changed_nor_deleted(db: sqlite_utils.Database) -> None:
    app_id = insert(db)
    for sql in (
        "UPDATE applications SET name = '王五' WHERE id = ?",
        "UPDATE applications SET id_number = '110105194912310021' WHERE id = ?",
        "UPDATE applications SET number = 'YK1' WHERE id = ?",
        "DELETE FROM applications WHERE id = ?",
    ):
        with pytest.raises(sqlite3.IntegrityError, match="application"):
            db.execute(sql, [app_id])


def test_history_is_append_only_and_numbered_without_gaps(db: sqlite_utils.Database) -> None:
    app_id = insert(db)
    repo = ApplicationsRepository(SqliteSql(db))
    with write(db):
        assert repo.add_event(app_id, "advanced", AT, "0107", "", {"from_stage": "a", "to_stage": "b"}) == 2
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE application_events SET note = 'x' WHERE application_id = ?", [app_id])
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM application_events WHERE application_id = ?", [app_id])
    with pytest.raises(sqlite3.IntegrityError, match="without gaps"):
        db.execute(
            """INSERT INTO application_events (uuid, application_id, seq, kind, at, clerk)
               VALUES ('u9', ?, 5, 'advanced', ?, '0107')""",
            [app_id, AT.isoformat()],
        )
    with pytest.raises(sqlite3.IntegrityError):  # a second acceptance
        db.execute(
            """INSERT INTO application_events (uuid, application_id, seq, kind, at, clerk)
               VALUES ('u8', ?, 3, 'accepted', ?, '0107')""",
            [app_id, AT.isoformat()],
        )
    assert [e.seq for e in repo.events(app_id)] == [1, 2]


def test_version_always_counts_the_history(db: sqlite_utils.Database) -> None:
    app_id = insert(db)
    repo = ApplicationsRepository(SqliteSql(db))
    with pytest.raises(sqlite3.IntegrityError, match="version"), write(db):  # a change without history
        repo.update_projection(app_id, 1, projection(status="in_progress"), AT)
    with write(db):
        repo.add_event(app_id, "advanced", AT, "0107", "", {})
        assert repo.update_projection(app_id, 1, projection(status="in_progress"), AT)
    with write(db):
        repo.add_event(app_id, "suspended", AT, "0107", "waiting", {})
        assert not repo.update_projection(app_id, 1, projection(status="suspended"), AT)  # stale reader
        db.conn.execute("ROLLBACK")
        db.conn.execute("BEGIN IMMEDIATE")
    record = repo.by_id(app_id)
    assert record is not None and record.version == 2 and record.projection.status == "in_progress"


def test_documents_move_only_from_owed_to_collected(db: sqlite_utils.Database) -> None:
    app_id = insert(db)
    repo = ApplicationsRepository(SqliteSql(db))
    names = {"zh_CN": "产权证明", "zh_TW": "產權證明", "en": "Property proof"}
    with write(db):
        repo.insert_documents(
            app_id,
            [
                DocumentRecord("applicant_id", 0, "identity", names, "presented", None, None, None),
                DocumentRecord("property_proof", 1, "property", names, "owed", date(2026, 3, 9), None, None),
            ],
        )
    with pytest.raises(sqlite3.IntegrityError), write(db):  # identity is never owed under 一证受理
        repo.insert_documents(
            app_id, [DocumentRecord("other_id", 2, "identity", names, "owed", DAY, None, None)]
        )
    with write(db):
        assert not repo.collect_document(app_id, "applicant_id", AT, "0107")  # not owed
        assert repo.collect_document(app_id, "property_proof", AT, "0109")
        assert not repo.collect_document(app_id, "property_proof", AT, "0109")  # already in
    with pytest.raises(sqlite3.IntegrityError, match="owed to collected"):
        db.execute("UPDATE application_documents SET state = 'owed' WHERE application_id = ?", [app_id])
    docs = {d.code: d for d in repo.documents(app_id)}
    assert docs["property_proof"].state == "collected" and docs["property_proof"].collected_by == "0109"


def test_access_to_personal_data_is_append_only(db: sqlite_utils.Database) -> None:
    app_id = insert(db)
    repo = ApplicationsRepository(SqliteSql(db))
    with write(db):
        repo.add_access(app_id, AT, "0107", "clerk", True, "detail")
    assert [a[1:] for a in repo.accesses(app_id)] == [("0107", "clerk", True, "detail")]
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM application_access")


def test_staff_rows_keep_their_history(db: sqlite_utils.Database) -> None:
    repo = StaffRepository(SqliteSql(db))
    with write(db):
        repo.save_staff("0001", "赵值班", "supervisor", True, AT, "added")
        repo.save_staff("0001", "赵值班", "supervisor", False, AT, "deactivated")
    member = repo.staff("0001")
    assert member is not None and member.role == "supervisor" and not member.active
    assert db.execute("SELECT kind FROM staff_events ORDER BY id").fetchall() == [
        ("added",),
        ("deactivated",),
    ]
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO staff (code, name, role, updated_at) VALUES ('0002', 'x', 'boss', '')")


# the worklist ------------------------------------------------------------------------------------------
@pytest.fixture
def listed(db: sqlite_utils.Database) -> sqlite_utils.Database:
    """Five applications: three open with due dates, one suspended, one completed."""
    rows = [
        (1, "张𠮷明", "13812345678", "通辽市科尔沁区建国路12号", projection(date(2026, 3, 9))),
        (2, "李娜", "13900001111", "通辽市科尔沁区和平路88号", projection(date(2026, 3, 3), owner="0108")),
        (
            3,
            "王建国",
            "18600003333",
            "奈曼旗大沁他拉镇光明村",
            projection(date(2026, 3, 3), stage="plan_reply"),
        ),
        (4, "张三", "13700004444", "开鲁县建华镇", projection(None, status="suspended")),
        (
            5,
            "赵六",
            "13600005555",
            "科左中旗保康镇",
            projection(None, status="completed", closed_on=DAY, due_key=CLOSED_DUE_KEY),
        ),
    ]
    for seq, name, mobile, address, proj in rows:
        insert(
            db,
            seq,
            name=name,
            mobile=mobile,
            address=address,
            projection=proj,
            id_number=f"11010519491231{seq:03d}X"[:18],
            account_number=f"{seq:010d}",
        )
    return db


def numbers(records: list) -> list[int]:
    return [int(r.number[-4:]) for r in records]


def test_open_list_is_most_urgent_first_then_stopped_clocks_then_closed(
    listed: sqlite_utils.Database,
) -> None:
    repo = WorklistRepository(SqliteSql(listed))
    assert numbers(repo.page(WorklistFilter(), 50)) == [3, 2, 1, 4, 5]
    assert numbers(repo.page(WorklistFilter(due_before=CLOSED_DUE_KEY), 50)) == [3, 2, 1, 4]
    assert numbers(repo.page(WorklistFilter(), 2, offset=2)) == [1, 4]
    assert repo.count(WorklistFilter(due_before=CLOSED_DUE_KEY)) == 4


def test_filters_each_narrow_on_an_index(listed: sqlite_utils.Database) -> None:
    repo = WorklistRepository(SqliteSql(listed))
    assert numbers(repo.page(WorklistFilter(statuses=("suspended",)), 50)) == [4]
    assert numbers(repo.page(WorklistFilter(owner="0108"), 50)) == [2]
    assert numbers(repo.page(WorklistFilter(due_before="2026-03-04"), 50)) == [3, 2]  # overdue on the 4th
    assert numbers(repo.page(WorklistFilter(due_min="2026-03-04", due_before="2026-03-10"), 50)) == [1]
    counts = repo.hall_counts(date(2026, 3, 4), date(2026, 3, 9), "0107")
    assert (counts.open, counts.overdue, counts.due_soon, counts.suspended, counts.mine) == (4, 2, 1, 1, 3)
    plan = listed.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM applications a WHERE a.owner = ? ORDER BY a.due_key, a.id DESC",
        ["0107"],
    ).fetchall()
    assert "applications_owner" in str(plan) and "TEMP B-TREE" not in str(plan)


@pytest.mark.parametrize(
    ("search", "found"),
    [
        (Search("number", "YK20260302-0002"), [2]),
        (Search("number_prefix", "YK202603"), [3, 2, 1, 4, 5]),
        (Search("tracking", "YK-AAAA-BBBB-0004"), [4]),
        (Search("exact_digits", "13900001111"), [2]),
        (Search("exact_digits", "0000000005"), [5]),
        (Search("fragment", "张𠮷明"), [1]),  # three code points, one outside the BMP
        (Search("name_prefix", "张𠮷"), [1]),
        (Search("fragment", "和平路88"), [2]),
        (Search("fragment", "3333"), [3]),
        (Search("fragment", "建国"), []),  # two characters: below the trigram index, see name_prefix
        (Search("name_prefix", "张"), [1, 4]),
    ],
)
def test_search_finds_by_number_name_phone_id_account_address(
    listed: sqlite_utils.Database, search: Search, found: list[int]
) -> None:
    repo = WorklistRepository(SqliteSql(listed))
    assert numbers(repo.page(WorklistFilter(search=search), 50)) == found
    assert repo.count(WorklistFilter(search=search)) == len(found)
    open_only = WorklistFilter(search=search, due_before=CLOSED_DUE_KEY)
    assert repo.count(open_only) == len([n for n in found if n != 5])


def test_fts_index_follows_every_insert(db: sqlite_utils.Database) -> None:
    for seq in range(1, 4):
        insert(db, seq, address=f"科尔沁区第{seq}大街")
    found = WorklistRepository(SqliteSql(db)).page(WorklistFilter(search=Search("fragment", "第2大街")), 10)
    assert numbers(found) == [2]
    assert db.execute("SELECT COUNT(*) FROM _applications_fts").fetchone()[0] == 3


def test_replace_keeps_other_fields() -> None:
    """The test helpers build what they say (a guard for the tests above)."""
    assert replace(data(1), name="x").number == data(1).number
