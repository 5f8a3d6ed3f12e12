"""Reading the files ecofacts is given, one way: the knowledge file (`loader.read_bytes`), `verify`'s draft and
the source texts of `--sources`.

The rules: a regular file only (a FIFO, device, socket or folder is refused before it is read: `stat`, then
opened with `O_NONBLOCK` so that a FIFO cannot hang the open, then `fstat` again), and at most a size limit (at
most the limit plus one byte is ever read, whatever the file says). Standard input is read with the same limit;
closed, it is an error. Every refusal is one line, raised as the error class the caller names.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ecofacts.atomic import kind_of
from ecofacts.errors import EcofactsError, KnowledgeFileError, UsageError

ENV_MAX_DRAFT = "ECOFACTS_MAX_DRAFT_BYTES"
MAX_DRAFT = 16 * 1024 * 1024  # a draft for `verify` larger than this is refused unread
MAX_SOURCE = 64 * 1024 * 1024  # a source text of `--sources`


def read_regular(path: Path, limit: int, error: type[EcofactsError], what: str, hint: str = "",
                 refused: type[EcofactsError] | None = None) -> bytes:
    """The bytes of the regular file `path`, of at most `limit` bytes. A file missing or unreadable raises
    `error`; one refused (not a regular file, over the limit) raises `refused` (default: `error`). `what` names
    the file in messages ("knowledge file", "draft"); `hint` follows the size refusal."""
    refuse = refused or error
    try:
        if not stat.S_ISREG((info := os.stat(path)).st_mode):
            raise _not_regular(path, info.st_mode, refuse, what)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        try:
            info = os.fstat(fd)  # what was opened, should the path have changed since
            if not stat.S_ISREG(info.st_mode):
                raise _not_regular(path, info.st_mode, refuse, what)
            if info.st_size > limit:
                raise too_big(path, info.st_size, limit, refuse, hint)
            with open(fd, "rb", closefd=False) as stream:
                raw = stream.read(limit + 1)
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise error(f"{what} not found: {path}") from None
    except EcofactsError:
        raise
    except OSError as exc:
        raise error(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(raw) > limit:  # it grew while read
        raise too_big(path, len(raw), limit, refuse, hint)
    return raw


def _not_regular(path: Path, mode: int, error: type[EcofactsError], what: str) -> EcofactsError:
    return error(f"{path}: is {kind_of(mode)}, not a {what}")


def too_big(path: Path | str, size: int, limit: int, error: type[EcofactsError], hint: str = "") -> EcofactsError:
    return error(f"{path}: {size} bytes or more, over the limit of {limit} bytes{hint}")


def limit_from_env(name: str, default: int, error: type[EcofactsError]) -> int:
    """A size limit in bytes: the environment variable `name`, else `default`."""
    raw = os.environ.get(name, "")
    if not raw:
        return default
    if not raw.isascii() or not raw.isdigit():
        raise error(f"{name}={raw!r}: expected a number of bytes")
    return int(raw)


def max_draft() -> int:
    return limit_from_env(ENV_MAX_DRAFT, MAX_DRAFT, UsageError)


def read_stdin(limit: int) -> bytes:
    """Standard input, at most `limit` bytes (UsageError beyond, or when stdin is closed)."""
    stream = sys.stdin
    if stream is None or getattr(stream, "buffer", None) is None:
        raise UsageError("cannot read standard input (closed)")
    try:
        raw: bytes = stream.buffer.read(limit + 1)
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot read standard input: {getattr(exc, 'strerror', None) or exc}") from None
    if len(raw) > limit:
        raise too_big("standard input", len(raw), limit, KnowledgeFileError,
                      f" (set {ENV_MAX_DRAFT} to read more)")
    return raw


def byte_lines(stream: Any) -> Iterator[bytes]:
    """The lines of the text stream `stream` (standard input) as the bytes they are, without their line end (LF,
    or the CR LF of a file written on Windows), for the caller to decode. They are read under the text layer:
    its encoding is the locale's, and would read bytes that are not UTF-8 as Latin-1 or a Windows code page, or
    fail on them (`PYTHONIOENCODING=utf-8`); a stream with no bytes under it gives back the bytes its text was
    decoded from. UsageError when standard input is closed."""
    if stream is None:
        raise UsageError("cannot read standard input (closed)")
    binary = getattr(stream, "buffer", None)
    lines = binary if binary is not None else (line.encode("utf-8", "surrogateescape") for line in stream)
    for line in lines:
        yield line.removesuffix(b"\n").removesuffix(b"\r")


def utf8(raw: bytes, name: Path | str, error: type[EcofactsError] = UsageError) -> str:
    """UTF-8 text, a leading byte-order mark dropped; anything else is `error`, naming the first bad byte."""
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise error(f"{name}: not UTF-8: byte 0x{raw[exc.start]:02x} at offset {exc.start} (line {line})"
                    ) from None


def read_draft(file: str) -> tuple[bytes, str]:
    """`verify`'s draft: the bytes of the file `file`, or of standard input for `-`, bounded by `max_draft()`,
    and the name its messages give it. A FIFO is refused like any non-regular file, except for `-` and process
    substitution (`<(...)`, a pipe under /dev/fd or /proc), which are read with the limit. The bytes are UTF-8
    text, as `utf8` reads it: `verify.draft_parts` decodes them part by part, each distinct part once; a NUL byte
    says they are no text (as `ask` refuses a question holding one)."""
    raw, name = _draft_bytes(file)
    if (at := raw.find(b"\0")) >= 0:
        line = raw.count(b"\n", 0, at) + 1
        raise UsageError(f"{name}: not text: a NUL byte at offset {at} (line {line})")
    return raw, name


def _draft_bytes(file: str) -> tuple[bytes, str]:
    limit = max_draft()
    hint = f" (set {ENV_MAX_DRAFT} to read a larger draft)"
    if file == "-":
        return read_stdin(limit), "standard input"
    path = Path(file)
    try:
        info = os.stat(path)
    except OSError:
        info = None
    if info is not None and stat.S_ISFIFO(info.st_mode) and _is_fd_path(file):
        try:
            with open(path, "rb") as stream:
                raw = stream.read(limit + 1)
        except OSError as exc:
            raise UsageError(f"{file}: cannot read: {exc.strerror or exc}") from None
        if len(raw) > limit:
            raise too_big(file, len(raw), limit, KnowledgeFileError, hint)
        return raw, file
    return read_regular(path, limit, UsageError, "draft (a regular file, or '-' for standard input)", hint,
                        refused=KnowledgeFileError), file


def _is_fd_path(file: str) -> bool:
    """`<(...)` gives `/dev/fd/N` (or `/proc/self/fd/N`): a pipe the shell made, with a writer."""
    return file.startswith(("/dev/fd/", "/proc/self/fd/"))


def read_source_text(path: Path) -> str | None:
    """A source text of `--sources` (`DIR/ID.txt`): None when there is none; refused (UsageError) when it is not
    a regular file, is over MAX_SOURCE bytes or is not UTF-8."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return utf8(read_regular(path, MAX_SOURCE, UsageError, "source text (a regular file)",
                              refused=KnowledgeFileError), str(path))
