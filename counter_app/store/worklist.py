"""The worklist's queries: one page of applications, its total, and the hall's counts, all on indexes.

Every list is ordered by ``due_key, id DESC``: the most urgent open application first, then open ones
without a running clock, then closed ones newest first. Each filter is a range or equality on an index
that ends in that order (``applications_due``, ``_status``, ``_type``, ``_owner``), so the first page of
any filter is read in index order without sorting. A search first narrows to the matching ids (exact
number, tracking reference, phone, ID or account on their indexes; fragments of three characters or
more through the FTS5 trigram index; one or two characters as a name prefix).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import sqlite_utils

from counter_app.store.rows import parse_day
from counter_app.store.sqlite.schema_applications import CLOSED_DUE_KEY

SearchKind = Literal["number", "number_prefix", "tracking", "exact_digits", "fragment", "name_prefix"]
_MAX_CHAR = "\U0010ffff"


@dataclass(frozen=True)
class Search:
    """A search term already recognised by the service: what it looks like decides the index used."""

    kind: SearchKind
    value: str


@dataclass(frozen=True)
class WorklistFilter:
    """Conditions that are all true of each row; ``due_min`` inclusive, ``due_before`` exclusive."""

    statuses: tuple[str, ...] = ()
    business_type: str | None = None
    owner: str | None = None
    due_min: str | None = None
    due_before: str | None = None
    search: Search | None = None


@dataclass(frozen=True)
class WorklistRecord:
    id: int
    number: str
    business_type: str
    status: str
    stage: str
    owner: str
    accepted_day: date
    name: str
    mobile: str
    id_number: str
    address: str
    account_number: str | None
    stage_due: date | None
    whole_due: date | None
    due_key: str
    due_provisional: bool
    owed_documents: int
    external_works: bool = False


@dataclass(frozen=True)
class HallCounts:
    open: int
    overdue: int
    due_soon: int
    suspended: int
    mine: int


_COLUMNS = (
    "a.id, a.number, a.business_type, a.status, a.stage, a.owner, a.accepted_day, a.name, a.mobile, "
    "a.id_number, a.address, a.account_number, a.stage_due, a.whole_due, a.due_key, a.due_provisional, "
    "(SELECT COUNT(*) FROM application_documents d WHERE d.application_id = a.id AND d.state = 'owed'), "
    "a.external_works"
)


def fts_phrase(text: str) -> str:
    """An FTS5 query matching ``text`` as one phrase (quotes doubled), on every indexed column."""
    return '"' + text.replace('"', '""') + '"'


def _search_sql(search: Search) -> tuple[str, list[Any]]:
    value = search.value
    if search.kind == "number":
        return "a.number = ?", [value]
    if search.kind == "number_prefix":
        return "a.number >= ? AND a.number < ?", [value, value + _MAX_CHAR]
    if search.kind == "tracking":
        return "a.tracking_ref = ?", [value]
    if search.kind == "exact_digits":
        return (
            """a.id IN (SELECT id FROM applications WHERE mobile = ?
                        UNION ALL SELECT id FROM applications WHERE id_number = ?
                        UNION ALL SELECT id FROM applications WHERE account_number = ?)""",
            [value, value, value],
        )
    if search.kind == "fragment":
        return "a.id IN (SELECT rowid FROM _applications_fts WHERE _applications_fts MATCH ?)", [
            fts_phrase(value)
        ]
    return "a.name >= ? AND a.name < ?", [value, value + _MAX_CHAR]


def _where(f: WorklistFilter) -> tuple[str, list[Any]]:
    parts: list[str] = []
    params: list[Any] = []
    if len(f.statuses) == 1:
        parts.append("a.status = ?")
        params.append(f.statuses[0])
    elif f.statuses:
        parts.append(f"a.status IN ({','.join('?' * len(f.statuses))})")
        params.extend(f.statuses)
    if f.business_type is not None:
        parts.append("a.business_type = ?")
        params.append(f.business_type)
    if f.owner is not None:
        parts.append("a.owner = ?")
        params.append(f.owner)
    if f.due_min is not None:
        parts.append("a.due_key >= ?")
        params.append(f.due_min)
    if f.due_before is not None:
        parts.append("a.due_key < ?")
        params.append(f.due_before)
    if f.search is not None:
        sql, values = _search_sql(f.search)
        parts.append(sql)
        params.extend(values)
    return (" AND ".join(parts) or "1"), params


def _record(r: Sequence[Any]) -> WorklistRecord:
    return WorklistRecord(
        id=r[0],
        number=r[1],
        business_type=r[2],
        status=r[3],
        stage=r[4],
        owner=r[5],
        accepted_day=parse_day(r[6]),
        name=r[7],
        mobile=r[8],
        id_number=r[9],
        address=r[10],
        account_number=r[11],
        stage_due=parse_day(r[12]) if r[12] else None,
        whole_due=parse_day(r[13]) if r[13] else None,
        due_key=r[14],
        due_provisional=bool(r[15]),
        owed_documents=int(r[16]),
        external_works=bool(r[17]),
    )


class WorklistRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def page(self, f: WorklistFilter, limit: int, offset: int = 0) -> list[WorklistRecord]:
        where, params = _where(f)
        rows = self.db.execute(
            f"""SELECT {_COLUMNS} FROM applications a WHERE {where}
                ORDER BY a.due_key, a.id DESC LIMIT ? OFFSET ?""",
            [*params, limit, offset],
        ).fetchall()
        return [_record(r) for r in rows]

    def count(self, f: WorklistFilter) -> int:
        if f.search is not None and f.search.kind == "fragment" and f == WorklistFilter(search=f.search):
            # nothing but a fragment: count the index's hits without reading the applications
            row = self.db.execute(
                "SELECT COUNT(*) FROM _applications_fts WHERE _applications_fts MATCH ?",
                [fts_phrase(f.search.value)],
            ).fetchone()
            return int(row[0])
        where, params = _where(f)
        row = self.db.execute(f"SELECT COUNT(*) FROM applications a WHERE {where}", params).fetchone()
        return int(row[0])

    def hall_counts(self, today: date, soon_until: date, owner: str) -> HallCounts:
        """Open, overdue, due soon (today to ``soon_until``), suspended, and ``owner``'s open ones."""
        row = self.db.execute(
            """SELECT
                 (SELECT COUNT(*) FROM applications WHERE due_key < ?1),
                 (SELECT COUNT(*) FROM applications WHERE due_key < ?2),
                 (SELECT COUNT(*) FROM applications WHERE due_key >= ?2 AND due_key <= ?3),
                 (SELECT COUNT(*) FROM applications WHERE status = 'suspended'),
                 (SELECT COUNT(*) FROM applications WHERE owner = ?4 AND due_key < ?1)""",
            [CLOSED_DUE_KEY, today.isoformat(), soon_until.isoformat(), owner],
        ).fetchone()
        return HallCounts(*(int(v) for v in row))

    def owners(self) -> list[str]:
        """Everyone who owns an open application, for the owner filter."""
        rows = self.db.execute(
            "SELECT DISTINCT owner FROM applications WHERE due_key < ? ORDER BY owner", [CLOSED_DUE_KEY]
        ).fetchall()
        return [str(r[0]) for r in rows]
