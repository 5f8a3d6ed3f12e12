"""A listing as a table in a pipe, without colour: what `table.render_rows(rows, keys, width=None, color=False)`
draws, byte for byte, made in one pass over the rows.

In a pipe every record is one line and every column as wide as its widest value (see `table`); nothing wraps,
so a cell is its value on one line, filled to its column's width. A long listing says the same values again and
again (`verify` on a 10 MB draft: 150,000 rows of a few hundred verdicts and statistics): each distinct value of
a column is made into its cell, measured and filled once, and each row is then its cells joined.
"""

from __future__ import annotations

from typing import Any

from ecofacts.render.cells import EMPTY, cell, header
from ecofacts.render.layout import cell_len, one_line, whole, words
from ecofacts.render.table import _pad
from ecofacts.safe_text import visible


def _one_line(value: Any) -> str:
    """A value as the one line a piped table gives it (a value of several lines joined with spaces)."""
    return one_line(whole(cell(value, EMPTY)))[0][0]


def _filled(rows: list[dict[str, Any]], key: str, heading: str) -> tuple[list[str], int]:
    """The cell of each row in the column of `key`, filled to the column's width (its widest value or heading),
    and that width."""
    values = [row.get(key) for row in rows]
    kinds = set(map(type, values))
    if kinds == {int}:  # a line or a count: its digits, no two rows alike often
        digits = list(map(str, values))
        width = max(len(heading), *map(len, digits)) if heading.isascii() else max(map(cell_len, [heading, *digits]))
        return [d.ljust(width) for d in digits], width
    if kinds <= {str, type(None)}:  # text: each distinct value made into its cell once
        made = {value: _one_line(value) for value in set(values)}
    else:  # 1, 1.0 and True are equal keys, and not the same cell; a list or a dict is no key
        made = {}
        said: list[Any] = []
        for value in values:
            try:
                kept: Any = (value.__class__, value)
                if kept not in made:
                    made[kept] = _one_line(value)
            except TypeError:
                kept = id(value)
                made[kept] = _one_line(value)
            said.append(kept)
        values = said
    width = max(map(cell_len, [heading, *made.values()]))
    cells = {value: _pad(visible(text), width) for value, text in made.items()}
    return [cells[value] for value in values], width


def render(rows: list[dict[str, Any]], keys: list[str], title: str | None = None, show_header: bool = True) -> str:
    """The rows, a record a line, under their `title` (one line) and header, when given."""
    headings = [one_line(words(header(key)))[0][0] for key in keys]
    filled: list[list[str]] = []  # each column's cell of each row, on one line, filled to the column's width
    widths: list[int] = []
    for key, heading in zip(keys, headings, strict=True):
        column, width = _filled(rows, key, heading)
        filled.append(column)
        widths.append(width)
    lines = [visible(" ".join(title.split()))] if title else []
    if keys and show_header:
        lines.append("  ".join(_pad(visible(h), w) for h, w in zip(headings, widths, strict=True)))
    records = map(str.rstrip, map("  ".join, zip(*filled, strict=True))) if keys else iter(())
    return "\n".join([*map(str.rstrip, lines), *records]) + "\n"
