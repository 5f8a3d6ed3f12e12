"""The shipped knowledge file: valid, canonical, every quote verbatim, and the answers users ask for."""

from __future__ import annotations

import json

import pytest

from ecofacts.names import fold

from .conftest import SHARED_SOURCES, invoke, shipped

K = shipped()


def run_json(*args: str):
    result = invoke(*args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_shipped_file_is_valid_and_canonical():
    assert invoke("check").exit_code == 0
    assert invoke("fmt", "--check").exit_code == 0


@pytest.mark.skipif(not SHARED_SOURCES.is_dir(), reason=f"source texts not found at {SHARED_SOURCES}")
def test_every_quote_is_verbatim_in_its_source():
    result = invoke("check", "--sources", str(SHARED_SOURCES))
    assert result.exit_code == 0, result.stdout
    quoted = [r for t in ("stats", "claims", "relations", "chain") for r in K.records(t) if r.quote is not None]
    statements = [s for person in K.whole["people"] for s in person.statements]
    assert quoted and statements
    assert f" {len(quoted) + len(statements)} quotes verified" in result.stderr


def test_every_document_source_has_its_statistics():
    counts = {s.id: 0 for s in K.whole["sources"] if s.kind == "document"}
    for stat in K.stats:
        if stat.source in counts:
            counts[stat.source] += 1
    assert all(counts.values()), counts


def test_compare_puts_belgium_and_wallonia_jobs_on_one_row():
    doc = run_json("compare", "belgium", "wallonia")
    row = next(r for r in doc["rows"] if r["metric"] == "nuclear_medicine_jobs")
    assert [c["text"] for c in row["values"]["belgium"]] == ["5000"]
    assert [c["text"] for c in row["values"]["wallonia"]] == ["3800+"]


def test_wallonia_stats_carry_sources_and_quotes():
    rows = run_json("stats", "wallonia")
    jobs = next(r for r in rows if r["text"] == "3800+")
    assert (jobs["value"], jobs["qualifier"], jobs["year"]) == (3800, "at_least", None)
    assert jobs["source"]["id"] == "biowin-nuclear-medicine-wallonia"
    assert all(r["source"]["title"] for r in rows)
    quoted = [r for r in rows if r["provenance"] == "quoted"]
    reported = [r for r in rows if r["provenance"] == "reported"]
    assert quoted and reported and len(quoted) + len(reported) == len(rows)
    assert all(r["quote"] and r["evidence"] is None and r["source"]["kind"] == "document" for r in quoted)
    assert all(r["quote"] is None and r["evidence"] and r["source"]["url"] for r in reported)


def test_look_alike_figures_point_to_each_other():
    for a, b in [("5000", "3800+"), ("65%", "1/3")]:
        sa = next(s for s in K.stats if s.text == a)
        sb = next(s for s in K.stats if s.text == b)
        assert sb.id in sa.related and sa.id in sb.related


def test_projections_are_not_measurements():
    forecasts = {s.text for s in K.stats if s.status in ("forecast", "target")}
    assert {"470", "1.200", "€80 Mrd.", "85 %", "3-5"} <= forecasts


@pytest.mark.parametrize("city", ["Liège", "liege", "Luik", "Charleroi", "Fleurus", "Mol", "Ghent", "Gent",
                                  "Leuven", "Namur"])
def test_every_hub_answers(city):
    assert run_json("actors", "--city", city)


def test_gosselies_is_part_of_charleroi():
    rows = run_json("actors", "--city", "Charleroi")
    assert any(r["city"] == "gosselies" and r["match"] == "section" for r in rows)


def test_show_trasis():
    doc = run_json("show", "Trasis")
    assert doc["record"]["city_name"] == "Ans"
    assert doc["related"]["sources"]["rows"]


@pytest.mark.parametrize("name", ["Wallonie", "Wallonien", "Walloon Region"])
def test_region_aliases(name):
    assert run_json("show", name)["id"] == "wallonia"


WEB = SHARED_SOURCES / "web"


@pytest.mark.skipif(not (WEB / "statistics.json").is_file(), reason="the researched web figures are not beside")
def test_the_researched_web_figures_are_reported_with_their_page():
    figures = json.loads((WEB / "statistics.json").read_text(encoding="utf-8"))
    rows = {r["id"]: r for r in run_json("stats")}
    found = [f for f in figures if f["id"] in rows and rows[f["id"]]["value"] == f["value"]
             and rows[f["id"]]["year"] == f["year"] and rows[f["id"]]["source"]["url"] == f["url"]
             and rows[f["id"]]["text"] == f["text"]]
    assert len(found) >= 0.95 * len(figures), len(found)
    for f in found:
        row = rows[f["id"]]
        assert (row["provenance"], row["quote"]) == ("reported", None)
        assert row["evidence"] == f["evidence"]
        assert fold(row["subject"]) == fold(f["subject"]) or fold(row["subject_name"] or "") in fold(f["subject"]) \
            or f["subject"] == "wallonia_and_brussels" or fold(f["subject"]).startswith(fold(row["subject"]))


@pytest.mark.skipif(not (WEB / "sites.json").is_file(), reason="the researched sites are not beside")
def test_every_researched_site_answers_actors_city():
    for site in json.loads((WEB / "sites.json").read_text(encoding="utf-8")):
        city = site["site_city"].split(" (")[0].split("(")[0]
        names = [r["name"] for r in run_json("actors", "--city", city)]
        words = set(fold(site["organisation"]).split()) - {"ex", "now", "the"}
        assert any(words & set(fold(n).split()) for n in names), (site, names)


def test_check_proves_the_quotes_against_the_shipped_texts_without_a_path():
    with_path = invoke("check", "--sources", str(SHARED_SOURCES)).stderr if SHARED_SOURCES.is_dir() else None
    plain = invoke("check")
    assert plain.exit_code == 0
    assert " quotes verified against their sources" in plain.stderr
    if with_path is not None:
        assert plain.stderr == with_path
