"""`show` sections that several kinds share: the statistics about a record, and the clusters and initiatives
tied to it."""

from __future__ import annotations

from ecofacts import query
from ecofacts.kinds.base import NAMED_BRIEF, STAT_BRIEF, Section


def statistics(include_members: bool = False) -> Section:
    """The statistics about the record; with `include_members`, those of what is located in it too."""
    return Section("statistics", lambda k, rec: query.find_stats(k, rec.id, include_members=include_members),
                   STAT_BRIEF, optional=("member_name",))


def tied(table: str) -> Section:
    """The clusters or initiatives located in a place, or naming the record as a member or partner."""
    return Section(table, lambda k, rec: query.tied_to(k, table, rec), NAMED_BRIEF)
