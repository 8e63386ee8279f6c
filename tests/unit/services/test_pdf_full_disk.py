"""A paper is printed only once its whole file is on the disk (issue #12), for each ``--pdf`` paper:
ticket, payment slip, application receipt; on both stores.

The disk fills up in the middle of the file (``os.write`` takes the first bytes, then says ENOSPC) or
the sync fails (EIO): the command raises :class:`FileUnavailable` (the CLI's exit 4), no file and no
temporary file is left, the job is marked failed (not printed), and the next good print is the
original, not a 补打.

The order, and why: the target is checked first (a path that can never be written is refused before
anything is recorded: no job, no guidance record); the record the paper prints (the ticket, the
application, the payment guidance) is committed before the paper is drawn, because the paper shows
what was committed (its number, 补打) and a failing printer must never undo a business record
(ARCHITECTURE §6); the job is then marked printed or failed in its own transaction once the file is
whole and synced. So after a full disk the guidance stays recorded (it was given; the error names
its id for a reprint) and only its paper is missing."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from payment_data import account_line, account_number, payment_profile, write_list

from counter_app import safe_files
from counter_app.domain.errors import FileUnavailable
from counter_app.services.hall import Hall
from counter_app.services.printing.applications import print_paper_pdf
from counter_app.services.printing.payments import guide_and_print_pdf, reprint_pdf
from counter_app.services.printing.tickets import print_ticket_pdf

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def disk_full_after(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[int], None]]:
    """``fill(n)``: from now on the disk takes ``n`` more bytes of a file we write, then ENOSPC."""
    real_write = os.write

    def fill(room: int) -> None:
        left = [room]

        def write(fd: int, data: bytes | memoryview) -> int:
            if left[0] <= 0:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            done = real_write(fd, bytes(data[: left[0]]))
            left[0] -= done
            return done

        monkeypatch.setattr(safe_files.os, "write", write)

    yield fill
    monkeypatch.setattr(safe_files.os, "write", real_write)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def statuses(hall: Hall, document: str, ref_id: int) -> list[tuple[str, str]]:
    return [(copy, status) for _, copy, status, _ in hall.print_jobs.history(document, ref_id)]


@pytest.mark.parametrize("room", [0, 1000])
def test_a_ticket_on_a_full_disk(
    hall: Hall, tmp_path: Path, disk_full_after: Callable[[int], None], room: int
) -> None:
    ticket = hall.queue.issue("A").ticket
    out = tmp_path / "out"
    out.mkdir()
    disk_full_after(room)
    with pytest.raises(FileUnavailable) as caught:
        print_ticket_pdf(hall, "A001", out / "slip.pdf")
    assert caught.value.reason == "disk_full"
    assert leftovers(out) == []  # no 0-byte, truncated or temporary file
    assert statuses(hall, "ticket", ticket.id) == [("original", "failed")]
    disk_full_after(10**9)
    done = print_ticket_pdf(hall, "A001", out / "slip.pdf")
    assert done["reprint"] is False and leftovers(out) == ["slip.pdf"]
    assert (out / "slip.pdf").read_bytes().rstrip().endswith(b"%%EOF")
    assert statuses(hall, "ticket", ticket.id) == [("original", "failed"), ("original", "printed")]


def test_a_ticket_whose_sync_fails(hall: Hall, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ticket = hall.queue.issue("A").ticket

    def broken_fsync(fd: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(safe_files.os, "fsync", broken_fsync)
    with pytest.raises(FileUnavailable) as caught:
        print_ticket_pdf(hall, "A001", tmp_path / "slip.pdf")
    assert caught.value.reason == "io" and not (tmp_path / "slip.pdf").exists()
    assert [p for p in tmp_path.iterdir() if p.name.endswith(safe_files.TEMP_SUFFIX)] == []
    assert statuses(hall, "ticket", ticket.id) == [("original", "failed")]


@pytest.fixture
def pay_hall(make_hall: Callable[..., Hall], tmp_path: Path) -> Hall:
    hall = make_hall(profile_file=payment_profile(tmp_path / "profile"))
    hall.account_import.run(write_list(tmp_path / "list.csv", [account_line(1, name="张三明")]))
    return hall


def test_a_payment_slip_on_a_full_disk(
    pay_hall: Hall, tmp_path: Path, disk_full_after: Callable[[int], None]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    disk_full_after(2000)
    with pytest.raises(FileUnavailable) as caught:
        guide_and_print_pdf(pay_hall, account_number(1), ["wechat"], out / "slip.pdf")
    assert leftovers(out) == []
    # the guidance was given and stays recorded; its paper is the failed job, never "printed"
    guidance_id = caught.value.params["guidance_id"]
    assert pay_hall.payments.figures().guidance == 1
    assert statuses(pay_hall, "payment_slip", guidance_id) == [("original", "failed")]
    # trying again prints that guidance's slip: no second guidance record, and not a 补打
    disk_full_after(10**9)
    done = reprint_pdf(pay_hall, guidance_id, out / "slip.pdf")
    assert done["guidance_id"] == guidance_id and done["reprint"] is False
    assert pay_hall.payments.figures().guidance == 1 and leftovers(out) == ["slip.pdf"]
    assert reprint_pdf(pay_hall, guidance_id, out / "again.pdf")["reprint"] is True


def test_an_application_receipt_on_a_full_disk(
    hall: Hall, tmp_path: Path, disk_full_after: Callable[[int], None]
) -> None:
    import application_data

    from counter_app.domain.applications.detail import ApplicationRequest

    ticket = hall.queue.issue("B").ticket
    detail = hall.applications.accept(
        ApplicationRequest(form=application_data.home(), ticket_id=ticket.id, counter=3), clerk="0107"
    )
    out = tmp_path / "out"
    out.mkdir()
    disk_full_after(5000)
    with pytest.raises(FileUnavailable):
        print_paper_pdf(hall, detail.number, "receipt", out / "receipt.pdf", paper="a5")
    assert leftovers(out) == []
    assert statuses(hall, "application_receipt", detail.id) == [("original", "failed")]
    disk_full_after(10**9)
    done = print_paper_pdf(hall, detail.number, "receipt", out / "receipt.pdf", paper="a5")
    assert done["reprint"] is False  # the failed attempt put no paper in anyone's hands
    assert statuses(hall, "application_receipt", detail.id) == [
        ("original", "failed"),
        ("original", "printed"),
    ]
