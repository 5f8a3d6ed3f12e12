"""The registry of record kinds: each kind is declared once, in its own module of this package (its record
class, table, words, columns, row builders, `show` sections, filters), and everything else — the loader and
validator, lookups, `show`, the listing commands, `--fields`, `add`, `check`, completion, the parse cache —
iterates over `KINDS`.

To add a kind: write `kinds/<word>.py` with its `Record` class and `KIND = Kind(...)`, and list it below.
"""

from __future__ import annotations

from typing import Any

from ecofacts.kinds import actor, chain, city, claim, cluster, initiative, person, region, relation, source, stat
from ecofacts.kinds.base import Kind
from ecofacts.model import ANY_NAMED, Field

# In file order: sources first (everything rests on them), then places, organisations, people, and what the
# sources state about them: statistics, claims, relations and the value chain.
KINDS: list[Kind] = [source.KIND, region.KIND, city.KIND, cluster.KIND, actor.KIND, initiative.KIND, person.KIND,
                     stat.KIND, claim.KIND, relation.KIND, chain.KIND]

# Derived from KINDS, and updated in place by `register`, so that an import of any of them stays true.
BY_TABLE: dict[str, Kind] = {}
BY_CLASS: dict[type[Any], Kind] = {}
TABLES: list[str] = []
NAMED: list[str] = []  # found by name or alias
LOCATED: list[str] = []  # placed in a region and a city
WHOLE: list[str] = []  # the tables of few records, indexed by id; statistics are reached through `Stats`


def register(kind: Kind | None = None) -> None:
    """Adds `kind` to the registry (a test adds a throw-away one) and derives the indexes from `KINDS`."""
    if kind is not None:
        if kind.table in BY_TABLE:
            raise ValueError(f"a kind with table {kind.table!r} is already registered")
        KINDS.append(kind)
    BY_TABLE.clear()
    BY_TABLE.update((k.table, k) for k in KINDS)
    BY_CLASS.clear()
    BY_CLASS.update((k.cls, k) for k in KINDS)
    TABLES[:] = BY_TABLE
    NAMED[:] = [k.table for k in KINDS if k.named]
    LOCATED[:] = [k.table for k in KINDS if k.located]
    WHOLE[:] = [t for t in TABLES if t != "stats"]


def unregister(kind: Kind) -> None:
    KINDS.remove(kind)
    register()


register()


def of(rec: Any) -> Kind:
    """The kind of a record."""
    return BY_CLASS[type(rec)]


def by_word(word: str) -> Kind | None:
    """The kind a person names by its word, table or alias (`city`, `cities`, `stat`), ignoring case."""
    word = word.lower()
    return next((k for k in KINDS if word in (k.word, k.table, *k.aliases)), None)


def ref_tables(f: Field) -> tuple[str, ...]:
    """The tables a reference field's ids may be in (`ANY_NAMED` standing for every named table)."""
    return tuple(t for r in f.ref for t in (NAMED if r == ANY_NAMED else (r,)))


def word(table: str) -> str:
    return BY_TABLE[table].word
