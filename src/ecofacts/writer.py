"""Writing knowledge files: the one canonical TOML form, and atomic, checked replacement of the file on disk.

A write never loses data: the new text is serialised whole, parsed back and validated before anything touches
the disk; it goes to a temporary file in the same folder (fsync'd) that replaces the original in one
`os.replace`, keeping the original's mode and following a symlink to its target. A file that changed since it
was read, or that has comments (tomli-w cannot keep them), is refused.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat as stat_mod
import time
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w

from ecofacts import atomic, kinds
from ecofacts.errors import KnowledgeFileError
from ecofacts.loader import decode, parse, read_bytes
from ecofacts.model import NESTED, SCHEMA_VERSION, field_types
from ecofacts.safe_text import control_problem
from ecofacts.schema import validate


def _ordered(cls: type[Any], item: dict[str, Any]) -> dict[str, Any]:
    """A record's keys in the model's field order (unknown keys last, sorted), nested tables likewise."""
    types = field_types(cls)
    out = {}
    for name in [*types, *sorted(set(item) - set(types))]:
        if name not in item:
            continue
        value = item[name]
        nested = types.get(name)
        if nested in NESTED and isinstance(value, list):
            value = [_ordered(NESTED[nested], v) if isinstance(v, dict) else v for v in value]
        out[name] = value
    return out


def canonical(data: dict[str, Any]) -> dict[str, Any]:
    """The same knowledge in canonical order: `schema` first, tables in model order, keys in field order."""
    out: dict[str, Any] = {"schema": data.get("schema", SCHEMA_VERSION)}
    for kind in kinds.KINDS:
        if data.get(kind.table):
            out[kind.table] = [_ordered(kind.cls, r) if isinstance(r, dict) else r for r in data[kind.table]]
    for key in data:
        if key not in out and key not in kinds.TABLES:
            out[key] = data[key]
    return out


def dumps(data: dict[str, Any]) -> str:
    """Canonical TOML text of `data`; refuses (before any write) what TOML cannot hold or would not read back."""
    try:
        text = tomli_w.dumps(canonical(data))
    except (TypeError, ValueError) as exc:
        raise KnowledgeFileError(f"cannot write this knowledge as TOML: {exc}") from None
    if tomllib.loads(text) != canonical(data):
        raise KnowledgeFileError("refusing to write: the TOML written would not read back the same")
    return text


def comment_lines(text: str) -> list[int]:
    """Line numbers (1-based) holding a TOML comment, found by a small scanner that skips strings.

    A multi-line string ends at the last three quotes of a run of three to five: `'''a''''` is the string `a'`.
    """
    return _scan(text)[0]


def _scan(text: str) -> tuple[list[int], int]:
    """`comment_lines`, and how many `#` the basic strings write as escapes (`\\u0023`, `\\U00000023`,
    `\\x23`): in a literal string those are six plain characters, not a `#`."""
    found = []
    escapes = 0
    i, line, n = 0, 1, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            line += 1
        elif ch == "#":
            found.append(line)
            while i < n and text[i] != "\n":
                i += 1
            continue
        elif ch in "\"'":
            multi = text.startswith(ch * 3, i)
            i += 3 if multi else 1
            while i < n:
                c = text[i]
                if c == "\\" and ch == '"':
                    if text.startswith(_HASH_ESCAPES, i):
                        escapes += 1
                    i += 1  # the escaped character is skipped below (a line-ending backslash: counted first)
                    if i < n and text[i] == "\n":
                        line += 1
                elif c == "\n":
                    line += 1
                    if not multi:
                        break
                elif c == ch:
                    if not multi:
                        break
                    run = 1
                    while i + run < n and text[i + run] == ch:
                        run += 1
                    if run >= 3:  # up to two of the quotes belong to the string
                        i += run - 1
                        break
                    i += run - 1
                i += 1
            i += 1
            continue
        i += 1
    return found, escapes


# `#` written as an escape in a basic string: counted by the backstop below (TOML 1.1 adds `\xHH`).
_HASH_ESCAPES = ("\\u0023", "\\U00000023", "\\x23")


def _hashes_in_strings(data: Any) -> int:
    """How many `#` the parsed strings (keys and values) hold, with an explicit stack (no recursion)."""
    count = 0
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            count += item.count("#")
        elif isinstance(item, dict):
            for key, value in item.items():
                count += key.count("#")
                stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)
    return count


def has_hidden_comment(text: str, data: dict[str, Any]) -> bool:
    """The backstop of `comment_lines`, by a second method: in a file without comments, every `#` of the text
    is inside a string, so the parsed strings hold as many `#` as the text (plus those written as escapes).
    Fewer means a comment the scanner missed; a mismatch either way means we cannot be sure, and the write is
    refused rather than risk dropping one."""
    return _hashes_in_strings(data) != text.count("#") + _scan(text)[1]


@dataclass
class Snapshot:
    """What a file was when read: writes are refused if it is no longer so."""

    path: Path  # the real file, symlinks followed
    raw: bytes
    text: str
    data: dict[str, Any]
    mode: int
    mtime_ns: int
    uid: int = -1
    gid: int = -1
    nlink: int = 1


def read_for_write(path: Path) -> Snapshot:
    real = Path(os.path.realpath(path))
    raw = read_bytes(real)
    info = real.stat()
    text = decode(raw, path)
    data = parse(text, path)
    lines = comment_lines(text)
    if lines:
        raise KnowledgeFileError(
            f"{path}:{lines[0]}: the file has comments ({len(lines)} line{'s' if len(lines) > 1 else ''}); "
            "rewriting it would drop them. Move them into `description` or `note` fields first."
        )
    if has_hidden_comment(text, data):
        raise KnowledgeFileError(
            f"{path}: cannot be sure the file has no comments (its `#` characters and its strings disagree); "
            "rewriting it could drop one, so nothing was written"
        )
    return Snapshot(real, raw, text, data, stat_mod.S_IMODE(info.st_mode), info.st_mtime_ns, info.st_uid,
                    info.st_gid, info.st_nlink)


def validate_or_raise(data: dict[str, Any], path: Path) -> None:
    knowledge, problems = validate(data)
    if knowledge is None:
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        raise KnowledgeFileError(f"{path}: refusing to write an invalid knowledge file ({count})",
                                 details=problems)


# --- the lock, held from the read to the replace --------------------------------------------------------------

LOCK_TIMEOUT = 10.0  # seconds a writer waits for another one before refusing
_POLL = 0.05


def lock_path(real: Path) -> Path:
    return real.with_name(f".{real.name}.lock")


@contextlib.contextmanager
def locked(path: Path, timeout: float | None = None) -> Iterator[Path]:
    """An exclusive `flock` on `.NAME.lock` beside the real file of `path`, waited for at most `timeout` seconds,
    else `KnowledgeFileError`. Yields the real path. The lock file is removed on release, while still locked;
    a writer that locked a lock file since removed (its inode is no longer the path's) locks again."""
    import fcntl

    real = Path(os.path.realpath(path))
    where = lock_path(real)
    deadline = time.monotonic() + (LOCK_TIMEOUT if timeout is None else timeout)
    while True:
        try:
            # O_NONBLOCK: a FIFO planted where the lock goes must not hang the open (it is refused just below)
            fd = os.open(where, os.O_RDONLY | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW | os.O_NONBLOCK, 0o644)
        except OSError as exc:
            raise KnowledgeFileError(f"{path}: cannot lock for writing ({where.name}): {exc.strerror or exc}") from None
        if not stat_mod.S_ISREG(mode := os.fstat(fd).st_mode):
            os.close(fd)
            raise KnowledgeFileError(f"{path}: cannot lock for writing: {where.name} is {atomic.kind_of(mode)}, not "
                                     "a lock file; remove it (nothing written)")
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise KnowledgeFileError(
                            f"{path}: another ecofacts is writing this file (waited {timeout or LOCK_TIMEOUT:g} s "
                            "for its lock); nothing written") from None
                    time.sleep(_POLL)
            try:
                same = os.stat(where).st_ino == os.fstat(fd).st_ino
            except FileNotFoundError:
                same = False
        except BaseException:
            os.close(fd)
            raise
        if same:
            break
        os.close(fd)  # the lock file was removed and maybe made again by another writer: lock that one
    try:
        yield real
    finally:
        with contextlib.suppress(OSError):
            os.unlink(where)
        os.close(fd)


# --- the write --------------------------------------------------------------------------------------------


def _check_writable(snapshot: Snapshot) -> None:
    path = snapshot.path
    try:
        info = path.stat()
    except OSError as exc:
        raise KnowledgeFileError(f"{path}: cannot re-read before writing: {exc.strerror}") from None
    # The mode bits decide, root included: a 0444 file is read-only for everyone.
    if not info.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise KnowledgeFileError(f"{path}: the file is read-only")
    if info.st_nlink > 1:
        raise KnowledgeFileError(
            f"{path}: the file has {info.st_nlink} hard links; replacing it would break them (the other names "
            "would keep the old text). Write a copy that has one link, or remove the other links")


def _keep_metadata(snapshot: Snapshot, fd: int) -> None:
    """Give the temporary file the original's owner, group, mode and extended attributes (ACLs included:
    `system.posix_acl_access`), or raise OSError: a write that cannot keep them is refused."""
    mine = os.fstat(fd)
    if (mine.st_uid, mine.st_gid) != (snapshot.uid, snapshot.gid) and snapshot.uid >= 0:
        try:
            os.fchown(fd, snapshot.uid, snapshot.gid)
        except OSError as exc:
            raise KnowledgeFileError(
                f"{snapshot.path}: cannot keep its owner and group ({snapshot.uid}:{snapshot.gid}) in a rewrite: "
                f"{exc.strerror or exc}; nothing written") from None
    os.fchmod(fd, snapshot.mode)  # after chown, which may clear set-id bits
    if not hasattr(os, "listxattr"):
        return
    try:
        names = os.listxattr(snapshot.path)
    except OSError as exc:
        if exc.errno in (errno.ENOTSUP, errno.EOPNOTSUPP):
            return
        raise KnowledgeFileError(f"{snapshot.path}: cannot read its extended attributes: {exc.strerror}") from None
    for name in names:
        try:
            value = os.getxattr(snapshot.path, name)
            with contextlib.suppress(OSError):
                if os.getxattr(fd, name) == value:  # given already (an SELinux label): nothing to set
                    continue
            os.setxattr(fd, name, value)
        except OSError as exc:
            raise KnowledgeFileError(
                f"{snapshot.path}: cannot keep its extended attribute {name} in a rewrite: {exc.strerror or exc}; "
                "nothing written") from None


def replace(snapshot: Snapshot, new_text: str) -> None:
    """Atomically put `new_text` where the snapshot's file is, unless that file changed since it was read.
    Callers hold `locked(path)`, so that two writers never both read the same old file."""
    path = snapshot.path
    _check_writable(snapshot)
    try:
        current = path.read_bytes()
    except OSError as exc:
        raise KnowledgeFileError(f"{path}: cannot re-read before writing: {exc.strerror}") from None
    if current != snapshot.raw:
        raise KnowledgeFileError(f"{path}: the file changed on disk since it was read; nothing written")
    try:
        atomic.write_bytes(path, new_text.encode("utf-8"), mode=snapshot.mode,
                           adjust=lambda fd: _keep_metadata(snapshot, fd))
    except OSError as exc:
        raise KnowledgeFileError(f"{path}: cannot write: {exc.strerror or exc}") from None


def format_file(path: Path, check_only: bool) -> bool:
    """Rewrite `path` in canonical form; return True when it was (or, with check_only, would be) changed."""
    if check_only:
        snapshot = read_for_write(path)
        validate_or_raise(snapshot.data, path)
        return dumps(snapshot.data) != snapshot.text
    with locked(path):
        snapshot = read_for_write(path)
        validate_or_raise(snapshot.data, path)
        new_text = dumps(snapshot.data)
        if new_text == snapshot.text:
            return False
        replace(snapshot, new_text)
    return True


_NAME_FIELDS = ("id", "name", "title", "aliases")


def record_problems(record: dict[str, Any], where: str) -> list[str]:
    """Control and bidi characters in a record's names (`safe_text.control_problem`), each with its path.
    (The rule belongs in `schema.validate`, for every file read; until it is there, `add` applies it.)"""
    problems = []
    for key in _NAME_FIELDS:
        value = record.get(key)
        for item in value if isinstance(value, list | tuple) else [value]:
            problem = control_problem(item)
            if problem:
                problems.append(f"{where}.{key}: {problem}")
    return problems


def add_record(path: Path, table: str, record: dict[str, Any]) -> None:
    """Append one record to `table`, validating the whole file first; the file is written atomically, under
    the lock, so that the record is in the file whenever this returns."""
    with locked(path):
        snapshot = read_for_write(path)
        data = dict(snapshot.data)
        existing = data.get(table, [])
        problems = record_problems(record, f"{table}[{len(existing)}]")
        if problems:
            raise KnowledgeFileError(f"{path}: refusing to write an invalid knowledge file "
                                     f"({len(problems)} problem{'s' if len(problems) > 1 else ''})", details=problems)
        data[table] = [*existing, record]
        knowledge, problems = validate(data)
        if knowledge is None:
            validate_or_raise(data, path)
        else:  # `check`'s look-alike rules, on the new record's names: add never writes what check rejects
            from ecofacts.check import look_alike_problems

            problems, _ = look_alike_problems(knowledge, only=str(record.get("id")))
            problems = [f"{table}[{len(existing)}]: {problem}" for problem in problems]
            if problems:
                raise KnowledgeFileError(f"{path}: refusing to write an invalid knowledge file "
                                         f"({len(problems)} problem{'s' if len(problems) > 1 else ''} `check` "
                                         "would report)", details=problems)
        replace(snapshot, dumps(data))
