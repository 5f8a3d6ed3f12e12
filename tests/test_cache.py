"""The parse cache: used only while fresh, private to the user, ignored (never fatal) when broken."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import time
from pathlib import Path

import pytest

from ecofacts import __version__, private
from ecofacts.cache_stats import CachedStats
from ecofacts.knowledge import StatList
from ecofacts.loader import load

from .conftest import invoke

HOUR_NS = 3600 * 10**9


@pytest.fixture
def settled(tiny: Path) -> Path:
    """The tiny knowledge file, last modified an hour ago (a file changed just now is not cached yet)."""
    age(tiny, HOUR_NS)
    return tiny


def age(path: Path, by_ns: int) -> None:
    then = time.time_ns() - by_ns
    os.utime(path, ns=(then, then))


def databases(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.glob("*.sqlite")) if cache_dir.exists() else []


def jobs_in_wallonia(path: Path) -> float:
    [stat] = load(path).stats.where(subject=["wallonia"])
    return stat.value


def test_a_settled_file_is_cached_privately_and_read_back(cache_dir: Path, settled: Path):
    first = load(settled)
    assert isinstance(first.stats, StatList)
    [database] = databases(cache_dir)
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    second = load(settled)
    assert isinstance(second.stats, CachedStats)
    assert second.by_id.keys() == first.by_id.keys()
    assert second.by_id["masthercell"] == first.by_id["masthercell"]  # nested events come back whole
    assert list(second.stats) == list(first.stats)
    assert second.names == first.names


def test_a_file_just_modified_is_not_cached_yet(cache_dir: Path, tiny: Path):
    load(tiny)
    assert databases(cache_dir) == []


def test_an_edited_file_of_the_same_size_is_read_again(cache_dir: Path, settled: Path):
    assert jobs_in_wallonia(settled) == 3800
    assert jobs_in_wallonia(settled) == 3800  # from the cache
    settled.write_text(settled.read_text().replace("value = 3800", "value = 3900"))
    age(settled, HOUR_NS // 2)
    assert jobs_in_wallonia(settled) == 3900


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(cache_dir: Path, settled: Path):
    assert jobs_in_wallonia(settled) == 3800
    info = settled.stat()
    settled.write_text(settled.read_text().replace("value = 3800", "value = 3900"))
    os.utime(settled, ns=(info.st_atime_ns, info.st_mtime_ns))  # as `cp -p` or `touch -r` would leave it
    assert settled.stat().st_size == info.st_size
    assert jobs_in_wallonia(settled) == 3900


@pytest.mark.parametrize("damage", ["garbage", "empty", "truncated", "other version", "altered row",
                                    "altered record", "missing record"])
def test_a_broken_cache_is_ignored_and_rebuilt(cache_dir: Path, settled: Path, damage: str):
    expected = invoke("--no-cache", "--data", str(settled), "stats", "--json").stdout
    load(settled)
    [database] = databases(cache_dir)
    if damage == "garbage":
        database.write_bytes(os.urandom(4096))
    elif damage == "empty":
        database.write_bytes(b"")
    elif damage == "truncated":
        database.write_bytes(database.read_bytes()[: database.stat().st_size // 2])
    else:
        with sqlite3.connect(database) as db:
            if damage == "other version":
                key = json.loads(db.execute("SELECT key FROM meta").fetchone()[0])
                key[key.index(__version__)] = "0.0.0"
                db.execute("UPDATE meta SET key = ?", (json.dumps(key),))
            elif damage == "altered row":
                db.execute("UPDATE stats SET related = 'not json' WHERE id = 'belgium-jobs'")
            elif damage == "altered record":
                db.execute("UPDATE records SET data = '{\"id\": 1}' WHERE id = 'wallonia'")
            else:
                db.execute("DELETE FROM records WHERE id = 'doc-a'")
        db.close()
    result = invoke("--data", str(settled), "stats", "--json")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected
    assert invoke("--data", str(settled), "stats", "--json").stdout == expected  # rebuilt, or read again


def test_a_database_that_fails_mid_way_answers_from_a_fresh_parse(cache_dir: Path, settled: Path):
    expected = invoke("--no-cache", "--data", str(settled), "show", "wallonia-jobs", "--json").stdout
    load(settled)
    k = load(settled)
    [database] = databases(cache_dir)
    with sqlite3.connect(database) as db:  # the named records were read; the statistics are now unreadable
        db.execute("DROP TABLE stats")
    db.close()
    assert [s.id for s in k.stats.where(subject=["wallonia"])] == ["wallonia-jobs"]
    with sqlite3.connect(database) as db:  # and the database was rebuilt
        assert db.execute("SELECT count(*) FROM stats").fetchone() == (3,)
    db.close()
    assert invoke("--data", str(settled), "show", "wallonia-jobs", "--json").stdout == expected


def test_an_invalid_file_is_never_cached(cache_dir: Path, settled: Path):
    settled.write_text(settled.read_text().replace('kind = "company"', 'kind = "spaceship"'))
    age(settled, HOUR_NS)
    assert invoke("--data", str(settled), "actors").exit_code == 3
    assert databases(cache_dir) == []


@pytest.mark.parametrize("env", [{}, {"ECOFACTS_NO_CACHE": "1"}])
def test_no_cache_writes_nothing(cache_dir: Path, settled: Path, env: dict[str, str]):
    args = ("--data", str(settled)) if env else ("--no-cache", "--data", str(settled))
    result = invoke(*args, "stats", "wallonia", "--json", env=env)
    assert result.exit_code == 0, result.stderr
    assert not cache_dir.exists()


def test_no_cache_does_not_read_either(cache_dir: Path, settled: Path):
    load(settled)
    [database] = databases(cache_dir)
    database.write_bytes(b"x" * 100)
    assert isinstance(load(settled, use_cache=False).stats, StatList)
    assert database.read_bytes() == b"x" * 100


def test_a_shared_cache_folder_is_made_private(cache_dir: Path, settled: Path):
    cache_dir.mkdir(parents=True, mode=0o755)
    cache_dir.chmod(0o755)
    load(settled)
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700


@pytest.mark.parametrize("command", [
    ("stats", "--json"), ("stats", "wallonie", "-m", "--json"), ("stats", "--topic", "employment", "--json"),
    ("compare", "belgium", "wallonia", "--json"), ("show", "wallonia-jobs", "--json"), ("show", "WALLONIA JOBS"),
    ("show", "liege", "--json"), ("sources", "--json"), ("sources", "doc-a", "--json"), ("search", "jobs"),
    ("show", "wallonia-job"),
])
def test_answers_are_the_same_from_the_cache(cache_dir: Path, settled: Path, command: tuple[str, ...]):
    fresh = invoke("--no-cache", "--data", str(settled), *command)
    invoke("--data", str(settled), *command)
    assert databases(cache_dir)
    cached = invoke("--data", str(settled), *command)
    assert (cached.exit_code, cached.stdout, cached.stderr) == (fresh.exit_code, fresh.stdout, fresh.stderr)


def test_the_cache_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert private.folder() == tmp_path / "ecofacts"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    assert private.folder() == Path.home() / ".cache" / "ecofacts"


def test_show_lists_at_most_50_look_alikes_and_says_how_many_there_are(cache_dir: Path, tiny: Path):
    copies = "".join(f"""
[[stats]]
id = "copy-{i}"
subject = "flanders"
metric = "nuclear_medicine_jobs"
topic = "nuclear medicine"
label = "A copy"
value = {i}
unit = "jobs"
status = "measured"
text = "{i}"
quote = "{i}"
source = "doc-a"
""" for i in range(60))
    tiny.write_text(tiny.read_text() + copies)
    age(tiny, HOUR_NS)
    for _ in ("parsed", "cached"):
        doc = json.loads(invoke("--data", str(tiny), "show", "wallonia-jobs", "--json").stdout)
        section = doc["related"]["look-alike and comparable statistics"]
        assert [r["id"] for r in section["rows"]][:3] == ["belgium-jobs", "copy-0", "copy-1"]
        assert (len(section["rows"]), section["total"]) == (50, 61)
        table = invoke("--data", str(tiny), "show", "wallonia-jobs").stdout
        assert "look-alike and comparable statistics (50 of 61)" in table
    assert databases(cache_dir)


def test_the_records_citing_a_source_are_those_a_full_scan_finds_from_the_file_and_the_cache(cache_dir, tmp_path):
    from ecofacts.kinds import NAMED

    from .conftest import SHIPPED

    path = tmp_path / "facts.toml"
    path.write_bytes(SHIPPED.read_bytes())
    os.utime(path, (time.time() - 3600, time.time() - 3600))
    load(path)
    for k in (load(path, use_cache=False), load(path)):
        cited = 0
        for src in k.whole["sources"]:
            scan = [rec.id for t in NAMED for rec in k.whole[t] if src.id in rec.sources]
            assert [rec.id for rec in k.citing(src.id)] == scan, src.id
            cited += bool(scan)
        assert cited > 10
        assert k.citing("no-such-source") == []
