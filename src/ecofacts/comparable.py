"""What makes two figures of one subject and metric comparable: the same publisher (an office of official
statistics or not), the same definition (unit and label), the same status, exact figures. `series` marks a break
in its line where one of these changes (`breaks`), and `change` says why two figures cannot be compared
(`why_not`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ecofacts.names import fold

if TYPE_CHECKING:
    from ecofacts.kinds.stat import Stat
    from ecofacts.knowledge import Knowledge

# A publisher whose name starts with one of these is an office of official statistics (a newspaper reporting its
# figures is not: "RTL Info (Belga, Statbel figures)").
OFFICIAL_STATISTICS = ("statbel", "statistiek vlaanderen", "statistics flanders", "iweps", "ibsa", "eurostat",
                       "national bank of belgium", "nbb", "institute for national accounts", "oecd")

BREAKS = ("publisher", "definition", "unit", "gap")
_PARENTHESES = re.compile(r"\([^()]*\)")

def publisher_key(k: Knowledge, stat: Stat) -> str:
    """Who published a figure, as one name: the publisher before any parenthesis or comma ("Statistiek
    Vlaanderen" for both of its pages), else the source's title."""
    return _publisher_key(publisher_name(k, stat))


@lru_cache(maxsize=4096)
def _publisher_key(name: str) -> str:
    return fold(name.split(" (")[0].split(",")[0])


def publisher_name(k: Knowledge, stat: Stat) -> str:
    return source_publisher(k, stat.source)


def source_publisher(k: Knowledge, source: str) -> str:
    """Who published the source `source`: its publisher, else its title (its id when it is not recorded)."""
    src = k.by_id.get(source)
    return (src.publisher or src.title) if src is not None else source


def is_official(k: Knowledge, stat: Stat) -> bool:
    return official(publisher_name(k, stat))


def official(publisher: str) -> bool:
    """Whether `publisher` is an office of official statistics."""
    return _publisher_key(publisher).startswith(OFFICIAL_STATISTICS)


def definition(k: Knowledge, stat: Stat) -> tuple[str, str]:
    """What a figure measures, as far as its record says: its unit and its label without parentheses, the
    subject's names and punctuation ("R&D expenditure as % of GDP, Belgium" and "R&D expenditure as % of GDP
    (Eurostat)" are one definition)."""
    rec = k.by_id.get(stat.subject)
    names = (stat.subject,) if rec is None else (rec.id, rec.name, *getattr(rec, "aliases", ()))
    return stat.unit, _label_words(stat.label, names)


@lru_cache(maxsize=4096)
def _label_words(label: str, places: tuple[str, ...]) -> str:
    text = f" {fold(_PARENTHESES.sub(' ', label))} "
    for word in sorted({fold(n) for n in places}, key=len, reverse=True):
        text = text.replace(f" {word} ", " ")
    return " ".join(text.split())


def breaks(k: Knowledge, before: tuple[int, Stat], after: tuple[int, Stat]) -> tuple[list[str], list[str]]:
    (y0, a), (y1, b) = before, after
    marks: list[str] = []
    notes: list[str] = []
    if publisher_key(k, a) != publisher_key(k, b):
        marks.append("publisher")
        notes.append(f"publisher changes: {publisher_name(k, a)} ({y0}) → {publisher_name(k, b)} ({y1})")
    if a.unit != b.unit:
        marks.append("unit")
        notes.append(f"unit changes: {a.unit} ({y0}) → {b.unit} ({y1})")
    elif definition(k, a) != definition(k, b):
        marks.append("definition")
        notes.append(f"label changes, and so may the definition: '{a.label}' ({y0}) → '{b.label}' ({y1})")
    if y1 - y0 > 1:
        marks.append("gap")
        missing = f"{y0 + 1}" if y1 - y0 == 2 else f"{y0 + 1}–{y1 - 1}"
        notes.append(f"no measured figure for {missing}")
    return marks, notes


_BOUNDS = ("at_least", "almost", "up_to")


def why_not(k: Knowledge, a: Stat, b: Stat) -> list[str]:
    why = []
    if a.unit != b.unit:
        why.append(f"units differ ({a.unit} vs {b.unit})")
    elif definition(k, a) != definition(k, b):
        why.append(f"definitions may differ ('{a.label}' vs '{b.label}')")
    if a.status != b.status:
        why.append(f"statuses differ ({a.status} vs {b.status})")
    if publisher_key(k, a) != publisher_key(k, b):
        why.append(f"publishers differ ({publisher_name(k, a)} vs {publisher_name(k, b)})")
    for s in (a, b):
        if s.value_max is not None:
            why.append(f"{s.id} is a range ({s.text})")
        elif s.qualifier in _BOUNDS:
            why.append(f"{s.id} is a bound, not a figure ({s.text})")
    if a.qualifier != b.qualifier and not why:
        why.append(f"one end is approximate and the other not ({a.text} vs {b.text})")
    return why
