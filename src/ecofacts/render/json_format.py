"""JSON and JSON Lines: UTF-8 text (`Liège`, not `Li\\u00e8ge`) unless the output cannot hold it."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any


def render(data: Any, ascii_only: bool = False) -> str:
    return json.dumps(data, ensure_ascii=ascii_only, indent=2, allow_nan=False) + "\n"


def render_lines(rows: list[Any], ascii_only: bool = False) -> str:
    return "".join(json.dumps(row, ensure_ascii=ascii_only, allow_nan=False) + "\n" for row in rows)


def chunks(rows: Iterable[Any], ascii_only: bool = False) -> Iterator[str]:
    """`render(list(rows))`, text for text, as one chunk per row: a listing of 100,000 statistics is written as it
    is built, never held whole (neither the rows nor the text)."""
    it = iter(rows)
    first = next(it, _NOTHING)
    if first is _NOTHING:
        yield "[]\n"
        return
    yield "[\n  " + _indented(first, ascii_only)
    for row in it:
        yield ",\n  " + _indented(row, ascii_only)
    yield "\n]\n"


def line_chunks(rows: Iterable[Any], ascii_only: bool = False) -> Iterator[str]:
    """`render_lines(list(rows))`, one line per row, as it is built."""
    for row in rows:
        yield json.dumps(row, ensure_ascii=ascii_only, allow_nan=False) + "\n"


_NOTHING: Any = object()


def _indented(row: Any, ascii_only: bool) -> str:
    # One level deeper than `indent=2` gives a row on its own; JSON strings hold no raw newline, so every "\n" of
    # the text is a line break of the layout.
    return json.dumps(row, ensure_ascii=ascii_only, indent=2, allow_nan=False).replace("\n", "\n  ")
