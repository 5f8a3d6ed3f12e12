"""The knowledge audit's corrections (issue 23), and the fields they needed: a source that names no origin for its
figures, a relation implied rather than stated, a cited source inferred rather than stated, organisations' roles."""

from __future__ import annotations

import json
import tomllib

import pytest

from ecofacts import query
from ecofacts.errors import UsageError
from ecofacts.kinds.actor import ROLE_WORDS
from ecofacts.loader import default_path
from ecofacts.schema import validate

from .conftest import TINY, invoke, shipped

K = shipped()


def problems_of(text: str) -> list[str]:
    return validate(tomllib.loads(text))[1]


def run_json(*args: str):
    result = invoke(*args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# --- the fields -----------------------------------------------------------------------------------------------

def test_roles_are_checked_one_by_one_against_the_vocabulary():
    text = TINY.read_text().replace('sectors = ["nuclear medicine"]',
                                    'sectors = ["nuclear medicine"]\nroles = ["equipment-maker", "wizard"]', 1)
    problems = problems_of(text)
    assert len(problems) == 1
    assert problems[0].startswith("actors[0].roles: 'wizard' is not one of cdmo, drug-developer,")
    assert not problems_of(text.replace(', "wizard"', ""))


SHIPPED = tomllib.loads(default_path().read_text(encoding="utf-8"))


@pytest.mark.parametrize(("table", "key", "good", "bad", "allowed"), [
    ("sources", "origins", "none", "unknown", "stated, none"),
    ("relations", "basis", "implied", "rumoured", "stated, implied"),
])
def test_origins_and_basis_take_only_their_words(table, key, good, bad, allowed):
    def problems_with(value: str) -> list[str]:
        data = {**SHIPPED, table: [{**SHIPPED[table][0], key: value}, *SHIPPED[table][1:]]}
        return validate(data)[1]

    assert problems_with(good) == []
    assert problems_with(bad) == [f"{table}[0].{key}: {bad!r} is not one of {allowed}"]


def test_an_inferred_attribution_needs_a_cited_source():
    stats = SHIPPED["stats"]
    cited = next(i for i, s in enumerate(stats) if s.get("cited_source"))
    uncited = next(i for i, s in enumerate(stats) if not s.get("cited_source"))
    changed = [{**s, "attribution": "inferred"} if i in (cited, uncited) else s for i, s in enumerate(stats)]
    assert validate({**SHIPPED, "stats": changed})[1] == [
        f"stats[{uncited}].attribution: says how its cited_source is known, but it has none"]


# --- roles ----------------------------------------------------------------------------------------------------

def names(hits) -> set[str]:
    return {h.record.id for h in hits}


def test_every_organisation_has_a_role():
    assert all(a.roles for a in K.whole["actors"]), [a.id for a in K.whole["actors"] if not a.roles]


def test_contract_manufacturers_are_found_by_role_and_no_pure_drug_developer_among_them():
    cdmos = names(query.find_actors(K, role="cdmo"))
    assert {"catalent", "masthercell", "exothera", "delphi-genetics", "thermo-fisher", "henogen"} <= cdmos
    developers = names(query.find_actors(K, role="drug-developer"))
    assert {"iteos", "argenx", "celyad", "galapagos"} <= developers
    assert not (cdmos & developers) - {"mithra"}  # Mithra: a women's-health pharma company with a CDMO plant


@pytest.mark.parametrize("word", ["CDMO", "contract manufacturer", "sous-traitant", "Façonnier", "loonfabrikant",
                                  "Lohnhersteller"])
def test_a_role_is_named_in_any_of_the_four_languages(word):
    assert names(query.find_actors(K, role=word)) == names(query.find_actors(K, role="cdmo"))


def test_roles_combine_with_the_other_filters():
    walloon = names(query.find_actors(K, role="global pharma", region="wallonia"))
    everywhere = names(query.find_actors(K, role="global-pharma"))
    assert walloon and walloon < everywhere
    assert all(K.by_id[i].region == "wallonia" for i in walloon)


def test_an_unknown_role_suggests_the_closest():
    with pytest.raises(UsageError, match="unknown role 'cdm'; did you mean 'cdmo'"):
        query.find_actors(K, role="cdm")


def test_no_word_names_two_roles():
    from ecofacts.names import fold

    seen: dict[str, str] = {}
    for role, words in ROLE_WORDS.items():
        for word in (role, *words):
            assert seen.setdefault(fold(word), role) == role, word


def test_roles_are_in_the_organisations_json():
    rows = run_json("actors", "--city", "Gosselies")
    catalent = next(r for r in rows if r["id"] == "catalent")
    assert catalent["roles"] == ["cdmo"]


# --- the audit's findings, as users see them ----------------------------------------------------------------

def test_the_floor_area_shows_its_doubt_where_it_is_shown():
    row = next(r for r in run_json("stats", "masthercell") if r["id"] == "masthercell-plant-floor-area")
    assert (row["value"], row["text"]) == (60000, "60.000 m²")  # the article's figure, not corrected
    assert "60,000 square feet" in row["label"]
    result = invoke("cite", "masthercell-plant-floor-area")
    assert "doubtful" in result.stdout


def test_the_german_article_names_no_origin_and_its_walloon_figures_say_so():
    assert K.by_id["wallonia-biotech-partnerships-de"].origins == "none"
    rows = [r for r in run_json("stats", "wallonia") if r["source"]["id"] == "wallonia-biotech-partnerships-de"]
    assert len(rows) == 3
    assert all("naming no source" in r["label"] and "Unverified" in r["note"] for r in rows)


def test_the_rd_billions_are_the_biopharma_sectors():
    row = next(r for r in run_json("stats", "belgium", "--topic", "R&D") if r["id"] == "belgium-rd-investment-2022")
    assert "biopharma sector" in row["label"] and row["metric"] != "rd_investment"


def test_thermo_fisher_bought_henogen_not_novasep():
    rows = run_json("relations", "--kind", "acquired")
    row = next(r for r in rows if r["subject"] == "thermo-fisher")
    assert row["object_name"] == "Henogen"


def test_implied_speakers_say_so():
    rows = run_json("relations", "--kind", "speaker-at")
    implied = {r["subject"] for r in rows if r["basis"] == "implied"}
    assert len(implied) == 9 and "thomas-dermine" not in implied
    assert all("implied" in r["description"] for r in rows if r["basis"] == "implied")


def test_a_fraction_stays_a_fraction_and_the_inferred_attribution_is_cited_so():
    row = next(r for r in run_json("stats", "belgium") if r["id"] == "belgium-isotope-share-routine")
    assert row["display"] == "1/3"
    apa = invoke("cite", "belgium-isotope-share-routine").stdout
    assert "Citing (attribution inferred): Belgian Foreign Trade Agency" in apa
    assert "33.33" not in invoke("compare", "belgium", "wallonia", env={"COLUMNS": "200"}).stdout


def test_the_demand_forecast_is_not_walloon():
    assert "wallonia-nuclear-medicine-demand-growth" not in {r["id"] for r in run_json("stats", "wallonia")}
    assert K.stats.where(10, id=["wallonia-nuclear-medicine-demand-growth"])[0].subject == "world"


def test_mithras_flemalle_plant_is_found_in_flemalle():
    rows = run_json("actors", "--city", "Flémalle")
    assert [(r["id"], r["match"]) for r in rows] == [("mithra", "site")]


def test_ire_is_a_foundation_and_the_eu_biotech_campus_one_initiative():
    assert K.by_id["ire"].kind == "foundation"
    found = [r for r in run_json("initiatives") if "EU Biotech" in r["name"]]
    assert len(found) == 1
    assert {"EU Biotech Campus", "EU Biotech School & Health Hub"} <= {found[0]["name"], *found[0]["aliases"]}
    assert invoke("show", "EU Biotech Campus").exit_code == invoke("show", "EU Biotech School").exit_code == 0


def test_the_announced_gsk_investment_is_not_a_measured_one():
    stat = K.stats.where(10, id=["gsk-automated-labs-investment-2020"])[0]
    assert stat.status != "measured" and "announced" in stat.label


def test_no_note_holds_an_internal_to_do():
    for table in ("stats", "claims", "relations", "chain"):
        for rec in K.records(table):
            assert "before merging" not in (rec.note or ""), rec.id
