"""`show` sections that several kinds share: the statistics and claims about a record, the clusters and
initiatives tied to it, the relations it is an end of, and the value-chain links it takes part in."""

from __future__ import annotations

from ecofacts.kinds.base import NAMED_BRIEF, STAT_BRIEF, Section
from ecofacts.kinds.chain import CHAIN_BRIEF
from ecofacts.kinds.claim import CLAIM_BRIEF
from ecofacts.kinds.relation import RELATION_BRIEF


def statistics(include_members: bool = False) -> Section:
    """The statistics about the record; with `include_members`, those of what is located in it too."""
    return Section("statistics", "statistics_about", STAT_BRIEF, optional=("member_name",),
                   include_members=include_members)


def tied(table: str) -> Section:
    """The clusters or initiatives located in a place, or naming the record as a member or partner."""
    return Section(table, "tied_to", NAMED_BRIEF, table=table)


def claims() -> Section:
    """The claims whose subject the record is."""
    return Section("claims", lambda k, rec: [c for c in k.whole["claims"] if c.subject == rec.id], CLAIM_BRIEF)


def relations() -> Section:
    """The relations the record is one end of."""
    return Section("relations", lambda k, rec: [r for r in k.whole["relations"] if rec.id in (r.subject, r.object)],
                   RELATION_BRIEF)


def chain() -> Section:
    """The value-chain links the record produces, or that happen in it (a city)."""
    return Section("value chain", lambda k, rec: [c for c in k.whole["chain"] if rec.id in (c.producer, c.city)],
                   CHAIN_BRIEF)
