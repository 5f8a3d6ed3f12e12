"""`search`: the records whose names, descriptions, labels or quotes contain a text, each with the field that
matched and an excerpt around the match."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ecofacts import kinds
from ecofacts.errors import UsageError
from ecofacts.kinds.base import Row
from ecofacts.names import fold

if TYPE_CHECKING:
    from ecofacts.knowledge import Knowledge

_SEARCHED = ("name", "aliases", "title", "description", "label", "text", "quote", "note", "hub", "focus",
             "sectors", "metric", "topic")
COLUMNS = ["id", "kind", "name", "matched", "excerpt"]


def search(k: Knowledge, text: str) -> list[tuple[str, Any, str]]:
    """(table, record, field) for every record whose names, descriptions, labels or quotes contain `text`."""
    key = fold(text)
    if not key:
        raise UsageError("search needs some text to look for")
    found = []
    # organisations and places before the statistics, and those before the pages that cite them
    for table in (*kinds.NAMED, *(t for t in kinds.TABLES if t not in kinds.NAMED and t != "sources"), "sources"):
        for rec in k.tables[table]:
            for attr in _SEARCHED:
                value = getattr(rec, attr, None)
                values = value if isinstance(value, tuple) else (value,)
                if any(isinstance(v, str) and key in fold(v) for v in values):
                    found.append((table, rec, attr))
                    break
    return found


def search_rows(k: Knowledge, text: str) -> list[Row]:
    return [{"kind": kinds.word(table), "id": rec.id, "name": rec.name, "matched": attr,
             "excerpt": excerpt(getattr(rec, attr), text)} for table, rec, attr in search(k, text)]


def excerpt(value: Any, text: str, around: int = 40) -> str:
    """The part of a matched field around the match."""
    values = value if isinstance(value, tuple) else (value,)
    key = fold(text)
    for v in values:
        v = str(v)
        folded = fold(v)
        at = folded.find(key)
        if at >= 0:
            # fold() keeps length only roughly (it drops accents and squeezes punctuation): good enough to centre
            start = max(0, at - around)
            snippet = v[start:at + len(key) + around].strip()
            return ("…" if start else "") + snippet + ("…" if at + len(key) + around < len(v) else "")
    return ""
