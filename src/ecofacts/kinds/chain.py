"""The nuclear-medicine value chain: links "who makes what, where, from what, for what", from raw material to
the patient, each sourced (a document's quote, or a page's paraphrase)."""

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
from ecofacts.model import Record, _f

# From production to patient; `chain` lists links in this order.
STAGES = ("raw material", "irradiation", "isotope production", "processing", "radiolabelling", "equipment",
          "logistics", "clinical use", "research", "training")
CHAIN_BRIEF = ("id", "stage", "product", "producer_name", "city_name")


class Link(Record):
    id: str = _f("id")
    stage: str = _f("str", choices=STAGES)
    product: str = _f("str")  # the isotope or product (Mo-99, Lu-177, a cyclotron …)
    description: str = _f("str")
    source: str = _f("str", ref=("sources",))
    producer: str | None = _f("str", ref=("actors",), default=None)
    city: str | None = _f("str", ref=("cities",), default=None)
    input: str | None = _f("str", default=None)  # what it is made from
    use: str | None = _f("str", default=None)  # what it is for
    quote: str | None = _f("str", default=None)  # quoted from a document
    evidence: str | None = _f("str", default=None)  # or reported by a page, in our words
    note: str | None = _f("str", default=None)

    @property
    def name(self) -> str:
        return self.product


KIND = Kind(
    Link, "chain", "chain link", plural="chain links", aliases=("link",),
    columns=["stage", "product", "producer_name", "city_name", "use", "source"],
    keys=sourced_keys(Link), row=sourced_hit_row, record=sourced_row, brief=sourced_hit_row, named=False,
    sections=[
        Section("producer and place", lambda k, rec: [k.by_id[i] for i in (rec.producer, rec.city) if i],
                NAMED_BRIEF),
        SOURCES,
    ],
)
