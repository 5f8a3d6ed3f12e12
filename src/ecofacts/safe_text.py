"""Terminal-safe text: control characters shown as visible escapes, refused in names, and arguments decoded the
way the operating system passed them.

A value from a knowledge file or the command line may hold ESC (the start of a terminal escape sequence: CSI
to move the cursor or recolour, OSC to set the window title or a hyperlink), BEL, other C0 or C1 controls, DEL,
or Unicode bidirectional controls that reorder what is shown (U+202E makes `exe.txt` look like `txt.exe`).
Printed raw, they act on the terminal instead of being read. `visible()` writes each as a backslash escape
(`\\x1b`, `\\u202e`), so what is shown is what is in the file. JSON needs none of this: `json.dumps` escapes
C0 controls itself, and the others are plain characters inside a JSON string.
"""

from __future__ import annotations

import contextlib
import os
import re

from ecofacts.errors import UsageError

# C0 controls, DEL and C1 controls; the Arabic letter mark, LRM/RLM, the bidi embeddings and overrides
# (LRE, RLE, PDF, LRO, RLO) and the bidi isolates (LRI, RLI, FSI, PDI).
_OTHERS = "\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_SOURCES = {False: f"[\x00-\x1f{_OTHERS}]", True: f"[\x00-\x08\x0b-\x1f{_OTHERS}]"}
_COMPILED: dict[bool, re.Pattern[str]] = {}


def _pattern(keep_newlines: bool) -> re.Pattern[str]:
    """Compiled when first needed: compiling both costs about 0.8 ms, on every start-up otherwise."""
    pattern = _COMPILED.get(keep_newlines)
    if pattern is None:
        pattern = _COMPILED[keep_newlines] = re.compile(_SOURCES[keep_newlines])
    return pattern


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str, keep_newlines: bool = True) -> str:
    """`text` with every control character as a visible escape; tab and newline are kept unless told not to."""
    if text.isprintable():  # the common case, in C: no control, format or separator character at all
        return text
    pattern = _pattern(keep_newlines)
    if pattern.search(text) is None:
        return text
    return pattern.sub(_escape, text)


def control_problem(value: object) -> str | None:
    """Why `value` (a name, id, title or alias) is refused, or None: control and bidi characters, tab and newline
    included, have no place in a name a person reads or types."""
    if not isinstance(value, str) or value.isprintable():
        return None
    match = _pattern(False).search(value)
    if match is None:
        return None
    return f"contains the control character {_escape(match)} (not allowed in names, ids, titles or aliases)"


def decode_argument(value: str) -> str:
    """An argument as the user typed it. Where the locale is not UTF-8 (`LC_ALL=C`), Python decodes arguments as
    ASCII and keeps each other byte as a surrogate escape: valid UTF-8 is decoded here; anything else is a usage
    error naming the bytes."""
    if not any("\udc80" <= ch <= "\udcff" for ch in value):
        return value
    raw = value.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"argument {raw!r} is not valid UTF-8") from None


_PATH_OPTIONS = ("--data", "--sources")


def check_arguments(argv: list[str]) -> list[str]:
    """The command line with each text argument as `decode_argument` reads it (an argument that is not UTF-8 is
    a usage error); paths (the values of `--data` and `--sources`) stay as the OS passed them, for the OS to
    open."""
    out = []
    path_next = False
    for arg in argv:
        is_path = path_next or arg.startswith(tuple(f"{o}=" for o in _PATH_OPTIONS))
        path_next = arg in _PATH_OPTIONS
        out.append(arg if is_path else decode_argument(arg))
    return out


def silence(stream: object) -> None:
    """Point the file descriptor under `stream` at /dev/null, so that what its buffer still holds is flushed there
    (at exit) instead of failing again. Never fails."""
    try:
        fd = stream.fileno()  # type: ignore[attr-defined]
        devnull = os.open(os.devnull, os.O_WRONLY)
    except (AttributeError, OSError, ValueError):
        return
    with contextlib.suppress(OSError):
        os.dup2(devnull, fd)
    os.close(devnull)
