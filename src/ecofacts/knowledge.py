"""The knowledge of one file: every record, indexed by id and by name, and the statistics behind an index.

`Knowledge` is what every lookup reads. After a parse its tables are lists in memory; from the parse cache
(`cache.py`) they are mappings that read a record from the database when it is first asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Protocol

from ecofacts.kinds import NAMED, WHOLE
from ecofacts.names import fold

if TYPE_CHECKING:
    from ecofacts.kinds.stat import Stat

# The Stat fields statistics are looked up by (`Stats.where`): each is indexed, in memory and in the parse cache.
STAT_KEYS = ("id", "subject", "metric", "topic", "source", "cited_source")


class Stats(Protocol):
    """The statistics of a knowledge file, reached by index rather than by scanning.

    `StatList` holds them in memory after a parse; `cache_stats.CachedStats` reads them from the parse cache, one
    query at a time, so a lookup in a file of 100,000 statistics decodes only the ones it returns.
    """

    def where(self, limit: int | None = None, **any_of: Collection[str]) -> list[Stat]:
        """Statistics whose `key` is one of `values` for any `key=values` given (keys from STAT_KEYS), in file
        order; the first `limit` of them."""
        ...

    def count(self, **any_of: Collection[str]) -> int:
        """How many statistics `where(**any_of)` would return."""
        ...

    def where_each(self, **all_of: Collection[str]) -> list[Stat]:
        """Statistics whose every `key` is one of its `values` (`where` asks for any), in file order: one
        subject's figures of one metric, without reading the subject's other figures or the metric's other
        subjects'."""
        ...

    def distinct(self, key: str) -> list[str]:
        """The values of `key` (one of STAT_KEYS) that some statistic has, in order of first appearance."""
        ...

    def containing(self, text: str) -> list[Stat]:
        """At least the statistics one of whose texts holds `text` (`search.search` checks each), in file order."""
        ...

    def containing_any(self, texts: Collection[str], field: str | None = None) -> list[Stat]:
        """At least the statistics one of whose texts (the text of `field`, when given) holds one of `texts`, in
        file order (one pass)."""
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

    def where_each(self, **all_of: Collection[str]) -> list[Stat]:
        each = [set(self._positions({key: values})) for key, values in all_of.items()]
        return [self._stats[i] for i in sorted(set.intersection(*each))] if each else list(self._stats)

    def distinct(self, key: str) -> list[str]:
        return [value for value in dict.fromkeys(getattr(stat, key) for stat in self._stats) if value is not None]

    def containing(self, text: str) -> list[Stat]:
        return list(self._stats)  # in memory, search reads them all: no index would pay for itself

    def containing_any(self, texts: Collection[str], field: str | None = None) -> list[Stat]:
        return list(self._stats)

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

    whole: Mapping[str, list[Any]]
    stats: Stats
    by_id: Mapping[str, Any]
    table_of: Mapping[str, str]
    names: dict[str, list[str]]
    # The sha256 (hex) of the bytes this knowledge was parsed from, set by the loader (and kept in the parse
    # cache): the one version of the knowledge a run cites and exports, whatever the file holds by then.
    sha256: str = ""

    def __init__(self, whole: Mapping[str, list[Any]], stats: Stats, by_id: Mapping[str, Any],
                 table_of: Mapping[str, str], names: dict[str, list[str]],
                 keep: Callable[[str, int, Callable[[], bytes]], bytes] | None = None) -> None:
        self.whole = whole
        self.stats = stats
        self.by_id = by_id
        self.table_of = table_of
        self.names = names
        self._keep = keep
        self._citing: dict[str, list[Any]] | None = None

    def kept(self, suffix: str, version: int, make: Callable[[], bytes]) -> bytes:
        """`make()`, what is worked out from the whole knowledge (the words of its texts): from the parse cache, kept
        in a file beside it (`cache_stats.Database.kept`) and made only once; after a parse, made each time."""
        return make() if self._keep is None else self._keep(suffix, version, make)

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

    def records(self, table: str) -> Iterable[Any]:
        """One table's records in file order, the statistics included (`whole` holds every table but theirs);
        from the cache, only that table is decoded."""
        return self.stats if table == "stats" else self.whole[table]

    def __iter__(self) -> Iterator[Any]:
        for records in self.whole.values():
            yield from records
        yield from self.stats

    def citing(self, source_id: str) -> list[Any]:
        """The named records that cite a source, table by table in file order (indexed on first use: a listing
        of every source asks it of each)."""
        if self._citing is None:
            self._citing = {}
            for table in NAMED:
                for rec in self.whole[table]:
                    for cited in dict.fromkeys(rec.sources):
                        self._citing.setdefault(cited, []).append(rec)
        return self._citing.get(source_id, [])

    def stat(self, stat_id: str) -> Stat | None:
        found = self.stats.where(id=[stat_id])
        return found[0] if found else None

    def name_of(self, record_id: str | None) -> str | None:
        rec = self.by_id.get(record_id) if record_id else None
        return rec.name if rec is not None else None

    def is_empty(self) -> bool:
        return not self.by_id and not len(self.stats)
