"""Where the parse cache lives and whom it trusts, the checksums that prove each of its rows, and the one way a
cache file is written (`write_quietly`). See `ecofacts.cache` for the rules.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any


class Corrupt(Exception):
    """A row, count or checksum of the database is not what was written."""


# The errors that mean "this database is not what we wrote": ignore it and parse the file again. Only these:
# with every row checked against its checksum, a TypeError or KeyError here is a bug, and must show.
BROKEN = (sqlite3.Error, ValueError, Corrupt)  # ValueError includes json.JSONDecodeError


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
_TYPE = {str: 115, int: 105, float: 102, type(None): 110, bytes: 98}  # what sqlite3 returns, as one byte each


def row_crc(values: list[Any]) -> int:
    """The checksum of one row of records or stats: crc32 of its values' text, joined, then of their types, so
    that `5` and `"5"` differ. Cheaper than `crc` (no repr of long quotes): it runs for every row read."""
    text = "\x00".join(map(str, values)).encode("utf-8", "surrogatepass")
    return zlib.crc32(bytes(map(_TYPE.__getitem__, map(type, values))), zlib.crc32(text))


def crc(values: list[Any]) -> int:
    """The checksum of one row (or of `meta`): crc32 of the `repr` of its values, rowid included. What we write
    (text, int, float, None) has one repr, in C and exact for floats; a value that comes back as another type
    (a BLOB, a float for an int) has another."""
    return zlib.crc32(repr(values).encode("utf-8", "surrogatepass"))


def write_quietly(path: Path, fill: Callable[[str], None]) -> None:
    """`fill` a temporary file beside `path` (mode 0600), then put it in `path`'s place in one `os.replace`
    (`atomic`). A failure leaves `path` as it was and no temporary file behind; it is not raised: a cache is never
    needed. Temporary files of writers since killed are removed first, whatever file of the folder they were for."""
    from ecofacts import atomic
    from ecofacts.errors import KnowledgeFileError

    atomic.remove_stale_temps(path.parent, ".")
    with contextlib.suppress(OSError, sqlite3.Error, OverflowError, ValueError, KnowledgeFileError):
        atomic.write(path, lambda tmp: fill(str(tmp)), mode=0o600, private=True)
