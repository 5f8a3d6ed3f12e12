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
from ecofacts.render.table import _pad, cell_len, one_line, whole, words
from ecofacts.safe_text import visible


def _one_line(value: Any) -> str:
    """A value as the one line a piped table gives it (a value of several lines joined with spaces)."""
    return one_line(whole(cell(value, EMPTY)))[0][0]


def _column(rows: list[dict[str, Any]], key: str) -> tuple[list[str], set[str]]:
    """The cell of each row in the column of `key`, and the distinct cells."""
    made: dict[Any, str] = {}
    column: list[str] = []
    for row in rows:
        value = row.get(key)
        if value.__class__ is int:  # a line or a count: its digits (and no two rows alike, often)
            column.append(str(value))
            continue
        try:
            said = (value.__class__, value)  # 1.0 and True are equal keys, and not the same cell
            text = made.get(said)
            if text is None:
                text = made[said] = _one_line(value)
        except TypeError:  # a list or a dict: not a key
            text = _one_line(value)
        column.append(text)
    return column, set(column)


def render(rows: list[dict[str, Any]], keys: list[str], title: str | None = None, show_header: bool = True) -> str:
    """The rows, a record a line, under their `title` (one line) and header, when given."""
    headings = [one_line(words(header(key)))[0][0] for key in keys]
    filled: list[list[str]] = []  # each column's cell of each row, on one line, filled to the column's width
    widths: list[int] = []
    for key, heading in zip(keys, headings, strict=True):
        column, distinct = _column(rows, key)
        width = max(map(cell_len, [heading, *distinct]))
        cells = {text: _pad(visible(text), width) for text in distinct}
        filled.append([cells[text] for text in column])
        widths.append(width)
    lines = [visible(" ".join(title.split()))] if title else []
    if keys and show_header:
        lines.append("  ".join(_pad(visible(h), w) for h, w in zip(headings, widths, strict=True)))
    if keys:
        lines += map("  ".join, zip(*filled, strict=True))
    return "\n".join(line.rstrip() for line in lines) + "\n"
