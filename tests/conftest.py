from __future__ import annotations

import atexit
import functools
import json
import os
import random
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from ecofacts.cli import app, state
from ecofacts.knowledge import Knowledge
from ecofacts.loader import load

HERE = Path(__file__).parent
DATA = HERE / "data"
TINY = DATA / "tiny.toml"
SHARED_SOURCES = HERE.parent.parent / "shared" / "sources"
SHIPPED = HERE.parent / "data" / "facts.toml"  # the shipped knowledge file, as the checkout has it
BIN = Path(sys.executable).parent / "ecofacts"  # the installed entry point, for tests that start a process

# Python keeps the bytecode of what the tests and the processes they start import, as it does by default: where
# PYTHONDONTWRITEBYTECODE is set (some CI images set it), every `ecofacts` process a test starts would compile the
# package, typer and click again (twice the time of a warm start-up, 40 s of a clean clone's run).
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
sys.dont_write_bytecode = False

# The tests, and the processes they start, keep their parse caches away from the user's.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="ecofacts-test-cache-")
atexit.register(shutil.rmtree, os.environ["XDG_CACHE_HOME"], True)

# Colour-forcing variables must not leak into tests that compare text.
CLEAN_ENV = {"FORCE_COLOR": None, "PY_COLORS": None, "GITHUB_ACTIONS": None, "NO_COLOR": None,
             "ECOFACTS_DATA": None, "COLUMNS": "200", "TERM": "xterm"}

runner = CliRunner(env=CLEAN_ENV)


def process_env(**overrides: str) -> dict[str, str]:
    """The environment of an `ecofacts` process a test starts: the test run's own, less what would change what
    it prints (colour forcing, another knowledge file), 200 columns, an xterm; `overrides` on top."""
    env = {k: v for k, v in os.environ.items() if k not in CLEAN_ENV}
    return {**env, "COLUMNS": "200", "TERM": "xterm", **overrides}


@functools.cache
def shipped() -> Knowledge:
    """The shipped knowledge file, loaded once per test process (never changed by a test)."""
    return load(SHIPPED, use_cache=False)


def invoke(*args: str, env: dict[str, str | None] | None = None):
    """Run the CLI in-process, as `ecofacts ARGS`; stdout and stderr are kept apart."""
    state.__init__()  # forget the knowledge file loaded by a previous invocation
    return runner.invoke(app, list(args), env={**CLEAN_ENV, **(env or {})})


Answers = list[tuple[int, str, str]]
_UNCACHED: dict[tuple[bytes, tuple[tuple[str, ...], ...]], Answers] = {}


def answers(path: Path, commands: list[tuple[str, ...]], *extra: str) -> Answers:
    """(exit code, stdout, stderr) of each command run on the knowledge file `path`."""
    out = []
    for command in commands:
        result = invoke(*extra, "--data", str(path), *command)
        out.append((result.exit_code, result.stdout, result.stderr))
    return out


def uncached_answers(path: Path, commands: list[tuple[str, ...]]) -> Answers:
    """`answers` with `--no-cache`: what a file's bytes answer, read afresh. The same bytes answer the same, so
    they are worked out once per test process (the damage tests compare many caches of one file with them)."""
    import hashlib

    key = (hashlib.sha256(path.read_bytes()).digest(), tuple(commands))
    if key not in _UNCACHED:
        _UNCACHED[key] = answers(path, commands, "--no-cache")
    return _UNCACHED[key]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A parse-cache folder of the test's own (the folder ecofacts uses under it)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("ECOFACTS_NO_CACHE", raising=False)
    return tmp_path / "xdg" / "ecofacts"


def tiny_with(folder: Path, sources: str, records: str) -> Path:
    """A copy of the tiny file in `folder` with more sources (TOML text put after its sources) and more records
    (appended)."""
    text = TINY.read_text(encoding="utf-8")
    at = text.index("[[regions]]")
    path = folder / "facts.toml"
    path.write_text(text[:at] + sources + "\n" + text[at:] + records, encoding="utf-8")
    return path


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A writable copy of the tiny knowledge file."""
    path = tmp_path / "facts.toml"
    shutil.copy(TINY, path)
    return path

# Hypothesis: CI runs a fixed, derandomised set of examples, so that a red CI is reproducible; a local run
# explores with random seeds (and replays what it found from .hypothesis/).
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def damaged(good: bytes, damage: str) -> bytes:
    """A kept file (`private.write_kept`: a JSON header `[key, version, count, crc]`, then the body) damaged as
    named: made stale (another `version`, `count` or `key`), `truncated`, or with a header that is `not json`."""
    header, _, body = good.partition(b"\n")
    key, version, count, crc = json.loads(header)
    stale = {"version": [key, version + 1, count, crc], "count": [key, version, count - 1, crc],
             "key": [key + "x", version, count, crc]}
    if damage in stale:
        return json.dumps(stale[damage]).encode() + b"\n" + body
    return good[: len(good) // 2] if damage == "truncated" else b"{\n" + body


def bit_flips(path: Path, count: int, seed: int) -> Iterator[int]:
    """Flip one bit of the file at `path`, chosen at random (seeded), `count` times, each time in the original
    content (the file kept 0600); yields each bit flipped, for the caller to check what is read from the file."""
    good = path.read_bytes()
    rng = random.Random(seed)
    for _ in range(count):
        flipped = bytearray(good)
        bit = rng.randrange(len(flipped) * 8)
        flipped[bit // 8] ^= 1 << (bit % 8)
        path.write_bytes(bytes(flipped))
        path.chmod(0o600)
        yield bit


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: one worker more than the cores. Many tests wait on the processes they start (locks, signals,
    ptys, shells), and a worker that waits leaves its core idle (on 2 cores: 63 s with 2 workers, 57 s with 3)."""
    return (os.cpu_count() or 1) + 1


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The long trials (marked `slow`) first: with several workers, a long test begun last keeps one worker busy
    while the others wait (the order of the rest is kept)."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
