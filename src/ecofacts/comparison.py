"""`compare`: regions side by side, metric by metric, each figure footnoted to its source, then counts of what
the knowledge base records in each. Pure: a `Comparison` is found, then shaped as one JSON-ready document.

For each metric one year is lined up: `--year Y`, or by default the most recent year that every region with a
figure for the metric has; where they share none, or with `--latest`, each region's own latest figure (as
`series.latest` defines it), its year shown. `--max-year-gap N` leaves out a cell more than N years older than the
newest of its row, and says so; `--published-before DATE` keeps the figures whose source is known to have been
published before DATE, and lists the others. Measured
figures are preferred to forecasts and targets of the same year. A row says, in `notes`, what makes its
figures less comparable than they look: other publishers, other years, labels (definitions), statuses,
qualifiers or units, pages that disagree, a figure whose trust is disputed or unverified (`ecofacts.trust`), and a
region that lies inside another.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from ecofacts import query
from ecofacts.errors import UsageError
from ecofacts.kinds.base import Row, source_ref, year_span
from ecofacts.names import fold
from ecofacts.trust import DISPUTED, UNVERIFIED, Figure, agree, level, provenance

if TYPE_CHECKING:
    from ecofacts.kinds.region import Region
    from ecofacts.kinds.stat import Stat
    from ecofacts.knowledge import Knowledge

COUNT_ROWS = (
    ("organisations recorded", "actors"),
    ("clusters recorded", "clusters"),
    ("initiatives recorded", "initiatives"),
    ("cities recorded", "cities"),
)
POPULATION = "population"  # the metric `--per-capita` divides by


class Line:
    """One metric's row: the year lined up (None: the cells' own years), each region's figures, the notes."""

    def __init__(self, metric: str, year: int | str | None, cells: dict[str, list[Stat]], notes: list[str]) -> None:
        self.metric, self.year, self.cells, self.notes = metric, year, cells, notes
        self.per_capita: dict[str, list[dict[str, Any] | None]] = {}


class Comparison:
    def __init__(self, regions: list[Region]) -> None:
        self.regions = regions
        self.lines: list[Line] = []
        # label -> region id -> count of records in the knowledge base
        self.counts: dict[str, dict[str, int]] = {}
        # (source id, cited study id or None), numbered from 1 in this order
        self.footnotes: list[tuple[str, str | None]] = []
        self.per_capita = False
        self.left_out: list[str] = []  # metrics --per-capita cannot divide (already rates or shares)
        self.latest = False
        self.published_before: str | None = None
        self.withheld: list[Stat] = []  # figures --published-before left out: sources undated or too recent

    def footnote(self, stat: Stat) -> int:
        key = (stat.source, stat.cited_source)
        if key not in self.footnotes:
            self.footnotes.append(key)
        return self.footnotes.index(key) + 1


def is_rate(stat: Stat) -> bool:
    """A figure already relative to something (a share, a rate, an index, a multiple): not to be divided."""
    unit = stat.unit.lower()
    return "percent" in unit or "per " in unit or unit in ("index", "times", "rank") or unit.startswith("per")


def _when(stat: Stat) -> tuple[int, int, int]:
    """Sort key, latest and surest last: the year (a period by its end; undated first), measured over plans."""
    end = year_span(stat.year)[1]
    return (end is not None, end or 0, stat.status == "measured")


def _prefer_measured(stats: list[Stat]) -> list[Stat]:
    measured = [s for s in stats if s.status == "measured"]
    return measured or stats


def _own_latest(k: Knowledge, by_region: dict[str, list[Stat]]) -> tuple[int | str | None, dict[str, list[Stat]]]:
    """Each region's own latest figure (`series.latest`); the row's year when they all share one."""
    from ecofacts.series import latest

    cells = {r: latest(k, stats) for r, stats in by_region.items()}
    years = {cell[0].year for cell in cells.values() if cell}
    return (years.pop() if len(years) == 1 else None), cells


def _within(regions: list[Region], year: int | str | None, cells: dict[str, list[Stat]],
            gap: int) -> tuple[dict[str, list[Stat]], str | None]:
    """The cells at most `gap` years older than the newest of the row (by a period's end; an undated figure
    cannot be placed, and is left out too), and a note naming what was left out."""
    ends = [year_span(s.year)[1] for cell in cells.values() for s in cell]
    newest = max((e for e in ends if e is not None), default=None)
    if newest is None:
        return cells, None
    kept: dict[str, list[Stat]] = {}
    out: list[str] = []
    names = {r.id: r.name for r in regions}
    for r, cell in cells.items():
        kept[r] = [s for s in cell if (e := year_span(s.year)[1]) is not None and newest - e <= gap]
        out += [f"{names[r]} ({s.year or 'undated'})" for s in cell if s not in kept[r]]
    if not out:
        return cells, None
    return kept, (f"left out, more than {gap} year{'s' if gap != 1 else ''} older than {newest} "
                  f"(--max-year-gap): " + "; ".join(out))


def line_up(by_region: dict[str, list[Stat]], year: int | None) -> tuple[int | str | None, dict[str, list[Stat]]]:
    """The year to line up and each region's figures for it: `year`, else the latest all share, else the one most
    regions' latest figures have (also how `ask` ranks the highest figure of each place)."""
    if year is not None:
        return year, {r: _prefer_measured([s for s in stats if s.year_matches(year)]) for r, stats in by_region.items()}
    present = {r: stats for r, stats in by_region.items() if stats}
    shared = set.intersection(*({s.year for s in stats if s.year is not None} for stats in present.values())) \
        if present else set()
    if shared:
        chosen = max(shared, key=lambda y: year_span(y)[1] or 0)
        return chosen, {r: _prefer_measured([s for s in stats if s.year == chosen]) for r, stats in by_region.items()}
    cells: dict[str, list[Stat]] = {}
    for r, stats in by_region.items():
        latest = max(stats, key=_when) if stats else None
        cells[r] = [s for s in stats if latest is not None and s.year == latest.year and s.status == latest.status]
    years = Counter(cell[0].year for cell in cells.values() if cell and cell[0].year is not None)
    # the year most regions' figures have; of equals, the latest
    return max(years, key=lambda y: (years[y], year_span(y)[1] or 0), default=None), cells


def _publisher(k: Knowledge, stat: Stat) -> str:
    src = k.by_id.get(stat.source)
    return (src.publisher or src.title) if src is not None else stat.source


def _notes(k: Knowledge, regions: list[Region], year: int | str | None, cells: dict[str, list[Stat]],
           latest: bool = False) -> list[str]:
    names = {r.id: r.name for r in regions}
    filled = [(r.id, s) for r in regions for s in cells[r.id]]
    notes: list[str] = []

    def differs(value: Any) -> bool:
        return len({value(s) for _, s in filled}) > 1

    def which(value: Any, usual: Any = None) -> str:
        """Each region's values of `value`, leaving out those that are `usual`."""
        return "; ".join(f"{', '.join(sorted({str(value(s)) for s in cells[r.id]}))} ({r.name})"
                         for r in regions if cells[r.id] and any(value(s) != usual for s in cells[r.id]))

    if differs(lambda s: _publisher(k, s)):
        notes.append("the figures come from different publishers (see the sources)")
    if year is not None:
        other = [(r, s) for r, s in filled if s.year != year]
        if other:
            notes.append("other years: " + "; ".join(f"{s.year or 'undated'} ({names[r]})" for r, s in other))
    elif differs(lambda s: s.year):
        notes.append(("each region's own latest year differs: " if latest else "years differ: ")
                     + which(lambda s: s.year or "undated"))
    place_names = [fold(n) for r in regions for n in (r.name, *r.aliases, r.id)]

    def label(s: Stat) -> str:  # "Exports from Wallonia" and "Exports from Flanders" say the same thing
        text = fold(s.label)
        for name in place_names:
            text = text.replace(name, "")
        return " ".join(text.split())

    if differs(label):
        notes.append("the labels differ, and so may the definitions: see " + ", ".join(s.id for _, s in filled))
    if differs(lambda s: s.status):
        notes.append("not measured: " + which(lambda s: s.status, "measured"))
    if differs(lambda s: s.qualifier):
        notes.append("qualified: " + which(lambda s: (s.qualifier or "").replace("_", " "), ""))
    if differs(lambda s: s.unit):
        notes.append("units differ: " + which(lambda s: s.unit))
    weak = [f"{lv} ({r.name}: {_figure(s)})" for r in regions for s in cells[r.id]
            if (lv := level(k, s)) in (DISPUTED, UNVERIFIED)]
    if weak:
        notes.append("trust: " + "; ".join(weak))
    for r in regions:
        values = {(s.value, s.value_max) for s in cells[r.id]}
        if len(values) > 1:
            # figures that are one within the rounding of the less precise (3,61 % and 3,6 %) are said to be so,
            # as trust counts them: they corroborate each other
            figures = [Figure("", s.unit, s.value, s.value_max) for s in cells[r.id]]
            same = all(agree(figures[0], f) for f in figures[1:])
            notes.append(f"pages {'round differently' if same else 'disagree'} for {r.name}: " + " vs ".join(
                f"{s.text} ({s.source})" for s in cells[r.id]) + (" (the same figure within rounding)" if same else ""))
    if filled and not any(is_rate(s) for _, s in filled):
        for outer in regions:
            inside = query.region_ids(k, outer) - {outer.id}
            notes += [f"{inner.name} lies inside {outer.name}: its figure is part of {outer.name}'s"
                      for inner in regions if inner.id in inside and cells[inner.id] and cells[outer.id]]
    return notes


def _figure(s: Stat) -> str:
    from ecofacts.figures import display_value

    return display_value({"value": s.value, "value_max": s.value_max, "unit": s.unit, "qualifier": s.qualifier,
                          "text": s.text})


def compare(k: Knowledge, names: list[str], year: int | None = None, strict: bool = False,
            per_capita: bool = False, metric: str | None = None, trust: set[str] | None = None,
            latest: bool = False, max_year_gap: int | None = None, published_before: str | None = None) -> Comparison:
    """Regions side by side: every metric any of them has a figure for, then counts from the knowledge base.

    Two names of one region (`wallonia Wallonie`) are a usage error: a comparison needs two regions. `strict`
    keeps the rows where every region has a figure of the same year from the same publisher; `per_capita`
    divides each figure by its region's recorded population (the nearest year); `metric` keeps one metric;
    `trust` keeps the figures at those trust levels (`ecofacts.trust`); `latest` puts each region's own latest
    figure in its cell; `max_year_gap` leaves out the cells more than that many years older than the newest of
    their row; `published_before` keeps the figures whose source is known to
    have been published before that date (`published.published_by`)."""
    if len(names) < 2:
        raise UsageError("compare needs at least two regions")
    if latest and year is not None:
        raise UsageError("give --latest or --year, not both")
    if max_year_gap is not None and max_year_gap < 0:
        raise UsageError("--max-year-gap must be 0 or more")
    regions: list[Region] = []
    for name in names:
        region = query.resolve(k, name, ("regions",))
        if region in regions:
            raise UsageError(f"'{name}' is {region.name} again; compare needs two different regions")
        regions.append(region)
    result = Comparison(regions)
    result.per_capita, result.latest, result.published_before = per_capita, latest, published_before
    by_metric: dict[str, dict[str, list[Stat]]] = {}
    for region in regions:
        for stat in k.stats.where(subject=[region.id]):
            if trust is not None and level(k, stat) not in trust:
                continue
            by_metric.setdefault(stat.metric, {r.id: [] for r in regions})[region.id].append(stat)
    if metric is not None:
        from ecofacts.series import metric_choice

        metric = metric_choice(metric, by_metric, "metric for these regions")
        by_metric = {metric: by_metric[metric]}
    if published_before is not None:
        from ecofacts.published import published_by

        for by_region in by_metric.values():
            for r, stats in by_region.items():
                by_region[r], withheld = published_by(k, stats, published_before)
                result.withheld += withheld
    # metrics that more of the regions have a figure for come first: they are what a comparison is for
    ordered = sorted(by_metric.items(), key=lambda item: -sum(1 for stats in item[1].values() if stats))
    populations = _populations(k, regions) if per_capita else {}
    for name, by_region in ordered:
        row_year, cells = _own_latest(k, by_region) if latest else line_up(by_region, year)
        gap_note = None
        if max_year_gap is not None:
            cells, gap_note = _within(regions, row_year, cells, max_year_gap)
        if not any(cells.values()):
            continue
        if strict:
            kept = _strict(k, row_year, cells)
            if kept is None:
                continue
            cells = kept
        if per_capita and (name == POPULATION or any(is_rate(s) for stats in cells.values() for s in stats)):
            if metric is not None:
                raise UsageError(f"{name} is already a rate, a share or a population; --per-capita divides "
                                 "counts and amounts")
            result.left_out.append(name)
            continue
        line = Line(name, row_year, cells, _notes(k, regions, row_year, cells, latest))
        if gap_note is not None:
            line.notes.append(gap_note)
        if per_capita:
            line.per_capita = {r: [_per_capita(s, populations.get(r, [])) for s in stats] for r, stats in cells.items()}
            _scale(line)
        result.lines.append(line)
    for line in result.lines:
        for region in regions:
            for stat in line.cells[region.id]:
                result.footnote(stat)
            for share in line.per_capita.get(region.id, []):
                if share is not None:
                    result.footnote(share["population_stat"])
    inside = {r.id: query.region_ids(k, r) for r in regions}
    for label, table in COUNT_ROWS if metric is None else ():  # `--metric M` asks for that metric only
        result.counts[label] = {
            r.id: sum(1 for rec in k.whole[table] if rec.region in inside[r.id]) for r in regions
        }
    return result


def _strict(k: Knowledge, year: int | str | None, cells: dict[str, list[Stat]]) -> dict[str, list[Stat]] | None:
    """The figures of one publisher, all of the row's year, where that publisher gives one for every region
    (other pages' figures are left out); None when no publisher does."""
    if year is None or not cells or not all(cells.values()):
        return None
    publishers = dict.fromkeys(_publisher(k, s) for stats in cells.values() for s in stats if s.year == year)
    for publisher in publishers:
        kept = {r: [s for s in stats if s.year == year and _publisher(k, s) == publisher]
                for r, stats in cells.items()}
        if all(kept.values()):
            return kept
    return None


def _populations(k: Knowledge, regions: list[Region]) -> dict[str, list[Stat]]:
    return {r.id: [s for s in k.stats.where(subject=[r.id], metric=[POPULATION]) if s.metric == POPULATION
                   and s.subject == r.id and s.status == "measured"] for r in regions}


def _per_capita(stat: Stat, populations: list[Stat]) -> dict[str, Any] | None:
    """`stat` divided by the population of its region nearest its year, with the gap in years; None when the
    region has no recorded population."""
    if not populations:
        return None
    when = year_span(stat.year)[1]
    nearest = min(populations, key=lambda p: (abs((year_span(p.year)[1] or 0) - when) if when is not None else 0,
                                              -(year_span(p.year)[1] or 0)))
    pop_year = year_span(nearest.year)[1]
    return {"value": stat.value / nearest.value,
            "value_max": stat.value_max / nearest.value if stat.value_max is not None else None,
            "population": nearest.value, "population_year": nearest.year, "population_stat": nearest,
            "gap_years": abs(pop_year - when) if when is not None and pop_year is not None else None}


def per_words(per: int) -> str:
    """'per inhabitant', 'per 1,000 inhabitants'."""
    return "per inhabitant" if per == 1 else f"per {per:,} inhabitants"


def _scale(line: Line) -> None:
    """Per inhabitant, or per 1,000, 100,000 or 1,000,000 of them: the one scale for the whole row at which its
    smallest figure is at least 1."""
    shares = [s for cell in line.per_capita.values() for s in cell if s is not None]
    smallest = min((abs(s["value"]) for s in shares if s["value"]), default=1)
    per = next((n for n in (1, 1000, 100_000, 1_000_000) if smallest * n >= 1), 1_000_000)
    for share in shares:
        share["per"] = per
        share["value"] *= per
        if share["value_max"] is not None:
            share["value_max"] *= per


def _cell(k: Knowledge, comp: Comparison, s: Stat, share: dict[str, Any] | None) -> Row:
    cell: Row = {"stat": s.id, "label": s.label, "value": s.value, "value_max": s.value_max, "unit": s.unit,
                 "qualifier": s.qualifier, "year": s.year, "status": s.status, "text": s.text,
                 "source": s.source, "cited_source": s.cited_source, "trust": level(k, s),
                 "footnote": comp.footnote(s)}
    if comp.per_capita:
        cell["per_capita"] = None if share is None else {
            "value": share["value"], "value_max": share["value_max"], "per": share["per"],
            "unit": f"{s.unit} {per_words(share['per'])}",
            "population": share["population"], "population_year": share["population_year"],
            "population_stat": share["population_stat"].id, "gap_years": share["gap_years"],
            "footnote": comp.footnote(share["population_stat"])}
    return cell


def comparison_dict(k: Knowledge, comp: Comparison) -> dict[str, Any]:
    """`compare` as one object: regions, metric rows with a cell per region, counted rows, footnoted sources."""
    rows: list[Row] = []
    for line in comp.lines:
        values = {r.id: [{**_cell(k, comp, s, share), "provenance": provenance(k, s.source)} for s, share in
                         zip(line.cells[r.id], line.per_capita.get(r.id) or [None] * len(line.cells[r.id]),
                             strict=True)]
                  for r in comp.regions}
        rows.append({"metric": line.metric, "kind": "statistic", "year": line.year, "values": values,
                     "notes": line.notes})
    for label, counts in comp.counts.items():
        rows.append({"metric": label, "kind": "count", "year": None, "values": dict(counts), "notes": []})
    doc: dict[str, Any] = {
        "regions": [{"id": r.id, "name": r.name} for r in comp.regions],
        "rows": rows,
        "footnotes": [{"number": i + 1, "source": source_ref(k, sid), "cited_source": source_ref(k, cited)}
                      for i, (sid, cited) in enumerate(comp.footnotes)],
    }
    if comp.latest:
        from ecofacts.series import LATEST_RULE

        doc["latest"] = LATEST_RULE
    if comp.published_before is not None:
        from ecofacts.published import withheld_reason

        doc["published_before"] = comp.published_before
        doc["withheld"] = [{"stat": s.id, "subject": s.subject, "metric": s.metric, "year": s.year,
                            "source": s.source, "why": withheld_reason(k, s, comp.published_before)}
                           for s in comp.withheld]
    if comp.per_capita:
        doc["per_capita"] = {"formula": "figure ÷ the region's recorded population (metric 'population', the "
                                        "year nearest the figure's; the gap in years is shown)",
                             "left_out": comp.left_out}
    return doc
