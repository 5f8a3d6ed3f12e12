"""The documentation cannot drift: the transcripts of the README and of docs/*.md are what the commands print
(piped at 100 columns; a transcript piped on, `$ ecofacts ARGS | head -3` or `| grep WORD`, without COLUMNS),
the README's command table names every command there is, and its links lead to files that exist."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from ecofacts.cli import commands

from .conftest import invoke

ROOT = Path(__file__).parent.parent
DOCUMENTS = [ROOT / "README.md", ROOT / "CHANGELOG.md", *sorted((ROOT / "docs").glob("*.md"))]
README = DOCUMENTS[0].read_text(encoding="utf-8")
BLOCK = re.compile(r"^```\n\$ ecofacts (?P<command>[^\n]*)\n(?P<output>.*?)^```$", re.S | re.M)
TRANSCRIPTS = [(f"{path.name}: {m['command']}", m["command"], m["output"].rstrip("\n").split("\n"))
               for path in DOCUMENTS for m in BLOCK.finditer(path.read_text(encoding="utf-8"))]


def printed(command: str, messages_first: bool = False) -> list[str]:
    """The lines `ecofacts COMMAND` prints (stdout, then stderr; stderr first when `messages_first`, as a terminal
    shows a message written before the data): piped at 100 columns, or, when the command is piped on to `head -N`
    or `grep WORD`, piped with no width (no COLUMNS), as from a shell, and filtered so."""
    command, _, then = command.partition(" | ")
    env = {"COLUMNS": None if then else "100", "NO_COLOR": "1"}
    result = invoke(*shlex.split(command), env=env)
    if not then:
        both = result.stderr + result.stdout if messages_first else result.stdout + result.stderr
        return both.rstrip("\n").split("\n")
    tool, argument = shlex.split(then)[0], shlex.split(then)[-1]
    lines = result.stdout.rstrip("\n").split("\n")
    if tool == "head":
        return lines[:int(argument.removeprefix("-"))]
    assert tool == "grep", f"a transcript pipes into head -N or grep WORD, not {then!r}"
    return [line for line in lines if argument in line]


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


def test_the_readme_and_the_guide_have_transcripts():
    assert sum(name.startswith("README.md") for name, _, _ in TRANSCRIPTS) >= 6
    assert sum(name.startswith("guide.md") for name, _, _ in TRANSCRIPTS) >= 15


@pytest.mark.parametrize(("command", "expected"), [t[1:] for t in TRANSCRIPTS], ids=[t[0] for t in TRANSCRIPTS])
def test_each_transcript_is_what_the_command_prints(command, expected):
    actual = printed(command)
    # `ask` writes how it read the question on stderr before its answers
    assert matches(expected, actual) or matches(expected, printed(command, messages_first=True)), \
        "\n".join(actual[:40])


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def test_every_relative_link_leads_to_a_file(path):
    text = path.read_text(encoding="utf-8")
    links = [t.split("#")[0] for t in re.findall(r"\]\(([^)\s]+)\)", text) if "://" not in t and t[0] != "#"]
    assert [link for link in links if not (path.parent / link).exists()] == []


def test_the_readme_is_for_users_and_short():
    assert README.count("\n") <= 250


def test_the_command_table_names_every_command():
    from ecofacts.cli.lookups import register_listings

    register_listings()  # the listings of the kinds are registered when the command group is first made
    table = README[README.index("## Commands"):README.index("## How we know")]
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
        actual = printed(match["command"])
        shown = actual if len(actual) <= head + tail else actual[:head] + ["..."] + (actual[-tail:] if tail else [])
        return f"```\n$ ecofacts {match['command']}\n" + "\n".join(shown) + "\n```"

    return BLOCK.sub(again, readme)


if __name__ == "__main__":  # uv run python -m tests.test_readme: print every document's transcripts again
    for path in DOCUMENTS:
        path.write_text(updated(path.read_text(encoding="utf-8")), encoding="utf-8")
