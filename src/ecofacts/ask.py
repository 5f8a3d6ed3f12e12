"""`ask`: a plain question in English, French, Dutch or German, read into places, a measure, a year and the kind of
record wanted, and answered with the records of the knowledge that fit, best first. Offline and deterministic:
the words come from the vocabulary (`vocabulary.toml`) and the names of the knowledge; nothing is learned.

`ask_reading` reads the question (`read`), `ask_stats` finds the statistics that answer it; this module ranks
every answer (`answer`), a score each, highest first, ties by the latest year then file order; an answer under
40 % of the best one's score is not listed:
- a statistic as `ask_stats` scores it;
- a record the question names scores 8, a record of the kind asked located in the place asked 6, a value chain
  link of the isotope asked or in the place asked 4, a relation or claim about what the question names 2; each
  adds its word scores (`ask_stats.word_score`: 3 per word of the question in its name or label, 1 per
  word in its other texts), and 15 when it is of the kind wanted;
- a record the question describes rather than names (`pilot plant for bio-based processes in Ghent`), among
  `search`'s best hits for the whole question, scores its word scores, 4 for each record named that it names and
  2 when its name holds every word of the question (`_described`), unless a measure was asked and a statistic of
  it found.
When nothing fits, `answer` refuses with one line saying what is missing, rather than answer with another
place's or year's figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ecofacts import kinds, query
from ecofacts.ask_reading import (
    FACILITIES,
    MANY_WORDS,
    PLACES,
    WHICH,
    Reading,
    check_question,
    described,
    either,
    read,
    said_where,
    table_of_kind,
)
from ecofacts.ask_stats import (
    Terms,
    concepts_of,
    of_year_asked,
    question_terms,
    scored_stats,
    stat_candidates,
    terms_of,
    word_score,
)
from ecofacts.ask_words import rarity
from ecofacts.kinds.base import Hit, Row, year_span
from ecofacts.names import fold, stem
from ecofacts.vocabulary import Entry, Vocabulary, load, metric_families

if TYPE_CHECKING:
    from ecofacts.knowledge import Knowledge

__all__ = ["MAX_ANSWERS", "Answer", "Reading", "answer", "check_question", "described", "read"]

MAX_ANSWERS = 10
_LISTED = {"actors", "clusters", "initiatives", "regions", "cities"}
# what a cue asks of relations and of organisations' events: a takeover, a funding
_RELATION_OF_CUE = {"acquired": ("acquired",), "funded": ("funds",), "supplies": ("supplies",),
                    "cooperates": ("cooperation", "partnership"),
                    "hosted": ("hosts",), "spoke": ("speaker-at",), "cited": ("cited",)}
_EVENTS_OF_CUE = {"acquired": ("acquired", "sold", "merged")}
_ORGANISATIONS = query.ORGANISATIONS
_STATED = 16  # the word score of a statement that answers where no statistic does (five words of its label)
_DESCRIBED = 5  # how many of search's best hits for the whole question `_described` takes


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
        return {"question": self.question, "reading": self.reading.as_dict(k), "answers": self.rows(k),
                "refusal": self.refusal}


_CACHE: dict[int, dict[str, Terms]] = {}


@dataclass
class _Asked:
    """A question being answered: its reading, what it names, its words, and the answers scored so far (best score
    of each record, with the table it is of and the member it belongs to)."""

    k: Knowledge
    v: Vocabulary
    r: Reading
    question: str
    named: list[str]
    terms: list[str]
    weights: dict[str, float]  # what each of `terms` weighs (`ask_words.rarity`)
    cache: dict[str, Terms]
    scored: dict[str, tuple[str, Any, float, str | None]]

    def add(self, table: str, rec: Any, score: float, via: str | None = None, itself: bool = False,
            wanted: bool = True) -> None:
        """Scores `rec` (its best score is kept), 15 more when it is of the kind wanted (a place named is not,
        where places are listed: what is in it is)."""
        if wanted and (table == self.r.wants or _cooperation(self.r, table, rec)) and not (
                itself and table in _LISTED and table in PLACES):
            # (an organisation of another kind than the one asked, less: `Welke Brusselse universiteit heeft de
            # Biopark in Gosselies opgericht?` asks for a university, not the biopark)
            asked = self.r.organisation_kinds()
            score += 15 if table != "actors" or not asked or _of_kinds(rec, asked) else 10
        old = self.scored.get(rec.id)
        if old is None or old[2] < score:
            self.scored[rec.id] = (table, rec, score, via)

    def words(self, table: str, rec: Any) -> float:
        """The word score of `rec` for the question's words (`ask_stats.word_score`)."""
        return word_score(self.terms, self.terms_of(table, rec), self.weights)

    def terms_of(self, table: str, rec: Any) -> Terms:
        return terms_of(self.v, table, rec, self.cache)


def _cooperation(r: Reading, table: str, rec: Any) -> bool:
    """Whether `rec` is a partnership where a cooperation is asked, or several of its partners are named: of the kind
    wanted as the relations are (`Walloon firms' ties with Pfizer and Johnson & Johnson`: the Walloon cooperation
    with US pharma companies; `Partnerschaft von DGTRE, AWEX und OFI …`: theirs, before each one's membership)."""
    return r.wants == "relations" and table == "initiatives" and getattr(rec, "kind", None) == "partnership" and (
        "cooperates" in r.cues or len(set(rec.partners) & set(r.records)) > 1)


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
    titles = [v.entries("cue")[t] for t in r.titles]
    abroad = _abroad(k, v, r)
    if refusal := _refused_at_once(k, v, r, named, titles, abroad):
        return Answer(question, r, [], refusal)

    terms = question_terms(r)
    a = _Asked(k, v, r, question, named, terms, rarity(k, terms), cache, {})
    quoting = _quoting(k, question)
    if r.wants == "people" and (refusal := _people(a, titles)):
        return Answer(question, r, [], refusal)
    refusal, final = _statistics(a)
    if final:
        return Answer(question, r, [], refusal)
    # what a takeover or a funding asked is, in events and in relations
    asked_events = {kind for cue in r.cues for kind in _EVENTS_OF_CUE.get(cue, ())}
    asked = {kind for cue in r.cues for kind in _RELATION_OF_CUE.get(cue, ())}
    if asked:
        _relations_wanted(k, r, asked)
    asked_kinds = r.organisation_kinds()
    _named(a, asked_events, asked_kinds)
    _dated(a)
    if asked_events and r.records and (none := _bought(a, asked_events, asked)):
        return Answer(question, r, [], none)
    _membership(a)
    located: set[str] = set()  # what a list holds
    if r.wants in _LISTED:
        located, none = _listed(a, asked_kinds)
        if none:
            return Answer(question, r, [], none)
    for table, rec in abroad:
        a.add(table, rec, 6 + a.words(table, rec))
    _chain(a)
    _relations(a, asked)
    _claims(a)
    if not named and not r.elsewhere:
        _statements(a)
    # words quoted from a record (`'de belangrijkste financiële arm van de lokale besturen'`): the records saying
    # them, before any other
    for table, rec in quoting:
        a.add(table, rec, 40 + a.words(table, rec))
    # a place's name quoted is asked of as a name (`Meint 'Europa' … den Kontinent oder die EU?`): the place, whose
    # description says what it stands for, before what is said of it
    for place_id in _quoted_places(k, question):
        a.add(k.table_of[place_id], k.by_id[place_id], 40 + a.words(k.table_of[place_id], k.by_id[place_id]))

    # a measure asked and found is answered by the statistics; else the question may describe a record
    # (a sector alone, `biotech`, is no measure unless how many is asked: `Steunt de Waalse
    # circulaire-economiestrategie ook biotechprocessen?`)
    measured = bool(r.measures() or (r.metrics and "how-many" in r.cues)) and any(
        h[0] == "stats" for h in a.scored.values())
    if not measured and not (r.elsewhere and not r.records and not abroad):
        # a list of what is in a place holds only what is there (`companies in Leuven`: not Louvain-la-Neuve's)
        inside = located if r.wants in _LISTED and r.places else None
        _described(a, inside)

    if none := _refused_at_last(a, refusal):
        return Answer(question, r, [], none)
    ranked = _by_figure(k, r, sorted(a.scored.values(), key=lambda h: (-h[2], -_year_of(h[1]))))
    if {"yes-no", "cooperates"} & set(r.cues) and "how-many" not in r.cues and r.records:
        # asked by yes or no of what is named (`was GSK one of the companies featured at the … event`), or whom it
        # works with (`Walloon firms' ties with Pfizer and Johnson & Johnson`): what is of it answers before what is
        # not (UCB, in the place the event is said of, is no answer about GSK)
        records = set(r.records)
        # (of two that score alike, the one of more records named: MaSTherCell's cooperation with Bone Therapeutics,
        # both named, before its cooperation with Celyad; unless the highest or lowest figure orders them)
        by_named = not {"highest", "lowest"} & set(r.cues)
        ranked.sort(key=lambda h: (not _involves(h[1], records), -h[2],
                                   -sum(_involves(h[1], {i}) for i in records) if by_named else 0))
        if "yes-no" in r.cues:
            # and a relation of the first answer with another record named (Sanofi as a speaker at the event the
            # question describes) answers before it
            first = ranked[0][1].id
            ranked.sort(key=lambda h: not (h[0] == "relations" and h[1].id != first and _involves(h[1], {first})
                                           and _involves(h[1], records - {first})))
    if a.terms and not {"where", "what-is"} & set(r.cues) and r.wants not in PLACES and all(
            rec.id in r.places and not a.words(table, rec) for table, rec, _, _ in ranked):
        # nothing found but the places named, which hold none of what is asked of them (`who does radiolabelling
        # in Ghent`): none, rather than the town
        asked_of = ", ".join(dict.fromkeys(t.partition(":")[2] or t for t in a.terms))
        return Answer(question, r, [], f"nothing about {asked_of} is recorded in {either(k, r.places)}")
    if r.besides:
        # what involves a record named as left out comes after the rest (`Besides Celyad, which local company does
        # … MaSTherCell … cooperate with?`: its cooperation with Bone Therapeutics, not with Celyad)
        ranked.sort(key=lambda h: _involves(h[1], set(r.besides)))
    best = ranked[0][2]
    # what scores under 40 % of the best answer is noise beside it: not listed
    return Answer(question, r, [h for h in ranked if h[2] >= 0.4 * best][:limit])


def _involves(rec: Any, ids: set[str]) -> bool:
    """Whether `rec` is one of `ids` or refers to one (a relation's subject or object, a claim's subject, a chain
    link's producer, a member, a partner, a person's organisation), places aside."""
    if rec.id in ids:
        return True
    for f in rec.FIELDS:
        if f.ref and not set(f.ref) <= {"sources", "regions", "cities"}:
            value = getattr(rec, f.name)
            if ids.intersection(value if isinstance(value, tuple) else (value,)):
                return True
    return False


def _refused_at_once(k: Knowledge, v: Vocabulary, r: Reading, named: list[str], titles: list[Entry],
                     abroad: list[tuple[str, Any]]) -> str | None:
    """What is missing, where the reading alone shows the knowledge cannot answer: another country (but for the
    organisations from there, `abroad`), a name not recorded, a measure no statistic is of, a founding not recorded,
    nothing the knowledge holds."""
    what = "person" if r.wants == "people" else kinds.word(r.wants) if r.wants else "record"
    if r.elsewhere and not [p for p in r.places if p not in ("world", "europe")] and not r.records and not abroad:
        return f"no {what} of {r.elsewhere[0]} is recorded"
    if r.unknown and not r.records:
        return f"nothing named '{r.unknown[0]}' is recorded"
    if r.unknown and "how-many" in r.cues and r.wants == "stats" and not (r.metrics or r.modifiers or r.kinds):
        # how many of a thing no word of the knowledge names, of a record named (`Wie viele Cyberangriffe gab es auf
        # das IRE?`): none counts it, rather than the record's one figure of something else
        return f"no statistic of {either(k, named)} counts '{r.unknown[0]}'"
    if refused := _unrecorded(k, v, r):
        of = f" of {either(k, named)}" if named else ""
        return f"no statistic ({refused}){of} is recorded"
    # (`which` asks for another thing founded with those named: `Which ULB immunology institute was set up with GSK
    # …?`)
    if "founded" in r.cues and r.records and not (r.metrics or r.modifiers or r.kinds) and not (
            WHICH & r.tokens and "when" not in r.cues) and all(
            k.table_of[i] == "actors" and not any(e.kind == "founded" for e in k.by_id[i].events) for i in r.records):
        # when an organisation was founded, where no founding of it is recorded (`Quand Galapagos a-t-elle été
        # fondée ?`): none, rather than the organisation
        return f"no founding of {either(k, r.records)} is recorded"
    if not named and not r.metrics and not r.isotopes and not r.words and not r.topics and not titles:
        return "the question names nothing the knowledge holds"
    return None


def _people(a: _Asked, titles: list[Entry]) -> str | None:
    """The people asked: a title asked (`CEO`) in the person's role in English ("General Manager of …" is no CEO);
    of what is named; with nothing named, anyone holding it, or whose role and words hold two of the question's
    words (`who is responsible for science policy`); who said something, those whose statements say it. None of
    them: what is missing."""
    k, r, named = a.k, a.r, a.named
    if "who-said" in r.cues:
        # who said what the question gives (`who said Belgium welcomes start-ups but …`): whose statements hold its
        # words, whatever it names; no one's: none (what a person is known for is not what they said)
        for p in k.whole["people"]:
            if (said := _said(a, p)) >= _statement_needs(a.terms):
                a.add("people", p, 8 + said + a.words("people", p))
        return None if any(h[0] == "people" for h in a.scored.values()) else "no statement recorded says that"
    people = [p for p in k.whole["people"] if ({p.organisation, p.id, p.event} & set(named)) or (not named and (
        titles or a.words("people", p) >= _statement_needs(a.terms)))]
    people = [p for p in people if all(_holds_title(p, t) for t in titles)]
    if not people and not titles and not r.records and r.places and set(r.words) & FACILITIES:
        # who runs a plant or a site in a place, no person recorded (`who runs the plasma-derived therapies plant in
        # Lessines`): the organisations there
        r.wants = "actors"
        r.notes.append(f"no person is recorded for this in {either(k, r.places)}: the organisations there")
        return None
    if not people and not _QUOTED.search(a.question):  # who is "…": what is said so, whoever or whatever it is
        who = ", ".join(k.name_of(i) or i for i in r.records)
        of = f" of {who}" if who else "" if titles else " of that name or role"
        return f"no {titles[0].key if titles else 'person'}{of} is recorded"
    for p in people:
        a.add("people", p, 8 + a.words("people", p))
    return None


def _said(a: _Asked, person: Any) -> float:
    """The word score of the statement of `person` (in our words or verbatim) that holds most of the question's."""
    return max((word_score(a.terms, Terms(set(concepts_of(a.v, f"{st.says} {st.quote}")), set()), a.weights)
                for st in getattr(person, "statements", ())), default=0)


def _statistics(a: _Asked) -> tuple[str | None, bool]:
    """The statistics that answer (`ask_stats.scored_stats`), and why there are none: with True, the refusal that
    is the answer; with False, the one to give if nothing else answers. Where none counts the companies of a town or
    the members of a cluster, what is recorded there, or the cluster, which lists them, are wanted instead."""
    k, v, r = a.k, a.v, a.r
    if not (r.wants == "stats" or r.metrics) or (
            r.wants == "claims" and {"calls-for", "invests-in"} & set(r.cues) and "how-many" not in r.cues
            and r.year is None and not r.figures):
        return None, False  # (what someone calls for or invests in is a statement, its measures no figure asked)
    refusal = scored_stats(k, v, r, a.terms, a.cache, a.add, a.weights)
    cities = [p for p in r.places if k.table_of[p] == "cities"]
    # (a cluster that lists its members: of one that lists none, nothing answers `how many members`)
    clusters = [i for i in r.records if k.table_of[i] == "clusters" and getattr(k.by_id[i], "members", None)]
    measures = r.measures()
    if refusal is not None and measures == ["companies"] and cities and r.year is None:
        # how many companies in a city no statistic counts: those recorded there, as `cities` counts them
        r.wants, r.kinds = "actors", [*r.kinds, "company"] if "company" not in r.kinds else r.kinds
        r.notes.append(f"no statistic counts the companies of {k.name_of(cities[0])}: those recorded there")
    elif refusal is not None and measures and set(measures) <= {"members", "companies"} and clusters \
            and r.year is None:
        # the members of a cluster no statistic counts: the cluster, which lists them (`membres de Rad4Med`)
        r.wants = "clusters"
        r.notes.append(f"no statistic counts the members of {k.name_of(clusters[0])}: the cluster lists them")
    elif refusal is not None and r.wants == "stats" and (r.metrics or r.year is not None) and not (
            r.kinds and r.figures and not r.counted) and "when" not in r.cues:
        # (a figure said of a kind of thing describes it, asks for none: `Gewerbepark … mit 5,5 Hektar`; when
        # something named or described did something asks for no figure of it: `When did Belgium's first proton
        # therapy center start treating patients?`, PARTICLE, whose description says)
        if "how-many" not in r.cues and r.year is None and any(
                a.words("claims", c) >= _STATED for c in k.whole["claims"] if c.subject in a.named):
            # no figure counted nor dated, and a statement of what is named holds the question's words as well as
            # a quotation would (`la Belgique leader européen des essais cliniques par habitant, en oncologie et
            # pour les maladies rares ?`): what is stated, not the figures' refusal
            r.wants = "claims"
            return refusal, False
        return refusal, True
    return refusal, False


# what a town or a region lies inside, by its table: what several of them named are parts of
_INSIDE = {"cities": "part_of", "regions": "parent"}


def _named(a: _Asked, asked_events: set[str], asked_kinds: list[str]) -> None:
    """The records named: a place is the answer when nothing else is asked of it; a record named scores 8, more
    where its place, itself or its takeover is asked; where an organisation is asked, its town too."""
    k, r, named = a.k, a.r, a.named
    for rec_id in named:
        table = k.table_of[rec_id]
        rec = k.by_id[rec_id]
        base = (8 if r.wants is None and not a.terms else 3) if table in PLACES else 8
        if r.wants in ("actors", "clusters", "initiatives") and table in ("clusters", "initiatives") and any(
                kd in ("actors", "company") for kd in r.kinds):
            base += 15  # "which organisations belong to Rad4Med": the cluster with its members
        has_a_place = table in _ORGANISATIONS or (table in PLACES and r.wants is None and not r.records)
        if "where" in r.cues and has_a_place:
            base += 10  # where an organisation or a place is: itself, with its city and sites or its region
        if "what-is" in r.cues and not (r.metrics or r.modifiers or r.year is not None) and rec_id not in r.adjectives \
                and r.what_is in (None, rec_id):
            base += 10  # `what is the Walloon Region`: the record itself, before what is said of it (of two named, the
            # one right after `what is`)
        asked_of_it = not (r.which and table_of_kind(r.which) == table)  # `which company` asks for another one
        if asked_events & {e.kind for e in getattr(rec, "events", ())} and asked_of_it:
            base += 20  # "who bought Celyad's unit": Celyad, whose events say it sold it, and to whom
        if "when" in r.cues and getattr(rec, "year", None) is not None and asked_of_it:
            base += 15  # `Seit wann behandelt PARTICLE Patienten?`: itself, whose year is its start
        # an organisation named is of the kind wanted only if it is of the kind asked (`universitair ziekenhuis van de
        # VUB`: the VUB is no hospital, its hospital is)
        # (nor is one named the one `which` asks for: `welche Lütticher Firma wurde von Telix übernommen?`)
        a.add(table, rec, base + a.words(table, rec), itself=True,
              wanted=(table != "actors" or not asked_kinds or _of_kinds(rec, asked_kinds)) and asked_of_it)
        if table == "people" and r.wants in _ORGANISATIONS and rec.organisation in k.by_id:
            # the organisation a person named works for, asked (`… travaille pour quelle entreprise ?`): the
            # relation that says so, with its source, then the organisation
            org = k.by_id[rec.organisation]
            a.add(k.table_of[org.id], org, base + 2 + a.words(k.table_of[org.id], org))
            for rel in k.whole["relations"]:
                if rel.subject == rec.id and rel.object == org.id:
                    a.add("relations", rel, a.scored[org.id][2] + 1, wanted=False)
        city = (getattr(rec, "city", None) if table in _ORGANISATIONS else None) or ""
        if "where" in r.cues and city in k.by_id and city not in named:
            # where it is: its town too, after it; where an event took place, its town before it
            a.add("cities", k.by_id[city], base + (1 if getattr(rec, "kind", None) == "event" else -1), wanted=False)
        inside = _INSIDE.get(table, "")
        whole = getattr(rec, inside, None) or ""
        if r.wants == table and inside and whole in k.by_id and whole not in named \
                and sum(getattr(k.by_id[o], inside, None) == whole for o in named) > 1:
            # the town two sections named are part of (`De quelle ville Gosselies et Jumet sont-elles des sections
            # ?`), the country regions named form (`Welches Land bilden die Flämische Region, die Wallonische Region
            # und …?`); of one section named, the section says it (`Jumet: deelgemeente van welke stad?`)
            a.add(table, k.by_id[whole], base + 10 + a.words(table, k.by_id[whole]))
        if r.wants == "cities" and table in _ORGANISATIONS:
            # its own town (`In welcher Gemeinde bei Lüttich sitzt Eurogentec?`: Seraing), and the town of one of
            # its sites, as the site's role says (`In welcher Gemeinde hat GSK sein Impfstoff-Forschungszentrum?`:
            # Rixensart, its vaccine R&D centre), named or not (`Takeda Lessen commune`: Lessines)
            if city in k.by_id:
                # a section of a town the question names is the more precise answer (`In welchem Genter Ortsteil
                # liegt der Technologiepark mit VIB?`: Zwijnaarde, before Ghent)
                a.add("cities", k.by_id[city], base + 10 + (getattr(k.by_id[city], "part_of", None) in r.places))
            for site in getattr(rec, "sites", ()):
                if site.city in k.by_id:
                    a.add("cities", k.by_id[site.city],
                          base + 10 + word_score(a.terms, Terms(set(concepts_of(a.v, site.role)), set()), a.weights))


def _dated(a: _Asked) -> None:
    """When something named happened (`When was IRE founded?`, `When did Mithra go bankrupt?`): the year its event
    of the kind asked says, with its sources, as a note of the reading (an organisation's row has no year)."""
    k, r = a.k, a.r
    if "when" not in r.cues:
        return
    asked = set(r.words) | ({"founded"} if "founded" in r.cues else set())
    for rec_id in r.records:
        for event in getattr(k.by_id[rec_id], "events", ()):
            if event.kind in asked:
                when = event.year if event.year is not None else "in a year not recorded"
                r.notes.append(f"{k.name_of(rec_id)} {event.kind} {when} ({', '.join(event.sources)})")


def _bought(a: _Asked, asked_events: set[str], asked: set[str]) -> str | None:
    """Who bought what is named (`_buyers`); none recorded: what is missing."""
    buyers = _buyers(a.k, a.r, a.named, asked_events, asked)
    for table, rec in buyers or ():
        a.add(table, rec, 29 + a.words(table, rec))
    if buyers == []:  # `who bought Galapagos`: none is recorded, rather than Galapagos itself
        return f"no takeover of {either(a.k, a.r.records)} is recorded"
    return None


def _membership(a: _Asked) -> None:
    """`Is GSK a member of BioWin?`: the cluster named, whose named members hold the organisation named or not."""
    k, r = a.k, a.r
    actors = [i for i in r.records if k.table_of[i] == "actors"]
    for cluster in (k.by_id[i] for i in r.records if k.table_of[i] == "clusters"):
        if actors and ("members" in r.metrics or "yes-no" in r.cues):
            a.add("clusters", cluster, 40 + a.words("clusters", cluster))
            for actor in actors:
                among = "is among" if actor in cluster.members else "is not among"
                r.notes.append(f"{k.name_of(actor)} {among} {cluster.name}'s named members" if cluster.members
                               else f"{cluster.name}'s members are not recorded")


def _listed(a: _Asked, asked_kinds: list[str]) -> tuple[set[str], str | None]:
    """A list asked (`hospitals in Liège`): what is in the places named, of the kind and sector asked, and what it
    holds; or, where none of the kind asked is there and nothing else is asked, what is missing."""
    k, r, named = a.k, a.r, a.named
    assert r.wants is not None
    if ("how-many" in r.cues or r.years) and named:
        # how many of a kind: a statistic of the place counting that kind answers before the list
        # (`combien d'acteurs wallons dans la médecine nucléaire`: Wallonia's count of actors); so does one of
        # the year a list is asked of, as a list has none (`bedrijven biotech Vlaanderen 2018`)
        counted = {stem(kd) for kd in r.kinds}
        counts = [(stat, via) for stat, via in stat_candidates(k, r)[0]
                  if of_year_asked(stat, r) and counted & {stem(p) for p in stat.metric.split("_")}]
        for stat, via in counts:
            a.add("stats", stat, 32 + a.words("stats", stat), via, wanted=False)
        regions = [p for p in r.places if k.table_of[p] == "regions"]
        if "how-many" in r.cues and not counts and regions and len(regions) == len(r.places) and asked_kinds:
            # how many of a kind in a region or country no statistic counts (`hoeveel ziekenhuizen in België`):
            # those recorded there are no count of them
            return set(), (f"no statistic of {either(k, regions)} counts the organisations of kind "
                           f"{' or '.join(asked_kinds)} (ecofacts actors --kind {asked_kinds[0]} --region "
                           f"{regions[0]} lists those recorded)")
    there = list(_located(k, r))

    def of_kind(rec: Any) -> bool:
        return _of_kinds(rec, asked_kinds)

    def of_sector(rec: Any) -> bool:
        return bool(set(getattr(rec, "sectors", ())) & set(r.sectors))

    # `hospitals in Liège`: the hospitals, not all there is; `companies producing radioisotopes`: of that sector
    for fits in (of_kind, of_sector):
        if any(fits(rec) for _, rec in there):
            there = [(table, rec) for table, rec in there if fits(rec)]
        elif fits is of_kind and asked_kinds and r.places:
            where = either(k, r.places)
            shown = ": what is there" if there else ""
            r.notes.append(f"no {' or '.join(asked_kinds)} is recorded in {where}{shown}")
    if r.elsewhere and r.places and not said_where(a.v, r):
        # a country said of what is listed is where it comes from (`Welke Amerikaanse bedrijven zitten in
        # Vlaanderen?`): those whose description says so; none, and nothing else asked: none is recorded
        from_there = [(table, rec) for table, rec in there if _from_elsewhere(a.v, r, rec)]
        if not from_there and not (r.words or r.records or r.isotopes):
            return set(), f"no {kinds.word(r.wants)} from {r.elsewhere[0]} is recorded in {either(k, r.places)}"
        there = from_there or there
    located = {rec.id for _, rec in there}
    if asked_kinds and r.places and not any(of_kind(rec) for _, rec in there) and not (
            r.words or r.records or r.isotopes or set(r.cues) - {"exists", "yes-no", "how-many"}):
        # none of the kind asked in the place named, and nothing else asked: none, rather than what else is
        # there (`Krankenhäuser in Wavre`)
        towns = [p for p in r.places if k.table_of[p] == "cities"]
        hint = f" (ecofacts actors --city {towns[0]} lists what is)" if towns else ""
        where = either(k, r.places)
        r.notes = [n for n in r.notes if not n.endswith(": what is there")]
        return located, f"no {' or '.join(asked_kinds)} is recorded in {where}{hint}"
    if asked_kinds and not any(of_kind(rec) for _, rec in there):
        # none of the kind asked there: one of that kind the question describes may name the place otherwise
        # (`trainingscentrum … op het wetenschapspark van de Universiteit Antwerpen`: ViTalent, in Niel)
        located |= {rec.id for rec in k.records(r.wants) if of_kind(rec)}
    for table, rec in there:
        score = 6 + a.words(table, rec)
        if of_kind(rec):
            score += 6
        if set(getattr(rec, "sectors", ())) & set(r.sectors):
            score += 3
        if _from_elsewhere(a.v, r, rec):
            score += 3
        a.add(table, rec, score)
    return located, None


def _from_elsewhere(v: Vocabulary, r: Reading, rec: Any) -> bool:
    """Whether `rec`'s description names a place the knowledge does not cover that the question names: a country
    said of an organisation is where it is from (`Frans farmabedrijf … in Geel`, `groupe japonais`)."""
    described = f" {fold(getattr(rec, 'description', '') or '')} "
    # (its words, and the short forms a description writes, `US`, that a question's words may not: `us`)
    return any(f" {fold(w)} " in described for e in map(v.entries("elsewhere").__getitem__, r.elsewhere)
               for w in (*e.all_words(), *e.match))


def _abroad(k: Knowledge, v: Vocabulary, r: Reading) -> list[tuple[str, Any]]:
    """Where organisations are asked from a place the knowledge does not cover and no place it covers is named: those
    whose description says they are from there (`Quel groupe japonais … dans le Hainaut ?`: Takeda, a Japanese
    pharma group), none when no organisation is."""
    if not r.elsewhere or r.wants not in query.ORGANISATIONS or r.places or r.records or said_where(v, r):
        return []
    return [(r.wants, rec) for rec in k.records(r.wants) if _from_elsewhere(v, r, rec)]


def _chain(a: _Asked) -> None:
    """The links of the value chain of the isotope asked, or of a place or producer named (when links are wanted
    or production asked)."""
    k, r, named = a.k, a.r, a.named
    initiatives = {i for i in r.records if k.table_of[i] == "initiatives"}
    for link in k.whole["chain"]:
        product = query._product_key(link.product)
        by_isotope = any(query._product_key(i) in product for i in r.isotopes)
        # (or, where production is asked, an initiative named that its description names: the facility
        # `ISOL@MYRRHA`, SCK CEN's, in Mol)
        by_place = bool({link.city, link.producer} & set(named)) or bool(
            (r.wants == "chain" or "produced" in r.cues) and query.names_in(k, link.description) & initiatives)
        if by_isotope or (by_place and (r.wants in ("chain", None) or "produced" in r.cues)):
            score: float = 4 + (4 if by_isotope else 0) + (4 if by_place else 0)
            # what else the question names that the link names too (`l'IRE travaille-t-il avec le SCK CEN`)
            score += len(query.names_in(k, link.description) & set(named) - {link.city, link.producer})
            words = a.words("chain", link)
            score += words
            own = a.words(k.table_of[link.producer], k.by_id[link.producer]) if link.producer in named else 0
            if own and words >= own:
                # what an organisation named does, holding as many of the question's words as it does or more, before
                # it (`imagerie TEP/CT et gamma-caméras au CHU de Liège`: its PET/CT imaging; `cyclotron de recherche
                # du GIGA`: its research cyclotron)
                score = max(score, 9 + own)
            a.add("chain", link, score)


def _relations(a: _Asked, asked: set[str]) -> None:
    """The relations of what is named; where relations are wanted, also those whose description names it, and
    of the kind asked (`asked`: a takeover, a funding), those alone."""
    k, r, named = a.k, a.r, a.named
    said = [f" {fold(k.by_id[i].name)} " for i in named]
    for rel in k.whole["relations"]:
        # a takeover of a part of what is named (Novasep's viral vector division) names it in its description; a
        # relation of the kind asked (`who organised`) is one whatever it names, when the question names no party
        # but places (`Who does BioWin cooperate with?` asks of BioWin's, not of every cooperation)
        if {rel.subject, rel.object} & set(named) or (r.wants == "relations" and (
                not named or (rel.kind in asked and not r.records)
                or any(name in f" {fold(rel.description)} " for name in said))):
            t = a.terms_of("relations", rel)
            # of the isotope asked, if one is (`qui fournit l'iode-131`: no supply of molybdenum-99)
            kind_asked = rel.kind in asked and all(word_score([f"isotope:{i}"], t) for i in r.isotopes)
            score = 2 + (10 if kind_asked else 0)
            score += 4 * len({rel.subject, rel.object} & set(named))
            if "yes-no" in r.cues and r.wants in _LISTED and {rel.subject, rel.object} & set(r.records):
                score += 15  # whether one named is one of a list (`was het … het jaarlijkse evenement van essenscia?`)
            a.add("relations", rel, score + word_score(a.terms, t, a.weights), wanted=not asked or kind_asked)
    # a partnership of what is named, where a cooperation is asked, as its relations are
    for initiative in k.whole["initiatives"]:
        if _cooperation(r, "initiatives", initiative) and (parties := set(initiative.partners) & set(named)):
            a.add("initiatives", initiative, 2 + 4 * len(parties) + a.words("initiatives", initiative))


def _claims(a: _Asked) -> None:
    """What is stated of what is named."""
    k, r, named = a.k, a.r, a.named
    for claim in k.whole["claims"]:
        if claim.subject in named:
            # what else the question names that the claim names too (`the EU scoreboard`)
            also = len(query.names_in(k, claim.claim) & set(named) - {claim.subject})
            words = a.words("claims", claim)
            if r.wants == "claims" and a.terms and not words and not also:
                continue  # asked by yes or no of what it does not say (`Is Flanders a leader in nuclear medicine?`)
            score = 2 + 2 * also + words + _years_fit(claim, r)
            # what is stated of an organisation or initiative named, holding more of the question's words than it
            # does, before it (`Ziele der BioWin-MEDVIA-Allianz`: the goals stated, then the partnership)
            table = k.table_of[claim.subject]
            if table not in PLACES and words > (own := a.words(table, k.by_id[claim.subject])):
                score = max(score, 9 + own)
            a.add("claims", claim, score)


def _statements(a: _Asked) -> None:
    """Nothing named: what is stated, or a link of the value chain, holding two of the question's words in its
    claim or name (`médecine nucléaire au-delà de l'oncologie`), or the one word of a one-word question
    (`cyclotron`, `Forschungsreaktor`)."""
    need = _statement_needs(a.terms)
    for table in ("claims", "chain"):
        for rec in a.k.whole[table]:
            score = a.words(table, rec)
            if score >= need:
                a.add(table, rec, score - need + 2)


def _refused_at_last(a: _Asked, refusal: str | None) -> str | None:
    """What is missing once every answer is scored: an isotope asked of which nothing recorded speaks (`who
    produces yttrium-90`: no other isotope's link, nor the place named), or anything at all."""
    r = a.r
    if r.isotopes and not any(word_score([f"isotope:{i}" for i in r.isotopes], a.terms_of(table, rec))
                              for table, rec, _, _ in a.scored.values()):
        return f"no record is about {' or '.join(r.isotopes)}" + (f" in {either(a.k, r.places)}" if r.places else "")
    if not a.scored:
        return refusal or "the knowledge holds no answer to this question"
    if "how-many" in r.cues and r.wants == "stats" and r.records and not r.figures and "cost" not in r.cues \
            and not any(h[0] == "stats" for h in a.scored.values()) and not _counts_said(a):
        # a count of something of what is named that no statistic keeps, nor the best answer's texts say beside
        # it (`How many radiopharmaceutical doses does Telix's Seneffe plant turn out each week?`): none
        return f"no statistic of {either(a.k, r.records)} counts what is asked, nor does a record say it"
    if "how-many" in r.cues and r.wants == "stats" and not (r.records or r.figures) and not any(
            h[0] == "stats" for h in a.scored.values()):
        # a count asked that no statistic keeps (`Wie viele Zyklotrone gibt es in Belgien?`): none, rather than the
        # records that speak of the thing counted (what a record named costs, or one a figure describes, is no count)
        counted = ", ".join(dict.fromkeys(t.partition(":")[2] or t for t in a.terms))
        of = f" of {either(a.k, r.places)}" if r.places else ""
        return f"no statistic{of} counts what is asked ({counted})" if counted else f"no statistic{of} counts that"
    return None


def _counts_said(a: _Asked) -> bool:
    """Whether the texts of the three best answers so far say a number (in figures or words) within three words of
    a word `how many` counts (`two cyclotrons`)."""
    from ecofacts.search import texts_of

    best = sorted(a.scored.values(), key=lambda h: -h[2])[:3]
    for text in (text for _, rec, _, _ in best for text in texts_of(rec)):
        words = fold(text).split()
        for i, word in enumerate(words):
            if word in a.r.counted or stem(word) in a.r.counted:
                near = words[max(0, i - 3):i + 4]
                if any(w[:1].isdigit() or w in MANY_WORDS for w in near):
                    return True
    return False


# a quotation: a quote mark after a space or at the start, and its closing mark before a space, a sign or the end
# (the apostrophe inside `l'IRE` opens none)
_QUOTED = re.compile(r"(?:^|(?<=[\s:(]))['\"‘’“”«„‹›]\s*([^'\"‘’“”«»„‹›]+?)\s*['\"‘’“”»‹›](?=$|[\s,.;:!?)])")
_QUOTES = 5  # the most quotations of a question looked for


def _quoting(k: Knowledge, question: str) -> list[tuple[str, Any]]:
    """The records whose texts hold what the question quotes, two words or more of it, as they are written
    (case, accents and punctuation aside)."""
    from ecofacts.search import texts_of

    # (a name quoted names its record, which is scored as named: `het evenement 'Biomanufacturing: the future …'`)
    # (the first few, each once: a question of 2,000 characters may hold hundreds)
    quotes = [f" {q} " for q in dict.fromkeys(fold(m) for m in _QUOTED.findall(question)[:_QUOTES])
              if len(q.split()) >= 2 and not query.named_by(k, q)]
    if not quotes:
        return []

    def says(rec: Any) -> bool:
        return any(q in f" {fold(text)} " for text in texts_of(rec) for q in quotes)

    found = [(table, rec) for table, records in k.whole.items() if table != "sources" for rec in records if says(rec)]
    # the statistics that may say one: those holding the longest word of each (the search index finds them)
    longest = [max(q.split(), key=len) for q in quotes]
    return found + [("stats", s) for s in k.stats.containing_any(longest) if says(s)]


def _quoted_places(k: Knowledge, question: str) -> list[str]:
    """The places whose name the question quotes, alone (`'Europe'`, `„Brüssel“`)."""
    quoted = [query.named_by(k, fold(m)) for m in _QUOTED.findall(question)[:_QUOTES]]
    return [ids[0] for ids in quoted if ids and all(k.table_of[i] in PLACES for i in ids)]


def _by_figure(k: Knowledge, r: Reading, ranked: list[tuple[str, Any, float, str | None]]) \
        -> list[tuple[str, Any, float, str | None]]:
    """`which region has the highest GDP per inhabitant`: the best statistic's measure (its metric and unit), one
    figure of each place (a region, not Belgium or Europe, when a region is asked) of the year `compare` would line
    them up in (`comparison.line_up`: `Which region has the highest R&D intensity?`, 2021, which all three share;
    figures of different years rank nothing), highest first (lowest first when the lowest is asked); without such a
    year, the best statistics equal in score and unit. The order of the rest is kept."""
    order = [c for c in ("highest", "lowest") if c in r.cues][:1]
    if not order or ranked[0][0] != "stats":
        return ranked
    from ecofacts.comparison import line_up  # (only where the highest or lowest is asked)

    first = ranked[0]
    alike = [h for h in ranked if h[0] == "stats" and h[1].unit == first[1].unit
             and isinstance(h[1].value, int | float) and (
                 "regions" not in r.kinds or getattr(k.by_id.get(h[1].subject), "kind", None) == "region")]
    measure = [h for h in alike if h[1].metric == first[1].metric]
    by_place: dict[str, list[Any]] = {}
    for h in measure:
        by_place.setdefault(h[1].subject, []).append(h[1])
    year, cells = line_up(by_place, None)
    # of each place's figures of that year, the best answer (`measure` is in ranked order)
    same = [next(h for h in measure if any(h[1] is s for s in cell)) for cell in cells.values() if cell]
    if year is not None and len(same) > 1:
        note = f"{order[0]} figure first, of {year}, as compare lines them up"
    else:
        same = [h for h in alike if h[2] == first[2]]
        note = f"{order[0]} figure first"
    if len(same) < 2:
        return ranked
    same.sort(key=lambda h: h[1].value, reverse=order == ["highest"])
    r.notes.append(note)
    return same + [h for h in ranked if h not in same]


def _described(a: _Asked, inside: set[str] | None) -> None:
    """The records the question describes rather than names (`proeffabriek voor biogebaseerde processen in de
    haven van Gent`: the pilot plant; `lab waste recycling target circular wallonia`: the target): `search`'s best
    hits for the whole question. Each scores its word scores, and 4 for each record named that it names; a
    record that holds none of the question's words but names (`Wat doet SCK CEN in Mol?`) is left to the
    records named, and a statistic must be of what is named, of the year and of the measure asked, as the others
    are."""
    from ecofacts.search import ranked, texts_of

    k, r, named, terms = a.k, a.r, a.named, a.terms
    # with nothing named, what a statement found by its words needs; else a word of the question besides the names
    need = _statement_needs(terms) if not named else 0.5
    # the statistics of what is named, of the year and measure asked (none when nothing is named: the statistics
    # pass weighs them all), and the other records but sources
    # (and, unless what something is is asked, those of the organisations and initiatives in the places named:
    # `Recyclingziel für Laborabfälle in Wallonien`, Circular Wallonia's target)
    there = {o.id for p in r.places for _, o in query.organisations_in(k, p)} if "what-is" not in r.cues else set()
    stats = [s for s in [*(s for s, _ in stat_candidates(k, r)[0]), *k.stats.where(subject=sorted(there))]
             if of_year_asked(s, r) and (not r.metrics or set(metric_families(s.metric)) & set(r.metrics))] \
        if named else []
    within = {kind.table: k.records(kind.table) for kind in kinds.KINDS if kind.table not in ("stats", "sources")}
    found, _ = ranked(k, a.question, {**within, "stats": stats})
    for f in found[:_DESCRIBED]:
        score = a.words(f.table, f.rec)
        if score < need or f.rec.id in named:  # a record named is scored as such
            continue
        if f.table == "stats" and f.rec.id in a.scored:
            continue  # a statistic scored as one (what is counted, the unit asked) is not scored again by its words
        listed = f.table == r.wants
        if inside is not None and (f.rec.id not in inside if listed else f.table in PLACES):
            continue  # of the kind listed but not in the place asked, or another place (`Unternehmen in Löwen`)
        if f.table == "claims" == r.wants and r.places and f.rec.subject not in named:
            continue  # what is stated of another place (`Is Flanders a leader in nuclear medicine?`: not Wallonia)
        said = query.names_in(k, " ".join(texts_of(f.rec))) & set(named)
        # a name that holds every word of the question is the record asked in another language (`Europäische
        # Biotech-Woche`: the European Biotech Week, before the events whose texts mention it)
        name = getattr(f.rec, "name", None) if f.table in kinds.NAMED else None
        whole = 2 if name and terms and all(w in concepts_of(a.v, name) for w in terms) else 0
        a.add(f.table, f.rec, score + whole + 4 * len(said) + 4 * _more_specific(a, f.table, f.rec, said))


def _more_specific(a: _Asked, table: str, rec: Any, said: set[str]) -> int:
    """How many of the question's words a record that names what the question names holds in its name or label
    and that record does not hold at all, where two or more: it is what the question asks of it (`cyclotron de
    recherche du GIGA`: GIGA's research cyclotron, before GIGA itself)."""
    held = {w for w in a.terms if w in a.terms_of(table, rec).primary}
    best = 0
    for i in said:
        other = a.terms_of(a.k.table_of[i], a.k.by_id[i])
        best = max(best, len([w for w in held if w not in other.primary and w not in other.other]))
    return best if best >= 2 else 0


def _buyers(k: Knowledge, r: Reading, named: list[str], events: set[str],
            relations: set[str]) -> list[tuple[str, Any]] | None:
    """Who bought what is named (`who bought Delphi Genetics`): the organisations whose events of buying name it
    (not of selling: Celyad sold to Ncardia, it did not buy it); None where a relation of that kind records it
    (the relation answers) or its own events do (they say to whom), [] where nothing records a takeover of it."""
    # (of the organisations named, where one is, not of their town; of the year asked, if one is: Catalent's takeover
    # of 2020 does not answer for 2021)
    parties = set(r.records) or set(named)
    if any(rel.kind in relations and ({rel.subject, rel.object} & parties or
                                      query.names_in(k, rel.description) & parties) and _years_fit(rel, r) >= 0
           for rel in k.whole["relations"]):
        return None
    buyers = [(table, rec) for table in _ORGANISATIONS for rec in k.whole[table] if rec.id not in named and any(
        e.kind == "acquired" and query.names_in(k, e.text) & set(named) for e in getattr(rec, "events", ()))]
    sold = any(e.kind in events for i in r.records for e in getattr(k.by_id[i], "events", ()))
    return buyers or (None if sold else [])


def _unrecorded(k: Knowledge, v: Vocabulary, r: Reading) -> str | None:
    """The measure no statistic is of that the question asks for (`salaire moyen`, `hospital beds`), when it asks
    for no measure the knowledge records: an industry none is of (`steel`, a `qualifier` of the section) only
    when a figure is asked (`how many`), since its words are said of other things too (`construction`); asked by
    yes or no, only when no statement holds its words either (`Worden er overal biotech-spin-offs opgericht?`); where
    a kind of record is asked of records named, with no year nor count, it describes them (`université à l'origine
    des spin-offs Eurogentec et Elysia`: ULiège); who said something of it asks whose words those are, no figure
    (`Wer forderte größere Risikokapitalplattformen?`)."""
    if "who-said" in r.cues:
        return None
    entries = v.entries("unrecorded")
    heads = [u for u in r.unrecorded if entries[u].head]
    if heads and (r.wants == "stats" or "how-many" in r.cues):
        return heads[0]  # of a measure recorded, itself none (`délai moyen d'autorisation d'un essai clinique`)
    if r.measures() or (
            r.wants not in (None, "stats", "claims") and r.records and "how-many" not in r.cues and r.year is None):
        return None
    asked = [u for u in r.unrecorded if not entries[u].qualifier or r.wants == "stats"]
    if r.wants == "claims" or (r.wants is None and "how-many" not in r.cues):
        stated = " ".join(f" {fold(c.claim)} " for c in k.whole["claims"])
        asked = [u for u in asked if not any(f" {fold(w)} " in stated for w in entries[u].all_words())]
    return asked[0] if asked else None


def _holds_title(person: Any, title: Entry) -> bool:
    """Whether a person's role (in English) holds a title's English words (`chief executive`, `CEO`)."""
    role = f" {fold(person.role or '')} "
    return any(f" {fold(w)} " in role for w in (title.key, *title.words.get("en", ())))


def _relations_wanted(k: Knowledge, r: Reading, asked: set[str]) -> None:
    """Whether the relations of the kinds asked (`spoke`: speaker-at) are the kind wanted, by what the knowledge
    holds: they are where what the question names has some (`Welche Unternehmen stellten sich beim
    Biomanufacturing-Event vor?`: its speakers); they are not where the question names no party but a kind in a place
    and nothing of that kind there has one (`collaboration de médecine nucléaire des hôpitaux de Charleroi`: AIRC,
    the hospitals' collaboration itself)."""
    def related(parties: set[str]) -> bool:
        return any(rel.kind in asked and {rel.subject, rel.object} & parties for rel in k.whole["relations"])

    of_a_kind_there = r.wants == "relations" and r.kinds and r.places and not r.records
    if of_a_kind_there and not related(
            {o.id for p in r.places for _, o in query.organisations_in(k, p) if _of_kinds(o, r.kinds)}):
        r.wants = next((t for t in map(table_of_kind, r.kinds) if t in _LISTED), r.wants)
    if r.wants not in ("relations", "people") and related(set(r.records)):
        r.wants = "relations"


def _of_kinds(rec: Any, asked: list[str]) -> bool:
    """Whether an organisation is of one of the kinds asked, by its kind or one of its roles (`cdmo`)."""
    return getattr(rec, "kind", None) in asked or bool(set(getattr(rec, "roles", ())) & set(asked))


def _statement_needs(terms: list[str]) -> float:
    """The word score a record found by its words alone needs: two of the question's words in its name or claim,
    or the one word of a one-word question."""
    return 6 if len(terms) > 1 else 3


def _years_fit(rec: Any, r: Reading) -> int:
    """+1 for a record dated in the years the question names (`between 2016 and 2021`: a statement of 2016-2021),
    -1 for one dated outside them (of 2022); 0 when either names no year."""
    start, end = year_span(getattr(rec, "year", None))
    if start is None or end is None or not r.years:
        return 0
    return 1 if any(start <= y <= end for y in r.period()) else -1


def _year_of(rec: Any) -> int:
    year = getattr(rec, "year", None)
    if isinstance(year, int):
        return year
    if isinstance(year, str):
        return int(year.split("-")[-1] or 0)
    return 0


def _located(k: Knowledge, r: Reading) -> Iterable[tuple[str, Any]]:
    """The records of the kind wanted in the places named (organisations also by their sites); a place said only by
    an adjective beside one named is what they are, not where (`Europese vereniging … in Brussel`: in Brussels)."""
    assert r.wants is not None
    for place_id in [p for p in r.places if p not in r.adjectives] or r.places:
        if r.wants in query.ORGANISATIONS:
            yield from query.organisations_in(k, place_id, (r.wants,))
        elif k.table_of[place_id] == "regions":
            if r.wants == "regions":
                yield from (("regions", reg) for reg in k.whole["regions"]
                            if reg.parent == place_id and reg.kind == "region")
            elif r.wants == "cities":
                inside = query.region_ids(k, k.by_id[place_id])
                yield from (("cities", c) for c in k.whole["cities"] if c.region in inside)
