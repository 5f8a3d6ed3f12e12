"""One value of a row as the text of one cell, shared by every tabular format."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ecofacts.row_keys import key as row_key
from ecofacts.safe_text import visible

EMPTY = "—"


def cell(value: Any, empty: str = "") -> str:
    """Lists joined with '; ', a referenced source by its id, numbers without a trailing '.0'; control characters
    (ESC, C1, bidi overrides...) as visible escapes, so that no value acts on the terminal (tab and newline stay)."""
    return visible(_cell(value, empty))


def _cell(value: Any, empty: str) -> str:
    if value is None or value == [] or value == "":
        return empty
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return "; ".join(_cell(v, "") for v in value)
    if isinstance(value, dict):
        return str(value.get("id") or value.get("says") or value.get("text") or value)
    return str(value)


def header(key: str) -> str:
    """`subject_name` -> `subject`, `value_max` -> `value max`, `display` -> `figure`."""
    # a key may be a name from the data (a region's id in compare's columns)
    return visible(row_key(key).header or key.removesuffix("_name").replace("_", " "))


def _is_reference(value: Any) -> bool:
    """A record as another one cites it (a statistic's source): shown by its id in every tabular format."""
    return isinstance(value, dict) and isinstance(value.get("id"), str)


def _json(value: Any) -> str:
    """JSON text for a cell; the control characters JSON leaves raw (DEL, C1, bidi controls) made visible too."""
    import json

    return visible(json.dumps(value, ensure_ascii=False, allow_nan=False))


def delimited_cell(value: Any) -> str:
    """A value as one CSV/TSV field a program can read back.

    Scalars as `cell` writes them; a referenced record by its id; a list as a JSON array (`["a", "b"]`, `[]` when
    empty), so items that contain commas or semicolons split back exactly; any other dict as a JSON object.
    """
    if isinstance(value, list):
        return _json([v["id"] if _is_reference(v) else v for v in value])
    if isinstance(value, dict):
        return str(value["id"]) if _is_reference(value) else _json(value)
    return cell(value)


def markdown_cell(value: Any) -> str:
    """A value as one Markdown table cell: lists of plain values joined with '; ' (for people), nested records
    (events, conflicts, counts by kind) as JSON text, a referenced record by its id."""
    if isinstance(value, list):
        if any(isinstance(v, dict | list) and not _is_reference(v) for v in value):
            return _json(value)
        return "; ".join(cell(v) for v in value)
    if isinstance(value, dict):
        return str(value["id"]) if _is_reference(value) else _json(value)
    return cell(value)


def source_line(src: dict[str, Any], escape: Callable[[Any], str] = str) -> str:
    """A source as a footnote names it: 'Title (Publisher, 2025) [id]', each part passed through `escape` (the
    Markdown renderer's escapes its characters)."""
    extra = ", ".join(escape(x) for x in (src.get("publisher"), src.get("date")) if x)
    return escape(src["title"]) + (f" ({extra})" if extra else "") + f" [{escape(src['id'])}]"


def fitted(text: str, width: int | None) -> str:
    """Each line of `text` (prose, not a table) wider than `width` wrapped between words, the next lines indented,
    so that a terminal cuts no word, id or URL in two; without a width (a pipe), or under 20, as it is."""
    if width is None or width < 20 or all(len(line) <= width for line in text.splitlines()):
        return text
    import textwrap

    return "".join(textwrap.fill(line, width, subsequent_indent="  ", break_long_words=False,
                                 break_on_hyphens=False) + "\n" for line in text.splitlines())
