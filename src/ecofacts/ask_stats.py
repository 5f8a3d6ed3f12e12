"""Which statistics answer a reading of a question (`ask_reading`), and the word scores `ask` ranks every record
by. A statistic must be about a place or record the question names (or one it acquired, or a cluster's figure
filed under its region, or an event held in a town named when attendance is asked); of the year asked when one
is; of every metric family asked when any is; and without a modifier the question does not ask for (a figure per
inhabitant is no answer to "GDP"), and with every one it asks for, in its metric id or its label. It scores 10 per
metric family asked that its metric holds, 3 per other word of the question in its label, 1 per word in its other
texts, less 1 per word of its metric id that the question does not name (docs/ask.md has the whole score).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ecofacts import query
from ecofacts.ask_reading import PLACES, Reading, either
from ecofacts.figures import metric_label
from ecofacts.names import fold, stem
from ecofacts.vocabulary import Vocabulary, load, metric_families

if TYPE_CHECKING:
    from ecofacts.knowledge import Knowledge

# A word of the question this long or longer meets a word of a record that starts as it does for this many letters:
# the other language's spelling of one word ("universités", "universities"; "Immunologie", "immunology")
COGNATE = 6


def _starts(words: set[str]) -> set[str]:
    return {w[:COGNATE] for w in words if len(w) >= COGNATE and ":" not in w}


class Terms:
    """The words and concepts of a record's texts, the primary ones (its name or label) apart, and how their long
    words start (`COGNATE`)."""

    __slots__ = ("other", "other_starts", "primary", "primary_starts")

    def __init__(self, primary: set[str], other: set[str]) -> None:
        self.primary, self.other = primary, other
        self.primary_starts, self.other_starts = _starts(primary), _starts(other)


_CONCEPTS: dict[str, frozenset[str]] = {}  # text -> its concepts: copies of a figure share their texts


def concepts_of(v: Vocabulary, text: str) -> frozenset[str]:
    """The stemmed words of a text and the keys of the vocabulary entries its phrases are words of (of the lexicon,
    the English word itself)."""
    found = _CONCEPTS.get(text)
    if found is None:
        found = _CONCEPTS[text] = frozenset(_concepts_of(v, text))
    return found


def _concepts_of(v: Vocabulary, text: str) -> set[str]:
    tokens = fold(text).split()
    found = {stem(t) for t in tokens}
    for e in v.entries_in(tokens):
        if e.section in ("topic", "metric", "modifier", "sector", "kind", "isotope", "role", "cue"):
            found.add(f"{e.section}:{e.key}")
        elif e.section == "word":  # another English form of a word of the lexicon: its key (`treated`)
            found.update(stem(w) for w in fold(e.key).split())
    return found


_PRIMARY = ("name", "label", "product", "aliases", "claim", "description", "stage", "role")


def terms_of(v: Vocabulary, table: str, rec: Any, cache: dict[str, Terms]) -> Terms:
    found = cache.get(rec.id)
    if found is None:
        primary: set[str] = set()
        other: set[str] = set()
        for f in rec.FIELDS:
            value = getattr(rec, f.name)
            texts = [value] if isinstance(value, str) else [x for x in value if isinstance(x, str)] \
                if isinstance(value, tuple) else []
            for text in texts:
                (primary if f.name in _PRIMARY else other).update(concepts_of(v, text))
        if table == "stats":
            primary.update(f"metric:{m}" for m in metric_families(rec.metric))
            primary.update(stem(p) for p in rec.metric.split("_"))
            primary.add(f"topic:{rec.topic}")
        if table == "chain":
            primary.add("topic:nuclear medicine")
        found = cache[rec.id] = Terms(primary, other)
    return found


def question_terms(r: Reading) -> list[str]:
    terms = [f"topic:{t}" for t in r.topics] + [f"sector:{s}" for s in r.sectors]
    terms += [f"kind:{kd}" for kd in r.kinds] + [f"isotope:{i}" for i in r.isotopes]
    terms += [f"metric:{m}" for m in r.metrics]
    terms += [w for w in r.words if len(w) > 1]
    return list(dict.fromkeys(terms))


def word_score(terms: Iterable[str], t: Terms, weights: Mapping[str, float] | None = None) -> float:
    """How well a record's words (`t`) hold the question's `terms`, each weighed as `ask_words.rarity` says."""
    weights = weights or {}
    return sum(_word_score(term, t) * weights.get(term, 1) for term in terms)


def _word_score(term: str, t: Terms) -> float:
    if term in t.primary:
        return 3
    if term in t.other:
        return 1
    if len(term) < COGNATE or ":" in term:
        return 0
    start = term[:COGNATE]
    return 2 if start in t.primary_starts else 0.5 if start in t.other_starts else 0


def _modifiers_of(v: Vocabulary, metric: str) -> set[str]:
    parts = set(metric.split("_"))
    found = {e.key for e in v.entries("modifier").values() if parts & set(e.match)}
    if len(found) > 1 and parts & set(v.entries("modifier")["share"].match) == {"percent"}:
        found.discard("share")  # a growth in percent is a rate of change, not a share
    return found


def _said_modifiers(v: Vocabulary, text: str) -> set[str]:
    """The modifiers a text says in words of the vocabulary (`Direct and indirect jobs`: indirect), read with its
    other concepts (`concepts_of`)."""
    return {c.partition(":")[2] for c in concepts_of(v, text) if c.startswith("modifier:")}


_CACHE: dict[int, dict[str, Terms]] = {}



# words of metric ids that say nothing of what is measured
_NEUTRAL = {"of", "eur", "percent", "count", "total", "def", "regional", "in", "and", "per", "year", "the"}


def _part_covered(v: Vocabulary, part: str, r: Reading) -> bool:
    """Whether the question names a word of a metric id: itself, a word of a measure, place or sector it names in
    any of the four languages (`Belgische` names `belgian`), what `how many` counts (`Industrieunternehmen`), or a
    family or modifier it belongs to."""
    if part in _NEUTRAL or part in r.tokens or stem(part) in r.tokens or part in r.concepts or stem(part) in r.counted:
        return True
    if part.startswith(("mo", "lu", "ac", "i1")) and part[-1:].isdigit() and r.isotopes:
        return True
    if any(part in e.match for e in v.entries("elsewhere").values() if e.key in r.elsewhere):
        return True
    return any(part in e.match for e in v.entries("metric").values() if e.key in r.metrics) or any(
        part in e.match for e in v.entries("modifier").values() if e.key in r.modifiers)


def _cut(v: Vocabulary, parts: list[str], r: Reading) -> int:
    """Where the first word of a modifier the question asks for stands in a metric id's words (their number when
    none does): what follows it is its denominator, said by the modifier (R&D intensity is a share of GDP, a share
    of EU pharma R&D names what it is a share of)."""
    return next((i for i, part in enumerate(parts) if any(
        part in e.match for e in v.entries("modifier").values() if e.key in r.modifiers)), len(parts))


def _denominator(v: Vocabulary, metric: str, r: Reading) -> set[str]:
    """The metric families of the words of `metric` after the modifier asked (`_cut`): what a share is of."""
    parts = metric.split("_")
    after = parts[_cut(v, parts, r) + 1:]
    return {e.key for e in v.entries("metric").values() if any(part in e.match for part in after)}


def _covered(v: Vocabulary, metric: str, r: Reading) -> set[str]:
    """The metric families of `metric` the question names, by a family word or by a word of the metric id."""
    parts = metric.split("_")
    cut = _cut(v, parts, r)
    # a family any word of the question is a word of, even inside a longer phrase (`R&D spending`)
    found = {e.key for token in r.tokens for e in v.by_word.get(token, ()) if e.section == "metric"}
    # a word between two measures the question asks is of the same term (`innovation_income_deduction`:
    # Innovationsabzug)
    qualifiers = v.qualifiers()
    asked = {i: e.key for i, part in enumerate(parts) for e in v.entries("metric").values()
             if part in e.match and e.key in r.metrics and e.key not in qualifiers}
    inside = range(min(asked), max(asked) + 1) if len(set(asked.values())) >= 2 else range(0)
    for e in v.entries("metric").values():
        between = not e.qualifier and any(part in e.match for i, part in enumerate(parts) if i in inside)
        if e.key in r.metrics or between or any(part in e.match and (i > cut or _part_covered(v, part, r))
                                                for i, part in enumerate(parts)):
            found.add(e.key)
    return found


def _unit_said(v: Vocabulary, unit: str | None, r: Reading) -> bool:
    """Whether the question says a statistic's unit in a word of any of the four languages (`specialists`)."""
    entry = v.entries("unit").get(unit or "")
    return entry is not None and bool({fold(w) for w in entry.all_words() if " " not in w} & r.tokens)


def _elsewhere_parts(v: Vocabulary, metric: str, r: Reading) -> set[str]:
    """The words of a metric id that name a place the question names beyond the knowledge's places."""
    return {part for part in metric.split("_") for e in v.entries("elsewhere").values()
            if e.key in r.elsewhere and part in e.match}


def _others_named(k: Knowledge, stat: Any, asked: list[str]) -> set[str]:
    """The records a statistic's label names besides its subject and what the question names: a figure of
    SCK CEN's reactor is less Belgium's own than one of Belgium."""
    found = query.names_in(k, stat.label)
    return {i for i in found if k.table_of.get(i) not in PLACES} - set(asked) - {stat.subject}


def _wholes_named(k: Knowledge, stat: Any, r: Reading) -> set[str]:
    """The regions the question names besides a statistic's subject that its label names too (a town is no whole:
    `Brussel` names the city and the region, and "% of Brussels GDP" is the region's own figure)."""
    return {p for p in query.names_in(k, stat.label) & set(r.places) - {stat.subject} if k.table_of[p] == "regions"}


def stat_candidates(k: Knowledge, r: Reading) -> tuple[list[tuple[Any, str | None]], set[str], set[str]]:
    """The statistics of what the question names, each with the record it belongs to when not its subject (an
    acquired company's); the ids of those that are an organisation's or cluster's own figures filed under its
    region; and the organisations of a town without figures whose figures are among them (`_organisations_there`).
    Every statistic when the question names nothing."""
    subjects = [*r.records, *r.places]
    candidates: list[tuple[Any, str | None]] = []
    own: set[str] = set()  # the figures of an organisation or cluster asked of, filed under its region
    there: set[str] = set()
    if subjects:
        for subject in subjects:
            rec = k.by_id[subject]
            candidates += [(s, None) for s in k.stats.where(subject=[subject])]
            filed = query.filed_under_region(k, rec)
            own.update(s.id for s in filed)
            candidates += [(s, None) for s in filed]
            candidates += [(s, acquired) for acquired in query.acquisitions(k, rec)
                           for s in k.stats.where(subject=[acquired])]
        # a partnership's figures are asked where all its partners are named (`Hoeveel start-ups pitchten via BioWin
        # en MEDVIA …`: the BioWin-MEDVIA partnership's), as a grouping's where all its regions are
        partnerships = sorted(i.id for i in k.whole["initiatives"] if getattr(i, "kind", None) == "partnership"
                              and len(i.partners) > 1 and set(i.partners) <= set(r.records) and i.id not in subjects)
        candidates += [(s, None) for s in k.stats.where(subject=partnerships)] if partnerships else []
        there = _organisations_there(k, r)
        # their figures of another place are not the town's (`banen in Gent`: not Sanofi's Geel site's)
        candidates += [(s, None) for s in k.stats.where(subject=sorted(there)) if not _elsewhere_named(k, s, r)]
        if "events" in r.metrics:
            # who attended, asked of the town an event was held in (`Teilnehmer der Biomanufacturing-Veranstaltung
            # in Brüssel`): the figures of the events there (a place in an event's name is no other place)
            events = {o.id for p in r.places if k.table_of[p] == "cities"
                      for _, o in query.organisations_in(k, p, ("initiatives",))} - there
            held = k.stats.where(subject=sorted(events))
            candidates += [(s, None) for s in held]
            own.update(s.id for s in held)
        # a share of the world (of Europe) asked and no other place: the world is what the share is of, its
        # statistic any place's (`share of the world's medical radioisotopes`: Belgium's)
        wholes = {s for s in subjects if getattr(k.by_id[s], "kind", None) in ("world", "continent")}
        # (a town named beside it is where the share comes from: `… ter wereld kwam in 2019 uit de BR2 in Mol`)
        if "share" in r.modifiers and wholes and all(s in wholes or k.table_of[s] == "cities" for s in subjects):
            candidates += [(s, None) for s in k.stats if s.subject not in wholes
                           and wholes & set(s.metric.split("_"))]
    else:
        candidates = [(s, None) for s in k.stats]
    return candidates, own, there


def _organisations_there(k: Knowledge, r: Reading) -> set[str]:
    """The organisations in the towns the question names, when it names nothing else and they have no figures of
    their own: theirs are asked of (`the Gosselies cell therapy plant`)."""
    if r.records or not r.places or any(k.table_of[p] != "cities" or k.stats.count(subject=[p]) for p in r.places):
        return set()
    return {o.id for p in r.places for _, o in query.organisations_in(k, p)}


# the kinds of document a question may say a figure is from (`laut der Pressemitteilung`), as the vocabulary's words
_DOCUMENT_WORDS = {"release", "brochure", "article", "report"}


def _published_by(k: Knowledge, stat: Any, r: Reading) -> bool:
    """Whether a statistic's source is published by an organisation the question names, as a document's publisher
    or otherwise (its name in the source's publisher: the BioWin brochure's figures, where BioWin is named), or by
    a statistical office it names by its place (`per Statistics Flanders`: Statistiek Vlaanderen's), or is the kind
    of document it names (`laut der Pressemitteilung`: a source described as a press release)."""
    source = k.by_id.get(stat.source)
    publisher = f" {fold(getattr(source, 'publisher', None) or '')} "
    return any(f" {fold(k.name_of(i) or i)} " in publisher for i in (*r.publishers, *r.records)
               if k.table_of[i] in query.ORGANISATIONS) or any(f" {o} " in publisher for o in r.offices) or bool(
        (documents := _DOCUMENT_WORDS & set(r.words)) and documents & _words_of_source(k, stat.source))


def _words_of_source(k: Knowledge, source_id: str) -> frozenset[str]:
    """The words and concepts of a source's title and description (`concepts_of`: `Press release on …`: release)."""
    source = k.by_id.get(source_id)
    text = " ".join(t for t in (getattr(source, "title", None), getattr(source, "description", None)) if t)
    return concepts_of(load(), text)


def _elsewhere_named(k: Knowledge, stat: Any, r: Reading) -> bool:
    """Whether a statistic's label names a place the question does not."""
    return any(k.table_of[i] in PLACES for i in query.names_in(k, stat.label) - set(r.places))


def of_year_asked(stat: Any, r: Reading) -> bool:
    """Of a year the question names; of several ("entre janvier 2022 et janvier 2023", "2022-2027"), of the period:
    a statistic of one of them, or whose years reach into it. Any statistic when it names no year."""
    return not r.years or any(stat.year_matches(y) for y in r.period())


def scored_stats(k: Knowledge, v: Vocabulary, r: Reading, terms: list[str], cache: dict[str, Terms],
                 add: Any, weights: Mapping[str, float] | None = None) -> str | None:
    """Scores the statistics that may answer; the reason there are none, or None."""
    subjects = [*r.records, *r.places]
    candidates, own, located = stat_candidates(k, r)
    whose = either(k, subjects) if subjects else " or ".join(r.isotopes)
    of = f" of {whose}" if whose else ""  # (of nothing named: `no statistic (pharma) is recorded as such, …`)
    if not candidates:
        # a city without figures inside a region with some: say which region holds them
        regions = {k.by_id[s].region for s in subjects if k.table_of[s] == "cities" and k.by_id[s].region}
        hint = f" (it is in {', '.join(sorted(k.name_of(i) or i for i in regions))}, which has figures)" \
            if regions and all(k.stats.count(subject=[i]) for i in regions) else ""
        return f"no statistic{of} is recorded{hint}"
    asked_modifiers = set(r.modifiers)
    loose = {key for key, e in v.entries("modifier").items() if e.loose}
    qualifiers = v.qualifiers()
    if r.figures:
        from ecofacts.verify_matching import value_matches  # the rule `verify` checks a figure by
    # of what a measure is (pharma, chemistry …), when the question says it: in a statistic's metric or label
    asked_qualifiers = {f"metric:{m}" for m in set(r.metrics) & qualifiers}
    asked_measures = r.measures()  # (not only the sectors)
    kinds_counted = r.counted_kinds()
    found = 0
    denied: set[str] = set()  # the units of figures left out because the question rules their unit out
    sectors: set[str] = set()  # the sectors (pharma, isotopes …) of figures left out because none was asked
    measures: set[str] = set()  # the modifiers (per-capita, share …) of figures left out because none was asked
    # whose, of what topic and of what metric the figures of another measure of one asked are, and how many
    others: Counter[tuple[str, str, str]] = Counter()
    # (`R&D spending`: intensity)
    for stat, via in candidates:
        if not of_year_asked(stat, r):
            continue
        families = set(metric_families(stat.metric))
        matched = families & set(r.metrics)
        if r.metrics and not matched:
            continue
        modifiers = _modifiers_of(v, stat.metric)
        if "share" in modifiers & asked_modifiers and (whole := _denominator(v, stat.metric, r) - qualifiers) and not (
                whole & set(r.metrics)) and any(m not in qualifiers and m not in families for m in r.metrics):
            continue  # a share of another whole than the measure asked (`aandeel van het Waalse bbp`: of its exports)
        unasked_families = families - matched - _covered(v, stat.metric, r)
        # an organisation's or cluster's own figure: the life-sciences association's members are its members,
        # whether or not a qualifier family is said
        there = stat.subject in located  # an organisation's, in a town named that has no figures of its own
        # (and a figure counted as one named counts it, its label naming it: "… (essenscia scope)")
        its_own = stat.id in own or stat.subject in r.records or there or any(
            f" {fold(k.by_id[i].name)} " in f" {fold(stat.label)} " for i in r.records)
        if not its_own and not matched - qualifiers and asked_measures:
            # a sector's figure of another measure (biotech companies counted are no biotech market value): the
            # refusal points to it
            others[stat.subject, stat.topic, stat.metric] += 1
            continue
        # a sector asked and found: the figure of it with another sector together answers (chemistry jobs: those
        # of chemistry and life sciences), less than one of that sector alone
        shared = unasked_families & qualifiers if matched & qualifiers else set()
        unasked_families -= shared
        if (its_own or "exports" in r.metrics) and r.elsewhere and not _elsewhere_parts(v, stat.metric, r):
            # an organisation's figures are of its Belgian sites (none is of it in France); exports and a place
            # beyond the knowledge's: exports to it (`Walloon pharma exports to Japan` is none of all exports)
            continue
        if its_own:
            unasked_families -= qualifiers
            # what else its figure is of, said in its own words, when a measure asked is its own (`clinical trial
            # capacity`, `trained specialists`) or the question says its unit (`chemistry and pharma specialists`
            # of a platform are its `chem_pharma_workforce_access`, in specialists)
            if matched or not r.metrics or _unit_said(v, stat.unit, r):
                unasked_families.clear()
        # an organisation's own figure of the measure asked answers with a modifier not asked (`how many jobs will
        # the partnership create`: its indirect jobs), after one without
        # (and any own figure, where no measure is asked: `Circular Wallonia: hoeveel labo-afval moet … gerecycleerd
        # worden?`, its recycling share)
        unasked_modifiers = modifiers - asked_modifiers if not (its_own and (matched or not r.metrics)) else set()
        t = terms_of(v, "stats", stat, cache)
        if asked_qualifiers and not asked_qualifiers & t.primary and not its_own:
            continue  # all goods are no answer to pharma exports (nor are their modifiers what is missing)
        if unasked_modifiers or unasked_families:
            if not unasked_modifiers and unasked_families <= qualifiers:
                sectors |= unasked_families
            elif not unasked_families:
                measures |= unasked_modifiers
            elif matched:
                others[stat.subject, stat.topic, stat.metric] += 1
            continue
        # a modifier its label says is its own too (`Direct and indirect … jobs`, whose metric id says only jobs)
        modifiers |= asked_modifiers & _said_modifiers(v, stat.label)
        if asked_modifiers - modifiers - loose:
            continue  # GDP is no answer to "GDP growth" nor to "GDP per inhabitant"
        unasked = sum(not _part_covered(v, part, r) for part in stat.metric.split("_"))
        score: float = 10 * len(matched) + 5 * len(modifiers & asked_modifiers) - 8 * len(asked_modifiers - modifiers)
        score -= 3 * len(modifiers - asked_modifiers)
        score += word_score(terms, t, weights) - unasked - 3 * len(_others_named(k, stat, subjects)) - 3 * len(shared)
        if "share" in asked_modifiers:  # a share of a place in another (`Anteil Walloniens … in Belgien`): the
            score += 3 * len(_wholes_named(k, stat, r))  # part's figure whose label names the whole asked
        score += 5 * len(_elsewhere_parts(v, stat.metric, r))  # exports to the United States
        if any(value_matches(f, stat) for f in r.figures):
            score += 8  # the figure the question states (`Are there over 140 biotech companies in Belgium?`)
        if stat.unit in r.units:
            score += 3  # the unit the question says (`BIP pro Kopf in KKS`)
        if stat.unit in r.units_not:
            denied.add(stat.unit)
            continue  # and not the one it denies (`in Euro und nicht in KKS`): no answer
        if counts := r.counted & {stem(part) for part in stat.metric.split("_")}:
            # what `how many` counts is what it counts (`combien d'investisseurs`: investors reached), and a kind
            # counted, more than who else the question names (the start-ups that pitched to them)
            score += 8 if counts & kinds_counted else 3
        elif kinds_counted and {stem(e.key) for e in v.named(stat.unit, "kind")} - kinds_counted:
            score -= 5  # a count of another kind than the one counted (start-ups, where investors are counted)
        if stat.subject in r.records:
            score += 8  # the organisation's own figure, above its country's (`GSK employees Belgium`)
        elif _published_by(k, stat, r):
            score += 3  # the figure of the source an organisation named published (`volgens de BioWin-brochure`)
        if stat.status != "measured":
            # a forecast or a target when one is asked for, else a measure
            score += 5 if {"forecast", "target"} & set(r.cues) else -5
            if stat.status == "target" and "target" in r.cues:
                score += 2  # a goal asked (`doelstelling`): the target set, before a forecast
        add("stats", stat, 5 + score, via)
        found += 1
        if there:
            town = either(k, r.places)
            note = f"no statistic of {town} is recorded: those of the organisations there"
            if note not in r.notes:
                r.notes.append(note)
    if found:
        return None
    asked_stems = {stem(m) for m in r.metrics}
    sectors_said = [s for s in r.sectors if stem(s) not in asked_stems]  # `exportations`: no sector besides exports
    # the measures, then what they are of (`jobs, nuclear medicine`)
    said = [*sorted(r.metrics, key=lambda m: m in qualifiers), *r.modifiers,
            *(sectors_said if not asked_qualifiers else [])]
    measure = f" ({', '.join(said)})" if r.metrics or r.modifiers else ""
    year = f" for {r.when('-')}" if r.years else ""
    where = f" in {' or '.join(r.elsewhere)}" if r.elsewhere and r.records else \
        f" to {' or '.join(r.elsewhere)}" if r.elsewhere and "exports" in r.metrics else ""
    if denied:  # `EU average GDP per person in euros (not PPS)`: recorded only in the unit ruled out
        return f"no statistic{measure}{of}{where}{year} is recorded but in {' or '.join(sorted(denied))}"
    # `jobs in Wallonia`: none of all jobs, only of sectors; saying so, not "none" (unless a sector was asked)
    if sectors and r.metrics and not (asked_qualifiers or sectors_said):
        return (f"no statistic{measure}{of}{where}{year} as a whole is recorded, only of a sector "
                f"({', '.join(sorted(sectors))}): ask for one")
    if measures and r.metrics and not sectors:  # `patents Wallonia`: only per inhabitant or as a share
        return (f"no statistic{measure}{of}{year} is recorded as such, only {' or '.join(sorted(measures))}: "
                "ask for one")
    if others and subjects and not (sectors or measures or r.elsewhere):  # `How much does Wallonia spend on R&D?`
        # each under the place that holds it (`Bruxelles`: the region's, not the city's)
        listing = "; ".join(f"ecofacts stats {who} --topic '{t}'" for who, t in sorted({o[:2] for o in others}))
        # and what they are of, the commonest first (`R&D intensity GDP (%)`: a share, no spending in euros)
        metrics: Counter[str] = Counter()
        for (_, _, metric), n in others.items():
            metrics[metric] += n
        common = [metric_label(m) for m, _ in metrics.most_common(3)]
        more = ", …" if len(metrics) > 3 else ""
        return (f"no statistic{measure}{of}{year} is recorded as such, only of {', '.join(common)}{more}; its figures "
                f"on the topic: {listing}")
    if not (subjects or r.metrics or r.modifiers or r.isotopes):  # `how many people came in 2021`: of what?
        return f"no statistic{year} of what the question asks is recorded: name a measure (jobs, exports, R&D, GDP …)"
    return f"no statistic{measure}{of}{where}{year} is recorded"
