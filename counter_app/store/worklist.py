"""The worklist's queries: one page of applications, its total, and the hall's counts, all on indexes.

Every list is ordered by ``due_key, id DESC``: the most urgent open application first, then open ones
without a running clock, then closed ones newest first. Each filter is a range or equality on an index
that ends in that order (``applications_due``, ``_status``, ``_type``, ``_owner``), so the first page of
any filter is read in index order without sorting. A search first narrows to the matching ids (exact
number, tracking reference, phone, ID or account on their indexes; fragments of three characters or
more through the text index the engine provides (``Dialect.fragment_ids``); one or two characters as a
name prefix).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from counter_app.domain.applications.records import CLOSED_DUE_KEY
from counter_app.domain.applications.workflow import Status
from counter_app.domain.applications.worklist import Search, WorklistCounts, WorklistFilter, WorklistRow
from counter_app.store.rows import parse_day, parse_optional_day
from counter_app.store.sql import Sql, placeholders

FRAGMENT_INDEX = "_applications_fts"
"""The search index of applications' text (name, address, mobile, ID, account): an FTS5 trigram
table on SQLite (``store/sqlite/schema_applications.py``); ``Dialect.fragment_ids`` reads it."""
_MAX_CHAR = "\U0010ffff"

_COLUMNS = (
    "a.id, a.number, a.business_type, a.status, a.stage, a.owner, a.accepted_day, a.name, a.mobile, "
    "a.id_number, a.address, a.account_number, a.stage_due, a.whole_due, a.due_key, a.due_provisional, "
    "(SELECT COUNT(*) FROM application_documents d WHERE d.application_id = a.id AND d.state = 'owed'), "
    "a.external_works"
)


def _search_sql(sql: Sql, search: Search) -> tuple[str, list[Any]]:
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
        dialect = sql.dialect
        return f"a.id IN ({dialect.fragment_ids(FRAGMENT_INDEX)})", [dialect.fragment_param(value)]
    return "a.name >= ? AND a.name < ?", [value, value + _MAX_CHAR]


def _where(sql: Sql, f: WorklistFilter) -> tuple[str, list[Any]]:
    parts: list[str] = []
    params: list[Any] = []
    if len(f.statuses) == 1:
        parts.append("a.status = ?")
        params.append(f.statuses[0])
    elif f.statuses:
        parts.append(f"a.status IN ({placeholders(len(f.statuses))})")
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
        condition, values = _search_sql(sql, f.search)
        parts.append(condition)
        params.extend(values)
    return (" AND ".join(parts) or "1 = 1"), params


def _row(r: Sequence[Any]) -> WorklistRow:
    """A row as stored: personal data in full (the services mask it), the calendar's fields unset."""
    return WorklistRow(
        id=r[0],
        number=r[1],
        business_type=r[2],
        status=Status(r[3]),
        stage=r[4],
        owner=r[5],
        accepted_on=parse_day(r[6]),
        name=r[7],
        mobile=r[8],
        id_number=r[9],
        address=r[10],
        account_number=r[11],
        stage_due=parse_optional_day(r[12]),
        whole_due=parse_optional_day(r[13]),
        due_key=r[14],
        due_provisional=bool(r[15]),
        owed_documents=int(r[16]),
        external_works=bool(r[17]),
    )


class WorklistRepository:
    def __init__(self, sql: Sql) -> None:
        self.sql = sql

    def page(self, f: WorklistFilter, limit: int, offset: int = 0) -> list[WorklistRow]:
        where, params = _where(self.sql, f)
        rows = self.sql.execute(
            f"""SELECT {_COLUMNS} FROM applications a WHERE {where}
                ORDER BY a.due_key, a.id DESC LIMIT ? OFFSET ?""",
            [*params, limit, offset],
        ).fetchall()
        return [_row(r) for r in rows]

    def count(self, f: WorklistFilter) -> int:
        if f.search is not None and f.search.kind == "fragment" and f == WorklistFilter(search=f.search):
            # nothing but a fragment: count the index's hits without reading the applications
            dialect = self.sql.dialect
            row = self.sql.execute(
                f"SELECT COUNT(*) FROM ({dialect.fragment_ids(FRAGMENT_INDEX)}) AS hits",
                [dialect.fragment_param(f.search.value)],
            ).fetchone()
            return int(row[0])
        where, params = _where(self.sql, f)
        row = self.sql.execute(f"SELECT COUNT(*) FROM applications a WHERE {where}", params).fetchone()
        return int(row[0])

    def hall_counts(self, today: date, soon_until: date, owner: str) -> WorklistCounts:
        """Open, overdue, due soon (today to ``soon_until``), suspended, and ``owner``'s open ones."""
        closed, day, soon = CLOSED_DUE_KEY, today.isoformat(), soon_until.isoformat()
        row = self.sql.execute(
            """SELECT
                 (SELECT COUNT(*) FROM applications WHERE due_key < ?),
                 (SELECT COUNT(*) FROM applications WHERE due_key < ?),
                 (SELECT COUNT(*) FROM applications WHERE due_key >= ? AND due_key <= ?),
                 (SELECT COUNT(*) FROM applications WHERE status = 'suspended'),
                 (SELECT COUNT(*) FROM applications WHERE owner = ? AND due_key < ?)""",
            [closed, day, day, soon, owner, closed],
        ).fetchone()
        return WorklistCounts(*(int(v) for v in row))

    def owners(self) -> list[str]:
        """Everyone who owns an open application, for the owner filter."""
        rows = self.sql.execute(
            "SELECT DISTINCT owner FROM applications WHERE due_key < ? ORDER BY owner", [CLOSED_DUE_KEY]
        ).fetchall()
        return [str(r[0]) for r in rows]
