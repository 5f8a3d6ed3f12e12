"""The knowledge audit's corrections (issue 23), and the fields they needed: a source that names no origin for its
figures, a relation implied rather than stated, a cited source inferred rather than stated, organisations' roles."""

from __future__ import annotations

import tomllib

import pytest

from ecofacts.loader import default_path
from ecofacts.schema import validate

from .conftest import TINY


def problems_of(text: str) -> list[str]:
    return validate(tomllib.loads(text))[1]


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
