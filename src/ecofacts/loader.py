"""Finding, reading and parsing a knowledge file into a validated `Knowledge`."""

from __future__ import annotations

import gc
import os
import re
from pathlib import Path
from typing import Any

from ecofacts.errors import KnowledgeFileError, UsageError
from ecofacts.knowledge import Knowledge

ENV_DATA = "ECOFACTS_DATA"
ENV_NO_CACHE = "ECOFACTS_NO_CACHE"
ENV_MAX_BYTES = "ECOFACTS_MAX_BYTES"
MAX_BYTES = 64 * 1024 * 1024  # a knowledge file larger than this is refused unread ($ECOFACTS_MAX_BYTES)
# Bounds on what a hostile file can make the parser and the code after it do (each refused with exit 3):
MAX_STRING = 1_000_000  # characters in one string
MAX_DEPTH = 100  # tables and arrays inside each other
MAX_DOTTED = 64  # parts of one dotted key (tomllib's time grows with the square of the parts)
INT_MIN, INT_MAX = -(2**63), 2**63 - 1  # the integers TOML 1.0 allows
_POSITION = re.compile(r"^(?P<msg>.*?) \(at line (?P<line>\d+), column (?P<col>\d+)\)$")


# The knowledge file inside an installed package (a checkout has none there: it reads the repository's data/).
PACKAGED = Path(__file__).parent / "data" / "facts.toml"


def default_path() -> Path:
    """The shipped knowledge file: inside the installed package, or the repository's data/ in a checkout."""
    if PACKAGED.exists():
        return PACKAGED
    return Path(__file__).resolve().parents[2] / "data" / "facts.toml"


def resolve_path(option: str | os.PathLike[str] | None) -> Path:
    """`--data`, else $ECOFACTS_DATA, else the shipped file. An empty `--data ""` is a usage error: it would
    otherwise silently mean the shipped file."""
    if option is not None and not os.fspath(option):
        raise UsageError("--data '' names no file; give a path, or leave --data out for the shipped file")
    chosen = option or os.environ.get(ENV_DATA)
    return Path(chosen) if chosen else default_path()


def writable_path(option: str | os.PathLike[str] | None) -> Path:
    """The knowledge file `add` and `fmt` may rewrite: not the one inside an installed package, which the next
    upgrade would replace (a checkout's data/facts.toml is the developers' own)."""
    path = resolve_path(option)
    if not option and not os.environ.get(ENV_DATA) and path == PACKAGED:
        raise KnowledgeFileError(
            f"{path} is the knowledge file inside the installed package, which an upgrade replaces; copy it "
            "(cp it to facts.toml) and write to the copy with --data facts.toml or ECOFACTS_DATA")
    return path


def max_bytes() -> int:
    from ecofacts.inputs import limit_from_env

    return limit_from_env(ENV_MAX_BYTES, MAX_BYTES, KnowledgeFileError)


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file of at most `max_bytes()`; anything else is refused before it is read (a FIFO
    cannot hang the read: it is opened without blocking, then refused). The rules of `inputs.read_regular`."""
    from ecofacts.inputs import read_regular

    return read_regular(path, max_bytes(), KnowledgeFileError, "knowledge file",
                        f" (set {ENV_MAX_BYTES} to read a larger file)")


def decode(raw: bytes, path: Path) -> str:
    """UTF-8 text of the file; a leading byte-order mark is accepted and dropped."""
    from ecofacts.inputs import utf8

    text = utf8(raw, path, KnowledgeFileError)
    if text.startswith("\ufeff"):
        raise KnowledgeFileError(f"{path}: the file starts with more than one byte-order mark (EF BB BF); "
                                 "remove them (UTF-8 needs none)")
    return text


def parse(text: str, path: Path) -> dict[str, Any]:
    """TOML text to a dict; a syntax error becomes `PATH:LINE:COL: message` with the line and a caret."""
    import tomllib  # here, not above: a lookup answered from the parse cache never parses

    _check_dotted_keys(text, path)
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise KnowledgeFileError(f"{path}: arrays or inline tables nested too deep to read") from None
    except ValueError as exc:
        if isinstance(exc, tomllib.TOMLDecodeError):
            raise _syntax_error(exc, text, path) from None
        if "digits" in str(exc):  # Python reads integers of at most 4300 digits
            raise KnowledgeFileError(f"{path}: integer out of range (TOML allows signed 64-bit integers)") from None
        raise KnowledgeFileError(f"{path}: cannot read a value: {exc}") from None
    _check_values(data, path)
    return data


def _syntax_error(exc: ValueError, text: str, path: Path) -> KnowledgeFileError:
    message = str(exc)
    match = _POSITION.match(message)
    if not match:
        return KnowledgeFileError(f"{path}: {message}")
    line, col = int(match["line"]), int(match["col"])
    lines = text.splitlines()
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    return KnowledgeFileError(
        f"{path}:{line}:{col}: {match['msg']}",
        details=[f"  {source_line}", "  " + " " * (col - 1) + "^"],
    )


_DOTTED = re.compile(r"(?:^|[{,\[])[ \t]*(?:(?:[A-Za-z0-9_-]+|\"[^\"\n]*\"|'[^'\n]*')[ \t]*\.[ \t]*)"
                     + f"{{{MAX_DOTTED}}}", re.MULTILINE)


def _check_dotted_keys(text: str, path: Path) -> None:
    """Refuse a dotted key of more than MAX_DOTTED parts, before tomllib spends minutes on it. Only a line with
    that many dots can hold one; the dots are found by `str.find` (a regex over the whole text would take
    seconds), and only such a line is matched against the key pattern."""
    if text.count(".") < MAX_DOTTED:
        return
    find = text.find
    line_start = 0
    count = 0
    last = -1
    dot = find(".")
    while dot != -1:
        newline = text.rfind("\n", last + 1, dot)
        if newline != -1:
            line_start, count = newline + 1, 0
        count += 1
        last = dot
        if count >= MAX_DOTTED:
            end = find("\n", dot)
            end = len(text) if end == -1 else end
            if _DOTTED.search(text, line_start, end):
                line = text.count("\n", 0, line_start) + 1
                raise KnowledgeFileError(f"{path}:{line}: a dotted key of more than {MAX_DOTTED} parts")
            last = end
            count = 0
        dot = find(".", last + 1)


def _check_values(data: dict[str, Any], path: Path) -> None:
    """Integers TOML 1.0 allows (signed 64 bits), strings of at most MAX_STRING characters, and at most MAX_DEPTH
    levels of nesting; the first value outside them is refused with its path. An explicit stack: no recursion.
    Paths are linked pairs (parent, key), spelled out only for the message."""
    stack: list[tuple[Any, Any, int]] = [(data, None, 0)]
    pop, push = stack.pop, stack.append
    while stack:
        container, where, depth = pop()
        if depth >= MAX_DEPTH:
            raise KnowledgeFileError(f"{path}: {_spelled(where)}: nested more than {MAX_DEPTH} levels deep")
        items = container.items() if type(container) is dict else enumerate(container)
        for key, value in items:
            kind = type(value)
            if kind is str:
                if len(value) > MAX_STRING:
                    raise KnowledgeFileError(f"{path}: {_spelled((where, key))}: a string of {len(value)} "
                                             f"characters, over the limit of {MAX_STRING}")
            elif kind is int:
                if not INT_MIN <= value <= INT_MAX:
                    raise KnowledgeFileError(f"{path}: {_spelled((where, key))}: integer out of range (TOML "
                                             "allows signed 64-bit integers)")
            elif kind is dict or kind is list:
                push((value, (where, key), depth + 1))
            if type(key) is str and len(key) > MAX_STRING:
                raise KnowledgeFileError(f"{path}: a key of {len(key)} characters, over the limit of {MAX_STRING}")


def _spelled(where: Any) -> str:
    parts: list[str] = []
    while where is not None:
        where, key = where
        parts.append(f"[{key}]" if isinstance(key, int) else f".{key}")
    spelled = "".join(reversed(parts)).removeprefix(".") or "(top level)"
    return spelled if len(spelled) <= 100 else f"{spelled[:48]}…{spelled[-48:]}"


def parse_file(path: Path) -> tuple[str, dict[str, Any]]:
    text, data, _ = parse_file_hashed(path)
    return text, data


def parse_file_hashed(path: Path) -> tuple[str, dict[str, Any], str]:
    """The text and data of the file, and the sha256 of the very bytes they were read from."""
    import hashlib

    raw = read_bytes(path)
    text = decode(raw, path)
    return text, parse(text, path), hashlib.sha256(raw).hexdigest()


def build(data: dict[str, Any], path: Path) -> Knowledge:
    from ecofacts.schema import validate

    knowledge, problems = validate(data)
    if knowledge is None:
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        raise KnowledgeFileError(f"{path}: invalid knowledge file ({count})", details=problems)
    return knowledge


def no_cache_wanted() -> bool:
    return os.environ.get(ENV_NO_CACHE, "") not in ("", "0")


def load(path: Path, use_cache: bool = True) -> Knowledge:
    """The knowledge file at `path`, read, parsed and validated, or from the parse cache while that is fresh.

    `use_cache=False` or $ECOFACTS_NO_CACHE neither reads nor writes the cache.
    """
    if not use_cache or no_cache_wanted():
        return parse_and_validate(path)
    from ecofacts import cache

    return cache.load(path, parse_and_validate)


def parse_and_validate(path: Path) -> Knowledge:
    # The parsed tree holds no reference cycles: the cyclic garbage collector would only walk its millions of
    # objects again and again (a quarter of the validation time of a 100,000-statistic file).
    collecting = gc.isenabled()
    gc.disable()
    try:
        _, data, sha256 = parse_file_hashed(path)
        knowledge = build(data, path)
        knowledge.sha256 = sha256
        return knowledge
    finally:
        if collecting:
            gc.enable()
