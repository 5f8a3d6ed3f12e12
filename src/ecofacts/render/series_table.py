"""`series` for people: a table per subject and metric, a row per year (gaps included), the preferred figure
marked, the other figures of the year under it, forecasts and targets apart; its sparkline in the title; the
breaks and the rule in notes under the tables. `--change`: one row per series."""

from __future__ import annotations

from typing import Any

from ecofacts.render.cells import source_line

COLUMNS = ["year", "figure", "note", "source"]
CHANGE_COLUMNS = ["series", "years", "change", "per_year"]
LEGEND = ("The figure on a year's row is its preferred one (the line); 'alternative': another figure of that year; "
          "'off the line': a forecast, a target, a period or an undated figure; a break: the publisher, "
          "definition or unit changes there.")


def _rows(s: dict[str, Any], notes: dict[str, int]) -> list[dict[str, Any]]:
    """The table's rows; each source numbered in `notes` (source id -> footnote number) as first met."""
    rows: list[dict[str, Any]] = []

    def number(p: dict[str, Any]) -> str:
        src = p["source"]["id"] if p["source"] else ""
        return f"[{notes.setdefault(src, len(notes) + 1)}]" if src else ""

    gap: list[int] = []

    def close_gap() -> None:
        if gap:
            years = str(gap[0]) if len(gap) == 1 else f"{gap[0]}–{gap[-1]}"
            rows.append({"year": years, "figure": "no figure (gap)", "note": "", "source": ""})
            gap.clear()

    for year in s["years"]:
        if not year["figures"]:
            gap.append(year["year"])
            continue
        close_gap()
        for i, p in enumerate(year["figures"]):
            if p["on_line"]:
                marks = [b for b in p["breaks"] if b != "gap"]
                note = "break: " + ", ".join(marks) if marks else ""
            elif p["status"] == "measured":
                note = "alternative"
            else:
                note = f"{p['status']}, off the line"
            if i == 0 and not p["on_line"]:
                note = "no measured figure; " + note
            rows.append({"year": year["year"] if i == 0 else "", "figure": p["display"], "note": note,
                         "source": number(p)})
    close_gap()
    for p in [*s["periods"], *s["undated"]]:
        rows.append({"year": p["year"] if p["year"] is not None else "undated", "figure": p["display"],
                     "note": f"{p['status']}, off the line", "source": number(p)})
    return rows


def render(doc: dict[str, Any], *, width: int | None, color: bool, ascii_only: bool) -> str:
    from ecofacts.figures import metric_label
    from ecofacts.render import layout, table

    parts: list[str] = []
    notes: list[str] = []
    numbers: dict[str, int] = {}
    sources: dict[str, dict[str, Any]] = {p["source"]["id"]: p["source"] for p in doc["points"] if p["source"]}
    for s in doc["series"]:
        first, last = s["first_year"], s["last_year"]
        span = "no measured figure" if first is None else str(first) if first == last else f"{first}–{last}"
        spark = s["sparkline_ascii"] if ascii_only else s["sparkline"]
        title = f"{s['subject_name']}: {metric_label(s['metric'])}, {span}  {spark}".rstrip()
        parts.append(table.render_rows(_rows(s, numbers), COLUMNS, width=width, color=color, title=title))
        for year in s["years"]:
            for p in year["figures"]:
                notes += [f"{s['subject_name']} {year['year']}: {n}" for n in p["break_notes"]]
    if doc.get("withheld"):
        notes.append(f"--published-before {doc['published_before']}: {len(doc['withheld'])} figure(s) left out "
                     "(source undated or not known to be published by then): "
                     + ", ".join(f"{w['stat']} ({w['why']})" for w in doc["withheld"]))
    if doc["left_out"]:
        notes.append("metrics with figures of one year only, not shown (give --metric): " + ", ".join(doc["left_out"]))
    notes += [LEGEND, doc["rule"], "Sources:"]
    notes += [f"[{n}] {source_line(sources[sid])}" for sid, n in numbers.items()]
    # the notes wrapped between words to the width (a terminal would cut a word in two), one line each in a pipe
    return "\n".join(parts) + "\n" + "".join(f"{line}\n" for note in notes for line in layout.fill(note, width))


def _change_row(c: dict[str, Any]) -> dict[str, Any]:
    from ecofacts.figures import display_value, group, metric_label, significant

    if c["comparable"]:
        sign = "+" if c["absolute"] > 0 else ""
        shown = sign + (f"{group(c['absolute'])} {c['unit']}" if c["unit"] == "percentage points"
                        else display_value({"value": c["absolute"], "unit": c["unit"]}))
        per_year = f"{significant(c['cagr_percent'], 3)} % a year" if c["cagr_percent"] is not None else "—"
    else:
        shown, per_year = "not comparable", "—"
    return {"series": f"{c['subject_name']}: {metric_label(c['metric'])}", "years": f"{c['from']} → {c['to']}",
            "change": shown, "per_year": per_year}


def render_changes(changes: list[dict[str, Any]], *, width: int | None, color: bool) -> str:
    """The changes, then what each compared (its statistics) or why it could not."""
    from ecofacts.render import layout, table

    text = table.render_rows([_change_row(c) for c in changes], CHANGE_COLUMNS, width=width, color=color,
                             title="Change, only between comparable figures (per_year: compound annual rate)")
    notes = []
    for c in changes:
        what = f"{_change_row(c)['series']}, {c['from']}..{c['to']}"  # which series, as its row names it
        if c["comparable"]:
            notes.append(f"{what}: {c['from_stat']} → {c['to_stat']}")
        notes += [f"{what}: not comparable: {why}" for why in c["why_not"]] if not c["comparable"] else \
            [f"{what}: {why}" for why in c["why_not"]]
        if c.get("note"):
            notes.append(f"{what}: {c['note']}")
    return text + "".join(f"{line}\n" for note in notes for line in layout.fill(note, width))
