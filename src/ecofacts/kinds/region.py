"""Regions: Europe, Belgium and its three regions, each inside its parent."""

from __future__ import annotations

from ecofacts.kinds import sections
from ecofacts.kinds.base import NAMED_BRIEF, SOURCES, Kind, Section
from ecofacts.model import Record, _f

REGION_KINDS = ("world", "continent", "country", "region", "grouping")


class Region(Record):
    id: str = _f("id")
    name: str = _f("str")
    kind: str = _f("str", choices=REGION_KINDS)
    description: str = _f("str")
    sources: tuple[str, ...] = _f("strs", ref=("sources",))
    aliases: tuple[str, ...] = _f("strs", default=())
    parent: str | None = _f("str", ref=("regions",), default=None)


KIND = Kind(
    Region, "regions", "region", columns=["id", "name", "kind", "parent_name", "aliases"],
    summary="List the regions: the world, Europe, Belgium, its three regions and the groupings of regions that "
            "figures are given for (Wallonia and Brussels combined).",
    examples=["ecofacts regions", "ecofacts regions --json | jq -r '.[].name'"],
    sections=[
        Section("regions inside", lambda k, rec: [r for r in k.whole["regions"] if r.parent == rec.id], NAMED_BRIEF),
        Section("cities", lambda k, rec: [c for c in k.whole["cities"] if c.region == rec.id], NAMED_BRIEF),
        Section("organisations", "organisations_in_region", NAMED_BRIEF),
        sections.tied("clusters"),
        sections.tied("initiatives"),
        sections.statistics(include_members=True),
        sections.claims(),
        sections.relations(),
        SOURCES,
    ],
)
