"""The knowledge model: one frozen dataclass per record kind, and the indexed `Knowledge` that holds them.

Each field carries in its metadata the TOML type it is read from (`t`) and, for references, the tables its ids
must exist in (`ref`). `schema.py` validates a parsed file against exactly these declarations, so adding a field
here is the whole change needed to load it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from ecofacts.names import fold

SCHEMA_VERSION = 1

NAMED = ("regions", "cities", "clusters", "actors", "initiatives")
SUBJECTS = (*NAMED,)
WHOLE = ("sources", *NAMED)  # tables always loaded whole: they are small
TABLES = (*WHOLE, "stats")

SOURCE_KINDS = ("document", "study", "web")
REGION_KINDS = ("world", "continent", "country", "region")
CLUSTER_KINDS = ("cluster", "network", "federation")
ACTOR_KINDS = (
    "company", "university", "research-centre", "hospital", "agency", "federation", "investor",
    "science-park", "training-centre", "network",
)
INITIATIVE_KINDS = ("partnership", "programme", "event", "strategy", "platform", "project")
STATUSES = ("measured", "forecast", "target")
QUALIFIERS = ("at_least", "almost", "about", "up_to")
ACTOR_STATUSES = ("active", "closed", "acquired", "renamed", "bankrupt")
EVENT_KINDS = ("founded", "renamed", "acquired", "merged", "closed", "bankrupt", "moved", "opened", "sold")


def _f(t: str, *, ref: tuple[str, ...] = (), choices: tuple[str, ...] = (), default: Any = None) -> Any:
    """A field of type code `t`; required when no default is given (`default=...` means required)."""
    meta = {"t": t, "ref": ref, "choices": choices}
    if default is ...:
        return field(metadata=meta)
    return field(default=default, metadata=meta)


REQ = ...


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    says: str = _f("str", default=REQ)
    sources: tuple[str, ...] = _f("strs", ref=("sources",), default=REQ)


@dataclass(frozen=True, slots=True, kw_only=True)
class Conflict:
    about: str = _f("str", default=REQ)
    claims: tuple[Claim, ...] = _f("claims", default=REQ)


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    year: int | None = _f("int")  # None when the page reports the change without dating it
    kind: str = _f("str", choices=EVENT_KINDS, default=REQ)
    text: str = _f("str", default=REQ)
    sources: tuple[str, ...] = _f("strs", ref=("sources",), default=REQ)


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    id: str = _f("id", default=REQ)
    kind: str = _f("str", choices=SOURCE_KINDS, default=REQ)
    title: str = _f("str", default=REQ)
    language: str = _f("str", default=REQ)
    description: str = _f("str", default=REQ)
    publisher: str | None = _f("str")
    date: str | None = _f("str")
    date_note: str | None = _f("str")
    url: str | None = _f("str")
    cites: tuple[str, ...] = _f("strs", ref=("sources",), default=())
    defects: tuple[str, ...] = _f("strs", default=())

    @property
    def name(self) -> str:
        return self.title


@dataclass(frozen=True, slots=True, kw_only=True)
class Region:
    id: str = _f("id", default=REQ)
    name: str = _f("str", default=REQ)
    kind: str = _f("str", choices=REGION_KINDS, default=REQ)
    description: str = _f("str", default=REQ)
    sources: tuple[str, ...] = _f("strs", ref=("sources",), default=REQ)
    aliases: tuple[str, ...] = _f("strs", default=())
    parent: str | None = _f("str", ref=("regions",))


@dataclass(frozen=True, slots=True, kw_only=True)
class City:
    id: str = _f("id", default=REQ)
    name: str = _f("str", default=REQ)
    region: str = _f("str", ref=("regions",), default=REQ)
    description: str = _f("str", default=REQ)
    sources: tuple[str, ...] = _f("strs", ref=("sources",), default=REQ)
    aliases: tuple[str, ...] = _f("strs", default=())
    part_of: str | None = _f("str", ref=("cities",))
    near: str | None = _f("str", ref=("cities",))
    hub: str | None = _f("str")


@dataclass(frozen=True, slots=True, kw_only=True)
class Cluster:
    id: str = _f("id", default=REQ)
    name: str = _f("str", default=REQ)
    kind: str = _f("str", choices=CLUSTER_KINDS, default=REQ)
    region: str = _f("str", ref=("regions",), default=REQ)
    focus: tuple[str, ...] = _f("strs", default=REQ)
    description: str = _f("str", default=REQ)
    sources: tuple[str, ...] = _f("strs", ref=("sources",), default=REQ)
    aliases: tuple[str, ...] = _f("strs", default=())
    city: str | None = _f("str", ref=("cities",))
    members: tuple[str, ...] = _f("strs", ref=("actors", "clusters"), default=())
    conflicts: tuple[Conflict, ...] = _f("conflicts", default=())


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    id: str = _f("id", default=REQ)
    name: str = _f("str", default=REQ)
    kind: str = _f("str", choices=ACTOR_KINDS, default=REQ)
    region: str = _f("str", ref=("regions",), default=REQ)
    description: str = _f("str", default=REQ)
    sources: tuple[str, ...] = _f("strs", ref=("sources",), default=REQ)
    aliases: tuple[str, ...] = _f("strs", default=())
    city: str | None = _f("str", ref=("cities",))
    sectors: tuple[str, ...] = _f("strs", default=())
    as_of: int | None = _f("int")
    status: str | None = _f("str", choices=ACTOR_STATUSES)
    events: tuple[Event, ...] = _f("events", default=())
    conflicts: tuple[Conflict, ...] = _f("conflicts", default=())
    related: tuple[str, ...] = _f("strs", ref=("actors", "clusters", "initiatives"), default=())


@dataclass(frozen=True, slots=True, kw_only=True)
class Initiative:
    id: str = _f("id", default=REQ)
    name: str = _f("str", default=REQ)
    kind: str = _f("str", choices=INITIATIVE_KINDS, default=REQ)
    region: str = _f("str", ref=("regions",), default=REQ)
    description: str = _f("str", default=REQ)
    sources: tuple[str, ...] = _f("strs", ref=("sources",), default=REQ)
    aliases: tuple[str, ...] = _f("strs", default=())
    city: str | None = _f("str", ref=("cities",))
    year: int | None = _f("int")
    partners: tuple[str, ...] = _f("strs", ref=("actors", "clusters", "initiatives"), default=())
    events: tuple[Event, ...] = _f("events", default=())
    conflicts: tuple[Conflict, ...] = _f("conflicts", default=())


@dataclass(frozen=True, slots=True, kw_only=True)
class Stat:
    id: str = _f("id", default=REQ)
    subject: str = _f("str", ref=SUBJECTS, default=REQ)
    metric: str = _f("str", default=REQ)
    topic: str = _f("str", default=REQ)
    label: str = _f("str", default=REQ)
    value: int | float = _f("num", default=REQ)
    value_max: int | float | None = _f("num")
    unit: str = _f("str", default=REQ)
    qualifier: str | None = _f("str", choices=QUALIFIERS)
    year: int | str | None = _f("year")
    status: str = _f("str", choices=STATUSES, default=REQ)
    text: str = _f("str", default=REQ)
    quote: str = _f("str", default=REQ)
    source: str = _f("str", ref=("sources",), default=REQ)
    cited_source: str | None = _f("str", ref=("sources",))
    note: str | None = _f("str")
    related: tuple[str, ...] = _f("strs", ref=("stats",), default=())

    @property
    def name(self) -> str:
        return self.label

    def year_matches(self, year: int) -> bool:
        """True when `year` is the stat's year or falls inside its period ("2016-2021")."""
        if isinstance(self.year, int):
            return self.year == year
        if isinstance(self.year, str):
            start, _, end = self.year.partition("-")
            return int(start) <= year <= int(end or start)
        return False


Record = Source | Region | City | Cluster | Actor | Initiative | Stat

CLASSES: dict[str, type[Any]] = {
    "sources": Source,
    "regions": Region,
    "cities": City,
    "clusters": Cluster,
    "actors": Actor,
    "initiatives": Initiative,
    "stats": Stat,
}
NESTED: dict[str, type[Any]] = {"events": Event, "conflicts": Conflict, "claims": Claim}

# The singular word a person uses for a record of each table ("no city 'x'").
KIND_WORD = {
    "sources": "source",
    "regions": "region",
    "cities": "city",
    "clusters": "cluster",
    "actors": "actor",
    "initiatives": "initiative",
    "stats": "statistic",
}


# The Stat fields statistics are looked up by (`Stats.where`): each is indexed, in memory and in the parse cache.
STAT_KEYS = ("id", "subject", "metric", "topic", "source", "cited_source")


class Stats(Protocol):
    """The statistics of a knowledge file, reached by index rather than by scanning.

    `StatList` holds them in memory after a parse; `cache.CachedStats` reads them from the parse cache, one
    query at a time, so a lookup in a file of 100,000 statistics decodes only the ones it returns.
    """

    def where(self, limit: int | None = None, **any_of: Collection[str]) -> list[Stat]:
        """Statistics whose `key` is one of `values` for any `key=values` given (keys from STAT_KEYS), in file
        order; the first `limit` of them."""
        ...

    def count(self, **any_of: Collection[str]) -> int:
        """How many statistics `where(**any_of)` would return."""
        ...

    def distinct(self, key: str) -> list[str]:
        """The values of `key` (one of STAT_KEYS) that some statistic has, in order of first appearance."""
        ...

    def __iter__(self) -> Iterator[Stat]: ...

    def __len__(self) -> int: ...


class StatList:
    """`Stats` over a list in memory; each key's index is built on first use."""

    def __init__(self, stats: list[Stat]) -> None:
        self._stats = stats
        self._indexes: dict[str, dict[Any, list[int]]] = {}

    def _positions(self, any_of: dict[str, Collection[str]]) -> list[int]:
        found: set[int] = set()
        for key, values in any_of.items():
            index = self._indexes.get(key)
            if index is None:
                index = self._indexes[key] = {}
                for i, stat in enumerate(self._stats):
                    index.setdefault(getattr(stat, key), []).append(i)
            for value in values:
                found.update(index.get(value, ()))
        return sorted(found)

    def where(self, limit: int | None = None, **any_of: Collection[str]) -> list[Stat]:
        return [self._stats[i] for i in self._positions(any_of)[:limit]]

    def count(self, **any_of: Collection[str]) -> int:
        return len(self._positions(any_of))

    def distinct(self, key: str) -> list[str]:
        return [value for value in dict.fromkeys(getattr(stat, key) for stat in self._stats) if value is not None]

    def __iter__(self) -> Iterator[Stat]:
        return iter(self._stats)

    def __len__(self) -> int:
        return len(self._stats)


@dataclass
class Knowledge:
    """Every record of one knowledge file, with the indexes lookups need (built once, in `build`).

    `whole` holds the sources and named records, which `by_id`, `table_of` and `names` index; statistics, which
    may be many, are reached through `stats`.
    """

    whole: dict[str, list[Any]]
    stats: Stats
    by_id: dict[str, Any] = field(default_factory=dict)
    table_of: dict[str, str] = field(default_factory=dict)
    names: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, tables: dict[str, list[Any]], stats: Stats | None = None,
              names: dict[str, list[str]] | None = None) -> Knowledge:
        """The knowledge of `tables`; `stats` (else the list `tables["stats"]`) and `names` (folded name ->
        ids, else computed) may come ready-made from the parse cache."""
        if stats is None:
            stats = StatList(tables.get("stats", []))
        k = cls({t: tables.get(t, []) for t in WHOLE}, stats)
        for table, records in k.whole.items():
            for rec in records:
                k.by_id[rec.id] = rec
                k.table_of[rec.id] = table
                if names is None and table in NAMED:
                    for name in {rec.id, rec.name, *rec.aliases}:
                        ids = k.names.setdefault(fold(name), [])
                        if rec.id not in ids:
                            ids.append(rec.id)
        if names is not None:
            k.names = names
        return k

    @property
    def tables(self) -> dict[str, Iterable[Any]]:
        """Every table's records in file order, the statistics included."""
        return {**self.whole, "stats": self.stats}

    def __iter__(self) -> Iterator[Any]:
        for records in self.tables.values():
            yield from records

    def stat(self, stat_id: str) -> Stat | None:
        found = self.stats.where(id=[stat_id])
        return found[0] if found else None

    @property
    def sources(self) -> list[Source]:
        return self.whole["sources"]

    @property
    def regions(self) -> list[Region]:
        return self.whole["regions"]

    @property
    def cities(self) -> list[City]:
        return self.whole["cities"]

    @property
    def clusters(self) -> list[Cluster]:
        return self.whole["clusters"]

    @property
    def actors(self) -> list[Actor]:
        return self.whole["actors"]

    @property
    def initiatives(self) -> list[Initiative]:
        return self.whole["initiatives"]

    def name_of(self, record_id: str | None) -> str | None:
        rec = self.by_id.get(record_id) if record_id else None
        return rec.name if rec is not None else None

    def is_empty(self) -> bool:
        return not self.by_id and not len(self.stats)
