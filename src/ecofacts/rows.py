"""Records as JSON-ready dicts: the one shape every output format (table, JSON, CSV, Markdown) is fed.

References stay ids; a `*_name` key beside each carries the display name a person wants. Nulls are explicit so
that every record of a kind has the same keys.
"""

from __future__ import annotations

from typing import Any

from ecofacts import query
from ecofacts.model import KIND_WORD, Actor, City, Cluster, Initiative, Knowledge, Region, Source, Stat, as_dict
from ecofacts.names import fold
from ecofacts.query import ActorHit, Comparison, StatHit

__all__ = ["KIND_WORD"]


_REFS = ("region", "city", "parent", "part_of", "near")


def row_keys(cls: type[Any]) -> list[str]:
    """Every key a row of records of `cls` has, even when a listing is empty (for `--fields`)."""
    keys = [f.name for f in cls.FIELDS]
    if cls is Stat:
        keys.insert(keys.index("subject") + 1, "subject_name")
        return [*keys, "member", "member_name"]
    return keys + [f"{key}_name" for key in _REFS if key in keys]


def source_ref(k: Knowledge, source_id: str | None) -> dict[str, Any] | None:
    """A source as a statistic carries it: id, title and what is known of publisher, date, language."""
    src: Source | None = k.by_id.get(source_id) if source_id else None
    if src is None:
        return None
    return {"id": src.id, "title": src.title, "kind": src.kind, "publisher": src.publisher, "date": src.date,
            "language": src.language, "url": src.url}


def stat_row(k: Knowledge, stat: Stat, via: str | None = None) -> dict[str, Any]:
    """A statistic in the contract's key order, its sources spelled out, `subject_name` beside `subject`."""
    row: dict[str, Any] = {}
    for key, value in as_dict(stat).items():
        if key in ("source", "cited_source"):
            value = source_ref(k, value)
        row[key] = value
        if key == "subject":
            row["subject_name"] = k.name_of(stat.subject)
    row["member"] = via
    row["member_name"] = k.name_of(via)
    return row


def stat_rows(k: Knowledge, hits: list[StatHit]) -> list[dict[str, Any]]:
    return [stat_row(k, h.stat, h.via) for h in hits]


def named_row(k: Knowledge, rec: Any) -> dict[str, Any]:
    """Any named record (region, city, cluster, actor, initiative) with display names beside its references."""
    row = as_dict(rec)
    for key in _REFS:
        if key in row:
            row[f"{key}_name"] = k.name_of(row[key])
    return row


def city_row(k: Knowledge, city: City, by_kind: dict[str, int]) -> dict[str, Any]:
    """A city with its organisations counted by kind (`actors` is the same count as text, for tables)."""
    row = named_row(k, city)
    row["actor_count"] = sum(by_kind.values())
    row["actors"] = [f"{n} {kind}" for kind, n in sorted(by_kind.items())]
    row["actors_by_kind"] = by_kind
    return row


def latest_event(events: tuple[Any, ...]) -> str | None:
    """The newest dated fact as a person reads it ('2021 renamed: Renamed aptaskil'); undated ones count last."""
    if not events:
        return None
    e = max(events, key=lambda e: (e.year is not None, e.year or 0))
    return f"{e.year if e.year is not None else 'undated'} {e.kind}: {e.text}"


def actor_rows(k: Knowledge, hits: list[ActorHit], with_match: bool) -> list[dict[str, Any]]:
    rows = []
    for hit in hits:
        row = named_row(k, hit.actor)
        row["latest_event"] = latest_event(hit.actor.events)
        if with_match:
            row["match"] = hit.match
        rows.append(row)
    return rows


def comparison_dict(k: Knowledge, comp: Comparison) -> dict[str, Any]:
    """`compare` as one object: regions, metric rows with a cell per region, counted rows, footnoted sources."""
    rows = []
    for metric, cells in comp.metrics.items():
        row: dict[str, Any] = {"metric": metric, "kind": "statistic", "values": {}}
        for region in comp.regions:
            stats = cells.get(region.id, [])
            row["values"][region.id] = [
                {"stat": s.id, "label": s.label, "value": s.value, "value_max": s.value_max, "unit": s.unit,
                 "qualifier": s.qualifier, "year": s.year, "status": s.status, "text": s.text,
                 "source": s.source, "cited_source": s.cited_source,
                 "footnote": comp.footnote(s)}
                for s in stats
            ]
        rows.append(row)
    for label, counts in comp.counts.items():
        rows.append({"metric": label, "kind": "count", "values": dict(counts)})
    return {
        "regions": [{"id": r.id, "name": r.name} for r in comp.regions],
        "rows": rows,
        "footnotes": [{"number": i + 1, "source": source_ref(k, sid), "cited_source": source_ref(k, cited)}
                      for i, (sid, cited) in enumerate(comp.footnotes)],
    }


def comparison_rows(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """`compare` flattened for CSV, TSV, Markdown and JSON Lines: one row per metric, a column per region."""
    flat = []
    for row in doc["rows"]:
        out: dict[str, Any] = {"metric": row["metric"], "kind": row["kind"]}
        for region in doc["regions"]:
            value = row["values"][region["id"]]
            if row["kind"] == "statistic":
                value = "; ".join(f"{c['text']} [{c['footnote']}]" for c in value)
            out[region["id"]] = value
        flat.append(out)
    return flat


def source_row(k: Knowledge, src: Source) -> dict[str, Any]:
    row = as_dict(src)
    row["statistics"] = k.stats.count(source=[src.id], cited_source=[src.id])
    row["records"] = len(query.records_citing(k, src.id))
    return row


def excerpt(value: Any, text: str, around: int = 40) -> str:
    """The part of a matched field around the match, for `search` results."""
    values = value if isinstance(value, tuple) else (value,)
    key = fold(text)
    for v in values:
        v = str(v)
        folded = fold(v)
        at = folded.find(key)
        if at >= 0:
            # fold() keeps length only roughly (it drops accents and squeezes punctuation): good enough to centre
            start = max(0, at - around)
            snippet = v[start:at + len(key) + around].strip()
            return ("…" if start else "") + snippet + ("…" if at + len(key) + around < len(v) else "")
    return ""


def _section(columns: list[str], data: list[dict[str, Any]]) -> dict[str, Any]:
    return {"columns": columns, "rows": data}


# `show` of a statistic lists at most this many look-alikes; a section cut short says how many there are ("total").
LOOK_ALIKES_SHOWN = 50

_BRIEF = ["id", "name", "kind", "city_name", "region_name"]
_STAT_BRIEF = ["id", "subject_name", "label", "text", "year", "status", "source"]
_SOURCE_BRIEF = ["id", "title", "publisher", "date", "url"]


def show_dict(k: Knowledge, rec: Any) -> dict[str, Any]:
    """`show`: one record in full and the records around it, grouped, each group with its table columns."""
    related: dict[str, dict[str, Any]] = {}

    def named(title: str, records: list[Any]) -> None:
        related[title] = _section(_BRIEF, [named_row(k, r) for r in records])

    def statistics(title: str, hits: list[StatHit]) -> None:
        related[title] = _section(_STAT_BRIEF + (["member_name"] if any(h.via for h in hits) else []),
                                  stat_rows(k, hits))

    if isinstance(rec, Stat):
        record = stat_row(k, rec)
        title = "look-alike and comparable statistics"
        alike = {"id": rec.related, "metric": [rec.metric]}
        itself = 0 if rec.id in rec.related else 1  # a statistic is its own look-alike only if it says so
        others = [s for s in k.stats.where(LOOK_ALIKES_SHOWN + itself + 1, **alike) if s.id != rec.id or not itself]
        statistics(title, [StatHit(s) for s in others[:LOOK_ALIKES_SHOWN]])
        if len(others) > LOOK_ALIKES_SHOWN:
            related[title]["total"] = k.stats.count(**alike) - itself
        named("subject", [k.by_id[rec.subject]])
    elif isinstance(rec, Source):
        record = source_row(k, rec)
        statistics("statistics it supports", [StatHit(s) for s in query.stats_citing(k, rec.id)])
        named("records citing it", query.records_citing(k, rec.id))
        return {"kind": "source", "id": rec.id, "record": record, "related": related}
    else:
        record = named_row(k, rec)
        if isinstance(rec, Region):
            named("regions inside", [r for r in k.regions if r.parent == rec.id])
            named("cities", [c for c in k.cities if c.region == rec.id])
        if isinstance(rec, City):
            named("sections and neighbours", [c for c in k.cities if rec.id in (c.part_of, c.near)])
            hits = query.find_actors(k, city=rec.id)
            related["organisations"] = _section(
                [*_BRIEF, "match"], actor_rows(k, hits, with_match=True))
        if isinstance(rec, Region):
            inside = query.region_ids(k, rec)
            named("organisations", [a for a in k.actors if a.region in inside])
        for table, title in (("clusters", "clusters"), ("initiatives", "initiatives")):
            named(title, [r for r in k.tables[table] if _belongs(k, r, rec)])
        if isinstance(rec, Cluster):
            named("members", [k.by_id[m] for m in rec.members])
        if isinstance(rec, Initiative):
            named("partners", [k.by_id[p] for p in rec.partners])
        if isinstance(rec, Actor):
            named("related organisations", [k.by_id[r] for r in rec.related]
                  + [a for a in k.actors if rec.id in a.related and a.id not in rec.related])
        statistics("statistics", query.find_stats(k, rec.id, include_members=isinstance(rec, Region | City)))
    related["sources"] = _section(
        _SOURCE_BRIEF, [source_ref(k, sid) or {} for sid in _source_ids(rec)])
    table = "stats" if isinstance(rec, Stat) else k.table_of[rec.id]
    return {"kind": KIND_WORD[table], "id": rec.id, "record": record, "related": related}


def _belongs(k: Knowledge, candidate: Any, rec: Any) -> bool:
    """Is a cluster or initiative tied to `rec`: located in it, or naming it as member or partner?"""
    if isinstance(rec, Region):
        return bool(candidate.region in query.region_ids(k, rec))
    if isinstance(rec, City):
        return bool(candidate.city == rec.id)
    return rec.id in getattr(candidate, "members", ()) or rec.id in getattr(candidate, "partners", ())


def _source_ids(rec: Any) -> list[str]:
    if isinstance(rec, Stat):
        return [s for s in (rec.source, rec.cited_source) if s]
    ids = list(rec.sources)
    for item in (*getattr(rec, "events", ()), *(c for x in getattr(rec, "conflicts", ()) for c in x.claims)):
        ids += [s for s in item.sources if s not in ids]
    return ids
