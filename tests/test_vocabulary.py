"""Issue 20 item 1: the vocabulary in four languages, its validation by `check`, and the options that read it."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from ecofacts import vocabulary
from ecofacts.loader import default_path, load
from ecofacts.names import fold

from .conftest import invoke, shipped

ROOT = Path(__file__).parent.parent


def test_every_entry_has_words_in_the_four_languages_and_the_shipped_file_passes_check():
    k = load(default_path())
    found, _ = vocabulary.problems(k)
    assert found == []
    assert invoke("check").exit_code == 0


def test_check_fails_for_a_topic_or_unit_the_vocabulary_lacks(tmp_path: Path):
    text = default_path().read_text(encoding="utf-8")
    assert 'topic = "trade"' in text and 'unit = "m2"' in text
    bad = tmp_path / "facts.toml"
    bad.write_text(text.replace('topic = "trade"', 'topic = "smuggling"', 1)
                   .replace('unit = "m2"', 'unit = "furlongs"', 1), encoding="utf-8")
    result = invoke("--data", str(bad), "check")
    assert result.exit_code == 1
    assert "'smuggling' has no entry" in result.stdout + result.stderr
    assert "'furlongs' has no entry" in result.stdout + result.stderr


@pytest.mark.parametrize("word", ["emploi", "emplois", "banen", "werkgelegenheid", "Arbeitsplätze", "Beschaftigte"])
def test_a_topic_is_named_in_any_language_with_or_without_accents(word):
    english = json.loads(invoke("stats", "--topic", "employment", "--json").stdout)
    other = invoke("stats", "--topic", word, "--json")
    assert other.exit_code == 0, other.stderr
    assert json.loads(other.stdout) == english and english


@pytest.mark.parametrize(("option", "word", "canonical"), [
    ("--sector", "médecine nucléaire", "nuclear medicine"), ("--sector", "Nuklearmedizin", "nuclear medicine"),
    ("--kind", "entreprises", "company"), ("--kind", "ziekenhuizen", "hospital"),
])
def test_sector_and_kind_words_of_actors(option, word, canonical):
    english = json.loads(invoke("actors", option, canonical, "--json").stdout)
    assert english and json.loads(invoke("actors", option, word, "--json").stdout) == english


def test_trade_is_what_exportations_means_and_a_typo_is_steered_to_the_topic():
    assert json.loads(invoke("stats", "--topic", "exportations", "--json").stdout) == \
        json.loads(invoke("stats", "--topic", "trade", "--json").stdout)
    result = invoke("stats", "--topic", "exportationz")
    assert result.exit_code == 2 and "did you mean 'trade'" in result.stderr


def test_every_metric_of_the_knowledge_is_in_a_family():
    k = load(default_path())
    assert all(vocabulary.metric_families(s.metric) for s in k.stats)
    assert "jobs" in vocabulary.metric_families("site_employees")


def test_the_vocabulary_ships_in_the_wheel(tmp_path: Path):
    if shutil.which("uv") is None:
        pytest.skip("uv is not installed")
    import subprocess

    subprocess.run(["uv", "build", "--wheel", "--out-dir", str(tmp_path), str(ROOT)], check=True,
                   capture_output=True)
    wheel = next(tmp_path.glob("*.whl"))
    assert "ecofacts/vocabulary.toml" in zipfile.ZipFile(wheel).namelist()


def test_words_fold_to_one_entry():
    v = vocabulary.load()
    assert [e.key for e in v.named("PIB", "metric")] == ["gdp"]
    assert {e.key for e in v.named(fold("O&O"), "topic")} == {"R&D"}


def test_the_folded_vocabulary_is_kept_in_the_private_cache_and_never_believed_when_changed(cache_dir: Path):
    """Parsing the TOML and folding its words is kept as JSON (issue 20's speed): the same vocabulary comes back;
    a kept file altered, or not ours to trust, is parsed again; --no-cache keeps nothing."""
    from ecofacts import private

    vocabulary.load.cache_clear()
    try:
        fresh = vocabulary.load()
        kept = list(cache_dir.glob("vocabulary-*.json"))
        assert len(kept) == 1 and kept[0].stat().st_mode & 0o777 == 0o600
        vocabulary.load.cache_clear()
        again = vocabulary.load()
        assert again is not fresh and again.by_word.keys() == fresh.by_word.keys()
        assert {w: [(e.section, e.key) for e in es] for w, es in again.by_word.items()} == \
            {w: [(e.section, e.key) for e in es] for w, es in fresh.by_word.items()}
        # a flipped byte: the checksum differs, the file is parsed again and the kept file written anew
        body = bytearray(kept[0].read_bytes())
        body[-5] ^= 1
        kept[0].write_bytes(bytes(body))
        vocabulary.load.cache_clear()
        assert vocabulary.load().by_word.keys() == fresh.by_word.keys()
        assert kept[0].read_bytes() != bytes(body)
        # nothing kept, nothing read when no cache is wanted
        kept[0].unlink()
        private.keep(False)
        vocabulary.load.cache_clear()
        assert vocabulary.load().by_word.keys() == fresh.by_word.keys()
        assert not list(cache_dir.glob("vocabulary-*.json"))
    finally:
        private.keep(True)
        vocabulary.load.cache_clear()


def test_no_cache_keeps_no_vocabulary(cache_dir: Path):
    vocabulary.load.cache_clear()
    try:
        assert invoke("--no-cache", "ask", "PIB de la Wallonie").exit_code == 0
        assert not list(cache_dir.glob("vocabulary-*.json"))
    finally:
        vocabulary.load.cache_clear()
        invoke("stats", "wallonia")  # the next run keeps again: `--no-cache` is the run's own


def test_the_lexicon_widens_a_search_to_the_texts_english_words():
    from ecofacts.search import search_rows

    french = {row["id"] for row in search_rows(shipped(), "partenariat BioWin MEDVIA")}
    english = {row["id"] for row in search_rows(shipped(), "partnership BioWin MEDVIA")}
    assert french and french == english


def test_a_word_of_the_lexicon_needs_no_english_but_every_other_language():
    from ecofacts import vocabulary

    v = vocabulary.load()
    words = v.entries("word")
    assert len(words) > 100
    assert all(all(e.words.get(lang) for lang in ("fr", "nl", "de")) for e in words.values())
    assert any(not e.words.get("en") for e in words.values())  # the key is the English word
    assert not [p for p in vocabulary.problems(shipped())[0] if " word " in p]


def test_a_phrase_starts_only_at_its_first_word_and_each_entry_keeps_its_folded_words():
    v = vocabulary.Vocabulary({"metric": {"rd": {"en": ["research and development", "R&D"], "fr": ["R&D"]}},
                               "word": {"reactor": {"de": ["Forschungsreaktor", "Reaktor"]}}})
    assert v.phrase_starts == {"research", "r"}  # "R&D" folds to "r d"
    assert [(e.key, words) for e, words in v.folded_words("word")] == [("reactor", ["forschungsreaktor", "reactor",
                                                                                   "reaktor"])]
    shipped_v = vocabulary.load()
    assert all(fold(w).split()[0] in shipped_v.phrase_starts for w in shipped_v.by_word if " " in w)
    assert [e for e, _ in shipped_v.folded_words("word")] == list(shipped_v.entries("word").values())
