"""`show`: one record in full, and the records around it, composed from its kind's declared sections.

Each section's `find` queries; each row is shaped by the kind of the record in it (`Kind.brief`). The result is
one JSON-ready document: `{kind, id, record, related: {title: {columns, rows[, total]}}}`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ecofacts import kinds, query
from ecofacts.kinds.base import Hit, Row, Section

if TYPE_CHECKING:
    from ecofacts.knowledge import Knowledge


def show(k: Knowledge, rec: Any) -> dict[str, Any]:
    kind = kinds.of(rec)
    related = {section.title: _section(k, rec, section) for section in kind.sections}
    return {"kind": kind.word, "id": rec.id, "record": kind.record(k, rec), "related": related}


def _section(k: Knowledge, rec: Any, section: Section) -> dict[str, Any]:
    find = getattr(query, section.find) if isinstance(section.find, str) else section.find
    hits = [item if isinstance(item, Hit) else Hit(item) for item in find(k, rec, **section.options)]
    cut = section.limit is not None and len(hits) > section.limit
    rows: list[Row] = [kinds.of(hit.record).brief(k, hit) for hit in hits[:section.limit]]
    columns = [*section.columns, *(c for c in section.optional if any(row.get(c) for row in rows))]
    found: dict[str, Any] = {"columns": columns, "rows": rows}
    if cut and section.total is not None:
        found["total"] = section.total(k, rec)
    return found
