"""Issue 15, the parse cache (reliability rows 26-28): trusted only when private, every row verified, never in the
way of an answer."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from ecofacts import cache_stats
from ecofacts.cache_stats import CachedStats
from ecofacts.knowledge import StatList
from ecofacts.loader import load

from .conftest import SHIPPED, Answers, answers, bit_flips, invoke, uncached_answers

pytestmark = pytest.mark.slow  # each test damages a cache and asks eight questions again

HOUR = 3600


@pytest.fixture
def settled(tmp_path: Path) -> Path:
    """A copy of the shipped knowledge file, last modified an hour ago (so that it is cached)."""
    path = tmp_path / "facts.toml"
    shutil.copy(SHIPPED, path)
    os.utime(path, (time.time() - HOUR, time.time() - HOUR))
    return path


def the_database(folder: Path) -> Path:
    [database] = folder.glob("*.sqlite")
    return database


COMMANDS = [("stats", "--json"), ("stats", "wallonia", "--json"), ("show", "wallonia-nuclear-medicine-jobs", "--json"),
            ("sources", "--json"), ("actors", "--city", "Liège", "--json"),
            ("compare", "belgium", "wallonia", "--json"), ("search", "cyclotron", "--json"),
            ("search", "3,800", "--json"), ("series", "wallonia", "--metric", "rd_intensity_gdp_percent", "--json")]


def asked(path: Path) -> Answers:
    return answers(path, COMMANDS)


def expected_of(path: Path) -> Answers:
    return uncached_answers(path, COMMANDS)


def wallonia(path: Path) -> str:
    """What `stats wallonia --json` answers from the file's bytes, without the cache."""
    return uncached_answers(path, [("stats", "wallonia", "--json")])[0][1]


# --- row 26: someone else's cache ---------------------------------------------------------------------------------


def plant_forged(cache_dir: Path, settled: Path) -> Path:
    load(settled)
    database = the_database(cache_dir)
    with sqlite3.connect(database) as db:  # a forged figure, with its checksum recomputed: only trust can refuse it
        row = list(db.execute("SELECT rowid, * FROM stats WHERE subject = 'wallonia' ORDER BY rowid").fetchone())
        columns = [c[1] for c in db.execute("PRAGMA table_info(stats)")]
        row[columns.index("value") + 1] = 666666
        crc = cache_stats.row_crc(row[:-1])
        db.execute("UPDATE stats SET value = ?, crc = ? WHERE rowid = ?", (666666, crc, row[0]))
    db.close()
    return database


def test_a_forged_row_with_a_good_checksum_is_believed_only_when_ours(cache_dir: Path, settled: Path):
    """The premise of the trust rules: a database we wrote, and nobody else could, is believed."""
    plant_forged(cache_dir, settled)
    assert "666666" in invoke("--data", str(settled), "stats", "wallonia", "--json").stdout


@pytest.mark.skipif(os.geteuid() != 0, reason="planting a file as another user needs root")
def test_a_database_owned_by_someone_else_is_never_read(cache_dir: Path, settled: Path):
    expected = wallonia(settled)
    database = plant_forged(cache_dir, settled)
    os.chown(database, 65534, 65534)
    result = invoke("--data", str(settled), "stats", "wallonia", "--json")
    assert (result.exit_code, result.stdout) == (0, expected)
    assert database.stat().st_uid == os.getuid()  # replaced by one of ours


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a folder to another user needs root")
def test_a_folder_owned_by_someone_else_is_left_alone_for_a_private_one(cache_dir: Path, settled: Path):
    expected = wallonia(settled)
    plant_forged(cache_dir, settled)
    os.chown(cache_dir, 65534, 65534)
    assert invoke("--data", str(settled), "stats", "wallonia", "--json").stdout == expected
    private = cache_dir.with_name(f"ecofacts-{os.getuid()}")
    assert list(private.glob("*.sqlite"))
    assert invoke("--data", str(settled), "stats", "wallonia", "--json").stdout == expected


def test_a_group_writable_database_is_never_read(cache_dir: Path, settled: Path):
    expected = wallonia(settled)
    database = plant_forged(cache_dir, settled)
    database.chmod(0o660)
    assert invoke("--data", str(settled), "stats", "wallonia", "--json").stdout == expected


@pytest.mark.parametrize("mode", [0o770, 0o707, 0o777])
def test_a_folder_others_can_write_is_never_read(cache_dir: Path, settled: Path, mode: int):
    expected = wallonia(settled)
    plant_forged(cache_dir, settled)
    cache_dir.chmod(mode)
    assert invoke("--data", str(settled), "stats", "wallonia", "--json").stdout == expected
    assert (cache_dir.stat().st_mode & 0o777) == mode  # not made private: what is in it may not be ours
    assert list(cache_dir.with_name(f"ecofacts-{os.getuid()}").glob("*.sqlite"))


# --- row 27: rows flipped, altered, deleted ---------------------------------------------------------------------------


def test_40_random_bit_flips_never_change_an_answer(cache_dir: Path, settled: Path):
    expected = expected_of(settled)
    assert all(code == 0 for code, _, _ in expected)
    load(settled)
    for bit in bit_flips(the_database(cache_dir), 40, seed=15):
        assert asked(settled) == expected, f"bit {bit}"


@pytest.mark.parametrize("damage", [
    "DELETE FROM stats WHERE rowid = (SELECT min(rowid) FROM stats WHERE subject = 'wallonia')",
    "DELETE FROM stats WHERE rowid = (SELECT max(rowid) FROM stats)",
    "UPDATE stats SET value = value + 1",
    "UPDATE stats SET subject = 'belgium' WHERE subject = 'wallonia'",
    # one subject's figure of one metric moved to another metric: where_each never reads that row; the counts see it
    "UPDATE stats SET metric = 'x' WHERE rowid = (SELECT min(rowid) FROM stats WHERE subject = 'wallonia' AND "
    "metric = 'rd_intensity_gdp_percent')",
    "DELETE FROM counts WHERE key = 'topic'",
    "UPDATE counts SET n = n + 1 WHERE key = 'subject'",
    "UPDATE records SET tbl = 'cities' WHERE tbl = 'actors'",
    "UPDATE records SET id = id || 'x' WHERE rowid = 3",
    "DELETE FROM records WHERE rowid = 5",
    "UPDATE meta SET stats = stats - 1",
    "DROP INDEX stats_subject",
    "DELETE FROM meta",
])
def test_altered_or_deleted_rows_are_found(cache_dir: Path, settled: Path, damage: str):
    expected = expected_of(settled)
    load(settled)
    with sqlite3.connect(the_database(cache_dir)) as db:
        db.execute(damage)
    db.close()
    assert asked(settled) == expected


def test_only_the_errors_of_a_broken_database_mean_broken():
    assert set(cache_stats.BROKEN) == {sqlite3.Error, ValueError, cache_stats.Corrupt}


def test_a_verified_database_is_used(cache_dir: Path, settled: Path):
    load(settled)
    k = load(settled)
    assert isinstance(k.stats, CachedStats)
    fresh = load(settled, use_cache=False)
    assert isinstance(fresh.stats, StatList)
    assert [s.id for s in k.stats] == [s.id for s in fresh.stats]
    assert k.stats.distinct("subject") == fresh.stats.distinct("subject")
    assert k.stats.count(subject=["wallonia"], metric=["jobs"]) == fresh.stats.count(subject=["wallonia"],
                                                                                    metric=["jobs"])


# --- row 28: a cache folder that cannot be used ------------------------------------------------------------------


def test_a_file_in_place_of_the_cache_folder(cache_dir: Path, settled: Path):
    expected = expected_of(settled)
    cache_dir.parent.mkdir(parents=True)
    cache_dir.write_text("not a folder")
    private = cache_dir.with_name(f"ecofacts-{os.getuid()}")
    private.write_text("nor this")
    assert asked(settled) == expected


def test_a_read_only_or_full_cache_folder(cache_dir: Path, settled: Path, monkeypatch: pytest.MonkeyPatch):
    import tempfile

    expected = expected_of(settled)

    def read_only(*args, **kwargs):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    assert asked(settled) == expected
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_dir.parent))
    real_connect = sqlite3.connect

    def full(where, *args, **kwargs):
        if "mode=ro" not in str(where):
            raise sqlite3.OperationalError("database or disk is full")
        return real_connect(where, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", full)
    assert asked(settled) == expected
    assert [p.name for p in cache_dir.iterdir()] == []


def test_stale_temp_files_in_the_cache_folder_are_removed(cache_dir: Path, settled: Path):
    cache_dir.mkdir(parents=True, mode=0o700)
    dead = cache_dir / ".999999999.abcd.tmp"
    old = cache_dir / ".zzzz.tmp"
    dead.write_text("x")
    old.write_text("x")
    os.utime(old, (time.time() - 2 * HOUR, time.time() - 2 * HOUR))
    load(settled)
    assert sorted(p.name for p in cache_dir.iterdir() if p.name.endswith(".tmp")) == []
