"""The audit hash chain: every kind of tampering is found at the right row; a whole trail passes."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.audit_trail import (
    GENESIS,
    AuditValue,
    ChainedRow,
    Link,
    Problem,
    canonical,
    link,
    next_link,
    verify,
)
from counter_app.domain.errors import InvalidInput


def audit_fields(n: int) -> dict[str, AuditValue]:
    return {
        "at": f"2026-03-02T09:{n:02d}:00+08:00",
        "clerk": "0107" if n % 2 else "张敏",
        "action": "ticket.call",
        "ref_id": n,
        "detail": f"A{n:03d} → counter 3 𠮷",
        "unmasked": n % 3 == 0,
        "note": None,
    }


def trail(count: int) -> list[ChainedRow]:
    rows, head = [], GENESIS
    for n in range(count):
        fields = audit_fields(n)
        head = next_link(head, fields)
        rows.append(ChainedRow(head.seq, fields, head.hash))
    return rows


def rehash_from(rows: list[ChainedRow], index: int) -> list[ChainedRow]:
    """What a forger does after an edit: recompute every later hash so the chain is whole again."""
    out = rows[:index]
    head = Link(out[-1].seq, out[-1].hash) if out else GENESIS
    for row in rows[index:]:
        new = Link(row.seq, link(head.hash, row.seq, row.fields))
        out.append(dataclasses.replace(row, hash=new.hash))
        head = new
    return out


def head_of(rows: list[ChainedRow]) -> Link:
    return Link(rows[-1].seq, rows[-1].hash)


# --- the form ------------------------------------------------------------------------------------


def test_canonical_form_is_sorted_compact_utf8_json() -> None:
    data = canonical(7, {"b": "吉𠮷", "a": 1, "c": None, "d": True})
    assert data == '[7,{"a":1,"b":"吉𠮷","c":null,"d":1}]'.encode()


def test_booleans_hash_as_integers_so_sqlite_and_postgresql_agree() -> None:
    assert link(GENESIS.hash, 1, {"unmasked": True}) == link(GENESIS.hash, 1, {"unmasked": 1})


def test_the_link_formula() -> None:
    fields = {"action": "x"}
    expected = hashlib.sha256(
        b"counter-app audit v1\n" + b"0" * 64 + b"\n" + b'[1,{"action":"x"}]'
    ).hexdigest()
    assert link(GENESIS.hash, 1, fields) == expected
    assert next_link(GENESIS, fields) == Link(1, expected)


@pytest.mark.parametrize("value", [1.5, b"bytes", ["list"], {"nested": 1}, object()])
def test_values_that_do_not_survive_every_engine_are_refused(value: object) -> None:
    with pytest.raises(TypeError):
        canonical(1, {"x": value})  # type: ignore[dict-item]


def test_text_that_is_not_unicode_is_refused() -> None:
    with pytest.raises(ValueError):
        canonical(1, {"x": "\udc80"})


def test_every_field_and_the_position_count() -> None:
    base = link(GENESIS.hash, 1, {"a": "1"})
    assert base != link(GENESIS.hash, 2, {"a": "1"})
    assert base != link(GENESIS.hash, 1, {"a": 1})
    assert base != link(GENESIS.hash, 1, {"a": "1", "b": None})
    assert base != link("f" * 64, 1, {"a": "1"})


def test_an_anchor_as_text_and_back() -> None:
    anchor = head_of(trail(3))
    assert anchor.text == f"3:{anchor.hash}" and Link.parse(f" {anchor.text}\n") == anchor


@pytest.mark.parametrize(
    "text", ["", "3", "3:", "x:" + "a" * 64, "3:" + "A" * 64, "3:" + "a" * 63, "-3:" + "a" * 64]
)
def test_a_damaged_anchor_is_refused(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        Link.parse(text)
    assert caught.value.code == "bad_anchor"


# --- a whole trail --------------------------------------------------------------------------------


def test_a_whole_trail_passes_and_gives_its_head() -> None:
    rows = trail(50)
    verdict = verify(rows)
    assert verdict.ok and verdict.checked == 50 and verdict.head == head_of(rows)
    assert verify(rows, anchor=head_of(rows)).ok
    assert verify(rows, anchor=Link(20, rows[19].hash)).ok  # an older anchor on the way


def test_an_empty_trail_is_whole_until_an_anchor_says_rows_were_written() -> None:
    assert verify([]).ok and verify([]).head == GENESIS
    verdict = verify([], anchor=Link(3, "a" * 64))
    assert not verdict.ok and verdict.problem is Problem.TRUNCATED


def test_verifying_from_an_earlier_anchor_checks_only_the_rest() -> None:
    rows = trail(30)
    verdict = verify(rows[20:], start=Link(20, rows[19].hash))
    assert verdict.ok and verdict.checked == 10 and verdict.head == head_of(rows)


def test_verify_reads_a_stream() -> None:
    def stream() -> Iterator[ChainedRow]:
        yield from trail(10)

    assert verify(stream()).ok


# --- tampering -----------------------------------------------------------------------------------


def test_an_edited_row_is_found() -> None:
    rows = trail(20)
    rows[7] = dataclasses.replace(rows[7], fields={**rows[7].fields, "clerk": "9999"})
    verdict = verify(rows)
    assert not verdict.ok and verdict.problem is Problem.EDITED and verdict.seq == 8
    assert verdict.checked == 7 and verdict.head == Link(7, rows[6].hash)


def test_an_edited_hash_is_found() -> None:
    rows = trail(5)
    rows[2] = dataclasses.replace(rows[2], hash="0" * 64)
    assert verify(rows).seq == 3


def test_an_edit_with_the_rest_rehashed_is_found_by_the_anchor() -> None:
    rows = trail(20)
    anchor = head_of(rows)
    rows[7] = dataclasses.replace(rows[7], fields={**rows[7].fields, "action": "application.withdraw"})
    forged = rehash_from(rows, 7)
    assert verify(forged).ok  # without an anchor a full rewrite is consistent…
    verdict = verify(forged, anchor=anchor)  # …but it does not reach the anchor
    assert not verdict.ok and verdict.problem is Problem.REWRITTEN and verdict.seq == 20


def test_an_edit_with_only_its_own_hash_recomputed_breaks_the_next_row() -> None:
    rows = trail(10)
    rows[3] = dataclasses.replace(rows[3], fields={**rows[3].fields, "ref_id": 999})
    rows[3] = dataclasses.replace(rows[3], hash=link(rows[2].hash, 4, rows[3].fields))
    verdict = verify(rows)
    assert verdict.problem is Problem.EDITED and verdict.seq == 5


def test_a_deleted_row_is_found() -> None:
    rows = trail(20)
    del rows[7]
    verdict = verify(rows)
    assert verdict.problem is Problem.DELETED and verdict.seq == 9 and "8" in verdict.message


def test_the_first_row_deleted_is_found() -> None:
    verdict = verify(trail(5)[1:])
    assert verdict.problem is Problem.DELETED and verdict.seq == 2


def test_a_deleted_row_with_the_rest_renumbered_is_found() -> None:
    rows = trail(10)
    del rows[4]
    renumbered = [dataclasses.replace(r, seq=i + 1) for i, r in enumerate(rows)]
    verdict = verify(renumbered)
    assert not verdict.ok and verdict.seq == 5


@pytest.mark.parametrize("forge_hash", [True, False])
def test_an_inserted_row_is_found(forge_hash: bool) -> None:
    rows = trail(10)
    fields: dict[str, AuditValue] = {"action": "application.accept", "clerk": "9999"}
    # squeezed in between seq 4 and 5 under a seq of its own (the store's seq is only an integer)
    intruder = ChainedRow(5, fields, link(rows[3].hash, 5, fields) if forge_hash else "1" * 64)
    later = [dataclasses.replace(r, seq=r.seq + 1) for r in rows[4:]]
    verdict = verify([*rows[:4], intruder, *later])
    # renumbering changed the later rows' hashed seq: the first broken link is the intruder's (its hash
    # is junk) or the real row after it (the intruder links, the real row no longer does)
    assert not verdict.ok and verdict.problem is Problem.EDITED
    assert verdict.seq == (6 if forge_hash else 5)


def test_an_inserted_row_whose_neighbours_keep_their_seq_is_named_inserted() -> None:
    rows = trail(10)
    fields: dict[str, AuditValue] = {"action": "x"}
    intruder = ChainedRow(5, fields, "2" * 64)  # same seq as the real row 5, read first
    verdict = verify([*rows[:4], intruder, *rows[4:]])
    assert verdict.problem is Problem.INSERTED and verdict.seq == 5


def test_rows_read_out_of_order_are_found() -> None:
    rows = trail(10)
    rows[3], rows[4] = rows[4], rows[3]
    verdict = verify(rows)
    assert not verdict.ok and verdict.problem in (Problem.DELETED, Problem.REORDERED)


def test_two_rows_swapping_their_content_are_found() -> None:
    rows = trail(10)
    a, b = rows[3], rows[4]
    rows[3] = dataclasses.replace(a, fields=b.fields)
    rows[4] = dataclasses.replace(b, fields=a.fields)
    verdict = verify(rows)
    assert verdict.problem is Problem.EDITED and verdict.seq == 4


def test_a_repeated_seq_is_found() -> None:
    rows = trail(5)
    verdict = verify([*rows[:3], rows[2], *rows[3:]])
    assert verdict.problem is Problem.REORDERED and verdict.seq == 3


def test_rows_cut_off_the_end_are_found_with_an_anchor_only() -> None:
    rows = trail(20)
    anchor = head_of(rows)
    assert verify(rows[:15]).ok  # consistent on its own
    verdict = verify(rows[:15], anchor=anchor)
    assert not verdict.ok and verdict.problem is Problem.TRUNCATED and verdict.seq == 16
    assert "20" in verdict.message


@given(
    st.integers(min_value=2, max_value=25),
    st.data(),
    st.sampled_from(["edit", "delete", "hash", "swap"]),
)
def test_any_single_tampering_is_found(count: int, data: st.DataObject, how: str) -> None:
    rows = trail(count)
    anchor = head_of(rows)
    i = data.draw(st.integers(min_value=0, max_value=count - 2))
    if how == "edit":
        rows[i] = dataclasses.replace(rows[i], fields={**rows[i].fields, "detail": "forged"})
    elif how == "delete":
        del rows[i]
    elif how == "hash":
        rows[i] = dataclasses.replace(rows[i], hash=hashlib.sha256(b"x").hexdigest())
    else:
        rows[i], rows[i + 1] = rows[i + 1], rows[i]
    assert not verify(rows, anchor=anchor).ok
    assert not verify(rehash_from(rows, i) if how == "edit" else rows, anchor=anchor).ok
