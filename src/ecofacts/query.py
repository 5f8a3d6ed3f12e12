"""Lookups over a `Knowledge`: name resolution, filters, comparison and search. Pure: no printing."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from ecofacts.errors import NotFoundError, UsageError
from ecofacts.model import KIND_WORD, NAMED, Actor, City, Knowledge, Region, Stat
from ecofacts.names import closest, fold


def resolve(k: Knowledge, query: str, tables: Iterable[str] = NAMED) -> Any:
    """The record named `query` (id, name or alias, folded) among `tables`, earlier tables winning ties.

    Statistics and sources are found by id. Raises NotFoundError with the closest names when nothing matches.
    """
    tables = tuple(tables)
    key = fold(query)
    # Ids are lowercase letters, digits and single hyphens, so the one id that folds to `key` is this:
    as_id = key.replace(" ", "-")
    for table in tables:
        for rec_id in k.names.get(key, ()):
            if k.table_of[rec_id] == table:
                return k.by_id[rec_id]
        if table == "sources" and k.table_of.get(as_id) == "sources":
            return k.by_id[as_id]
        if table == "stats" and (stat := k.stat(as_id)) is not None:
            return stat
    word = KIND_WORD[tables[0]] if len(tables) == 1 else "record"
    if not query.strip():
        raise NotFoundError(f"no {word} named '' (the name is empty)")
    ids = [i for t in tables for i in (k.stats.distinct("id") if t == "stats" else (r.id for r in k.whole[t]))]
    candidates = {fold(rec_id): rec_id for rec_id in ids}
    candidates |= {
        name_key: rec_id for name_key, ids in k.names.items() for rec_id in ids if k.table_of[rec_id] in tables
    }
    hints = closest(query, candidates)
    hint = "; did you mean " + " or ".join(f"'{h}'" for h in hints) + "?" if hints else ""
    shown = query if len(query) <= 60 else query[:60] + "…"
    raise NotFoundError(f"no {word} '{shown}'{hint}")


def choice(value: str, allowed: Iterable[str], what: str) -> str:
    """`value` if it is (folded) one of `allowed`, in its canonical spelling; else a UsageError listing them."""
    allowed = sorted(set(allowed))
    for option in allowed:
        if fold(option) == fold(value):
            return option
    raise UsageError(f"unknown {what} '{value}'; choose from: {', '.join(allowed)}")


def region_ids(k: Knowledge, region: Region) -> set[str]:
    """The region and every region inside it (Belgium holds Wallonia, Flanders and Brussels)."""
    found = {region.id}
    grew = True
    while grew:
        inner = {r.id for r in k.regions if r.parent in found} - found
        found |= inner
        grew = bool(inner)
    return found


# How an actor belongs to the city asked for: in the city itself, a section of it, or a neighbour of the hub.
IN_CITY, SECTION, NEARBY = "in", "section", "nearby"


def city_matches(k: Knowledge, city: City, nearby: bool) -> dict[str, str]:
    """City ids that count as `city` (itself, its sections, and its neighbours when `nearby`), with how."""
    found = {city.id: IN_CITY}
    for other in k.cities:
        if other.part_of == city.id:
            found[other.id] = SECTION
        elif nearby and other.near == city.id:
            found[other.id] = NEARBY
    return found


class ActorHit(NamedTuple):
    actor: Actor
    match: str = IN_CITY  # IN_CITY, SECTION or NEARBY (meaningful with a city filter)


def find_actors(
    k: Knowledge,
    city: str | None = None,
    region: str | None = None,
    kind: str | None = None,
    sector: str | None = None,
    source: str | None = None,
    nearby: bool = True,
) -> list[ActorHit]:
    """Organisations matching every filter given; no filter lists all."""
    matches = city_matches(k, resolve(k, city, ("cities",)), nearby) if city is not None else None
    regions = region_ids(k, resolve(k, region, ("regions",))) if region is not None else None
    if kind is not None:
        kind = choice(kind, (a.kind for a in k.actors), "kind")
    if sector is not None:
        sector = choice(sector, (s for a in k.actors for s in a.sectors), "sector")
    source_id = resolve(k, source, ("sources",)).id if source is not None else None
    hits = []
    for actor in k.actors:
        if matches is not None and actor.city not in matches:
            continue
        if regions is not None and actor.region not in regions:
            continue
        if kind is not None and actor.kind != kind:
            continue
        if sector is not None and sector not in actor.sectors:
            continue
        if source_id is not None and source_id not in actor.sources:
            continue
        hits.append(ActorHit(actor, matches[actor.city] if matches and actor.city else IN_CITY))
    return hits


def find_cities(k: Knowledge, region: str | None = None) -> list[tuple[City, dict[str, int]]]:
    """Cities (of `region`, if given), each with its count of organisations by kind, sections included."""
    inside = region_ids(k, resolve(k, region, ("regions",))) if region is not None else None
    found = []
    for city in k.cities:
        if inside is not None and city.region not in inside:
            continue
        by_kind: dict[str, int] = {}
        for hit in find_actors(k, city=city.id, nearby=False):
            by_kind[hit.actor.kind] = by_kind.get(hit.actor.kind, 0) + 1
        found.append((city, by_kind))
    return found


def find_clusters(k: Knowledge, region: str | None = None) -> list[Any]:
    if region is None:
        return list(k.clusters)
    regions = region_ids(k, resolve(k, region, ("regions",)))
    return [c for c in k.clusters if c.region in regions]


def located_in(k: Knowledge, record: Any) -> set[str]:
    """Ids of the clusters, actors and initiatives located in a region (or its sub-regions) or a city."""
    if isinstance(record, Region):
        regions = region_ids(k, record)
        return {r.id for t in ("clusters", "actors", "initiatives") for r in k.tables[t] if r.region in regions}
    if isinstance(record, City):
        cities = city_matches(k, record, nearby=False)
        return {r.id for t in ("clusters", "actors", "initiatives") for r in k.tables[t] if r.city in cities}
    return set()


class StatHit(NamedTuple):
    stat: Stat
    via: str | None = None  # id of the member organisation or initiative the figure belongs to, if not the subject


def find_stats(
    k: Knowledge,
    subject: str | None = None,
    topic: str | None = None,
    year: int | None = None,
    status: str | None = None,
    include_members: bool = False,
) -> list[StatHit]:
    """Statistics about `subject` (all when None) matching the filters.

    With `include_members`, a region's or city's list adds the figures of the organisations and initiatives
    located there, each marked with the member it belongs to.
    """
    if topic is not None:
        topic = choice(topic, k.stats.distinct("topic"), "topic")
    if status is not None:
        status = choice(status, ("measured", "forecast", "target"), "status")
    if subject is None:
        hits = [StatHit(s) for s in k.stats]
    else:
        record = resolve(k, subject, (*NAMED,))
        hits = [StatHit(s) for s in k.stats.where(subject=[record.id])]
        if include_members:
            for member in sorted(located_in(k, record)):
                hits += [StatHit(s, member) for s in k.stats.where(subject=[member])]
    return [
        h for h in hits
        if (topic is None or h.stat.topic == topic)
        and (year is None or h.stat.year_matches(year))
        and (status is None or h.stat.status == status)
    ]


class Comparison:
    def __init__(self, regions: list[Region]) -> None:
        self.regions = regions
        # metric -> region id -> the statistics for that cell (usually one)
        self.metrics: dict[str, dict[str, list[Stat]]] = {}
        # label -> region id -> count of records in the knowledge base
        self.counts: dict[str, dict[str, int]] = {}
        # (source id, cited study id or None), numbered from 1 in this order
        self.footnotes: list[tuple[str, str | None]] = []

    def footnote(self, stat: Stat) -> int:
        key = (stat.source, stat.cited_source)
        if key not in self.footnotes:
            self.footnotes.append(key)
        return self.footnotes.index(key) + 1


COUNT_ROWS = (
    ("organisations recorded", "actors"),
    ("clusters recorded", "clusters"),
    ("initiatives recorded", "initiatives"),
    ("cities recorded", "cities"),
)


def compare(k: Knowledge, names: list[str]) -> Comparison:
    """Regions side by side: every metric any of them has a figure for, then counts from the knowledge base."""
    if len(names) < 2:
        raise UsageError("compare needs at least two regions")
    regions = []
    for name in names:
        region = resolve(k, name, ("regions",))
        if region not in regions:
            regions.append(region)
    result = Comparison(regions)
    for region in regions:
        for stat in k.stats.where(subject=[region.id]):
            result.metrics.setdefault(stat.metric, {}).setdefault(region.id, []).append(stat)
    # metrics that more of the regions have a figure for come first: they are what a comparison is for
    result.metrics = dict(sorted(result.metrics.items(), key=lambda item: -len(item[1])))
    for cells in result.metrics.values():
        for region in regions:
            for stat in cells.get(region.id, []):
                result.footnote(stat)
    inside = {r.id: region_ids(k, r) for r in regions}
    for label, table in COUNT_ROWS:
        result.counts[label] = {
            r.id: sum(1 for rec in k.tables[table] if rec.region in inside[r.id]) for r in regions
        }
    return result


_SEARCHED = ("name", "aliases", "title", "description", "label", "text", "quote", "note", "hub", "focus",
             "sectors", "metric", "topic")


def search(k: Knowledge, text: str) -> list[tuple[str, Any, str]]:
    """(table, record, field) for every record whose names, descriptions, labels or quotes contain `text`."""
    key = fold(text)
    if not key:
        raise UsageError("search needs some text to look for")
    found = []
    for table in (*NAMED, "stats", "sources"):  # organisations and places before the pages that cite them
        for rec in k.tables[table]:
            for attr in _SEARCHED:
                value = getattr(rec, attr, None)
                values = value if isinstance(value, tuple) else (value,)
                if any(isinstance(v, str) and key in fold(v) for v in values):
                    found.append((table, rec, attr))
                    break
    return found


def stats_citing(k: Knowledge, source_id: str) -> list[Stat]:
    return k.stats.where(source=[source_id], cited_source=[source_id])


def records_citing(k: Knowledge, source_id: str) -> list[Any]:
    return [rec for t in NAMED for rec in k.tables[t] if source_id in rec.sources]
