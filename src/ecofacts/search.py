"""`search`: every record whose texts contain every word asked for (in any order, in any field), ranked, each
hit with the field it matched and an excerpt around the match; when no record holds them all, the records that
hold the most of them, flagged partial. A word matches its singular and plural, and a word of the vocabulary
(`vocabulary.toml`) matches its concept's words in English, French, Dutch and German (`médecine nucléaire`
finds "nuclear medicine"); a name matches the record's other names (`Löwen` finds "Leuven"). The stop words of
a question ("how many … did") are left out, so a whole question finds what its words name. The score is
documented at `ranked`.

Every text the knowledge holds is searched: names, aliases and titles, labels and figures, claims, quotes,
people's statements, descriptions, notes, events, sites, conflict claims and source defects. Matching ignores
case, accents and punctuation (`names.fold`), and reads numbers whatever their format: `3800`, `3,800`,
`3.800`, `3 800` and `3800+` are one number, and a number matches only a whole number (`3800` is not in
`38000`). A record is listed once, by its best field: names first, then what it states (claims, quotes,
statements, figures), then descriptions and notes.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from ecofacts import kinds
from ecofacts.errors import UsageError
from ecofacts.kinds.base import Row
from ecofacts.model import NESTED, Field, Record
from ecofacts.names import fold, halves
from ecofacts.row_keys import OTHER
from ecofacts.row_keys import key as row_key
from ecofacts.search_index import normal

if TYPE_CHECKING:
    from ecofacts.knowledge import Knowledge

COLUMNS = ["id", "kind", "subject_name", "name", "display", "year", "matched", "excerpt"]


def _searched(f: Field) -> bool:
    """Whether search reads a field's text: not a reference, not a choice, and a row key that says searched."""
    return not (f.ref or f.choices or row_key(f.name).searched is None)


def index_field(kind: type[Record], name: str) -> int:
    """Where the text of field `name` stands in a line of the search index of records of `kind` (`texts_of`): after
    the texts of the searched fields before it, which must be texts every record has (so the place is fixed)."""
    at = 0
    for f in kind.FIELDS:
        if f.name == name:
            return at
        if not _searched(f):
            continue
        if f.t != "str" or not f.required:
            raise ValueError(f"the place of {name!r} in the index varies with {f.name!r}")
        at += 1
    raise ValueError(f"{kind.__name__} has no field {name!r}")


def texts_of(rec: Record) -> list[str]:
    """Every text of a record that search reads, in field order."""
    return [value for _, value in _texts(rec)]


def full_text(k: Knowledge) -> Callable[[Record], str]:
    """What a full-text index holds of a record so that a word finds what `search` finds with it: the texts search
    reads, folded as it folds them (`normal`), then every spelling of each concept of the vocabulary and of each
    record they name ("nuclear medicine" brings "isotopes", "médecine nucléaire"; "Liège" brings "Luik"), as
    `search` widens a query to those spellings. Made once for the knowledge, then called for each record."""
    from ecofacts.vocabulary import load

    v = load()
    # every phrase that widens (a folded word of a concept of the vocabulary, a name) and its spellings; only a
    # word that starts one is looked at further
    widens: dict[str, set[str]] = {}
    spellings: dict[int, set[str]] = {}  # each entry's words, made once (an entry has a word for each of them)
    for word, entries in v.by_word.items():
        for e in entries:
            if e.section in _EXPANDED:
                if id(e) not in spellings:
                    spellings[id(e)] = {normal(w) for w in e.all_words()}
                widens.setdefault(word, set()).update(spellings[id(e)])
    for phrase, ids in k.names.items():
        if " " in phrase or len(phrase) > 2:
            for rec_id in ids:
                named = k.by_id[rec_id]
                widens.setdefault(phrase, set()).update(
                    normal(n) for n in (named.name, *named.aliases) if len(fold(n)) > 2)
    starts: dict[str, int] = {}  # a phrase's first word: the most words of a phrase it starts
    for phrase in widens:
        first, size = phrase.split(" ", 1)[0], phrase.count(" ") + 1
        starts[first] = max(starts.get(first, 0), size)

    made: dict[tuple[str, ...], str] = {}  # records that hold the same texts (copies, shared quotes) share it

    def text_of(rec: Record) -> str:
        texts = tuple(texts_of(rec))
        if texts not in made:
            made[texts] = widened(texts)
        return made[texts]

    def widened(texts: tuple[str, ...]) -> str:
        text = normal(" ".join(texts))
        tokens = text.split()
        more: set[str] = set()
        for i, token in enumerate(tokens):
            size = starts.get(token)
            if size is None:
                continue
            more |= widens.get(token, set())
            for n in range(2, min(size, len(tokens) - i) + 1):
                more |= widens.get(" ".join(tokens[i:i + n]), set())
        return " ".join([text, *sorted(more - {""})])

    return text_of


def _pattern(key: str) -> re.Pattern[str]:
    """The folded query as a pattern that keeps whole numbers whole at its ends."""
    before = r"(?<!\d)" if key[:1].isdigit() else ""
    after = r"(?!\d)" if key[-1:].isdigit() else ""
    return re.compile(before + re.escape(key) + after)


@functools.cache
def _searched_fields(kind: type[Record]) -> tuple[tuple[str, bool], ...]:
    """(name, nested) of the fields of a record kind that search reads, in field order (worked out once)."""
    return tuple((f.name, f.t in NESTED) for f in kind.FIELDS if _searched(f))


def _texts(rec: Record, path: str = "") -> Iterator[tuple[str, str]]:
    """(field path, text) for every text of a record and of the records nested in it, in field order."""
    for name, nested in _searched_fields(type(rec)):
        value = getattr(rec, name)
        if nested:
            for i, item in enumerate(value):
                yield from _texts(item, f"{path}{name}[{i}].")
        elif isinstance(value, str):
            yield path + name, value
        elif isinstance(value, tuple):
            yield from ((path + name, v) for v in value if isinstance(v, str))


def _rank(field: str) -> int:
    name = field.rsplit(".", 1)[-1].split("[")[0]
    rank = row_key(name).searched
    return OTHER if rank is None else rank


class Term:
    """One word of a query (or a phrase of the vocabulary, or a run of digits), with the spellings that match it:
    its singular and plural, and the words of the same concept in the four languages (`vocabulary.toml`) or the
    names of the record it names. `pattern` finds any of them as whole words in a `normal` text."""

    __slots__ = ("alternatives", "cores", "pattern", "places", "typed")

    def __init__(self, typed: str, alternatives: Iterable[str], places: Iterable[str] = ()) -> None:
        self.typed = typed
        self.places = frozenset(places)  # the cities and regions it names: what is located there holds it too
        self.alternatives = sorted({a for a in alternatives if a}, key=len, reverse=True)
        self.pattern = re.compile("|".join(_word_pattern(a) for a in self.alternatives))
        # what a text must hold for the pattern to find anything: each spelling less its plural ending
        self.cores = tuple({_core(a) for a in self.alternatives})

    def search(self, folded: str) -> bool:
        """Whether the `normal` text holds the term (a quick test of substrings first)."""
        return any(core in folded for core in self.cores) and self.pattern.search(folded) is not None


# a word's start and end: `normal` texts hold only letters, digits and single spaces, so \b is one
_EDGE_BEFORE, _EDGE_AFTER = r"\b", r"\b"


def _core(alt: str) -> str:
    """What every text `_word_pattern(alt)` finds holds: the spelling without the ending it lets vary."""
    if alt.replace(" ", "").isdigit():
        return alt.replace(" ", "")[:1]  # numbers may be grouped differently: their first digit
    last = alt.rsplit(" ", 1)[-1]
    if len(last) > 4 and last.endswith("ies"):
        return alt[:-3]
    if len(last) > 3 and (last.endswith("y") or (last.endswith("s") and not last.endswith("ss"))):
        return alt[:-1]
    return alt


def _word_pattern(alt: str) -> str:
    """A folded word or phrase as a pattern of whole words, its last word singular or plural ('company',
    'companies'; 'export', 'exports'); a number whole."""
    if alt.replace(" ", "").isdigit():
        return _pattern(alt).pattern
    last = alt.rsplit(" ", 1)[-1]
    if len(last) > 4 and last.endswith("ies"):
        body = re.escape(alt[:-3]) + "(?:y|ies)"
    elif len(last) > 3 and last.endswith("y"):
        body = re.escape(alt[:-1]) + "(?:y|ies)"
    elif len(last) > 3 and last.endswith("s") and not last.endswith("ss"):
        body = re.escape(alt[:-1]) + "(?:s|es)?"
    else:
        body = re.escape(alt) + "(?:s|es)?"
    return _EDGE_BEFORE + body + _EDGE_AFTER


def terms(k: Knowledge, text: str) -> list[Term]:
    """The terms of a query: its words, bar the stop words of a question ('how many … did'), read longest
    phrase first as names of records and words of the vocabulary; a run of numbers is one term ('€5.7' is 5.7)."""
    from ecofacts.vocabulary import load

    v = load()
    key = normal(text)
    if not key:
        raise UsageError("search needs some text to look for")
    tokens = key.split()
    stops = v.stop_words()
    if all(t in stops for t in tokens):
        stops = set()
    found: list[Term] = []
    longest = max(v.longest, 4)
    i = 0
    while i < len(tokens):
        if tokens[i].isdigit():
            n = 1
            while i + n < len(tokens) and tokens[i + n].isdigit():
                n += 1
            phrase = " ".join(tokens[i:i + n])
            found.append(Term(phrase, [phrase]))
            i += n
            continue
        for n in range(min(longest, len(tokens) - i), 0, -1):
            phrase = " ".join(tokens[i:i + n])
            alternatives = _expand(k, v, phrase)
            if alternatives is not None or n == 1:
                break
        i += n
        if n == 1 and phrase in stops:
            continue
        parts = _parts(k, v, phrase) if alternatives is None else None
        if parts:  # `Kreislaufwirtschaftsstrategie`: circular economy, strategy
            found += [Term(part, spellings) for part, spellings in parts]
            continue
        places = [rid for rid in k.names.get(phrase, ()) if k.table_of.get(rid) in ("cities", "regions")]
        found.append(Term(phrase, alternatives or [phrase], places))
    return found or [Term(t, [t]) for t in tokens]


_EXPANDED = {"topic", "sector", "metric", "kind", "isotope", "role", "place", "modifier", "word"}


def _expand(k: Knowledge, v: Any, phrase: str) -> list[str] | None:
    """The spellings of what `phrase` names (a record's names, the words of a concept), or None."""
    alternatives: set[str] = set()
    entries = [e for e in v.named(phrase) if e.section in _EXPANDED]
    for e in entries:
        alternatives.update(fold(w) for w in e.all_words())
        if e.section == "place" and e.key in k.by_id:
            rec = k.by_id[e.key]
            alternatives.update(fold(n) for n in (rec.name, *rec.aliases))
    if " " in phrase or len(phrase) > 2:
        for rec_id in k.names.get(phrase, ()):
            rec = k.by_id[rec_id]
            alternatives.update(fold(n) for n in (rec.name, *rec.aliases) if len(fold(n)) > 2)
    if not alternatives:
        return None
    alternatives.add(phrase)
    return [normal(a) for a in alternatives if normal(a)]


def _parts(k: Knowledge, v: Any, word: str) -> list[tuple[str, list[str]]] | None:
    """A compound of two words of the vocabulary or names (`Kreislaufwirtschaftsstrategie`), perhaps joined by s
    or n, each with its spellings; None when `word` is none."""
    if len(word) < 8 or not word.isalpha():
        return None
    found = halves(word, lambda part: _expand(k, v, part))
    return [(part, _expand(k, v, part) or [part]) for part in found] if found else None


class Found:
    """A record a search found: the field it matched best, its score (see `search`) and the terms it lacks."""

    __slots__ = ("field", "missing", "order", "rec", "score", "table", "value")

    def __init__(self, table: str, rec: Any, field: str, value: str, score: int, missing: list[str],
                 order: int) -> None:
        self.table, self.rec, self.field, self.value = table, rec, field, value
        self.score, self.missing, self.order = score, missing, order


def ranked(k: Knowledge, text: str,
           within: Mapping[str, Iterable[Any]] | None = None) -> tuple[list[Found], list[Term]]:
    """Every record whose texts hold every term of `text` (each in any field, in any order), best first; when no
    record holds them all, the records holding the most of them, each with the terms it lacks (`missing`).
    `within`: the records searched, by table (only those tables); every record when not given.

    The score of a record: for each term, 3 when a name or label holds it (name, aliases, title, label,
    product), 2 when what it states does (claim, quote, statement, figure), 1 when another text does
    (description, note …); and 2 for each term beyond the first that its best single field holds with the
    others (words together in one field rank above words scattered over several). Ties: places,
    organisations and people first, then what is stated about them, then the sources; then file order."""
    query_terms = terms(k, text)
    found: list[Found] = []
    ordered = sorted(kinds.KINDS, key=lambda kind: (not kind.named, kind.table == "sources"))
    quick = _quick_pattern(query_terms)
    located = [_located_in(k, t.places) for t in query_terms]
    for order, kind in enumerate(ordered):
        if within is not None:
            records = within.get(kind.table, ())
        elif kind.table == "stats":
            records = _stat_candidates(k, query_terms)
        else:
            records = k.records(kind.table)
        for rec in records:
            hit = _match(kind.table, rec, query_terms, order, quick, located)
            if hit is not None:
                found.append(hit)
    complete = [f for f in found if not f.missing]
    if complete or not found:
        chosen = complete
    else:
        fewest = min(len(f.missing) for f in found)
        chosen = [f for f in found if len(f.missing) == fewest]
    chosen.sort(key=lambda f: (-f.score, f.order))  # stable: file order within a kind
    return chosen, query_terms


def _stat_candidates(k: Knowledge, query_terms: list[Term]) -> Iterable[Any]:
    """At least the statistics that hold one term (the parse cache's search index finds them), in file order."""
    stats = k.stats
    if not hasattr(stats, "containing_any"):
        return stats.containing(" ".join(t.typed for t in query_terms))
    # one pass over the index for every spelling of every term: the statistics come in file order
    return stats.containing_any([alt for term in query_terms for alt in term.alternatives])


def _quick_pattern(query_terms: list[Term]) -> re.Pattern[str]:
    """What a text's `_letters` must hold for its folded form (`normal`) to hold a spelling of a term. `fold` only
    turns what is not a letter or digit into spaces (and `normal` joins digits grouped by thousands), so a word of
    ASCII letters of the folded text is in its `_letters`, and a number's digits are there in order, perhaps with
    other characters between them ('3,800'). A spelling of letters needs its longest word; a number, its digits.
    A spelling beyond ASCII (`ø`, which fold keeps) has no such part: then every text is looked into."""
    parts = set()
    for term in query_terms:
        for alt in term.alternatives:
            if not alt.isascii():
                return re.compile("")
            if alt.replace(" ", "").isdigit():
                parts.add(r"[\W_]*".join(alt.replace(" ", "")))
                continue
            letters = [w for w in alt.split() if w.isalpha()]
            # the word as the pattern finds it: less the plural ending it lets vary (`_core`)
            word = _core(max(letters, key=len)) if letters else ""
            parts.add(re.escape(word))
    if "" in parts:
        return re.compile("")  # a spelling without a word of letters (`mo99`): every text may hold it
    return re.compile("|".join(sorted(parts)) or "(?!)")


def _letters(text: str) -> str:
    """The ASCII characters of a text as `fold` reads it (decomposed, case folded), in order, punctuation kept:
    each word of ASCII letters and digits of the folded text is in it (a non-ASCII character dropped only
    joins what surrounds it). What `_quick_pattern` looks into, made without a loop over the characters."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKD", text).casefold().encode("ascii", "ignore").decode("ascii")


def _located_in(k: Knowledge, places: frozenset[str]) -> frozenset[str]:
    """The ids of the organisations, clusters and initiatives located in `places` (cities, by their seat or a
    site; regions, by what lies inside them)."""
    if not places:
        return frozenset()
    from ecofacts import query

    return frozenset(rec.id for place in places for _, rec in query.organisations_in(k, place))


def _match(table: str, rec: Any, query_terms: list[Term], order: int,
           quick: re.Pattern[str] | None = None, located: list[frozenset[str]] | None = None) -> Found | None:
    """The record's best field and score for the terms, or None when no text of it holds one (`quick`, when
    given: what an ASCII text must hold to hold any, `_quick_pattern`). A term naming a place is held, as by a
    text of the lowest rank, by what is located there (`located`, a set of ids for each term)."""
    best_rank: list[int | None] = [None] * len(query_terms)
    best_field: tuple[int, int, str, str] | None = None  # (-terms held, rank, field, value)
    year = getattr(rec, "year", None)  # a figure's or event's year is matched too ('members BioWin 2023')
    texts = [*_texts(rec), *((("year", str(year)),) if year is not None else ())]
    # most records hold no term at all: one look at all their texts together says so
    if quick is not None and quick.search(_letters("\n".join(value for _, value in texts))) is None:
        return None
    for field, value in texts:
        # a text whose letters hold no term's spelling cannot match: no need to fold it
        if quick is not None and quick.search(_letters(value)) is None:
            continue
        folded = normal(value)
        held = [i for i, t in enumerate(query_terms) if t.search(folded)]
        if not held:
            continue
        rank = _rank(field)
        for i in held:
            if best_rank[i] is None or rank < best_rank[i]:  # type: ignore[operator]
                best_rank[i] = rank
        candidate = (-len(held), rank, field, value)
        if field != "year" and (best_field is None or candidate[:2] < best_field[:2]):
            best_field = candidate
    if best_field is None:  # a year alone is no match: only a record one of whose texts matches
        return None
    for i, where in enumerate(located or ()):
        if best_rank[i] is None and rec.id in where:
            best_rank[i] = OTHER  # `cyclotron Liège`: ULiège's Cyclotron Research Centre, located in Liège
    score = sum(3 - r for r in best_rank if r is not None) + 2 * (-best_field[0] - 1)
    missing = [t.typed for t, r in zip(query_terms, best_rank, strict=True) if r is None]
    return Found(table, rec, best_field[2], best_field[3], score, missing, order)


def search(k: Knowledge, text: str) -> list[tuple[str, Any, str, str]]:
    """(table, record, field path, matched text) of every record `ranked` finds, best first."""
    return [(f.table, f.rec, f.field, f.value) for f in ranked(k, text)[0]]


def search_rows(k: Knowledge, text: str) -> list[Row]:
    """The rows of a search: the record, the field it matched and an excerpt around the match; a statistic's
    figure, year and subject; the score, and for a partial match the words it lacks."""
    found, query_terms = ranked(k, text)
    rows: list[Row] = []
    for f in found:
        row: Row = {"id": f.rec.id, "kind": kinds.word(f.table), "name": f.rec.name, "matched": f.field,
                    "excerpt": excerpt(f.value, text, terms=query_terms)}
        if f.table == "stats":
            from ecofacts.figures import display_value
            from ecofacts.model import as_dict

            row.update({"subject": f.rec.subject, "subject_name": k.name_of(f.rec.subject),
                        "display": display_value(as_dict(f.rec)), "value": f.rec.value, "unit": f.rec.unit,
                        "year": f.rec.year})
        row["score"] = f.score
        row["partial"] = bool(f.missing)
        row["missing"] = f.missing
        rows.append(row)
    return rows


def excerpt(value: str, text: str, around: int = 40, terms: list[Term] | None = None) -> str:
    """The part of a matched text around the match (of the first of `terms` it holds, when given)."""
    key = normal(text)
    folded = normal(value)
    match = _pattern(key).search(folded) if key else None
    for term in terms or ():
        if match is not None:
            break
        match = term.pattern.search(folded)
        key = match.group(0) if match is not None else key
    if match is None:
        return value[:2 * around] + ("…" if len(value) > 2 * around else "")
    # normal() keeps length only roughly (it drops accents and squeezes punctuation): good enough to centre
    at = round(match.start() * len(value) / max(len(folded), 1))
    start = max(0, at - around)
    end = at + len(key) + around
    # whole words at both ends: from the word after the cut, to the end of the word the cut falls in
    if start and not value[start - 1].isspace() and (space := value.find(" ", start, at)) >= 0:
        start = space + 1
    while end < len(value) and not value[end].isspace():
        end += 1
    return ("…" if start else "") + value[start:end].strip() + ("…" if end < len(value) else "")
