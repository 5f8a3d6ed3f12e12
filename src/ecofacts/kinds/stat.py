"""Statistics: one figure about a subject, with its metric, value, unit, year, status and verbatim quote."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ecofacts.kinds.base import NAMED_BRIEF, SOURCES, STAT_BRIEF, Hit, Kind, Row, Section, sourced_keys, sourced_row
from ecofacts.model import ANY_NAMED, STATUSES, Record, _f

if TYPE_CHECKING:
    from ecofacts.knowledge import Knowledge

QUALIFIERS = ("at_least", "almost", "about", "up_to")
# How a statistic's `cited_source` is known: "stated" by the document beside the figure, or "inferred" (the
# BioWin brochure lost the footnote marker that tied four figures to the BFTA report). Unset: stated.
ATTRIBUTIONS = ("stated", "inferred")

# `show` of a statistic lists at most this many look-alikes; a section cut short says how many there are ("total").
LOOK_ALIKES_SHOWN = 50


class Stat(Record):
    id: str = _f("id")
    subject: str = _f("str", ref=(ANY_NAMED,))
    metric: str = _f("str")
    topic: str = _f("str")
    label: str = _f("str")
    value: int | float = _f("num")
    value_max: int | float | None = _f("num", default=None)
    unit: str = _f("str")
    qualifier: str | None = _f("str", choices=QUALIFIERS, default=None)
    year: int | str | None = _f("year", default=None)
    status: str = _f("str", choices=STATUSES)
    text: str = _f("str")  # the figure as the source prints it
    quote: str | None = _f("str", default=None)  # quoted: a verbatim excerpt of the document holding `text`
    evidence: str | None = _f("str", default=None)  # reported: our paraphrase of what the page states
    source: str = _f("str", ref=("sources",))
    cited_source: str | None = _f("str", ref=("sources",), default=None)
    attribution: str | None = _f("str", choices=ATTRIBUTIONS, default=None)  # of cited_source
    note: str | None = _f("str", default=None)
    related: tuple[str, ...] = _f("strs", ref=("stats",), default=())

    @property
    def name(self) -> str:
        return self.label

    def year_matches(self, year: int) -> bool:
        """True when `year` is the stat's year or falls inside its period ("2016-2021")."""
        if isinstance(self.year, int):
            return self.year == year
        if isinstance(self.year, str):
            start, _, end = self.year.partition("-")
            return int(start) <= year <= int(end or start)
        return False


def stat_row(k: Knowledge, stat: Stat, via: str | None = None) -> Row:
    """A statistic in the contract's key order (`sourced_row`), and the member it belongs to when listed for a
    place."""
    row = sourced_row(k, stat)
    row["member"] = via
    row["member_name"] = k.name_of(via)
    return row


def _row(k: Knowledge, hit: Hit) -> Row:
    return stat_row(k, hit.record, hit.via)


def _alike(rec: Stat) -> dict[str, Any]:
    return {"id": rec.related, "metric": [rec.metric]}


def _itself(rec: Stat) -> int:
    """1 when a statistic must be left out of its own look-alikes (it is one only if it says so)."""
    return 0 if rec.id in rec.related else 1


def _look_alikes(k: Knowledge, rec: Stat) -> list[Hit]:
    found = k.stats.where(LOOK_ALIKES_SHOWN + _itself(rec) + 1, **_alike(rec))
    return [Hit(s) for s in found if s.id != rec.id or not _itself(rec)]


KIND = Kind(
    Stat, "stats", "statistic", plural="statistics", aliases=("stat",),
    columns=["id", "subject_name", "label", "display", "trust", "year", "status", "source"],
    keys=[*sourced_keys(Stat), "member", "member_name"],
    row=_row, record=stat_row, brief=_row, named=False,
    sections=[
        Section("look-alike and comparable statistics", _look_alikes, STAT_BRIEF, optional=("member_name",),
                limit=LOOK_ALIKES_SHOWN, total=lambda k, rec: k.stats.count(**_alike(rec)) - _itself(rec)),
        Section("subject", lambda k, rec: [k.by_id[rec.subject]], NAMED_BRIEF),
        SOURCES,
    ],
)
