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
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from ecofacts.figures import figure_words, is_projection
from ecofacts.render.cells import EMPTY, cell, header
from ecofacts.render.layout import (
    KEEP,
    SHORT_NAME,
    Atoms,
    Column,
    cell_len,
    fit,
    height_at,
    need,
    one_line,
    overhead,
    whole,
    words,
    wrap,
)
from ecofacts.row_keys import key as row_key
from ecofacts.safe_text import visible
from ecofacts.trust import legend, mark

if TYPE_CHECKING:
    from rich.text import Text as RichText


class Lines(NamedTuple):
    """A block of plain text lines: what a table without colour is drawn as."""

    lines: list[str]


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
        # a short name, or a figure, kept whole where every value is short; a longer figure wraps, but never
        # between its number and its scale (`€5.5 billion`, not `€5.5` / `billion`: `figure_words`)
        keep = meaning.whole or ((key in ("name", "display") or key.endswith("_name"))
                                  and max((cell_len(v) for v in values), default=0) <= SHORT_NAME)
        split = _figure_atoms if key == "display" else words
        columns.append(Column(
            key=key, heading=words(header(key)), cells=[whole(v) if keep else split(v) for v in values],
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
        height = height_at(shape.columns, at, color)
        for narrower, lines in shapes:
            if height > lines:
                shape, height = _within(narrower, shape, columns, at, color, lines)
        shapes.append((shape, height))
    shape = _under(rows, shapes[-1][0], width, color)
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
    height = height_at(kept, width, color)
    for column in sorted(extra, key=lambda c: -c.priority):
        trial = sorted([*kept, column._replace(required=True)], key=lambda c: keys.index(c.key))
        if need(trial, list(range(len(trial))), color) <= width and height_at(trial, width, color) <= lines:
            kept, height = trial, height_at(trial, width, color)
    added = {c.key for c in kept}
    return _Shape(kept, [key for key in narrower.left_out if key not in added]), height


# A column left out to fit that goes under another column's value instead, where that one is kept: a figure
# without its year would be quoted as if it had none.
UNDER = {"year": "display"}


def _under(rows: list[dict[str, Any]], shape: _Shape, width: int, color: bool) -> _Shape:
    """`shape` with each column of `UNDER` that it leaves out drawn under its host's values (and heading), where
    that leaves out nothing more."""
    for key, host in UNDER.items():
        at = next((i for i, c in enumerate(shape.columns) if c.key == host), None)
        if key not in shape.left_out or at is None or host in shape.left_out:
            continue
        values = [cell(row.get(key), EMPTY) for row in rows]
        old = shape.columns[at]
        new = old._replace(heading=[*old.heading, *whole(header(key))],
                           cells=[[*a, [v]] for a, v in zip(old.cells, values, strict=True)])
        columns = [new if c is old else c for c in shape.columns if c.key != key]
        left_out: list[str] = []
        fit_keys(columns, width, color, left_out)
        if set(left_out) <= set(shape.left_out) - {key}:
            shape = _Shape(columns, left_out)
    return shape


def _figure_atoms(text: str) -> Atoms:
    return [[piece.replace(" ", KEEP) for piece in figure_words(line)] for line in text.splitlines()] or [[]]


# The common terminal widths a table is never longer than at a wider terminal (see `listing`).
GUARDED = (80, 100, 120, 160)


class _Shape(NamedTuple):
    columns: list[Column]  # what fit chooses from
    left_out: list[str]  # the keys fit leaves out


def _shape(rows: list[dict[str, Any]], columns: list[str], width: int, color: bool) -> _Shape:
    """The columns of the rows' table at `width`: each beside the others, or the id folded under the row's text
    when that loses less (the id or the text itself, or columns that matter more than those the folded table
    leaves out) without a longer table, or is shorter and loses no more (a long claim squeezed beside its id, with
    nothing left out, is shorter with the id under it); and the keys left out."""
    plain = columns_of(rows, columns)
    left_out: list[str] = []
    fit_keys(plain, width, color, left_out)
    host = next((c for c in FOLD_HOSTS if c in columns), None)
    if host is None or "id" not in columns:
        return _Shape(plain, left_out)
    folding = columns_of(rows, [c for c in columns if c != "id"], folded=host)
    folded_out: list[str] = []
    folded_width = fit_keys(folding, width, color, folded_out)
    longer = height_at(folding, width, color) - height_at(plain, width, color)
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


def dropped_notice(dropped: list[str], width: int | None, fields: bool = True) -> str:
    """What to print on stderr when `render_rows` left columns out: which, and how to see them (`--fields` only
    where the command has it)."""
    names = ", ".join(dropped)
    how = "widen the terminal, set COLUMNS, or choose columns with --fields" if fields else \
        "widen the terminal, set COLUMNS, or ask for --json"
    return f"note: left out to fit {width or 80} columns: {names} ({how})"
