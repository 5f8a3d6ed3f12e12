"""The renderers without the CLI, over every format of every shape, and the CLI's format options, which offer
exactly the formats of their command's shape."""

from __future__ import annotations

import csv
import io
import json

import pytest

from ecofacts.errors import UsageError
from ecofacts.render import IMAGES, RENDERERS, ROW_FORMATS, Format, TableOrJson, Target, formats, render, select

from .conftest import TINY, invoke

T = ("--data", str(TINY))
ROWS = [{"id": "liege", "name": "Liège", "aliases": ["Luik", "Lüttich"], "count": 3, "note": None},
        {"id": "a-b", "name": "x|y\nz", "aliases": [], "count": 2.0, "note": "[red]literal[/red]"}]
COLUMNS = ["id", "name", "aliases", "count"]


@pytest.mark.parametrize("fmt", list(Format))
def test_every_format_renders_rows_that_read_back(fmt):
    if fmt not in formats("rows"):  # a chart: series and compare only
        with pytest.raises(UsageError):
            render("rows", fmt, ROWS, Target(width=80), columns=COLUMNS)
        return
    out = render("rows", fmt, ROWS, Target(width=80), columns=COLUMNS)
    if fmt is Format.json:
        assert json.loads(out) == ROWS
    elif fmt is Format.jsonl:
        assert [json.loads(line) for line in out.splitlines()] == ROWS
    elif fmt in (Format.csv, Format.tsv):
        parsed = list(csv.reader(io.StringIO(out), delimiter="," if fmt is Format.csv else "\t"))
        assert parsed == [COLUMNS, ["liege", "Liège", '["Luik", "Lüttich"]', "3"], ["a-b", "x|y\nz", "[]", "2"]]
        assert json.loads(parsed[1][2]) == ROWS[0]["aliases"]  # a list cell splits back
    elif fmt is Format.markdown:
        assert out.splitlines() == ["| id | name | aliases | count |", "| --- | --- | --- | --- |",
                                    "| liege | Liège | Luik; Lüttich | 3 |", "| a-b | x\\|y<br>z |  | 2 |"]
    elif fmt is Format.table:
        assert "\x1b" not in out
        assert "Liège" in out and "Luik; Lüttich" in out and "—" in out  # an empty list shows as a dash
    else:
        pytest.fail(f"no reader checks the format {fmt.value}: add one here")


def test_every_shape_renders_in_each_of_its_formats_and_no_other():
    assert formats("rows") == list(ROW_FORMATS) == [f for f in Format if f not in (*IMAGES, Format.vega_lite)]
    assert formats("comparison") == formats("series") == list(Format)
    assert formats("record") == formats("report") == [Format.table, Format.json]
    assert [f.value for f in TableOrJson] == [f.value for f in formats("record")]
    doc = json.loads(invoke(*T, "compare", "belgium", "wallonia", "--json").stdout)
    for fmt in formats("comparison"):
        if fmt in IMAGES:  # drawn by the optional extra, as bytes (tests/test_series.py checks what they hold)
            with pytest.raises(UsageError):
                render("comparison", fmt, doc, Target())
            continue
        out = render("comparison", fmt, doc, Target())
        assert "nuclear_medicine_jobs" in out or "nuclear medicine jobs" in out.lower(), fmt
    with pytest.raises(KeyError):
        RENDERERS["record"][Format.csv]


def test_the_check_report_is_a_line_per_problem_then_per_warning():
    doc = {"problems": ["a: bad"], "warnings": ["b: odd"]}
    assert render("report", Format.table, doc, Target()) == "a: bad\nwarning: b: odd\n"
    assert json.loads(render("report", Format.json, doc, Target())) == doc


def test_json_is_ascii_only_when_the_target_cannot_hold_more():
    assert render("rows", Format.json, ROWS[:1], Target(ascii_only=True)).count("\\u00e8") == 1
    assert "Liège" in render("rows", Format.jsonl, ROWS[:1], Target())


def test_select_keeps_the_fields_asked_for_in_their_order():
    assert list(select(ROWS, ["count", "id"])) == [{"count": 3, "id": "liege"}, {"count": 2.0, "id": "a-b"}]
    assert list(select(ROWS, None)) == ROWS


def test_grouped_tables_get_one_table_per_group():
    out = render("rows", Format.table, ROWS, Target(width=80), columns=["id"], groups=["one", "two"])
    lines = out.splitlines()
    assert lines[0] == "one" and "two" in lines and lines.index("two") > lines.index("liege")


# --- the format options of the CLI ------------------------------------------------------------------------


@pytest.mark.parametrize("command", [("show", "trasis"), ("check",), ("sources", "doc-a")])
@pytest.mark.parametrize("fmt", ["csv", "tsv", "markdown", "jsonl"])
def test_a_document_command_refuses_a_row_format_naming_those_it_prints(command, fmt):
    result = invoke(*T, *command, "--format", fmt)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "table" in result.stderr and "json" in result.stderr and len(result.stderr.splitlines()) == 1


def test_show_help_offers_only_the_formats_it_prints():
    out = invoke("show", "--help", env={"COLUMNS": "100"}).stdout
    assert "table (the default) or json" in out and "csv" not in out
    assert "csv" in invoke("stats", "--help", env={"COLUMNS": "100"}).stdout


@pytest.mark.parametrize("command", ["stats", "show", "search", "compare"])
def test_the_format_option_has_a_short_metavar_that_80_columns_do_not_cut(command):
    """The formats as a metavar ("<table|json|jsonl|csv|tsv|markdown>") were cut mid-word at 80 columns."""
    out = invoke(command, "--help", env={"COLUMNS": "80"}).stdout
    assert "FORMAT" in out and "<table|" not in out


@pytest.mark.parametrize("command", [("stats",), ("show", "trasis"), ("compare", "belgium", "wallonia"),
                                     ("check",), ("regions",)])
def test_json_and_another_format_disagree(command):
    result = invoke(*T, *command, "--json", "--format", "table")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "error: --json and --format table disagree; give one of them\n"
    assert invoke(*T, *command, "--json", "--format", "json").stdout == invoke(*T, *command, "--json").stdout


def test_check_as_json_reports_what_it_checked():
    doc = json.loads(invoke(*T, "check", "--format", "json").stdout)
    assert (doc["ok"], doc["problems"], doc["statistics"]) == (True, [], 3)
