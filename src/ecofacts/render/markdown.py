"""A GitHub pipe table: `|` escaped, line breaks as <br>, so every value stays in its cell.

Lists of plain values are joined with '; ' for people; nested records (events, conflicts, counts by kind) are
JSON text; a referenced record is its id (`cells.markdown_cell`).
"""

from __future__ import annotations

import re
from typing import Any

from ecofacts.figures import figure, row_label
from ecofacts.render.cells import EMPTY, header, markdown_cell, source_line
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


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")


def _md(text: Any) -> str:
    """Text whose Markdown characters (emphasis, code, link brackets) are escaped: it can make no link."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def footnote_line(note: dict[str, Any]) -> str:
    """'[2] Title (Publisher, 2025) [id], citing Study (Agency, 2024-03) [study-id]'."""
    text = f"[{note['number']}] " + (source_line(note["source"], _md) if note.get("source") else EMPTY)
    if note.get("cited_source"):
        text += f", citing {source_line(note['cited_source'], _md)}"
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
