"""The search index of the statistics (issue 13): kept beside the parse cache, it finds at least every statistic a
full scan would, and one missing, stale, broken or not ours is never believed."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ecofacts import search, search_index
from ecofacts.loader import load
from ecofacts.names import fold

from .conftest import SHIPPED, Answers, answers, bit_flips, damaged, invoke, uncached_answers

pytestmark = pytest.mark.slow  # each test damages a cache and asks eight questions again

HOUR = 3600
QUERIES = ["cyclotron", "3,800", "Liege", "nuclear medicine", "2021", "€5.7", "no such words anywhere"]
FEW = QUERIES[:3]  # where the index is made again after each change: a broken one is not read at all

# Texts with what folding has to get right: accents composed and not, ligatures, dotted capitals, punctuation
# (ASCII and not), runs of spaces, tabs and newlines inside a text, digits grouped by spaces.
TRICKY = "aeé\u0301E É-_,.;:/\t\n 38 0ﬁİßΣς€’–\u00a0\u2028x"
texts = st.one_of(st.text(), st.text(alphabet=TRICKY))
rows = st.lists(st.lists(texts, max_size=4), max_size=4)


@given(rows)
@example([["3 800 jobs", "Liège\tand\nNamur"], [], [""], ["  -é- "]])
def test_the_index_folds_every_text_as_fold_does(given_rows: list[list[str]]):
    assert search_index.index_text(given_rows) == "\n".join("\t".join(fold(t) for t in row) for row in given_rows)


def found_by_a_full_scan(key: str, text: str) -> bool:
    folded = search.normal(key)
    return bool(folded) and search._pattern(folded).search(search.normal(text)) is not None


@given(st.lists(texts, min_size=1, max_size=3), st.data())
@example(["about 3 800 jobs"], None)
@example(["2 000 000 euros", "x"], None)
def test_the_index_finds_every_line_a_full_scan_finds(row: list[str], data: st.DataObject | None):
    """For a key cut out of one of the texts (or, in the examples, a number written another way), the index finds
    the line whenever the full scan finds the text."""
    if data is None:
        keys = ["3800", "3,800", "3.800", "2000000", "2,000,000"]
    else:
        text = data.draw(st.sampled_from(row))
        start = data.draw(st.integers(0, len(text)))
        keys = [text[start:data.draw(st.integers(start, len(text)))]]
    line = search_index.index_text([row]).encode()
    for key in keys:
        if any(found_by_a_full_scan(key, t) for t in row):
            assert search_index.index_pattern(key).search(line), (key, row)


@pytest.fixture
def settled(tmp_path: Path) -> Path:
    """The shipped knowledge file with 300 more statistics, last modified an hour ago (so that it is cached)."""
    path = tmp_path / "facts.toml"
    shutil.copy(SHIPPED, path)
    source = first_source()
    with path.open("a", encoding="utf-8") as f:
        for i in range(300):
            f.write(f'\n[[stats]]\nid = "extra-{i}"\nsubject = "wallonia"\nmetric = "extra"\ntopic = "employment"\n'
                    f'label = "Extra figure {i} about cyclotron sites in Liège"\nvalue = {i}\nunit = "jobs"\n'
                    f'status = "measured"\ntext = "{i} 800 jobs"\nquote = "{i} 800 jobs"\nsource = "{source}"\n')
    os.utime(path, (time.time() - HOUR, time.time() - HOUR))
    return path


def first_source() -> str:
    import tomllib

    return next(s["id"] for s in tomllib.loads(SHIPPED.read_text(encoding="utf-8"))["sources"]
                if s.get("kind") == "document")


def index_of(cache_dir: Path) -> Path:
    [index] = cache_dir.glob("*.search")
    return index


def searches(path: Path, queries: list[str] = QUERIES) -> Answers:
    return answers(path, [("search", q, "--json") for q in queries])


def expected_of(path: Path, queries: list[str] = QUERIES) -> Answers:
    """The searches answered from the file's bytes, without the parse cache or the index."""
    return uncached_answers(path, [("search", q, "--json") for q in queries])


def test_search_from_the_index_answers_as_a_full_scan(cache_dir: Path, settled: Path):
    expected = expected_of(settled)
    assert any(json.loads(out) for code, out, _ in expected if code == 0)
    load(settled)  # the parse cache, then the index on the first search
    assert not list(cache_dir.glob("*.search"))
    assert searches(settled) == expected
    index = index_of(cache_dir)
    assert index.stat().st_mode & 0o777 == 0o600
    made = index.stat().st_mtime_ns
    assert searches(settled) == expected
    assert index.stat().st_mtime_ns == made  # read, not made again
    hits = json.loads(invoke("--data", str(settled), "search", "1,800", "--json").stdout)
    assert [h["id"] for h in hits if h["id"].startswith("extra-")] == ["extra-1"]  # "1 800 jobs", not "11 800 jobs"


def test_40_random_bit_flips_in_the_index_never_change_an_answer(cache_dir: Path, settled: Path):
    expected = expected_of(settled, FEW)
    load(settled)
    searches(settled, queries=FEW)
    index = index_of(cache_dir)
    good = index.read_bytes()
    for bit in bit_flips(index, 40, seed=13):
        assert searches(settled, queries=FEW) == expected, f"bit {bit}"
        assert index.read_bytes() == good  # found broken, and made again


def forge(index: Path) -> None:
    """The index with every line emptied and its checksum made good: believed, it would hide every statistic."""
    import zlib

    header, _, body = index.read_bytes().partition(b"\n")
    empty = b"\n" * body.count(b"\n")
    index.write_bytes(json.dumps([*json.loads(header)[:-1], zlib.crc32(empty)]).encode() + b"\n" + empty)


def test_a_forged_index_is_believed_only_when_ours(cache_dir: Path, settled: Path):
    """The premise of the trust rules: an index we wrote, and nobody else could, is believed, so a forged one that
    nobody else could write hides statistics; one that others can write, or a link, is not read."""
    expected = expected_of(settled)
    load(settled)
    searches(settled)
    index = index_of(cache_dir)
    forge(index)
    hidden = json.loads(invoke("--data", str(settled), "search", "cyclotron", "--json").stdout)
    assert not any(h["kind"] == "statistic" for h in hidden)
    index.chmod(0o660)
    assert searches(settled) == expected
    forge(index)
    planted = index.with_name("planted")
    index.rename(planted)
    index.symlink_to(planted)
    assert searches(settled) == expected
    assert not index.is_symlink()  # replaced by one of ours


@pytest.mark.parametrize("thing", ["fifo", "folder"])
def test_something_else_in_place_of_the_index_is_not_read(cache_dir: Path, settled: Path, thing: str):
    expected = expected_of(settled, FEW)
    load(settled)
    searches(settled, queries=FEW)
    index = index_of(cache_dir)
    index.unlink()
    os.mkfifo(index, 0o600) if thing == "fifo" else index.mkdir(mode=0o700)
    assert searches(settled, queries=FEW) == expected  # (a FIFO opened for reading would wait for a writer)


@pytest.mark.parametrize("damage", ["version", "count", "key", "truncated", "not json"])
def test_a_stale_or_damaged_index_is_made_again(cache_dir: Path, settled: Path, damage: str):
    expected = expected_of(settled)
    load(settled)
    searches(settled)
    index = index_of(cache_dir)
    good = index.read_bytes()
    index.write_bytes(damaged(good, damage))
    assert searches(settled) == expected
    assert index.read_bytes() == good


@pytest.mark.parametrize("damage", ["DELETE FROM stats WHERE id = 'extra-5'",
                                    "UPDATE stats SET label = 'x' WHERE id = 'extra-5'"])
def test_rows_the_index_points_to_are_verified(cache_dir: Path, settled: Path, damage: str):
    expected = expected_of(settled, FEW)
    load(settled)
    searches(settled, queries=FEW)
    [database] = cache_dir.glob("*.sqlite")
    with sqlite3.connect(database) as db:
        db.execute(damage)
    db.close()
    assert searches(settled, queries=FEW) == expected


def test_an_edited_file_gets_a_new_index(cache_dir: Path, settled: Path):
    load(settled)
    searches(settled)
    text = settled.read_text(encoding="utf-8").replace("Extra figure 7 about cyclotron", "Extra figure 7 about zebras")
    settled.write_text(text, encoding="utf-8")
    os.utime(settled, (time.time() - HOUR, time.time() - HOUR))
    load(settled)
    ids = [h["id"] for h in json.loads(invoke("--data", str(settled), "search", "zebras", "--json").stdout)]
    assert ids == ["extra-7"]


def test_an_index_that_cannot_be_written_leaves_nothing_behind(cache_dir: Path, settled: Path,
                                                               monkeypatch: pytest.MonkeyPatch):
    expected = expected_of(settled)
    load(settled)
    real_open = open

    def full(file, mode="r", *args, **kwargs):
        if "w" in mode and str(file).endswith(".tmp"):
            raise OSError(28, "No space left on device")
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", full)
    assert searches(settled) == expected
    monkeypatch.undo()
    assert sorted(p.suffix for p in cache_dir.iterdir()) == [".sqlite"]


def test_an_organisations_figures_filed_under_its_region_are_the_same_from_the_index(cache_dir: Path,
                                                                                        settled: Path):
    """`query.filed_under_region` reads the labels through the index's label field: the same statistics as a scan
    of every statistic of the region, for every cluster and organisation."""
    from ecofacts import query

    fresh = load(settled, use_cache=False)
    load(settled)
    cached = load(settled)
    assert type(cached.stats).__name__ == "CachedStats"
    invoke("--data", str(settled), "search", "x")  # the index made
    records = [*fresh.whole["clusters"], *fresh.whole["actors"]]
    found = {r.id: [s.id for s in query.filed_under_region(fresh, r)] for r in records}
    assert sum(map(len, found.values())) >= 4 and found["biowin"]
    assert {r.id: [s.id for s in query.filed_under_region(cached, r)] for r in records} == found
