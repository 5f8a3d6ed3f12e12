"""`ask`: a plain question in English, French, Dutch or German, read into places, a measure, a year and the kind of
record wanted, and answered with the records of the knowledge that fit, best first. Offline and deterministic:
the words come from the vocabulary (`vocabulary.toml`) and the names of the knowledge; nothing is learned.

How a question is read (`read`):
1. The text is folded (`names.fold`: case, accents and punctuation ignored) and scanned left to right, the
   longest phrase first: a year (1900-2099); the name, alias or id of a record (`Bruxelles`, `Löwen`,
   `SCK CEN`); a word of the vocabulary (a place adjective such as `wallonne`, a place the knowledge does not
   cover such as `Luxembourg`, a metric family, a modifier such as `per inhabitant`, a topic, a kind, an
   isotope, what the question asks for: `who is`, `bought`, `where`); a stop word (dropped). German and Dutch
   compounds are split into two words of the vocabulary (`Pharmaexporte`), a word of five letters or more that
   matches nothing is read as its closest word of the vocabulary or name when one is very close (`prodution`).
2. The kind of answer wanted follows: a person (`who is the CEO`), a takeover (`who bought`), a statistic (a
   metric family or `how many`), a list of organisations, clusters, regions (`which companies in`), a value
   chain link (an isotope), else the record named.

How answers are ranked (`answer`), a score each, highest first, ties by the latest year then file order; an
answer under 40 % of the best one's score is not listed:
- a statistic must be about a place or record the question names (or one it acquired, or a cluster's figure
  filed under its region); of the year asked when one is; of every metric family asked when any is; and
  without a modifier the question does not ask for (a figure per inhabitant is no answer to "GDP"). It scores
  10 per metric family asked that its metric holds, 3 per other word of the question in its label, 1 per word
  in its other texts, less 1 per word of its metric id that the question does not name;
- a record the question names scores 8, a record of the kind asked located in the place asked 6, a value chain
  link of the isotope asked or in the place asked 4, a relation or claim about what the question names 2; each
  adds the word scores above, and 15 when it is of the kind wanted.
When nothing fits, `answer` refuses with one line saying what is missing, rather than answer with another
place's or year's figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ecofacts import kinds, query
from ecofacts.errors import UsageError
from ecofacts.kinds.base import Hit, Row
from ecofacts.names import fold
from ecofacts.vocabulary import Entry, Vocabulary, load, metric_families

if TYPE_CHECKING:
    from ecofacts.knowledge import Knowledge

MAX_QUESTION = 2000  # characters: a question longer than this is not a question
MAX_ANSWERS = 10
_YEAR = re.compile(r"^(19|20)\d\d$")
# what the question's cues ask for, in order of precedence
_WANTS = {"person": "people", "acquired": "relations"}
_LISTED = {"actors", "clusters", "initiatives", "regions", "cities"}
_PLACES = ("regions", "cities")


@dataclass
class Reading:
    """How a question was read: what each part of it was taken for."""

    question: str
    places: list[str] = field(default_factory=list)  # ids of regions and cities
    records: list[str] = field(default_factory=list)  # ids of other named records (organisations, clusters …)
    elsewhere: list[str] = field(default_factory=list)  # places the knowledge does not cover
    year: int | None = None
    metrics: list[str] = field(default_factory=list)  # metric families
    modifiers: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)  # organisation or record kinds named
    sectors: list[str] = field(default_factory=list)
    isotopes: list[str] = field(default_factory=list)
    cues: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # the other words, stemmed
    tokens: set[str] = field(default_factory=set)  # every word of the question, folded and stemmed
    unknown: list[str] = field(default_factory=list)  # capitalised words that name nothing the knowledge holds
    wants: str | None = None  # the table of the records wanted
    notes: list[str] = field(default_factory=list)

    def as_dict(self, k: Knowledge) -> dict[str, Any]:
        return {
            "places": [{"id": i, "name": k.name_of(i), "kind": kinds.word(k.table_of[i])} for i in self.places],
            "records": [{"id": i, "name": k.name_of(i), "kind": kinds.word(k.table_of[i])} for i in self.records],
            "elsewhere": self.elsewhere, "year": self.year, "metrics": self.metrics, "modifiers": self.modifiers,
            "topics": self.topics, "kinds": self.kinds, "sectors": self.sectors, "isotopes": self.isotopes,
            "wants": kinds.word(self.wants) if self.wants else None, "words": self.words, "notes": self.notes,
        }


def described(r: Reading, k: Knowledge) -> str:
    """How the question was read, in one line for people ('places: Wallonia (region); measure: jobs; ...')."""
    parts = []
    named = [f"{k.name_of(i)} ({kinds.word(k.table_of[i])})" for i in [*r.places, *r.records]]
    if named:
        parts.append("names " + ", ".join(named))
    if r.elsewhere:
        parts.append("place not covered: " + ", ".join(r.elsewhere))
    if r.metrics or r.modifiers:
        parts.append("measure " + ", ".join([*r.metrics, *r.modifiers]))
    if r.topics:
        parts.append("topic " + ", ".join(r.topics))
    if r.isotopes:
        parts.append("isotope " + ", ".join(r.isotopes))
    if r.kinds:
        parts.append("kind " + ", ".join(r.kinds))
    if r.year is not None:
        parts.append(f"year {r.year}")
    if r.wants:
        parts.append("looking for " + kinds.BY_TABLE[r.wants].plural)
    if r.words:
        parts.append("other words " + " ".join(r.words))
    return "; ".join(parts + r.notes) or "nothing recognised"


@dataclass
class Answer:
    """A question's reading, its answers (rows of their kinds' listings, with `id` and `kind`, best first, each
    with its `score`), and why there is none when there is none."""

    question: str
    reading: Reading
    hits: list[tuple[str, Any, float, str | None]]  # (table, record, score, member it belongs to)
    refusal: str | None = None

    def rows(self, k: Knowledge) -> list[Row]:
        rows = []
        for table, rec, score, via in self.hits:
            kind = kinds.BY_TABLE[table]
            row: Row = {"id": rec.id, "kind": kind.word}
            row.update(kind.row(k, Hit(rec, via=via)))
            row["id"], row["kind"], row["score"] = rec.id, kind.word, score
            rows.append(row)
        return rows

    def as_dict(self, k: Knowledge) -> dict[str, Any]:
        return {"question": self.question, "reading": self.reading.as_dict(k), "answers": self.rows(k)}


def check_question(text: str) -> str:
    """The question, or a UsageError saying why it is not one (empty, too long, control characters)."""
    if any((ord(c) < 32 and c not in "\t") or 127 <= ord(c) < 160 for c in text):
        raise UsageError("the question holds control characters")
    if len(text) > MAX_QUESTION:
        raise UsageError(f"the question is too long ({len(text):,} characters; at most {MAX_QUESTION:,})")
    if not text.strip():
        raise UsageError("ask needs a question (it is empty)")
    return text.strip()


def stem(word: str) -> str:
    """A folded word without its plural ending: 'companies' -> 'company', 'exports' -> 'export'."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


# ---------------------------------------------------------------- reading


def _phrase_table(k: Knowledge, v: Vocabulary) -> tuple[dict[str, list[str]], int]:
    longest = max([v.longest, *(len(n.split()) for n in k.names)], default=1)
    return k.names, longest


def read(k: Knowledge, question: str) -> Reading:
    """How `question` is read (see the module's help)."""
    v = load()
    r = Reading(question)
    stops = v.stop_words()
    tokens = fold(question).split()
    r.tokens = {stem(t) for t in tokens} | set(tokens)
    capitalised = {fold(w) for w in re.findall(r"\b[A-Z][\w-]+", question)[1:]}
    _, longest = _phrase_table(k, v)
    i = 0
    while i < len(tokens):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            phrase = " ".join(tokens[i:i + n])
            if n == 1 and _YEAR.match(phrase):
                r.year = int(phrase)
                break
            if _take(k, v, r, phrase, stops, typed=" ".join(question.split()[i:i + n])):
                break
        else:
            n = 1
            word = tokens[i]
            if not (_split_compound(k, v, r, word, stops) or _close_word(k, v, r, word, stops)):
                if word in capitalised and not _known_word(k, word):
                    r.unknown.append(word)
                elif not word.isdigit() or len(word) > 2:
                    r.words.append(stem(word))
        i += n
    _wanted(r)
    return r


def _take(k: Knowledge, v: Vocabulary, r: Reading, phrase: str, stops: set[str], typed: str) -> bool:
    """Records what `phrase` (folded) is, if it is something; False when it is nothing known."""
    single = " " not in phrase
    if single and phrase in stops and not v.named(phrase, "place") and not v.named(phrase, "cue"):
        return True
    ids = query.named_by(k, phrase) if not (single and (len(phrase) < 3 or phrase in stops)) else []
    if ids:
        first = k.by_id[ids[0]]
        for rec_id in ids:
            table = k.table_of[rec_id]
            target = r.places if table in _PLACES else r.records
            if rec_id not in target and (table in _PLACES or rec_id == first.id):
                target.append(rec_id)
        if len(ids) > 1 and k.table_of[ids[0]] == "cities" and k.table_of[ids[-1]] == "regions":
            r.notes.append(f"'{typed}' is the city {first.name} and the region {k.name_of(ids[-1])}")
        return True
    # units are words of figures, not of questions ('% of Belgium' would swallow the place)
    entries = [e for e in v.named(phrase) if e.section != "unit"]
    if not entries:
        return False
    for e in entries:
        _note_entry(r, e)
    return True


def _note_entry(r: Reading, e: Entry) -> None:
    target = {"metric": r.metrics, "modifier": r.modifiers, "topic": r.topics, "kind": r.kinds,
              "sector": r.sectors, "isotope": r.isotopes, "cue": r.cues, "elsewhere": r.elsewhere,
              "place": r.places, "role": r.kinds}.get(e.section)
    if target is not None and e.key not in target:
        target.append(e.key)


def _split_compound(k: Knowledge, v: Vocabulary, r: Reading, word: str, stops: set[str]) -> bool:
    """A compound of two words of the vocabulary (`pharmaexporte`, `biotechbedrijven`), perhaps joined by s."""
    if len(word) < 7:
        return False
    for cut in range(3, len(word) - 2):
        head, tail = word[:cut], word[cut:]
        for rest in (tail, tail[1:] if tail.startswith("s") else ""):
            if len(rest) >= 3 and v.named(head) and v.named(rest):
                for e in [*v.named(head), *v.named(rest)]:
                    _note_entry(r, e)
                return True
    return False


def _close_word(k: Knowledge, v: Vocabulary, r: Reading, word: str, stops: set[str]) -> bool:
    """A small typo of a word of the vocabulary or of a name (`prodution`)."""
    if len(word) < 5:
        return False
    import difflib

    single = [w for w in v.by_word if " " not in w and len(w) >= 5]
    close = difflib.get_close_matches(word, single, n=1, cutoff=0.86)
    if close:
        r.notes.append(f"'{word}' read as '{close[0]}'")
        for e in v.named(close[0]):
            _note_entry(r, e)
        return True
    names = [n for n in k.names if len(n) >= 5]
    close = difflib.get_close_matches(word, names, n=1, cutoff=0.86)
    if close:
        r.notes.append(f"'{word}' read as '{close[0]}'")
        return _take(k, v, r, close[0], stops, typed=word)
    return False


def _known_word(k: Knowledge, word: str) -> bool:
    """Whether a word is in the texts of the named records, relations, claims or the value chain."""
    words = _words_of(k)
    return word in words or stem(word) in words


_WORDS: dict[int, set[str]] = {}


def _words_of(k: Knowledge) -> set[str]:
    found = _WORDS.get(id(k))
    if found is None:
        from ecofacts.search import texts_of

        found = set()
        for table, records in k.whole.items():
            if table == "sources":
                continue
            for rec in records:
                for text in texts_of(rec):
                    found.update(fold(text).split())
        found |= {stem(w) for w in found}
        _WORDS.clear()
        _WORDS[id(k)] = found
    return found


def _wanted(r: Reading) -> None:
    """The table of the records the question asks for (`Reading.wants`). A word that is both a kind and a
    measure (`companies`, `entreprises`) is a measure only when the question asks how many; people who work in
    companies are jobs, not companies."""
    if "how-many" not in r.cues and r.kinds:
        r.metrics = [m for m in r.metrics if m not in ("companies", "members")]
    if "jobs" in r.metrics:
        r.metrics = [m for m in r.metrics if m != "companies"]
    for cue, table in _WANTS.items():
        if cue in r.cues:
            r.wants = table
            return
    measures = [m for m in r.metrics if m != "isotopes"]
    if measures or r.modifiers or ("how-many" in r.cues and not r.kinds):
        r.wants = "stats"
    elif r.isotopes or ("produced" in r.cues and not r.kinds):
        r.wants = "chain"
    elif r.kinds:
        listed = [_table_of_kind(kd) for kd in r.kinds]
        r.wants = next((t for t in listed if t is not None), None)


def _table_of_kind(kind: str) -> str | None:
    if kind in kinds.BY_TABLE:
        return kind if kind != "stats" else None
    from ecofacts.kinds.actor import ACTOR_KINDS, ACTOR_ROLES

    return "actors" if kind in ACTOR_KINDS or kind in ACTOR_ROLES else None


# ---------------------------------------------------------------- answering


class _Terms:
    """The words and concepts of a record's texts, the primary ones (its name or label) apart."""

    __slots__ = ("other", "primary")

    def __init__(self, primary: set[str], other: set[str]) -> None:
        self.primary, self.other = primary, other


def _concepts(v: Vocabulary, text: str) -> set[str]:
    """The stemmed words of a text and the keys of the vocabulary entries its phrases are words of."""
    tokens = fold(text).split()
    found = {stem(t) for t in tokens}
    for n in range(1, min(v.longest, 4) + 1):
        for i in range(len(tokens) - n + 1):
            for e in v.by_word.get(" ".join(tokens[i:i + n]), ()):
                if e.section in ("topic", "metric", "sector", "kind", "isotope", "role", "cue"):
                    found.add(f"{e.section}:{e.key}")
    return found


_PRIMARY = ("name", "label", "product", "aliases", "claim", "description", "stage", "role")


def _terms(v: Vocabulary, table: str, rec: Any, cache: dict[str, _Terms]) -> _Terms:
    found = cache.get(rec.id)
    if found is None:
        primary: set[str] = set()
        other: set[str] = set()
        for f in rec.FIELDS:
            value = getattr(rec, f.name)
            texts = [value] if isinstance(value, str) else [x for x in value if isinstance(x, str)] \
                if isinstance(value, tuple) else []
            for text in texts:
                (primary if f.name in _PRIMARY else other).update(_concepts(v, text))
        if table == "stats":
            primary.update(f"metric:{m}" for m in metric_families(rec.metric))
            primary.update(stem(p) for p in rec.metric.split("_"))
            primary.add(f"topic:{rec.topic}")
        if table == "chain":
            primary.add("topic:nuclear medicine")
        found = cache[rec.id] = _Terms(primary, other)
    return found


def _question_terms(r: Reading) -> list[str]:
    terms = [f"topic:{t}" for t in r.topics] + [f"sector:{s}" for s in r.sectors]
    terms += [f"kind:{kd}" for kd in r.kinds] + [f"isotope:{i}" for i in r.isotopes]
    terms += [w for w in r.words if len(w) > 1]
    return list(dict.fromkeys(terms))


def _word_score(terms: Iterable[str], t: _Terms) -> float:
    return sum(3 if term in t.primary else 1 if term in t.other else 0 for term in terms)


def _modifiers_of(v: Vocabulary, metric: str) -> set[str]:
    parts = set(metric.split("_"))
    return {e.key for e in v.entries("modifier").values() if parts & set(e.match)}


_CACHE: dict[int, dict[str, _Terms]] = {}


def answer(k: Knowledge, question: str, limit: int = MAX_ANSWERS) -> Answer:
    """The answers to `question`, best first (see the module's help), or a refusal saying what is missing."""
    question = check_question(question)
    v = load()
    r = read(k, question)
    cache = _CACHE.setdefault(id(k), {})
    if len(_CACHE) > 1:
        _CACHE.clear()
        cache = _CACHE[id(k)] = {}
    named = [*r.records, *r.places]
    what = "person" if r.wants == "people" else kinds.word(r.wants) if r.wants else "record"

    if r.elsewhere and not [p for p in r.places if p not in ("world", "europe")] and not r.records:
        return Answer(question, r, [], f"no {what} of {r.elsewhere[0]} is recorded")
    if r.unknown and not r.records:
        return Answer(question, r, [], f"nothing named '{r.unknown[0]}' is recorded")
    if not named and not r.metrics and not r.isotopes and not r.words and not r.topics:
        return Answer(question, r, [], "the question names nothing the knowledge holds")

    terms = _question_terms(r)
    scored: dict[str, tuple[str, Any, float, str | None]] = {}

    def add(table: str, rec: Any, score: float, via: str | None = None, itself: bool = False) -> None:
        if table == r.wants and not (itself and table in _LISTED and table in _PLACES):
            score += 15
        old = scored.get(rec.id)
        if old is None or old[2] < score:
            scored[rec.id] = (table, rec, score, via)

    if r.wants == "people":
        people = [p for p in k.whole["people"] if p.organisation in named]
        if not people:
            who = ", ".join(k.name_of(i) or i for i in r.records) or "it"
            return Answer(question, r, [], f"no person of {who} is recorded")
        for p in people:
            add("people", p, 8 + _word_score(terms, _terms(v, "people", p, cache)))

    # statistics
    refusal = None
    if r.wants == "stats" or r.metrics:
        refusal = _stats(k, v, r, terms, cache, add)
        if refusal is not None and r.wants == "stats" and (r.metrics or r.year is not None):
            return Answer(question, r, [], refusal)

    # the records named, and what is located in the places named
    for rec_id in named:
        table = k.table_of[rec_id]
        rec = k.by_id[rec_id]
        # a place is the answer when nothing else is asked of it
        base = (8 if r.wants is None and not terms else 3) if table in _PLACES else 8
        if r.wants in ("actors", "clusters", "initiatives") and table in ("clusters", "initiatives") and any(
                kd in ("actors", "company") for kd in r.kinds):
            base += 15  # "which organisations belong to Rad4Med": the cluster with its members
        add(table, rec, base + _word_score(terms, _terms(v, table, rec, cache)), itself=True)
    if r.wants in _LISTED:
        for table, rec in _located(k, r):
            score = 6 + _word_score(terms, _terms(v, table, rec, cache))
            if getattr(rec, "kind", None) in r.kinds or set(getattr(rec, "roles", ())) & set(r.kinds):
                score += 6
            if set(getattr(rec, "sectors", ())) & set(r.sectors):
                score += 3
            add(table, rec, score)

    # the value chain, relations and claims
    for link in k.whole["chain"]:
        product = query._product_key(link.product)
        by_isotope = any(query._product_key(i) in product for i in r.isotopes)
        by_place = bool({link.city, link.producer} & set(named))
        if by_isotope or (by_place and (r.wants in ("chain", None) or "produced" in r.cues)):
            score = 4 + (4 if by_isotope else 0) + (4 if by_place else 0)
            add("chain", link, score + _word_score(terms, _terms(v, "chain", link, cache)))
    said = [f" {fold(k.by_id[i].name)} " for i in named]
    for rel in k.whole["relations"]:
        # a takeover of a part of what is named (Novasep's viral vector division) names it in its description
        if {rel.subject, rel.object} & set(named) or (r.wants == "relations" and (
                not named or any(name in f" {fold(rel.description)} " for name in said))):
            score = 2 + (10 if "acquired" in r.cues and rel.kind == "acquired" else 0)
            score += 4 * len({rel.subject, rel.object} & set(named))
            add("relations", rel, score + _word_score(terms, _terms(v, "relations", rel, cache)))
    for claim in k.whole["claims"]:
        if claim.subject in named:
            add("claims", claim, 2 + _word_score(terms, _terms(v, "claims", claim, cache)))

    if not scored:
        return Answer(question, r, [], refusal or "the knowledge holds no answer to this question")
    ranked = sorted(scored.values(), key=lambda h: (-h[2], -_year_of(h[1])))
    best = ranked[0][2]
    # what scores under 40 % of the best answer is noise beside it: not listed
    return Answer(question, r, [h for h in ranked if h[2] >= 0.4 * best][:limit])


def _year_of(rec: Any) -> int:
    year = getattr(rec, "year", None)
    if isinstance(year, int):
        return year
    if isinstance(year, str):
        return int(year.split("-")[-1] or 0)
    return 0


def _located(k: Knowledge, r: Reading) -> Iterable[tuple[str, Any]]:
    """The records of the kind wanted in the places named (organisations also by their sites)."""
    assert r.wants is not None
    for place_id in r.places:
        place = k.by_id[place_id]
        if k.table_of[place_id] == "cities":
            if r.wants == "actors":
                yield from (("actors", h.record) for h in query.find_actors(k, city=place_id))
            elif r.wants in ("clusters", "initiatives"):
                yield from ((r.wants, rec) for rec in k.whole[r.wants] if rec.city == place_id)
        else:
            inside = query.region_ids(k, place)
            if r.wants == "regions":
                yield from (("regions", reg) for reg in k.whole["regions"]
                            if reg.parent == place_id and reg.kind == "region")
            elif r.wants == "cities":
                yield from (("cities", c) for c in k.whole["cities"] if c.region in inside)
            else:
                yield from ((r.wants, rec) for rec in k.whole[r.wants] if rec.region in inside)


# words of metric ids that say nothing of what is measured
_NEUTRAL = {"of", "eur", "percent", "count", "total", "def", "regional", "in", "and", "per", "year", "the"}


def _part_covered(v: Vocabulary, part: str, r: Reading) -> bool:
    """Whether the question names a word of a metric id: itself, or a family or modifier it belongs to."""
    if part in _NEUTRAL or part in r.tokens or stem(part) in r.tokens:
        return True
    if part.startswith(("mo", "lu", "ac", "i1")) and part[-1:].isdigit() and r.isotopes:
        return True
    if any(part in e.match for e in v.entries("elsewhere").values() if e.key in r.elsewhere):
        return True
    return any(part in e.match for e in v.entries("metric").values() if e.key in r.metrics) or any(
        part in e.match for e in v.entries("modifier").values() if e.key in r.modifiers)


def _covered(v: Vocabulary, metric: str, r: Reading) -> set[str]:
    """The metric families of `metric` the question names, by a family word or by a word of the metric id."""
    parts = metric.split("_")
    # what follows a modifier asked for is its denominator, said by the modifier: R&D intensity is a share of
    # GDP, a share of EU pharma R&D names what it is a share of
    cut = next((i for i, part in enumerate(parts) if any(
        part in e.match for e in v.entries("modifier").values() if e.key in r.modifiers)), len(parts))
    found = set()
    for e in v.entries("metric").values():
        if e.key in r.metrics or any(part in e.match and (i > cut or _part_covered(v, part, r))
                                     for i, part in enumerate(parts)):
            found.add(e.key)
    return found


def _elsewhere_parts(v: Vocabulary, metric: str, r: Reading) -> set[str]:
    """The words of a metric id that name a place the question names beyond the knowledge's places."""
    return {part for part in metric.split("_") for e in v.entries("elsewhere").values()
            if e.key in r.elsewhere and part in e.match}


def _others_named(k: Knowledge, stat: Any, asked: list[str]) -> set[str]:
    """The records a statistic's label names besides its subject and what the question names: a figure of
    SCK CEN's reactor is less Belgium's own than one of Belgium."""
    tokens = fold(stat.label).split()
    found: set[str] = set()
    for n in (1, 2, 3):
        for i in range(len(tokens) - n + 1):
            phrase = " ".join(tokens[i:i + n])
            if len(phrase) > 2:
                found.update(k.names.get(phrase, ()))
    return {i for i in found if k.table_of.get(i) not in _PLACES} - set(asked) - {stat.subject}


def _stats(k: Knowledge, v: Vocabulary, r: Reading, terms: list[str], cache: dict[str, _Terms],
           add: Any) -> str | None:
    """Scores the statistics that may answer; the reason there are none, or None."""
    subjects = [*r.records, *r.places]
    candidates: list[tuple[Any, str | None]] = []
    if subjects:
        for subject in subjects:
            rec = k.by_id[subject]
            candidates += [(s, None) for s in k.stats.where(subject=[subject])]
            candidates += [(s, None) for s in query.filed_under_region(k, rec)]
            candidates += [(s, acquired) for acquired in query.acquisitions(k, rec)
                           for s in k.stats.where(subject=[acquired])]
    else:
        candidates = [(s, None) for s in k.stats]
    whose = " or ".join(k.name_of(s) or s for s in subjects) if subjects else "anything"
    if not candidates:
        return f"no statistic of {whose} is recorded"
    asked_modifiers = set(r.modifiers)
    found = 0
    for stat, via in candidates:
        if r.year is not None and not stat.year_matches(r.year):
            continue
        families = set(metric_families(stat.metric))
        matched = families & set(r.metrics)
        if r.metrics and not matched:
            continue
        modifiers = _modifiers_of(v, stat.metric)
        if modifiers - asked_modifiers or families - matched - _covered(v, stat.metric, r):
            continue
        t = _terms(v, "stats", stat, cache)
        unasked = sum(not _part_covered(v, part, r) for part in stat.metric.split("_"))
        score: float = 10 * len(matched) + 5 * len(modifiers & asked_modifiers) - 8 * len(asked_modifiers - modifiers)
        score += _word_score(terms, t) - unasked - 3 * len(_others_named(k, stat, subjects))
        score += 5 * len(_elsewhere_parts(v, stat.metric, r))  # exports to the United States
        if stat.status != "measured" and "forecast" not in r.words:
            score -= 5
        add("stats", stat, 5 + score, via)
        found += 1
    if found:
        return None
    measure = f" ({', '.join(r.metrics + r.modifiers)})" if r.metrics or r.modifiers else ""
    year = f" for {r.year}" if r.year is not None else ""
    return f"no statistic{measure} of {whose}{year} is recorded"
