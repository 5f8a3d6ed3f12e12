"""How `ask` reads a word of a question that is not itself a word of the vocabulary or a name: what an entry of the
vocabulary says of the question (`note_entry`); a German or Dutch compound of known words (`split_compound`,
`known_compound`, `unrecorded_compound`); a particle said apart from its verb (`rejoined`); a slip in a word of a
phrase (`mended`, `typo_of`); a word of the knowledge's own texts (`known_word`). `ask_reading` calls these while
it scans a question."""

from __future__ import annotations

import functools
import json
import math
from collections import Counter
from collections.abc import Collection, Iterable
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from ecofacts import query
from ecofacts.names import fold, halves, stem
from ecofacts.vocabulary import LANGUAGES, Entry, Vocabulary

if TYPE_CHECKING:
    from ecofacts.ask_reading import Reading
    from ecofacts.knowledge import Knowledge


_CONCEPTS = ("metric", "modifier", "place", "sector", "isotope")


def note_entry(r: Reading, e: Entry, word: str = "") -> None:
    """Notes what the entry `e` says of the question, read from `word` (folded) where it is known."""
    if e.section == "isotope" and not e.recorded:
        if e.key not in r.unknown:
            r.unknown.append(e.key)  # an isotope the knowledge holds nothing of (`Cu-64`): named, not recorded
        return
    if e.section == "metric":  # read only from words that may name a topic, in any order, it is one or the
        if word not in e.topical:  # measure as the rest of the question says (`_wanted`)
            r.topical.discard(e.key)
        elif e.key not in r.metrics:
            r.topical.add(e.key)
    target = {"metric": r.metrics, "modifier": r.modifiers, "topic": r.topics, "kind": r.kinds,
              "sector": r.sectors, "isotope": r.isotopes, "cue": r.cues, "elsewhere": r.elsewhere,
              "place": r.places, "role": r.kinds, "unrecorded": r.unrecorded}.get(e.section)
    if target is not None and e.key not in target:
        target.append(e.key)
        if e.section == "place":
            r.adjectives.append(e.key)
    if e.title:  # a title asks for a person (`CEO`) who holds it
        if "person" not in r.cues:
            r.cues.append("person")
        if e.key not in r.titles:
            r.titles.append(e.key)
    if e.section == "word":  # a word of the lexicon: the knowledge's (English) word it translates
        english = [stem(w) for w in fold(e.key).split()]
        r.words += [w for w in english if w not in r.words]
        r.tokens.update(english)
    if e.section in _CONCEPTS:
        r.concepts.update(w for word in e.all_words() for w in fold(word).split())


def split_compound(k: Knowledge, v: Vocabulary, r: Reading, word: str, stops: set[str]) -> bool:
    """A compound of two words of the vocabulary (`pharmaexporte`, `biotechbedrijven`), perhaps joined by s or n."""
    if len(word) < 7:
        return False

    def meant(part: str) -> list[Entry]:  # a part that means something: no stop word (`den` + `site` is no `densité`)
        return [e for e in v.named(part) if e.section != "stop"]

    found = halves(word, meant)
    if found:
        # the last part says what kind of thing it is, the first of what (`Universitätskrankenhaus`: a hospital)
        head_kind = any(e.section == "kind" for e in meant(found[-1]))
        for at, part in enumerate(found):
            for e in meant(part):
                if not (head_kind and e.section in ("kind", "role") and at < len(found) - 1):
                    note_entry(r, e, part)
            r.tokens |= {part, stem(part)}
        return True
    # a long word of the vocabulary, then a word it does not know (`Innovationsleistung`): the word is read,
    # the rest kept as a word of the question
    for cut in range(len(word) - 5, 5, -1):
        head, tail = word[:cut], word[cut:]
        for known in (head, head[:-1]) if head.endswith("s") else (head,):  # perhaps joined by s
            entries = [e for e in meant(known) if e.section != "unit"] if len(known) >= 6 else []
            for e in entries:
                note_entry(r, e, known)
            if entries:
                r.tokens |= {known, stem(known)}
                r.words.append(stem(tail))
                return True
    return False


# the particles Dutch and German separate from their verbs and say later (`gaf … uit`, `arbeitet … zusammen`)
_PARTICLES = {"uit", "samen", "mee", "aus", "zusammen", "mit", "vor", "op", "hervor", "af", "ab", "uber", "over"}


def rejoined(v: Vocabulary, tokens: list[str], typed: list[str]) -> tuple[list[str], list[str]]:
    """The words with a particle said apart from its verb moved back beside it, where the two are a phrase of the
    vocabulary (`hoeveel gaf Vlaanderen in 2016 uit`: `gaf uit`, spent; `arbeitet … zusammen`: cooperates)."""
    tokens, typed = list(tokens), list(typed)
    for j in range(len(tokens) - 1, 1, -1):
        if tokens[j] not in _PARTICLES:
            continue
        verb = next((i for i in range(j - 2, -1, -1) if f"{tokens[i]} {tokens[j]}" in v.by_word), None)
        if verb is not None:
            tokens.insert(verb + 1, tokens.pop(j))
            typed.insert(verb + 1, typed.pop(j))
    return tokens, typed


def last_word(v: Vocabulary, word: str, section: str | None, head: int, tail: int) -> tuple[str, list[Entry]]:
    """The longest last part of a compound, of `tail` letters or more after `head` or more, that is a word of the
    vocabulary (of `section` if given), with its entries; ("", []) when there is none."""
    for cut in range(head, len(word) - tail + 1):
        if entries := v.named(word[cut:], section):
            return word[cut:], entries
    return "", []


def unrecorded_compound(v: Vocabulary, r: Reading, word: str) -> bool:
    """A compound whose last word is a measure no statistic is of (`brutoloon`: wages): that measure."""
    last, entries = last_word(v, word, "unrecorded", head=3, tail=4)
    for e in entries:
        note_entry(r, e, last)
    return bool(entries)


@functools.cache
def _phrase_words(v: Vocabulary) -> dict[str, list[str]]:
    """The words of the vocabulary's phrases of two words or more (`nuclear` of `nuclear medicine`), by first letter."""
    found: dict[str, set[str]] = {}
    for phrase in v.by_word:
        if " " in phrase:
            for w in phrase.split():
                if len(w) >= 5:
                    found.setdefault(w[0], set()).add(w)
    return {letter: sorted(words) for letter, words in found.items()}


def mended(k: Knowledge, v: Vocabulary, r: Reading, tokens: list[str], stops: set[str],
           keep: Collection[str] = ()) -> list[str]:
    """The words with a slip in a word of a phrase of the vocabulary mended, so that the phrase is read
    (`nuclaer medicine`, `medecine nucleaire`): a word of five letters or more that is no word of the vocabulary,
    of a name or of the knowledge's texts, one slip from a phrase's word with the same first letter; none of `keep`
    (the parts of an unknown name)."""
    import difflib

    mended = list(tokens)
    for i, word in enumerate(tokens):
        if len(word) < 5 or word in stops or word in keep or v.named(word) or query.named_by(k, word) or word.isdigit():
            continue
        words = _phrase_words(v).get(word[0], [])
        if word in words:
            continue  # a word of a phrase already (`valeur` of `valeur ajoutée`)
        near = [w for w in difflib.get_close_matches(word, words, n=3, cutoff=0.8)
                if typo_of(word, w) and in_language(v, w, r.lang)]
        if near and word not in _words_of(k) and stem(word) not in _words_of(k):
            mended[i] = near[0]
            r.notes.append(f"'{word}' read as '{near[0]}'")
    return mended


def spoken_in(v: Vocabulary, tokens: list[str]) -> str | None:
    """The language of a question's folded words where its small words (the vocabulary's stop words) say it: two of
    them at least, more than of any other language; else None (`Takeda Lessines staff 2022` says none)."""
    counts = sorted(((sum(t in stop for t in tokens), lang) for lang, stop in _stop_words_in(v).items()), reverse=True)
    return counts[0][1] if counts[0][0] >= 2 and counts[0][0] > counts[1][0] else None


@functools.cache
def _stop_words_in(v: Vocabulary) -> dict[str, set[str]]:
    entry = v.entries("stop")["words"]
    return {lang: {fold(w) for w in entry.words.get(lang, ())} for lang in LANGUAGES}


def in_language(v: Vocabulary, word: str, lang: str | None) -> bool:
    """Whether a folded word is one of `lang`'s in the vocabulary (alone or in a phrase), or an entry's key; any word
    is when the language is not known. A slip is made in the question's own language: the French `exporter` is no
    slip of the German `Exporten`, the German `hatte` none of the French `haute`."""
    return lang is None or word in _words_in(v)[lang]


@functools.cache
def _words_in(v: Vocabulary) -> dict[str, set[str]]:
    """The folded words of each language, of its words and phrases, with every entry's key."""
    keys = {w for section in v.sections.values() for e in section.values() for w in fold(e.key).split()}
    return {lang: keys | {w for section in v.sections.values() for e in section.values()
                          for phrase in e.words.get(lang, ()) for w in fold(phrase).split()} for lang in LANGUAGES}


def typo_of(word: str, known: str, name: bool = False) -> bool:
    """Whether `word` is a typo of `known`: one slip (a letter left out, added, changed, or two swapped; two
    slips in a word of nine letters or more); a word that adds an ending to a word is another word (`shared` is
    no typo of `share`), unless the ending is a plural's (`fabriqués`: `fabrique`; German `-en`: `Arbeitsplätzen`,
    `Exporten`); a name has no endings
    (`BioWinn` is `BioWin`). `present` is two slips from `president`, so no typo of it."""
    plural = stem(word) == known or (known.endswith("e") and word == known + "n")  # German dative: `Arbeitsplätzen`
    if not name and word.startswith(known) and not plural:
        return False  # a longer word, not a typo: `shared`, `exporter`
    return _slips(word, known) <= (2 if len(word) >= 9 else 1)


def _slips(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (optimal string alignment): the edits that make `b` of `a`."""
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        now = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            now[j] = min(row[j] + 1, now[j - 1] + 1, row[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                now[j] = min(now[j], before[j - 2] + 1)
        before, row = row, now
    return row[-1]


def known_compound(k: Knowledge, v: Vocabulary, r: Reading, word: str) -> bool:
    """Whether a German or Dutch compound is two words of the knowledge's texts or the vocabulary, perhaps joined
    by s (`Plasmatherapien`): a noun, not an unknown name; what its parts name in the vocabulary is noted
    (`Durchschnittsgehalt`: wages)."""
    def known(part: str) -> bool:
        return bool(v.named(part)) or known_word(k, part)

    for cut in range(4, len(word) - 3):
        head, tail = word[:cut], word[cut:]
        for rest in (tail, tail[1:] if tail[0] == "s" else ""):
            if len(rest) >= 4 and known(head) and known(rest):
                for part in (head, rest):
                    for e in v.named(part):
                        note_entry(r, e, part)
                return True
    # a German noun ends in a word of the vocabulary whatever it starts with (`Förderquote`: a rate)
    for cut in range(3, len(word) - 4):
        ending = [entry for entry in v.named(word[cut:]) if entry.section not in ("stop", "unit")]
        if ending:
            for entry in ending:
                note_entry(r, entry, word[cut:])
            return True
    return False


def known_word(k: Knowledge, word: str, lookalike: bool = True) -> bool:
    """Whether a word is in the texts of the records (sources and statistics too: `UWE` of a label, the minister
    a source quotes), or is another language's spelling of a word of the named records, relations, claims or
    the value chain (`Zyklotron`, `Bioindustrien`: a long word, very close and alike at one end)."""
    words = _words_of(k)
    if word in words or stem(word) in words or _in_statistics(k, word):
        return True
    if len(word) < 7 or not lookalike:
        return False
    import difflib

    # spelt alike from one end at least (`Zyklotron`, `Bioindustrien`): `Hasselt` is no `asset`, `Verviers` no
    # `services`
    alike = [w for w in words if abs(len(w) - len(word)) <= 2 and (w[0] == word[0] or w[-3:] == word[-3:])]
    return bool(difflib.get_close_matches(word, alike, n=1, cutoff=0.8))


def named_in_texts(k: Knowledge, word: str, number: str) -> bool:
    """Whether the texts of the records say the folded `word` right before `number` (`mo 100`)."""
    return f"{word} {number}" in _words_of(k)


def _in_statistics(k: Knowledge, word: str) -> bool:
    """Whether a text of a statistic holds the word (the search index finds the few that may)."""
    from ecofacts.search import texts_of

    return any(word in fold(text).split() for stat in k.stats.containing(word) for text in texts_of(stat))


# The words of the named records' texts, made once per knowledge file and kept beside its parse cache
# (`Knowledge.kept`): every folded word and its stem, a word with the number after it (`mo 100`: an isotope the texts
# name), and how many records hold each word or stem. A new WORDS_VERSION makes every kept copy stale.
WORDS_VERSION = 1


class _Words(NamedTuple):
    found: set[str]
    holding: dict[str, int]  # records whose texts hold the word (or its stem): `rarity`
    records: int


_WORDS: dict[int, _Words] = {}


def rarity(k: Knowledge, terms: Iterable[str]) -> dict[str, float]:
    """How much each of a question's words weighs (`ask_stats.word_score`): a word the texts of fewer than one
    record in sixteen hold says more of what is asked than a common one (`Abwasser`, held by one record, weighs about
    2.8 times `biotech`, held by a quarter of them): 1 + log2(share of records below that / its share) / 3. A concept
    of the vocabulary (`metric:jobs`, `topic:biotech`) and a word no text holds weigh 1."""
    words = _words(k)
    rare = words.records / 16
    return {t: 1 + math.log2(rare / n) / 3 for t in terms
            if ":" not in t and 0 < (n := words.holding.get(t, 0)) < rare}


def _words_of(k: Knowledge) -> set[str]:
    return _words(k).found


def _words(k: Knowledge) -> _Words:
    words = _WORDS.get(id(k))
    if words is None:
        data = json.loads(k.kept(".words", WORDS_VERSION, lambda: _count_words(k)))
        words = _Words(set(data["pairs"]) | data["holding"].keys(), data["holding"], data["records"])
        _WORDS.clear()
        _WORDS[id(k)] = words
    return words


def _count_words(k: Knowledge) -> bytes:
    from ecofacts.search import texts_of

    pairs: set[str] = set()
    holding: Counter[str] = Counter()
    for records in k.whole.values():
        for rec in records:
            own: set[str] = set()
            for text in texts_of(rec):
                words = fold(text).split()
                own.update(words)
                pairs.update(f"{a} {b}" for a, b in pairwise(words) if b[:1].isdigit() and not a[:1].isdigit())
            holding.update(own | {stem(w) for w in own})
    data = {"records": sum(len(records) for records in k.whole.values()), "holding": dict(sorted(holding.items())),
            "pairs": sorted(pairs - holding.keys())}
    return json.dumps(data).encode()  # ASCII: no text can make it other than valid


def text_slip(k: Knowledge, word: str) -> str | None:
    """The word of the knowledge's texts a folded word of six letters or more that none of them holds is one slip
    from (`pandemc`: `pandemic`, `deducton`: `deduction`), with the same first letter; None when there is none."""
    import difflib

    found = _words_of(k)
    if len(word) < 6 or word in found or stem(word) in found:
        return None
    alike = [w for w in found if w[:1] == word[0] and " " not in w and abs(len(w) - len(word)) <= 2]
    close = [w for w in difflib.get_close_matches(word, alike, n=3, cutoff=0.8) if typo_of(word, w)]
    return close[0] if close else None
