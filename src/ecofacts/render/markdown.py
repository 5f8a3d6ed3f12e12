"""A GitHub pipe table: `|` escaped, line breaks as <br>, so every value stays in its cell.

Lists of plain values are joined with '; ' for people; nested records (events, conflicts, counts by kind) are
JSON text; a referenced record is its id (`cells.markdown_cell`).
"""

from __future__ import annotations

import re
from typing import Any

from ecofacts.figures import figure, row_label
from ecofacts.render.cells import EMPTY, header, markdown_cell
from ecofacts.safe_text import visible


def html_escaped(text: str) -> str:
    """`&`, `<` and `>` as HTML entities: Markdown passes raw HTML through, so text from the knowledge file must
    never reach it as tags (`<script>`, `<img onerror=...>`)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape(text: str) -> str:
    """One cell's text: control characters as visible escapes, HTML escaped, `|` and `\\` escaped, line breaks
    as <br>."""
    return (html_escaped(visible(text)).replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>")
            .replace("\n", "<br>"))


def _table(head: list[str], body: list[list[str]]) -> list[str]:
    lines = [
        "| " + " | ".join(_escape(h) for h in head) + " |",
        "|" + "|".join(" --- " for _ in head) + "|",
    ]
    return lines + ["| " + " | ".join(_escape(c) for c in row) + " |" for row in body]


def render(rows: list[dict[str, Any]], columns: list[str]) -> str:
    body = [[markdown_cell(row.get(c)) for c in columns] for row in rows]
    return "\n".join(_table([header(c) for c in columns], body)) + "\n"


def comparison_rows(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """`compare` flattened for CSV, TSV and JSON Lines: one row per metric.

    Keys: `metric` (in words), `metric_id`, `kind` ('statistic' or 'count'), then per region id `<id>` (the
    figures as people read them, each with its footnote number: a list for a statistic, the number for a count)
    and `<id>_sources` (the ids of the sources behind that cell's footnotes, cited studies included).
    """
    flat = []
    for row in doc["rows"]:
        statistic = row["kind"] == "statistic"
        out: dict[str, Any] = {
            "metric": row_label(row),
            "metric_id": row["metric"], "kind": row["kind"], "year": row.get("year"),
        }
        for region in doc["regions"]:
            value = row["values"][region["id"]]
            if statistic:
                out[region["id"]] = [figure(c, row.get("year")) for c in value]
                ids: list[str] = []
                for c in value:
                    ids += [s for s in (c.get("source"), c.get("cited_source")) if s and s not in ids]
                out[f"{region['id']}_sources"] = ids
            else:
                out[region["id"]] = value
                out[f"{region['id']}_sources"] = []
        out["notes"] = row.get("notes", [])
        flat.append(out)
    return flat


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")


def _md(text: Any) -> str:
    """Text whose Markdown characters (emphasis, code, link brackets) are escaped: it can make no link."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def source_line(src: dict[str, Any]) -> str:
    """A source as a footnote names it: title (publisher, date) [id], each part escaped for Markdown."""
    extra = ", ".join(_md(x) for x in (src.get("publisher"), src.get("date")) if x)
    return f"{_md(src['title'])}" + (f" ({extra})" if extra else "") + f" [{_md(src['id'])}]"


def footnote_line(note: dict[str, Any]) -> str:
    """'[2] Title (Publisher, 2025) [id], citing Study (Agency, 2024-03) [study-id]'."""
    text = f"[{note['number']}] " + (source_line(note["source"]) if note.get("source") else EMPTY)
    if note.get("cited_source"):
        text += f", citing {source_line(note['cited_source'])}"
    return text


def render_comparison_markdown(doc: dict[str, Any]) -> str:
    """`compare` as a pipe table (metric in words, a column per region, figures with footnote numbers), then
    every footnote naming its source: title, publisher, date, id and the study it cites."""
    regions = doc["regions"]
    body = []
    for row in doc["rows"]:
        if row["kind"] == "statistic":
            cells = ["; ".join(figure(c, row.get("year")) for c in row["values"][r["id"]]) or EMPTY for r in regions]
            body.append([row_label(row), *cells])
        else:
            body.append([row_label(row), *(str(row["values"][r["id"]]) for r in regions)])
    lines = _table(["metric", *(r["name"] for r in regions)], body)
    remarks = [f"{row_label(row)}: {note}" for row in doc["rows"] for note in row.get("notes", [])]
    if doc.get("per_capita"):
        remarks.insert(0, f"per inhabitant = {doc['per_capita']['formula']}")
    if remarks:
        lines += ["", "Comparability:", ""] + [html_escaped(visible(f"- {r}", keep_newlines=False)) for r in remarks]
    if doc.get("footnotes"):
        lines += ["", "Sources:", ""]
        lines += [html_escaped(visible(f"- {footnote_line(n)}", keep_newlines=False)) for n in doc["footnotes"]]
    return "\n".join(lines) + "\n"
