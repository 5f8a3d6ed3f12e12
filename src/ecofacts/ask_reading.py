"""How `ask` reads a question: into places, a measure, a year and the kind of record wanted (`read`), in English,
French, Dutch or German. Offline and deterministic: the words come from the vocabulary (`vocabulary.toml`) and the
names of the knowledge; nothing is learned.

1. The text is folded (`names.fold`: case, accents and punctuation ignored) and scanned left to right, the
   longest phrase first: a year (1900-2099); the name, alias or id of a record (`Bruxelles`, `Löwen`,
   `SCK CEN`); a word of the vocabulary (a place adjective such as `wallonne`, a place the knowledge does not
   cover such as `Luxembourg`, a metric family, a modifier such as `per inhabitant`, a topic, a kind, an
   isotope, what the question asks for: `who is`, `bought`, `where`); a stop word (dropped). German and Dutch
   compounds are split into two words of the vocabulary (`Pharmaexporte`), a word of five letters or more that
   matches nothing is read as its closest word of the vocabulary or name when one is a slip away (`prodution`;
   `shared` adds an ending to `share`: another word, not a typo).
   A first word that names nothing followed by an article or pronoun is a verb (`Steht die …?`: German and Dutch
   ask yes or no with the verb first); a capitalised word after a German indefinite article is a noun.
2. The kind of answer wanted follows: a person (`who is the CEO`), a takeover (`who bought`) or a funding
   (`who funds`), a claim for a question answered by yes or no (`Is Belgium …?`), a statistic (a metric family
   that is not a `qualifier`, a modifier or `how many`), a list of organisations, clusters, regions (`which
   companies in`), a value chain link (an isotope), else the record named.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from ecofacts import kinds, query
from ecofacts.ask_words import (
    in_language,
    known_compound,
    known_word,
    last_word,
    mended,
    named_in_texts,
    note_entry,
    rejoined,
    split_compound,
    spoken_in,
    text_slip,
    typo_of,
    unrecorded_compound,
)
from ecofacts.errors import UsageError
from ecofacts.names import fold, stem
from ecofacts.verify_words import NUMBER_WORDS, PERIOD_WORDS, STATISTICAL_OFFICES, YEAR_WORDS
from ecofacts.vocabulary import Entry, Vocabulary, load

if TYPE_CHECKING:
    from ecofacts.knowledge import Knowledge
    from ecofacts.verify_reading import Figure

MAX_QUESTION = 2000  # characters: a question longer than this is not a question
_YEAR = re.compile(r"^(19|20)\d\d$")
# what the question's cues ask for, in order of precedence
_WANTS = {"person": "people", "who-said": "people", "acquired": "relations", "funded": "relations",
          "supplies": "relations", "cooperates": "relations",
          "hosted": "relations", "cited": "relations", "why": "claims", "role": "claims", "what-does": "claims",
          "maker": "actors", "calls-for": "claims",
          "invests-in": "claims"}
PLACES = ("regions", "cities")
# German writes every noun with a capital: one with an ending of German (or Dutch) nouns is a word of the
# question, not a name the knowledge lacks (`Unterstützung`, `Zukunftstechnologien`, `Innovationsleistung`)
_NOUN_ENDINGS = ("ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "logie", "logien",
                 "tat", "taten", "ismus", "nis", "nisse")

# cues said by a verb, which may come first in a question asked by yes or no (`Nennt der … Belgien …?`)
_VERB_CUES = {"cited", "cooperates", "supplies", "funded", "hosted", "spoke"}
# what follows a verb that starts a question asked by yes or no: an article or a pronoun
_SUBJECTS = {"der", "die", "das", "den", "dem", "ein", "eine", "es", "er", "sie", "man", "wir", "ihr",  # de
             "de", "het", "een", "hij", "zij", "ze", "men", "we", "wij",  # nl (and `er`)
             "le", "la", "les", "il", "elle", "ils", "elles", "on",  # fr
             "the", "it", "there", "he", "she", "they"}  # en (and `we`)

# French asks yes or no with its pronoun after the verb (`ont-elles`, `a-t-il`, `peut-on`)
_PRONOUN_AFTER = r"-(?:t-)?(?:il|elle|ils|elles|on)\b"
_INVERTED = re.compile(r"\w" + _PRONOUN_AFTER, re.IGNORECASE)
# per inhabitant with a place or a word between (`per Brussels resident`, `pro Brüsseler Einwohner`)
_PER_HEAD = re.compile(r"\b(?:per|pro|je|par)\s+(?:\w+\s+){1,2}(?:residents?|inhabitants?|inwoners?|habitants?|"
                       r"einwohner|bewohner)\b")
# numbers from two said in words, which a count's noun follows (`wie viele der zehn größten …`)
MANY_WORDS = {fold(w) for n, words in NUMBER_WORDS.items() if n > 1 for w in words.split()}
# `with how many` counts whom one works with (`Mit wie vielen Industriepartnern arbeitet …`)
_WITH_HOW_MANY = re.compile(r"\b(?:with|met|mit|avec)\s+(?:how\s+many|hoeveel|wie\s+vielen?|combien)\b")
# a comparison: a comparative, then within a few words what it is compared with (`more patent applications than`,
# `plus vite que`, `sneller … dan`, `mehr … als`)
_COMPARED = re.compile(r"\b(?:more|faster|higher|less|fewer|better|larger|bigger|plus|moins|davantage|mieux|meer|"
                       r"sneller|hoger|minder|beter|groter|mehr|schneller|hoher|weniger|besser|grosser)\b"
                       r"(?:\s+\w+){0,4}?\s+(?:than|que|qu|dan|als)\b")
# the French words that ask something other than yes or no, as typed (`où`, not `ou`)
_ASKING_FRENCH = {"quel", "quelle", "quels", "quelles", "qui", "où", "quand", "comment", "combien", "pourquoi", "quoi"}
# ... which, with `que` and `lequel`, make an inverted verb after them no yes-or-no question (`que trouve-t-on`,
# `combien … a-t-il`)
_ASKING_FR = _ASKING_FRENCH | {"que", "qu", "lequel", "laquelle", "lesquels", "lesquelles"}
# ... the verb, to read without its pronoun (`y a-t-il` is `there are`, kept whole)
_INVERSION = re.compile(r"(?<!\by\s)(?<![\w-])(\w+)" + _PRONOUN_AFTER, re.IGNORECASE)

# words whose name follows (folded): `employees of novartis`, `salariés chez astrazeneca`, `heeft bayer`
_OF = {"of", "at", "chez", "van", "bij", "von", "bei", "has", "does", "heeft", "telt", "hat"}
# words a town's name follows (folded): `in Nivelles`, `à Nivelles`, `te Kortrijk`, `nach Eupen`
_PLACE_PREPOSITIONS = {"in", "a", "au", "en", "te", "nach", "bei", "near", "at", "pres", "naar", "nabij"}
_ARTICLES = {"the", "le", "la", "les", "l", "de", "het", "der", "die", "das", "den", "dem"}
_INDEFINITE = {"ein", "eine", "einem", "einen", "einer", "eines"}
# a statistical office named by its place (`selon Statistiek Vlaanderen`): who says a figure, not whose it is
_OFFICES = {fold(w) for w in STATISTICAL_OFFICES}
# what a record named right after is left out of what is asked (folded): `Besides Celyad, which local company …`
_BESIDES = {"besides", "except", "excluding", "outre", "hormis", "sauf", "behalve", "ausser", "abgesehen"}
_BESIDES_TWO = {("apart", "from"), ("other", "than"), ("a", "part"), ("en", "dehors"), ("abgesehen", "von")}
# a document, said beside who published it (`die BioWin-Broschüre`, `l'étude de Devillé`, `the FIT brochure`): its
# publisher is no record asked of (folded; `of`, `de`, `van`, `von`, `der` … may stand between)
_WHAT = {"what", "wat", "was", "que", "quoi"}  # asking for a thing, not who (`what does Elysia supply`)
_DOCUMENTS = {"brochure", "brochures", "broschure", "broschuren", "report", "reports", "rapport", "rapports",
              "verslag", "bericht", "study", "studie", "etude", "studien", "leaflet", "folder", "dossier", "map",
              "carte", "kaart", "karte", "article", "articles", "artikel", "text", "texte", "tekst"}
# the documents a year right before names (`the 2023 overview`, `the 2021 brochure`): when it was published
_DATED = _DOCUMENTS - {"map", "carte", "kaart", "karte", "folder", "dossier"} | {
    "overview", "edition", "issue", "overzicht", "ubersicht", "uberblick", "apercu", "press", "release", "communique",
    "persbericht", "pressemitteilung"}
# and a year right after one of them and one of these (`die Pressemitteilung von 2021`, `le communiqué de 2021`)
_DATED_BY = {"of", "from", "von", "aus", "de", "du", "van", "uit"}
# a German noun the vocabulary lacks (`Fördergelder`) is written with these, a name of the knowledge's world hardly ever
# (but a word after `in` at the question's end is a place's name: `ihren Sitz in Bütgenbach`)
_UMLAUT = re.compile("[äöüßÄÖÜ]")
# the words that deny what follows them (folded)
_NEGATIONS = {"not", "no", "without", "pas", "non", "sans", "niet", "geen", "zonder", "nicht", "kein", "keine", "ohne"}
# the words that ask something other than yes or no (folded)
_ASKING = {"what", "which", "who", "where", "when", "how", "why", "wat", "welke", "welk", "wie", "waar", "wanneer",
           "hoe", "hoeveel", "waarom", "was", "welche", "welcher", "welches", "wer", "wo", "wann", "warum", "wieviel",
           *map(fold, _ASKING_FRENCH)}
# what an organisation runs, as a question's words (English stems): a facility, not a figure
FACILITIES = {"plant", "site", "facility", "factory", "reactor", "laboratory", "campu"}
# the words that ask which one (folded), the kind asked right after them
WHICH = {"which", "what", "quel", "quelle", "quels", "quelles", "welke", "welk", "welche", "welcher", "welches",
          "welchen", "welchem"}

@dataclass
class Reading:
    """How a question was read: what each part of it was taken for."""

    question: str
    places: list[str] = field(default_factory=list)  # ids of regions and cities
    records: list[str] = field(default_factory=list)  # ids of other named records (organisations, clusters …)
    elsewhere: list[str] = field(default_factory=list)  # places the knowledge does not cover
    year: int | None = None  # the (last) year the question names
    years: list[int] = field(default_factory=list)  # every year it names: two or more are a period
    metrics: list[str] = field(default_factory=list)  # metric families
    modifiers: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)  # organisation or record kinds named
    sectors: list[str] = field(default_factory=list)
    isotopes: list[str] = field(default_factory=list)
    cues: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # the other words, stemmed
    tokens: set[str] = field(default_factory=set)  # every word of the question, folded and stemmed
    concepts: set[str] = field(default_factory=set)  # every word, in the four languages, of the measures, places
    # and sectors the question names (`exports`, `belgian` for `Belgische`): the words of metric ids it covers
    units: list[str] = field(default_factory=list)  # the units said alone (`KKS`, `euros`)
    units_not: list[str] = field(default_factory=list)  # the units said after a negation (`nicht in KKS`)
    topical: set[str] = field(default_factory=set)  # metric families read only from words that may name a topic
    publishers: list[str] = field(default_factory=list)  # ids named as who published a document (`BioWin-Broschüre`)
    offices: list[str] = field(default_factory=list)  # statistical offices named by their place, folded (`statistics
    # flanders`): who published the figures asked
    unknown: list[str] = field(default_factory=list)  # capitalised words and isotopes that name nothing it holds
    unrecorded: list[str] = field(default_factory=list)  # measures no statistic is of (`wages`, `hospital beds`)
    adjectives: list[str] = field(default_factory=list)  # places said only by an adjective (`wallonische`): of them
    lang: str | None = None  # the language of the question, where its small words say it (`spoken_in`)
    which: str | None = None  # the kind asked right after `which`, `quel`, `welke`, `welcher` …
    which_other: bool = False  # `which` asks for another thing than a kind (`Quel soutien`, `What incentives`)
    figures: list[Figure] = field(default_factory=list)  # the figures the question states, to be checked
    counted: set[str] = field(default_factory=set)  # what `how many` counts, in English stems (`investor`)
    titles: list[str] = field(default_factory=list)  # the titles a person asked for holds (`chief executive`)
    wants: str | None = None  # the table of the records wanted
    besides: list[str] = field(default_factory=list)  # records named as left out (`Besides Celyad, which …`)
    what_is: str | None = None  # the record named right after `what is` (`What is UZA, and how is it …`)
    notes: list[str] = field(default_factory=list)

    def period(self) -> range:
        """The years asked of: the one named, or every year from the first to the last named; none when none is."""
        return range(min(self.years), max(self.years) + 1) if self.years else range(0)

    def measures(self) -> list[str]:
        """The measures asked, not the sectors they are of (`biotech jobs`: jobs; the vocabulary's qualifier
        families: pharma, chemistry, nuclear medicine …)."""
        qualifiers = load().qualifiers()
        return [m for m in self.metrics if m not in qualifiers]

    def organisation_kinds(self) -> list[str]:
        """The kinds of organisation asked (`hospitals`), not a table (`organisations`: all of them)."""
        return [kd for kd in self.kinds if kd not in kinds.BY_TABLE]

    def counted_kinds(self) -> set[str]:
        """The kinds of thing `how many` counts (`how many international investors`: investor), as stems."""
        return self.counted & {stem(kind) for kind in self.kinds}

    def when(self, to: str = " to ") -> str:
        """The year or period asked of, as the reading (`2021`, `2022 to 2023`) and a refusal (`2022-2023`) say it."""
        span = self.period()
        return "" if not span else str(span[0]) if len(span) == 1 else f"{span[0]}{to}{span[-1]}"

    def as_dict(self, k: Knowledge) -> dict[str, Any]:
        return {
            "places": [{"id": i, "name": k.name_of(i), "kind": kinds.word(k.table_of[i])} for i in self.places],
            "records": [{"id": i, "name": k.name_of(i), "kind": kinds.word(k.table_of[i])} for i in self.records],
            "publishers": [{"id": i, "name": k.name_of(i), "kind": kinds.word(k.table_of[i])} for i in self.publishers],
            "elsewhere": self.elsewhere, "year": self.year, "years": self.years, "metrics": self.metrics,
            "modifiers": self.modifiers, "topics": self.topics, "kinds": self.kinds, "sectors": self.sectors,
            "isotopes": self.isotopes, "unrecorded": self.unrecorded,
            "figures": [v for f in self.figures for v in f.values],
            "wants": kinds.word(self.wants) if self.wants else None, "words": self.words, "notes": self.notes,
        }


def either(k: Knowledge, ids: Iterable[str]) -> str:
    """The names of records, as a refusal says them: `Brussels-Capital Region or Brussels`."""
    return " or ".join(k.name_of(i) or i for i in ids)


def described(r: Reading, k: Knowledge) -> str:
    """How the question was read, in one line for people ('places: Wallonia (region); measure: jobs; ...')."""
    def what(i: str) -> str:  # a region says its own kind (Belgium is a country, Europe a continent)
        return k.by_id[i].kind if k.table_of[i] == "regions" else kinds.word(k.table_of[i])

    parts = []
    named = [f"{k.name_of(i)} ({what(i)})" for i in [*r.places, *r.records]]
    if named:
        parts.append("names " + ", ".join(named))
    if r.publishers:
        parts.append("documents of " + ", ".join(k.name_of(i) or i for i in r.publishers))
    if r.elsewhere:
        parts.append("place not covered: " + ", ".join(r.elsewhere))
    if r.metrics or r.modifiers:
        parts.append("measure " + ", ".join([*r.metrics, *r.modifiers]))
    if r.unrecorded:
        parts.append("measure not recorded: " + ", ".join(r.unrecorded))
    topics = [t for t in r.topics if t not in r.metrics]  # `nuclear medicine`, a measure's too, is said once
    if topics:
        parts.append("topic " + ", ".join(topics))
    sectors = [s for s in r.sectors if s not in r.topics + r.metrics]  # and a topic's or a sector's
    if sectors:
        parts.append("sector " + ", ".join(sectors))
    if r.isotopes:
        parts.append("isotope " + ", ".join(r.isotopes))
    if r.kinds:
        parts.append("kind " + ", ".join(r.kinds))
    if r.years:
        parts.append(f"{'years' if len(r.period()) > 1 else 'year'} {r.when()}")
    if r.figures:
        parts.append("figure " + ", ".join(f.text for f in r.figures))
    if r.titles:
        parts.append("title " + ", ".join(r.titles))
    if r.wants:
        parts.append("looking for " + kinds.BY_TABLE[r.wants].plural)
    if r.words:
        parts.append("other words " + " ".join(r.words))
    return "; ".join(parts + r.notes) or "nothing recognised"



def check_question(text: str) -> str:
    """The question, or a UsageError saying why it is not one (empty, too long, control characters)."""
    if any((ord(c) < 32 and c not in "\t") or 127 <= ord(c) < 160 for c in text):
        raise UsageError("the question holds control characters")
    if len(text) > MAX_QUESTION:
        raise UsageError(f"the question is too long ({len(text):,} characters; at most {MAX_QUESTION:,})")
    if not text.strip():
        raise UsageError("ask needs a question (it is empty)")
    return text.strip()



def _phrase_table(k: Knowledge, v: Vocabulary) -> tuple[dict[str, list[str]], int]:
    longest = max([v.longest, *(len(n.split()) for n in k.names)], default=1)
    return k.names, longest


def read(k: Knowledge, question: str) -> Reading:
    """How `question` is read (see the module's help)."""
    v = load()
    r = Reading(question)
    stops = v.stop_words()
    # folding makes a space of what is not a letter or digit: the one sign that says something is said in words
    # (`uitgaven als % van het bbp` asks for a share, as `percent` does)
    # the subject a French question inverts after its verb is no word of what is asked: `travaille-t-il avec` is
    # `travaille avec` (cooperates)
    spelt = _INVERSION.sub(r"\1", question.replace("%", " percent "))
    tokens = fold(spelt).split()
    # the words as typed, one for each folded word
    typed = re.findall(r"[^\W_]+", spelt)
    if len(typed) != len(tokens):
        typed = tokens
    r.tokens = {stem(t) for t in tokens} | set(tokens)
    r.lang = spoken_in(v, tokens)
    # a capitalised word that names nothing is an unknown name, the first word of the question too: every other
    # first word a question starts with is a word of the vocabulary (`How`, `Combien`, `Welke`, `Wie`)
    capitalised = {fold(w) for w in re.findall(r"\b[A-Z][\w-]+", question)}
    # a hyphenated name after `in`, `à`, `te` … is a place's, each of its parts capitalised (`in Sint-Niklaas`); so
    # is one anywhere whose parts have two letters or more (`Nordrhein-Westfalen`, not `X-Ray`); a hyphen before a
    # word in lower case joins words (`EU-gemiddelde`), and a part the vocabulary knows is read (`Biotech-Zentren`)
    hyphenated = {part: name for before, name in re.findall(r"(\w+)\s+([A-Z]\w*(?:-[A-Z]\w*)+)", question)
                  if fold(before) in _PLACE_PREPOSITIONS for part in fold(name).split()}
    hyphenated |= {part: name for name in re.findall(r"(?<![\w&-])([A-Z]\w+(?:-[A-Z]\w+)+)(?![\w-])", question)
                   for part in fold(name).split()}
    capitalised |= set(hyphenated)
    # (`was` first asks by yes or no in English and Dutch, what in German: `Was sagte …`)
    inverted = _INVERTED.search(question)
    if (tokens and tokens[0] in _single_words(v, "cue", "yes-no")) or (inverted and not set(
            re.findall(r"[^\W\d_]+", question[:inverted.start()].lower())) & _ASKING_FR) or (
            tokens[:1] == ["was"] and r.lang in ("en", "nl")):
        # `Is Belgium …?`, `Ist …?`, `… ont-elles remplacé …?`: a question answered by yes or no; its first word
        # is a verb, no name (`Kann Wallonien …?`)
        r.cues.append("yes-no")
        if tokens[0] in _single_words(v, "cue", "yes-no") or tokens[0] == "was":
            capitalised.discard(tokens[0])
    elif len(tokens) > 1 and (tokens[1] in _SUBJECTS or (query.named_by(k, tokens[1]) and question.rstrip().endswith(
            "?"))) and not [e for e in v.named(tokens[0]) if e.section != "word" and e.key not in _VERB_CUES] \
            and not query.named_by(k, tokens[0]):
        # German and Dutch ask yes or no with the verb first, its subject next (`Steht die …?`, `Ligt het …?`,
        # `Behoort België tot …?`): the first word is a verb, no unknown name
        capitalised.discard(tokens[0])
        if question.rstrip().endswith("?"):
            r.cues.append("yes-no")
    elif len(tokens) > 2 and question.rstrip().endswith("?") and tokens[0].endswith(("en", "t")) and not (
            v.named(tokens[0]) or query.named_by(k, tokens[0]) or set(tokens) & _ASKING
            or any(key.startswith(f"{tokens[0]} ") for key in k.names)):
        # a verb the vocabulary lacks, first in a question that asks nothing else (`Schaffen Investitionsprojekte
        # der belgischen Biotech zusätzliche Arbeitsplätze?`): asked by yes or no, no unknown name
        capitalised.discard(tokens[0])
        r.cues.append("yes-no")
    # German writes every noun with a capital, and a noun, not a name, follows an indefinite article (`an einem
    # Wendepunkt`)
    capitalised -= {word for before, word in pairwise(tokens) if before in _INDEFINITE}
    _, longest = _phrase_table(k, v)
    tokens, typed = rejoined(v, tokens, typed)
    # a hyphenated name no part of which the vocabulary or the knowledge knows is unknown, as typed, and no slip of
    # a word (`Baden-Württemberg`: no `bauen`)
    foreign = {part for part, name in hyphenated.items()
               if not any(v.named(p) or known_word(k, p, lookalike=False) for p in fold(name).split())}
    tokens = mended(k, v, r, tokens, stops, keep=foreign)
    offices: set[str] = set()  # the places named as statistical offices' names, and those named otherwise
    elsewhere: set[str] = set()
    what_is_at = -2  # the word after a `what is` cue
    i = 0
    while i < len(tokens):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            phrase = " ".join(tokens[i:i + n])
            if n == 1 and _YEAR.match(phrase) and (
                    dated := tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1] in _DATED else
                    tokens[i - 2] if i > 1 and tokens[i - 1] in _DATED_BY and tokens[i - 2] in _DATED else None):
                r.notes.append(f"{phrase} read as the date of the {dated}, not of what is asked")
                break  # the year of a document (`the 2023 overview`, `le communiqué de 2021`), not of what is asked
            if n == 1 and _YEAR.match(phrase):
                r.year = int(phrase)
                r.years.append(r.year)
                break
            if n == 1 and phrase in YEAR_WORDS and PERIOD_WORDS & set(tokens[max(0, i - 3):i - 1]):
                break  # the time a change took (`in zehn Jahren verdoppelt`), no measure of years
            named, abroad, cued, placed = len(r.records), len(r.elsewhere), len(r.cues), len(r.places)
            if _take(k, v, r, phrase, stops, typed=" ".join(typed[i:i + n])):
                if "what-is" in r.cues[cued:]:
                    what_is_at = i + n  # where what is asked of starts
                if len(r.records) > named and i in (what_is_at, what_is_at + 1) and not r.what_is:
                    r.what_is = r.records[named]  # `What is UZA, and how is it connected to …`: UZA
                if len(r.records) > named and ((i > 0 and tokens[i - 1] in _BESIDES)
                                               or tuple(tokens[max(0, i - 2):i]) in _BESIDES_TWO):
                    r.besides += r.records[named:]
                if len(r.records) > named and _beside_a_document(tokens, i, n, stops):
                    r.publishers += r.records[named:]  # who published the document, no record asked of
                    del r.records[named:]
                of_a_document = bool(_DOCUMENTS & {*tokens[i - 1:i], *tokens[i + n:i + n + 1]})
                if len(r.elsewhere) > abroad and of_a_document:
                    del r.elsewhere[abroad:]  # the language of a document (`l'article allemand`), no place asked
                places_here = set(k.names.get(phrase, ())) & set(r.places) | set(r.places[placed:])
                # (a place said of a document, `la brochure wallonne`, is where it is from, as an office's is)
                office = i > 0 and tokens[i - 1] in _OFFICES  # `Statistiek Vlaanderen`: who says the figures
                (offices if office or of_a_document else elsewhere).update(places_here)
                if office and places_here:
                    r.offices.append(f"{tokens[i - 1]} {phrase}")
                break
        else:
            n = 1
            word = tokens[i]
            if word in foreign:
                if hyphenated[word] not in r.unknown:
                    r.unknown.append(hyphenated[word])
            elif word in capitalised and len(who := [p.id for p in k.whole["people"]
                                                   if fold(p.name).split()[-1:] == [word]]) == 1:
                # a person's family name alone names the one person of that name (`Staatssekretär Dermine`), and
                # is still a word of what names them (`herstelplan van staatssecretaris Dermine`)
                if who[0] not in r.records:
                    r.records.append(who[0])
                r.words.append(word)
            elif not (split_compound(k, v, r, word, stops) or _close_word(k, v, r, word, stops)
                    or _dative_plural(k, v, r, word, stops) or unrecorded_compound(v, r, word)):
                # after `in`, `à`, `te` … a capitalised word is a place's name: only the knowledge's own words
                # make it known (`à Nivelles` is no `nouvelles`)
                placed = i > 0 and tokens[i - 1] in _PLACE_PREPOSITIONS
                named_there = _name_in_lower_case(tokens, i, stops)
                lookalike = not (placed or named_there)
                as_typed = typed[i] if len(typed) == len(tokens) else word
                if (word in capitalised or named_there) and word not in _DOCUMENTS \
                        and not known_word(k, word, lookalike=lookalike) \
                        and not v.named(word, "unit") and not word.endswith(_NOUN_ENDINGS) \
                        and not known_compound(k, v, r, word) \
                        and not (_UMLAUT.search(as_typed) and not (placed and named_there)):
                    r.unknown.append(hyphenated.get(word, as_typed))  # the whole name, as typed
                elif not word.isdigit() or len(word) > 2:
                    # a slip in a word of the knowledge's texts is that word (`pandemc`)
                    if near := text_slip(k, word):
                        r.notes.append(f"'{word}' read as '{near}'")
                        word = near
                    r.words.append(stem(word))
        i += n
    if (only_offices := offices - elsewhere) and set(r.places) - only_offices:
        # `Selon Statistiek Vlaanderen, … la Région bruxelloise en 2017`: Brussels' figure, by the Flemish office
        r.places = [p for p in r.places if p not in only_offices]
    r.counted = _counted(v, tokens, stops)
    for i in _isotopes_unknown(k, v, tokens, question):
        r.unknown.append(f"{typed[i]}-{typed[i + 1]}")
        r.words = [w for w in r.words if w not in (stem(tokens[i]), tokens[i + 1])]  # named, no other words
    for unit in list(r.units):  # a unit said after a negation is not wanted (`in Euro und nicht in KKS`)
        its_words = {fold(w) for w in v.entries("unit")[unit].all_words()}
        if any(t in _NEGATIONS and its_words & set(tokens[i + 1:i + 3]) for i, t in enumerate(tokens)):
            r.units.remove(unit)
            r.units_not.append(unit)
    said = " ".join(tokens)
    if "per-capita" not in r.modifiers and _PER_HEAD.search(said):
        r.modifiers.append("per-capita")  # `per Brussels resident`: per inhabitant, a place between
    if "person" in r.cues and r.metrics and (said_by := _person_said_by(v, said)):
        # a person or title after `according to` says whose figure it is, and asks for no person (`… in 2016
        # volgens de directeur van BioWin`)
        r.titles = [t for t in r.titles if t not in said_by]
        if not r.titles:
            r.cues.remove("person")
    if "jobs" in r.metrics and (with_how_many := _WITH_HOW_MANY.search(said)) and not any(
            e.key == "jobs" for word in said[with_how_many.end():].split()[:1] for e in v.named(word, "metric")):
        # `met hoeveel industriële partners werkt …`: whom one works with, no jobs (but `met hoeveel banen groeide
        # …`: by how many jobs)
        r.metrics.remove("jobs")
    if _COMPARED.search(said) and "compare" not in r.cues:
        r.cues.append("compare")
    if "how-many" not in r.cues and set(tokens) & _single_words(v, "cue", "how-many"):
        r.cues.append("how-many")  # `aantal bedrijven`, a phrase of the measure, says how many too
    if set(re.findall(r"\d+", question)) - {str(y) for y in r.years}:
        # verify's reader (25 ms to import, most of it compiling its patterns) only for digits that are no year
        # read above (`in 2023` is none)
        from ecofacts.verify_reading import figures, language

        # the figures as `verify` reads a draft's (years, `Mo-99`, `top 3` are none): `3,800` read both ways
        r.figures = [f for f in figures(question, language(question)) if f.unit != "rank"]
        # (the mass number of an isotope named is no figure: `astate 211`)
        masses = {float(re.sub(r"\D", "", i)) for i in r.isotopes if re.search(r"\d", i)}
        r.figures = [f for f in r.figures if not (f.unit == "count" and set(f.values) & masses)]
    stated_only = bool(r.figures) and "how-many" not in r.cues  # a figure said, no `how many` asked
    if stated_only:
        r.cues.append("how-many")  # `Are there over 140 biotech companies in Belgium?`: a figure is checked
    if "jobs" in r.metrics and "how-many" not in r.cues and any(k.table_of[i] == "people" for i in r.records):
        r.metrics.remove("jobs")  # where a person works (`… travaille pour quelle entreprise ?`), no count of jobs
    named_kinds = {kd for rec in map(k.by_id.__getitem__, r.records)
                   for kd in (getattr(rec, "kind", None), *getattr(rec, "roles", ()))}
    r.which = _kind_after_which(v, tokens)
    if r.figures and not r.counted:
        # a kind of thing right after a count (a sector between) counts it (`meer dan 300 biotechbedrijven`, `mehr
        # als 250 Biotech-Unternehmen`), no measure of what it describes (`Gewerbepark mit 5,5 Hektar`) nor where
        # `which` asks for a thing it describes (`Welk … park telde … meer dan 80 bedrijven?`)
        for f in r.figures:
            after = [t for t in fold(question[f.start + len(f.text):]).split() if t not in stops][:2]
            kinds_after = {e.key for word in after for e in
                           (last_word(v, word, "kind", head=1, tail=5)[1] or v.named(word, "kind"))}
            if kinds_after & set(r.kinds) and not WHICH & set(tokens):
                r.counted |= {*map(stem, after), *kinds_after}
    # ... or for another thing, a word of the lexicon or a topic, no kind, place nor person's role (`Quel soutien`,
    # `What incentives`; `Quel secrétaire d'État` asks for a person)
    r.which_other = r.which is None and any(
        word in WHICH and after not in stops and (sections := {e.section for e in v.named(after)}) & {"word", "topic"}
        and not sections & {"kind", "cue", "place", "elsewhere"}
        and not any(e.key in _roles(k) for e in v.named(after, "word"))
        for word, after in pairwise(tokens))
    if len(r.kinds) > 1 and r.records and r.which in r.kinds:
        # `Zu welcher Universität gehört die Klinik Saint-Luc?`: a university; the clinic is the record named
        r.kinds = [kd for kd in r.kinds if kd == r.which or kd not in named_kinds]
    elif "where" in r.cues:
        # where a record named is, said with its kind (`Wo fand die Veranstaltung … statt?`): its place is asked
        r.kinds = [kd for kd in r.kinds if kd not in named_kinds]
    if len(r.kinds) > 1 and r.lang != "fr":
        # of two kinds said one after the other, the last is the head (`federation event`: an event; `Biotech-Verband
        # Veranstaltung`); French puts it first (`l'événement de la fédération`)
        for first, second in pairwise(tokens):
            heads = [e.key for e in v.named(second, "kind") if e.key in r.kinds]
            if heads and any(e.key in r.kinds and e.key not in heads for e in v.named(first, "kind")):
                r.kinds = [heads[0], *(kd for kd in r.kinds if kd != heads[0])]
    if "regions" in r.kinds:
        r.adjectives = []  # an adjective with the word region is the region's name: `het Waals Gewest`
    countries = [p for p in r.places if getattr(k.by_id[p], "kind", None) == "country"]
    if "share" in r.modifiers and countries and "compare" not in r.cues and any(
            getattr(k.by_id[p], "kind", None) == "region" for p in r.places):
        # a share of the country's whole, asked of one of its regions (`What share of Belgium's pharmaceutical jobs
        # are in Flanders?`): the region's figure, the country is what it is a share of
        r.places = [p for p in r.places if p not in countries]
    # a grouping of regions (Wallonia and Brussels combined) is asked of where all its regions are named
    r.places += [g for g, parts in query.groupings(k).items() if g not in r.places and parts <= set(r.places)]
    _wanted(k, r)
    if (r.wants == "stats" and r.which is not None and "how-many" not in r.cues and not r.years and not r.figures
            and table_of_kind(r.which) in ("actors", "clusters", "initiatives")):
        # the kind asked after `which` is what is wanted, a measure beside it says what it does (`Quelle agence aide
        # les entreprises wallonnes à exporter ?`: an agency, not the exports)
        r.wants = table_of_kind(r.which)
    elif r.wants == "stats" and stated_only and r.which is not None and table_of_kind(r.which) in PLACES:
        # `which` asks for a place, and the figure said describes what is in it (`In which municipality is UCB's
        # 50-hectare R&D campus?`): the place, no figure to check
        r.wants = table_of_kind(r.which)
    return r


def said_where(v: Vocabulary, r: Reading) -> bool:
    """Whether a place the knowledge does not cover is said as where something is (`in Japan`, `au Japon`, `in the
    United States`), not only as what something is (`groupe japonais`, `a Japanese group`)."""
    tokens = fold(r.question).split()
    for place in r.elsewhere:
        for w in v.entries("elsewhere")[place].all_words():
            said = fold(w).split()
            for i in range(1, len(tokens)):
                before = tokens[max(0, i - 2):i]
                if tokens[i:i + len(said)] == said and (before[-1] in _PLACE_PREPOSITIONS | {"aux", "dans"} or (
                        before[-1] in _ARTICLES and before[0] in _PLACE_PREPOSITIONS)):
                    return True
    return False


def _beside_a_document(tokens: list[str], i: int, n: int, stops: set[str]) -> bool:
    """Whether the name `tokens[i:i + n]` comes before a document, two words of what it is about perhaps between
    (`die BioWin-Broschüre`, `the BioWin nuclear medicine brochure`), or right after it, a stop word between (`la
    brochure de BioWin`): it names who published it."""
    after = tokens[i + n:i + n + 3]
    before = next((j for j, word in enumerate(after) if word in _DOCUMENTS), None)
    return (before is not None and not set(after[:before]) & stops) or (i > 0 and tokens[i - 1] in _DOCUMENTS) or (
        i > 1 and tokens[i - 1] in stops and tokens[i - 2] in _DOCUMENTS)


def _take(k: Knowledge, v: Vocabulary, r: Reading, phrase: str, stops: set[str], typed: str) -> bool:
    """Records what `phrase` (folded) is, if it is something; False when it is nothing known."""
    single = " " not in phrase
    if single and phrase in stops and not v.named(phrase, "place") and not _cues(v, phrase, single):
        return True
    ids = query.named_by(k, phrase) if not (single and (len(phrase) < 3 or phrase in stops)) else []
    if ids and typed.islower() and v.named(phrase) and all(k.table_of[i] in PLACES for i in ids):
        ids = []  # a place whose name is a word too, written as the word (`il y a 5 ans`: years, not Ans)
    if ids:
        first = k.by_id[ids[0]]
        for rec_id in ids:
            table = k.table_of[rec_id]
            target = r.places if table in PLACES else r.records
            if rec_id not in target and (table in PLACES or rec_id == first.id):
                target.append(rec_id)
            if rec_id in r.adjectives:
                r.adjectives.remove(rec_id)  # named by its name too
        if len(ids) > 1 and k.table_of[ids[0]] == "cities" and k.table_of[ids[-1]] == "regions":
            r.notes.append(f"'{typed}' is the city {first.name} and the region {k.name_of(ids[-1])}")
        return True
    # units are words of figures, not of questions ('% of Belgium' would swallow the place)
    entries = [e for e in v.named(phrase) if e.section != "unit" and not (single and e.key == "yes-no")]
    units = [e for e in v.named(phrase, "unit")] if single and not entries else []
    for e in units:
        # a unit said alone (`in KKS`, `in euros`): the statistics in it, and its words in the four languages
        if e.key not in r.units:
            r.units.append(e.key)
        r.concepts.update(w for word in e.all_words() for w in fold(word).split())
    if not entries:
        return bool(units)
    entries = v.as_typed(entries, typed)  # `salariés` are employees, not salaries
    for e in entries:
        note_entry(r, e, phrase)
    return True


def _isotopes_unknown(k: Knowledge, v: Vocabulary, tokens: list[str], question: str) -> list[int]:
    """Where the folded words name an isotope neither the vocabulary lists nor the knowledge's texts name: an element
    (of the vocabulary's isotopes, a word in `-ium`, or a word nothing knows joined to its mass number by a hyphen:
    `Mangan-52`, `krypton-81m`) and a mass number (`Palladium-103`, `caesium 131`; not `molybdeen-100`, which the
    texts name as Mo-100; not `Top-3`, `Phase-1`, `COVID-19`, whose words are known)."""
    elements = _elements(v)
    hyphened = {(fold(e), m) for e, m in re.findall(r"([^\W\d_]{3,})-(\d{1,3}m?)\b", question)}

    def unknown(element: str, mass: str) -> bool:
        return (element, mass) in hyphened and not (v.named(element) or query.named_by(k, element)
                                                    or known_word(k, element, lookalike=False))

    return [i for i, (element, mass) in enumerate(pairwise(tokens))
            if _MASS.fullmatch(mass) and (element in elements or (len(element) > 5 and element.endswith("ium"))
                                          or unknown(element, mass))
            and not v.named(f"{element} {mass}", "isotope")
            and not any(named_in_texts(k, name, mass) for name in (element, *elements.get(element, ())))]


_MASS = re.compile(r"\d{1,3}m?")


@functools.cache
def _elements(v: Vocabulary) -> dict[str, frozenset[str]]:
    """The folded names of the elements of the vocabulary's isotopes, in the four languages (`caesium`, `Jod`), each
    with the symbols its isotopes are written with (`molybdeen`: `mo`)."""
    found: dict[str, set[str]] = {}
    for e in v.entries("isotope").values():
        symbol = fold(e.key).split()[0]
        for t in {t for w in e.all_words() for t in fold(w).split() if t.isalpha() and len(t) >= 3}:
            found.setdefault(t, set()).add(symbol)
    return {t: frozenset(symbols) for t, symbols in found.items()}


def _person_said_by(v: Vocabulary, said: str) -> set[str]:
    """The titles and people (the cue `person`) said right after `according to` (`selon le président`, `volgens de
    directeur`) in the folded question."""
    return {key for key, pattern in _said_by_patterns(v) if pattern.search(said)}


@functools.cache
def _said_by_patterns(v: Vocabulary) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """For each title and the cue `person`, the pattern of one of its words within three words after `according
    to`, compiled once."""
    by = "|".join(map(re.escape, sorted({fold(w) for w in v.entries("stop")["according to"].all_words()}, key=len,
                                        reverse=True)))
    patterns = []
    for e in v.entries("cue").values():
        if e.title or e.key == "person":
            words = "|".join(re.escape(fold(w)) for w in e.all_words())
            patterns.append((e.key, re.compile(rf"\b(?:{by})\s+(?:\w+\s+){{0,2}}(?:{words})\b")))
    return tuple(patterns)


def _roles(k: Knowledge) -> frozenset[str]:
    """The words of people's roles (`secretary`, `chief`, `director` …), folded."""
    return frozenset(w for rec in k.whole["people"] for w in fold(getattr(rec, "role", None) or "").split())


def _kind_after_which(v: Vocabulary, tokens: list[str]) -> str | None:
    """The kind of record `which` asks for, the word (or two) right after it or after one word more (`welcher
    Universität`, `welche Lütticher Firma`)."""
    for i, token in enumerate(tokens[:-1]):
        if token in WHICH:
            for at in (i + 1, i + 2):
                for n in (2, 1):
                    kinds_ = [e.key for e in v.named(" ".join(tokens[at:at + n]), "kind")]
                    if kinds_:
                        return kinds_[0]
    return None


def _single_words(v: Vocabulary, section: str, key: str) -> set[str]:
    entry = v.entries(section).get(key)
    return {fold(w) for w in entry.all_words()[1:] if " " not in fold(w)} if entry else set()


def _cues(v: Vocabulary, phrase: str, single: bool) -> list[Entry]:
    """The cues `phrase` is a word of; a single word says yes-or-no only as the first word (`read`)."""
    return [e for e in v.named(phrase, "cue") if not (single and e.key == "yes-no")]


def _counted(v: Vocabulary, tokens: list[str], stops: set[str]) -> set[str]:
    """What `how many` counts: the first word after it that is no stop word (`combien d'investisseurs`,
    `how many universities`), as English stems: its own and the keys of the vocabulary entries it is a word of."""
    many = _single_words(v, "cue", "how-many") | {"many", "viele", "vielen"}
    at = next((i for i, token in enumerate(tokens) if token in many), None)
    if at is None:
        return set()
    # (a number said in words is how many of the thing, not the thing: `der zehn größten Pharmakonzerne`)
    after = [t for t in tokens[at + 1:] if t not in stops and len(t) > 2 and t not in MANY_WORDS]
    counted: set[str] = set()
    for word in after[:2]:
        # a compound counts what its last word is (`Industrieunternehmen`: companies)
        entries = last_word(v, word, None, head=1, tail=5)[1] or v.named(word)
        names_kind = any(e.section in ("kind", "metric") for e in entries)
        # a word before a kind or measure says which of them (`how many international investors`)
        if counted and not names_kind:
            break
        counted |= {stem(word), *(stem(w) for e in entries for w in fold(e.key).split())}
        if names_kind:
            break
    return counted


def _name_in_lower_case(tokens: list[str], i: int, stops: set[str]) -> bool:
    """Whether the word at `i`, if the knowledge does not hold it, is a name though typed in lower case: after `in`,
    `à`, `te` … at the question's end or before its year (`companies in aalst`, `emplois biotech a tournai en
    2021`), or after `of`, `chez`, `heeft` … before a place, a year or the end (`employees of novartis in belgium`,
    `hoeveel werknemers heeft bayer in belgie`): whose, a name."""
    word, before, after = tokens[i], tokens[i - 1] if i else "", tokens[i + 1:]
    if len(word) <= 3 or word.isdigit():
        return False
    if before in _PLACE_PREPOSITIONS and all(t.isdigit() or t in stops for t in after):
        return True
    return before in _OF and word.isalpha() and (not after or after[0] in _PLACE_PREPOSITIONS or after[0] == "have"
                                                 or bool(_YEAR.match(after[0])))


def _dative_plural(k: Knowledge, v: Vocabulary, r: Reading, word: str, stops: set[str]) -> bool:
    """A German plural in the dative, an `n` after the plural's `-er` or `-el` (`Export von Gütern`, `aus
    Ländern`, `mit Fördermitteln`), read as the plural the vocabulary lists."""
    return len(word) > 5 and word.endswith(("ern", "eln")) and _take(k, v, r, word[:-1], stops, typed=word[:-1])


def _close_word(k: Knowledge, v: Vocabulary, r: Reading, word: str, stops: set[str]) -> bool:
    """A small typo of a word of the vocabulary or of a name (`prodution`)."""
    if len(word) < 5:
        return False
    import difflib

    if any(e.section == "unit" for e in v.named(word)):
        return True  # a unit (`euros`): a word of figures, which says nothing of what is asked
    # a typo seldom strikes the first letter: `staat` (Dutch: stands) is no misspelt `astaat` (astatine)
    # (the word itself is no slip of itself: a word of the vocabulary or a name read as nothing stays a word)
    single = [w for w in v.by_word if " " not in w and len(w) >= 5 and w[0] == word[0] and w != word]
    close = [w for w in difflib.get_close_matches(word, single, n=3, cutoff=0.86)
             if typo_of(word, w) and in_language(v, w, r.lang)][:1]
    if close:
        if stem(close[0]) != stem(word):  # a plural or singular of the word is no slip to mention
            r.notes.append(f"'{word}' read as '{close[0]}'")
        for e in v.named(close[0]):
            note_entry(r, e, close[0])
        return True
    names = [n for n in k.names if len(n) >= 5 and n[0] == word[0] and n != word]
    close = [n for n in difflib.get_close_matches(word, names, n=3, cutoff=0.86) if typo_of(word, n, name=True)][:1]
    if close:
        r.notes.append(f"'{word}' read as '{close[0]}'")
        return _take(k, v, r, close[0], stops, typed=word)
    return False


def _wanted(k: Knowledge, r: Reading) -> None:
    """The table of the records the question asks for (`Reading.wants`). A word that is both a kind and a
    measure (`companies`, `entreprises`) is a measure only when the question asks how many; people who work in
    companies are jobs, not companies."""
    qualifiers = load().qualifiers()
    if "how-many" not in r.cues and r.kinds:
        r.metrics = [m for m in r.metrics if m not in ("companies", "members")]
    if "jobs" in r.metrics and r.counted & {stem(m) for m in r.metrics if m != "jobs"}:
        # how many of another measure work somewhere (`Wie viele Nuklearmediziner arbeiten in der Wallonie?`): the
        # verb says where they work, the measure is what is counted
        r.metrics = [m for m in r.metrics if m != "jobs"]
    if "jobs" in r.metrics:
        r.metrics = [m for m in r.metrics if m != "companies"]
    if "companies" in r.metrics and r.counted & {m for m in r.metrics if m != "companies"} - qualifiers:
        # how much of another measure companies spend or make (`Hoeveel geld staken biotechbedrijven …`): what is
        # counted is that measure, the companies are who spent it
        r.metrics = [m for m in r.metrics if m != "companies"]
    if "companies" in r.metrics and r.counted_kinds() - {"company"}:
        # how many of another kind companies reach (`vor wie vielen internationalen Investoren pitchten Start-ups`):
        # the investors are counted, the start-ups are who pitched
        r.metrics = [m for m in r.metrics if m != "companies"]
    if "where" in r.cues and "how-many" not in r.cues and r.records and not r.years:
        r.metrics = []  # `waar ligt het opleidingscentrum ViTalent`: where it is, not a figure of training
    if "when" in r.cues and "how-many" not in r.cues:
        r.metrics = [m for m in r.metrics if m != "events"]  # `à partir de quelle année`: a date, no years counted
    if "spoke" in r.cues and r.records and "how-many" not in r.cues:
        r.metrics = [m for m in r.metrics if m != "events"]  # `Did Thomas Dermine speak at the … event?`: no attendance
    if "cooperates" in r.cues and "how-many" not in r.cues:
        r.metrics = [m for m in r.metrics if m != "jobs"]  # `Mit wem arbeitet GSK zusammen?`: working with, no jobs
    for cue, table in _WANTS.items():
        # `how many` asks for a figure whatever else it asks (`Mit wie vielen Unternehmen arbeitet … zusammen?`);
        # whether one named makes something asks what is stated of it (`GSK … est-il un producteur mondial ?`)
        if cue == "maker" and r.records and ("yes-no" in r.cues or r.tokens & _WHAT):
            continue  # whether one named makes something, or what it makes (`What kind of tools does Elysia supply
            # to radiopharmaceutical producers?`): what is stated of it, or its products, no maker
        if cue == "acquired" and not r.records:
            continue  # a takeover is of something named (`Hat die Hightech-Industrie … die Rolle … übernommen?`)
        if cue == "cited" and not (r.records or r.titles or "person" in r.cues):
            continue  # what someone cited, of someone named (`noemt het European Innovation Scoreboard België een
            # innovatieleider?`: what a scoreboard calls Belgium, no citation of a person's)
        if cue == "invests-in" and (r.modifiers or r.years or {"much", "viel", "wieviel"} & r.tokens):
            continue  # how much was invested, what share, in what year: a figure (`Wie viel investierte Janssen`)
        if cue == "person" and r.which and table_of_kind(r.which) not in (None, "people"):
            continue  # `which` names the kind asked, a person said later is of it (`Quelle organisation … avec une
            # trentaine de patrons ?`: the organisation)
        if cue in r.cues and ("how-many" not in r.cues or table == "people"):
            r.wants = table
            return
    listed = [kd for kd in r.kinds if table_of_kind(kd) in ("actors", "clusters", "initiatives", "regions", "cities")]
    # (a comparison asked so is a statement, of whatever years: `did Belgium file more patents than the EU27 between
    # 2016 and 2021?`)
    places = {k.table_of[p] for p in r.places}
    place_kinds = {table_of_kind(kd) for kd in r.kinds}
    near = {"nearby", "near"} & set(r.words)  # (`close to`, `in der Nähe von`)
    if "yes-no" in r.cues and places and not (r.records or r.metrics) and place_kinds <= {"regions", "cities"} and (
            places == {"regions", "cities"} or near or (place_kinds and not (r.topics or r.sectors))):
        # whether a town is in a region (`Is Zaventem in Flanders or in Brussels?`) asks where it is: the town,
        # which says its region, no statement of the region; so does what kind of place a place is, nothing else
        # asked of it (`Is Flanders the northern region of Belgium …?`): the place, which says it
        r.wants = None
        # (whether a town is near another is where it is too: `Ist Flémalle eine Gemeinde in der Nähe von Lüttich?`)
        if places == {"regions", "cities"} or near:
            r.cues += ["where"] if "where" not in r.cues else []
        elif "what-is" not in r.cues:
            r.cues.append("what-is")  # what kind of place it is (`La Wallonie est-elle une région ?`): the place
        return
    if "yes-no" in r.cues and "how-many" not in r.cues and (r.year is None or "compare" in r.cues) \
            and not (listed and "exists" in r.cues):
        r.wants = "claims"  # `Is Belgium an innovation leader?`, `Are Flemish biotech firms big players?`: what is
        return              # stated of it (`Are there companies in Liège?` still lists them)
    # `research` names the measure R&D only in a question that asks for a figure: how many, of a year, a share,
    # or another measure (`Forschungsintensität`); elsewhere the topic (`cyclotron de recherche du GIGA`)
    # ... and a field's measure (R&D, innovation) said beside a facility names the facilities' field (`O&O-faciliteiten
    # voor nucleaire geneeskunde in Antwerpen`: R&D facilities, no R&D spending)
    if set(r.words) & FACILITIES:
        r.topical.update(m for m in r.metrics if load().entries("metric")[m].topical)
    asks_figure = ("how-many" in r.cues or r.years or r.modifiers or r.units
                   or any(m not in qualifiers and m not in r.topical for m in r.metrics))
    if not asks_figure:
        # a field named, not a measure: its word stays a word of the question (`Innovationsmotor`: innovation)
        entries = load().entries("metric")
        r.words += [w for m in r.metrics if m in r.topical for w in [stem(entries[m].topical[0])] if w not in r.words]
        r.metrics = [m for m in r.metrics if m not in r.topical]
    measures = r.measures()
    # `how many` asks for a list of the kind it names only where there is a place to list them in (`how many
    # companies in Gosselies`; `how many universities are partners of the EU Biotech School` is a figure); a kind
    # that is statistics itself (`aantal`, `Anzahl`: words of both) makes no list
    listing = [kd for kd in r.kinds if kd not in ("stats", "people")] and (r.places or not r.records)
    if measures or r.modifiers or ("how-many" in r.cues and not listing):
        r.wants = "stats"
        if r.isotopes and "isotopes" not in r.metrics and (measures or "share" in r.modifiers or "how-many" in r.cues):
            r.metrics.append("isotopes")  # a figure of an isotope is one of isotopes (`share of world Mo-99`)
    elif r.isotopes or ("produced" in r.cues and not r.kinds):
        r.wants = "chain"
    elif r.kinds and r.which_other:
        # `which` asks for a thing no kind names, the kinds said after it are of what has it (`Quel soutien les
        # bioparcs apportent-ils ?`, `What incentives does Wallonia offer to companies?`): what is stated of them
        r.wants = "claims"
    elif r.kinds:
        # the kind `which` asks for first, the kinds said after it describe it (`Welches belgische Netzwerk stellt
        # … Firmen, Forschungszentren und Kliniken … vor?`: a network, which presents companies)
        asked = [r.which] if r.which in r.kinds else []
        tables = [table_of_kind(kd) for kd in [*asked, *r.kinds]]
        r.wants = next((t for t in tables if t is not None), None)


def table_of_kind(kind: str) -> str | None:
    """The table of the records of a kind the question names (`hospital`: actors; `federation`: clusters)."""
    if kind in kinds.BY_TABLE:
        return kind if kind != "stats" else None
    from ecofacts.kinds.actor import ACTOR_KINDS, ACTOR_ROLES
    from ecofacts.kinds.cluster import CLUSTER_KINDS
    from ecofacts.kinds.initiative import INITIATIVE_KINDS

    if kind in CLUSTER_KINDS:
        return "clusters"  # federations and networks are kept with the clusters (essenscia, AIPES, Rad4Med)
    if kind in INITIATIVE_KINDS:
        return "initiatives"  # a conference is an event

    return "actors" if kind in ACTOR_KINDS or kind in ACTOR_ROLES else None
