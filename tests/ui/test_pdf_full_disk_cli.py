"""The issue's reproducer, end to end: each ``--pdf`` command of the command line on a really full
filesystem (an 8 KiB tmpfs in a private mount namespace, the kernel's own ENOSPC) exits 4, leaves no
file, and does not record the paper as printed."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from payment_data import account_line, account_number, payment_profile, write_list

from counter_app import app, cli

pytestmark = pytest.mark.usefixtures("qapp")

FULL_DISK = textwrap.dedent(
    """
    import json, os, subprocess, sys
    folder, argv = sys.argv[1], json.loads(sys.argv[2])
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8k", "tmpfs", folder], check=True)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from counter_app import app

    code = app.main(argv)
    print(json.dumps({"code": code, "left": sorted(os.listdir(folder))}))
    """
)


def _private_tmpfs_works() -> bool:
    try:
        done = subprocess.run(["unshare", "-rm", "true"], capture_output=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


needs_tmpfs = pytest.mark.skipif(
    sys.platform != "linux" or not _private_tmpfs_works(), reason="needs unshare -rm (a private tmpfs)"
)


def on_a_full_disk(folder: Path, argv: list[str]) -> tuple[dict[str, object], dict[str, object]]:
    folder.mkdir()
    done = subprocess.run(
        ["unshare", "-rm", sys.executable, "-c", FULL_DISK, str(folder), json.dumps(argv)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1]), json.loads(done.stderr.strip().splitlines()[-1])


@needs_tmpfs
def test_a_payment_slip_on_a_full_disk(tmp_path: Path) -> None:
    db = tmp_path / "hall.sqlite3"
    hall = app.open_hall(db, profile_file=payment_profile(tmp_path / "profile"), create=True)
    hall.account_import.run(write_list(tmp_path / "list.csv", [account_line(1, name="张三明")]))
    hall.close()
    small = tmp_path / "small"
    argv = ["slip", "payment", account_number(1), "--pdf", f"{small}/slip.pdf", "--db", str(db)]
    result, error = on_a_full_disk(small, argv)
    assert result == {"code": cli.EXIT_STORE_UNAVAILABLE, "left": []}
    assert error["error"] == "store_disk_full"
    hall = app.open_hall(db)
    try:
        guidance_id = error["guidance_id"]
        assert isinstance(guidance_id, int)
        jobs = hall.print_jobs.history("payment_slip", guidance_id)
        assert [(copy, status) for _, copy, status, _ in jobs] == [("original", "failed")]
    finally:
        hall.close()


@needs_tmpfs
def test_an_application_receipt_on_a_full_disk(tmp_path: Path) -> None:
    import application_data

    from counter_app.domain.applications.detail import ApplicationRequest

    db = tmp_path / "hall.sqlite3"
    hall = app.open_hall(db, create=True)
    ticket = hall.queue.issue("B").ticket
    detail = hall.applications.accept(
        ApplicationRequest(form=application_data.home(), ticket_id=ticket.id, counter=3), clerk="0107"
    )
    hall.close()
    small = tmp_path / "small"
    argv = ["application", "print", detail.number, "--pdf", f"{small}/receipt.pdf", "--db", str(db)]
    result, error = on_a_full_disk(small, argv)
    assert result == {"code": cli.EXIT_STORE_UNAVAILABLE, "left": []}
    assert error["error"] == "store_disk_full"
    hall = app.open_hall(db)
    try:
        jobs = hall.print_jobs.history("application_receipt", detail.id)
        assert [(copy, status) for _, copy, status, _ in jobs] == [("original", "failed")]
    finally:
        hall.close()
