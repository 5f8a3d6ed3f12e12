"""Every command's table in a real pseudo-terminal at 80, 120 and 200 columns: no line wider than the terminal
(borders included), no id cut in two."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Callable, Iterator

import pytest

from tests.terminals import Terminals

pytestmark = pytest.mark.slow  # real processes, shells or terminals, one test after another

pty = pytest.importorskip("pty")
fcntl = pytest.importorskip("fcntl")
termios = pytest.importorskip("termios")

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
WIDTHS = (80, 120, 200)

# one call of every command that draws a table or prints prose (`verify`, `export`, `fmt`, `add` print lines)
COMMANDS = [
    ["regions"], ["cities"], ["clusters"], ["initiatives"], ["actors", "--region", "wallonia"], ["people"],
    ["stats"], ["stats", "wallonia"], ["claims"], ["relations"], ["chain"], ["chain", "Mo-99"],
    ["show", "wallonia"], ["show", "wallonia-nuclear-medicine-jobs"], ["search", "isotope"], ["sources"],
    ["sources", "biowin-nuclear-medicine-wallonia"],
    ["compare", "wallonia", "flanders", "brussels"], ["compare", "wallonia", "flanders", "brussels", "--per-capita"],
    ["compare", "wallonia", "flanders", "brussels", "belgium"],
    ["series", "belgium", "--metric", "rd_intensity_gdp_percent"],
    ["series", "wallonia", "flanders", "--metric", "rd_intensity_gdp_percent", "--change", "2016..2021"],
    ["ask", "combien d'emplois en médecine nucléaire en Wallonie ?"], ["ask", "Welche Firmen gibt es in Lüttich?"],
    ["cite", "wallonia-nuclear-medicine-jobs"], ["check"],
    ["series", "wallonia"], ["stats", "--by-topic"],
    ["actors"], ["search", "jobs"], ["claims", "wallonia"],
]


def cells(text: str) -> int:
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def fresh_pty(args: list[str], columns: int) -> str:
    """What `ecofacts ARGS` shows on a terminal `columns` wide (colour, boxes; no pager), escapes removed, from a
    freshly started process."""
    import struct

    size = struct.pack("HHHH", 50, columns, 0, 0)
    main, side = pty.openpty()
    fcntl.ioctl(side, termios.TIOCSWINSZ, size)
    process = subprocess.Popen([sys.executable, "-m", "ecofacts", "--no-pager", *args], stdin=side, stdout=side,
                               stderr=subprocess.DEVNULL, env=terminal_env(), close_fds=True)
    os.close(side)
    out = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        out += chunk
    os.close(main)
    assert process.wait(timeout=60) == 0
    return ANSI.sub("", out.decode()).replace("\r", "")


def terminal_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR")}
    return {**env, "TERM": "xterm-256color"}


@pytest.fixture(scope="module")
def in_pty() -> Iterator[Callable[[list[str], int], str]]:
    """`fresh_pty`, from a process forked from a warm server (tests/terminals.py): a third of the time."""
    terminals = Terminals(terminal_env())

    def shown(args: list[str], columns: int) -> str:
        code, out = terminals.run(["--no-pager", *args], columns)
        assert code == 0, (args, code)
        return ANSI.sub("", out).replace("\r", "")

    yield shown
    terminals.close()


def test_a_forked_command_shows_what_a_fresh_one_shows(in_pty):
    for args, columns in ((["compare", "wallonia", "flanders", "brussels"], 80), (["stats", "wallonia"], 120)):
        assert in_pty(args, columns) == fresh_pty(args, columns)


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_every_table_fits_its_terminal_and_a_wider_one_is_never_longer(in_pty, args):
    heights = []
    for columns in WIDTHS:
        lines = in_pty(args, columns).splitlines()
        heights.append(len(lines))
        assert lines, args
        widest = max(lines, key=cells)
        assert cells(widest) <= columns, f"{' '.join(args)} at {columns}: {cells(widest)} wide: {widest!r}"
        if args[0] == "compare":
            assert lines[1].startswith("╭") and lines[1].endswith("╮")  # borders drawn, on one line
    assert heights == sorted(heights, reverse=True), f"{' '.join(args)}: {heights} lines at {WIDTHS} columns"


@pytest.mark.parametrize("columns", WIDTHS)
def test_no_id_is_split_in_a_terminal(in_pty, columns):
    ids = [row["id"] for row in json.loads(subprocess.run(
        [sys.executable, "-m", "ecofacts", "stats", "wallonia", "--json"], capture_output=True, text=True,
        check=True).stdout)]
    text = in_pty(["stats", "wallonia"], columns)
    missing = [i for i in ids if i not in text]
    assert not missing, missing


def test_compare_at_80_columns_keeps_every_figure(in_pty):
    doc = json.loads(subprocess.run(
        [sys.executable, "-m", "ecofacts", "compare", "wallonia", "flanders", "brussels", "--json"],
        capture_output=True, text=True, check=True).stdout)
    text = in_pty(["compare", "wallonia", "flanders", "brussels"], 80)
    for n in {n["number"] for n in doc["footnotes"]}:
        assert f"[{n}]" in text
    assert "Brussels-Capital" in text and "Flanders" in text


def test_a_screen_moves_a_column_of_one_value_to_the_title_and_draws_no_empty_column(in_pty):
    text = in_pty(["stats", "wallonia"], 120)
    assert "subject: Wallonia" in text.splitlines()[0]
    header = text.splitlines()[2]
    assert "label" in header and "subject" not in header
    shown = in_pty(["show", "wallonia-nuclear-medicine-jobs"], 80)
    sources = shown[shown.index("sources (1)"):].splitlines()
    assert "title" in sources[2] and "url" not in sources[2]  # the document has no URL: "—" only
    subject = shown[shown.index("subject (1)"):].splitlines()
    assert "kind" in subject[2] and "city" not in subject[2] and "region" not in subject[2]
    # a pipe keeps every value on its row, for grep
    piped = subprocess.run([sys.executable, "-m", "ecofacts", "stats", "wallonia"], capture_output=True, text=True,
                           check=True, env={**os.environ, "COLUMNS": "120"}).stdout
    assert "subject" in piped.splitlines()[0]


@pytest.mark.parametrize("columns", [80, 120])
def test_fields_are_never_left_out(in_pty, columns):
    fields = "id,subject_name,label,display,year,status"
    text = in_pty(["stats", "--topic", "biomanufacturing", "--fields", fields], columns)
    piped = subprocess.run([sys.executable, "-m", "ecofacts", "stats", "--topic", "biomanufacturing", "--fields",
                            fields], capture_output=True, text=True, check=True,
                           env={**os.environ, "COLUMNS": str(columns)})
    assert "left out" not in piped.stderr
    for out in (text, piped.stdout):
        assert all(word in out for word in ("subject", "label", "figure", "year", "status"))
        assert "200 people" in out and "60,000 m²" in out


@pytest.mark.parametrize("command", ["compare", "verify", "chain", "add"])
def test_help_paragraphs_reflow_to_the_terminal(command):
    """No hard line break inside a paragraph: at 200 columns a paragraph is one line (the examples keep theirs)."""
    out = subprocess.run([sys.executable, "-m", "ecofacts", command, "--help"], capture_output=True, text=True,
                         check=True, env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}).stdout
    lines = [line.strip() for line in out.splitlines()]
    description = lines[lines.index(next(line for line in lines if line.startswith("Usage:"))) + 2:]
    paragraphs = "\n".join(description).split("\n\n")
    prose = [p for p in paragraphs[:3] if p and not p.startswith(("ecofacts", "Examples", "╭", "│", "-"))]
    assert prose and all("\n" not in p for p in prose if len(p) < 190), prose
    if command == "compare":
        assert "(or --year); a cell of another year shows it." in out


def test_every_example_of_every_help_fits_80_columns_as_one_command():
    """Help shows examples indented by three: a longer one would wrap in the middle of a command at 80 columns."""
    from ecofacts.cli.app import app  # noqa: F401  (the panels register the commands)
    from ecofacts.cli.registry import commands

    lines = [line.strip() for info in commands.registered_commands for line in (info.callback.__doc__ or "")
             .split("Examples:")[-1].splitlines() if line.strip().startswith("ecofacts")
             or line.startswith("        ")]
    assert len(lines) > 30
    too_long = [line for line in lines if len(line) + 3 > 80]
    assert too_long == []
