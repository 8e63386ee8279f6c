"""Safe output files: whole or nothing, never through a link, never onto a device, private modes;
input files only when regular; abandoned temporary files swept by name and age only."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app import safe_files
from counter_app.domain.errors import FileRefused, FileUnavailable, HallError, StoreUnavailable
from counter_app.safe_files import (
    AtomicFile,
    check_target,
    failure,
    make_folder,
    open_input,
    sweep_abandoned,
    write_file,
)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(safe_files.TEMP_SUFFIX))


# --- writing --------------------------------------------------------------------------------------


def test_writes_the_whole_file_private_in_private_folders(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "slip.pdf"
    write_file(target, b"%PDF-1.4 whole")
    assert target.read_bytes() == b"%PDF-1.4 whole"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o750
    assert stat.S_IMODE((tmp_path / "a" / "b").stat().st_mode) == 0o750
    assert leftovers(target.parent) == []


def test_an_existing_folder_keeps_its_mode(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    write_file(tmp_path / "x.pdf", b"x")
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755


def test_a_stricter_umask_narrows_the_mode(tmp_path: Path) -> None:
    os.umask(0o077)
    write_file(tmp_path / "x.pdf", b"x")
    assert stat.S_IMODE((tmp_path / "x.pdf").stat().st_mode) == 0o600


def test_replaces_a_regular_file_and_makes_it_private(tmp_path: Path) -> None:
    target = tmp_path / "slip.pdf"
    target.write_bytes(b"old")
    target.chmod(0o644)
    write_file(target, b"new")
    assert target.read_bytes() == b"new" and stat.S_IMODE(target.stat().st_mode) == 0o640


def test_streaming_writes_and_size(tmp_path: Path) -> None:
    target = tmp_path / "export.jsonl"
    with AtomicFile(target) as out:
        for n in range(1000):
            out.write(b"%d\n" % n)
        assert not target.exists()  # nothing at the target until the end
    assert target.read_bytes().count(b"\n") == 1000 and out.size == target.stat().st_size


def test_an_error_inside_leaves_the_target_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "slip.pdf"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), AtomicFile(target) as out:
        out.write(b"half")
        raise RuntimeError("drawing failed")
    assert target.read_bytes() == b"old" and leftovers(tmp_path) == []


def test_a_device_target_is_refused_and_stays_a_device(tmp_path: Path) -> None:
    """A device node of our own, the same as /dev/full (1, 7): never the machine's, which a buggy
    writer run as root would replace with a regular file."""
    device = tmp_path / "full"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except OSError:
        pytest.skip("mknod is not allowed here")
    with pytest.raises(FileRefused) as caught:
        write_file(device, b"x")
    assert caught.value.reason == "not_regular" and str(device) in str(caught.value)
    assert stat.S_ISCHR(os.lstat(device).st_mode)
    with pytest.raises(FileRefused):
        check_target(device)
    assert leftovers(tmp_path) == []


def test_a_symlink_target_is_refused_and_never_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    link = tmp_path / "slip.pdf"
    link.symlink_to(victim)
    with pytest.raises(FileRefused) as caught:
        write_file(link, b"attack")
    assert caught.value.reason == "symlink"
    assert victim.read_bytes() == b"precious" and link.is_symlink() and leftovers(tmp_path) == []
    dangling = tmp_path / "other.pdf"
    dangling.symlink_to(tmp_path / "would-be-created")
    with pytest.raises(FileRefused):
        write_file(dangling, b"attack")
    assert not (tmp_path / "would-be-created").exists()


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_other_kinds_of_target_are_refused(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "slip.pdf"
    if kind == "fifo":
        os.mkfifo(target)
    else:
        target.mkdir()
    with pytest.raises(FileRefused) as caught:
        write_file(target, b"x")  # a FIFO would block forever if it were opened
    assert caught.value.reason == "not_regular"
    with pytest.raises(FileRefused):
        check_target(target)
    assert leftovers(tmp_path) == []


def test_a_link_planted_at_the_temporary_name_is_never_written_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    tokens = iter(["a" * 16, "b" * 16])
    monkeypatch.setattr(safe_files.secrets, "token_hex", lambda n: next(tokens))
    planted = tmp_path / f".slip.pdf.{'a' * 16}{safe_files.TEMP_SUFFIX}"
    planted.symlink_to(victim)
    write_file(tmp_path / "slip.pdf", b"slip")
    assert (tmp_path / "slip.pdf").read_bytes() == b"slip"
    assert victim.read_bytes() == b"precious" and planted.is_symlink()


def test_every_temporary_name_taken_is_a_refusal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safe_files.secrets, "token_hex", lambda n: "c" * 16)
    (tmp_path / f".slip.pdf.{'c' * 16}{safe_files.TEMP_SUFFIX}").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(FileRefused):
        write_file(tmp_path / "slip.pdf", b"slip")
    assert not (tmp_path / "elsewhere").exists() and not (tmp_path / "slip.pdf").exists()


def test_a_link_swapped_in_before_the_rename_is_refused(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    target = tmp_path / "slip.pdf"
    with pytest.raises(FileRefused) as caught, AtomicFile(target) as out:
        out.write(b"slip")
        target.symlink_to(victim)
    assert caught.value.reason == "symlink" and target.is_symlink()
    assert victim.read_bytes() == b"precious" and leftovers(tmp_path) == []


def test_a_file_where_the_folder_should_be_is_refused(tmp_path: Path) -> None:
    (tmp_path / "not-a-folder").write_bytes(b"")
    for call in (write_file, lambda p, d: check_target(p)):
        with pytest.raises(FileRefused) as caught:
            call(tmp_path / "not-a-folder" / "deeper" / "t.pdf", b"x")
        assert caught.value.reason == "no_folder"


@pytest.mark.parametrize("name", ["", ".", ".."])
def test_a_target_without_a_file_name_is_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(FileRefused):
        write_file(str(tmp_path) + "/" + name if name else "", b"x")


@pytest.mark.parametrize(
    ("where", "number", "kind", "reason"),
    [
        ("write", errno.ENOSPC, FileUnavailable, "disk_full"),
        ("write", errno.EDQUOT, FileUnavailable, "disk_full"),
        ("write", errno.EIO, FileUnavailable, "io"),
        ("fsync", errno.ENOSPC, FileUnavailable, "disk_full"),  # NFS reports a full disk late
        ("fsync", errno.EIO, FileUnavailable, "io"),
        ("open", errno.EACCES, FileRefused, "no_permission"),
        ("open", errno.EROFS, FileRefused, "read_only"),
    ],
)
def test_failures_leave_nothing_and_say_what_happened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, number: int, kind: type, reason: str
) -> None:
    target = tmp_path / "slip.pdf"
    target.write_bytes(b"old")
    real = {"write": os.write, "fsync": os.fsync, "open": os.open}[where]

    def failing(*args: object, **kwargs: object) -> object:
        first = args[0]
        if where == "open" and not str(first).endswith(safe_files.TEMP_SUFFIX):
            return real(*args, **kwargs)  # type: ignore[operator]
        if where == "fsync" and stat.S_ISDIR(os.fstat(first).st_mode):  # type: ignore[arg-type]
            return real(*args, **kwargs)  # type: ignore[operator]
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr(safe_files.os, where, failing)
    with pytest.raises(kind) as caught:
        write_file(target, b"new" * 1000)
    monkeypatch.undo()
    assert caught.value.reason == reason and str(target) in str(caught.value)
    assert target.read_bytes() == b"old" and leftovers(tmp_path) == []


def test_the_two_kinds_are_what_the_cli_and_windows_already_show() -> None:
    assert issubclass(FileRefused, HallError)  # exit 2, a refusal
    assert issubclass(FileUnavailable, StoreUnavailable)  # exit 4, the environment


@pytest.mark.parametrize(
    ("number", "kind", "reason"),
    [
        (errno.ENOSPC, FileUnavailable, "disk_full"),
        (errno.EFBIG, FileUnavailable, "disk_full"),
        (errno.EIO, FileUnavailable, "io"),
        (errno.EACCES, FileRefused, "no_permission"),
        (errno.EPERM, FileRefused, "no_permission"),
        (errno.EROFS, FileRefused, "read_only"),
        (errno.ENOENT, FileRefused, "no_folder"),
        (errno.ELOOP, FileRefused, "symlink"),
        (errno.ENAMETOOLONG, FileRefused, "bad_name"),
        (errno.EISDIR, FileRefused, "not_regular"),
    ],
)
def test_failure_mapping(number: int, kind: type, reason: str) -> None:
    error = failure(OSError(number, os.strerror(number)), "/x/slip.pdf")
    assert isinstance(error, kind) and error.reason == reason
    assert "/x/slip.pdf" in str(error) and os.strerror(number) in str(error)


def _unshare_works() -> bool:
    if shutil.which("unshare") is None or sys.platform != "linux":
        return False
    try:
        done = subprocess.run(["unshare", "-rm", "true"], capture_output=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


REAL_FULL_DISK = textwrap.dedent(
    """
    import os, subprocess, sys
    folder = sys.argv[1]
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", folder], check=True)
    from counter_app.domain.errors import FileUnavailable
    from counter_app.safe_files import write_file
    write_file(folder + "/slip.pdf", b"old")
    try:
        write_file(folder + "/slip.pdf", b"x" * 300_000)
    except FileUnavailable as exc:
        print(exc.reason, "|", exc)
    print(sorted(os.listdir(folder)), open(folder + "/slip.pdf", "rb").read())
    """
)


@pytest.mark.skipif(not _unshare_works(), reason="needs unshare -rm (a private tmpfs) on Linux")
def test_a_really_full_disk(tmp_path: Path) -> None:
    """A 64 KiB tmpfs in a private mount namespace: the kernel's own ENOSPC, no simulation."""
    folder = tmp_path / "small"
    folder.mkdir()
    done = subprocess.run(
        ["unshare", "-rm", sys.executable, "-c", REAL_FULL_DISK, str(folder)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    first, second = done.stdout.strip().splitlines()
    assert first.startswith("disk_full | The disk is full:")
    assert second == "['slip.pdf'] b'old'"  # no temporary file, the old file whole


# --- check_target ---------------------------------------------------------------------------------


def test_check_target_accepts_what_can_be_written_and_leaves_nothing(tmp_path: Path) -> None:
    check_target(tmp_path / "new.pdf")
    check_target(tmp_path / "missing" / "folders" / "new.pdf")
    (tmp_path / "old.pdf").write_bytes(b"old")
    check_target(tmp_path / "old.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.pdf"]


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs /proc")
def test_check_target_refuses_a_folder_that_takes_no_files() -> None:
    with pytest.raises(FileRefused) as caught:
        check_target("/proc/x.pdf")
    assert caught.value.reason in ("no_permission", "read_only")


# --- make_folder ----------------------------------------------------------------------------------


def test_make_folder_is_idempotent(tmp_path: Path) -> None:
    make_folder(tmp_path / "a" / "b")
    make_folder(tmp_path / "a" / "b")
    assert (tmp_path / "a" / "b").is_dir()


# --- reading --------------------------------------------------------------------------------------


def test_open_input_reads_a_regular_file(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"a,b\n")
    with open_input(path, max_bytes=4) as stream:
        assert stream.read() == b"a,b\n"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_open_input_refuses_devices(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device}")
    with pytest.raises(FileRefused) as caught:
        open_input(device)
    assert caught.value.reason == "not_regular"


def test_open_input_refuses_a_fifo_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "in.csv"
    os.mkfifo(fifo)
    with pytest.raises(FileRefused) as caught:
        open_input(fifo)  # with no writer, a plain open() would block forever
    assert caught.value.reason == "not_regular"


def test_open_input_refuses_a_folder_a_missing_file_and_a_large_one(tmp_path: Path) -> None:
    with pytest.raises(FileRefused) as caught:
        open_input(tmp_path)
    assert caught.value.reason == "not_regular"
    with pytest.raises(FileRefused) as caught:
        open_input(tmp_path / "nope.csv")
    assert caught.value.reason == "missing"
    (tmp_path / "big.csv").write_bytes(b"x" * 10)
    with pytest.raises(FileRefused) as caught:
        open_input(tmp_path / "big.csv", max_bytes=9)
    assert caught.value.reason == "too_large"


# --- sweeping -------------------------------------------------------------------------------------


def test_sweep_removes_only_old_temporary_files_by_name(tmp_path: Path) -> None:
    now = time.time()
    old_temp = tmp_path / f".slip.pdf.{'d' * 16}{safe_files.TEMP_SUFFIX}"
    new_temp = tmp_path / f".slip.pdf.{'e' * 16}{safe_files.TEMP_SUFFIX}"
    stranger = tmp_path / "slip.pdf.part"  # not ours, however old
    link_temp = tmp_path / f".x.pdf.{'f' * 16}{safe_files.TEMP_SUFFIX}"
    dir_temp = tmp_path / f".y.pdf.{'0' * 16}{safe_files.TEMP_SUFFIX}"
    victim = tmp_path / "victim.txt"
    for path in (old_temp, new_temp, stranger, victim):
        path.write_bytes(b"x")
    link_temp.symlink_to(victim)
    dir_temp.mkdir()
    day_ago = now - 24 * 3600
    for path in (old_temp, stranger, dir_temp, victim):
        os.utime(path, (day_ago, day_ago))
    os.utime(link_temp, (day_ago, day_ago), follow_symlinks=False)
    removed = sweep_abandoned(tmp_path, now=now)
    assert removed == sorted([old_temp.name, link_temp.name])
    assert new_temp.exists() and stranger.exists() and dir_temp.is_dir() and victim.read_bytes() == b"x"
    assert sweep_abandoned(tmp_path / "no-such-folder") == []


def test_a_killed_writer_leaves_a_file_the_sweep_recognises(tmp_path: Path) -> None:
    """What a SIGKILL between create and rename leaves is exactly what the sweep removes."""
    out = AtomicFile(tmp_path / "slip.pdf")
    out.__enter__()
    out.write(b"half")
    (left,) = leftovers(tmp_path)
    assert sweep_abandoned(tmp_path, now=time.time() + safe_files.ABANDONED_AFTER_S + 1) == [left]
    out.__exit__(RuntimeError, RuntimeError("gone"), None)
    assert leftovers(tmp_path) == [] and not (tmp_path / "slip.pdf").exists()
