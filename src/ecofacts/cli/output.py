"""Output plumbing shared by the commands: which format two options ask for, which fields, and writing a
listing or a document in it (tables through the pager, JSON rows as they are made, notices on stderr)."""

import itertools
import signal
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ecofacts.cli.options import state
from ecofacts.errors import UsageError
from ecofacts.kinds.base import Hit, Kind
from ecofacts.render import IMAGES, Format, TableOrJson, Target, encoded, formats, render, select, stream


def notice(message: str) -> None:
    """A message for the person at the terminal, on stderr."""
    state.terminal().notice(message)


def chosen(fmt: Format | TableOrJson | None, json_: bool) -> Format:
    """The one format two options ask for: `--json` alone, `--format F` alone, or both saying json."""
    if json_ and fmt is not None and fmt.value != Format.json:
        raise UsageError(f"--json and --format {fmt.value} disagree; give one of them")
    if json_:
        return Format.json
    return Format(fmt.value) if fmt is not None else Format.table


def offered(fmt: Format, shape: str, what: str) -> None:
    """Refuse (exit 2) a format the shape does not print: charts are for `series` and `compare` only."""
    if fmt not in formats(shape):
        choices = ", ".join(f.value for f in formats(shape))
        raise UsageError(f"{what} prints as {choices}, not {fmt.value} (charts: series and compare)")


def document_format(fmt: Format | TableOrJson | None, json_: bool, what: str) -> Format:
    """The format of one document (`show`, a passage): table or json, nothing else (exit 2)."""
    format_ = chosen(fmt, json_)
    if format_ not in (Format.table, Format.json):
        raise UsageError(f"{what} prints as table or json, not {format_.value}")
    return format_


@contextmanager
def _ctrl_c_ends_it() -> Iterator[None]:
    """Ctrl-C ends the process at once (the signal's own action, exit status 130), as long as an image is drawn:
    vl-convert draws without letting Python's handler run, so Ctrl-C waited seconds for the drawing. Nothing has
    been written then."""
    if threading.current_thread() is not threading.main_thread() \
            or signal.getsignal(signal.SIGINT) is not signal.default_int_handler:  # (ignored: a background job)
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_DFL)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def write(shape: str, fmt: Format, data: Any, target: Target | None = None, choosable: bool = True,
          **options: Any) -> None:
    """Render `data` in `fmt` and write it: tables whole, through the pager when long, saying on stderr which
    columns they left out to fit (and that `--fields` chooses them, where `choosable`); JSON rows as they are made
    (`render.stream`)."""
    offered(fmt, shape, "this command")
    terminal = state.terminal()
    target = target or terminal.target()
    if fmt in IMAGES:  # the optional charts extra is imported only here, only for these
        from ecofacts.render import image
        from ecofacts.render.chart import MissingExtra

        try:
            with _ctrl_c_ends_it():
                drawn = image(shape, fmt, data, target)
        except MissingExtra as exc:
            raise UsageError(str(exc)) from None
        terminal.emit_bytes(drawn)
        return
    if fmt is Format.table:
        if (chunks := encoded(shape, fmt, data, target, **options)) is not None:  # a long listing in a pipe
            terminal.emit_utf8(chunks)
        else:
            terminal.emit(render(shape, fmt, data, target, **options), page=True)
    else:
        for chunk in stream(shape, fmt, data, target, **options):
            terminal.emit(chunk)
    if target.dropped:
        from ecofacts.render.table import dropped_notice

        terminal.notice(dropped_notice(list(dict.fromkeys(target.dropped)), target.width, choosable))


def fields_chosen(fields: str | None, available: Sequence[str]) -> list[str] | None:
    """The keys `--fields A,B` names, each one of `available` (else exit 2, listing them)."""
    if fields is None:
        return None
    named = [f.strip() for f in fields.split(",") if f.strip()]
    unknown = [f for f in named if f not in available]
    if unknown or not named:
        raise UsageError(
            f"unknown field{'s' if len(unknown) > 1 else ''} {', '.join(repr(f) for f in unknown) or '(none given)'}"
            f"; available: {', '.join(available)}"
        )
    return named


# Fields a row carries only under some filter (`match`: how an organisation matched `actors --city`)
SOMETIMES = frozenset({"match"})


def rows(data: Iterable[dict[str, Any]], found: int, columns: Sequence[str], available: Sequence[str],
         fmt: Format | None, json_: bool, fields: str | None, empty: str, groups: list[str] | None = None,
         bom: bool = False, choosable: bool = True) -> None:
    """A listing of `found` rows in the chosen format; an empty one is a notice on stderr (and `[]` for JSON)."""
    format_ = chosen(fmt, json_)
    offered(format_, "rows", "a listing")
    named = fields_chosen(fields, available)
    if not found:
        notice(empty)
        if format_ is Format.table:
            return
    # CSV and TSV are for programs, as JSON is: the fields of its rows (those of the first), unless --fields says
    # which; a table and Markdown are for people: the listing's columns
    default = list(columns)
    if format_ in (Format.csv, Format.tsv) and not named:
        rest = iter(data)
        first = next(rest, None)
        if first is not None:
            default, data = list(first), itertools.chain([first], rest)
        else:  # the header a full listing has: every field (`match` only where the listing shows it)
            default = [key for key in available if key not in SOMETIMES or key in columns]
    write("rows", format_, select(data, named), state.terminal().target(bom=bom), choosable=choosable,
          columns=named or default, groups=groups, chosen=bool(named))


def records(kind: Kind, hits: list[Hit], fmt: Format | None, json_: bool, fields: str | None, bom: bool,
            empty: str | None = None, columns: Sequence[str] | None = None, groups: list[str] | None = None) -> None:
    """The rows of `kind` found by a listing, with its columns and the keys `--fields` may choose."""
    k = state.knowledge
    rows((kind.row(k, hit) for hit in hits), len(hits), columns or kind.columns, kind.keys, fmt, json_, fields,
         empty or f"no {kind.plural} recorded", groups, bom)
