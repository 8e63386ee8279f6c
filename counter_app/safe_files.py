"""Files the tool writes (PDFs, exports, backups, reject lists) and the input files it reads.

Outside the layers, like :mod:`counter_app.paths`: printing, services and the store all use it, and it
uses nothing but the standard library and the shared errors.

Writing promises:

* **Whole or not at all.** Bytes go to a temporary file in the target's own folder (random name,
  created with ``O_CREAT | O_EXCL | O_NOFOLLOW``, so a link or file planted there is never written
  through), are flushed and ``fsync``-ed, and the file is renamed over the target; then the folder
  is synced. On any failure the temporary file is removed and the target is as it was.
* **Only regular files.** A target that is a symlink, a device (``/dev/full``), a FIFO, a socket or
  a folder is refused before anything is written, and looked at again just before the rename.
* **Plain errors.** :class:`FileRefused` (a ``HallError``: the path cannot be used; the CLI's exit 2)
  or :class:`FileUnavailable` (the environment failed: disk full, I/O error; exit 4), each with a
  ``reason`` and a message that says what happened.
* **Private.** Files are created ``0o640`` and folders ``0o750`` (owner and group; the umask may
  narrow that further).

Reading promise (:func:`open_input`): only a regular file is opened for reading; a FIFO is never
waited on, a device is never read (``/dev/zero`` would never end), and a size bound is checked first.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import time
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from counter_app.domain.errors import FileRefused, FileUnavailable

try:
    import fcntl
except ImportError:  # Windows: no flock; abandoned work is then told by its age alone
    fcntl = None  # type: ignore[assignment]

FILE_MODE = 0o640
FOLDER_MODE = 0o750
TEMP_SUFFIX = ".counter-part"
ABANDONED_AFTER_S = 6 * 3600.0
"""A temporary file untouched this long belongs to no running write (a PDF or an export takes
seconds, a backup minutes) and may be swept."""

_TEMP_NAME = re.compile(r"\..{1,100}\.[0-9a-f]{16}" + re.escape(TEMP_SUFFIX) + r"\Z", re.DOTALL)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_AT = os.name == "posix" and {os.open, os.stat, os.unlink, os.rename} <= os.supports_dir_fd
_CREATE_TRIES = 8

_DISK_FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_REFUSALS = {
    errno.EACCES: "no_permission",
    errno.EPERM: "no_permission",
    errno.EROFS: "read_only",
    errno.ENOENT: "no_folder",
    errno.ENOTDIR: "no_folder",
    errno.ELOOP: "symlink",
    errno.EMLINK: "symlink",  # FreeBSD's answer to O_NOFOLLOW on a link
    errno.ENAMETOOLONG: "bad_name",
    errno.EINVAL: "bad_name",
    errno.EISDIR: "not_regular",
    errno.ENXIO: "not_regular",
    errno.ENODEV: "not_regular",
    errno.ETXTBSY: "not_regular",
}
_REFUSAL_TEXT = {
    "no_permission": "no permission to write there",
    "read_only": "the disk or folder is read-only",
    "no_folder": "the folder does not exist",
    "symlink": "it is a symbolic link, which is never followed",
    "bad_name": "the name cannot be used",
    "not_regular": "it is not a regular file (a device, pipe or folder)",
    "missing": "the file does not exist",
    "too_large": "the file is too large",
    "not_text": "it is not text in the expected encoding",
}


def failure(exc: OSError, path: Path | str) -> FileRefused | FileUnavailable:
    """An ``OSError`` met while writing ``path`` as the plain error it means."""
    detail = exc.strerror or str(exc)
    if exc.errno in _DISK_FULL:
        what = "The disk is full" if exc.errno != errno.EFBIG else "The file is larger than the disk allows"
        return FileUnavailable(
            f"{what}: {path} was not written ({detail})", reason="disk_full", path=str(path)
        )
    reason = _REFUSALS.get(exc.errno or 0)
    if reason is None:
        return FileUnavailable(
            f"The disk reported an error: {path} was not written ({detail})", reason="io", path=str(path)
        )
    return refused(path, reason, detail)


def refused(path: Path | str, reason: str, detail: str = "") -> FileRefused:
    text = _REFUSAL_TEXT[reason] + (f" ({detail})" if detail else "")
    return FileRefused(f"Cannot use {path}: {text}", path=str(path), reason=reason, explanation=text)


def make_folder(folder: Path | str, mode: int = FOLDER_MODE) -> None:
    """Create ``folder`` and any missing parents with ``mode``; folders already there are kept as
    they are. :class:`FileRefused` when a part of the path is a file."""
    folder = Path(folder)
    missing: list[Path] = []
    probe = folder
    while not probe.is_dir():
        if probe.is_symlink() or probe.exists():
            raise refused(folder, "no_folder", f"{probe} is not a folder")
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for level in reversed(missing):
        try:
            os.mkdir(level, mode)
        except FileExistsError:
            if not level.is_dir():
                raise refused(folder, "no_folder", f"{level} is not a folder") from None
        except OSError as exc:
            raise failure(exc, folder) from None


def _check_kind(path: Path, mode: int) -> None:
    if stat.S_ISLNK(mode):
        raise refused(path, "symlink")
    if not stat.S_ISREG(mode):
        raise refused(path, "not_regular")


def temp_name(target_name: str) -> str:
    """A fresh temporary name next to ``target_name``, recognisable by :func:`sweep_abandoned`."""
    return f".{target_name[:100]}.{secrets.token_hex(8)}{TEMP_SUFFIX}"


class _Folder:
    """The target's folder, held open so every step acts in the same folder even if its path is
    swapped meanwhile (``*at`` system calls where the platform has them)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd: int | None = None
        if _AT:
            self.fd = os.open(path, os.O_RDONLY | _DIRECTORY | _CLOEXEC)

    def _at(self, name: str) -> str:
        return name if self.fd is not None else str(self.path / name)

    def lstat(self, name: str) -> os.stat_result | None:
        try:
            return os.stat(self._at(name), dir_fd=self.fd, follow_symlinks=False)
        except FileNotFoundError:
            return None

    def create(self, name: str, mode: int) -> int:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC | _BINARY
        return os.open(self._at(name), flags, mode, dir_fd=self.fd)

    def replace(self, name: str, target: str) -> None:
        os.replace(self._at(name), self._at(target), src_dir_fd=self.fd, dst_dir_fd=self.fd)

    def unlink(self, name: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._at(name), dir_fd=self.fd)

    def sync(self) -> None:
        if self.fd is None:
            return  # Windows: no folder handle to sync; NTFS journals the rename
        try:
            os.fsync(self.fd)
        except OSError as exc:
            if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
                raise

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


class AtomicFile:
    """A file written in one go: :meth:`write` bytes inside ``with``; a clean exit puts the whole
    file at the target, an exception leaves nothing (and the target as it was)."""

    def __init__(self, target: Path | str, *, mode: int = FILE_MODE, make_folders: bool = True) -> None:
        self.target = Path(target)
        self.mode = mode
        self.make_folders = make_folders
        self._folder: _Folder | None = None
        self._fd: int | None = None
        self._temp = ""
        self.size = 0

    def __enter__(self) -> AtomicFile:
        try:
            self._open()
        except BaseException:
            self._discard()
            raise
        return self

    def _open(self) -> None:
        name = self.target.name
        if not name or name in (".", ".."):
            raise refused(self.target, "bad_name")
        folder = self.target.parent
        if self.make_folders:
            make_folder(folder)
        try:
            self._folder = _Folder(folder)
            found = self._folder.lstat(name)
            if found is not None:
                _check_kind(self.target, found.st_mode)
            for _ in range(_CREATE_TRIES):
                self._temp = temp_name(name)
                try:
                    self._fd = self._folder.create(self._temp, self.mode)
                    return
                except FileExistsError:  # a planted file or link at that name: never opened
                    continue
        except OSError as exc:
            raise failure(exc, self.target) from None
        raise refused(self.target, "no_permission", "no free temporary name in the folder")

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if self._fd is None:
            raise ValueError("write outside 'with'")
        view = memoryview(data).cast("B")
        try:
            while view:
                written = os.write(self._fd, view)
                view = view[written:]
                self.size += written
        except OSError as exc:
            raise failure(exc, self.target) from None

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        if kind is not None:
            self._discard()
            return
        try:
            self._commit()
        except BaseException:
            self._discard()
            raise

    def _commit(self) -> None:
        assert self._folder is not None and self._fd is not None
        try:
            os.fsync(self._fd)
            fd, self._fd = self._fd, None
            os.close(fd)
            found = self._folder.lstat(self.target.name)  # a link or device put there meanwhile
            if found is not None:
                _check_kind(self.target, found.st_mode)
            self._folder.replace(self._temp, self.target.name)
            self._temp = ""
            self._folder.sync()
        except OSError as exc:
            raise failure(exc, self.target) from None
        self._close_folder()

    def _discard(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None
        if self._folder is not None and self._temp:
            with contextlib.suppress(OSError):
                self._folder.unlink(self._temp)
            self._temp = ""
        self._close_folder()

    def _close_folder(self) -> None:
        if self._folder is not None:
            with contextlib.suppress(OSError):
                self._folder.close()
            self._folder = None


def write_file(
    target: Path | str,
    data: bytes | bytearray | memoryview,
    *,
    mode: int = FILE_MODE,
    make_folders: bool = True,
) -> None:
    """Put ``data`` at ``target`` whole, synced, or not at all (see the module doc)."""
    with AtomicFile(target, mode=mode, make_folders=make_folders) as out:
        out.write(data)


def check_target(target: Path | str) -> None:
    """Refuse now what a write to ``target`` would refuse, without writing it: a target that is not
    a regular file, a folder that cannot hold new files. Lets a command refuse before it records
    anything. (A full disk still shows only when writing.)"""
    target = Path(target)
    if not target.name or target.name in (".", ".."):
        raise refused(target, "bad_name")
    try:
        found = os.lstat(target)
    except FileNotFoundError:
        found = None
    except OSError as exc:
        raise failure(exc, target) from None
    if found is not None:
        _check_kind(target, found.st_mode)
    folder = target.parent
    while not folder.is_dir():  # will be created: the nearest existing folder must allow it
        if folder.is_symlink() or folder.exists() or folder.parent == folder:
            raise refused(target, "no_folder", f"{folder} is not a folder")
        folder = folder.parent
    probe = folder / temp_name(target.name)
    try:
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, FILE_MODE))
    except FileNotFoundError as exc:  # the folder is there, but takes no new files (/proc)
        raise refused(target, "no_permission", exc.strerror or "") from None
    except OSError as exc:
        raise failure(exc, target) from None
    with contextlib.suppress(OSError):
        os.unlink(probe)


def open_input(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> BinaryIO:
    """Open an input file for reading (binary), refusing anything but a regular file and, with
    ``max_bytes``, a file larger than that. Never blocks on a FIFO. The caller closes it."""
    path = Path(path)
    try:
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        fd = os.open(path, flags | _CLOEXEC | _BINARY)
    except FileNotFoundError:
        raise refused(path, "missing") from None
    except OSError as exc:
        raise failure(exc, path) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise refused(path, "not_regular")
        if max_bytes is not None and info.st_size > max_bytes:
            raise refused(path, "too_large", f"{info.st_size} bytes, at most {max_bytes}")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_input_text(path: Path | str, *, max_bytes: int, encoding: str = "utf-8") -> str:
    """A small text input (a profile, a schedule) read whole: only a regular file of at most
    ``max_bytes``, decoded with ``encoding``. :class:`FileRefused` (``missing``, ``not_regular``,
    ``too_large``, ``not_text``) or :class:`FileUnavailable`; never a binary file's decode error."""
    with open_input(path, max_bytes=max_bytes) as stream:
        try:
            data = stream.read(max_bytes + 1)
        except OSError as exc:
            raise failure(exc, path) from None
    if len(data) > max_bytes:  # grew since it was measured
        raise refused(path, "too_large", f"more than {max_bytes} bytes")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise refused(path, "not_text", f"{encoding}: byte {exc.start}") from None


class WorkLock:
    """Says "a running process is working on this" for as long as that process lives: an exclusive
    ``flock`` on a small file, which the kernel releases when the process ends, however it ends
    (a kill, a power cut's reboot). :func:`is_abandoned` asks the other side. Where the platform has
    no ``flock`` (Windows) nothing can be proved and the callers fall back on the file's age."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.fd: int | None = None

    def acquire(self) -> WorkLock:
        if fcntl is None:
            return self
        for _ in range(_CREATE_TRIES):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | _NOFOLLOW | _CLOEXEC, FILE_MODE)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                mine, there = os.fstat(fd), os.stat(self.path, follow_symlinks=False)
            except OSError:
                os.close(fd)
                raise
            if (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino):
                self.fd = fd
                return self
            os.close(fd)  # a sweeper removed the file between our open and our lock: again
        raise refused(self.path, "no_permission", "cannot hold a lock file there")

    def release(self, *, remove: bool = True) -> None:
        if self.fd is None:
            return
        if remove:
            with contextlib.suppress(OSError):
                os.unlink(self.path)
        with contextlib.suppress(OSError):
            os.close(self.fd)
        self.fd = None

    def __enter__(self) -> WorkLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def is_abandoned(lock: Path | str) -> bool | None:
    """``True`` when nobody holds the :class:`WorkLock` file ``lock`` (its process ended: what it
    left may go), ``False`` while someone does, ``None`` when it cannot be told (no such file, no
    ``flock`` here)."""
    if fcntl is None:
        return None
    try:
        fd = os.open(lock, os.O_RDONLY | _NOFOLLOW | _CLOEXEC)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        return None
    finally:
        os.close(fd)  # closing drops a lock we took
    return True


def sweep_abandoned(
    folder: Path | str, *, older_than_s: float = ABANDONED_AFTER_S, now: float | None = None
) -> list[str]:
    """Delete this module's temporary files in ``folder`` (by name pattern only) that nobody has
    touched for ``older_than_s`` seconds: what a killed process left. Links are removed, never
    followed; anything else is never touched. The names removed."""
    moment = time.time() if now is None else now
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not _TEMP_NAME.match(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not (stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode)):
                continue
            if moment - info.st_mtime < older_than_s:
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(entry.name)
    return sorted(removed)
