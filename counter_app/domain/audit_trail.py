"""A hash chain over the audit rows, so that an edit, a deletion or an insertion shows.

Triggers stop an UPDATE or DELETE, but whoever can drop a trigger can also rewrite history. Each audit
row therefore carries ``hash = link(previous hash, seq, fields)``; changing any row breaks every
link after it unless all later hashes are recomputed, and that is what the **anchor** catches: the
last ``(seq, hash)`` written outside the database (in each backup, each outbox export, on paper).
Cutting rows off the end leaves a consistent chain, so only an anchor can show it too.

How the store uses it (SQLite and PostgreSQL alike):

* in the transaction that writes an audit row, read the head (the last row's ``seq`` and ``hash``;
  :data:`GENESIS` for an empty trail), call :func:`next_link`, and insert the row with that ``seq`` and
  ``hash``. The head read is serialised by the transaction (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: a
  row lock on a one-row table holding the head);
* ``fields`` are the row's columns other than ``seq`` and ``hash``, exactly as stored: text, integers,
  booleans (hashed as 0/1, as SQLite returns them) and NULL. Times are stored and hashed as the text
  the store writes. Floats and other types are refused: they do not survive every engine unchanged;
* :func:`verify` reads rows in ``seq`` order (a stream: the trail may be long) and returns a
  :class:`Verdict`; its ``head`` is the anchor to keep for next time.

Canonical form of a row: the UTF-8 bytes of the JSON array ``[seq, fields]``, keys sorted, no spaces,
no ASCII escaping. A link is ``SHA-256(b"counter-app audit v1\\n" + previous hash (hex, ASCII) +
b"\\n" + canonical row)``, as 64 lowercase hex digits.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum

from counter_app.domain.errors import InvalidInput

AuditValue = str | int | bool | None
"""What an audit row's field may hold."""

_DOMAIN = b"counter-app audit v1\n"
_HEX = frozenset("0123456789abcdef")


@dataclass(frozen=True)
class Link:
    """A point of the chain: the ``seq`` of a row and its ``hash`` (also an anchor kept elsewhere)."""

    seq: int
    hash: str

    @property
    def text(self) -> str:
        """``"1234:9f86…"``: how an anchor is written into a backup's or an export's manifest."""
        return f"{self.seq}:{self.hash}"

    @classmethod
    def parse(cls, text: str) -> Link:
        """The inverse of :attr:`text`; :class:`InvalidInput` (``bad_anchor``) for anything else."""
        seq, _, value = text.strip().partition(":")
        if not (seq.isascii() and seq.isdigit() and len(seq) <= 18 and _well_formed(value)):
            raise InvalidInput(
                "An audit anchor is written SEQ:HASH (64 hex digits).", field="anchor", code="bad_anchor"
            )
        return cls(int(seq), value)


GENESIS = Link(0, "0" * 64)
"""Before the first row: the first row has ``seq`` 1 and links to this hash."""


@dataclass(frozen=True)
class ChainedRow:
    """One audit row as read back: its ``seq``, its other ``fields`` and the ``hash`` stored with it."""

    seq: int
    fields: Mapping[str, AuditValue]
    hash: str


def _plain(value: object, key: str) -> AuditValue:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    raise TypeError(f"audit field {key!r} holds a {type(value).__name__}; store it as text or an integer")


def canonical(seq: int, fields: Mapping[str, AuditValue]) -> bytes:
    """The bytes that are hashed for a row (see the module doc)."""
    if isinstance(seq, bool) or not isinstance(seq, int):
        raise TypeError("seq must be an integer")
    plain = {}
    for key, value in fields.items():
        if not isinstance(key, str):
            raise TypeError("audit field names are text")
        plain[key] = _plain(value, key)
    text = json.dumps([seq, plain], sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("an audit field holds text that is not valid Unicode") from None


def link(prev_hash: str, seq: int, fields: Mapping[str, AuditValue]) -> str:
    """The hash of a row that follows ``prev_hash``."""
    digest = hashlib.sha256(_DOMAIN)
    digest.update(prev_hash.encode("ascii", "replace"))
    digest.update(b"\n")
    digest.update(canonical(seq, fields))
    return digest.hexdigest()


def next_link(head: Link, fields: Mapping[str, AuditValue]) -> Link:
    """The ``seq`` and ``hash`` of the row written after ``head``."""
    seq = head.seq + 1
    return Link(seq, link(head.hash, seq, fields))


class Problem(StrEnum):
    EDITED = "edited"  # the row's content or hash was changed (or rows right before it removed
    #                    and the row renumbered: the hash tells only that this link is broken)
    DELETED = "deleted"  # seq numbers are missing before this row
    INSERTED = "inserted"  # a row that does not belong: without it the chain is whole
    REORDERED = "reordered"  # a seq out of order or repeated
    TRUNCATED = "truncated"  # fewer rows than the anchor says were written
    REWRITTEN = "rewritten"  # the chain is whole but does not reach the anchor: rebuilt after an edit


@dataclass(frozen=True)
class Verdict:
    """``ok``, or the first ``problem`` and the ``seq`` where it shows. ``checked``: rows read;
    ``head``: the last consistent link (after an ``ok``, the anchor to keep)."""

    ok: bool
    checked: int
    head: Link
    problem: Problem | None = None
    seq: int | None = None
    message: str = "the audit trail is whole"


def _bad(problem: Problem, seq: int, checked: int, head: Link, message: str) -> Verdict:
    return Verdict(False, checked, head, problem, seq, message)


def _well_formed(value: str) -> bool:
    return len(value) == 64 and set(value) <= _HEX


def verify(rows: Iterable[ChainedRow], *, anchor: Link | None = None, start: Link = GENESIS) -> Verdict:
    """Check rows given in ``seq`` order. ``start``: the link the rows continue from (an anchor
    verified before, to check only what came since). ``anchor``: a link kept outside the database
    that the chain must pass through."""
    head, checked = start, 0
    ahead: Iterator[ChainedRow] = iter(rows)
    row = next(ahead, None)
    while row is not None:
        following = next(ahead, None)
        expected_seq = head.seq + 1
        if row.seq <= head.seq:
            return _bad(
                Problem.REORDERED, row.seq, checked, head, f"row {row.seq} comes after row {head.seq}"
            )
        if not _well_formed(row.hash) or link(head.hash, row.seq, row.fields) != row.hash:
            if following is not None and _links(head, following):
                if following.seq < row.seq:
                    return _bad(
                        Problem.REORDERED,
                        row.seq,
                        checked,
                        head,
                        f"row {row.seq} comes before row {following.seq}",
                    )
                return _bad(
                    Problem.INSERTED, row.seq, checked, head, f"row {row.seq} was inserted into the trail"
                )
            if row.seq != expected_seq:
                return _bad(
                    Problem.DELETED,
                    row.seq,
                    checked,
                    head,
                    f"rows {expected_seq}–{row.seq - 1} are missing before row {row.seq}",
                )
            return _bad(
                Problem.EDITED,
                row.seq,
                checked,
                head,
                f"row {row.seq} does not match the trail before it: it, or the row before it, was changed",
            )
        if row.seq != expected_seq:  # consistent hash, yet a gap: the seq itself was hashed, so no
            return _bad(  # row is missing; only a wrong start can cause this
                Problem.DELETED, row.seq, checked, head, f"rows {expected_seq}–{row.seq - 1} are missing"
            )
        head, checked = Link(row.seq, row.hash), checked + 1
        if anchor is not None and head.seq == anchor.seq and head.hash != anchor.hash:
            return _bad(
                Problem.REWRITTEN,
                head.seq,
                checked,
                head,
                f"row {head.seq} does not match the anchor kept outside the database: "
                "the trail was rewritten up to there",
            )
        row = following
    if anchor is not None and head.seq < anchor.seq:
        return _bad(
            Problem.TRUNCATED,
            head.seq + 1,
            checked,
            head,
            f"the trail ends at row {head.seq}, but the anchor says row {anchor.seq} was written",
        )
    return Verdict(True, checked, head)


def _links(head: Link, row: ChainedRow) -> bool:
    """Whether ``row`` follows ``head`` directly (its hash links to it)."""
    return _well_formed(row.hash) and link(head.hash, row.seq, row.fields) == row.hash


@dataclass(frozen=True)
class Unchained:
    """An audit row with no link: written into the file by something other than this tool."""

    source: str
    row_id: int


@dataclass(frozen=True)
class ChainVerdict:
    """What checking a stored trail found: the chain's own :class:`Verdict`, the audit rows outside
    it, and the table and id of the row at ``trail.seq`` when the chain broke there."""

    trail: Verdict
    unchained: tuple[Unchained, ...] = ()
    where: tuple[str, int] | None = None

    @property
    def ok(self) -> bool:
        return self.trail.ok and not self.unchained
