"""`show` for people: one record's fields, then each section of related records as a table."""

from __future__ import annotations

from typing import Any

from ecofacts.render.cells import cell, header
from ecofacts.render.layout import Column, cell_len, overhead, whole, words
from ecofacts.render.table import block, columns_of, draw, listing, stack, tidied, to_text
from ecofacts.safe_text import visible


def render_record(doc: dict[str, Any], *, width: int | None, color: bool, dropped: list[str] | None = None,
                  tidy: bool = True) -> str:
    """`show`: the record as a two-column grid, then one table per group of related records."""
    record = doc["record"]
    fields: list[str] = []
    values: list[str] = []
    for key, value in record.items():
        if value is None or value == [] or (key.endswith("_name") and key.removesuffix("_name") in record):
            continue
        display = _long_cell(value, "\n" if width else "; ")
        if record.get(f"{key}_name"):
            display = f"{record[key + '_name']} ({value})"
        fields.append(header(key))
        values.append(display)
    # a value holding a word wider than the grid leaves it (a long URL): on its own line under the grid, whole, so
    # that the table fits and the terminal wraps the line without cutting what is copied from it
    below: list[str] = []
    if width is not None and fields:
        room = width - max(cell_len(f) for f in fields) - overhead(2, color)
        for i, value in enumerate(values):
            if max((cell_len(w) for w in value.split()), default=0) > room:
                below.append(f"{fields[i]}: {visible(value)}")
                values[i] = "(below)"
    grid = [
        Column("field", [[]], [whole(f) for f in fields], ["bold"] * len(fields), 100, True, "left"),
        Column("value", [[]], [words(v) for v in values], [""] * len(values), 100, True, "left"),
    ]
    name = record.get("name") or record.get("title") or record["id"]
    first, total = draw(grid, width, color, f"{doc['kind']}: {name}", show_header=False)
    parts: list[Any] = []
    widest = total
    for section_name, section in doc.get("related", {}).items():
        if not section["rows"]:
            continue
        shown = len(section["rows"])
        title = (f"{section_name} ({shown} of {section['total']})" if "total" in section
                 else f"{section_name} ({shown})")
        keys, heading = tidied(section["rows"], section["columns"], title) if tidy else (section["columns"], title)
        if width is None:
            table, total = draw(columns_of(section["rows"], keys, marks=False), width, color, heading)
        else:
            table, total, left_out = listing(section["rows"], keys, width, color, heading)
            if dropped is not None:
                dropped += [key for key in left_out if key not in dropped]
        widest = max(widest, total)
        parts += [block("", color), table]
    # the lines under the grid are printed as they are: the terminal wraps them, nothing cuts them
    after = to_text(stack(parts, color), widest, color) if parts else ""
    return to_text(first, widest, color) + "".join(f"{line}\n" for line in below) + after


def _long_cell(value: Any, between: str = "\n") -> str:
    """Nested facts (events, conflicts, sites, statements) spelled out one per line, with their sources; a list of
    long texts (a source's defects) one item per line; the items joined by `between` ("; " on one line)."""
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value) and max(map(len, value)) > 40:
        return between.join(f"- {v}" if between == "\n" else v for v in value)
    if isinstance(value, list) and value and isinstance(value[0], dict):
        lines = []
        for item in value:
            if "claims" in item:
                said = [f"{c['says']} [{cell(c['sources'])}]" for c in item["claims"]]
                if between == "\n":
                    lines += [f"{item['about']}:", *(f"  - {s}" for s in said)]
                else:
                    lines.append(f"{item['about']}: {' / '.join(said)}")
            elif "kind" in item and "text" in item:
                when = item["year"] if item.get("year") is not None else "undated"
                lines.append(f"{when} {item['kind']}: {item['text']} [{cell(item['sources'])}]")
            elif "role" in item and "city" in item:  # a site
                lines.append(f"{item.get('city_name') or item['city']}: {item['role']} [{cell(item['sources'])}]")
            elif "says" in item and "quote" in item:  # a person's statement: our words, then theirs
                lines += [f"{item['says']} [{item['source']}]", f"  quote: \u201c{item['quote']}\u201d"]
            else:
                lines.append(cell(item))
        return between.join(lines)
    return cell(value)
