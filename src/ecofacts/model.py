"""The knowledge model: one frozen record class per record kind, and the indexed `Knowledge` that holds them.

Each field is declared with `_f`: the TOML type it is read from (`t`), the values it allows and, for references,
the tables its ids must exist in (`ref`). `schema.py` validates a parsed file against exactly these declarations,
so adding a field here is the whole change needed to load it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any, ClassVar, Protocol, dataclass_transform

from ecofacts.names import fold

SCHEMA_VERSION = 1

NAMED = ("regions", "cities", "clusters", "actors", "initiatives")
SUBJECTS = (*NAMED,)
WHOLE = ("sources", *NAMED)  # the tables of few records, indexed by id; statistics are reached by `Stats`
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


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()  # the default of a field that has none


class Field:
    """One field of a record kind: its name, the TOML type code it is read from (`t`: str, id, int, num, year,
    strs, or the nested table events/conflicts/claims), the tables its ids must exist in (`ref`), the values it
    allows (`choices`) and its default (`REQUIRED` when it must be given)."""

    __slots__ = ("choices", "default", "name", "ref", "t")

    def __init__(self, t: str, ref: tuple[str, ...], choices: tuple[str, ...], default: Any) -> None:
        self.name = ""  # set by the class that declares it
        self.t, self.ref, self.choices, self.default = t, ref, choices, default

    @property
    def required(self) -> bool:
        return self.default is REQUIRED

    def __repr__(self) -> str:
        return f"Field({self.name!r}, {self.t!r}, ref={self.ref!r}, choices={self.choices!r}, default={self.default!r})"


def _f(t: str, *, ref: tuple[str, ...] = (), choices: tuple[str, ...] = (), default: Any = REQUIRED) -> Any:
    """Declares a field of type code `t` (see `Field`); required unless a default is given."""
    return Field(t, ref, choices, default)


_set = object.__setattr__


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(_f,))
class _RecordType(type):
    """Makes each `name: type = _f(...)` of a record class a slot, listed in order in `FIELDS`.

    A hand-made dataclass: `dataclasses` would write and compile five methods per class on every start-up
    (about 5 ms for this model); these records share one set of methods, defined once in `Record`.
    """

    def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> _RecordType:
        if any(getattr(base, "FIELDS", ()) for base in bases):
            raise TypeError(f"{name}: a record class cannot extend another one (its fields would be lost)")
        fields = []
        for key, value in list(namespace.items()):
            if isinstance(value, Field):
                value.name = key
                fields.append(value)
                del namespace[key]
        namespace["__slots__"] = tuple(f.name for f in fields)
        namespace["FIELDS"] = tuple(fields)
        return super().__new__(mcs, name, bases, namespace)


class Record(metaclass=_RecordType):
    """A frozen record of the knowledge file, built from keyword arguments only."""

    __slots__ = ()
    FIELDS: ClassVar[tuple[Field, ...]] = ()

    def __init__(self, **values: Any) -> None:
        for f in self.FIELDS:
            value = values.pop(f.name, f.default)
            if value is REQUIRED:
                raise TypeError(f"{type(self).__name__}() missing field {f.name!r}")
            _set(self, f.name, value)
        if values:
            raise TypeError(f"{type(self).__name__}() got unknown field {next(iter(values))!r}")

    def _tuple(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f.name) for f in self.FIELDS)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot delete {name!r}")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Record)
        return self._tuple() == other._tuple()

    def __hash__(self) -> int:
        return hash(self._tuple())

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{f.name}={getattr(self, f.name)!r}' for f in self.FIELDS)})"


def as_dict(rec: Record) -> dict[str, Any]:
    """A record as JSON's data model: every field, tuples as lists, nested records as dicts."""
    return {f.name: _plain(getattr(rec, f.name)) for f in rec.FIELDS}


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Record):
        return as_dict(value)
    return value


def field_types(cls: type[Record]) -> dict[str, str]:
    """Field name -> type code, in declaration order."""
    return {f.name: f.t for f in cls.FIELDS}


class Claim(Record):
    says: str = _f("str")
    sources: tuple[str, ...] = _f("strs", ref=("sources",))


class Conflict(Record):
    about: str = _f("str")
    claims: tuple[Claim, ...] = _f("claims")


class Event(Record):
    year: int | None = _f("int", default=None)  # None when the page reports the change without dating it
    kind: str = _f("str", choices=EVENT_KINDS)
    text: str = _f("str")
    sources: tuple[str, ...] = _f("strs", ref=("sources",))


class Source(Record):
    id: str = _f("id")
    kind: str = _f("str", choices=SOURCE_KINDS)
    title: str = _f("str")
    language: str = _f("str")
    description: str = _f("str")
    publisher: str | None = _f("str", default=None)
    date: str | None = _f("str", default=None)
    date_note: str | None = _f("str", default=None)
    url: str | None = _f("str", default=None)
    cites: tuple[str, ...] = _f("strs", ref=("sources",), default=())
    defects: tuple[str, ...] = _f("strs", default=())

    @property
    def name(self) -> str:
        return self.title


class Region(Record):
    id: str = _f("id")
    name: str = _f("str")
    kind: str = _f("str", choices=REGION_KINDS)
    description: str = _f("str")
    sources: tuple[str, ...] = _f("strs", ref=("sources",))
    aliases: tuple[str, ...] = _f("strs", default=())
    parent: str | None = _f("str", ref=("regions",), default=None)


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


class Actor(Record):
    id: str = _f("id")
    name: str = _f("str")
    kind: str = _f("str", choices=ACTOR_KINDS)
    region: str = _f("str", ref=("regions",))
    description: str = _f("str")
    sources: tuple[str, ...] = _f("strs", ref=("sources",))
    aliases: tuple[str, ...] = _f("strs", default=())
    city: str | None = _f("str", ref=("cities",), default=None)
    sectors: tuple[str, ...] = _f("strs", default=())
    as_of: int | None = _f("int", default=None)
    status: str | None = _f("str", choices=ACTOR_STATUSES, default=None)
    events: tuple[Event, ...] = _f("events", default=())
    conflicts: tuple[Conflict, ...] = _f("conflicts", default=())
    related: tuple[str, ...] = _f("strs", ref=("actors", "clusters", "initiatives"), default=())


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


class Stat(Record):
    id: str = _f("id")
    subject: str = _f("str", ref=SUBJECTS)
    metric: str = _f("str")
    topic: str = _f("str")
    label: str = _f("str")
    value: int | float = _f("num")
    value_max: int | float | None = _f("num", default=None)
    unit: str = _f("str")
    qualifier: str | None = _f("str", choices=QUALIFIERS, default=None)
    year: int | str | None = _f("year", default=None)
    status: str = _f("str", choices=STATUSES)
    text: str = _f("str")
    quote: str = _f("str")
    source: str = _f("str", ref=("sources",))
    cited_source: str | None = _f("str", ref=("sources",), default=None)
    note: str | None = _f("str", default=None)
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


class Knowledge:
    """Every record of one knowledge file, with the indexes lookups need.

    `whole` holds the sources and named records, table by table; `by_id` and `table_of` index them by id, `names`
    by folded name, id or alias. Statistics, which may be many, are reached through `stats`. After a parse these
    are dicts and lists in memory (`build`); from the parse cache they are mappings that read a record from the
    database when it is first asked for.
    """

    def __init__(self, whole: Mapping[str, list[Any]], stats: Stats, by_id: Mapping[str, Any],
                 table_of: Mapping[str, str], names: dict[str, list[str]]) -> None:
        self.whole = whole
        self.stats = stats
        self.by_id = by_id
        self.table_of = table_of
        self.names = names

    @classmethod
    def build(cls, tables: dict[str, list[Any]]) -> Knowledge:
        """The knowledge of the records of `tables`, indexed."""
        whole = {t: tables.get(t, []) for t in WHOLE}
        by_id: dict[str, Any] = {}
        table_of: dict[str, str] = {}
        names: dict[str, list[str]] = {}
        for table, records in whole.items():
            for rec in records:
                by_id[rec.id] = rec
                table_of[rec.id] = table
                if table in NAMED:
                    for name in {rec.id, rec.name, *rec.aliases}:
                        ids = names.setdefault(fold(name), [])
                        if rec.id not in ids:
                            ids.append(rec.id)
        return cls(whole, StatList(tables.get("stats", [])), by_id, table_of, names)

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
