"""A damaged row in the live account list (issue #12): the STRICT table checks what is written, not
what a flipped byte turns it into. ``PRAGMA quick_check`` at open sees such rows, so the whole list is
refused plainly ("the account list file is damaged; import it again"), never a traceback and never "no
record" (a walk-in by mistake); a row damaged in a way the check misses is left out of the hits
(``readable_account``)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from payment_data import account_line, account_number, payment_profile, write_list

from counter_app import app
from counter_app.domain.errors import HallError
from counter_app.services.hall import Hall
from counter_app.store.account_list import accounts_folder
from counter_app.store.account_list.reader import readable_account
from counter_app.store.sqlite.schema_accounts import ACCOUNT_VALUE_COLUMNS

DAMAGE = {  # account index: the damage done to its row
    1: "balance_fen = 'garbage'",
    2: "phone = 3.5",
    3: "name = NULL",
    4: "withholding = X'00ff'",
    5: "due_date = '2026-99-99'",
    6: "withholding = 'maybe'",
    7: "balance_fen = 1.5, as_of = 20261031",
}


def damage(list_file: Path) -> None:
    """Rewrite rows past the table's checks (as a disk error would), then put the schema back."""
    conn = sqlite3.connect(list_file)
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'accounts'").fetchone()[0]
    columns = re.findall(r"^\s+(\w+) (?:INTEGER|TEXT)", sql, re.M)
    typeless = [c + (" INTEGER PRIMARY KEY" if c == "id" else "") for c in columns]
    loose = f"CREATE TABLE accounts ({', '.join(typeless)})"
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'accounts'", [loose])
    conn.commit()
    conn.close()
    conn = sqlite3.connect(list_file)
    for i, change in DAMAGE.items():
        conn.execute(f"UPDATE accounts SET {change} WHERE number = ?", [account_number(i)])
    conn.commit()
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'accounts'", [sql])
    conn.commit()
    conn.close()


@pytest.fixture
def damaged_hall(tmp_path: Path) -> Callable[[], Hall]:
    profile = payment_profile(tmp_path / "profile")
    db = tmp_path / "hall.sqlite3"
    hall = app.open_hall(db, profile_file=profile, create=True)
    hall.account_import.run(write_list(tmp_path / "list.csv", [account_line(i) for i in range(10)]))
    hall.close()
    (list_file,) = accounts_folder(db).glob("accounts-*.sqlite3")
    damage(list_file)
    opened: list[Hall] = []

    def open_again() -> Hall:
        opened.append(app.open_hall(db))
        return opened[-1]

    yield open_again  # type: ignore[misc]
    for each in opened:
        each.close()


@pytest.mark.parametrize("i", sorted(DAMAGE))
def test_asking_for_a_damaged_account_is_a_plain_refusal(damaged_hall: Callable[[], Hall], i: int) -> None:
    hall = damaged_hall()
    with pytest.raises(HallError) as caught:
        hall.accounts.lookup(account_number(i))
    assert caught.value.code == "account_list_damaged" and "import the account list again" in str(
        caught.value
    )
    with pytest.raises(HallError):
        hall.payments.record(account_number(i), ["wechat"], clerk="0107")
    assert hall.payments.figures().guidance == 0


def test_a_search_leaves_out_the_damaged_rows_and_finds_the_rest(damaged_hall: Callable[[], Hall]) -> None:
    hall = damaged_hall()
    with pytest.raises(HallError) as caught:
        hall.accounts.find("建国路", limit=50)
    assert caught.value.code == "account_list_damaged"
    (list_file,) = accounts_folder(hall.path).glob("accounts-*.sqlite3")
    with sqlite3.connect(list_file) as conn:  # the rows as the damage left them: only sound ones read
        rows = conn.execute(f"SELECT {ACCOUNT_VALUE_COLUMNS} FROM accounts ORDER BY number").fetchall()
    readable = {a.number for a in map(readable_account, rows) if a is not None}
    assert readable == {account_number(i) for i in (0, 8, 9)}
