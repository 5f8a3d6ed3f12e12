"""Writing knowledge files: the one canonical TOML form, and atomic, checked replacement of the file on disk.

A write never loses data: the new text is serialised whole, parsed back and validated before anything touches
the disk; it goes to a temporary file in the same folder (fsync'd) that replaces the original in one
`os.replace`, keeping the original's mode and following a symlink to its target. A file that changed since it
was read, or that has comments (tomli-w cannot keep them), is refused.
"""

from __future__ import annotations

import contextlib
import os
import stat as stat_mod
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w

from ecofacts import kinds
from ecofacts.errors import KnowledgeFileError
from ecofacts.loader import decode, parse, read_bytes
from ecofacts.model import NESTED, SCHEMA_VERSION, field_types
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
    """Line numbers (1-based) holding a TOML comment, found by a small scanner that skips strings."""
    found = []
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
            delim = ch * 3 if text.startswith(ch * 3, i) else ch
            i += len(delim)
            while i < n and not text.startswith(delim, i):
                if text[i] == "\\" and ch == '"':
                    i += 1
                elif text[i] == "\n":
                    line += 1
                    if len(delim) == 1:
                        break
                i += 1
            i += len(delim)
            continue
        i += 1
    return found


@dataclass
class Snapshot:
    """What a file was when read: writes are refused if it is no longer so."""

    path: Path  # the real file, symlinks followed
    raw: bytes
    text: str
    data: dict[str, Any]
    mode: int
    mtime_ns: int


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
    return Snapshot(real, raw, text, data, stat_mod.S_IMODE(info.st_mode), info.st_mtime_ns)


def validate_or_raise(data: dict[str, Any], path: Path) -> None:
    knowledge, problems = validate(data)
    if knowledge is None:
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        raise KnowledgeFileError(f"{path}: refusing to write an invalid knowledge file ({count})",
                                 details=problems)


def replace(snapshot: Snapshot, new_text: str) -> None:
    """Atomically put `new_text` where the snapshot's file is, unless that file changed since it was read."""
    path = snapshot.path
    if not os.access(path, os.W_OK):
        raise KnowledgeFileError(f"{path}: the file is read-only")
    try:
        current = path.read_bytes()
    except OSError as exc:
        raise KnowledgeFileError(f"{path}: cannot re-read before writing: {exc.strerror}") from None
    if current != snapshot.raw:
        raise KnowledgeFileError(f"{path}: the file changed on disk since it was read; nothing written")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(new_text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, snapshot.mode)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise KnowledgeFileError(f"{path}: cannot write: {exc.strerror or exc}") from None
        raise
    with contextlib.suppress(OSError):
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def format_file(path: Path, check_only: bool) -> bool:
    """Rewrite `path` in canonical form; return True when it was (or, with check_only, would be) changed."""
    snapshot = read_for_write(path)
    validate_or_raise(snapshot.data, path)
    new_text = dumps(snapshot.data)
    if new_text == snapshot.text:
        return False
    if not check_only:
        replace(snapshot, new_text)
    return True


def add_record(path: Path, table: str, record: dict[str, Any]) -> None:
    """Append one record to `table`, validating the whole file first; the file is written atomically."""
    snapshot = read_for_write(path)
    data = dict(snapshot.data)
    data[table] = [*data.get(table, []), record]
    validate_or_raise(data, path)
    replace(snapshot, dumps(data))
