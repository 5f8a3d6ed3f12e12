"""A listing as a table in a pipe, without colour: what `table.render_rows(rows, keys, width=None, color=False)`
draws, byte for byte, made in one pass over the rows.

In a pipe every record is one line and every column as wide as its widest value (see `table`); nothing wraps,
so a cell is its value on one line, filled to its column's width. A long listing says the same values again and
again (`verify` on a 10 MB draft: 150,000 rows of a few hundred verdicts and statistics): each distinct value of
a column is made into its cell, measured and filled once, and each row is then its cells joined.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ecofacts.render.blocks import Blocks, chunked, escaped
from ecofacts.render.cells import EMPTY, cell, header
from ecofacts.render.layout import cell_len, one_line, whole, words
from ecofacts.render.table import _pad
from ecofacts.safe_text import visible


def _one_line(value: Any) -> str:
    """A value as the one line a piped table gives it (a value of several lines joined with spaces)."""
    return one_line(whole(cell(value, EMPTY)))[0][0]


def _digits_width(heading: str, digits: list[str]) -> int:
    """The width of a column of integers: its widest number's digits, or its heading."""
    return max(len(heading), *map(len, digits)) if heading.isascii() else max(map(cell_len, [heading, *digits]))


def _filled(rows: list[dict[str, Any]], key: str, heading: str) -> tuple[list[str], int]:
    """The cell of each row in the column of `key`, filled to the column's width (its widest value or heading),
    and that width."""
    values = [row.get(key) for row in rows]
    kinds = set(map(type, values))
    if kinds == {int}:  # a line or a count: its digits, no two rows alike often
        digits = list(map(str, values))
        width = _digits_width(heading, digits)
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


def _headings(keys: list[str]) -> list[str]:
    return [one_line(words(header(key)))[0][0] for key in keys]


def render(rows: list[dict[str, Any]], keys: list[str], title: str | None = None, show_header: bool = True) -> str:
    """The rows, a record a line, under their `title` (one line) and header, when given."""
    headings = _headings(keys)
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


def render_blocks(data: Blocks, keys: list[str]) -> Iterator[bytes]:
    """`render(list(data), keys, show_header=False)` encoded as UTF-8, byte for byte, in chunks of about a
    megabyte (`chunked`). Each distinct block's lines are made once with a hole for the key (`Blocks.fill`): the
    cells of the other columns are those of the distinct rows (a column's width is its widest value, however often
    each comes), the key's column as wide as its widest number. Made as bytes: `%` on bytes copies the text
    between two holes whole (on text it goes character by character), and nothing is left to encode."""
    distinct = [row for rows in data.distinct() for row in rows]
    span = data.span()
    if span is None or data.key not in keys or not data.keyed():
        yield render(list(data), keys, show_header=False).encode()
        return
    at = keys.index(data.key)
    headings = _headings(keys)
    width = _digits_width(headings[at], [str(n) for n in span])  # no number is longer than both ends
    columns = [_filled(distinct, key, heading)[0] if key != data.key else [""] * len(distinct)
               for key, heading in zip(keys, headings, strict=True)]
    lines: dict[int, bytes] = {}
    for row, cells in zip(distinct, zip(*columns, strict=True), strict=True):
        before = "".join(c + "  " for c in cells[:at])
        after = "".join("  " + c for c in cells[at + 1:]).rstrip()  # as `render` strips the whole line
        hole = f"%-{width}d" if after else "%d"
        lines[id(row)] = (escaped(before) + hole + escaped(after) + "\n").encode()
    yield from chunked(data.fill(lambda row: lines[id(row)]))
