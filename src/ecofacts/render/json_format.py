"""JSON and JSON Lines: UTF-8 text (`Liège`, not `Li\\u00e8ge`) unless the output cannot hold it."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from json.encoder import encode_basestring, encode_basestring_ascii
from typing import Any

from ecofacts.render.blocks import Blocks, chunked, escaped


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
    """A row as `json.dumps(row, indent=2)` one level deeper writes it, byte for byte; made here because with an
    indent the standard library encodes in Python, item by item (0.19 s of `series`' 0.26 s on the 100k file),
    where its C functions for strings and floats do the work below."""
    return _value(row, "\n  ", encode_basestring_ascii if ascii_only else encode_basestring)


def _value(value: Any, newline: str, string: Any) -> str:
    kind = type(value)
    if kind is str:
        return string(value)  # type: ignore[no-any-return]
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        if value != value or value in (_INF, -_INF):
            raise ValueError(f"Out of range float values are not JSON compliant: {value!r}")
        return float.__repr__(value)
    inner = newline + "  "
    if kind is dict:
        if not value:
            return "{}"
        items = _members(value, inner, string)
        if items is None:
            return _as_json_does(value, newline, string)
        return "{" + inner + ("," + inner).join(items) + newline + "}"
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        return "[" + inner + ("," + inner).join(_value(item, inner, string) for item in value) + newline + "]"
    return _as_json_does(value, newline, string)  # a subclass of those, or another type


def _members(value: dict[Any, Any], inner: str, string: Any) -> list[str] | None:
    """The `"key": value` of each member of a dict, as `_value` writes them (None when a key is not text)."""
    items = []
    for key, item in value.items():
        if type(key) is not str:
            return None
        # the commonest values, text and null, without a call
        items.append(string(key) + ": " + (string(item) if type(item) is str else "null" if item is None
                                           else _value(item, inner, string)))
    return items


_INF = float("inf")


def _as_json_does(value: Any, newline: str, string: Any) -> str:
    return json.dumps(value, ensure_ascii=string is encode_basestring_ascii, indent=2,
                      allow_nan=False).replace("\n", newline)


def block_chunks(data: Blocks, ascii_only: bool = False) -> Iterator[str]:
    """`chunks(data)`, text for text, each distinct row written once with a hole for its key (`Blocks.fill`),
    in chunks of about a megabyte."""
    if not data.keyed():
        yield from chunks(data, ascii_only)
        return
    string = encode_basestring_ascii if ascii_only else encode_basestring
    key = data.key

    def template(row: dict[str, Any]) -> str:
        # what `chunks` writes before a row and the row, one level deep: its key the one member with a hole
        members = _members(row, "\n    ", string)
        assert members is not None  # keyed: every name is text
        items = [string(name) + ": %d" if name == key else escaped(member)
                 for name, member in zip(row, members, strict=True)]
        return ",\n  {\n    " + ",\n    ".join(items) + "\n  }"

    first = True
    for chunk in chunked(data.fill(template)):
        yield "[" + chunk[1:] if first else chunk  # the first row opens the list where the others follow a comma
        first = False
    yield "[]\n" if first else "\n]\n"


def block_line_chunks(data: Blocks, ascii_only: bool = False) -> Iterator[str]:
    """`line_chunks(data)`, text for text, each distinct row written once with a hole for its key."""
    if not data.keyed():
        yield from line_chunks(data, ascii_only)
        return
    key = data.key

    def template(row: dict[str, Any]) -> str:
        names = list(row)
        at = names.index(key)
        # a row's line is its members, as `json.dumps` writes each, between braces: those before the key, the key,
        # those after it
        before, after = (json.dumps({name: row[name] for name in part}, ensure_ascii=ascii_only, allow_nan=False)[1:-1]
                         for part in (names[:at], names[at + 1:]))
        items = [escaped(before), json.dumps(key, ensure_ascii=ascii_only) + ": %d", escaped(after)]
        return "{" + ", ".join(item for item in items if item) + "}\n"

    yield from chunked(data.fill(template))
