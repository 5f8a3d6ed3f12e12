"""Renderers: pure functions from rows (JSON-ready dicts) to the text of one output format.

`render_rows` maps each `Format` to its renderer in one place; none of them touches stdout.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from ecofacts.render import json_format, markdown


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    markdown = "markdown"


def render_rows(
    fmt: Format,
    rows: list[dict[str, Any]],
    columns: list[str],
    *,
    fields: list[str] | None = None,
    ascii_only: bool = False,
    width: int | None = None,
    color: bool = False,
    title: str | None = None,
    group_by: str | None = None,
) -> str:
    """The rows in `fmt`. Machine formats carry every key (or `fields`); tables and CSV carry `columns`
    (or `fields`)."""
    keys = [str(row.get(group_by)) for row in rows] if group_by else []
    if fields:
        rows = [{key: row.get(key) for key in fields} for row in rows]
    if fmt is Format.json:
        return json_format.render(rows, ascii_only=ascii_only)
    if fmt is Format.jsonl:
        return json_format.render_lines(rows, ascii_only=ascii_only)
    shown = fields or columns
    if fmt in (Format.csv, Format.tsv):
        from ecofacts.render import delimited  # the csv module, only for CSV and TSV

        return delimited.render(rows, shown, "," if fmt is Format.csv else "\t")
    if fmt is Format.markdown:
        return markdown.render(rows, shown)
    from ecofacts.render import table  # rich is imported only when a table is drawn

    if group_by:
        groups: dict[str, list[dict[str, Any]]] = {}
        for key, row in zip(keys, rows, strict=True):
            groups.setdefault(key, []).append(row)
        return "\n".join(table.render_rows(group, shown, width=width, color=color, title=name)
                         for name, group in groups.items())
    return table.render_rows(rows, shown, width=width, color=color, title=title)
