"""Each PC's own copy of the hall's live account list (a hall with a server, 户号清单下发).

The list is imported once for the hall, on any PC (``account_import.py``): the file is built there,
made live on the server and, in the same transaction, put on the server's shelf with its SHA-256.
Every PC then takes its own copy (:func:`copy_live_list`, run by the PC's link when it reaches the
server and whenever the server reports a change): the file is fetched into the PC's folder, checked
against that digest before it is given its name, and registered live in the PC's own store. The
counters search that local file, exactly as on a one-PC hall (the same format, the same speed),
whether the server answers or not.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, replace

from counter_app.domain.errors import StoreUnavailable
from counter_app.domain.payments.shelved import ShelvedList
from counter_app.services.ports import HallRecords

log = logging.getLogger("counter_app.accounts")


@dataclass(frozen=True)
class ListCopy:
    """What :func:`copy_live_list` found: the live list (``None`` before the first import), whether
    its file was fetched from the server now (``size`` bytes), and whether this PC searches it."""

    list_uuid: str | None
    fetched: bool = False
    size: int = 0
    in_use: bool = False


def copy_live_list(server: HallRecords, local: HallRecords) -> ListCopy:
    """Bring this PC's list up to the server's live one (nothing to do when it already is).

    Raises :class:`StoreUnavailable` when the server goes away mid-copy or the copy does not match
    its digest; the previous list then stays in use and the next call tries again."""
    with server.read():
        live = server.account_lists.live()
        shelved = server.account_shelf.shelved(live.id) if live is not None else None
    if live is None:
        return ListCopy(None)
    files = local.account_files
    with local.read():
        mine = local.account_lists.live()
    if mine is not None and mine.uuid == live.uuid and files.exists(live.file):
        return ListCopy(live.uuid, in_use=True)
    fetched = False
    if shelved is not None and files.digest(live.file) != shelved.sha256:
        files.receive(live.file, shelved, _chunks(server, shelved))
        fetched = True
    elif not files.exists(live.file):
        log.warning("account list %s is not on the hall server's shelf; import it again", live.uuid)
        return ListCopy(live.uuid)
    with local.write():
        current = local.account_lists.live()
        if current is None or current.uuid != live.uuid:
            local.account_lists.make_live(replace(live, id=0))
    with local.read():
        superseded = local.account_lists.superseded_files()
    files.sweep(live.file, superseded)
    log.info(
        "account list %s (%d accounts) %s",
        live.uuid,
        live.accounts,
        "copied from the hall server" if fetched else "in use",
    )
    return ListCopy(live.uuid, fetched, shelved.size if fetched and shelved else 0, in_use=True)


def _chunks(server: HallRecords, shelved: ShelvedList) -> Iterator[bytes]:
    """The shelved file, one chunk per short read (a list of millions of accounts never sits in
    memory whole)."""
    for position in range(shelved.chunks):
        with server.read():
            block = server.account_shelf.chunk(shelved.list_id, position)
        if block is None:
            raise StoreUnavailable(
                "The account list was replaced on the hall server while it was being copied; the copy "
                "is tried again.",
                reason="io",
            )
        yield block
