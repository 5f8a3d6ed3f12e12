"""Finding, reading and parsing a knowledge file into a validated `Knowledge`."""

from __future__ import annotations

import gc
import os
import re
import stat
import time
from pathlib import Path
from typing import Any

from ecofacts.errors import KnowledgeFileError
from ecofacts.model import Knowledge

ENV_DATA = "ECOFACTS_DATA"
ENV_NO_CACHE = "ECOFACTS_NO_CACHE"
_POSITION = re.compile(r"^(?P<msg>.*?) \(at line (?P<line>\d+), column (?P<col>\d+)\)$")


def default_path() -> Path:
    """The shipped knowledge file: inside the installed package, or the repository's data/ in a checkout."""
    packaged = Path(__file__).parent / "data" / "facts.toml"
    if packaged.exists():
        return packaged
    return Path(__file__).resolve().parents[2] / "data" / "facts.toml"


def resolve_path(option: str | os.PathLike[str] | None) -> Path:
    """`--data`, else $ECOFACTS_DATA, else the shipped file."""
    chosen = option or os.environ.get(ENV_DATA)
    return Path(chosen) if chosen else default_path()


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise KnowledgeFileError(f"knowledge file not found: {path}") from None
    except IsADirectoryError:
        raise KnowledgeFileError(f"{path}: is a directory, not a knowledge file") from None
    except OSError as exc:
        raise KnowledgeFileError(f"{path}: cannot read: {exc.strerror or exc}") from None


def decode(raw: bytes, path: Path) -> str:
    """UTF-8 text of the file; a leading byte-order mark is accepted and dropped."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise KnowledgeFileError(
            f"{path}: not UTF-8: byte 0x{raw[exc.start]:02x} at offset {exc.start} (line {line})"
        ) from None
    return text.removeprefix("\ufeff")


def parse(text: str, path: Path) -> dict[str, Any]:
    """TOML text to a dict; a syntax error becomes `PATH:LINE:COL: message` with the line and a caret."""
    import tomllib  # here, not above: a lookup answered from the parse cache never parses

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _POSITION.match(message)
        if not match:
            raise KnowledgeFileError(f"{path}: {message}") from None
        line, col = int(match["line"]), int(match["col"])
        lines = text.splitlines()
        source_line = lines[line - 1] if 0 < line <= len(lines) else ""
        raise KnowledgeFileError(
            f"{path}:{line}:{col}: {match['msg']}",
            details=[f"  {source_line}", "  " + " " * (col - 1) + "^"],
        ) from None


def parse_file(path: Path) -> tuple[str, dict[str, Any]]:
    text = decode(read_bytes(path), path)
    return text, parse(text, path)


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
        _, data = parse_file(path)
        return build(data, path)
    finally:
        if collecting:
            gc.enable()


# --- the temporary files a write leaves should it be killed (writer.py, cache.py) ------------------------------

STALE_SECONDS = 3600


def temp_prefix(name: str) -> str:
    """`.NAME.PID.`: our temporary files carry the pid that made them, so that a later write knows them stale."""
    return f".{name}.{os.getpid()}."


def remove_stale_temps(folder: Path, prefix: str, now: float | None = None) -> None:
    """Remove the temporary files `PREFIX[PID.]XXXX.tmp` left in `folder` by a writer that was killed: those whose
    pid is no longer running, or older than an hour (a pid may be reused). Never fails."""
    now = time.time() if now is None else now
    try:
        names = [n for n in os.listdir(folder) if n.startswith(prefix) and n.endswith(".tmp")]
    except OSError:
        return
    for name in names:
        pid_text = name[len(prefix):].split(".", 1)[0]
        path = folder / name
        try:
            info = path.lstat()
            if not stat.S_ISREG(info.st_mode):
                continue
            stale = now - info.st_mtime > STALE_SECONDS
            if not stale and pid_text.isdigit() and int(pid_text) != os.getpid():
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
