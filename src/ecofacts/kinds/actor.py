"""Organisations: companies, universities, research centres, hospitals, agencies, investors, science parks …"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ecofacts.kinds import sections
from ecofacts.kinds.base import NAMED_BRIEF, SOURCES, Hit, Kind, Row, Section, named_row
from ecofacts.model import Conflict, Event, Record, Site, _f

if TYPE_CHECKING:
    from ecofacts.knowledge import Knowledge

ACTOR_KINDS = (
    "company", "university", "research-centre", "hospital", "agency", "federation", "investor",
    "science-park", "training-centre", "network", "foundation",
)
ACTOR_STATUSES = ("active", "closed", "acquired", "renamed", "bankrupt")

# What an organisation does in the ecosystem, as an investor asks it (README, "Organisation roles"); an organisation
# has every role its sources support. The words people use for each, in English, French, Dutch and German, are in
# the vocabulary (`vocabulary.toml`, section `role`): what `query.find_actors(role=...)` accepts besides the role.
ACTOR_ROLES = ("cdmo", "drug-developer", "manufacturer", "radiopharma-producer", "equipment-maker",
               "diagnostics-maker", "service-provider", "investor", "research-centre", "university", "hospital",
               "science-park", "training-centre", "agency", "global-pharma")


def __getattr__(name: str) -> Any:
    """`ROLE_WORDS`, role -> its words in the four languages, read from the vocabulary when first asked for."""
    if name == "ROLE_WORDS":
        from ecofacts.vocabulary import load

        roles = load().entries("role")
        return {role: roles[role].all_words()[1:] for role in ACTOR_ROLES}
    raise AttributeError(name)



class Actor(Record):
    id: str = _f("id")
    name: str = _f("str")
    kind: str = _f("str", choices=ACTOR_KINDS)
    region: str = _f("str", ref=("regions",))
    description: str = _f("str")
    sources: tuple[str, ...] = _f("strs", ref=("sources",))
    aliases: tuple[str, ...] = _f("strs", default=())
    city: str | None = _f("str", ref=("cities",), default=None)  # its seat, or its one site
    sites: tuple[Site, ...] = _f("sites", default=())  # where an organisation of several sites works, and how
    sectors: tuple[str, ...] = _f("strs", default=())
    roles: tuple[str, ...] = _f("strs", choices=ACTOR_ROLES, default=())  # ROLE_WORDS; each supported by a source
    as_of: int | None = _f("int", default=None)
    status: str | None = _f("str", choices=ACTOR_STATUSES, default=None)
    events: tuple[Event, ...] = _f("events", default=())
    conflicts: tuple[Conflict, ...] = _f("conflicts", default=())
    related: tuple[str, ...] = _f("strs", ref=("actors", "clusters", "initiatives"), default=())


def latest_event(events: tuple[Event, ...], status: str | None = None) -> str | None:
    """The newest dated fact as a person reads it ('2021 renamed: Renamed aptaskil'); undated ones count last, but
    the one that gave the organisation its status (`bankrupt`, `acquired`), dated or not, is its latest."""
    if not events:
        return None
    e = max(events, key=lambda e: (e.kind == status, e.year is not None, e.year or 0))
    return f"{e.year if e.year is not None else 'undated'} {e.kind}: {e.text}"


def actor_row(k: Knowledge, hit: Hit) -> Row:
    """An organisation with its latest dated fact, and how it matched the city asked for (if one was)."""
    row = named_row(k, hit.record)
    row["latest_event"] = latest_event(hit.record.events, hit.record.status)
    if hit.match is not None:
        row["match"] = hit.match
    return row


def _related(k: Knowledge, rec: Any) -> list[Any]:
    """The organisations it names as related, and those that name it."""
    return [k.by_id[r] for r in rec.related] + [a for a in k.whole["actors"]
                                                if rec.id in a.related and a.id not in rec.related]


KIND = Kind(
    Actor, "actors", "actor", plural="organisations",
    columns=["name", "kind", "city_name", "sectors", "latest_event"], extra=["latest_event", "match"],
    row=actor_row, brief=actor_row, located=True,
    sections=[
        sections.tied("clusters"),
        sections.tied("initiatives"),
        Section("related organisations", _related, NAMED_BRIEF),
        sections.statistics(),
        sections.chain(),
        sections.claims(),
        sections.relations(),
        SOURCES,
    ],
)
