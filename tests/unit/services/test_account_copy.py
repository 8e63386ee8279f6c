"""Each PC's own copy of the hall's account list (services/payments/account_copy.py), on a real
hall server: fetched once, checked against its SHA-256, searched locally while the server is away."""

from __future__ import annotations

import hashlib

import psycopg
import pytest
from link_fixtures import Pcs
from payment_data import account_line, account_number, accounts_file, write_list

from counter_app.domain.errors import RuleViolation, StoreUnavailable
from counter_app.services.payments.account_copy import copy_live_list


def test_an_import_is_shelved_with_its_digest_and_copied_once(pcs: Pcs) -> None:
    one = pcs.up("counter-1")
    source = accounts_file(pcs.folder / "list.csv", 30)
    summary = one.run(lambda h: h.account_import.run(source))
    built = pcs.folder / "counter-1.sqlite3.accounts" / f"accounts-{summary.list_uuid}.sqlite3"
    [(sha, size, chunks)] = pcs.rows(
        "SELECT l.file_sha256, l.file_bytes, "
        "(SELECT count(*) FROM account_list_chunks c WHERE c.list_id = l.id) "
        "FROM account_lists l WHERE l.live = 1"
    )
    assert (
        sha == hashlib.sha256(built.read_bytes()).hexdigest() and size == built.stat().st_size and chunks >= 1
    )

    two = pcs.up("counter-2")  # copies the list on reaching the server
    copy = pcs.folder / "counter-2.sqlite3.accounts" / built.name
    assert copy.read_bytes() == built.read_bytes()
    assert two.link.server is not None
    again = copy_live_list(two.link.server.store, two.link.local)
    assert (again.list_uuid, again.fetched, again.in_use) == (summary.list_uuid, False, True)

    # a second import replaces the first on the shelf: only the live list is kept there
    one.run(lambda h: h.account_import.run(accounts_file(pcs.folder / "more.csv", 40)))
    assert pcs.rows("SELECT count(DISTINCT list_id) FROM account_list_chunks") == [(1,)]
    fetched = copy_live_list(two.link.server.store, two.link.local)
    assert fetched.fetched and fetched.size > 0
    assert not copy.exists()  # the superseded copy is swept from counter-2's folder


def test_a_damaged_copy_is_never_searched(pcs: Pcs) -> None:
    one = pcs.up("counter-1")
    first = write_list(pcs.folder / "first.csv", [account_line(1, name="张三明")])
    one.run(lambda h: h.account_import.run(first))
    pcs.up("counter-2").close()  # counter-2 has the first list
    one.run(lambda h: h.account_import.run(accounts_file(pcs.folder / "second.csv", 20)))
    with psycopg.connect(pcs.dsn) as conn:  # the server's copy damaged on its disk
        conn.execute("UPDATE account_list_chunks SET data = overlay(data placing '\\x00'::bytea from 100)")

    two = pcs.up("counter-2")
    assert two.link.server is not None
    with pytest.raises(StoreUnavailable) as damaged:
        copy_live_list(two.link.server.store, two.link.local)
    assert damaged.value.reason == "io" and "damaged" in str(damaged.value)
    folder = pcs.folder / "counter-2.sqlite3.accounts"
    assert not list(folder.glob("*.part"))
    two.close()
    # cut off, counter-2 still searches the list it had, whole
    cut = pcs.cut("counter-2")
    found = cut.run(lambda h: h.accounts.find("张三明"))
    assert [h.account.number for h in found.hits] == [account_number(1)]
    assert found.account_list is not None and found.account_list.accounts == 1


def test_a_pc_alone_cannot_import_the_halls_list(pcs: Pcs) -> None:
    one = pcs.up("counter-1")
    one.run(lambda h: h.account_import.run(accounts_file(pcs.folder / "first.csv", 5)))
    one.close()
    cut = pcs.cut("counter-1")
    before = cut.run(lambda h: h.accounts.live_list())
    with pytest.raises(RuleViolation) as refused:
        cut.run(lambda h: h.account_import.run(accounts_file(pcs.folder / "second.csv", 9)))
    assert refused.value.code == "offline_import_needs_server"
    assert cut.run(lambda h: h.accounts.live_list()) == before is not None
    assert cut.link_status().pending == 0
