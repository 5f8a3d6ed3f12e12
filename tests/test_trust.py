"""The trust level of every figure (issue 23): computed from the knowledge by `ecofacts.trust`, shown in tables
(a mark and a legend), JSON, CSV, `show`, `cite`, `compare`, `check` and the export, and filtered by --trust."""

from __future__ import annotations

import csv
import io
import json

import pytest

from ecofacts import trust
from ecofacts.kinds.source import Source
from ecofacts.kinds.stat import Stat
from ecofacts.knowledge import Knowledge

from .conftest import invoke


def _stats(*args: str) -> list[dict]:
    result = invoke("stats", *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _level(stat_id: str) -> str:
    return json.loads(invoke("show", stat_id, "--json").stdout)["record"]["trust"]


# ---- the rule, on the shipped knowledge ----------------------------------------------------------------------------

def test_the_floor_area_with_a_likely_unit_error_is_disputed():
    assert _level("masthercell-plant-floor-area") == "disputed"


def test_a_figure_of_the_german_article_that_nothing_confirms_is_unverified():
    assert _level("wallonia-biotech-annual-growth") == "unverified"
    assert _level("masthercell-clinical-trial-capacity") == "unverified"


def test_a_figure_two_publishers_give_within_rounding_is_corroborated():
    # Belga's 3.43 % and IWEPS's 3,4 % for Belgium's 2021 R&D intensity: the same within 3.4's rounding
    assert _level("rd-intensity-2021-belgium-belga") == "corroborated"
    assert _level("rd-intensity-2021-belgium-iweps") == "corroborated"


def test_two_pages_that_disagree_beyond_rounding_are_both_disputed():
    # 3.65 % and 3.63 % for Flanders 2021: two decimals each, 0.02 apart
    assert _level("rd-intensity-2021-flanders-vlaanderen") == "disputed"
    assert _level("rd-intensity-2021-flanders-trends") == "disputed"


def test_a_figure_of_one_source_with_nothing_against_it_is_single():
    assert _level("wallonia-nuclear-medicine-jobs") == "single"


def test_every_statistic_claim_and_relation_row_has_a_trust_level():
    rows = _stats()
    assert rows and all(row["trust"] in trust.LEVELS for row in rows)
    claims = json.loads(invoke("claims", "--json").stdout)
    assert all(row["trust"] in trust.LEVELS for row in claims)
    relations = json.loads(invoke("relations", "--json").stdout)
    assert {row["trust"] for row in relations} <= set(trust.RELATION_LEVELS)
    implied = [row for row in relations if row["basis"] == "implied"]
    assert implied and all(row["trust"] in ("implied", "disputed", "corroborated") for row in implied)


def test_a_claim_the_web_contradicts_is_disputed():
    claims = {row["id"]: row["trust"] for row in json.loads(invoke("claims", "--json").stdout)}
    assert claims["eu-biotech-school-focus"] == "disputed"


# ---- the rule, on knowledge made for the test ----------------------------------------------------------------------

def _source(sid: str, publisher: str | None, origins: str | None = None) -> Source:
    return Source(id=sid, kind="web", title=sid, language="en", description="d", publisher=publisher,
                  url="https://example.org", origins=origins)


def _stat(sid: str, source: str, value: float, text: str, year: int | None = 2021, label: str = "a figure") -> Stat:
    return Stat(id=sid, subject="place", metric="m", topic="t", label=label, value=value, unit="percent",
                year=year, status="measured", text=text, evidence="e", source=source)


def _knowledge(sources: list[Source], stats: list[Stat]) -> Knowledge:
    return Knowledge.build({"sources": sources, "stats": stats})


def test_copies_from_one_publisher_corroborate_nothing():
    k = _knowledge([_source("a", "Statbel"), _source("b", "statbel (Belgian statistics office)")],
                   [_stat("x", "a", 3.4, "3.4 %"), _stat("y", "b", 3.4, "3,4 %")])
    assert {trust.level(k, s) for s in k.stats} == {trust.SINGLE}


def test_agreement_is_within_the_rounding_of_the_less_precise():
    k = _knowledge([_source("a", "A"), _source("b", "B"), _source("c", "C")],
                   [_stat("x", "a", 10, "10 %"), _stat("y", "b", 10.4, "10.4 %"), _stat("z", "c", 10.6, "10.6 %",
                                                                                       year=2022)])
    assert [trust.level(k, s) for s in k.stats] == [trust.CORROBORATED, trust.CORROBORATED, trust.SINGLE]
    assert not trust.agree(trust.Figure("a", "u", 10, None), trust.Figure("b", "u", 7, None))  # not 10 ± 5


def test_a_source_naming_no_origin_is_unverified_unless_another_publisher_agrees():
    k = _knowledge([_source("de", None, origins="none"), _source("web", "Trends")],
                   [_stat("x", "de", 35, "35 %"), _stat("y", "de", 7, "7 %", year=2020),
                    _stat("z", "web", 7, "7 %", year=2020)])
    assert [trust.level(k, s) for s in k.stats] == [trust.UNVERIFIED, trust.CORROBORATED, trust.CORROBORATED]


def test_a_doubt_in_the_label_disputes_and_undated_figures_are_compared_with_nothing():
    k = _knowledge([_source("a", "A"), _source("b", "B")],
                   [_stat("x", "a", 5, "5", year=None), _stat("y", "b", 9, "9", year=None),
                    _stat("z", "a", 1, "1", label="a figure; doubtful: a unit error")])
    assert [trust.level(k, s) for s in k.stats] == [trust.SINGLE, trust.SINGLE, trust.DISPUTED]


def test_the_weigher_reads_each_subject_once():
    k = _knowledge([_source("a", "A")], [_stat(f"s{i}", "a", i, str(i), year=2000 + i) for i in range(50)])
    calls = []
    where = k.stats.where

    def counted(*args, **kwargs):
        calls.append(kwargs)
        return where(*args, **kwargs)

    k.stats.where = counted  # type: ignore[method-assign]
    levels = [trust.level(k, s) for s in k.stats]
    assert levels == [trust.SINGLE] * 50 and len(calls) == 1


# ---- where people read it ------------------------------------------------------------------------------------------

def test_the_table_shows_a_mark_and_a_legend_never_colour_alone():
    out = invoke("stats", "masthercell", env={"COLUMNS": "120"}).stdout
    assert "trust" in out.splitlines()[0]
    assert "trust: ! disputed, ? unverified" in out


def test_stats_trust_filters_and_refuses_an_unknown_level():
    kept = _stats("wallonia", "--trust", "corroborated,single")
    assert kept and {row["trust"] for row in kept} <= {"corroborated", "single"}
    assert "wallonia-pharma-exports-to-us-share" not in {row["id"] for row in kept}
    only = _stats("--trust", "Disputed")
    assert "masthercell-plant-floor-area" in {row["id"] for row in only}
    bad = invoke("stats", "--trust", "trusty")
    assert bad.exit_code == 2 and "unknown trust level 'trusty'" in bad.stderr


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl"])
def test_trust_is_a_field_of_every_format_for_programs(fmt):
    out = invoke("stats", "masthercell", "--format", fmt).stdout
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.splitlines()]
    else:
        rows = list(csv.DictReader(io.StringIO(out), delimiter="," if fmt == "csv" else "\t"))
    assert {row["id"]: row["trust"] for row in rows}["masthercell-plant-floor-area"] == "disputed"


def test_show_has_a_trust_line():
    out = invoke("show", "masthercell-plant-floor-area").stdout
    assert any(line.split()[:2] == ["trust", "disputed"] for line in out.splitlines())


def test_cite_says_disputed_and_what_disputes_it():
    out = invoke("cite", "rd-intensity-2021-flanders-trends").stdout
    assert "disputed: see rd-intensity-2021-flanders-vlaanderen" in out
    assert "disputed: see masthercell" in invoke("cite", "masthercell-plant-floor-area").stdout
    assert "single" not in invoke("cite", "wallonia-nuclear-medicine-jobs").stdout.split("\n")[0]


def test_compare_remarks_on_weak_figures_and_filters_them():
    out = invoke("compare", "wallonia", "flanders", env={"COLUMNS": "200"}).stdout
    assert "trust: unverified (Wallonia: 35 %)" in out
    doc = json.loads(invoke("compare", "wallonia", "flanders", "--trust", "corroborated,single", "--json").stdout)
    cells = [c for row in doc["rows"] if row["kind"] == "statistic" for cs in row["values"].values() for c in cs]
    assert cells and {c["trust"] for c in cells} <= {"corroborated", "single"}


def test_check_counts_the_figures_at_each_level():
    result = invoke("check", "--json")
    report = json.loads(result.stdout)
    stats = report["trust"]["stats"]
    assert set(stats) == set(trust.LEVELS) and sum(stats.values()) == report["statistics"]
    assert stats["disputed"] >= 1 and stats["unverified"] >= 1 and stats["corroborated"] >= 1
    assert f"{stats['unverified']} unverified" in result.stderr


def test_the_export_has_a_trust_column(tmp_path):
    import sqlite3

    path = tmp_path / "k.db"
    assert invoke("export", str(path)).exit_code == 0
    db = sqlite3.connect(path)
    try:
        found = db.execute("SELECT trust FROM stats WHERE id = 'masthercell-plant-floor-area'").fetchone()
        relations = {row[0] for row in db.execute("SELECT trust FROM relations")}
    finally:
        db.close()
    assert found == ("disputed",) and "implied" in relations
