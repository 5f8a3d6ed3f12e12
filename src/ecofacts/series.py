"""Time: a subject's figures for one metric year by year (`series`), the change between two years, "latest", and
what was known by a date. Pure: found here, shaped as JSON-ready points; rendered elsewhere.

A series holds, for each year from its first measured figure to its last, every figure of that year (all
sources), one of them *preferred* by `PREFERENCE_RULE`; a year without a measured figure is a gap, never filled
in. Forecasts and targets stay beside the line, never on it. Where the publisher, the definition (label) or the
unit changes between two points of the line, the later one carries a *break*: a step there need not be a real
change. Figures of a period ("2016-2021") and undated ones are listed apart.

"Latest" is defined once, here (`latest`): the preferred figure of the last year on the line.
"""

from __future__ import annotations

import weakref
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ecofacts import query
from ecofacts.comparable import breaks, definition, is_official, official, source_publisher, why_not
from ecofacts.errors import UsageError
from ecofacts.kinds.base import Row, source_ref, year_span
from ecofacts.names import fold
from ecofacts.published import published_by, source_date, withheld_reason
from ecofacts.trust import level, provenance, weigher

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ecofacts.kinds.stat import Stat
    from ecofacts.knowledge import Knowledge

PREFERENCE_RULE = (
    "Of the figures of one year, the preferred one is: a measured figure before a forecast or target; then one "
    "with the definition (label and unit) of the neighbouring years; then one published by an office of official "
    "statistics (Statbel, Statistiek Vlaanderen, IWEPS, IBSA, Eurostat, the National Bank, the Institute for "
    "National Accounts, the OECD); then the one whose source is newer; then the first in the knowledge file."
)
LATEST_RULE = ("latest: the preferred figure (measured) of the most recent year that has one; undated figures, "
               "forecasts and targets never count")

SPARK = "▁▂▃▄▅▆▇█"
SPARK_ASCII = "_-~=+*#@"
GAP, GAP_ASCII = "·", "."  # a year without a measured figure (not a space: tables fold runs of spaces)


# --- one subject's series of one metric ------------------------------------------------------------------


class YearRow:
    """One year of a series: its figures, the preferred first (None when none is measured: a gap in the line)."""

    __slots__ = ("figures", "preferred", "year")

    def __init__(self, year: int, figures: list[Stat], preferred: Stat | None) -> None:
        self.year, self.figures, self.preferred = year, figures, preferred


class Series:
    """One subject's figures of one metric: `rows` year by year (gaps included, from the first line year to the
    last, and the years of forecasts and targets), `periods` and `undated` apart, and the breaks of each
    preferred figure against the previous one on the line (`breaks`, `break_notes`, by statistic id)."""

    def __init__(self, subject: str, subject_name: str, metric: str) -> None:
        self.subject, self.subject_name, self.metric = subject, subject_name, metric
        self.rows: list[YearRow] = []
        self.periods: list[Stat] = []
        self.undated: list[Stat] = []
        self.breaks: dict[str, list[str]] = {}
        self.break_notes: dict[str, list[str]] = {}
        self.gap_before: dict[str, int] = {}

    @property
    def line(self) -> list[tuple[int, Stat]]:
        """The preferred figure of each year that has a measured one, in year order."""
        return [(row.year, row.preferred) for row in self.rows if row.preferred is not None]

    def latest(self) -> Stat | None:
        line = self.line
        return line[-1][1] if line else None


def _order(k: Knowledge, figures: list[Stat], neighbours: set[tuple[str, str]]) -> list[Stat]:
    """A year's figures, the preferred first (`PREFERENCE_RULE`), the file order breaking ties."""
    def key(item: tuple[int, Stat]) -> tuple[int, int, int, str, int]:
        i, s = item
        newer = source_date(k, s)
        return (s.status != "measured", definition(k, s) not in neighbours, not is_official(k, s),
                _inverse(newer), i)

    return [s for _, s in sorted(enumerate(figures), key=key)]


def _inverse(date: str) -> str:
    """A sort key under which newer dates come first and an undated source last."""
    return "".join(chr(0x7F - ord(c)) for c in date) if date else "\x7f"


def build_series(k: Knowledge, subject: str, subject_name: str, metric: str, stats: Iterable[Stat]) -> Series:
    """The series of `stats` (one subject's figures of `metric`)."""
    series = Series(subject, subject_name, metric)
    by_year: dict[int, list[Stat]] = {}
    for s in stats:
        if isinstance(s.year, int):
            by_year.setdefault(s.year, []).append(s)
        elif s.year is None:
            series.undated.append(s)
        else:
            series.periods.append(s)
    series.periods.sort(key=lambda s: year_span(s.year))
    measured_years = sorted(y for y, figs in by_year.items() if any(s.status == "measured" for s in figs))
    defs = {y: {definition(k, s) for s in figs if s.status == "measured"} for y, figs in by_year.items()}
    years = sorted(set(by_year) | set(range(measured_years[0], measured_years[-1] + 1)) if measured_years
                   else set(by_year))
    for year in years:
        figures = by_year.get(year, [])
        before = [y for y in measured_years if y < year]
        after = [y for y in measured_years if y > year]
        neighbours = (defs[before[-1]] if before else set()) | (defs[after[0]] if after else set())
        ordered = _order(k, figures, neighbours)
        preferred = ordered[0] if ordered and ordered[0].status == "measured" else None
        series.rows.append(YearRow(year, ordered, preferred))
    previous: tuple[int, Stat] | None = None
    for year, stat in series.line:
        if previous is not None:
            marks, notes = breaks(k, previous, (year, stat))
            series.breaks[stat.id], series.break_notes[stat.id] = marks, notes
            series.gap_before[stat.id] = year - previous[0] - 1
        previous = (year, stat)
    return series


# --- finding series ----------------------------------------------------------------------------------------


def metric_choice(value: str, metrics: Iterable[str], what: str = "metric") -> str:
    """The metric `value` names: its id, or its id in words ('rd intensity gdp percent', 'R&D intensity GDP
    (%)'), ignoring case and accents; else a UsageError suggesting the closest."""
    from ecofacts.figures import metric_label

    metrics = list(dict.fromkeys(metrics))
    key = " ".join(fold(value).replace("_", " ").split())
    for metric in metrics:
        words = {fold(metric), fold(metric.replace("_", " ")), fold(metric_label(metric))}
        if key in words or fold(value) in words:
            return metric
    return query.choice(value, metrics, what)


class Found:
    """What `find_series` found: the series, and the metrics of the subjects it left out (one year only)."""

    def __init__(self, series: list[Series], left_out: list[str], withheld: list[Stat] | None = None) -> None:
        self.series, self.left_out = series, left_out
        self.withheld = withheld or []  # figures left out by --published-before: sources undated or too recent


def find_series(k: Knowledge, names: list[str], metric: str | None = None, topic: str | None = None,
                published_before: str | None = None) -> Found:
    """The series of each subject named, for `metric`, or every metric of `topic`, or (neither given) every
    metric with figures of at least two years. `published_before` keeps only figures whose source is known to
    have been published before that date (`published_by`)."""
    if not names:
        raise UsageError("series needs at least one subject")
    if metric is not None and topic is not None:
        raise UsageError("give --metric or --topic, not both")
    subjects = []
    for name in names:
        rec = query.resolve(k, name)
        if rec not in subjects:
            subjects.append(rec)
    ids = {r.id for r in subjects}
    if metric is not None:  # by both indexes: a big file's subjects have many figures of other metrics
        metric = metric_choice(metric, k.stats.distinct("metric"))
        stats = k.stats.where_each(metric=[metric], subject=sorted(ids))
        weigher(k).prime_pairs(stats, [(subject, metric) for subject in ids])  # the points' trust, read once
        if not stats:  # a metric of others: the subjects' own are the choice
            own = sorted({s.metric for s in k.stats.where(subject=sorted(ids))})
            listed = ", ".join(own[:20]) + (f", … ({len(own)} in all)" if len(own) > 20 else "")
            raise UsageError(f"metric {metric} has no figure for {', '.join(r.name for r in subjects)}; "
                             f"choose from: {listed or '(none: no figures recorded)'}")
    else:
        stats = k.stats.where(subject=sorted(ids))
        weigher(k).prime(stats, ids)
        if topic is not None:
            topic = query.choice(topic, (s.topic for s in stats), "topic")
            stats = [s for s in stats if s.topic == topic]
    withheld: list[Stat] = []
    if published_before is not None:
        stats, withheld = published_by(k, stats, published_before)
    groups: dict[tuple[str, str], list[Stat]] = {}
    for s in stats:
        groups.setdefault((s.metric, s.subject), []).append(s)
    found: list[Series] = []
    left_out: list[str] = []
    metrics = list(dict.fromkeys(s.metric for s in stats))
    for m in metrics:
        for rec in subjects:
            figures = groups.get((m, rec.id), [])
            if not figures:
                continue
            if metric is None and topic is None and len({s.year for s in figures if s.year is not None}) < 2:
                left_out.append(m)
                continue
            found.append(build_series(k, rec.id, rec.name, m, figures))
    return Found(found, list(dict.fromkeys(left_out)), withheld)


# --- latest ------------------------------------------------------------------------------------------------


def latest(k: Knowledge, stats: Iterable[Stat]) -> list[Stat]:
    """Per subject and metric, the latest figure (`LATEST_RULE`), in the order the pairs first appear."""
    groups: dict[tuple[str, str], list[Stat]] = {}
    for s in stats:
        groups.setdefault((s.subject, s.metric), []).append(s)
    kept = []
    for (subject, metric), figures in groups.items():
        found = build_series(k, subject, subject, metric, figures).latest()
        if found is not None:
            kept.append(found)
    return kept


def by_year(stats: Iterable[Stat]) -> list[Stat]:
    """`--sort year`: oldest first, a period by its end year, undated last; file order otherwise."""
    return sorted(stats, key=lambda s: (s.year is None, year_span(s.year)[1] or 0, year_span(s.year)[0] or 0))


# --- change between two years --------------------------------------------------------------------------------


def parse_change(text: str) -> tuple[int, int]:
    """'2016..2021' -> (2016, 2021)."""
    start, sep, end = text.partition("..")
    if not sep or not start.strip().isdigit() or not end.strip().isdigit() or int(start) >= int(end):
        raise UsageError(f"--change '{query.echoed(text)}': give two years, the earlier first, as A..B "
                         "(e.g. 2016..2021)")
    return int(start), int(end)


def change(k: Knowledge, series: Series, start: int, end: int) -> Row:
    """The change of `series` from `start` to `end`: absolute (exact, in the unit; percentage points for a
    percentage) and the compound annual growth rate, only when the two ends are comparable (same definition,
    unit, status and publisher, neither a range nor a bound); else `comparable` false and `why_not`.

    The preferred figures are tried first, then any other pair of measured figures of the two years that is
    comparable (the pair used is named)."""
    rows = {row.year: row for row in series.rows}
    doc: Row = {"subject": series.subject, "subject_name": series.subject_name, "metric": series.metric,
                "from": start, "to": end, "comparable": False,
                "from_stat": None, "to_stat": None, "absolute": None, "unit": None, "cagr_percent": None,
                "why_not": []}
    ends = [[s for s in rows[y].figures if s.status == "measured"] if y in rows else [] for y in (start, end)]
    for year, figures in zip((start, end), ends, strict=True):
        if not figures:
            doc["why_not"].append(f"no measured figure for {year}")
    if doc["why_not"]:
        return doc
    pairs = [(a, b) for a in ends[0] for b in ends[1]]  # the preferred pair first: the lists are in rule order
    first_reasons = why_not(k, *pairs[0])
    for a, b in pairs:
        if not why_not(k, a, b):
            break
    else:
        doc.update(from_stat=pairs[0][0].id, to_stat=pairs[0][1].id, why_not=first_reasons)
        return doc
    low, high = Decimal(repr(a.value)), Decimal(repr(b.value))
    absolute = high - low
    doc.update(comparable=True, from_stat=a.id, to_stat=b.id, from_value=a.value, to_value=b.value,
               absolute=int(absolute) if absolute == absolute.to_integral_value() else float(absolute),
               unit="percentage points" if a.unit.startswith("percent") else a.unit)
    if a.value > 0 and b.value > 0:
        doc["cagr_percent"] = ((b.value / a.value) ** (1 / (end - start)) - 1) * 100
    else:
        doc["why_not"].append("no compound rate: a value is zero or negative")
    if (a, b) != pairs[0]:
        doc["note"] = (f"the preferred figures ({pairs[0][0].id}, {pairs[0][1].id}) are not comparable: "
                       + "; ".join(first_reasons) + f"; compared instead: {a.id} and {b.id}")
    return doc


# --- shaping -----------------------------------------------------------------------------------------------


def sparkline(values: list[float | None], ascii_only: bool = False) -> str:
    """One character per year, low to high; a gap (None) is a dot. Drawn here (no numpy)."""
    ramp, gap = (SPARK_ASCII, GAP_ASCII) if ascii_only else (SPARK, GAP)
    known = [v for v in values if v is not None]
    if not known:
        return ""
    low, high = min(known), max(known)
    out = []
    for v in values:
        if v is None:
            out.append(gap)
        elif high == low:
            out.append(ramp[len(ramp) // 2])
        else:
            out.append(ramp[min(int((v - low) / (high - low) * len(ramp)), len(ramp) - 1)])
    return "".join(out)


def line_values(series: Series) -> list[float | None]:
    """The preferred value of each year of the line, first to last, None for a gap (for a sparkline)."""
    line = dict(series.line)
    if not line:
        return []
    return [line[y].value if y in line else None for y in range(min(line), max(line) + 1)]


def point(k: Knowledge, series: Series, stat: Stat, preferred: bool) -> Row:
    """One figure of a series as JSON: who, what, when, the value as stored and as said, how we know it, whether
    it is the year's preferred figure (on the line), and its breaks against the previous point of the line."""
    on_line = preferred
    provenance_, source, cited, publisher, official = _source_facts(k, stat.source, stat.cited_source)
    return {
        "subject": series.subject, "subject_name": series.subject_name, "metric": series.metric,
        "year": stat.year, "value": stat.value, "value_max": stat.value_max, "unit": stat.unit,
        "qualifier": stat.qualifier,
        "display": _said(stat.value, stat.value_max, stat.unit, stat.qualifier, stat.text),
        "status": stat.status, "label": stat.label, "text": stat.text, "stat": stat.id,
        "provenance": provenance_, "trust": level(k, stat), "source": source, "cited_source": cited,
        "publisher": publisher, "official": official, "preferred": preferred, "on_line": on_line,
        "breaks": series.breaks.get(stat.id, []) if on_line else [],
        "break_notes": series.break_notes.get(stat.id, []) if on_line else [],
        "gap_before": series.gap_before.get(stat.id, 0) if on_line else 0,
    }


# A big file repeats a few figures and sources many times: each is said and looked up once.
@lru_cache(maxsize=4096)
def _said(value: Any, value_max: Any, unit: str, qualifier: str | None, text: str) -> str:
    from ecofacts.figures import display_value

    return display_value({"value": value, "value_max": value_max, "unit": unit, "qualifier": qualifier,
                          "text": text})


_FACTS: weakref.WeakKeyDictionary[Any, dict[tuple[str, str | None], tuple[str, Any, Any, str, bool]]] = \
    weakref.WeakKeyDictionary()


def _source_facts(k: Knowledge, source: str, cited: str | None) -> tuple[str, Any, Any, str, bool]:
    """How we know a figure of `source`, the source and the cited source spelled out, its publisher and whether
    it is an office of official statistics; worked out once per knowledge (the points share these dicts, which
    nothing changes)."""
    known = _FACTS.setdefault(k, {})
    found = known.get((source, cited))
    if found is None:
        publisher = source_publisher(k, source)
        found = known[(source, cited)] = (provenance(k, source), source_ref(k, source), source_ref(k, cited),
                                          publisher, official(publisher))
    return found


def points(k: Knowledge, series: Series) -> list[Row]:
    """Every figure of a series, year by year (the preferred first in each year), then periods, then undated."""
    rows = [point(k, series, s, s is row.preferred) for row in series.rows for s in row.figures]
    rows += [point(k, series, s, False) for s in (*series.periods, *series.undated)]
    return rows


def series_dict(k: Knowledge, found: Found, changes: tuple[int, int] | None = None,
                published_before: str | None = None) -> dict[str, Any]:
    """`series` as one document: each series with its years (gaps as rows without figures), sparkline and
    change, the rule, every point (`points`, the rows of JSON, CSV ...), and what --published-before withheld."""
    docs = []
    every: list[Row] = []
    for s in found.series:
        made = {f.id: point(k, s, f, f is row.preferred) for row in s.rows for f in row.figures}
        years = [{"year": row.year, "gap": row.preferred is None and not row.figures,
                  "preferred": row.preferred.id if row.preferred is not None else None,
                  "figures": [made[f.id] for f in row.figures]} for row in s.rows]
        apart = [point(k, s, f, False) for f in (*s.periods, *s.undated)]
        every += [*made.values(), *apart]
        latest = s.latest()
        doc: dict[str, Any] = {
            "subject": s.subject, "subject_name": s.subject_name, "metric": s.metric,
            "sparkline": sparkline(line_values(s)), "sparkline_ascii": sparkline(line_values(s), ascii_only=True),
            "first_year": s.line[0][0] if s.line else None, "last_year": s.line[-1][0] if s.line else None,
            "latest": latest.id if latest is not None else None,
            "years": years, "periods": apart[:len(s.periods)], "undated": apart[len(s.periods):],
        }
        if changes is not None:
            doc["change"] = change(k, s, *changes)
        docs.append(doc)
    out: dict[str, Any] = {"rule": PREFERENCE_RULE, "series": docs, "left_out": found.left_out, "points": every}
    if published_before is not None:
        out["published_before"] = published_before
        out["withheld"] = [{"stat": s.id, "subject": s.subject, "metric": s.metric, "year": s.year,
                            "source": s.source, "why": withheld_reason(k, s, published_before)}
                           for s in found.withheld]
    return out
