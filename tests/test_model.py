"""The hand-made record classes behave as the frozen, keyword-only dataclasses they replace."""

from __future__ import annotations

import pytest

from ecofacts.kinds import KINDS
from ecofacts.kinds.actor import Actor
from ecofacts.kinds.stat import Stat
from ecofacts.model import NESTED, Conflict, Event, as_dict, field_types
from ecofacts.model import ConflictClaim as Claim


def test_fields_follow_declaration_order_and_become_slots():
    assert [f.name for f in Event.FIELDS] == ["year", "kind", "text", "sources"]
    assert Event.__slots__ == ("year", "kind", "text", "sources")
    assert field_types(Claim) == {"says": "str", "sources": "strs"}
    assert not hasattr(Claim(says="x", sources=()), "__dict__")


def test_every_annotation_is_a_declared_field():
    for cls in (*(k.cls for k in KINDS), *NESTED.values()):
        assert list(cls.__annotations__) == [f.name for f in cls.FIELDS], cls.__name__


def test_defaults_and_required_fields():
    event = Event(kind="founded", text="Founded.", sources=("s",))
    assert event.year is None
    assert [f.name for f in Actor.FIELDS if f.required] == ["id", "name", "kind", "region", "description", "sources"]
    with pytest.raises(TypeError, match="missing field 'sources'"):
        Claim(says="x")
    with pytest.raises(TypeError, match="unknown field 'bogus'"):
        Claim(says="x", sources=(), bogus=1)


def test_records_are_frozen_comparable_and_hashable():
    claim = Claim(says="x", sources=("a",))
    with pytest.raises(AttributeError, match="frozen"):
        claim.says = "y"
    with pytest.raises(AttributeError, match="frozen"):
        del claim.says
    assert claim == Claim(says="x", sources=("a",))
    assert claim != Claim(says="x", sources=("b",))
    assert len({claim, Claim(says="x", sources=("a",))}) == 1
    assert repr(claim) == "ConflictClaim(says='x', sources=('a',))"


def test_as_dict_gives_json_data_nested_records_included():
    conflict = Conflict(about="size", claims=(Claim(says="big", sources=("a", "b")),))
    assert as_dict(conflict) == {"about": "size", "claims": [{"says": "big", "sources": ["a", "b"]}]}
    stat = Stat(id="x", subject="wallonia", metric="jobs", topic="t", label="Jobs", value=1, unit="jobs",
                status="measured", text="1 job", quote="1 job", source="doc")
    assert list(as_dict(stat)) == [f.name for f in Stat.FIELDS]


def test_a_record_class_cannot_silently_drop_the_fields_of_another():
    with pytest.raises(TypeError, match="cannot extend"):
        type("Claim2", (Claim,), {})
