"""How wide each column of a table is: every column measured here, not by rich.

A cell is `Atoms`: its lines, each a list of pieces never split (words, or whole values: ids, numbers, years,
statuses, kinds, URLs, short names). `fit` chooses which columns a width keeps (by `priority`, see
`ecofacts.row_keys`) and how wide each is, so that long text wraps between words only and no word is ever split or
cut to "…"; `wrap` and `fill` make the lines. `render.table` draws what this lays out.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any


def cell_len(text: str) -> int:
    """Columns `text` takes on a terminal: wide (East Asian) characters two, combining marks none."""
    if text.isascii():
        return len(text)
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


# Names (`name`, `city_name`, ...) up to this many characters are kept on one line too; longer ones wrap.
SHORT_NAME = 20
# A wrapping column is never made narrower than this (or its widest value, if that is less): a column of one
# word per line is worth less than the next column.
WRAP_FLOOR = 10

Atoms = list[list[str]]  # a cell: its lines, each a list of pieces that are never split (words, or whole values)
# A space inside a piece that a line breaks at only where the piece is wider than its column: a figure's number and
# its scale (`€355 million`) stay together where they fit, and do not make the column any narrower than its words.
KEEP = "\u00a0"


class Column:
    """A column to lay out: its key, heading and cells (as `Atoms`), their styles, how much the table wants it
    (`priority`), whether it may be left out (`required`: never), its alignment; `first`: given its natural width
    before the room left is shared (compare's figures). Its natural and narrowest widths are measured once."""

    __slots__ = ("_lines", "_minimum", "_natural", "cells", "first", "heading", "justify", "key", "priority",
                 "required", "styles")

    def __init__(self, key: str, heading: Atoms, cells: list[Atoms], styles: list[str], priority: int,
                 required: bool, justify: str, first: bool = False) -> None:
        self.key, self.heading, self.cells, self.styles = key, heading, cells, styles
        self.priority, self.required, self.justify, self.first = priority, required, justify, first
        self._natural: int | None = None
        self._minimum: int | None = None
        self._lines: dict[int, list[int]] = {}

    def lines(self, width: int) -> list[int]:
        """How many lines each cell takes at `width`."""
        if width not in self._lines:
            self._lines[width] = [_lines(a, width) for a in self.cells]
        return self._lines[width]

    def _replace(self, **changes: Any) -> Column:
        fields = {name: getattr(self, name) for name in ("key", "heading", "cells", "styles", "priority",
                                                           "required", "justify", "first")}
        return Column(**{**fields, **changes})

    @property
    def natural(self) -> int:
        if self._natural is None:
            self._natural = max(_width_of(a) for a in [self.heading, *self.cells])
        return self._natural

    @property
    def minimum(self) -> int:
        if self._minimum is None:
            longest = max((cell_len(w) for a in [self.heading, *self.cells] for line in a for p in line
                           for w in p.split(KEEP)), default=1)
            self._minimum = max(longest, min(WRAP_FLOOR, self.natural))
        return self._minimum


def _width_of(atoms: Atoms) -> int:
    return max((cell_len(" ".join(line)) for line in atoms), default=0)


def words(text: str) -> Atoms:
    """Text that may wrap between words."""
    return [line.split() for line in text.splitlines()] or [[]]


def whole(text: str) -> Atoms:
    """Text kept whole: each of its lines is one piece."""
    return [[line] for line in text.splitlines()] or [[]]


def one_line(atoms: Atoms) -> Atoms:
    """A cell on one line (for a pipe): its lines joined by a space, as one piece."""
    return [[" ".join(piece for line in atoms for part in line for piece in part.split())]]


def fill(text: str, width: int | None) -> list[str]:
    """Text between tables (notes, footnotes) in lines of at most `width` cells, wrapped between words; one line
    in a pipe (no `width`)."""
    return [" ".join(text.split())] if width is None else wrap(words(text), width)


def wrap(atoms: Atoms, width: int) -> list[str]:
    """Pieces packed greedily into lines of at most `width` cells; a piece is never split (one wider than
    `width` gets a line of its own)."""
    out: list[str] = []
    for pieces in atoms:
        line = ""
        for piece in _fitted(pieces, width):
            if line and cell_len(line) + 1 + cell_len(piece) > width:
                out.append(line)
                line = piece
            else:
                line = f"{line} {piece}" if line else piece
        out.append(line)
    return [line.replace(KEEP, " ") for line in out]


def _fitted(pieces: list[str], width: int) -> list[str]:
    """The pieces, each held together by `KEEP` split where it is wider than `width`."""
    if not any(KEEP in piece for piece in pieces):
        return pieces
    return [part for piece in pieces
            for part in (piece.split(KEEP) if KEEP in piece and cell_len(piece) > width else [piece])]


def overhead(count: int, boxed: bool) -> int:
    """Columns of padding and rules around `count` columns (see `_table`)."""
    if boxed:
        return 2 * count + count + 1  # one space each side of every value, a rule between and at both edges
    return 2 * (count - 1)  # one space each side between columns, none at the edges


def fit(columns: Sequence[Column], width: int, boxed: bool) -> tuple[list[int], list[int]]:
    """Which columns to show (indices, in order) and their widths, so that the table is at most `width` wide.

    Columns are left out lowest priority first (the rightmost of equals first) until the narrowest layout fits;
    then any left-out column that still fits comes back, highest priority first. The room left is shared among
    the columns whose values would wrap, in proportion to what each lacks of its natural width. Then, from the
    columns people read (`priority` of `READ` or more, or required), each other column (highest priority first)
    stays only if it makes the table at most a quarter longer: squeezed beside the others, a secondary column
    would wrap every row. (`listing` then makes sure a wider terminal never draws a longer table.)
    """
    kept = _choose(columns, width, boxed)
    return kept, _widths(columns, kept, width, boxed)


def need(columns: Sequence[Column], indices: list[int], boxed: bool) -> int:
    return sum(columns[i].minimum for i in indices) + overhead(len(indices), boxed)


def _widths(columns: Sequence[Column], kept: list[int], width: int, boxed: bool) -> list[int]:
    """The widths of the columns `kept`: each its narrowest, then the room left shared (see `_share`)."""
    widths = {i: columns[i].minimum for i in kept}
    natural = {i: columns[i].natural for i in kept}
    spare = width - need(columns, kept, boxed)
    # the `first` columns (compare's figures) share the room before the others do
    spare = _share(spare, [i for i in kept if columns[i].first], widths, natural)
    _share(spare, kept, widths, natural)
    return [widths[i] for i in kept]


def _choose(columns: Sequence[Column], width: int, boxed: bool) -> list[int]:
    """The columns `fit` shows at `width`, before it compares with narrower widths."""
    kept = list(range(len(columns)))
    by_priority = sorted(kept, key=lambda i: (columns[i].priority, -i))  # the first is dropped first
    for i in by_priority:
        if need(columns, kept, boxed) <= width:
            break
        if not columns[i].required and len(kept) > 1:
            kept.remove(i)
    for i in reversed(by_priority):
        if i not in kept and need(columns, sorted([*kept, i]), boxed) <= width:
            kept = sorted([*kept, i])
    secondary = [i for i in reversed(by_priority) if i in kept and not columns[i].required
                 and columns[i].priority < READ]
    if secondary and len(kept) > len(secondary):
        # from what people read, each secondary column (highest priority first) that costs little height
        slack = max(1, len(columns[0].cells) // 4)
        chosen = [i for i in kept if i not in secondary]
        height = _height(columns, chosen, _widths(columns, chosen, width, boxed))
        for i in secondary:
            more = sorted([*chosen, i])
            taller = _height(columns, more, _widths(columns, more, width, boxed))
            if taller - height <= slack:
                chosen, height = more, taller
        kept = chosen
    return kept


# Columns of this priority or more are what people read (ids, names, labels, figures, years): kept as long as they
# fit, however long the table; the others only while they cost little height (see `fit`).
READ = 80


def height_at(columns: Sequence[Column], width: int, boxed: bool) -> int:
    """How many lines the rows of a table of `columns` laid out by `fit` take."""
    kept, widths = fit(columns, width, boxed)
    return _height(columns, kept, widths)


def _height(columns: Sequence[Column], kept: list[int], widths: list[int]) -> int:
    """How many lines the rows of the columns `kept`, at these widths, take (the header apart)."""
    counts = [columns[i].lines(w) for i, w in zip(kept, widths, strict=True)]
    return sum(max(row) for row in zip(*counts, strict=True)) if counts else 0


def _lines(atoms: Atoms, width: int) -> int:
    """How many lines `wrap(atoms, width)` gives, without making them."""
    count = 0
    for pieces in atoms:
        used = -1
        count += 1
        for piece in _fitted(pieces, width):
            size = cell_len(piece)
            if used >= 0 and used + 1 + size > width:
                count += 1
                used = size
            else:
                used = size if used < 0 else used + 1 + size
    return count


def _share(spare: int, among: list[int], widths: dict[int, int], natural: dict[int, int]) -> int:
    """Widen the columns `among` towards their natural widths, each in proportion to what it lacks; returns the
    room left."""
    while spare > 0:
        wanting = {i: natural[i] - widths[i] for i in among if widths[i] < natural[i]}
        if not wanting:
            break
        room = spare
        for i, want in sorted(wanting.items(), key=lambda item: -item[1]):  # the most wrapped first
            grow = min(want, spare, max(1, room * want // sum(wanting.values())))
            widths[i] += grow
            spare -= grow
            if spare == 0:
                break
    return spare
