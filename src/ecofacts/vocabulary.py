"""The vocabulary of ecofacts in English, French, Dutch and German, read from `vocabulary.toml` (shipped beside
this module): which words name which topic, sector, kind, role, metric family, unit, place, and what a question
asks for. Pure, read once per process, and imported only where a word has to be understood (an option's value
that is not the canonical one, `search`, `ask`, `check`), so that the start-up of other commands does not pay
for it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ecofacts.names import fold

if TYPE_CHECKING:
    from ecofacts.knowledge import Knowledge

LANGUAGES = ("en", "fr", "nl", "de")
# The sections of the file, as `check` requires them of the knowledge (see the file's head comment).
SECTIONS = ("topic", "sector", "kind", "role", "metric", "modifier", "unit", "place", "elsewhere", "unrecorded", "cue",
            "stop", "isotope", "word")


@dataclass(eq=False, slots=True)
class Entry:
    """One concept: its section and key (`topic`, `employment`), its words by language, and for a metric family
    or modifier the words of metric ids it covers (`match`)."""

    section: str
    key: str
    words: dict[str, tuple[str, ...]]
    match: tuple[str, ...] = ()
    qualifier: bool = False  # a metric family that says what a measure is of (pharma), not what is measured
    loose: bool = False  # a modifier whose words are also said loosely (`part`, `rate`): not required of a figure
    topical: tuple[str, ...] = ()  # a metric family's words that name it only where a figure is asked (`research`)
    recorded: bool = True  # an isotope the knowledge holds something of (false: `Cu-64`, of which it holds nothing)
    title: bool = False  # a cue that is a person's title (`chief executive`): the person asked must hold it
    head: bool = False  # a measure no statistic is of, said of another measure (a waiting time, women's share)

    def all_words(self) -> tuple[str, ...]:
        return (self.key, *(w for lang in LANGUAGES for w in self.words.get(lang, ())))


class Vocabulary:
    """Every entry of the file, by section and key, and by folded word. `folded`: each entry's folded words, in
    the order of the file (`kept`), when they are known already."""

    def __init__(self, data: dict[str, Any], folded: list[list[str]] | None = None, longest: int | None = None) -> None:
        self.data = data
        self.sections: dict[str, dict[str, Entry]] = {}
        self.by_word: dict[str, list[Entry]] = {}
        self.folded: list[list[str]] = []
        self.all_entries: list[Entry] = []  # in the order of the file, as `folded`
        at = 0
        for section, entries in data.items():
            table = self.sections.setdefault(section, {})
            for key, value in entries.items():
                entry = Entry(section, key, {lang: tuple(value.get(lang, ())) for lang in LANGUAGES},
                              tuple(value.get("match", ())), bool(value.get("qualifier", False)),
                              bool(value.get("loose", False)), tuple(fold(w) for w in value.get("topical", ())),
                              bool(value.get("recorded", True)), bool(value.get("title", False)),
                              bool(value.get("head", False)))
                table[key] = entry
                self.all_entries.append(entry)
                words = folded[at] if folded is not None else sorted({fold(w) for w in entry.all_words()})
                at += 1
                self.folded.append(words)
                for word in words:
                    self.by_word.setdefault(word, []).append(entry)
        # the most words of a phrase (kept with the folded words: 6,000 words to split otherwise)
        self.longest = longest or max((w.count(" ") + 1 for w in self.by_word), default=1)

    @cached_property
    def phrase_starts(self) -> frozenset[str]:
        """The first words of the phrases (words of the vocabulary of two words or more): a phrase starts nowhere
        else."""
        return frozenset(w.split(" ", 1)[0] for w in self.by_word if " " in w)

    def folded_words(self, section: str) -> Iterator[tuple[Entry, list[str]]]:
        """Each entry of `section` with its folded words."""
        for entry, words in zip(self.all_entries, self.folded, strict=True):
            if entry.section == section:
                yield entry, words

    def entries(self, section: str) -> dict[str, Entry]:
        return self.sections.get(section, {})

    def named(self, word: str, section: str | None = None) -> list[Entry]:
        """The entries `word` (folded) is a word of, in `section` if given."""
        return [e for e in self.by_word.get(fold(word), ()) if section is None or e.section == section]

    def entries_in(self, words: list[str], longest: int = 4) -> Iterator[Entry]:
        """The entries each phrase of the folded `words` is a word of, phrases of one to `longest` words (and no
        longer than the vocabulary's longest), shortest first."""
        starts = self.phrase_starts
        for n in range(1, min(self.longest, longest) + 1):
            for i in range(len(words) - n + 1):
                if n == 1 or words[i] in starts:  # (a phrase starts nowhere else)
                    yield from self.by_word.get(" ".join(words[i:i + n]), ())

    def as_typed(self, entries: list[Entry], typed: str) -> list[Entry]:
        """Of the entries a folded word is a word of, those that spell it as `typed` when it carries an accent or
        another mark folding takes away: an accent tells one language's word from another's (`salariés` are
        employees, not salaries; `ou` typed without one may be `où`). Where none spells it so, those that spell it
        without any mark (typed with an accent the entry lacks); an entry that spells it only with other marks is
        another word (`côté`, a side, is not `coté`, listed on a stock exchange)."""
        typed = _spelled(typed)
        plain = fold(typed)
        if typed == plain:
            return entries
        return [e for e in entries if typed in map(_spelled, e.all_words())] or [
            e for e in entries if plain in map(_spelled, e.all_words())]

    def qualifiers(self) -> set[str]:
        """The metric families that say what a measure is of (pharma, chemistry …), not what is measured."""
        return {key for key, e in self.entries("metric").items() if e.qualifier}

    def stop_words(self) -> set[str]:
        return {fold(w) for e in self.entries("stop").values() for w in e.all_words()[1:]}


def _spelled(text: str) -> str:
    """`text` in lower case, its accents and other marks kept, its punctuation a space (`R&D` is `r d`)."""
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


_KEPT = 5  # the format of the kept vocabulary; a new one makes every kept file stale


@cache
def load() -> Vocabulary:
    """The shipped vocabulary, read once per process. Parsing the TOML and folding its words costs more than the
    rest of a lookup, so the result is kept as JSON in the private cache folder (`private`), made for this very
    file (its checksum) and checked whole when read; without a cache folder the file is parsed every time."""
    import zlib

    from ecofacts import __version__, private

    path = Path(__file__).with_name("vocabulary.toml")
    if path.is_file():
        raw = path.read_bytes()
    else:  # a package that is no folder (a zip): importlib.resources, imported only then (5 ms)
        from importlib import resources

        raw = resources.files("ecofacts").joinpath("vocabulary.toml").read_bytes()
    header = ["vocabulary", _KEPT, __version__, zlib.crc32(raw), len(raw)]
    name = f"vocabulary-{header[3]:08x}.json"
    where = private.private_folder(create=False) if private.wanted() else None
    if where is not None and (body := private.read_kept(where / name, header)) is not None:
        try:
            kept = json.loads(body)
            return Vocabulary(kept["data"], kept["folded"], kept["longest"])
        except (ValueError, KeyError, TypeError, IndexError):
            pass  # not what was written: parse the file again
    import tomllib

    v = Vocabulary(tomllib.loads(raw.decode("utf-8")))
    if private.wanted() and (where := private.private_folder(create=True)) is not None:
        kept = {"data": v.data, "folded": v.folded, "longest": v.longest}
        body = json.dumps(kept, ensure_ascii=False).encode("utf-8")
        private.replace(where / name, lambda tmp: private.write_kept(tmp, header, body))
    return v


def option(section: str, value: str, allowed: Iterable[str]) -> str | None:
    """The one of `allowed` (canonical values of an option: topics, sectors, kinds …) that `value` names as a
    word of the vocabulary's `section`, in any of the four languages; None when it names none or several."""
    allowed = set(allowed)
    found = {e.key for e in load().named(value, section) if e.key in allowed}
    return found.pop() if len(found) == 1 else None


def suggestions(section: str, allowed: Iterable[str]) -> dict[str, str]:
    """Folded word -> canonical value, for every word of `section` whose entry is one of `allowed`: what a
    did-you-mean searches besides the values themselves."""
    allowed = set(allowed)
    return {fold(w): e.key for e in load().entries(section).values() if e.key in allowed for w in e.all_words()}


def metric_families(metric: str) -> list[str]:
    """The metric families (`jobs`, `exports` …) a metric id belongs to, by the words of its id."""
    parts = set(metric.split("_"))
    return [e.key for e in load().entries("metric").values() if parts & set(e.match)]


def problems(k: Knowledge, record_kinds: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """What `check` reports of the vocabulary against the knowledge, as (problems, warnings): an entry without
    words in one of the four languages, and every topic, sector, organisation kind, role, metric and unit the
    knowledge uses that the vocabulary has no entry for, are problems; a record kind without one (a kind
    registered by a plug-in, which cannot add to the shipped file) is a warning. `record_kinds`: the tables of
    the kinds' registry (passed in: the vocabulary does not import the kinds, which read it)."""
    v = load()
    found = []
    for section in SECTIONS:
        for entry in v.entries(section).values():
            # a word of the lexicon is its own English (its key)
            needed = LANGUAGES[1:] if section == "word" else LANGUAGES
            missing = [lang for lang in needed if not entry.words.get(lang)]
            if missing:
                found.append(f"vocabulary: {section} {entry.key!r} has no words in {', '.join(missing)}")
    stats = list(k.stats)
    used = {
        "topic": {s.topic for s in stats} | {c.topic for c in k.whole["claims"] if c.topic},
        "sector": {s for a in k.whole["actors"] for s in a.sectors},
        "kind": {a.kind for a in k.whole["actors"]},
        "role": {r for a in k.whole["actors"] for r in a.roles},
        "unit": {s.unit for s in stats},
    }
    for section, values in used.items():
        for value in sorted(values - set(v.entries(section))):
            found.append(f"vocabulary: the {section} {value!r} has no entry (words in English, French, Dutch and "
                         "German) in vocabulary.toml")
    for metric in sorted({s.metric for s in stats}):
        if not metric_families(metric):
            found.append(f"vocabulary: the metric {metric!r} belongs to no metric family (no family's `match` "
                         "holds a word of it) in vocabulary.toml")
    warnings = [f"vocabulary: the record kind {table!r} has no entry (its words in French, Dutch and German)"
                for table in record_kinds if table not in v.entries("kind")]
    return found, warnings
