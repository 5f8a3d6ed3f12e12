"""What the documents say in words — claims, people, relations, the value chain — and a search over every text,
on the shipped knowledge file."""

from __future__ import annotations

import json

import pytest

from ecofacts.search import excerpt, normal

from .conftest import invoke


def run_json(*args: str):
    result = invoke(*args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_claims_about_a_subject_filtered_by_topic_and_kind():
    rows = run_json("claims", "Belgique", "--topic", "CLINICAL TRIALS")
    assert rows and all(r["subject"] == "belgium" and r["topic"] == "clinical trials" for r in rows)
    assert all(r["provenance"] == "quoted" and r["quote"] and r["claim"] for r in rows)
    rankings = run_json("claims", "--kind", "ranking")
    assert rankings and {r["kind"] for r in rankings} == {"ranking"}
    result = invoke("claims", "--kind", "rumour")
    assert result.exit_code == 2 and result.stderr.startswith("error: unknown kind 'rumour'; choose from: ")


def test_a_subjects_claims_and_relations_appear_in_its_show():
    doc = run_json("show", "belgium")
    assert doc["related"]["claims"]["rows"]
    dgtre = run_json("show", "DGTRE")
    partners = [r for r in dgtre["related"]["relations"]["rows"] if r["kind"] == "member-of"]
    assert partners and partners[0]["object_name"].startswith("Walloon biotech support partnership")
    other_end = run_json("show", partners[0]["object"])
    assert partners[0]["id"] in [r["id"] for r in other_end["related"]["relations"]["rows"]]  # both ends


def test_people_are_found_by_name_in_any_case_or_accent_with_their_statements():
    people = run_json("people")
    assert {p["name"] for p in people} >= {"Thomas Dermine", "Frédéric Druck"}
    doc = run_json("show", "frederic DRUCK")
    assert (doc["kind"], doc["id"]) == ("person", "frederic-druck")
    dermine = run_json("show", "Thomas Dermine")
    assert dermine["record"]["statements"] and all(s["quote"] and s["says"] for s in dermine["record"]["statements"])


@pytest.mark.parametrize("name", ["Mo-99", "mo99", "MO 99"])
def test_the_chain_of_an_isotope_runs_from_production_to_patient(name):
    rows = run_json("chain", name)
    from ecofacts.kinds.chain import STAGES

    assert rows and all("mo99" in r["product"].lower().replace("-", "").replace(" ", "") for r in rows)
    order = [STAGES.index(r["stage"]) for r in rows]
    assert order == sorted(order)
    assert {r["provenance"] for r in rows} <= {"quoted", "reported"}
    assert all((r["quote"] is not None) == (r["provenance"] == "quoted") for r in rows)


def test_the_chain_of_an_organisation_and_an_unknown_name():
    rows = run_json("chain", "IRE")
    assert rows and all(r["producer"] == "ire" for r in rows)
    result = invoke("chain", "Mo-98")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: no product, organisation or city 'Mo-98' in the value chain")


@pytest.mark.parametrize("spelling", ["3800", "3,800", "3.800", "3 800", "3800+"])
def test_search_reads_a_number_whatever_its_format(spelling):
    hits = run_json("search", spelling)
    assert "wallonia-nuclear-medicine-jobs" in [h["id"] for h in hits]


def test_search_matches_whole_numbers_only():
    assert normal("38000 jobs") == "38000 jobs"
    ids = [h["id"] for h in run_json("search", "380")]
    assert "wallonia-nuclear-medicine-jobs" not in ids


def test_search_looks_into_conflicts_defects_statements_and_ranks_names_first():
    hits = run_json("search", "Dermine")
    assert hits[0]["id"] == "thomas-dermine" and hits[0]["matched"] == "name"
    matched = {h["matched"] for h in hits}
    assert "defects" in matched and any(m.startswith("conflicts[") for m in matched)
    ranks = [0 if h["matched"] in ("name", "aliases", "title", "label", "product") else 1 for h in hits]
    assert ranks == sorted(ranks)


def test_search_excerpts_show_the_match():
    hits = run_json("search", "cyclotron")
    assert hits and all("cyclotron" in h["excerpt"].lower() for h in hits)


@pytest.mark.parametrize("around", [5, 12, 40])
def test_an_excerpt_starts_and_ends_on_whole_words(around):
    value = "The Institut national des radioéléments prepares its new cyclotron in Fleurus, near Charleroi."
    shown = excerpt(value, "cyclotron", around).strip("…")
    assert "cyclotron" in shown and shown in value
    words = value.split()
    assert shown.split()[0] in words and shown.split()[-1] in words  # not a piece of one


def test_a_long_query_is_echoed_short():
    result = invoke("search", "zq" * 5000)
    assert result.exit_code == 0 and result.stdout == ""  # an empty result is a success
    assert result.stderr.startswith("nothing matches 'zqzq") and len(result.stderr) < 100
