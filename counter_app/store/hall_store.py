"""The hall's store as the services get it: the repositories on one connection of either engine.

:class:`HallStore` is engine-neutral: it takes a :class:`~counter_app.store.sql.Sql` (the embedded
SQLite file, ``store/sqlite/``, or the hall's PostgreSQL server, ``store/postgres/``) and a
:class:`ChangeFeed` of the same engine, and gives the services what ``services/ports.py`` asks for
(``HallRecords``): a repository per capability, one unit of work at a time (:meth:`write` /
:meth:`read`), and the change feed the windows follow. The per-PC account list files are SQLite by
design (each PC searches its own copy) and come with the hall's local folder, whatever the engine.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Protocol

from counter_app.domain.errors import AlreadyApplied
from counter_app.domain.offline import ActionStamp
from counter_app.store.account_list import AccountListFolder
from counter_app.store.account_list.shelf import AccountListShelf, NoShelf
from counter_app.store.applications import ApplicationsRepository
from counter_app.store.audit_chain import AuditChain
from counter_app.store.calendar import CalendarRepository
from counter_app.store.link import ActionsRepository, JournalRepository
from counter_app.store.outbox import OutboxRepository
from counter_app.store.payments import AccountListsRepository, GuidanceRepository
from counter_app.store.prints import PrintJobRepository
from counter_app.store.profile import HallMetaRepository, ProfileRepository
from counter_app.store.quality import QualityRepository
from counter_app.store.queue import QueueRepository
from counter_app.store.sql import Sql
from counter_app.store.staff import StaffRepository
from counter_app.store.users import UserRepository
from counter_app.store.worklist import WorklistRepository

ALL_AREAS = frozenset({"*"})
"""What a change feed reports when it cannot tell what changed (SQLite: any commit anywhere)."""


class ChangeFeed(Protocol):
    """Tells a process that the hall's data changed, on a thread of its own (the contract is written
    in ``services/ports.py``, whose ``ChangeFeed`` this matches)."""

    def start(self, on_change: Callable[[frozenset[str]], None]) -> None: ...

    def stop(self) -> None: ...

    def version(self) -> int: ...


class HallStore:
    """The repositories of one hall on one connection (one thread), with the engine's change feed."""

    def __init__(
        self,
        sql: Sql,
        changes: ChangeFeed,
        account_files: AccountListFolder,
        migrations: tuple[str, ...] = (),
    ) -> None:
        self.sql = sql
        self.changes = changes
        self.account_files = account_files
        self.migrations = migrations
        """The schema migrations applied to the hall's store, in order (what ``init`` reports)."""
        self.queue = QueueRepository(sql)
        self.applications = ApplicationsRepository(sql)
        self.worklist = WorklistRepository(sql)
        self.staff = StaffRepository(sql)
        self.prints = PrintJobRepository(sql)
        self.guidance = GuidanceRepository(sql)
        self.account_lists = AccountListsRepository(sql)
        self.account_shelf: AccountListShelf | NoShelf = NoShelf()
        """The hall server's copies of the list files for its PCs (none on the embedded file)."""
        self.profile = ProfileRepository(sql)
        self.calendar = CalendarRepository(sql)
        self.meta = HallMetaRepository(sql)
        self.outbox = OutboxRepository(sql)
        self.quality = QualityRepository(sql)
        self.actions = ActionsRepository(sql)
        self.journal = JournalRepository(sql)
        self.users = UserRepository(sql)
        self.audit = AuditChain(sql)
        self.audit.watch()
        self.stamp: ActionStamp | None = None
        """The handed-over action the next write records first (see :meth:`write`)."""
        self.now: Callable[[], datetime] = lambda: datetime.now().astimezone()

    @contextlib.contextmanager
    def write(self) -> Iterator[object]:
        """One user action: all or nothing (SQLite ``BEGIN IMMEDIATE``; PostgreSQL ``BEGIN``).

        While :attr:`stamp` is set (a PC handing over what it did offline), the action's UUID is
        recorded in ``applied_actions`` first, in the same transaction: a second hand-over of the
        same action raises :class:`~counter_app.domain.errors.AlreadyApplied` and changes nothing.
        The action's audit rows are chained (``store/audit_chain.py``) just before it commits."""
        with self.sql.write() as tx:
            self.audit.watch()  # again if the store reconnected (nothing to do otherwise)
            stamp = self.stamp
            if stamp is not None and not self.actions.claim(
                stamp.uuid, stamp.pc, stamp.kind, stamp.at, self.now()
            ):
                raise AlreadyApplied(stamp.uuid, earlier=True)
            yield tx
            self.audit.seal()  # the action's audit rows chained in its own transaction

    def read(self) -> contextlib.AbstractContextManager[object]:
        """Several reads that agree with each other (one snapshot)."""
        return self.sql.read()

    @property
    def in_transaction(self) -> bool:
        return self.sql.in_transaction

    def set_durable(self, durable: bool) -> None:
        """Commits wait for the disk (the hall's setting) or, for a one-off bulk load, do not."""
        self.sql.execute(self.sql.dialect.durability(durable))

    def sever(self) -> None:
        """From another thread (the server watch): a statement waiting on a server that stopped
        answering fails now, as the server gone away, instead of holding the PC's worker."""
        self.sql.sever()

    def close(self) -> None:
        self.changes.stop()
        self.sql.close()
