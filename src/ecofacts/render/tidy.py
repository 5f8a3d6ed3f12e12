"""`compare` for programs: one row per metric, region and figure, every column of one type ("tidy" data).

`compare --format csv|tsv|jsonl` write these rows, so that duckdb and pandas read `value` and `value_max` as
numbers (DOUBLE: written with a decimal point even when whole) and `year` as an integer (BIGINT), with no
footnote markers or words inside a number. The columns, always the same and in this order (an empty comparison
has the same header):

- `metric`: the metric's id (for a row counted in the knowledge base, what is counted: "organisations recorded");
- `metric_label`: the metric in words (the statistics' own label where they share one);
- `region`: the region's id;
- `value`, `value_max`: the figure (the upper end of a range, else empty); with `--per-capita`, the figure
  divided by the population (`unit` says per how many inhabitants);
- `unit`, `year` (a period by its last year; the period itself is in `note`), `status` (measured, forecast,
  target; empty for a count);
- `provenance`: "quoted" from a document we hold, "reported" by a public page, "counted" in this knowledge base;
- `source`: the source's id;
- `note`: what else a reader must know of this figure: its qualifier, its period, the source it cites, the
  population it was divided by, or that the region has no figure (its value then empty);
- `trust`: how far the figure can be trusted (`docs/trust.md`); empty for a count or a missing figure.

A region without a figure for a metric still gets its row (value empty), so that every metric has a row for
every region.
"""

from __future__ import annotations

from typing import Any

from ecofacts.figures import count_label, display_value, row_label

COLUMNS = ["metric", "metric_label", "region", "value", "value_max", "unit", "year", "status", "provenance",
           "source", "note", "trust"]


def columns(rows: list[dict[str, Any]]) -> list[str]:
    """The header, the same for every result, an empty one included."""
    return COLUMNS


def _number(value: Any) -> float | None:
    return None if value is None or isinstance(value, bool) else float(value)


def _year(year: Any) -> int | None:
    """A year as an integer: a period ("2016-2021") by its last year."""
    if year is None or isinstance(year, int):
        return year
    return int(str(year).rpartition("-")[2])


def _figure(row: dict[str, Any], label: str, region: str, cell: dict[str, Any]) -> dict[str, Any]:
    notes = []
    if cell.get("qualifier"):
        notes.append(f"qualifier: {cell['qualifier']}")
    if isinstance(cell.get("year"), str):
        notes.append(f"period {cell['year']}")
    if cell.get("cited_source"):
        notes.append(f"citing {cell['cited_source']}")
    value, value_max, unit = cell.get("value"), cell.get("value_max"), cell.get("unit")
    share = cell.get("per_capita", False)
    if share is None:
        value = value_max = None
        notes.append(f"no population recorded to divide {display_value(cell)} by")
    elif share is not False:
        notes.append(f"{display_value(cell)} divided by the population of {share['population_year']}, "
                     f"{share['population']:,.0f} ({share['population_stat']})")
        value, value_max, unit = share["value"], share["value_max"], share["unit"]
    out = {
        "metric": row["metric"], "metric_label": label, "region": region,
        "value": _number(value), "value_max": _number(value_max), "unit": unit, "year": _year(cell.get("year")),
        "status": cell.get("status"), "provenance": cell.get("provenance"), "source": cell.get("source"),
        "note": "; ".join(notes) or None, "trust": cell.get("trust"),
    }
    return out


def comparison_rows(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The comparison document (`comparison_dict`) as tidy rows (see the module's text)."""
    rows: list[dict[str, Any]] = []
    for row in doc["rows"]:
        statistic = row["kind"] == "statistic"
        label = row_label({**row, "year": None}) if statistic else count_label(row["metric"])
        for region in doc["regions"]:
            value = row["values"][region["id"]]
            if not statistic:
                rows.append({"metric": row["metric"], "metric_label": label, "region": region["id"],
                             "value": _number(value), "value_max": None, "unit": "records", "year": None,
                             "status": None, "provenance": "counted", "source": None, "note": None,
                             "trust": None})
            elif not value:
                rows.append({"metric": row["metric"], "metric_label": label, "region": region["id"],
                             "value": None, "value_max": None, "unit": None, "year": _year(row.get("year")),
                             "status": None, "provenance": None, "source": None,
                             "note": "no figure recorded for this region", "trust": None})
            else:
                rows += [_figure(row, label, region["id"], cell) for cell in value]
    return rows
