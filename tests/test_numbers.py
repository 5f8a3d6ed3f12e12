"""Figures for readers (figures.py) and the cells of the machine formats (CSV, TSV, Markdown)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import tomllib

import pytest

from ecofacts import kinds
from ecofacts.comparison import compare, comparison_dict
from ecofacts.figures import display_value, figure, group, metric_label
from ecofacts.kinds.base import Hit, year_span
from ecofacts.render import delimited, markdown, tidy
from ecofacts.render.cells import delimited_cell, markdown_cell

from .conftest import SHIPPED, shipped


@pytest.mark.parametrize(("stat", "shown"), [
    ({"value": 140, "unit": "companies", "qualifier": "at_least"}, "140+ companies"),
    ({"value": 3800, "unit": "jobs", "qualifier": "at_least"}, "3,800+ jobs"),
    ({"value": 10, "unit": "percent", "qualifier": "almost"}, "almost 10 %"),
    ({"value": 65, "unit": "percent"}, "65 %"),
    ({"value": 33.33, "unit": "percent"}, "33.33 %"),
    # a share the source writes as a fraction is shown as written, never with invented decimals
    ({"value": 33.33, "unit": "percent", "text": "1/3"}, "1/3"),
    ({"value": 25, "unit": "percent", "text": "1 / 4", "qualifier": "about"}, "about 1/4"),
    ({"value": 40, "unit": "percent", "text": "1/3"}, "40 %"),  # a fraction the value is not: the value
    ({"value": 1200, "unit": "jobs"}, "1,200 jobs"),
    ({"value": 1, "unit": "jobs"}, "1 job"),
    ({"value": 44000000, "unit": "EUR"}, "€44 million"),
    ({"value": 80000000000, "unit": "EUR"}, "€80 billion"),
    ({"value": 5700000000, "unit": "EUR"}, "€5.7 billion"),
    ({"value": 53000000000, "unit": "EUR", "qualifier": "at_least"}, "€53+ billion"),
    ({"value": 5150000, "unit": "EUR"}, "€5.15 million"),
    ({"value": 1234567891, "unit": "EUR"}, "€1,234,567,891"),  # a scale word would lose digits
    ({"value": 44000, "unit": "EUR"}, "€44,000"),
    ({"value": 2, "unit": "times"}, "2×"),
    ({"value": 2, "unit": "times", "qualifier": "almost"}, "almost 2×"),
    ({"value": 3, "value_max": 5, "unit": "times"}, "3–5×"),
    ({"value": 50, "value_max": 80, "unit": "percent"}, "50–80 %"),
    ({"value": 500000000, "value_max": 1200000000, "unit": "EUR"}, "€500–1,200 million"),
    ({"value": 60000, "unit": "m2"}, "60,000 m²"),
    ({"value": 50, "unit": "trials_per_year", "qualifier": "at_least"}, "50+ trials per year"),
    ({"value": 30, "unit": "count", "qualifier": "at_least"}, "30+"),
    ({"value": 100, "unit": "years", "qualifier": "almost"}, "almost 100 years"),
    ({"value": 12, "unit": "people", "qualifier": "about"}, "about 12 people"),
    ({"value": 40, "unit": "percent", "qualifier": "up_to"}, "up to 40 %"),
    ({"value": 2.5, "unit": "percent of GDP"}, "2.5 % of GDP"),
    ({"value": 31500, "unit": "EUR per inhabitant"}, "€31,500 per inhabitant"),
    ({"value": 29800, "unit": "PPS per inhabitant"}, "29,800 PPS per inhabitant"),
    ({"value": 4.2, "unit": "per million inhabitants"}, "4.2 per million inhabitants"),
    ({"value": 112, "unit": "index"}, "index 112"),
    ({"value": 7300, "unit": "employees"}, "7,300 employees"),
    ({"value": 950.5, "unit": "FTE"}, "950.5 FTE"),
    ({"value": 5.0, "unit": "jobs"}, "5 jobs"),
])
def test_display_value_says_the_figure_in_english(stat, shown):
    assert display_value(stat) == shown


def test_display_value_never_rounds_what_is_stored():
    assert group(1234.5678) == "1,234.5678"
    assert group(-1234.5) == "-1,234.5"
    assert group(1e20) == "100,000,000,000,000,000,000"
    assert group(1.5e-07) == "0.00000015"
    assert display_value({"value": 5123456789, "unit": "EUR"}) == "€5,123,456,789"


def test_every_shipped_statistic_has_a_display_value_holding_its_digits():
    for stat in tomllib.loads(SHIPPED.read_text(encoding="utf-8"))["stats"]:
        shown = display_value(stat)
        assert shown and "None" not in shown and "_" not in shown, stat["id"]
        assert any(ch.isdigit() for ch in shown), stat["id"]


def test_metric_ids_in_words():
    assert metric_label("european_biotech_rd_share") == "european biotech R&D share"
    assert metric_label("top10_pharma_companies_present") == "top 10 pharma companies present"


@pytest.mark.parametrize(("year", "typed"), [
    (2022, (2022, 2022)), ("2016-2021", (2016, 2021)), ("2020", (2020, 2020)), (None, (None, None)),
])
def test_years_as_two_integers(year, typed):
    assert year_span(year) == typed


def test_delimited_cells_read_back():
    assert delimited_cell(["a; b", "c, d"]) == '["a; b", "c, d"]'
    assert delimited_cell([]) == "[]"
    assert delimited_cell({"id": "doc-a", "title": "Document A"}) == "doc-a"
    assert delimited_cell({"company": 2}) == '{"company": 2}'
    assert delimited_cell([{"kind": "founded", "year": 2014, "sources": ["s"]}]) == \
        '[{"kind": "founded", "year": 2014, "sources": ["s"]}]'
    assert delimited_cell("Liège") == "Liège"
    assert delimited_cell(5.0) == "5"
    assert delimited_cell(None) == ""


def test_markdown_cells_are_for_people_but_never_python_reprs():
    assert markdown_cell(["biopharma", "medtech"]) == "biopharma; medtech"
    assert markdown_cell({"company": 2}) == '{"company": 2}'
    assert markdown_cell([{"about": "x", "claims": []}]) == '[{"about": "x", "claims": []}]'
    out = markdown.render([{"events": [{"kind": "founded", "text": "a | b"}]}], ["events"])
    assert out.splitlines()[2] == '| [{"kind": "founded", "text": "a \\| b"}] |'


ROWS = [{"id": "a", "aliases": ["x, y", "z; w"], "by_kind": {"company": 2}, "note": 'say "hi"\tthere\nnow'}]


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_csv_and_tsv_read_back_exactly(delimiter):
    text = delimited.render(ROWS, ["id", "aliases", "by_kind", "note"], delimiter)
    head, row = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    assert head == ["id", "aliases", "by_kind", "note"]
    assert json.loads(row[1]) == ["x, y", "z; w"]
    assert json.loads(row[2]) == {"company": 2}
    assert row[3] == ROWS[0]["note"]


def test_a_byte_order_mark_only_when_asked():
    assert delimited.render(ROWS, ["id"], ",", bom=True) == "\ufeffid\na\n"
    assert delimited.render(ROWS, ["id"], ",") == "id\na\n"


@pytest.fixture(scope="module")
def knowledge():
    return shipped()


def test_duckdb_reads_the_regions_tsv_with_its_columns(knowledge, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    data = [kinds.BY_TABLE["regions"].row(knowledge, Hit(r)) for r in knowledge.whole["regions"]]
    path = tmp_path / "regions.tsv"
    path.write_text(delimited.render(data, ["id", "name", "kind", "parent_name", "aliases"], "\t"), encoding="utf-8")
    rel = duckdb.sql(f"select * from read_csv_auto('{path}')")
    assert rel.columns == ["id", "name", "kind", "parent_name", "aliases"]
    got = rel.fetchall()
    assert len(got) == len(data)
    assert [json.loads(r[4]) for r in got] == [r["aliases"] for r in data]


def comparison(knowledge):
    return comparison_dict(knowledge, compare(knowledge, ["belgium", "wallonia"]))


def test_comparison_rows_carry_typed_figures_and_sources(knowledge):
    flat = tidy.comparison_rows(comparison(knowledge))
    jobs = [r for r in flat if r["metric"] == "nuclear_medicine_jobs"]
    assert {r["metric_label"] for r in jobs} == {"nuclear medicine jobs"}
    belgium = next(r for r in jobs if r["region"] == "belgium")
    assert (belgium["value"], belgium["unit"]) == (5000.0, "jobs")
    assert belgium["source"] == "biowin-nuclear-medicine-wallonia"
    assert belgium["note"] == "citing bfta-belgian-nuclear-medicine-2024"
    wallonia = next(r for r in jobs if r["region"] == "wallonia")
    assert (wallonia["value"], wallonia["note"]) == (3800.0, "qualifier: at_least")
    counted = next(r for r in flat if r["provenance"] == "counted")
    assert counted["metric_label"] == "organisations recorded (counted in this knowledge base)"
    assert isinstance(counted["value"], float)
    assert all(list(r) == tidy.COLUMNS for r in flat)  # every row has the same keys, for CSV


def test_comparison_markdown_names_every_footnotes_source(knowledge):
    doc = comparison(knowledge)
    out = markdown.render_comparison_markdown(doc)
    lines = out.splitlines()
    assert lines[0] == "| metric | Belgium | Wallonia |"
    assert "| nuclear medicine jobs | 5,000 jobs [1] | 3,800+ jobs [2] |" in lines
    # a row of one statistic is labelled by it; of several with other labels, by its metric in words
    assert "| Added value generated by Wallonia's nuclear medicine sector | — | €355 million [2] |" in lines
    notes = [line for line in lines if line.startswith("- [")]
    assert len(notes) == len(doc["footnotes"])
    assert notes[0].startswith("- [1] Nuclear medicine in Wallonia, Belgium")
    assert notes[0].endswith(", citing Belgian nuclear medicine (Belgian Foreign Trade Agency, 2024-03) "
                             "[bfta-belgian-nuclear-medicine-2024]")
    assert "(BioWin, with the support of Wallonia.be, 2025) [biowin-nuclear-medicine-wallonia]" in notes[0]


def test_figure_of_a_compare_cell():
    c = {"value": 5700000000, "unit": "EUR", "footnote": 4, "year": 2022, "status": "measured"}
    assert figure(c) == "€5.7 billion [4] (2022)"
    assert figure({**c, "status": "target", "year": None}) == "€5.7 billion [4] target"


def test_the_machine_formats_do_not_import_rich():
    probe = ("import sys\nfrom ecofacts import figures\nfrom ecofacts.render import delimited, markdown, cells\n"
             "print(any(m == 'rich' or m.startswith('rich.') for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr
