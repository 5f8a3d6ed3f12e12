"""The question set of issue 20 item 6 (tests/data/questions): its two halves are well formed, and every answer
they name is a record of the shipped knowledge, of the kind the question expects. The later sets
(tests/data/questions/third, sixth and seventh, held-out only; fourth and fifth, tuning sets; and the sets of
`SPLIT_SETS`, each a tuning and a held-out half) are held to the same checks and to their counts. Data integrity
only: no question is run here, and nothing here may be loosened to let a rule pass."""

from __future__ import annotations

import tomllib
from collections import Counter

import pytest

from .conftest import DATA, shipped

FOLDER = DATA / "questions"
HALVES = ("tuning", "heldout")
LANGUAGES = {"en", "fr", "nl", "de"}
# kind of the expected answer -> table of the knowledge file that holds such records
TABLE_OF_KIND = {"stat": "stats", "actor": "actors", "claim": "claims", "person": "people", "cluster": "clusters",
                 "initiative": "initiatives", "chain": "chain", "relation": "relations", "region": "regions",
                 "city": "cities"}
REQUIRED = {"id", "lang", "question", "kind", "answers"}
OPTIONAL = {"note", "why"}

K = shipped()


def read(half: str) -> list[dict]:
    return tomllib.loads((FOLDER / f"{half}.toml").read_text(encoding="utf-8"))["question"]


SETS = {half: read(half) for half in HALVES}
ALL = [q for half in HALVES for q in SETS[half]]
# the third set: one file, held-out only (tests/data/questions/third/README.md)
THIRD = read("third/heldout")
# the second set's ids, only to keep the third set's ids unique across every set
SECOND_IDS = [q["id"] for half in HALVES for q in read(f"second/{half}")]
# the fourth set: one file, a tuning set written blind (tests/data/questions/fourth/README.md)
FOURTH = read("fourth/tuning")
# the fifth (a tuning set) and the sixth (held-out only), written blind at the same time by two helpers
FIFTH = read("fifth/tuning")
SIXTH = read("sixth/heldout")
# the seventh (held-out only), written blind after the fifth set's rules, before any rule was tuned further
SEVENTH = read("seventh/heldout")
LATER = {"t3": THIRD, "t4": FOURTH, "t5": FIFTH, "t6": SIXTH, "t7": SEVENTH}
# the sets written blind and split once into a tuning half and a held-out half, in the order written (each one's
# README: tests/data/questions/<name>/README.md); a new set is one more name here. Their ids start `t8-`, `t9-` …
SPLIT_SETS = ("eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
              "seventeenth", "eighteenth", "nineteenth", "twentieth", "twentyfirst", "twentysecond", "twentythird",
              "twentyfourth", "twentyfifth", "twentysixth", "twentyseventh", "twentyeighth", "twentyninth",
              "thirtieth", "thirtyfirst")
HALVED = {name: {half: read(f"{name}/{half}") for half in HALVES} for name in SPLIT_SETS}
CHECKED = (ALL + THIRD + FOURTH + FIFTH + SIXTH + SEVENTH
           + [q for halves in HALVED.values() for half in HALVES for q in halves[half]])


def table_of(record_id: str) -> str | None:
    return "stats" if K.stat(record_id) is not None else K.table_of.get(record_id)


# each file's questions, checked together (a test per file, not per question: 1,700 tests of a few microseconds
# each cost the parallel runner more than they do)
FILES = {"first tuning": SETS["tuning"], "first heldout": SETS["heldout"], "third": THIRD, "fourth": FOURTH,
         "fifth": FIFTH, "sixth": SIXTH, "seventh": SEVENTH,
         **{f"{name} {half}": HALVED[name][half] for name in SPLIT_SETS for half in HALVES}}
assert sum(map(len, FILES.values())) == len(CHECKED)


def malformed(q: dict) -> str | None:
    """What is wrong with the form of a question, if anything."""
    checks = [
        (REQUIRED <= q.keys() <= REQUIRED | OPTIONAL, "fields"),
        (q.get("lang") in LANGUAGES, "lang"),
        (q.get("kind") in TABLE_OF_KIND, "kind"),
        (isinstance(q.get("question"), str) and q["question"].strip() == q["question"] and q["question"], "text"),
        (isinstance(q.get("answers"), list) and all(isinstance(a, str) for a in q["answers"])
         and len(set(q["answers"])) == len(q["answers"]), "answers"),
        ("why" not in q if q.get("answers") else isinstance(q.get("why"), str) and q["why"],
         "an unanswerable question says why, an answerable one does not"),
    ]
    return next((why for ok, why in checks if not ok), None)


@pytest.mark.parametrize("name", FILES)
def test_each_question_is_well_formed(name):
    wrong = [(q.get("id"), why) for q in FILES[name] if (why := malformed(q))]
    assert not wrong, wrong


@pytest.mark.parametrize("name", FILES)
def test_every_answer_is_a_shipped_record_of_the_expected_kind(name):
    wrong = [(q["id"], record_id, table_of(record_id)) for q in FILES[name] for record_id in q["answers"]
             if table_of(record_id) != TABLE_OF_KIND[q["kind"]]]
    assert not wrong, wrong


def test_ids_and_questions_are_unique_and_the_halves_disjoint():
    ids = [q["id"] for q in ALL]
    assert len(set(ids)) == len(ids)
    assert not {q["id"] for q in SETS["tuning"]} & {q["id"] for q in SETS["heldout"]}
    texts = [q["question"].casefold() for q in ALL]
    assert len(set(texts)) == len(texts)


def test_size_languages_and_share_of_unanswerable():
    assert len(ALL) >= 120
    per_language = Counter(q["lang"] for q in ALL)
    assert set(per_language) == LANGUAGES and min(per_language.values()) >= 32, per_language
    unanswerable = sum(1 for q in ALL if not q["answers"])
    assert unanswerable >= 35 and unanswerable >= len(ALL) / 4, unanswerable


def test_the_split_is_half_and_half_by_language_and_answerability():
    strata = [(lang, answerable) for lang in LANGUAGES for answerable in (True, False)]
    for stratum in strata:
        counts = [sum(1 for q in SETS[half] if (q["lang"], bool(q["answers"])) == stratum) for half in HALVES]
        assert abs(counts[0] - counts[1]) <= 1, (stratum, counts)


@pytest.mark.parametrize("prefix", LATER, ids=["third", "fourth", "fifth", "sixth", "seventh"])
def test_the_later_sets_count_and_ids(prefix):
    questions = LATER[prefix]
    ids = [q["id"] for q in questions]
    assert len(set(ids)) == len(ids) == 128
    others = {q["id"] for q in CHECKED if q not in questions} | set(SECOND_IDS)
    assert not set(ids) & others, "ids unique across all sets"
    assert all(q["id"].startswith(f"{prefix}-{q['lang']}-") for q in questions)
    texts = [q["question"].casefold() for q in questions]
    assert len(set(texts)) == len(texts)
    for lang in LANGUAGES:
        answerable = sum(1 for q in questions if q["lang"] == lang and q["answers"])
        unanswerable = sum(1 for q in questions if q["lang"] == lang and not q["answers"])
        assert (answerable, unanswerable) == (24, 8), lang


# each split set: its id prefix, its halves, and the tuning halves of the split sets written before it
SPLIT = {name: (f"t{8 + i}", HALVED[name], [q for earlier in SPLIT_SETS[:i] for q in HALVED[earlier]["tuning"]])
         for i, name in enumerate(SPLIT_SETS)}


@pytest.mark.parametrize("name", SPLIT)
@pytest.mark.parametrize("half", HALVES)
def test_a_split_sets_halves_count_and_ids(name, half):
    prefix, halves, _ = SPLIT[name]
    questions = halves[half]
    ids = [q["id"] for q in questions]
    assert len(set(ids)) == len(ids) == 80
    assert ids == sorted(ids), "ordered by id"
    others = {q["id"] for q in CHECKED if q not in questions} | set(SECOND_IDS)
    assert not set(ids) & others, "ids unique across all sets and both halves"
    assert all(q["id"].startswith(f"{prefix}-{q['lang']}-") for q in questions)
    for lang in LANGUAGES:
        answerable = sum(1 for q in questions if q["lang"] == lang and q["answers"])
        unanswerable = sum(1 for q in questions if q["lang"] == lang and not q["answers"])
        assert (answerable, unanswerable) == (15, 5), lang


@pytest.mark.parametrize("name", SPLIT)
def test_a_split_sets_texts_are_new(name):
    _, halves, later_tuning = SPLIT[name]
    both = halves["tuning"] + halves["heldout"]
    texts = [q["question"].casefold() for q in both]
    assert len(set(texts)) == len(texts) == 160
    earlier = {q["question"].casefold()
               for q in SETS["tuning"] + read("second/tuning") + FOURTH + FIFTH + later_tuning}
    assert not set(texts) & earlier, "no question of a tuning file is repeated"
