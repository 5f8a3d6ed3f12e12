"""Which place a figure of a sentence is said of (`ecofacts verify`): the places a sentence names, by name or
adjective, left to right (`Places.mentions`), its clauses, and the one place (or places named together) each figure
belongs to (`Places.scope_of`). `verify_matching` sets the figure against the statistics of that place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property
from itertools import pairwise
from typing import TYPE_CHECKING, Any, NamedTuple

from ecofacts import query
from ecofacts.names import fold
from ecofacts.verify_words import DEMONYMS, INHABITANTS, STATISTICAL_OFFICES

if TYPE_CHECKING:
    from ecofacts.knowledge import Knowledge


class _Mention(NamedTuple):
    start: int
    end: int
    ids: frozenset[str]
    adjective: bool = False  # named by its adjective ("European"), not by its name


class _Clause(NamedTuple):
    start: int
    end: int
    contrast: bool  # "unlike Belgium": a place named there is what the sentence sets the figures against


# Where a clause starts: after a comma or semicolon, before a conjunction (the conjunction is the clause's).
_CONTRAST = ("unlike", "compared", "as opposed", "contrairement", "à la différence", "a la difference",
             "im gegensatz", "anders als")
_CLAUSE = re.compile(r"[,;]\s+|\s+(?=(?:and|but|while|whilst|whereas|including|of which|et|mais|tandis|alors que|"
                     r"dont|und|aber|sondern|während|wahrend|wohingegen|davon|darunter|"
                     + "|".join(_CONTRAST) + r")\b)", re.IGNORECASE)
# A line's lead-in: what stands before its first colon with no figure in it (`Lettre aux actionnaires :`, `Debat in een
# studentenvereniging:`), who or where the line is from
_LEAD = re.compile(r"[^\d:]*?\s?:\s+")


def without_lead(clause: str) -> str:
    """`clause` without the lead-in of its line, if it has one."""
    lead = _LEAD.match(clause)
    return clause[lead.end():] if lead else clause


# What may stand between a figure and the place it is of, when the place comes after it: "3,800 in Wallonia",
# "1.25% across the EU", "dans toute l'UE", "in heel Vlaanderen", "in ganz Europa".
_ATTACHED = re.compile(r"\s*(?:(?:in|en|dans|au|aux|à|a|for|pour|für|fur|im|bei|at|across|throughout|within|uit|"
                       r"from|aus|dans\s+toute?|in\s+heel|in\s+ganz)\s+"
                       r"(?:(?:the|la|le|les|der|die|dem|den)\s+|l['’])?)?", re.IGNORECASE)


# What a multiple is measured against comes after one of these: "twice as fast as", "plus vite que", "sneller dan"
_AGAINST = re.compile(r"\b(?:as|than|que|qu|comme|dan|als|wie)\b", re.IGNORECASE)


# What a share is of, named after the place whose share it is: "Flanders' share of Belgium's goods exports", "la part
# de la Wallonie dans les exportations belges", "het aandeel van Vlaanderen in de Belgische export", "der Anteil
# Flanderns an den belgischen Ausfuhren"
# What may stand between a share's whole and the place it is of, right after it: up to three words
_NEXT = re.compile(r"(?:\s+[^\W\d]+){0,3}\s+")
_SHARE = re.compile(r"\b(?:share|part|aandeel|anteil)\b|(?:%|\bper\s?cent|\bpour\s?cent|\bprocent|\bprozent)\s+"
                    r"(?:of|van|des?|du|der|aller|all)\b", re.IGNORECASE)
_WHOLE = re.compile(r"(?:['’]s?\s+share\s+(?:of|in)|\bpart\b[^,;.]{0,60}?\bdans|\baandeel\b[^,;.]{0,60}?\bin|"
                    r"\banteil\b[^,;.]{0,60}?\ban|(?P<percent>(?:%|\bper\s?cent|\bpour\s?cent|\bprocent|\bprozent)\s+"
                    r"(?:of|van|des?|du|der|aller|all)))\s+"
                    r"(?:(?:the|les?|la|l['’]|de|het|den|der|dem|des)\s*)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


# Who says a figure, right before a place in its name: "volgens Statistiek Vlaanderen", "according to the Wallonia
# Export & Investment Agency" (capitalised words between, as a name's are)
_CITING = re.compile(r"\b(?:according\s+to|volgens|selon|d['’]après|d['’]apres|laut|gemäß|gemass|aldus)\s+"
                     r"(?:(?:the|de|het|la|le|les|l['’]|der|die|das|dem|den)\s*)?(?:(?-i:[A-Z][\w.&-]*)\s+){0,3}$",
                     re.IGNORECASE)


# ... or a statistical office named by its place ("Statistiek Vlaanderen donne 159 … pour la Wallonie")
_OFFICE = re.compile(rf"(?-i:\b(?:{'|'.join(STATISTICAL_OFFICES)}))\s+$")
# ... or of the rules it follows ("conformément aux lignes directrices européennes", "in line with EU guidelines")
_RULES = (r"\b(?:conformément\s+(?:à|aux?)|conformement\s+(?:a|aux?)|in\s+accordance\s+with|in\s+line\s+with|"
          r"overeenkomstig|in\s+overeenstemming\s+met|gemäß|gemass|im\s+einklang\s+mit)\s+")
_RULING = re.compile(_RULES, re.IGNORECASE)
_RULED = re.compile(_RULES + r"(?:\S+\s+){0,3}$", re.IGNORECASE)


def _only_by(some: list[_Mention], mentions: list[_Mention]) -> frozenset[str]:
    """The places `some` of the mentions name that no other mention names."""
    return frozenset().union(*(m.ids for m in some)) - frozenset().union(*(m.ids for m in mentions if m not in some))


def _against(sentence: str, end: int, start: int) -> bool:
    """Whether a multiple ending at `end` is measured against what is named at `start`: a word of comparison between
    them, in the multiple's clause ("multipliés par 3 à 5, une envolée que les producteurs de Fleurus ...": the
    "que" of another clause compares nothing to the multiple)."""
    than = _AGAINST.search(sentence, end, start)
    return than is not None and not re.search(r"[,;:]", sentence[end:than.start()])
# What joins two places named together: "in Wallonia and (in) Brussels", "in der Wallonie und in Brüssel".
_JOINED = re.compile(r"\s*(?:and|et|en|und|&)\s+(?:(?:in|en|à|a|au|im|dans)\s+)?(?:(?:the|la|le|der|die|de|het)\s+)?",
                     re.IGNORECASE)


def _joined(sentence: str, a: _Mention, b: _Mention) -> bool:
    return bool(_JOINED.fullmatch(sentence[a.end:b.start]))


def _clauses(sentence: str, mentions: list[_Mention]) -> list[_Clause]:
    """The clauses of `sentence`, never cutting a place's name ("Wallonia and Brussels") nor two places named
    together ("in der Wallonie und in Brüssel")."""
    cuts = [0] + [m.end() for m in _CLAUSE.finditer(sentence)
                  if not any(n.start < m.start() < n.end for n in mentions)
                  and not any(n.end <= m.start() < o.start and _joined(sentence, n, o)
                              for n, o in pairwise(mentions))] + [len(sentence)]
    return [_Clause(a, b, sentence[a:b].lower().startswith(_CONTRAST)) for a, b in pairwise(cuts) if b > a]


# The words of a place set before a sentence ("In Flanders,", "En Wallonie et à Bruxelles,", "In der Wallonie,")
_FRONTING = {"in", "en", "au", "aux", "dans", "a", "im", "op", "te", "the", "la", "le", "les", "l", "der", "die",
             "dem", "den", "het", "de", "and", "et", "und"}


def _fronted(sentence: str, clause: _Clause, mentions: list[_Mention]) -> frozenset[str]:
    """The places a clause names when it is nothing but them, set before the sentence ("In Flanders,")."""
    own = [m for m in mentions if clause.start <= m.start < clause.end and not m.adjective]
    if not own:
        return frozenset()
    rest, at = [], clause.start
    for m in own:
        rest.append(sentence[at:m.start])
        at = m.end
    rest.append(sentence[at:clause.end])
    words = fold(" ".join(rest)).replace("'", " ").replace("’", " ").split()
    return frozenset().union(*(m.ids for m in own)) if set(words) <= _FRONTING else frozenset()


class Places:
    """The places (regions and cities) of a knowledge, the names and adjectives that name them."""

    def __init__(self, k: Knowledge, names: list[tuple[str, Any]]) -> None:
        self.k = k
        self.demonyms = {word: rid for word, rid in DEMONYMS.items() if rid in k.by_id}
        self.places = {rid for rid, table in k.table_of.items() if table in ("regions", "cities")}
        # the names that name a place, by their first word
        self.place_names: dict[str, list[tuple[list[str], frozenset[str]]]] = {}
        for key, ids in names:
            if here := frozenset(ids) & self.places:
                self.place_names.setdefault(key.split()[0], []).append((key.split(), here))

    def regions_too(self, ids: Iterable[str]) -> frozenset[str]:
        """`ids` and the region a city there names too: "Brussel", "Bruxelles" (the city) speak of the region."""
        ids = frozenset(ids)
        return ids | {rid.split("-")[0] for rid in ids
                      if self.k.table_of.get(rid) == "cities" and self.k.table_of.get(rid.split("-")[0]) == "regions"}

    def mentions(self, text: str) -> list[_Mention]:
        """Where `text` names a place, by name or adjective, left to right; a name inside a longer one
        ("Wallonia" in "Wallonia and Brussels") is left out."""
        words = [(piece, m.start(), m.end(), m.group()[:1].isupper())
                 for m in re.finditer(r"[^\W_]+", text) for piece in fold(m.group()).split()]
        found: list[_Mention] = []
        for i, (word, start, end, upper) in enumerate(words):
            for key, ids in self.place_names.get(word, ()):
                if [w[0] for w in words[i:i + len(key)]] == key and (len(key) > 1 or upper):
                    found.append(_Mention(start, words[i + len(key) - 1][2], self.regions_too(ids)))
            if (rid := self.demonyms.get(word)) in self.places:
                found.append(_Mention(start, end, frozenset({rid}), adjective=True))
        return sorted((m for m in found if not any(o != m and o.start <= m.start and m.end <= o.end for o in found)),
                      key=lambda m: m.start)

    def scope_of(self, sentence: str, named: set[str], begin: int, end: int, multiple: bool = False) -> set[str]:
        """What the figure at `begin:end` of `sentence` (which names `named`) speaks of: when the sentence names
        several places, the one of its clause that is right after it ("3,800 in Wallonia") or, failing that, the
        nearest before it; when its clause names none, every place of the sentence but those only named after
        "unlike" and the like. The subjects that are not places count for every figure of the sentence; a place
        a `multiple` is measured against ("twice as fast as the EU average"), or that a share is of ("Flanders'
        share of Belgium's exports"), is not its subject."""
        mentions = self.mentions(sentence) if multiple or _SHARE.search(sentence) else None
        if mentions and multiple:
            named = named - {rid for m in mentions if m.start >= end and _against(sentence, end, m.start)
                             for rid in m.ids}
        if mentions and not multiple:  # what a share is of is not whose it is
            # ("65% of Belgium's filings" is a whole of that figure only, and only where another place comes before
            # it: "Walloon inventors … 65% of Belgium's …", not "35 % der wallonischen Pharmaexporte", nor where the
            # place before is a name of that one and of another: "Brussels factsheet: … 1.8% of the capital's
            # workforce", Brussels the city and the region, nor a statistical office named by its place: "volgens
            # Statistiek Vlaanderen ging 2,7% van het Vlaamse bbp … naar O&O")
            # (another place, before the figure or within three words after the whole; neither that
            # one nor the whole of another figure: "Flanders accounted for 82% of Belgian goods exports, and COVID-19
            # vaccines alone made up 4% of Flemish goods exports" is Flanders' share; "ongeveer 70 % van de Belgische
            # biotechbedrijven in Vlaanderen", Flanders')
            wholes = {rid for m in mentions if (w := _WHOLE.search(sentence, 0, m.start)) and (not w["percent"] or (
                begin <= w.start("percent") <= end and fold(sentence[m.start:m.end]) not in INHABITANTS
                and any((o.end <= begin or (m.end <= o.start and _NEXT.fullmatch(sentence, m.end, o.start)))
                        and not o.ids >= m.ids and not _WHOLE.search(sentence, 0, o.start)
                        and not _OFFICE.search(sentence, max(0, o.start - 20), o.start) for o in mentions)))
                      for rid in m.ids}
            if (named & self.places) - wholes:
                named = named - wholes
                mentions = [m for m in mentions if not m.ids <= wholes]  # nor is it the place nearest the figure
        places = named & self.places
        if places and _RULING.search(sentence):
            # a place whose rules the figure follows is not what it is of ("20 % … conformément aux lignes directrices
            # européennes": the heading's region's rate), wherever else it is not named
            mentions = mentions if mentions is not None else self.mentions(sentence)
            ruled = [m for m in mentions if _RULED.search(sentence, max(0, m.start - 50), m.start)]
            if rules := _only_by(ruled, mentions):
                named, places = named - rules, places - rules
                mentions = [m for m in mentions if m not in ruled]
        if len(places) < 2:
            return named
        mentions = mentions if mentions is not None else self.mentions(sentence)
        # a place in the name of whoever says the figure ("volgens Statistiek Vlaanderen", "according to the
        # Wallonia Export & Investment Agency") is not what it is of, where the sentence names another place
        cited = [m for m in mentions if _CITING.search(sentence, max(0, m.start - 50), m.start)
                 or _OFFICE.search(sentence, max(0, m.start - 20), m.start)]
        if (sources := _only_by(cited, mentions)) and places - sources:
            named, places = named - sources, places - sources
            mentions = [m for m in mentions if m not in cited]
            if len(places) < 2:
                return named
        clauses = _clauses(sentence, mentions)
        here = next((c for c in clauses if c.start <= begin < c.end), clauses[-1])
        own = [m for m in mentions if here.start <= m.start < here.end]
        after = [m for m in own if m.start >= end and _ATTACHED.fullmatch(sentence[end:m.start])]
        before = [m for m in own if m.end <= begin]
        if after and before and not sentence[before[-1].end:begin].strip(" :") and \
                sentence[end:after[0].start].strip().lower() in ("en", "and", "und", "et"):
            after = []  # "Brussel 71.200 en Wallonië 31.700": the place right before the figure, the next one's after
        if after or before:
            # the place right after the figure, else the nearest before it, with those named together with it
            first = last = own.index(after[0] if after else before[-1])
            while first > 0 and _joined(sentence, own[first - 1], own[first]):
                first -= 1
            while last + 1 < len(own) and _joined(sentence, own[last], own[last + 1]):
                last += 1
            together = own[first:last + 1]
            mention = together[0]
            chosen = frozenset().union(*(m.ids for m in together))
            if mention.adjective and all(getattr(self.k.by_id[p], "kind", None) in ("continent", "world")
                                         for p in chosen):
                # "Flemish applicants filed 1,613 European patent applications": the continent's adjective says
                # what of, the place inside it the sentence names says whose
                chosen = chosen | self.inside(places - chosen, chosen)
            return (named - places) | chosen

        fronted = _fronted(sentence, clauses[0], mentions)
        if fronted and clauses[0].end <= begin:
            # "In Flanders, nuclear medicine supports 3,800 jobs, and Wallonia's …": the place set before the
            # sentence is what its clauses that name none speak of
            return (named - places) | fronted

        def contrast(m: _Mention) -> bool:
            return next(c for c in clauses if c.start <= m.start < c.end).contrast

        contrasted = ({rid for m in mentions if contrast(m) for rid in m.ids}
                      - {rid for m in mentions if not contrast(m) for rid in m.ids})
        return (named - places) | ((places - contrasted) or places)

    def holding(self, rid: str) -> frozenset[str]:
        """The regions that hold the city or organisation `rid`: its region and those that region lies in (Leuven:
        Flanders, Belgium, Europe); none for a region."""
        if self.k.table_of.get(rid) == "regions":
            return frozenset()
        found: set[str] = set()
        region = getattr(self.k.by_id.get(rid), "region", None)
        while isinstance(region, str) and region not in found:
            found.add(region)
            region = getattr(self.k.by_id.get(region), "parent", None)
        return frozenset(found) | self.world

    @cached_property
    def world(self) -> frozenset[str]:
        """The regions that are the whole world, which hold every place."""
        return frozenset(p for p in self.places if getattr(self.k.by_id[p], "kind", None) == "world")

    def clause(self, sentence: str, begin: int) -> str:
        """The clause of `sentence` the figure at `begin` stands in."""
        clauses = _clauses(sentence, self.mentions(sentence))
        here = next((c for c in clauses if c.start <= begin < c.end), clauses[-1])
        return sentence[here.start:here.end]

    def inside(self, places: set[str], of: Iterable[str]) -> set[str]:
        """The regions of `places` that lie inside a region of `of` (Flanders inside Europe)."""
        regions = [self.k.by_id[p] for p in of if self.k.table_of.get(p) == "regions"]
        return {p for p in places if any(p in query.region_ids(self.k, r) for r in regions)}
