"""`KEY=VALUE` arguments of `ecofacts add`, typed by the model's field declarations."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ecofacts.errors import UsageError
from ecofacts.model import field_types

if TYPE_CHECKING:
    from ecofacts.kinds.base import Kind


def _typed(table: str, key: str, t: str, raw: str) -> Any:
    try:
        if t == "int":
            return int(raw)
        if t == "num":
            return int(raw) if raw.lstrip("-").isdigit() else float(raw)
        if t == "year":
            return int(raw) if raw.isdigit() else raw
    except ValueError:
        raise UsageError(f"{key}={raw!r}: expected a number") from None
    if t == "strs":
        return [part.strip() for part in raw.split(",") if part.strip()]
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
