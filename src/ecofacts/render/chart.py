"""Charts to paste into a report: `series` and `compare` as a Vega-Lite v5 spec (plain JSON, the data inline),
and that spec drawn as SVG or PNG by vl-convert (the optional extra `ecofacts[charts]`, imported only here and
only when an image is asked for).

A chart carries what the table does: a title, the unit on the value axis and the years on the other, every
plotted figure labelled as the knowledge says it ("3.5 % of GDP"), forecasts and targets marked apart from the
measured line, breaks (publisher, definition, unit) marked, and under the chart, as text, every plotted figure's
source and the version of the knowledge. The same document always gives the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
WIDTH = 560
EXTRA = "charts"  # pip install 'ecofacts[charts]'


class MissingExtra(Exception):
    """vl-convert is not installed: the message names the extra that brings it."""


def _sources_view(lines: list[str]) -> dict[str, Any]:
    """The sources as text under the chart, one line each."""
    return {
        "width": WIDTH, "height": 14 * len(lines),
        "data": {"values": [{"n": i, "line": line} for i, line in enumerate(lines)]},
        "mark": {"type": "text", "align": "left", "baseline": "top", "fontSize": 10},
        "encoding": {"x": {"value": 0}, "y": {"field": "n", "type": "ordinal", "axis": None},
                     "text": {"field": "line", "type": "nominal"}},
        "view": {"stroke": None},
    }


def _version_line(doc: dict[str, Any]) -> list[str]:
    version = doc.get("knowledge")
    if not version:
        return []
    return [f"Knowledge: ecofacts {version['ecofacts']}, knowledge file {version['knowledge']}"]


def _source_text(src: dict[str, Any] | None) -> str:
    if src is None:
        return "(no source)"
    parts = [src.get("publisher") or "", f"“{src.get('title')}”", src.get("date") or "undated", src.get("url") or ""]
    return ", ".join(p for p in parts if p)


def _spec(title: str, views: list[dict[str, Any]], lines: list[str]) -> str:
    spec: dict[str, Any] = {
        "$schema": SCHEMA,
        "title": {"text": title, "anchor": "start"},
        "vconcat": [*views, _sources_view(lines)],
        "config": {"view": {"continuousWidth": WIDTH}, "font": "sans-serif"},
    }
    return json.dumps(spec, ensure_ascii=False, indent=2) + "\n"


# --- series --------------------------------------------------------------------------------------------------


def _series_values(doc: dict[str, Any], numbers: dict[str, int]) -> list[dict[str, Any]]:
    """One value per plotted figure; the line's points carry a `segment` that changes after each gap (a line
    is drawn per segment, so a gap stays a gap), and one value per year with a break says whose."""
    values = []
    breaks: dict[tuple[str, int], list[str]] = {}
    for s in doc["series"]:
        segment = 0
        for year in s["years"]:
            if year["gap"]:
                segment += 1
            for p in year["figures"]:
                kind = ("line" if p["on_line"] else p["status"] if p["status"] != "measured" else "alternative")
                marks = ", ".join(b for b in p["breaks"] if b != "gap")
                if marks:
                    breaks.setdefault((s["metric"], year["year"]), []).append(f"{s['subject_name']}: {marks}")
                values.append({"subject": s["subject_name"], "metric": s["metric"], "year": year["year"],
                               "value": p["value"], "kind": kind, "segment": f"{s['subject_name']} {segment}",
                               "label": f"{p['display']} [{numbers[p['stat']]}]", "status": p["status"]})
    for (metric, year), whose in breaks.items():
        values.append({"metric": metric, "year": year, "kind": "break", "break": "break: " + "; ".join(whose)})
    return values


def series_spec(doc: dict[str, Any]) -> str:
    """`series` as a Vega-Lite v5 spec: a chart per metric, a line per subject through its preferred figures,
    forecasts and targets as hollow triangles off the line, other figures of a year as small grey dots, breaks
    as a dashed rule with its words; every point labelled with its figure and footnote; sources below."""
    from ecofacts.figures import metric_label

    numbers: dict[str, int] = {}
    lines: list[str] = []
    for p in doc["points"]:
        if isinstance(p["year"], int) and p["stat"] not in numbers:
            numbers[p["stat"]] = len(numbers) + 1
            lines.append(f"[{numbers[p['stat']]}] {p['subject_name']} {p['year']}: {p['display']} "
                         f"({p['status']}) — {_source_text(p['source'])}")
    lines += _version_line(doc)
    values = _series_values(doc, numbers)
    metrics = list(dict.fromkeys(s["metric"] for s in doc["series"]))
    views = []
    for metric in metrics:
        units = list(dict.fromkeys(p["unit"] for p in doc["points"] if p["metric"] == metric))
        data = [v for v in values if v["metric"] == metric]
        x = {"field": "year", "type": "quantitative", "title": "year",
             "axis": {"format": "d", "tickMinStep": 1}, "scale": {"zero": False}}
        y = {"field": "value", "type": "quantitative", "title": " / ".join(units), "scale": {"zero": False}}
        color = {"field": "subject", "type": "nominal", "title": "subject"}
        views.append({
            **({"title": metric_label(metric)} if len(metrics) > 1 else {}),
            "width": WIDTH, "height": 260,
            "data": {"values": data},
            "layer": [
                {"transform": [{"filter": "datum.kind === 'line'"}],
                 "mark": {"type": "line", "point": True},
                 "encoding": {"x": x, "y": y, "color": color, "detail": {"field": "segment", "type": "nominal"}}},
                {"transform": [{"filter": "datum.kind === 'forecast' || datum.kind === 'target'"}],
                 "mark": {"type": "point", "shape": "triangle-up", "filled": False, "size": 80},
                 "encoding": {"x": x, "y": y, "color": color}},
                {"transform": [{"filter": "datum.kind === 'alternative'"}],
                 "mark": {"type": "point", "filled": True, "size": 20, "color": "#999999"},
                 "encoding": {"x": x, "y": y}},
                {"transform": [{"filter": "isValid(datum.break)"}],
                 "mark": {"type": "rule", "strokeDash": [4, 3], "color": "#888888"},
                 "encoding": {"x": x}},
                {"transform": [{"filter": "isValid(datum.break)"}],
                 "mark": {"type": "text", "angle": 270, "align": "left", "dx": 4, "dy": -4, "fontSize": 9,
                          "color": "#666666"},
                 "encoding": {"x": x, "y": {"value": 256}, "text": {"field": "break", "type": "nominal"}}},
                {"transform": [{"filter": "datum.kind !== 'break'"}],
                 "mark": {"type": "text", "dy": -9, "fontSize": 9},
                 "encoding": {"x": x, "y": y, "text": {"field": "label", "type": "nominal"},
                              "color": {"condition": {"test": "datum.kind === 'alternative'", "value": "#777777"},
                                        "value": "#222222"}}},
            ],
        })
    subjects = ", ".join(dict.fromkeys(s["subject_name"] for s in doc["series"]))
    title = f"{', '.join(metric_label(m) for m in metrics)}: {subjects}"
    legend = ("Line: the preferred measured figure of each year; a gap is a year without one. Triangles: forecasts "
              "and targets (off the line). Grey dots: other figures of a year. Dashed rule: a break (publisher, "
              "definition or unit changes).")
    return _spec(title, views, [legend, "Sources:", *lines])


# --- compare -------------------------------------------------------------------------------------------------


def compare_spec(doc: dict[str, Any]) -> str:
    """`compare` as a Vega-Lite v5 spec: a bar chart per metric row, a bar per region's figure (several when
    pages disagree), labelled with the figure, its year and footnote; forecasts and targets hatched-light;
    a row whose figures have different units is left out and said so. Sources below."""
    from ecofacts.figures import display_value, row_label

    names = {r["id"]: r["name"] for r in doc["regions"]}
    views = []
    lines: list[str] = []
    for row in doc["rows"]:
        if row["kind"] != "statistic":
            continue
        cells = [(rid, c) for rid, cs in row["values"].items() for c in cs or ()]
        units = list(dict.fromkeys(c["unit"] for _, c in cells))
        if len(units) > 1:
            lines.append(f"Not drawn: {row_label(row)}: its figures have different units ({', '.join(units)}).")
            continue
        data = []
        for rid, c in cells:
            shown = display_value(c)
            year = f" ({c['year']})" if c.get("year") is not None else " (undated)"
            status = "" if c["status"] == "measured" else f" {c['status']}"
            data.append({"bar": f"{names[rid]} [{c['footnote']}]", "value": c["value"], "status": c["status"],
                         "label": f"{shown}{year}{status} [{c['footnote']}]"})
        views.append({
            "title": {"text": row_label(row), "subtitle": row["notes"] or ""},
            "width": WIDTH, "height": 40 + 28 * len(data),
            "data": {"values": data},
            "encoding": {"y": {"field": "bar", "type": "nominal", "title": None, "sort": None},
                         "x": {"field": "value", "type": "quantitative", "title": units[0] if units else ""}},
            "layer": [
                {"mark": {"type": "bar"},
                 "encoding": {"opacity": {"condition": {"test": "datum.status !== 'measured'", "value": 0.35},
                                          "value": 1},
                              "strokeDash": {"condition": {"test": "datum.status !== 'measured'", "value": [4, 2]},
                                             "value": [1, 0]},
                              "stroke": {"value": "#333333"}}},
                {"mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 9},
                 "encoding": {"text": {"field": "label", "type": "nominal"}}},
            ],
        })
    for note in doc["footnotes"]:
        cited = f" (citing {_source_text(note['cited_source'])})" if note.get("cited_source") else ""
        lines.append(f"[{note['number']}] {_source_text(note['source'])}{cited}")
    lines += _version_line(doc)
    title = "Compared: " + ", ".join(r["name"] for r in doc["regions"])
    legend = "Each bar is one region's figure, its year beside it; pale dashed bars are forecasts or targets."
    return _spec(title, views, [legend, "Sources:", *lines])


# --- images --------------------------------------------------------------------------------------------------


def to_image(spec: str, fmt: str) -> bytes:
    """The spec drawn as 'svg' (UTF-8 text) or 'png', by vl-convert; MissingExtra when it is not installed."""
    try:
        import vl_convert  # the optional extra: only here, only for an image
    except ImportError:
        raise MissingExtra(f"--format {fmt} needs the optional charts extra: pip install 'ecofacts[{EXTRA}]' "
                           "(or use --format vega-lite)") from None
    if fmt == "svg":
        return str(vl_convert.vegalite_to_svg(spec)).encode("utf-8")
    return bytes(vl_convert.vegalite_to_png(spec, scale=2))
