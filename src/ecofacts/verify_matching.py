"""Matching a figure to the statistics (`ecofacts verify`), and the verdict on it.

Each figure is matched to the statistics by value (every reading of its notation) and by the words around it: the
subjects its sentence names (names and aliases of the knowledge, `k.names`, and the regions' adjectives; of
several places, the one of the figure's own clause, see `verify_places`), the words of each statistic's label
and metric (`verify_words.tokens`), the years and whether the sentence speaks of the future. Verdicts:

- `supported`: a statistic of that value, about what the sentence speaks of, for its year and status;
- `value-differs`: the statistic the sentence speaks of has another value (a wrong scale too);
- `year-differs`: same value and statistic, but the sentence dates it to another year;
- `scope-differs`: the value is another subject's (Belgium's figure written as Wallonia's);
- `status-differs`: a forecast or target written as a fact;
- `unknown`: nothing in the knowledge speaks of it, with the reason.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from ecofacts import query
from ecofacts.kinds.base import year_span
from ecofacts.names import fold, stem
from ecofacts.verify_places import Places, without_lead
from ecofacts.verify_reading import Figure
from ecofacts.verify_words import (
    BY_YEAR,
    DEMONYMS,
    FUTURE_WORDS,
    GENERIC_WORDS,
    GOAL_WORDS,
    INHABITANTS,
    NET_OF_INFLATION,
    NOW_WORDS,
    REACHED_WORDS,
    STOP_WORDS,
    concepts,
    counted,
    measures,
    tokens,
    typed_words,
    units_named,
    year_halves,
    years_of,
)
from ecofacts.vocabulary import load as load_vocabulary
from ecofacts.vocabulary import metric_families

if TYPE_CHECKING:
    from ecofacts.knowledge import Knowledge

SUPPORTED, UNKNOWN = "supported", "unknown"
VALUE_DIFFERS, YEAR_DIFFERS, SCOPE_DIFFERS, STATUS_DIFFERS = (
    "value-differs", "year-differs", "scope-differs", "status-differs")
CONTRADICTIONS = (VALUE_DIFFERS, YEAR_DIFFERS, SCOPE_DIFFERS, STATUS_DIFFERS)
VERDICTS = (SUPPORTED, *CONTRADICTIONS, UNKNOWN)

# A period of two years, which a clause's cut before "and" must not part: "between 2016 and 2023", "de 2016 à 2023"
_PERIOD = re.compile(r"\b(?:between|from|entre|de|du|tussen|van|zwischen|von)\s+(?:19|20)\d\d\s+(?:and|to|et|à|a|au|"
                     r"en|tot|und|bis)\s+(?:19|20)\d\d\b", re.IGNORECASE)


class Finding(NamedTuple):
    line: int
    column: int
    text: str
    verdict: str
    statistic: str | None
    expected: dict[str, Any] | None
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return self._asdict()


class _Stat(NamedTuple):
    rec: Any
    unit: str
    words: set[str]
    about: frozenset[str] = frozenset()  # its subject and the organisations its label names ("Members of BioWin")
    rank: tuple[bool, int] = (True, 0)  # how it sorts after the words and the year: measured first, the latest


# what `how many` asks to count, in the four languages (folded): the words after it
_HOW_MANY = re.compile(r"\b(?:how many|combien d(?:e|es)?|hoeveel|wie viele|wieviele)\s+(?P<what>(?:\w+\s*){1,4})")


@functools.cache
def _families(metric: str) -> frozenset[str]:
    """The metric families of a metric id: two ids of one measure share them (`biopharma_exports_eur`,
    `biotech_biopharma_exports_eur`)."""
    return frozenset(metric_families(metric))


@functools.cache
def _population() -> frozenset[str]:
    """The words of a population (`inhabitant`, `metric:population`): a count of a place's inhabitants says them."""
    return frozenset(tokens("inhabitants") | concepts(("inhabitants",)))


@functools.cache
def _people() -> frozenset[str]:
    """The vocabulary's words for people counted (`people`, `Menschen`, `personnes`, `mensen`)."""
    return frozenset(fold(w) for w in load_vocabulary().entries("unit")["people"].all_words())


def _unit_of(stat_unit: str) -> str:
    unit = stat_unit.lower()
    if unit in ("%",) or unit.startswith("percent"):  # of GDP, of the EU average, of a total, of companies
        return "percent"
    if unit.split(" ")[0] in ("eur", "usd", "gbp", "chf", "pps"):  # and per inhabitant
        return "money"
    if unit in ("times", "x"):
        return "multiple"
    if unit == "rank":
        return "rank"
    return "count"


# Currencies other than the euro, as a figure writes them, and as a statistic's unit names them.
_FOREIGN = {"$": "usd", "usd": "usd", "dollar": "usd", "dollars": "usd", "£": "gbp", "gbp": "gbp", "chf": "chf"}


def _currency(figure: Figure) -> str | None:
    """The currency other than the euro a money figure is written in ("$20 billion", "2,2 miljard dollar")."""
    if figure.unit != "money":
        return None
    return next((_FOREIGN[w] for w in re.findall(r"[$£]|[a-z]+", figure.text.lower()) if w in _FOREIGN), None)


def _currency_of(stat_unit: str) -> str | None:
    """The currency other than the euro of a statistic's unit (euros and PPS: none)."""
    return _FOREIGN.get(stat_unit.split(" ")[0].lower())


def _compatible(figure_unit: str, stat_unit: str) -> bool:
    if figure_unit == "scaled":
        return stat_unit in ("money", "count")
    return figure_unit == stat_unit


def _stat_ulp(value: Any) -> float:
    """The place of a stored value's last digit: 1 for 3800, 0.01 for 3.65."""
    text = repr(float(value))
    if "e" in text or text.endswith(".0"):
        return 1.0
    return 10.0 ** -len(text.partition(".")[2])


def _close(a: float, b: float, ulp_a: float = 0.0, ulp_b: float = 0.0) -> bool:
    """The same figure, rounded: within half the last written digit of the less precise one ("3.6 %" is 3.61 %,
    "€74k" is €74,068), or within 0.2 % ("37,000" is 36,956, "581" is not 578); a figure too long to be a float
    (inf) is close to nothing."""
    if not (math.isfinite(a) and math.isfinite(b)):
        return False
    return abs(a - b) <= max(1e-9, 0.5 * max(ulp_a, ulp_b) * 1.0001, 0.002 * max(abs(a), abs(b)))


# How far off a statistic a figure may be and still be read as a wrong value of it, not as another measure.
_FAR = 20.0


def _within_reach(figure: Figure, rec: Any) -> bool:
    """Whether some value of `figure` is within a factor `_FAR` of the statistic `rec`'s value (either sign)."""
    stat = abs(float(rec.value))
    return stat == 0 or any(stat / _FAR <= abs(v) <= stat * _FAR for v in figure.values)


def value_matches(figure: Figure, rec: Any, factor: float = 1.0) -> bool:
    """Whether `figure` (times `factor`, to find a wrong scale) says the value of the statistic `rec`."""
    low, high = float(rec.value), rec.value_max
    qualifier = getattr(rec, "qualifier", None)
    # a figure more precise than the statistic matches it only when the source rounded it ("about 3.6 %")
    ulp_low = _stat_ulp(low) if qualifier in ("about", "almost") else 0.0
    for i, raw in enumerate(figure.values):
        value, ulp = raw * factor, figure.ulp(i) * factor
        if qualifier == "at_least" and value + 0.5 * ulp < low:
            continue  # below a lower bound, as written: 31,956 is not "more than 32,000"
        if qualifier == "almost" and value - 0.5 * ulp > low:
            continue  # above an upper bound, as written: 45,050 is not "almost 45,000"
        if figure.value_max is not None:
            if high is not None and _close(value, low, ulp, ulp_low) and _close(
                    figure.value_max * factor, float(high), ulp, ulp_low and _stat_ulp(high)):
                return True
        elif (_close(value, low, ulp, ulp_low) and (high is None or figure.at_least)) or (
                high is not None and _close(value, low, ulp, ulp_low)):
            return True
    return False


# Where a clause after a figure's starts: "3.05 %, which exceeded the EU's target" (what it says is not the figure).
_CLAUSE_END = re.compile(r"[,;:]\s|\s[–—-]\s|\s\(")


# A plan named ("the Circular Wallonia plan", "le plan Marshall"): the policy a figure was reached under, no word of
# the future
_NAMED_PLAN = re.compile(r"\b(?:the|its|their|le|du|au|het|de|der|dem|des)\s+(?:(?:[A-ZÀ-Þ][\w-]*\s+)+plan|plan(?=\s+"
                         r"[A-ZÀ-Þ]))\b")


def _up_to_clause_end(sentence: str, end: int | None) -> str:
    """`sentence` up to the end of the clause of the figure that ends at `end` (whole when `end` is None): a word of
    the future or of a plan ("vise", "Ziel", "objective") in a later clause speaks of something else ("spent 1.9 %,
    and aims higher"); one before it governs the figure ("According to the plan, 3 % ...")."""
    if end is None:
        return sentence
    cut = _CLAUSE_END.search(sentence, end)
    return sentence if cut is None else sentence[:cut.start()]


# German "werden" says the future before an infinitive ("wird … erreichen"), the passive before a participle ending the
# clause ("werden … recycelt", "wird … produziert")
_WERDEN = {"wird", "werden"}
_PARTICIPLE_AT_END = re.compile(r"\b(?-i:[a-zäöüß]{4,}t)\W*$")


# The capital's region, named by what it is (folded)
_THE_CAPITAL = ("the capital", "the capital region", "capital region", "la capitale", "region capitale",
                "la region capitale", "de hoofdstad", "hoofdstedelijk gewest", "het hoofdstedelijk gewest",
                "die hauptstadt", "der hauptstadt", "hauptstadtregion", "die hauptstadtregion", "der hauptstadtregion")
# The country a draft speaks of, named by what it is (folded)
_THE_COUNTRY = ("the country", "this country", "our country", "le pays", "ce pays", "notre pays", "het land",
                "dit land", "ons land", "das land", "des landes", "unser land", "unseres landes", "the kingdom",
                "le royaume", "du royaume", "het koninkrijk", "das konigreich", "des konigreichs", "the whole country",
                "tout le pays", "l'ensemble du pays", "het hele land", "heel het land", "das ganze land",
                "im ganzen land")


# the word right before a number, with its possessive ("Ocean's 11")
_NAME_BEFORE = re.compile(r"([^\W\d_][\w'’]*)\s$")
_ELIDED = re.compile(r"^(?:[dlDL]|[Qq]u)['’](?=\w)")
# the units of statistics that count no people: a count of people is none of theirs
_THINGS = {"companies", "applications", "trials", "trials_per_year", "index", "rank", "m2", "years", "times"}
# what a share is of, named right after it: "of the …", "der …", "van de …", "des …"
_SHARE_OF = re.compile(r"\s*(?:of|der|des|van|von|du|de)\s+((?:\S+\s+){0,3}\S+)", re.IGNORECASE)
# units of mass, energy, area, volume and length after a number, as their statistics' unit is written
_PHYSICAL = {**dict.fromkeys(("t", "ton", "tons", "tonne", "tonnes", "tonnen"), "t"),
             **dict.fromkeys(("kg", "kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes",
                              "kilogramm"), "kg"),
             **dict.fromkeys(("m2", "sqm"), "m2"), **dict.fromkeys(("m3",), "m3"),
             **dict.fromkeys(("km", "kilometre", "kilometres", "kilometer", "kilometers", "kilometern"), "km"),
             **dict.fromkeys(("ha", "hectare", "hectares", "hektar"), "ha"),
             **dict.fromkeys(("l", "litre", "litres", "liter", "liters", "litern"), "l"),
             **{u: u for u in ("kwh", "mwh", "gwh", "twh", "kw", "mw", "gw")}}
# what follows a count that is an age ("38 years old", "37 jaar oud", "45 Jahre alt"), and a multiple that is how
# often something happens ("7 times a year", "3 fois par an", "4 keer per maand", "zweimal im Jahr")
_AGE_OR_FREQUENCY = {
    "count": (re.compile(r"\s*(?:years?|jaar|jahre)[-\s]+(?:old|oud|alt)\b", re.IGNORECASE), "an age"),
    "multiple": (re.compile(r"\s*(?:a|per|par|pro|im|in\s+the|every|each|chaque|elke|ieder[e]?|jede[ns]?)\s+"
                            r"(?:year|week|month|day|an|année|annee|semaine|mois|jour|jaar|maand|dag|jahr|woche|"
                            r"monat|tag)\b", re.IGNORECASE), "a frequency"),
}


class Verifier:
    """The statistics of a knowledge, indexed for matching figures against them."""

    def __init__(self, k: Knowledge) -> None:
        self.k = k
        self._members: dict[frozenset[str], frozenset[str]] = {}
        self.stats: list[_Stat] = []
        self.by_word: dict[str, list[int]] = {}
        self.by_subject: dict[str, list[int]] = {}
        subject_words: dict[str, set[str]] = {}
        seen: dict[tuple[str, str, str, str], set[str]] = {}  # statistics that share their words share one set
        # the words of places are the subject's, not what a statistic is about ("Share of Belgium's companies")
        place_words = set(DEMONYMS).union(*(tokens(key) for key, ids in k.names.items()
                                            if any(k.table_of.get(i) in ("regions", "cities") for i in ids)))
        for stat in k.stats:
            if getattr(stat, "value", None) is None:
                continue
            subject = k.by_id.get(stat.subject)
            if stat.subject not in subject_words:
                names = [subject.name, *subject.aliases] if subject is not None else [stat.subject]
                subject_words[stat.subject] = set().union(
                    *(tokens(n) for n in names), (w for w, rid in DEMONYMS.items() if rid == stat.subject))
            said = (stat.label, stat.metric, stat.subject, stat.unit)
            words = seen.get(said)
            if words is None:
                unit_words = re.sub(r"^(?:percent|eur|pps|count)\b", "", stat.unit.lower())
                # ... but what its metric measures stays its word where the subject's name holds it too (the
                # partners of the ATMP-PIT partnership)
                metric = tokens(stat.metric.replace("_", " "))
                words = seen[said] = (tokens(f"{stat.label} {unit_words}") - subject_words[stat.subject]
                                      | metric) - place_words | measures(stat.metric)
            i = len(self.stats)
            rank = (stat.status != "measured", -(year_span(stat.year)[1] or 0))
            self.stats.append(_Stat(stat, _unit_of(stat.unit), words, frozenset({stat.subject}), rank))
            for word in words:
                self.by_word.setdefault(word, []).append(i)
            self.by_subject.setdefault(stat.subject, []).append(i)
        self.names = [(key, ids) for key, ids in k.names.items() if len(key) > 2 or key.isupper()]
        # "the country", "le pays", "het land", "das Land" name the knowledge's country where it holds only one
        self.countries = countries = [rec.id for rec in k.whole["regions"] if getattr(rec, "kind", None) == "country"]
        self.regions = {rec.id for rec in k.whole["regions"] if getattr(rec, "kind", None) == "region"}
        if len(countries) == 1:
            self.names += [(phrase, countries) for phrase in _THE_COUNTRY]
        # ... and "the capital", "la capitale", "die Hauptstadtregion" the region whose name says it is the capital's
        capitals = [rec.id for rec in k.whole["regions"]
                    if getattr(rec, "kind", None) == "region" and "capital" in fold(rec.name)]
        if len(capitals) == 1:
            self.names += [(phrase, capitals) for phrase in _THE_CAPITAL]
        # a one-word name of an organisation that writes itself in lower case ("argenx", "essenscia") is its name in
        # lower case too, where a one-word name is else read only with its capital ("Ans" the town, not "ans")
        # (and so is any one-word name of four letters or more that is no word of the vocabulary: chats write
        # "medvia had 180 leden", "pfizer puurs")
        lexicon = load_vocabulary().by_word
        self.brands = {fold(n) for rec in (*k.whole["actors"], *k.whole["clusters"])
                       for n in (getattr(rec, "name", ""), *getattr(rec, "aliases", ())) if n and " " not in n
                       and (n[:1].islower() or (len(n) >= 4 and fold(n) not in lexicon and fold(n) not in STOP_WORDS))}
        # the names by their first word, so that a sentence is read word by word, not name by name (a name not
        # in folded form, if any, is looked for in the whole sentence)
        self.names_by_first: dict[str, list[tuple[str, tuple[str, ...], Any]]] = {}
        self.unfolded_names: list[tuple[str, Any]] = []
        for key, ids in self.names:
            parts = tuple(key.split())
            if parts and " ".join(parts) == key:
                self.names_by_first.setdefault(parts[0], []).append((key, parts, ids))
            else:
                self.unfolded_names.append((key, ids))
        # the longer names by their distinctive words, filed under one of them (the first in order)
        self.long_names: dict[str, list[tuple[set[str], str]]] = {}
        for key, ids in k.names.items():
            distinctive = set(key.split()) - GENERIC_WORDS - STOP_WORDS
            if len(distinctive) >= 2:
                self.long_names.setdefault(min(distinctive), []).extend((distinctive, rec_id) for rec_id in ids)
        # the places, and the place a figure of a sentence is said of
        self.where = Places(k, self.names)
        # a statistic is also about the organisations its label names: "Members of BioWin" is BioWin's figure
        labelled: dict[str, frozenset[str]] = {}
        for i, s in enumerate(self.stats):
            if s.rec.label not in labelled:
                labelled[s.rec.label] = frozenset(
                    rid for rid in self.subjects(s.rec.label)
                    if k.table_of.get(rid) not in ("regions", "cities", None))
            if extra := labelled[s.rec.label]:
                self.stats[i] = s._replace(about=s.about | extra)
                for rid in extra:
                    self.by_subject.setdefault(rid, []).append(i)
        # a grouping of regions ("Wallonia and Brussels (combined)") is spoken of where all its regions are named
        self.groupings = query.groupings(k)

    def subjects(self, text: str) -> set[str]:
        """The records `text` names: by name, alias or id, by the distinctive words of a longer name (the
        "BioWin-MEDVIA-Partnerschaft" is the BioWin-MEDVIA partnership), and regions by their adjectives."""
        folded = f" {fold(text)} "
        words = set(folded.split())
        proper = {fold(w) for w in re.findall(r"\w+", text) if w[:1].isupper()}
        found: set[str] = set()
        sequence = folded.split()
        for i, word in enumerate(sequence):
            for key, parts, ids in self.names_by_first.get(word, ()):
                # a one-word name is a proper noun: "Ans" the town, not the French "ans" (years); a longer one may
                # take the genitive "s" of Dutch and German ("Thermo Fishers site")
                said = tuple(sequence[i:i + len(parts)])
                genitive = len(parts) > 1 and said[:-1] == parts[:-1] and said[-1:] == (parts[-1] + "s",)
                if (said == parts or genitive) and (len(parts) > 1 or key in proper or key in self.brands):
                    found.update(ids)
            # ... and so may a one-word name, written with its capital ("UCBs größter Standort", "Pfizers Werk")
            if word in proper and word.endswith("s") and len(word) > 3:
                found.update(i for key, parts, ids in self.names_by_first.get(word[:-1], ()) if parts == (key,)
                             for i in ids)
        for key, ids in self.unfolded_names:
            if f" {key} " in folded and (" " in key or key in proper or key in self.brands):
                found.update(ids)
        for word in words:
            for distinctive, rec_id in self.long_names.get(word, ()):
                if distinctive <= words:
                    found.add(rec_id)
        found.update(self.where.demonyms[word] for word in words if word in self.where.demonyms)
        return set(self.where.regions_too(found))

    def members(self, subjects: set[str]) -> frozenset[str]:
        """`subjects` and the organisations and initiatives located in those of them that are places (kept: the
        sentences of a draft name the same few subjects again and again)."""
        from ecofacts.query import located_in

        key = frozenset(subjects)
        if (known := self._members.get(key)) is not None:
            return known
        found = set(subjects)
        for subject in subjects:
            rec = self.k.by_id.get(subject)
            if rec is not None:
                found |= located_in(self.k, rec)
        self._members[key] = frozenset(found)
        return self._members[key]

    def check(self, figure: Figure, sentence: str, line: int, named: set[str], around: set[str],
              recent: set[str] | None = None, end: int | None = None) -> Finding:
        """The verdict on one figure of `sentence`, which names the subjects `named`; `around` are the subjects
        its heading names, which count as named when it names none (but another subject's figure is then not
        said to contradict them: the sentence did not say whose it is); `recent`, those the sentences before it
        in its paragraph name: a figure of theirs is supported, but another's is not said to contradict them; `end`,
        where the figure ends in `sentence` (a clause after the figure's does not make it a forecast)."""
        if not any(math.isfinite(v) for v in figure.values):
            return Finding(line, figure.start + 1, figure.text, UNKNOWN, None, None, "a number too long to read")
        if end is not None and (aged := _AGE_OR_FREQUENCY.get(figure.unit)) and aged[0].match(sentence, end):
            # an age (an average one: a person's is no figure), how often something happens: no statistic is of one
            return Finding(line, figure.start + 1, figure.text, UNKNOWN, None, None,
                           f"{aged[1]}: no statistic is of one")
        # the words of the figure's clause after it ("3 419 850 Wallons", "2.500 ton droogijs", "1.500 Menschen")
        clause_after = fold(re.split(r"[,;:.()]", sentence[end:], maxsplit=1)[0]).split() if end is not None else []
        first_after = clause_after[0] if clause_after else ""
        scope = named or around
        scope = scope | {rid for rid, parts in self.groupings.items() if parts <= scope}
        # A figure of an organisation or initiative located in a place the sentence names is supported when the
        # words agree well; with no subject named, those of the heading and the sentences before count too.
        inherited = self.members(named) - named if named else self.members(around | (recent or set()))
        needed = 2 if named else 1
        words = tokens(sentence) | concepts(*typed_words(sentence))
        if figure.unit in ("count", "scaled") and first_after in INHABITANTS:
            words |= _population()  # a count of a place's inhabitants ("3 419 850 Wallons"): its population
        years = years_of(sentence, None if end is None else end - len(figure.text))
        if len(years) > 1 and end is not None and not _PERIOD.search(sentence):
            # several years, and one in the figure's own clause: that one is its year ("3.4% in 2017, up from
            # 2.7% in 2020": 2.7% is dated 2020, not 2017); a period's years are one ("between 2016 and 2023")
            begin = max(0, end - len(figure.text))
            own_years = years_of(self.where.clause(sentence, begin))
            if not own_years and ";" in sentence:
                # else those of the part a semicolon sets apart ("… 140 entreprises en 2024 ; en 2023, le cluster
                # revendiquait déjà 260 membres": 2023's)
                stop = sentence.find(";", begin)
                own_years = years_of(sentence[sentence.rfind(";", 0, begin) + 1:stop if stop >= 0 else None])
            years = (years & own_years) or years
        clause = _NAMED_PLAN.sub(" ", _up_to_clause_end(sentence, end))
        said = set(fold(clause).split())
        if said & _WERDEN and _PARTICIPLE_AT_END.search(clause):
            said -= _WERDEN  # "werden heute 85 Prozent … recycelt": the passive, no future
        # a goal reached is a fact: its nouns say a forecast only where no word says it was reached
        # "hat sein Ziel, 3 Prozent …, erreicht"; "Exploitation plan: the market already stands at €80 billion"
        reached = (REACHED_WORDS | NOW_WORDS) & set(fold(sentence).split())
        future = bool(FUTURE_WORDS & said - (GOAL_WORDS if reached else set())) \
            or bool(BY_YEAR.search(sentence))
        candidates: dict[int, int] = {}
        for word in words:
            for i in self.by_word.get(word, ()):
                candidates[i] = candidates.get(i, 0) + 1
        for subject in scope | inherited:
            for i in self.by_subject.get(subject, ()):
                candidates.setdefault(i, 0)
        scored = []
        currency = _currency(figure)
        # (in file order: the order of a set of words is the process's, and ties keep the order they come in)
        for i, overlap in sorted(candidates.items()):
            s = self.stats[i]
            if not _compatible(figure.unit, s.unit) or (currency and s.unit == "money" and _currency_of(s.rec.unit)
                                                       != currency):
                continue
            coverage = overlap / max(1, len(s.words))
            scored.append((overlap + coverage, s))

        def dated(s: _Stat) -> bool:
            return s.rec.year is not None and any(s.rec.year_matches(y) for y in years)

        # best first: the words, then a statistic of the year the sentence names, measured, the latest
        scored.sort(key=lambda pair: (-pair[0], not dated(pair[1]), *pair[1].rank))
        if figure.unit == "percent" and end is not None and (of := _SHARE_OF.match(sentence, end)) and (
                whole := self.subjects(of.group(1))) & self.regions and not whole & set(self.countries):
            # a share of a region's companies or people ("38 % van de Vlaamse biotechbedrijven", "12 Prozent der
            # Beschäftigten wallonischer Biotech-Firmen") is none of a share of the country's whole ("about 50 % of
            # Belgian biotech companies" are Flemish)
            scored = [(score, s) for score, s in scored if not s.rec.unit.lower().startswith("percent of belgian")]
        if figure.unit in ("count", "scaled") and (physical := _PHYSICAL.get(first_after)):
            # a quantity in a unit of mass, energy, area or volume ("2.500 ton droogijs", "40 GWh") is a figure only
            # of a statistic in that unit (a floor area in m2), no count of companies or jobs
            scored = [(score, s) for score, s in scored if fold(s.rec.unit) == physical]

        def finding(verdict: str, s: _Stat | None, reason: str) -> Finding:
            expected = None
            if s is not None and verdict != SUPPORTED:
                expected = {"text": s.rec.text, "source": s.rec.source, "subject": s.rec.subject,
                            "year": s.rec.year, "status": s.rec.status}
            return Finding(line, figure.start + 1, figure.text, verdict, s.rec.id if s else None, expected, reason)

        def shown(s: _Stat) -> str:
            from ecofacts.figures import display_value

            return display_value({"value": s.rec.value, "value_max": s.rec.value_max, "unit": s.rec.unit,
                                  "qualifier": s.rec.qualifier, "text": s.rec.text}) or s.rec.text

        def whose(ids: Iterable[str]) -> str:
            return ", ".join(sorted(self.k.name_of(x) or x for x in ids))

        def exact(s: _Stat) -> bool:
            return any(_close(v, float(s.rec.value)) for v in figure.values)

        def near(score: float, s: _Stat, least: float = 2) -> bool:
            """Enough words in common, or one and the sentence's year."""
            return score >= least or (score >= 1 and (dated(s) or (not years and s.rec.year is None)))

        def equal(s: _Stat) -> bool:
            return any(v == float(s.rec.value) for v in figure.values)

        # of the statistics of that value: the one it is written exactly as, then one of the sentence's year ("36,956
        # jobs in 2021" is 2021's 36,956, not 2018's "about 37,000", which has fewer words and so scores higher)
        same_value = sorted(((score, s) for score, s in scored if value_matches(figure, s.rec)),
                            key=lambda pair: (not equal(pair[1]), not exact(pair[1]), not dated(pair[1])))
        # of the subject the sentence speaks of, with at least one word in common (a Belgian figure is not any
        # Belgian statistic of that value)
        on_subject = [(score, s) for score, s in same_value
                      if (s.about & scope and (score > 0 or not s.words or s.rec.subject not in self.where.places
                                               or (dated(s) and exact(s))))
                      or (s.rec.subject in inherited and score >= needed)]
        # with no subject named, the thing a count counts must be one of the statistic's words ("120 Forschende" of a
        # consortium of universities and companies are no 120 companies)
        after = [w for w in clause_after if w not in STOP_WORDS][:1] if figure.unit == "count" else []

        def counts_it(s: _Stat) -> bool:  # people ("1.500 Menschen") may be any statistic's jobs or members
            return all(w in s.words or stem(w) in s.words or concepts((w,)) & s.words or w in _people()
                       for w in after)

        unscoped = [(score, s) for score, s in same_value if score >= 2 and counts_it(s)] if not named else []
        def held(s: _Stat, how: str) -> Finding:
            """The verdict on a figure of the statistic `s` (its status, its year), `how` said of its scope."""
            elsewhen = s.rec.year is not None and bool(years) and not dated(s)
            if s.rec.status in ("forecast", "target") and not future:
                # a forecast said done is that, whatever year it is said of ("created 470 jobs in 2022")
                of = f" for {s.rec.year}" if elsewhen else ""
                return finding(STATUS_DIFFERS, s, f"{shown(s)} is a {s.rec.status}{of}, written as a fact")
            if elsewhen:
                # and what the knowledge says of the year written, where it has that figure of it
                then = sorted({f"{o.rec.year}: {shown(o)}" for i in self.by_subject.get(s.rec.subject, ())
                               if dated(o := self.stats[i]) and _families(o.rec.metric) == _families(s.rec.metric)})
                also = f" ({'; '.join(then)})" if then else ""
                return finding(YEAR_DIFFERS, s, f"the knowledge dates {shown(s)} to {s.rec.year}{also}")
            said, its = year_halves(sentence), year_halves(s.rec.label)
            if said and its and not said & its:  # another half of the year ("the second half of 2023")
                return finding(YEAR_DIFFERS, s, f"the knowledge dates {shown(s)} to the {min(its).replace('-', ' ')}"
                               f" of {s.rec.year}")
            disputed = " (a disputed statistic)" if getattr(s.rec, "disputed", False) else ""
            return finding(SUPPORTED, s, how + disputed)

        if on_subject or unscoped:
            return held((on_subject or unscoped)[0][1], "" if on_subject else "its scope is not stated")
        unrecorded = sorted(w.partition(":")[2] for w in words if w.startswith("unrecorded:")
                            and not (w == "unrecorded:inflation" and NET_OF_INFLATION.search(sentence)))
        if unrecorded and end is not None:
            # a measure of the figure's own clause is what it is of, whatever another clause speaks of ("GDP per
            # inhabitant stood at €31,965, so wage costs there remain moderate": GDP, not wages); and a measure of its
            # own words, whatever the lead-in of its line says of who or where it is from ("Lettre d'un fonds à ses
            # actionnaires : … a mobilisé 64 millions d'euros d'investissements"; but a sector or a count of
            # companies is no such measure: "Record de levées de fonds : 310 millions … aux jeunes pousses biotech")
            clause = self.where.clause(sentence, max(0, end - len(figure.text)))
            no_measures = load_vocabulary().qualifiers() | {"companies", "members"}
            for words_of, not_measures in ((clause, set()), (without_lead(clause), no_measures)):
                in_clause = concepts(*typed_words(words_of))
                if any(c.startswith("metric:") and c[7:] not in not_measures for c in in_clause) and not any(
                        c.startswith("unrecorded:") for c in in_clause):
                    unrecorded = []
        if unrecorded:  # another measure than any statistic's: nothing to set against it
            return finding(UNKNOWN, None, f"the knowledge holds no statistic of {', '.join(unrecorded)}")
        if same_value and named:
            score, s = same_value[0]
            # an organisation's own statistic is what its wrong figure is set against, not another subject's that has
            # that value in a measure the organisation has no statistic of ("120 entreprises parmi les membres de
            # BioWin": BioWin's 140 member companies, not Flanders' 120 biotech companies); the value another
            # organisation has in a measure both have (members of two clusters), or another place has, is theirs
            metric = s.rec.metric
            own = not (scope & self.where.places) and not any(
                self.stats[i].rec.metric == metric for rid in scope for i in self.by_subject.get(rid, ())) and any(
                o.about & scope and other >= score and near(other, o) for other, o in scored)
            # another subject's figure of another year than the sentence's is no figure of theirs it took ("BioWin
            # had 300 members in 2024" is not Flanders' 300 companies of 2017)
            elsewhen = bool(years) and s.rec.year is not None and not dated(s)
            if near(score, s) and not own:
                if self.held_by(s.rec.subject, scope, sentence, end, figure):
                    return held(s, f"the figure of {whose([s.rec.subject])}, which holds {whose(scope)}")
                if there := sorted(o for o in s.about if getattr(self.k.by_id.get(o), "city", None) in scope):
                    # the figure of an organisation its label names, said of the town it is in ("der Reaktor BR2
                    # in Mol": SCK CEN's reactor, whose share is filed under Belgium)
                    return held(s, f"the figure of {whose(there)}, in {whose(scope)}")
                if not elsewhen:
                    return finding(SCOPE_DIFFERS, s, f"{shown(s)} is the figure of {whose([s.rec.subject])}, "
                                   f"not of {whose(scope)}")
        about = ([(score, s) for score, s in scored if s.about & scope] if scope
                 else [(score, s) for score, s in scored if score >= 3])
        # a count of another thing than a statistic counts is no wrong value of it ("1,500 participants" are no
        # members)
        noun = counted(tuple(clause_after[:3])) if figure.unit in ("count", "scaled") else frozenset()
        if noun:
            # (a noun that is also the unit of a statistic counts in it: "2 458 demandes" are applications, though
            # "demande" is a demand too)
            unit = units_named(clause_after[0])
            about = [(score, s) for score, s in about if noun & s.words or s.rec.unit in unit]
        elif figure.unit == "count" and first_after in _people():
            # a count of people ("het werk van 13.000 mensen") is none of companies, applications or trials
            about = [(score, s) for score, s in about if s.rec.unit not in _THINGS]
        elif figure.unit == "count" and (thing := [w for w in clause_after if w not in STOP_WORDS and w not in
                                                   DEMONYMS][:3]) and not any(map(self.counts_anything, thing)):
            # a count of a thing no statistic counts, in none of the words after it ("about 45 PET-CT scanners"):
            # nothing to set it against
            about = []
        elif figure.unit == "count" and not [w for w in clause_after if w not in STOP_WORDS] and (
                asked := _HOW_MANY.search(fold(sentence[:max(0, (end or 0) - len(figure.text))]))):
            # an answer to `how many` counts what the question asks: "how many PET-CT scanners …? Answer: 131" is no
            # wrong value of a statistic that counts something else
            what = tuple(w for w in asked["what"].split() if w not in STOP_WORDS)[:3]
            measure = counted(what)
            about = [(score, s) for score, s in about if (measure & s.words if measure else
                     what and (what[0] in s.words or stem(what[0]) in s.words or what[0] in _people()))]
        if not named:  # nor a wrong value of one
            about = [(score, s) for score, s in about if counts_it(s)]
        # a wrong scale: the digits of a statistic the sentence speaks of, a thousand times off or more (one of the
        # year the sentence names first: "in 2020 … more than €5 million" is 2020's €5 billion, not 2021's €5.1)
        for score, s in sorted(about, key=lambda pair: not dated(pair[1])):
            if near(score, s, 1.5) and figure.unit in ("money", "scaled", "count") and any(
                    value_matches(figure, s.rec, 1000.0**j) for j in (-3, -2, -1, 1, 2, 3)):
                return finding(VALUE_DIFFERS, s, f"a wrong scale: the knowledge says {shown(s)}")
        # a figure tens of times off every statistic the sentence speaks of (and no wrong scale) is another measure
        # of its subject ("79,000 inhabitants" of a community inside a country of 11.7 million), not a wrong value
        # (with no subject in the sentence, only its heading's, one word in common is too little: "Die Firma beschäftigt
        # weltweit 1.500 Mitarbeitende" under a heading on Belgium is no wrong count of Belgium's companies)
        about = [(score, s) for score, s in about
                 if (near(score, s) if named else score >= 2) and _within_reach(figure, s.rec)]
        if about:
            # the figure matches none of the statistics the sentence speaks of; of those that fit it equally
            # well, the one of the sentence's year, else the latest, is the one to set against it (and of a series, a
            # record of one measure and subject by year, the record of the sentence's year)
            best = [s for score, s in about if score == about[0][0]]
            s = best[0]
            if years and not dated(s):  # the sentence's year chooses the year of a series: its record of that year
                s = next((o for _, o in about if dated(o) and o.rec.metric == s.rec.metric
                          and o.rec.subject == s.rec.subject), s)
            # (each with its year where it has one: "(and also 2018: 2.86 % of GDP, …)")
            others = sorted({f"{o.rec.year}: {shown(o)}" if o.rec.year is not None else shown(o)
                             for o in best if o is not s and o.rec.text != s.rec.text})[:3]
            also = f" (and also {', '.join(others)})" if others else ""
            return finding(VALUE_DIFFERS, s, f"the knowledge says {shown(s)}{also}")
        return finding(UNKNOWN, None, self.why_unknown(figure, scope, words, years))

    def in_a_name(self, figure: Figure, sentence: str, begin: int) -> bool:
        """Whether a bare count is the number of a name, right after a capitalised word that names nothing the
        knowledge or the vocabulary knows, with nothing after it that a statistic counts ("Porsche 911", "Route 66",
        "Windows 11", "Studio 100 maakt", "Ocean's 11"): no figure."""
        if figure.unit != "count" or not figure.text.isdigit():
            return False
        before = _NAME_BEFORE.search(sentence, 0, begin)
        # (the name after a French elided article: "une projection d'OSS 117")
        name = _ELIDED.sub("", before.group(1)) if before is not None else ""
        if not name[:1].isupper():
            return False
        word = fold(name).replace("'", " ").replace("’", " ").split()[0]
        # (a name the knowledge knows, its last word right before the count, counts something: "das SCK CEN 66 …")
        if word in STOP_WORDS or load_vocabulary().named(word) or word in _people() or self.subjects(
                " ".join(sentence[:begin].split()[-3:])):
            return False
        after = [w for w in fold(sentence[begin + len(figure.text):]).split()[:3] if w not in STOP_WORDS][:1]
        return not any(map(self.counts_anything, after))

    def counts_anything(self, word: str) -> bool:
        """Whether a folded word said after a count is a word of some statistic, of its measures or its unit, or
        people (who may be any statistic's jobs or members)."""
        return (word in self.by_word or stem(word) in self.by_word or bool(concepts((word,)) & self.by_word.keys())
                or bool(tokens(word) & self.by_word.keys())
                or word in _people() or bool(units_named(word)) or word.isdigit())

    def held_by(self, region: str, scope: set[str], sentence: str, end: int | None, figure: Figure) -> bool:
        """Whether a figure of `region` is said where the sentence names only cities and organisations inside it
        (`scope`), outside the figure's own clause ("526 trials in 2016, many of them from hospitals in Ghent")
        or with a word saying the figure is regional ("a regional grant of 20 % for a plant in Seneffe")."""
        if not scope or not all(region in self.where.holding(rid) for rid in scope):
            return False
        if end is None:
            return False
        clause = self.where.clause(sentence, max(0, end - len(figure.text)))
        return not (self.subjects(clause) & scope) or "regional" in tokens(clause)

    def why_unknown(self, figure: Figure, scope: set[str], words: set[str], years: set[int]) -> str:
        """Why no statistic speaks of a figure: none of its subject, none in its unit, none on its words, none of
        its year."""
        if scope:
            of = [self.stats[i] for subject in scope for i in self.by_subject.get(subject, ())]
            names = ", ".join(sorted(self.k.name_of(x) or x for x in scope))
            if not of:
                return f"no statistic of {names}"
            fitting = [s for s in of if _compatible(figure.unit, s.unit)]
            if not fitting:
                return f"no statistic of {names} in that unit ({figure.unit})"
            on = [s for s in fitting if s.words & words]
            if not on:
                return f"no statistic of {names} on what the sentence says"
            if years and not any(s.rec.year is None or any(s.rec.year_matches(y) for y in years) for s in on):
                return f"no statistic of {names} on that for {', '.join(map(str, sorted(years)))}"
            return f"no statistic of {names} close enough to what the sentence says"
        return "the sentence names no subject, and no statistic's words fit it"
