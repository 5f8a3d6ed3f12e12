"""Issue 15, hostile knowledge files (reliability rows 31, 32), through real processes: each refused in one line,
exit 3, in well under 5 s."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ecofacts import kinds
from ecofacts.record_input import parse_assignments

from .conftest import TINY, invoke, process_env

ENV = process_env(ECOFACTS_NO_CACHE="1")
for _name in ("FORCE_COLOR", "PY_COLORS", "GITHUB_ACTIONS", "NO_COLOR", "ECOFACTS_DATA", "ECOFACTS_MAX_BYTES"):
    ENV.pop(_name, None)


def run(*args: str, env: dict[str, str] | None = None) -> tuple[subprocess.CompletedProcess[bytes], float]:
    start = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "ecofacts", *args], capture_output=True, timeout=30,
                            env={**ENV, **(env or {})})
    return result, time.monotonic() - start


def refused(path: str | Path, expected: str, *, env: dict[str, str] | None = None) -> None:
    result, seconds = run("--data", str(path), "stats", "--json", env=env)
    assert result.returncode == 3, result.stderr
    assert result.stdout == b""
    err = result.stderr.decode()
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err, err
    assert expected in err
    assert seconds < 5


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "facts.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text)
    return path


@pytest.mark.parametrize(("special", "expected"), [
    ("/dev/zero", "is a character device"), ("/dev/urandom", "is a character device"),
    ("/dev/full", "is a character device"), ("/dev/null", "is a character device"),
])
def test_devices_are_refused_before_reading(special, expected):
    if not os.path.exists(special):
        pytest.skip(f"no {special}")
    refused(special, expected)


def test_a_fifo_is_refused_and_cannot_hang(tmp_path):
    fifo = tmp_path / "facts.toml"
    os.mkfifo(fifo)
    refused(fifo, "is a FIFO")


def test_a_directory_is_refused(tmp_path):
    refused(tmp_path, "is a directory")


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path):
    path = write(tmp_path, TINY.read_text())
    refused(path, "over the limit of 100 bytes (set ECOFACTS_MAX_BYTES", env={"ECOFACTS_MAX_BYTES": "100"})
    result, _ = run("--data", str(path), "regions", "--json", env={"ECOFACTS_MAX_BYTES": str(10**6)})
    assert result.returncode == 0


def test_a_bad_size_limit_is_one_line(tmp_path):
    refused(write(tmp_path, TINY.read_text()), "ECOFACTS_MAX_BYTES='lots'", env={"ECOFACTS_MAX_BYTES": "lots"})


@pytest.mark.parametrize(("text", "expected"), [
    ("schema = 1\na = " + "[" * 1000 + "]" * 1000 + "\n", "nested too deep"),
    ("schema = 1\na = " + "{b = " * 1000 + "1" + "}" * 1000 + "\n", "nested too deep"),
    ("schema = 1\na = " + "[" * 150 + "]" * 150 + "\n", "nested more than 100 levels deep"),
    ("schema = 1\na = " + "9" * 400 + "\n", "a: integer out of range"),
    ("schema = 1\na = -" + "9" * 5000 + "\n", "integer out of range"),
    ("schema = 1\n[x]\nb = [1, 9223372036854775808]\n", "x.b[1]: integer out of range"),
    ("schema = 1\n" + ".".join(f"k{i}" for i in range(20000)) + " = 1\n", ":2: a dotted key of more than 64 parts"),
    ("schema = 1\n[" + ".".join(['"q"'] * 5000) + "]\n", ":2: a dotted key of more than 64 parts"),
    ('schema = 1\na = "' + "x" * 1_000_001 + '"\n', "a: a string of 1000001 characters"),
])
def test_hostile_values_are_refused_quickly(tmp_path, text, expected):
    refused(write(tmp_path, text), expected)


def test_many_dots_in_strings_are_no_dotted_key(tmp_path):
    text = TINY.read_text().replace('description = "The country."',
                                    'description = "' + "a." * 500 + '"', 1)
    result, _ = run("--data", str(write(tmp_path, text)), "regions", "--json")
    assert result.returncode == 0, result.stderr


def test_a_double_byte_order_mark_is_named(tmp_path):
    refused(write(tmp_path, b"\xef\xbb\xbf\xef\xbb\xbf" + TINY.read_bytes()), "more than one byte-order mark")


def test_the_largest_integers_toml_allows_are_read(tmp_path):
    text = TINY.read_text().replace("value = 3800", "value = 9223372036854775807", 1)
    assert "9223372036854775807" in text
    result = invoke("--no-cache", "--data", str(write(tmp_path, text)), "stats", "--json")
    assert result.exit_code == 0, result.stderr


def test_add_types_numbers_as_toml_would():
    record = parse_assignments(kinds.BY_TABLE["stats"], ["value=+5", "value_max=-7"])
    assert record == {"value": 5, "value_max": -7}
    assert type(record["value"]) is int
    assert parse_assignments(kinds.BY_TABLE["stats"], ["value=5.5"])["value"] == 5.5


def test_add_refuses_integers_beyond_64_bits(tiny):
    before = tiny.read_bytes()
    result = invoke("--data", str(tiny), "add", "stat", "value=" + "9" * 30)
    assert result.exit_code == 2
    assert "integer out of range" in result.stderr
    assert tiny.read_bytes() == before
