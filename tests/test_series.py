"""Time: `series` (a subject's figures year by year, one preferred by the rule), `--change`, "latest" in `stats`
and `compare`, `--published-before`, charts (Vega-Lite, and SVG through the optional extra), and `check`'s
counts of statistics without a year and sources without a date."""

from __future__ import annotations

import html
import json
import re
import sys

import pytest

from ecofacts.render import ROW_FORMATS, Format, formats
from ecofacts.series import GAP, GAP_ASCII, SPARK, SPARK_ASCII, sparkline

from .conftest import TINY, invoke, tiny_with
from .test_startup import modules_imported_by

RD = "rd_intensity_gdp_percent"


def as_json(result):
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def shipped_stats(subject: str, metric: str) -> list[dict]:
    return [s for s in as_json(invoke("stats", subject, "--json")) if s["metric"] == metric]


# --- a small file whose answers are known ------------------------------------------------------------------

PAGES = '''
[[sources]]
id = "office"
kind = "web"
title = "Office page"
language = "en"
description = "Official statistics."
publisher = "Statbel (Belgian statistical office)"
date = "2023-05-10"
url = "https://example.org/office"

[[sources]]
id = "paper-old"
kind = "web"
title = "Paper, old"
language = "en"
description = "A newspaper."
publisher = "Daily Paper"
date = "2019-05"
url = "https://example.org/old"

[[sources]]
id = "paper-new"
kind = "web"
title = "Paper, new"
language = "en"
description = "A newspaper."
publisher = "Daily Paper"
date = "2022-01-03"
url = "https://example.org/new"

[[sources]]
id = "blog"
kind = "web"
title = "Blog"
language = "en"
description = "Undated."
publisher = "A blog"
url = "https://example.org/blog"
'''


def stat(id_: str, value: float, year: int | None, source: str, status: str = "measured",
         label: str = "Jobs in the sector", unit: str = "jobs", metric: str = "sector_jobs",
         subject: str = "wallonia", qualifier: str | None = None) -> str:
    lines = [f'\n[[stats]]\nid = "{id_}"\nsubject = "{subject}"\nmetric = "{metric}"\ntopic = "jobs"',
             f'label = "{label}"\nvalue = {value}\nunit = "{unit}"']
    if year is not None:
        lines.append(f"year = {year}")
    if qualifier is not None:
        lines.append(f'qualifier = "{qualifier}"')
    lines.append(f'status = "{status}"\ntext = "{value}"\nevidence = "The page gives it."\nsource = "{source}"\n')
    return "\n".join(lines)


FIGURES = "".join([
    stat("w-2016", 1000, 2016, "paper-old"),
    stat("w-2017", 1100, 2017, "paper-old"),
    # 2018, 2019: nothing measured (a gap), a forecast for 2019 only
    stat("w-2019-plan", 1500, 2019, "paper-old", status="forecast"),
    # 2020: three measured figures; the office's wins over the papers' (same definition), and the newer paper's
    # over the older
    stat("w-2020-old", 1210, 2020, "paper-old"),
    stat("w-2020-new", 1220, 2020, "paper-new"),
    stat("w-2020-office", 1230, 2020, "office"),
    stat("w-2021", 1331, 2021, "paper-new"),
    stat("w-undated", 900, None, "blog"),
    stat("f-2020", 5000, 2020, "paper-new", subject="flanders"),
    stat("f-2016", 4000, 2016, "paper-old", subject="flanders"),
    stat("f-2021-other", 5100, 2021, "office", subject="flanders", label="Jobs in the wider sector"),
])


@pytest.fixture
def data(tmp_path):
    return ("--data", str(tiny_with(tmp_path, PAGES, FIGURES)))


def test_a_series_lists_every_figure_year_by_year_one_preferred_by_the_rule(data):
    points = as_json(invoke(*data, "series", "wallonia", "--metric", "sector_jobs", "--json"))
    dated = [p for p in points if isinstance(p["year"], int)]
    assert [p["year"] for p in dated] == sorted(p["year"] for p in dated)
    preferred = {p["year"]: p["stat"] for p in points if p["preferred"]}
    # measured before forecast: 2019 has only a forecast, so no preferred figure (a gap in the line)
    assert 2019 not in preferred and any(p["stat"] == "w-2019-plan" and not p["on_line"] for p in points)
    # official statistics before the newer source, the newer before the older
    assert preferred[2020] == "w-2020-office"
    order_2020 = [p["stat"] for p in points if p["year"] == 2020]
    assert order_2020 == ["w-2020-office", "w-2020-new", "w-2020-old"]
    assert all(p["source"]["id"] for p in points)
    assert [p["stat"] for p in points if p["year"] is None] == ["w-undated"]


def test_gaps_stay_gaps_and_breaks_are_marked(data):
    doc = json.loads(invoke(*data, "series", "wallonia", "--metric", "sector_jobs", "--format",
                            "vega-lite").stdout)
    assert doc["$schema"].endswith("vega-lite/v5.json")
    points = as_json(invoke(*data, "series", "wallonia", "--metric", "sector_jobs", "--json"))
    by_stat = {p["stat"]: p for p in points}
    assert by_stat["w-2020-office"]["gap_before"] == 2  # 2018 and 2019 have no measured figure
    assert "gap" in by_stat["w-2020-office"]["breaks"] and "publisher" in by_stat["w-2020-office"]["breaks"]
    assert by_stat["w-2017"]["breaks"] == []  # same publisher, same definition, next year
    flanders = as_json(invoke(*data, "series", "flanders", "--metric", "sector_jobs", "--json"))
    assert "definition" in next(p for p in flanders if p["stat"] == "f-2021-other")["breaks"]
    table = invoke(*data, "series", "wallonia", "--metric", "sector_jobs").stdout
    assert "2018–2019" in table and "no figure (gap)" in table and "break: publisher" in table
    assert "preferred one is: a measured figure before a forecast" in table


def test_the_sparkline_draws_low_to_high_with_gaps_and_an_ascii_fallback():
    line = sparkline([1.0, 2.0, None, 8.0])
    assert line[0] == SPARK[0] and line[-1] == SPARK[-1] and line[2] == GAP and SPARK.index(line[1]) < 7
    ascii_line = sparkline([1.0, 2.0, None, 8.0], ascii_only=True)
    assert ascii_line.isascii() and ascii_line[2] == GAP_ASCII and ascii_line[-1] == SPARK_ASCII[-1]
    assert sparkline([]) == ""
    assert len(set(sparkline([5.0, 5.0]))) == 1


def test_change_is_given_only_between_comparable_figures(data):
    [comparable] = as_json(invoke(*data, "series", "wallonia", "--metric", "sector_jobs", "--change", "2016..2017",
                                  "--json"))
    assert comparable["comparable"] is True and comparable["absolute"] == 1100 - 1000
    assert comparable["cagr_percent"] == pytest.approx((1100 / 1000 - 1) * 100)
    [wider] = as_json(invoke(*data, "series", "wallonia", "--metric", "sector_jobs", "--change", "2016..2021",
                             "--json"))
    assert wider["comparable"] is True and wider["cagr_percent"] == pytest.approx(((1331 / 1000) ** 0.2 - 1) * 100)
    [other] = as_json(invoke(*data, "series", "flanders", "--metric", "sector_jobs", "--change", "2016..2021",
                             "--json"))
    assert other["comparable"] is False and other["absolute"] is None
    assert any("definitions may differ" in why for why in other["why_not"])
    assert any("publishers differ" in why for why in other["why_not"])
    [missing] = as_json(invoke(*data, "series", "wallonia", "--metric", "sector_jobs", "--change", "2018..2021",
                               "--json"))
    assert missing["why_not"] == ["no measured figure for 2018"]
    assert invoke(*data, "series", "wallonia", "--metric", "sector_jobs", "--change", "2021..2016").exit_code == 2


def test_the_preferred_pair_is_compared_or_another_comparable_pair_is_named(data):
    # 2020's preferred figure is the office's, 2016's a paper's: another 2020 figure of the same paper compares
    [change] = as_json(invoke(*data, "series", "wallonia", "--metric", "sector_jobs", "--change", "2016..2020",
                              "--json"))
    assert change["comparable"] and change["to_stat"] in ("w-2020-old", "w-2020-new")
    assert "w-2020-office" in change["note"]


def test_published_before_keeps_what_was_known_and_lists_the_rest(data):
    result = invoke(*data, "stats", "wallonia", "--metric", "sector_jobs", "--published-before", "2020", "--json")
    kept = {s["id"] for s in as_json(result)}
    assert kept == {"w-2016", "w-2017", "w-2019-plan", "w-2020-old"}
    assert "4 statistics left out" in result.stderr  # 2022 and 2023 sources, and the undated blog
    # a source dated by month straddling the date is not known to be before it
    straddle = as_json(invoke(*data, "stats", "wallonia", "--metric", "sector_jobs", "--published-before",
                              "2019-05-15", "--json"))
    assert straddle == []
    doc = as_json(invoke(*data, "compare", "wallonia", "flanders", "--published-before", "2020", "--json"))
    assert {w["stat"] for w in doc["withheld"]} >= {"w-undated", "f-2020", "w-2021"}
    assert invoke(*data, "stats", "--published-before", "last year").exit_code == 2
    series = invoke(*data, "series", "wallonia", "--metric", "sector_jobs", "--published-before", "2020", "--json")
    assert {p["stat"] for p in as_json(series)} == kept
    assert "4 figures left out" in series.stderr and "w-undated" in series.stderr


def test_stats_latest_sort_and_metric_in_words(data):
    [latest] = as_json(invoke(*data, "stats", "wallonia", "--latest", "--metric", "sector jobs", "--json"))
    assert latest["id"] == "w-2021"
    years = [s["year_end"] for s in as_json(invoke(*data, "stats", "--sort", "year", "--json"))]
    dated = [y for y in years if y is not None]
    assert dated == sorted(dated) and years[len(dated):] == [None] * (len(years) - len(dated))
    assert invoke(*data, "stats", "--sort", "value").exit_code == 2


def test_compare_latest_puts_each_regions_own_latest_and_max_year_gap_refuses(data):
    doc = as_json(invoke(*data, "compare", "wallonia", "flanders", "--latest", "--metric", "sector_jobs", "--json"))
    [row] = [r for r in doc["rows"] if r["metric"] == "sector_jobs"]
    assert [c["stat"] for c in row["values"]["wallonia"]] == ["w-2021"]
    assert [c["stat"] for c in row["values"]["flanders"]] == ["f-2021-other"]
    assert row["year"] == 2021  # both regions' latest year: the row's
    assert invoke(*data, "compare", "wallonia", "flanders", "--latest", "--year", "2020").exit_code == 2


# --- the shipped knowledge ------------------------------------------------------------------------------------


def test_belgiums_rd_intensity_series_lists_its_years_in_order_each_with_a_source():
    points = as_json(invoke("series", "belgium", "--metric", RD, "--json"))
    expected = sorted({s["year"] for s in shipped_stats("belgium", RD) if isinstance(s["year"], int)})
    years = [p["year"] for p in points if isinstance(p["year"], int)]
    assert sorted(set(years)) == expected and years == sorted(years)
    assert expected[0] == 2013 and expected[-1] == 2022
    assert all(p["source"] and p["source"]["id"] for p in points)
    assert sum(p["preferred"] for p in points) == len(expected)  # one per year


def test_flanders_latest_rd_intensity_is_its_most_recent_measured_figure():
    rows = as_json(invoke("stats", "flanders", "--latest", "--metric", RD, "--json"))
    measured = [s for s in shipped_stats("flanders", RD) if s["status"] == "measured" and s["year_end"]]
    newest = max(s["year_end"] for s in measured)
    assert [(r["value"], r["year"]) for r in rows] == [(s["value"], s["year"]) for s in measured
                                                       if s["year_end"] == newest][:1]
    assert (rows[0]["display"], rows[0]["year"]) == ("3.5 % of GDP", 2022)


def test_compare_latest_carries_each_regions_own_latest_year():
    regions = ["wallonia", "flanders", "brussels"]
    doc = as_json(invoke("compare", *regions, "--latest", "--json"))
    [row] = [r for r in doc["rows"] if r["metric"] == RD]
    for region in regions:
        newest = max(s["year_end"] for s in shipped_stats(region, RD) if s["status"] == "measured" and s["year_end"])
        assert [c["year"] for c in row["values"][region]] == [newest], region
    if len({c["year"] for cells in row["values"].values() for c in cells}) > 1:
        assert any("own latest year differs" in note for note in row["notes"])
    capped = as_json(invoke("compare", *regions, "--latest", "--max-year-gap", "0", "--metric", RD, "--json"))
    cells = [c for cs in capped["rows"][0]["values"].values() for c in cs]
    assert len({c["year"] for c in cells}) == 1
    assert any("--max-year-gap" in note for note in capped["rows"][0]["notes"])


# --- charts ---------------------------------------------------------------------------------------------------


def test_a_vega_lite_spec_is_the_same_bytes_twice_and_holds_labels_and_sources():
    args = ("series", "belgium", "flanders", "--metric", RD, "--format", "vega-lite")
    first, second = invoke(*args), invoke(*args)
    assert first.exit_code == 0 and first.stdout == second.stdout
    spec = json.loads(first.stdout)
    text = json.dumps(spec, ensure_ascii=False)
    points = as_json(invoke("series", "belgium", "flanders", "--metric", RD, "--json"))
    for p in points:
        if isinstance(p["year"], int):
            assert p["display"] in text and p["source"]["url"] in text
    assert "Knowledge: ecofacts" in text
    compare = json.loads(invoke("compare", "wallonia", "flanders", "--metric", RD, "--format", "vega-lite").stdout)
    assert compare["$schema"].endswith("v5.json") and "Sources:" in json.dumps(compare)


def _svg_text(svg: str) -> str:
    return html.unescape(" ".join(re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)))


@pytest.mark.parametrize("command", [("series", "belgium", "flanders", "--metric", RD),
                                     ("compare", "wallonia", "flanders", "brussels", "--latest", "--metric", RD)])
def test_the_svg_holds_every_value_label_and_every_source_line(command):
    pytest.importorskip("vl_convert")
    spec = json.loads(invoke(*command, "--format", "vega-lite").stdout)
    result = invoke(*command, "--format", "svg")
    assert result.exit_code == 0, result.stderr
    shown = _svg_text(result.stdout)
    views = spec["vconcat"]
    sources = views[-1]["data"]["values"]
    assert len(sources) > 3
    for line in sources:
        assert line["line"] in shown
    labels = [v["label"] for view in views[:-1] for v in view["data"]["values"] if v.get("label")]
    assert labels
    for label in labels:
        assert label in shown


def test_png_is_drawn_and_without_the_extra_an_image_is_one_line_and_exit_2(monkeypatch):
    pytest.importorskip("vl_convert")
    png = invoke("series", "belgium", "--metric", RD, "--format", "png")
    assert png.exit_code == 0 and png.stdout_bytes.startswith(b"\x89PNG")
    monkeypatch.setitem(sys.modules, "vl_convert", None)  # as if the extra were not installed
    result = invoke("series", "belgium", "--metric", RD, "--format", "svg")
    assert result.exit_code == 2 and result.stdout == ""
    assert "ecofacts[charts]" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_the_charts_extra_is_imported_only_for_an_image():
    spec = modules_imported_by("--data", str(TINY), "compare", "wallonia", "belgium", "--format", "vega-lite")
    assert "ecofacts.render.chart" in spec and "vl_convert" not in spec
    assert "ecofacts.series" not in modules_imported_by("--data", str(TINY), "stats", "wallonia", "--json")


@pytest.mark.parametrize("fmt", [f for f in Format if f not in ROW_FORMATS])
def test_a_listing_refuses_a_chart_format(fmt):
    result = invoke("--data", str(TINY), "stats", "--format", fmt.value)
    assert result.exit_code == 2 and "charts: series and compare" in result.stderr


def test_series_prints_in_every_format_of_its_shape():
    assert formats("series") == list(Format)
    points = as_json(invoke("series", "belgium", "--metric", RD, "--json"))
    for fmt in ROW_FORMATS:
        result = invoke("series", "belgium", "--metric", RD, "--format", fmt.value)
        assert result.exit_code == 0, (fmt, result.stderr)
        assert "2.44" in result.stdout, fmt
    assert len(invoke("series", "belgium", "--metric", RD, "--format", "jsonl").stdout.splitlines()) == len(points)


# --- check: what cannot be placed in time ---------------------------------------------------------------------


def test_check_counts_statistics_without_a_year_and_sources_without_a_date():
    report = json.loads(invoke("--data", str(TINY), "check", "--json").stdout)
    stats = as_json(invoke("--data", str(TINY), "stats", "--json"))
    sources = as_json(invoke("--data", str(TINY), "sources", "--json"))
    assert report["statistics_without_year"] == sum(1 for s in stats if s["year"] is None) > 0
    assert report["sources_without_date"] == sum(1 for s in sources if not s["date"]) > 0
    assert any(w.startswith(f"{report['statistics_without_year']} of {len(stats)} statistics have no year")
               for w in report["warnings"])
    assert "without a date" in invoke("--data", str(TINY), "check").stderr


def test_where_each_from_the_cache_is_where_filtered(cache_dir, tmp_path):
    import os
    import shutil
    import time

    from ecofacts.loader import default_path, load

    path = tmp_path / "facts.toml"
    shutil.copy(default_path(), path)
    os.utime(path, (time.time() - 3600, time.time() - 3600))
    load(path)  # writes the cache
    k = load(path)
    assert type(k.stats).__name__ == "CachedStats"
    asked = {"metric": [RD], "subject": ["wallonia", "belgium"]}
    expected = [s for s in k.stats.where(metric=[RD]) if s.subject in asked["subject"]]
    assert k.stats.where_each(**asked) == expected and len(expected) > 3
    fresh = load(path, use_cache=False)
    assert fresh.stats.where_each(**asked) == expected


def test_every_point_carries_its_trust_level_as_stats_does():
    points = json.loads(invoke("series", "belgium", "--metric", "rd_intensity_gdp_percent", "--json").stdout)
    stats = {s["id"]: s["trust"] for s in json.loads(invoke("stats", "belgium", "--json").stdout)}
    assert points and all(p["trust"] == stats[p["stat"]] for p in points)
    assert {p["trust"] for p in points} <= {"corroborated", "single", "disputed", "unverified"}


def test_ctrl_c_ends_the_process_at_once_while_an_image_is_drawn(monkeypatch):
    # vl-convert draws without letting Python's handler run (Ctrl-C waited seconds): while it draws, SIGINT has its
    # own action, which ends the process; before and after, Python's handler (exit 130, "error: interrupted")
    import signal

    import ecofacts.render

    during = []
    monkeypatch.setattr(ecofacts.render, "image", lambda *args: during.append(signal.getsignal(signal.SIGINT)) or b"x")
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        result = invoke("series", "belgium", "--metric", RD, "--format", "png")
        assert result.exit_code == 0 and result.stdout_bytes == b"x"
        assert during == [signal.SIG_DFL] and signal.getsignal(signal.SIGINT) is signal.default_int_handler
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # ignored by who started it (a background job): left so
        during.clear()
        invoke("series", "belgium", "--metric", RD, "--format", "png")
        assert during == [signal.SIG_IGN]
    finally:
        signal.signal(signal.SIGINT, previous)


def test_a_change_not_comparable_names_its_series_in_its_notes():
    # "Flanders 2016..2021: not comparable: …" said five times for five measures of Flanders: which one?
    result = invoke("series", "wallonia", "flanders", "--change", "2016..2021")
    assert result.exit_code == 0
    notes = [line for line in result.stdout.splitlines() if ": not comparable: " in line]
    assert notes and all(re.match(r"(Wallonia|Flanders): .+, 2016\.\.2021: not comparable: ", n) for n in notes)
    assert "Wallonia: R&D intensity GDP (%), 2016..2021: not comparable: definitions may differ" in result.stdout
