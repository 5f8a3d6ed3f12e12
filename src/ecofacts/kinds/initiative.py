"""Initiatives: partnerships, programmes, events, strategies, platforms and projects, with their partners."""

from __future__ import annotations

from ecofacts.kinds import sections
from ecofacts.kinds.base import NAMED_BRIEF, SOURCES, Kind, Section
from ecofacts.model import Conflict, Event, Record, _f

INITIATIVE_KINDS = ("partnership", "programme", "event", "strategy", "platform", "project")


class Initiative(Record):
    id: str = _f("id")
    name: str = _f("str")
    kind: str = _f("str", choices=INITIATIVE_KINDS)
    region: str = _f("str", ref=("regions",))
    description: str = _f("str")
    sources: tuple[str, ...] = _f("strs", ref=("sources",))
    aliases: tuple[str, ...] = _f("strs", default=())
    city: str | None = _f("str", ref=("cities",), default=None)
    year: int | None = _f("int", default=None)
    partners: tuple[str, ...] = _f("strs", ref=("actors", "clusters", "initiatives"), default=())
    events: tuple[Event, ...] = _f("events", default=())
    conflicts: tuple[Conflict, ...] = _f("conflicts", default=())


KIND = Kind(
    Initiative, "initiatives", "initiative", columns=["name", "kind", "region_name", "city_name", "year"],
    located=True, filters=["region", "kind"],
    summary="List initiatives: partnerships, programmes, events, strategies, platforms and projects.",
    examples=["ecofacts initiatives", "ecofacts initiatives --region wallonia --kind partnership",
              "ecofacts initiatives --json | jq -r '.[].name'"],
    sections=[
        sections.tied("clusters"),
        sections.tied("initiatives"),
        Section("partners", lambda k, rec: [k.by_id[p] for p in rec.partners], NAMED_BRIEF),
        sections.statistics(),
        sections.claims(),
        sections.relations(),
        SOURCES,
    ],
)
