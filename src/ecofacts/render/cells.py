"""One value of a row as the text of one cell, shared by every tabular format."""

from __future__ import annotations

from typing import Any

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
    """`subject_name` -> `subject`, `value_max` -> `value max`."""
    return visible(key.removesuffix("_name").replace("_", " "))  # a key may be a name from the data (compare)
