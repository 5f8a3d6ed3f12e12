"""Cities: municipalities, their sections (Gosselies in Charleroi) and the neighbours of a hub."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ecofacts.kinds import sections
from ecofacts.kinds.base import NAMED_BRIEF, SOURCES, Hit, Kind, Row, Section, named_row
from ecofacts.model import Record, _f

if TYPE_CHECKING:
    from ecofacts.knowledge import Knowledge


class City(Record):
    id: str = _f("id")
    name: str = _f("str")
    region: str = _f("str", ref=("regions",))
    description: str = _f("str")
    sources: tuple[str, ...] = _f("strs", ref=("sources",))
    aliases: tuple[str, ...] = _f("strs", default=())
    part_of: str | None = _f("str", ref=("cities",), default=None)
    near: str | None = _f("str", ref=("cities",), default=None)
    hub: str | None = _f("str", default=None)


def city_row(k: Knowledge, hit: Hit) -> Row:
    """A city with its organisations counted by kind (`actors` is the same count as text, for tables)."""
    by_kind = hit.by_kind or {}
    row = named_row(k, hit.record)
    row["actor_count"] = sum(by_kind.values())
    row["actors"] = [f"{n} {kind}" for kind, n in sorted(by_kind.items())]
    row["actors_by_kind"] = by_kind
    return row


KIND = Kind(
    City, "cities", "city",
    columns=["name", "region_name", "part_of_name", "near_name", "actor_count", "actors"],
    extra=["actor_count", "actors", "actors_by_kind"], row=city_row,
    sections=[
        Section("sections and neighbours",
                lambda k, rec: [c for c in k.whole["cities"] if rec.id in (c.part_of, c.near)], NAMED_BRIEF),
        Section("organisations", "organisations_of_city", (*NAMED_BRIEF, "match")),
        sections.tied("clusters"),
        sections.tied("initiatives"),
        sections.statistics(include_members=True),
        sections.chain(),
        sections.claims(),
        sections.relations(),
        SOURCES,
    ],
)
