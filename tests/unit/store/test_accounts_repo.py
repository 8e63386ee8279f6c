"""The store of payment guidance: constraints behind the invariants, the list file written once and read
immutable, an index behind every lookup kind, the guidance rows and the supervisor's figure."""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
import sqlite_utils

from counter_app.domain.errors import StoreUnavailable
from counter_app.domain.payments.accounts import Account, WithholdingStatus, account_values
from counter_app.domain.payments.guidance import AccountListRecord, GuidanceChannel
from counter_app.domain.payments.search import ClauseKind, SearchClause
from counter_app.store.account_list.build import AccountListBuilder, sweep
from counter_app.store.account_list.reader import AccountListFile
from counter_app.store.payments import AccountListsRepository, GuidanceRepository
from counter_app.store.sqlite.connection import SqliteSql, open_hall_db, write
from counter_app.store.sqlite.migrations import applied_names

AT = datetime.fromisoformat("2026-11-02T09:30:00+08:00")


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    database = open_hall_db(tmp_path / "hall.sqlite3", create=True)
    yield database
    database.close()


def account(number: str, name: str = "张三", **changes: object) -> Account:
    values: dict[str, object] = dict(
        number=number,
        name=name,
        address="科尔沁区建国路1号",
        phone="13812345678",
        balance=Decimal("-12.30"),
        due_date=date(2026, 11, 25),
        as_of=date(2026, 10, 31),
        withholding=WithholdingStatus.NOT_SIGNED,
    )
    values.update(changes)
    return Account(**values)  # type: ignore[arg-type]


def build(folder: Path, accounts: list[Account], base: Path | None = None, uuid: str = "a") -> Path:
    builder = AccountListBuilder(folder, uuid)
    builder.add([account_values(i + 2, a) for i, a in enumerate(accounts)])
    return builder.finish(base, date(2026, 10, 31), {}, lambda _: None).path


def test_the_migration_creates_the_tables(db: sqlite_utils.Database) -> None:
    assert "0003_accounts" in applied_names(db)
    tables = set(db.table_names())
    assert {"account_lists", "payment_guidance", "payment_guidance_channels"} <= tables


def test_one_live_list_at_most_and_counts_that_add_up(db: sqlite_utils.Database) -> None:
    lists = AccountListsRepository(SqliteSql(db))
    draft = AccountListRecord(0, "u1", "accounts-u1.sqlite3", True, "a.csv", None, 3, 3, 0, 0, 0, "", "", AT)
    with write(db):
        lists.make_live(draft)
    with write(db):
        lists.make_live(
            AccountListRecord(0, "u2", "accounts-u2.sqlite3", True, "b.csv", None, 3, 1, 2, 0, 0, "", "", AT)
        )
    assert [(r.uuid, r.live) for r in lists.history()] == [("u2", True), ("u1", False)]
    with pytest.raises(sqlite3.IntegrityError):  # the partial unique index: never two live lists
        db.execute("UPDATE account_lists SET live = 1")
    with pytest.raises(sqlite3.IntegrityError):  # accounts = inserted + updated + kept
        db.execute("UPDATE account_lists SET accounts = 99 WHERE uuid = 'u1'")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("UPDATE account_lists SET file = '../../etc/passwd' WHERE uuid = 'u1'")
    assert lists.superseded_files() == {"accounts-u1.sqlite3"}


def test_guidance_rows_are_append_only_and_checked(db: sqlite_utils.Database) -> None:
    repo = GuidanceRepository(SqliteSql(db))
    with write(db):
        record = repo.add(
            account_number="0123456789",
            list_id=None,
            channels=[
                GuidanceChannel("wsgw", True, "https://www.95598.cn/"),
                GuidanceChannel("agent_outlet", False),
            ],
            withholding_guidance=True,
            clerk="王丽",
            counter=1,
            ticket_id=None,
            ticket_number="",
            business_day=date(2026, 11, 2),
            at=AT,
        )
    assert repo.get(record.id) == record and record.online
    assert [c.code for c in record.channels] == ["wsgw", "agent_outlet"]
    outbox = db.execute("SELECT topic, payload FROM outbox").fetchall()
    assert [row[0] for row in outbox] == ["payments"] and '"account_number":"0123456789"' in outbox[0][1]
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE payment_guidance SET clerk = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM payment_guidance")
    bad = [
        ("12a4567890", "[^0-9]"),  # not digits
        ("", "length"),
    ]
    for number, _ in bad:
        with pytest.raises(sqlite3.IntegrityError):
            db.execute(
                """INSERT INTO payment_guidance (uuid, account_number, on_record, online_channels,
                          withholding_guidance, clerk, business_day, at)
                          VALUES (?, ?, 0, 0, 0, '', '2026-11-02', '')""",
                [number + "u", number],
            )
    with pytest.raises(sqlite3.IntegrityError):  # on record means: from a list
        db.execute("""INSERT INTO payment_guidance (uuid, account_number, on_record, online_channels,
                      withholding_guidance, clerk, business_day, at)
                      VALUES ('x', '0123456789', 1, 0, 0, '', '2026-11-02', '')""")


def test_the_supervisors_figure(db: sqlite_utils.Database) -> None:
    repo = GuidanceRepository(SqliteSql(db))
    shown = [
        ("0000000001", ["wsgw", "wechat"]),
        ("0000000001", ["wsgw"]),
        ("0000000002", ["agent_outlet"]),
        ("0000000003", ["alipay"]),
    ]
    for day, (number, codes) in zip((2, 2, 2, 3), shown, strict=True):
        with write(db):
            repo.add(
                account_number=number,
                list_id=None,
                channels=[GuidanceChannel(c, c != "agent_outlet") for c in codes],
                withholding_guidance=False,
                clerk="王丽",
                counter=1,
                ticket_id=None,
                ticket_number="",
                business_day=date(2026, 11, day),
                at=AT,
            )
    one_day = repo.figures(date(2026, 11, 2), date(2026, 11, 2))
    assert (one_day.guidance, one_day.payers, one_day.payers_online) == (3, 2, 1)
    assert one_day.by_channel == {"wsgw": 2, "agent_outlet": 1, "wechat": 1}
    both = repo.figures(date(2026, 11, 1), date(2026, 11, 3))
    assert (both.guidance, both.payers, both.payers_online) == (4, 3, 2)


def test_a_list_file_is_read_only_and_immutable(tmp_path: Path) -> None:
    path = build(tmp_path, [account("0123456789"), account("0123456790", name="李四")])
    listed = AccountListFile(path)
    assert listed.count() == 2 and listed.meta["accounts"] == "2"
    found = listed.get("0123456789")
    assert found is not None and found.balance == Decimal("-12.30") and found.name == "张三"
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        listed.conn.execute("DELETE FROM accounts")
    listed.close()


def test_ids_are_the_search_rank_and_derived_columns_are_filled(tmp_path: Path) -> None:
    names = ["王五", "李四", "Li", "张三丰", "李四", "阿", "Zhang San", "张 三"]
    phones = ["13812345678", "", "123", "04758123456"]
    path = build(
        tmp_path,
        [
            account(f"01234567{i:02d}", name=n, phone=phones[i % 4])
            for i, n in reversed(list(enumerate(names)))
        ],
    )
    conn = sqlite3.connect(path)
    ranked = conn.execute("SELECT id FROM accounts ORDER BY name_len, name_key, number").fetchall()
    assert [r[0] for r in ranked] == list(range(1, len(names) + 1))
    rows = conn.execute("SELECT phone, phone_last4, name_key, name_len, address_key FROM accounts").fetchall()
    for phone, last4, name_key, name_len, address_key in rows:
        assert last4 == (phone[-4:] if len(phone) >= 4 else "") and name_len == len(name_key)
        assert address_key == "科尔沁区建国路1号"
    conn.close()


def test_constraints_of_the_list_file(tmp_path: Path) -> None:
    path = build(tmp_path, [account("0123456789")])
    conn = sqlite3.connect(path)
    row = "(99, '0123456780', 'n', '', ?, ?, '', 0, NULL, NULL, 'unknown', 'n', ?, '', NULL)"
    for phone, last4, name_len in (("13x", "", 1), ("13812345678", "0000", 1), ("", "", 5)):
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(f"INSERT INTO accounts VALUES {row}", [phone, last4, name_len])
    with pytest.raises(sqlite3.IntegrityError):  # a withholding status the domain does not know
        conn.execute(f"INSERT INTO accounts VALUES {row.replace('unknown', 'maybe')}", ["", "", 1])
    with pytest.raises(sqlite3.IntegrityError):  # one row per 户号
        conn.execute(f"INSERT INTO accounts VALUES {row.replace('0123456780', '0123456789')}", ["", "", 1])
    conn.close()


@pytest.mark.parametrize(
    ("kind", "value", "index"),
    [
        (ClauseKind.ACCOUNT_EXACT, "0123456789", "accounts_number"),
        (ClauseKind.ACCOUNT_PREFIX, "0123", "accounts_number"),
        (ClauseKind.PHONE_EXACT, "13812345678", "accounts_phone"),
        (ClauseKind.PHONE_LAST4, "5678", "accounts_phone_last4"),
        (ClauseKind.NAME_EXACT, "张三", "accounts_name"),
        (ClauseKind.NAME_PREFIX, "张", "accounts_name"),
        (ClauseKind.NAME_FRAGMENT, "张三丰", "name_grams"),
        (ClauseKind.ADDRESS_FRAGMENT, "建国路", "address_grams"),
    ],
)
def test_every_lookup_kind_is_an_index_read(tmp_path: Path, kind: ClauseKind, value: str, index: str) -> None:
    """No kind scans the table: each statement the lookup runs names an index or a full-text table."""
    path = build(tmp_path, [account(f"01234567{i:02d}", name="张三" if i % 2 else "李四") for i in range(40)])
    listed = AccountListFile(path)
    plans: list[str] = []
    listed.conn.set_trace_callback(lambda sql: plans.append(sql))
    listed.search(SearchClause(kind, value), 5)
    listed.conn.set_trace_callback(None)
    statements = [s for s in plans if s.lstrip().upper().startswith("SELECT")]
    assert statements
    for statement in statements:
        plan = " ".join(str(r[3]) for r in listed.conn.execute("EXPLAIN QUERY PLAN " + statement))
        assert "SCAN accounts" not in plan, (statement, plan)
    assert any(
        index in " ".join(str(r[3]) for r in listed.conn.execute("EXPLAIN QUERY PLAN " + s))
        for s in statements
    )
    listed.close()


def test_a_merge_keeps_the_base_accounts_the_import_does_not_mention(tmp_path: Path) -> None:
    base = build(tmp_path, [account("0000000001", name="甲"), account("0000000002", name="乙")], uuid="base")
    builder = AccountListBuilder(tmp_path, "next")
    builder.add(
        [account_values(2, account("0000000002", name="乙改")), account_values(3, account("0000000003"))]
    )
    built = builder.finish(base, None, {}, lambda _: None)
    assert (built.inserted, built.updated, built.kept, built.accounts) == (1, 1, 1, 3)
    listed = AccountListFile(built.path)
    assert [listed.get(n).name for n in ("0000000001", "0000000002", "0000000003")] == ["甲", "乙改", "张三"]  # type: ignore[union-attr]
    listed.close()


def test_discard_leaves_nothing_and_sweep_spares_recent_unknown_files(tmp_path: Path) -> None:
    builder = AccountListBuilder(tmp_path, "gone")
    builder.add([account_values(2, account("0123456789"))])
    builder.discard()
    assert list(tmp_path.iterdir()) == []
    live = build(tmp_path, [account("0123456789")], uuid="live")
    old = build(tmp_path, [account("0123456789")], uuid="old")
    stale = tmp_path / "accounts-crashed.sqlite3.part"
    stale.write_bytes(b"x")
    os.utime(stale, (time.time() - 7 * 3600,) * 2)
    recent = tmp_path / "accounts-running.sqlite3.part"
    recent.write_bytes(b"x")
    removed = sweep(tmp_path, live.name, {old.name})
    assert sorted(removed) == sorted([old.name, stale.name])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, recent.name])


def test_an_unwritable_folder_is_the_environment(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("in the way")
    with pytest.raises(StoreUnavailable):
        AccountListBuilder(blocker / "accounts", "x")


def test_a_builder_that_cannot_start_leaves_no_file(tmp_path: Path) -> None:
    (tmp_path / "accounts-x.sqlite3.scratch").mkdir()  # the scratch file cannot be created
    with pytest.raises(StoreUnavailable):
        AccountListBuilder(tmp_path, "x")
    assert [p.name for p in tmp_path.iterdir()] == ["accounts-x.sqlite3.scratch"]
