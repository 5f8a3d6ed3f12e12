"""Issue 15, terminal safety (reliability row 29): control characters in the data or the arguments never reach a
table, CSV, TSV, Markdown or an error raw; they are shown as visible escapes. JSON escapes C0 itself."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecofacts.safe_text import control_problem, visible

from .conftest import TINY, process_env

ENV = process_env(ECOFACTS_NO_CACHE="1")
for _name in ("FORCE_COLOR", "PY_COLORS", "GITHUB_ACTIONS", "NO_COLOR", "ECOFACTS_DATA"):
    ENV.pop(_name, None)

# ESC (CSI: clear screen; OSC: window title), BEL, a C1 CSI, DEL, a right-to-left override, a bidi isolate
HOSTILE = "\x1b[2J\x1b]0;owned\x07\u009b31m\x7f\u202e\u2066"
RAW = [b"\x1b", b"\x07", b"\xc2\x9b", b"\x7f", "\u202e".encode(), "\u2066".encode()]


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    text = TINY.read_text()
    text = text.replace('name = "Wallonia"', f'name = "Wal{json.dumps(HOSTILE)[1:-1]}lonia"', 1)
    text = text.replace('description = "The country."', f'description = "The {json.dumps(HOSTILE)[1:-1]}"', 1)
    assert text != TINY.read_text()
    path = tmp_path / "facts.toml"
    path.write_text(text)
    return path


def run(path: Path, *args: str | bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "ecofacts", "--data", str(path), *args], capture_output=True,
                          timeout=30, env=ENV)


def assert_clean(output: bytes) -> None:
    for raw in RAW:
        assert raw not in output, (raw, output[:400])


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "markdown"])
@pytest.mark.parametrize("command", [("regions",), ("cities",), ("compare", "belgium", "wallonia"),
                                     ("search", "the"), ("stats",)])
def test_no_control_character_reaches_a_table(hostile, fmt, command):
    result = run(hostile, *command, "--format", fmt)
    assert result.returncode == 0, result.stderr
    assert_clean(result.stdout)
    assert_clean(result.stderr)
    if command[0] == "regions" or (command[0] == "compare" and fmt == "table"):
        assert b"\\x1b[2J" in result.stdout  # shown, escaped


def test_show_escapes_the_record_and_its_title(hostile):
    result = run(hostile, "show", "wallonia")
    assert result.returncode == 0, result.stderr
    assert_clean(result.stdout)
    assert b"Wal\\x1b[2J" in result.stdout


def test_json_keeps_the_text_and_escapes_c0(hostile):
    result = run(hostile, "regions", "--json")
    assert result.returncode == 0
    assert b"\x1b" not in result.stdout and b"\x07" not in result.stdout
    names = [r["name"] for r in json.loads(result.stdout)]
    assert f"Wal{HOSTILE}lonia" in names  # the data itself, exactly


def test_an_error_never_echoes_a_control_character(hostile):
    result = run(hostile, "show", f"x{HOSTILE}y")
    assert result.returncode == 1
    assert_clean(result.stderr)
    assert result.stderr.startswith(b"error: no record 'x\\x1b[2J")


def test_a_notice_never_echoes_a_control_character(hostile):
    result = run(hostile, "search", f"zz{HOSTILE}")
    assert result.returncode == 0
    assert_clean(result.stderr)


@given(st.text())
def test_visible_leaves_no_control_character_and_is_idempotent(text):
    shown = visible(text)
    assert control_problem(shown.replace("\n", "").replace("\t", "")) is None
    assert visible(shown) == shown
    if control_problem(text) is None:
        assert shown == text


def test_control_problem_names_the_character():
    assert control_problem("Namur") is None
    assert control_problem(3) is None
    assert control_problem("a\u202eb") == ("contains the control character \\u202e (not allowed in names, ids, "
                                           "titles or aliases)")
