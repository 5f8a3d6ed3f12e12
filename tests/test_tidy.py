"""`compare --format csv|tsv|jsonl` as tidy, typed rows, read back by duckdb and pandas from the real output;
an empty CSV/TSV has the header of a full one."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from ecofacts.render import tidy

REGIONS = ["wallonia", "flanders", "brussels"]


def ecofacts(*args: str) -> str:
    return subprocess.run([sys.executable, "-m", "ecofacts", *args], capture_output=True, text=True,
                          check=True).stdout


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("tidy")
    paths = {}
    for fmt in ("csv", "tsv", "jsonl"):
        paths[fmt] = folder / f"regions.{fmt}"
        paths[fmt].write_text(ecofacts("compare", *REGIONS, "--format", fmt), encoding="utf-8")
    paths["per_capita"] = folder / "per_capita.csv"
    paths["per_capita"].write_text(ecofacts("compare", *REGIONS, "--per-capita", "--format", "csv"), encoding="utf-8")
    paths["population"] = folder / "population.csv"  # only whole numbers: still DOUBLE
    paths["population"].write_text(ecofacts("compare", *REGIONS, "--metric", "population", "--format", "csv"),
                                   encoding="utf-8")
    return paths


@pytest.mark.parametrize("name", ["csv", "tsv", "per_capita", "population"])
def test_duckdb_reads_value_as_double_and_year_as_bigint(written, name):
    rel = duckdb.sql(f"select * from read_csv_auto('{written[name]}')")
    types = dict(zip(rel.columns, (str(t) for t in rel.types), strict=True))
    assert rel.columns[:len(tidy.COLUMNS)] == tidy.COLUMNS
    assert types["value"] == "DOUBLE"
    if name == "csv":  # ranges there: the upper ends too (a column of only empty cells is text to duckdb)
        assert types["value_max"] == "DOUBLE"
    assert types["year"] == "BIGINT"
    assert {r[0] for r in duckdb.sql(f"select distinct region from read_csv_auto('{written[name]}')").fetchall()} \
        == set(REGIONS)


def test_duckdb_sums_and_compares_the_figures(written):
    got = duckdb.sql(f"select region, value from read_csv_auto('{written['csv']}') "
                     "where metric = 'rd_intensity_gdp_percent' and source = 'web-vlaanderen-dashboard-rd-intensity' "
                     "order by region").fetchall()
    assert got == [("brussels", 2.49), ("flanders", 3.65), ("wallonia", 3.61)]


def test_pandas_reads_numbers_and_jsonl_is_the_same_rows(written):
    frame = pd.read_csv(written["csv"])
    assert str(frame["value"].dtype) == "float64"
    assert str(frame["year"].dtype) in ("Int64", "float64", "int64")  # NaN for counted rows
    lines = pd.read_json(written["jsonl"], lines=True)
    assert list(lines.columns) == list(frame.columns)
    assert len(lines) == len(frame)
    assert str(lines["value"].dtype) == "float64"
    assert frame["value"].fillna(-1).tolist() == lines["value"].fillna(-1).tolist()
    tsv = pd.read_csv(written["tsv"], sep="\t")
    assert tsv.equals(frame)


def test_every_metric_has_a_row_for_every_region_and_no_display_strings(written):
    rows = [json.loads(line) for line in written["jsonl"].read_text().splitlines()]
    by_metric: dict[str, set[str]] = {}
    for row in rows:
        by_metric.setdefault(row["metric"], set()).add(row["region"])
        assert row["value"] is None or isinstance(row["value"], float)
        assert "[" not in (row["metric_label"] or "")
    assert all(regions == set(REGIONS) for regions in by_metric.values())
    doc = json.loads(ecofacts("compare", *REGIONS, "--json"))
    assert set(by_metric) == {row["metric"] for row in doc["rows"]}
    assert {r["provenance"] for r in rows} <= {"quoted", "reported", "counted", None}


def test_per_capita_rows_say_the_population_they_divide_by(written):
    frame = pd.read_csv(written["per_capita"])
    gdp = frame[(frame.metric == "gdp_current_prices_eur") & (frame.region == "wallonia")].iloc[0]
    assert gdp.unit == "EUR per inhabitant"
    assert "divided by the population of" in gdp.note


@pytest.mark.parametrize(("args", "fmt"), [
    (["stats", "wallonia", "--year", "1900"], "csv"), (["stats", "--topic", "nosuchtopicmatches"], "tsv"),
    (["compare", *REGIONS, "--metric", "population", "--year", "1901"], "csv"),
])
def test_an_empty_result_has_the_header_of_a_full_one(args, fmt):
    result = subprocess.run([sys.executable, "-m", "ecofacts", *args, "--format", fmt], capture_output=True,
                            text=True)
    if result.returncode == 2:  # an unknown topic is a usage error: try a filter that merely matches nothing
        pytest.skip(result.stderr)
    empty = result.stdout
    full_args = ["stats", "wallonia"] if args[0] == "stats" else ["compare", *REGIONS]
    full = ecofacts(*full_args, "--format", fmt)
    assert empty.splitlines() == full.splitlines()[:1]
    sep = "," if fmt == "csv" else "\t"
    columns = [list(pd.read_csv(io.StringIO(text), sep=sep).columns) for text in (empty, full)]
    assert columns[0] == columns[1]
