"""The registry of record kinds: each kind's declaration agrees with the rows it builds, and a new kind declared
through the registry is loaded, listed, filtered, shown and written by `add` with no other change."""

from __future__ import annotations

import json
import shutil

import pytest

from ecofacts import kinds, query
from ecofacts.kinds.base import SOURCES, Hit, Kind
from ecofacts.model import Record, _f

from .conftest import TINY, invoke, shipped

SHIPPED = shipped()


@pytest.mark.parametrize("kind", kinds.KINDS, ids=lambda kind: kind.table)
def test_every_row_has_exactly_the_declared_keys_in_order(kind):
    hits = [Hit(rec) for rec in SHIPPED.records(kind.table)]
    if kind.table == "cities":
        hits = query.find_cities(SHIPPED)
    assert hits, kind.table
    for hit in hits:
        row = kind.row(SHIPPED, hit)
        assert list(row) == [key for key in kind.keys if key in row], (kind.table, list(row))
        assert set(kind.keys) - set(row) <= {"match"}  # only an organisation found by city says how


def test_an_organisation_found_by_city_has_every_declared_key():
    actor = kinds.BY_TABLE["actors"]
    rows = json.loads(invoke("actors", "--city", "Liège", "--json").stdout)
    assert rows and all(list(row) == actor.keys for row in rows)


def test_located_kinds_are_those_placed_in_a_region_and_a_city():
    assert kinds.LOCATED == ["clusters", "actors", "initiatives"]
    for table in kinds.LOCATED:
        names = [f.name for f in kinds.BY_TABLE[table].cls.FIELDS]
        assert "region" in names and "city" in names


def test_every_kind_is_found_by_its_word_table_and_aliases():
    for kind in kinds.KINDS:
        for word in (kind.word, kind.table, *kind.aliases, kind.word.upper()):
            assert kinds.by_word(word) is kind
    assert kinds.by_word("stat") is kinds.BY_TABLE["stats"]
    assert kinds.by_word("gizmo") is None


class Gadget(Record):
    id: str = _f("id")
    name: str = _f("str")
    kind: str = _f("str", choices=("probe", "scanner"))
    region: str = _f("str", ref=("regions",))
    description: str = _f("str")
    sources: tuple[str, ...] = _f("strs", ref=("sources",))
    aliases: tuple[str, ...] = _f("strs", default=())


GADGET = Kind(Gadget, "gadgets", "gadget", columns=["name", "kind", "region_name"], filters=["region", "kind"],
              summary="List the gadgets.", examples=["ecofacts gadgets"], sections=[SOURCES])


@pytest.fixture
def gadgets():
    from ecofacts import cli

    kinds.register(GADGET)
    yield
    kinds.unregister(GADGET)
    cli.commands.registered_commands[:] = [c for c in cli.commands.registered_commands if c.name != "gadgets"]


def test_a_kind_declared_through_the_registry_is_loaded_listed_shown_and_added(gadgets, tmp_path):
    path = tmp_path / "facts.toml"
    shutil.copy(TINY, path)
    data = ("--data", str(path))
    added = invoke(*data, "add", "gadget", "id=pet-probe", "name=PET probe", "kind=probe", "region=wallonia",
                   "description=A probe.", "sources=doc-a", "aliases=Sonde TEP")
    assert added.exit_code == 0, added.stderr
    assert "[[gadgets]]" in path.read_text()

    rows = json.loads(invoke(*data, "gadgets", "--json").stdout)
    assert rows == [{"id": "pet-probe", "name": "PET probe", "kind": "probe", "region": "wallonia",
                     "description": "A probe.", "sources": ["doc-a"], "aliases": ["Sonde TEP"],
                     "region_name": "Wallonia"}]
    assert invoke(*data, "gadgets", "--format", "csv", "--fields", "id,region_name").stdout == (
        "id,region_name\npet-probe,Wallonia\n")
    assert json.loads(invoke(*data, "gadgets", "--region", "flanders", "--json").stdout) == []
    unknown_kind = invoke(*data, "gadgets", "--kind", "laser")
    assert (unknown_kind.exit_code, unknown_kind.stderr) == (2, "error: unknown kind 'laser'; choose from: probe\n")

    shown = json.loads(invoke(*data, "show", "sonde tep", "--json").stdout)
    assert (shown["kind"], shown["id"]) == ("gadget", "pet-probe")
    assert [r["id"] for r in shown["related"]["sources"]["rows"]] == ["doc-a"]
    assert invoke(*data, "check").exit_code == 0
    refused = invoke(*data, "add", "gadget", "id=x", "name=X", "kind=laser", "region=wallonia",
                     "description=d", "sources=doc-a")
    assert refused.exit_code == 3
    assert "gadgets[1].kind: 'laser' is not one of probe, scanner" in refused.stderr


def test_the_registry_refuses_a_second_kind_with_the_same_table():
    with pytest.raises(ValueError, match="already registered"):
        kinds.register(Kind(Gadget, "actors", "gadget", columns=["name"]))


def test_the_event_that_gave_an_organisation_its_status_is_its_latest_dated_or_not():
    rows = {row["id"]: row for row in json.loads(invoke("actors", "--json").stdout)}
    assert rows["mithra"]["status"] == "bankrupt"
    assert rows["mithra"]["latest_event"].startswith("undated bankrupt:")  # not its 2016 plant opening
    assert rows["diagenode"]["latest_event"].startswith("2021 acquired:")
