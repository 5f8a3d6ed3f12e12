"""A table in a pipe or a file with no width asked for (no COLUMNS): one record a line, every column, aligned,
nothing wrapped or left out, as `grep`, `head`, `awk` and `less -S` expect (gh's habit); an explicit COLUMNS is a
width the user asked for, and gets the fitted table."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from ecofacts.render import table

from .conftest import invoke, process_env

PIPE = {"COLUMNS": None}  # CliRunner's stdout is no terminal
FIELDS = re.compile(r" {2,}")  # what separates two columns; no value holds two spaces in a row


def records(*args: str) -> list[str]:
    result = invoke(*args, env=PIPE)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "left out" not in result.stderr
    return result.stdout.splitlines()


@pytest.mark.parametrize("args", [["stats"], ["stats", "wallonia"], ["actors"], ["sources"], ["claims"],
                                  ["relations"], ["cities"], ["regions"], ["people"], ["initiatives"],
                                  ["clusters"], ["chain"], ["search", "isotope"], ["stats", "--by-topic"]])
def test_a_listing_is_one_record_a_line_with_every_field(args):
    lines = records(*args)
    rows = json.loads(invoke(*args, "--json", env=PIPE).stdout)
    assert len(lines) == len(rows)  # no title, no header, no wrapped line, no legend: one line per record
    ids = [row["id"] for row in rows if "id" in row]
    for line, identifier in zip(lines, ids, strict=False):
        if args[0] in ("stats", "sources", "claims", "regions", "search"):
            assert identifier in FIELDS.split(line)  # the id whole, in a column of its own
    # aligned: every line's fields start at the same columns (the widest value of a column sets them)
    starts = {tuple(m.end() for m in FIELDS.finditer(line.ljust(len(line) + 2))) for line in lines}
    widths = {len(FIELDS.split(line)) for line in lines}
    assert len(widths) == 1, widths  # every record has every field, none empty ("—" stands for nothing)
    assert starts


def test_grep_gets_whole_rows_and_head_whole_records():
    lines = records("stats")
    jobs = [line for line in lines if "jobs" in line]
    assert jobs and all(len(FIELDS.split(line)) == len(FIELDS.split(lines[0])) for line in jobs)
    first = FIELDS.split(lines[0])
    rows = json.loads(invoke("stats", "--json", env=PIPE).stdout)
    assert first[:3] == [rows[0]["id"], rows[0]["subject_name"], rows[0]["label"]]
    assert first[4] == rows[0]["trust"]  # the trust level in words: a line stands alone (`grep disputed`)


def test_fields_chosen_come_in_that_order_whole():
    lines = records("stats", "wallonia", "--fields", "label,quote,year")
    rows = json.loads(invoke("stats", "wallonia", "--json", env=PIPE).stdout)
    assert len(lines) == len(rows)
    for line, row in zip(lines, rows, strict=True):
        label, quote, year = FIELDS.split(line)
        assert label == " ".join(row["label"].split())
        assert quote == (" ".join(row["quote"].split()) if row.get("quote") else "—")  # a newline is a space
        assert year == str(row["year"] or "—")


def test_an_explicit_columns_is_a_width_asked_for():
    result = invoke("stats", "wallonia", env={"COLUMNS": "100"})
    lines = result.stdout.splitlines()
    assert lines[0].split()[:2] == ["subject", "label"] and max(map(len, lines)) <= 100


def test_compare_and_series_keep_their_heading_rows_one_line_and_notes_after():
    lines = records("compare", "wallonia", "flanders", "brussels")
    doc = json.loads(invoke("compare", "wallonia", "flanders", "brussels", "--json", env=PIPE).stdout)
    statistics = [row for row in doc["rows"] if row["kind"] == "statistic"]
    assert lines[0] == "Comparison" and FIELDS.split(lines[1])[0] == "metric"
    assert lines[2 + len(statistics)] == ""  # one line per metric, then the notes
    assert "3.61 % of GDP [1]; 3.6 % of GDP [2]" in lines[2]
    sources = lines[lines.index("Sources:") + 1:]
    assert len(sources) == len(doc["footnotes"]) and all(re.match(r"\[\d+\] ", line) for line in sources)
    series = records("series", "wallonia", "--metric", "rd_intensity_gdp_percent")
    assert series[0].startswith("Wallonia: R&D intensity") and series[1].split()[:2] == ["year", "figure"]
    assert "Sources:" in series


def test_show_gives_each_field_and_each_related_record_one_line():
    lines = records("show", "eurogentec")
    events = [line for line in lines if line.startswith("events")]
    assert len(events) == 1 and "; " in events[0]
    lines = records("show", "wallonia")
    doc = json.loads(invoke("show", "wallonia", "--json", env=PIPE).stdout)
    count = len(doc["related"]["statistics"]["rows"])
    at = lines.index(f"statistics ({count})")
    assert lines[at + 1].split()[0] == "id" and all(lines[at + 2 + n] for n in range(count))
    assert lines[at + 2 + count] == ""  # then the next section


def test_a_value_of_several_lines_is_one_line():
    rows = [{"id": "a", "text": "first\n\nsecond   line"}, {"id": "bb", "text": "x"}]
    out = table.render_rows(rows, ["id", "text"], width=None, color=False, bare=True)
    assert out == "a   first second line\nbb  x\n"


def test_a_piped_table_imports_no_rich_and_has_no_width():
    probe = ("import sys\nfrom ecofacts.cli import main\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
             "sys.stderr.write(' '.join(m for m in sys.modules if m.startswith('rich')))")
    env = {k: v for k, v in process_env().items() if k != "COLUMNS"}
    result = subprocess.run([sys.executable, "-c", probe, "stats"], capture_output=True, text=True, env=env,
                            timeout=60)
    assert result.stderr == ""
    longest = max(result.stdout.splitlines(), key=len)
    assert len(longest) > 200  # laid out at no width: each record whole on its line


@pytest.mark.parametrize("title", [None, "a  title\nof two lines"])
@pytest.mark.parametrize("show_header", [True, False])
def test_the_piped_table_is_the_table_drawn_at_no_width(title, show_header):
    """`pipe_table` makes a long piped listing faster (each distinct value made into its cell once): the same
    bytes as `table.render_rows` at no width, for every kind of value a row holds."""
    from ecofacts.render import pipe_table

    rows = [{"id": "a", "n": 1, "text": "first\n\nsecond   line", "flag": True, "list": ["x", "y"]},
            {"id": "bb", "n": 1.0, "text": "x", "flag": None, "list": [], "ref": {"id": "src"}},
            {"id": "wide 漢字", "n": 2.5, "text": "\x1b[31mred\u202e", "flag": False, "ref": {"text": "t"}},
            {"id": "a", "n": True, "text": "first\n\nsecond   line", "flag": 1, "list": ["x", "y"]}]
    keys = ["id", "n", "text", "flag", "list", "ref", "missing"]
    for shown in (keys, keys[:1], [], ["missing"]):
        for some in (rows, rows[:1], []):
            expected = table.render_rows(some, shown, width=None, color=False, title=title, tidy=False,
                                         bare=not show_header)
            assert pipe_table.render(some, shown, title if show_header else None, show_header) == expected
