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
    open_account_file,
)
from counter_app.domain.payments.accounts import AccountValues
from counter_app.domain.payments.guidance import AccountListRecord, BuiltList, account_settings
from counter_app.domain.profile import HallProfile
from counter_app.domain.roles import Action
from counter_app.services.clock import Clock, system_clock
from counter_app.services.offline import OfflineDesk
from counter_app.services.payments.rejects_file import REJECTS_HEADER, RejectsFile, tidy_imports
from counter_app.services.ports import AccountListBuild, HallRecords
from counter_app.services.session import Gate, gate_for

__all__ = ["REJECTS_HEADER", "AccountImport", "ImportProgress", "ImportSummary"]

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


class AccountImport:
    """``run`` is one user action: read, build, switch. Run it on its own connection (worker)."""

    def __init__(
        self,
        store: HallRecords,
        profile: HallProfile,
        hall_path: Path,
        clock: Clock = system_clock,
        desk: OfflineDesk | None = None,
        gate: Gate | None = None,
    ) -> None:
        """``desk``: set while the PC works without its hall server, where the hall's list (one for
        every PC) cannot be imported."""
        self.store = store
        self.desk = desk
        self.gate = gate_for(store, gate)
        self.profile = profile
        self.clock = clock
        self.hall_path = hall_path
        self.files = store.account_files
        self.lists = store.account_lists

    @property
    def imports_folder(self) -> Path:
        """Where the rejects files go unless the caller names a path (tidied by every import)."""
        return self.hall_path.parent / "imports"

    def default_rejects_path(self, source: Path) -> Path:
        stamp = self.clock().strftime("%Y%m%d-%H%M%S")
        return self.imports_folder / f"{source.stem}-rejected-{stamp}.csv"

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
        if self.desk is not None:
            raise RuleViolation(
                "The hall server cannot be reached: the account list is imported on the server, once for "
                "every PC. Import it again when the server is back; this PC keeps searching its copy.",
                code="offline_import_needs_server",
            )
        started = time.monotonic()
        source = Path(source)
        report = progress or (lambda _: None)
        with self.store.read():
            base = self.lists.live()
        self._sweep(base)  # what killed imports left: before this one adds its own files
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
            rejected_file = rejects.keep(by_reason)
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
        by_reason = {k: v for k, v in sorted(counts.items()) if k != "accepted"}
        if counts["encoding"] > max(0, rows * WRONG_ENCODING_SHARE):
            path = rejects.keep(by_reason)
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
            path = rejects.keep(by_reason)
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
            # a hall with a server keeps the file for its other PCs (services/payments/account_copy.py)
            self.store.account_shelf.put(record.id, built.path)
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

    def _sweep(self, record: AccountListRecord | None) -> None:
        """Housekeeping before an import and after its list is live: superseded list files, the files
        of builds whose process ended, rejects files past the newest few. A failure here must not
        fail the import (the files are swept again by the next one)."""
        try:
            with self.store.read():
                superseded = self.lists.superseded_files()
        except StoreUnavailable as exc:
            log.warning("old account list files not swept: %s", exc.reason)
            return
        removed = self.files.sweep(record.file if record else None, superseded)
        if removed:
            log.info("removed %d old account list files", len(removed))
        tidy_imports(self.imports_folder)


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
