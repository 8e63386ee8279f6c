"""PDF output is written safely (issue #12): a device, a link or a planted ``.part`` link is never
written through; a refused path records nothing; a full disk is an error (exit 4) that leaves no
broken file and a failed job; files are private (0640)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from payment_data import account_line, account_number, payment_profile, write_list

from counter_app import app, cli, paths
from counter_app.app import open_hall
from counter_app.printing.document import PrinterError
from counter_app.services.hall import Hall
from counter_app.services.printing.applications import print_paper_pdf
from counter_app.services.printing.payments import guide_and_print_pdf
from counter_app.services.printing.tickets import print_ticket_pdf

pytestmark = pytest.mark.usefixtures("qapp")


def a_device(folder: Path) -> Path:
    """A character device of our own, the same as /dev/full (1, 7); a FIFO where mknod is not
    allowed. Never the machine's own /dev/full: run as root against a writer with this bug, a test
    aimed at it would turn the real device into a regular file."""
    path = folder / "full"
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except OSError:
        os.mkfifo(path)
    return path


def is_special(path: Path) -> bool:
    mode = os.lstat(path).st_mode
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def cli_hall(tmp_path: Path) -> Path:
    db = tmp_path / "cli.sqlite3"
    hall = open_hall(db, profile_file=paths.DEFAULT_PROFILE, create=True)
    try:
        hall.queue.issue("A")
    finally:
        hall.close()
    return db


def ticket_jobs(db: Path) -> list[str]:
    hall = open_hall(db)
    try:
        ticket = hall.views.repo.by_number(hall.queue.business_day(), "A001")
        assert ticket is not None
        return [status for _, _, status, _ in hall.print_jobs.history("ticket", ticket.id)]
    finally:
        hall.close()


def test_a_device_target_is_refused_and_nothing_is_recorded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = cli_hall(tmp_path)
    device = a_device(tmp_path)
    code = app.main(["ticket", "print", "A001", "--pdf", str(device), "--db", str(db)])
    assert code == cli.EXIT_REFUSED
    error = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    assert error["error"] == "pdf_not_written" and error["reason"] == "not_regular"
    assert is_special(device) and ticket_jobs(db) == []


def test_a_link_at_the_target_is_not_followed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = cli_hall(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    link = tmp_path / "slip.pdf"
    link.symlink_to(victim)
    assert app.main(["ticket", "print", "A001", "--pdf", str(link), "--db", str(db)]) == cli.EXIT_REFUSED
    assert json.loads(capsys.readouterr().err.strip().splitlines()[-1])["reason"] == "symlink"
    assert victim.read_bytes() == b"precious" and link.is_symlink() and ticket_jobs(db) == []


def test_a_link_planted_at_the_old_part_name_is_not_followed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The old writer always used ``slip.pdf.part``: a link planted there redirected the write."""
    db = cli_hall(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    (tmp_path / "slip.pdf.part").symlink_to(victim)
    assert app.main(["ticket", "print", "A001", "--pdf", str(tmp_path / "slip.pdf"), "--db", str(db)]) == 0
    assert victim.read_bytes() == b"precious"
    assert (tmp_path / "slip.pdf").read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE((tmp_path / "slip.pdf").stat().st_mode) & 0o007 == 0  # nobody else reads it
    assert ticket_jobs(db) == ["printed"]


FULL_DISK = textwrap.dedent(
    """
    import json, os, subprocess, sys
    folder, db = sys.argv[1], sys.argv[2]
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8k", "tmpfs", folder], check=True)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from counter_app import app

    code = app.main(["ticket", "print", "A001", "--pdf", folder + "/slip.pdf", "--db", db])
    print(json.dumps({"code": code, "left": sorted(os.listdir(folder))}))
    """
)


def _private_tmpfs_works() -> bool:
    try:
        done = subprocess.run(["unshare", "-rm", "true"], capture_output=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


@pytest.mark.skipif(
    sys.platform != "linux" or not _private_tmpfs_works(), reason="needs unshare -rm (a private tmpfs)"
)
def test_a_full_disk_is_an_error_with_no_broken_file(tmp_path: Path) -> None:
    """An 8 KiB tmpfs in a private mount namespace: the kernel's own ENOSPC for a ~30 KB slip."""
    db = cli_hall(tmp_path)
    folder = tmp_path / "small"
    folder.mkdir()
    done = subprocess.run(
        ["unshare", "-rm", sys.executable, "-c", FULL_DISK, str(folder), str(db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"code": cli.EXIT_STORE_UNAVAILABLE, "left": []}
    error = json.loads(done.stderr.strip().splitlines()[-1])
    assert error["error"] == "store_disk_full" and "The disk is full" in error["message"]
    assert ticket_jobs(db) == ["failed"]


@pytest.fixture
def pay_hall(make_hall: Callable[..., Hall], tmp_path: Path) -> Hall:
    hall = make_hall(profile_file=payment_profile(tmp_path / "profile"))
    hall.account_import.run(write_list(tmp_path / "list.csv", [account_line(1, name="张三明")]))
    return hall


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs /proc")
def test_a_refused_payment_slip_adds_no_guidance_record(pay_hall: Hall) -> None:
    before = pay_hall.payments.figures().guidance
    with pytest.raises(PrinterError):
        guide_and_print_pdf(pay_hall, account_number(1), ["wechat"], "/proc/x.pdf")
    assert pay_hall.payments.figures().guidance == before


def test_a_refused_payment_slip_to_a_device_adds_no_guidance_record(pay_hall: Hall, tmp_path: Path) -> None:
    device = a_device(tmp_path)
    with pytest.raises(PrinterError) as caught:
        guide_and_print_pdf(pay_hall, account_number(1), ["wechat"], device)
    assert caught.value.params["reason"] == "not_regular" and is_special(device)
    assert pay_hall.payments.figures().guidance == 0


def test_a_refused_application_paper_records_no_job(hall: Hall, tmp_path: Path) -> None:
    import application_data

    from counter_app.domain.applications.detail import ApplicationRequest

    ticket = hall.queue.issue("B").ticket
    detail = hall.applications.accept(
        ApplicationRequest(form=application_data.home(), ticket_id=ticket.id, counter=3), clerk="0107"
    )
    device = a_device(tmp_path)
    with pytest.raises(PrinterError):
        print_paper_pdf(hall, detail.number, "receipt", device, paper="a5")
    assert is_special(device) and hall.print_jobs.history("application_receipt", detail.id) == []
    print_paper_pdf(hall, detail.number, "receipt", tmp_path / "receipt.pdf", paper="a5")
    jobs = hall.print_jobs.history("application_receipt", detail.id)
    assert [(copy, status) for _, copy, status, _ in jobs] == [("original", "printed")]  # not a 补打


def test_a_boundary_leaflet_to_a_device_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    device = a_device(tmp_path)
    db = cli_hall(tmp_path)
    code = app.main(["boundary", "after_meter", "--pdf", str(device), "--db", str(db)])
    assert code == cli.EXIT_REFUSED and is_special(device)


def test_a_ticket_twice_to_the_same_path_replaces_it_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = cli_hall(tmp_path)
    out = tmp_path / "slip.pdf"
    for _ in range(2):
        assert app.main(["ticket", "print", "A001", "--pdf", str(out), "--db", str(db)]) == 0
    assert out.read_bytes().rstrip().endswith(b"%%EOF")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    assert ticket_jobs(db) == ["printed", "printed"]


def test_print_ticket_pdf_refuses_before_recording(hall: Hall, tmp_path: Path) -> None:
    issued = hall.queue.issue("A")
    with pytest.raises(PrinterError):
        print_ticket_pdf(hall, "A001", a_device(tmp_path))
    assert hall.print_jobs.history("ticket", issued.ticket.id) == []
