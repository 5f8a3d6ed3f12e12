"""Sources: the documents whose text we hold, the studies they cite, and the web pages behind places and
organisations."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ecofacts.kinds.base import NAMED_BRIEF, STAT_BRIEF, Hit, Kind, Row, Section, source_ref
from ecofacts.model import Record, _f, as_dict

if TYPE_CHECKING:
    from ecofacts.knowledge import Knowledge

SOURCE_KINDS = ("document", "study", "web")
# Whether a source says where its own figures come from: "none" for one that names no origin for any of them (the
# German partnerships article), so that nothing but another source can corroborate them. Unset: not assessed.
SOURCE_ORIGINS = ("stated", "none")


class Source(Record):
    id: str = _f("id")
    kind: str = _f("str", choices=SOURCE_KINDS)
    title: str = _f("str")
    language: str = _f("str")
    description: str = _f("str")
    publisher: str | None = _f("str", default=None)
    date: str | None = _f("str", default=None)
    date_note: str | None = _f("str", default=None)
    url: str | None = _f("str", default=None)
    cites: tuple[str, ...] = _f("strs", ref=("sources",), default=())
    defects: tuple[str, ...] = _f("strs", default=())
    origins: str | None = _f("str", choices=SOURCE_ORIGINS, default=None)
    # figures this source lost that other pages report: recorded under those pages, never as this source's own
    reported_elsewhere: tuple[str, ...] = _f("strs", ref=("stats",), default=())

    @property
    def name(self) -> str:
        return self.title


def source_row(k: Knowledge, src: Source) -> Row:
    """A source with how many statistics and records rest on it."""
    row = as_dict(src)
    row["statistics"] = k.stats.count(source=[src.id], cited_source=[src.id])
    row["records"] = len(_records_citing(k, src))
    return row


def _brief(k: Knowledge, hit: Hit) -> Row:
    return source_ref(k, hit.record.id) or {}


def _row(k: Knowledge, hit: Hit) -> Row:
    return source_row(k, hit.record)


def _stats_citing(k: Knowledge, src: Any) -> list[Any]:
    return [Hit(s) for s in k.stats.where(source=[src.id], cited_source=[src.id])]


def _records_citing(k: Knowledge, src: Any) -> list[Any]:
    return k.citing(src.id)


KIND = Kind(
    Source, "sources", "source", columns=["id", "kind", "title", "publisher", "date", "language", "statistics",
                                          "records"],
    extra=["statistics", "records"], row=_row, record=source_row, brief=_brief,
    named=False,
    sections=[
        Section("statistics it supports", _stats_citing, STAT_BRIEF, optional=("member_name",)),
        Section("records citing it", _records_citing, NAMED_BRIEF),
        Section("figures it lost, as other pages report them",
                lambda k, src: [s for i in src.reported_elsewhere if (s := k.stat(i)) is not None], STAT_BRIEF),
    ],
)
