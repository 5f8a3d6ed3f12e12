"""The README cannot drift: its transcripts are what the commands print (piped at 100 columns), and its
command table names every command there is."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from ecofacts.cli import commands

from .conftest import invoke

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"^```\n\$ ecofacts (?P<command>[^\n]*)\n(?P<output>.*?)^```$", re.S | re.M)
TRANSCRIPTS = [(m["command"], m["output"].rstrip("\n").split("\n")) for m in BLOCK.finditer(README)]


def matches(expected: list[str], actual: list[str]) -> bool:
    """`expected` is `actual` line for line, but where a line `...` stands for any number of lines."""
    segments = "\n".join(expected).split("\n...")
    at = 0
    for i, segment in enumerate(segments):
        lines = segment.strip("\n").split("\n") if segment.strip("\n") else []
        if not lines:
            continue
        if i == 0:
            if actual[:len(lines)] != lines:
                return False
            at = len(lines)
            continue
        for start in range(at, len(actual) - len(lines) + 1):
            if actual[start:start + len(lines)] == lines:
                at = start + len(lines)
                break
        else:
            return False
    return True


def test_the_readme_has_transcripts():
    assert len(TRANSCRIPTS) >= 15


@pytest.mark.parametrize(("command", "expected"), TRANSCRIPTS, ids=[c for c, _ in TRANSCRIPTS])
def test_each_transcript_is_what_the_command_prints(command, expected):
    result = invoke(*shlex.split(command), env={"COLUMNS": "100", "NO_COLOR": "1"})
    actual = (result.stdout + result.stderr).rstrip("\n").split("\n")
    assert matches(expected, actual), "\n".join(actual[:40])


def test_the_command_table_names_every_command():
    from ecofacts.cli.lookups import register_listings

    register_listings()  # the listings of the kinds are registered when the command group is first made
    table = README[README.index("## Commands"):README.index("### How we know")]
    named = set(re.findall(r"^\| `ecofacts ([a-z]+)", table, re.M))
    registered = {info.name or info.callback.__name__ for info in commands.registered_commands}
    assert named == registered


def test_matching_with_gaps():
    assert matches(["a", "...", "c"], ["a", "b", "c"])
    assert matches(["a", "..."], ["a", "b"])
    assert not matches(["a", "c"], ["a", "b", "c"])
    assert not matches(["a", "...", "d"], ["a", "b", "c"])


def updated(readme: str) -> str:
    """The README with every transcript printed again, as many lines shown before and after its `...` as now."""

    def again(match: re.Match[str]) -> str:
        expected = match["output"].rstrip("\n").split("\n")
        head = expected.index("...") if "..." in expected else len(expected)
        tail = len(expected) - head - 1 if "..." in expected else 0
        result = invoke(*shlex.split(match["command"]), env={"COLUMNS": "100", "NO_COLOR": "1"})
        actual = (result.stdout + result.stderr).rstrip("\n").split("\n")
        shown = actual if len(actual) <= head + tail else actual[:head] + ["..."] + (actual[-tail:] if tail else [])
        return f"```\n$ ecofacts {match['command']}\n" + "\n".join(shown) + "\n```"

    return BLOCK.sub(again, readme)


if __name__ == "__main__":  # uv run python -m tests.test_readme: print the README's transcripts again
    path = Path(__file__).parent.parent / "README.md"
    path.write_text(updated(README), encoding="utf-8")
