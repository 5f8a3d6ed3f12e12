"""The words of the named records' texts that `ask` weighs a question's words by (`ask_words.rarity`): worked out
once per knowledge file and kept beside its parse cache, they answer as a fresh parse does, and a copy that is
missing, stale, broken or not ours is never believed."""

from __future__ import annotations

import json
import os
import shutil
import time
import zlib
from pathlib import Path

import pytest

from ecofacts.loader import load

from .conftest import SHIPPED, Answers, answers, bit_flips, damaged, uncached_answers

pytestmark = pytest.mark.slow  # each test damages a kept file and asks its questions again

# Questions whose first answer changes when the words are not weighed by how few records hold them (each was
# answered otherwise before the weighting), so that a copy of the counts believed wrongly shows
QUESTIONS = ["stock exchange operator where Bone Therapeutics is listed",
             "european association of radionuclide and radiopharmaceutical producers hosted in Brussels",
             "Investieren belgische Biotechfirmen auch in Nachhaltigkeit, etwa in die Wiederverwendung von "
             "gereinigtem Abwasser?"]


def asked(path: Path) -> Answers:
    return answers(path, [("ask", q, "--json") for q in QUESTIONS])


def expected_of(path: Path) -> Answers:
    return uncached_answers(path, [("ask", q, "--json") for q in QUESTIONS])


def kept(cache_dir: Path) -> Path:
    [words] = cache_dir.glob("*.words")
    return words


@pytest.fixture
def settled(tmp_path: Path) -> Path:
    """The shipped knowledge file, last modified an hour ago (so that it is cached)."""
    path = tmp_path / "facts.toml"
    shutil.copy(SHIPPED, path)
    os.utime(path, (time.time() - 3600, time.time() - 3600))
    return path


def test_ask_from_the_kept_words_answers_as_a_fresh_parse(cache_dir: Path, settled: Path):
    expected = expected_of(settled)
    assert all(code == 0 for code, _, _ in expected)
    load(settled)
    assert not list(cache_dir.glob("*.words"))
    assert asked(settled) == expected
    words = kept(cache_dir)
    assert words.stat().st_mode & 0o777 == 0o600
    made = words.stat().st_mtime_ns
    assert asked(settled) == expected
    assert words.stat().st_mtime_ns == made  # read, not made again


def forge(words: Path) -> None:
    """The kept words with no word counted and the checksum made good: believed, every word weighs the same."""
    header, _, body = words.read_bytes().partition(b"\n")
    data = json.loads(body)
    data["holding"] = {w: 0 for w in data["holding"]}
    forged = json.dumps(data).encode()
    words.write_bytes(json.dumps([*json.loads(header)[:-1], zlib.crc32(forged)]).encode() + b"\n" + forged)


def test_a_forged_copy_is_believed_only_when_ours(cache_dir: Path, settled: Path):
    """The premise of the trust rules, as for the search index: the questions depend on the counts (a forged copy
    of ours changes their answers), and one that others can write is not read."""
    expected = expected_of(settled)
    load(settled)
    asked(settled)
    words = kept(cache_dir)
    forge(words)
    assert asked(settled) != expected
    words.chmod(0o660)
    assert asked(settled) == expected
    assert words.stat().st_mode & 0o777 == 0o600  # replaced by one of ours


def test_20_random_bit_flips_in_the_kept_words_never_change_an_answer(cache_dir: Path, settled: Path):
    expected = expected_of(settled)
    load(settled)
    asked(settled)
    words = kept(cache_dir)
    good = words.read_bytes()
    for bit in bit_flips(words, 20, seed=19):
        assert asked(settled) == expected, f"bit {bit}"
        assert words.read_bytes() == good  # found broken, and made again


@pytest.mark.parametrize("damage", ["version", "count", "key", "truncated", "not json"])
def test_a_stale_or_damaged_copy_is_made_again(cache_dir: Path, settled: Path, damage: str):
    expected = expected_of(settled)
    load(settled)
    asked(settled)
    words = kept(cache_dir)
    good = words.read_bytes()
    words.write_bytes(damaged(good, damage))
    assert asked(settled) == expected
    assert words.read_bytes() == good
