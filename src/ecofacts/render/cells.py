"""One value of a row as the text of one cell, shared by every tabular format."""

from __future__ import annotations

from typing import Any

EMPTY = "—"


def cell(value: Any, empty: str = "") -> str:
    """Lists joined with '; ', a referenced source by its id, numbers without a trailing '.0'."""
    if value is None or value == [] or value == "":
        return empty
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return "; ".join(cell(v) for v in value)
    if isinstance(value, dict):
        return str(value.get("id") or value.get("says") or value.get("text") or value)
    return str(value)


def header(key: str) -> str:
    """`subject_name` -> `subject`, `value_max` -> `value max`."""
    return key.removesuffix("_name").replace("_", " ")
