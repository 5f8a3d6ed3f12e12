"""The user's private cache folder and the files kept in it: found (and made) only when it is ours and nobody else
can write it, each file read only when it is a regular file of ours that nobody else can write, and checked
whole against the checksum in its first line; written atomically, never needed (a failure to read or write it
is not an error: the caller makes what it holds again). Used by the parse cache (`cache`: the database and the
search index) and by the vocabulary (`vocabulary`: the words folded once).

$XDG_CACHE_HOME/ecofacts, by default ~/.cache/ecofacts; mode 0700, files 0600; else a private `ecofacts-UID`
folder beside it; else nothing is kept. `--no-cache` and $ECOFACTS_NO_CACHE keep nothing, nor read anything kept.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

_wanted = True  # `ecofacts --no-cache` turns it off for the run (`keep`)


def keep(wanted: bool) -> None:
    """Whether files other than the parse cache may be kept (read and written) in this run (`wanted`):
    `ecofacts --no-cache` says no."""
    global _wanted
    _wanted = wanted


def wanted() -> bool:
    """Whether files may be kept: not with `--no-cache` (`keep`) nor with $ECOFACTS_NO_CACHE. (The parse cache is
    told so by its caller, `loader.load(use_cache=...)`.)"""
    return _wanted and os.environ.get("ECOFACTS_NO_CACHE", "") in ("", "0")


def folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or ""
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "ecofacts"


def trusted(info: os.stat_result) -> bool:
    """Ours, and writable by no one else: nobody but us can have put anything in it."""
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def private_folder(create: bool) -> Path | None:
    """The cache folder if it is ours and nobody else can write it (made so, and private, when `create`); else
    `ecofacts-UID` beside it on the same terms; else None (no cache)."""
    try:
        first = folder()
        candidates = [first, first.with_name(f"ecofacts-{os.getuid()}")]
    except (OSError, RuntimeError, KeyError):  # no home folder
        return None
    for where in candidates:
        try:
            if create:
                where.mkdir(mode=0o700, parents=True, exist_ok=True)
            info = where.lstat()
            if not stat.S_ISDIR(info.st_mode) or not trusted(info):
                continue  # someone else's, a symlink, a file, or group/other-writable: never read, never written
            if info.st_mode & 0o077:
                where.chmod(0o700)
            return where
        except (OSError, RuntimeError):  # no permission, read-only, a file in the way...: the next, or no cache
            continue
    return None


def replace(path: Path, fill: Callable[[str], None]) -> None:
    """`fill` a temporary file beside `path` (mode 0600), then put it in `path`'s place in one `os.replace`
    (`atomic`). A failure leaves `path` as it was and no temporary file behind; it is not raised: a cache is never
    needed. Temporary files of writers since killed are removed first, whatever file of the folder they were for."""
    import sqlite3  # a database filled by `fill` may fail so

    from ecofacts import atomic
    from ecofacts.errors import KnowledgeFileError

    atomic.remove_stale_temps(path.parent, ".")
    with contextlib.suppress(OSError, sqlite3.Error, OverflowError, ValueError, KnowledgeFileError):
        atomic.write(path, lambda tmp: fill(str(tmp)), mode=0o600, private=True)


def write_kept(tmp: str, header: list[Any], body: bytes) -> None:
    """A kept file: its header (a JSON list ending with the checksum of the body) on the first line, then the body."""
    with open(tmp, "wb") as f:
        f.write(json.dumps([*header, zlib.crc32(body)]).encode() + b"\n")
        f.write(body)


def read_kept(path: Path, header: list[Any]) -> bytes | None:
    """The body of the kept file at `path`: if it is ours (and nobody else's to write), its header is `header` (what
    it was made from) and its body is what was written (the header's checksum); else None."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)  # a FIFO in its place must not block
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not trusted(info):  # a folder, a FIFO, someone else's
            return None
        with open(fd, "rb", closefd=False) as f:
            first = f.readline()
            body = f.read(info.st_size - len(first))  # one allocation of the known size, not a growing buffer
    except OSError:
        return None
    finally:
        os.close(fd)
    try:
        stored = json.loads(first)
    except ValueError:
        return None
    if not isinstance(stored, list) or stored[:-1] != header or stored[-1:] != [zlib.crc32(body)]:
        return None
    return body
