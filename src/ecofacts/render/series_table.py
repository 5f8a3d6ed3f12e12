"""`series` for people: a table per subject and metric, a row per year (gaps included), the preferred figure
marked, the other figures of the year under it, forecasts and targets apart; its sparkline in the title; the
breaks and the rule in notes under the tables. `--change`: one row per series."""

from __future__ import annotations

from typing import Any

COLUMNS = ["year", "figure", "status", "marks", "source"]
CHANGE_COLUMNS = ["subject", "metric", "from", "to", "change", "cagr", "why_not"]


def _rows(s: dict[str, Any]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for year in s["years"]:
        if not year["figures"]:
            rows.append({"year": year["year"], "figure": "no figure (gap)", "status": "", "marks": "",
                         "source": ""})
            continue
        for i, p in enumerate(year["figures"]):
            if p["on_line"]:
                marks = ["preferred", *(b for b in p["breaks"] if b != "gap")]
                if len(marks) > 1:
                    marks[1:] = ["break: " + ", ".join(marks[1:])]
            elif p["status"] == "measured":
                marks = ["alternative"]
            else:
                marks = ["off the line"]
            rows.append({"year": year["year"] if i == 0 else "", "figure": p["display"], "status": p["status"],
                         "marks": "; ".join(marks), "source": p["source"]["id"] if p["source"] else ""})
    for p in [*s["periods"], *s["undated"]]:
        rows.append({"year": p["year"] if p["year"] is not None else "undated", "figure": p["display"],
                     "status": p["status"], "marks": "off the line", "source": p["source"]["id"]})
    return rows


def render(doc: dict[str, Any], *, width: int | None, color: bool, ascii_only: bool) -> str:
    from ecofacts.figures import metric_label
    from ecofacts.render import table

    parts: list[str] = []
    notes: list[str] = []
    for s in doc["series"]:
        span = f"{s['first_year']}–{s['last_year']}" if s["first_year"] is not None else "no measured figure"
        spark = s["sparkline_ascii"] if ascii_only else s["sparkline"]
        title = f"{s['subject_name']}: {metric_label(s['metric'])}, {span}  {spark}".rstrip()
        parts.append(table.render_rows(_rows(s), COLUMNS, width=width, color=color, title=title))
        for year in s["years"]:
            for p in year["figures"]:
                notes += [f"{s['subject_name']} {year['year']}: {n}" for n in p["break_notes"]]
    if doc.get("withheld"):
        notes.append(f"--published-before {doc['published_before']}: {len(doc['withheld'])} figure(s) left out "
                     "(source undated or not known to be published by then): "
                     + ", ".join(f"{w['stat']} ({w['why']})" for w in doc["withheld"]))
    if doc["left_out"]:
        notes.append("metrics with figures of one year only, not shown (give --metric): " + ", ".join(doc["left_out"]))
    notes.append(doc["rule"])
    return "\n".join(parts) + "\n" + "".join(f"{note}\n" for note in notes)


def _change_row(c: dict[str, Any]) -> dict[str, Any]:
    from ecofacts.figures import group, significant

    if c["comparable"]:
        sign = "+" if c["absolute"] > 0 else ""
        shown = f"{sign}{group(c['absolute'])} {c['unit']}"
        cagr = f"{significant(c['cagr_percent'], 3)} % a year" if c["cagr_percent"] is not None else "—"
    else:
        shown, cagr = "not comparable", "—"
    why = list(c["why_not"]) + ([c["note"]] if c.get("note") else [])
    return {"subject": c["subject"], "metric": c["metric"], "from": f"{c['from']} {c['from_stat'] or ''}".strip(),
            "to": f"{c['to']} {c['to_stat'] or ''}".strip(), "change": shown, "cagr": cagr,
            "why_not": "; ".join(why)}


def render_changes(changes: list[dict[str, Any]], *, width: int | None, color: bool) -> str:
    from ecofacts.render import table

    return table.render_rows([_change_row(c) for c in changes], CHANGE_COLUMNS, width=width, color=color,
                             title="Change (only between comparable figures)")
