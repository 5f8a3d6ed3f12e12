"""compare lines up one year per metric, says what makes figures less comparable, and can keep only strict
rows or divide by population."""

from __future__ import annotations

import json

import pytest

from .conftest import invoke, tiny_with

PAGES = '''
[[sources]]
id = "page-p"
kind = "web"
title = "Page P"
language = "en"
description = "A statistics page."
publisher = "Office P"
url = "https://example.org/p"

[[sources]]
id = "page-q"
kind = "web"
title = "Page Q"
language = "en"
description = "A newspaper page."
publisher = "Paper Q"
url = "https://example.org/q"
'''


def stat(id_: str, subject: str, metric: str, value: float, year: int, unit: str = "percent of GDP",
         source: str = "page-p", status: str = "measured") -> str:
    return (f'\n[[stats]]\nid = "{id_}"\nsubject = "{subject}"\nmetric = "{metric}"\ntopic = "R&D"\n'
            f'label = "{metric} of {subject}"\nvalue = {value}\nunit = "{unit}"\nyear = {year}\n'
            f'status = "{status}"\ntext = "{value}"\nevidence = "The page gives it."\nsource = "{source}"\n')


FIGURES = "".join([
    stat("rd-w-2020", "wallonia", "rd_intensity", 3.4, 2020),
    stat("rd-w-2021", "wallonia", "rd_intensity", 3.6, 2021),
    stat("rd-f-2021", "flanders", "rd_intensity", 3.65, 2021),
    stat("rd-f-2021-q", "flanders", "rd_intensity", 3.63, 2021, source="page-q"),
    stat("rd-f-2021-plan", "flanders", "rd_intensity", 4.0, 2021, status="forecast"),
    stat("jobs-w", "wallonia", "sector_jobs", 1000, 2021, unit="jobs"),
    stat("jobs-f", "flanders", "sector_jobs", 2000, 2022, unit="jobs"),
    stat("pop-w", "wallonia", "population", 3600000, 2021, unit="inhabitants"),
    stat("pop-f", "flanders", "population", 6800000, 2021, unit="inhabitants"),
])


@pytest.fixture
def data(tmp_path):
    return ("--data", str(tiny_with(tmp_path, PAGES, FIGURES)))


def rows(data, *options):
    result = invoke(*data, "compare", "wallonia", "flanders", *options, "--json")
    assert result.exit_code == 0, result.stderr
    return {r["metric"]: r for r in json.loads(result.stdout)["rows"] if r["kind"] == "statistic"}


def cell_ids(row):
    return {region: [c["stat"] for c in cells] for region, cells in row["values"].items()}


def test_the_latest_shared_year_is_lined_up_and_measures_win_over_forecasts(data):
    rd = rows(data)["rd_intensity"]
    assert rd["year"] == 2021
    assert cell_ids(rd) == {"wallonia": ["rd-w-2021"], "flanders": ["rd-f-2021", "rd-f-2021-q"]}
    assert "pages disagree for Flanders: 3.65 (page-p) vs 3.63 (page-q)" in rd["notes"]
    assert "the figures come from different publishers (see the sources)" in rd["notes"]


def test_without_a_shared_year_each_region_shows_its_latest_and_the_years_are_noted(data):
    jobs = rows(data)["sector_jobs"]
    assert cell_ids(jobs) == {"wallonia": ["jobs-w"], "flanders": ["jobs-f"]}
    assert jobs["year"] == 2022  # of years that as many regions have, the latest
    assert "other years: 2021 (Wallonia)" in jobs["notes"]


def test_a_chosen_year(data):
    rd = rows(data, "--year", "2020")["rd_intensity"]
    assert (rd["year"], cell_ids(rd)) == (2020, {"wallonia": ["rd-w-2020"], "flanders": []})


def test_strict_keeps_rows_of_one_year_and_one_publisher_for_every_region(data):
    strict = rows(data, "--strict")
    assert list(strict) == ["rd_intensity", "population"]
    # every region has a 2021 figure of one publisher; the other page's figure for Flanders is left out
    assert cell_ids(strict["rd_intensity"]) == {"wallonia": ["rd-w-2021"], "flanders": ["rd-f-2021"]}


def test_an_empty_comparison_says_why_on_stderr(data):
    result = invoke(*data, "compare", "wallonia", "flanders", "--strict", "--metric", "sector_jobs")
    assert result.exit_code == 0
    assert result.stderr.startswith("no row to compare: no metric has, for every region, a figure of one year")
    result = invoke(*data, "compare", "wallonia", "flanders", "--year", "1999", "--metric", "rd_intensity")
    assert "no statistic of these regions for 1999" in result.stderr


def test_per_capita_divides_counts_by_the_population_and_leaves_rates_out(data):
    result = invoke(*data, "compare", "wallonia", "flanders", "--per-capita", "--json")
    doc = json.loads(result.stdout)
    jobs = next(r for r in doc["rows"] if r["metric"] == "sector_jobs")
    shares = {region: cells[0]["per_capita"] for region, cells in jobs["values"].items()}
    assert shares["wallonia"]["per"] == shares["flanders"]["per"] == 100_000  # one scale per row
    assert shares["wallonia"]["value"] == pytest.approx(1000 / 3600000 * 100_000)
    assert (shares["flanders"]["population_stat"], shares["flanders"]["gap_years"]) == ("pop-f", 1)
    assert set(doc["per_capita"]["left_out"]) == {"rd_intensity", "population"}
    assert "rd_intensity" not in {r["metric"] for r in doc["rows"]}
    table = invoke(*data, "compare", "wallonia", "flanders", "--per-capita", env={"COLUMNS": "200"}).stdout
    flat = " ".join(table.split())
    assert "27.78 jobs per 100,000 inhabitants [1÷" in flat and "per inhabitant = figure ÷" in flat


def test_per_capita_of_a_rate_is_refused(data):
    result = invoke(*data, "compare", "wallonia", "flanders", "--per-capita", "--metric", "rd_intensity")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "already a rate" in result.stderr


def test_a_region_inside_another_is_noted(data):
    result = invoke(*data, "compare", "belgium", "wallonia", "--json")
    row = next(r for r in json.loads(result.stdout)["rows"] if r["metric"] == "nuclear_medicine_jobs")
    assert "Wallonia lies inside Belgium: its figure is part of Belgium's" in row["notes"]


@pytest.mark.parametrize("fmt", ["markdown", "csv", "tsv", "jsonl"])
def test_every_format_names_the_sources_of_its_figures(data, fmt):
    out = invoke(*data, "compare", "wallonia", "flanders", "--format", fmt).stdout
    assert "page-p" in out and "page-q" in out
    if fmt == "markdown":
        assert "Sources:" in out and "Page Q (Paper Q) [page-q]" in out


def test_the_counts_stay_apart_from_the_statistics(data):
    out = invoke(*data, "compare", "wallonia", "flanders", env={"COLUMNS": "100"}).stdout
    counted = out.index("Records counted in this knowledge base (not statistics)")
    assert out.index("R&D intensity") < counted < out.index("organisations recorded")


def test_per_capita_shows_the_year_of_the_population_it_divides_by(data):
    doc = json.loads(invoke(*data, "compare", "wallonia", "flanders", "--per-capita", "--json").stdout)
    shares = [c["per_capita"] for r in doc["rows"] if r["kind"] == "statistic" for cells in r["values"].values()
              for c in cells if c.get("per_capita")]
    assert shares
    table = invoke(*data, "compare", "wallonia", "flanders", "--per-capita", env={"COLUMNS": "200"}).stdout
    for share in shares:
        assert f"(population of {share['population_year']})" in table


def test_pages_whose_figures_are_one_within_rounding_are_said_to_round_differently_not_to_disagree():
    result = invoke("compare", "wallonia", "flanders", "brussels", "--json")
    notes = [n for r in json.loads(result.stdout)["rows"] if r["kind"] == "statistic" for n in r["notes"]]
    assert any(n.startswith("pages round differently for Wallonia: 3,61%") and n.endswith("within rounding)")
               for n in notes)  # 3,61 % and 3,6 %: trust counts them as corroborating each other
    assert any(n.startswith("pages disagree for Flanders: 3,65%") for n in notes)  # 3,65 % and 3,63 %


def test_a_chart_of_many_metrics_says_that_metric_draws_one():
    # a PNG of every metric was 3860x17092 pixels, with no word of why
    many = invoke("compare", "wallonia", "flanders", "--format", "vega-lite")
    assert many.exit_code == 0 and "metrics, one below the other; --metric draws one" in many.stderr
    one = invoke("compare", "wallonia", "flanders", "--format", "vega-lite", "--metric", "rd_intensity_gdp_percent")
    assert one.exit_code == 0 and "--metric draws one" not in one.stderr
    assert "--metric draws one" not in invoke("compare", "wallonia", "flanders", "--json").stderr
