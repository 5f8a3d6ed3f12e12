"""Relations a document states between two records: cooperations, partnerships and their members, who cited
which initiative, who spoke at which event. `show` lists a relation on both of its ends."""

from __future__ import annotations

from ecofacts.kinds.base import (
    NAMED_BRIEF,
    SOURCES,
    Kind,
    Section,
    sourced_hit_row,
    sourced_keys,
    sourced_row,
)
from ecofacts.model import ANY_NAMED, Record, _f

RELATION_KINDS = ("cooperation", "partnership", "member-of", "cited", "speaker-at", "supplies", "acquired",
                  "spin-off-of", "funds", "hosts")
# How the source gives a relation: "stated" in so many words, or "implied" (the 2021 release lists companies whose
# challenges one could "hear about" at the event: that they spoke is implied, not stated).
RELATION_BASES = ("stated", "implied")
RELATION_BRIEF = ("id", "subject_name", "kind", "object_name", "year")


class Relation(Record):
    id: str = _f("id")
    kind: str = _f("str", choices=RELATION_KINDS)
    subject: str = _f("str", ref=(ANY_NAMED,))  # "DGTRE" (subject) "member-of" (kind) "the partnership" (object)
    object: str = _f("str", ref=(ANY_NAMED,))
    description: str = _f("str")
    source: str = _f("str", ref=("sources",))
    quote: str = _f("str")
    year: int | str | None = _f("year", default=None)
    basis: str = _f("str", choices=RELATION_BASES, default="stated")
    note: str | None = _f("str", default=None)

    @property
    def name(self) -> str:
        return self.description


KIND = Kind(
    Relation, "relations", "relation",
    columns=["subject_name", "kind", "basis", "object_name", "trust", "year", "source"],
    keys=sourced_keys(Relation), row=sourced_hit_row, record=sourced_row, brief=sourced_hit_row, named=False,
    summary="List the relations the documents state: cooperations, partnerships, members, speakers, citations.",
    examples=["ecofacts relations", "ecofacts relations --kind speaker-at",
              "ecofacts relations --json | jq -r '.[] | [.subject, .kind, .object] | @tsv'"],
    filters=["kind"],
    sections=[Section("ends", lambda k, rec: [k.by_id[rec.subject], k.by_id[rec.object]], NAMED_BRIEF), SOURCES],
)
