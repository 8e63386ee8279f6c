"""Importing the account list exported by the central marketing system (营销系统), all or nothing.

Design (the hall's queue shares the database; a 2,000,000-row import must not stall it):

* The list lives in a file of its own (``<hall db>.accounts/accounts-<uuid>.sqlite3``). An import
  streams the export into a **new** file that nothing reads (with the previous list's accounts that
  the export does not mention, so a re-import upserts by 户号 and never duplicates), indexes it, syncs
  it, and only then makes it live with **one short transaction** in the hall database (the pointer
  row and its outbox row). The queue never waits for the import: the import takes the hall
  database's write lock for that one small commit only.
* All or nothing: a bad file, a cancel, a crash or a full disk leaves the previous list live and
  untouched; the half-built file is deleted (or swept by the next import after a crash).
* Rejected rows go to a CSV (UTF-8 with BOM, so Excel opens it) with the line, the raw 户号 and the
  reason. A file whose rows mostly fail to decode, or with no acceptable row, is refused as a whole.
* "Data as of": the date the caller gives, else the newest 数据日期 in the file, else the file's
  modification date; rows without their own date carry it. It is in the summary and on every figure.
"""

from __future__ import annotations

import csv
import logging
import time
import uuid as uuidlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from counter_app.domain.errors import FileRefused, InvalidInput, RuleViolation, StoreUnavailable
from counter_app.domain.payments.account_file.reader import (
    AccountFile,
    MissingColumns,
    RowRejection,
    open_account_file,
)
from counter_app.domain.payments.accounts import AccountValues
from counter_app.domain.payments.guidance import AccountListRecord, BuiltList, account_settings
from counter_app.domain.profile import HallProfile
from counter_app.domain.roles import Action
from counter_app.services.clock import Clock, system_clock
from counter_app.services.ports import AccountListBuild, HallRecords
from counter_app.services.session import Gate, gate_for

log = logging.getLogger("counter_app.accounts")

BATCH_ROWS = 2000
_AS_OF = itemgetter(7)  # AccountValues: the row's 数据日期, ISO text or None
WRONG_ENCODING_SHARE = 0.05
"""More rows than this share failing to decode means the whole file was read in the wrong encoding."""

# Share of the progress bar each phase takes (reading the file is most of the work).
PHASES = {
    "reading": (0.0, 0.80),
    "merging": (0.80, 0.83),
    "sorting": (0.83, 0.88),
    "indexing": (0.88, 0.93),
    "search": (0.93, 0.99),
    "switching": (0.99, 1.0),
    "done": (1.0, 1.0),
}


@dataclass(frozen=True)
class ImportProgress:
    """Sent to the progress callback: the phase, data rows read so far, and the overall fraction."""

    phase: str
    rows: int
    fraction: float


@dataclass(frozen=True)
class ImportSummary:
    source: str
    list_uuid: str
    file_format: str
    encoding: str | None
    rows: int
    inserted: int
    updated: int
    kept: int
    rejected: int
    accounts: int
    rejected_file: str | None
    data_as_of: date | None
    seconds: float
    rejected_by_reason: dict[str, int] = field(default_factory=dict)
    previous_list_missing: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "inserted": self.inserted,
            "updated": self.updated,
            "rejected": self.rejected,
            "rejected_file": self.rejected_file,
            "data_as_of": self.data_as_of.isoformat() if self.data_as_of else None,
            "kept": self.kept,
            "accounts": self.accounts,
            "rows": self.rows,
            "rejected_by_reason": self.rejected_by_reason,
            "format": self.file_format,
            "encoding": self.encoding,
            "list": self.list_uuid,
            "seconds": round(self.seconds, 2),
            "previous_list_missing": self.previous_list_missing,
        }


ProgressFn = Callable[[ImportProgress], None]

REJECTS_HEADER = ("行号 line", "户号 account number", "原因代码 code", "字段 field", "说明 reason")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    """A cell Excel shows as typed: digits keep their leading zeros, nothing runs as a formula."""
    if value.isascii() and value.isdigit():
        return f'="{value}"'
    return "'" + value if value.startswith(_FORMULA_START) else value


class RejectsFile:
    """The rejected rows, written as they come (``.part`` until the import is over); ``unavailable``
    says what a failing write is (the disk full, read-only: the environment)."""

    def __init__(self, path: Path, unavailable: Callable[[OSError], StoreUnavailable]) -> None:
        self.path = path
        self.unavailable = unavailable
        self.part = path.with_name(path.name + ".part")
        self._stream: Any = None
        self._writer: Any = None

    def add(self, row: RowRejection) -> None:
        try:
            if self._writer is None:
                self.part.parent.mkdir(parents=True, exist_ok=True)
                self._stream = open(self.part, "w", encoding="utf-8-sig", newline="")  # noqa: SIM115
                self._writer = csv.writer(self._stream)
                self._writer.writerow(REJECTS_HEADER)
            self._writer.writerow(
                [str(row.line), _cell(row.account_number), row.code, row.field, _cell(row.reason)]
            )
        except OSError as exc:
            raise self.unavailable(exc) from exc

    def keep(self) -> str | None:
        """Close and publish the file; its path, or ``None`` when no row was rejected."""
        if self._stream is None:
            return None
        try:
            self._stream.close()
            self.part.replace(self.path)
        except OSError as exc:
            raise self.unavailable(exc) from exc
        return str(self.path)

    def discard(self) -> None:
        if self._stream is not None:
            self._stream.close()
            self.part.unlink(missing_ok=True)


class AccountImport:
    """``run`` is one user action: read, build, switch. Run it on its own connection (worker)."""

    def __init__(
        self,
        store: HallRecords,
        profile: HallProfile,
        hall_path: Path,
        clock: Clock = system_clock,
        gate: Gate | None = None,
    ) -> None:
        self.store = store
        self.gate = gate_for(store, gate)
        self.profile = profile
        self.clock = clock
        self.hall_path = hall_path
        self.files = store.account_files
        self.lists = store.account_lists

    def default_rejects_path(self, source: Path) -> Path:
        stamp = self.clock().strftime("%Y%m%d-%H%M%S")
        return self.hall_path.parent / "imports" / f"{source.stem}-rejected-{stamp}.csv"

    def run(
        self,
        source: Path | str,
        *,
        encoding: str = "auto",
        as_of: date | None = None,
        clerk: str = "",
        rejects_path: Path | str | None = None,
        progress: ProgressFn | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ImportSummary:
        self.gate.require(Action.IMPORT_ACCOUNTS)
        started = time.monotonic()
        source = Path(source)
        report = progress or (lambda _: None)
        with self.store.read():
            base = self.lists.live()
        accounts = _open(source, encoding, self.profile, cancelled)
        list_uuid = str(uuidlib.uuid4())
        rejects_at = Path(rejects_path) if rejects_path else self.default_rejects_path(source)
        rejects = RejectsFile(rejects_at, self.files.unavailable)
        builder: AccountListBuild | None = None
        try:
            with accounts:
                builder = self.files.builder(list_uuid)
                counts, newest = self._read(accounts, builder, rejects, report, cancelled)
                file_format, used_encoding = accounts.format, accounts.encoding
            self._refuse_unusable(counts, used_encoding, rejects)
            by_reason = {k: v for k, v in sorted(counts.items()) if k != "accepted"}
            rejected = sum(by_reason.values())
            data_as_of = as_of or newest or _modified(source, self.clock)

            def phase(name: str) -> None:
                report(ImportProgress(name, builder.rows if builder else 0, PHASES[name][0]))
                if cancelled is not None and cancelled():
                    raise _cancelled()

            meta = {"list_uuid": list_uuid, "source": source.name, "built_at": self.clock().isoformat()}
            base_path = self.files.path(base.file) if base else None
            built = builder.finish(base_path, data_as_of, meta, phase)
            report(ImportProgress("switching", builder.rows, PHASES["switching"][0]))
            rejected_file = rejects.keep()
            record = self._make_live(base, list_uuid, source, built, rejected, rejected_file, clerk)
        except BaseException:
            if builder is not None:
                builder.discard()
            rejects.discard()
            raise
        self._sweep(record)
        report(ImportProgress("done", builder.rows, 1.0))
        log.info("account list %s live: %d accounts, %d rejected", list_uuid, built.accounts, rejected)
        return ImportSummary(
            source=str(source),
            list_uuid=list_uuid,
            file_format=file_format,
            encoding=used_encoding,
            rows=counts["accepted"] + rejected,
            inserted=built.inserted,
            updated=built.updated,
            kept=built.kept,
            rejected=rejected,
            accounts=built.accounts,
            rejected_file=rejected_file,
            data_as_of=data_as_of,
            seconds=time.monotonic() - started,
            rejected_by_reason=by_reason,
            previous_list_missing=built.base_missing,
        )

    def _read(
        self,
        accounts: AccountFile,
        builder: AccountListBuild,
        rejects: RejectsFile,
        report: ProgressFn,
        cancelled: Callable[[], bool] | None,
    ) -> tuple[Counter[str], date | None]:
        counts: Counter[str] = Counter(accepted=0)
        newest = ""
        batch: list[AccountValues] = []
        low, high = PHASES["reading"]
        for rows, result in enumerate(accounts.values(), start=1):
            if isinstance(result, tuple):
                batch.append(result)
            else:
                counts[result.code] += 1
                rejects.add(result)
            if rows % BATCH_ROWS == 0:
                newest = self._add(builder, batch, counts, newest)
                batch = []
                share = accounts.progress().fraction
                report(ImportProgress("reading", rows, low + (high - low) * (share or 0.0)))
                if cancelled is not None and cancelled():
                    raise _cancelled()
        newest = self._add(builder, batch, counts, newest)
        return counts, date.fromisoformat(newest) if newest else None

    @staticmethod
    def _add(builder: AccountListBuild, batch: list[AccountValues], counts: Counter[str], newest: str) -> str:
        """Stage a batch; the newest 数据日期 so far (ISO text compares as dates do)."""
        builder.add(batch)
        counts["accepted"] += len(batch)
        return max(newest, max(filter(None, map(_AS_OF, batch)), default=""))

    @staticmethod
    def _refuse_unusable(counts: Counter[str], encoding: str | None, rejects: RejectsFile) -> None:
        rows = sum(counts.values())
        if counts["encoding"] > max(0, rows * WRONG_ENCODING_SHARE):
            path = rejects.keep()
            raise InvalidInput(
                f"{counts['encoding']} of {rows} rows are not valid {encoding}: the file is in another "
                "encoding (try --encoding gb18030 or utf-8); nothing was imported",
                field="encoding",
                code="account_file_wrong_encoding",
                encoding=encoding or "",
                lines=counts["encoding"],
                rows=rows,
                rejected_file=path or "",
            )
        if counts["accepted"] == 0:
            path = rejects.keep()
            raise InvalidInput(
                f"No row of the file could be imported ({rows - counts['accepted']} rejected); "
                "nothing was imported",
                field="file",
                code="account_file_no_rows",
                rejected=rows,
                rejected_file=path or "",
            )

    def _make_live(
        self,
        base: AccountListRecord | None,
        list_uuid: str,
        source: Path,
        built: BuiltList,
        rejected: int,
        rejected_file: str | None,
        clerk: str,
    ) -> AccountListRecord:
        with self.store.write():
            now = self.clock()
            current = self.lists.live()
            if (current.id if current else None) != (base.id if base else None):
                raise RuleViolation(
                    "Another account list was imported while this one was read; import again",
                    code="account_import_conflict",
                )
            draft = AccountListRecord(
                id=0,
                uuid=list_uuid,
                file=built.path.name,
                live=True,
                source=source.name,
                data_as_of=built.data_as_of,
                accounts=built.accounts,
                inserted=built.inserted,
                updated=built.updated,
                kept=built.kept,
                rejected=rejected,
                rejects_file=rejected_file or "",
                clerk=clerk,
                imported_at=now,
            )
            record = self.lists.make_live(draft)
            self.lists.add_outbox(
                "payments",
                {
                    "event": "account_list_imported",
                    "list": record.uuid,
                    "accounts": record.accounts,
                    "inserted": record.inserted,
                    "updated": record.updated,
                    "rejected": record.rejected,
                    "data_as_of": record.data_as_of.isoformat() if record.data_as_of else None,
                    "clerk": clerk,
                },
                now,
            )
        return record

    def _sweep(self, record: AccountListRecord) -> None:
        """Housekeeping after the new list is live: a failure here must not report the import as failed
        (the files are swept again after the next import)."""
        try:
            with self.store.read():
                superseded = self.lists.superseded_files()
        except StoreUnavailable as exc:
            log.warning("old account list files not swept: %s", exc.reason)
            return
        removed = self.files.sweep(record.file, superseded)
        if removed:
            log.info("removed %d old account list files", len(removed))


def _cancelled() -> RuleViolation:
    return RuleViolation("The import was cancelled; nothing was imported", code="account_import_cancelled")


def _open(
    source: Path, encoding: str, profile: HallProfile, cancelled: Callable[[], bool] | None
) -> AccountFile:
    try:
        return open_account_file(
            source, encoding=encoding, rule=account_settings(profile).number_rule, cancelled=cancelled
        )
    except MissingColumns as exc:
        if any("\ufffd" in header for header in exc.params["found"]):  # a header read in the wrong encoding
            raise InvalidInput(
                f"The header of {source.name} is not valid {encoding}: the file is in another encoding "
                "(try --encoding gb18030 or utf-8); nothing was imported",
                field="encoding",
                code="account_file_wrong_encoding",
                encoding=encoding,
                lines=1,
                rows=0,
                rejected_file="",
            ) from None
        raise
    except FileRefused as exc:  # missing, or not a regular file (/dev/zero, a FIFO): never read
        raise InvalidInput(
            f"Cannot read the account file {source}: {exc.explanation}",
            field="file",
            code="account_file_unreadable",
            path=str(source),
            reason=exc.reason,
        ) from None
    except OSError as exc:
        raise InvalidInput(
            f"Cannot read the account file {source}: {exc.strerror or exc}",
            field="file",
            code="account_file_unreadable",
            path=str(source),
        ) from None


def _modified(source: Path, clock: Clock) -> date | None:
    try:
        stamp = source.stat().st_mtime
    except OSError:
        return None
    return datetime.fromtimestamp(stamp, clock().tzinfo).date()
