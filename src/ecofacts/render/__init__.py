"""Renderers: pure functions from JSON-ready documents to the text of one output format.

This is the one place that maps what a command prints (its *shape*) and the format asked for to a renderer:
`RENDERERS[shape][format]`. A command offers exactly the formats of its shape (`formats`); none of the
renderers touches stdout.

Shapes: `rows` (every listing: a list of rows and their default columns), `record` (`show`: one document with
its related sections), `comparison` (`compare`) and `report` (`check`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from typing import Any

from ecofacts.render import json_format
from ecofacts.render.blocks import Blocks


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    markdown = "markdown"
    # charts: `series` and `compare` only (see `formats`); svg and png are drawn from the vega-lite spec by the
    # optional extra `ecofacts[charts]` (`image`)
    vega_lite = "vega-lite"
    svg = "svg"
    png = "png"


# The formats written as bytes by `image`, never by `render`.
IMAGES = (Format.svg, Format.png)
# The formats of every listing (shape "rows"): no chart.
ROW_FORMATS = (Format.table, Format.json, Format.jsonl, Format.csv, Format.tsv, Format.markdown)


class TableOrJson(StrEnum):
    """The formats of a command that prints one document (`show`, `check`)."""

    table = "table"
    json = "json"


class Target:
    """Where the text goes: whether it can hold more than ASCII, its width (None: a pipe or a file with no width
    asked for, where a table gives each record one line, whole), whether to colour it; for
    `compare` whether to draw proportional bars (only on a colour terminal); for CSV and TSV whether to start
    with a byte-order mark (for spreadsheets); `screen` when a person reads it on a terminal (a table then
    moves a column that says the same on every row to its title, where a pipe keeps every value on its row,
    for `grep`). A table that must leave columns out to fit appends their keys to `dropped`, so that the caller
    can say so."""

    __slots__ = ("ascii_only", "bars", "bom", "color", "dropped", "screen", "width")

    def __init__(self, ascii_only: bool = False, width: int | None = None, color: bool = False,
                 bars: bool = False, bom: bool = False, screen: bool = False) -> None:
        self.ascii_only, self.width, self.color, self.bars, self.bom = ascii_only, width, color, bars, bom
        self.screen = screen
        self.dropped: list[str] = []


Rows = list[dict[str, Any]]


def _rows_json(data: Rows, target: Target, **_: Any) -> str:
    return json_format.render(data, ascii_only=target.ascii_only)


def _rows_jsonl(data: Rows, target: Target, **_: Any) -> str:
    return json_format.render_lines(data, ascii_only=target.ascii_only)


def _rows_delimited(delimiter: str) -> Callable[..., str]:
    def render(data: Rows, target: Target, *, columns: list[str], **_: Any) -> str:
        from ecofacts.render import delimited  # the csv module, only for CSV and TSV

        return delimited.render(data, columns, delimiter, bom=target.bom)

    return render


def _rows_markdown(data: Rows, target: Target, *, columns: list[str], **_: Any) -> str:
    from ecofacts.render import markdown

    return markdown.render(data, columns)


def _rows_table(data: Rows | Blocks, target: Target, *, columns: list[str], title: str | None = None,
                groups: list[str] | None = None, chosen: bool = False) -> str:
    """A listing as a table; `chosen` when the columns are those `--fields` named (all drawn, none left out)."""
    data = list(data) if isinstance(data, Blocks) else data  # drawn faster by `encoded`, where it can
    from ecofacts.render import table  # rich is imported only when a table is drawn

    if target.width is None:  # a pipe: records only, one a line, each group's name leading its rows
        if groups is not None:
            data = [{"group": name, **row} for name, row in zip(groups, data, strict=True)]
            columns = ["group", *columns]
        if not target.color:  # the same lines, made faster (a long listing repeats its values)
            from ecofacts.render import pipe_table

            return pipe_table.render(data, columns, show_header=False)
        return table.render_rows(data, columns, width=None, color=target.color, chosen=chosen, tidy=False,
                                 bare=True)
    if groups is None:
        drawn = table.render_rows(data, columns, width=target.width, color=target.color, title=title,
                                  dropped=target.dropped, chosen=chosen, tidy=target.screen)
        return drawn + table.trust_legend(data, columns, target.dropped, target.width)
    grouped: dict[str, Rows] = {}
    for name, row in zip(groups, data, strict=True):
        grouped.setdefault(name, []).append(row)
    drawn = "\n".join(table.render_rows(group, columns, width=target.width, color=target.color, title=name,
                                        dropped=target.dropped, chosen=chosen, tidy=target.screen)
                      for name, group in grouped.items())
    return drawn + table.trust_legend(data, columns, target.dropped, target.width)


def _document_json(doc: Any, target: Target, **_: Any) -> str:
    return json_format.render(doc, ascii_only=target.ascii_only)


def _record_table(doc: dict[str, Any], target: Target, **_: Any) -> str:
    from ecofacts.render import record_table

    return record_table.render_record(doc, width=target.width, color=target.color, dropped=target.dropped,
                               tidy=target.screen)


def _comparison_table(doc: dict[str, Any], target: Target, **_: Any) -> str:
    from ecofacts.render import comparison_table

    return comparison_table.render_comparison(doc, width=target.width, color=target.color, bars=target.bars)


def _comparison_flat(fmt: Format) -> Callable[..., str]:
    """compare in a row format for programs: tidy rows, one per metric, region and figure (`render.tidy`)."""

    def render(doc: dict[str, Any], target: Target, **_: Any) -> str:
        from ecofacts.render import tidy

        flat = tidy.comparison_rows(doc)
        columns = tidy.columns(flat)
        if fmt in (Format.csv, Format.tsv):  # a whole number keeps its ".0": the column reads as DOUBLE
            flat = [{k: repr(v) if isinstance(v, float) else v for k, v in row.items()} for row in flat]
        return RENDERERS["rows"][fmt](flat, target, columns=columns)

    return render


def _comparison_markdown(doc: dict[str, Any], target: Target, **_: Any) -> str:
    from ecofacts.render import markdown

    return markdown.render_comparison_markdown(doc)


def _report_text(doc: dict[str, Any], target: Target, **_: Any) -> str:
    """check: one line per problem, then per warning (the summary goes to stderr), control characters of the
    file's text made visible; on a terminal, wrapped between words at its width."""
    from ecofacts.render.cells import fitted
    from ecofacts.safe_text import visible

    lines = [*doc["problems"], *(f"warning: {w}" for w in doc["warnings"])]
    text = "".join(visible(line, keep_newlines=False) + "\n" for line in lines)
    return fitted(text, target.width) if target.screen else text


RENDERERS: dict[str, dict[Format, Callable[..., str]]] = {
    "rows": {Format.table: _rows_table, Format.json: _rows_json, Format.jsonl: _rows_jsonl,
             Format.csv: _rows_delimited(","), Format.tsv: _rows_delimited("\t"), Format.markdown: _rows_markdown},
    "record": {Format.table: _record_table, Format.json: _document_json},
    "comparison": {Format.table: _comparison_table, Format.json: _document_json,
                   **{f: _comparison_flat(f) for f in (Format.jsonl, Format.csv, Format.tsv)},
                   Format.markdown: _comparison_markdown},
    "report": {Format.table: _report_text, Format.json: _document_json},
}


# --- citing, verifying and publishing: `show ID --context` (shape "passage") ---------------------------------


def _passage_table(doc: dict[str, Any], target: Target, **_: Any) -> str:
    from ecofacts.render import passage_table

    return passage_table.render(doc, width=target.width, color=target.color)


RENDERERS["passage"] = {Format.table: _passage_table, Format.json: _document_json}


# --- time: `series` (shape "series"), its `--change` (shape "changes"), and charts -----------------------------


def _series_table(doc: dict[str, Any], target: Target, **_: Any) -> str:
    from ecofacts.render import series_table

    return series_table.render(doc, width=target.width, color=target.color, ascii_only=target.ascii_only)


def _series_points(fmt: Format) -> Callable[..., str]:
    """series in a row format: its points, one row per figure (`series.point`)."""

    def render(doc: dict[str, Any], target: Target, **_: Any) -> str:
        points = doc["points"]
        return RENDERERS["rows"][fmt](points, target, columns=list(points[0]) if points else ["subject"])

    return render


def _series_vega_lite(doc: dict[str, Any], target: Target, **_: Any) -> str:
    from ecofacts.render import chart

    return chart.series_spec(doc)


def _comparison_vega_lite(doc: dict[str, Any], target: Target, **_: Any) -> str:
    from ecofacts.render import chart

    return chart.compare_spec(doc)


def _changes_table(data: Rows, target: Target, **_: Any) -> str:
    from ecofacts.render import series_table

    return series_table.render_changes(data, width=target.width, color=target.color)


def _changes_rows(fmt: Format) -> Callable[..., str]:
    def render(data: Rows, target: Target, **_: Any) -> str:
        return RENDERERS["rows"][fmt](data, target, columns=list(data[0]) if data else ["subject"])

    return render


RENDERERS["series"] = {Format.table: _series_table,
                       **{f: _series_points(f) for f in ROW_FORMATS if f is not Format.table},
                       Format.vega_lite: _series_vega_lite}
RENDERERS["comparison"][Format.vega_lite] = _comparison_vega_lite
RENDERERS["changes"] = {Format.table: _changes_table,
                        **{f: _changes_rows(f) for f in ROW_FORMATS if f is not Format.table}}


def formats(shape: str) -> list[Format]:
    """The formats a command of this shape prints (its `--format` option offers exactly these): a shape with a
    Vega-Lite chart also draws it as SVG and PNG."""
    offered = set(RENDERERS[shape]) | (set(IMAGES) if Format.vega_lite in RENDERERS[shape] else set())
    return [f for f in Format if f in offered]


def render(shape: str, fmt: Format, data: Any, target: Target, **options: Any) -> str:
    """`data` of `shape` as `fmt` text. `rows` take `columns` (the table's, or the keys chosen), and for tables
    `title` or `groups` (one group name per row); they may come as any iterable. Images: see `image`."""
    if fmt not in RENDERERS[shape]:
        from ecofacts.errors import UsageError

        offered = ", ".join(f.value for f in formats(shape))
        raise UsageError(f"--format {fmt.value} is not offered here; choose from: {offered}")
    return RENDERERS[shape][fmt](list(data) if shape == "rows" else data, target, **options)


def encoded(shape: str, fmt: Format, data: Any, target: Target, **options: Any) -> Iterator[bytes] | None:
    """What `render` gives, encoded as UTF-8 in chunks, where it is made faster as bytes: a table of `Blocks` in
    a pipe, without colour or groups (`pipe_table.render_blocks`). None elsewhere (`render` then)."""
    if (shape == "rows" and fmt is Format.table and isinstance(data, Blocks) and target.width is None
            and not target.color and options.get("groups") is None):
        from ecofacts.render import pipe_table

        return pipe_table.render_blocks(data, options["columns"])
    return None


def image(shape: str, fmt: Format, data: Any, target: Target) -> bytes:
    """`data` of a charted shape drawn as SVG or PNG (its Vega-Lite spec through vl-convert, the optional extra
    `ecofacts[charts]`; `chart.MissingExtra` without it)."""
    from ecofacts.render import chart

    return chart.to_image(render(shape, Format.vega_lite, data, target), fmt.value)


def stream(shape: str, fmt: Format, data: Any, target: Target, **options: Any) -> Iterator[str]:
    """`render`, as chunks of text: rows as JSON or JSON Lines one row at a time, so that a listing of 100,000
    statistics is written as it is built, never held whole (`data` may then be any iterable of rows; `Blocks`:
    each distinct row made once, written a megabyte at a time)."""
    if shape == "rows" and fmt in (Format.json, Format.jsonl) and isinstance(data, Blocks):
        blocks = json_format.block_chunks if fmt is Format.json else json_format.block_line_chunks
        yield from blocks(data, ascii_only=target.ascii_only)
    elif shape in ("rows", "series") and fmt in (Format.json, Format.jsonl):
        chunks = json_format.chunks if fmt is Format.json else json_format.line_chunks
        yield from chunks(data if shape == "rows" else data["points"], ascii_only=target.ascii_only)
    else:
        yield render(shape, fmt, data, target, **options)


def select(rows: Iterable[dict[str, Any]], fields: list[str] | None) -> Iterator[dict[str, Any]]:
    """Only the keys `fields` of each row (all of them when None), row by row."""
    for row in rows:
        yield {key: row.get(key) for key in fields} if fields else row
