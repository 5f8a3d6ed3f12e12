"""Claims: what a document states in words rather than one number — rankings, comparisons, qualities, calls and
plans — each in our words and with the verbatim quote that `check --sources` proves."""

from __future__ import annotations

from ecofacts.kinds.base import (
    NAMED_BRIEF,
    SOURCES,
    STAT_BRIEF,
    Kind,
    Section,
    sourced_hit_row,
    sourced_keys,
    sourced_row,
)
from ecofacts.model import ANY_NAMED, STATUSES, Record, _f

CLAIM_KINDS = ("ranking", "qualitative", "relation", "comparison", "call", "plan")
CLAIM_BRIEF = ("id", "subject_name", "kind", "claim", "year", "status")


class Claim(Record):
    id: str = _f("id")
    subject: str = _f("str", ref=(ANY_NAMED,))
    topic: str = _f("str")
    kind: str = _f("str", choices=CLAIM_KINDS)
    claim: str = _f("str")  # in our words
    quote: str = _f("str")  # verbatim, from the document
    source: str = _f("str", ref=("sources",))
    year: int | str | None = _f("year", default=None)
    status: str = _f("str", choices=STATUSES, default="measured")
    note: str | None = _f("str", default=None)
    related: tuple[str, ...] = _f("strs", ref=("stats", "claims"), default=())

    @property
    def name(self) -> str:
        return self.claim


KIND = Kind(
    Claim, "claims", "claim", columns=["id", "subject_name", "kind", "claim", "year", "source"],
    keys=sourced_keys(Claim), row=sourced_hit_row, record=sourced_row, brief=sourced_hit_row, named=False,
    sections=[
        Section("subject", lambda k, rec: [k.by_id[rec.subject]], NAMED_BRIEF),
        Section("related statistics and claims",
                lambda k, rec: [r for i in rec.related if (r := k.by_id.get(i) or k.stat(i)) is not None],
                STAT_BRIEF),
        SOURCES,
    ],
)
