"""Every file ecofacts writes (the knowledge file, the export's database and metadata, the parse cache and the
search index), written one way.

- What is at the target is looked at first (`lstat`, no link followed): a symlink, FIFO, socket, device or
  folder there is refused (`KnowledgeFileError`, exit 3), never replaced.
- The new content goes to a temporary file in the target's folder named `.NAME.PID.XXXXXXXX.tmp` (the pid of the
  writer), is fsync'd, gets the mode of the file it replaces (or that of a plain new file, or the mode asked
  for), and replaces the target in one `os.replace`; the folder is fsync'd after.
- A write that fails or is interrupted removes its temporary file; one a killed writer left is removed by the
  next write into that folder once its pid is gone (or after an hour: a pid may be reused).

`prepare` makes and fills the temporary file and returns a `Pending` write, so that two files can be written as
a pair (both temporary files made, then both replaced); `write` is prepare-then-commit for one file.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path

from ecofacts.errors import KnowledgeFileError

STALE_SECONDS = 3600
SUFFIX = ".tmp"

_KINDS = ((stat.S_ISLNK, "a symbolic link"), (stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def kind_of(mode: int) -> str:
    """What a file of `mode` is, in words ("a FIFO (named pipe)"), for a message."""
    return next((word for test, word in _KINDS if test(mode)), "not a regular file")


def temp_prefix(name: str) -> str:
    """`.NAME.PID.`: our temporary files carry the pid that made them, so that a later write knows them stale."""
    return f".{name}.{os.getpid()}."


def _pid_of(name: str) -> str:
    """The pid in a temporary file's name `.NAME.PID.XXXX.tmp` (NAME may hold dots; mkstemp's XXXX holds none)."""
    parts = name[: -len(SUFFIX)].rsplit(".", 2)
    return parts[1] if len(parts) == 3 else ""


def remove_stale_temps(folder: Path, prefix: str = ".", now: float | None = None) -> None:
    """Remove the temporary files `PREFIX…PID.XXXX.tmp` left in `folder` by a writer that was killed: those whose
    pid is no longer running, or older than an hour. Only regular files; never fails."""
    now = time.time() if now is None else now
    try:
        names = [n for n in os.listdir(folder) if n.startswith(prefix) and n.endswith(SUFFIX)]
    except OSError:
        return
    for name in names:
        pid_text = _pid_of(name)
        path = folder / name
        try:
            info = path.lstat()
            if not stat.S_ISREG(info.st_mode):
                continue
            stale = now - info.st_mtime > STALE_SECONDS
            if not stale and pid_text.isascii() and pid_text.isdigit() and int(pid_text) != os.getpid():
                stale = not _running(int(pid_text))
            if stale:
                path.unlink()
        except OSError:
            continue


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def existing(path: Path) -> os.stat_result | None:
    """The `lstat` of what is at `path`, None when nothing is; refused (exit 3) when it is anything but a regular
    file: a symlink, FIFO, socket, device or folder is never replaced."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise KnowledgeFileError(f"{path}: cannot look at it before writing: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise KnowledgeFileError(f"{path}: is {kind_of(info.st_mode)}; refusing to replace it (nothing written)")
    return info


def _plain_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


class Pending:
    """A temporary file, filled and fsync'd, waiting to replace `path`: `commit()` or `discard()`."""

    def __init__(self, path: Path, tmp: Path, checked: bool = True) -> None:
        self.path = path
        self.tmp = tmp
        self.checked = checked
        self.done = False

    def commit(self) -> None:
        """Replace the target with the temporary file (refused, and the temporary file removed, should something
        that is not a regular file have appeared at the target since)."""
        try:
            if self.checked:
                existing(self.path)
            os.replace(self.tmp, self.path)
        except BaseException:
            self.discard()
            raise
        self.done = True
        sync_folder(self.path.parent)

    def discard(self) -> None:
        if not self.done:
            self.done = True
            with contextlib.suppress(OSError):
                os.unlink(self.tmp)


def prepare(path: Path, fill: Callable[[Path], None], *, mode: int | None = None,
            adjust: Callable[[int], None] | None = None, private: bool = False) -> Pending:
    """A temporary file beside `path`, filled by `fill(tmp)`, given `mode` (else the mode of the file it will
    replace, else a plain new file's), then `adjust(fd)` (owner, extended attributes...) and fsync'd. Refuses a
    target that is not a regular file, except with `private` (the cache's own folder, which nobody else can
    write: there the entry itself is replaced, never followed). On any failure the temporary file is removed and
    the error raised."""
    path = Path(path)
    info = None if private else existing(path)
    remove_stale_temps(path.parent, f".{path.name}.")
    import tempfile  # here, where a file is written: not for `verify`, which reads (`inputs` uses `kind_of`)

    fd, name = tempfile.mkstemp(prefix=temp_prefix(path.name), suffix=SUFFIX, dir=path.parent)
    os.close(fd)
    pending = Pending(path, Path(name), checked=not private)
    try:
        fill(pending.tmp)
        fd = os.open(pending.tmp, os.O_RDWR | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0))
        try:
            chosen = mode if mode is not None else stat.S_IMODE(info.st_mode) if info is not None else _plain_mode()
            os.fchmod(fd, chosen)
            if adjust is not None:
                adjust(fd)
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        pending.discard()
        raise
    return pending


def write(path: Path, fill: Callable[[Path], None], *, mode: int | None = None,
          adjust: Callable[[int], None] | None = None, private: bool = False) -> None:
    """`prepare` then `commit`: `path` is the new file whole, or what it was."""
    prepare(path, fill, mode=mode, adjust=adjust, private=private).commit()


def write_bytes(path: Path, data: bytes, *, mode: int | None = None,
                adjust: Callable[[int], None] | None = None) -> None:
    write(path, lambda tmp: fill_bytes(tmp, data), mode=mode, adjust=adjust)


def fill_bytes(tmp: Path, data: bytes) -> None:
    """A `fill` for `prepare`: the temporary file holds `data`."""
    with open(tmp, "wb") as out:
        out.write(data)


def sync_folder(folder: Path) -> None:
    """fsync a folder, so that a rename in it survives a crash; best effort."""
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
