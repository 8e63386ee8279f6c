"""Finding accounts as the clerk types: each kind of query, the domain's ranking, freshness, and a list
imported by another process noticed on the next search."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from payment_data import account_line, account_number, accounts_file, write_list

from counter_app.domain.errors import InvalidInput, NotFound
from counter_app.domain.payments.accounts import Account
from counter_app.domain.payments.guidance import freshness
from counter_app.domain.payments.search import ClauseKind, classify_query, rank_accounts
from counter_app.services.hall import Hall
from counter_app.store.account_list import accounts_folder

NAMES = ["王伟", "王伟", "王伟东", "张伟", "欧阳伟明", "李建国", "伟大", "吉𠮷", "John Smith", "王"]


@pytest.fixture
def city(hall: Hall, tmp_path: Path) -> Hall:
    lines = [
        account_line(
            i, name=name, address=f"科尔沁区{'建国路' if i % 2 else '和平街'}{i}号", phone=f"1391234{i:04d}"
        )
        for i, name in enumerate(NAMES)
    ]
    lines.append(account_line(50, name="赵六", phone="0475-8123456", address="开鲁县胜利小区"))
    lines.append(account_line(51, name="钱七", phone="", address="奈曼旗"))
    hall.account_import.run(write_list(tmp_path / "city.csv", lines))
    return hall


def found(hall: Hall, text: str, limit: int = 20) -> list[tuple[str, str]]:
    return [(h.account.number, h.clause.kind.value) for h in hall.accounts.find(text, limit=limit).hits]


def test_exact_account_number(city: Hall) -> None:
    assert found(city, account_number(3)) == [(account_number(3), "account_exact")]
    assert found(city, " 0500-0000-03 ") == [(account_number(3), "account_exact")]


def test_account_prefix_in_number_order(city: Hall) -> None:
    assert found(city, "050000000") == [(account_number(i), "account_prefix") for i in range(10)]
    assert [n for n, _ in found(city, "0500000", limit=3)] == [account_number(i) for i in range(3)]


def test_phone_full_and_last_four(city: Hall) -> None:
    assert found(city, "13912340004") == [(account_number(4), "phone_exact")]
    assert found(city, "+86 139 1234 0004") == [(account_number(4), "phone_exact")]
    assert found(city, "04758123456") == [(account_number(50), "phone_exact")]
    assert found(city, "0007") == [(account_number(7), "phone_last4")]
    assert found(city, "3456") == [(account_number(50), "phone_last4")]


def test_the_last_four_digits_of_an_account_number(city: Hall) -> None:
    """Read off a bill or a receipt; after a phone's last four, which customers say more often."""
    assert found(city, account_number(51)[-4:]) == [(account_number(51), "account_last4")]
    assert found(city, "0007") == [(account_number(7), "phone_last4")]  # one account, found once


def test_a_list_imported_before_the_last_four_index_still_answers(
    city: Hall, make_hall: Callable[..., Hall]
) -> None:
    """A live list of format 1 (no index of the last four digits) is read in 户号 order instead."""
    live = city.accounts.live_list()
    assert live is not None
    path = accounts_folder(city.path) / live.file
    city.close()
    conn = sqlite3.connect(path)
    conn.execute("DROP INDEX accounts_number_last4")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    again = make_hall(city.path)
    assert found(again, account_number(51)[-4:]) == [(account_number(51), "account_last4")]


def test_a_phones_first_digits_in_phone_order(city: Hall) -> None:
    """What a customer says first: 139 1234 …; every phone that starts so, in phone-book order."""
    assert found(city, "1391234000") == [(account_number(i), "phone_prefix") for i in range(10)]
    assert found(city, "139 1234 0004")[:1] == [(account_number(4), "phone_exact")]
    assert found(city, "0475812") == [(account_number(50), "phone_prefix")]
    assert [n for n, _ in found(city, "13912340", limit=3)] == [account_number(i) for i in range(3)]


def test_names_rank_exact_then_prefix_then_contains_then_address(city: Hall) -> None:
    result = found(city, "王伟")
    assert result == [
        (account_number(0), "name_exact"),
        (account_number(1), "name_exact"),
        (account_number(2), "name_prefix"),
    ]
    assert found(city, "伟") == [
        (account_number(6), "name_prefix"),
        (account_number(3), "name_fragment"),  # shorter names first, then by name: 张 < 王
        (account_number(0), "name_fragment"),
        (account_number(1), "name_fragment"),
        (account_number(2), "name_fragment"),
        (account_number(4), "name_fragment"),
    ]
    assert found(city, "𠮷") == [(account_number(7), "name_fragment")]
    assert found(city, "smith") == [(account_number(8), "name_fragment")]


def test_address_fragment(city: Hall) -> None:
    assert found(city, "胜利小区") == [(account_number(50), "address_fragment")]
    # ranked by the holder's name: shorter first, then by name (吉 < 张 < 王), then 户号
    assert found(city, "建国路") == [(account_number(i), "address_fragment") for i in (9, 7, 3, 1, 5)]
    assert found(city, "和平街8") == [(account_number(8), "address_fragment")]


def test_too_short_or_empty_finds_nothing(city: Hall) -> None:
    for text in ("", "  ", "12", "050", "%", "_"):
        result = city.accounts.find(text)
        assert result.hits == () and not result.more


def test_limit_and_more(city: Hall) -> None:
    result = city.accounts.find("0500000", limit=4)
    assert len(result.hits) == 4 and result.more
    with pytest.raises(InvalidInput):
        city.accounts.find("王", limit=0)


def test_card_masks_nothing_but_carries_its_date(city: Hall, clock: object) -> None:
    card = city.accounts.card(account_number(5))
    assert card.account.name == "李建国" and card.freshness.as_of == date(2026, 10, 31)
    with pytest.raises(NotFound) as missing:
        city.accounts.card("0999999999")
    assert missing.value.code == "account_not_found"
    with pytest.raises(InvalidInput) as bad:
        city.accounts.card("12345")
    assert bad.value.code == "account_number_length" and bad.value.field == "account_number"


def test_freshness_marks_old_and_undated_figures() -> None:
    today = date(2026, 11, 5)
    assert freshness(today - timedelta(days=3), today, 3).stale is False
    old = freshness(today - timedelta(days=4), today, 3)
    assert (old.stale, old.age_days) == (True, 4)
    assert freshness(None, today, 3).stale is True


def test_no_list_yet(hall: Hall) -> None:
    assert hall.accounts.find("王伟").hits == ()
    assert hall.accounts.lookup("0123456789") is None
    with pytest.raises(NotFound) as none:
        hall.accounts.card("0123456789")
    assert none.value.code == "account_list_none"


def test_another_process_import_is_seen_on_the_next_search(
    make_hall: Callable[..., Hall], tmp_path: Path
) -> None:
    counter, office = make_hall(), make_hall()
    office.account_import.run(accounts_file(tmp_path / "a.csv", 2, arrears="1.00"))
    assert counter.accounts.card(account_number(0)).account.arrears == 1
    office.account_import.run(accounts_file(tmp_path / "b.csv", 2, arrears="2.00"))
    assert counter.accounts.card(account_number(0)).account.arrears == 2


def test_a_missing_list_file_says_import_again(city: Hall) -> None:
    city.accounts.close()
    for path in accounts_folder(city.path).iterdir():
        path.unlink()
    with pytest.raises(NotFound) as missing:
        city.accounts.find("王伟")
    assert missing.value.code == "account_list_missing"


# ------------------------------------------------------------------------------------ against the domain

CHARS = "王伟张𠮷aB 1"  # few characters: names share prefixes and fragments, so order within a tier counts
names = st.text(alphabet=CHARS, min_size=1, max_size=4).filter(lambda s: s.strip() != "")


def a_query(draw: st.DrawFn, data: list[tuple[str, str]]) -> str:
    """What a clerk types about one of the accounts: part of its name or address, a 户号 prefix, a phone."""
    i = draw(st.integers(0, len(data) - 1))
    kind = draw(st.sampled_from(["name", "address", "number", "phone", "free"]))
    if kind in ("name", "address"):
        text = data[i][0 if kind == "name" else 1]
        start = draw(st.integers(0, len(text) - 1))
        return text[start : draw(st.integers(start + 1, len(text)))]
    if kind == "number":
        return draw(st.sampled_from([account_number(i)[: draw(st.integers(4, 10))], account_number(i)[-4:]]))
    if kind == "phone":
        return draw(st.sampled_from([phone(i), phone(i)[-4:], phone(i)[: draw(st.integers(4, 10))]]))
    return draw(st.text(alphabet=CHARS, min_size=1, max_size=3))


def phone(i: int) -> str:
    return f"1381234{i:04d}"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.lists(st.tuples(names, names), min_size=1, max_size=25), draw=st.data(), limit=st.integers(1, 8)
)
def test_the_store_ranks_exactly_as_the_domain_says(
    make_hall: Callable[..., Hall],
    tmp_path_factory: pytest.TempPathFactory,
    data: list[tuple[str, str]],
    draw: st.DataObject,
    limit: int,
) -> None:
    query = a_query(draw.draw, data)
    folder = tmp_path_factory.mktemp("rank")
    hall = make_hall(folder / "hall.sqlite3")
    lines = [account_line(i, name=n, address=a, phone=phone(i)) for i, (n, a) in enumerate(data)]
    hall.account_import.run(write_list(folder / "list.csv", lines))
    accounts = [hall.accounts.card(account_number(i)).account for i in range(len(data))]
    expected = rank_accounts(accounts, classify_query(query), limit)
    result = hall.accounts.find(query, limit=limit)
    assert [(h.account.number, h.tier) for h in result.hits] == [(h.account.number, h.tier) for h in expected]
    assert all(isinstance(h.account, Account) and h.clause.kind in ClauseKind for h in result.hits)


@pytest.mark.parametrize("short_terms", [300, 0], ids=["term-lookup", "scan"])
def test_every_short_query_over_a_crowded_list_ranks_as_the_domain_says(
    hall: Hall, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, short_terms: int
) -> None:
    """Many names sharing characters, every query of one to three of them, several limits; both ways of
    serving a one- or two-character fragment (trigram terms, or a scan in rank order)."""
    monkeypatch.setattr("counter_app.store.account_list.reader.MAX_SHORT_TERMS", short_terms)
    alphabet = "王伟张a"
    crowd = [alphabet[i % 4] + alphabet[(i // 4) % 4] + alphabet[(i // 16) % 4] * (i % 3) for i in range(64)]
    lines = [account_line(i, name=n, address=crowd[-i - 1] + "路") for i, n in enumerate(crowd)]
    hall.account_import.run(write_list(tmp_path / "crowd.csv", lines))
    accounts = [hall.accounts.card(account_number(i)).account for i in range(len(crowd))]
    queries = [a + b + c for a in alphabet for b in ["", *alphabet] for c in ["", *alphabet] if b or not c]
    for query in queries:
        for limit in (1, 3, 50):
            expected = rank_accounts(accounts, classify_query(query), limit)
            result = hall.accounts.find(query, limit=limit)
            assert [(h.account.number, h.tier) for h in result.hits] == [
                (h.account.number, h.tier) for h in expected
            ], (query, limit)
