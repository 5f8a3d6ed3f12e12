"""Clusters, networks and federations, with their focus and named members."""

from __future__ import annotations

from ecofacts.kinds import sections
from ecofacts.kinds.base import NAMED_BRIEF, SOURCES, Kind, Section
from ecofacts.model import Conflict, Record, _f

CLUSTER_KINDS = ("cluster", "network", "federation")


class Cluster(Record):
    id: str = _f("id")
    name: str = _f("str")
    kind: str = _f("str", choices=CLUSTER_KINDS)
    region: str = _f("str", ref=("regions",))
    focus: tuple[str, ...] = _f("strs")
    description: str = _f("str")
    sources: tuple[str, ...] = _f("strs", ref=("sources",))
    aliases: tuple[str, ...] = _f("strs", default=())
    city: str | None = _f("str", ref=("cities",), default=None)
    members: tuple[str, ...] = _f("strs", ref=("actors", "clusters"), default=())
    conflicts: tuple[Conflict, ...] = _f("conflicts", default=())


KIND = Kind(
    Cluster, "clusters", "cluster", columns=["name", "kind", "region_name", "city_name", "focus"], located=True,
    filters=["region"],
    summary="List clusters and networks with their region, focus and named members.",
    examples=["ecofacts clusters", "ecofacts clusters --region wallonia --json"],
    sections=[
        sections.tied("clusters"),
        sections.tied("initiatives"),
        Section("members", lambda k, rec: [k.by_id[m] for m in rec.members], NAMED_BRIEF),
        sections.statistics(),
        sections.claims(),
        sections.relations(),
        SOURCES,
    ],
)
