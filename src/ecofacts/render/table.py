"""Rich tables for people, laid out to fit the width without cutting a value.

Every column is measured here, not by rich: ids, numbers, years, statuses, kinds, URLs and short names are
kept whole on one line (`whole` in `ecofacts.row_keys`, `SHORT_NAME`); long text wraps between words only, so no
word is ever split or cut to "…". When even the narrowest layout is wider than the width, the columns with the
lowest `priority` (`ecofacts.row_keys`) are left out, and their keys appended to the caller's `dropped` list so
that it can say so (on stderr).
On a colour terminal rich draws the lines it is given, in boxes: every value goes in as `Text`, so `[red]` or
`:smile:` in the data stays literal. Without colour (a pipe, NO_COLOR) the lines are joined here, as rich would
lay them out without a box, and rich is not imported at all: a piped table starts faster.

A width of None is a pipe or a file with no width asked for (no COLUMNS): every record is then one line, every
column drawn at its natural width and nothing wrapped or left out, what `grep`, `head`, `awk` and `less -S` expect
(as gh does when piped). The values of a cell of several lines are joined on one; columns are two spaces apart or
more, and no value holds two spaces in a row, so `awk -F '  +'` splits the fields.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from ecofacts.figures import is_projection
from ecofacts.render.cells import EMPTY, cell, header
from ecofacts.row_keys import key as row_key
from ecofacts.safe_text import visible
from ecofacts.trust import legend, mark

if TYPE_CHECKING:
    from rich.text import Text as RichText


class Lines(NamedTuple):
    """A block of plain text lines: what a table without colour is drawn as."""

    lines: list[str]


def cell_len(text: str) -> int:
    """Columns `text` takes on a terminal: wide (East Asian) characters two, combining marks none."""
    if text.isascii():
        return len(text)
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def Text(text: str = "", style: str = "") -> RichText:  # stands in for rich's Text
    """Every text of a coloured table, its control characters as visible escapes (rich keeps ESC and bidi)."""
    from rich.text import Text as RichText

    return RichText(visible(text), style=style)


def block(text: str, color: bool, style: str = "") -> Any:
    """Text between tables: rich `Text` in colour, else plain lines."""
    return Text(text, style) if color else Lines(visible(text).split("\n"))


def stack(parts: list[Any], color: bool) -> Any:
    """Blocks one under the other: a rich `Group` in colour, else their lines."""
    if color:
        from rich.console import Group

        return Group(*parts)
    return Lines([line for part in parts for line in part.lines])


def _pad(text: str, width: int) -> str:
    """`text` filled to `width` columns (each cell's text is left-aligned, as rich draws a `Text` cell)."""
    return text + " " * max(0, width - cell_len(text))

# Names (`name`, `city_name`, ...) up to this many characters are kept on one line too; longer ones wrap.
SHORT_NAME = 20
# A wrapping column is never made narrower than this (or its widest value, if that is less): a column of one
# word per line is worth less than the next column.
WRAP_FLOOR = 10

Atoms = list[list[str]]  # a cell: its lines, each a list of pieces that are never split (words, or whole values)


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
            longest = max((cell_len(p) for a in [self.heading, *self.cells] for line in a for p in line), default=1)
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
        for piece in pieces:
            if line and cell_len(line) + 1 + cell_len(piece) > width:
                out.append(line)
                line = piece
            else:
                line = f"{line} {piece}" if line else piece
        out.append(line)
    return out


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


def _need(columns: Sequence[Column], indices: list[int], boxed: bool) -> int:
    return sum(columns[i].minimum for i in indices) + overhead(len(indices), boxed)


def _widths(columns: Sequence[Column], kept: list[int], width: int, boxed: bool) -> list[int]:
    """The widths of the columns `kept`: each its narrowest, then the room left shared (see `_share`)."""
    widths = {i: columns[i].minimum for i in kept}
    natural = {i: columns[i].natural for i in kept}
    spare = width - _need(columns, kept, boxed)
    # the `first` columns (compare's figures) share the room before the others do
    spare = _share(spare, [i for i in kept if columns[i].first], widths, natural)
    _share(spare, kept, widths, natural)
    return [widths[i] for i in kept]


def _choose(columns: Sequence[Column], width: int, boxed: bool) -> list[int]:
    """The columns `fit` shows at `width`, before it compares with narrower widths."""
    kept = list(range(len(columns)))
    by_priority = sorted(kept, key=lambda i: (columns[i].priority, -i))  # the first is dropped first
    for i in by_priority:
        if _need(columns, kept, boxed) <= width:
            break
        if not columns[i].required and len(kept) > 1:
            kept.remove(i)
    for i in reversed(by_priority):
        if i not in kept and _need(columns, sorted([*kept, i]), boxed) <= width:
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


def _height_at(columns: Sequence[Column], width: int, boxed: bool) -> int:
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
        for piece in pieces:
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


def to_text(renderable: Any, width: int, color: bool) -> str:
    if isinstance(renderable, Lines):
        return "\n".join(line.rstrip() for line in renderable.lines) + "\n"
    from rich.console import Console

    console = Console(
        file=io.StringIO(), width=width, force_terminal=color, no_color=not color,
        color_system="standard" if color else None, highlight=False, markup=False, emoji=False,
        soft_wrap=False, legacy_windows=False,
    )
    console.print(renderable)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in out.splitlines()) + "\n"


def draw(columns: Sequence[Column], width: int | None, color: bool, title: str | None = None,
          dropped: list[str] | None = None, show_header: bool = True,
          sections: Sequence[int] = ()) -> tuple[Any, int]:
    """The table laid out by `fit`, and the width it takes (more than `width` only when a column that cannot be
    left out is wider): in colour a rich renderable, else `Lines`. A row whose index is in `sections` ends a
    section: a rule under it in colour, a blank line without. No `width` (a pipe): each row on one line, every
    column as wide as its widest value, no sections."""
    if width is None:  # a pipe: every column whole, each record on one line
        columns = [c._replace(heading=one_line(c.heading), cells=[one_line(a) for a in c.cells]) for c in columns]
        kept, widths = list(range(len(columns))), [c.natural for c in columns]
        total = sum(widths) + overhead(len(kept), color)
        heading = [" ".join(title.split())] if title else []
        width = max([total, *(cell_len(line) for line in heading)])
        sections = ()
    else:
        kept, widths = fit(columns, width, boxed=color)
        if dropped is not None:
            dropped += [columns[i].key for i in range(len(columns))
                        if i not in kept and columns[i].key not in dropped]
        total = sum(widths) + overhead(len(kept), color)
        heading = wrap(words(title), max(total, width)) if title else []
    rows = range(len(columns[0].cells) if columns else 0)
    if not color:  # as rich lays out a table without a box: two spaces between columns, none at the edges
        lines = [visible(line) for line in heading]
        cells = [[wrap(columns[i].heading, w) for i, w in zip(kept, widths, strict=True)]] if show_header else []
        cells += [[wrap(columns[i].cells[r], w) for i, w in zip(kept, widths, strict=True)] for r in rows]
        ends = {r + (1 if show_header else 0) for r in sections if r != len(rows) - 1}
        for number, row in enumerate(cells):
            for n in range(max((len(c) for c in row), default=0)):
                lines.append("  ".join(_pad(visible(c[n]) if n < len(c) else "", w)
                                       for c, w in zip(row, widths, strict=True)))
            if number in ends:
                lines.append("")
        return Lines(lines), max(total, width)
    from rich import box
    from rich.table import Table

    table = Table(box=box.ROUNDED, header_style="bold", show_edge=True, pad_edge=True, expand=False,
                  show_header=show_header, collapse_padding=False)
    for i, w in zip(kept, widths, strict=True):
        c = columns[i]
        table.add_column(Text("\n".join(wrap(c.heading, w))), width=w, no_wrap=True, overflow="ignore",
                         justify=c.justify)  # type: ignore[arg-type]
    for r in rows:
        table.add_row(*(Text("\n".join(wrap(columns[i].cells[r], w)), style=columns[i].styles[r])
                        for i, w in zip(kept, widths, strict=True)), end_section=r in sections)
    if not heading:
        return table, max(total, width)
    return stack([Text("\n".join(heading), style="bold"), table], color), max(total, width)


def _style(key: str, value: Any) -> str:
    """Colour with intention: a forecast or target stands out from what was measured."""
    if key in ("status", "display") and is_projection(value):
        return "yellow"
    return ""


# An id too wide to keep its own column is folded under the row's text, on a line of its own, rather than lost:
# `show` must be able to follow it.
FOLD_HOSTS = ("label", "claim", "name", "title", "description")
# The column that says what a row's text is about; left out, it leads that text instead, costing no width.
LEADS = {"label": "subject_name", "claim": "subject_name"}


def tidied(rows: list[dict[str, Any]], keys: list[str], title: str | None) -> tuple[list[str], str | None]:
    """The columns worth drawing, and the title: a column that says the same on every row goes to the title
    ("subject: Wallonia"), when there are two rows or more; a column of only "—" is not drawn. The `id` stays,
    and so does one column at least."""
    if not rows:
        return keys, title
    shown: list[str] = []
    same: list[str] = []
    for key in keys:
        values = {cell(row.get(key), EMPTY) for row in rows}
        if key == "id" or len(values) > 1 or (len(rows) == 1 and values != {EMPTY}):
            shown.append(key)
        elif values != {EMPTY}:
            same.append(f"{header(key)}: {values.pop()}")
    if not shown:
        return keys, title
    if same:
        title = "; ".join([*([title] if title else []), *same])
    return shown, title


def columns_of(rows: list[dict[str, Any]], keys: list[str], folded: str | None = None,
             required: frozenset[str] = frozenset(), marks: bool = True) -> list[Column]:
    """The columns of `keys`; `trust` as its marks (explained by `trust_legend`), or as its words when not
    `marks` (a pipe, where a line must stand alone for `grep disputed`)."""
    columns = []
    for key in keys:
        values = [cell(mark(row.get(key)) if key == "trust" and marks else row.get(key), EMPTY) for row in rows]
        if key == folded:  # the id goes under this column's text, whole
            ids = [cell(row.get("id"), EMPTY) for row in rows]
            columns.append(Column(
                key=key, heading=words(header(key)), cells=[[*words(v), [i]] for v, i in zip(values, ids, strict=True)],
                styles=[""] * len(rows), priority=row_key("id").priority, required=True, justify="left"))
            continue
        meaning = row_key(key)
        keep = meaning.whole or ((key == "name" or key.endswith("_name"))
                                  and max((cell_len(v) for v in values), default=0) <= SHORT_NAME)
        columns.append(Column(
            key=key, heading=words(header(key)), cells=[whole(v) if keep else words(v) for v in values],
            styles=[_style(key, row.get("status") if key in ("status", "display") else None) for row in rows],
            priority=meaning.priority, required=key in required, justify="right" if meaning.right else "left",
        ))
    return columns


def render_rows(rows: list[dict[str, Any]], columns: list[str], *, width: int | None, color: bool,
                title: str | None = None, dropped: list[str] | None = None, chosen: bool = False,
                tidy: bool = True, bare: bool = False) -> str:
    """A listing as a table at most `width` wide; the keys of the columns left out to fit are appended to
    `dropped` when it is given (see `dropped_notice`). An `id` that cannot keep a column of its own is folded
    under the row's label, name or title instead, when the table is too narrow for all its columns. `chosen`
    columns (`--fields`) are all drawn, in that order, and never left out: they wrap instead; the listing's own
    columns lose those that say the same on every row (to the title) or nothing, when `tidy` (on a screen: see
    `tidied`). No `width` (a pipe): every column, a record a line; `bare`: records only, no title and no header
    (a listing in a pipe, as gh prints one)."""
    if width is None:
        if tidy and not chosen:
            columns, title = tidied(rows, columns, title)
        table, total = draw(columns_of(rows, columns, marks=False), None, color, None if bare else title,
                             show_header=not bare)
        return to_text(table, total, color)
    if chosen:
        required = frozenset(columns)
        table, total = draw(columns_of(rows, columns, required=required), width, color, title)
        host = next((c for c in FOLD_HOSTS if c in columns), None)
        if total > width and host is not None and "id" in columns:  # the id under the text, if narrower
            keys = [c for c in columns if c != "id"]
            folded = draw(columns_of(rows, keys, folded=host, required=required), width, color, title)
            if folded[1] < total:
                table, total = folded
        return to_text(table, total, color)
    if tidy:
        columns, title = tidied(rows, columns, title)
    table, total, left_out = listing(rows, columns, width, color, title)
    if dropped is not None:
        dropped += [key for key in left_out if key not in dropped]
    return to_text(table, total, color)


def listing(rows: list[dict[str, Any]], columns: list[str], width: int, color: bool,
             title: str | None) -> tuple[Any, int, list[str]]:
    """The rows as a table laid out by `fit`, or with the id folded under the row's text when that loses less
    (see `_shape`): the table, its width and the keys of the columns left out.

    A wider terminal never draws a longer table: when the table would be longer here than at a narrower common
    width (`GUARDED`), the columns shown there are shown here instead, in no more lines (a secondary column, or a
    long text that only gets a column of its own from some width on, would make it longer)."""
    shapes: list[tuple[_Shape, int]] = []
    for at in [w for w in GUARDED if w < width] + [width]:
        shape = _shape(rows, columns, at, color)
        height = _height_at(shape.columns, at, color)
        for narrower, lines in shapes:
            if height > lines:
                shape, height = _within(narrower, shape, columns, at, color, lines)
        shapes.append((shape, height))
    shape = shapes[-1][0]
    left_out = list(shape.left_out)
    table, total = draw(shape.columns, width, color, title, left_out)
    return table, total, left_out


def _within(narrower: _Shape, wider: _Shape, keys: list[str], width: int, color: bool,
            lines: int) -> tuple[_Shape, int]:
    """The columns shown at a narrower width, and any other of the wider layout (highest priority first) that
    keeps the table at `width` within `lines` lines; its height."""
    kept = [c._replace(required=True) for c in narrower.columns if c.key not in narrower.left_out]
    shown = {c.key for c in kept} | ({"id"} if all(c.key != "id" for c in narrower.columns) else set())
    extra = [c for c in wider.columns if c.key not in shown]
    height = _height_at(kept, width, color)
    for column in sorted(extra, key=lambda c: -c.priority):
        trial = sorted([*kept, column._replace(required=True)], key=lambda c: keys.index(c.key))
        if _need(trial, list(range(len(trial))), color) <= width and _height_at(trial, width, color) <= lines:
            kept, height = trial, _height_at(trial, width, color)
    added = {c.key for c in kept}
    return _Shape(kept, [key for key in narrower.left_out if key not in added]), height


# The common terminal widths a table is never longer than at a wider terminal (see `listing`).
GUARDED = (80, 100, 120, 160)


class _Shape(NamedTuple):
    columns: list[Column]  # what fit chooses from
    left_out: list[str]  # the keys fit leaves out


def _shape(rows: list[dict[str, Any]], columns: list[str], width: int, color: bool) -> _Shape:
    """The columns of the rows' table at `width`: each beside the others, or the id folded under the row's text
    when that loses less (the id or the text itself, or columns that matter more than those the folded table
    leaves out) without a longer table, or is shorter and loses no more; and the keys left out."""
    plain = columns_of(rows, columns)
    left_out: list[str] = []
    fit_keys(plain, width, color, left_out)
    host = next((c for c in FOLD_HOSTS if c in columns), None)
    if host is None or "id" not in columns or not left_out:
        return _Shape(plain, left_out)
    folding = columns_of(rows, [c for c in columns if c != "id"], folded=host)
    folded_out: list[str] = []
    folded_width = fit_keys(folding, width, color, folded_out)
    longer = _height_at(folding, width, color) - _height_at(plain, width, color)
    slack = max(1, len(rows) // 20)
    if host in folded_out or folded_width > width or not (
            {"id", host} & set(left_out) or (_loss(folded_out) < _loss(left_out) and longer <= slack)
            or (_loss(folded_out) <= _loss(left_out) and longer < 0)):
        return _Shape(plain, left_out)
    lead = LEADS.get(host)
    if lead not in folded_out:
        return _Shape(folding, folded_out)
    # what the text is about, left out: it leads the text instead ("Wallonia: ...")
    led = [{**row, host: f"{row[lead]}: {row.get(host)}"} if row.get(lead) else row for row in rows]
    leading = columns_of(led, [c for c in columns if c not in ("id", lead)], folded=host)
    led_out: list[str] = []
    fit_keys(leading, width, color, led_out)
    return _Shape(leading, led_out)


def fit_keys(columns: Sequence[Column], width: int, boxed: bool, left_out: list[str]) -> int:
    """`fit`: the width of the table, the keys of the columns it leaves out appended to `left_out`."""
    kept, widths = fit(columns, width, boxed)
    left_out += [c.key for i, c in enumerate(columns) if i not in kept]
    return sum(widths) + overhead(len(kept), boxed)


def trust_legend(rows: list[dict[str, Any]], columns: list[str], dropped: list[str], width: int | None) -> str:
    """The line under a table that shows `trust` marks: what each mark it shows means (never colour alone); none
    in a pipe (no `width`), where the levels are words."""
    if width is None or "trust" not in columns or "trust" in dropped:
        return ""
    levels = [row.get("trust") for row in rows if row.get("trust")]
    return visible("\n".join(wrap(words(legend(levels)), width or 80))) + "\n" if levels else ""


def _loss(left_out: list[str]) -> int:
    return sum(row_key(key).priority for key in left_out)


def dropped_notice(dropped: list[str], width: int | None) -> str:
    """What to print on stderr when `render_rows` left columns out: which, and how to see them."""
    names = ", ".join(dropped)
    return (f"note: left out to fit {width or 80} columns: {names} "
            f"(widen the terminal, set COLUMNS, or choose columns with --fields)")
