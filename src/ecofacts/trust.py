"""How we know a record, and how far it can bear weight: the provenance rule and the trust rule, in one place.

**Provenance** (`provenance`): what a record states is *quoted* from a document whose text we hold (a verbatim
quote that `check` proves), or *reported* by a public page (its URL, the figure as printed, our paraphrase).

**Trust** (`Weigher.level`, `level`): computed from the knowledge, never typed by hand. A statistic is

- `disputed` when another statistic of the same subject, metric, year and status gives a figure that does not
  agree with it (see `agree`), or when a doubt is recorded on it: a conflict on its subject one side of which
  rests on its source and prints its figure (the masthercell floor area's "60.000 m²"), or a label that says
  "doubtful" (the file's way of putting a doubt beside the figure);
- else `corroborated` when such a statistic from a source of another publisher gives the same figure, within
  the rounding of the less precise of the two;
- else `unverified` when its source names no origin for its figures (`origins = "none"`: the German article);
- else `single`: one source, nothing against it.

A claim is `disputed` when its subject has a recorded conflict one side of which rests on the claim's source
alone, else `unverified` or `single` as a statistic is (a claim's words cannot be matched with another's, so none
is corroborated). A relation is `disputed` when such a side, on either of its ends, names the other end;
`corroborated` when a source of another publisher gives the same relation (subject, kind, object); `implied` when
its source implies it without stating it (`basis = "implied"`); else `unverified` or `single`. Chain links carry
no trust level.

Statistics are weighed only as they are shown, their groups made subject by subject (one indexed query each),
once per `Weigher`; a listing `prime`s the weigher with the statistics it has read, so that none is read twice.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from ecofacts.names import fold

if TYPE_CHECKING:
    from decimal import Decimal

    from ecofacts.knowledge import Knowledge

QUOTED, REPORTED = "quoted", "reported"

CORROBORATED, SINGLE, DISPUTED, UNVERIFIED, IMPLIED = "corroborated", "single", "disputed", "unverified", "implied"
# A statistic's and a claim's levels, and a relation's, in the order `check` counts them.
LEVELS = (CORROBORATED, SINGLE, DISPUTED, UNVERIFIED)
RELATION_LEVELS = (*LEVELS, IMPLIED)
# The short marks of a table's `trust` column (never colour alone), and what each means, for the legend.
MARKS = {CORROBORATED: "++", SINGLE: "+", DISPUTED: "!", UNVERIFIED: "?", IMPLIED: "~"}
MEANINGS = {
    CORROBORATED: "corroborated",
    SINGLE: "single source",
    DISPUTED: "disputed",
    UNVERIFIED: "unverified",
    IMPLIED: "implied",
}


def provenance(k: Knowledge, source_id: str) -> str:
    """How we know what a record states: "quoted" from a document whose text we hold, or "reported" by a public
    page (its URL, the figure as printed and our paraphrase)."""
    src = k.by_id.get(source_id)
    return QUOTED if src is not None and src.kind == "document" else REPORTED


def weighs(cls: type[Any]) -> bool:
    """Whether records of class `cls` get a trust level: statistics, claims and relations."""
    names = {f.name for f in cls.FIELDS}
    return bool(names & {"metric", "claim", "basis"})


def mark(level: str | None) -> str:
    return MARKS.get(level or "", "")


def legend(levels: Iterable[str | None]) -> str:
    """The legend line of a table's trust marks, for the levels it shows ("trust: ! disputed, ? unverified …")."""
    shown = set(levels)
    return "trust: " + ", ".join(f"{MARKS[lv]} {MEANINGS[lv]}" for lv in RELATION_LEVELS if lv in shown)


def parse_levels(text: str, allowed: Iterable[str] = LEVELS) -> set[str]:
    """The levels of `--trust corroborated,single` (case ignored); a UsageError names the unknown ones."""
    from ecofacts.errors import UsageError

    allowed = tuple(allowed)
    named = {part.strip().lower() for part in text.split(",") if part.strip()}
    unknown = sorted(named - set(allowed))
    if unknown or not named:
        raise UsageError(f"unknown trust level {', '.join(repr(u) for u in unknown) or '(none given)'}; "
                         f"choose from: {', '.join(allowed)}")
    return named


# ---- figures: when two agree -------------------------------------------------------------------------------------

def step(value: float) -> Decimal:
    """The rounding step of a figure: its last non-zero digit's place (5.7 billion: 100 million; 3.65: 0.01),
    never coarser than its second significant digit (10 is 10 ± 0.5, not 10 ± 5; 60,000 is ± 500)."""
    from decimal import Decimal  # not on the way of a lookup that weighs nothing
    d = Decimal(repr(value) if isinstance(value, float) else int(value))
    if d == 0:
        return Decimal(1)
    d = d.normalize()
    last = d.as_tuple().exponent
    assert isinstance(last, int)
    second = d.adjusted() - 1
    return Decimal(1).scaleb(min(last, second))


# a subject with more statistics than this is read one metric at a time (`Weigher._group`)
_WHOLE = 2000


class Figure(NamedTuple):
    """What a statistic's group remembers of it: who published it, and the figure."""

    publisher: str
    unit: str
    value: float
    value_max: float | None


def agree(a: Figure, b: Figure) -> bool:
    """The same figure within the rounding of the less precise: each bound at most half a step apart."""
    from decimal import Decimal
    if (a.value_max is None) != (b.value_max is None):
        return False
    pairs = [(a.value, b.value)]
    if a.value_max is not None and b.value_max is not None:
        pairs.append((a.value_max, b.value_max))
    for x, y in pairs:
        half = max(step(x), step(y)) / 2
        if abs(Decimal(repr(float(x))) - Decimal(repr(float(y)))) > half:
            return False
    return True


def _publisher(src: Any, source_id: str) -> str:
    """Who published a source, folded, without its parenthesised detail ("Rad4Med.be (Belgian …)"); a source that
    names none is its own publisher."""
    name = getattr(src, "publisher", None)
    if not name:
        return f"source:{source_id}"
    return fold(name.split(" (")[0]).strip()


# ---- the weigher ---------------------------------------------------------------------------------------------------

class Weigher:
    """The trust levels of one knowledge, computed as records are asked for and remembered."""

    def __init__(self, k: Knowledge) -> None:
        self.k = k
        self._groups: dict[tuple[Any, ...], list[Figure]] = {}  # (subject, metric, year, status) -> its figures
        self._all = False  # every group made
        self._subjects: set[str] = set()  # subjects whose groups are all made
        self._metrics: set[tuple[str, str]] = set()  # (subject, metric) whose groups are made
        self._sources: dict[str, tuple[str, bool]] = {}  # source id -> (publisher, names no origin)
        self._sides: dict[str, list[tuple[frozenset[str], str]]] = {}  # record id -> conflict sides
        self._levels: dict[tuple[Any, ...], str] = {}  # see `stat`

    # what is known of sources and subjects
    def _source(self, source_id: str) -> tuple[str, bool]:
        found = self._sources.get(source_id)
        if found is None:
            src = self.k.by_id.get(source_id)
            found = self._sources[source_id] = (_publisher(src, source_id), getattr(src, "origins", None) == "none")
        return found

    def _conflict_sides(self, record_id: str) -> list[tuple[frozenset[str], str]]:
        """(its sources, what it says, folded) of every side of every conflict recorded on a record."""
        found = self._sides.get(record_id)
        if found is None:
            rec = self.k.by_id.get(record_id)
            found = []
            for conflict in getattr(rec, "conflicts", ()) or ():
                for side in conflict.claims:
                    found.append((frozenset(side.sources), fold(side.says)))
            self._sides[record_id] = found
        return found

    def _contested(self, record_id: str, source_id: str) -> bool:
        """Whether a conflict on the record has a side resting on `source_id` alone."""
        return any(sources == {source_id} for sources, _ in self._conflict_sides(record_id))

    # statistics
    def _key(self, stat: Any) -> tuple[Any, ...] | None:
        if stat.year is None:
            return None  # an undated figure is compared with nothing
        return (stat.subject, stat.metric, stat.year, stat.status)  # a forecast neither confirms nor contradicts

    def _figure(self, stat: Any) -> Figure:
        return Figure(self._source(stat.source)[0], stat.unit, stat.value, stat.value_max)

    def _add(self, stats: Iterable[Any]) -> None:
        for stat in stats:
            key = self._key(stat)
            if key is not None:
                group = self._groups.setdefault(key, [])
                figure = self._figure(stat)
                if figure not in group:  # copies of one figure by one publisher count once
                    group.append(figure)

    def prime(self, stats: list[Any], subjects: Iterable[str] | None = None) -> None:
        """The groups of the statistics in hand, so that they are not read again: `stats` are every statistic of
        `subjects`, or (None) every statistic of the knowledge (checked by their number)."""
        if subjects is None:
            if len(stats) != len(self.k.stats):
                return
            self._all = True
        else:
            self._subjects.update(subjects)
        self._add(stats)

    def prime_pairs(self, stats: list[Any], pairs: Iterable[tuple[str, str]]) -> None:
        """The groups of the statistics in hand: `stats` are every statistic of each (subject, metric) of `pairs`
        (what `series --metric` reads), so that weighing them reads nothing again."""
        self._metrics.update(pairs)
        self._add(stats)

    def _group(self, stat: Any) -> list[Figure]:
        key = self._key(stat)
        if key is None:
            return []
        pair = (stat.subject, stat.metric)
        if not self._all and stat.subject not in self._subjects and pair not in self._metrics:
            if self.k.stats.count(subject=[stat.subject]) <= _WHOLE:  # a subject read once, whole
                self._subjects.add(stat.subject)
                self._add(self.k.stats.where(subject=[stat.subject]))
            else:  # a group is of one subject and metric: read those only (a region of the 100k file holds 20,000)
                self._metrics.add(pair)
                self._add(self.k.stats.where_each(subject=[stat.subject], metric=[stat.metric]))
        return self._groups.get(key, [])

    def doubted(self, stat: Any) -> bool:
        """A doubt recorded on the statistic: its label says "doubtful", or a conflict on its subject has a side
        resting on its source that prints its figure."""
        if "doubtful" in stat.label.lower():
            return True
        text = fold(stat.text)
        return any(stat.source in sources and text and text in says
                   for sources, says in self._conflict_sides(stat.subject))

    def stat(self, stat: Any) -> str:
        # copies of a figure (same group, figure, source, label and text) share a level: weighed once
        memo = (self._key(stat), stat.unit, stat.value, stat.value_max, stat.source, stat.label, stat.text)
        found = self._levels.get(memo)
        if found is None:
            found = self._levels[memo] = self._stat(stat)
        return found

    def _stat(self, stat: Any) -> str:
        own = self._figure(stat)
        group = self._group(stat)
        comparable = [f for f in group if f.unit == own.unit]
        if self.doubted(stat) or any(not agree(own, f) for f in comparable):
            return DISPUTED
        if any(f.publisher != own.publisher and agree(own, f) for f in comparable):
            return CORROBORATED
        return UNVERIFIED if self._source(stat.source)[1] else SINGLE

    def claim(self, claim: Any) -> str:
        if self._contested(claim.subject, claim.source):
            return DISPUTED
        return UNVERIFIED if self._source(claim.source)[1] else SINGLE

    def _names(self, record_id: str) -> list[str]:
        rec = self.k.by_id.get(record_id)
        names = [record_id, getattr(rec, "name", ""), *(getattr(rec, "aliases", ()) or ())]
        return [n for n in (fold(name) for name in names) if n]

    def _contests(self, end: str, other: str, source_id: str) -> bool:
        """Whether a conflict on `end` has a side resting on `source_id` alone that names `other`."""
        names = self._names(other)
        return any(sources == {source_id} and any(name in says for name in names)
                   for sources, says in self._conflict_sides(end))

    def relation(self, rel: Any) -> str:
        if self._contests(rel.subject, rel.object, rel.source) or self._contests(rel.object, rel.subject, rel.source):
            return DISPUTED
        publisher = self._source(rel.source)[0]
        if any(other.source != rel.source and self._source(other.source)[0] != publisher
               and (other.subject, other.kind, other.object) == (rel.subject, rel.kind, rel.object)
               for other in self.k.whole["relations"]):
            return CORROBORATED
        if rel.basis == "implied":
            return IMPLIED
        return UNVERIFIED if self._source(rel.source)[1] else SINGLE

    def level(self, rec: Any) -> str | None:
        """The trust level of a statistic, claim or relation; None for a record that has none."""
        if hasattr(rec, "metric"):
            return self.stat(rec)
        if hasattr(rec, "basis"):
            return self.relation(rec)
        if hasattr(rec, "claim"):
            return self.claim(rec)
        return None

    def disputing(self, stat: Any) -> list[Any]:
        """What disputes a statistic, for `cite`'s "disputed: see …": the statistics of its group whose figure
        does not agree with it, and the subject whose conflict doubts it (by id)."""
        own = self._figure(stat)
        found: list[Any] = []
        key = self._key(stat)
        if key is not None and any(f.unit == own.unit and not agree(own, f) for f in self._group(stat)):
            found += [s.id for s in self.k.stats.where(subject=[stat.subject])
                      if self._key(s) == key and s.unit == stat.unit and not agree(own, self._figure(s))]
        if self.doubted(stat):
            found.append(stat.subject if self._conflict_sides(stat.subject) else stat.id)
        return found


_WEIGHERS: weakref.WeakKeyDictionary[Any, Weigher] = weakref.WeakKeyDictionary()


def weigher(k: Knowledge) -> Weigher:
    """The one weigher of a knowledge (made on first use)."""
    found = _WEIGHERS.get(k)
    if found is None:
        found = _WEIGHERS[k] = Weigher(k)
    return found


def level(k: Knowledge, rec: Any) -> str | None:
    """The trust level of a statistic, claim or relation of `k` (see the module's docstring)."""
    return weigher(k).level(rec)


def counts(k: Knowledge) -> dict[str, dict[str, int]]:
    """How many statistics, claims and relations are at each level (`check`)."""
    w = weigher(k)
    stats = list(k.stats)
    w.prime(stats)
    out: dict[str, dict[str, int]] = {}
    for table, records, levels in (("stats", stats, LEVELS), ("claims", k.whole["claims"], LEVELS),
                                   ("relations", k.whole["relations"], RELATION_LEVELS)):
        tally = dict.fromkeys(levels, 0)
        for rec in records:
            found = w.level(rec)
            if found is not None:
                tally[found] = tally.get(found, 0) + 1
        out[table] = tally
    return out
