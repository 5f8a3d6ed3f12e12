"""`compare`: regions side by side, metric by metric, each figure footnoted to its source, then counts of what
the knowledge base records in each. Pure: a `Comparison` is found, then shaped as one JSON-ready document."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ecofacts import query
from ecofacts.errors import UsageError
from ecofacts.kinds.base import Row, source_ref

if TYPE_CHECKING:
    from ecofacts.kinds.region import Region
    from ecofacts.kinds.stat import Stat
    from ecofacts.knowledge import Knowledge


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
    """Regions side by side: every metric any of them has a figure for, then counts from the knowledge base.

    Two names of one region (`wallonia Wallonie`) are a usage error: a comparison needs two regions."""
    if len(names) < 2:
        raise UsageError("compare needs at least two regions")
    regions: list[Region] = []
    for name in names:
        region = query.resolve(k, name, ("regions",))
        if region in regions:
            raise UsageError(f"'{name}' is {region.name} again; compare needs two different regions")
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
    inside = {r.id: query.region_ids(k, r) for r in regions}
    for label, table in COUNT_ROWS:
        result.counts[label] = {
            r.id: sum(1 for rec in k.whole[table] if rec.region in inside[r.id]) for r in regions
        }
    return result


def comparison_dict(k: Knowledge, comp: Comparison) -> dict[str, Any]:
    """`compare` as one object: regions, metric rows with a cell per region, counted rows, footnoted sources."""
    rows: list[Row] = []
    for metric, cells in comp.metrics.items():
        values: dict[str, list[Row]] = {}
        for region in comp.regions:
            values[region.id] = [
                {"stat": s.id, "label": s.label, "value": s.value, "value_max": s.value_max, "unit": s.unit,
                 "qualifier": s.qualifier, "year": s.year, "status": s.status, "text": s.text,
                 "source": s.source, "cited_source": s.cited_source,
                 "footnote": comp.footnote(s)}
                for s in cells.get(region.id, [])
            ]
        rows.append({"metric": metric, "kind": "statistic", "values": values})
    for label, counts in comp.counts.items():
        rows.append({"metric": label, "kind": "count", "values": dict(counts)})
    return {
        "regions": [{"id": r.id, "name": r.name} for r in comp.regions],
        "rows": rows,
        "footnotes": [{"number": i + 1, "source": source_ref(k, sid), "cited_source": source_ref(k, cited)}
                      for i, (sid, cited) in enumerate(comp.footnotes)],
    }


def comparison_rows(doc: dict[str, Any]) -> list[Row]:
    """`compare` flattened for CSV, TSV, Markdown and JSON Lines: one row per metric, a column per region."""
    flat = []
    for row in doc["rows"]:
        out: Row = {"metric": row["metric"], "kind": row["kind"]}
        for region in doc["regions"]:
            value = row["values"][region["id"]]
            if row["kind"] == "statistic":
                value = "; ".join(f"{c['text']} [{c['footnote']}]" for c in value)
            out[region["id"]] = value
        flat.append(out)
    return flat
