"""What every record kind declares (`Kind`, `Section`), and the row shapes several kinds share.

A *row* is a record as a JSON-ready dict, the one shape every output format is fed: references stay ids, with a
`*_name` key beside each single reference for the display name a person wants, and nulls explicit so that every
row of a kind has the same keys.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ecofacts.model import NESTED, Record, as_dict

if TYPE_CHECKING:
    from ecofacts.knowledge import Knowledge

Row = dict[str, Any]


class Hit:
    """A record a lookup found, with what the lookup learnt about it on the way: `match`, how an organisation
    found by city belongs to it ("in", "section", "nearby", "site": see query.city_matches); `via`, the member
    organisation or initiative a statistic listed for a place is about; `by_kind`, how many organisations of
    each kind a city has. (A plain class: a NamedTuple costs start-up time to create.)"""

    __slots__ = ("by_kind", "match", "record", "via")

    def __init__(self, record: Any, match: str | None = None, via: str | None = None,
                 by_kind: dict[str, int] | None = None) -> None:
        self.record, self.match, self.via, self.by_kind = record, match, via, by_kind


RowBuilder = Callable[["Knowledge", Hit], Row]

# The columns a section of `show` lists named records and statistics with.
NAMED_BRIEF = ("id", "name", "kind", "city_name", "region_name")
STAT_BRIEF = ("id", "subject_name", "label", "display", "year", "status", "source")


class Section:
    """One group of related records in `show`: `find` queries them (records or hits): a function of the
    knowledge and the record, or the name of one in `ecofacts.query`, called with `options` as keywords. The
    rows are shaped by each record's own kind (`Kind.brief`), and `columns` are the table's (`optional` ones only
    when some row has a value). With `limit`, at most that many are shown and `total` counts them all."""

    __slots__ = ("columns", "find", "limit", "optional", "options", "title", "total")

    def __init__(self, title: str, find: Callable[[Knowledge, Any], Sequence[Any]] | str, columns: Sequence[str],
                 optional: Sequence[str] = (), limit: int | None = None,
                 total: Callable[[Knowledge, Any], int] | None = None, **options: Any) -> None:
        self.title, self.find, self.columns, self.optional = title, find, tuple(columns), tuple(optional)
        self.limit, self.total, self.options = limit, total, options


class Kind:
    """Everything ecofacts knows about one record kind, declared once in the kind's module.

    - `cls`, `table`, `word`, `plural`: the record class, the knowledge file's table (`[[actors]]`), the word for
      one record ("actor") and for many ("organisations"); `aliases`: other words `add` accepts.
    - `columns`: the default table columns of its listing; `keys`: every key its rows have (what `--fields`
      offers); `extra` keys a row adds to the record's fields and their `*_name`s.
    - `row`: a listing row; `record`: the record as `show` prints it; `brief`: the row a section of another
      record's `show` lists it with.
    - `sections`: what `show` lists around one record, in order.
    - `named`: found by name or alias (`resolve`); `located`: placed in a region and a city (its `region` must
      agree with its city's).
    - `filters`: the options of a listing built from the registry ("region", "kind"); `summary` and `examples`:
      its help.
    """

    def __init__(
        self, cls: type[Record], table: str, word: str, *, plural: str | None = None,
        aliases: tuple[str, ...] = (), columns: Sequence[str], extra: Sequence[str] = (),
        keys: Sequence[str] | None = None, row: RowBuilder | None = None,
        record: Callable[[Knowledge, Any], Row] | None = None, brief: RowBuilder | None = None,
        sections: Sequence[Section] = (), named: bool = True, located: bool = False,
        filters: Sequence[str] = (), summary: str = "", examples: Sequence[str] = (),
    ) -> None:
        self.cls, self.table, self.word = cls, table, word
        self.plural = plural or table
        self.aliases = aliases
        self.columns = list(columns)
        self.keys = list(keys) if keys is not None else [*named_keys(cls), *extra]
        self.row: RowBuilder = row or _named_hit_row
        self.record: Callable[[Knowledge, Any], Row] = record or named_row
        self.brief: RowBuilder = brief or _named_hit_row
        self.sections = tuple(sections)
        self.named, self.located = named, located
        self.filters = tuple(filters)
        self.summary, self.examples = summary, tuple(examples)

    def __repr__(self) -> str:
        return f"Kind({self.table!r})"


def ref_names(cls: type[Record]) -> list[str]:
    """The fields of `cls` that hold one id (not a list): each gets a `*_name` beside it in a row."""
    return [f.name for f in cls.FIELDS if f.ref and f.t == "str"]


def named_keys(cls: type[Record]) -> list[str]:
    return [*(f.name for f in cls.FIELDS), *(f"{name}_name" for name in ref_names(cls))]


def named_row(k: Knowledge, rec: Any) -> Row:
    """A named record (region, city, cluster, actor, initiative, person) with display names beside its
    references, those of its nested records (an organisation's sites) included."""
    row = as_dict(rec)
    for key in ref_names(type(rec)):
        row[f"{key}_name"] = k.name_of(row[key])
    for f in rec.FIELDS:
        if f.t in NESTED and ref_names(NESTED[f.t]):
            for item, data in zip(getattr(rec, f.name), row[f.name], strict=True):
                data.update((f"{key}_name", k.name_of(getattr(item, key))) for key in ref_names(type(item)))
    return row


def _named_hit_row(k: Knowledge, hit: Hit) -> Row:
    return named_row(k, hit.record)


def source_ids(rec: Record) -> list[str]:
    """Every source a record rests on, in field order, those of its nested records (events, conflicts) too,
    once each."""
    ids: list[str] = []
    for f in rec.FIELDS:
        value = getattr(rec, f.name)
        values = value if isinstance(value, tuple) else (value,)
        if f.ref == ("sources",):
            ids += [v for v in values if v and v not in ids]
        elif f.t in NESTED:
            ids += [s for item in values for s in source_ids(item) if s not in ids]
    return ids


def provenance(k: Knowledge, source_id: str) -> str:
    """How we know what a record states: "quoted" from a document whose text we hold, or "reported" by a public
    page (its URL, the figure as printed and our paraphrase)."""
    src = k.by_id.get(source_id)
    return "quoted" if src is not None and src.kind == "document" else "reported"


def year_span(year: int | str | None) -> tuple[int | None, int | None]:
    """A year or period as two integers for typed clients: 2022 -> (2022, 2022); "2016-2021" -> (2016, 2021)."""
    if isinstance(year, int):
        return year, year
    if isinstance(year, str):
        start, _, end = year.partition("-")
        return int(start), int(end or start)
    return None, None


def sourced_keys(cls: type[Record]) -> list[str]:
    keys: list[str] = []
    refs = ref_names(cls)
    names = [f.name for f in cls.FIELDS]
    for name in names:
        keys.append(name)
        if name == "source":
            keys.append("provenance")
        elif name == "year":
            keys += ["year_start", "year_end"]
        elif name == "text" and "value" in names:
            keys.append("display")
        elif name in refs and name != "cited_source":
            keys.append(f"{name}_name")
    return keys


def sourced_row(k: Knowledge, rec: Record) -> Row:
    """A sourced statement (statistic, claim, chain link, relation): the display name beside each single
    reference, the source and cited source spelled out (`source_ref`), how we know it (`provenance`), its year
    as two integers (`year_start`, `year_end`) and a figure as a reader says it (`display`: "3,800+ jobs")."""
    row: Row = {}
    refs = ref_names(type(rec))
    for key, value in as_dict(rec).items():
        if key in ("source", "cited_source"):
            row[key] = source_ref(k, value)
            if key == "source":
                row["provenance"] = provenance(k, value)
            continue
        row[key] = value
        if key == "year":
            row["year_start"], row["year_end"] = year_span(value)
        elif key == "text" and "value" in row:
            from ecofacts.figures import display_value  # not on the way of a lookup that shows no figure

            row["display"] = display_value(row)
        elif key in refs:
            row[f"{key}_name"] = k.name_of(value)
    return row


def sourced_hit_row(k: Knowledge, hit: Hit) -> Row:
    return sourced_row(k, hit.record)


def source_ref(k: Knowledge, source_id: str | None) -> Row | None:
    """A source as a statistic carries it: id, title and what is known of publisher, date, language."""
    src = k.by_id.get(source_id) if source_id else None
    if src is None:
        return None
    return {"id": src.id, "title": src.title, "kind": src.kind, "publisher": src.publisher, "date": src.date,
            "language": src.language, "url": src.url}


# `show`'s last section for every record that rests on sources: the sources, briefly.
SOURCES = Section("sources", lambda k, rec: [k.by_id[s] for s in source_ids(rec) if s in k.by_id],
                  ("id", "title", "publisher", "date", "url"))
