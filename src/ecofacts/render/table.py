"""Rich tables for people. Every value goes in as `Text`, so `[red]` or `:smile:` in the data stays literal;
columns fold long values instead of cutting them to "…"."""

from __future__ import annotations

import io
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text as RichText

from ecofacts.render.cells import EMPTY, cell, header
from ecofacts.safe_text import visible


def Text(text: str = "", style: str = "") -> RichText:  # stands in for rich's Text
    """Every text of a table, its control characters as visible escapes (rich keeps ESC and bidi controls)."""
    return RichText(visible(text), style=style)

BAR_WIDTH = 12


def _console(width: int | None, color: bool) -> Console:
    return Console(
        file=io.StringIO(), width=width or 80, force_terminal=color, no_color=not color,
        color_system="standard" if color else None, highlight=False, markup=False, emoji=False,
        soft_wrap=False, legacy_windows=False,
    )


def _to_text(renderable: RenderableType, width: int | None, color: bool) -> str:
    console = _console(width, color)
    console.print(renderable)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in out.splitlines()) + "\n"


def _table(color: bool, title: str | None = None) -> Table:
    return Table(
        title=title, title_justify="left", box=box.ROUNDED if color else None,
        header_style="bold" if color else "", show_edge=color, pad_edge=False, expand=False,
    )


def render_rows(rows: list[dict[str, Any]], columns: list[str], *, width: int | None, color: bool,
                title: str | None = None) -> str:
    table = _table(color, title)
    for key in columns:
        table.add_column(header(key), overflow="fold")
    for row in rows:
        table.add_row(*(Text(cell(row.get(key), EMPTY)) for key in columns))
    return _to_text(table, width, color)


def render_record(doc: dict[str, Any], *, width: int | None, color: bool) -> str:
    """`show`: the record as a two-column grid, then one table per group of related records."""
    record = doc["record"]
    grid = Table(box=box.ROUNDED if color else None, show_header=False, show_edge=color, pad_edge=False,
                 title=Text(f"{doc['kind']}: {record.get('name') or record.get('title') or record['id']}",
                            style="bold" if color else ""), title_justify="left")
    grid.add_column("field", style="bold" if color else "", no_wrap=True)
    grid.add_column("value", overflow="fold")
    for key, value in record.items():
        if value is None or value == [] or (key.endswith("_name") and key.removesuffix("_name") in record):
            continue
        display = _long_cell(value)
        if record.get(f"{key}_name"):
            display = f"{record[key + '_name']} ({value})"
        grid.add_row(Text(header(key)), Text(display))
    parts: list[RenderableType] = [grid]
    for name, section in doc.get("related", {}).items():
        if not section["rows"]:
            continue
        shown = len(section["rows"])
        table = _table(color, f"{name} ({shown} of {section['total']})" if "total" in section else f"{name} ({shown})")
        for key in section["columns"]:
            table.add_column(header(key), overflow="fold")
        for row in section["rows"]:
            table.add_row(*(Text(cell(row.get(key), EMPTY)) for key in section["columns"]))
        parts += [Text(""), table]
    return _to_text(Group(*parts), width, color)


def _long_cell(value: Any) -> str:
    """Nested facts (events, conflicts) spelled out one per line, with their sources."""
    if isinstance(value, list) and value and isinstance(value[0], dict):
        lines = []
        for item in value:
            if "claims" in item:
                lines.append(f"{item['about']}:")
                lines += [f"  - {c['says']} [{cell(c['sources'])}]" for c in item["claims"]]
            elif "kind" in item and "text" in item:
                when = item["year"] if item.get("year") is not None else "undated"
                lines.append(f"{when} {item['kind']}: {item['text']} [{cell(item['sources'])}]")
            else:
                lines.append(cell(item))
        return "\n".join(lines)
    return cell(value)


def _source_line(src: dict[str, Any]) -> str:
    extra = ", ".join(x for x in (src.get("publisher"), src.get("date")) if x)
    return f"{src['title']}" + (f" ({extra})" if extra else "") + f" [{src['id']}]"


def _bar(value: float, biggest: float) -> str:
    if biggest <= 0 or value < 0:
        return ""
    filled = round(BAR_WIDTH * value / biggest)
    return "█" * filled + "·" * (BAR_WIDTH - filled)


def render_comparison(doc: dict[str, Any], *, width: int | None, color: bool, bars: bool) -> str:
    """`compare`: one row per metric, one column per region, figures footnoted to their sources."""
    table = _table(color, "Comparison")
    table.add_column("metric", overflow="fold")
    regions = doc["regions"]
    for region in regions:
        table.add_column(visible(region["name"]), overflow="fold")
    for row in doc["rows"]:
        values = row["values"]
        if row["kind"] == "count":
            numbers = {r["id"]: values[r["id"]] for r in regions}
            cells = [str(numbers[r["id"]]) for r in regions]
            label = f"{row['metric']} (counted in this knowledge base)"
        else:
            numbers = {r["id"]: values[r["id"]][0]["value"] for r in regions if values[r["id"]]}
            units = {c["unit"] for r in regions for c in values[r["id"]]}
            cells = [
                "\n".join(f"{c['text']} [{c['footnote']}]" + (f" ({c['year']})" if c["year"] else "")
                          + ("" if c["status"] == "measured" else f" {c['status']}") for c in values[r["id"]])
                or EMPTY
                for r in regions
            ]
            label = row["metric"].replace("_", " ") + (f" ({', '.join(sorted(units))})" if units else "")
        if bars and len(numbers) > 1:
            biggest = max(numbers.values())
            cells = [c if r["id"] not in numbers else f"{c}\n{_bar(numbers[r['id']], biggest)}"
                     for c, r in zip(cells, regions, strict=True)]
        table.add_row(Text(label), *(Text(c) for c in cells))
    notes = Text("\n".join(
        f"[{n['number']}] {_source_line(n['source'])}"
        + (f", citing {_source_line(n['cited_source'])}" if n["cited_source"] else "")
        for n in doc["footnotes"]
    ))
    return _to_text(Group(table, Text(""), Text("Sources:"), notes) if doc["footnotes"] else table, width, color)
