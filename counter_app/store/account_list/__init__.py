"""The account list files of one hall PC (SQLite only, by design: each PC searches its own copy).

An import builds a new file here while the hall works on (``build.py``); the register in the hall
database says which one is live (``store/payments.py``); the counters read it (``reader.py``). The
folder sits beside the hall's local file: ``hall.sqlite3`` → ``hall.sqlite3.accounts/``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from counter_app.domain.errors import StoreUnavailable
from counter_app.domain.payments.shelved import ShelvedList
from counter_app.store.account_list.build import AccountListBuilder, os_unavailable, sweep
from counter_app.store.account_list.reader import AccountListFile
from counter_app.store.account_list.shelf import file_digest, receive_file


def accounts_folder(hall_path: Path) -> Path:
    """Where a hall's account list files live: ``hall.sqlite3`` → ``hall.sqlite3.accounts/``."""
    return hall_path.with_name(hall_path.name + ".accounts")


class AccountListFolder:
    """The folder of one hall's account list files, as the payment services use it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, file: str) -> Path:
        return self.folder / file

    def exists(self, file: str) -> bool:
        return (self.folder / file).exists()

    def open(self, file: str) -> AccountListFile:
        """The list file for reading (read-only, immutable: it is never written again)."""
        return AccountListFile(self.folder / file)

    def builder(self, list_uuid: str) -> AccountListBuilder:
        """A new list file being built, not live until the register says so."""
        return AccountListBuilder(self.folder, list_uuid)

    def sweep(self, live: str | None, superseded: set[str]) -> list[str]:
        """Delete superseded files and what crashed imports left behind; the names removed."""
        return sweep(self.folder, live, superseded)

    def digest(self, file: str) -> str | None:
        """The SHA-256 of a list file here (``None``: not here)."""
        return file_digest(self.folder / file)

    def receive(self, file: str, expected: ShelvedList, chunks: Iterable[bytes]) -> Path:
        """Take a copy of a list file from the hall server's shelf, checked against its digest."""
        return receive_file(self.folder / file, expected, chunks)

    def unavailable(self, exc: OSError) -> StoreUnavailable:
        """A failing file operation in the hall's data folder, as the environment failure it is."""
        return os_unavailable(exc)
