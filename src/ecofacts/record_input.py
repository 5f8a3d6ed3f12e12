"""`KEY=VALUE` arguments of `ecofacts add`, typed by the model's field declarations."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ecofacts.errors import UsageError
from ecofacts.model import field_types

if TYPE_CHECKING:
    from ecofacts.kinds.base import Kind

_INTEGER = re.compile(r"[+-]?[0-9]+")
# A decimal number as TOML and people write it, ASCII digits only: no `1_000` (Python's literal syntax), no
# Arabic-Indic or fullwidth digits, no `inf` or `nan` (which `float()` would all accept).
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
INT_MIN, INT_MAX = -(2**63), 2**63 - 1  # what TOML can hold


def _int(key: str, raw: str) -> int:
    value = int(raw)
    if not INT_MIN <= value <= INT_MAX:
        raise UsageError(f"{key}={raw!r}: integer out of range (a TOML file holds signed 64-bit integers)")
    return value


def _typed(table: str, key: str, t: str, raw: str) -> Any:
    try:
        if t == "int":
            if not _INTEGER.fullmatch(raw.strip()):
                raise ValueError(raw)
            return _int(key, raw)
        if t == "num":  # `+5` and `5` are the integer 5; `5.0`, `5e3` floats
            if _INTEGER.fullmatch(raw.strip()):
                return _int(key, raw)
            if not _NUMBER.fullmatch(raw.strip()):
                raise ValueError(raw)
            return float(raw)
        if t == "year":
            return _int(key, raw) if _INTEGER.fullmatch(raw) and raw.isdigit() else raw
    except ValueError:
        raise UsageError(f"{key}={raw!r}: expected a number") from None
    if t == "strs":
        parts = [part.strip() for part in raw.split(",") if part.strip()]
        if not parts:
            raise UsageError(f"{key}={raw!r}: expected one or more comma-separated values")
        return parts
    if t in ("str", "id"):
        return raw
    raise UsageError(f"{key}: {table} {t} cannot be given on the command line; edit the file instead")


def parse_assignments(kind: Kind, assignments: list[str]) -> dict[str, Any]:
    """{'value': 3800, 'sources': ['a', 'b'], ...} from ['value=3800', 'sources=a,b', ...]."""
    table = kind.table
    types = field_types(kind.cls)
    record: dict[str, Any] = {}
    for item in assignments:
        key, sep, raw = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise UsageError(f"expected KEY=VALUE, got {item!r}")
        if key not in types:
            raise UsageError(f"unknown key '{key}' for {table}; available: {', '.join(types)}")
        if key in record:
            raise UsageError(f"key '{key}' given twice")
        record[key] = _typed(table, key, types[key], raw)
    return record
